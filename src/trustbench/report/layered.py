"""A small layered graph layout (after Sugiyama et al.), enough for structure charts.

Knows nothing about deals: it takes boxes with sizes and directed edges, and returns
positions. ``report.diagram`` decides what the boxes and edges mean.

1. **Rows.** Ranking edges (``rank=0`` first, then ``rank=1``) put their source above their
   target by longest path; an edge that would close a cycle is ignored for ranking.
   Sources with no predecessor are pulled down to sit just above what they point to.
   Boxes marked ``between`` (people) take the half-row next to the boxes they link to.
2. **Routing.** An edge spanning several rows gets one dummy point per row it crosses.
3. **Order.** Barycentre sweeps, down and up, with stable tie-breaks (deterministic).
4. **Wrapping.** A row wider than ``max_width`` is split onto extra rows.
5. **Labels.** Label rows open between the rows of boxes. A labelled edge's label is a node
   on one of them (a dummy the width of the label), and an edge between two boxes of one row
   dips to the label row below and back. As many label rows open as keep each within
   ``max_width``.
6. **Placement.** Rows are centred, then each box moves towards the mean position of the
   boxes it is linked to, keeping the order and a minimum gap. Row gaps grow with the
   horizontal run of the lines that cross them.

What this guarantees the drawing (``report.svgdraw``): inside a row every line is vertical
(through a dummy, or a stub between a box and its row's edge), and a label sits just right
of its own line; between rows there are only straight lines. Since nodes of a row keep
``GAP_X`` apart, no label can touch a line, a box or another label.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

GAP_X = 16.0
GAP_Y_MIN, GAP_Y_MAX, SLOPE = 14.0, 64.0, 0.3  # row gap: the widest run of a line times SLOPE
DUMMY_W = 6.0
LABEL_GAP = 3.0  # between an edge's line and its label


@dataclass
class Box:
    id: str
    w: float
    h: float
    between: bool = False  # placed on a half-row next to the boxes it links to (people)
    dummy: bool = False
    label: bool = False  # a dummy holding its edge's label; the edge runs down its left side
    row: int = 0
    x: float = 0.0  # centre
    y: float = 0.0  # top
    top: float = 0.0  # the row's top and bottom
    bottom: float = 0.0

    @property
    def port(self) -> float:
        """Where lines meet the box: its centre, or a label's left side."""
        return self.x - self.w / 2 if self.label else self.x


@dataclass
class Edge:
    u: str
    v: str
    rank: int | None = None  # 0 or 1: this edge orders rows (u above v); None: it does not
    labelled: bool = True
    tag: str = ""  # the caller's: what the edge stands for
    label_w: float = 0.0  # the label's size; 0: no label
    label_h: float = 0.0
    path: list[str] = field(default_factory=list)  # u, dummy ids…, v

    def label_box(self, boxes: dict[str, Box]) -> Box | None:
        return next((boxes[b] for b in self.path if boxes[b].label), None)


@dataclass
class Placement:
    boxes: dict[str, Box]
    edges: list[Edge]
    width: float
    height: float
    wrapped: bool = False


def place(boxes: list[Box], edges: list[Edge], max_width: float) -> Placement:
    """Lay out ``boxes`` (given order = initial order) and route ``edges``."""
    by_id = {b.id: b for b in boxes}
    edges = [e for e in edges if e.u in by_id and e.v in by_id and e.u != e.v]
    for bid, row in _rows(boxes, edges).items():
        by_id[bid].row = row
    initial = [b.id for b in boxes]
    _route(edges, by_id)
    rows = _order(by_id, edges, initial)
    wrapped = False
    for _ in range(8):
        if not _wrap(by_id, rows, max_width):
            break
        wrapped = True
        _route(edges, by_id)
        rows = _order(by_id, edges, initial)
    _route(edges, by_id, _label_rows(by_id, edges, max_width))
    rows = _order(by_id, edges, initial)
    width = _place_x(by_id, rows, edges)
    height = _place_y(by_id, rows, edges)
    return Placement(by_id, edges, width, height, wrapped)


