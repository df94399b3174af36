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
    Right.MANAGE_CATALOG,
}
_ADMIN = _MANAGER | {Right.MANAGE_USERS, Right.OUTLET_SETTINGS}

RIGHTS: dict[Role, frozenset[Right]] = {
    Role.CASHIER: frozenset(_CASHIER),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(_ADMIN),
}


def can(role: str, right: Right) -> bool:
    return right in RIGHTS.get(Role(role), frozenset())


# A refusal says who can do it, as one sentence (fr and sw in resources/locale/*/roles.po).
REFUSALS: dict[Right, str] = {
    Right.SELL: "Only counter staff can sell.",
    Right.LOOK_UP: "Only counter staff can look up customers.",
    Right.REPRINT: "Only counter staff can reprint a receipt.",
    Right.EDIT_CUSTOMERS: "Only counter staff can add or edit customers.",
    Right.OPEN_CLOSE_DAY: "Only a manager can open or close the business day.",
    Right.VOID: "Only a manager can void a sale.",
    Right.REFUND: "Only a manager can refund a sale.",
    Right.CASH_MOVEMENTS: "Only a manager can put cash in or take cash out of the drawer.",
    Right.REPORTS: "Only a manager can see reports.",
    Right.UNLOCK_USERS: "Only a manager can unlock a user.",
    Right.REVIEW_CONFLICTS: "Only a manager can review the conflicts found by headquarters.",
    Right.CORPORATE_BILLING: "Only a manager can manage corporate accounts.",
    Right.MANAGE_USERS: "Only an administrator can manage users.",
    Right.MANAGE_CATALOG: "Only a manager can change the catalog.",
    Right.OUTLET_SETTINGS: "Only an administrator can change the outlet's settings.",
}


def refusal(right: Right) -> PermissionDenied:
    """The error for someone without ``right``: it names who has it ("Only a manager can see reports.")."""
    return PermissionDenied(REFUSALS[right])


def require(role: str, right: Right) -> None:
    if not can(role, right):
        raise refusal(right)
