"""The dialect seam: every piece of SQL that must differ between a local store
(SQLCipher/SQLite) and the office server (PostgreSQL) lives here, and nowhere else.

Services that write hand-tuned SQL (screening's set-based rules, sampling's
frame, bulk loads) ask ``of(session)`` for the current backend's ``Dialect`` and
build their statements from its fragments; everything else is portable SQL.
Raw DB-API cursors from ``cursor(session)`` accept SQLite's ``?`` placeholders on
both backends, so a statement is written once.
"""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from . import personal

# The event log's appends are serialised on the server with this advisory lock key
# ("ws events" in ASCII), so concurrent writers extend one chain.
EVENT_CHAIN_LOCK = 0x7773_6576_656E_7473 & 0x7FFF_FFFF_FFFF_FFFF


@functools.lru_cache(maxsize=2048)
def qmark_to_format(sql: str) -> str:
    """``?`` placeholders → ``%s`` (outside quoted text); literal ``%`` doubled."""
    out = []
    quote = None
    for ch in sql:
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


class _QmarkCursor:
    """A psycopg cursor that takes ``?`` placeholders, like sqlite3's, and seals the
    personal values of the raw INSERT/UPDATE statements it runs (store/personal.py)."""

    def __init__(self, cur, keys=None) -> None:
        self._cur = cur
        self.keys = keys

    def execute(self, sql: str, params: Sequence[Any] = ()):
        if params:
            if self.keys is not None:
                params = personal.seal_statement(self.keys, sql, [params])[0]
            self._cur.execute(qmark_to_format(sql), tuple(params))
        else:  # without parameters psycopg sends the text as it is (no % escaping)
            self._cur.execute(sql)
        return self

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]):
        rows = [tuple(r) for r in seq]
        if self.keys is not None:
            rows = personal.seal_statement(self.keys, sql, rows)
        if rows:
            self._cur.executemany(qmark_to_format(sql), rows)
        return self

    def fetchone(self):
        return self._cur.fetchone()

    def fetchall(self):
        return self._cur.fetchall()

    def fetchmany(self, size: int = 1000):
        return self._cur.fetchmany(size)

    def __iter__(self):
        return iter(self._cur)

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    @property
    def description(self):
        return self._cur.description

    def close(self) -> None:
        self._cur.close()


@dataclass(frozen=True)
class Dialect:
    name: str
    not_indexed: str  # after a table name: force a sequential scan (SQLite planner hint)
    join_in_order: str  # a join whose order the query fixes (SQLite: CROSS JOIN keeps it)
    main: str  # schema of the real tables when a temporary copy shadows one

    # -- expressions -----------------------------------------------------------
    def same(self, a: str, b: str) -> str:
        """Null-safe equality."""
        return f"{a} IS {b}" if self.name == "sqlite" else f"{a} IS NOT DISTINCT FROM {b}"

    def day_number(self, expr: str) -> str:
        """Whole days of an ISO date text (NULL when it is not a date); differences are day counts."""
        if self.name == "sqlite":
            return f"CAST(julianday({expr}) AS INTEGER)"
        return f"ws_day_number({expr})"

    def greatest(self, a: str, b: str) -> str:
        return f"max({a}, {b})" if self.name == "sqlite" else f"greatest({a}, {b})"

    def lines_joined(self, expr: str) -> str:
        """The values of ``expr`` joined by newlines, in the order of the (sorted) subquery rows."""
        if self.name == "sqlite":
            return f"group_concat({expr}, char(10))"
        return f"string_agg({expr}, chr(10) ORDER BY {expr})"

    def json_field(self, column: str, key: str) -> str:
        """A top-level JSON field of a text column, compared as text."""
        if self.name == "sqlite":
            return f"CAST(json_extract({column}, '$.{key}') AS TEXT)"
        return f"(({column})::json ->> '{key}')"

    # -- connections -------------------------------------------------------------
    def cursor(self, session):
        """A raw DB-API cursor on the session's connection that accepts ``?`` placeholders."""
        raw = session.connection().connection.dbapi_connection
        if self.name == "sqlite":
            return raw.cursor()
        return _QmarkCursor(raw.cursor(), getattr(session.get_bind().dialect, "ws_personal_keys", None))

    def set_progress_handler(self, session, handler: Callable[[], int] | None, every: int) -> None:
        """SQLite calls ``handler`` every ``every`` VM steps (non-zero interrupts); the server has no such hook."""
        if self.name == "sqlite":
            session.connection().connection.dbapi_connection.set_progress_handler(handler, every)

    def bulk_insert(self, cur, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows inside the caller's transaction: executemany on SQLite, COPY on the server."""
        if not rows:
            return
        if self.name == "sqlite":
            cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
            return
        raw = cur._cur if isinstance(cur, _QmarkCursor) else cur
        keys = getattr(cur, "keys", None)
        if keys is not None:
            rows = personal.seal_rows(keys, personal.column_positions(table, columns), rows)
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def prefer_key_lookups(self, session) -> None:
        """For a bulk load's per-chunk key look-ups inside one growing transaction: the server's
        planner has no statistics for rows not yet committed and would scan the table each time."""
        if self.name == "postgresql":
            from sqlalchemy import text

            session.execute(text("SET LOCAL enable_seqscan = off"))

    def serialize_appends(self, session) -> None:
        """Make concurrent event appends wait for each other (the chain's head is read next)."""
        if self.name == "postgresql":
            from sqlalchemy import text

            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": EVENT_CHAIN_LOCK})


SQLITE = Dialect(name="sqlite", not_indexed=" NOT INDEXED", join_in_order="CROSS JOIN", main="main")
POSTGRESQL = Dialect(name="postgresql", not_indexed="", join_in_order="JOIN", main="public")


def of(bind) -> Dialect:
    """The dialect of a Session, Connection or Engine."""
    get_bind = getattr(bind, "get_bind", None)
    engine = get_bind() if get_bind is not None else bind
    return POSTGRESQL if engine.dialect.name == "postgresql" else SQLITE


def of_cursor(cur) -> Dialect:
    """The dialect of a cursor made by ``Dialect.cursor``."""
    return POSTGRESQL if isinstance(cur, _QmarkCursor) else SQLITE
