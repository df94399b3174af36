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
    town = peewee.TextField(default="")
    district = peewee.TextField(default="")
    latitude = DecimalTextField(null=True)
    longitude = DecimalTextField(null=True)
    opening_hours = peewee.TextField(default="")
    phone = peewee.TextField(default="")


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


class BusinessDay(BaseModel):
    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    business_date = peewee.CharField()  # YYYY-MM-DD in the outlet's zone
    zone = peewee.CharField()
    opened_at = UTCDateTimeField()
    opened_by = peewee.ForeignKeyField(User, column_name="opened_by", on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(
        User, column_name="approved_by", null=True, on_delete="RESTRICT", backref="+"
    )


class DayFloat(BaseModel):
    day = peewee.ForeignKeyField(BusinessDay, backref="floats", on_delete="RESTRICT")
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()


class DayClose(BaseModel):
    uuid = peewee.CharField(unique=True)
    day = peewee.ForeignKeyField(BusinessDay, unique=True, on_delete="RESTRICT")
    z_number = peewee.BigIntegerField()
    closed_at = UTCDateTimeField()
    closed_by = peewee.ForeignKeyField(User, column_name="closed_by", on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(
        User, column_name="approved_by", null=True, on_delete="RESTRICT", backref="+"
    )
    comment = peewee.TextField(default="")


class DrawerCount(BaseModel):
    close = peewee.ForeignKeyField(DayClose, backref="counts", on_delete="RESTRICT")
    currency = peewee.CharField()
    pieces = peewee.TextField()  # JSON {"note:1000": 3, …}
    expected_minor = peewee.BigIntegerField()
    counted_minor = peewee.BigIntegerField()


class ReceiptCounter(BaseModel):
    terminal = peewee.ForeignKeyField(Terminal, primary_key=True, on_delete="RESTRICT")
    last_number = peewee.BigIntegerField(default=0)


class Sale(BaseModel):
    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    receipt_number = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="sales", on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    sold_at = UTCDateTimeField()
    channel = peewee.CharField()
    currency = peewee.CharField()
    total_minor = peewee.BigIntegerField()
    vat_minor = peewee.BigIntegerField()
    rounding_minor = peewee.BigIntegerField()
    paid_minor = peewee.BigIntegerField()
    change_minor = peewee.BigIntegerField()
    language = peewee.CharField()
    business_day = peewee.ForeignKeyField(BusinessDay, null=True, on_delete="RESTRICT")


class SaleLine(BaseModel):
    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, backref="lines", on_delete="RESTRICT")
    position = peewee.IntegerField()
    bundle_code = peewee.CharField()
    bundle_name = peewee.CharField()
    data_gb = DecimalTextField()
    validity_days = peewee.IntegerField()
    price_minor = peewee.BigIntegerField()
    vat_rate = DecimalTextField()
    vat_minor = peewee.BigIntegerField()
    trigger = peewee.CharField()
    # The activation as projected at the sale (what the receipt promised), kept as sold.
    starts_at = UTCDateTimeField()
    starts_exact = peewee.BooleanField()
    period_end = UTCDateTimeField()
    follows = peewee.CharField(default="")
    # What the outlet earned on the line at the sale (migration 14; NULL before commissions existed).
    commission_minor = peewee.BigIntegerField(null=True)
    commission_percent = DecimalTextField(null=True)


class Payment(BaseModel):
    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, backref="payments", on_delete="RESTRICT")
    position = peewee.IntegerField()
    method = peewee.CharField()
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    tendered_minor = peewee.BigIntegerField(null=True)
    change_minor = peewee.BigIntegerField(null=True)
    provider = peewee.CharField(null=True)
    reference = peewee.CharField(null=True)
    phone = peewee.CharField(null=True)
    merchant_number = peewee.CharField(null=True)
    card_approval = peewee.CharField(null=True)
    card_last4 = peewee.CharField(null=True)
    change_currency = peewee.CharField(null=True)  # None: the payment's own currency
    settles_minor = peewee.BigIntegerField(null=True)  # in the sale's currency; None: amount_minor
    rate = DecimalTextField(null=True)  # the day's rate a second-currency cash row used


class Purchase(BaseModel):
    """A bundle on a customer's account: its place in the queue and its trigger."""

    uuid = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="purchases", on_delete="RESTRICT")
    sale_line = peewee.ForeignKeyField(SaleLine, unique=True, on_delete="RESTRICT")
    queue_position = peewee.IntegerField()
    trigger = peewee.CharField()
    sold_at = UTCDateTimeField()
    trigger_set_at = UTCDateTimeField(null=True)  # when an agent last changed the trigger
    bundle_code = peewee.CharField()
    bundle_name = peewee.CharField()
    data_gb = DecimalTextField()
    validity_days = peewee.IntegerField()
    removed_at = UTCDateTimeField(null=True)  # set by a void: the bundle left the queue


