"""Relations: cooperation and conflict between two countries over time, with evidence."""

from .dyad import AreaChange, Brief, BriefLine, PeriodRow, brief_change, dyad_brief, dyad_series

__all__ = ["AreaChange", "Brief", "BriefLine", "PeriodRow", "brief_change", "dyad_brief", "dyad_series"]
