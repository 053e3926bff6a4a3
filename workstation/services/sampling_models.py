"""Typed results of the sampling use cases for the GUI (frozen dataclasses, never ORM rows or dicts).

Built from the same queries as the CLI's JSON (sampling_service.describe,
units, list_samples, verify, assign), so both show the same figures.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import sampling_service as svc
from .workspace import Workspace


@dataclass(frozen=True)
class StratumInfo:
    stratum: str
    frame_size: int
    sample_size: int


@dataclass(frozen=True)
class SampleInfo:
    sample_id: int
    code: str
    method: str
    seed: str
    preset: str | None
    frame_size: int
    frame_sha256: str
    sample_size: int
    strata: tuple[StratumInfo, ...]
    created_by: str
    created_at: str  # 'YYYY-MM-DD HH:MM:SS'
    note: str


@dataclass(frozen=True)
class SampleSummary:
    sample_id: int
    code: str
    method: str
    seed: str
    frame_size: int
    sample_size: int
    reviewed: int


@dataclass(frozen=True)
class SampleUnit:
    setl_id: str
    stratum: str
    hits: int
    rank: int
    fixmedins_code: str
    fixmedins_name: str
    amount: int  # fen, the draw's amount field
    setl_time: str
    assigned_to: str | None
    status: str | None


@dataclass(frozen=True)
class VerifyResult:
    frame_matches: bool
    selection_matches: bool
    frame_size: int
    stored_frame_size: int
    profile_matches: bool | None = None  # risk_tier samples (#20): the stored risk profile still holds


@dataclass(frozen=True)
class AssignResult:
    assigned: tuple[tuple[str, int], ...]  # (reviewer, units) in the order given


def sample_info(ws: Workspace, ref) -> SampleInfo:
    d = svc.describe(ws, ref, with_selected=False)
    return SampleInfo(d["sample_id"], d["code"], d["method"], d["seed"], d["preset"], d["frame_size"],
                      d["frame_sha256"], d["sample_size"],
                      tuple(StratumInfo(x["stratum"], x["frame_size"], x["sample_size"]) for x in d["strata"]),
                      d["created_by"], d["created_at"].replace("T", " "), d["note"] or "")


def sample_units(ws: Workspace, ref) -> tuple[SampleUnit, ...]:
    return tuple(SampleUnit(u["setl_id"], u["stratum"], u["hits"], u["rank"], u["fixmedins_code"],
                            u["fixmedins_name"], u["amount"], u["setl_time"], u["assigned_to"], u["status"])
                 for u in svc.units(ws, ref))


def sample_summaries(ws: Workspace) -> tuple[SampleSummary, ...]:
    return tuple(SampleSummary(s["sample_id"], s["code"], s["method"], s["seed"], s["frame_size"], s["sample_size"],
                               s["reviewed"]) for s in svc.list_samples(ws))


def verify_sample(ws: Workspace, ref, progress=None) -> VerifyResult:
    v = svc.verify(ws, ref, progress)
    return VerifyResult(v["frame_matches"], v["selection_matches"], v["frame_size"], v["stored_frame_size"],
                        v.get("profile_matches"))


def assign_sample(ws: Workspace, ref, reviewers: list[str], by: str) -> AssignResult:
    r = svc.assign(ws, ref, reviewers, by=by)
    return AssignResult(tuple(r["assigned"].items()))


@dataclass(frozen=True)
class DrawResult:
    sample: SampleInfo
    thin_strata: tuple[StratumInfo, ...]  # strata left with n_h < 2 and n_h < N_h (sampling.md, draw-time warning)


def draw_sample(ws: Workspace, plan: svc.Plan, progress=None) -> DrawResult:
    out = svc.draw_and_store(ws, plan, progress=progress)
    return DrawResult(sample_info(ws, out["sample_id"]),
                      tuple(StratumInfo(w["stratum"], w["frame_size"], w["sample_size"]) for w in out["warnings"]))
