"""The docs keep up with the code: every command, endpoint and setting is mentioned in the README."""

from __future__ import annotations

from tests.conftest import ROOT
from tightrope.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_docs_every_cli_command_is_in_the_readme():
    names = list(main.commands)
    assert {"analyze", "ingest", "events", "dyad", "export", "serve", "run", "actors"} <= set(names)
    for name in names:
        assert f"tightrope {name}" in README, f"`tightrope {name}` is not in README.md"


def test_docs_every_api_path_is_in_the_readme(example_db, copy_of):
    from tightrope.api import ApiSettings, create_app

    paths = create_app(ApiSettings(db=copy_of(example_db))).openapi()["paths"]
    for path in paths:
        assert path in README, f"{path} is not in README.md"


def test_docs_every_setting_is_in_the_readme():
    for setting in ("TIGHTROPE_API_TOKEN", "TIGHTROPE_MAX_REQUEST_BYTES", "--max-bytes", "--published",
                    "--min-confidence", "--with-text", "--db", "--workers", "--scheduler", "--coder",
                    "TIGHTROPE_MODELS", "TIGHTROPE_CHROMIUM", "make doctor", "make train", "make check-gold"):
        assert setting in README, f"{setting} is not in README.md"


def test_docs_architecture_names_every_stage_package():
    for package in ("ingest", "nlp", "actors", "quotes", "events", "coder", "dates", "topics", "store",
                    "relations", "api", "web", "runner"):
        assert f"tightrope/{package}/" in ARCHITECTURE, f"tightrope/{package}/ missing from ARCHITECTURE.md"


def test_docs_model_card_and_guidelines_exist_and_name_their_commands():
    card = (ROOT / "docs" / "MODEL.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "ANNOTATION.md").read_text(encoding="utf-8")
    assert "make train" in card and "tightrope train --gold" in card and "Ablation" in card
    assert "## 10. Agreement report" in guide and "Cohen's kappa" in guide
