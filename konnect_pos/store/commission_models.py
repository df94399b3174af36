"""Rows of migration m0014: HQ's commission rates as pulled, and statements sent to HQ."""

from __future__ import annotations

from collections.abc import Sequence

import peewee

from konnect_pos.store.database import db
from konnect_pos.store.fields import DecimalTextField, UTCDateTimeField
from konnect_pos.store.models import BaseModel, Bundle
from konnect_pos.store.statement_models import MobileStatement


class CommissionRate(BaseModel):
    """A commission rate from HQ: percent of the line's price, from a local business date on."""

    bundle = peewee.ForeignKeyField(Bundle, on_delete="RESTRICT")
    outlet_kind = peewee.CharField()
    effective_from = peewee.CharField()  # ISO date, compared as text
    percent = DecimalTextField()


class MobileStatementSent(BaseModel):
    """An imported statement HQ holds (sent once; HQ stores it once even if sent again)."""

    statement = peewee.ForeignKeyField(MobileStatement, primary_key=True, on_delete="RESTRICT")
    sent_at = UTCDateTimeField()


def outlet_rate_versions(
    terminal_id: int, bundle_ids: Sequence[int]
) -> tuple[str, list[tuple[int, str, str]]]:
    """The terminal's outlet zone and every commission rate version (bundle id, first date, percent)
    of these bundles for its outlet's kind, oldest first: one statement in the sale's transaction."""
    unique = sorted(set(bundle_ids))
    p = db.param
    marks = ", ".join([p] * len(unique))
    sql = (
        "SELECT o.zone, r.bundle_id, r.effective_from, r.percent FROM terminal t"
        " JOIN outlet o ON o.id = t.outlet_id"
        f" LEFT JOIN commission_rate r ON r.outlet_kind = o.kind AND r.bundle_id IN ({marks})"
        f" WHERE t.id = {p} ORDER BY r.effective_from"
    )
    rows = db.execute_sql(sql, (*unique, terminal_id)).fetchall()
    return rows[0][0], [(row[1], row[2], row[3]) for row in rows if row[1] is not None]
