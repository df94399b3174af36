"""Mobile-money statements imported and reconciled, on SQLite and PostgreSQL: real CSV files in
each provider's layout generated from the day's payments with planted mismatches."""

import pytest

from konnect_pos.domain.errors import PermissionDenied, ValidationError
from konnect_pos.domain.payments import MobileMoneyTender
from konnect_pos.services import checkout, reconciliation
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Customer
from konnect_pos.store.statement_models import MobileStatement, MobileStatementLine


def sell(clock, counter, account, bundle, provider, reference, phone="0812345678"):
    sold = checkout.sell(
        counter, account, [CartItem(bundle)], [MobileMoneyTender(provider, reference, phone)]
    )
    clock.advance(minutes=7)
    return sold


# The planted-mismatch test runs on both databases; the others need no second backend.
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def mpesa_csv(rows):
    head = (
        "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Other Party Info\n"
    )
    body = "".join(
        f'{ref},20/11/2026 {hour},Pay Bill,Completed,"{amount}",,0.00,0812345678 - Amani\n'
        for ref, hour, amount in rows
    )
    return (head + body).encode("utf-8-sig")


def orange_csv(rows):
    head = "Référence;Date opération;Numéro payeur;Libellé;Montant;Devise\r\n"
    body = "".join(
        f"{ref};20/11/2026 {hour};0812345679;Paiement reçu à Gombé;{amount};USD\r\n"
        for ref, hour, amount in rows
    )
    return (head + body).encode("cp1252")


@pytest.fixture
def day_of_sales(demo_db, clock):
    """KIN01's day: three M-Pesa and three Orange Money payments; BZV01's: two MTN MoMo, one Airtel."""
    refs = {}
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    for bundle, provider, ref in [
        ("CD-WEEK5", "mpesa", "QK7AB12CD1"),
        ("CD-LITE15", "mpesa", "QK7AB12CD2"),
        ("CD-WEEK5", "mpesa", "QK7AB12CD3"),
        ("CD-WEEK5", "orange_money", "CI2611.1030.A1"),
        ("CD-LITE15", "orange_money", "CI2611.1100.B2"),
        ("CD-STD40", "orange_money", "CI2611.1130.C3"),
    ]:
        refs[ref] = sell(clock, cashier, "CD00000001", bundle, provider, ref)
    congo = Customer.select().where(Customer.country == "CG").first().account_number
    brazzaville = sign_in("BZV01-T1", "cashier", "1111", clock)
    for bundle, provider, ref in (
        ("CG-WEEK5", "mtn_momo", "MP261120.0945.X1"),
        ("CG-LITE15", "mtn_momo", "MP261120.0952.X2"),
        ("CG-LITE15", "airtel_money", "AM-88120034"),
    ):
        refs[ref] = sell(clock, brazzaville, congo, bundle, provider, ref, "061234567")
    return refs


def mtn_csv(rows):
    head = "Id,External Transaction Id,Date,Status,Type,From,From Name,Amount,Currency,"
    head += "Financial Transaction Id\n"
    body = "".join(
        f"{n},,2026-11-20 {hour},SUCCESSFUL,PAYMENT,242061234567,Bénédicte Ngoma,{amount},XAF,{ref}\n"
        for n, (ref, hour, amount) in enumerate(rows)
    )
    return (head + body).encode("utf-8")


def airtel_csv(rows):
    head = "Transaction ID\tTransaction Date\tSender MSISDN\tTransaction Amount\tStatus\n"
    body = "".join(f"{ref}\t20-Nov-2026 {hour}\t242051234567\t{amount}\tTS\n" for ref, hour, amount in rows)
    return (head + body).encode("utf-8")


def manager(clock):
    return sign_in("KIN01-T1", "manager", "222222", clock)


