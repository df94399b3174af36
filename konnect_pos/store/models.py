"""peewee models. They mirror the schema the migrations build; they never leave services/."""

from __future__ import annotations

import peewee

from konnect_pos.store.database import db
from konnect_pos.store.fields import DecimalTextField, UTCDateTimeField


class BaseModel(peewee.Model):
    class Meta:
        database = db
        legacy_table_names = False


class Outlet(BaseModel):
    uuid = peewee.CharField(unique=True)
    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    kind = peewee.CharField()  # shop | distributor | customer_service
    country = peewee.CharField()
    zone = peewee.CharField()
    address = peewee.TextField(default="")
    vat_rate = DecimalTextField()
    accepts_card = peewee.BooleanField(default=True)
    language = peewee.CharField(default="en")
    receipt_format = peewee.CharField(default="80mm")
    created_at = UTCDateTimeField()


class MerchantNumber(BaseModel):
    outlet = peewee.ForeignKeyField(Outlet, backref="merchant_numbers", on_delete="RESTRICT")
    provider = peewee.CharField()
    number = peewee.CharField()

    class Meta:
        indexes = ((("outlet", "provider"), True),)


class Terminal(BaseModel):
    uuid = peewee.CharField(unique=True)
    outlet = peewee.ForeignKeyField(Outlet, backref="terminals", on_delete="RESTRICT")
    code = peewee.CharField()
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("outlet", "code"), True),)


class User(BaseModel):
    uuid = peewee.CharField(unique=True)
    username = peewee.CharField(unique=True)
    full_name = peewee.CharField()
    role = peewee.CharField()  # cashier | manager | admin
    pin_hash = peewee.CharField()
    active = peewee.BooleanField(default=True)
    failed_pins = peewee.IntegerField(default=0)
    locked_until = UTCDateTimeField(null=True)
    language = peewee.CharField(default="")
    created_at = UTCDateTimeField()


class Customer(BaseModel):
    uuid = peewee.CharField(unique=True)
    account_number = peewee.CharField(unique=True)
    name = peewee.CharField()
    phone = peewee.CharField(index=True)  # E.164
    country = peewee.CharField()
    kit_serial = peewee.CharField(null=True, unique=True)
    language = peewee.CharField(default="")
    search_text = peewee.TextField()
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class Bundle(BaseModel):
    uuid = peewee.CharField(unique=True)
    country = peewee.CharField()
    code = peewee.CharField()
    name = peewee.CharField()
    price_minor = peewee.BigIntegerField()
    currency = peewee.CharField()
    data_gb = DecimalTextField()
    validity_days = peewee.IntegerField()
    speed_label = peewee.CharField(default="")
    active = peewee.BooleanField(default=True)
    position = peewee.IntegerField(default=0)

    class Meta:
        indexes = ((("country", "code"), True),)


MODELS: list[type[BaseModel]] = [Outlet, MerchantNumber, Terminal, User, Customer, Bundle]
