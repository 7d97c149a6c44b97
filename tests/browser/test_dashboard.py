"""The dashboard in headless Chromium against a real server; screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.slow


def test_browser_network_renders_countries_and_an_edge_opens_its_dyad(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    ids = set(page.locator("#network .node").evaluate_all("nodes => nodes.map(n => n.dataset.id)"))
    assert {"RUS", "IND"} <= ids
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    # Click a quarter of the way along the line, as a person would, away from where lines cross.
    x, y = page.locator('#network .edge[data-a="IND"][data-b="RUS"] .edge-hit').evaluate("""line => {
        const m = line.getScreenCTM(), p = line.ownerSVGElement.createSVGPoint();
        p.x = line.x1.baseVal.value * 0.75 + line.x2.baseVal.value * 0.25;
        p.y = line.y1.baseVal.value * 0.75 + line.y2.baseVal.value * 0.25;
        const q = p.matrixTransform(m); return [q.x, q.y]; }""")
    page.mouse.click(x, y)
    page.wait_for_url("**/dyad/IND/RUS")
    page.wait_for_selector("#goldstein circle")
    assert "Indo-Pacific" in page.locator("#brief").inner_text()
    page.screenshot(path=str(ARTIFACTS / "dyad.png"), full_page=True)


def test_browser_article_page_highlights_the_meeting_sentence(server, page):
    import json
    import urllib.request

    articles = json.load(urllib.request.urlopen(server + "/api/articles"))["items"]
    lavrov = next(a for a in articles if a["title"].startswith("Moscow plays down"))
    page.goto(f"{server}/articles/{lavrov['id']}")
    page.wait_for_selector(".event-row")
    assert page.locator(".mention").count() > 10 and page.locator(".quote").count() > 5
    meeting = page.locator(".event-row", has_text="meeting").first
    meeting.click()
    highlighted = "".join(page.locator(".sentence-active").all_text_contents())
    assert "bilateral meeting with Jaishankar" in highlighted
    assert "Please enter" not in page.locator("#text").inner_text()
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_browser_events_page_filters(server, page):
    page.goto(server + "/events?actor=RUS&cameo=04")
    page.wait_for_selector("#events tr td")
    rows = page.locator("#events tr").count() - 1
    assert rows >= 1
    assert all(t.startswith("04") for t in page.locator("#events tr td:nth-child(3)").all_inner_texts())
    page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=True)
