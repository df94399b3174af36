"""The customer lookup's statements, per database: unique keys (account, kit serial, phone) and
the substring search through the trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL)."""

from __future__ import annotations

from konnect_pos.store.database import db, is_postgres

COLUMNS = "id, uuid, account_number, name, phone, country, kit_serial, language, search_text"
CANDIDATES = 200  # substring hits fetched before ranking; enough for a screen of results
SCANNED = 2_000  # substring hits read from the index to pick the candidates (own country first)


def exact_rows(code: str, phone: str | None, country: str, limit: int) -> list[tuple]:
    """One indexed statement for account number, kit serial and phone (OR of unique keys);
    ``country``'s customers first."""
    mark = "%s" if is_postgres(db) else "?"
    clauses, params = [], []
    if any(ch.isdigit() for ch in code):
        clauses += [f"account_number = {mark}", f"kit_serial = {mark}"]
        params += [code, code]
    if phone:
        clauses.append(f"phone = {mark}")
        params.append(phone)
    if not clauses:
        return []
    sql = (
        f"SELECT {COLUMNS} FROM customer WHERE {' OR '.join(clauses)} "
        f"ORDER BY country <> {mark}, name LIMIT {int(limit)}"
    )
    return db.execute_sql(sql, [*params, country]).fetchall()


def fragment_statement(terms: tuple[str, ...], country: str) -> tuple[str, list[str]]:
    """The substring statement and its parameters (the lookup benchmark runs it raw too).

    The trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) yields at most SCANNED hits; of
    those the outlet's own country's come first into the CANDIDATES that are ranked. At a
    million customers a common fragment ("mar") has tens of thousands of hits, and the first
    ones in index order may all be of another country: without this a Kinshasa counter saw
    Ivorian customers first. Bounding the scan keeps the cost of a frequent fragment flat.
    """
    if is_postgres(db):
        where = " AND ".join("search_text LIKE %s" for _ in terms)
        params = [f"%{_like_escape(t)}%" for t in terms]
        sql = (
            f"SELECT {COLUMNS} FROM (SELECT {COLUMNS} FROM customer WHERE {where} LIMIT {SCANNED}) hit "
            f"ORDER BY country <> %s LIMIT {CANDIDATES}"
        )
        return sql, [*params, country]
    columns = ", ".join(f"c.{name.strip()}" for name in COLUMNS.split(","))
    sql = (
        f"SELECT {columns} FROM (SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? "
        f"LIMIT {SCANNED}) hit JOIN customer c ON c.id = hit.id "
        f"ORDER BY c.country <> ? LIMIT {CANDIDATES}"
    )
    return sql, [" AND ".join('"' + t.replace('"', '""') + '"' for t in terms), country]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fragment_rows(terms: tuple[str, ...], country: str) -> list[tuple]:
    """The candidates holding every term, ``country``'s first (``fragment_statement``, run)."""
    sql, params = fragment_statement(terms, country)
    return db.execute_sql(sql, params).fetchall()
