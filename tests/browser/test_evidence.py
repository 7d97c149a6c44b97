"""From every number to its evidence, in headless Chromium against a real server: an event opens its
article with the sentence highlighted and in view; articles are searched; tables page with totals and
download what the filter matches; the dyad chart has a real time axis with its gaps."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import urllib.request

import pytest

from tests.browser.conftest import ARTIFACTS, serving

pytestmark = pytest.mark.slow


def _json(url: str):
    return json.load(urllib.request.urlopen(url))


def test_browser_event_opens_its_article_with_the_sentence_highlighted_in_view(server, page):
    page.goto(server + "/events?actor=rus&sort=-goldstein")  # lower-case code: the same country
    page.wait_for_selector("#events tr.event")
    link = page.locator("#events tr.event .evidence-link").last
    sentence = link.inner_text()
    link.click()
    page.wait_for_url("**/articles/*?mention=*")
    page.wait_for_selector(".sentence-active")
    highlighted = "".join(page.locator(".sentence-active").all_text_contents())
    assert highlighted.strip() == sentence.strip()
    first = page.locator(".sentence-active").first
    box, height = first.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] <= height, "the highlighted sentence is scrolled into view"
    assert page.locator(".event-row.selected").count() == 1
    page.screenshot(path=str(ARTIFACTS / "evidence-article.png"))


def test_browser_event_detail_says_why_this_code(server, page):
    event = _json(server + "/api/events?actor=IND&cameo=05")["items"][0]
    page.goto(f"{server}/events/{event['id']}")
    page.wait_for_selector(".report")
    text = page.locator("main").inner_text()
    assert "Why this code" in text and event["cameo"] in text
    assert "role on that date" in text  # the party as the knowledge base resolved it
    assert "coder" in text and ("model scores" in text or "lexicon entry" in text)
    page.locator(".report .evidence-link").first.click()
    page.wait_for_selector(".sentence-active")
    page.screenshot(path=str(ARTIFACTS / "event-detail.png"), full_page=True)


def test_browser_articles_search_filters_and_counts(server, page):
    page.goto(server + "/articles")
    page.wait_for_selector("#articles tr.article")
    every = page.locator("#articles tr.article").count()
    page.fill("input[name=q]", "jaishankar")
    page.click("#filters button")
    page.wait_for_url("**/articles?q=jaishankar")
    page.wait_for_selector("#articles tr.article")
    titles = page.locator("#articles tr.article td:nth-child(2)").all_inner_texts()
    assert any(t.startswith("Moscow plays down") for t in titles) and len(titles) <= every
    assert page.locator(".pager .total").first.inner_text().endswith(f"of {len(titles)}")
    page.goto(server + "/articles?q=zzqxnotaword")
    page.wait_for_selector("text=No articles match.")


def test_browser_events_page_with_totals_and_the_download_of_the_filter(server, page):
    total = _json(server + "/api/events?limit=1")["total"]
    assert total >= 4
    page.goto(server + "/events?limit=2")
    page.wait_for_selector("#events tr.event")
    assert page.locator(".pager .total").first.inner_text() == f"1–2 of {total}"
    first_ids = page.locator("#events tr.event").evaluate_all("rows => rows.map(r => r.dataset.id)")
    page.locator(".page-next").first.click()
    page.wait_for_selector("#events tr.event")
    assert page.locator(".pager .total").first.inner_text() == f"3–4 of {total}"
    second_ids = page.locator("#events tr.event").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert len(second_ids) == 2 and not set(first_ids) & set(second_ids)
    # Sorting by a header keeps the filter and starts again at the first page.
    page.goto(server + "/events?actor=RUS&limit=2&offset=2")
    page.wait_for_selector("#events tr.event")
    page.locator('th[data-sort="goldstein"] a').click()
    page.wait_for_selector("#events tr.event")
    assert "sort=goldstein" in page.url and "actor=RUS" in page.url and "offset" not in page.url
    scores = [float(t) for t in page.locator("#events tr.event td:nth-child(6)").all_inner_texts()]
    assert scores == sorted(scores)
    # The download holds every event of the filter, not only the page shown.
    with page.expect_download() as info:
        page.click("#download-csv")
    rows = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    russian = _json(server + "/api/events?actor=RUS&limit=1")["total"]
    assert len(rows) == russian > 2 and all(r["article_id"] and r["sentence"] for r in rows)
    assert {r["source_country"] for r in rows} == {"RUS"}


@pytest.fixture(scope="module")
def gapped_server(tmp_path_factory, pipeline):
    """A store where Russia and India meet in January, February and June 2021: March to May is a gap."""
    from tightrope.store import Store

    db = tmp_path_factory.mktemp("gaps") / "gaps.duckdb"
    days = [dt.date(2021, 1, 12), dt.date(2021, 2, 16), dt.date(2021, 6, 8)]
    with Store(db) as store:
        store.save([pipeline.analyze_text(f"Russia praised India on {d:%A}. The Russian foreign ministry said the "
                                          "talks in Moscow were useful.", published=d, title=f"Talks {d}")
                    for d in days])
        periods = [r[0] for r in store.con.execute(
            "SELECT DISTINCT date_trunc('month', first_date) FROM events WHERE source_country = 'RUS' "
            "AND target_country = 'IND' AND modality = 'asserted' ORDER BY 1").fetchall()]
    assert [p.month for p in periods] == [1, 2, 6], periods  # the fixture is what the test assumes
    with serving(db) as url:
        yield url


def test_browser_dyad_time_axis_places_periods_by_date_and_leaves_the_gap(gapped_server, page):
    page.goto(gapped_server + "/dyad/rus/ind")  # lower case: the same pair's page
    page.wait_for_url("**/dyad/RUS/IND")
    page.wait_for_selector("#goldstein circle.period")
    xs = page.locator("#goldstein circle.period").evaluate_all("cs => cs.map(c => c.cx.baseVal.value)")
    assert len(xs) == 3
    # Points sit mid-period: mid-January to mid-February is 29.5 days, mid-February to mid-June 121,
    # so the distances follow the dates, not the places in the list (which would give 1).
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(121 / 29.5, rel=0.05)
    gap = page.locator("#goldstein rect.gap")
    assert gap.count() == 1 and "2021-03-01 to 2021-05-31" in gap.locator("title").text_content()
    # The line joins January to February and is not drawn across the gap.
    assert page.locator("#goldstein polyline.run").count() == 1
    assert "over 3 months with events" in page.locator("#trend").inner_text()
    page.screenshot(path=str(ARTIFACTS / "dyad-gap.png"), full_page=True)
