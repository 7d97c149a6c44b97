"""The learned coder's model files: five linear models, the event nouns, and the decode settings.

They live in ``tightrope/data/models/coder/`` (package data; ``docs/MODEL.md`` is their card)
or in any folder ``tightrope train --out`` wrote.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from .linear import LinearModel

__all__ = ["CoderModels", "PACKAGED", "Settings"]

PACKAGED = Path(str(resources.files("tightrope").joinpath("data/models/coder")))
_PARTS = ("trigger", "role", "modality", "code")


@dataclass
class Settings:
    """Decode thresholds, chosen on the dev split (``tightrope train`` records how)."""

    event_threshold: float = 0.5
    source_threshold: float = 0.3
    target_threshold: float = 0.35
    extra_party_threshold: float = 0.6
    code_threshold: float = 0.35
    #: Whether the models read spaCy's contextual token vectors (chosen on dev beside the thresholds).
    dense: bool = True
    #: Where the rules coder fired (at its own threshold), take its source and target (chosen on dev).
    rule_roles: bool = False
    #: Count an event wherever the rules coder fired, even under the model's threshold (chosen on dev).
    rule_events: bool = False
    #: An event with no target takes its source's state as target where the implicit-target model's
    #: "self" probability reaches this (chosen on dev; above 1: never).
    implicit_threshold: float = 1.01


@dataclass
class CoderModels:
    """Everything the learned coder needs, loaded once."""

    trigger: LinearModel
    role: LinearModel
    modality: LinearModel
    code: LinearModel
    nouns: frozenset[str]
    #: Target of an event with no target mention: its source's own state ("self") or none.
    implicit: LinearModel | None = None
    settings: Settings = field(default_factory=Settings)
    card: dict = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path | None = None) -> CoderModels:
        """Load the models from a folder (default: $TIGHTROPE_MODELS, else the packaged ones).

        Raises:
            ModelError: a model file is missing; the message says how to rebuild it.
        """
        folder = Path(folder or os.environ.get("TIGHTROPE_MODELS") or PACKAGED)
        missing = [p for p in _PARTS if not (folder / f"{p}.npz").exists()] + \
            ([] if (folder / "coder.json").exists() else ["coder.json"])
        if missing:
            raise ModelError(f"learned coder model files {', '.join(missing)} are missing in {folder}; "
                             "rebuild them with `make train`, or use the rules coder (--coder rules)")
        meta = json.loads((folder / "coder.json").read_text(encoding="utf-8"))
        models = {p: LinearModel.load(folder / f"{p}.npz") for p in _PARTS}
        if (folder / "implicit.npz").exists():  # models trained before it have none
            models["implicit"] = LinearModel.load(folder / "implicit.npz")
        return cls(**models, nouns=frozenset(meta["nouns"]), settings=Settings(**meta["settings"]),
                   card=meta.get("card", {}))

    def save(self, folder: Path) -> None:
        """Write every model and coder.json (nouns, settings, card) into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        for part in _PARTS:
            getattr(self, part).save(folder / f"{part}.npz")
        if self.implicit is not None:
            self.implicit.save(folder / "implicit.npz")
        meta = {"nouns": sorted(self.nouns), "settings": self.settings.__dict__, "card": self.card}
        (folder / "coder.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