class QueueChange(BaseModel):
    uuid = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    at = UTCDateTimeField()
    kind = peewee.CharField()
    details = peewee.TextField()


class UsageReading(BaseModel):
    uuid = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, on_delete="RESTRICT")
    purchase = peewee.ForeignKeyField(Purchase, null=True, on_delete="RESTRICT")
    at = UTCDateTimeField()
    gb_used = DecimalTextField()
    recorded_at = UTCDateTimeField()
    user = peewee.ForeignKeyField(User, null=True, on_delete="RESTRICT")


class ExchangeRate(BaseModel):
    """The day's rate of an outlet's two cash currencies; a later row for a day supersedes."""

    uuid = peewee.CharField(unique=True)
    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    base = peewee.CharField()
    quote = peewee.CharField()
    effective_date = peewee.CharField()  # ISO local date of the outlet
    per_base = DecimalTextField()
    set_at = UTCDateTimeField()
    set_by = peewee.ForeignKeyField(User, on_delete="RESTRICT")


class CashMovement(BaseModel):
    uuid = peewee.CharField(unique=True)
    day = peewee.ForeignKeyField(BusinessDay, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    at = UTCDateTimeField()
    direction = peewee.CharField()  # in | out
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    reason = peewee.TextField()


class SaleVoid(BaseModel):
    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, unique=True, on_delete="RESTRICT")
    day = peewee.ForeignKeyField(BusinessDay, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(
        User, column_name="approved_by", null=True, on_delete="RESTRICT", backref="+"
    )
    at = UTCDateTimeField()
    reason = peewee.TextField()
    removed_bundles = peewee.TextField()  # JSON list of purchase uuids that left the queue


class Refund(BaseModel):
    uuid = peewee.CharField(unique=True)
    sale = peewee.ForeignKeyField(Sale, on_delete="RESTRICT")
    day = peewee.ForeignKeyField(BusinessDay, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    approved_by = peewee.ForeignKeyField(
        User, column_name="approved_by", null=True, on_delete="RESTRICT", backref="+"
    )
    at = UTCDateTimeField()
    reason = peewee.TextField()
    method = peewee.CharField()
    provider = peewee.CharField(null=True)
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    # A cash refund's part handed back in the drawer's other currency (m0019; None: none was).
    cash_currency = peewee.CharField(null=True)
    cash_minor = peewee.BigIntegerField(null=True)
    cash_settles_minor = peewee.BigIntegerField(null=True)  # of ``amount_minor``, in the sale's currency


class JournalEntry(BaseModel):
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    seq = peewee.BigIntegerField()
    kind = peewee.CharField()
    record_uuid = peewee.CharField()
    at = UTCDateTimeField()
    payload = peewee.TextField()
    prev_hash = peewee.CharField()
    hash = peewee.CharField()


class OutboxEvent(BaseModel):
    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    seq = peewee.BigIntegerField()
    kind = peewee.CharField()
    record_uuid = peewee.CharField()
    payload = peewee.TextField()
    created_at = UTCDateTimeField()
    sent_at = UTCDateTimeField(null=True)


MODELS: list[type[BaseModel]] = [
    Outlet,
    MerchantNumber,
    Terminal,
    User,
    Customer,
    Bundle,
    ReceiptCounter,
    Sale,
    SaleLine,
    Payment,
    Purchase,
    QueueChange,
    UsageReading,
    JournalEntry,
    OutboxEvent,
]


class SyncLink(BaseModel):
    """Where a terminal pushes and pulls: HQ's URL with the terminal's own role."""

    terminal = peewee.ForeignKeyField(Terminal, unique=True, on_delete="RESTRICT")
    hq_url = peewee.TextField()
    linked_at = UTCDateTimeField()
    last_attempt_at = UTCDateTimeField(null=True)
    last_success_at = UTCDateTimeField(null=True)
    last_error = peewee.TextField(default="")


class SyncCursor(BaseModel):
    """The highest HQ version pulled, per reference table."""

    name = peewee.CharField(primary_key=True)
    version = peewee.BigIntegerField()


class BundlePrice(BaseModel):
    """A price from HQ that applies from a local business date on."""

    bundle = peewee.ForeignKeyField(Bundle, on_delete="RESTRICT")
    effective_from = peewee.CharField()  # ISO date, compared as text
    price_minor = peewee.BigIntegerField()


class CorporateAccount(BaseModel):
    """A company billed monthly on its billing day (set by its first service line's activation)."""

    uuid = peewee.CharField(unique=True)
    code = peewee.CharField(unique=True)
    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    company = peewee.TextField()
    tax_id = peewee.TextField()
    address = peewee.TextField(default="")
    contact_name = peewee.TextField(default="")
    contact_phone = peewee.TextField(default="")
    contact_email = peewee.TextField(default="")
    payment_terms_days = peewee.IntegerField(default=7)
    currency = peewee.CharField()
    zone = peewee.CharField()
    language = peewee.CharField(default="en")
    billing_day = peewee.IntegerField(null=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class ServicePlan(BaseModel):
    """A product on sale to corporate accounts: its monthly price (VAT-exclusive) per currency."""

    product_id = peewee.CharField()
    name = peewee.TextField()
    currency = peewee.CharField()
    monthly_price_minor = peewee.BigIntegerField()
    active = peewee.BooleanField(default=True)


class DataBlockOffer(BaseModel):
    """Price of one data block of a pool, and of one GB of overage, per currency."""

    pool = peewee.CharField()
    currency = peewee.CharField()
    block_gb = peewee.IntegerField()
    block_price_minor = peewee.BigIntegerField()
    overage_price_per_gb_minor = peewee.BigIntegerField()


class ServiceLine(BaseModel):
    uuid = peewee.CharField(unique=True)
    account = peewee.ForeignKeyField(CorporateAccount, backref="lines", on_delete="RESTRICT")
    kit_serial = peewee.CharField(unique=True)
    label = peewee.TextField(default="")
    activated_at = UTCDateTimeField()
    created_at = UTCDateTimeField()


class ServiceLineEvent(BaseModel):
    """Append-only history of a line; ``seq`` orders events of one line."""

    uuid = peewee.CharField(unique=True)
    line = peewee.ForeignKeyField(ServiceLine, backref="events", on_delete="RESTRICT")
    seq = peewee.IntegerField()
    at = UTCDateTimeField()
    kind = peewee.CharField()
    product_id = peewee.CharField(null=True)
    pool = peewee.CharField(null=True)
    quantity = peewee.IntegerField(null=True)
    price_minor = peewee.BigIntegerField(null=True)
    gigabytes = DecimalTextField(null=True)
    blocks = peewee.TextField(default="")  # JSON [[pool, quantity, block_price_minor], …] at activation
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    recorded_at = UTCDateTimeField()


class InvoiceCounter(BaseModel):
    outlet = peewee.ForeignKeyField(Outlet, primary_key=True, on_delete="RESTRICT")
    last_number = peewee.BigIntegerField(default=0)


class CorporateInvoice(BaseModel):
    """An invoice as issued (never edited): company details and amounts are copied in."""

    uuid = peewee.CharField(unique=True)
    number = peewee.CharField(unique=True)
    account = peewee.ForeignKeyField(CorporateAccount, on_delete="RESTRICT")
    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    period_year = peewee.IntegerField()
    period_month = peewee.IntegerField()
    period_start = UTCDateTimeField()
    period_end = UTCDateTimeField()
    previous_start = UTCDateTimeField()
    invoice_date = peewee.CharField()
    due_date = peewee.CharField()
    currency = peewee.CharField()
    company = peewee.TextField()
    tax_id = peewee.TextField()
    address = peewee.TextField()
    zone = peewee.CharField()
    language = peewee.CharField()
    subtotal_minor = peewee.BigIntegerField()
    vat_rate = DecimalTextField()
    vat_minor = peewee.BigIntegerField()
    total_minor = peewee.BigIntegerField()
    issued_at = UTCDateTimeField()
    issued_by = peewee.ForeignKeyField(User, column_name="issued_by", on_delete="RESTRICT")


class CorporateInvoiceLine(BaseModel):
    invoice = peewee.ForeignKeyField(CorporateInvoice, backref="lines", on_delete="RESTRICT")
    position = peewee.IntegerField()
    kind = peewee.CharField()
    billed = peewee.CharField()
    line = peewee.ForeignKeyField(ServiceLine, on_delete="RESTRICT")
    kit_serial = peewee.CharField()
    template = peewee.TextField()
    params = peewee.TextField()  # JSON of the template's locale-neutral parameters
    quantity = peewee.CharField()  # exact Fraction "n/d"
    unit_price_minor = peewee.BigIntegerField()
    amount_minor = peewee.BigIntegerField()
    covers_start = UTCDateTimeField()
    covers_end = UTCDateTimeField()


class Plan(BaseModel):
    """An auto-renewing plan; the ``cp_`` columns are its Connect+ terms (all null: no Connect+)."""

    code = peewee.CharField(unique=True)
    name = peewee.CharField()
    country = peewee.CharField()
    currency = peewee.CharField()
    fee_minor = peewee.BigIntegerField()
    period_days = peewee.IntegerField()
    active = peewee.BooleanField(default=True)
    cp_daily_fee_minor = peewee.BigIntegerField(null=True)
    cp_daily_data_mb = peewee.IntegerField(null=True)
    cp_max_activations = peewee.IntegerField(null=True)
    cp_window_days = peewee.IntegerField(null=True)
    cp_grace_days = peewee.IntegerField(null=True)
    cp_offnet_minute_minor = peewee.BigIntegerField(null=True)
    cp_sms_minor = peewee.BigIntegerField(null=True)


class PlanAccount(BaseModel):
    """A customer's plan and the Connect+ engine's state between days (JSON)."""

    customer = peewee.ForeignKeyField(Customer, unique=True, on_delete="RESTRICT")
    plan = peewee.ForeignKeyField(Plan, on_delete="RESTRICT")
    subscribed_on = peewee.CharField()  # ISO date
    state = peewee.TextField()
    last_processed_day = peewee.CharField(null=True)  # ISO date, for the daily run's query
    # a plan change waiting for the renewal, and that renewal's day (ISO date)
    next_plan = peewee.ForeignKeyField(Plan, null=True, on_delete="RESTRICT", backref="+")
    next_plan_from = peewee.CharField(null=True)


class PlanChange(BaseModel):
    """One line of a customer's plan history (append-only): put on a plan, changed, or a waiting
    change cancelled; ``effective_on`` is the day the plan in ``to_plan`` takes over."""

    uuid = peewee.CharField(unique=True)
    customer = peewee.ForeignKeyField(Customer, on_delete="RESTRICT")
    from_plan = peewee.ForeignKeyField(Plan, null=True, on_delete="RESTRICT", backref="+")
    to_plan = peewee.ForeignKeyField(Plan, on_delete="RESTRICT", backref="+")
    kind = peewee.CharField()  # set | now | next_renewal | cancelled
    requested_on = peewee.CharField()  # ISO date
    effective_on = peewee.CharField()  # ISO date
    username = peewee.CharField()
    recorded_at = UTCDateTimeField()


class BalanceEntry(BaseModel):
    """One append-only line of a customer's balance ledger (never updated, never deleted)."""

    customer = peewee.ForeignKeyField(Customer, on_delete="RESTRICT")
    entry_key = peewee.CharField()
    day = peewee.CharField()  # ISO date
    kind = peewee.CharField()
    currency = peewee.CharField()
    amount_minor = peewee.BigIntegerField()
    corrects = peewee.CharField(null=True)
    note = peewee.TextField(default="")
    period_start = peewee.CharField(null=True)
    period_end = peewee.CharField(null=True)
    recorded_at = UTCDateTimeField()
    sale = peewee.ForeignKeyField(Sale, null=True, on_delete="RESTRICT")


class OutletCloseRule(BaseModel):
    """How an outlet closes its day (missing row: the defaults, see services.outlet_settings)."""

    outlet = peewee.ForeignKeyField(Outlet, unique=True, on_delete="RESTRICT")
    blind_close = peewee.BooleanField(default=False)
    comment_thresholds = peewee.TextField(default="{}")  # JSON {currency: minor units}


class PlanPrice(BaseModel):
    """A plan's fee from a local business date on (a manager's change or HQ's), like ``BundlePrice``."""

    plan = peewee.ForeignKeyField(Plan, on_delete="RESTRICT")
    effective_from = peewee.CharField()  # ISO date, compared as text
    fee_minor = peewee.BigIntegerField()


class CatalogChange(BaseModel):
    """A bundle or plan added, changed or retired at this terminal (append-only, journaled)."""

    uuid = peewee.CharField(unique=True)
    terminal = peewee.ForeignKeyField(Terminal, on_delete="RESTRICT")
    user = peewee.ForeignKeyField(User, on_delete="RESTRICT")
    at = UTCDateTimeField()
    item = peewee.CharField()  # bundle | plan
    action = peewee.CharField()  # add | change | retire
    country = peewee.CharField()
    code = peewee.CharField()
    details = peewee.TextField()  # JSON of what was set


class DeskMerchantNumber(BaseModel):
    """The merchant number a customer-service desk gives a caller of ``country`` for ``provider``."""

    outlet = peewee.ForeignKeyField(Outlet, on_delete="RESTRICT")
    country = peewee.CharField()
    provider = peewee.CharField()
    number = peewee.CharField()
