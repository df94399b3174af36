"""Who may do what. Checked in services, never only hidden in the GUI."""

from __future__ import annotations

from enum import StrEnum

from konnect_pos.domain.errors import PermissionDenied


class Role(StrEnum):
    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"


class Right(StrEnum):
    SELL = "sell"
    LOOK_UP = "look_up"
    REPRINT = "reprint"
    EDIT_CUSTOMERS = "edit_customers"
    OPEN_CLOSE_DAY = "open_close_day"
    VOID = "void"
    REFUND = "refund"
    CASH_MOVEMENTS = "cash_movements"
    REPORTS = "reports"
    UNLOCK_USERS = "unlock_users"
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOG = "manage_catalog"
    OUTLET_SETTINGS = "outlet_settings"
    REVIEW_CONFLICTS = "review_conflicts"
    CORPORATE_BILLING = "manage_corporate_billing"


_CASHIER = {Right.SELL, Right.LOOK_UP, Right.REPRINT, Right.EDIT_CUSTOMERS}
_MANAGER = _CASHIER | {
    Right.OPEN_CLOSE_DAY,
    Right.VOID,
    Right.REFUND,
    Right.CASH_MOVEMENTS,
    Right.REPORTS,
    Right.UNLOCK_USERS,
    Right.REVIEW_CONFLICTS,
    Right.CORPORATE_BILLING,
}
_ADMIN = _MANAGER | {Right.MANAGE_USERS, Right.MANAGE_CATALOG, Right.OUTLET_SETTINGS}

RIGHTS: dict[Role, frozenset[Right]] = {
    Role.CASHIER: frozenset(_CASHIER),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(_ADMIN),
}


def can(role: str, right: Right) -> bool:
    return right in RIGHTS.get(Role(role), frozenset())


def require(role: str, right: Right) -> None:
    if not can(role, right):
        raise PermissionDenied(
            "A {role} is not allowed to {right}", role=str(role), right=right.value.replace("_", " ")
        )
