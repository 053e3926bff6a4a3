"""Store-wide settings (JSON values), every change in the event log."""
from __future__ import annotations

import json
from typing import Any

from ..store.models.base import utcnow
from ..store.models.identity import SettingRow
from .workspace import Workspace


def get(ws: Workspace, key: str, default: Any = None) -> Any:
    with ws.store.read() as s:
        row = s.get(SettingRow, key)
        return json.loads(row.value) if row else default


def put(ws: Workspace, key: str, value: Any, *, session=None) -> None:
    def _do(s) -> None:
        row = s.get(SettingRow, key)
        before = json.loads(row.value) if row else None
        if before == value:
            return
        if row is None:
            row = SettingRow(key=key, value="null")
            s.add(row)
        row.value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row.updated_at = utcnow()
        row.updated_by = ws.user.name
        ws.log(s, "setting.change", "setting", key, before=before, after=value)

    if session is not None:
        _do(session)
    else:
        with ws.store.session() as s:
            _do(s)
