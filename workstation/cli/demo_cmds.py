"""``workstation demo``: build a store of synthetic but realistic data."""
from __future__ import annotations

from ..core.i18n import T
from .runtime import Result, Runtime


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="创建演示数据库 / create a demo store")
    p.add_argument("--seed", default="2025")
    p.add_argument("--size", choices=["small", "medium", "large"], default="small")
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args, rt: Runtime) -> Result:
    from ..services.demo import DEMO_PASSPHRASE, build_demo

    report = build_demo(rt.db, seed=args.seed, size=args.size,
                        progress=lambda step: rt.say(T("正在生成：{step}", "Building: {step}"), step=step))
    rt.say(T("演示数据库已创建：用户 {users}，口令均为 “{pw}”。", "Demo store created: users {users}, passphrase \"{pw}\" for each."),
           users=", ".join(report.users), pw=DEMO_PASSPHRASE)
    return Result({"db": report.db, "users": report.users, "passphrase": DEMO_PASSPHRASE, "seed": report.seed,
                   "size": report.size, "counts": report.counts})
