"""A short, bounded atheris run over ingest: it must finish without a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_fuzz_ingest_short_run(tmp_path):
    script = Path(__file__).with_name("fuzz_ingest.py")
    result = subprocess.run([sys.executable, str(script), "-runs=20000", "-max_len=4096", "-len_control=0", "-seed=1",
                             f"-artifact_prefix={tmp_path}/"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 20000 runs" in result.stderr
