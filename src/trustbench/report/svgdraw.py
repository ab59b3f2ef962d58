"""Drawing the diagram: text metrics, escaping, and SVG primitives for boxes, lines, labels.

Every string that reaches the SVG goes through :func:`esc` (XML-escaped, characters XML
cannot carry removed): this module is why the diagram is the one context value the
templates may insert without escaping. Text is sized with built-in DejaVu Sans metrics, not
the installed fonts, so the same deal gives the same SVG on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from trustbench.report import layered

FONT = "DejaVu Sans, Verdana, sans-serif"
NAME_SIZE, LABEL_SIZE, ITEM_SIZE = 8.0, 6.8, 7.0
LINE = 1.22  # line height, in ems
PAD_X, PAD_Y, MARGIN = 7.0, 5.0, 8.0
LABEL_TEXT_WIDTH = 100.0

ACCENT, NAVY, GREY = "#b03a2e", "#1f3864", "#6b6b6b"
STYLE = {  # category → (stroke, dasharray, width)
    "own": (NAVY, "", 1.1),
    "seat": ("#7a4a00", "5 3", 1.0),
    "officer": ("#555555", "2 2", 1.0),
    "supply": ("#2e6b3a", "0.6 2.6", 1.3),
}
LEGEND = (
    ("own", "holds (equity / votes) or a right"),
    ("seat", "board seat or observer"),
    ("officer", "officer or employee"),
    ("supply", "supplies"),
)

# Advance widths of DejaVu Sans (per 1,000 em) for ASCII 32..126, to size boxes without
# loading a font: the same numbers on every machine, so the SVG is reproducible.
_ASCII_WIDTHS = (
    318,
    401,
    460,
    838,
    636,
    950,
    780,
    275,
    390,
    390,
    500,
    838,
    318,
    361,
    318,
    337,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    636,
    337,
    337,
    838,
    838,
    838,
    531,
    1000,
    684,
    686,
    698,
    770,
    632,
    575,
    775,
    752,
    295,
    295,
    656,
    557,
    863,
    748,
    787,
    603,
    787,
    695,
    635,
    611,
    732,
    684,
    989,
    685,
    611,
    685,
    390,
    337,
    390,
    838,
    500,
    500,
    613,
    635,
    550,
    635,
    615,
    352,
    635,
    634,
    278,
    278,
    579,
    278,
    974,
    634,
    612,
    635,
    635,
    411,
    521,
    392,
    634,
    592,
    818,
    592,
    592,
    525,
    636,
    337,
    636,
    838,
)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Approximate rendered width in points (DejaVu Sans metrics)."""
    total = 0
    for ch in text:
        code = ord(ch)
        if 32 <= code < 127:
            total += _ASCII_WIDTHS[code - 32]
        elif unicodedata.combining(ch):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            total += 1000
        else:
            total += 700
    return total / 1000 * size * (1.08 if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int = 3) -> list[str]:
    """Greedy word wrap to ``width`` points; over-long words are cut; at most ``max_lines``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        while text_width(word, size, bold) > width:
            cut = next(
                (
                    i
                    for i in range(len(word) - 1, 0, -1)
                    if text_width(word[:i], size, bold) <= width
                ),
                1,
            )
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{current} {word}" if current else word
        if not current or text_width(candidate, size, bold) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "…", size, bold) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines or [""]


def esc(text: str) -> str:
    """XML text or attribute value: escaped, with characters XML cannot carry removed."""
    text = _XML_INVALID.sub("", text)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Canvas:
    parts: list[str] = field(default_factory=list)

    def add(self, svg: str) -> None:
        self.parts.append(svg)


def text(
    x: float,
    top: float,
    lines: list[str],
    size: float,
    *,
    anchor: str = "middle",
    bold: bool = False,
    fill: str = "",
) -> str:
    attrs = f' font-size="{num(size)}"'
    attrs += ' font-weight="bold"' if bold else ""
    attrs += f' fill="{fill}"' if fill else ""
    attrs += f' text-anchor="{anchor}"' if anchor != "start" else ""
    spans = "".join(
        f'<tspan x="{num(x)}" y="{num(top + size * 0.9 + i * size * LINE)}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f"<text{attrs}>{spans}</text>"


def draw_box(c: Canvas, b: layered.Box, lines: list[str], role: str, person: bool) -> None:
    fill = {"acquirer": "#dde6f3", "target": "#f7e9da"}.get(role, "#ffffff")
    radius = min(b.h / 2, 9.0) if person else 1.5
    x = b.x - b.w / 2
    c.add(
        f'<rect x="{num(x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}" '
        f'rx="{num(radius)}" fill="{fill}" stroke="{NAVY}" '
        f'stroke-width="{1.4 if role else 0.8}"/>'
    )
    c.add(text(b.x, b.y + PAD_Y, lines, NAME_SIZE, bold=bool(role)))


def draw_list(c: Canvas, b: layered.Box, title: str, items: list[tuple[list[str], bool]]) -> None:
    x = b.x - b.w / 2
    c.add(
        f'<rect x="{num(x)}" y="{num(b.y)}" width="{num(b.w)}" height="{num(b.h)}" '
        f'rx="1.5" fill="#fafafa" stroke="{NAVY}" stroke-width="0.8"/>'
    )
    top = b.y + PAD_Y
    c.add(text(x + PAD_X, top, [title], ITEM_SIZE, anchor="start", bold=True))
    top += ITEM_SIZE * LINE + 3
    for lines, changed in items:
        c.add(
            text(x + PAD_X, top, lines, ITEM_SIZE, anchor="start", fill=ACCENT if changed else "")
        )
        top += len(lines) * ITEM_SIZE * LINE


def ends(edges: list[layered.Edge], boxes: dict[str, layered.Box]) -> dict[tuple[int, str], float]:
    """Spread the ends of several links along one side of a box, ordered by direction."""
    sides: dict[tuple[str, bool], list[tuple[float, int]]] = defaultdict(list)
    for i, e in enumerate(edges):
        for end, nxt in ((e.path[0], e.path[1]), (e.path[-1], e.path[-2])):
            sides[(end, boxes[nxt].row > boxes[end].row)].append((boxes[nxt].x, i))
    offsets: dict[tuple[int, str], float] = {}
    for (bid, _), ends in sides.items():
        ends.sort()
        usable = boxes[bid].w * 0.7
        for k, (_, i) in enumerate(ends):
            offsets[(i, bid)] = (
                0.0 if len(ends) == 1 else -usable / 2 + usable * k / (len(ends) - 1)
            )
    return offsets


def points(
    i: int, e: layered.Edge, boxes: dict[str, layered.Box], offsets: dict[tuple[int, str], float]
) -> list[tuple[float, float]]:
    """The polyline of edge ``i``: vertical inside each row (through dummies and labels, and
    as a stub between a box and its row's edge), straight between rows."""
    pts: list[tuple[float, float]] = []
    for k, bid in enumerate(e.path):
        b = boxes[bid]
        if b.dummy:
            came_down = boxes[e.path[k - 1]].row < b.row
            goes_down = boxes[e.path[k + 1]].row > b.row
            pts.append((b.port, b.top if came_down else b.bottom))
            pts.append((b.port, b.bottom if goes_down else b.top))
            continue
        other = boxes[e.path[1] if k == 0 else e.path[k - 1]]
        if other.row == b.row:  # same row, no label row between (not made by layered.place)
            side = 1 if other.x > b.x else -1
            pts.append((b.x + side * b.w / 2, b.y + b.h / 2))
            continue
        x = b.x + offsets.get((i, bid), 0.0)
        down = other.row > b.row
        stub = [(x, b.y + b.h), (x, b.bottom)] if down else [(x, b.y), (x, b.top)]
        pts.extend(stub if k == 0 else reversed(stub))
    pts = [p for n, p in enumerate(pts) if n == 0 or p != pts[n - 1]]
    return [
        p for n, p in enumerate(pts) if n in (0, len(pts) - 1) or not _straight(*pts[n - 1 : n + 2])
    ]


def _straight(a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> bool:
    """Whether ``b`` lies on the way from ``a`` to ``c`` (a point the line need not turn at)."""
    cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
    ahead = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])
    return abs(cross) < 1e-6 and ahead > 0


