"""What every control concept is built from: the target's register of shareholders and
right holders, grouped by ultimate parent, with the acquirer's group as one party.

The votes and capital a group holds are the sums of its members' direct holdings, each
counted whole: control concepts attribute to an undertaking what the undertakings it controls
hold (16 CFR 801.1(c); Jurisdictional Notice ¶¶ 175–184; GWB § 36(2)), not the diluted
product along a chain that ``acquirer.equity``/``acquirer.voting`` measure.

The other parties are the target's other shareholders, grouped by ultimate parent, and
anyone the rights name. While the rights are not stated, a shareholder's vetoes are unknown;
rights of non-shareholders (lenders, customers) are not presumed.

Facts here give ingredients and structural findings only. A *majority* — more than half of
the votes or seats — and *half* are definitions, not thresholds (one share, with its
references, in :mod:`trustbench.graph.control_share`); every other level (25 %, 15 %, 75 % …)
belongs in a rule pack as a dated parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from trustbench.facts.context import FactContext
from trustbench.facts.governance import (
    STRATEGIC_MATTERS,
    acquirer_group,
    rights_known,
    target_side,
)
from trustbench.facts.logic import Tri, all_of, any_of, negate
from trustbench.facts.registry import Value, known, phased, unknown
from trustbench.graph.control_share import EPSILON, above_half, half_or_more
from trustbench.graph.edges import Holds, RightEdge
from trustbench.model.bounds import Range, plus

Q_REGISTER = (
    "Who holds the target's shares before and after the deal (each holder's share of "
    "the capital and of the votes, and which group it belongs to), what share of the "
    "votes is typically cast at its general meetings, how many seats its board has, "
    "and which veto, consent or board-appointment rights each shareholder holds?"
)


@dataclass(frozen=True)
class Party:
    """A shareholder or right holder of the target, with its whole group."""

    id: str
    votes: float | None
    capital: float | None
    seats: int | None
    """board seats it may appoint by right (``None``: rights not stated)"""
    strategic: tuple[str, ...] | None
    """strategic matters it can veto (``None``: rights not stated)"""


@dataclass(frozen=True)
class Register:
    acquirer: Party
    others: tuple[Party, ...]
    unlisted_votes: float | None
    """votes no listed holder holds (``None`` if a listed share or the holdings are unknown)"""
    unlisted_capital: float | None
    unlisted_votes_max: float
    """at most this share of the votes is held by parties not listed: the votes no listed
    holder is known to hold (an exact figure where :attr:`unlisted_votes` is known)"""
    unlisted_capital_max: float
    rights_stated: bool
    """the rights in force are stated, so every right holder is a listed party"""
    complete: bool
    """the holdings are stated and not marked partial: unlisted votes are no listed holder's"""
    board_size: int | None
    designated: int | None
    """target directors the acquirer's group designated (``None``: board not listed)"""
    attendance: float | None
    sources: tuple[str, ...]


def _add(total: float | None, share: float | None) -> float | None:
    return None if total is None or share is None else total + share


Shares = dict[str, float | None]


def _holdings(
    ctx: FactContext, phase: str, key: Callable[[str], str], target: set[str]
) -> tuple[Shares, Shares, list[str]]:
    """Votes and capital of the target held by each party (members' holdings added).

    The acquirer's group holds nothing it is not listed as holding, unless the holdings are
    marked partial: its stake is then unknown (never none), as in
    :meth:`~trustbench.graph.interests.Interests.direct`."""
    partial = "holdings" in ctx.phase(phase).partial
    votes: Shares = {ctx.acquirer: 0.0}
    capital: Shares = {ctx.acquirer: 0.0}
    listed: set[str] = set()
    sources: list[str] = []
    for holder, _, held in ctx.phase(phase).edges(Holds, v=ctx.target):
        if holder in target:
            continue
        k = key(holder)
        votes[k] = _add(votes.get(k, 0.0), held.voting)
        capital[k] = _add(capital.get(k, 0.0), held.equity)
        listed.add(k)
        sources.extend(held.source)
    if partial and ctx.acquirer not in listed:
        votes[ctx.acquirer] = _left_for_unlisted(votes)
        capital[ctx.acquirer] = _left_for_unlisted(capital)
    return votes, capital, sources


def _left_for_unlisted(shares: Shares) -> float | None:
    """An unlisted party's share on a partial list: none if the listed holders already hold
    everything, else unknown."""
    listed = [v for v in shares.values() if v is not None]
    return 0.0 if sum(listed) >= 1 - EPSILON else None


def _rights(
    ctx: FactContext, phase: str, key: Callable[[str], str]
) -> tuple[dict[str, int], dict[str, set[str]], list[str]]:
    """Board seats each party may appoint and the strategic matters it can veto."""
    seats: dict[str, int] = {}
    strategic: dict[str, set[str]] = {}
    sources: list[str] = []
    for holder, _, right in ctx.phase(phase).edges(RightEdge, v=ctx.target):
        k = key(holder)
        seats[k] = seats.get(k, 0) + (right.seats or 0 if right.kind == "board_appointment" else 0)
        matters = right.matters if right.kind in ("veto", "consent") else ()
        strategic.setdefault(k, set()).update(m for m in matters if m in STRATEGIC_MATTERS)
        sources.extend(right.source)
    return seats, strategic, sources


