"""The columns of the platform's exports (pure); the parsers of their values live in import_values.

``data-format.md`` is the contract: headers by field code or Chinese name in
any order, the kind of file recognised from its headers, dates as
``2025-03-01`` / ``2025/3/1`` / ``20250301``, times as ``2025-03-01 08:30:00``
or ``2025-03-01T08:30:00``, amounts as yuan with at most 2 decimals parsed
into integer fen (never through a float), quantities as integer
ten-thousandths. Parsers raise ``ValueError`` carrying a bilingual ``T`` reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .i18n import T
from .import_values import (  # noqa: F401  (re-exported: the column table's callers read them from here)
    BAD_AMOUNT, BAD_CODE, BAD_DATE, BAD_DECIMAL, BAD_INTEGER, BAD_PRICE, BAD_TIME, CNT_SCALE, DATE_CACHE, EMPTY,
    PRICE_PLACES, PRICE_SCALE, TIME_CACHE, ValueProblem, code_parser, parse_amount, parse_cnt, parse_date,
    parse_datetime, parse_int, parse_price, parse_text, price_fen, price_text,
)

SETTLEMENTS = "settlements"
FEE_LINES = "fee_lines"
CATALOG = "catalog"
ROSTER = "roster"
KINDS = (SETTLEMENTS, FEE_LINES, CATALOG, ROSTER)

KIND_LABELS = {
    SETTLEMENTS: T("结算信息", "settlements"),
    FEE_LINES: T("费用明细", "fee lines"),
    CATALOG: T("医保目录", "catalog"),
    ROSTER: T("人员名册", "staff roster"),
}


GEND = {"1": "1", "2": "2", "男": "1", "女": "2", "0": "0", "9": "9"}
# a catalog's sex limit: 0 (or empty) means no limit (不限), stored as empty
GEND_LMT = {"1": "1", "2": "2", "男": "1", "女": "2", "0": None, "不限": None}
QUALIFICATIONS = {"医学": "medical", "药学": "pharmacy", "财务": "finance", "信息": "it", "法律": "law",
                  "其他": "other", "medical": "medical", "pharmacy": "pharmacy", "finance": "finance",
                  "it": "it", "law": "law", "other": "other"}


# -- columns -----------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    code: str
    names: tuple[str, ...]  # Chinese header names
    parse: Callable[[Any], Any]
    required: bool = False  # the header must be present and every value non-empty
    # a price: parsed exactly in millionths of a yuan and kept in this table column; the ``code`` column
    # holds it rounded half away from zero to fen, the unit every rule and view computes in
    exact: str | None = None

    @property
    def zh(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class KindSpec:
    kind: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    def column(self, code: str) -> Column:
        for c in self.columns:
            if c.code == code:
                return c
        raise KeyError(code)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.columns)


def _c(code: str, names: str, parse=parse_text, required: bool = False, exact: str | None = None) -> Column:
    return Column(code, tuple(names.split("|")), parse, required, exact)


_amount = parse_amount
_code2 = code_parser(2)

SPECS: dict[str, KindSpec] = {
    SETTLEMENTS: KindSpec(SETTLEMENTS, (
        _c("setl_id", "结算ID", required=True),
        _c("mdtrt_id", "就诊ID"),
        _c("psn_no", "人员编号", required=True),
        _c("psn_name", "人员姓名"),
        _c("gend", "性别", code_parser(0, GEND)),
        _c("brdy", "出生日期", parse_date),
        _c("certno", "证件号码"),
        _c("insutype", "险种类型", code_parser()),
        _c("med_type", "医疗类别", code_parser(), required=True),
        _c("setl_type", "结算方式", code_parser()),
        _c("offsite_flag", "异地标志", code_parser()),
        _c("fixmedins_code", "定点医药机构编号", required=True),
        _c("fixmedins_name", "定点医药机构名称"),
        _c("hosp_lv", "医院等级", code_parser()),
        _c("begndate", "开始日期|入院日期", parse_date, required=True),
        _c("enddate", "结束日期|出院日期", parse_date, required=True),
        _c("setl_time", "结算时间", parse_datetime, required=True),
        _c("dise_codg", "主诊断编码"),
        _c("dise_name", "主诊断名称"),
        _c("medfee_sumamt", "医疗费总额", _amount, required=True),
        _c("inscp_scp_amt", "符合政策范围金额", _amount),
        _c("hifp_pay", "统筹基金支出", _amount),
        _c("hifob_pay", "职工大额医疗费用补助基金支出", _amount),
        _c("cvlserv_pay", "公务员医疗补助资金支出", _amount),
        _c("acct_pay", "个人账户支出", _amount),
        _c("psn_cash_pay", "个人现金支出", _amount),
        _c("refd_setl_flag", "退费结算标志", code_parser()),
        _c("init_setl_id", "原结算ID"),
    ), key=("setl_id",)),
    FEE_LINES: KindSpec(FEE_LINES, (
        _c("feedetl_sn", "费用明细流水号", required=True),
        _c("setl_id", "结算ID", required=True),
        _c("med_list_codg", "医疗目录编码", required=True),
        _c("medins_list_codg", "医药机构目录编码"),
        _c("hilist_name", "医保目录名称"),
        _c("med_chrgitm_type", "医疗收费项目类别", _code2),
        _c("chrgitm_lv", "收费项目等级", _code2),
        _c("fee_ocur_time", "费用发生时间", parse_datetime, required=True),
        _c("cnt", "数量", parse_cnt, required=True),
        _c("pric", "单价", parse_price, required=True, exact="pric_micro"),
        _c("det_item_fee_sumamt", "明细项目费用总额", _amount, required=True),
        _c("pric_uplmt_amt", "定价上限金额", parse_price, exact="pric_uplmt_micro"),
        _c("bilg_dept_name", "开单科室名称"),
        _c("bilg_dr_name", "开单医生姓名"),
        _c("fulamt_ownpay_amt", "全自费金额", _amount),
        _c("overlmt_amt", "超限价金额", _amount),
        _c("preselfpay_amt", "先行自付金额", _amount),
        _c("inscp_scp_amt", "符合范围金额", _amount),
    ), key=("setl_id", "feedetl_sn")),
    CATALOG: KindSpec(CATALOG, (
        _c("med_list_codg", "医疗目录编码", required=True),
        _c("hilist_name", "医保目录名称", required=True),
        _c("med_chrgitm_type", "医疗收费项目类别", _code2),
        _c("chrgitm_lv", "收费项目等级", _code2),
        _c("pric_uplmt_amt", "定价上限金额", parse_price, exact="pric_uplmt_micro"),
        _c("gend_lmt", "限定性别", code_parser(0, GEND_LMT)),
        _c("age_min", "限定最小年龄", parse_int),
        _c("age_max", "限定最大年龄", parse_int),
        _c("max_daily_cnt", "每日最大数量", parse_cnt),
    ), key=("med_list_codg",)),
    ROSTER: KindSpec(ROSTER, (
        _c("staff_no", "工号", required=True),
        _c("name", "姓名", required=True),
        _c("certno", "身份证号|证件号码"),
        _c("qualification", "专业类别", code_parser(0, QUALIFICATIONS)),
        _c("post", "岗位"),
        _c("centre", "服务中心"),
        _c("education", "学历"),
        _c("certificates", "证书"),
        _c("start_date", "入职日期|入职", parse_date),
        _c("end_date", "离岗日期|离岗", parse_date),
    ), key=("staff_no",)),
}

# Amount columns of settlements that hold 0 when the file leaves them empty.
ZERO_WHEN_EMPTY = {"medfee_sumamt", "inscp_scp_amt", "hifp_pay", "hifob_pay", "cvlserv_pay", "acct_pay",
                   "psn_cash_pay", "cnt", "pric", "det_item_fee_sumamt"}


# Optional columns added for national exports (issue #15), at the end of their kind's columns: writers that
# build rows positionally from the earlier columns (the demo) leave them out.
ADDED_OPTIONAL = {SETTLEMENTS: ("refd_setl_flag", "init_setl_id"),
                  FEE_LINES: ("fulamt_ownpay_amt", "overlmt_amt", "preselfpay_amt", "inscp_scp_amt")}

# The fee line's own 符合范围金额 is optional money: empty means unknown, not 0 (sampling.md, "Amount basis").
KEEP_EMPTY = {(FEE_LINES, "inscp_scp_amt")}


def zero_when_empty(kind: str, code: str) -> bool:
    return code in ZERO_WHEN_EMPTY and (kind, code) not in KEEP_EMPTY


def _norm_header(text: Any) -> str:
    return str(text if text is not None else "").strip().lstrip("\ufeff").strip()


def _lookup(spec: KindSpec) -> dict[str, str]:
    names: dict[str, str] = {}
    for col in spec.columns:
        names[col.code.lower()] = col.code
        for n in col.names:
            names[n] = col.code
    return names


LOOKUPS = {kind: _lookup(spec) for kind, spec in SPECS.items()}

NOT_RECOGNISED = T("无法从表头识别文件类型（应为结算信息、费用明细、医保目录或人员名册）",
                   "cannot tell the kind of file from its headers (settlements, fee lines, catalog or staff roster)")
MISSING_COLUMN = T("缺少必需的列（{kind}）", "required column missing ({kind})")
DUPLICATE_COLUMN = T("列重复：与第 {other} 列相同", "duplicate column: same as column {other}")


def detect_kind(headers: list[Any]) -> str | None:
    """The kind of file told by its headers, None when no kind fits."""
    norm = [_norm_header(x) for x in headers]
    present: dict[str, set[str]] = {}
    for kind, lookup in LOOKUPS.items():
        present[kind] = {lookup.get(h) or lookup.get(h.lower()) for h in norm} - {None}
    if "staff_no" in present[ROSTER]:
        return ROSTER
    if "feedetl_sn" in present[FEE_LINES]:
        return FEE_LINES
    if "setl_id" in present[SETTLEMENTS]:
        return SETTLEMENTS
    if "med_list_codg" in present[CATALOG]:
        return CATALOG
    return None


@dataclass(frozen=True)
class HeaderMap:
    kind: str
    positions: dict[str, int]  # field code → column index
    extra: dict[int, str]  # column index → header of a column kept aside
    missing: tuple[str, ...]  # required codes not present
    duplicates: tuple[tuple[int, int], ...]  # (index, index of the first) for repeated columns


def map_headers(kind: str, headers: list[Any]) -> HeaderMap:
    lookup = LOOKUPS[kind]
    positions: dict[str, int] = {}
    extra: dict[int, str] = {}
    dups: list[tuple[int, int]] = []
    for i, raw in enumerate(headers):
        h = _norm_header(raw)
        code = lookup.get(h) or lookup.get(h.lower())
        if code is None:
            if h:
                extra[i] = h
            continue
        if code in positions:
            dups.append((i, positions[code]))
            continue
        positions[code] = i
    missing = tuple(c.code for c in SPECS[kind].columns if c.required and c.code not in positions)
    return HeaderMap(kind, positions, extra, missing, tuple(dups))


def column_label(kind: str, code: str, lang: str) -> str:
    """How a column is named in a report: its code and Chinese name."""
    col = SPECS[kind].column(code)
    return f"{col.code}（{col.zh}）" if lang != "en" else f"{col.code} ({col.zh})"


def mask_certno(certno: str | None) -> str:
    """An ID number as it may be shown: first 6 + **** + last 4."""
    if not certno:
        return ""
    text = str(certno)
    if len(text) <= 10:
        return "*" * len(text)
    return f"{text[:6]}{'*' * (len(text) - 10)}{text[-4:]}"


def is_inpatient(med_type: str | None) -> bool:
    return bool(med_type) and (med_type == "21" or (len(med_type) == 4 and med_type.startswith("21")))


# -- what the codes mean (for views and reports) -------------------------------------
MED_TYPES = {
    "11": T("普通门诊", "Outpatient"), "14": T("门诊慢特病", "Chronic/special outpatient"),
    "21": T("住院", "Inpatient"), "41": T("定点药店购药", "Pharmacy purchase"), "51": T("生育", "Maternity"),
}
SETL_TYPES = {"1": T("直接结算", "Direct settlement"), "2": T("手工报销", "Manual reimbursement")}
OFFSITE_FLAGS = {"0": T("本地", "Local"), "1": T("省内异地", "In-province elsewhere"),
                 "2": T("跨省异地", "Cross-province")}
HOSP_LEVELS = {"1": T("三级", "Tier 3"), "2": T("二级", "Tier 2"), "3": T("一级", "Tier 1"),
               "9": T("其他/药店", "Other / pharmacy")}
GENDERS = {"1": T("男", "Male"), "2": T("女", "Female")}
ITEM_TYPES = {
    "01": T("床位费", "Bed"), "02": T("诊察费", "Consultation"), "03": T("检查费", "Examination"),
    "04": T("化验费", "Laboratory"), "05": T("治疗费", "Treatment"), "06": T("手术费", "Surgery"),
    "07": T("护理费", "Nursing"), "08": T("卫生材料费", "Sanitary materials"), "09": T("西药费", "Western drugs"),
    "10": T("中成药费", "Chinese patent drugs"), "11": T("中药饮片费", "Chinese herbal pieces"),
    "12": T("一般诊疗费", "General medical services"), "13": T("挂号费", "Registration"), "14": T("其他费", "Other"),
}
ITEM_LEVELS = {"01": T("甲类", "Class A"), "02": T("乙类", "Class B"), "03": T("丙类/自费", "Self-paid")}


def code_label(table: dict[str, T], code: str | None, lang: str) -> str:
    """'21 住院'; a 21xx inpatient sub-type shows as inpatient; unknown codes as themselves."""
    if not code:
        return ""
    label = table.get(code)
    if label is None and table is MED_TYPES and is_inpatient(code):
        label = MED_TYPES["21"]
    return f"{code} {label.render(lang)}" if label else code
