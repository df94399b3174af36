"""Rows of migration m0014: HQ's commission rates as pulled, and statements sent to HQ."""

from __future__ import annotations

import peewee

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
