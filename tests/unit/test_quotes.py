"""Quotes and their speakers: one test per layout, texts written by hand."""

from __future__ import annotations

from tightrope.quotes import find_quote_spans


def _speakers(doc):
    return [(q.text, q.kind, q.speaker.actor_id if q.speaker else None) for q in doc.quotes]


def test_quotes_spans_pair_curly_and_straight_marks():
    text = 'He said \u201cfirst one\u201d and "second one" here.\n\n\u201cOpen to the end'
    spans = [text[s:e] for s, e in find_quote_spans(text)]
    assert spans == ["first one", "second one", "Open to the end"]


def test_quotes_spans_close_on_the_other_style_of_mark():
    # copy mixing the two styles: a straight mark opened, a curly one closes, and the next
    # straight-quoted sentence is a quote of its own, not the tail of the first
    text = ('"If it ends, they will come off,\u201d Lutnick said. \u201cBut if not,\u201d he said. '
            '"This is black and white." Trump spoke.')
    spans = [text[s:e] for s, e in find_quote_spans(text)]
    assert spans == ["If it ends, they will come off,", "But if not,", "This is black and white."]
    # a curly pair inside a straight quotation does not close it
    text = '"He called it \u201cenergetic\u201d today," she said.'
    assert [text[s:e] for s, e in find_quote_spans(text)] == ["He called it \u201cenergetic\u201d today,"]


def test_quotes_speaker_after_the_quote(analyse):
    doc = analyse("\u201cWe will not accept this plan,\u201d Sergey Lavrov said on Monday.", published="2021-04-06")
    assert _speakers(doc) == [("We will not accept this plan,", "direct", "lavrov")]


def test_quotes_speaker_before_with_colon(analyse):
    doc = analyse("Narendra Modi echoed this: \u201cOur ties are strong. They will grow.\u201d", published="2021-04-06")
    assert _speakers(doc) == [("Our ties are strong. They will grow.", "direct", "modi")]


def test_quotes_speaker_in_the_middle(analyse):
    doc = analyse(
        "\u201cThe talks went well,\u201d Emmanuel Macron said, \u201cand we will meet again in May.\u201d",
        published="2021-04-06",
    )
    assert [s for _, _, s in _speakers(doc)] == ["macron", "macron"]


def test_quotes_partial_quote_takes_the_clause_subject(analyse):
    doc = analyse("Angela Merkel called the agreement \u201ca historic step\u201d while Macron said little.",
                  published="2019-04-06")
    assert _speakers(doc) == [("a historic step", "partial", "merkel")]


def test_quotes_role_noun_speaker_resolves_to_the_named_person(analyse):
    text = ("Sergey Lavrov arrived in Delhi on Monday.\n\n"
            "\u201cWe value these ties,\u201d the Russian minister said.")
    doc = analyse(text, published="2021-04-06")
    assert _speakers(doc) == [("We value these ties,", "direct", "lavrov")]


def test_quotes_answer_to_a_question_belongs_to_the_last_speaker(analyse):
    text = ("\u201cRelations are good,\u201d Sergey Lavrov said.\n\nIndia buys oil.\n\nPrices rose.\n\n"
            "Responding to a question on oil, \u201cWe did not discuss prices.\u201d")
    doc = analyse(text, published="2021-04-06")
    assert [s for _, _, s in _speakers(doc)] == ["lavrov", "lavrov"]


def test_quotes_without_a_findable_speaker_stay_unattributed(analyse):
    doc = analyse("The banner read \u201cpeace now and forever for all of us here\u201d.")
    assert [q.speaker for q in doc.quotes] == [None]


def test_quotes_we_in_a_quote_is_the_speakers_side_and_events_link_to_the_quote(analyse):
    doc = analyse("\u201cWe condemned Georgia yesterday,\u201d Sergey Lavrov said.", published="2021-04-06")
    (event,) = doc.events
    assert (event.source.country, event.cameo, event.target.country) == ("RUS", "111", "GEO")
    assert event.quote_id == doc.quotes[0].id


def test_quotes_according_to_a_tweet_by_someone_names_the_speaker(analyse):
    doc = analyse('"The airline carries weapons," according to a tweet on Monday by US Secretary of State '
                  'Mike Pompeo.', published="2019-01-21")
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.actor_id == "pompeo"


def test_quotes_the_spokesperson_is_the_one_named_before_not_a_state_of_the_sentence(analyse):
    doc = analyse('A U.S. State Department spokesperson expressed sorrow over the lives lost. "We have urged '
                  'the Haitian government to act on the prisons," the spokesperson said.', published="2021-02-26")
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.country == "USA"
