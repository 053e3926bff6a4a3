"""The unlocked store and the person acting on it."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..core.errors import NotPermitted
from ..core.i18n import T
from ..core.identity import Role, User
from ..store import event_log
from ..store.keyslots import KeySlots
from ..store.store import Store


class Workspace:
    """Everything a use case needs: the store, the key slots, the key, the user.

    The key stays in memory only as long as the workspace lives; ``repr`` never
    shows it.
    """

    def __init__(self, store: Store, slots: KeySlots, key: bytes, user: User, lang: str = "zh_CN") -> None:
        self.store = store
        self.slots = slots
        self._key = key
        self.user = user
        self.lang = lang

    def __repr__(self) -> str:
        return f"<Workspace {self.store.path.name} user={self.user.name} role={self.user.role.value}>"

    @property
    def key(self) -> bytes:
        return self._key

    @property
    def store_id(self) -> str:
        return self.store.store_id

    # -- permissions -------------------------------------------------------------
    def require(self, *roles: Role, what: T | None = None) -> None:
        if self.user.role not in roles:
            detail = (what or T("需要角色：{roles}", "requires role: {roles}")).render(
                self.lang, roles="/".join(r.label.render(self.lang) for r in roles)
            )
            raise NotPermitted(detail=detail)

    def require_admin(self) -> None:
        self.require(Role.ADMIN)

    def require_supervisor(self) -> None:
        self.require(Role.SUPERVISOR, Role.ADMIN)

    # -- event log ---------------------------------------------------------------
    def log(
        self,
        session: Session,
        action: str,
        entity: str,
        entity_id: Any,
        *,
        before: Any = None,
        after: Any = None,
        details: dict | None = None,
    ):
        """Append an event as this user, in the caller's transaction."""
        if self.store.is_server and details:  # names and ID numbers in details: sealed before they leave
            from ..store import personal

            details = personal.seal_details(getattr(self.store.engine.dialect, "ws_personal_keys", None), details)
        return event_log.append(
            session,
            user=self.user.name,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
            details=details,
            origin=self.store_id,
        )

    def close(self) -> None:
        self.store.close()
        self._key = b""
