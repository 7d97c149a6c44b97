"""Relations: cooperation and conflict between two countries over time, with evidence."""

from .dyad import AreaChange, Brief, BriefLine, brief_change, dyad_brief, dyad_series, dyad_timeline
from .timeline import PeriodRow, Timeline

__all__ = ["AreaChange", "Brief", "BriefLine", "PeriodRow", "Timeline", "brief_change", "dyad_brief", "dyad_series",
           "dyad_timeline"]
