"""The API docs pages render in headless Chromium with every outside request blocked, as offline."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.slow


def _offline(page, server):
    """Abort any request that leaves the server, and return the list of those tried."""
    outside: list[str] = []

    def route(r):
        if r.request.url.startswith(server + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return outside


def test_browser_docs_page_lists_every_operation_offline(server, page):
    operations = sum(len(methods) for methods in json.load(urllib.request.urlopen(server + "/openapi.json"))["paths"]
                     .values())
    outside = _offline(page, server)
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() == operations
    assert page.locator(".opblock-summary-path", has_text="/api/articles").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=True)
    assert outside == []


def test_browser_redoc_page_renders_offline(server, page):
    # ReDoc's sidebar has the Redocly logo from its CDN: the page's Content-Security-Policy stops it
    # in the browser, before it could reach the route below.
    outside = _offline(page, server)
    page.goto(server + "/redoc")
    page.wait_for_selector("[data-section-id^='tag/']", state="attached")
    assert "Tightrope" in page.locator("h1").first.inner_text()
    assert outside == []
