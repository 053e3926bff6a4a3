"""Schema versions: which one a store, a package or a backup has, and refusing newer ones.

A store's schema is the Alembic revision recorded in it. Its *schema version*
is that revision's position in the chain of migrations in ``db/versions``
(``0001_initial.py`` is version 1), so a number can be written into work
packages and backups and compared without knowing revision ids.

Released versions are frozen: ``RELEASED`` names the migration file of each
version that has reached users, and ``tests/store/test_schema_versions.py``
fails when one of them changes. A schema change is always a new migration.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..core.errors import StoreError, UsageError
from ..core.i18n import T

# version -> (revision, migration file, its SHA-256): released migrations never change again
# (tests/store/test_schema_upgrade.py checks the digests). Add a line when a version is released.
RELEASED: dict[int, tuple[str, str, str]] = {
    1: ("0001", "0001_initial.py", "73763f57548f2637cdfdea608e48a03aa2d636b9a5d649781c8eb4278fbf7f38"),
}

NEWER_STORE = T(
    "此数据库由较新版本的程序创建（数据库结构 {found}，本程序最高支持版本 {supported}），"
    "请安装新版程序后再打开；数据库未被改动",
    "This store was made by a newer version of the program (schema {found}; this program supports up to "
    "version {supported}); install the newer program to open it. The store was not changed",
)
NEWER_PACKAGE = T(
    "工作包由较新版本的程序创建（数据库结构版本 {found}，本程序最高支持版本 {supported}），"
    "请安装新版程序后再导入：{f}",
    "The package was made by a newer version of the program (schema version {found}; this program supports up "
    "to version {supported}); install the newer program to import it: {f}",
)
NEWER_BACKUP = T(
    "备份由较新版本的程序创建（数据库结构版本 {found}，本程序最高支持版本 {supported}），"
    "请安装新版程序后再恢复：{f}",
    "The backup was made by a newer version of the program (schema version {found}; this program supports up "
    "to version {supported}); install the newer program to restore it: {f}",
)


class NewerSchema(StoreError):
    """The store was written by a newer program: refused before anything is changed (exit 2)."""

    default = NEWER_STORE


@dataclass(frozen=True)
class SchemaState:
    """Where a store stands against this program's migrations."""

    revision: str | None  # None: an empty database (nothing migrated yet)
    version: int  # 0 for an empty database
    head_version: int

    @property
    def needs_upgrade(self) -> bool:
        return self.version < self.head_version


def _script() -> ScriptDirectory:
    from . import migrate

    return ScriptDirectory.from_config(migrate.alembic_config())


@lru_cache(maxsize=4)
def _chain_for(location: str) -> tuple[str, ...]:
    script = _script()
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def chain() -> tuple[str, ...]:
    """The revisions from the first migration to head, in order."""
    from . import migrate

    return _chain_for(str(migrate.migrations_dir()))


def head_version() -> int:
    """The schema version this program writes."""
    return len(chain())


def version_of(revision: str | None) -> int | None:
    """The schema version of a revision; 0 for none; None when this program does not know it."""
    if revision is None:
        return 0
    revisions = chain()
    return revisions.index(revision) + 1 if revision in revisions else None


def state(engine: Engine) -> SchemaState:
    """The store's schema state; refuses (NewerSchema, exit 2) a revision this program does not know."""
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
    version = version_of(revision)
    if version is None:
        raise NewerSchema(found=revision, supported=head_version())
    return SchemaState(revision=revision, version=version, head_version=head_version())


def refuse_newer(found: object, *, message: T, file: str) -> None:
    """Refuse a package or backup that records a schema version newer than this program's (exit 2).

    Files written before versions were recorded carry none: they are version 1.
    """
    try:
        version = int(found) if found is not None else 1
    except (TypeError, ValueError):
        version = None
    if version is None or version > head_version():
        raise UsageError(message, found=found, supported=head_version(), f=file)
