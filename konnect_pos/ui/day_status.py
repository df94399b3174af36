"""The business day's state as one line for the counter's status bar, in the outlet's time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from babel.dates import format_date
from PySide6.QtCore import QCoreApplication

from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.services.business_day import DayState
from konnect_pos.ui.i18n import current_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("DayStatus", text)


def day_status_text(state: DayState, zone: str) -> str:
    """Always says whether this counter can sell and, when it cannot, who can change that and how."""

    def at(moment) -> str:
        return moment.astimezone(ZoneInfo(zone)).strftime("%H:%M") if moment else ""

    if state.status == "open":
        return (
            _tr("Day open since {time} by {name}")
            .replace("{time}", at(state.opened_at))
            .replace("{name}", state.opened_by)
        )
    if state.status == "overdue":
        return _tr("Day of {date} still open: a manager closes it (Ctrl+D) before selling").replace(
            "{date}", format_date(state.business_date, "medium", locale=BABEL_LOCALES[current_language()])
        )
    if state.status == "closed":
        return (
            _tr("Day closed at {time} by {name}: a manager opens tomorrow's day")
            .replace("{time}", at(state.closed_at))
            .replace("{name}", state.closed_by)
        )
    return _tr("Day not opened: a manager opens it (Ctrl+D)")
