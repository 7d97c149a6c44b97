"""Exceptions raised by Tightrope.

The hierarchy, in one place::

    TightropeError                 base class; catch this to catch everything we raise
    ├── ConfigError                a setting or argument has a value we cannot use
    ├── DataError                  a package data file (lexicon, codebook, actor list) is malformed
    ├── ModelError                 the spaCy model cannot be loaded
    ├── PipelineError              stages are wired so that one lacks what it requires
    └── InputError                 one input (file, line, article) cannot be analysed
        ├── EmptyInputError        nothing but whitespace
        ├── BinaryInputError       not text
        ├── InputTooLargeError     over the configured size limit
        ├── EncodingInputError     bytes that are not valid in any encoding we accept
        ├── UnsupportedInputError  a file type we do not read
        ├── MalformedInputError    text we can read but not parse (bad JSON, no article in HTML)
        └── LanguageInputError     text that is not English

Input errors never stop a batch: ingest turns them into a ``StageIssue`` and goes on.
Every message names the bad value and says what to do next.
"""

from __future__ import annotations

__all__ = [
    "TightropeError",
    "ConfigError",
    "DataError",
    "ModelError",
    "PipelineError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "InputTooLargeError",
    "EncodingInputError",
    "UnsupportedInputError",
    "MalformedInputError",
    "LanguageInputError",
]


class TightropeError(Exception):
    """Base class of every exception Tightrope raises on purpose."""


class ConfigError(TightropeError, ValueError):
    """A setting or argument has a value we cannot use."""


class DataError(TightropeError):
    """A package data file is missing columns or holds a bad row."""


class ModelError(TightropeError):
    """The spaCy model could not be loaded."""


class PipelineError(TightropeError):
    """The pipeline's stages do not fit together."""


class InputError(TightropeError):
    """One input cannot be analysed; the rest of a batch goes on.

    Args:
        source: the path (or ``path:line``) of the bad input.
        reason: what is wrong and what to do about it.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # pickled by its two fields (a worker process or Dask sends it back)
        return type(self), (self.source, self.reason)


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class InputTooLargeError(InputError):
    """The input is over the configured size limit."""


class EncodingInputError(InputError):
    """The input's bytes cannot be decoded."""


class UnsupportedInputError(InputError):
    """The input is a file type Tightrope does not read."""


class MalformedInputError(InputError):
    """The input can be read but not parsed into an article."""


class LanguageInputError(InputError):
    """The input is not in English."""
