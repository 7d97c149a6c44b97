"""A short, bounded atheris run over ingest: it must finish without a crash."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


ROOT = Path(__file__).resolve().parents[2]


def _seeds(folder: Path) -> Path:
    """Real inputs to start from: the example articles as text and HTML, and Wikinews JSONL lines.

    The fuzz target reads its input kind from the last byte (0 text, 1 HTML, 2 JSONL), so each seed
    ends with its kind; inputs are cut to the run's -max_len.
    """
    folder.mkdir()
    seeds = [(p.read_bytes(), 0) for p in sorted((ROOT / "examples").glob("*.txt"))]
    seeds += [(p.read_bytes(), 1) for p in sorted((ROOT / "examples").glob("*.html"))]
    corpus = ROOT.parent / "shared" / "corpus" / "wikinews_2019_2020.jsonl"
    lines = corpus.read_bytes().splitlines()[:3] if corpus.exists() else []
    seeds += [(line, 2) for line in lines] + [(p.read_bytes(), 2) for p in sorted((ROOT / "examples").glob("*.jsonl"))]
    for number, (data, kind) in enumerate(seeds):
        (folder / f"seed{number:02d}").write_bytes(data[:4095] + bytes([kind]))
    return folder


def test_fuzz_ingest_short_run(tmp_path):
    script = Path(__file__).with_name("fuzz_ingest.py")
    seeds = _seeds(tmp_path / "seeds")
    assert len(list(seeds.iterdir())) >= 4
    result = subprocess.run([sys.executable, str(script), "-runs=20000", "-max_len=4096", "-len_control=0", "-seed=1",
                             f"-artifact_prefix={tmp_path}/", str(seeds)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    # libFuzzer may run a few inputs past -runs before it stops ("Done 20018 runs")
    done = re.search(r"Done (\d+) runs", result.stderr)
    assert done and int(done.group(1)) >= 20000, result.stderr[-3000:]
    assert "INITED" in result.stderr  # the seed corpus was read before the mutations started
