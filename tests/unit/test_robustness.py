"""Property-based tests: any bytes or text through ingest and the text stages, no crash, a reason for each refusal."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tightrope.errors import InputError
from tightrope.ingest import parse_html, parse_jsonl, parse_txt, read_inputs
from tightrope.ingest.decode import decode_bytes
from tightrope.models import Article

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(["Russia", "India", "condemned", "met", "the", "minister", "said", "\u201c", "\u201d", '"',
                         "on", "Monday", ".", ",", "will", "not", "visit", "NATO", "he", "we", "\n\n", "Ã©", "\u0000",
                         "\ufffd", "طالبان", "of", "sanctions", "Washington", "…"])
html_bits = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>x()</script>", "<nav>", "<!--", "-->",
                             "<article>", "</article>", "<h1>", "</h1>", "&amp;", "&#0;", "<br/>", "<", ">",
                             "Russia condemned India on Monday.", "<table><tr><td>"])


def _is_article_or_reasoned_error(item):
    if isinstance(item, InputError):
        assert item.reason and item.source
    else:
        assert isinstance(item, Article) and item.text.strip()


@FAST
@given(st.binary(max_size=3000))
def test_robustness_any_bytes_decode_or_give_a_reason(data):
    try:
        text = decode_bytes("x", data, html=True)
        assert isinstance(text, str)
    except InputError as exc:
        assert exc.reason


@FAST
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".jsonl", ".htm"]))
def test_robustness_any_file_is_read_or_refused_with_a_reason(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fz") / f"f{suffix}"
    path.write_bytes(data)
    for item in read_inputs([path]):
        _is_article_or_reasoned_error(item)


@FAST
@given(st.lists(html_bits, max_size=60), st.integers(min_value=0, max_value=200))
def test_robustness_malformed_and_deeply_nested_html(bits, depth):
    page = "<div>" * depth + "".join(bits) + "</div>" * (depth // 2)
    try:
        _is_article_or_reasoned_error(parse_html("x.html", page))
    except InputError as exc:
        assert exc.reason


@FAST
@given(st.lists(st.one_of(st.text(max_size=40), st.builds(json.dumps, st.dictionaries(
    st.sampled_from(["text", "title", "published", "url"]), st.one_of(st.text(max_size=30), st.integers(), st.none()))))))
def test_robustness_jsonl_lines(lines):
    for item in parse_jsonl("x.jsonl", "\n".join(lines)):
        _is_article_or_reasoned_error(item)


@SLOW
@given(st.lists(words, min_size=1, max_size=120))
def test_robustness_text_stages_never_crash_and_offsets_hold(pipeline, tokens):
    text = " ".join(tokens)
    try:
        article = parse_txt("x.txt", "Title\n" + text)
    except InputError:
        return
    doc = pipeline.analyze(article)
    assert doc.issues == []
    for event in doc.events:
        assert article.text[event.sentence.start:event.sentence.end] == event.sentence.text
    for quote in doc.quotes:
        assert article.text[quote.start:quote.end] == quote.text


def test_robustness_huge_single_line(pipeline):
    article = parse_txt("x.txt", "Title\n" + "Russia condemned India on Monday and the talks ended. " * 2_000)
    doc = pipeline.analyze(article)
    assert doc.issues == [] and doc.events
