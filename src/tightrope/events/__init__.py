"""Events: who did what to whom, coded in CAMEO and PLOVER, from the dependency parse."""

from .extract import EventStage
from .lexicon import Trigger, load_lexicon
from .ontology import CameoCode, load_ontology

__all__ = ["EventStage", "CameoCode", "Trigger", "load_lexicon", "load_ontology"]
