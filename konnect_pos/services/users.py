"""Sign-in with a PIN (argon2), lockout after repeated wrong PINs, user records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.errors import AuthenticationFailed, Conflict, NotFound, ValidationError
from konnect_pos.domain.roles import RIGHTS, Right, Role
from konnect_pos.services.clock import Clock

if TYPE_CHECKING:
    from konnect_pos.services.session import Counter
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import User

MAX_WRONG_PINS = 5
LOCK_DURATION = timedelta(minutes=5)
PIN_PATTERN = re.compile(r"[0-9]{4,8}")
# Managers and administrators approve voids, refunds and cash out: their PIN must resist an
# offline search of a stolen database file far longer than a cashier's (docs/decisions.md).
LONG_PIN_ROLES = frozenset({Role.MANAGER.value, Role.ADMIN.value})
LONG_PIN_PATTERN = re.compile(r"[0-9]{6,8}")
USERNAME_PATTERN = re.compile(r"[a-z0-9_.-]{2,32}")

_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class SignedInUser:
    id: int
    uuid: str
    username: str
    full_name: str
    role: str
    language: str


def _view(row: User) -> SignedInUser:
    return SignedInUser(row.id, row.uuid, row.username, row.full_name, row.role, row.language)


def hash_pin(pin: str) -> str:
    if not PIN_PATTERN.fullmatch(pin or ""):
        raise ValidationError("A PIN is 4 to 8 digits", field="pin")
    return _hasher.hash(pin)


def check_pin_for_role(pin: str, role: str) -> None:
    """4 digits are enough for a cashier; managers and administrators need at least 6."""
    if role in LONG_PIN_ROLES and not LONG_PIN_PATTERN.fullmatch(pin or ""):
        raise ValidationError("A manager's or administrator's PIN is 6 to 8 digits", field="pin")


def create_user(username: str, full_name: str, role: str, pin: str, clock: Clock) -> SignedInUser:
    username = (username or "").strip().lower()
    if not USERNAME_PATTERN.fullmatch(username):
        raise ValidationError(
            "User name: 2 to 32 lower-case letters, digits, '.', '_' or '-'", field="username"
        )
    if not (full_name or "").strip():
        raise ValidationError("Enter the user's full name", field="full_name")
    if role not in {r.value for r in Role}:
        raise ValidationError("Unknown role: {role}", field="role", role=role)
    check_pin_for_role(pin, role)
    pin_hash = hash_pin(pin)
    with write_transaction():
        if User.select().where(User.username == username).exists():
            raise Conflict("User {username} already exists", field="username", username=username)
        row = User.create(
            uuid=new_uuid(),
            username=username,
            full_name=mask_card_numbers(full_name.strip()),
            role=role,
            pin_hash=pin_hash,
            created_at=clock(),
        )
    return _view(row)


def authenticate(username: str, pin: str, clock: Clock) -> SignedInUser:
    """The user for a correct PIN; 5 wrong PINs lock the user for 5 minutes (stored).

    A wrong PIN is counted in its own committed transaction before the error is
    raised, so the count and the lock survive a crash or restart.
    """
    now = clock()
    failure: AuthenticationFailed | None = None
    with write_transaction():
        row = User.get_or_none(User.username == (username or "").strip().lower())
        if row is None or not row.active:
            raise AuthenticationFailed("Unknown user or wrong PIN", field="pin")
        if row.locked_until is not None and row.locked_until > now:
            minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
            raise AuthenticationFailed(
                "{username} is locked after too many wrong PINs; try again in {minutes} min",
                field="pin",
                username=row.username,
                minutes=minutes,
            )
        try:
            _hasher.verify(row.pin_hash, pin or "")
        except (VerificationError, InvalidHashError):
            row.failed_pins += 1
            if row.failed_pins >= MAX_WRONG_PINS:
                row.locked_until = now + LOCK_DURATION
                row.failed_pins = 0
                failure = AuthenticationFailed(
                    "{username} is locked after too many wrong PINs; try again in {minutes} min",
                    field="pin",
                    username=row.username,
                    minutes=int(LOCK_DURATION.total_seconds() // 60),
                )
            else:
                failure = AuthenticationFailed(
                    "Wrong PIN ({left} tries left before the user is locked)",
                    field="pin",
                    left=MAX_WRONG_PINS - row.failed_pins,
                )
        else:
            row.failed_pins = 0
            row.locked_until = None
        row.save()
    if failure is not None:
        raise failure
    return _view(row)


def list_usernames() -> list[tuple[str, str]]:
    """(username, full name) of active users, for the login list."""
    return [(u.username, u.full_name) for u in User.select().where(User.active).order_by(User.username)]


def list_approvers(*rights: Right) -> list[tuple[str, str]]:
    """(username, full name) of the active users who hold every one of ``rights``, by name.

    Users belong to the whole database, not to one outlet: this is everyone who can approve here.
    """
    roles = [role.value for role in Role if all(right in RIGHTS[role] for right in rights)]
    rows = User.select().where(User.active & User.role.in_(roles)).order_by(User.full_name, User.username)
    return [(u.username, u.full_name) for u in rows]


def _managed(username: str) -> User:
    row = User.get_or_none(User.username == (username or "").strip().lower())
    if row is None:
        raise NotFound("No user {username}", field="username", username=username)
    return row


def _audit(counter: Counter, kind: str, row: User, **details: object) -> None:
    from konnect_pos.services import journal

    journal.lock_terminal(counter.terminal.id)
    journal.append(
        counter.terminal.id,
        kind,
        row.uuid,
        counter.clock(),
        {"uuid": row.uuid, "username": row.username, "user": counter.user.username, **details},
    )


def add_user(counter: Counter, username: str, full_name: str, role: str, pin: str) -> SignedInUser:
    """Administrators create users; the creation is journaled like every other action."""
    counter.require(Right.MANAGE_USERS)
    with write_transaction():  # the user and its journal entry commit together
        created = create_user(username, full_name, role, pin, counter.clock)
        _audit(counter, "user_created", User.get_by_id(created.id), role=role)
    return created


def deactivate_user(counter: Counter, username: str) -> None:
    """Users are never deleted: a deactivated user can no longer sign in; their records stay."""
    counter.require(Right.MANAGE_USERS)
    with write_transaction():
        row = _managed(username)
        if row.id == counter.user.id:
            raise ValidationError("You cannot deactivate yourself", field="username")
        row.active = False
        row.save()
        _audit(counter, "user_deactivated", row)


def reset_pin(counter: Counter, username: str, new_pin: str) -> None:
    counter.require(Right.MANAGE_USERS)
    pin_hash = hash_pin(new_pin)
    with write_transaction():
        row = _managed(username)
        check_pin_for_role(new_pin, row.role)
        row.pin_hash, row.failed_pins, row.locked_until = pin_hash, 0, None
        row.save()
        _audit(counter, "user_pin_reset", row)


def unlock_user(counter: Counter, username: str) -> None:
    """A manager lifts the lock left by five wrong PINs."""
    counter.require(Right.UNLOCK_USERS)
    with write_transaction():
        row = _managed(username)
        row.failed_pins, row.locked_until = 0, None
        row.save()
        _audit(counter, "user_unlocked", row)


@dataclass(frozen=True, slots=True)
class UserRow:
    username: str
    full_name: str
    role: str
    active: bool
    locked: bool


def list_users(counter: Counter) -> list[UserRow]:
    """Every user, deactivated ones included, for the managers' users screen."""
    counter.require(Right.UNLOCK_USERS)
    now = counter.clock()
    return [
        UserRow(u.username, u.full_name, u.role, u.active, bool(u.locked_until and u.locked_until > now))
        for u in User.select().order_by(User.username)
    ]
