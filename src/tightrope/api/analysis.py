"""The server's analysis of posted articles, in a worker process of its own.

Analysing a batch is Python work that holds the interpreter: run in the server's process, it made
the reads answered meanwhile wait (a page of events: p99 67 ms, slowest 286 ms, against 13 ms
idle; bench/RESULTS.md). A worker process (spawned, so no threads are forked) loads its own
pipeline on first use and returns the analysed documents; the server only saves them. One batch is
analysed at a time (the caller holds ``holder["lock"]``): a second would compete for the same cores.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..errors import TightropeError
from ..models import Article, ArticleDoc
from .errors import ApiError

__all__ = ["analyse", "close_worker"]

_PIPELINE: Any = None


def _watch_parent(parent: int) -> None:
    """In the worker: exit when the server is gone (killed with -9, it cannot stop its worker)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="tightrope-parent-watch").start()


def _analyse_here(articles: list[Article]) -> list[ArticleDoc]:
    """In the worker: the pipeline, made once, over the articles."""
    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE.analyze_many(articles)


def analyse(holder: dict[str, Any], articles: list[Article]) -> list[ArticleDoc]:
    """Analyse articles in the app's worker process, started on first use (call it holding
    ``holder["lock"]``).

    Raises:
        ApiError: 503 when the worker cannot build a pipeline (a model is missing) or died; the
            next request starts a new worker.
    """
    if not articles:
        return []
    if holder.get("worker") is None:
        holder["worker"] = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_watch_parent, initargs=(os.getpid(),))
    try:
        return holder["worker"].submit(_analyse_here, articles).result()
    except TightropeError as exc:
        raise ApiError(503, f"this server cannot analyse articles: {exc}") from None
    except BrokenProcessPool:
        close_worker(holder)
        raise ApiError(503, "the analysis worker stopped (out of memory?); send the articles again") from None


def close_worker(holder: dict[str, Any]) -> None:
    """Stop the worker process, if one runs."""
    worker = holder.pop("worker", None)
    if worker is not None:
        worker.shutdown(wait=False, cancel_futures=True)
