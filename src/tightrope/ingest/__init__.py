"""Ingest: files, folders and JSONL lines in; :class:`~tightrope.models.Article` records out.

Each input either becomes one or more articles or one :class:`~tightrope.errors.InputError`
naming the problem; a bad input never stops the rest of a batch.
"""

from .files import discover, read_inputs
from .html import parse_html
from .jsonl import parse_jsonl
from .text import parse_txt

__all__ = ["discover", "read_inputs", "parse_html", "parse_jsonl", "parse_txt"]
