"""Clayton Act §8 facts: competing corporations, their capital and competitive sales, and
the director and officer links between the acquirer's group and the target.

A link is *direct* when one person is a director or officer on both sides, *indirect* when
different people sit on the two boards as deputies of the same firm (each designated by it).
§ 8 reaches officers only if elected or chosen by the board: an officer counts where the deal
file says ``board_elected: true``, does not where it says ``false``, and leaves the link
unknown where it is silent. Only corporations (entities of kind ``company``) count.
"""

from __future__ import annotations

from collections.abc import Callable

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group, people_of, target_side
from trustbench.facts.logic import Tri, all_of, any_of
from trustbench.facts.registry import F, FactType, Value, defines, fact, known, unknown
from trustbench.graph.edges import Director, Edge, Employee, Observer, Officer
from trustbench.model.types import source_ids

_Q_S8 = (
    "For the acquirer and the target: capital, surplus and undivided profits at the end "
    "of the last fiscal year; total sales; and sales of products or services that compete "
    "with the other's."
)


def _sides(ctx: FactContext, phase: str) -> tuple[set[str], set[str]]:
    """The acquirer's group and the target with its subsidiaries (not its parent: a seller's
    other businesses are not part of the deal)."""
    target = target_side(ctx, phase)
    return acquirer_group(ctx, phase) - target, target


def _overlapping_markets(ctx: FactContext) -> list[str]:
    group, target = _sides(ctx, "before")
    out = []
    for market in ctx.deal.markets:
        ids = {p.entity for p in market.participants}
        if market.kind == "product" and ids & group and ids & target:
            out.append(market.id)
    return out


@fact(
    "parties.compete",
    "bool",
    "yes/no",
    "the acquirer's and the target's groups are both active in at least one product market "
    "of the deal file",
    test="Clayton §8 (competitors); MG 2023 §2.1, §2.11",
    question="Do the acquirer and the target sell products or services that compete?",
    topic="Markets",
)
def _compete(ctx: FactContext) -> Value:
    markets = _overlapping_markets(ctx)
    sources = [s for m in ctx.deal.markets if m.id in markets for s in source_ids(m.source)]
    if markets:
        return known(True, sources)
    return known(False) if ctx.declared("markets") else unknown()


@fact(
    "parties.overlap_markets",
    "list",
    "names",
    "the product markets in which both parties are active",
    test="MG 2023 §2.1",
    question="Do the acquirer and the target sell products or services that compete, and "
    "in which markets?",
    topic="Markets",
)
def _overlap(ctx: FactContext) -> Value:
    if not ctx.declared("markets"):
        return unknown("the deal file has no `markets` section")
    ids = _overlapping_markets(ctx)
    return known([m.name for m in ctx.deal.markets if m.id in ids])


_OWN = {"acquirer": "the acquirer group's", "target": "the target and its subsidiaries'"}


def _party(ctx: FactContext, party: str) -> str:
    return ctx.acquirer if party == "acquirer" else ctx.target


def _s8(
    measure: str, unit: str, doc: str, test: str, suffix: str = ".usd", own: bool = False
) -> Callable[[F], F]:
    return defines(
        f"s8.{measure}",
        f"s8.{measure}.{{party}}{suffix}",
        "double",
        unit,
        doc,
        over=("party",),
        exposed=[{"party": "acquirer"}, {"party": "target"}],
        words={"party": _OWN} if own else {},
        test=test,
        question=_Q_S8,
        topic="Financials",
    )


@_s8(
    "capital", "USD", "the {party}'s capital, surplus and undivided profits", "15 U.S.C. § 19(a)(1)"
)
def _capital(ctx: FactContext, party: str) -> Value:
    entity = ctx.entity(_party(ctx, party))
    return ctx.convert(entity.capital, "USD", source_ids(entity.source))


@_s8(
    "competitive_sales",
    "USD",
    "{party} sales in the product markets where both parties are active (0 if there are none)",
    "15 U.S.C. § 19(a)(2)(A)–(C)",
    own=True,
)
def _competitive(ctx: FactContext, party: str) -> Value:
    if not ctx.declared("markets"):
        return unknown("the deal file has no `markets` section")
    who = _sides(ctx, "before")[0 if party == "acquirer" else 1]
    ids = _overlapping_markets(ctx)
    total = 0.0
    sources: list[str] = []
    for market in ctx.deal.markets:
        for part in market.participants if market.id in ids else ():
            if part.entity not in who:
                continue
            value = ctx.convert(part.sales, "USD", source_ids(part.source))
            if not value.known:
                return unknown(f"{ctx.name(part.entity)}'s sales in {market.name} are not given")
            total += value.value
            sources.extend(value.sources)
    note = None if ids else "the parties do not compete in any product market of the deal file"
    return known(total, sources, note)


@_s8(
    "competitive_sales_ratio",
    "share",
    "the {party}'s competitive sales as a share of its total (worldwide) sales, latest fiscal year",
    "15 U.S.C. § 19(a)(2)(B)–(C) (2 % and 4 % safe harbours)",
    suffix="",
)
def _ratio(ctx: FactContext, party: str) -> Value:
    comp = ctx.of("s8.competitive_sales", party=party)
    total = ctx.figure(ctx.entity(_party(ctx, party)).revenues, "worldwide", "USD")
    if comp.known and comp.value == 0:
        return known(0.0, comp.sources, "no competitive sales")
    if not (comp.known and total.known) or not total.value:
        return unknown(sources=(*comp.sources, *total.sources))
    return known(comp.value / total.value, (*comp.sources, *total.sources))


