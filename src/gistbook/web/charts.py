"""Server-side SVG charts (no JavaScript, no CDN): bars, a figure series with superseded values, a timeline strip."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

INK, MUTED, LINE, ACCENT, WARM, GOOD = "#1c232c", "#667282", "#e4e0d8", "#1d5c8c", "#b4541a", "#2f7a4b"


def _t(text: object) -> str:
    return escape(str(text), quote=True)


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    head = (f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
            f'aria-label="{_t(label)}" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">'
            f"<title>{_t(label)}</title>")
    return Markup(head + "".join(body) + "</svg>")  # every text part went through _t


def nice_max(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def short_number(value: float) -> str:
    """21.96e9 → 21.96B: axis labels stay short."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def bar_chart(points: list[tuple[str, float]], *, label: str, color: str = ACCENT, height: int = 180,
              value_format: str = "{:g}", highlight: str | None = None, min_peak: float = 0) -> Markup:
    """Vertical bars with the value above each; `highlight` names a bar drawn in the warm colour."""
    width = max(320, 34 * len(points) + 60)
    top, bottom, left = 22, 34, 36
    plot_h = height - top - bottom
    peak = nice_max(max(1.1 * max((v for _, v in points), default=0), min_peak))
    step = (width - left - 10) / max(len(points), 1)
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="{LINE}"/>']
    for tick in (0.5, 1.0):
        if tick == 0.5 and value_format == "{:.0f}" and not (peak * tick).is_integer():
            continue  # counts get whole-number gridlines only
        y = top + plot_h * (1 - tick)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{LINE}" '
                    f'stroke-dasharray="3 3"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                    f'fill="{MUTED}">{_t(short_number(peak * tick))}</text>')
    bar_w = min(28.0, step * 0.7)
    for i, (name, value) in enumerate(points):
        h = plot_h * (value / peak) if peak else 0
        x = left + i * step + (step - bar_w) / 2
        fill = WARM if highlight is not None and name == highlight else color
        body.append(f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{max(h, 0.5):.1f}" '
                    f'rx="3" fill="{fill}"><title>{_t(name)}: {_t(value_format.format(value))}</title></rect>')
        if value:
            body.append(f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h - h - 5:.1f}" text-anchor="middle" '
                        f'fill="{INK}" font-size="11">{_t(value_format.format(value))}</text>')
        body.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                    f'fill="{MUTED}" font-size="11">{_t(name)}</text>')
    return _svg(width, height, body, label)


def hbar_chart(rows: list[tuple[str, float, float | None]], *, label: str) -> Markup:
    """Horizontal bars of a share (0–1) per row, with an optional second share drawn as a marker line."""
    row_h, left, width = 30, 190, 560
    height = row_h * len(rows) + 10
    plot_w = width - left - 60
    body = []
    for i, (name, share, marker) in enumerate(rows):
        y = 5 + i * row_h
        body.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end" fill="{INK}">{_t(name)}</text>'
                    f'<rect x="{left}" y="{y + 6}" width="{plot_w}" height="14" rx="7" fill="#f1eee8"/>'
                    f'<rect x="{left}" y="{y + 6}" width="{plot_w * max(0.0, min(share, 1.0)):.1f}" height="14" '
                    f'rx="7" fill="{ACCENT}"/>'
                    f'<text x="{left + plot_w + 8}" y="{y + 17}" fill="{INK}">{share * 100:.0f}%</text>')
        if marker is not None:
            mx = left + plot_w * max(0.0, min(marker, 1.0))
            body.append(f'<line x1="{mx:.1f}" y1="{y + 2}" x2="{mx:.1f}" y2="{y + 24}" stroke="{WARM}" '
                        f'stroke-width="2"><title>retention {marker * 100:.0f}%</title></line>')
    return _svg(width, height, body, label)


@dataclass(frozen=True)
class SeriesPoint:
    """One figure value for a period; superseded values are drawn hollow and struck through."""

    period: str
    value: float
    superseded: bool = False
    note: str = ""


