"""sample (draw), sample list/show/verify/assign/record/appraise/pass-rate, appraise FILE.

SAMPLE_ID is the sample's integer id (what ``sample`` prints as ``sample_id``
and what ``dossier build --sample`` takes); its code (S-2025-0001) is accepted
too. ``--filter`` is repeatable: ``field=v1,v2``, ``field!=v``,
``amount_field>=1000.00`` (``> >= < <=`` on amount fields, in yuan);
``med_type=inpatient`` means 21 or any 21xx.
"""
from __future__ import annotations

from pathlib import Path

from ..core.errors import EXIT_CHECK_FAILED, UsageError
from ..core.i18n import T
from ..core.money import yuan_to_fen
from .runtime import Result, Runtime



def register(sub, common) -> None:
    p = sub.add_parser("sample", parents=[common], help="抽样 / draw and manage samples")
    p.add_argument("--preset", default=None, help="预设方案 / a preset id")
    p.add_argument("--method", choices=["srs", "stratified", "pps", "census"], default=None)
    size = p.add_mutually_exclusive_group()
    size.add_argument("--rate", default=None, help="比例，如 0.05 / rate, e.g. 0.05")
    size.add_argument("--size", type=int, default=None)
    p.add_argument("--strata", default=None, help="分层字段，逗号分隔 / strata fields, comma separated")
    p.add_argument("--bands", default=None, help="金额分档界限（元） / amount band edges in yuan, e.g. 1000,10000")
    p.add_argument("--amount-field", default=None)
    p.add_argument("--from", dest="date_from", default=None)
    p.add_argument("--to", dest="date_to", default=None)
    p.add_argument("--filter", action="append", default=[], help="field=v1,v2 | field!=v | amount>=1000.00")
    p.add_argument("--seed", default=None)
    p.add_argument("--risk-profile", default=None, help="风险画像编号（risk_tier 用；默认最新） / risk profile id")
    p.add_argument("--note", default="")
    p.set_defaults(handler=cmd_sample)
    ssub = p.add_subparsers(dest="sample_cmd", required=False)
    pl = ssub.add_parser("list", parents=[common])
    pl.set_defaults(handler=cmd_list)
    ps = ssub.add_parser("show", parents=[common])
    ps.add_argument("sample_id")
    ps.set_defaults(handler=cmd_show)
    pv = ssub.add_parser("verify", parents=[common])
    pv.add_argument("sample_id")
    pv.set_defaults(handler=cmd_verify)
    pa = ssub.add_parser("assign", parents=[common])
    pa.add_argument("sample_id")
    pa.add_argument("--reviewers", required=True, help="a,b")
    pa.add_argument("--by", choices=["count", "amount", "institution"], default="count")
    pa.set_defaults(handler=cmd_assign)
    pr = ssub.add_parser("record", parents=[common])
    pr.add_argument("sample_id")
    pr.add_argument("file")
    pr.set_defaults(handler=cmd_record)
    pp = ssub.add_parser("appraise", parents=[common])
    pp.add_argument("sample_id")
    pp.add_argument("--confidence", default="0.90")
    pp.add_argument("--institution", default=None, help="机构编码（域） / institution code (domain)")
    pp.add_argument("--from", dest="date_from", default=None)
    pp.add_argument("--to", dest="date_to", default=None)
    pp.add_argument("--attribute", action="store_true")
    pp.set_defaults(handler=cmd_sample_appraise)
    pz = ssub.add_parser("size", parents=[common], help="样本量 / sample size (attributes or variables)")
    kind = pz.add_mutually_exclusive_group(required=True)
    kind.add_argument("--attribute", action="store_true")
    kind.add_argument("--variables", action="store_true")
    pz.add_argument("--confidence", default=None)
    pz.add_argument("--tolerable", default=None, help="可容忍偏差率 / tolerable rate R")
    pz.add_argument("--expected-errors", default=None, help="预期偏差数 / expected errors E")
    pz.add_argument("--universe", default=None, help="总体单元数 / N")
    pz.add_argument("--precision", default=None, help="总额的 t·SE（元） / wanted t·SE of the total, yuan")
    pz.add_argument("--sd", default=None, help="试点样本的每单元标准差（元） / pilot standard deviation, yuan")
    pz.set_defaults(handler=cmd_size)
    pq = ssub.add_parser("pass-rate", parents=[common])
    pq.add_argument("--quarter", required=True, help="2025Q1")
    pq.add_argument("--fee", default=None, help="本季度服务费（元） / the quarter's service fee in yuan")
    pq.set_defaults(handler=cmd_pass_rate)

    ap = sub.add_parser("appraise", parents=[common], help="推算 / appraise a sample's results from CSV")
    ap.add_argument("file")
    ap.add_argument("--universe", type=int, default=None)
    ap.add_argument("--strata-file", default=None)
    ap.add_argument("--confidence", default="0.90")
    ap.add_argument("--attribute", action="store_true")
    ap.set_defaults(handler=cmd_appraise)


def parse_filter(expr: str) -> list:
    from ..services.sampling_service import parse_condition

    return parse_condition(expr)


