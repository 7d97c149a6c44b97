"""Train / dev / test splits by article, fixed by a hash of the article id.

A hash, not a shuffle: adding articles never moves an existing one to another split, and anyone
can recompute an article's split from its id alone.
"""

from __future__ import annotations

import hashlib
from typing import Literal

__all__ = ["Split", "split_of", "SPLIT_BOUNDS"]

Split = Literal["train", "dev", "test"]

#: Buckets 0-99 of the hash: below 64 train, below 81 dev, the rest (19 %) the sealed test.
SPLIT_BOUNDS = (64, 81)


def split_of(article_id: str) -> Split:
    """Return the split an article belongs to.

    Args:
        article_id: the article's id in the corpus (``voa-8011115``, ``wikinews-...``).

    Returns:
        ``"train"``, ``"dev"`` or ``"test"``.
    """
    bucket = int(hashlib.sha256(f"tightrope-gold:{article_id}".encode()).hexdigest(), 16) % 100
    if bucket < SPLIT_BOUNDS[0]:
        return "train"
    return "dev" if bucket < SPLIT_BOUNDS[1] else "test"