def draw_line(c: Canvas, category: str, changed: bool, pts: list[tuple[float, float]]) -> None:
    stroke, dash, width = STYLE[category]
    if changed:
        stroke, width = ACCENT, width + 0.5
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    extra += ' stroke-linecap="round"' if category == "supply" else ""
    coords = " ".join(f"{num(x)},{num(y)}" for x, y in pts)
    c.add(
        f'<polyline points="{coords}" fill="none" stroke="{stroke}" '
        f'stroke-width="{num(width)}"{extra}/>'
    )
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 0.01)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    a = (x2 - ux * 5 - uy * 2.2, y2 - uy * 5 + ux * 2.2)
    b = (x2 - ux * 5 + uy * 2.2, y2 - uy * 5 - ux * 2.2)
    c.add(
        f'<polygon points="{num(x2)},{num(y2)} {num(a[0])},{num(a[1])} '
        f'{num(b[0])},{num(b[1])}" fill="{stroke}"/>'
    )


def label_lines(label: str) -> list[str]:
    return wrap(label, LABEL_TEXT_WIDTH, LABEL_SIZE, max_lines=3)


def label_size(lines: list[str]) -> tuple[float, float]:
    """The label's box: its text (DejaVu Sans metrics) and a 2-point margin."""
    w = max(text_width(line, LABEL_SIZE) for line in lines) + 4
    return w, len(lines) * LABEL_SIZE * LINE + 2


