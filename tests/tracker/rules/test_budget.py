import re
from pathlib import Path

import pytest
from django.conf import settings

from tracker.rules import budget, red_flags

REDFLAGS_JS = Path(settings.BASE_DIR) / "frontend" / "static" / "frontend" / "js" / "redflags.js"


def test_the_shares_stay_within_the_yearly_budget():
    assert sum(share for share, _ in budget.SHARES.values()) <= budget.TOTAL_FALSE_ALERTS_PER_YEAR


@pytest.mark.parametrize(
    "name, value",
    [
        ("Z_FOCAL_DROP", budget.Z_FOCAL_DROP),
        ("Z_PERSISTENT_WEAKNESS", budget.Z_PERSISTENT_WEAKNESS),
        ("Z_SEVERE_FOCAL_DROP", red_flags.Z_SEVERE_FOCAL_DROP),
    ],
)
def test_the_phone_judges_red_flags_by_the_servers_thresholds(name, value):
    """redflags.js repeats the thresholds for offline saves: a share moved in budget.py must move there too."""
    found = re.search(rf"^const {name} = ([0-9.]+);$", REDFLAGS_JS.read_text(), re.MULTILINE)
    assert found, f"{name} is not set in redflags.js"
    assert float(found.group(1)) == pytest.approx(value, abs=1e-9)
