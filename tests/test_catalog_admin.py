"""The catalog (issue 20 item 1) on SQLite and PostgreSQL: the whole list with today's prices and
since when, a manager's add / change / retire journaled and verified, refusals that change nothing,
and the same changes made at HQ or pushed by a terminal reaching every other terminal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from konnect_pos.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.services import catalog, catalog_admin, verify
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Bundle, CatalogChange, JournalEntry, Plan, PlanPrice

TODAY = date(2026, 11, 20)  # the conftest clock's day in Kinshasa


def manager(clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


def entry(code: str, clock):
    return next(e for e in catalog_admin.list_catalog(clock(), "CD") if e.code == code)


def test_the_list_has_bundles_and_plans_of_every_country_with_prices_in_effect(demo_db, clock):
    entries = catalog_admin.list_catalog(clock())
    assert {(e.item, e.country) for e in entries} == {
        (i, c) for i in ("bundle", "plan") for c in ("TZ", "CD", "CG", "CI")
    }
    cd = catalog_admin.list_catalog(clock(), "cd")
    assert [e.code for e in cd] == [
        "CD-WEEK5",
        "CD-LITE15",
        "CD-STD40",
        "CD-PLUS80",
        "CD-MAX150",
        "CD-HOME",
        "CD-SALOM",
    ]
    week = cd[0]
    assert week.price == Money.of("6", "USD") and week.since is None and week.active and week.days == 7
    with pytest.raises(ValidationError):
        catalog_admin.list_catalog(clock(), "XX")


def test_a_manager_adds_reprices_and_retires_and_each_change_is_journaled_and_verified(demo_db, clock):
    counter = manager(clock)
    added = catalog_admin.add_bundle(
        counter, None, "cd-mega300", " Konnect  Mega 300 Go ", "99", "300", 30, "up to 100 Mbps"
    )
    assert (added.code, added.name, added.price, added.data_gb) == (
        "CD-MEGA300",
        "Konnect Mega 300 Go",
        Money.of("99", "USD"),
        300,
    )
    assert [b.code for b in catalog.bundles_for_country("CD", TODAY)][-1] == "CD-MEGA300"  # on sale at once

    later = catalog_admin.change(
        counter, "bundle", "CD-WEEK5", price="7", effective="2026-12-01", name="Konnect Week 5 Go"
    )
    assert later.price == Money.of("6", "USD") and later.next_price == Money.of("7", "USD")
    assert later.next_from == date(2026, 12, 1) and later.name == "Konnect Week 5 Go"
    assert catalog.get_bundles(["CD-WEEK5"], "CD", date(2026, 12, 1))[0].price == Money.of("7", "USD")
    now = catalog_admin.change(counter, "plan", "CD-HOME", price="19")
    assert now.price == Money.of("19", "USD") and now.since == TODAY
    assert catalog_admin.plan_fee_on(Plan.get(Plan.code == "CD-HOME").id, TODAY - timedelta(days=1)) == 1800

    retired = catalog_admin.retire(counter, "bundle", "CD-LITE15")
    assert not retired.active and "CD-LITE15" not in [
        b.code for b in catalog.bundles_for_country("CD", TODAY)
    ]
    with pytest.raises(NotFound):
        catalog.get_bundles(["CD-LITE15"], "CD", TODAY)
    plan = catalog_admin.add_plan(counter, "CD", "CD-SALOM60", "Salom+ 60", "45", 60)
    assert plan.item == "plan" and Plan.get(Plan.code == "CD-SALOM60").cp_daily_fee_minor is not None

    kinds = [row.kind for row in JournalEntry.select().order_by(JournalEntry.id)]
    assert kinds.count("catalog_change") == 5 == CatalogChange.select().count()
    assert verify.verify().ok
    CatalogChange.update(details='{"name": "forged"}').where(CatalogChange.code == "CD-MEGA300").execute()
    report = verify.verify()
    assert not report.ok and any("catalog change of CD-MEGA300" in p for p in report.problems)


BAD_INPUT = [
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-WEEK5", "Again", "6", "5", 7), Conflict),
    (lambda c: catalog_admin.add_bundle(c, "CD", "x", "Tiny code", "6", "5", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "", "6", "5", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "New", "0", "5", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "New", "6.001", "5", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "New", "6", "-1", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "New", "6", "nan", 7), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "CD", "CD-NEW", "New", "6", "5", 0), ValidationError),
    (lambda c: catalog_admin.add_bundle(c, "TZ", "TZ-NEW", "Elsewhere", "6000", "5", 7), ValidationError),
    (lambda c: catalog_admin.change(c, "bundle", "CD-WEEK5"), ValidationError),
    (
        lambda c: catalog_admin.change(c, "bundle", "CD-WEEK5", price="7", effective="2026-11-19"),
        ValidationError,
    ),
    (
        lambda c: catalog_admin.change(c, "bundle", "CD-WEEK5", price="7", effective="20/11"),
        ValidationError,
    ),
    (lambda c: catalog_admin.change(c, "bundle", "CD-WEEK5", effective="2026-12-01"), ValidationError),
    (lambda c: catalog_admin.change(c, "plan", "CD-HOME", data_gb="5"), ValidationError),
    (lambda c: catalog_admin.change(c, "bundle", "CD-NOPE", name="x"), NotFound),
    (lambda c: catalog_admin.change(c, "bundle", "TZ-WEEK5", name="x"), ValidationError),
    (lambda c: catalog_admin.retire(c, "thing", "CD-WEEK5"), ValidationError),
]


def test_bad_input_is_refused_and_changes_nothing(demo_db, clock):
    before = [(b.code, b.name, b.price_minor, b.active) for b in Bundle.select().order_by(Bundle.id)]
    entries = JournalEntry.select().count()
    counter = manager(clock)
    for call, error in BAD_INPUT:
        with pytest.raises(error):
            call(counter)
    assert [(b.code, b.name, b.price_minor, b.active) for b in Bundle.select().order_by(Bundle.id)] == before
    assert JournalEntry.select().count() == entries and CatalogChange.select().count() == 0


def test_a_second_price_for_the_same_day_and_a_second_retire_are_conflicts(demo_db, clock):
    counter = manager(clock)
    catalog_admin.change(counter, "plan", "CD-HOME", price="19", effective="2026-12-01")
    with pytest.raises(Conflict):
        catalog_admin.change(counter, "plan", "CD-HOME", price="20", effective="2026-12-01")
    assert [p.fee_minor for p in PlanPrice.select()] == [1900]
    catalog_admin.retire(counter, "plan", "CD-HOME")
    with pytest.raises(Conflict):
        catalog_admin.retire(counter, "plan", "CD-HOME")


def test_only_a_manager_changes_the_catalog(demo_db, clock):
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    with pytest.raises(PermissionDenied, match="Only a manager can change the catalog"):
        catalog_admin.retire(cashier, "bundle", "CD-WEEK5")
    assert entry("CD-WEEK5", clock).active
