"""POST /api/batches through a real ASGI client on a real DuckDB file."""

from __future__ import annotations

import shutil

import httpx
import pytest

from tests.api.conftest import TOKEN
from tightrope.api import ApiSettings, create_app

pytestmark = pytest.mark.anyio

AUTH = {"Authorization": f"Bearer {TOKEN}"}
KENYA = {"text": "Kenya condemned Uganda on Monday over the border closure, officials said in Nairobi.",
         "title": "Kenya condemns Uganda", "published": "2024-02-06", "source": "feeds/kenya.txt"}
PERU = {"text": "Peru and Chile signed a trade agreement in Lima on Tuesday, the two governments said.",
        "title": "Peru and Chile sign a deal", "published": "2024-03-05", "source": "feeds/peru.txt", "site": "Andes"}


def _error(response, status):
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["detail"]
    return body["error"]["detail"]


def _client(app):
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_batches_refused_without_the_token(example_db, copy_of, tmp_path):
    async with _client(create_app(ApiSettings(db=copy_of(example_db), token=TOKEN))) as c:
        assert "Authorization" in _error(await c.post("/api/batches", json=[KENYA]), 401)
        assert "Authorization" in _error(await c.post("/api/batches", json=[KENYA],
                                                      headers={"Authorization": "Bearer wrong"}), 401)
        _error(await c.get("/api/batches/limits"), 401)
        assert (await c.get("/api/articles")).json()["total"] == 3
    read_only = shutil.copy(example_db, tmp_path / "read-only.duckdb")
    async with _client(create_app(ApiSettings(db=read_only, token=None))) as c:
        assert "TIGHTROPE_API_TOKEN" in _error(await c.post("/api/batches", json=[KENYA], headers=AUTH), 403)
        _error(await c.get("/api/batches/limits", headers=AUTH), 403)


async def test_batches_limits_and_malformed_batches(example_db, copy_of):
    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN, max_request_bytes=50_000))
    async with _client(app) as c:
        assert (await c.get("/api/batches/limits", headers=AUTH)).json() == {"max_articles": 64,
                                                                            "max_request_bytes": 50_000}
        _error(await c.post("/api/batches", json=[KENYA] * 65, headers=AUTH), 422)
        _error(await c.post("/api/batches", json=[], headers=AUTH), 422)
        _error(await c.post("/api/batches", json=KENYA, headers=AUTH), 422)  # an object, not a list
        _error(await c.post("/api/batches", json=[{"text": "word " * 12_000}], headers=AUTH), 413)
        assert (await c.get("/api/articles")).json()["total"] == 3


async def test_batch_with_bad_articles_refuses_them_and_stores_the_rest(example_db, copy_of):
    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN))
    batch = [KENYA, {"text": "   ", "source": "feeds/blank.txt"}, {"text": "x", "html": "<p>x</p>"},
             {"text": "Die Regierung hat am Montag in Berlin die neuen Gesetze über die Steuern vorgestellt, "
                      "und die Minister haben sie gelobt, weil sie gut für das Land und für die Leute sind."},
             PERU, dict(KENYA), {**PERU, "title": "t" * 1001, "source": "feeds/long-title.txt"}]
    async with _client(app) as c:
        answer = await c.post("/api/batches", json=batch, headers=AUTH)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        results = body["results"]
        assert [r["status"] for r in results] == ["stored", "refused", "refused", "refused", "stored", "already",
                                                   "refused"]
        assert (body["stored"], body["already"], body["refused"]) == (2, 1, 4)
        assert [r["source"] for r in results][:3] == ["feeds/kenya.txt", "feeds/blank.txt", "api:batch[2]"]
        assert "no article text" in results[1]["reason"]
        assert "exactly one of 'text' or 'html'" in results[2]["reason"]
        assert "English" in results[3]["reason"]
        assert "title" in results[6]["reason"] and "1000" in results[6]["reason"]
        assert results[5]["id"] == results[0]["id"] and all(r["id"] is None for r in results[1:4])

        listing = (await c.get("/api/articles")).json()
        assert listing["total"] == 5
        stored = {a["id"]: a for a in listing["items"]}
        assert stored[results[4]["id"]]["source_path"] == "feeds/peru.txt"
        assert stored[results[4]["id"]]["site"] == "Andes"
        kenya = (await c.get(f"/api/articles/{results[0]['id']}")).json()
        assert kenya["events"], "the stored article was analysed"

        again = (await c.post("/api/batches", json=[KENYA, PERU], headers=AUTH)).json()
        assert [r["status"] for r in again["results"]] == ["already", "already"]
    issues = app.state.db.rows("SELECT source FROM issues WHERE source LIKE 'feeds/%' OR source LIKE 'api:%' "
                               "ORDER BY source")
    assert [i["source"] for i in issues] == ["api:batch[2]", "api:batch[3]", "feeds/blank.txt",
                                                  "feeds/long-title.txt"]


async def test_batches_a_server_without_models_says_so_and_stores_nothing(example_db, copy_of, tmp_path, monkeypatch):
    # The worker process builds its pipeline from the environment it is spawned with.
    monkeypatch.setenv("TIGHTROPE_MODELS", str(tmp_path / "no-models"))
    app = create_app(ApiSettings(db=copy_of(example_db), token=TOKEN))
    async with _client(app) as c:
        detail = _error(await c.post("/api/batches", json=[KENYA], headers=AUTH), 503)
        assert "cannot analyse" in detail and "make train" in detail
        assert (await c.get("/api/articles")).json()["total"] == 3
