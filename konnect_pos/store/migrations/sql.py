"""Dialect placeholders for the raw-SQL migration steps."""

from __future__ import annotations

import peewee

TYPES = {
    "sqlite": {
        "pk": "INTEGER PRIMARY KEY AUTOINCREMENT",
        "ts": "DATETIME",
        "bool": "INTEGER",
        "true": "1",
        "false": "0",
    },
    "postgres": {
        "pk": "BIGSERIAL PRIMARY KEY",
        "ts": "TIMESTAMP",
        "bool": "BOOLEAN",
        "true": "TRUE",
        "false": "FALSE",
    },
}


def run_script(database: peewee.Database, dialect: str, script: str) -> None:
    """Run ``;``-separated statements; trigger bodies (BEGIN … END;) stay whole."""
    text = script.format(**TYPES[dialect])
    statement: list[str] = []
    in_trigger = False
    for line in text.splitlines():
        if not line.strip():
            continue
        statement.append(line)
        upper = line.strip().upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if (in_trigger and upper == "END;") or (not in_trigger and line.rstrip().endswith(";")):
            database.execute_sql("\n".join(statement))
            statement, in_trigger = [], False
    if statement:
        database.execute_sql("\n".join(statement))
