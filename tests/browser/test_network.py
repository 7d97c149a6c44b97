"""The network and country pages in headless Chromium: the example data from the real server, and a
network of 150 countries (answered in place of ``/api/dyads``) to check the layout at scale."""

from __future__ import annotations

import json
import random

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.slow

# The bounding boxes of the labels a reader can see, and how many pairs of them intersect.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('#network .net-label')]
    .filter((t) => getComputedStyle(t).visibility !== 'hidden' && t.textContent).map((t) => t.getBBox());
  let clashes = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) clashes++;
  }));
  return [boxes.length, clashes];
}"""

# A point part of the way along an edge's click line, in page pixels, and how near the nearest other line is.
ALONG = """(line, f) => {
  const m = line.getScreenCTM(), p = line.ownerSVGElement.createSVGPoint();
  const x1 = line.x1.baseVal.value, y1 = line.y1.baseVal.value, x2 = line.x2.baseVal.value, y2 = line.y2.baseVal.value;
  p.x = x1 + (x2 - x1) * f; p.y = y1 + (y2 - y1) * f;
  let nearest = Infinity;
  for (const other of document.querySelectorAll('#network .edge-hit')) {
    if (other === line) continue;
    const ax = other.x1.baseVal.value, ay = other.y1.baseVal.value;
    const ex = other.x2.baseVal.value - ax, ey = other.y2.baseVal.value - ay;
    const t = Math.max(0, Math.min(1, ((p.x - ax) * ex + (p.y - ay) * ey) / (ex * ex + ey * ey)));
    nearest = Math.min(nearest, Math.hypot(p.x - ax - t * ex, p.y - ay - t * ey));
  }
  const q = p.matrixTransform(m);
  return [q.x, q.y, nearest];
}"""


def _big_network(countries=150, pairs=400, seed=3):
    """A few countries in many pairs, most in a few; denser than the news gives (over 5 pairs a country
    here, under 3 over the 366 Wikinews and VOA articles of ../shared/corpus), so harder to lay out."""
    from tightrope.actors import load_kb

    rng = random.Random(seed)
    kb = load_kb()
    codes = sorted(c for c, e in kb.entities.items() if e.kind == "state" and len(c) == 3)[:countries]
    weights = [1 / (i + 1) for i in range(len(codes))]
    found: dict[tuple[str, str], int] = {}
    while len(found) < pairs:
        a, b = rng.choices(codes, weights)[0], rng.choice(codes)
        if a != b:
            found[tuple(sorted((a, b)))] = max(1, int(rng.paretovariate(1.2)))
    edges = []
    for (a, b), events in sorted(found.items()):
        forward = rng.randint(0, events)
        mean = rng.choice([-4.0, -1.2, 0.0, 1.5, 4.2])
        edges.append({"a": a, "b": b, "events": events, "a_to_b": forward, "b_to_a": events - forward,
                      "goldstein_sum": round(mean * events, 2), "goldstein_mean": mean})
    nodes = []
    for code in sorted({c for e in edges for c in (e["a"], e["b"])}):
        mine = [e for e in edges if code in (e["a"], e["b"])]
        nodes.append({"id": code, "name": kb.entities[code].name, "events": sum(e["events"] for e in mine),
                      "partners": len(mine), "goldstein_mean": 0.0})
    return {"nodes": nodes, "edges": edges, "span": {"first": "2019-01-01", "last": "2020-12-31"}}


def test_browser_network_node_opens_its_country_page_with_partners_and_a_time_chart(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    page.locator('#network .node[data-id="RUS"] circle').click()
    page.wait_for_url("**/country/RUS")
    page.wait_for_selector("#partner-table tr[data-partner]")
    assert page.locator("h1").inner_text() == "Russia (RUS)"
    partners = page.locator("#partner-table tr[data-partner]").evaluate_all("rows => rows.map(r => r.dataset.partner)")
    assert "IND" in partners
    row = page.locator('#partner-table tr[data-partner="IND"]')
    assert row.locator('a[href="/country/IND"]').count() == 1 and row.locator('a[href="/dyad/RUS/IND"]').count() == 1
    assert page.locator("#timeline .point").count() >= 1 and page.locator("#timeline .axis text").count() > 2
    assert page.locator("#events-link").get_attribute("href") == "/events?actor=RUS"
    page.screenshot(path=str(ARTIFACTS / "country.png"), full_page=True)


def test_browser_network_country_partners_sort_and_lower_case_address_redirects(server, page):
    page.goto(server + "/country/ind")
    page.wait_for_url("**/country/IND")
    page.wait_for_selector("#partner-table tr[data-partner]")
    events = lambda: [int(t) for t in page.locator("#partner-table td:nth-child(2)").all_inner_texts()]  # noqa: E731
    assert events() == sorted(events(), reverse=True)
    page.locator('#partner-table th[data-sort="events"]').click()
    assert events() == sorted(events())


def test_browser_network_country_chart_puts_periods_on_a_time_axis_and_breaks_at_gaps(server, page):
    series = [{"period": p, "end": e, "events": n, "verbal_cooperation": n, "material_cooperation": 0,
               "verbal_conflict": 0, "material_conflict": 0, "goldstein_sum": 2.0 * n, "goldstein_mean": 2.0}
              for p, e, n in [("2020-01-01", "2020-01-31", 3), ("2020-02-01", "2020-02-29", 1),
                              ("2020-12-01", "2020-12-31", 5)]]
    body = {"code": "RUS", "name": "Russia", "events": 9, "partners": [], "by": "month", "background": False,
            "series": series, "gaps": [{"start": "2020-03-01", "end": "2020-11-30"}], "imprecise": [],
            "trend": {"label": "steady", "basis": "test", "slope": 0.0, "periods": 3}}
    page.route("**/api/countries/RUS*", lambda route: route.fulfill(json=body))
    page.goto(server + "/country/RUS")
    page.wait_for_selector("#timeline .point")
    xs = page.locator("#timeline .point").evaluate_all("ps => ps.slice(0, 3).map(p => p.cx.baseVal.value)")
    # January to February is one month, February to December ten: the axis is time, not list position.
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(10, rel=0.1)
    paths = page.locator("#timeline path.series").evaluate_all("ps => ps.map(p => p.getAttribute('d'))")
    assert all(d.count("M") == 2 and d.count("L") == 1 for d in paths), paths


def test_browser_network_edge_tooltip_names_both_countries_and_each_direction(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    title = page.locator('#network .edge[data-a="IND"][data-b="RUS"] title').text_content()
    assert "India" in title and "Russia" in title
    assert "India → Russia:" in title and "Russia → India:" in title and "mean Goldstein" in title


def test_browser_network_min_events_filter_drops_edges_and_stays_in_the_address(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    every = page.locator("#network .edge").count()
    most = max(json.loads(page.evaluate("() => fetch('/api/dyads').then(r => r.text())"))["edges"],
               key=lambda e: e["events"])["events"]
    page.fill('input[name="min_events"]', str(most))
    page.click('#period button[type="submit"]')
    page.wait_for_url(f"**/?min_events={most}")
    page.wait_for_selector("#network .node")
    assert 0 < page.locator("#network .edge").count() < every
    assert page.input_value('input[name="min_events"]') == str(most)
    page.check('input[name="background"]')
    page.click('#period button[type="submit"]')
    page.wait_for_url("**background=true**")
    assert page.is_checked('input[name="background"]')
    page.screenshot(path=str(ARTIFACTS / "network-filtered.png"), full_page=True)


def test_browser_network_presets_count_back_from_the_newest_event(server, page):
    import datetime as dt

    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    newest = dt.date.fromisoformat(json.loads(page.evaluate("() => fetch('/api/dyads').then(r => r.text())"))["span"]["last"])
    page.click('#presets button[data-preset="30d"]')
    page.wait_for_url("**/?from=*")
    assert page.input_value('input[name="from"]') == str(newest - dt.timedelta(days=29))
    assert page.input_value('input[name="to"]') == str(newest)
    page.click('#presets button[data-preset="all"]')
    page.wait_for_url(server + "/")


def test_browser_network_legend_lists_cooperation_conflict_and_neutral_grey(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    legend = page.locator("#legend")
    text = legend.inner_text()
    assert "net cooperation" in text and "net conflict" in text and "neutral" in text
    colours = legend.locator(".net-swatch").evaluate_all("s => s.map(x => getComputedStyle(x).backgroundColor)")
    assert "rgb(152, 162, 179)" in colours  # the grey goldsteinColour gives between -0.5 and +0.5
    assert "newest event in the data" in page.locator("#note").inner_text()


def test_browser_network_labels_of_the_example_data_do_not_overlap(server, page):
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    shown, clashes = page.evaluate(OVERLAPS)
    assert shown == page.locator("#network .node").count() and clashes == 0


def test_browser_network_150_countries_stay_readable_and_each_line_opens_its_own_pair(server, page):
    network = _big_network()
    page.route("**/api/dyads*", lambda route: route.fulfill(json=network))
    page.set_viewport_size({"width": 1280, "height": 1400})  # the whole network on screen, for the mouse
    page.goto(server + "/")
    page.wait_for_selector("#network .node")
    assert page.locator("#network .node").count() == len(network["nodes"]) >= 140
    shown, clashes = page.evaluate(OVERLAPS)
    assert clashes == 0 and shown >= 0.8 * len(network["nodes"]), (shown, clashes)
    positions = page.locator("#network .node circle").evaluate_all(
        "cs => cs.map(c => [c.cx.baseVal.value, c.cy.baseVal.value, c.r.baseVal.value])")
    for i, (x, y, r) in enumerate(positions):
        assert all((x - u) ** 2 + (y - v) ** 2 >= (r + s) ** 2 for u, v, s in positions[i + 1:])
    page.screenshot(path=str(ARTIFACTS / "network-150.png"), full_page=True)
    # On a line, the pointer belongs to that line, even where the click area of another line (one
    # sharing a country, or running alongside) reaches over it; only crossings are left out.
    checked = 0
    heaviest = sorted(network["edges"], key=lambda e: (-e["events"], e["a"], e["b"]))[:60]
    for edge, along in [(e, f) for e in heaviest for f in (0.3, 0.5, 0.7)]:
        line = page.locator(f'#network .edge[data-a="{edge["a"]}"][data-b="{edge["b"]}"] .edge-hit')
        x, y, nearest = line.evaluate(ALONG, along)
        if nearest < 2:
            continue
        page.mouse.move(x, y)
        under = page.evaluate("([x, y]) => { const g = document.elementFromPoint(x, y).closest('.edge, .node');"
                              " return g && (g.dataset.a ? g.dataset.a + '-' + g.dataset.b : 'node'); }", [x, y])
        assert under in (f"{edge['a']}-{edge['b']}", "node"), (edge, under, nearest)
        checked += under != "node"
    assert checked >= 40, checked
    hub = max(network["nodes"], key=lambda n: n["partners"])
    page.hover(f'#network .node[data-id="{hub["id"]}"] circle')
    assert page.locator("#network .edge.lit").count() == hub["partners"]
    assert page.locator("#network .net-hover text").text_content() == hub["name"]
    page.mouse.move(1, 1)
    assert page.locator("#network .edge.lit").count() == 0
    page.mouse.click(x, y)
    page.wait_for_url(f"**/dyad/{edge['a']}/{edge['b']}")
