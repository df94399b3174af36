"""konnect-pos corporate / invoices: accounts, lines, a confirmed upgrade, the run and the PDF."""

import json

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main
from tests.cli_support import run


@pytest.fixture
def shop(db_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    monkeypatch.setenv("KONNECT_POS_LANG", "en")
    assert main(["demo", "--no-gui", "--customers", "0", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def test_account_line_upgrade_run_and_pdf(shop, capsys, tmp_path):
    code, out, _ = run(
        capsys,
        "corporate",
        "add",
        "--company",
        "Acme SARL",
        "--tax-id",
        "CD-77",
        "--outlet",
        "KIN01",
        "--terms",
        "14",
        "--json",
        "--db",
        shop,
    )
    assert code == 0
    account = json.loads(out)["code"]
    assert account == "KIN01-C0002"
    code, out, _ = run(
        capsys,
        "corporate",
        "add-line",
        account,
        "KIT-CLI1",
        "--product",
        "BIZ-STANDARD",
        "--at",
        "2025-12-31T23:00:00+00:00",
        "--blocks",
        "global_priority:1",
        "--db",
        shop,
    )
    assert code == 0 and "KIT-CLI1" in out
    at = "2026-01-12T14:30:00+00:00"
    code, out, _ = run(
        capsys, "corporate", "change-plan", "KIT-CLI1", "BIZ-PRIORITY", "--at", at, "--db", shop
    )
    assert code == 0 and "Nothing changed" in out
    assert "prorated amount on the next invoice (VAT excluded): $15.60" in out  # 19 d 8 h 30 min of 31 d
    lines = json.loads(run(capsys, "corporate", "lines", account, "--json", "--db", shop)[1])
    assert lines[0]["product_id"] == "BIZ-STANDARD"  # the preview wrote nothing
    code, out, _ = run(
        capsys, "corporate", "change-plan", "KIT-CLI1", "BIZ-PRIORITY", "--at", at, "--yes", "--db", shop
    )
    assert code == 0 and "confirmed" in out
    periods = json.loads(run(capsys, "corporate", "periods", "KIT-CLI1", "--json", "--db", shop)[1])
    assert [p["product_id"] for p in periods][:2] == ["BIZ-STANDARD", "BIZ-PRIORITY"]
    assert periods[1]["start"] == "2026-01-12T14:30:00+00:00"
    products = json.loads(
        run(capsys, "corporate", "products", "--currency", "USD", "--json", "--db", shop)[1]
    )
    assert {
        "product_id": "BIZ-ESSENTIAL",
        "name": "Business Essential",
        "monthly_price": "25.00",
        "currency": "USD",
    } in products
    code, out, _ = run(capsys, "invoices", "run", "--date", "2026-02-01", "--db", shop)
    assert code == 0 and "1 invoice(s) issued" in out and "KIN01-INV-000001" in out
    assert (
        "0 invoice(s) issued, 1 already issued"
        in run(capsys, "invoices", "run", "--date", "2026-02-01", "--db", shop)[1]
    )
    listed = json.loads(run(capsys, "invoices", "list", "--account", account, "--json", "--db", shop)[1])
    assert listed[0]["number"] == "KIN01-INV-000001" and listed[0]["due_date"] == "2026-02-15"
    out_pdf = tmp_path / "inv.pdf"
    assert (
        run(
            capsys,
            "invoices",
            "pdf",
            "KIN01-INV-000001",
            "--out",
            str(out_pdf),
            "--language",
            "fr",
            "--db",
            shop,
        )[0]
        == 0
    )
    text = " ".join(PdfReader(out_pdf).pages[0].extract_text().split())
    assert "Facture KIN01-INV-000001" in text and "Passage à l'offre supérieure BIZ-PRIORITY" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["corporate", "show", "KIN01-C0404"], "No corporate account KIN01-C0404"),
        (
            [
                "corporate",
                "add-line",
                "KIN01-C0001",
                "KIT-X1",
                "--product",
                "BIZ-STANDARD",
                "--blocks",
                "local",
            ],
            "POOL:QUANTITY",
        ),
        (["corporate", "pause", "KIT-NONE"], "No service line"),
        (["corporate", "change-plan", "KITKIN01CORP002", "NOPE"], "Unknown product: NOPE"),
        (["invoices", "run", "--date", "01/02/2026"], "YYYY-MM-DD"),
        (["invoices", "pdf", "KIN01-INV-000404", "--out", "x.pdf"], "No invoice"),
        (
            ["corporate", "add", "--company", "A", "--tax-id", "B", "--outlet", "KIN01", "--currency", "TZS"],
            "not used at this outlet",
        ),
    ],
)
def test_refusals_are_one_line_exit_2(shop, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--db", shop)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_cashiers_are_refused_in_their_language(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, _, err = run(capsys, "corporate", "accounts", "--db", shop)
    assert code == 2 and "Seul un responsable peut" in err
