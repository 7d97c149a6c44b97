"""Find input files and read each into articles, one error per bad file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import MAX_INPUT_BYTES, SUPPORTED_SUFFIXES
from ..errors import InputError, UnsupportedInputError
from ..models import Article
from .decode import check_size, decode_bytes
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_txt

__all__ = ["discover", "read_inputs", "read_file"]


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files named, and every file under the folders named, in a stable order.

    Hidden files and folders (a leading dot) inside folders are passed over.

    Args:
        paths: files and folders.

    Yields:
        File paths.
    """
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in parts):
                    yield child
        else:
            yield path


def read_file(
    path: Path, max_bytes: int = MAX_INPUT_BYTES, published: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Read one file into articles.

    Args:
        path: the file.
        max_bytes: files over this size are refused.
        published: a publication date that overrides the file's own.

    Yields:
        Articles, or the errors that stopped them.
    """
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            raise UnsupportedInputError(
                source, f"unsupported file type {suffix or '(none)'!r}; Tightrope reads {', '.join(SUPPORTED_SUFFIXES)}"
            )
        if not path.is_file():
            raise InputError(source, "no such file; check the path")
        check_size(source, path.stat().st_size, max_bytes)
        text = decode_bytes(source, path.read_bytes(), html=suffix in (".html", ".htm"))
        if suffix == ".jsonl":
            yield from parse_jsonl(source, text, published=published)
        elif suffix == ".txt":
            yield parse_txt(source, text, published=published)
        else:
            yield parse_html(source, text, published=published)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror}); check its permissions")


def read_inputs(
    paths: Iterable[str | Path], max_bytes: int = MAX_INPUT_BYTES, published: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Read every file named or found under the folders named.

    Args:
        paths: files and folders.
        max_bytes: files over this size are refused.
        published: a publication date that overrides each article's own.

    Yields:
        Articles, and an error for each input that could not be read.
    """
    for path in discover(paths):
        yield from read_file(path, max_bytes=max_bytes, published=published)
