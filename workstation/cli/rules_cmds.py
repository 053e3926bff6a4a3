"""``workstation rules list|stats|threshold`` (spec/rule-templates.md)."""
from __future__ import annotations

from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("rules", parents=[common], help="规则与知识点 / rules and knowledge points")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    q = rsub.add_parser("list", parents=[common], help="全部规则 / every rule")
    q.set_defaults(handler=cmd_list)
    q = rsub.add_parser("stats", parents=[common], help="每条规则的审核结果与精确率 / outcomes and precision per rule")
    q.set_defaults(handler=cmd_stats)
    q = rsub.add_parser("threshold", parents=[common], help="低精确率阈值 / the low-precision threshold")
    q.add_argument("value", nargs="?", default=None)
    q.set_defaults(handler=cmd_threshold)


def cmd_list(args, rt: Runtime) -> Result:
    from ..services import knowledge_service

    data = knowledge_service.rules_list_json(rt.workspace())
    lines = [f"{r['rule']:28} {r['kind']:9} {r['template'] or '':20} {'on ' if r['active'] else 'off'} {r['name']}"
             for r in data["rules"]]
    return Result(data, 0, human="\n".join(lines))


def cmd_stats(args, rt: Runtime) -> Result:
    from ..services import rule_precision

    data = rule_precision.stats_json(rt.workspace())
    head = T("规则                          标记   确认   否定   待定   精确率", "rule                         flags confirmed rejected open precision")
    lines = [head.render(rt.lang)]
    for r in data["rules"]:
        p = "—" if r["precision"] is None else f"{r['precision']:.4f}"
        lines.append(f"{r['rule']:28} {r['flags']:6d} {r['confirmed']:6d} {r['rejected']:6d} {r['open']:6d} {p:>8}")
    return Result(data, 0, human="\n".join(lines))


def cmd_threshold(args, rt: Runtime) -> Result:
    from ..services import rule_precision

    ws = rt.workspace()
    value = rule_precision.set_threshold(ws, args.value) if args.value is not None else rule_precision.threshold(ws)
    return Result({"threshold": str(value)}, 0, human=str(value))
