"""Ownership and control before and after the deal, drawn as SVG from the result's graph
(``Result.graph``: the links of the transaction graph, labelled in the analysis stage).

Pure Python, no Graphviz binary: boxes and links go to ``report.layered`` for a layered
layout (owners above what they own, suppliers above their customers, people on the half-row
between the companies they serve), then are drawn here.

- Links: ``holds`` and ``right`` (solid, labelled "49 % equity / 0 % votes, non-voting"),
  board seats and observers (dashed), officers and employees (short dashes), ``supplies``
  (dotted). Several edges between the same two boxes merge into one link with one label.
- Both drawings share one layout, so they compare box for box; links the deal adds, changes
  or ends are drawn in the accent colour.
- Readable at scale: at most ``MAX_NODES`` entities (the parties' neighbourhood, breadth
  first; the rest are named in the caption), and when a row would be wider than the page,
  three or more entities linked only to the same box in the same way (a target's many
  shareholders, a supplier's customers) are listed in one box.

Every text that comes from the deal file is XML-escaped on its way into the SVG
(``svgdraw.esc``): the SVG is the one context value the templates insert without escaping.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trustbench.report import layered
from trustbench.report import svgdraw as svg
from trustbench.result_parts import GraphOut, LinkOut

MAX_WIDTH = 450.0  # points: the text width of a Letter or A4 page with the memo's margins
MAX_NODES = 40
GROUP_MIN = 3
BOX_TEXT_WIDTH, LIST_TEXT_WIDTH = 104.0, 190.0
ORDER = ("own", "seat", "officer", "supply")


# ---------------------------------------------------------------------------- links


@dataclass
class Link:
    u: str
    v: str
    category: str
    labels: list[str] = field(default_factory=list)
    changed: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return self.u, self.v, self.category

    @property
    def label(self) -> str:
        return "; ".join(dict.fromkeys(x for x in self.labels if x))


def phase_links(links: tuple[LinkOut, ...]) -> dict[tuple[str, str, str], Link]:
    """One link per (from, to, category), as the result gives them (labels merged)."""
    return {
        (x.source, x.target, x.category): Link(x.source, x.target, x.category, list(x.labels))
        for x in links
    }


# ---------------------------------------------------------------------------- what to show


@dataclass
class Group:
    """Entities linked only to ``anchor``, in the same way, listed in one box."""

    id: str
    anchor: str
    category: str
    upstream: bool  # the members point at the anchor (holders, suppliers, people)
    members: list[str]
    title: str


@dataclass
class Scene:
    nodes: list[str]  # in display-priority order
    hidden: list[str]
    people: set[str]
    groups: dict[str, Group] = field(default_factory=dict)
    member_of: dict[str, str] = field(default_factory=dict)

    def box_of(self, node: str) -> str:
        return self.member_of.get(node, node)


def _neighbourhood(
    tg: GraphOut, keys: list[tuple[str, str, str]], max_nodes: int
) -> tuple[list[str], list[str]]:
    """The parties, then others breadth first; at most ``max_nodes``."""
    near: dict[str, set[str]] = defaultdict(set)
    for u, v, _ in keys:
        near[u].add(v)
        near[v].add(u)
    start = list(tg.start)
    seen = dict.fromkeys(start)
    queue = deque(start)
    while queue:
        for other in sorted(near[queue.popleft()]):
            if other not in seen:
                seen[other] = None
                queue.append(other)
    ordered = list(seen) + sorted(n for n in near if n not in seen)
    return ordered[:max_nodes], ordered[max_nodes:]


def _groups(
    tg: GraphOut,
    nodes: list[str],
    keys: list[tuple[str, str, str]],
    name: Callable[[str], str],
) -> list[Group]:
    shown = set(nodes)
    touching: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key in keys:
        if key[0] in shown and key[1] in shown:
            touching[key[0]].append(key)
            touching[key[1]].append(key)
    buckets: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    for n in nodes:
        if n in (tg.acquirer, tg.target) or not touching[n]:
            continue
        anchors = {v if u == n else u for u, v, _ in touching[n]}
        directions = {u == n for u, _, _ in touching[n]}
        if len(anchors) != 1 or len(directions) != 1:
            continue
        category = min((c for _, _, c in touching[n]), key=ORDER.index)
        buckets[(next(iter(anchors)), category, directions.pop())].append(n)
    groups = []
    for (anchor, category, upstream), members in buckets.items():
        if len(members) < GROUP_MIN:
            continue
        members.sort(key=lambda m: _natural(name(m)))
        title = _group_title(category, upstream, name(anchor), len(members))
        groups.append(
            Group(f"\x02{anchor}:{category}:{upstream}", anchor, category, upstream, members, title)
        )
    return groups


def _natural(text: str) -> list[Any]:
    """Sort key: "Customer 2" before "Customer 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def _group_title(category: str, upstream: bool, anchor: str, count: int) -> str:
    words = {
        ("own", True): "Holders of",
        ("own", False): "Held by",
        ("seat", True): "On the board of",
        ("officer", True): "Officers of",
        ("supply", True): "Suppliers of",
        ("supply", False): "Customers of",
    }
    return f"{words.get((category, upstream), 'Linked to')} {anchor} ({count})"


