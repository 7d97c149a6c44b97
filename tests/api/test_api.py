"""The REST API through a real ASGI client on a real DuckDB file."""

from __future__ import annotations

import pytest

from tests.api.conftest import TOKEN

pytestmark = pytest.mark.anyio


def _is_error_shape(response, status):
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"error"} and set(body["error"]) == {"status", "title", "detail"}
    assert body["error"]["status"] == status and body["error"]["detail"]
    return body["error"]["detail"]


async def test_api_lists_articles_and_reads_one_with_annotations(client):
    listing = (await client.get("/api/articles")).json()
    assert listing["total"] == 3
    lavrov = next(a for a in listing["items"] if a["title"].startswith("Moscow plays down"))
    one = (await client.get(f"/api/articles/{lavrov['id']}")).json()
    text = one["article"]["text"]
    for event in one["events"]:
        assert text[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
    assert any(a["actor_id"] == "lavrov" and a["mentions"] for a in one["actors"])
    assert any(q["speaker_actor_id"] == "jaishankar" for q in one["quotes"])


async def test_api_events_filters(client):
    body = (await client.get("/api/events", params={"actor": "RUS", "cameo": "04", "modality": "asserted"})).json()
    assert body["items"] and all(e["cameo"].startswith("04") for e in body["items"])
    assert (await client.get("/api/events", params={"limit": 1})).json()["items"].__len__() == 1


async def test_api_actors_and_network_and_dyad(client):
    actors = (await client.get("/api/actors")).json()["items"]
    assert any(a["actor_id"] == "RUS" for a in actors)
    network = (await client.get("/api/dyads")).json()
    assert {"IND", "RUS"} <= {n["id"] for n in network["nodes"]}
    assert any({e["a"], e["b"]} == {"IND", "RUS"} for e in network["edges"])
    dyad = (await client.get("/api/dyads/RUS/IND")).json()
    assert dyad["series"] and dyad["brief"]["divergences"]


async def test_api_post_article_needs_the_token_and_stores_once(example_db, copy_of):
    import httpx

    from tightrope.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        await _post_twice(client)


async def _post_twice(client):
    article = {"text": "Kenya condemned Uganda on Monday over the border closure, officials said in Nairobi.",
               "title": "Kenya condemns Uganda", "published": "2024-02-06"}
    assert "Authorization" in _is_error_shape(await client.post("/api/articles", json=article), 401)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    first = await client.post("/api/articles", json=article, headers=headers)
    assert first.status_code == 201 and first.json()["events"] >= 1 and not first.json()["already_stored"]
    again = await client.post("/api/articles", json=article, headers=headers)
    assert again.json()["already_stored"] and again.json()["id"] == first.json()["id"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/api/articles/0000000000000000", {}, 404),
        ("get", "/api/articles/not-an-id", {}, 422),
        ("get", "/api/nowhere", {}, 404),
        ("get", "/api/events", {"params": {"limit": 0}}, 422),
        ("get", "/api/events", {"params": {"modality": "maybe"}}, 422),
        ("get", "/api/events", {"params": {"from": "yesterday"}}, 422),
        ("get", "/api/dyads/ru1/IND", {}, 422),
        ("get", "/api/events", {"params": {"sort": "colour"}}, 422),
        ("get", "/api/events", {"params": {"pair": "RUS"}}, 422),
        ("get", "/api/events/0000000000000000", {}, 404),
        ("get", "/api/events/download", {"params": {"format": "xml"}}, 422),
        ("get", "/api/dyads/RUS/IND", {"params": {"by": "century"}}, 422),
        ("post", "/api/articles", {"json": {"title": "no body"}, "headers": {"Authorization": f"Bearer {TOKEN}"}}, 422),
        ("post", "/api/articles", {"json": {"text": "x"}, "headers": {"Authorization": "Bearer wrong"}}, 401),
        ("post", "/api/articles", {"json": {"text": "   "}, "headers": {"Authorization": f"Bearer {TOKEN}"}}, 422),
        ("post", "/api/articles", {"content": b"{not json", "headers": {"Authorization": f"Bearer {TOKEN}",
                                                                        "Content-Type": "application/json"}}, 422),
        ("post", "/api/articles", {"json": {"text": "word " * 60_000}, "headers": {"Authorization": f"Bearer {TOKEN}"}}, 413),
        ("delete", "/api/articles", {}, 405),
    ],
)
async def test_api_every_error_has_one_shape(client, method, path, kwargs, status):
    _is_error_shape(await client.request(method.upper(), path, **kwargs), status)


async def test_api_writing_disabled_without_a_token(example_db, copy_of):
    import httpx

    from tightrope.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=copy_of(example_db), token=None))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        detail = _is_error_shape(await c.post("/api/articles", json={"text": "Hello there."}), 403)
    assert "TIGHTROPE_API_TOKEN" in detail


async def test_api_serves_dashboard_pages_and_local_assets(client):
    for path in ("/", "/events", "/dyad/RUS/IND"):
        page = await client.get(path)
        assert page.status_code == 200 and "/static/app.js" in page.text
        assert "http://" not in page.text and "https://" not in page.text  # no CDN
    assert (await client.get("/static/app.js")).status_code == 200


async def test_api_readers_are_pooled_and_closed_when_the_server_stops(example_db, copy_of):
    """Concurrent requests read on views from one pool (not left in the worker threads, where a
    connection dying with its thread at interpreter exit can abort the process); stopping the app
    closes them all, so the file opens for writing again in this process."""
    import asyncio

    import httpx

    from tightrope.api import ApiSettings, create_app
    from tightrope.store import Store

    path = copy_of(example_db)
    app = create_app(ApiSettings(db=path, token=None))  # read-only
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            for _ in range(3):
                answers = await asyncio.gather(*(c.get("/api/events") for _ in range(6)))
                assert {a.status_code for a in answers} == {200}
        made = len(app.state.db._readers)
        assert 1 <= made <= 6  # views are reused across the rounds, not made per request or per thread
    with Store(path) as store:  # DuckDB refuses a writer here while a read-only connection is open
        assert store.version() > 0
