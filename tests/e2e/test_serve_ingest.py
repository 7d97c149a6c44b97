"""`tightrope serve` holds a database while `tightrope ingest --server` adds to it and readers keep reading.

A real server in a subprocess on a free loopback port, a real ingest in another, real HTTP.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.browser.conftest import _free_port
from tests.conftest import EXAMPLES
from tightrope.ingest import discover
from tightrope.ingest.files import read_file

pytestmark = pytest.mark.slow

TOKEN = "serve-ingest-token"
CORPUS = "/work/shared/corpus/wikinews_2019_2020.jsonl"
#: Small enough that four corpus articles do not fit in one request: the client must split by size.
MAX_REQUEST_BYTES = 9000


def _cli(*args: str, token: str | None = TOKEN):
    """Run the command line in this process, with TIGHTROPE_API_TOKEN set to ``token`` (or unset)."""
    from click.testing import CliRunner

    from tightrope.cli import main

    return CliRunner().invoke(main, list(args), env={"TIGHTROPE_API_TOKEN": token})


def _refused(result, code: int = 1) -> str:
    """The message of a command that stopped with an error of ours (not a traceback)."""
    assert isinstance(result.exception, SystemExit) and result.exit_code == code, result.output
    return result.stderr


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return json.loads(response.read())


def _corpus_articles(low: int, high: int, count: int, skip: int = 0) -> list[dict]:
    """Corpus articles whose text is between ``low`` and ``high`` characters long, in file order."""
    if not os.path.exists(CORPUS):
        pytest.fail(f"{CORPUS} is missing; the shared Wikinews corpus ships in ../shared/corpus")
    with open(CORPUS, encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    return [r for r in rows if low <= len(r["text"]) <= high and not r["id"].startswith("wikinews-TEST")][
        skip:skip + count]


def _write(folder, rows) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, row in enumerate(rows):
        (folder / f"{number:02d}.txt").write_text(f"{row['title']}\n\n{row['text']}\n", encoding="utf-8")


def _start_server(db, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    """A real `tightrope serve` on a free loopback port, once it answers: (the process, its address)."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tightrope.cli", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], env={**os.environ, **env}, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/api/health", timeout=1)
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode()}") from None
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError("server did not answer within 60 s") from None
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A writing server on an empty database: (its address, the database file)."""
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    proc, url = _start_server(db, {"TIGHTROPE_API_TOKEN": TOKEN, "TIGHTROPE_MAX_REQUEST_BYTES": str(MAX_REQUEST_BYTES)})
    yield url, db
    proc.terminate()
    proc.wait(timeout=10)


def test_serve_ingest_through_the_server_while_readers_read(served, tmp_path):
    url, _ = served
    folder = tmp_path / "new"
    _write(folder, _corpus_articles(2400, 3000, 6))
    shutil.copy(EXAMPLES / "lavrov_delhi_2021.html", folder / "lavrov.html")
    _write(tmp_path / "big", _corpus_articles(12_000, 20_000, 1))
    shutil.move(tmp_path / "big" / "00.txt", folder / "big.txt")  # over the server's request limit
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    expected = {a.id for p in discover([folder]) for a in read_file(p) if not isinstance(a, Exception)}
    big = next(a.id for a in read_file(folder / "big.txt"))
    events_before = len(_get(url + "/api/events?limit=500")["items"])

    started = time.monotonic()
    ingest = subprocess.Popen([sys.executable, "-m", "tightrope.cli", "ingest", str(folder), "--server", url,
                               "--batch-size", "4"], env={**os.environ, "TIGHTROPE_API_TOKEN": TOKEN},
                              stderr=subprocess.PIPE, text=True)
    answers, failures = 0, []
    while ingest.poll() is None:
        for path in ("/api/articles?limit=100", "/api/events?limit=100"):
            try:
                _get(url + path)
                answers += 1
            except Exception as exc:  # noqa: BLE001 - any failed read is what this test looks for
                failures.append(f"{path}: {exc!r}")
    stderr = ingest.stderr.read()
    took = time.monotonic() - started
    assert ingest.returncode == 0, stderr  # four of these articles are over one request's limit: sent in parts
    assert not failures, failures
    assert answers >= 10, f"only {answers} reads answered in {took:.1f} s of ingest"

    assert f"7 stored, 0 already in {url}, 2 skipped" in stderr
    assert "broken.txt: binary data" in stderr
    assert "big.txt: " in stderr and f"over the {MAX_REQUEST_BYTES:,} byte request limit" in stderr
    stored = {a["id"] for a in _get(url + "/api/articles?limit=500")["items"]}
    assert expected - {big} <= stored and big not in stored
    events = [e for i in expected - {big} for e in _get(f"{url}/api/articles/{i}")["events"]]
    assert events, "the new articles have events"
    assert len(_get(url + "/api/events?limit=500")["items"]) > events_before


def test_serve_answers_reads_while_a_batch_is_analysed(served):
    url, _ = served
    batch = [{"text": r["text"], "title": r["title"], "published": r["published"], "source": r["id"]}
             for r in _corpus_articles(2400, 2800, 3, skip=10)]
    body = json.dumps(batch).encode()
    assert len(body) < MAX_REQUEST_BYTES
    request = urllib.request.Request(url + "/api/batches", data=body, method="POST", headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    answer: dict = {}

    def post() -> None:
        with urllib.request.urlopen(request, timeout=300) as response:
            answer.update(json.loads(response.read()))

    poster = threading.Thread(target=post)
    sent = time.monotonic()
    poster.start()
    reads = []
    while poster.is_alive():
        began = time.monotonic()
        _get(url + "/api/articles?limit=5")
        reads.append((began, time.monotonic()))
    answered = time.monotonic()
    poster.join()
    assert [r["status"] for r in answer["results"]] == ["stored"] * 3
    # Were the analysis to hold the database lock, a read begun after the batch arrived would wait
    # for the save at the very end, and at most one or two could be answered before the batch was.
    during = [r for r in reads if r[0] > sent + 0.2 and r[1] < answered]
    assert answered - sent > 0.3, f"the batch took {answered - sent:.2f} s, too fast to tell"
    assert len(during) >= 4, f"{len(during)} reads answered while the batch was analysed ({answered - sent:.1f} s)"


def test_serve_ingest_with_db_held_by_the_server_says_to_use_server(served, tmp_path):
    url, db = served
    shutil.copy(EXAMPLES / "lavrov_delhi_2021.txt", tmp_path / "one.txt")
    message = _refused(_cli("ingest", str(tmp_path), "--db", str(db)))
    assert f"--server {url}" in message and "held by `tightrope serve`" in message
    reading = _refused(_cli("events", "--db", str(db)))
    assert f"read it through the server (the dashboard at {url}/" in reading


def test_serve_ingest_wrong_token_is_refused_before_reading(served, tmp_path):
    url, _ = served
    shutil.copy(EXAMPLES / "lavrov_delhi_2021.txt", tmp_path / "one.txt")
    message = _refused(_cli("ingest", str(tmp_path), "--server", url, token="not-the-token"))
    assert f"{url}/api/batches/limits refused the token (401" in message
    assert "set TIGHTROPE_API_TOKEN to the token the server was started with" in message
    assert "stored " not in message


def test_serve_ingest_unreachable_server_names_the_address_and_the_next_step(tmp_path):
    shutil.copy(EXAMPLES / "lavrov_delhi_2021.txt", tmp_path / "one.txt")
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    message = _refused(_cli("ingest", str(tmp_path), "--server", url))
    assert f"nothing answers at {url}" in message and "tightrope serve" in message
    assert "TIGHTROPE_API_TOKEN is not set" in _refused(_cli("ingest", str(tmp_path), "--server", url, token=None))
    assert "not an http(s) address" in _refused(_cli("ingest", str(tmp_path), "--server", "127.0.0.1:8000"))
    both = _cli("ingest", str(tmp_path), "--server", url, "--db", str(tmp_path / "x.duckdb"))
    assert "give --db or --server, not both" in _refused(both, code=2)


def _children(pid: int) -> set[int]:
    """The process ids whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def test_serve_analyses_in_a_worker_that_dies_with_a_killed_server(tmp_path):
    proc, url = _start_server(tmp_path / "k.duckdb", {"TIGHTROPE_API_TOKEN": TOKEN})
    try:
        before = _children(proc.pid)
        body = json.dumps({"text": "Germany condemned Russia on Tuesday after talks in Vienna failed.",
                           "published": "2021-04-06"}).encode()
        request = urllib.request.Request(url + "/api/articles", data=body, method="POST", headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            assert json.loads(response.read())["events"] >= 1
        workers = _children(proc.pid) - before
        assert workers, "the article was analysed in the server's own process"
    finally:
        proc.kill()  # -9: the server cannot stop its worker itself
        proc.wait(timeout=10)
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers):
        assert time.monotonic() < deadline, f"worker(s) {workers} outlived the killed server"
        time.sleep(0.5)


def _alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
