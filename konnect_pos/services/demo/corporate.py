"""Demo corporate billing: service plans and data blocks per currency, two corporate accounts.

Like the demo customers, these rows are demo data written directly (not journaled).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal

from konnect_pos.domain.corporate.billing_cycle import billing_cycle_from_first_activation
from konnect_pos.domain.countries import country
from konnect_pos.domain.money import Money
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    DataBlockOffer,
    Outlet,
    ServiceLine,
    ServiceLineEvent,
    ServicePlan,
    User,
)

# Monthly prices, VAT excluded, per currency: (product id, name, USD, TZS, XAF/XOF, CDF)
PLANS = (
    ("BIZ-ESSENTIAL", "Business Essential", "25", "65000", "15000", "70000"),
    ("BIZ-STANDARD", "Business Standard", "50", "130000", "30000", "140000"),
    ("BIZ-STANDARD-PLUS", "Business Standard Plus", "50", "130000", "30000", "140000"),
    ("BIZ-PRIORITY", "Business Priority", "75", "195000", "45000", "210000"),
    ("BIZ-PREMIUM", "Business Premium", "120", "310000", "72000", "335000"),
)
_COLUMN = {"USD": 2, "TZS": 3, "XAF": 4, "XOF": 4, "CDF": 5}
# pool → (GB per block, block price in USD, overage per GB in USD); other currencies scale like plans
BLOCKS = {
    "local_priority": (50, Decimal("10"), Decimal("0.50")),
    "global_priority": (50, Decimal("20"), Decimal("1")),
}
_RATE = {
    "USD": Decimal(1),
    "TZS": Decimal(2600),
    "XAF": Decimal(600),
    "XOF": Decimal(600),
    "CDF": Decimal(2800),
}
ACCOUNTS = (
    (
        "KIN01",
        "USD",
        "Congo Mining Logistics SARL",
        "CD/KIN/RCCM/19-B-01234",
        "Boulevard du 30 Juin, Kinshasa",
        "fr",
    ),
    ("DAR01", "TZS", "Kilimanjaro Lodges Ltd", "TIN 123-456-789", "Samora Avenue, Dar es Salaam", "sw"),
)


def seed_corporate(now: datetime) -> None:
    """Plans and block offers for the currencies of the outlets present, and the demo accounts."""
    outlets = {o.code: o for o in Outlet.select()}
    currencies = sorted({c for o in outlets.values() for c in country(o.country).currencies})
    manager = User.get_or_none(User.role == "manager")
    with write_transaction():
        for currency in currencies:
            for plan in PLANS:
                price = Money.of(plan[_COLUMN[currency]], currency)
                ServicePlan.create(
                    product_id=plan[0], name=plan[1], currency=currency, monthly_price_minor=price.to_minor()
                )
            for pool, (gb, block, overage) in BLOCKS.items():
                DataBlockOffer.create(
                    pool=pool,
                    currency=currency,
                    block_gb=gb,
                    block_price_minor=Money.of(block * _RATE[currency], currency).to_minor(),
                    overage_price_per_gb_minor=Money.of(overage * _RATE[currency], currency).to_minor(),
                )
        if manager is None:
            return
        for index, (code, currency, company, tax_id, address, language) in enumerate(ACCOUNTS):
            outlet = outlets.get(code)
            if outlet is None:
                continue
            first = (now - timedelta(days=47 + 9 * index)).replace(
                hour=10, minute=15, second=0, microsecond=0
            )
            cycle = billing_cycle_from_first_activation([first], outlet.zone)
            account = CorporateAccount.create(
                uuid=new_uuid(),
                code=f"{code}-C0001",
                outlet=outlet.id,
                company=company,
                tax_id=tax_id,
                address=address,
                contact_name="Finance department",
                contact_email=f"billing@{company.split()[0].lower()}.example",
                currency=currency,
                zone=outlet.zone,
                language=language,
                billing_day=cycle.billing_day,
                created_at=first,
                updated_at=first,
            )
            products = ("BIZ-STANDARD", "BIZ-ESSENTIAL", "BIZ-PRIORITY")[: 3 - index]
            for number, product in enumerate(products):
                activated = first + timedelta(days=11 * number, hours=3 * number)
                line = ServiceLine.create(
                    uuid=new_uuid(),
                    account=account.id,
                    kit_serial=f"KIT{code}CORP{number + 1:03d}",
                    label=("Head office", "Warehouse", "Site camp")[number],
                    activated_at=activated,
                    created_at=activated,
                )
                offer = DataBlockOffer.get(
                    (DataBlockOffer.pool == "local_priority") & (DataBlockOffer.currency == currency)
                )
                blocks = json.dumps([["local_priority", 2, offer.block_price_minor]]) if number == 0 else ""
                ServiceLineEvent.create(
                    uuid=new_uuid(),
                    line=line.id,
                    seq=1,
                    at=activated,
                    kind="activation",
                    product_id=product,
                    blocks=blocks,
                    user=manager.id,
                    recorded_at=activated,
                )
                if number == 0:
                    upgraded = activated + timedelta(days=20, hours=4, minutes=15)
                    ServiceLineEvent.create(
                        uuid=new_uuid(),
                        line=line.id,
                        seq=2,
                        at=upgraded,
                        kind="plan_change",
                        product_id="BIZ-PRIORITY",
                        user=manager.id,
                        recorded_at=upgraded,
                    )