def test_planted_mismatches_are_all_found_and_reimport_is_a_no_op(day_of_sales, clock, tmp_path):
    boss = manager(clock)
    mpesa = mpesa_csv(
        [
            ("QK7AB12CD1", "10:31:00", "6.00"),  # matched
            ("QK7AB12CD2", "10:38:00", "16.00"),  # amount mismatch (we recorded 17)
            ("QK7AB12ZZ9", "11:02:00", "1,006.00"),  # on the statement only
            ("QK7AB12ZZ9", "11:02:00", "1,006.00"),  # …twice: a duplicate
        ]
    )  # QK7AB12CD3 missing: on our side only
    orange = orange_csv(
        [
            ("CI2611.1030.A1", "10:59", "6,00"),
            ("CI2611.1100.B2", "11:06", "17,00"),
            ("CI2611.1130.C3", "11:13", "29,00"),
        ]
    )
    first = reconciliation.import_statement(boss, mpesa, "mpesa.csv", "mpesa")
    reconciliation.import_statement(boss, orange, "orange.csv", "orange_money")
    counts_before = (MobileStatement.select().count(), MobileStatementLine.select().count())
    again = reconciliation.import_statement(boss, mpesa, "mpesa-copy.csv", "mpesa")
    assert again.already_imported and again.uuid == first.uuid
    assert (MobileStatement.select().count(), MobileStatementLine.select().count()) == counts_before

    report = reconciliation.report(boss, "2026-11-20")
    outcome = {row.reference: row.outcome for row in report.rows}
    assert outcome == {
        "QK7AB12CD1": "matched",
        "QK7AB12CD2": "amount_mismatch",
        "QK7AB12CD3": "ours_only",
        "QK7AB12ZZ9": "duplicate",
        "CI2611.1030.A1": "matched",
        "CI2611.1100.B2": "matched",
        "CI2611.1130.C3": "matched",
    }
    assert report.counts == {
        "matched": 4,
        "amount_mismatch": 1,
        "ours_only": 1,
        "statement_only": 0,
        "duplicate": 1,
    }
    states = reconciliation.payment_states(boss, "2026-11-20")
    assert states["QK7AB12CD1"] == "confirmed" and states["QK7AB12CD2"] == "disputed"
    assert str(report.our_total["USD"].amount) == "81.00"
    receipts = [day_of_sales[ref].receipt_number for ref in ("QK7AB12CD1", "QK7AB12CD2")]
    receipts.append(day_of_sales["MP261120.0945.X1"].receipt_number)  # no MTN statement yet
    assert {
        r: [s for _, _, s in found] for r, found in reconciliation.sale_mobile_states(receipts).items()
    } == {
        receipts[0]: ["confirmed"],
        receipts[1]: ["disputed"],
        receipts[2]: ["typed"],
    }

    congo = sign_in("BZV01-T1", "manager", "222222", clock)
    reconciliation.import_statement(
        congo,
        mtn_csv([("MP261120.0945.X1", "10:38:00", "4000"), ("MP261120.0952.X2", "10:45:00", "3500")]),
        "mtn.csv",
        "mtn_momo",
    )
    reconciliation.import_statement(
        congo,
        airtel_csv([("AM-88120034", "10:52", "10,000.00"), ("AM-88120099", "11:30", "4,000.00")]),
        "airtel.tsv",
        "airtel_money",
    )
    there = reconciliation.report(congo, "2026-11-20")
    assert {row.reference: row.outcome for row in there.rows} == {
        "MP261120.0945.X1": "matched",
        "MP261120.0952.X2": "amount_mismatch",
        "AM-88120034": "matched",
        "AM-88120099": "statement_only",
    }
    assert str(there.our_total["XAF"].amount) == "24000"
    # each terminal sees its own outlet's references only
    assert not {row.reference for row in there.rows} & set(outcome)


@SQLITE_ONLY
def test_a_day_without_a_statement_leaves_payments_typed(day_of_sales, clock):
    report = reconciliation.report(manager(clock))
    assert {row.state for row in report.rows} == {"typed"}
    assert len(report.rows) == 6 and report.providers_checked == ()


@SQLITE_ONLY
def test_bad_files_write_nothing(day_of_sales, clock):
    boss = manager(clock)
    future = mpesa_csv([("QK7AB12CD1", "10:31:00", "6.00")]).replace(b"20/11/2026", b"20/12/2026")
    for raw, provider, words in [
        (future, "mpesa", "after today"),
        (orange_csv([("X1234567", "10:00", "6.00")]), "orange_money", "not an amount"),
        (mpesa_csv([]), "mtn_momo", "not a mobile-money provider"),
    ]:
        with pytest.raises(ValidationError) as error:
            reconciliation.import_statement(boss, raw, "f.csv", provider)
        assert words in str(error.value)
    with pytest.raises(PermissionDenied):
        reconciliation.import_statement(
            sign_in("KIN01-T1", "cashier", "1111", clock), mpesa_csv([]), "f", "mpesa"
        )
    assert MobileStatement.select().count() == 0


@SQLITE_ONLY
def test_an_unknown_layout_is_mapped_once_and_saved(day_of_sales, clock):
    boss = manager(clock)
    reconciliation.save_layout(
        boss,
        "mpesa-lite",
        "mpesa",
        {
            "encoding": "utf-8",
            "delimiter": "|",
            "reference": "Ref",
            "amount": "Amt",
            "date": "Day",
            "date_format": "%Y-%m-%d",
        },
    )
    raw = b"Ref|Day|Amt\nQK7AB12CD1|2026-11-20|6.00\n"
    clock.advance(hours=1)
    result = reconciliation.import_statement(boss, raw, "lite.csv", "mpesa", "mpesa-lite")
    assert result.lines == 1 and result.layout == "mpesa-lite"
    row = {r.reference: r.outcome for r in reconciliation.report(boss).rows}
    assert row["QK7AB12CD1"] == "matched"


@SQLITE_ONLY
def test_statement_models_mirror_the_migrated_schema(database):
    from konnect_pos.store.statement_models import StatementLayoutRow

    for model in (MobileStatement, MobileStatementLine, StatementLayoutRow):
        columns = {column.name for column in database.get_columns(model._meta.table_name)}
        assert {field.column_name for field in model._meta.sorted_fields} == columns
