"""Mobile-money statements imported per outlet and reconciled with our payments."""

from __future__ import annotations

import json
from functools import cache

from konnect_pos.domain.reconciliation import StatementLayout
from konnect_pos.paths import RESOURCES


@cache
def builtin_layouts() -> dict[str, StatementLayout]:
    data = json.loads((RESOURCES / "statement_layouts.json").read_text(encoding="utf-8"))
    return {name: StatementLayout.from_mapping(name, spec) for name, spec in data["layouts"].items()}
