"""The account's bundles as the commands print them: translated lines, or JSON."""

from __future__ import annotations

from typing import Any

from konnect_pos.cli import counter_text
from konnect_pos.cli.common import lang


def timeline_lines(timeline, zone: str) -> list[str]:
    return counter_text.timeline_lines(timeline, zone, lang())


def timeline_json(timeline) -> dict[str, Any]:
    return {
        "status": timeline.status.value,
        "at": timeline.at.isoformat(),
        "bundles": [
            {
                "purchase": e.purchase_id,
                "code": e.terms.code,
                "name": e.terms.name,
                "state": e.state.value,
                "trigger": e.trigger.value,
                "starts_at": e.starts_at.isoformat(),
                "starts_exact": e.starts_exact,
                "ends_at": e.ends_at.isoformat(),
                "ends_exact": e.ends_exact,
                "period_end": e.period_end.isoformat(),
                "data_left_gb": str(e.data_left_gb) if e.data_left_gb is not None else None,
            }
            for e in timeline.entries
        ],
    }
