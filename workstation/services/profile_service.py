"""Contract profiles: built-in ones ship in resources/contracts; each store keeps
editable copies in the ``profiles`` table and one active profile (setting
``active_profile``). The roster issue extends this with the editor and the
staffing terms; other areas read ``rule_params``, ``sampling_presets`` and
``pass_rate`` through the functions below.
"""
from __future__ import annotations

import datetime as _dt
import json
import re as _re
from decimal import Decimal as _Decimal, InvalidOperation as _InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..core import staffing as _staffing
from ..core.errors import BadInput as _BadInput, Conflict as _Conflict, NotFound
from ..core.i18n import T as _T
from ..core.identity import Role
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
    """Copy built-in profiles the store does not have yet (never overwrites edits).

    On the office server only admins may write profiles (the server refuses
    anyone else); ``server init`` copies them, so others only read.
    """
    if ws.store.is_server and ws.user.role is not Role.ADMIN:
        return

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


# -- the profile editor (issue #7) ---------------------------------------------------------

PROFILE_ID_RE = _re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
DEFAULT_STAFF_CHANGE = {"notice_days": 15, "approval_required": True}


def _decimal_ok(value: Any) -> bool:
    try:
        _Decimal(str(value))
    except (_InvalidOperation, ValueError):
        return False
    return True


def validate_profile(data: Any) -> list[str]:
    """Everything wrong with a profile document; empty when it can be saved."""
    if not isinstance(data, dict):
        return ["profile: not an object"]
    problems: list[str] = []
    pid = data.get("id")
    if not isinstance(pid, str) or not PROFILE_ID_RE.match(pid):
        problems.append("id: lower-case letters, digits and '-' (2–63 characters)")
    for key in ("name_zh", "name_en"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{key}: required")
    period = data.get("period") or {}
    try:
        start = _dt.date.fromisoformat(period.get("from", ""))
        end = _dt.date.fromisoformat(period.get("to", ""))
        if end < start:
            problems.append("period: 'to' is before 'from'")
    except (TypeError, ValueError, AttributeError):
        problems.append("period: from/to must be dates YYYY-MM-DD")
    problems += _staffing.validate_terms(data.get("staffing", []))
    if not isinstance(data.get("rule_params", {}), dict):
        problems.append("rule_params: must be an object")
    presets = data.get("sampling_presets", [])
    if not isinstance(presets, list) or not all(isinstance(p, str) and p for p in presets):
        problems.append("sampling_presets: a list of preset names")
    pr = data.get("pass_rate")
    if pr is not None:
        if not isinstance(pr, dict) or not isinstance(pr.get("tiers"), list):
            problems.append("pass_rate: null or {period, tiers: [...]}")
        else:
            for i, tier in enumerate(pr["tiers"]):
                if not isinstance(tier, dict) or not _decimal_ok(tier.get("below")) or not _decimal_ok(
                        tier.get("deduction_rate")):
                    problems.append(f"pass_rate.tiers[{i}]: below and deduction_rate must be decimals")
    fees = data.get("fees", {})
    if not isinstance(fees, dict):
        problems.append("fees: must be an object")
    deadlines = data.get("deadlines", {})
    if not isinstance(deadlines, dict) or not all(isinstance(v, int) and v >= 0 for v in deadlines.values()):
        problems.append("deadlines: working days as whole numbers")
    change = data.get("staff_change", DEFAULT_STAFF_CHANGE)
    if not isinstance(change, dict) or not isinstance(change.get("notice_days", 15), int) or change.get(
            "notice_days", 15) < 0:
        problems.append("staff_change.notice_days: a whole number ≥ 0")
    training = data.get("training")
    if training is not None and (not isinstance(training, dict) or training.get("period") not in ("quarter", "month",
                                                                                                  "year")):
        problems.append("training: null or {period: quarter|month|year, min_per_person}")
    return problems


def staffing_terms(profile: dict[str, Any]) -> list[dict[str, Any]]:
    return list(profile.get("staffing") or [])


def staff_change_terms(profile: dict[str, Any]) -> dict[str, Any]:
    return {**DEFAULT_STAFF_CHANGE, **(profile.get("staff_change") or {})}


def new_profile_template(profile_id: str, name_zh: str, name_en: str) -> dict[str, Any]:
    year = _dt.date.today().year
    return {
        "format": "workstation-contract/1", "id": profile_id, "seed": "", "name_zh": name_zh, "name_en": name_en,
        "party_a": "", "period": {"from": f"{year}-01-01", "to": f"{year}-12-31"},
        "rule_params": {}, "sampling_presets": [], "pass_rate": None, "fees": {},
        "staffing": [], "deadlines": {}, "training": None, "reports": [], "volumes": {},
        "staff_change": dict(DEFAULT_STAFF_CHANGE), "attendance": {"monthly_sheet": False},
    }


def save_profile(ws: Workspace, data: dict[str, Any], *, create: bool = False) -> dict[str, Any]:
    """Store a profile (admin only), validated, with before/after in the event log.

    ``create`` refuses an id that exists; otherwise the id must exist.
    """
    ws.require_admin()
    problems = validate_profile(data)
    if problems:
        raise _BadInput(_T("合同配置有误：{problems}", "The profile is not valid: {problems}"),
                        problems="; ".join(problems))
    ensure_profiles(ws)
    data = json.loads(json.dumps(data, ensure_ascii=False))
    data.setdefault("format", "workstation-contract/1")
    from ..store.models.base import utcnow

    with ws.store.session() as s:
        row = s.get(ProfileRow, data["id"])
        if create and row is not None:
            raise _Conflict(detail=_T("合同配置 {id} 已存在", "profile {id} exists").render(ws.lang, id=data["id"]))
        if not create and row is None:
            raise NotFound(what=data["id"])
        before = json.loads(row.data) if row is not None else None
        if before == data:
            return data
        if row is None:
            row = ProfileRow(id=data["id"], builtin=False, name_zh="", name_en="", data="{}")
            s.add(row)
        row.name_zh, row.name_en = data["name_zh"], data["name_en"]
        row.data = json.dumps(data, ensure_ascii=False)
        row.updated_at = utcnow()
        row.updated_by = ws.user.name
        ws.log(s, "profile.add" if before is None else "profile.change", "profile", data["id"],
               before=before, after=data)
    return data


def create_profile(ws: Workspace, profile_id: str, name_zh: str, name_en: str, *,
                   copy_of: str | None = None) -> dict[str, Any]:
    """A new profile, empty or as a copy of another one."""
    if copy_of:
        data = get_profile(ws, copy_of)
        data.update({"id": profile_id, "name_zh": name_zh, "name_en": name_en, "seed": ""})
    else:
        data = new_profile_template(profile_id, name_zh, name_en)
    return save_profile(ws, data, create=True)


def complete_builtin_profiles(ws: Workspace) -> int:
    """Add keys a newer built-in profile has and the store's copy lacks (never changes a present key)."""
    ws.require_admin()
    n = 0
    with ws.store.session() as s:
        for pid, data in builtin_profiles().items():
            row = s.get(ProfileRow, pid)
            if row is None:
                continue
            have = json.loads(row.data)
            missing = {k: v for k, v in data.items() if k not in have}
            if missing:
                after = {**have, **missing}
                row.data = json.dumps(after, ensure_ascii=False)
                ws.log(s, "profile.change", "profile", pid, before=have, after=after,
                       details={"completed_from_builtin": sorted(missing)})
                n += 1
    return n
