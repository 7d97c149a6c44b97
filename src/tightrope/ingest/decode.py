"""Turn raw bytes into text, or say exactly why they are not text."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EmptyInputError, EncodingInputError, InputTooLargeError

__all__ = ["check_size", "decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Bytes below 0x20 other than tab, newline, form feed and carriage return do not occur in text.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05


def check_size(source: str, size: int, max_bytes: int) -> None:
    """Raise when an input is empty or over the size limit.

    Args:
        source: the input's name, for the message.
        size: its size in bytes.
        max_bytes: the limit.
    """
    if size == 0:
        raise EmptyInputError(source, "empty file (0 bytes); nothing to analyse")
    if size > max_bytes:
        raise InputTooLargeError(
            source,
            f"{size / 1_048_576:.1f} MB is over the {max_bytes / 1_048_576:.1f} MB limit; "
            "split it, or raise the limit with --max-bytes",
        )


def decode_bytes(source: str, data: bytes, html: bool = False) -> str:
    """Decode an input's bytes into text.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
    are accepted everywhere; an HTML page may also declare its charset in a
    ``<meta>`` tag.

    Args:
        source: the input's name, for error messages.
        data: the raw bytes.
        html: whether the bytes are an HTML page.

    Returns:
        The text.

    Raises:
        BinaryInputError: the bytes hold NUL or many control bytes.
        EncodingInputError: the bytes are not valid in the encoding we found.
        EmptyInputError: the text is only whitespace.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(source, data.decode(encoding, errors="strict"))
            except UnicodeDecodeError as exc:
                raise EncodingInputError(
                    source, f"starts with a {encoding} byte-order mark but is not valid {encoding} at byte "
                            f"{exc.start}; re-encode the file as UTF-8") from None
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head or sum(head.count(bytes([b])) for b in _CONTROL) > _MAX_CONTROL_RATIO * len(head):
        raise BinaryInputError(source, "binary data, not text; give an .html, .txt or .jsonl article")
    encoding = "utf-8"
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            encoding = match.group(1).decode("ascii").lower()
    try:
        text = data.decode(encoding, errors="strict")
    except LookupError:
        raise EncodingInputError(
            source, f"the page declares an unknown charset {encoding!r}; re-save it as UTF-8"
        ) from None
    except UnicodeDecodeError as exc:
        raise EncodingInputError(
            source,
            f"not valid {encoding} at byte {exc.start} ({data[exc.start:exc.start + 4]!r}); "
            "re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
        ) from None
    return _check_text(source, text)


def _check_text(source: str, text: str) -> str:
    if not text.strip():
        raise EmptyInputError(source, "only whitespace; nothing to analyse")
    return text
