"""A throwaway PostgreSQL 15 cluster for the tests (office.md, "Install and tests").

Started once per test session on a free loopback port, as the ``postgres`` OS
user when the tests run as root (initdb refuses root), with its data directory
and socket in a temporary folder; stopped and deleted at the end even when tests
fail. Tuned for throwaway speed (fsync off): nothing here is a production setting.

Each test gets its own database cloned from a template migrated once, set up
exactly as ``server init`` does it (group roles, grants, login roles).
"""
from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

PG_BIN_CANDIDATES = [os.environ.get("WORKSTATION_PG_BIN", ""), "/usr/lib/postgresql/15/bin",
                     "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]
SERVER_USER = "ws_server"
SERVER_PASSWORD = "server-pass-for-tests"
TEMPLATE = "ws_template"


def pg_bin() -> Path | None:
    for cand in PG_BIN_CANDIDATES:
        if cand and (Path(cand) / "initdb").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path
    as_postgres: bool
    _names = itertools.count(1)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = list(args)
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True)

    # -- lifecycle ---------------------------------------------------------------
    @classmethod
    def start(cls) -> "Cluster":
        binary = pg_bin()
        if binary is None:
            raise RuntimeError("PostgreSQL binaries not found (install postgresql-15)")
        folder = Path(tempfile.mkdtemp(prefix="ws-pg-"))
        as_postgres = os.geteuid() == 0
        if as_postgres:
            pw = pwd.getpwnam("postgres")
            os.chown(folder, pw.pw_uid, pw.pw_gid)
        cluster = cls(folder=folder, port=_free_port(), bin=binary, as_postgres=as_postgres)
        atexit.register(cluster.stop)
        cluster._run(str(binary / "initdb"), "-D", str(cluster.data), "-U", "postgres", "-E", "UTF8", "--no-locale",
                     "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        opts = (f"-p {cluster.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                f"-c shared_buffers=128MB -c log_min_messages=warning -c log_min_error_statement=panic")
        cluster._run(str(binary / "pg_ctl"), "-D", str(cluster.data), "-o", opts, "-l", str(folder / "server.log"),
                     "-w", "-t", "60", "start")
        with cluster.superuser() as conn:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
                sql.Identifier(SERVER_USER), sql.Literal(SERVER_PASSWORD)))
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(TEMPLATE),
                                                                        sql.Identifier(SERVER_USER)))
        cluster._migrate_template()
        return cluster

    def stop(self) -> None:
        if self.data.exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def superuser(self, dbname: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(host=self.socket_dir, port=self.port, user="postgres", dbname=dbname, autocommit=True)

    def url(self, dbname: str) -> str:
        return f"postgresql://127.0.0.1:{self.port}/{dbname}"

    def address(self, dbname: str):
        from workstation.store.address import ServerAddress

        return ServerAddress.parse(self.url(dbname))

    def _migrate_template(self) -> None:
        from workstation.store import migrate, server

        engine = server.make_engine(self.address(TEMPLATE), SERVER_USER, SERVER_PASSWORD, pool_size=1)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()

    # -- per-test databases ------------------------------------------------------
    def new_database(self, prefix: str = "t") -> str:
        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        with self.superuser() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(TEMPLATE), sql.Identifier(SERVER_USER)))
        return name

    def empty_database(self, prefix: str = "e") -> str:
        """A database with no schema at all (what an administrator creates before server init)."""
        name = f"{prefix}{os.getpid()}_{next(self._names)}"
        with self.superuser() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0").format(
                sql.Identifier(name), sql.Identifier(SERVER_USER)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop the database, its group roles and the login roles that belonged only to it."""
        groups = [f"ws_{name}_{k}" for k in ("reviewer", "supervisor", "admin")]
        with self.superuser() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            members = [r[0] for r in conn.execute(
                "SELECT DISTINCT u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ANY(%s)", (groups,))]
            # Disabled users were revoked from the groups: they are login-less roles with no membership left.
            orphans = [r[0] for r in conn.execute(
                "SELECT rolname FROM pg_roles r WHERE NOT rolcanlogin AND rolname NOT LIKE 'pg\\_%%' "
                "AND rolname NOT LIKE 'ws\\_%%' AND NOT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = r.oid)")]
            for role in members + orphans + groups:
                with contextlib.suppress(psycopg.Error):
                    conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
