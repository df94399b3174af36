"""Catalog changes travel like today's prices (issue 20 item 1): HQ's own edits and a terminal
manager's journaled changes reach every terminal at its next sync (SQLite terminals, real HQ)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from konnect_pos.cli import main
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services import catalog, catalog_admin
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import Bundle, Plan, PlanPrice
from konnect_pos.store.schema import open_database
from tests.sync_support import open_terminal_db, private_credentials

KIN, LUB = "KIN01-T1", "LUB01-T1"


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


def two_terminals(tmp_path, clock, hq) -> tuple[str, str]:
    """Kinshasa and Lubumbashi, each on its own laptop, both linked to HQ."""
    lub = open_terminal_db(tmp_path / "lub.db", clock, customers=4)
    reference.load_reference(hq.url)
    client.link(LUB, hq_admin.add_terminal(hq.url, "LUB01", "T1"), clock)
    kin = open_terminal_db(tmp_path / "kin.db", clock, customers=4)
    client.link(KIN, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    return kin, lub


def test_hq_adds_reprices_and_retires_and_the_terminal_pulls_it(tmp_path, clock, hq):
    two_terminals(tmp_path, clock, hq)  # KIN's database is open
    assert hq.query("SELECT code, fee_minor FROM hq_plan WHERE country = 'CD' ORDER BY code") == [
        ("CD-HOME", 1800), ("CD-SALOM", 2500)
    ]  # fmt: skip
    catalog_admin.hq_add(
        hq.url, "bundle", "CD", "CD-NIGHT50", "Konnect Nuit 50 Go", "12", 30, "50", "up to 50 Mbps"
    )
    catalog_admin.hq_add(hq.url, "plan", "CD", "CD-BIZ", "Konnect Business 30", "80", 30)
    catalog_admin.hq_change(hq.url, "plan", "CD-BIZ", clock, price="85", effective="2026-12-01")
    catalog_admin.hq_change(hq.url, "bundle", "CD-STD40", clock, name="Konnect Standard 40 Go+")
    catalog_admin.hq_retire(hq.url, "bundle", "CD-WEEK5")
    with pytest.raises(Conflict):
        catalog_admin.hq_add(hq.url, "bundle", "CD", "CD-NIGHT50", "Again", "12", 30, "50")
    with pytest.raises(NotFound):
        catalog_admin.hq_retire(hq.url, "plan", "CD-NOPE")
    with pytest.raises(ValidationError):
        catalog_admin.hq_change(hq.url, "plan", "CD-BIZ", clock, price="85", effective="2020-01-01")

    result = client.sync(KIN, clock)
    assert result.pulled["hq_plan"] >= 1 and result.pulled["hq_plan_price"] == 1
    codes = [b.code for b in catalog.bundles_for_country("CD", date(2026, 11, 20))]
    assert "CD-NIGHT50" in codes and "CD-WEEK5" not in codes
    assert Bundle.get(Bundle.code == "CD-STD40").name == "Konnect Standard 40 Go+"
    biz = next(e for e in catalog_admin.list_catalog(clock(), "CD") if e.code == "CD-BIZ")
    assert (str(biz.price.amount), str(biz.next_price.amount), biz.next_from) == (
        "80.00",
        "85.00",
        date(2026, 12, 1),
    )
    assert [(p.plan.code, p.effective_from, p.fee_minor) for p in PlanPrice.select()] == [
        ("CD-BIZ", "2026-12-01", 8500)
    ]


def test_a_managers_change_at_one_terminal_reaches_the_other_through_hq(tmp_path, clock, hq):
    _kin, lub = two_terminals(tmp_path, clock, hq)
    counter = sign_in(KIN, "manager", "222222", clock)
    catalog_admin.add_bundle(counter, None, "CD-MEGA300", "Konnect Mega 300 Go", "99", "300", 30)
    catalog_admin.change(counter, "bundle", "CD-LITE15", price="18", effective="2026-11-21")
    catalog_admin.retire(counter, "plan", "CD-HOME")
    client.sync(KIN, clock)
    summary = process(hq.url)
    assert summary.conflicts == 0
    assert hq.query("SELECT count(*) FROM hq_inbound WHERE quarantine IS NOT NULL") == [(0,)]
    assert hq.query("SELECT active FROM hq_plan WHERE code = 'CD-HOME'") == [(False,)]
    assert hq.query("SELECT price_minor FROM hq_bundle_price WHERE code = 'CD-LITE15'") == [(1800,)]

    open_database(lub)
    client.sync(LUB, clock)
    assert Bundle.get(Bundle.code == "CD-MEGA300").price_minor == 9900
    assert not Plan.get(Plan.code == "CD-HOME").active
    assert catalog.get_bundles(["CD-LITE15"], "CD", date(2026, 11, 21))[0].price.amount == 18


def test_a_terminal_changing_another_countrys_catalog_is_quarantined(tmp_path, clock, hq):
    from tests.sync_support import push_as

    open_terminal_db(tmp_path / "kin.db", clock, customers=2)
    reference.load_reference(hq.url)
    kin_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    forged = {
        "uuid": "01900000-0000-7000-8000-0000000000c1", "item": "bundle", "action": "retire",
        "country": "TZ", "code": "TZ-WEEK5", "details": {"active": False}, "user": "manager",
        "at": "2026-11-20T09:30:00+00:00",
    }  # fmt: skip
    catalog_admin.hq_add(hq.url, "bundle", "TZ", "TZ-WEEK5", "Konnect Week 5 GB", "12000", 7, "5")
    assert push_as(kin_url, KIN, [("catalog_change", forged["uuid"], forged)]) == 1
    process(hq.url)
    assert hq.query("SELECT active FROM hq_bundle WHERE code = 'TZ-WEEK5'") == [(True,)]
    reason = hq.query("SELECT quarantine FROM hq_inbound WHERE kind = 'catalog_change'")[0][0]
    assert "may not change the catalog of TZ" in reason


def test_the_catalog_commands_with_hq_change_hqs_catalog_and_the_terminal_lists_it(
    tmp_path, clock, hq, capsys, monkeypatch
):
    """``konnect-pos catalog … --hq URL`` as HQ's owner types it, in French; then the terminal's
    ``catalog list`` after a sync; a bad price is one line, exit 2, and HQ is unchanged."""
    kin, _ = two_terminals(tmp_path, clock, hq)
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    capsys.readouterr()
    at_hq = ("--hq", hq.url)
    add = ["catalog", "add-bundle", "CD-NIGHT50", "Konnect Nuit 50 Go", "12", "50", "30", "--country", "CD"]
    assert main([*add, *at_hq]) == 0
    assert capsys.readouterr().out == "CD-NIGHT50 ajouté au catalogue du siège\n"
    assert main(["catalog", "change", "bundle", "CD-NIGHT50", "--price", "abc", *at_hq]) == 2
    assert capsys.readouterr().err == "konnect-pos: Ce n'est pas un montant : abc\n"
    assert (
        main(["catalog", "change", "plan", "CD-HOME", "--price", "19", "--from", "2099-01-01", *at_hq]) == 0
    )
    assert main(["catalog", "retire", "bundle", "CD-WEEK5", *at_hq]) == 0
    capsys.readouterr()

    client.sync(KIN, clock)
    assert main(["catalog", "list", "--country", "CD", "--json", "--db", kin, "--terminal", KIN]) == 0
    rows = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["CD-NIGHT50"]["price"], rows["CD-NIGHT50"]["active"]) == ("12.00", True)
    assert (rows["CD-HOME"]["next_price"], rows["CD-HOME"]["next_from"]) == ("19.00", "2099-01-01")
    assert rows["CD-WEEK5"]["active"] is False