# ---------------------------------------------------------------------------- sizing


@dataclass
class Sized:
    lines: list[str]
    w: float
    h: float


def _name_box(text: str, bold: bool) -> Sized:
    lines = svg.wrap(text, BOX_TEXT_WIDTH, svg.NAME_SIZE, bold)
    w = max(svg.text_width(line, svg.NAME_SIZE, bold) for line in lines) + 2 * svg.PAD_X
    return Sized(lines, max(w, 34.0), len(lines) * svg.NAME_SIZE * svg.LINE + 2 * svg.PAD_Y)


def _items(
    group: Group, links: dict[tuple[str, str, str], Link], name: Callable[[str], str], absent: str
) -> list[tuple[list[str], bool]]:
    """Each member as wrapped lines (name — terms) and whether the deal changed it."""
    out = []
    between: dict[tuple[str, str], list[Link]] = defaultdict(list)  # one pass, not one per member
    for lk in links.values():
        between[(lk.u, lk.v)].append(lk)
    for m in group.members:
        found = between.get((m, group.anchor) if group.upstream else (group.anchor, m), [])
        terms = "; ".join(lk.label for lk in found if lk.label) if found else absent
        text = name(m) + (f" — {terms}" if terms else "")
        out.append(
            (
                svg.wrap(text, LIST_TEXT_WIDTH, svg.ITEM_SIZE, max_lines=3),
                any(lk.changed for lk in found) or not found,
            )
        )
    return out


def _list_size(group: Group, phases: list[list[tuple[list[str], bool]]]) -> tuple[float, float]:
    title_w = svg.text_width(group.title, svg.ITEM_SIZE, bold=True)
    w = (
        max(
            [title_w]
            + [
                svg.text_width(line, svg.ITEM_SIZE)
                for items in phases
                for lines, _ in items
                for line in lines
            ]
        )
        + 2 * svg.PAD_X
    )
    lines = max(sum(len(lines) for lines, _ in items) for items in phases)
    return w, (lines + 1) * svg.ITEM_SIZE * svg.LINE + 2 * svg.PAD_Y + 3


# ---------------------------------------------------------------------------- the API


@dataclass
class Diagram:
    """The two drawings (SVG), and the entities left out to keep them readable."""

    before: str
    after: str
    shown: int
    hidden: list[str]


