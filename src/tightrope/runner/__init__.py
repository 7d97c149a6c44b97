"""Run Tightrope over a corpus on a Dask cluster: batched, resumable, Parquet out."""

from .corpus import Unit, plan_units, read_unit
from .run import RunReport, run_corpus

__all__ = ["Unit", "plan_units", "read_unit", "RunReport", "run_corpus"]
