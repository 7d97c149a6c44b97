"""Ingest: every format, every kind of bad input, one error per bad file."""

from __future__ import annotations

import json

import pytest

from tightrope.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputError,
    InputTooLargeError,
    LanguageInputError,
    MalformedInputError,
    UnsupportedInputError,
)
from tightrope.ingest import parse_html, parse_txt, read_inputs
from tightrope.models import Article

BODY = (
    "The foreign ministers of the two countries met in the capital on Tuesday and agreed to expand "
    "their cooperation on trade and energy, officials said after the talks ended in the evening."
)


def _one(path, **kw):
    items = list(read_inputs([path], **kw))
    assert len(items) == 1
    return items[0]


def test_ingest_txt_first_line_is_title_and_comment_form_is_dropped():
    article = parse_txt("a.txt", f"\n\nMinisters meet\n\n{BODY}\n\nPlease enter your comment!\nPlease enter your name here")
    assert article.title == "Ministers meet"
    assert article.text == BODY


def test_ingest_txt_keeps_paragraphs_apart():
    article = parse_txt("a.txt", f"Title\n{BODY}\n\n\n{BODY}")
    assert article.text == f"{BODY}\n\n{BODY}"


def test_ingest_html_keeps_title_out_of_body_and_drops_navigation_and_comments():
    html = f"""<html><head><title>Ministers meet | Site</title>
    <meta property="article:published_time" content="2021-04-07T06:00:00+05:30"></head><body>
    <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Ministers meet</h1><p>{BODY}</p><p>{BODY.replace('Tuesday', 'Monday')}</p></article>
    <section class="comments"><h3>Leave a Reply</h3><form><p>Please enter your comment!</p>
    <textarea></textarea></form></section><footer>Copyright 2021</footer></body></html>"""
    article = parse_html("a.html", html)
    assert article.title.startswith("Ministers meet")
    assert article.text.startswith("The foreign ministers")
    assert "Please enter your comment" not in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert str(article.published) == "2021-04-07"


def test_ingest_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": BODY, "title": "One", "published": "2020-01-02", "url": "http://x/1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": BODY + " More.", "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([path]))
    assert isinstance(items[0], Article) and items[0].title == "One" and str(items[0].published) == "2020-01-02"
    assert [type(i) for i in items[1:]] == [MalformedInputError] * 3
    assert items[1].source.endswith(":2") and "not valid JSON" in items[1].reason
    assert "'text'" in items[2].reason
    assert "YYYY-MM-DD" in items[3].reason


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", EmptyInputError, "empty"),
        ("blank.txt", b"  \n\n ", EmptyInputError, "whitespace"),
        ("blob.txt", bytes(range(256)) * 4, BinaryInputError, "binary"),
        ("latin.txt", "Title\nCaf\u00e9 society met the minister.".encode("latin-1"), EncodingInputError, "UTF-8"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", UnsupportedInputError, ".jpg"),
        # Found by the fuzzer: a UTF-16 byte-order mark followed by an odd number of bytes.
        ("odd16.txt", b"\xff\xfeT\x00i\x000", EncodingInputError, "byte-order mark"),
    ],
)
def test_ingest_bad_file_gets_named_reason(tmp_path, name, data, error, words):
    path = tmp_path / name
    path.write_bytes(data)
    item = _one(path)
    assert isinstance(item, error)
    assert words in item.reason and str(path) == item.source


def test_ingest_file_over_limit_is_refused_with_the_option_to_raise_it(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Title\n" + b"word " * 300)
    item = _one(path, max_bytes=1000)
    assert isinstance(item, InputTooLargeError) and "--max-bytes" in item.reason


def test_ingest_non_english_text_is_refused(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(
        "Titel\nDie Außenminister beider Länder trafen sich am Dienstag in der Hauptstadt und vereinbarten, "
        "ihre Zusammenarbeit bei Handel und Energie auszubauen, sagten Beamte nach den Gesprächen am Abend. "
        "Beide Seiten betonten die guten Beziehungen zwischen den Staaten.",
        encoding="utf-8",
    )
    item = _one(path)
    assert isinstance(item, LanguageInputError) and "English" in item.reason


def test_ingest_non_latin_script_is_refused(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text("标题\n两国外长周二在首都会晤，同意扩大贸易和能源合作。" * 5, encoding="utf-8")
    assert isinstance(_one(path), LanguageInputError)


def test_ingest_utf8_bom_and_html_charset_are_honoured(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfTitle\n" + BODY.encode())
    assert _one(bom).title == "Title"
    page = tmp_path / "page.html"
    html = f'<html><head><meta charset="iso-8859-1"><title>Caf\u00e9</title></head><body><article><p>{BODY} Caf\u00e9.</p></article></body></html>'
    page.write_bytes(html.encode("latin-1"))
    assert "Café" in _one(page).text


def test_ingest_folder_batch_goes_on_past_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(f"Title\n{BODY}", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    assert sum(isinstance(i, Article) for i in items) == 1
    assert sum(isinstance(i, InputError) for i in items) == 1


def test_ingest_article_id_is_a_stable_content_hash():
    a = parse_txt("a.txt", f"Title\n{BODY}")
    b = parse_txt("elsewhere/b.txt", f"Title\n\n{BODY}\n")
    c = parse_txt("a.txt", f"Title\n{BODY} Changed.")
    assert a.id == b.id != c.id
    assert len(a.id) == 16


def test_ingest_html_nested_deeper_than_libxml2s_limit_keeps_its_text():
    sentence = "The foreign minister said the talks in Geneva would resume next week after a pause."
    body = "<p>" + " ".join([sentence] * 6) + "</p>"
    page = "<html><head><title>Deep</title></head><body>" + "<div>" * 400 + body + "</div>" * 400 + "</body></html>"
    article = parse_html("deep.html", page)
    assert sentence in article.text
    with pytest.raises(MalformedInputError, match="no article text"):
        parse_html("empty.html", "<html><body>" + "<div>" * 400 + "</div>" * 400 + "</body></html>")


def test_ingest_text_longer_than_one_article_may_be_is_refused_with_the_fix(tmp_path):
    from tightrope.config import MAX_ARTICLE_CHARS
    from tightrope.errors import InputTooLargeError

    sentence = "The minister said the talks would resume next week. "
    long, huge = tmp_path / "long.txt", tmp_path / "huge.txt"
    long.write_text("Title\n" + sentence * (1_000_000 // len(sentence) + 10))  # over spaCy's limit: chunked
    huge.write_text("Title\n" + sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10))
    article, item = list(read_inputs([long, huge]))
    assert len(article.text) > 1_000_000 and isinstance(item, InputTooLargeError)
    assert "characters long" in item.reason and "split it into articles" in item.reason
