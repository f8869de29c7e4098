"""In-control false-alarm rate of the chair-stand decline rule, measured against its share of the budget.

    .venv/bin/python bench/engine/chair_null.py [--people 60] [--years 2.5] [--dispersion 0 0.05]

People whose chair stands never change (counts Poisson around their level, or gamma-Poisson with the given
squared coefficient of variation), tested every 3 or 6 days on average, are analysed every other night as the
nightly analysis would (tracker.rules.trends.objective_decline over its window, steps unknown, a new alert for
the same concern at most every TREND_QUIET_DAYS). Each line prints the false alerts per patient-year and their
ratio to the rule's share of the budget (tracker.rules.budget.SHARES["objective_decline"]): a ratio near 1 means
the Bonferroni count of candidate starts and looks fits; well above 1, the rule raises more chance declines than
the budget says. About 20 s per dispersion on 2 idle cores.
"""

import argparse
import random
import sys
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.noise import count_with_dispersion
from tracker.rules.budget import SHARES
from tracker.rules.realert import TREND_QUIET_DAYS
from tracker.rules.trends import ANALYSIS_WINDOW_DAYS, objective_decline
from tracker.rules.types import DayEntry

LEVELS = (10, 16, 22)
MEAN_DAYS_BETWEEN_TESTS = (3, 6)
# The first nights have no baseline before the fit window; they are not looked at.
WARM_UP_DAYS = 120


def alerts_for_one_person(job: tuple[int, float, float, float, float]) -> tuple[int, float]:
    seed, level, every, years, dispersion = job
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    days: list[DayEntry] = []
    next_test, alerts, last_alert = 0, 0, -TREND_QUIET_DAYS
    for index in range(int(365 * years)):
        today = start + timedelta(days=index)
        count = None
        if index >= next_test:
            count = count_with_dispersion(rng, level, dispersion)
            next_test = index + 1 + int(rng.expovariate(1 / max(0.5, every - 1)))
        days.append(DayEntry(today, 8, 8, 3, chair_stand_30s=count))
        if index < WARM_UP_DAYS or index % 2:
            continue
        window = days[-ANALYSIS_WINDOW_DAYS:]
        if objective_decline(window, today) is not None and index - last_alert >= TREND_QUIET_DAYS:
            alerts, last_alert = alerts + 1, index
    return alerts, years - WARM_UP_DAYS / 365


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=60, help="people per level and test frequency")
    parser.add_argument("--years", type=float, default=2.5)
    parser.add_argument("--dispersion", type=float, nargs="+", default=[0.0, 0.05])
    args = parser.parse_args()
    share = SHARES["objective_decline"][0]
    print(f"chair-stand decline rule, share of the budget {share} false alerts a year")
    with get_context("fork").Pool() as pool:
        for dispersion in args.dispersion:
            for level in LEVELS:
                for every in MEAN_DAYS_BETWEEN_TESTS:
                    jobs = [(1000 * k + level, level, every, args.years, dispersion) for k in range(args.people)]
                    results = pool.map(alerts_for_one_person, jobs)
                    alerts = sum(a for a, _ in results)
                    years = sum(y for _, y in results)
                    rate = alerts / years
                    print(
                        f"  dispersion {dispersion:<4} level {level:>2} stands, a test every {every} days: "
                        f"{alerts:>3} false alerts in {years:5.0f} patient-years = {rate:.3f} a year, "
                        f"{rate / share:.1f}x the share"
                    )


if __name__ == "__main__":
    main()
