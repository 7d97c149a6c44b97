"""The network and country endpoints through a real ASGI client on real DuckDB files."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tightrope.api import ApiSettings, create_app

pytestmark = pytest.mark.anyio

# Told in 2020: a 1994 ceasefire (background history), a shelling and praise from this week.
HISTORY = ("In 1994, Armenia signed a ceasefire agreement with Azerbaijan. "
           "On Monday Armenia accused Azerbaijan of shelling border villages. "
           "Turkey praised Azerbaijan on Tuesday.")


@pytest.fixture(scope="module")
def history_db(pipeline, tmp_path_factory):
    from tightrope.store import Store

    path = tmp_path_factory.mktemp("history") / "history.duckdb"
    with Store(path) as store:
        store.save([pipeline.analyze_text(HISTORY, published=dt.date(2020, 10, 5))])
        told = store.rows("SELECT first_date, background FROM events WHERE cameo = '057'")
    assert told == [{"first_date": dt.date(1994, 1, 1), "background": True}], told
    return path


@pytest.fixture
async def history(history_db):
    app = create_app(ApiSettings(db=history_db))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        yield c


def _pair(network, a, b):
    return next(e for e in network["edges"] if (e["a"], e["b"]) == (a, b))


async def test_network_api_nodes_and_edges_carry_volume_partners_and_directions(client):
    network = (await client.get("/api/dyads")).json()
    assert network["edges"] and network["span"]["last"]
    for edge in network["edges"]:
        assert edge["a"] < edge["b"]
        assert edge["a_to_b"] + edge["b_to_a"] == edge["events"]
    nodes = {n["id"]: n for n in network["nodes"]}
    for code, node in nodes.items():
        mine = [e for e in network["edges"] if code in (e["a"], e["b"])]
        assert node["events"] == sum(e["events"] for e in mine) and node["partners"] == len(mine)
    assert nodes["RUS"]["name"] == "Russia"


async def test_network_api_min_events_drops_small_pairs_and_their_lone_nodes(client):
    every = (await client.get("/api/dyads")).json()
    most = max(e["events"] for e in every["edges"])
    assert min(e["events"] for e in every["edges"]) < most, "the example data needs pairs of different sizes"
    strong = (await client.get("/api/dyads", params={"min_events": most})).json()
    assert 0 < len(strong["edges"]) < len(every["edges"])
    assert all(e["events"] >= most for e in strong["edges"])
    assert {n["id"] for n in strong["nodes"]} == {c for e in strong["edges"] for c in (e["a"], e["b"])}
    assert (await client.get("/api/dyads", params={"min_events": 0})).status_code == 422


async def test_network_api_leaves_background_history_out_unless_asked(history):
    current = (await history.get("/api/dyads")).json()
    shelling = _pair(current, "ARM", "AZE")
    assert (shelling["events"], shelling["a_to_b"], shelling["b_to_a"]) == (1, 1, 0)
    assert current["span"]["first"] >= "2020-01-01"
    with_history = (await history.get("/api/dyads", params={"background": "true"})).json()
    assert _pair(with_history, "ARM", "AZE")["events"] == 2
    assert with_history["span"]["first"] == "1994-01-01"
    old = (await history.get("/api/dyads", params={"to": "2000-01-01"})).json()
    assert old["edges"] == [] and old["nodes"] == []


async def test_network_api_country_lists_partners_and_its_series(history):
    body = (await history.get("/api/countries/AZE")).json()
    assert body["code"] == "AZE" and body["name"] == "Azerbaijan"
    partners = {p["partner"]: p for p in body["partners"]}
    assert set(partners) == {"ARM", "TUR"}
    assert partners["ARM"]["from_partner"] == 1 and partners["ARM"]["to_partner"] == 0
    assert partners["TUR"]["name"] == "Turkey"
    assert sum(r["events"] for r in body["series"]) == body["events"] == 2
    assert all(r["period"] >= "2020-01-01" for r in body["series"])
    told = (await history.get("/api/countries/AZE", params={"background": "true", "by": "year"})).json()
    assert [r["period"] for r in told["series"]] == ["1994-01-01", "2020-01-01"]
    assert told["gaps"] == [{"start": "1995-01-01", "end": "2019-12-31"}]


async def test_network_api_country_code_in_any_case(client):
    upper = (await client.get("/api/countries/RUS")).json()
    lower = (await client.get("/api/countries/rus"))
    assert lower.status_code == 200 and lower.json() == upper
    assert upper["partners"] and upper["series"]
    by_events = [p["events"] for p in upper["partners"]]
    assert by_events == sorted(by_events, reverse=True)


async def test_network_api_country_errors_have_the_project_shape(client):
    missing = await client.get("/api/countries/XYZ")
    body = missing.json()
    assert missing.status_code == 404 and set(body) == {"error"}
    assert "'XYZ'" in body["error"]["detail"] and "/api/dyads" in body["error"]["detail"]
    known = await client.get("/api/countries/NOR")  # a country, just without events in the examples
    assert known.status_code == 200 and known.json()["partners"] == []
    for bad in ("/api/countries/R1S", "/api/countries/RUS?by=decade", "/api/countries/RUS?from=soon"):
        response = await client.get(bad)
        assert response.status_code == 422 and set(response.json()["error"]) == {"status", "title", "detail"}


async def test_network_api_country_page_redirects_lower_case(client):
    page = await client.get("/country/RUS")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    moved = await client.get("/country/rus?by=year")
    assert moved.status_code == 307 and moved.headers["location"].endswith("/country/RUS?by=year")


async def test_network_api_returns_the_busiest_pairs_up_to_the_limit(client):
    every = (await client.get("/api/dyads")).json()
    assert every["pairs"] == len(every["edges"]) >= 2
    top = (await client.get("/api/dyads", params={"limit": 1})).json()
    assert top["pairs"] == every["pairs"] and top["edges"] == every["edges"][:1]
    assert {n["id"] for n in top["nodes"]} == {top["edges"][0]["a"], top["edges"][0]["b"]}
    assert (await client.get("/api/dyads", params={"limit": 0})).status_code == 422


async def test_network_api_answer_follows_each_save(example_db, copy_of):
    import httpx

    from tightrope.api import ApiSettings, create_app

    app = create_app(ApiSettings(db=copy_of(example_db), token="t0ken"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
        before = (await c.get("/api/dyads")).json()
        assert (await c.get("/api/dyads")).json() == before  # asked again: the same answer
        article = {"text": "Kenya condemned Uganda on Monday over the border raid. Kenyan officials said Uganda "
                           "must withdraw its troops.", "title": "Kenya condemns Uganda", "published": "2024-02-06"}
        posted = await c.post("/api/articles", json=article, headers={"Authorization": "Bearer t0ken"})
        assert posted.status_code == 201
        after = (await c.get("/api/dyads")).json()
    pairs = {(e["a"], e["b"]) for e in after["edges"]}
    assert ("KEN", "UGA") in pairs and ("KEN", "UGA") not in {(e["a"], e["b"]) for e in before["edges"]}
