"""Charts for reports and the home screen: matplotlib (Agg, object API, no pyplot state), drawn with
the shipped CJK font, returned as PNG bytes. The PDF reports embed the same bytes the GUI shows."""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ...paths import cjk_font_path

PALETTE = ("#1f3a5f", "#3f7cac", "#95b8d1", "#e07a5f", "#81b29a", "#f2cc8f")


@lru_cache(maxsize=1)
def _font():
    from matplotlib import font_manager

    path = str(cjk_font_path())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path)


@dataclass(frozen=True)
class Chart:
    png: bytes
    width_in: float
    height_in: float


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=150)
    FigureCanvasAgg(fig)
    return fig


def _finish(fig, width: float, height: float) -> Chart:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png")
    return Chart(buf.getvalue(), width, height)


def _plain_numbers(axis) -> None:
    """Thousands separators instead of matplotlib's 1e6 offset on a value axis."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:,.2f}"))


def _style(ax, title: str, ylabel: str) -> None:
    font = _font()
    ax.set_title(title, fontproperties=font, fontsize=11)
    if ylabel:
        ax.set_ylabel(ylabel, fontproperties=font, fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#dde3ea", linewidth=0.6)
    ax.set_axisbelow(True)
    for label in ax.get_xticklabels() + ax.get_yticklabels():
        label.set_fontproperties(font)
        label.set_fontsize(8)


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, ylabel: str = "",
              width: float = 6.4, height: float = 2.8, horizontal: bool = False) -> Chart:
    """A bar chart (a share or a comparison): one colour, values written on the bars."""
    fig = _figure(width, height)
    ax = fig.add_subplot(111)
    pos = list(range(len(labels)))
    if horizontal:
        bars = ax.barh(pos, values, color=PALETTE[1])
        ax.set_yticks(pos, labels)
        ax.invert_yaxis()
        _plain_numbers(ax.xaxis)
        ax.set_xlim(0, max(list(values) + [1]) * 1.18)  # room for the value labels
    else:
        bars = ax.bar(pos, values, color=PALETTE[1])
        ax.set_xticks(pos, labels)
        _plain_numbers(ax.yaxis)
    _style(ax, title, ylabel)
    ax.bar_label(bars, fmt="{:,.0f}" if all(float(v).is_integer() for v in values) else "{:,.2f}",
                 fontsize=7, padding=2)
    if not values:
        ax.text(0.5, 0.5, "—", transform=ax.transAxes, ha="center", va="center", fontproperties=_font())
    return _finish(fig, width, height)


def line_chart(labels: Sequence[str], series: dict[str, Sequence[float]], *, title: str, ylabel: str = "",
               width: float = 6.4, height: float = 2.8) -> Chart:
    """A trend: one line per series over the labels (months, days)."""
    fig = _figure(width, height)
    ax = fig.add_subplot(111)
    for i, (name, values) in enumerate(series.items()):
        ax.plot(list(range(len(labels))), list(values), marker="o", markersize=3, linewidth=1.6,
                color=PALETTE[i % len(PALETTE)], label=name)
    ax.set_xticks(list(range(len(labels))), labels)
    _plain_numbers(ax.yaxis)
    if all(v >= 0 for vs in series.values() for v in vs):
        ax.set_ylim(bottom=0, top=max([v for vs in series.values() for v in vs] + [1]) * 1.1)
    _style(ax, title, ylabel)
    if len(series) > 1:
        ax.legend(prop=_font(), fontsize=8, frameon=False)
    return _finish(fig, width, height)


def progress_chart(labels: Sequence[str], actual: Sequence[float], target: Sequence[float], *, title: str,
                   actual_label: str, target_label: str, width: float = 6.4, height: float = 2.8) -> Chart:
    """Actual against target (share of target, in %), for volumes against pace."""
    fig = _figure(width, height)
    ax = fig.add_subplot(111)
    pos = list(range(len(labels)))
    ax.barh([p + 0.2 for p in pos], target, height=0.38, color=PALETTE[2], label=target_label)
    ax.barh([p - 0.2 for p in pos], actual, height=0.38, color=PALETTE[0], label=actual_label)
    ax.set_yticks(pos, labels)
    ax.invert_yaxis()
    _style(ax, title, "")
    ax.grid(axis="x", color="#dde3ea", linewidth=0.6)
    ax.grid(axis="y", visible=False)
    ax.legend(prop=_font(), fontsize=8, frameon=False, loc="lower right")
    return _finish(fig, width, height)
