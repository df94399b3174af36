"""konnect-pos reconcile import / report: a real file, the report as text, JSON, CSV and a PDF
read back; a malformed file is one line and exit 2."""

import csv
import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.domain.payments import MobileMoneyTender
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in
from tests.cli_support import run


@pytest.fixture
def shop(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_DB", sqlite_url)
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    cashier = sign_in("KIN01-T1", "cashier", "1111", system_clock)
    for reference in ("QK7AB12CD1", "QK7AB12CD2"):
        tender = MobileMoneyTender("mpesa", reference, "0812345678")
        checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [tender])
    capsys.readouterr()
    return sqlite_url


def today_kinshasa():
    return datetime.now(UTC).astimezone(ZoneInfo("Africa/Kinshasa"))


def statement(tmp_path, rows):
    day = today_kinshasa().strftime("%d/%m/%Y")
    text = (
        "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Other Party Info\n"
    )
    text += "".join(
        f"{ref},{day} 00:00:01,Pay Bill,Completed,{amount},,0,0812345678\n" for ref, amount in rows
    )
    path = tmp_path / "mpesa.csv"
    path.write_bytes(text.encode("utf-8"))
    return path


def test_import_then_report_as_text_json_csv_and_pdf(shop, capsys, tmp_path):
    path = statement(tmp_path, [("QK7AB12CD1", "6.00"), ("QK7AB12CD2", "5.00"), ("QK7ZZZZZZ9", "6.00")])
    code, out, err = run(capsys, "reconcile", "import", str(path), "--provider", "mpesa")
    assert (code, err) == (0, "") and "Imported 3 payments of mpesa" in out
    code, out, _ = run(capsys, "reconcile", "import", str(path), "--provider", "mpesa")
    assert code == 0 and "imported already" in out

    code, out, _ = run(
        capsys, "reconcile", "report", "--csv", str(tmp_path / "r.csv"), "--pdf", str(tmp_path / "r.pdf")
    )
    assert code == 0 and "amount mismatch: 1" in out and "on the statement only: 1" in out
    with (tmp_path / "r.csv").open(encoding="utf-8") as handle:
        outcomes = {row["reference"]: (row["outcome"], row["state"]) for row in csv.DictReader(handle)}
    assert outcomes == {
        "QK7AB12CD1": ("matched", "confirmed"),
        "QK7AB12CD2": ("amount_mismatch", "disputed"),
        "QK7ZZZZZZ9": ("statement_only", ""),
    }
    pdf = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "Mobile-money reconciliation, KIN01" in pdf
    assert "QK7AB12CD2" in pdf and "amount mismatch" in pdf and "disputed" in pdf

    code, out, _ = run(capsys, "reconcile", "report", "--json")
    report = json.loads(out)
    assert report["counts"]["matched"] == 1 and report["providers_checked"] == ["mpesa"]


def test_report_in_french(shop, capsys, tmp_path, monkeypatch):
    path = statement(tmp_path, [("QK7AB12CD1", "6.00")])
    assert run(capsys, "reconcile", "import", str(path), "--provider", "mpesa")[0] == 0
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    code, out, _ = run(capsys, "reconcile", "report", "--pdf", str(tmp_path / "fr.pdf"))
    assert code == 0 and "rapprochement" in out.lower() and "confirmé" in out
    pdf = PdfReader(tmp_path / "fr.pdf").pages[0].extract_text()
    assert "du côté de la caisse seulement" in pdf


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"Receipt No.,Paid In\nQK7AB12CD1,6.00\n", "lacks the column"),
        (b"\xff\xfe\x00garbage", "encoding"),
        (b"", "empty"),
    ],
)
def test_a_malformed_file_is_one_line_and_exit_2(shop, capsys, tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, out, err = run(capsys, "reconcile", "import", str(path), "--provider", "mpesa")
    assert code == 2 and out == "" and words in err and err.count("\n") == 1
    code, out, _ = run(capsys, "reconcile", "report", "--json")
    assert json.loads(out)["providers_checked"] == []


def test_a_missing_file_and_an_unknown_layout(shop, capsys, tmp_path):
    code, _, err = run(capsys, "reconcile", "import", str(tmp_path / "nope.csv"), "--provider", "mpesa")
    assert code == 2 and err.count("\n") == 1 and "nope.csv" in err
    path = statement(tmp_path, [("QK7AB12CD1", "6.00")])
    code, _, err = run(capsys, "reconcile", "import", str(path), "--provider", "mpesa", "--layout", "x")
    assert code == 2 and "No statement layout named x" in err


def test_an_unknown_export_is_mapped_once_with_options(shop, capsys, tmp_path):
    path = tmp_path / "lite.csv"
    path.write_text(f"Ref|Day|Amt\nQK7AB12CD1|{today_kinshasa():%Y-%m-%d}|6.00\n", encoding="utf-8")
    code, out, err = run(
        capsys, "reconcile", "import", str(path), "--provider", "mpesa", "--save-layout", "lite",
        "--delimiter", "|", "--reference", "Ref", "--amount", "Amt", "--date-column", "Day",
        "--date-format", "%Y-%m-%d",
    )  # fmt: skip
    assert (code, err) == (0, "") and "layout lite" in out
    path.write_text(f"Ref|Day|Amt\nQK7AB12CD2|{today_kinshasa():%Y-%m-%d}|6.00\n", encoding="utf-8")
    code, out, _ = run(capsys, "reconcile", "import", str(path), "--provider", "mpesa", "--layout", "lite")
    assert code == 0 and "Imported 1 payments" in out


def test_bad_report_options_are_one_line(shop, capsys):
    for argv, words in [
        (["reconcile", "report", "--date", "20/11/2026"], "Not a date (YYYY-MM-DD)"),
        (["reconcile", "report", "--pdf", "/no/such/folder/r.pdf"], "Cannot write a file"),
        (["reconcile", "import", "x.csv"], "--provider"),
        (["reconcile"], "Command line not understood"),
    ]:
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and words in err and err.count("\n") == 1, argv
