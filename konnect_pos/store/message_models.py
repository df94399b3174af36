"""The receipts sent by SMS or WhatsApp (migration m0017): append-only, each journaled."""

from __future__ import annotations

import peewee

from konnect_pos.store.fields import UTCDateTimeField
from konnect_pos.store.models import BaseModel, Sale, Terminal, User


class ReceiptMessage(BaseModel):
    """A receipt's text queued for HQ's SMS / WhatsApp gateway."""

    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, on_delete="RESTRICT")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    requested_at = UTCDateTimeField()
    channel = peewee.CharField()  # sms | whatsapp
    phone = peewee.CharField()  # E.164
    language = peewee.CharField()
    text = peewee.TextField()
    parts = peewee.IntegerField()  # SMS parts; a WhatsApp message is one

    class Meta:
        table_name = "receipt_message"
