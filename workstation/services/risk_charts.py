"""Charts of a risk profile, drawn with matplotlib (Agg, no pyplot state).

The same functions draw into the 风险画像 view (a FigureCanvas there) and into
the PDF export (a PNG of the same Figure), so what a supervisor sees on screen
is what the hospital receives. Chinese text uses the shipped CJK font.
"""
from __future__ import annotations

import io
from fractions import Fraction

import matplotlib

matplotlib.use("Agg", force=False)
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from ..core import risk  # noqa: E402
from ..paths import cjk_font_path  # noqa: E402

RED = "#c62828"
AMBER = "#f0a020"
GREY = "#6b7785"
BLUE = "#1f5fa8"
_font_name: str | None = None


def font_name() -> str:
    """Register the shipped CJK font with matplotlib once; its family name."""
    global _font_name
    if _font_name is None:
        path = str(cjk_font_path())
        font_manager.fontManager.addfont(path)
        _font_name = font_manager.FontProperties(fname=path).get_name()
        matplotlib.rcParams["font.family"] = [_font_name, "DejaVu Sans"]
        matplotlib.rcParams["axes.unicode_minus"] = False
    return _font_name


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _f(x: Fraction | None) -> float | None:
    return None if x is None else float(x)


def new_figure(width: float, height: float, dpi: int = 100) -> Figure:
    font_name()
    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")


def draw_strip(ax, profile, measure: risk.Measure, peer_group: str, *, mark: str | None = None,
               lang: str = "zh_CN", compact: bool = False) -> None:
    """Each peer's value a dot on one axis; the Q1–Q3 box, the median, the fences dashed;
    flagged institutions (or ``mark``) in red with their code."""
    font_name()
    peers = [e for e in profile.peers(peer_group) if e.values.get(measure.id) is not None]
    g = profile.group(peer_group, measure.id)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    unit = measure.unit if lang == "en" or measure.unit != "yuan" else "元"
    ax.set_title(f"{measure.name(lang)}  [{peer_group}]", fontsize=8 if compact else 9, loc="left")
    ax.set_xlabel(unit, fontsize=7)
    ax.tick_params(labelsize=7)
    if not peers:
        ax.text(0.5, 0.5, _t(lang, "无数值", "no values"), ha="center", va="center", transform=ax.transAxes,
                fontsize=8, color=GREY)
        return
    if g is not None:
        q1, med, q3 = float(g.q1), float(g.median), float(g.q3)
        ax.add_patch(Rectangle((q1, -0.35), max(q3 - q1, 1e-12), 0.7, facecolor="#dfe7f1", edgecolor=BLUE, lw=0.8,
                               zorder=1))
        ax.plot([med, med], [-0.35, 0.35], color=BLUE, lw=1.4, zorder=2)
        if g.iqr > 0:
            for fence in (g.fence_low, g.fence_high) if measure.direction == risk.BOTH else (g.fence_high,):
                ax.axvline(float(fence), color=RED, lw=0.8, ls="--", zorder=1)
    xs = [float(e.values[measure.id]) for e in peers]
    lo, hi = min(xs), max(xs)
    if g is not None and g.iqr > 0:
        lo = min(lo, float(g.fence_low) if measure.direction == risk.BOTH else lo)
        hi = max(hi, float(g.fence_high))
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_ylim(-1, 1)
    for i, e in enumerate(sorted(peers, key=lambda e: e.key)):
        x = float(e.values[measure.id])
        y = ((i * 37) % 11 - 5) / 10 * 0.6  # a deterministic jitter
        flagged = measure.id in e.flags or measure.id in e.robust_flags
        special = flagged if mark is None else e.key[0] == mark
        colour = RED if special else (AMBER if flagged else GREY)
        ax.scatter([x], [y], s=26 if special else 14, color=colour, zorder=3, edgecolors="white", linewidths=0.4)
        if special:
            ax.annotate(e.key[0] if len(e.key) == 1 else e.key[-1], (x, y), textcoords="offset points",
                        xytext=(3, 5), fontsize=6.5, color=RED)


def draw_trend(ax, profile, code: str, measure: risk.Measure, *, lang: str = "zh_CN", compact: bool = False) -> None:
    """The monthly values of one measure of one institution, with the peer group's median dotted."""
    font_name()
    rows = profile.trend(code)
    months = [r.month for r in rows]
    ys = [_f(r.values.get(measure.id)) for r in rows]
    xs = list(range(len(months)))
    ax.plot(xs, [y if y is not None else float("nan") for y in ys], marker="o", ms=2.5, lw=1.2, color=BLUE)
    e = profile.entity((code,))
    if e is not None:
        g = profile.group(e.peer_group, measure.id)
        if g is not None:
            ax.axhline(float(g.median), color=GREY, lw=0.8, ls=":")
    ax.set_title(measure.name(lang), fontsize=7.5 if compact else 9, loc="left")
    step = max(1, len(months) // 6)
    ax.set_xticks(xs[::step], [m[2:] for m in months[::step]], fontsize=6)
    ax.tick_params(labelsize=6)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)


def draw_benford(ax, result: risk.Benford, code: str, *, lang: str = "zh_CN") -> None:
    """Observed first-digit proportions (bars) against Benford's expected ones (dots)."""
    font_name()
    digits = list(range(1, 10))
    obs = result.observed()
    ax.bar(digits, obs, color=BLUE if result.conformity in ("close", "acceptable") else RED, alpha=0.75,
           label=_t(lang, "实际", "observed"))
    ax.plot(digits, risk.benford_expected(), color="black", marker="o", ms=3, lw=1, label=_t(lang, "期望", "expected"))
    ax.set_xticks(digits)
    mad = "—" if result.mad is None else f"{result.mad}"
    ax.set_title(f"{code}  n={result.n}  MAD={mad}  {conformity_text(result.conformity, lang)}", fontsize=8,
                 loc="left")
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=6.5, frameon=False)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)


CONFORMITY = {"close": ("高度符合", "close"), "acceptable": ("可接受", "acceptable"),
              "marginal": ("边缘符合", "marginal"), "nonconformity": ("不符合", "nonconformity"),
              "too_few": ("样本不足", "too few")}


def conformity_text(c: str, lang: str) -> str:
    zh, en = CONFORMITY.get(c, (c, c))
    return en if lang == "en" else zh


def png(fig: Figure, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
