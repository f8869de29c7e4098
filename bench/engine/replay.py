"""`manage.py replay` without a database (tracker.rules.simulate): the same JSON lines, for the official scorer.

    .venv/bin/python ../shared/scenarios/score.py --replay ".venv/bin/python bench/engine/replay.py" DIR

Diaries are replayed in worker processes (--processes, default the number of cores), printed file by file.
"""

import argparse
import json
import os
import sys
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tracker.rules.simulate import replay_alerts


def alert_lines(path: str) -> list[str]:
    diary = json.loads(Path(path).read_text())
    return [json.dumps(alert) for alert in replay_alerts(diary)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with get_context("fork").Pool(max(1, min(args.processes, len(args.files)))) as pool:
        for lines in pool.imap(alert_lines, args.files, chunksize=4):
            for line in lines:
                print(line)


if __name__ == "__main__":
    main()
