"""Contract profiles: built-in ones ship in resources/contracts; each store keeps
editable copies in the ``profiles`` table and one active profile (setting
``active_profile``). The roster issue extends this with the editor and the
staffing terms; other areas read ``rule_params``, ``sampling_presets`` and
``pass_rate`` through the functions below.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..core.errors import NotFound
from ..paths import resource
from ..store.models.identity import ProfileRow
from . import settings_service
from .catalog_service import rule_catalog
from .workspace import Workspace

ACTIVE_KEY = "active_profile"
DEFAULT_PROFILE = "xinxiang-2025"


def builtin_profiles() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(Path(resource("contracts")).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data["id"]] = data
    return out


def ensure_profiles(ws: Workspace, session=None) -> None:
    """Copy built-in profiles the store does not have yet (never overwrites edits)."""
    def _do(s) -> None:
        have = set(s.execute(select(ProfileRow.id)).scalars())
        for pid, data in builtin_profiles().items():
            if pid not in have:
                s.add(ProfileRow(id=pid, name_zh=data["name_zh"], name_en=data["name_en"],
                                 data=json.dumps(data, ensure_ascii=False), builtin=True, updated_by=ws.user.name))
                ws.log(s, "profile.add", "profile", pid, after=data, details={"builtin": True})

    if session is not None:
        _do(session)
    else:
        with ws.store.session() as s:
            _do(s)


def list_profiles(ws: Workspace) -> list[dict[str, Any]]:
    ensure_profiles(ws)
    with ws.store.read() as s:
        return [json.loads(r.data) for r in s.execute(select(ProfileRow).order_by(ProfileRow.id)).scalars()]


def get_profile(ws: Workspace, profile_id: str) -> dict[str, Any]:
    ensure_profiles(ws)
    with ws.store.read() as s:
        row = s.get(ProfileRow, profile_id)
        if row is None:
            raise NotFound(what=profile_id)
        return json.loads(row.data)


def active_profile_id(ws: Workspace) -> str:
    return settings_service.get(ws, ACTIVE_KEY, DEFAULT_PROFILE)


def active_profile(ws: Workspace) -> dict[str, Any]:
    return get_profile(ws, active_profile_id(ws))


def set_active_profile(ws: Workspace, profile_id: str) -> None:
    ws.require_admin()
    get_profile(ws, profile_id)
    settings_service.put(ws, ACTIVE_KEY, profile_id)


def rule_params(ws: Workspace, profile_id: str | None = None) -> dict[str, Any]:
    """Screening parameters: catalog defaults overlaid by the profile's values."""
    params = dict(rule_catalog().defaults())
    profile = get_profile(ws, profile_id) if profile_id else active_profile(ws)
    params.update(profile.get("rule_params") or {})
    return params
