"""Receipts and invoices as real PDFs, read back with pypdf: the scripted sale of issue 4."""

import io
import json

import pytest
from pypdf import PdfReader

from konnect_pos.cli import main

ENV = {"KONNECT_POS_USER": "cashier", "KONNECT_POS_PIN": "1111", "KONNECT_POS_TERMINAL": "KIN01-T1"}


def text_of(path):
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages), reader.pages[0].mediabox


@pytest.fixture
def shop(db_url, capsys, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    assert main(["demo", "--no-gui", "--customers", "40", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def sell(shop, capsys, tmp_path, *extra):
    code = main(
        [
            "sell",
            "--db",
            shop,
            "--customer",
            "CD00000001",
            "--bundle",
            "CD-LITE15",
            "--bundle",
            "CD-STD40:data_exhausted",
            "--pay",
            "mobile:mpesa:QK7AB12CD3:0812345678:30",
            "--pay",
            "cash:20",
            "--receipt",
            str(tmp_path / "r.pdf"),
            "--json",
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_scripted_sale_receipt_holds_everything(shop, capsys, tmp_path):
    result = sell(shop, capsys, tmp_path, "--language", "en")
    assert result["receipt_number"] == "KIN01-T1-000001" and result["change"] == "4.00"
    assert [b["trigger"] for b in result["timeline"]["bundles"]] == ["immediate", "data_exhausted"]
    text, box = text_of(tmp_path / "r.pdf")
    for expected in [
        "Boutique Konnect Gombe",
        "Boulevard du 30 Juin",
        "KIN01-T1-000001",
        "KIN01-T1",
        "Neema Cashier",
        "CD00000001",
        "KITCD000000001",
        "Konnect Lite 15 Go",
        "Konnect Standard 40 Go",
        "active now until",
        "when the high-speed data of Konnect Lite 15 Go",
        "no later",
        "Subtotal (excl. VAT)",
        "VAT 16 %",
        "$46.00",
        "M-Pesa",
        "880011",
        "QK7AB12CD3",
        "+243 812 *** 678",
        "Amount tendered",
        "$20.00",
        "Change due",
        "$4.00",
        "+243 974 802 222",
        "+225 05 74 54 52 85",
        "Monday to Saturday",
        "My Konnect",
    ]:
        assert expected in text, expected
    assert "812345678" not in text.replace(" ", "")  # the payer's phone is masked
    assert "COPY" not in text
    assert round(float(box.width) / 72 * 25.4) == 80  # an 80 mm roll


def test_receipt_defaults_to_the_outlets_language(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    text, _ = text_of(tmp_path / "r.pdf")
    for expected in [
        "Reçu",
        "actif dès maintenant",
        "Numéro marchand",
        "Monnaie à rendre",
        "46,00",
        "$US",
        "Du lundi au samedi",
        "My",
        "Agent commercial",
    ]:
        assert expected in text, expected


def test_verify_passes_then_fails_after_a_manual_update(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    assert main(["verify", "--db", shop]) == 0
    from konnect_pos.store.schema import open_database

    open_database(shop).execute_sql("UPDATE sale SET change_minor = 0")
    assert main(["verify", "--db", shop]) == 1
    assert "KIN01-T1-000001" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "mark", "word"),
    [("en", "COPY", "Receipt"), ("fr", "DUPLICATA", "Reçu"), ("sw", "NAKALA", "Risiti")],
)
def test_reprint_is_marked_and_changes_nothing(shop, capsys, tmp_path, lang, mark, word):
    sell(shop, capsys, tmp_path)
    before = _every_row(shop)
    out = tmp_path / "copy.pdf"
    assert (
        main(["receipt", "KIN01-T1-000001", "--copy", "--language", lang, "--out", str(out), "--db", shop])
        == 0
    )
    text, _ = text_of(out)
    assert mark in text and word in text and "KIN01-T1-000001" in text
    assert _every_row(shop) == before  # no row added, changed or removed anywhere
    assert main(["verify", "--db", shop]) == 0


def _every_row(url: str) -> dict[str, list]:
    from konnect_pos.store.database import connect, is_postgres

    database = connect(url)
    try:
        schema = None
        if is_postgres(database):  # the test's own schema, not "public"
            schema = database.execute_sql("SELECT current_schema()").fetchone()[0]
        rows = {
            table: sorted(map(repr, database.execute_sql(f'SELECT * FROM "{table}"').fetchall()))
            for table in database.get_tables(schema=schema)
        }
        assert rows["sale"] and rows["journal_entry"]
        return rows
    finally:
        database.close()


def test_a4_receipt_and_invoice(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    a4, invoice = tmp_path / "a4.pdf", tmp_path / "inv.pdf"
    assert main(["receipt", "KIN01-T1-000001", "--format", "a4", "--out", str(a4), "--db", shop]) == 0
    assert (
        main(
            [
                "receipt",
                "KIN01-T1-000001",
                "--invoice",
                "--language",
                "fr",
                "--out",
                str(invoice),
                "--db",
                shop,
            ]
        )
        == 0
    )
    text, box = text_of(a4)
    assert round(float(box.width)) == 595 and "QK7AB12CD3" in text
    text, _ = text_of(invoice)
    assert "Facture INV-KIN01-T1-000001" in text and "Prix HT" in text and "46,00" in text


def test_zero_decimal_currency_receipt(db_url, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    main(["demo", "--no-gui", "--customers", "40", "--db", db_url])
    capsys.readouterr()
    out = tmp_path / "ci.pdf"
    code = main(
        [
            "sell",
            "--db",
            db_url,
            "--terminal",
            "ABJ01-T1",
            "--customer",
            "CI00000003",
            "--bundle",
            "CI-STD40",
            "--pay",
            "cash:20000",
            "--receipt",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    text, _ = text_of(out)
    assert "17 500" in text.replace("\xa0", " ") and "17 500,00" not in text.replace("\xa0", " ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--customer", "NOPE1234", "--bundle", "CD-WEEK5", "--pay", "cash:10"], "No customer"),
        (["--customer", "CD00000001", "--bundle", "NOPE", "--pay", "cash:10"], "No bundle"),
        (["--customer", "CD00000001", "--bundle", "TZ-LITE15", "--pay", "cash:100000"], "sold in TZ"),
        (["--customer", "CD00000001", "--pay", "cash:10"], "Choose at least one bundle"),
        (["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "cash:5"], "Not enough cash"),
        (["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "cash:-5"], "more than zero"),
        (["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "cash:abc"], "Not an amount"),
        (
            [
                "--customer",
                "CD00000001",
                "--bundle",
                "CD-WEEK5",
                "--pay",
                "mobile:mpesa:QK7AB12CD3:0812345678:7",
            ],
            "cannot pay more",
        ),
        (
            ["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "card:A1B2:1234:7"],
            "cannot pay more",
        ),
        (
            ["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "mobile:mpesa:SHORT:0812345678"],
            "not a valid M-Pesa reference",
        ),
        (
            [
                "--customer",
                "CD00000001",
                "--bundle",
                "CD-WEEK5",
                "--pay",
                "mobile:mtn_momo:ABC123456:0812345678",
            ],
            "not offered",
        ),
        (
            ["--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "card:A1B2:4111111111111111"],
            "full card number",
        ),
        (
            ["--customer", "CD00000001", "--bundle", "CD-WEEK5:sometime", "--pay", "cash:6"],
            "Activation must be",
        ),
    ],
)
def test_bad_sales_exit_2_and_write_nothing(shop, capsys, argv, message):
    code = main(["sell", "--db", shop, *argv])
    _, err = capsys.readouterr()
    assert code == 2 and message in err and err.count("\n") == 1
    assert main(["verify", "--db", shop]) == 0
    assert " 0 sales" in capsys.readouterr().out  # (the journal holds only the demo's day openings)


def test_reused_reference_exit_2(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    code = main(
        [
            "sell",
            "--db",
            shop,
            "--customer",
            "CD00000005",
            "--bundle",
            "CD-WEEK5",
            "--pay",
            "mobile:mpesa:QK7AB12CD3:0812345678",
        ]
    )
    assert code == 2 and "already used" in capsys.readouterr().err


def test_wrong_pin_and_unknown_user(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_PIN", "0000")
    assert (
        main(["sell", "--db", shop, "--customer", "CD00000001", "--bundle", "CD-WEEK5", "--pay", "cash:6"])
        == 2
    )
    assert "Wrong PIN" in capsys.readouterr().err


def test_usage_moves_the_timeline(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    assert main(["usage", "CD00000001", "15", "--db", shop]) == 0
    out = capsys.readouterr().out
    assert "used " in out and "active Konnect Standard 40 Go" in " ".join(out.split())
    assert main(["usage", "CD00000001", "-3", "--db", shop]) == 2
    assert main(["usage", "CD00000001", "2", "--at", "2026-01-01T10:00", "--db", shop]) == 2
    capsys.readouterr()
    assert main(["customers", "show", "CD00000001", "--json", "--db", shop]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["timeline"]["status"] == "active"
    assert [b["state"] for b in shown["timeline"]["bundles"]] == ["used", "active"]


def test_pdf_bytes_are_a_pdf(shop, capsys, tmp_path):
    sell(shop, capsys, tmp_path)
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert PdfReader(io.BytesIO((tmp_path / "r.pdf").read_bytes())).pages