# ---------------------------------------------------------------------------- rows


def _rows(boxes: list[Box], edges: list[Edge]) -> dict[str, int]:
    solid = [b.id for b in boxes if not b.between]
    solid_set = set(solid)
    succ: dict[str, list[str]] = defaultdict(list)
    pred: dict[str, list[str]] = defaultdict(list)
    for level in (0, 1):
        for e in edges:
            if e.rank != level or e.u not in solid_set or e.v not in solid_set:
                continue
            if e.v in succ[e.u] or _reaches(succ, e.v, e.u):
                continue
            succ[e.u].append(e.v)
            pred[e.v].append(e.u)
    order = _topological(solid, succ, pred)
    rank: dict[str, int] = {}
    for n in order:
        rank[n] = max((rank[p] + 1 for p in pred[n]), default=0)
    for n in reversed(order):
        if not pred[n] and succ[n]:
            rank[n] = min(rank[s] for s in succ[n]) - 1
    row = {n: 2 * r for n, r in rank.items()}
    linked: dict[str, set[int]] = defaultdict(set)
    for e in edges:
        for end, other in ((e.u, e.v), (e.v, e.u)):
            if end not in solid_set and other in rank:
                linked[end].add(rank[other])
    for b in boxes:
        if b.between:
            ranks = sorted(linked[b.id]) or [0]
            row[b.id] = 2 * ranks[0] + 1 if len(ranks) > 1 else 2 * ranks[0] - 1
    used = {r: i for i, r in enumerate(sorted(set(row.values())))}
    return {n: used[r] for n, r in row.items()}


def _reaches(succ: dict[str, list[str]], a: str, b: str) -> bool:
    stack, seen = [a], {a}
    while stack:
        n = stack.pop()
        if n == b:
            return True
        for m in succ[n]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return False


def _topological(
    nodes: list[str], succ: dict[str, list[str]], pred: dict[str, list[str]]
) -> list[str]:
    indegree = {n: len(pred[n]) for n in nodes}
    ready = deque(n for n in nodes if indegree[n] == 0)
    out: list[str] = []
    while ready:
        n = ready.popleft()
        out.append(n)
        for m in succ[n]:
            indegree[m] -= 1
            if indegree[m] == 0:
                ready.append(m)
    seen = set(out)
    return out + [n for n in nodes if n not in seen]


# ---------------------------------------------------------------------------- routing, order


def _route(edges: list[Edge], boxes: dict[str, Box], labels: dict[int, int] | None = None) -> None:
    """Dummies on the rows each edge crosses; ``labels``: edge index → its label's row."""
    labels = labels or {}
    for bid in [b.id for b in boxes.values() if b.dummy]:
        del boxes[bid]
    for i, e in enumerate(edges):
        a, b = boxes[e.u].row, boxes[e.v].row
        step = 1 if b > a else -1
        e.path = [e.u]
        crossed = list(range(a + step, b, step))
        if a == b and i in labels:  # within a row: down to the label's row and back up
            crossed = [*range(a + 1, labels[i] + 1), *range(labels[i] - 1, a, -1)]
        for k, r in enumerate(crossed):
            did = f"\x00{i}:{r}:{k}"
            if labels.get(i) == r and e.label_w:
                boxes[did] = Box(did, e.label_w + LABEL_GAP, e.label_h, dummy=True, label=True)
            else:
                boxes[did] = Box(did, DUMMY_W, 0.0, dummy=True)
            boxes[did].row = r
            e.path.append(did)
        e.path.append(e.v)


