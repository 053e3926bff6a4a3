"""Group roles and grants of one project database on the office server (run by ``server init``).

Grants name this database's group roles, so they are made here rather than in
a migration (the migration's triggers and policies name no role). Tables that
later migrations add get the same grants through default privileges.
"""
from __future__ import annotations

from psycopg import sql

from .server import KINDS, group_role

# Tables the program only appends to: no application role may UPDATE, DELETE or TRUNCATE them.
APPEND_ONLY = ("events", "samples", "sample_strata", "sample_units")
# Only admins change users, contract profiles and rule parameters (settings).
ADMIN_ONLY = ("users", "profiles", "settings")
READ_ONLY = ("alembic_version", "server_meta")


def setup_statements(dbname: str, owner: str) -> list[sql.Composable]:
    groups = {k: sql.Identifier(group_role(dbname, k)) for k in KINDS}
    everyone = sql.SQL(", ").join(groups.values())
    non_admin = sql.SQL(", ").join([groups["reviewer"], groups["supervisor"]])
    db = sql.Identifier(dbname)
    out: list[sql.Composable] = []
    for k in KINDS:
        out.append(sql.SQL(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {lit}) THEN "
            "CREATE ROLE {g} NOLOGIN; END IF; END $$"
        ).format(lit=sql.Literal(group_role(dbname, k)), g=groups[k]))
    out += [
        sql.SQL("REVOKE ALL ON DATABASE {db} FROM PUBLIC").format(db=db),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {g}").format(db=db, g=everyone),
        sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {g}").format(g=everyone),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {g}").format(g=everyone),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {g}").format(g=everyone),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {g}").format(o=sql.Identifier(owner), g=everyone),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public "
                "GRANT USAGE, SELECT ON SEQUENCES TO {g}").format(o=sql.Identifier(owner), g=everyone),
        sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {t} FROM {g}").format(
            t=sql.SQL(", ").join(map(sql.Identifier, APPEND_ONLY)), g=everyone),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {t} FROM {g}").format(
            t=sql.SQL(", ").join(map(sql.Identifier, ADMIN_ONLY)), g=non_admin),
        sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {t} FROM {g}").format(
            t=sql.SQL(", ").join(map(sql.Identifier, READ_ONLY)), g=everyone),
        sql.SQL("REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM {g}").format(g=everyone),
        sql.SQL("GRANT EXECUTE ON FUNCTION ws_user_add(text, text, text), ws_user_disable(text) TO {g}").format(
            g=groups["admin"]),
    ]
    return out


def setup(conn, dbname: str, owner: str) -> None:
    """Create the three group roles of ``dbname`` and grant them (idempotent). ``conn``: a psycopg connection."""
    with conn.cursor() as cur:
        for stmt in setup_statements(dbname, owner):
            cur.execute(stmt)
