"""Commissions and mobile-money statements at HQ (issue 19 items 2 and 4): rates set at HQ reach a
distributor with the prices; two offline weeks of its sales, voids and refunds give HQ the same
commission statement as the terminal's; the statements it imported reach HQ as evidence and HQ's
reconciliation across outlets finds every planted mismatch (a real PostgreSQL HQ, terminals on SQLite)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import psycopg
import pytest
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.cli.commissions import statement_json
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services import corrections
from konnect_pos.services.business_day import local_date
from konnect_pos.services.commissions import statement
from konnect_pos.services.reconciliation import import_statement, report
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.store.commission_models import CommissionRate
from tests.cli_support import run
from tests.support import next_business_day
from tests.sync_support import open_terminal_db, private_credentials, sell_cash, sell_mpesa
from tests.test_reconciliation import day_of_sales, mpesa_csv, mtn_csv, orange_csv  # noqa: F401  (fixture)

LUB, KIN = "LUB01-T1", "KIN01-T1"
ZONE = "Africa/Lubumbashi"


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def linked(tmp_path, clock, hq):
    """One database with the Lubumbashi distributor and the Kinshasa shop, each linked to HQ."""
    open_terminal_db(tmp_path / "cd.db", clock)
    reference.load_reference(hq.url)
    urls = {label: hq_admin.add_terminal(hq.url, *label.split("-")) for label in (LUB, KIN)}
    for label, url in urls.items():
        client.link(label, url, clock)
    return urls


def test_rates_set_at_hq_reach_the_terminal_and_bad_rates_change_nothing(linked, hq, clock, capsys):
    code, out, err = run(
        capsys, "hq", "commission-rate", "CD", "CD-WEEK5", "distributor", "7.5", "--effective", "2026-11-01",
        "--db", hq.url,
    )  # fmt: skip
    assert (code, err) == (0, "") and "7.5 %" in out
    for bad in (
        ["CD", "CD-WEEK5", "distributor", "150"], ["CD", "CD-WEEK5", "distributor", "-1"],
        ["CD", "CD-WEEK5", "kiosk", "5"], ["CD", "CD-NOPE", "distributor", "5"], ["CD", "CD-WEEK5", "shop"],
    ):  # fmt: skip
        code, out, err = run(
            capsys, "hq", "commission-rate", *bad, "--effective", "2026-11-01", "--db", hq.url
        )
        assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys,
        "hq",
        "commission-rate",
        "CD",
        "CD-WEEK5",
        "shop",
        "2",
        "--effective",
        "2026-13-01",
        "--db",
        hq.url,
    )
    assert code == 2 and "Not a date" in err
    assert hq.query("SELECT code, outlet_kind, percent::TEXT FROM hq_commission_rate") == [
        ("CD-WEEK5", "distributor", "7.5000")
    ]

    client.sync(LUB, clock)
    pulled = [(r.bundle.code, r.outlet_kind, r.effective_from, r.percent) for r in CommissionRate.select()]
    assert [(c, k, d, str(p)) for c, k, d, p in pulled] == [("CD-WEEK5", "distributor", "2026-11-01", "7.5")]


def statement_file(tmp_path, day: date, rows: list[tuple[str, str]]):
    text = (
        "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Other Party Info\n"
    )
    text += "".join(
        f"{ref},{day:%d/%m/%Y} 10:00:01,Pay Bill,Completed,{amount},,0,0812345678\n" for ref, amount in rows
    )
    path = tmp_path / f"mpesa-{day}.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_two_offline_weeks_tie_out_at_hq_and_hq_finds_every_planted_mismatch(
    linked, hq, clock, capsys, tmp_path
):
    hq_admin_rate = ["hq", "commission-rate", "CD", "CD-WEEK5", "distributor"]
    assert main([*hq_admin_rate, "7.5", "--effective", "2026-11-01", "--db", hq.url]) == 0
    assert main([*hq_admin_rate, "10", "--effective", "2026-11-27", "--db", hq.url]) == 0
    capsys.readouterr()
    client.sync(LUB, clock)  # the last sync before two weeks offline
    first = local_date(clock(), ZONE)
    accounts = ("CD00000001", "CD00000005", "CD00000009", "CD00000013", "CD00000017")
    for n in range(14):
        sold = [sell_cash(clock, LUB, accounts[n % 5]), sell_cash(clock, LUB, accounts[(n + 1) % 5])]
        manager = sign_in(LUB, "manager", "222222", clock)
        if n % 4 == 1:
            corrections.void_sale(manager, sold[1], "wrong account", remove_active=True)
        if n % 5 == 3:
            corrections.refund_sale(manager, sold[0], "2.50", "customer changed plan")
        next_business_day(clock, LUB)
    last = local_date(clock(), ZONE)

    # The day the distributor comes back: mobile-money sales, its M-Pesa statement with planted faults.
    refs = {"matched": "QLB0000001", "mismatch": "QLB0000002", "ours_only": "QLB0000003"}
    for account, ref in zip(accounts, refs.values(), strict=False):
        sell_mpesa(clock, LUB, account, ref)
    next_business_day(clock, KIN, days=0)
    sell_mpesa(clock, KIN, "CD00000017", "QKN0000009")  # Kinshasa imported no statement: typed
    path = statement_file(
        tmp_path,
        last,
        [(refs["matched"], "6.00"), (refs["mismatch"], "5.00"), ("QLB0000004", "6.00"),
         ("QLB0000005", "6.00"), ("QLB0000005", "6.00")],
    )  # fmt: skip
    manager = sign_in(LUB, "manager", "222222", clock)
    import_statement(manager, path.read_bytes(), path.name, "mpesa")
    ours = statement(manager, first, last)
    assert ours.totals[0].taken_back.is_negative and ours.totals[0].earned.amount > 0
    # The version from the 27th was pulled before the distributor went offline: it applies on time.
    rates = {(e.day >= date(2026, 11, 27), e.percent) for e in ours.entries if e.kind == "sale"}
    assert rates == {(False, Decimal("7.5")), (True, Decimal("10"))}

    client.sync(LUB, clock)
    client.sync(KIN, clock)
    client.sync(LUB, clock)  # again: the statement is not sent twice
    assert hq.query("SELECT outlet_code, provider, line_count FROM hq_mobile_statement") == [
        ("LUB01", "mpesa", 5)
    ]

    code, out, err = run(
        capsys, "hq", "commissions", "statement", "--from", first.isoformat(), "--to", last.isoformat(),
        "--json", "--pdf", str(tmp_path / "hq.pdf"), "--db", hq.url,
    )  # fmt: skip
    assert (code, err) == (0, "")
    pages = [page.extract_text() for page in PdfReader(tmp_path / "hq.pdf").pages]
    assert any(p.startswith("Commission statement, KIN01") for p in pages)
    assert any(p.startswith("Commission statement, LUB01") for p in pages)
    at_hq = {s["outlet"]: s for s in json.loads(out)}
    assert at_hq["LUB01"] == json.loads(json.dumps(statement_json(ours), default=str))
    assert set(at_hq) == {"LUB01", "KIN01"}

    code, out, err = run(
        capsys, "hq", "reconcile", "report", "--date", last.isoformat(), "--json", "--db", hq.url
    )
    assert (code, err) == (0, "")
    outlets = {o["outlet"]: o for o in json.loads(out)}
    assert outlets["LUB01"]["counts"] == {
        "matched": 1, "amount_mismatch": 1, "ours_only": 1, "statement_only": 1, "duplicate": 1,
    }  # fmt: skip
    found = {(r["reference"], r["outcome"]) for r in outlets["LUB01"]["rows"]}
    assert found == {
        (refs["matched"], "matched"), (refs["mismatch"], "amount_mismatch"), (refs["ours_only"], "ours_only"),
        ("QLB0000004", "statement_only"), ("QLB0000005", "duplicate"),
    }  # fmt: skip
    assert [(r["reference"], r["outcome"], r["state"]) for r in outlets["KIN01"]["rows"]] == [
        ("QKN0000009", None, "typed")
    ]
    at_terminal = report(manager, last)
    assert outlets["LUB01"]["counts"] == at_terminal.counts  # one rule, the same answer

    code, out, _ = run(capsys, "hq", "reconcile", "report", "--date", last.isoformat(), "--db", hq.url)
    assert code == 0 and "Mobile-money reconciliation, LUB01 (HQ)" in out and "amount mismatch: 1" in out

    with psycopg.connect(linked[LUB]) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM hq_mobile_statement")


@pytest.mark.parametrize(
    "argv",
    [
        ["hq", "commissions", "statement", "--from", "2026-11-20"],
        ["hq", "commissions", "statement", "--from", "2026-11-21", "--to", "2026-11-20"],
        ["hq", "commissions", "report", "--from", "2026-11-20", "--to", "2026-11-20"],
        ["hq", "commissions", "statement", "--from", "2026-11-20", "--to", "2026-11-20", "--outlet", "NOPE"],
        ["hq", "reconcile", "report"],
        ["hq", "reconcile", "report", "--date", "20/11/2026"],
        ["hq", "reconcile", "report", "--date", "2026-11-20", "--csv", "/no/such/folder/r.csv"],
    ],
)
def test_hq_bad_input_is_one_line_and_exit_2(hq, capsys, argv):
    code, out, err = run(capsys, *argv, "--db", hq.url)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_three_providers_statements_reach_hq_and_hq_finds_what_each_outlet_finds(
    day_of_sales,  # noqa: F811
    clock,
    hq,
    capsys,
):
    """KIN01 (M-Pesa, Orange Money) and BZV01 (MTN MoMo; Airtel without a statement) in one day,
    with planted faults; HQ's report of every outlet is the terminals' own, row for row."""
    reference.load_reference(hq.url)
    for label in (KIN, "BZV01-T1"):
        client.link(label, hq_admin.add_terminal(hq.url, *label.split("-")), clock)
    kin = sign_in(KIN, "manager", "222222", clock)
    mpesa = mpesa_csv(
        [
            ("QK7AB12CD1", "10:31:00", "6.00"),
            ("QK7AB12CD2", "10:38:00", "16.00"),  # amount mismatch (we recorded 17)
            ("QK7AB12ZZ9", "11:02:00", "1,006.00"),  # on the statement only…
            ("QK7AB12ZZ9", "11:02:00", "1,006.00"),  # …twice: a duplicate
        ]
    )  # QK7AB12CD3 missing: on our side only
    orange = orange_csv(
        [("CI2611.1030.A1", "10:59", "6,00"), ("CI2611.1100.B2", "11:06", "17,00"),
         ("CI2611.1130.C3", "11:13", "29,00"), ("CI2611.1200.D4", "11:40", "17,00")]  # on the statement only
    )  # fmt: skip
    import_statement(kin, mpesa, "mpesa.csv", "mpesa")
    import_statement(kin, orange, "orange.csv", "orange_money")
    bzv = sign_in("BZV01-T1", "manager", "222222", clock)
    mtn = mtn_csv([("MP261120.0945.X1", "09:46:00", "4000"), ("MP261120.0952.X2", "09:53:00", "9000")])
    import_statement(bzv, mtn, "mtn.csv", "mtn_momo")

    for label in (KIN, "BZV01-T1"):
        client.sync(label, clock)
    assert {row[0] for row in hq.query("SELECT provider FROM hq_mobile_statement")} == {
        "mpesa", "orange_money", "mtn_momo",
    }  # fmt: skip
    capsys.readouterr()
    code, out, err = run(
        capsys, "hq", "reconcile", "report", "--date", "2026-11-20", "--json", "--db", hq.url
    )
    assert (code, err) == (0, "")
    outlets = {o["outlet"]: o for o in json.loads(out)}
    for outlet, manager in (("KIN01", kin), ("BZV01", bzv)):
        ours = report(manager, date(2026, 11, 20))
        assert outlets[outlet]["counts"] == ours.counts
        assert {(r["reference"], r["outcome"], r["state"]) for r in outlets[outlet]["rows"]} == {
            (r.reference, r.outcome, r.state) for r in ours.rows
        }
    planted = {(r["reference"], r["outcome"]) for o in outlets.values() for r in o["rows"]}
    assert {
        ("QK7AB12CD2", "amount_mismatch"), ("QK7AB12CD3", "ours_only"), ("QK7AB12ZZ9", "duplicate"),
        ("CI2611.1200.D4", "statement_only"), ("MP261120.0952.X2", "amount_mismatch"), ("AM-88120034", None),
    } <= planted  # fmt: skip


def test_a_pushed_commission_that_is_not_an_amount_or_rate_is_quarantined_alone(linked, hq):
    from tests.sync_support import push_as, pushed_sale

    good, not_amount, too_high = (pushed_sale(f"LUB01-T1-{n:06d}", 600) for n in (1, 2, 3))
    good["lines"][0] += [45, "7.5"]
    not_amount["lines"][0] += ["lots", "7.5"]
    too_high["lines"][0] += [45, "150"]
    push_as(linked[LUB], LUB, [("sale", s["uuid"], s) for s in (good, not_amount, too_high)])
    summary = process(hq.url)
    assert (summary.sales, summary.conflicts) == (1, 2)
    assert hq.query("SELECT sale_uuid, commission_minor, commission_percent FROM hq_sale_line") == [
        (good["uuid"], 45, "7.5")
    ]