def register(ctx: FactContext, phase: str) -> Register:
    """The target's shareholders and right holders, each with its whole group (worked out
    once per phase: many control facts read it)."""
    return ctx.memo(("control.register", phase), lambda: _register(ctx, phase))


def _register(ctx: FactContext, phase: str) -> Register:
    target = target_side(ctx, phase)
    group = acquirer_group(ctx, phase) - target
    interests = ctx.interests(phase)

    def key(entity: str) -> str:
        return ctx.acquirer if entity in group else interests.ultimate_parent(entity)

    votes, capital, held = _holdings(ctx, phase, key, target)
    seats, strategic, granted = _rights(ctx, phase, key)
    stated = rights_known(ctx, phase)
    no_stake = votes[ctx.acquirer] == 0.0 and capital[ctx.acquirer] == 0.0
    parties = {
        k: Party(
            k,
            votes.get(k, 0.0),
            capital.get(k, 0.0),
            seats.get(k, 0) if stated else None,
            tuple(sorted(strategic.get(k, ()))) if stated else None,
        )
        for k in {*votes, *seats}
    }
    acquirer = parties.pop(ctx.acquirer)
    designated = ctx.of("acquirer.board.designated", phase=phase)
    chosen = designated.value
    if no_stake and not acquirer.seats and not acquirer.strategic:
        # rights of non-shareholders are not presumed (module docstring), and with neither a
        # stake nor a right there is nothing to designate a director through
        acquirer = Party(acquirer.id, 0.0, 0.0, 0, ())
        chosen = 0 if chosen is None else chosen
    return Register(
        acquirer=acquirer,
        others=tuple(parties[k] for k in sorted(parties)),
        unlisted_votes=_unlisted(ctx, votes.values()),
        unlisted_capital=_unlisted(ctx, capital.values()),
        unlisted_votes_max=max(0.0, 1.0 - sum(v for v in votes.values() if v is not None)),
        unlisted_capital_max=max(0.0, 1.0 - sum(v for v in capital.values() if v is not None)),
        rights_stated=stated,
        complete=ctx.declared("holdings") and "holdings" not in ctx.phase(phase).partial,
        board_size=_board_size(ctx, phase),
        designated=chosen,
        attendance=ctx.entity(ctx.target).attendance,
        sources=(*held, *granted, *designated.sources),
    )


def _unlisted(ctx: FactContext, shares: Iterable[float | None]) -> float | None:
    values = list(shares)
    if not ctx.declared("holdings") or any(v is None for v in values):
        return None
    return max(0.0, 1.0 - sum(v for v in values if v is not None))


def _board_size(ctx: FactContext, phase: str) -> int | None:
    size = ctx.phase(phase).node(ctx.target).board_size
    return None if size is None else int(size)


# -- structural findings ---------------------------------------------------------------------


def board_power(reg: Register, *, majority: bool) -> Tri:
    """Whether the acquirer's group appoints by right, or has designated, more than half
    (``majority``) or at least half of the target's board seats."""
    counts = [reg.acquirer.seats, reg.designated]
    size = reg.board_size

    if size and any(
        n is not None and (above_half(n / size) if majority else half_or_more(n / size))
        for n in counts
    ):
        return True
    if None in counts:
        return None
    if max(n for n in counts if n is not None) == 0:
        return False
    return None if not size else False


def votes_of_attendance(reg: Register) -> float | None:
    """The acquirer's votes as a share of the votes typically cast (its own are always cast:
    the share cast is taken as at least its own)."""
    v = reg.acquirer.votes
    if v is None:
        return None
    if v == 0 or v >= 1 - EPSILON:
        return min(v, 1.0)
    if reg.attendance is None:
        return None
    return v / max(reg.attendance, v)


def majority_of_votes_cast(reg: Register) -> Tri:
    """The acquirer's group holds a majority of the votes typically cast (de facto control
    at general meetings). False when another party holds at least as many votes: it cannot
    then be expected to carry the meetings."""
    v = reg.acquirer.votes
    if v is not None and above_half(v):
        return True
    if v is not None and any(p.votes is not None and p.votes >= v for p in reg.others):
        return False
    ratio = votes_of_attendance(reg)
    return None if ratio is None else above_half(ratio)


def positive_power(reg: Register) -> Tri:
    """The acquirer's group can determine the target's decisions: a majority of the votes,
    of the votes typically cast, or of the board."""
    v = reg.acquirer.votes
    return any_of(
        [
            None if v is None else above_half(v),
            majority_of_votes_cast(reg),
            board_power(reg, majority=True),
        ]
    )


