"""``workstation screen [--rule ID ...]`` (spec/cli.md): run the screening rules."""
from __future__ import annotations

from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("screen", parents=[common], help="运行智能审核规则 / run the screening rules")
    p.add_argument("--rule", action="append", default=None, metavar="ID",
                   help="只运行这些规则（可重复）/ run only these rules (repeatable)")
    p.set_defaults(handler=cmd_screen)


def cmd_screen(args, rt: Runtime) -> Result:
    from ..services import screening_service as ss

    ws = rt.workspace()
    rt.say(T("正在运行智能审核规则…", "Running the screening rules…"))
    result = ss.run_screen(ws, args.rule)
    data = ss.screen_json(ws, result)
    lines = []
    for x in result.summary:
        lines.append(f"{x.rule_id:26} {ss.rule_name(x.rule_id, rt.lang):16} {x.count:8d} "
                     f"{data['summary'][x.rule_id]['amount']:>16}")
    total = data["total"]
    lines.append(T("共 {n} 条标记，涉及金额（每条明细只计一次）{amount} 元",
                   "{n} flags; money at risk (each line counted once) {amount}").render(
        rt.lang, n=total["count"], amount=total["amount"]))
    return Result(data, 0, human="\n".join(lines))
