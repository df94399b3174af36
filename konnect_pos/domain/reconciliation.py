"""Mobile-money statements against our payments: pure parsing and matching, no database.

A provider's statement is a CSV export whose columns, encoding, delimiter, date and amount
formats differ per provider; a ``StatementLayout`` holds them as data
(resources/statement_layouts.json, or a layout an outlet mapped once and saved).
``parse_statement`` reads the file's bytes with a layout into ``StatementLine``s; ``reconcile``
matches them to our payments by reference, then compares amount and day.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from zoneinfo import ZoneInfo

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum

# A statement's day may differ from ours by this much (a payment at 23:59 booked at 00:01).
DAY_TOLERANCE = timedelta(days=1)
MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class StatementLayout:
    name: str
    provider: str
    encoding: str
    delimiter: str
    reference: str
    amount: str
    date: str
    date_format: str
    phone: str | None = None
    currency: str | None = None  # a column; None: the outlet's currency
    decimal_separator: str = "."
    thousands_separator: str = ""

    def to_json(self) -> str:
        from dataclasses import asdict

        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_mapping(cls, name: str, data: dict) -> StatementLayout:
        try:
            layout = cls(
                name=name,
                provider=str(data["provider"]),
                encoding=str(data["encoding"]),
                delimiter=str(data["delimiter"]),
                reference=str(data["reference"]),
                amount=str(data["amount"]),
                date=str(data["date"]),
                date_format=str(data["date_format"]),
                phone=data.get("phone") or None,
                currency=data.get("currency") or None,
                decimal_separator=str(data.get("decimal_separator") or "."),
                thousands_separator=str(data.get("thousands_separator") or ""),
            )
        except KeyError as missing:
            raise ValidationError(
                "The statement layout {name} lacks {what}", name=name, what=str(missing)
            ) from None
        layout.check()
        return layout

    def check(self) -> None:
        try:
            "".encode(self.encoding)
        except LookupError:
            raise ValidationError(
                "Unknown text encoding {encoding}", field="encoding", encoding=self.encoding
            ) from None
        if len(self.delimiter) != 1:
            raise ValidationError(
                "The delimiter must be one character, not {delimiter}",
                field="delimiter",
                delimiter=self.delimiter,
            )
        if self.decimal_separator not in (".", ","):
            raise ValidationError("The decimal separator must be '.' or ','", field="decimal_separator")
        if "%" not in self.date_format:
            raise ValidationError("Not a date format: {format}", field="date_format", format=self.date_format)


@dataclass(frozen=True, slots=True)
class StatementLine:
    row: int  # 1-based line number in the file (the header is row 1)
    reference: str
    amount: Money
    day: date  # the outlet's local day
    at: datetime | None  # UTC, when the statement gives a time of day
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class OurPayment:
    """A mobile-money payment as recorded at our counter."""

    key: str  # the payment's uuid
    provider: str
    reference: str
    amount: Money
    day: date  # the outlet's local day of the sale
    receipt: str = ""


class Outcome(StrEnum):
    MATCHED = "matched"
    AMOUNT_MISMATCH = "amount_mismatch"
    OURS_ONLY = "ours_only"
    STATEMENT_ONLY = "statement_only"
    DUPLICATE = "duplicate"


class PaymentState(StrEnum):
    TYPED = "typed"  # only the agent's typing vouches for it
    CONFIRMED = "confirmed"  # the provider's statement has it, same amount
    DISPUTED = "disputed"  # the statement disagrees, lacks it or has it twice


OUTCOME_STATE = {
    Outcome.MATCHED: PaymentState.CONFIRMED,
    Outcome.AMOUNT_MISMATCH: PaymentState.DISPUTED,
    Outcome.OURS_ONLY: PaymentState.DISPUTED,
    Outcome.DUPLICATE: PaymentState.DISPUTED,
}


@dataclass(frozen=True, slots=True)
class Finding:
    outcome: Outcome
    reference: str
    ours: tuple[OurPayment, ...] = ()
    theirs: tuple[StatementLine, ...] = ()

    @property
    def our_amount(self) -> Money | None:
        if not self.ours:
            return None
        return money_sum([p.amount for p in self.ours], self.ours[0].amount.currency)

    @property
    def their_amount(self) -> Money | None:
        if not self.theirs:
            return None
        return money_sum([line.amount for line in self.theirs], self.theirs[0].amount.currency)


@dataclass(frozen=True, slots=True)
class Reconciliation:
    findings: tuple[Finding, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def states(self) -> dict[str, PaymentState]:
        """Our payment's key → its state after this reconciliation."""
        return {p.key: OUTCOME_STATE[f.outcome] for f in self.findings for p in f.ours}


