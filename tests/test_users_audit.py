"""User management (never deleted) and the audit trail, on SQLite and PostgreSQL."""

import pytest

from konnect_pos.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import business_day, checkout, corrections, users
from konnect_pos.services.audit import audit_trail
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import User


@pytest.fixture
def admin(demo_db, clock):
    return sign_in("KIN01-T1", "admin", "999999", clock)


def test_admin_adds_deactivates_and_resets_users(admin, clock):
    users.add_user(admin, "amina", "Amina Juma", "cashier", "4321")
    assert sign_in("KIN01-T1", "amina", "4321", clock).user.role == "cashier"
    users.reset_pin(admin, "amina", "8765")
    with pytest.raises(AuthenticationFailed):
        sign_in("KIN01-T1", "amina", "4321", clock)
    users.deactivate_user(admin, "amina")
    with pytest.raises(AuthenticationFailed):
        sign_in("KIN01-T1", "amina", "8765", clock)
    assert User.get(User.username == "amina").active is False  # kept, never deleted
    with pytest.raises(ValidationError):
        users.deactivate_user(admin, "admin")
    with pytest.raises(ValidationError):
        users.reset_pin(admin, "cashier", "12")


def test_manager_unlocks_but_cannot_manage_users(demo_db, clock):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            sign_in("KIN01-T1", "cashier", "0000", clock)
    with pytest.raises(AuthenticationFailed, match="locked"):
        sign_in("KIN01-T1", "cashier", "1111", clock)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    users.unlock_user(manager, "cashier")
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    with pytest.raises(PermissionDenied):
        users.add_user(manager, "x1", "X", "cashier", "1234")
    with pytest.raises(PermissionDenied):
        users.unlock_user(cashier, "manager")


def test_audit_trail_lists_who_did_what_filtered(demo_db, clock):
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    sale = checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(Money.of(6, "USD"))])
    clock.advance(minutes=5)
    approver = users.authenticate("manager", "222222", clock)
    corrections.void_sale(cashier, sale.receipt_number, "typo", remove_active=True, approver=approver)
    business_day.cash_movement(manager, "out", "5", "USD", "petty cash")
    rows = audit_trail(manager, kind="void")
    assert [(r.kind, r.user, r.approved_by, r.subject) for r in rows] == [
        ("void", "cashier", "manager", "KIN01-T1-000001")
    ]
    assert {r.kind for r in audit_trail(manager, user="cashier")} == {"sale", "void"}
    assert audit_trail(manager)[0].kind == "cash_movement"  # newest first
    assert audit_trail(manager, since=clock())[0].kind == "cash_movement"
    with pytest.raises(PermissionDenied):
        audit_trail(cashier)
    with pytest.raises(ValidationError):
        audit_trail(manager, limit=0)
