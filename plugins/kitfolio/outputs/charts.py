"""Charts drawn on the server: no JavaScript, readable labels, accessible, themed by CSS.

Each chart is an image (``role="img"``) named by its title and described by a sentence that says
the figures in words, followed by a visually hidden table with the same numbers for screen
readers. Lines are inline SVG; bar charts are HTML rows (their labels wrap to the column, and
they follow the page's direction). Colours are CSS custom properties (``--kf-chart-*``, set in
kitfolio.css from the kit's accent and the theme), so light, dark and print styles recolour a
chart without redrawing it. Every label is creator text and is escaped here; the result is
Markup for the templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from kitfolio.present.wording import Wording, wording

ENGLISH = wording("en")

FILL = "fill:var(--kf-chart-fill)"
MUTED = "fill:var(--kf-chart-muted)"
LINE = "fill:none;stroke:var(--kf-chart-fill);stroke-width:2.5;stroke-linejoin:round"
GRID = "stroke:var(--kf-chart-track);stroke-width:1"


@dataclass(frozen=True)
class Bar:
    """One labelled value; ``text`` is how the page writes it (48.2K, 31%)."""

    label: str
    value: float
    text: str


@dataclass(frozen=True)
class Mark:
    """One point of a line: ``x`` and ``y`` to plot, and how the page writes each."""

    x: float
    y: float
    x_text: str
    y_text: str


def _e(text: object) -> str:
    return str(escape(str(text)))


def _frame(ident: str, title: str, desc: str, height: float, body: list[str]) -> str:
    """The outer SVG: as wide as its column, ``height`` pixels tall, text at the page's size.

    There is no viewBox, so lengths are CSS pixels and percentages of the chart's width: bars
    stretch with the column while labels keep a readable size on a phone and a wide screen.
    """
    return (
        f'<svg class="kf-chart__svg" role="img" width="100%" height="{height:.0f}" '
        f'aria-labelledby="{_e(ident)}-title {_e(ident)}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{_e(ident)}-title">{_e(title)}</title>'
        f'<desc id="{_e(ident)}-desc">{_e(desc)}</desc>' + "".join(body) + "</svg>"
    )


def _table(caption: str, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join(f'<tr><th scope="row">{_e(a)}</th><td>{_e(b)}</td></tr>' for a, b in rows)
    return (  # hidden in a block, as a table grows to its content; a class keeps Material from
        # wrapping it in a scrolling box
        f'<div class="kf-sr"><table class="kf-chart__table"><caption>{_e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def summary(bars: Sequence[Bar]) -> str:
    """The figures of a bar chart as one sentence: ``18–24: 31%, 25–34: 44%``."""
    return ", ".join(f"{b.label}: {b.text}" for b in bars) + "."


def bar_chart(
    ident: str,
    title: str,
    bars: Sequence[Bar],
    headers: tuple[str, str],
    scale: float | None = None,
) -> Markup | None:
    """Horizontal bars, label and value above each bar; ``scale`` is the full-width value.

    Drawn as HTML rows, not SVG text: the column's width is only known to the browser, and only
    HTML text wraps to it, so a long label takes a second line (then an ellipsis, the full label
    in the row's tooltip, the description and the table) instead of running into its value. The
    rows follow the page's direction, so in a right-to-left language the bars grow from the right.
    """
    if not bars:
        return None
    top = scale or max((b.value for b in bars), default=0) or 1
    rows: list[str] = []
    for bar in bars:
        share = max(0.005, min(1.0, bar.value / top))
        rows.append(
            f'<div class="kf-chart__row" title="{_e(bar.label)}: {_e(bar.text)}">'
            f'<span class="kf-chart__label">{_e(bar.label)}</span>'
            f'<span class="kf-chart__value">{_e(bar.text)}</span>'
            f'<span class="kf-chart__track"><span class="kf-chart__fill" '
            f'style="width:{share * 100:.1f}%"></span></span></div>'
        )
    drawn = (
        f'<div class="kf-chart__bars" role="img" '
        f'aria-labelledby="{_e(ident)}-title {_e(ident)}-desc">'
        f'<span class="kf-sr" id="{_e(ident)}-title">{_e(title)}</span>'
        f'<span class="kf-sr" id="{_e(ident)}-desc">{_e(summary(bars))}</span>'
        + "".join(rows)
        + "</div>"
    )
    table = _table(title, headers, [(b.label, b.text) for b in bars])
    return Markup(f'<figure class="kf-chart" id="{_e(ident)}">{drawn}{table}</figure>')


def _scale(
    marks: Sequence[Mark], left: float, right: float, top: float, bottom: float
) -> list[tuple[float, float]]:
    xs = [m.x for m in marks]
    ys = [m.y for m in marks]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1
    span_x = (x1 - x0) or 1
    return [
        (
            left + (m.x - x0) / span_x * (right - left),
            bottom - (m.y - y0) / (y1 - y0) * (bottom - top),
        )
        for m in marks
    ]


def line_chart(
    ident: str,
    title: str,
    marks: Sequence[Mark],
    headers: tuple[str, str],
    words: Wording = ENGLISH,
) -> Markup | None:
    """Followers over time: a line between its highest and lowest counts, first and last dates.

    The line is drawn in a nested SVG stretched to the chart's width (its stroke keeps its
    width); the labels stay in the outer SVG at the page's text size.
    """
    if len(marks) < 2:
        return None
    height, top, plot = 190, 34, 122
    bottom = top + plot
    points = _scale(marks, 0, 1000, 4, 96)
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    low = min(marks, key=lambda m: m.y)
    high = max(marks, key=lambda m: m.y)
    body = [
        f'<line x1="1%" y1="{bottom}" x2="99%" y2="{bottom}" style="{GRID}"/>',
        f'<line x1="1%" y1="{top}" x2="99%" y2="{top}" style="{GRID}"/>',
        f'<text x="1%" y="{top - 12}" style="{MUTED}">'
        f"{_e(words.chart_highest(high.y_text))}</text>",
        f'<text x="1%" y="{bottom + 24}" style="{MUTED}">{_e(marks[0].x_text)}</text>',
        f'<text x="99%" y="{bottom + 24}" text-anchor="end" style="{MUTED}">'
        f"{_e(marks[-1].x_text)}</text>",
        f'<svg x="1%" y="{top}" width="98%" height="{plot}" viewBox="0 0 1000 100" '
        f'preserveAspectRatio="none"><polyline points="{path}" style="{LINE}" '
        f'vector-effect="non-scaling-stroke"/></svg>',
    ]
    if low.y != high.y:
        body.append(
            f'<text x="99%" y="{top - 12}" text-anchor="end" style="{MUTED}">'
            f"{_e(words.chart_lowest(low.y_text))}</text>"
        )
    first, last = marks[0], marks[-1]
    desc = words.chart_points(first.y_text, first.x_text, last.y_text, last.x_text, len(marks))
    svg = _frame(ident, title, desc, height, body)
    table = _table(title, headers, [(m.x_text, m.y_text) for m in marks])
    return Markup(f'<figure class="kf-chart" id="{_e(ident)}">{svg}{table}</figure>')


def sparkline(
    ident: str, title: str, marks: Sequence[Mark], words: Wording = ENGLISH
) -> Markup | None:
    """A small line for a platform card; its title and desc say the first and last counts."""
    if len(marks) < 2:
        return None
    width, height = 120.0, 32.0
    points = _scale(marks, 3, width - 3, 3, height - 3)
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    end_x, end_y = points[-1]
    first, last = marks[0], marks[-1]
    desc = words.chart_span(first.y_text, first.x_text, last.y_text, last.x_text)
    return Markup(
        f'<svg class="kf-spark" role="img" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" '
        f'aria-labelledby="{_e(ident)}-title {_e(ident)}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{_e(ident)}-title">{_e(title)}</title>'
        f'<desc id="{_e(ident)}-desc">{_e(desc)}</desc>'
        f'<polyline points="{path}" style="{LINE};stroke-width:2"/>'
        f'<circle cx="{end_x:.1f}" cy="{end_y:.1f}" r="2.5" style="{FILL}"/></svg>'
    )