def _label_rows(boxes: dict[str, Box], edges: list[Edge], max_width: float) -> dict[int, int]:
    """Open label rows below each row of boxes, move the boxes down to make room, and give
    each labelled edge, and each edge within one row, a place; edge index → its row."""
    count = max(b.row for b in boxes.values() if not b.dummy) + 1
    crossing = [0] * count  # edges that cross the band below each row
    spans: dict[int, range] = {}
    for i, e in enumerate(edges):
        a, b = sorted((boxes[e.u].row, boxes[e.v].row))
        spans[i] = range(a, max(b, a + 1))
        for r in spans[i]:
            crossing[r] += 1
    base = [n * (DUMMY_W + GAP_X) - GAP_X for n in crossing]  # a label row of dummies only
    used: dict[int, list[float]] = defaultdict(list)  # band → extra width on each label row
    spot: dict[int, tuple[int, int]] = {}
    for i, e in enumerate(edges):
        if e.label_w or boxes[e.u].row == boxes[e.v].row:
            extra = e.label_w + LABEL_GAP - DUMMY_W if e.label_w else 0.0
            spot[i] = _band_spot(used, spans[i], extra, base, max_width)
    first, row = {}, 0
    for r in range(count):
        first[r] = row
        row += 1 + len(used[r])
    for box in boxes.values():
        box.row = first[box.row]
    return {i: first[band] + 1 + k for i, (band, k) in spot.items()}


def _band_spot(
    used: dict[int, list[float]], bands: range, extra: float, base: list[float], max_width: float
) -> tuple[int, int]:
    """The first label row in ``bands`` with room for ``extra`` width, or a new one."""
    for band in bands:
        for k, taken in enumerate(used[band]):
            if base[band] + taken + extra <= max_width:
                used[band][k] += extra
                return band, k
    band = min(bands, key=lambda b: (len(used[b]), b))
    used[band].append(extra)
    return band, len(used[band]) - 1


def _segments(edges: list[Edge]) -> list[tuple[str, str]]:
    return [(a, b) for e in edges for a, b in zip(e.path, e.path[1:], strict=False)]


def _order(boxes: dict[str, Box], edges: list[Edge], initial: list[str]) -> list[list[str]]:
    count = max(b.row for b in boxes.values()) + 1
    position = {n: i for i, n in enumerate(initial)}
    rows: list[list[str]] = [[] for _ in range(count)]
    for bid in sorted(boxes, key=lambda n: (position.get(n, len(position)), n)):
        rows[boxes[bid].row].append(bid)
    above: dict[str, list[str]] = defaultdict(list)
    below: dict[str, list[str]] = defaultdict(list)
    for a, b in _segments(edges):
        if boxes[a].row > boxes[b].row:
            a, b = b, a
        if boxes[a].row < boxes[b].row:
            below[a].append(b)
            above[b].append(a)
    for _ in range(4):
        for sweep, neighbours in ((range(1, count), above), (range(count - 2, -1, -1), below)):
            for r in sweep:
                index = {n: i for row in rows for i, n in enumerate(row)}
                rows[r].sort(
                    key=lambda n, i=index, nb=neighbours: (  # type: ignore[misc]
                        sum(i[m] for m in nb[n]) / len(nb[n]) if nb[n] else i[n],
                        i[n],
                    )
                )
    return rows


def _wrap(boxes: dict[str, Box], rows: list[list[str]], max_width: float) -> bool:
    """Move the boxes that do not fit onto new rows below; True if any row was split."""
    moved, shift = False, 0
    for r, row in enumerate(rows):
        chunks: list[list[str]] = [[]]
        dummies = [b for b in row if boxes[b].dummy]  # fixed to this row: budget for them
        width = sum(boxes[b].w + GAP_X for b in dummies)
        for bid in (b for b in row if not boxes[b].dummy):
            w = boxes[bid].w + (GAP_X if chunks[-1] else 0.0)
            if chunks[-1] and width + w > max_width:
                chunks.append([])
                width, w = 0.0, boxes[bid].w
            chunks[-1].append(bid)
            width += w
        for offset, chunk in enumerate(chunks):
            for bid in chunk:
                boxes[bid].row = r + shift + offset
        moved = moved or len(chunks) > 1
        shift += len(chunks) - 1
    return moved


# ---------------------------------------------------------------------------- placement


def _row_width(boxes: dict[str, Box], row: list[str]) -> float:
    return sum(boxes[b].w for b in row) + GAP_X * max(0, len(row) - 1)


