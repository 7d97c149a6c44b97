"""API hygiene: docs pages that work offline, a strict Bearer check, 413 for any oversized body,
and the same language refusal as the CLI."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.api.conftest import TOKEN
from tightrope.api import ApiSettings, create_app

pytestmark = pytest.mark.anyio

_URL = re.compile(r"""https?://[^\s"'<>)]+""")
_ASSET = re.compile(r"""(?:src|href|spec-url)="([^"]+)"|url: '([^']+)'""")
# 19 words: too short for the stopword ratio, which judges 25 words or more.
FRENCH = ("Le ministre des Affaires étrangères a condamné lundi les frappes contre la ville et demandé un "
          "cessez-le-feu immédiat.")


def _error(response, status):
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"error"} and body["error"]["status"] == status
    return body["error"]["detail"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_hygiene_docs_pages_load_every_asset_from_the_server(client, page):
    response = await client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]  # the browser enforces it too
    html = response.text
    outside = [u for u in _URL.findall(html) if not u.startswith("http://testserver/")]
    assert not outside, f"{page} loads from outside the server: {outside}"
    assets = [next(g for g in m if g) for m in _ASSET.findall(html)]
    assert len(assets) >= 3, assets  # the script, the favicon, the schema (and Swagger UI's CSS)
    assert any(a.endswith(".js") for a in assets), assets
    for asset in assets:
        fetched = await client.get(asset)
        assert fetched.status_code == 200 and fetched.content, f"{page} references {asset}: {fetched.status_code}"
        if asset.endswith(".js"):
            assert len(fetched.content) > 100_000, asset  # the real bundle, not a stub


async def test_hygiene_swagger_ui_is_told_not_to_call_the_online_validator(client):
    assert '"validatorUrl": null' in (await client.get("/docs")).text


@pytest.mark.parametrize("header", [TOKEN, f"Token {TOKEN}", f"Basic {TOKEN}", "Bearer", "Bearer ",
                                    f"Bearer{TOKEN}", f"Bearer {TOKEN}x", f"{TOKEN} Bearer"])
async def test_hygiene_post_refuses_a_token_without_the_bearer_scheme(client, header):
    # A blank text: were the token taken, the answer would be 422 (no text), and nothing is ever stored.
    response = await client.post("/api/articles", json={"text": " "}, headers={"Authorization": header})
    assert "Authorization: Bearer" in _error(response, 401)


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
async def test_hygiene_post_accepts_the_bearer_scheme_in_any_case(client, scheme):
    # A blank text is refused only after the token check, so 422 shows the token was taken.
    response = await client.post("/api/articles", json={"text": " "}, headers={"Authorization": f"{scheme}  {TOKEN}"})
    assert "no article text" in _error(response, 422)


async def test_hygiene_chunked_body_over_the_limit_gets_413(client):
    chunk = b"x" * 50_000

    async def body():
        for _ in range(10):  # 500 kB against the fixture's 200 kB limit, with no Content-Length
            yield chunk

    response = await client.post("/api/articles", content=body(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert "byte limit" in _error(response, 413)


async def test_hygiene_chunked_body_under_the_limit_still_reaches_the_endpoint(client):
    async def body():
        yield b'{"title": '
        yield b'"no body"}'

    response = await client.post("/api/articles", content=body(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert "text" in _error(response, 422)  # parsed: the body arrived whole


async def test_hygiene_post_refuses_a_short_french_text_like_the_cli(example_db, copy_of):
    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        detail = _error(await client.post("/api/articles", json={"text": FRENCH}, headers=headers), 422)
        assert "does not look like English" in detail and "French" in detail
        assert (await client.get("/api/articles")).json()["total"] == 3  # nothing stored
        short = {"text": "Kenya condemned Uganda on Monday. Officials said talks would resume.",
                 "title": "Kenya condemns Uganda", "published": "2024-02-06"}
        assert (await client.post("/api/articles", json=short, headers=headers)).status_code == 201


@pytest.fixture
def live_server(example_db, copy_of):
    """The app under a real uvicorn server on a loopback port, in a thread."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN, max_request_bytes=200_000))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_hygiene_chunked_body_over_the_limit_gets_413_from_a_real_server(live_server):
    def body():
        for _ in range(10):
            yield b"x" * 50_000

    with httpx.Client(base_url=live_server, timeout=10) as client:
        response = client.post("/api/articles", content=body(),
                               headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert response.request.headers.get("transfer-encoding") == "chunked"
        assert "byte limit" in _error(response, 413)
        assert client.get("/api/health").status_code == 200  # the server goes on serving
