"""Money records changed behind the app's back with SQL are found by ``verify`` (SQLite and
PostgreSQL): each kind of edit in its own rolled-back transaction on one shop day, the chain
cut short or rewritten whole against the anchors kept outside the file, and a SQLite file with
a damaged page."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from konnect_pos.cli import main
from konnect_pos.domain.journal import GENESIS, canonical, chain_hash
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.services import business_day, checkout, corporate, corrections, demo
from konnect_pos.services import plans as cp
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.daily_report import daily_report_pdf
from konnect_pos.services.journal_anchor import parse_anchor, read_anchor_file, write_anchor_file
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.receipts import receipt_data
from konnect_pos.services.sale_journal import stored_sale_payload
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.services.sync.anchor import hq_anchors
from konnect_pos.services.verify import verify
from konnect_pos.store.models import JournalEntry, OutboxEvent, Sale, SyncLink
from konnect_pos.store.schema import open_database

T1 = "KIN01-T1"


def usd(value: str) -> Money:
    return Money.of(value, "USD")


@pytest.fixture
def shop(database, clock):
    """One day at KIN01-T1 with every kind of money record, closed (Z 1), and the next day open."""
    demo.seed(clock, customers=20)
    cashier = sign_in(T1, "cashier", "1111", clock)
    manager = sign_in(T1, "manager", "222222", clock)
    voided = checkout.sell(cashier, "CD00000013", [CartItem("CD-WEEK5")], [CashTender(usd("6"))])
    mpesa = checkout.sell(
        cashier,
        "CD00000001",
        [CartItem("CD-LITE15")],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")],
    )
    top = cp.top_up_balance(cashier, "CD00000009", "10", [CashTender(usd("10"))])
    corrections.void_sale(manager, voided.receipt_number, "wrong customer", remove_active=True)
    corrections.refund_sale(manager, mpesa.receipt_number, "5", "slow installation")
    corrections.refund_sale(manager, top.receipt_number, "4", "asked back", method="cash")
    business_day.cash_movement(manager, "out", "10", "USD", "bank drop")
    issued = []
    for back in range(31):  # the demo's corporate account is billed on one day of the month
        issued = corporate.invoices_run(manager, clock().date() - timedelta(days=back)).issued
        if issued:
            break
    assert issued
    business_day.close_day(manager, {"USD": {"note:20": "2"}}, comment="end of day")
    clock.advance(days=1)
    business_day.open_day(manager, {"USD": "50"})
    report = verify()
    assert report.problems == [] and report.records >= 10
    return {"mpesa": mpesa.receipt_number, "top": top.receipt_number, "manager": manager}


def _last_seq() -> str:
    return "(SELECT MAX(seq) FROM journal_entry j2 WHERE j2.terminal_id = journal_entry.terminal_id)"


TAMPERS = {
    "delete a void": (["DELETE FROM sale_void"], "its void row is missing"),
    "change a refund": (
        ["UPDATE refund SET amount_minor = amount_minor + 100 WHERE method = 'mobile_money'"],
        "refund on KIN01-T1-000002 no longer matches",
    ),
    "delete a refund": (["DELETE FROM refund WHERE method = 'mobile_money'"], "its refund row is missing"),
    "change a cash movement": (
        ["UPDATE cash_movement SET amount_minor = 100"],
        "cash movement out of",
    ),
    "raise a day's float": (
        ["UPDATE day_float SET amount_minor = amount_minor + 100000 WHERE currency = 'USD'"],
        "opening (float) of the day 2026-11-20 no longer matches",
    ),
    "change a day close": (["UPDATE drawer_count SET counted_minor = 900000"], "Z report 1 (2026-11-20)"),
    "delete a day close": (
        ["DELETE FROM drawer_count", "DELETE FROM day_close"],
        "its day close row is missing",
    ),
    "change a payment": (
        ["UPDATE payment SET amount_minor = amount_minor - 100 WHERE method = 'mobile_money'"],
        "sale KIN01-T1-000002 no longer matches",
    ),
    "change a top-up in the balance": (
        ["UPDATE balance_entry SET amount_minor = 100000 WHERE kind = 'top_up' AND sale_id IS NOT NULL"],
        "sale KIN01-T1-000003 no longer matches",
    ),
    "delete a balance reversal": (
        ["DELETE FROM balance_entry WHERE substr(entry_key, 1, 9) = 'reversal:'"],
        "refund on KIN01-T1-000003 no longer matches",
    ),
    "change a corporate invoice": (
        ["UPDATE corporate_invoice SET total_minor = total_minor - 1000"],
        "corporate invoice KIN01-INV-000001 no longer matches",
    ),
    "delete the last journal entry": (
        [f"DELETE FROM journal_entry WHERE seq = {_last_seq()}"],
        "no journal entry",
    ),
    "delete a journal entry with its outbox copy": (
        [
            "DELETE FROM outbox_event WHERE record_uuid IN (SELECT uuid FROM cash_movement)",
            "DELETE FROM journal_entry WHERE record_uuid IN (SELECT uuid FROM cash_movement)",
        ],
        "cash movement out of",
    ),
}


def test_every_kind_of_edit_behind_the_apps_back_is_found(shop, database):
    missed = {}
    for name, (statements, expected) in TAMPERS.items():
        with database.atomic() as transaction:
            for statement in statements:
                database.execute_sql(statement)
            problems = verify().problems
            transaction.rollback()
        if not any(expected in problem for problem in problems):
            missed[name] = problems
    assert missed == {}
    assert verify().problems == []  # every edit was rolled back: the shop verifies again


def _z_line(manager) -> str:
    """The "Journal: #seq hash" line read back from the Z report PDF, as a manager types it."""
    pdf = daily_report_pdf(manager, date(2026, 11, 20), language="en")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    found = re.search(r"Journal: (#\d+ [0-9a-f]{12})", text)
    assert found, text
    return f"{T1} {found.group(1)}"


def _rewrite_chain(database, from_seq: int) -> None:
    """What a careful forger does after editing rows: fresh journal content and fresh hashes
    from the edited entry on, outbox copies to match."""
    terminal = JournalEntry.get(JournalEntry.seq == from_seq).terminal_id
    entries = list(JournalEntry.select().where(JournalEntry.terminal == terminal).order_by(JournalEntry.seq))
    prev = GENESIS
    for entry in entries:
        payload = entry.payload
        if entry.kind == "sale" and entry.seq >= from_seq:
            payload = canonical(stored_sale_payload(Sale.get(Sale.uuid == entry.record_uuid)))
        digest = chain_hash(prev, entry.seq, entry.kind, payload)
        if entry.seq >= from_seq:
            JournalEntry.update(payload=payload, prev_hash=prev, hash=digest).where(
                JournalEntry.id == entry.id
            ).execute()
            OutboxEvent.update(payload=payload).where(
                (OutboxEvent.terminal == terminal) & (OutboxEvent.seq == entry.seq)
            ).execute()
        prev = digest


def test_a_chain_cut_short_or_rewritten_whole_is_found_against_its_anchors(
    shop, database, clock, hq, tmp_path
):
    manager = shop["manager"]
    z_anchor = parse_anchor(_z_line(manager))
    receipt = receipt_data(shop["mpesa"])
    receipt_anchor = parse_anchor(f"{receipt.receipt_number}|{receipt.journal_hash}")
    for amount in ("1", "2", "3"):
        business_day.cash_movement(manager, "in", amount, "USD", "change from the bank")
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    client.sync(T1, clock)
    (tmp_path / "backups").mkdir()
    backup_anchor = read_anchor_file(write_anchor_file(tmp_path / "backups" / "konnect.db", clock()))
    from_hq, notes = hq_anchors()
    assert notes == [] and [(a.terminal, a.source) for a in from_hq] == [(T1, "headquarters")]
    report = verify([z_anchor, receipt_anchor, *backup_anchor, *from_hq])
    assert report.problems == []
    latest = next(text for text in report.anchored if text.startswith(T1))  # the latest anchors, named
    assert latest.startswith(f"{T1} #{from_hq[0].seq} (anchor file") and latest.endswith("; headquarters)")

    # The last three entries deleted with their rows and outbox copies: consistent inside the file.
    with database.atomic() as transaction:
        cut = "SELECT uuid FROM cash_movement WHERE direction = 'in'"
        database.execute_sql(f"DELETE FROM outbox_event WHERE record_uuid IN ({cut})")
        database.execute_sql(f"DELETE FROM journal_entry WHERE record_uuid IN ({cut})")
        database.execute_sql("DELETE FROM cash_movement WHERE direction = 'in'")
        assert verify().problems == []  # with no anchor this cannot be seen (docs/decisions.md)
        assert any("entries deleted" in p and "anchor file" in p for p in verify(backup_anchor).problems)
        assert any("entries deleted" in p and "headquarters" in p for p in verify(from_hq).problems)
        assert verify([z_anchor]).problems == []  # the Z report anchors the close, before the cut
        transaction.rollback()

    # A sale edited, then the journal rewritten with fresh hashes from that entry on.
    with database.atomic() as transaction:
        sale = Sale.get(Sale.receipt_number == shop["mpesa"])
        forged = "UPDATE payment SET reference = 'FORGED0001' WHERE method = 'mobile_money' AND sale_id = "
        database.execute_sql(f"{forged}{sale.id}")
        _rewrite_chain(database, JournalEntry.get(JournalEntry.record_uuid == sale.uuid).seq)
        assert verify().problems == []  # with no anchor this cannot be seen (docs/decisions.md)
        for anchors, source in (
            (from_hq, "headquarters"),
            (backup_anchor, "anchor file"),
            ([z_anchor], "Z report"),
            ([receipt_anchor], "receipt KIN01-T1-000002"),
        ):
            problems = verify(anchors).problems
            assert any(source in p and ("rewritten" in p) for p in problems), (source, problems)
        transaction.rollback()


def test_verify_on_the_command_line_says_which_anchor_and_exits_1_when_broken(tmp_path, clock, capsys):
    url = f"sqlite:///{tmp_path / 'shop.db'}"
    open_database(url)
    demo.seed(clock, customers=20)
    cashier = sign_in(T1, "cashier", "1111", clock)
    checkout.sell(cashier, "CD00000013", [CartItem("CD-WEEK5")], [CashTender(usd("6"))])
    (tmp_path / "backup").mkdir()
    anchor = write_anchor_file(tmp_path / "backup" / "shop-copy.db", clock())
    assert anchor == tmp_path / "backup" / "anchor.json"
    assert main(["verify", "--db", url, "--anchor-file", str(anchor)]) == 0
    out = capsys.readouterr().out
    assert (
        "OK:" in out and "KIN01-T1 #5 (anchor file anchor.json of 2026-11-20T09:30:00+00:00)" in out
    )  # 1 day opening, 2 the day's rate, 3 and 4 the demo's opening balances, 5 the sale
    assert main(["verify", "--db", url]) == 0
    assert "No anchor reached" in capsys.readouterr().out
    assert main(["verify", "--db", url, "--anchor", "KIN01-T1 #2 00000000dead"]) == 1
    assert "BROKEN: KIN01-T1 journal entry #2 differs from Z report line #2" in capsys.readouterr().err
    assert main(["verify", "--db", url, "--anchor", "nonsense"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    SyncLink.create(terminal=get_terminal(T1).id, hq_url="postgresql://kp@127.0.0.1:1/hq", linked_at=clock())
    assert main(["verify", "--db", url]) == 0  # HQ out of reach: said, and verified without it
    out, err = capsys.readouterr()
    assert "NOTE: KIN01-T1: headquarters not asked (Headquarters is unreachable" in err
    assert "No anchor reached" in out


def test_a_damaged_page_in_a_sqlite_file_is_reported_not_verified(tmp_path, clock, capsys):
    path = tmp_path / "shop.db"
    database = open_database(f"sqlite:///{path}")
    demo.seed(clock, customers=20)
    database.close()  # the last connection: the WAL is checkpointed into the file
    size = path.stat().st_size
    page = 4096
    assert size > 20 * page
    with path.open("r+b") as handle:  # garbage over a page in the middle of the file
        handle.seek((size // page // 2) * page)
        handle.write(bytes(range(256)) * (page // 256))
    code = main(["verify", "--db", f"sqlite:///{path}", "--no-hq"])
    out, err = capsys.readouterr()
    assert code in (1, 2) and "OK" not in out
    assert "damaged" in err or "malformed" in err
    assert "Traceback" not in err


def test_write_anchor_file_is_refused_when_unreadable(tmp_path):
    bad = tmp_path / "anchor.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception, match="is not a journal anchor file"):
        read_anchor_file(bad)
    assert Path(bad).exists()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # any text a payload can hold


@given(TEXT, st.integers(min_value=1, max_value=10**12), TEXT, TEXT)
def test_the_chain_hash_covers_each_part_followed_by_the_separator(prev, seq, kind, content):
    """The spelling every stored hash was made with: each part in UTF-8, then 0x1F (a change here
    would make every existing journal fail verify)."""
    import hashlib

    digest = hashlib.sha256()
    for part in (prev, str(seq), kind, content):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    assert chain_hash(prev, seq, kind, content) == digest.hexdigest()