def _place_x(boxes: dict[str, Box], rows: list[list[str]], edges: list[Edge]) -> float:
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in _segments(edges):
        neighbours[a].append(b)
        neighbours[b].append(a)
    widest = max(_row_width(boxes, row) for row in rows)
    for row in rows:
        x = (widest - _row_width(boxes, row)) / 2
        for bid in row:
            boxes[bid].x = x + boxes[bid].w / 2
            x += boxes[bid].w + GAP_X
    for _ in range(8):
        for row in rows:
            wanted = [
                sum(boxes[m].port for m in neighbours[b]) / len(neighbours[b])
                + (boxes[b].x - boxes[b].port)
                if neighbours[b]
                else boxes[b].x
                for b in row
            ]
            _fit(boxes, row, wanted, widest)
    _straighten(boxes, rows, edges, widest)
    return widest


def _straighten(
    boxes: dict[str, Box], rows: list[list[str]], edges: list[Edge], width: float
) -> None:
    """Line up the dummies of each long edge on one x, where every row they cross has room:
    a straight run instead of a staircase."""
    index = {b: i for row in rows for i, b in enumerate(row)}
    for e in edges:
        inner = e.path[1:-1]
        if len(inner) < 2 or boxes[e.u].row == boxes[e.v].row:
            continue
        ports = sorted(boxes[b].port for b in inner)
        middle = ports[len(ports) // 2]
        for x in sorted(ports, key=lambda p, m=middle: (abs(p - m), p)):  # type: ignore[misc]
            moved = {b: x + boxes[b].x - boxes[b].port for b in inner}
            if all(_room(boxes, rows[boxes[b].row], index[b], moved[b], width) for b in inner):
                for b, centre in moved.items():
                    boxes[b].x = centre
                break


def _room(boxes: dict[str, Box], row: list[str], i: int, centre: float, width: float) -> bool:
    """Whether the ``i``-th box of ``row`` can move its centre to ``centre``."""
    half = boxes[row[i]].w / 2
    if centre - half < 0 or centre + half > width:
        return False
    left = boxes[row[i - 1]] if i > 0 else None
    right = boxes[row[i + 1]] if i + 1 < len(row) else None
    return (left is None or left.x + left.w / 2 + GAP_X <= centre - half) and (
        right is None or centre + half + GAP_X <= right.x - right.w / 2
    )


def _fit(boxes: dict[str, Box], row: list[str], wanted: list[float], width: float) -> None:
    """Move a row's boxes towards ``wanted``, keeping order, gaps and the [0, width] band."""
    xs = list(wanted)
    for i, bid in enumerate(row):
        low = (
            boxes[bid].w / 2
            if i == 0
            else xs[i - 1] + (boxes[row[i - 1]].w + boxes[bid].w) / 2 + GAP_X
        )
        xs[i] = max(xs[i], low)
    for i in range(len(row) - 1, -1, -1):
        bid = row[i]
        high = (
            width - boxes[bid].w / 2
            if i == len(row) - 1
            else xs[i + 1] - (boxes[row[i + 1]].w + boxes[bid].w) / 2 - GAP_X
        )
        xs[i] = min(xs[i], high)
    for bid, x in zip(row, xs, strict=True):
        boxes[bid].x = x


def _place_y(boxes: dict[str, Box], rows: list[list[str]], edges: list[Edge]) -> float:
    """Row tops; the gap below a row grows with the horizontal run of the lines crossing it."""
    run = [0.0] * len(rows)
    for a, b in _segments(edges):
        top = min(boxes[a].row, boxes[b].row)
        if boxes[a].row != boxes[b].row:
            run[top] = max(run[top], abs(boxes[a].port - boxes[b].port))
    y = 0.0
    for r, row in enumerate(rows):
        height = max((boxes[b].h for b in row if boxes[b].label or not boxes[b].dummy), default=4.0)
        for bid in row:
            box = boxes[bid]
            box.top, box.bottom = y, y + height
            if box.dummy and not box.label:
                box.y, box.h = y, height
            else:
                box.y = y + (height - box.h) / 2
        if r < len(rows) - 1:
            y += height + min(GAP_Y_MAX, max(GAP_Y_MIN, SLOPE * run[r]))
        else:
            y += height
    return y