def normal_reference(text: str) -> str:
    """References compared without spaces and case (agents type them from an SMS)."""
    return "".join(text.split()).upper()


def _header_index(header: list[str], layout: StatementLayout) -> dict[str, int]:
    names = {name.strip().casefold(): i for i, name in enumerate(header)}
    wanted = {
        "reference": layout.reference,
        "amount": layout.amount,
        "date": layout.date,
        "phone": layout.phone,
        "currency": layout.currency,
    }
    index: dict[str, int] = {}
    missing = []
    for key, column in wanted.items():
        if column is None:
            continue
        position = names.get(column.strip().casefold())
        if position is None:
            missing.append(column)
        else:
            index[key] = position
    if missing:
        raise ValidationError(
            "The statement lacks the column(s) {columns} of the {layout} layout",
            field="file",
            columns=", ".join(missing),
            layout=layout.name,
        )
    return index


def parse_money(text: str, layout: StatementLayout, currency: str, row: int) -> Money:
    """An amount in the layout's number format; another locale's ("6,00" where ',' groups
    thousands, "1.234,50" where '.' is the decimal mark) is refused, never misread."""
    cleaned = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    whole = cleaned.lstrip("-+").split(layout.decimal_separator)[0]
    groups = re.split(r"[ " + re.escape(layout.thousands_separator) + "]", whole) if whole else [""]
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise _bad_amount(text, row)
    for sep in filter(None, {layout.thousands_separator, " "}):
        cleaned = cleaned.replace(sep, "") if sep != layout.decimal_separator else cleaned
    if layout.decimal_separator == ",":
        if "." in cleaned:  # a point in a comma-decimal layout: another locale's number
            raise _bad_amount(text, row)
        cleaned = cleaned.replace(",", ".")
    elif "," in cleaned:
        raise _bad_amount(text, row)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise _bad_amount(text, row) from None
    if not value.is_finite():
        raise _bad_amount(text, row)
    try:
        return Money(value, currency)
    except ValidationError:
        raise _bad_amount(text, row) from None


def _bad_amount(text: str, row: int) -> ValidationError:
    return ValidationError(
        "Row {row}: {text} is not an amount in this statement's format",
        field="file",
        row=row,
        text=text[:40],
    )


def _parse_when(text: str, layout: StatementLayout, zone: ZoneInfo, row: int):
    try:
        moment = datetime.strptime(text.strip(), layout.date_format)
    except ValueError:
        raise ValidationError(
            "Row {row}: {text} is not a date in the format {format}",
            field="file",
            row=row,
            text=text[:40],
            format=layout.date_format,
        ) from None
    has_time = any(code in layout.date_format for code in ("%H", "%I", "%M"))
    if not has_time:
        return moment.date(), None
    local = moment.replace(tzinfo=zone)
    from datetime import UTC

    return local.date(), local.astimezone(UTC)


def decode_statement(raw: bytes, layout: StatementLayout) -> str:
    try:
        text = raw.decode(layout.encoding)
    except UnicodeDecodeError:
        raise ValidationError(
            "The statement is not in the {encoding} encoding of the {layout} layout",
            field="file",
            encoding=layout.encoding,
            layout=layout.name,
        ) from None
    return text.removeprefix("\ufeff")


