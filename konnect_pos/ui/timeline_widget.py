"""The account's bundles drawn on a time axis: used, active, queued; bounds dashed."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from konnect_pos.domain.bundle_queue import BundleState, Timeline, TimelineEntry, Trigger
from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.ui.i18n import current_language

COLORS = {
    BundleState.USED: QColor("#b0b7c3"),
    BundleState.ACTIVE: QColor("#1f9d55"),
    BundleState.QUEUED: QColor("#3b82f6"),
}


class TimelineWidget(QWidget):
    """``zone``: the outlet's, in which the axis' dates are read (not UTC's)."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo(zone)
        self.timeline: Timeline | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(78)

    def start_label(self, entry: TimelineEntry) -> str:
        """The day an entry starts, at the outlet ("≤" when it is a latest bound)."""
        locale = BABEL_LOCALES[current_language()]
        day = format_date(entry.starts_at.astimezone(self.zone), "d MMM", locale=locale)
        return ("≤ " if not entry.starts_exact else "") + day

    def sizeHint(self) -> QSize:
        return QSize(420, 78)

    def set_timeline(self, timeline: Timeline | None) -> None:
        self.timeline = timeline
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        """The same facts in words (tooltip, accessibility, tests)."""
        if not self.timeline or not self.timeline.entries:
            return self.tr("No bundle yet")
        parts = []
        for entry in self.timeline.entries:
            state = {
                BundleState.USED: self.tr("used"),
                BundleState.ACTIVE: self.tr("active"),
                BundleState.QUEUED: self.tr("queued"),
            }[entry.state]
            parts.append(f"{entry.terms.name}: {state}")
        return "\n".join(parts)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(4, 4, -4, -4)
        painter.fillRect(self.rect(), self.palette().base())
        timeline = self.timeline
        if not timeline or not timeline.entries:
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter, self.tr("No bundle yet: the account is dormant")
            )
            return
        visible = [e for e in timeline.entries if e.state is not BundleState.USED] or list(
            timeline.entries[-1:]
        )
        start: datetime = min(min(e.starts_at for e in visible), timeline.at)
        end: datetime = max(e.ends_at for e in visible) + timedelta(days=1)
        span = (end - start).total_seconds() or 1.0

        def x(moment: datetime) -> float:
            return rect.left() + (moment - start).total_seconds() / span * rect.width()

        bar_top, bar_height = rect.top() + 16, 26
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        for entry in visible:
            left, right = x(entry.starts_at), x(entry.ends_at)
            box = QRectF(left, bar_top, max(right - left - 2, 3), bar_height)
            painter.setBrush(COLORS[entry.state])
            pen = QPen(QColor("#1e293b"))
            if not entry.starts_exact or not entry.ends_exact:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor("white"))
            mark = "⚡ " if entry.trigger is Trigger.DATA_EXHAUSTED else ""
            painter.drawText(
                box.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, mark + entry.terms.name
            )
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(left, bar_top + bar_height + 2, 120, 16),
                Qt.AlignmentFlag.AlignLeft,
                self.start_label(entry),
            )
        now_x = x(timeline.at)
        painter.setPen(QPen(QColor("#dc2626"), 2))
        painter.drawLine(int(now_x), rect.top() + 10, int(now_x), bar_top + bar_height + 4)
        painter.drawText(
            QRectF(min(max(now_x - 40, rect.left()), rect.right() - 80), rect.top() - 2, 80, 14),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("now"),
        )
