"""The diagrams as PNG, for the Word memo: our own SVG drawn again with Pillow.

Pillow comes with WeasyPrint, so this needs no Cairo, no converter binary and no network.
It reads only the SVG that ``report.svgdraw`` writes — ``svg``, ``g`` (translate),
``rect``, ``polyline``, ``polygon``, ``line``, ``text`` and ``tspan`` — and skips anything
else. Shapes are drawn at ``SUPERSAMPLE`` times the output resolution and scaled down, which
smooths the lines; text uses DejaVu Sans, the font the diagram is measured in
(``svgdraw.text_width``), or Pillow's own font where DejaVu is not installed. The same SVG
gives the same PNG bytes on the same machine.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache

from PIL import Image, ImageDraw, ImageFont

NS = "{http://www.w3.org/2000/svg}"
DPI = 192  # the PNG's resolution: sharp on screen and on paper
SUPERSAMPLE = 2
FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
Point = tuple[float, float]
Place = Callable[[float, float], Point]  # SVG units → pixels


def svg_to_png(svg: str) -> tuple[bytes, float, float]:
    """The PNG bytes, and the drawing's width and height in points (its size on paper)."""
    root = ET.fromstring(svg)
    width, height = _length(root.get("width", "0")), _length(root.get("height", "0"))
    final = (max(1, round(width * DPI / 72)), max(1, round(height * DPI / 72)))
    scale = DPI / 72 * SUPERSAMPLE
    size = (final[0] * SUPERSAMPLE, final[1] * SUPERSAMPLE)
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for element, dx, dy in _walk(root, 0.0, 0.0):
        _draw(draw, element, _placer(dx, dy, scale), scale)
    image = image.resize(final, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(DPI, DPI), optimize=False)
    return out.getvalue(), width, height


def _placer(dx: float, dy: float, scale: float) -> Place:
    return lambda x, y: ((x + dx) * scale, (y + dy) * scale)


def _length(text: str) -> float:
    match = re.match(r"\s*([0-9.]+)", text)
    return float(match.group(1)) if match else 0.0


def _walk(element: ET.Element, dx: float, dy: float) -> Iterator[tuple[ET.Element, float, float]]:
    """Drawable elements in document order, with the offset of their ``g`` ancestors."""
    for child in element:
        tag = child.tag.removeprefix(NS)
        if tag == "g":
            move = re.match(
                r"\s*translate\(\s*([-0-9.]+)[ ,]*([-0-9.]*)\s*\)", child.get("transform", "")
            )
            ox = float(move.group(1)) if move else 0.0
            oy = float(move.group(2) or 0) if move else 0.0
            yield from _walk(child, dx + ox, dy + oy)
        elif tag in ("rect", "polyline", "polygon", "line", "text"):
            yield child, dx, dy


def _points(text: str) -> list[Point]:
    numbers = [float(n) for n in re.findall(r"-?[0-9.]+", text)]
    return list(zip(numbers[::2], numbers[1::2], strict=False))


def _draw(draw: ImageDraw.ImageDraw, el: ET.Element, place: Place, scale: float) -> None:
    tag = el.tag.removeprefix(NS)
    stroke = el.get("stroke")
    width = max(1, round(float(el.get("stroke-width", "1")) * scale))
    dash = [float(d) * scale for d in el.get("stroke-dasharray", "").split()]
    if tag == "rect":
        x, y = place(float(el.get("x", 0)), float(el.get("y", 0)))
        w, h = float(el.get("width", 0)) * scale, float(el.get("height", 0)) * scale
        fill = el.get("fill", "black")
        draw.rounded_rectangle(
            (x, y, x + w, y + h),
            radius=float(el.get("rx", 0)) * scale,
            fill=None if fill == "none" else fill,
            outline=stroke,
            width=width if stroke else 0,
        )
    elif tag in ("polyline", "line"):
        if tag == "line":
            pts = [(float(el.get("x1", 0)), float(el.get("y1", 0)))]
            pts.append((float(el.get("x2", 0)), float(el.get("y2", 0))))
        else:
            pts = _points(el.get("points", ""))
        pixels = [place(x, y) for x, y in pts]
        for a, b in _dashes(pixels, dash) if dash else itertools.pairwise(pixels):
            draw.line((a, b), fill=stroke or "black", width=width)
        if not dash:  # round the joints of solid lines
            for x, y in pixels[1:-1]:
                draw.ellipse(
                    (x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=stroke
                )
    elif tag == "polygon":
        draw.polygon([place(x, y) for x, y in _points(el.get("points", ""))], fill=el.get("fill"))
    elif tag == "text":
        _text(draw, el, place, scale)


def _dashes(pixels: list[Point], pattern: list[float]) -> Iterator[tuple[Point, Point]]:
    """The drawn pieces of a dashed polyline; the pattern runs on across its corners."""
    k, left, on = 0, pattern[0], True
    for (x1, y1), (x2, y2) in itertools.pairwise(pixels):
        length, done = math.hypot(x2 - x1, y2 - y1), 0.0
        while done < length:
            step = min(left, length - done)
            if on and step > 0:
                t0, t1 = done / length, (done + step) / length
                a = (x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0)
                yield a, (x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1)
            done += step
            left -= step
            if left <= 1e-9:
                k = (k + 1) % len(pattern)
                left, on = pattern[k], not on
        # a dash that ends exactly at a corner goes on in the next segment


def _text(draw: ImageDraw.ImageDraw, el: ET.Element, place: Place, scale: float) -> None:
    font = _font(float(el.get("font-size", "8")) * scale, el.get("font-weight") == "bold")
    fill = el.get("fill", "black")
    anchor = {"middle": "ms", "end": "rs"}.get(el.get("text-anchor", "start"), "ls")
    spans = list(el.iter(f"{NS}tspan")) or [el]
    for span in spans:
        x, y = place(float(span.get("x", el.get("x", 0))), float(span.get("y", el.get("y", 0))))
        draw.text((x, y), span.text or "", font=font, fill=fill, anchor=anchor)


@cache
def _font(size: float, bold: bool) -> Font:
    try:
        return ImageFont.truetype(FONTS[bold], round(size))
    except OSError:  # DejaVu is not installed: Pillow's own font, a little different
        return ImageFont.load_default(round(size))
