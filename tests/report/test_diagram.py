"""The ownership-and-control diagram: what it shows, escaping, and readability at scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from trustbench.graph.build import build
from trustbench.model import load_deal
from trustbench.model.deal import Deal
from trustbench.report import diagram as dg
from trustbench.report import svgdraw

from .deals import HOSTILE_NAMES, big_deal_yaml, hostile_deal_yaml

SEED = Path(__file__).parents[2] / "cases" / "meta-scale-ai.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def _deal(tmp_path: Path, text: str) -> Deal:
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deal(path)


def _draw(deal: Deal, **kwargs: object) -> dg.Diagram:
    return dg.diagram(build(deal), deal.name, deal.case.currency, **kwargs)  # type: ignore[arg-type]


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
