"""Knowledge points (规则知识库, spec/rule-templates.md): the columns of a knowledge
file, the nine templates, parsing and validating one row into a ``Point``.

Pure: no SQL, no Qt. The import, the point editor and the tests all validate
through ``parse_point``, so the interface and the file say the same thing in
the same words. A problem is a ``PointProblem`` naming the column (field code).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

from .i18n import T
from .import_format import ValueProblem, parse_date

CNT_SCALE = 10_000
RATE_SCALE = 10_000

# -- templates -------------------------------------------------------------------------
ITEM_SCOPE = "ITEM_SCOPE"
ITEM_PAIR = "ITEM_PAIR"
FREQUENCY = "FREQUENCY"
COURSE_DAYS = "COURSE_DAYS"
ANNUAL_AMOUNT_CAP = "ANNUAL_AMOUNT_CAP"
ASSOCIATED_MISSING = "ASSOCIATED_MISSING"
SECONDARY_DISCOUNT = "SECONDARY_DISCOUNT"
OVERLAP_INPATIENT = "OVERLAP_INPATIENT"
BED_ONLY_DAYS = "BED_ONLY_DAYS"

TEMPLATES: dict[str, T] = {
    ITEM_SCOPE: T("限定支付范围", "Item payment scope"),
    ITEM_PAIR: T("主从项目重复收费", "Main/sub item charged twice"),
    FREQUENCY: T("限频次", "Frequency limit"),
    COURSE_DAYS: T("限支付疗程", "Course-of-treatment limit"),
    ANNUAL_AMOUNT_CAP: T("限年度支付金额", "Annual amount cap"),
    ASSOCIATED_MISSING: T("关联项目缺失", "Associated item missing"),
    SECONDARY_DISCOUNT: T("主次项目折价", "Secondary item discount"),
    OVERLAP_INPATIENT: T("住院期间门诊购药", "Outpatient purchase during a stay"),
    BED_ONLY_DAYS: T("挂床住院", "Bed-only stay days"),
}
TEMPLATE_LEVEL = {t: "line" for t in TEMPLATES} | {OVERLAP_INPATIENT: "settlement", BED_ONLY_DAYS: "settlement"}

LIST_COLUMNS = ("item_codes", "other_codes", "med_class_lmt", "hosp_lv_lmt", "insutype_lmt", "dise_lmt")
PARAM_COLUMNS = LIST_COLUMNS + ("window", "limit")  # the columns a template requires or forbids
PARAMS_ORDER = PARAM_COLUMNS + ("exclude_dx",)  # keys of ``params`` in rules list
SCOPE_LIMITS = ("med_class_lmt", "hosp_lv_lmt", "insutype_lmt", "dise_lmt")

# template -> the columns among PARAM_COLUMNS it requires (ITEM_SCOPE: item_codes
# plus at least one of its four limits, all four allowed).
REQUIRED: dict[str, tuple[str, ...]] = {
    ITEM_SCOPE: ("item_codes",),
    ITEM_PAIR: ("item_codes", "other_codes", "window"),
    FREQUENCY: ("item_codes", "window", "limit"),
    COURSE_DAYS: ("item_codes", "limit"),
    ANNUAL_AMOUNT_CAP: ("item_codes", "limit"),
    ASSOCIATED_MISSING: ("item_codes", "other_codes"),
    SECONDARY_DISCOUNT: ("item_codes", "limit"),
    OVERLAP_INPATIENT: (),
    BED_ONLY_DAYS: ("limit",),
}
ALLOWED: dict[str, tuple[str, ...]] = {t: r for t, r in REQUIRED.items()}
ALLOWED[ITEM_SCOPE] = ("item_codes",) + SCOPE_LIMITS

# (code, Chinese header) in the order of the spec's table
COLUMNS: tuple[tuple[str, str], ...] = (
    ("rule_id", "规则编号"), ("template", "规则模板"), ("rule_name", "规则名称"), ("item_codes", "项目编码"),
    ("other_codes", "关联项目编码"), ("med_class_lmt", "限定就医方式"), ("hosp_lv_lmt", "限定医院等级"),
    ("insutype_lmt", "限定险种"), ("dise_lmt", "限定诊断"), ("window", "时间窗口"), ("limit", "限定值"),
    ("exclude_dx", "排除诊断"), ("source", "依据来源"), ("effective_from", "生效日期"),
    ("effective_to", "失效日期"), ("active", "启用"),
)
COLUMN_ZH = dict(COLUMNS)
REQUIRED_HEADERS = ("rule_id", "template", "rule_name")
_HEADER_LOOKUP = {code.lower(): code for code, _ in COLUMNS} | {zh: code for code, zh in COLUMNS}

CLASSES = {"inpatient": "inpatient", "住院": "inpatient", "outpatient": "outpatient", "门诊": "outpatient",
           "pharmacy": "pharmacy", "药店": "pharmacy"}
CLASS_LABELS = {"inpatient": T("住院", "inpatient"), "outpatient": T("门诊", "outpatient"),
                "pharmacy": T("药店", "pharmacy")}
WINDOWS_ALLOWED = {ITEM_PAIR: ("hour", "day", "settlement", "hours"), FREQUENCY: ("hour", "day", "days")}
BED_ONLY_TYPES = ("01", "02", "07", "12")

# Fixed rules of rules.md: a point's rule_id may not equal one in any letter case.
FIXED_RULE_IDS = ("DUPLICATE_CHARGE", "PRICE_OVER_LIMIT", "GENDER_MISMATCH", "AGE_MISMATCH", "DAILY_QTY_EXCEEDED",
                  "BED_DAYS_EXCEED_STAY", "SPLIT_HOSPITALIZATION", "DUPLICATE_SETTLEMENT", "SUPP_BEFORE_BASIC_CAP",
                  "SUPP_ANNUAL_CAP_EXCEEDED", "SUPP_RATE_MISMATCH")

_RULE_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,40}\Z")
_LIST_SPLIT = re.compile(r"[;；,，、]")

# -- messages (the same in the import report and the editor) ------------------------------
M_EMPTY = T("必填值为空", "required value is empty")
M_RULE_ID = T("规则编号“{value}”无效（1–40 个字符：字母、数字、- _ .）",
              "rule_id \"{value}\" is not valid (1–40 characters: letters, digits, - _ .)")
M_FIXED_ID = T("规则编号“{value}”与固定规则相同", "rule_id \"{value}\" is the id of a fixed rule")
M_REPEATED = T("规则编号“{value}”与第 {first} 行重复", "rule_id \"{value}\" repeats row {first}")
M_TEMPLATE = T("未知的规则模板“{value}”", "unknown template \"{value}\"")
M_REQUIRED = T("模板 {template} 必须填写此列", "template {template} requires this column")
M_NOT_USED = T("模板 {template} 不使用此列，应为空", "template {template} does not use this column; it must be empty")
M_CLASS = T("未知的就医方式“{value}”（住院、门诊、药店）", "unknown class \"{value}\" (inpatient, outpatient, pharmacy)")
M_WINDOW = T("时间窗口“{value}”无效或不适用于模板 {template}", "window \"{value}\" is unknown or not allowed for {template}")
M_WINDOW_N = T("时间窗口“{value}”的 N 超出范围（{low}–{high}）", "window \"{value}\": N out of range ({low}–{high})")
M_LIMIT = T("限定值“{value}”无效：{form}", "limit \"{value}\" is not valid: {form}")
M_BOTH = T("编码“{value}”同时出现在项目编码和关联项目编码中", "code \"{value}\" is in both item_codes and other_codes")
M_SCOPE = T("限定支付范围须至少填写一项限定（就医方式、医院等级、险种或诊断）",
            "ITEM_SCOPE needs at least one of med_class_lmt, hosp_lv_lmt, insutype_lmt, dise_lmt")
M_DATES = T("失效日期 {to} 早于生效日期 {start}", "effective_to {to} is before effective_from {start}")
M_ACTIVE = T("启用值“{value}”无效（1/0、是/否、true/false）", "active \"{value}\" is not valid (1/0, 是/否, true/false)")

LIMIT_FORMS = {
    FREQUENCY: T("数量须大于 0，最多四位小数", "a quantity > 0 with at most 4 decimals"),
    COURSE_DAYS: T("天数须为不小于 1 的整数", "days, an integer ≥ 1"),
    ANNUAL_AMOUNT_CAP: T("金额（元）须不小于 0，最多两位小数", "yuan ≥ 0 with at most 2 decimals"),
    SECONDARY_DISCOUNT: T("折价率 r 须满足 0 ≤ r < 1，最多四位小数", "a rate r with 0 ≤ r < 1, at most 4 decimals"),
    BED_ONLY_DAYS: T("天数须为不小于 1 的整数", "days, an integer ≥ 1"),
}


class PointProblem(ValueError):
    """One thing wrong with a row or an edited point: the column (field code) and why."""

    def __init__(self, column: str, reason: T, **params: Any) -> None:
        self.column = column
        self.reason = reason
        self.params = params
        super().__init__(f"{column}: {reason.render('en', **params)}")

    def message(self, lang: str) -> str:
        return self.reason.render(lang, **self.params)


@dataclass(frozen=True)
class Point:
    """A knowledge point as parsed: lists in row order (repeats dropped), canonical forms."""

    rule_id: str
    template: str
    rule_name: str
    item_codes: tuple[str, ...] = ()
    other_codes: tuple[str, ...] = ()
    med_class_lmt: tuple[str, ...] = ()  # English class names
    hosp_lv_lmt: tuple[str, ...] = ()
    insutype_lmt: tuple[str, ...] = ()
    dise_lmt: tuple[str, ...] = ()
    window: str | None = None  # 'hour' | 'day' | 'settlement' | 'hours:N' | 'days:N'
    limit: Decimal | None = None
    exclude_dx: tuple[str, ...] = ()
    source: str = ""
    effective_from: str | None = None
    effective_to: str | None = None
    active: bool = True

    # -- derived values the screen uses ---------------------------------------------------
    @property
    def window_kind(self) -> str | None:
        return self.window.split(":")[0] if self.window else None

    @property
    def window_n(self) -> int | None:
        return int(self.window.split(":")[1]) if self.window and ":" in self.window else None

    @property
    def limit_scaled(self) -> int | None:
        """The limit as an integer in the unit the screen computes in: FREQUENCY ten-thousandths
        of a unit, ANNUAL_AMOUNT_CAP fen, SECONDARY_DISCOUNT ten-thousandths, days as days."""
        if self.limit is None:
            return None
        scale = {FREQUENCY: CNT_SCALE, ANNUAL_AMOUNT_CAP: 100, SECONDARY_DISCOUNT: RATE_SCALE}.get(self.template, 1)
        return int(self.limit * scale)

    def limit_text(self) -> str | None:
        return limit_text(self.template, self.limit)

    def params(self) -> dict[str, Any]:
        """``rules list`` params: one key per non-empty column."""
        out: dict[str, Any] = {}
        for key in PARAMS_ORDER:
            value = getattr(self, key)
            if key == "limit":
                if value is not None:
                    out[key] = self.limit_text()
            elif key == "window":
                if value:
                    out[key] = value
            elif value:
                out[key] = list(value)
        return out

    def comparable(self) -> tuple:
        """Values compared as parsed: lists as sets, numbers by value."""
        return (self.template, self.rule_name, frozenset(self.item_codes), frozenset(self.other_codes),
                frozenset(self.med_class_lmt), frozenset(self.hosp_lv_lmt), frozenset(self.insutype_lmt),
                frozenset(self.dise_lmt), self.window, self.limit, frozenset(self.exclude_dx), self.source,
                self.effective_from, self.effective_to, self.active)

    def column_values(self) -> dict[str, Any]:
        """Every column as shown in an event (lists as lists, limit as text)."""
        out: dict[str, Any] = {"template": self.template, "rule_name": self.rule_name}
        for key in LIST_COLUMNS + ("exclude_dx",):
            out[key] = list(getattr(self, key))
        out.update(window=self.window, limit=self.limit_text(), source=self.source,
                   effective_from=self.effective_from, effective_to=self.effective_to, active=self.active)
        return out

    def changed_columns(self, other: "Point") -> dict[str, tuple[Any, Any]]:
        """column -> (before=self, after=other) for the columns whose parsed values differ."""
        a, b = self.column_values(), other.column_values()
        out = {}
        for key in a:
            if key in LIST_COLUMNS + ("exclude_dx",):
                same = set(a[key]) == set(b[key])
            elif key == "limit":
                same = self.limit == other.limit
            else:
                same = a[key] == b[key]
            if not same:
                out[key] = (a[key], b[key])
        return out

    def judged_in_dates(self, day: str | None) -> bool:
        if day is None:
            return self.effective_from is None and self.effective_to is None
        if self.effective_from and day < self.effective_from:
            return False
        if self.effective_to and day > self.effective_to:
            return False
        return True

    def excluded(self, dise_codg: str | None) -> bool:
        return bool(self.exclude_dx) and any(prefix_matches(dise_codg, p) for p in self.exclude_dx)


def limit_text(template: str, limit: Decimal | None) -> str | None:
    """ANNUAL_AMOUNT_CAP with exactly 2 decimals; others the shortest decimal ('2', '0.5')."""
    if limit is None:
        return None
    if template == ANNUAL_AMOUNT_CAP:
        return f"{limit.quantize(Decimal('0.01'))}"
    text = format(limit.normalize(), "f")
    return text


def prefix_matches(text: str | None, prefix: str) -> bool:
    """A text prefix-matches a prefix: starts with it, ASCII letters without regard to case,
    spaces around both trimmed; an empty text matches nothing."""
    t = (text or "").strip()
    p = (prefix or "").strip()
    if not t or not p:
        return False
    return _ascii_lower(t).startswith(_ascii_lower(p))


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def dx_key(prefix: str) -> str:
    """How a diagnosis prefix is stored for matching in SQL (trimmed, ASCII lower case)."""
    return _ascii_lower(prefix.strip())


def settlement_class(med_type: str | None) -> str:
    if med_type and (med_type == "21" or (len(med_type) == 4 and med_type.startswith("21"))):
        return "inpatient"
    if med_type == "41":
        return "pharmacy"
    return "outpatient"


# -- parsing ------------------------------------------------------------------------------
def header_code(header: Any) -> str | None:
    """The field code of a knowledge-file header (code in any case, or Chinese), or None."""
    h = str(header if header is not None else "").strip().lstrip("\ufeff").strip()
    return _HEADER_LOOKUP.get(h) or _HEADER_LOOKUP.get(h.lower())


def is_knowledge_header(headers: Iterable[Any]) -> bool:
    return any(header_code(h) == "rule_id" for h in headers)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_list(value: Any) -> tuple[str, ...]:
    out: list[str] = []
    for item in _LIST_SPLIT.split(cell_text(value)):
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return tuple(out)


def _norm_token(value: str) -> str:
    return "".join(value.split()).lower()


def parse_template(value: Any) -> str:
    text = cell_text(value)
    if not text:
        raise PointProblem("template", M_EMPTY)
    token = _norm_token(text)
    for tid, name in TEMPLATES.items():
        if token == tid.lower() or token == _norm_token(name.zh):
            return tid
    raise PointProblem("template", M_TEMPLATE, value=text)


def parse_window(value: str, template: str) -> str:
    token = _norm_token(value)
    kinds = WINDOWS_ALLOWED.get(template, ())
    kind, n = None, None
    if token in ("hour", "同一小时"):
        kind = "hour"
    elif token in ("day", "单日", "当日"):
        kind = "day"
    elif token in ("settlement", "单次就诊"):
        kind = "settlement"
    else:
        m = re.fullmatch(r"(hours|days):([0-9]+)", token) or re.fullmatch(r"([0-9]+)(小时|天)", token)
        if m:
            a, b = m.groups()
            if a.isdigit():
                a, b = b, a
            kind = "hours" if a in ("hours", "小时") else "days"
            n = int(b)
    if kind is None or kind not in kinds:
        raise PointProblem("window", M_WINDOW, value=value, template=template)
    if n is not None:
        high = 720 if kind == "hours" else 3660
        if not 1 <= n <= high:
            raise PointProblem("window", M_WINDOW_N, value=value, low=1, high=high)
        return f"{kind}:{n}"
    return kind


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return Decimal(repr(value))  # the shortest text that reads back to the cell's number
    text = cell_text(value)
    if not re.fullmatch(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _places(d: Decimal) -> int:
    exp = d.normalize().as_tuple().exponent
    return max(0, -int(exp))


def parse_limit(value: Any, template: str) -> Decimal:
    d = _decimal(value)
    shown = cell_text(value)
    form = LIMIT_FORMS[template]
    if d is None or not d.is_finite():
        raise PointProblem("limit", M_LIMIT, value=shown, form=form)
    ok = {
        FREQUENCY: d > 0 and _places(d) <= 4,
        COURSE_DAYS: d >= 1 and _places(d) == 0,
        BED_ONLY_DAYS: d >= 1 and _places(d) == 0,
        ANNUAL_AMOUNT_CAP: d >= 0 and _places(d) <= 2,
        SECONDARY_DISCOUNT: 0 <= d < 1 and _places(d) <= 4,
    }[template]
    if not ok:
        raise PointProblem("limit", M_LIMIT, value=shown, form=form)
    if _places(d) == 0:
        d = Decimal(int(d))
    return d.normalize() if _places(d) else d


def parse_active(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = cell_text(value).lower()
    if text in ("1", "是", "true"):
        return True
    if text in ("0", "否", "false"):
        return False
    raise PointProblem("active", M_ACTIVE, value=cell_text(value))


def _date(column: str, value: Any) -> str | None:
    try:
        return parse_date(value if not isinstance(value, str) else value.strip())
    except ValueProblem as exc:
        raise PointProblem(column, exc.reason, **exc.params) from None


def parse_point(values: Mapping[str, Any], *, first_problem_only: bool = False) -> tuple[Point | None, list[PointProblem]]:
    """A row (field code -> cell) → (Point, []) or (None, problems); every problem names its column."""
    problems: list[PointProblem] = []

    def guard(fn, *args):
        try:
            return fn(*args)
        except PointProblem as exc:
            problems.append(exc)
            return None

    rule_id = cell_text(values.get("rule_id"))
    if not rule_id:
        problems.append(PointProblem("rule_id", M_EMPTY))
    elif not _RULE_ID_RE.match(rule_id):
        problems.append(PointProblem("rule_id", M_RULE_ID, value=rule_id[:50]))
    elif rule_id.upper() in FIXED_RULE_IDS:
        problems.append(PointProblem("rule_id", M_FIXED_ID, value=rule_id))
    template = guard(parse_template, values.get("template"))
    rule_name = cell_text(values.get("rule_name"))
    if not rule_name:
        problems.append(PointProblem("rule_name", M_EMPTY))
    fields: dict[str, Any] = {}
    raw = {k: cell_text(values.get(k)) for k in PARAM_COLUMNS}
    if template is not None:
        allowed, required = ALLOWED[template], REQUIRED[template]
        for col in PARAM_COLUMNS:
            if col in required and not raw[col]:
                problems.append(PointProblem(col, M_REQUIRED, template=template))
            elif col not in allowed and raw[col]:
                problems.append(PointProblem(col, M_NOT_USED, template=template))
        for col in LIST_COLUMNS:
            if col in allowed:
                fields[col] = parse_list(raw[col])
        if "med_class_lmt" in allowed:
            classes: list[str] = []
            for item in fields["med_class_lmt"]:
                cls = CLASSES.get(_norm_token(item))
                if cls is None:
                    problems.append(PointProblem("med_class_lmt", M_CLASS, value=item))
                elif cls not in classes:
                    classes.append(cls)
            fields["med_class_lmt"] = tuple(classes)
        if "window" in allowed and raw["window"]:
            fields["window"] = guard(parse_window, raw["window"], template)
        if "limit" in allowed and raw["limit"]:
            fields["limit"] = guard(parse_limit, values.get("limit"), template)
        both = [c for c in fields.get("item_codes", ()) if c in set(fields.get("other_codes", ()))]
        if both and template in (ITEM_PAIR, ASSOCIATED_MISSING):
            problems.append(PointProblem("other_codes", M_BOTH, value=both[0]))
        if template == ITEM_SCOPE and not any(raw[c] for c in SCOPE_LIMITS):
            problems.append(PointProblem("med_class_lmt", M_SCOPE))
    start = guard(_date, "effective_from", values.get("effective_from"))
    end = guard(_date, "effective_to", values.get("effective_to"))
    if start and end and start > end:
        problems.append(PointProblem("effective_to", M_DATES, start=start, to=end))
    active = guard(parse_active, values.get("active"))
    if problems:
        order = [c for c, _ in COLUMNS]
        problems.sort(key=lambda p: order.index(p.column) if p.column in order else 99)
        return None, problems[:1] if first_problem_only else problems
    point = Point(rule_id=rule_id, template=template, rule_name=rule_name,
                  exclude_dx=parse_list(values.get("exclude_dx")), source=cell_text(values.get("source")),
                  effective_from=start, effective_to=end, active=bool(active), **fields)
    return point, []


def point_from_stored(data: Mapping[str, Any]) -> Point:
    """A point from the store's columns (lists as lists, limit as text)."""
    limit = data.get("limit")
    return Point(
        rule_id=data["rule_id"], template=data["template"], rule_name=data["rule_name"],
        item_codes=tuple(data.get("item_codes") or ()), other_codes=tuple(data.get("other_codes") or ()),
        med_class_lmt=tuple(data.get("med_class_lmt") or ()), hosp_lv_lmt=tuple(data.get("hosp_lv_lmt") or ()),
        insutype_lmt=tuple(data.get("insutype_lmt") or ()), dise_lmt=tuple(data.get("dise_lmt") or ()),
        window=data.get("window") or None, limit=Decimal(limit) if limit not in (None, "") else None,
        exclude_dx=tuple(data.get("exclude_dx") or ()), source=data.get("source") or "",
        effective_from=data.get("effective_from") or None, effective_to=data.get("effective_to") or None,
        active=bool(data.get("active", True)))


def point_row_values(point: Point) -> dict[str, str]:
    """The point as the cells of a knowledge-file row (for export and the editor)."""
    out = {"rule_id": point.rule_id, "template": point.template, "rule_name": point.rule_name}
    for key in LIST_COLUMNS + ("exclude_dx",):
        out[key] = ";".join(getattr(point, key))
    out.update(window=point.window or "", limit=point.limit_text() or "", source=point.source,
               effective_from=point.effective_from or "", effective_to=point.effective_to or "",
               active="1" if point.active else "0")
    return out


def with_active(point: Point, active: bool) -> Point:
    return replace(point, active=active)