_Q_LINKS = (
    "Who are the directors and officers of the acquirer's group and of the target after "
    "the deal, which officers are elected or chosen by the board, and who designated "
    "each director?"
)


def _corporations(ctx: FactContext, ids: set[str]) -> set[str]:
    phase = ctx.phase("after")
    return {e for e in ids if phase.node(e).kind == "company"}


def _holds_post(ctx: FactContext, phase: str, person: str, companies: set[str]) -> Tri:
    """Whether ``person`` is a director, or a board-elected officer, of one of ``companies``."""
    flags: list[Tri] = []
    for _, company, post in ctx.phase(phase).edges(Edge, u=person):
        if company in companies and isinstance(post, Director):
            return True
        if company in companies and isinstance(post, Officer):
            flags.append(post.board_elected)
    return any_of(flags)


def _direct(ctx: FactContext, phase: str) -> tuple[dict[str, Tri], list[str]]:
    """People who hold a post on both sides: person → whether both posts count for § 8."""
    sides = [_corporations(ctx, side) for side in _sides(ctx, phase)]
    people = [people_of(ctx, phase, side) for side in sides]
    both = sorted(set(people[0]) & set(people[1]))
    return (
        {
            person: all_of(_holds_post(ctx, phase, person, side) for side in sides)
            for person in both
        },
        [s for p in both for side in people for s in side[p]],
    )


Deputies = dict[str, tuple[set[str], set[str]]]


def _indirect(ctx: FactContext, phase: str) -> tuple[Deputies, list[str]]:
    """Firms whose designees sit on the boards of both sides: firm → (people on the
    acquirer's side, people on the target's side), different people on each; and sources."""
    sides = [_corporations(ctx, side) for side in _sides(ctx, phase)]
    interests = ctx.interests(phase)
    seats: Deputies = {}
    sources: dict[str, list[str]] = {}
    for person, company, seat in ctx.phase(phase).edges(Director):
        firm = seat.designated_by
        if firm is None or ctx.entity(firm).kind == "person":
            continue
        firm = interests.ultimate_parent(firm)
        for i, side in enumerate(sides):
            if company in side:
                seats.setdefault(firm, (set(), set()))[i].add(person)
                sources.setdefault(firm, []).extend(seat.source)
    found = {
        firm: (a, t)
        for firm, (a, t) in sorted(seats.items())
        if a and t and any(p != q for p in a for q in t)
    }
    return found, [s for firm in found for s in sources[firm]]


def _boards_known(ctx: FactContext, phase: str) -> bool:
    return ctx.declared("boards") or any(
        (isinstance(e, Director | Observer) and e.appointed)
        or (isinstance(e, Officer | Employee) and e.hired)
        for _, _, e in ctx.phase(phase).edges(Edge)
    )


def _links_fact(
    name: str, type: FactType, unit: str, doc: str, *, test: str, question: str, topic: str
) -> Callable[[F], F]:
    return defines(
        name,
        name + ".{phase}",
        type,
        unit,
        doc,
        over=("phase",),
        exposed=[{"phase": "after"}],
        test=test,
        question=question,
        topic=topic,
    )


@_links_fact(
    "interlock.direct",
    "list",
    "names",
    "people who are {phase} the deal directors or board-elected officers both of a "
    "corporation of the acquirer's group and of the target (or its subsidiaries)",
    test="Clayton Act §8 (15 U.S.C. § 19): direct interlock",
    question=_Q_LINKS,
    topic="Board and officers",
)
def _direct_names(ctx: FactContext, phase: str) -> Value:
    if not _boards_known(ctx, phase):
        return unknown("the deal file has no `boards` section")
    links, sources = _direct(ctx, phase)
    undecided = [ctx.name(p) for p, v in links.items() if v is None]
    if undecided:
        return unknown(
            f"whether the board elects the officer post of {', '.join(undecided)} is not given",
            sources,
        )
    return known([ctx.name(p) for p, v in links.items() if v], sources)


@_links_fact(
    "interlock.indirect",
    "list",
    "names",
    "firms whose deputies — different people each designated by the firm — sit {phase} "
    "the deal on the boards of both a corporation of the acquirer's group and the target",
    test="Clayton Act §8: indirect interlock (deputisation)",
    question=_Q_LINKS,
    topic="Board and officers",
)
def _indirect_names(ctx: FactContext, phase: str) -> Value:
    if not _boards_known(ctx, phase):
        return unknown("the deal file has no `boards` section")
    links, sources = _indirect(ctx, phase)
    note = "; ".join(
        f"{ctx.name(f)}: {', '.join(ctx.name(p) for p in sorted(a))} and "
        f"{', '.join(ctx.name(p) for p in sorted(t))}"
        for f, (a, t) in links.items()
    )
    return known([ctx.name(f) for f in links], sources, note or None)


@_links_fact(
    "interlock.link",
    "bool",
    "yes/no",
    "{phase} the deal a direct or indirect director or board-elected officer link "
    "joins a corporation of the acquirer's group and the target",
    test="Clayton Act §8 (15 U.S.C. § 19)",
    question=_Q_LINKS,
    topic="Board and officers",
)
def _link(ctx: FactContext, phase: str) -> Value:
    if not _boards_known(ctx, phase):
        return unknown("the deal file has no `boards` section")
    (direct, d_sources), (indirect, i_sources) = _direct(ctx, phase), _indirect(ctx, phase)
    result = any_of([*direct.values(), bool(indirect)])
    sources = [*d_sources, *i_sources]
    if result is None:
        return unknown("whether the board elects an officer on the link is not given", sources)
    return known(result, sources)
