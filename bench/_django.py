"""Django set-up shared by the benchmarks: a PostgreSQL database of their own, kept between runs."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/tracker"


def setup(database_name: str):
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.test_settings")
    import django

    django.setup()
    from django.db import connections
    from django.test.utils import setup_databases

    connections["default"].settings_dict["TEST"]["NAME"] = database_name
    setup_databases(verbosity=0, interactive=False, keepdb=True, aliases={"default"}, serialized_aliases=set())