def label_rect(node: layered.Box, lines: list[str]) -> tuple[float, float, float, float]:
    """Where a label goes in its node: just right of its edge's line (``node.port``)."""
    w, h = label_size(lines)
    return node.port + layered.LABEL_GAP, node.y + (node.h - h) / 2, w, h


def draw_label(c: Canvas, node: layered.Box, lines: list[str], changed: bool) -> None:
    x, y, w, h = label_rect(node, lines)
    c.add(
        f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" '
        f'fill="#ffffff" fill-opacity="0.9"/>'
    )
    c.add(
        text(x + 2, y + 1, lines, LABEL_SIZE, anchor="start", fill=ACCENT if changed else "#222222")
    )


def legend(c: Canvas, y: float, changed: str, max_width: float) -> tuple[float, float]:
    """The key to the line styles, wrapped to ``max_width``; returns (width, bottom)."""
    x, widest = 0.0, 0.0
    for category, words, accent in [(k, t, False) for k, t in LEGEND] + [("own", changed, True)]:
        item = 19 + text_width(words, 6.3)
        if x and x + item > max_width:
            x, y = 0.0, y + 11
        stroke, dash, width = STYLE[category]
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        c.add(
            f'<line x1="{num(x)}" y1="{num(y)}" x2="{num(x + 16)}" y2="{num(y)}" '
            f'stroke="{ACCENT if accent else stroke}" stroke-width="{num(width)}"{extra}/>'
        )
        c.add(
            f'<text x="{num(x + 19)}" y="{num(y + 2.3)}" font-size="6.3" fill="{GREY}">'
            f"{esc(words)}</text>"
        )
        widest = max(widest, x + item)
        x += item + 10
    return widest, y


def svg(width: float, height: float, title: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{num(width)}pt" '
        f'height="{num(height)}pt" viewBox="0 0 {num(width)} {num(height)}" '
        f'font-family="{FONT}"><title>{esc(title)}</title>'
        f'<g transform="translate({num(MARGIN)},{num(MARGIN)})">{body}</g></svg>'
    )
