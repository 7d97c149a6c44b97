"""Corpus readers for the runner: units, WARC files and saved feeds, built by hand."""

from __future__ import annotations

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tightrope.errors import InputError
from tightrope.models import Article
from tightrope.runner import plan_units, read_unit

BODY = ("The foreign ministers of Kenya and Uganda met in Nairobi on Tuesday and agreed to reopen the border, "
        "officials said after the talks ended in the evening.")


def _warc(path):
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = f"<html><head><title>Border talks</title></head><body><article><h1>Border talks</h1><p>{BODY}</p>" \
               f"<p>{BODY}</p></article></body></html>".encode()
        for uri, payload, kind in (("https://news.example/a", page, "text/html; charset=utf-8"),
                                   ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))


def test_corpus_units_are_stable_and_cover_everything(tmp_path):
    (tmp_path / "a.txt").write_text(f"T\n{BODY}", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": BODY}) for _ in range(5)), encoding="utf-8")
    _warc(tmp_path / "c.warc.gz")
    (tmp_path / "d.rss").write_text("<rss/>", encoding="utf-8")
    units = plan_units([tmp_path], lines_per_unit=2)
    assert sorted(u.kind for u in units) == ["feed", "files", "jsonl", "jsonl", "jsonl", "warc"]
    assert [u.id for u in units] == [u.id for u in plan_units([tmp_path], lines_per_unit=2)]
    jsonl = [u for u in units if u.kind == "jsonl"]
    assert sum(len(list(read_unit(u))) for u in jsonl) == 5


def test_corpus_warc_html_responses_become_articles(tmp_path):
    _warc(tmp_path / "c.warc.gz")
    (unit,) = plan_units([tmp_path / "c.warc.gz"])
    items = list(read_unit(unit))
    assert len(items) == 1  # the image is passed over
    (article,) = items
    assert isinstance(article, Article) and article.url == "https://news.example/a"
    assert article.title == "Border talks" and article.text.startswith("The foreign ministers")


def test_corpus_damaged_warc_keeps_a_reason(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")
    items = list(read_unit(plan_units([path])[0]))
    assert items and all(isinstance(i, InputError) and i.reason for i in items)


def test_corpus_rss_and_atom_entries_become_articles(tmp_path):
    rss = tmp_path / "feed.rss"
    rss.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
      <item><title>Border talks</title><link>https://news.example/a</link>
        <pubDate>Tue, 06 Apr 2021 10:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
      <item><title>Empty</title><link>https://news.example/b</link><description></description></item>
    </channel></rss>""", encoding="utf-8")
    atom = tmp_path / "feed.atom"
    atom.write_text(f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>N</title>
      <entry><title>Atom talks</title><link href="https://news.example/c"/><updated>2021-04-07T00:00:00Z</updated>
        <content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""", encoding="utf-8")
    items = [i for u in plan_units([rss, atom]) for i in read_unit(u)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.title, str(a.published)) for a in articles] == [("Border talks", "2021-04-06"), ("Atom talks", "2021-04-07")]
    assert [type(i).__name__ for i in items if isinstance(i, InputError)] == ["EmptyInputError"]


def test_corpus_not_a_feed_is_named(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("<html><body>hello</body></html>", encoding="utf-8")
    (item,) = list(read_unit(plan_units([path])[0]))
    assert isinstance(item, InputError) and "RSS or Atom" in item.reason


def test_corpus_a_small_corpus_is_cut_so_every_worker_has_several_units(tmp_path):
    from tightrope.runner.run import UNITS_PER_WORKER, plan_for_workers

    corpus = tmp_path / "small.jsonl"
    corpus.write_text("".join(f'{{"text": "Article {i}."}}\n' for i in range(40)), encoding="utf-8")
    default = plan_for_workers([corpus], workers=1)            # 40 lines: 4 units of 10 for one worker
    two = plan_for_workers([corpus], workers=2)                # 8 units of 5 for two
    assert len(default) == UNITS_PER_WORKER and len(two) == 2 * UNITS_PER_WORKER
    for units in (default, two):  # every line once, in order
        assert [(u.start, u.stop) for u in units][0][0] == 0 and units[-1].stop == 40
        assert all(a.stop == b.start for a, b in zip(units, units[1:]))
    big = plan_for_workers([corpus], workers=2, lines_per_unit=4)  # already enough: as asked
    assert len(big) == 10 and all(u.stop - u.start == 4 for u in big)
