"""The learned area model: one logistic regression per issue area over a clause's features
(``topics.features``), stored as plain arrays (``data/models/areas/areas.npz``, no pickle) with the
decode threshold chosen on the dev split. Its card: docs/MODEL.md "The area model"."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span

from ..errors import ModelError
from .assign import topics_for
from .features import area_features

__all__ = ["AreaModel", "PACKAGED_AREAS", "load_area_model", "clause_areas"]

PACKAGED_AREAS = Path(str(resources.files("tightrope").joinpath("data/models/areas/areas.npz")))
#: Fewer positive training sentences than this and an area is left to the taxonomy's keywords.
MIN_POSITIVES = 4


class AreaModel:
    """Scores each issue area for feature dicts; an area the model could not learn (too few
    positive sentences) is given where the taxonomy's keywords give it."""

    def __init__(self, areas: list[str], features: dict[str, int], weights: np.ndarray, intercepts: np.ndarray,
                 threshold: float, learned: list[bool], config: dict | None = None, union: bool = False) -> None:
        self.areas = areas
        #: Whether the taxonomy's keywords give their areas besides the model's (chosen on dev).
        self.union = union
        self.features = features
        self.weights = weights
        self.intercepts = intercepts
        self.threshold = threshold
        self.learned = learned
        self.config = config or {}

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float]], labels: Sequence[frozenset[str]], areas: Sequence[str],
            c: float = 1.0, min_count: int = 2, seed: int = 0) -> AreaModel:
        """Train one binary logistic regression per area on feature dicts and their gold area sets."""
        from collections import Counter

        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        counts = Counter(name for row in rows for name in row)
        names = sorted(n for n, k in counts.items() if k >= min_count or n.startswith("kw:") or n == "bias")
        index = {n: i for i, n in enumerate(names)}
        data, cols, indptr = [], [], [0]
        for row in rows:
            for name, value in row.items():
                if name in index:
                    cols.append(index[name])
                    data.append(value)
            indptr.append(len(cols))
        matrix = csr_matrix((np.array(data, dtype=np.float64), np.array(cols, dtype=np.int64), np.array(indptr)),
                            shape=(len(rows), len(names)))
        weights = np.zeros((len(areas), len(names)), dtype=np.float32)
        intercepts = np.full(len(areas), -10.0, dtype=np.float32)
        learned = []
        positives = {}
        for k, area in enumerate(areas):
            y = np.array([area in gold for gold in labels], dtype=int)
            positives[area] = int(y.sum())
            if y.sum() < MIN_POSITIVES or y.sum() == len(y):
                learned.append(False)
                continue
            model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
            model.fit(matrix, y)
            weights[k] = model.coef_[0]
            intercepts[k] = model.intercept_[0]
            learned.append(True)
        config = {"c": c, "min_count": min_count, "seed": seed, "examples": len(rows), "features": len(names),
                  "positives": positives}
        return cls(list(areas), index, weights, intercepts, 0.5, learned, config)

    def probabilities(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """P(area) for each feature dict: an array (rows, areas)."""
        out = np.tile(self.intercepts, (len(rows), 1)).astype(np.float64)
        for n, row in enumerate(rows):
            cols = [(self.features[name], value) for name, value in row.items() if name in self.features]
            if cols:
                idx = np.fromiter((c for c, _ in cols), dtype=np.int64, count=len(cols))
                val = np.fromiter((v for _, v in cols), dtype=np.float64, count=len(cols))
                out[n] += self.weights[:, idx] @ val
        return 1.0 / (1.0 + np.exp(-out))

    def predict(self, rows: Sequence[dict[str, float]], threshold: float | None = None,
                union: bool | None = None) -> list[list[str]]:
        """The areas of each feature dict, in the taxonomy's order."""
        cut = self.threshold if threshold is None else threshold
        both = self.union if union is None else union
        probs = self.probabilities(rows)
        out = []
        for n, row in enumerate(rows):
            out.append([a for k, a in enumerate(self.areas)
                        if (self.learned[k] and probs[n, k] >= cut)
                        or ((both or not self.learned[k]) and row.get(f"kw:{a}", 0.0) > 0)])
        return out

    def save(self, path: Path) -> None:
        """Write the model as a compressed npz of plain arrays."""
        names = sorted(self.features, key=self.features.get)
        np.savez_compressed(path, areas=np.array(self.areas), features=np.array(names),
                            weights=self.weights.astype(np.float16), intercepts=self.intercepts,
                            learned=np.array(self.learned), threshold=np.array(self.threshold),
                            union=np.array(self.union),
                            config=np.array(json.dumps(self.config, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> AreaModel:
        """Read a model written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                names = [str(n) for n in data["features"]]
                return cls([str(a) for a in data["areas"]], {n: i for i, n in enumerate(names)},
                           data["weights"].astype(np.float32), data["intercepts"].astype(np.float32),
                           float(data["threshold"]), [bool(x) for x in data["learned"]],
                           json.loads(str(data["config"])), bool(data["union"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot read the area model {path} ({exc}); rebuild it with `make train`") from None


@functools.lru_cache(maxsize=4)
def load_area_model(path: str | None = None) -> AreaModel | None:
    """The area model at ``path``, ``$TIGHTROPE_AREA_MODEL``, or the packaged one; None where the
    variable is set to ``keywords`` (areas from the taxonomy's keywords alone)."""
    chosen = path or os.environ.get("TIGHTROPE_AREA_MODEL") or str(PACKAGED_AREAS)
    if chosen == "keywords":
        return None
    return AreaModel.load(Path(chosen))


def clause_areas(words: Span) -> list[str]:
    """The issue areas of a clause: the learned model's, or the taxonomy's keywords where it is off."""
    model = load_area_model()
    if model is None:
        lemmas = " ".join(t.lemma_.lower() for t in words)
        return topics_for(words.text + " | " + lemmas)
    return model.predict([area_features(words)])[0]
