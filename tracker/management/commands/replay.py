import json
import multiprocessing
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import setup_databases, teardown_databases

from tracker.diaries import Diary, read_diary
from tracker.services.replay import replay_diary


class Command(BaseCommand):
    help = (
        "Replay scenario diaries through the live save and analysis paths on a throwaway database, "
        "printing each alert raised as one JSON line."
    )
    # The site's checks load every URL and view (a second of imports); a replay on a throwaway database uses none.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--processes", type=int, default=os.cpu_count() or 1, help="diaries are shared out over this many processes"
        )

    def handle(self, *args, files, processes, **options):
        diaries = [self._read(path) for path in files]
        for path, diary in zip(files, diaries, strict=True):
            for problem in diary.problems:
                self.stderr.write(f"{path}: {problem}")
        shares = _balanced_shares(diaries, max(1, min(processes, len(diaries))))
        lines = _replay_share(shares[0]) if len(shares) == 1 else _replay_in_processes(shares)
        for line in lines:
            self.stdout.write(line)

    def _read(self, path: Path) -> Diary:
        try:
            diary = json.loads(path.read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: cannot read the diary ({error})") from error
        if not isinstance(diary, dict) or "id" not in diary or not isinstance(diary.get("days"), list):
            raise CommandError(f"{path}: not a scenario diary (needs 'id' and a list of 'days')")
        return read_diary(diary)


def _balanced_shares(diaries: list[Diary], count: int) -> list[list[Diary]]:
    shares: list[list[Diary]] = [[] for _ in range(count)]
    sizes = [0] * count
    for diary in sorted(diaries, key=lambda d: len(d.days), reverse=True):
        smallest = sizes.index(min(sizes))
        shares[smallest].append(diary)
        sizes[smallest] += len(diary.days)
    return shares


def _replay_share(diaries: list[Diary]) -> list[str]:
    """Replay on a private in-memory database of this process, with tasks run in process.

    Whatever DATABASE_URL says, the replay never opens the real database: an in-memory SQLite
    database is the throwaway one, and the fastest.
    """
    _use_private_memory_database()
    databases = setup_databases(verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set())
    settings.TASKS_RUN_INLINE = True
    try:
        return [line for diary in diaries for line in _replay_one(diary)]
    finally:
        teardown_databases(databases, verbosity=0)


def _replay_one(diary: Diary) -> list[str]:
    """The diary's alerts; a diary the replay cannot finish is reported, and the others still get theirs (the
    scorer reads one run over every diary)."""
    try:
        return [json.dumps(alert) for alert in replay_diary(diary)]
    except Exception as error:
        sys.stderr.write(f"{diary.id}: the replay of this diary failed ({type(error).__name__}: {error})\n")
        return []


def _use_private_memory_database() -> None:
    connections.close_all()
    connections.settings = connections.configure_settings(
        # MIGRATE False: the tables are made straight from the models, the same schema but faster.
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "TEST": {"MIGRATE": False}}}
    )
    if hasattr(connections._connections, "default"):
        del connections["default"]


def _replay_in_processes(shares: list[list[Diary]]) -> list[str]:
    context = multiprocessing.get_context("fork")
    with context.Pool(len(shares), maxtasksperchild=1) as pool:
        results = pool.map(_replay_share, shares, chunksize=1)
    return [line for lines in results for line in lines]
