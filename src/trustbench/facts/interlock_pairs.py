"""Clayton Act § 8 across every corporation the deal file links: pairs of competing
corporations joined by a person or by one firm's deputies, wherever they sit — the acquirer's
and the target's people on the boards of each other's competitors, an investor's designees on
the boards of competing portfolio companies, existing board links with no transaction.

A pair is two corporations of different enterprises (different ultimate parents after the
deal: a corporate family is one enterprise, outside § 8) that are both active in one product
market of the deal file. They are linked *directly* by a person who is a director or a
board-elected officer of both (§ 8(a)(4)), *indirectly* by a firm whose designees sit on both
boards, or by a firm's designee on the board of a competitor of that firm (deputisation).
Market activity is read at the level of the enterprise [D: a screening approximation — the
corporations themselves must compete for § 8].
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import F, Value, defines, known, unknown
from trustbench.graph.edges import Director, Edge, Officer
from trustbench.model.types import source_ids

Pair = tuple[str, str]
_Q = (
    "Who are the directors and officers (board-elected or not) of every company in the file, "
    "who designated each director, and in which product markets is each company active?"
)


def _enterprise(ctx: FactContext, phase: str, entity: str) -> str:
    return ctx.interests(phase).ultimate_parent(entity)


def _corporation(ctx: FactContext, phase: str, entity: str) -> bool:
    return ctx.phase(phase).node(entity).kind == "company"


def _competing(ctx: FactContext, phase: str) -> dict[Pair, list[str]]:
    """Enterprise pairs (sorted ids) active in one product market → the markets' names."""
    out: dict[Pair, list[str]] = {}
    for market in ctx.deal.markets:
        if market.kind != "product":
            continue
        firms = sorted({_enterprise(ctx, phase, p.entity) for p in market.participants})
        for a, b in combinations(firms, 2):
            out.setdefault((a, b), []).append(market.name)
    return out


def _posts(ctx: FactContext, phase: str, lenient: bool) -> dict[str, set[str]]:
    """person → enterprises where the person is a director or board-elected officer of a
    corporation; ``lenient`` also counts officers whose election by the board is not stated."""
    posts: dict[str, set[str]] = {}
    for person, company, edge in ctx.phase(phase).edges(Edge):
        if not isinstance(edge, Director | Officer) or not _corporation(ctx, phase, company):
            continue
        if isinstance(edge, Officer) and not (
            edge.board_elected is True or (lenient and edge.board_elected is None)
        ):
            continue
        posts.setdefault(person, set()).add(_enterprise(ctx, phase, company))
    return posts


def _deputies(ctx: FactContext, phase: str) -> dict[str, set[str]]:
    """firm (enterprise) → enterprises on whose corporations' boards its designees sit."""
    out: dict[str, set[str]] = {}
    for _, company, director in ctx.phase(phase).edges(Director):
        firm = director.designated_by
        if firm is None or ctx.entity(firm).kind == "person":
            continue
        if _corporation(ctx, phase, company):
            boss = _enterprise(ctx, phase, firm)
            out.setdefault(boss, set()).add(_enterprise(ctx, phase, company))
    return out


def _links(ctx: FactContext, phase: str, lenient: bool = False) -> dict[Pair, set[str]]:
    """Competing enterprise pairs → how they are linked (people's and firms' names)."""
    rivals = _competing(ctx, phase)
    found: dict[Pair, set[str]] = {}

    def add(firms: Iterable[str], how: str) -> None:
        for a, b in combinations(sorted(set(firms)), 2):
            if (a, b) in rivals:
                found.setdefault((a, b), set()).add(how)

    for person, firms in _posts(ctx, phase, lenient).items():
        add(firms, ctx.name(person))
    for firm, boards in _deputies(ctx, phase).items():
        add(boards, f"deputies of {ctx.name(firm)}")
        for board in boards - {firm}:
            add({firm, board}, f"{ctx.name(firm)}'s deputy")
    return found


def _text(ctx: FactContext, phase: str, pair: Pair, how: set[str]) -> str:
    markets = ", ".join(_competing(ctx, phase)[pair])
    return (
        f"{ctx.name(pair[0])} – {ctx.name(pair[1])} (through {', '.join(sorted(how))}; {markets})"
    )


def _partial(ctx: FactContext) -> bool:
    return (
        "boards" in ctx.deal.partial
        or "markets" in ctx.deal.partial
        or any(b.partial for b in ctx.deal.boards)
        or any(m.partial for m in ctx.deal.markets)
    )


def _sources(ctx: FactContext) -> list[str]:
    return [s for b in ctx.deal.boards for s in source_ids(b.source)]


def _pairs(ctx: FactContext, phase: str, *, third: bool) -> Value:
    if not ctx.declared("boards"):
        return unknown("the deal file has no `boards` section")
    if not ctx.declared("markets"):
        return unknown("the deal file has no `markets` section")
    parties = {_enterprise(ctx, phase, ctx.acquirer), _enterprise(ctx, phase, ctx.target)}

    def kept(links: dict[Pair, set[str]]) -> dict[Pair, set[str]]:
        return {p: h for p, h in links.items() if not (third and set(p) == parties)}

    strict, loose = kept(_links(ctx, phase)), kept(_links(ctx, phase, lenient=True))
    listed = [_text(ctx, phase, p, h) for p, h in sorted(strict.items())]
    open_ = [_text(ctx, phase, p, h) for p, h in sorted(loose.items()) if p not in strict]
    if open_ and not listed:
        return unknown(
            "whether the board elects the officer posts linking "
            + "; ".join(open_)
            + " is not given",
            _sources(ctx),
        )
    if not listed and _partial(ctx):
        return unknown("a board or a market's participants are listed only in part")
    note = f"also linked if the board elects the officer: {'; '.join(open_)}" if open_ else None
    return known(listed, _sources(ctx), note)


def _define(name: str, doc: str) -> Callable[[F], F]:
    return defines(
        name,
        name + ".{phase}",
        "list",
        "pairs",
        doc,
        over=("phase",),
        exposed=[{"phase": "after"}],
        test="Clayton Act § 8 (15 U.S.C. § 19): direct and indirect interlocks",
        question=_Q,
        topic="Board and officers",
    )


@_define(
    "interlock.pairs",
    "pairs of competing corporations anywhere in the deal file joined {phase} the deal by a "
    "common director or board-elected officer, or by one firm's deputies (each: the two "
    "corporations, who links them, the markets where they compete)",
)
def _all_pairs(ctx: FactContext, phase: str) -> Value:
    return _pairs(ctx, phase, third=False)


@_define(
    "interlock.third_pairs",
    "the pairs of interlock.pairs other than the acquirer's and the target's enterprises "
    "themselves: links with third companies ({phase} the deal)",
)
def _third_pairs(ctx: FactContext, phase: str) -> Value:
    return _pairs(ctx, phase, third=True)
