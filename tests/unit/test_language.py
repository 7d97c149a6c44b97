"""The language check on input: short texts in another Latin-script language are refused, short
English ones (headlines, a two-sentence item, names with particles) are not."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from tightrope.config import MIN_WORDS_FOR_LANGUAGE_CHECK, MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK
from tightrope.data import read_table
from tightrope.errors import LanguageInputError
from tightrope.ingest import read_inputs
from tightrope.ingest.text import make_article

SHORT_FOREIGN = {
    "French": "Le ministre des Affaires étrangères a condamné lundi les frappes contre la ville et demandé un "
              "cessez-le-feu immédiat.",
    "Spanish": "Miles de personas protestaron en Madrid contra la reforma laboral del Gobierno.",
    "German": "Die Regierung will die Sanktionen gegen Russland weiter verschärfen, sagte ein Sprecher.",
    "Portuguese": "O presidente Lula disse nesta segunda-feira que o Brasil não vai aderir às sanções contra a Rússia.",
    "Italian": "Migliaia di persone hanno manifestato a Milano contro la riforma delle pensioni.",
}
SHORT_ENGLISH = [
    "Kenya condemned Uganda on Monday. Officials said talks would resume.",
    "Kenya condemns Uganda over border closure after deadly clashes",
    "Staffan de Mistura met Luis de la Cruz in La Paz.",
    "President Abdel Fattah el-Sisi greets Luis de la Cruz, Cairo says",
    "El Chapo's son: De la Cruz en route to Los Angeles",
    "Macron said 'la France est de retour' at the summit on Monday in Paris.",
    "Ursula von der Leyen and Olaf Scholz met Le Pen in Strasbourg on Tuesday.",
    "Protesters in Caracas chanted 'El pueblo unido jamás será vencido' outside the palace.",
]


def _words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize("language", sorted(SHORT_FOREIGN))
def test_language_short_foreign_text_is_refused_and_named(language):
    text = SHORT_FOREIGN[language]
    assert MIN_WORDS_FOR_SHORT_LANGUAGE_CHECK <= _words(text) < MIN_WORDS_FOR_LANGUAGE_CHECK
    with pytest.raises(LanguageInputError) as caught:
        make_article("api", text)
    assert "does not look like English" in caught.value.reason and language in caught.value.reason


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_language_short_english_text_passes(text):
    assert make_article("api", text).text == text


def test_language_fewer_words_than_the_short_check_are_not_judged():
    assert make_article("api", "Le président et la ministre").text  # 5 words: too few to tell


def test_language_long_foreign_text_is_refused_with_its_language_named():
    long_french = " ".join([SHORT_FOREIGN["French"]] * 3)
    with pytest.raises(LanguageInputError) as caught:
        make_article("api", long_french)
    assert "English function words" in caught.value.reason and "French" in caught.value.reason


def test_language_cli_refuses_the_short_french_file_with_the_same_reason(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(f"Titre\n{SHORT_FOREIGN['French']}\n", encoding="utf-8")
    (item,) = read_inputs([path])
    assert isinstance(item, LanguageInputError)
    with pytest.raises(LanguageInputError) as caught:
        make_article("api", SHORT_FOREIGN["French"])
    assert item.reason == caught.value.reason
    result = subprocess.run([sys.executable, "-m", "tightrope.cli", "analyze", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and f"skipped {path}: {item.reason}" in result.stderr


def test_language_function_words_come_from_spacy_and_are_not_english():
    codes = {"French": "fr", "Spanish": "es", "German": "de", "Portuguese": "pt", "Italian": "it"}
    rows = list(read_table("language/function_words.csv", ("language", "word")))
    assert {r["language"] for r in rows} == set(codes)
    for row in rows:
        listed = importlib.import_module(f"spacy.lang.{codes[row['language']]}.stop_words").STOP_WORDS
        assert row["word"] in listed, f"{row} is not in spaCy's {row['language']} stop words"
        assert row["word"] not in STOP_WORDS, f"{row} is an English stop word too"