def parse_statement(raw: bytes, layout: StatementLayout, currency: str, zone: str) -> list[StatementLine]:
    """The statement's payments in (rows without an amount, such as withdrawals, are left out).

    Refuses, naming the row: a missing column, another encoding, an amount in another
    currency or another locale's number format, a date not in the layout's format.
    """
    text = decode_statement(raw, layout)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError("The statement is empty", field="file") from None
    except csv.Error:
        raise ValidationError("The statement is not a CSV file", field="file") from None
    index = _header_index(header, layout)
    where = ZoneInfo(zone)
    lines: list[StatementLine] = []
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) < len(header):
                raise ValidationError(
                    "Row {row} has {found} columns, the header {expected}",
                    field="file",
                    row=number,
                    found=len(cells),
                    expected=len(header),
                )
            amount_text = cells[index["amount"]].strip()
            if not amount_text:
                continue
            if "currency" in index and cells[index["currency"]].strip().upper() != currency:
                raise ValidationError(
                    "Row {row}: an amount in {found}, the outlet sells in {currency}",
                    field="file",
                    row=number,
                    found=cells[index["currency"]].strip()[:8],
                    currency=currency,
                )
            amount = parse_money(amount_text, layout, currency, number)
            if amount.is_negative or not amount:
                continue  # money out of the till account, not a customer's payment
            reference = normal_reference(cells[index["reference"]])
            if not reference:
                raise ValidationError("Row {row} has no reference", field="file", row=number)
            day, at = _parse_when(cells[index["date"]], layout, where, number)
            phone = cells[index["phone"]].strip() if "phone" in index else None
            lines.append(StatementLine(number, reference, amount, day, at, phone or None))
            if len(lines) > MAX_ROWS:
                raise ValidationError("The statement has too many rows", field="file")
    except csv.Error:
        raise ValidationError("The statement is not a CSV file", field="file") from None
    return lines


def reconcile(ours: list[OurPayment], lines: list[StatementLine]) -> Reconciliation:
    """Every reference on either side, classified once.

    Same reference twice on either side: ``duplicate``. Else on both sides: ``matched`` when
    amount and day (within a day) agree, otherwise ``amount_mismatch`` (a day too far apart
    counts as a mismatch of what was paid when). One side only: ``ours_only`` /
    ``statement_only``. The result does not depend on the order of either list.
    """
    our_by_ref: dict[str, list[OurPayment]] = defaultdict(list)
    their_by_ref: dict[str, list[StatementLine]] = defaultdict(list)
    for payment in ours:
        our_by_ref[normal_reference(payment.reference)].append(payment)
    for line in lines:
        their_by_ref[line.reference].append(line)
    findings = []
    for reference in sorted(our_by_ref.keys() | their_by_ref.keys()):
        mine = tuple(sorted(our_by_ref.get(reference, ()), key=lambda p: p.key))
        theirs = tuple(sorted(their_by_ref.get(reference, ()), key=lambda line: line.row))
        if len(mine) > 1 or len(theirs) > 1:
            outcome = Outcome.DUPLICATE
        elif not theirs:
            outcome = Outcome.OURS_ONLY
        elif not mine:
            outcome = Outcome.STATEMENT_ONLY
        elif mine[0].amount == theirs[0].amount and abs(mine[0].day - theirs[0].day) <= DAY_TOLERANCE:
            outcome = Outcome.MATCHED
        else:
            outcome = Outcome.AMOUNT_MISMATCH
        findings.append(Finding(outcome, reference, mine, theirs))
    counts = {o.value: 0 for o in Outcome}
    for finding in findings:
        counts[finding.outcome.value] += 1
    return Reconciliation(tuple(findings), counts)


# English msgids of the words a report shows (translated at the edges: CLI, PDF).
OUTCOME_WORDS = {
    "matched": "matched",
    "amount_mismatch": "amount mismatch",
    "ours_only": "on our side only",
    "statement_only": "on the statement only",
    "duplicate": "duplicate",
    None: "not checked yet",
}
STATE_WORDS = {"typed": "typed", "confirmed": "confirmed", "disputed": "disputed", None: ""}
