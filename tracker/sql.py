"""The pieces of hand-written SQL on the hottest paths: quoted table names and row locks.

Every saved log and every patient's night run a few small one-table statements. For those,
Django's query compiler costs more than the statement itself (`bench/replay.py`: a log and
its patient by id take 0.48 ms through the ORM, 0.19 ms written out), so they are written
out and run through Manager.raw(), which still returns model objects with every value
converted as the ORM would.
"""

from django.db import connection


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def for_update(*, skip_locked: bool = False) -> str:
    """The row-locking clause where the database has one (PostgreSQL); SQLite locks the whole file instead."""
    if not connection.features.has_select_for_update:
        return ""
    skip_locked = skip_locked and connection.features.has_select_for_update_skip_locked
    return " " + connection.ops.for_update_sql(skip_locked=skip_locked)


def date_value(day):
    return connection.ops.adapt_datefield_value(day)


def datetime_value(moment):
    return connection.ops.adapt_datetimefield_value(moment)
