"""Users and roles."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from .i18n import T


class Role(str, enum.Enum):
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> T:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.REVIEWER: T("审核员", "Reviewer"),
    Role.SUPERVISOR: T("审核组长", "Supervisor"),
    Role.ADMIN: T("管理员", "Administrator"),
}


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    display_name: str
    active: bool = True

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def can_supervise(self) -> bool:
        # An administrator keeps the roster and settings; approving dossiers is
        # a supervisor's act, but an admin may also stand in as supervisor.
        return self.role in (Role.SUPERVISOR, Role.ADMIN)
