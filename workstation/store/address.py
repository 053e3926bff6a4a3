"""Where a store lives: a local file path or an office server's URL.

``--db`` takes either. A server is addressed as
``postgresql://HOST[:PORT]/DBNAME[?sslmode=…&sslrootcert=…]`` and the URL never
holds a user name or a password (office.md, "Addressing"): one that does is
refused before any connection is made. The person signing in and their
passphrase come separately, so no secret can end up in a URL, a log line or a
``repr``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from ..core.errors import UsageError
from ..core.i18n import T

SCHEMES = ("postgresql", "postgres")
# libpq connection options a URL may carry; anything else is refused as a typo or a smuggled secret.
ALLOWED_OPTIONS = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout",
                             "target_session_attrs", "application_name"})

CREDENTIALS_REFUSED = T(
    "数据库地址中不能包含用户名或口令；用户名由 WORKSTATION_USER 或登录窗口给出",
    "A store URL must not contain a user name or a password; the user comes from WORKSTATION_USER or the login dialog",
)


def is_server_url(text: str | Path | None) -> bool:
    if text is None or isinstance(text, Path):
        return False
    head = str(text).split(":", 1)[0].lower()
    return "://" in str(text) and head in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """An office server's database: host, port, database name and TLS options (no credentials)."""

    host: str
    port: int | None
    dbname: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str) -> "ServerAddress":
        parts = urlsplit(str(text))
        if parts.scheme.lower() not in SCHEMES:
            raise UsageError(detail=T("不是 postgresql:// 地址", "not a postgresql:// URL").render("en"))
        # Checked before anything else, so a URL with a password is never used or echoed.
        if "@" in parts.netloc or parts.username is not None or parts.password is not None:
            raise UsageError(CREDENTIALS_REFUSED)
        try:
            port = parts.port
        except ValueError:
            raise UsageError(T("数据库地址的端口无效", "The store URL has an invalid port")) from None
        host = unquote(parts.hostname or "")
        dbname = unquote(parts.path.lstrip("/"))
        if not host or not dbname or "/" in dbname:
            raise UsageError(T("数据库地址应为 postgresql://主机[:端口]/数据库名",
                               "A store URL is postgresql://HOST[:PORT]/DBNAME"))
        options = []
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key in ("user", "password", "passfile", "service"):
                raise UsageError(CREDENTIALS_REFUSED)
            if key not in ALLOWED_OPTIONS:
                raise UsageError(T("数据库地址含有不支持的参数：{key}", "The store URL has an unsupported option: {key}"),
                                 key=key)
            options.append((key, value))
        return cls(host=host, port=port, dbname=dbname, options=tuple(options))

    # -- shown to people (never holds a secret) ----------------------------------
    @property
    def url(self) -> str:
        from urllib.parse import quote, urlencode

        host = f"[{self.host}]" if ":" in self.host else self.host
        netloc = host + (f":{self.port}" if self.port else "")
        query = ("?" + urlencode(self.options)) if self.options else ""
        return f"postgresql://{netloc}/{quote(self.dbname)}{query}"

    def __str__(self) -> str:
        return self.url

    is_server_address = True

    # Path-like conveniences, so that code naming "the store" works for both kinds.
    @property
    def name(self) -> str:
        return self.dbname

    @property
    def stem(self) -> str:
        return self.dbname

    def exists(self) -> bool:
        """A server database is always "there"; whether it is set up is found on connecting."""
        return True

    def connect_kwargs(self, user: str, password: str) -> dict:
        """Keyword arguments for ``psycopg.connect``; the password never goes into a URL or conninfo string."""
        kwargs = {"host": self.host, "dbname": self.dbname, "user": user, "password": password}
        if self.port:
            kwargs["port"] = self.port
        kwargs.update(dict(self.options))
        kwargs.setdefault("connect_timeout", "10")
        kwargs.setdefault("application_name", "workstation")
        return kwargs


def parse_db(text: str | Path | None) -> "Path | ServerAddress | None":
    """``--db``: a server URL or a local path."""
    if text is None:
        return None
    if is_server_url(text):
        return ServerAddress.parse(str(text))
    return Path(text)