class _Drawing:
    """The shared layout of both phases, and how to draw one of them."""

    def __init__(
        self,
        tg: GraphOut,
        name: Callable[[str], str],
        phases: dict[str, dict[tuple[str, str, str], Link]],
        max_width: float,
        max_nodes: int,
    ) -> None:
        self.tg, self.name, self.phases, self.max_width = tg, name, phases, max_width
        keys = list(dict.fromkeys(k for links in phases.values() for k in links))
        nodes, hidden = _neighbourhood(tg, keys, max_nodes)
        people = set(nodes) & set(tg.people)
        self.scene = Scene(nodes, [name(h) for h in hidden], people)
        self.keys = [k for k in keys if k[0] in set(nodes) and k[1] in set(nodes)]
        self.placement = self._place(max_width)
        if self.placement.wrapped or self.placement.width > max_width:
            for group in _groups(tg, nodes, self.keys, name):
                self.scene.groups[group.id] = group
                for m in group.members:
                    self.scene.member_of[m] = group.id
            self.placement = self._place(max_width)

    def _absent(self, phase: str) -> str:
        return "(from the deal)" if phase == "before" else "(ended by the deal)"

    def _place(self, max_width: float) -> layered.Placement:
        s = self.scene
        boxes: list[layered.Box] = []
        for n in s.nodes:
            bid = s.box_of(n)
            if any(b.id == bid for b in boxes):
                continue
            if bid in s.groups:
                g = s.groups[bid]
                items = [
                    _items(g, links, self.name, self._absent(p)) for p, links in self.phases.items()
                ]
                w, h = _list_size(g, items)
                boxes.append(layered.Box(bid, w, h, between=g.members[0] in s.people))
            else:
                size = _name_box(self.name(n), n in (self.tg.acquirer, self.tg.target))
                boxes.append(layered.Box(n, size.w, size.h, between=n in s.people))
        edges = []
        for (u, v, c), uv in self._edge_keys().items():
            rank = {"own": 0, "supply": 1}.get(c)
            w, h = self._label_size((u, v, c)) if (u, v) == uv else (0.0, 0.0)
            edges.append(layered.Edge(u, v, rank, (u, v) == uv, c, w, h))
        return layered.place(boxes, edges, max_width)

    def _label_size(self, key: tuple[str, str, str]) -> tuple[float, float]:
        """The room a link's label needs: the larger of its two phases' labels."""
        sizes = [
            svg.label_size(svg.label_lines(links[key].label))
            for links in self.phases.values()
            if key in links and links[key].label
        ]
        return max((w for w, _ in sizes), default=0.0), max((h for _, h in sizes), default=0.0)

    def _edge_keys(self) -> dict[tuple[str, str, str], tuple[str, str]]:
        """Layout edges (between boxes) → the (from, to) of an original link, if unmerged."""
        out: dict[tuple[str, str, str], tuple[str, str]] = {}
        for u, v, c in self.keys:
            key = (self.scene.box_of(u), self.scene.box_of(v), c)
            out.setdefault(key, (u, v) if key[:2] == (u, v) else ("", ""))
        return out

    def draw(self, phase: str, title: str, changed: str) -> str:
        links, s, p = self.phases[phase], self.scene, self.placement
        c = svg.Canvas()
        for bid, b in p.boxes.items():
            if b.dummy:
                continue
            if bid in s.groups:
                svg.draw_list(
                    c,
                    b,
                    s.groups[bid].title,
                    _items(s.groups[bid], links, self.name, self._absent(phase)),
                )
            else:
                role = (
                    "acquirer"
                    if bid == self.tg.acquirer
                    else "target"
                    if bid == self.tg.target
                    else ""
                )
                size = _name_box(self.name(bid), bool(role))
                svg.draw_box(c, b, size.lines, role, bid in s.people)
        offsets = svg.ends(p.edges, p.boxes)
        drawn = []
        for i, e in enumerate(p.edges):
            members = [
                lk
                for lk in links.values()
                if (s.box_of(lk.u), s.box_of(lk.v)) == (e.u, e.v) and lk.category == e.tag
            ]
            if not members:
                continue
            pts = svg.points(i, e, p.boxes, offsets)
            is_changed = any(lk.changed for lk in members)
            drawn.append((e, members, pts, is_changed))
        for _, members, pts, is_changed in sorted(drawn, key=lambda d: d[3]):
            svg.draw_line(c, members[0].category, is_changed, pts)
        for e, members, _, is_changed in drawn:
            node = e.label_box(p.boxes)
            if e.labelled and members[0].label and node is not None:
                svg.draw_label(c, node, svg.label_lines(members[0].label), is_changed)
        legend = svg.Canvas()
        legend_w, bottom = svg.legend(legend, p.height + 16, changed, max(p.width, self.max_width))
        width = max(p.width, legend_w)
        shift = (width - p.width) / 2  # a chart narrower than its legend is centred on it
        body = (
            f'<g transform="translate({svg.num(shift)},0)">{"".join(c.parts)}</g>'
            if shift
            else "".join(c.parts)
        )
        return svg.svg(
            width + 2 * svg.MARGIN, bottom + 4 + 2 * svg.MARGIN, title, body + "".join(legend.parts)
        )


def diagram(
    tg: GraphOut,
    name: Callable[[str], str],
    max_width: float = MAX_WIDTH,
    max_nodes: int = MAX_NODES,
) -> Diagram:
    """Before and after, laid out once on the union of both phases' links."""
    before = phase_links(tg.before)
    after = phase_links(tg.after)
    for key, link in after.items():
        link.changed = key not in before or before[key].label != link.label
    for key, link in before.items():
        link.changed = key not in after or after[key].label != link.label
    drawing = _Drawing(tg, name, {"before": before, "after": after}, max_width, max_nodes)
    shown = len(drawing.scene.nodes)
    return Diagram(
        drawing.draw(
            "before", "Ownership and control before the deal", "changed or ended by the deal"
        ),
        drawing.draw("after", "Ownership and control after the deal", "new or changed by the deal"),
        shown,
        drawing.scene.hidden,
    )
