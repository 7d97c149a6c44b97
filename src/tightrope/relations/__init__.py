"""Relations: cooperation and conflict between two countries over time, with evidence."""

from .dyad import Brief, BriefLine, PeriodRow, dyad_brief, dyad_series

__all__ = ["Brief", "BriefLine", "PeriodRow", "dyad_brief", "dyad_series"]
