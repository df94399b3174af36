"""HQ's catalog changes: a terminal manager's ``catalog_change`` record, or HQ's own edit, applied to
``hq_bundle``/``hq_plan`` and their dated prices, which every terminal then pulls."""

from __future__ import annotations

from typing import Any

import psycopg

BUNDLE_TERMS = ("name", "validity_days", "data_gb")
PLAN_TERMS = ("name", "period_days")


def apply_change(conn: psycopg.Connection, change: dict[str, Any], sender_country: str | None = None) -> None:
    """One add, change or retire of a bundle or plan (``change`` as ``catalog_change`` journals it).

    A terminal's manager changes only the catalog of the outlet's country (``sender_country``);
    a record naming another is refused (and quarantined by the caller). HQ's own edits pass None.
    """
    item, action, details = change["item"], change["action"], change["details"]
    country, code = change["country"], change["code"]
    if sender_country is not None and country != sender_country:
        raise ValueError(f"a terminal of {sender_country} may not change the catalog of {country}")
    if item == "bundle":
        if action == "add":
            conn.execute(
                """INSERT INTO hq_bundle (country, code, name, price_minor, currency, data_gb, validity_days,
                       speed_label, active, position) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, TRUE, %s)
                   ON CONFLICT (country, code) DO UPDATE SET name = EXCLUDED.name, active = TRUE""",
                (country, code, details["name"], details["price_minor"], details["currency"],
                 details["data_gb"], details["validity_days"], details.get("speed_label", ""),
                 details.get("position", 0)),
            )  # fmt: skip
        _terms(conn, "hq_bundle", "country = %s AND code = %s", (country, code), details, BUNDLE_TERMS)
        if action == "change" and "from" in details:
            conn.execute(
                """INSERT INTO hq_bundle_price (country, code, effective_from, price_minor)
                   VALUES (%s, %s, %s, %s) ON CONFLICT (country, code, effective_from)
                   DO UPDATE SET price_minor = EXCLUDED.price_minor""",
                (country, code, details["from"], details["price_minor"]),
            )
    elif item == "plan":
        if action == "add":
            conn.execute(
                """INSERT INTO hq_plan (country, code, name, currency, fee_minor, period_days)
                   VALUES (%s, %s, %s, %s, %s, %s)
                   ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, active = TRUE
                   WHERE hq_plan.country = EXCLUDED.country""",
                (
                    country,
                    code,
                    details["name"],
                    details["currency"],
                    details["fee_minor"],
                    details["period_days"],
                ),
            )
        _terms(conn, "hq_plan", "country = %s AND code = %s", (country, code), details, PLAN_TERMS)
        if (
            conn.execute("SELECT 1 FROM hq_plan WHERE country = %s AND code = %s", (country, code)).fetchone()
            is None
        ):
            raise ValueError(f"no plan {code} in {country}")
        if action == "change" and "from" in details:
            conn.execute(
                """INSERT INTO hq_plan_price (code, effective_from, fee_minor) VALUES (%s, %s, %s)
                   ON CONFLICT (code, effective_from) DO UPDATE SET fee_minor = EXCLUDED.fee_minor""",
                (code, details["from"], details["price_minor"]),
            )
    else:
        raise ValueError(f"unknown catalog item {item!r}")
    if action == "retire":
        if item == "bundle":
            retired = (country, code)
            conn.execute("UPDATE hq_bundle SET active = FALSE WHERE country = %s AND code = %s", retired)
        else:
            conn.execute(
                "UPDATE hq_plan SET active = FALSE WHERE country = %s AND code = %s", (country, code)
            )


def _terms(
    conn: psycopg.Connection, table: str, where: str, key: tuple[Any, ...], details: dict[str, Any],
    columns: tuple[str, ...],
) -> None:  # fmt: skip
    changed = [column for column in columns if column in details]
    if not changed:
        return
    found = conn.execute(
        f"UPDATE {table} SET {', '.join(f'{c} = %s' for c in changed)} WHERE {where}",
        (*(details[c] for c in changed), *key),
    )
    if found.rowcount == 0:
        raise ValueError(f"no {table} row {key}")


def find_item(conn: psycopg.Connection, item: str, code: str) -> tuple[str, str, bool] | None:
    """(country, currency, active) of a bundle or plan at HQ, None when HQ has no such code."""
    table = "hq_bundle" if item == "bundle" else "hq_plan"
    row = conn.execute(f"SELECT country, currency, active FROM {table} WHERE code = %s", (code,)).fetchone()
    return None if row is None else (row[0], row[1], bool(row[2]))


def code_taken(conn: psycopg.Connection, code: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM hq_bundle WHERE code = %s UNION ALL SELECT 1 FROM hq_plan WHERE code = %s",
            (code, code),
        ).fetchone()
        is not None
    )


def next_position(conn: psycopg.Connection, country: str) -> int:
    found = conn.execute("SELECT max(position) FROM hq_bundle WHERE country = %s", (country,)).fetchone()[0]
    return (found or 0) + 1
