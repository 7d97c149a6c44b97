"""A multinomial logistic-regression model over sparse string features, stored as a weight table.

Trained with scikit-learn; stored as a compressed ``.npz`` of plain arrays (feature names, class
names, weights, intercepts, the hyper-parameters that made it), and applied with numpy, so that a
shipped model is data, never a pickle.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["LinearModel"]


class LinearModel:
    """Scores classes for feature dicts.

    Args:
        classes: class names, in weight-row order.
        features: feature name -> column.
        weights: array (classes, features).
        intercepts: array (classes,).
        config: the hyper-parameters and data that made the model.
    """

    def __init__(self, classes: list[str], features: dict[str, int], weights: np.ndarray, intercepts: np.ndarray,
                 config: dict | None = None) -> None:
        self.classes = classes
        self.features = features
        self.weights = weights
        self.intercepts = intercepts
        self.config = config or {}

    @classmethod
    def fit(cls, rows: Sequence[dict[str, float]], labels: Sequence[str], c: float = 1.0, min_count: int = 1,
            class_weight: str | None = None, seed: int = 0) -> LinearModel:
        """Train on feature dicts and their labels.

        Args:
            rows: one feature dict per example.
            labels: one label per example.
            c: inverse L2 strength.
            min_count: features seen fewer times are dropped.
            class_weight: ``"balanced"`` or None, as scikit-learn takes it.
            seed: the random state.

        Returns:
            The model.
        """
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        counts = Counter(name for row in rows for name in row)
        names = sorted(n for n, k in counts.items() if k >= min_count)
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
        classes = sorted(set(labels))
        if len(classes) == 1:
            weights = np.zeros((1, len(names)), dtype=np.float32)
            return cls(classes, index, weights, np.zeros(1, dtype=np.float32), {"c": c})
        model = LogisticRegression(C=c, max_iter=2000, class_weight=class_weight, random_state=seed)
        model.fit(matrix, list(labels))
        weights, intercepts = model.coef_, model.intercept_
        if len(model.classes_) == 2:  # scikit-learn keeps one row for two classes: make it two
            weights = np.vstack([-weights[0] / 2, weights[0] / 2])
            intercepts = np.array([-intercepts[0] / 2, intercepts[0] / 2])
        config = {"c": c, "min_count": min_count, "class_weight": class_weight, "seed": seed,
                  "examples": len(rows), "features": len(names), "label_counts": dict(Counter(labels))}
        return cls([str(k) for k in model.classes_], index, weights.astype(np.float32),
                   intercepts.astype(np.float32), config)

    def scores(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Class probabilities, one row per feature dict (softmax over the classes)."""
        out = np.tile(self.intercepts, (len(rows), 1)).astype(np.float64)
        for n, row in enumerate(rows):
            cols = [(self.features[name], value) for name, value in row.items() if name in self.features]
            if cols:
                idx = np.fromiter((c for c, _ in cols), dtype=np.int64, count=len(cols))
                val = np.fromiter((v for _, v in cols), dtype=np.float64, count=len(cols))
                out[n] += self.weights[:, idx] @ val
        out -= out.max(axis=1, keepdims=True)
        np.exp(out, out=out)
        out /= out.sum(axis=1, keepdims=True)
        return out

    def top_features(self, row: dict[str, float], label: str, k: int = 5) -> list[tuple[str, float]]:
        """The features of one example that pushed hardest toward ``label``, with their weights
        (none when the model has no such class: a root only the rules coder gave)."""
        if label not in self.classes:
            return []
        c = self.classes.index(label)
        scored = [(name, float(self.weights[c, self.features[name]] * value)) for name, value in row.items()
                  if name in self.features and name != "bias"]
        return sorted(scored, key=lambda x: -x[1])[:k]

    def save(self, path: Path) -> None:
        """Write the model as a compressed npz of plain arrays (no pickles)."""
        names = sorted(self.features, key=self.features.get)
        np.savez_compressed(path, classes=np.array(self.classes), features=np.array(names),
                            weights=self.weights.astype(np.float16), intercepts=self.intercepts,
                            config=np.array(json.dumps(self.config, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Read a model written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["features"]]
            return cls([str(c) for c in data["classes"]], {n: i for i, n in enumerate(names)},
                       data["weights"].astype(np.float32), data["intercepts"].astype(np.float32),
                       json.loads(str(data["config"])))
