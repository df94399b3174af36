"""A plan row as the engine's terms, and a new plan with its published Connect+ terms."""

from __future__ import annotations

from datetime import date

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.money import Money
from konnect_pos.store.models import Plan, PlanPrice


def plan_terms(plan: Plan) -> engine.PlanTerms:
    """The engine's terms for ``plan``, with the catalog's dated fees (a renewal pays the fee of its day)."""
    currency = plan.currency
    later = tuple(
        (date.fromisoformat(first_day), Money.from_minor(minor, currency))
        for first_day, minor in PlanPrice.select(PlanPrice.effective_from, PlanPrice.fee_minor)
        .where(PlanPrice.plan == plan.id)
        .order_by(PlanPrice.effective_from)
        .tuples()
    )

    def money(minor: int | None) -> Money | None:
        return None if minor is None else Money.from_minor(minor, currency)

    connect_plus = None
    if plan.cp_daily_fee_minor is not None:
        connect_plus = engine.ConnectPlusTerms(
            daily_fee=Money.from_minor(plan.cp_daily_fee_minor, currency),
            daily_data_mb=plan.cp_daily_data_mb,
            max_activations=plan.cp_max_activations,
            activation_window_days=plan.cp_window_days,
            grace_days=plan.cp_grace_days,
            offnet_minute_rate=money(plan.cp_offnet_minute_minor),
            sms_rate=money(plan.cp_sms_minor),
        )
    fee = Money.from_minor(plan.fee_minor, currency)
    return engine.PlanTerms(plan.code, plan.name, fee, plan.period_days, connect_plus, later)


def add_plan(code: str, name: str, country: str, fee: Money, period_days: int) -> Plan:
    """A plan with the published Connect+ terms when its name is in the eligible family."""
    terms = engine.PlanTerms(
        code, name, fee, period_days, engine.published_connect_plus(name, fee.currency)
    )  # validates
    cp = terms.connect_plus

    def minor(value: Money | None) -> int | None:
        return None if value is None else value.to_minor()

    return Plan.create(
        code=code,
        name=name,
        country=country,
        currency=fee.currency,
        fee_minor=fee.to_minor(),
        period_days=period_days,
        cp_daily_fee_minor=minor(cp.daily_fee) if cp else None,
        cp_daily_data_mb=cp.daily_data_mb if cp else None,
        cp_max_activations=cp.max_activations if cp else None,
        cp_window_days=cp.activation_window_days if cp else None,
        cp_grace_days=cp.grace_days if cp else None,
        cp_offnet_minute_minor=minor(cp.offnet_minute_rate) if cp else None,
        cp_sms_minor=minor(cp.sms_rate) if cp else None,
    )
