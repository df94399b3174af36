"""A customer's prepaid balance as an append-only ledger, pure (RULES.md §2, DESIGN invariant 3).

The balance is the sum of the account's entries, never stored; why, and the rules on keys,
refunds and negative balances: docs/decisions.md, "Connect+ and balance". Credits are positive,
debits negative:

- ``top_up`` (credit): money the customer paid into the balance;
- ``plan_fee`` (debit): the plan's periodic fee, for the period it covers;
- ``connect_plus_fee`` (debit): one day of the Connect+ continuity service;
- ``refund`` (credit): a fee given back to the balance, naming the fee entry (e.g. the day's
  Connect+ fee when the plan renews that same day); never more than the fee;
- ``adjustment`` (either sign): a manual correction with a reason, optionally naming an entry.

Every entry has a ``key`` unique within the account, so one period or day is never charged twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from konnect_pos.domain.errors import Conflict, CurrencyMismatch, NotFound, StateError, ValidationError
from konnect_pos.domain.money import Money


class EntryKind(StrEnum):
    TOP_UP = "top_up"
    PLAN_FEE = "plan_fee"
    CONNECT_PLUS_FEE = "connect_plus_fee"
    REFUND = "refund"
    ADJUSTMENT = "adjustment"


CREDIT_KINDS = frozenset({EntryKind.TOP_UP, EntryKind.REFUND})
FEE_KINDS = frozenset({EntryKind.PLAN_FEE, EntryKind.CONNECT_PLUS_FEE})


def check_day(value: object, field_name: str = "day") -> date:
    """Days are calendar dates; a datetime would smuggle in a clock time and a zone."""
    if type(value) is not date and (isinstance(value, datetime) or not isinstance(value, date)):
        raise ValidationError("Days must be calendar dates", field=field_name)
    return value


def plan_fee_key(period_start: date) -> str:
    """One key per plan period: a second debit for the same period collides."""
    return f"plan-fee:{period_start.isoformat()}"


def connect_plus_fee_key(day: date) -> str:
    """One key per Connect+ day: a second daily fee for the same day collides."""
    return f"connect-plus-fee:{day.isoformat()}"


def refund_key(of_key: str) -> str:
    return f"refund:{of_key}"


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One movement of the balance; ``amount`` is signed (credit > 0, debit < 0).

    ``period_start``/``period_end`` (inclusive) say which days a fee pays for, so receipts
    and checks ("one plan fee per period", "no Connect+ fee on a plan day") read it directly.
    """

    key: str
    day: date
    kind: EntryKind
    amount: Money
    corrects: str | None = None
    note: str = ""
    period_start: date | None = None
    period_end: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.key, str) or not self.key.strip():
            raise ValidationError("A ledger entry needs a key", field="key")
        check_day(self.day)
        try:
            if type(self.kind) is not EntryKind:
                object.__setattr__(self, "kind", EntryKind(self.kind))
        except ValueError:
            raise ValidationError(
                "Unknown ledger entry kind: {kind}", field="kind", kind=str(self.kind)[:40]
            ) from None
        if not isinstance(self.amount, Money):
            raise ValidationError("Amounts must be exact, not floating point", field="amount")
        if self.kind in CREDIT_KINDS:
            right_sign = self.amount.amount > 0
        elif self.kind is EntryKind.ADJUSTMENT:
            right_sign = self.amount.amount != 0
        else:
            right_sign = self.amount.amount < 0
        if not right_sign:
            raise ValidationError(
                "Ledger entry {key} has the wrong sign for its kind", field="amount", key=self.key
            )
        if self.kind is EntryKind.ADJUSTMENT and not self.note.strip():
            raise ValidationError("An adjustment needs a reason", field="note")
        if self.kind is EntryKind.REFUND and not self.corrects:
            raise ValidationError("A refund must name the fee it gives back", field="corrects")
        if self.kind in FEE_KINDS:
            if self.period_start is None or self.period_end is None:
                raise ValidationError("Entry {key} covers an invalid period", field="period", key=self.key)
            check_day(self.period_start, "period_start")
            check_day(self.period_end, "period_end")
            if self.period_end < self.period_start:
                raise ValidationError("Entry {key} covers an invalid period", field="period", key=self.key)

    @property
    def is_credit(self) -> bool:
        return self.amount.amount > 0


def top_up(key: str, day: date, amount: Money, note: str = "") -> LedgerEntry:
    """Money paid in; ``key`` is the payment's own id so a retried sync adds it once."""
    return LedgerEntry(key, day, EntryKind.TOP_UP, amount, note=note)


def plan_fee(day: date, fee: Money, period_start: date, period_end: date) -> LedgerEntry:
    return LedgerEntry(
        plan_fee_key(period_start),
        day,
        EntryKind.PLAN_FEE,
        -fee,
        period_start=period_start,
        period_end=period_end,
    )


