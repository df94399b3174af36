"""Rows of imported mobile-money statements (migration m0012): evidence, never edited."""

from __future__ import annotations

import peewee

from konnect_pos.store.fields import UTCDateTimeField
from konnect_pos.store.models import BaseModel, Outlet, Terminal, User


class MobileStatement(BaseModel):
    uuid = peewee.CharField(unique=True)
    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    provider = peewee.CharField()
    layout_name = peewee.CharField()
    layout = peewee.TextField()  # the layout as used, JSON: a later edit of it changes nothing here
    file_name = peewee.TextField()
    file_sha256 = peewee.CharField()
    first_day = peewee.CharField(null=True)  # ISO dates of the outlet's local days covered
    last_day = peewee.CharField(null=True)
    line_count = peewee.IntegerField()
    imported_at = UTCDateTimeField()
    imported_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")


class MobileStatementLine(BaseModel):
    statement = peewee.ForeignKeyField(MobileStatement, backref="lines", on_delete="RESTRICT")
    row_number = peewee.IntegerField()
    reference = peewee.CharField()
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    local_day = peewee.CharField()
    paid_at = UTCDateTimeField(null=True)
    phone = peewee.CharField(null=True)


class StatementLayoutRow(BaseModel):
    name = peewee.CharField(unique=True)
    provider = peewee.CharField()
    definition = peewee.TextField()  # JSON of a StatementLayout
    saved_at = UTCDateTimeField()
    saved_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")

    class Meta:
        table_name = "statement_layout"
