"""The home screen's figures, per role (issue #19): what needs attention today, each with the view behind it.

One call gathers everything (the UI runs it through ctx.run); the result is frozen
dataclasses with texts already rendered in the requested language.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, select

from ...core import contract_terms as terms
from ...core.i18n import T
from ...core.identity import Role
from ...store.models.dossier import DossierRow
from ...store.models.review import SecondReviewRow
from .. import appeals_service, audit_service, profile_service, review_service, roster_service, settings_service
from .. import workdays_service
from ..workspace import Workspace
from . import charts, common, deadlines, fees, volumes


@dataclass(frozen=True)
class Tile:
    id: str
    title: str
    value: str  # the headline figure
    lines: tuple[str, ...]  # up to a few lines of detail
    status: str  # ok | warn | bad | info
    view: str  # the view the tile opens
    chart: bytes | None = None  # PNG (the same chart code as the PDF reports)


@dataclass(frozen=True)
class Home:
    role: Role
    contract: str
    contract_name: str
    as_of: dt.date
    tiles: tuple[Tile, ...]


def _t(lang: str, zh: str, en: str, **kw) -> str:
    return T(zh, en).render(lang, **kw)


SHORT = {"first_review_coverage": T("初审覆盖", "first review"), "inpatient_recheck_share": T("住院复审", "inpatient"),
         "cross_province_record_share": T("跨省住院", "cross-province"), "records_reviewed": T("审核病历", "records"),
         "receipts_checked": T("票据核查", "receipts"), "data_checks": T("数据核查", "data checks")}


def _short(item_id: str, lang: str) -> str:
    return SHORT[item_id].render(lang) if item_id in SHORT else item_id


def _latest_quarter(ws: Workspace, today: dt.date) -> str:
    with ws.store.read() as s:
        q = s.execute(select(func.max(SecondReviewRow.quarter))).scalar()
    return q or f"{today.year}Q{(today.month - 1) // 3 + 1}"


def supervisor_tiles(ws: Workspace, p: dict, today: dt.date, lang: str) -> list[Tile]:
    tiles = []
    with ws.store.read() as s:
        waiting = s.execute(select(func.count()).select_from(DossierRow).where(DossierRow.status == "submitted")).scalar()
    tiles.append(Tile("dossiers", _t(lang, "待审批卷宗", "Dossiers awaiting approval"), str(waiting or 0),
                      (_t(lang, "提交后由非编制人的组长审批", "approved by a supervisor other than the preparer"),),
                      "warn" if waiting else "ok", "dossiers"))
    appeals = [a for a in appeals_service.list_appeals(ws, today=today, open_only=True)]
    appeals.sort(key=lambda a: a.days_left)
    lines = tuple(_t(lang, "{inst}：剩 {n} 个工作日（{d}）", "{inst}: {n} working days left ({d})",
                     inst=(a.institution_name or a.institution_code)[:14], n=a.days_left, d=a.deadline.isoformat())
                  + ("*" if a.assumed else "") for a in appeals[:4])
    tiles.append(Tile("appeals", _t(lang, "待答复申诉", "Open appeals"), str(len(appeals)),
                      lines or (_t(lang, "没有待答复的申诉", "no open appeal"),),
                      "bad" if any(a.days_left < 0 for a in appeals) else "warn" if any(a.days_left <= 3 for a in appeals)
                      else "ok", "queue"))
    quarter = _latest_quarter(ws, today)
    from .. import second_review_service

    agreed, checked, rate = second_review_service.pass_rate(ws, quarter)
    tier = terms.pass_rate_tier(rate, (p.get("pass_rate") or {}).get("tiers") or [])
    ded = terms.frac(tier["deduction_rate"]) if tier else Fraction(0)
    tiles.append(Tile("pass_rate", _t(lang, "{q} 合格率", "Pass rate {q}", q=quarter),
                      "—" if rate is None else f"{float(rate):.1%}",
                      (_t(lang, "抽查 {c} 份，合格 {a} 份", "{c} checked, {a} agreed", c=checked, a=agreed),
                       _t(lang, "应扣服务费 {d:.0%}", "implied deduction {d:.0%}", d=float(ded))),
                      "info" if rate is None else "bad" if ded else "ok", "queue"))
    year = volumes.default_year(ws)
    v = volumes.volumes(ws, year, p["id"])
    counts = [i for i in v.items if i.kind == "count"]
    shares = [i for i in v.items if i.kind == "share"]
    if counts:
        chart = charts.progress_chart([_short(i.id, lang) for i in counts],
                                      [0 if not i.target else 100 * float(i.actual or 0) / float(i.target) for i in counts],
                                      [0 if not i.target else 100 * float(i.pace_target) / float(i.target) for i in counts],
                                      title=_t(lang, "{y} 年工作量（占全年目标 %）", "{y} volumes (% of target)", y=year),
                                      actual_label=_t(lang, "实际", "actual"), target_label=_t(lang, "进度", "pace"),
                                      width=4.2, height=1.9)
        tiles.append(Tile("volumes", _t(lang, "工作量与进度", "Volumes against pace"),
                          f"{sum(1 for i in counts if i.on_track)}/{len(counts)}",
                          tuple(f"{i.label.render(lang)}：{i.actual:,} / {i.pace_target:,}" for i in counts[:3]),
                          "ok" if all(i.on_track for i in counts) else "warn", "reports", chart.png))
    if shares:
        fmt = lambda x: "—" if x is None else f"{float(x):.1%}"  # noqa: E731
        chart = charts.progress_chart([_short(i.id, lang) for i in shares],
                                      [100 * float(i.actual or 0) for i in shares], [100 * float(i.target) for i in shares],
                                      title=_t(lang, "{y} 年覆盖率（%）", "{y} coverage (%)", y=year),
                                      actual_label=_t(lang, "实际", "actual"), target_label=_t(lang, "合同要求", "contract"),
                                      width=4.2, height=1.9)
        tiles.append(Tile("coverage", _t(lang, "覆盖率与合同要求", "Coverage against the contract"),
                          f"{sum(1 for i in shares if i.on_track)}/{len(shares)}",
                          tuple(f"{i.label.render(lang)}：{fmt(i.actual)} / {fmt(i.target)}" for i in shares),
                          "ok" if all(i.on_track for i in shares) else "warn", "sampling", chart.png))
    if profile_service.staffing_terms(p):
        _p, res = roster_service.check(ws, p["id"], today)
        bad = [t for t in res.terms if not t.ok]
        tiles.append(Tile("staffing", _t(lang, "人员配备", "Staffing"), str(len(bad)),
                          tuple(f"{t.label(lang)}：{t.actual}/{t.required}" for t in bad[:3])
                          or (_t(lang, "全部达标", "all terms met"),), "bad" if bad else "ok", "roster"))
    certs = roster_service.expiring_certificates(ws, today)
    tiles.append(Tile("certificates", _t(lang, "证书到期（30 日内）", "Certificates expiring (30 days)"), str(len(certs)),
                      tuple(f"{c.name}·{c.certificate}：{c.expiry.isoformat()}" for c in certs[:3])
                      or (_t(lang, "没有即将到期的证书", "none expiring"),),
                      "bad" if any(c.days_left < 0 for c in certs) else "warn" if certs else "ok", "roster"))
    due = [d for d in deadlines.deadlines(ws, today, p["id"]) if d.kind == "report"]
    tiles.append(Tile("reports_due", _t(lang, "应报报告", "Reports due"), str(len(due)),
                      tuple(_t(lang, "{r}：{d}（{n} 个工作日）", "{r}: {d} ({n} working days)", r=d.ref.split(":", 1)[1],
                               d=d.due.isoformat(), n=d.days_left) for d in due[:3])
                      or (_t(lang, "没有待报报告", "nothing due"),),
                      "bad" if any(d.overdue for d in due) else "warn" if due else "ok", "reports"))
    return tiles


def reviewer_tiles(ws: Workspace, p: dict, today: dt.date, lang: str) -> list[Tile]:
    q = review_service.queue(ws)
    share = 0 if not q.total else q.reviewed / q.total
    chart = charts.bar_chart([_t(lang, "已审", "reviewed"), _t(lang, "未审", "to do")], [q.reviewed, q.total - q.reviewed],
                             title=_t(lang, "我的审核队列", "My review queue"), width=4.2, height=1.9)
    tiles = [Tile("queue", _t(lang, "我的审核进度", "My queue"), f"{q.reviewed}/{q.total}",
                  (_t(lang, "完成 {p:.0%}", "{p:.0%} done", p=share),
                   _t(lang, "存疑 {n} 份", "{n} doubtful", n=sum(1 for i in q.items if i.status == "doubtful"))),
                  "ok" if q.reviewed == q.total else "info", "queue", chart.png)]
    mine = [a for a in appeals_service.list_appeals(ws, today=today, open_only=True)]
    mine.sort(key=lambda a: a.days_left)
    tiles.append(Tile("due", _t(lang, "到期事项", "Due items"), str(len(mine)),
                      tuple(_t(lang, "申诉 {s}：剩 {n} 个工作日", "appeal {s}: {n} working days left", s=a.setl_id,
                               n=a.days_left) for a in mine[:4]) or (_t(lang, "没有到期事项", "nothing due"),),
                      "bad" if any(a.days_left < 0 for a in mine) else "warn" if mine else "ok", "queue"))
    return tiles


def admin_tiles(ws: Workspace, p: dict, today: dt.date, lang: str) -> list[Tile]:
    from .. import backup_service

    last = settings_service.get(ws, backup_service.LAST_KEY)
    tiles = [Tile("backup", _t(lang, "最近备份", "Last backup"), (last or "—")[:10],
                  (_t(lang, "备份时间（UTC）：{t}", "at (UTC) {t}", t=last) if last else
                   _t(lang, "尚未备份", "never backed up"),), "ok" if last else "bad", "settings")]
    chain = audit_service.verify(ws)
    tiles.append(Tile("events", _t(lang, "事件链", "Event chain"), str(chain.events),
                      (_t(lang, "校验通过", "verified") if chain.valid else
                       _t(lang, "第 {n} 条事件校验失败", "event {n} does not fit", n=chain.first_bad_event),),
                      "ok" if chain.valid else "bad", "settings"))
    cov = workdays_service.coverage(ws)
    year_next = today.year + 1
    known = cov.source(year_next).value != "assumed"
    tiles.append(Tile("calendar", _t(lang, "节假日日历", "Holiday calendar"),
                      _t(lang, "至 {y} 年", "to {y}", y=cov.first_assumed_year - 1),
                      (_t(lang, "日历数据 {a}–{b} 年；节假日表：{t}", "package {a}–{b}; table: {t}", a=cov.package_first_year,
                          b=cov.package_last_year, t=", ".join(map(str, cov.table_years)) or "—"),
                       _t(lang, "{y} 年起按周一至周五推定", "from {y}: Monday–Friday assumed", y=cov.first_assumed_year)),
                      "ok" if known else "warn", "reports"))
    return tiles


def home(ws: Workspace, lang: str | None = None, today: dt.date | None = None) -> Home:
    lang = lang or ws.lang
    today = today or dt.date.today()
    p = profile_service.active_profile(ws)
    role = ws.user.role
    if role is Role.ADMIN:
        tiles = admin_tiles(ws, p, today, lang)
    elif role is Role.SUPERVISOR:
        tiles = supervisor_tiles(ws, p, today, lang)
    else:
        tiles = reviewer_tiles(ws, p, today, lang)
    return Home(role, p["id"], p.get("name_en" if lang == "en" else "name_zh", ""), today, tuple(tiles))
