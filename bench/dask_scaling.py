"""`tightrope run` on 1 and 2 Dask workers in one run, and the workers' malloc trim setting.

Runs the same corpus (the first --articles Wikinews and VOA texts of ../shared/corpus) through
`run_corpus` with 1 and 2 local workers, each with the nanny's MALLOC_TRIM_THRESHOLD_=65536 and with
glibc's default (the variable unset), and prints wall time, articles/s and the 2/1
ratio. The load average before each run is printed: the ratio means something only on an idle
machine. Usage: python bench/dask_scaling.py [--articles 240]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

import dask
import distributed  # noqa: F401  (loads its config before dask.config.set changes and restores it)

from tightrope.runner import run as runner

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--trims", nargs="+", default=["default", "65536"])
    args = parser.parse_args()
    records = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[:args.articles]
    print(f"# {platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(records)} articles")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        for trim in args.trims:
            value = None if trim == "default" else int(trim)  # None unsets it: glibc's own default
            rates = {}
            for workers in (1, 2):
                out = Path(tmp) / f"out-{trim}-{workers}"
                load = os.getloadavg()[0]
                started = time.perf_counter()
                with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": value}):
                    report = runner.run_corpus([corpus], out, workers=workers)
                wall = time.perf_counter() - started
                rates[workers] = report.articles / wall
                print(f"trim {trim:>7}, {workers} worker(s): {wall:6.1f} s wall, {rates[workers]:.2f} articles/s "
                      f"({report.articles} articles, {report.units} units; load before {load:.2f})")
                shutil.rmtree(out)
            print(f"trim {trim:>7}: 2 workers / 1 worker = {rates[2] / rates[1]:.2f}x (target >= 1.7x)")


if __name__ == "__main__":
    main()
