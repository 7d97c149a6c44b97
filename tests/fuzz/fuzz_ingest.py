"""Coverage-guided fuzzing of ingest with atheris: decode, plain text, HTML and JSONL parsing.

Run: python tests/fuzz/fuzz_ingest.py -runs=20000   (tests/fuzz/test_fuzz.py runs a short, bounded pass)
Any exception other than InputError is a crash and a bug.
"""

from __future__ import annotations

import inspect
import sys

import atheris

import tightrope.ingest.decode
import tightrope.ingest.html
import tightrope.ingest.jsonl
import tightrope.ingest.text
from tightrope.errors import InputError

# Instrument only our ingest functions (spaCy, pydantic, trafilatura are imported already and left
# alone: coverage of the libraries would slow the run for nothing). Module globals are replaced, so
# calls between our functions go through the instrumented versions.
for _module in (tightrope.ingest.decode, tightrope.ingest.text, tightrope.ingest.html, tightrope.ingest.jsonl):
    for _name, _obj in list(vars(_module).items()):
        if inspect.isfunction(_obj) and _obj.__module__ == _module.__name__:
            setattr(_module, _name, atheris.instrument_func(_obj))

decode_bytes = tightrope.ingest.decode.decode_bytes
parse_txt = tightrope.ingest.text.parse_txt
parse_html = tightrope.ingest.html.parse_html
parse_jsonl = tightrope.ingest.jsonl.parse_jsonl


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    kind = fdp.ConsumeIntInRange(0, 3)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        text = decode_bytes("fuzz", raw, html=kind == 1)
        if kind == 0:
            parse_txt("fuzz.txt", text)
        elif kind == 1:
            parse_html("fuzz.html", text)
        elif kind == 2:
            for _ in parse_jsonl("fuzz.jsonl", text):
                pass
    except InputError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