def series_chart(points: list[SeriesPoint], *, label: str, unit: str = "") -> Markup:
    """A figure series over periods: current values joined by a line, superseded ones marked apart."""
    periods = sorted({p.period for p in points})
    width, height, left, top, bottom = max(360, 90 * len(periods) + 70), 220, 56, 20, 40
    plot_w, plot_h = width - left - 20, height - top - bottom
    peak = nice_max(1.15 * max((p.value for p in points), default=0))  # headroom for the value labels
    x_of = {period: left + (i + 0.5) * plot_w / max(len(periods), 1) for i, period in enumerate(periods)}

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / peak)

    body = []
    for tick in (0, 0.5, 1.0):
        y = top + plot_h * (1 - tick)
        dash = "" if tick == 0 else ' stroke-dasharray="3 3"'
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 20}" y2="{y:.1f}" stroke="{LINE}"{dash}/>'
                    f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{MUTED}">'
                    f'{_t(short_number(peak * tick))}</text>')
    for period, x in x_of.items():
        body.append(f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle" fill="{MUTED}">'
                    f'{_t(period)}</text>')
    current = sorted((p for p in points if not p.superseded), key=lambda p: p.period)
    if len(current) > 1:
        path = " ".join(f"{'M' if i == 0 else 'L'}{x_of[p.period]:.1f},{y_of(p.value):.1f}"
                        for i, p in enumerate(current))
        body.append(f'<path d="{path}" fill="none" stroke="{ACCENT}" stroke-width="2"/>')
    for p in points:
        x, y = x_of[p.period], y_of(p.value)
        tip = f"{p.period}: {short_number(p.value)} {unit}".strip() + (f" — {p.note}" if p.note else "")
        if p.superseded:
            body.append(f'<g class="superseded"><circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#fff" stroke="{WARM}" '
                        f'stroke-width="2"/><line x1="{x - 7:.1f}" y1="{y + 7:.1f}" x2="{x + 7:.1f}" y2="{y - 7:.1f}" '
                        f'stroke="{WARM}" stroke-width="1.5"/><title>{_t(tip)} (superseded)</title></g>')
        else:
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{ACCENT}"><title>{_t(tip)}</title></circle>'
                        f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" fill="{INK}" font-size="11">'
                        f'{_t(short_number(p.value))}</text>')
    return _svg(width, height, body, label)


def timeline_strip(events: list[tuple[str, str]], *, label: str, width: int = 960) -> Markup:
    """Dated events as dots on a year axis (sort keys like 1952-04-28); a glance before the list below. A narrow
    `width` (a phone's) draws fewer year labels, so the whole axis fits the screen at a readable size."""
    years = sorted({int(key[:4]) for key, _ in events if key[:4].isdigit()})
    if not years:
        return Markup("")
    first, last = years[0], max(years[-1], years[0] + 1)
    height, left, right, axis_y = 56, 20, 20, 24
    span = last - first

    def x_of(key: str) -> float:
        year = int(key[:4])
        month = int(key[5:7]) if len(key) >= 7 and key[5:7].isdigit() else 6
        return left + (width - left - right) * ((year - first) + (month - 0.5) / 12) / (span + 1)

    body = [f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="{LINE}" stroke-width="2"/>']
    step = max(1, round(span / max(2, width // 120)))
    for year in range(first, last + 1, step):
        x = x_of(f"{year}-01")
        body.append(f'<line x1="{x:.1f}" y1="{axis_y - 4}" x2="{x:.1f}" y2="{axis_y + 4}" stroke="{MUTED}"/>'
                    f'<text x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle" fill="{MUTED}" font-size="11">'
                    f"{year}</text>")
    for key, text in events:
        if key[:4].isdigit():
            body.append(f'<circle cx="{x_of(key):.1f}" cy="{axis_y}" r="6" fill="{ACCENT}" fill-opacity=".75" '
                        f'stroke="#fff" stroke-width="1.5"><title>{_t(key)}: {_t(text)}</title></circle>')
    return _svg(width, height, body, label)


def ring(share: float | None, *, label: str, color: str = GOOD) -> Markup:
    """A single percentage as a ring (retention)."""
    size, r = 120, 48
    circumference = 2 * math.pi * r
    filled = circumference * max(0.0, min(share or 0.0, 1.0))
    text = "–" if share is None else f"{share * 100:.0f}%"
    body = [f'<circle cx="60" cy="60" r="{r}" fill="none" stroke="#f1eee8" stroke-width="12"/>',
            f'<circle cx="60" cy="60" r="{r}" fill="none" stroke="{color}" stroke-width="12" stroke-linecap="round" '
            f'stroke-dasharray="{filled:.1f} {circumference:.1f}" transform="rotate(-90 60 60)"/>'
            if filled >= 1 else "",
            f'<text x="60" y="67" text-anchor="middle" font-size="22" font-weight="700" fill="{INK}">{_t(text)}</text>']
    return _svg(size, size, body, label)
