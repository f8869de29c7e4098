"""The alert engine's public interface. The save path, the nightly job and `manage.py replay` call only
these names, so all three make the very same decisions."""

from .advice import advice
from .hints import Hint, pattern_hints
from .realert import PRIOR_ALERT_LOOKBACK_DAYS, alerts_to_raise, most_urgent, should_raise
from .red_flags import HISTORY_DAYS, check_log
from .trends import ANALYSIS_WINDOW_DAYS, analyse_day

__all__ = [
    "ANALYSIS_WINDOW_DAYS",
    "HISTORY_DAYS",
    "PRIOR_ALERT_LOOKBACK_DAYS",
    "Hint",
    "advice",
    "alerts_to_raise",
    "analyse_day",
    "check_log",
    "most_urgent",
    "pattern_hints",
    "should_raise",
]
