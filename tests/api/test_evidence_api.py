"""Every event links to its evidence; lists page with totals, sort, filter and download what they
count; one event says why it was coded; codes in any case; the pair's series is on real dates."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

pytestmark = pytest.mark.anyio


async def test_api_events_carry_their_article_sentence_and_url(client):
    body = (await client.get("/api/events", params={"limit": 500})).json()
    assert body["total"] == len(body["items"]) >= 4
    for item in body["items"]:
        article = (await client.get(f"/api/articles/{item['article_id']}")).json()["article"]
        # The sentence is the article's text between the offsets, and the trigger lies inside it.
        assert article["text"][item["sentence_start"]:item["sentence_end"]] == item["sentence"]
        assert item["sentence_start"] <= item["trigger_start"] < item["trigger_end"] <= item["sentence_end"]
        assert item["url"] == article["url"]


async def test_api_events_codes_in_any_case_pair_both_ways_and_sorting(client):
    upper = (await client.get("/api/events", params={"actor": "RUS"})).json()
    lower = (await client.get("/api/events", params={"actor": "rus"})).json()
    assert upper["total"] == lower["total"] > 0 and upper["items"] == lower["items"]
    pair = (await client.get("/api/events", params={"pair": "ind,rus", "limit": 500})).json()
    ways = {(e["source_country"], e["target_country"]) for e in pair["items"]}
    assert ways == {("RUS", "IND"), ("IND", "RUS")}
    one_way = (await client.get("/api/events", params={"actor": "RUS", "target": "IND"})).json()["total"]
    other = (await client.get("/api/events", params={"actor": "IND", "target": "RUS"})).json()["total"]
    assert pair["total"] == one_way + other
    by_score = (await client.get("/api/events", params={"sort": "goldstein", "limit": 500})).json()["items"]
    scores = [e["goldstein"] for e in by_score]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    pages = [(await client.get("/api/events", params={"sort": "goldstein", "limit": 3, "offset": o})).json()["items"]
             for o in (0, 3)]
    assert [e["id"] for e in pages[0] + pages[1]] == [e["id"] for e in by_score[:6]]


async def test_api_download_holds_exactly_what_the_filter_counts(client):
    total = (await client.get("/api/events", params={"actor": "RUS"})).json()["total"]
    response = await client.get("/api/events/download", params={"actor": "rus", "format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total and {r["source_country"] for r in rows} == {"RUS"}
    assert {"article_id", "sentence", "date_precision", "background"} <= set(rows[0])
    as_json = (await client.get("/api/events/download", params={"actor": "RUS", "format": "json"})).json()
    assert [r["id"] for r in as_json] == [r["id"] for r in rows]


async def test_api_event_detail_says_why_it_was_coded_and_how_parties_resolved(client):
    event = (await client.get("/api/events", params={"actor": "IND", "cameo": "05"})).json()["items"][0]
    detail = (await client.get(f"/api/events/{event['id']}")).json()
    assert detail["id"] == event["id"] and len(detail["reports"]) == detail["num_mentions"]
    report = detail["reports"][0]
    assert report["id"] == event["mention_id"] and report["sentence"] == event["sentence"]
    assert report["explain"]["coder"] in ("learned", "rules")
    source = report["source_actor"]
    assert source["country"] == "IND" and source["kind"]
    assert report["date_basis"] in ("explicit", "relative", "publication")


async def test_api_articles_search_and_date_filter_with_totals(client):
    every = (await client.get("/api/articles")).json()
    assert every["total"] == len(every["items"]) >= 2
    found = (await client.get("/api/articles", params={"q": "JAISHANKAR"})).json()
    assert found["total"] >= 1
    for item in found["items"]:
        text = (await client.get(f"/api/articles/{item['id']}")).json()["article"]
        assert "jaishankar" in (text["title"] + text["text"]).lower()
    assert found["total"] < every["total"]
    assert (await client.get("/api/articles", params={"q": "100%_"})).json()["total"] == 0  # literal, not wildcards
    day = min(a["published"] for a in every["items"] if a["published"])
    after = (await client.get("/api/articles", params={"from": str(dt.date.fromisoformat(day) + dt.timedelta(days=1))})).json()
    assert after["total"] == sum(1 for a in every["items"] if a["published"] and a["published"] > day)


async def test_api_dyad_series_on_real_dates_with_its_trend_basis(client):
    lower = await client.get("/api/dyads/rus/ind")
    assert lower.status_code == 200
    body = lower.json()
    assert (body["a"], body["b"]) == ("RUS", "IND")
    for row in body["series"]:
        assert row["period"] <= row["end"]
    # All in April 2021 in the examples: one month is too few for a trend, and it says so.
    assert body["trend"]["label"] == "too few periods for a trend" and "at least 3" in body["trend"]["basis"]
    assert body["gaps"] == []
    # Each asserted current event is counted once: in its period, or apart when dated more coarsely.
    asserted = (await client.get("/api/events", params={"pair": "RUS,IND", "modality": "asserted",
                                                        "background": "false", "limit": 500})).json()["total"]
    assert sum(r["events"] for r in body["series"]) + sum(r["events"] for r in body["imprecise"]) == asserted


async def test_api_pages_take_codes_in_any_case(client):
    response = await client.get("/dyad/usa/irn", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"].endswith("/dyad/USA/IRN")
    assert (await client.get("/dyad/US1/IRN")).status_code == 404
    for path in ("/articles", "/events/0123456789abcdef"):
        page = await client.get(path)
        assert page.status_code == 200 and "/static/app.js" in page.text


async def test_api_reads_do_not_wait_for_the_write_lock(app, client):
    import asyncio

    lock = app.state.db.lock
    lock.acquire()  # as a save holds it
    try:
        for path in ("/api/events", "/api/articles", "/api/dyads", "/api/dyads/RUS/IND", "/api/countries/RUS"):
            response = await asyncio.wait_for(client.get(path), timeout=20)
            assert response.status_code == 200, path
    finally:
        lock.release()


async def test_api_every_report_in_an_article_names_its_event(client):
    articles = (await client.get("/api/articles")).json()["items"]
    for item in articles:
        article = (await client.get(f"/api/articles/{item['id']}")).json()
        for report in article["events"]:
            assert report["event_id"], report["id"]
            event = (await client.get(f"/api/events/{report['event_id']}")).json()
            assert report["id"] in [r["id"] for r in event["reports"]]