def connect_plus_fee(day: date, fee: Money) -> LedgerEntry:
    return LedgerEntry(
        connect_plus_fee_key(day), day, EntryKind.CONNECT_PLUS_FEE, -fee, period_start=day, period_end=day
    )


def refund(of: LedgerEntry, day: date, note: str = "") -> LedgerEntry:
    """Give a whole fee back to the balance (the entry names the fee it reverses)."""
    return LedgerEntry(refund_key(of.key), day, EntryKind.REFUND, -of.amount, corrects=of.key, note=note)


def adjustment(key: str, day: date, amount: Money, reason: str, corrects: str | None = None) -> LedgerEntry:
    return LedgerEntry(key, day, EntryKind.ADJUSTMENT, amount, corrects=corrects, note=reason)


@dataclass(frozen=True, slots=True)
class Ledger:
    """The entries of one account, in the order they were recorded, and the balance they give.

    Building a ``Ledger`` from stored entries replays and checks them all; ``append`` checks
    only the new entry against what is already there, so a long history stays cheap.
    """

    currency: str
    entries: tuple[LedgerEntry, ...] = ()
    _balance: Money = field(init=False, repr=False, compare=False)
    _by_key: Mapping[str, LedgerEntry] = field(init=False, repr=False, compare=False)
    _refunded: Mapping[str, Money] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        Money.zero(self.currency)  # refuses an unknown currency
        entries = tuple(self.entries)
        object.__setattr__(self, "entries", ())
        object.__setattr__(self, "_balance", Money.zero(self.currency))
        object.__setattr__(self, "_by_key", MappingProxyType({}))
        object.__setattr__(self, "_refunded", MappingProxyType({}))
        replayed = self.extend(entries)
        for name in ("entries", "_balance", "_by_key", "_refunded"):
            object.__setattr__(self, name, getattr(replayed, name))

    @property
    def balance(self) -> Money:
        """The sum of every entry: the only balance there is."""
        return self._balance

    def balance_on(self, day: date) -> Money:
        """The balance at the end of ``day`` (entries dated on or before it), for statements."""
        check_day(day)
        total = Money.zero(self.currency)
        for entry in self.entries:
            if entry.day <= day:
                total = total + entry.amount
        return total

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, key: str) -> LedgerEntry | None:
        return self._by_key.get(key)

    def refunded(self, key: str) -> Money:
        """How much of the fee ``key`` has been given back so far."""
        return self._refunded.get(key, Money.zero(self.currency))

    def append(self, entry: LedgerEntry) -> Ledger:
        """A new ledger with ``entry`` at the end; refused if it breaks a ledger rule."""
        if not isinstance(entry, LedgerEntry):
            raise TypeError("a ledger holds LedgerEntry values")
        if entry.amount.currency != self.currency:
            raise CurrencyMismatch(
                "Ledger entry {key} is in {currency}, the balance in {balance_currency}",
                field="currency",
                key=entry.key,
                currency=entry.amount.currency,
                balance_currency=self.currency,
            )
        if entry.key in self._by_key:
            raise Conflict("Ledger entry {key} is already recorded", field="key", key=entry.key)
        refunded = self._refunded
        if entry.corrects is not None:
            target = self._by_key.get(entry.corrects)
            if target is None:
                raise NotFound(
                    "Entry {key} to correct is not in this ledger", field="corrects", key=entry.corrects
                )
            if entry.kind is EntryKind.REFUND:
                if target.kind not in FEE_KINDS:
                    raise ValidationError("A refund must name the fee it gives back", field="corrects")
                total = self.refunded(target.key) + entry.amount
                if total > -target.amount:
                    raise StateError(
                        "Refunds of {key} would exceed the {amount} charged",
                        field="amount",
                        key=target.key,
                        amount=-target.amount,
                    )
                refunded = MappingProxyType({**self._refunded, target.key: total})
        new_balance = self._balance + entry.amount
        if new_balance.is_negative and entry.kind in FEE_KINDS:
            raise StateError(
                "Balance {balance} cannot pay {amount}",
                field="amount",
                balance=self._balance,
                amount=-entry.amount,
            )
        new = object.__new__(Ledger)
        object.__setattr__(new, "currency", self.currency)
        object.__setattr__(new, "entries", (*self.entries, entry))
        object.__setattr__(new, "_balance", new_balance)
        object.__setattr__(new, "_by_key", MappingProxyType({**self._by_key, entry.key: entry}))
        object.__setattr__(new, "_refunded", refunded)
        return new

    def extend(self, entries: Iterable[LedgerEntry]) -> Ledger:
        ledger = self
        for entry in entries:
            ledger = ledger.append(entry)
        return ledger

    def running_balances(self) -> tuple[tuple[LedgerEntry, Money], ...]:
        """Each entry with the balance just after it: the statement a counter shows."""
        total = Money.zero(self.currency)
        rows = []
        for entry in self.entries:
            total = total + entry.amount
            rows.append((entry, total))
        return tuple(rows)
