"""Rows of the float and the offline limits (migrations m0013, m0018): append-only, each journaled."""

from __future__ import annotations

import peewee

from konnect_pos.store.fields import UTCDateTimeField
from konnect_pos.store.models import BaseModel, Outlet, Refund, Sale, Terminal, User


class FloatPull(BaseModel):
    """The outlet's float and limits as HQ gave them to one terminal at one sync."""

    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    pulled_at = UTCDateTimeField()
    currency = peewee.CharField(null=True)  # None: the outlet has no float account at HQ
    credit_limit_minor = peewee.BigIntegerField(null=True)
    topped_up_minor = peewee.BigIntegerField()
    used_minor = peewee.BigIntegerField()
    included = peewee.TextField()  # JSON: terminal label -> its last record HQ had counted
    offline_days = peewee.IntegerField(null=True)
    offline_sales = peewee.IntegerField(null=True)
    offline_amount_minor = peewee.BigIntegerField(null=True)

    class Meta:
        table_name = "float_pull"


class FloatUse(BaseModel):
    """What one sale consumed of its outlet's float (its wholesale value)."""

    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, unique=True, on_delete="RESTRICT")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    at = UTCDateTimeField()

    class Meta:
        table_name = "float_use"


class FloatReturn(BaseModel):
    """What one refund gave back of the float its sale consumed (``refund_give_back``)."""

    uuid = peewee.CharField(unique=True)
    refund = peewee.ForeignKeyField(Refund, unique=True, on_delete="RESTRICT")
    sale = peewee.ForeignKeyField(Sale, on_delete="RESTRICT", backref="+")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT", backref="+")
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    at = UTCDateTimeField()

    class Meta:
        table_name = "float_return"


class OfflineOverride(BaseModel):
    """A manager let the terminal sell past its offline limits: counting restarts from ``at``."""

    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(
        User, column_name="approved_by_id", null=True, on_delete="RESTRICT", backref="+"
    )
    at = UTCDateTimeField()
    reason = peewee.TextField()

    class Meta:
        table_name = "offline_override"