def _plan(args):
    from ..services import sampling_service as svc

    if args.seed is None:
        raise UsageError(detail="--seed")
    if args.preset:
        plan = svc.plan_from_preset(args.preset, args.seed, args.date_from, args.date_to)
        if args.method and args.method != plan.method:
            raise UsageError(detail="--method / --preset")
        if args.rate or args.size is not None:
            plan.rate, plan.size = args.rate, args.size
    else:
        if not args.method:
            raise UsageError(detail="--preset | --method")
        plan = svc.Plan(method=args.method, seed=args.seed, date_from=args.date_from, date_to=args.date_to,
                        rate=args.rate, size=args.size)
    plan.conditions = plan.conditions + [parse_filter(f) for f in args.filter]
    if args.strata:
        plan.strata = [f.strip() for f in args.strata.split(",") if f.strip()]
    if args.bands:
        plan.bands = [b.strip() for b in args.bands.split(",") if b.strip()]
    if args.amount_field:
        plan.amount_field = args.amount_field
    if args.risk_profile:  # risk_tier hook (#20)
        from ..services import risk_sampling

        if not risk_sampling.uses_risk(plan):
            raise UsageError(detail="--risk-profile: --strata risk_tier | --filter risk_tier=…")
        plan.risk_profile = {"id": args.risk_profile}
    return plan


def cmd_sample(args, rt: Runtime) -> Result:
    from ..services import sampling_service as svc

    ws = rt.workspace()
    out = svc.draw_and_store(ws, _plan(args), note=args.note)
    data = {k: out[k] for k in ("sample_id", "code", "method", "seed", "frame_size", "frame_sha256", "sample_size",
                                "strata", "selected", "excluded", "preset", "warnings")}
    if out["params"].get("risk_profile"):  # risk_tier hook (#20)
        data["risk_profile"] = out["params"]["risk_profile"]
    for w in out["warnings"]:
        rt.say(T("注意：分层 {h} 只抽到 {n} 个单元（该层 {N} 个），少于 2 个且未全抽，推算时整个样本只能按实际发现主张；"
                 "请抽取更大的样本",
                 "Warning: stratum {h} has {n} of its {N} units in the sample (fewer than 2, not all): the whole "
                 "sample's appraisal will be the amount found until a larger sample is drawn"),
               h=w["stratum"] or "—", n=w["sample_size"], N=w["frame_size"])
    rt.say(T("已抽取样本 {code}：抽样框 {N}，样本 {n}", "Drew sample {code}: frame {N}, sample {n}"),
           code=out["code"], N=out["frame_size"], n=out["sample_size"])
    return Result(data)


def cmd_list(args, rt: Runtime) -> Result:
    from ..services import sampling_service as svc

    return Result({"samples": svc.list_samples(rt.workspace())})


def cmd_show(args, rt: Runtime) -> Result:
    from ..services import sampling_service as svc

    return Result(svc.describe(rt.workspace(), args.sample_id))


def cmd_verify(args, rt: Runtime) -> Result:
    from ..services import sampling_service as svc

    v = svc.verify(rt.workspace(), args.sample_id)
    ok = v["frame_matches"] and v["selection_matches"] and v.get("profile_matches", True)  # #20
    if not ok:
        rt.say(T("核对未通过：抽样框或样本与存储的不一致", "Verification failed: the frame or the selection differs"))
    return Result(v, 0 if ok else EXIT_CHECK_FAILED)


def cmd_assign(args, rt: Runtime) -> Result:
    from ..services import sampling_service as svc

    return Result(svc.assign(rt.workspace(), args.sample_id, args.reviewers.split(","), by=args.by))


def cmd_record(args, rt: Runtime) -> Result:
    from ..services import sampling_record_pdf

    out = sampling_record_pdf.write_record(rt.workspace(), args.sample_id, Path(args.file))
    return Result({"sample_id": args.sample_id, "file": out["file"], "sha256": out["sha256"]})


def cmd_sample_appraise(args, rt: Runtime) -> Result:
    from ..services import appraisal_service

    return Result(appraisal_service.appraise_sample(
        rt.workspace(), args.sample_id, args.confidence, attribute=args.attribute, institution=args.institution,
        date_from=_date(args.date_from), date_to=_date(args.date_to)))


def _date(text: str | None):
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(detail=f"not a date (YYYY-MM-DD): {text}") from None


def cmd_pass_rate(args, rt: Runtime) -> Result:
    from ..services import appraisal_service

    try:
        fee = yuan_to_fen(args.fee) if args.fee is not None else None
    except ValueError:
        raise UsageError(detail=f"--fee {args.fee}") from None
    return Result(appraisal_service.pass_rate(rt.workspace(), args.quarter, fee_fen=fee))


def cmd_appraise(args, rt: Runtime) -> Result:
    """Pure computation on a file: no store is opened."""
    from ..services import appraisal_service

    out = appraisal_service.appraise_csv(Path(args.file), args.universe,
                                         Path(args.strata_file) if args.strata_file else None,
                                         args.confidence, attribute=args.attribute)
    return Result(out)


def _int(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    try:
        return int(str(text).strip())
    except ValueError:
        raise UsageError(detail=f"{name} {text}") from None


def cmd_size(args, rt: Runtime) -> Result:
    """Pure computation: reads nothing from the store (sampling.md, "Sample size")."""
    from ..core import sample_size as ss

    try:
        if args.attribute:
            if None in (args.confidence, args.tolerable, args.expected_errors):
                raise UsageError(detail="--confidence --tolerable --expected-errors")
            n = ss.attribute_size(args.confidence, args.tolerable, _int(args.expected_errors, "--expected-errors"),
                                  _int(args.universe, "--universe"))
            return Result({"method": "attribute", "sample_size": n})
        if None in (args.confidence, args.precision, args.sd, args.universe):
            raise UsageError(detail="--confidence --precision --sd --universe")
        n = ss.variables_size(args.confidence, args.precision, args.sd, _int(args.universe, "--universe"))
        return Result({"method": "variables", "sample_size": n})
    except ss.SampleSizeError as exc:
        raise UsageError(detail=str(exc)) from None
