"""Wall time of `manage.py replay` over the public scenarios (target: 10 s on this 2-core machine).

    .venv/bin/python bench/replay.py [--runs 3] [--scenarios ../shared/scenarios/public]

The command runs exactly as the scorer runs it. Baselines from the same run: the command's fixed
cost (start-up and a throwaway schema, replaying a one-day diary) and, for the hot single-row
reads of tracker.sql, the ORM's compiled query against the hand-written one.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 10.0


def replay_seconds(files: list[Path]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "replay", *map(str, files)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def one_day_diary(directory: Path, source: Path) -> Path:
    diary = json.loads(source.read_text())
    diary["days"] = diary["days"][:1]
    path = directory / "one-day.json"
    path.write_text(json.dumps(diary))
    return path


def hot_read_microseconds() -> tuple[float, float]:
    """One log and its patient by id: ORM select_related against tracker.selectors.rows."""
    import os
    import uuid
    from datetime import date

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test.utils import setup_databases

    from tracker.management.commands.replay import _use_private_memory_database
    from tracker.models import DailyLog
    from tracker.selectors.rows import log_by_id, patient_by_id
    from tracker.services.logs import log_upsert
    from tracker.services.patients import create_patient

    _use_private_memory_database()
    setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    user = get_user_model()(username="bench")
    user.set_unusable_password()
    patient = create_patient(user=user, timezone="UTC")
    values = {"strength_left": 7, "strength_right": 7, "fatigue": 3}
    log, _ = log_upsert(patient=patient, date=date(2026, 1, 1), client_id=uuid.uuid4(), values=values)

    def orm():
        DailyLog.objects.select_related("patient").filter(pk=log.pk).first()

    def hand_written():
        patient_by_id(log_by_id(log.pk).patient_id)

    runs = 3000
    return (
        min(timeit.repeat(orm, number=runs, repeat=3)) / runs * 1e6,
        min(timeit.repeat(hand_written, number=runs, repeat=3)) / runs * 1e6,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scenarios", type=Path, default=ROOT.parent / "shared" / "scenarios" / "public")
    args = parser.parse_args()
    files = sorted(args.scenarios.glob("*.json"))
    days = sum(len(json.loads(path.read_text())["days"]) for path in files)

    with tempfile.TemporaryDirectory() as directory:
        fixed = min(replay_seconds([one_day_diary(Path(directory), files[0])]) for _ in range(args.runs))
    times = [replay_seconds(files) for _ in range(args.runs)]
    best, middle = min(times), statistics.median(times)
    orm_us, raw_us = hot_read_microseconds()

    print(f"replay of {len(files)} diaries, {days} logged days: best {best:.2f} s, median {middle:.2f} s")
    verdict = "met" if middle <= TARGET_SECONDS else "MISSED"
    print(f"  target {TARGET_SECONDS:.0f} s: {verdict} (median/target {middle / TARGET_SECONDS:.2f})")
    print(f"  fixed cost (one-day diary): {fixed:.2f} s; median/fixed {middle / fixed:.1f}x")
    print(f"  per logged day beyond the fixed cost: {(middle - fixed) / days * 1e3:.2f} ms wall")
    print(f"hot read of a log and its patient: ORM {orm_us:.0f} us, hand-written {raw_us:.0f} us", end="")
    print(f" ({orm_us / raw_us:.1f}x)")


if __name__ == "__main__":
    main()
