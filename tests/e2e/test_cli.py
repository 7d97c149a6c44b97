"""The command line, run as a user runs it, on a folder of good and bad inputs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tightrope.cli", *args], capture_output=True, text=True)


def test_cli_folder_with_bad_files_analyses_the_good_one_and_names_each_problem(tmp_path):
    shutil.copy(EXAMPLES / "lavrov_delhi_2021.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "huge.txt").write_bytes(b"Title\n" + b"The minister spoke. " * 320_000)  # about 6 MB
    result = _run("analyze", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Moscow plays down Beijing" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    reasons = "\n".join(skipped)
    assert "empty.txt: empty file" in reasons
    assert "binary.txt: binary data" in reasons
    assert "huge.txt: 6.1 MB is over the 5.0 MB limit" in reasons
    assert "1 article(s) analysed, 3 input(s) skipped" in result.stderr


def test_cli_exits_non_zero_only_when_nothing_could_be_analysed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = _run("analyze", str(tmp_path))
    assert result.returncode == 1
    assert "nothing could be analysed" in result.stderr


def test_cli_table_lists_actors_and_events():
    result = _run("analyze", str(EXAMPLES / "wikinews_germany_mahan_2019.txt"))
    assert result.returncode == 0
    assert "Actors (" in result.stdout and "Events (" in result.stdout
    assert "Mike Pompeo" in result.stdout


def test_cli_bad_date_is_refused_with_the_format():
    result = _run("analyze", str(EXAMPLES), "--published", "April 6")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_cli_actors_lookup():
    result = _run("actors", "lookup", "Sergey Lavrov", "--date", "2021-04-06")
    assert result.returncode == 0 and "foreign minister of Russia" in result.stdout
    result = _run("actors", "lookup", "Nobody Inparticular")
    assert result.returncode == 1 and "no actor named" in result.stderr
