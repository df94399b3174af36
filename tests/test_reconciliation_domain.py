"""Mobile-money statements: parsing each provider's layout and matching, pure functions."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum
from konnect_pos.domain.reconciliation import (
    OurPayment,
    Outcome,
    PaymentState,
    StatementLayout,
    StatementLine,
    parse_statement,
    reconcile,
)
from konnect_pos.services.reconciliation import builtin_layouts

DAY = date(2026, 11, 20)
HEAD = "Référence;Date opération;Numéro payeur;Montant;Devise\r\n".encode("cp1252")


def layout(name):
    return builtin_layouts()[name]


def test_orange_money_in_cp1252_with_accents_and_comma_decimals():
    text = (
        "Référence;Date opération;Numéro payeur;Libellé;Montant;Devise\r\n"
        "CI241120.1030.A1;20/11/2026 10:30;0812345678;Paiement reçu Kinshasa;7,00;USD\r\n"
        "CI241120.1100.B2;20/11/2026 11:00;0812345679;Dépôt;1 234,50;USD\r\n"
    )
    lines = parse_statement(text.encode("cp1252"), layout("orange_money"), "USD", "Africa/Kinshasa")
    assert [(line.reference, line.amount, line.day) for line in lines] == [
        ("CI241120.1030.A1", Money.of("7.00", "USD"), DAY),
        ("CI241120.1100.B2", Money.of("1234.50", "USD"), DAY),
    ]
    assert lines[0].at.hour == 9  # 10:30 in Kinshasa (UTC+1) is 09:30 UTC
    assert lines[0].phone == "0812345678"


def test_mpesa_skips_withdrawals_and_reads_thousands():
    text = (
        "Receipt No.,Completion Time,Details,Transaction Status,Paid In,Withdrawn,Balance,Other Party Info\n"
        'QK7AB12CD3,20/11/2026 09:31:02,Pay Bill,Completed,"1,007.00",,1007.00,0812345678 - AMANI\n'
        "QK7AB12CD9,20/11/2026 12:00:00,Withdrawal,Completed,,500.00,507.00,\n"
    )
    lines = parse_statement(text.encode("utf-8"), layout("mpesa"), "USD", "Africa/Kinshasa")
    assert [(line.reference, str(line.amount.amount)) for line in lines] == [("QK7AB12CD3", "1007.00")]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("Référence;Montant\r\n".encode("utf-16"), "lacks the column"),
        ("Référence;Montant;Devise\r\nX1;7,00;USD\r\n".encode("cp1252"), "lacks the column"),
        (
            HEAD + "ABC123;20/11/2026 10:30;1;7,00;CDF\r\n".encode("cp1252"),
            "an amount in CDF",
        ),
        (
            HEAD + "ABC123;20/11/2026 10:30;1;7.00;USD\r\n".encode("cp1252"),
            "not an amount",
        ),
        (
            HEAD + "ABC123;2026-11-20;1;7,00;USD\r\n".encode("cp1252"),
            "not a date",
        ),
        (b"", "empty"),
    ],
)
def test_a_bad_statement_is_one_clear_error(raw, words):
    with pytest.raises(ValidationError) as error:
        parse_statement(raw, layout("orange_money"), "USD", "Africa/Kinshasa")
    assert words in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("text", ["6,00", "1.234,50", "12,34.00", "1,2345"])
def test_another_locales_number_is_refused_not_misread(text):
    raw = f'Receipt No.,Completion Time,Paid In,Other Party Info\nQK7AB12CD3,20/11/2026 09:31:02,"{text}",\n'
    with pytest.raises(ValidationError) as error:
        parse_statement(raw.encode(), layout("mpesa"), "USD", "Africa/Kinshasa")
    assert "is not an amount in this statement's format" in str(error.value)


def test_a_cp1252_file_given_to_a_utf8_layout_names_the_encoding():
    raw = (
        "Financial Transaction Id,Date,From,Amount,Currency\nMP1;2026-11-20 10:00:00;Brazzaville é;700;XAF\n"
    )
    with pytest.raises(ValidationError) as error:
        parse_statement(raw.encode("cp1252"), layout("mtn_momo"), "XAF", "Africa/Brazzaville")
    assert str(error.value) == "The statement is not in the utf-8 encoding of the mtn_momo layout"


def test_a_layout_with_a_bad_delimiter_is_refused():
    with pytest.raises(ValidationError):
        StatementLayout.from_mapping(
            "x",
            {**layout("mpesa").__getstate__()}
            if False
            else {
                "provider": "mpesa",
                "encoding": "utf-8",
                "delimiter": ";;",
                "reference": "a",
                "amount": "b",
                "date": "c",
                "date_format": "%Y-%m-%d",
            },
        )


def usd(cents):
    return Money.from_minor(cents, "USD")


def ours(reference, cents, day=DAY):
    return OurPayment(f"p-{reference}", "mpesa", reference, usd(cents), day)


def theirs(row, reference, cents, day=DAY):
    return StatementLine(row, reference, usd(cents), day, None)


def test_each_outcome():
    result = reconcile(
        [ours("AAA", 700), ours("BBB", 700), ours("CCC", 500), ours("DDD", 100), ours("EEE", 100)],
        [
            theirs(2, "AAA", 700),
            theirs(3, "BBB", 600),
            theirs(4, "FFF", 900),
            theirs(5, "DDD", 100),
            theirs(6, "DDD", 100),
            theirs(7, "EEE", 100, DAY + timedelta(days=3)),
        ],
    )
    outcomes = {f.reference: f.outcome for f in result.findings}
    assert outcomes == {
        "AAA": Outcome.MATCHED,
        "BBB": Outcome.AMOUNT_MISMATCH,
        "CCC": Outcome.OURS_ONLY,
        "DDD": Outcome.DUPLICATE,
        "EEE": Outcome.AMOUNT_MISMATCH,
        "FFF": Outcome.STATEMENT_ONLY,
    }
    assert result.states()["p-AAA"] is PaymentState.CONFIRMED
    assert result.states()["p-CCC"] is PaymentState.DISPUTED


references = st.text(alphabet="ABCDEF0123", min_size=3, max_size=4)
sides = st.lists(st.tuples(references, st.integers(1, 5000)), max_size=12)


@given(sides, sides, st.randoms(use_true_random=False))
def test_order_does_not_change_the_outcome_and_our_money_is_all_accounted(mine, statement, random):
    payments = [ours(ref, cents) for ref, cents in {ref: c for ref, c in mine}.items()]
    lines = [theirs(i + 2, ref, cents) for i, (ref, cents) in enumerate(statement)]
    first = reconcile(payments, lines)
    random.shuffle(payments)
    random.shuffle(lines)
    assert reconcile(payments, lines) == first
    ours_total = money_sum([p.amount for p in payments], "USD")
    counted = [f.our_amount for f in first.findings if f.our_amount is not None]
    assert money_sum(counted, "USD") == ours_total
    assert sum(first.counts.values()) == len(first.findings)
    assert all(f.outcome is not Outcome.STATEMENT_ONLY or not f.ours for f in first.findings)


RECONCILIATION_FILES = (
    "domain/reconciliation.py",
    "services/reconciliation.py",
    "cli/reconcile.py",
    "documents/reconciliation_pdf.py",
)


def reconciliation_msgids() -> list[str]:
    """Every error template and every tr()/words() sentence of the reconciliation modules."""
    import ast
    from pathlib import Path

    import konnect_pos
    from konnect_pos.documents.reconciliation_pdf import HEADER
    from konnect_pos.domain.reconciliation import OUTCOME_WORDS, STATE_WORDS

    errors = {"ValidationError", "NotFound", "KonnectError"}
    found = set(OUTCOME_WORDS.values()) | {w for w in STATE_WORDS.values() if w} | set(HEADER)
    for name in RECONCILIATION_FILES:
        tree = ast.parse((Path(konnect_pos.__file__).parent / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            call = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            at = 0 if call in errors else 1 if call in ("tr", "words") else None
            if at is not None and len(node.args) > at and isinstance(node.args[at], ast.Constant):
                found.add(node.args[at].value)
    return sorted(found)


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_reconciliation_sentence_is_translated_with_its_placeholders(lang):
    import re

    from konnect_pos.i18n import gettext, missing_translations

    msgids = reconciliation_msgids()
    assert len(msgids) > 40
    assert missing_translations(lang, msgids) == []
    for msgid in msgids:
        assert set(re.findall(r"{\w+}", gettext(lang, msgid))) == set(re.findall(r"{\w+}", msgid)), msgid


def written(layout, amount: Money) -> str:
    """An amount as the provider's export writes it (thousands grouped, its decimal mark)."""
    whole, _, cents = f"{amount.amount:,.2f}".partition(".")
    whole = whole.replace(",", layout.thousands_separator)
    return f"{whole}{layout.decimal_separator}{cents}"


@pytest.mark.parametrize("name", ["mpesa", "orange_money", "mtn_momo", "airtel_money"])
@given(rows=st.lists(st.tuples(st.integers(1, 10**9), st.integers(0, 23), st.integers(0, 59)), max_size=8))
def test_any_statement_written_in_a_layout_reads_back_the_same(name, rows):
    spec = layout(name)
    columns = [spec.reference, spec.date, spec.amount] + [c for c in (spec.phone, spec.currency) if c]
    out = [spec.delimiter.join(columns)]
    expected = []
    for n, (cents, hour, minute) in enumerate(rows):
        amount = usd(cents)
        moment = DAY.strftime(spec.date_format.replace("%H", f"{hour:02d}").replace("%M", f"{minute:02d}"))
        cells = [f"REF{n:07d}", moment, '"' + written(spec, amount) + '"']
        cells += [c for c in (spec.phone and "0812345678", spec.currency and "USD") if c]
        out.append(spec.delimiter.join(cells))
        expected.append((f"REF{n:07d}", amount, DAY, hour))
    raw = "\r\n".join(out).encode(spec.encoding)
    lines = parse_statement(raw, spec, "USD", "UTC")
    assert [(line.reference, line.amount, line.day, line.at.hour) for line in lines] == expected