def acquirer_blocks(reg: Register) -> Tri:
    """The acquirer's group can block strategic decisions: vetoes over strategic matters,
    half of the votes, or half of the board."""
    v, vetoes = reg.acquirer.votes, reg.acquirer.strategic
    return any_of(
        [
            None if vetoes is None else bool(vetoes),
            None if v is None else half_or_more(v),
            board_power(reg, majority=False),
        ]
    )


def _party_blocks(party: Party, size: int | None) -> Tri:
    seats: Tri
    if party.seats is None:
        seats = None
    elif party.seats == 0:
        seats = False
    else:
        seats = None if not size else half_or_more(party.seats / size)
    return any_of(
        [
            None if party.votes is None else half_or_more(party.votes),
            None if party.strategic is None else bool(party.strategic),
            seats,
        ]
    )


def other_blockers(reg: Register) -> tuple[Tri, list[str]]:
    """Whether another party can block (or determine) strategic decisions — half of the
    votes, strategic vetoes or half of the board — and which listed parties can. Votes
    nobody is listed as holding could belong to one such holder if they reach half."""
    found = [p.id for p in reg.others if _party_blocks(p, reg.board_size)]
    flags = [_party_blocks(p, reg.board_size) for p in reg.others]
    return any_of([*flags, _unlisted_blocks(reg)]), found


def _unlisted_blocks(reg: Register) -> Tri:
    """Whether parties the holdings do not list could block. Not if no vote is left for
    them (the acquirer holds them all); by votes only if what is left reaches half; by
    rights only if the rights are not stated and the holdings may leave a holder out."""
    rest = reg.unlisted_votes if reg.unlisted_votes is not None else reg.unlisted_votes_max
    if rest <= EPSILON:
        return False
    by_votes: Tri = None if half_or_more(rest) else False
    by_rights: Tri = False if reg.complete or reg.rights_stated else None
    return any_of([by_votes, by_rights])


def sole_control(reg: Register) -> Tri:
    """The acquirer's group can determine strategic decisions and nobody else can block
    them."""
    blockers, _ = other_blockers(reg)
    return all_of([positive_power(reg), negate(blockers)])


def shares_value(ctx: FactContext, phase: str, measure: str) -> Value:
    reg = register(ctx, phase)
    share = reg.acquirer.votes if measure == "voting" else reg.acquirer.capital
    if share is not None:
        return known(share, reg.sources)
    bounded = _bounded_sum(ctx, phase, measure)
    if bounded is not None:
        return known(bounded, reg.sources, "from holdings given as bounds")
    return unknown(
        f"the {measure} share of a holding of the acquirer's group in the target is not given",
        reg.sources,
    )


def _bounded_sum(ctx: FactContext, phase: str, measure: str) -> float | Range | None:
    """The group's share where some of its holdings are given only as bounds: the sum of
    the ends (``None`` if a holding has neither figure nor bound, or no end is bounded)."""
    group = acquirer_group(ctx, phase) - target_side(ctx, phase)
    total: float | Range | None = 0.0
    bounded = False
    for holder, _, held in ctx.phase(phase).edges(Holds, v=ctx.target):
        share = held.share_or_bound(measure) if holder in group else 0.0
        if share is None or total is None:
            return None
        bounded = bounded or isinstance(share, Range)
        total = plus(total, share)
    # with no bound among them, the register's unknown stands (a partial list, say)
    return total if bounded else None


@phased(
    "acquirer.board.majority",
    "bool",
    "yes/no",
    "the acquirer's group appoints by right, or has designated, more than half of the "
    "target's board seats",
    test="EUMR Art. 3 (sole control); CMA de facto control; 16 CFR 801.1(b)(2)",
    question=Q_REGISTER,
    topic="Board and officers",
    phases=("after",),
)
def _board_majority(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    result = board_power(reg, majority=True)
    if result is None:
        return unknown(
            "the board's size, the acquirer's designees or its appointment rights are not given",
            reg.sources,
        )
    return known(result, reg.sources)


@phased(
    "acquirer.group.votes",
    "double",
    "share",
    "the share of the target's votes held by the acquirer's group (each member's holding "
    "counted whole)",
    test="EUMR Art. 3(2) (Consolidated Jurisdictional Notice ¶¶ 54–80); EA 2002 s. 26 and "
    "CMA2 (material influence; blocking special resolutions); GWB § 37(1) no. 3 (25 % / 50 % "
    "of the votes)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _group_votes(ctx: FactContext, phase: str) -> Value:
    return shares_value(ctx, phase, "voting")


@phased(
    "acquirer.group.votes_of_attendance",
    "double",
    "share",
    "the acquirer's group's votes as a share of the votes typically cast at the target's "
    "general meetings (at least its own)",
    test="EUMR Art. 3(2) (de facto sole control, Consolidated Jurisdictional Notice ¶ 59); "
    "EA 2002 s. 26 and CMA2 (de facto control)",
    question=Q_REGISTER,
    topic="Ownership and voting",
    phases=("after",),
)
def _attendance(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    ratio = votes_of_attendance(reg)
    if ratio is None:
        return unknown("the votes typically cast at general meetings are not given", reg.sources)
    return known(ratio, reg.sources)
