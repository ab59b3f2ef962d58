"""The ownership-and-control diagram: what it shows, escaping, and readability at scale."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbench.document.deal import graph_out
from trustbench.graph.build import build
from trustbench.model import load_deal
from trustbench.model.deal import Deal
from trustbench.report import diagram as dg
from trustbench.report import layered, svgdraw

from .deals import HOSTILE_NAMES, big_deal_yaml, hostile_deal_yaml

SEED = Path(__file__).parents[2] / "cases" / "meta-scale-ai.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def _deal(tmp_path: Path, text: str) -> Deal:
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deal(path)


def _draw(deal: Deal, **kwargs: object) -> dg.Diagram:
    graph = graph_out(build(deal), deal.name, deal.case.currency)
    return dg.diagram(graph, deal.name, **kwargs)  # type: ignore[arg-type]


def _texts(svg: str) -> list[str]:
    """Each <text> element's lines joined by spaces (names may wrap over several lines)."""
    root = ET.fromstring(svg)
    return [
        " ".join("".join(t.itertext()).split())
        if not list(t)
        else " ".join(" ".join((s.text or "").split()) for s in t)
        for t in root.iter(f"{SVG}text")
    ]


def _boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Entity boxes: the rects with a border (label backgrounds have none)."""
    root = ET.fromstring(svg)
    return [
        (
            float(r.get("x", 0)),
            float(r.get("y", 0)),
            float(r.get("width", 0)),
            float(r.get("height", 0)),
        )
        for r in root.iter(f"{SVG}rect")
        if r.get("stroke")
    ]


@pytest.fixture(scope="module")
def seed() -> dg.Diagram:
    deal = load_deal(SEED)
    return _draw(deal)


def test_seed_shows_the_non_voting_stake_and_the_board_seat(seed: dg.Diagram) -> None:
    after = _texts(seed.after)
    assert "49 % equity / 0 % votes, non-voting" in after
    assert "board seat" in after
    assert any("superintelligence effort" in t for t in after)  # his role as of the case date
    assert any("Interim Chief Executive" in t for t in after)  # Droege after the deal
    for name in ("Meta", "Scale AI", "Alexandr Wang", "Google", "xAI"):
        assert name in after
    before = _texts(seed.before)
    assert "stake of unknown size and class" in before
    assert "Chief Executive Officer" in before  # Wang's role before he moves to Meta
    assert "49 % equity / 0 % votes, non-voting" not in before


def test_seed_marks_what_the_deal_changes(seed: dg.Diagram) -> None:
    root = ET.fromstring(seed.after)
    red = [t for t in root.iter(f"{SVG}text") if t.get("fill") == svgdraw.ACCENT]
    changed = {" ".join(" ".join((s.text or "").split()) for s in t) for t in red}
    assert "49 % equity / 0 % votes, non-voting" in changed
    assert "board seat" not in changed  # Wang kept his seat


def test_styles_follow_the_link_kind(seed: dg.Diagram) -> None:
    lines = ET.fromstring(seed.after).iter(f"{SVG}polyline")
    dashes = {line.get("stroke-dasharray") for line in lines}
    assert {svgdraw.STYLE[kind][1] for kind in ("seat", "officer", "supply")} <= dashes


def test_same_input_same_svg() -> None:
    deal = load_deal(SEED)
    first, second = _draw(deal), _draw(deal)
    assert (first.before, first.after) == (second.before, second.after)


def test_hostile_names_are_escaped_text(tmp_path: Path) -> None:
    d = _draw(_deal(tmp_path, hostile_deal_yaml()))
    for svg in (d.before, d.after):
        root = ET.fromstring(svg)  # well-formed: nothing broke out of a text node
        tags = {el.tag.removeprefix(SVG) for el in root.iter()}
        assert tags <= {"svg", "title", "g", "rect", "text", "tspan", "polyline", "polygon", "line"}
        assert "<img" not in svg and "<script" not in svg
        texts = "".join("".join(_texts(svg)).split())  # names may wrap, even inside a word
        for name in HOSTILE_NAMES.values():
            assert "".join(name.split()) in texts


def test_characters_xml_cannot_carry_are_dropped() -> None:
    assert svgdraw.esc("a\x00b\x1fc<&>\"'") == "abc&lt;&amp;&gt;&quot;&#39;"


def test_thirty_entities_stay_readable(tmp_path: Path) -> None:
    deal = _deal(tmp_path, big_deal_yaml())
    assert len(deal.entities) == 30
    d = _draw(deal)
    assert d.hidden == [] and d.shown == 30
    for svg in (d.before, d.after):
        root = ET.fromstring(svg)
        # fits the page's text width, so nothing is scaled down: text keeps its size
        assert float(root.get("viewBox", "").split()[2]) <= dg.MAX_WIDTH + 2 * svgdraw.MARGIN
        sizes = {float(t.get("font-size", 0)) for t in root.iter(f"{SVG}text")}
        assert min(sizes) >= 6.3
        texts = " ".join(_texts(svg))
        for entity in deal.entities:
            assert deal.name(entity.id) in texts, entity.name
        boxes = _boxes(svg)
        for i, (x, y, w, h) in enumerate(boxes):
            for ox, oy, ow, oh in boxes[i + 1 :]:
                assert x + w <= ox or ox + ow <= x or y + h <= oy or oy + oh <= y, "overlap"


def test_a_register_scale_deal_is_capped(tmp_path: Path) -> None:
    deal = _deal(tmp_path, big_deal_yaml(customers=60))
    d = _draw(deal, max_nodes=dg.MAX_NODES)
    assert d.shown == dg.MAX_NODES
    assert len(d.hidden) == len(deal.entities) - dg.MAX_NODES
    assert "Acquirer" in " ".join(_texts(d.after))


def test_wrap_cuts_long_words_and_limits_lines() -> None:
    lines = svgdraw.wrap("Supercalifragilisticexpialidocious " * 6, 60, 8, max_lines=3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(svgdraw.text_width(line, 8) <= 60 for line in lines)


# ---------------------------------------------------------------------------- label geometry

Rect = tuple[float, float, float, float]  # x, y, w, h
Segment = tuple[tuple[float, float], tuple[float, float]]
CLEARANCE = 0.5  # points: a label closer than this to a line counts as touching it


def _geometry(svg: str) -> tuple[list[Rect], list[Rect], list[Segment], list[Rect]]:
    """Entity boxes (stroked rects), label boxes (plain rects), line segments, arrowheads."""
    root = ET.fromstring(svg)
    boxes, labels, segments, arrows = [], [], [], []
    for r in root.iter(f"{SVG}rect"):
        rect = tuple(float(r.get(k, 0)) for k in ("x", "y", "width", "height"))
        (boxes if r.get("stroke") else labels).append(rect)
    for line in root.iter(f"{SVG}polyline"):
        pts = [tuple(map(float, p.split(","))) for p in line.get("points", "").split()]
        segments += list(itertools.pairwise(pts))
    for poly in root.iter(f"{SVG}polygon"):
        pts = [tuple(map(float, p.split(","))) for p in poly.get("points", "").split()]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        arrows.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    return boxes, labels, segments, arrows  # type: ignore[return-value]


def _rects_meet(a: Rect, b: Rect, gap: float = 0.0) -> bool:
    return not (
        a[0] + a[2] + gap <= b[0]
        or b[0] + b[2] + gap <= a[0]
        or a[1] + a[3] + gap <= b[1]
        or b[1] + b[3] + gap <= a[1]
    )


def _segment_meets(rect: Rect, seg: Segment, gap: float = CLEARANCE) -> bool:
    """Liang–Barsky clipping of ``seg`` against ``rect`` grown by ``gap``."""
    (x1, y1), (x2, y2) = seg
    left, top = rect[0] - gap, rect[1] - gap
    right, bottom = rect[0] + rect[2] + gap, rect[1] + rect[3] + gap
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _assert_labels_clear(svg: str) -> int:
    """No label box touches another label, an entity box, an arrowhead or any line."""
    boxes, labels, segments, arrows = _geometry(svg)
    for i, label in enumerate(labels):
        for other in labels[i + 1 :]:
            assert not _rects_meet(label, other), f"labels {label} and {other} overlap"
        for box in boxes + arrows:
            assert not _rects_meet(label, box), f"label {label} overlaps box {box}"
        for seg in segments:
            assert not _segment_meets(label, seg), f"label {label} touches line {seg}"
    return len(labels)


def _assert_lines_avoid_boxes(svg: str) -> None:
    """A line meets an entity box only at its border (where it leaves or enters it)."""
    boxes, _, segments, _ = _geometry(svg)
    for box in boxes:
        inner = (box[0] + 1, box[1] + 1, box[2] - 2, box[3] - 2)
        for seg in segments:
            assert not _segment_meets(inner, seg, gap=0.0), f"line {seg} crosses box {box}"


@pytest.mark.parametrize(
    ("customers", "holders", "people", "max_nodes"),
    [(2, 1, 3, 40), (12, 8, 6, 40), (30, 16, 10, 40), (30, 16, 10, 60), (4, 3, 3, 40)],
    ids=["10-entities", "30-entities", "60-entities", "60-entities-uncapped", "14-entities"],
)
def test_labels_never_overlap_lines_or_each_other(
    tmp_path: Path, customers: int, holders: int, people: int, max_nodes: int
) -> None:
    deal = _deal(tmp_path, big_deal_yaml(customers, holders, people))
    assert len(deal.entities) == 4 + customers + holders + people
    d = _draw(deal, max_nodes=max_nodes)
    assert d.shown == min(max_nodes, len(deal.entities))
    for svg in (d.before, d.after):
        assert _assert_labels_clear(svg) >= 3  # the fund's, the holding's and the veto's
        _assert_lines_avoid_boxes(svg)


def test_seed_and_hostile_labels_are_clear(seed: dg.Diagram, tmp_path: Path) -> None:
    hostile = _draw(_deal(tmp_path, hostile_deal_yaml()))
    for svg in (seed.before, seed.after, hostile.before, hostile.after):
        assert _assert_labels_clear(svg) >= 1
        _assert_lines_avoid_boxes(svg)
    assert _assert_labels_clear(seed.after) >= 8  # stake, seat, titles, supply terms


def test_the_check_sees_an_overlap() -> None:
    """The geometry test itself: a label laid over a line, or over another, is caught."""
    label = '<rect x="10" y="10" width="30" height="8" fill="#ffffff"/>'
    crossing = '<polyline points="0,14 50,14" fill="none" stroke="#000"/>'
    beside = '<polyline points="9.7,0 9.7,30" fill="none" stroke="#000"/>'
    wrap = '<svg xmlns="http://www.w3.org/2000/svg">{}</svg>'
    with pytest.raises(AssertionError, match="touches line"):
        _assert_labels_clear(wrap.format(label + crossing))
    with pytest.raises(AssertionError, match="touches line"):
        _assert_labels_clear(wrap.format(label + beside))  # 0.3 pt off: too close
    with pytest.raises(AssertionError, match="overlap"):
        _assert_labels_clear(wrap.format(label + label.replace('x="10"', 'x="35"')))
    assert _assert_labels_clear(wrap.format(label + crossing.replace("14", "25"))) == 1


# ---------------------------------------------------------------------------- any graph


@st.composite
def _graphs(draw: st.DrawFn) -> tuple[list[layered.Box], list[layered.Edge]]:
    """Random boxes and links: cycles, links within a row, long links, people, labels."""
    n = draw(st.integers(2, 14))
    boxes = [
        layered.Box(
            f"n{i}",
            draw(st.floats(34, 150)),
            draw(st.floats(14, 60)),
            between=draw(st.booleans()) and i > 1,
        )
        for i in range(n)
    ]
    edges = []
    for _ in range(draw(st.integers(1, 3 * n))):
        u, v = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        labelled = draw(st.booleans())
        w, h = (draw(st.floats(10, 104)), draw(st.sampled_from([10.3, 18.6, 26.9])))
        edges.append(
            layered.Edge(
                f"n{u}",
                f"n{v}",
                draw(st.sampled_from([0, 1, None])),
                labelled,
                "own",
                w if labelled else 0.0,
                h if labelled else 0.0,
            )
        )
    return boxes, edges


@settings(max_examples=60, deadline=None, derandomize=True)
@given(_graphs())
def test_any_layout_keeps_labels_clear(graph: tuple[list[layered.Box], list[layered.Edge]]) -> None:
    """Whatever the graph, the drawing's geometry keeps labels off every line and box."""
    p = layered.place(*graph, max_width=dg.MAX_WIDTH)
    offsets = svgdraw.ends(p.edges, p.boxes)
    parts = []
    for i, e in enumerate(p.edges):
        pts = svgdraw.points(i, e, p.boxes, offsets)
        parts.append(f'<polyline points="{" ".join(f"{x},{y}" for x, y in pts)}"/>')
        node = e.label_box(p.boxes)
        if node is not None:
            x, y = node.port + layered.LABEL_GAP, node.y
            parts.append(
                f'<rect x="{x}" y="{y}" width="{node.w - layered.LABEL_GAP}" height="{node.h}"/>'
            )
    for b in p.boxes.values():
        if not b.dummy:
            parts.append(
                f'<rect x="{b.x - b.w / 2}" y="{b.y}" width="{b.w}" height="{b.h}" stroke="#000"/>'
            )
    svg = f'<svg xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    assert _assert_labels_clear(svg) == sum(1 for e in p.edges if e.label_w)
    _assert_lines_avoid_boxes(svg)
