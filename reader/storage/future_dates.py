"""Dates more than a day in the future (a clock set wrong) are set to now on opening."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.notes import format_timestamp, latest_allowed
from reader.storage.db import Database

__all__ = ["clamp_future_dates"]

_FUTURE = "created > :limit OR modified > :limit"


def clamp_future_dates(db: Database, now: datetime | None = None) -> int:
    """Set every date more than a day in the future to now; returns how many records changed.

    Such a date (from a clock set wrong, or an older version's import) would win every
    merge and leave no room for a later edit. The count is added to `db.notices`. A
    read-only database is left as it is.
    """
    if db.read_only:
        return 0
    moment = now or datetime.now(UTC)
    limit = format_timestamp(latest_allowed(moment))
    stamp = format_timestamp(moment)
    params = {"limit": limit, "now": stamp}
    # Timestamps sort as strings. Looking first costs no write lock and leaves the
    # database unchanged (so closing takes no backup) in the usual case.
    if db.query_one(f"SELECT 1 FROM annotations WHERE {_FUTURE} LIMIT 1", params) is None:
        return 0
    with db.transaction() as conn:
        cursor = conn.execute(
            "UPDATE annotations SET"
            " created = CASE WHEN created > :limit THEN :now ELSE created END,"
            " modified = CASE WHEN modified > :limit THEN :now ELSE modified END"
            f" WHERE {_FUTURE}",
            params,
        )
        changed = cursor.rowcount
    if changed:
        were, their = (
            ("note was", "its date was") if changed == 1 else ("notes were", "their dates were")
        )
        db.notices.append(
            f"{changed} {were} dated more than a day in the future (a clock set wrong); "
            f"{their} set to now so that later edits count."
        )
    return changed
