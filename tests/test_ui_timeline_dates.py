"""The timeline's dates are the outlet's days, not UTC's (a bundle sold at 00:18 in Kinshasa was
drawn as starting "29 Nov", the UTC day, while the counter's day was the 30th)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from konnect_pos.domain.bundle_queue import BundleState, BundleTerms, TimelineEntry, Trigger
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.timeline_widget import TimelineWidget


def test_a_start_at_23_30_utc_is_the_next_day_in_kinshasa_and_the_same_day_in_abidjan(qtbot):
    set_language("en")
    start = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)
    entry = TimelineEntry(
        "p1", BundleTerms("CD-LITE15", "Konnect Lite 15 Go", Decimal(15), 30), Trigger.PERIOD_END,
        BundleState.ACTIVE, start, True, start + timedelta(days=30), True, start + timedelta(days=30),
        None, None,
    )  # fmt: skip
    kinshasa, abidjan = TimelineWidget("Africa/Kinshasa"), TimelineWidget("Africa/Abidjan")
    qtbot.addWidget(kinshasa)
    qtbot.addWidget(abidjan)
    assert kinshasa.start_label(entry) == "30 Nov"
    assert abidjan.start_label(entry) == "29 Nov"
