"""Board, officer and rights facts: seats, interlocks, vetoes, information rights."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, phased, unknown
from trustbench.graph.edges import Director, Edge, Observer, Officer, RightEdge

STRATEGIC_MATTERS = ("budget", "business_plan", "senior_management", "major_investments")
"""Vetoes that go beyond minority protection (Consolidated Jurisdictional Notice, B.II.3.2)."""

_Q_BOARD = (
    "Who sits on the target's board (and as observer) after the deal, who designated "
    "each member, and which of them are directors, officers or employees of the "
    "acquirer's group? How many seats does the board have?"
)
_Q_RIGHTS = (
    "Which veto, consent, information or board-appointment rights does the acquirer "
    "(or its group) hold or obtain over the target, and over which matters?"
)


def acquirer_group(ctx: FactContext, phase: str) -> set[str]:
    interests = ctx.interests(phase)
    return interests.group(interests.ultimate_parent(ctx.acquirer))


def people_of(ctx: FactContext, phase: str, companies: set[str]) -> dict[str, tuple[str, ...]]:
    """Persons who are officers or directors of any of ``companies``, with their sources."""
    out: dict[str, tuple[str, ...]] = {}
    for kind in (Officer, Director):
        for person, company, post in ctx.phase(phase).edges(kind):
            if company in companies:
                out[person] = out.get(person, ()) + post.source
    return out


def _seats(
    ctx: FactContext, phase: str, kinds: tuple[str, ...], *, designated: bool, linked: bool
) -> Value:
    if not any(b.company == ctx.target for b in ctx.deal.boards):
        return unknown("the deal file lists no board for the target")
    group = acquirer_group(ctx, phase)
    people = people_of(ctx, phase, group)
    count, sources = 0, list[str]()
    for person, company, seat in ctx.phase(phase).edges(Edge):
        if company != ctx.target or not isinstance(seat, Director | Observer):
            continue
        if seat.kind_name not in kinds:
            continue
        by_group = designated and seat.designated_by in group
        by_link = linked and person in people
        if by_group or by_link:
            count += 1
            sources.extend(seat.source)
            sources.extend(people.get(person, ()))
    if ctx.phase(phase).node(ctx.target).board_partial:
        return _partial_count(ctx, count, sources)
    return known(count, sources)


def _partial_count(ctx: FactContext, count: int, sources: list[str]) -> Value:
    """Seats counted on a board list marked partial: never none (unknown instead); a count
    found is a floor (the callers compare it as a number, so it stays one, with a note)."""
    if count == 0:
        return unknown("the target's board list is partial: unlisted seats may be the acquirer's")
    return known(count, sources, f"at least {count}: the target's board list is partial")


@phased(
    "acquirer.board.seats",
    "int",
    "seats",
    "target board seats held by people the acquirer's group designated or by its own "
    "officers or directors",
    test="MG 2023 §2.11 (influence); CMA material influence; EUMR Art. 3",
    question=_Q_BOARD,
    topic="Board and officers",
    phases=("after",),
)
def _board_seats(ctx: FactContext, phase: str) -> Value:
    return _seats(ctx, phase, ("director",), designated=True, linked=True)


@phased(
    "acquirer.board.designated",
    "int",
    "seats",
    "target board seats filled by people the acquirer's group designated",
    test="16 CFR 801.1(b)(2); MG 2023 §2.11",
    question=_Q_BOARD,
    topic="Board and officers",
    phases=("after",),
)
def _board_designated(ctx: FactContext, phase: str) -> Value:
    return _seats(ctx, phase, ("director",), designated=True, linked=False)


@phased(
    "acquirer.board.linked",
    "int",
    "seats",
    "target board seats held by people who are officers or directors of the acquirer's "
    "group, whoever designated them",
    test="Clayton §8; MG 2023 §2.11; MG 2023 §2.5(B)",
    question=_Q_BOARD,
    topic="Board and officers",
    phases=("after",),
)
def _board_linked(ctx: FactContext, phase: str) -> Value:
    return _seats(ctx, phase, ("director",), designated=False, linked=True)


@phased(
    "acquirer.board.observers",
    "int",
    "seats",
    "target board observer seats held by the acquirer's designees or people",
    test="MG 2023 §2.11 (board observers)",
    question=_Q_BOARD,
    topic="Board and officers",
    phases=("after",),
)
def _observers(ctx: FactContext, phase: str) -> Value:
    return _seats(ctx, phase, ("observer",), designated=True, linked=True)


def _interlock_people(ctx: FactContext, phase: str) -> dict[str, tuple[str, ...]]:
    acquirer_people = people_of(ctx, phase, acquirer_group(ctx, phase))
    target_people = people_of(ctx, phase, {ctx.target})
    return {
        p: acquirer_people[p] + target_people[p]
        for p in sorted(set(acquirer_people) & set(target_people))
    }


@phased(
    "interlock.officer_director",
    "bool",
    "yes/no",
    "the same person is an officer or director of both the acquirer's group and the target",
    test="Clayton Act §8 (15 U.S.C. § 19); MG 2023 §2.11",
    question=_Q_BOARD,
    topic="Board and officers",
    phases=("after",),
)
def _interlock(ctx: FactContext, phase: str) -> Value:
    people = _interlock_people(ctx, phase)
    return known(bool(people), [s for src in people.values() for s in src])


@fact(
    "interlock.persons.after",
    "list",
    "names",
    "the people who are officers or directors of both the acquirer's group and the target "
    "after the deal",
    test="Clayton Act §8",
    question=_Q_BOARD,
    topic="Board and officers",
)
def _interlock_persons(ctx: FactContext) -> Value:
    people = _interlock_people(ctx, "after")
    return known([ctx.name(p) for p in people], [s for src in people.values() for s in src])


def rights_known(ctx: FactContext, phase: str) -> bool:
    """Whether the deal file states the rights in force: a `rights` section (even empty), or
    rights the deal grants (which say at least what the acquirer obtains)."""
    return ctx.declared("rights") or (
        phase == "after" and any(r.granted for _, _, r in ctx.phase("after").edges(RightEdge))
    )


def rights_over_target(
    ctx: FactContext, phase: str, holders: set[str], kinds: tuple[str, ...]
) -> tuple[list[str], list[str]] | None:
    """The matters (or kinds, if no matters are listed) of ``holders``' rights over the target
    of the given kinds, and their sources; ``None`` if the rights are not stated."""
    if not rights_known(ctx, phase):
        return None
    matters: list[str] = []
    sources: list[str] = []
    for holder, _, right in ctx.phase(phase).edges(RightEdge, v=ctx.target):
        if holder in holders and right.kind in kinds:
            matters.extend(right.matters or [right.kind])
            sources.extend(right.source)
    return sorted(set(matters)), sources


def _rights(ctx: FactContext, kinds: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
    return rights_over_target(ctx, "after", acquirer_group(ctx, "after"), kinds)


def appointable(ctx: FactContext, phase: str, holders: set[str]) -> Value:
    """Board seats of the target that ``holders`` have the contractual right to appoint."""
    if not rights_known(ctx, phase):
        return unknown("the deal file has no `rights` section")
    seats, sources = 0, list[str]()
    for holder, _, right in ctx.phase(phase).edges(RightEdge, v=ctx.target):
        if holder in holders and right.kind == "board_appointment":
            seats += right.seats or 0
            sources.extend(right.source)
    return known(seats, sources)


def controlled_by(ctx: FactContext, phase: str, entity: str) -> set[str]:
    """``entity`` and everything it controls (HSR sense), directly or through entities it
    controls — a target with its subsidiaries, without its parent or the parent's other
    businesses."""
    interests = ctx.interests(phase)
    members, frontier = {entity}, [entity]
    while frontier:
        node = frontier.pop()
        for child in interests.held_issuers(node):
            if child not in members and interests.controls(node, child):
                members.add(child)
                frontier.append(child)
    return members


def target_side(ctx: FactContext, phase: str) -> set[str]:
    return controlled_by(ctx, phase, ctx.target)


@phased(
    "acquirer.board.appointable",
    "int",
    "seats",
    "target board seats the acquirer's group has the contractual right to appoint "
    "(board-appointment rights), whether or not it has used them",
    test="16 CFR 801.1(b)(2) (contractual power to designate directors); EUMR Art. 3; "
    "CMA material influence",
    question=_Q_RIGHTS,
    topic="Rights",
    phases=("after",),
)
def _appointable(ctx: FactContext, phase: str) -> Value:
    return appointable(ctx, phase, acquirer_group(ctx, phase) - {ctx.target})


@fact(
    "acquirer.vetoes.after",
    "list",
    "matters",
    "the matters over which the acquirer's group can veto or must consent to the target's "
    "decisions after the deal",
    test="EUMR Art. 3; Jurisdictional Notice B.II.3.2; CMA material influence",
    question=_Q_RIGHTS,
    topic="Rights",
)
def _vetoes(ctx: FactContext) -> Value:
    found = _rights(ctx, ("veto", "consent"))
    if found is None:
        return unknown("the deal file has no `rights` section")
    return known(found[0], found[1])


@fact(
    "acquirer.vetoes.strategic.after",
    "bool",
    "yes/no",
    "the acquirer can veto the target's budget, business plan, major investments or "
    "senior management",
    test="EUMR Art. 3 joint control (Jurisdictional Notice B.II.3.2)",
    question=_Q_RIGHTS,
    topic="Rights",
)
def _strategic(ctx: FactContext) -> Value:
    found = _rights(ctx, ("veto", "consent"))
    if found is None:
        return unknown("the deal file has no `rights` section")
    return known(any(m in STRATEGIC_MATTERS for m in found[0]), found[1])


@fact(
    "acquirer.information_rights.after",
    "bool",
    "yes/no",
    "the acquirer's group holds information or consultation rights over the target",
    test="MG 2023 §2.11; MG 2023 §2.5(B); FTC 6(b) AI partnerships report",
    question=_Q_RIGHTS,
    topic="Rights",
)
def _info_rights(ctx: FactContext) -> Value:
    found = _rights(ctx, ("information", "consultation"))
    if found is None:
        return unknown("the deal file has no `rights` section")
    return known(bool(found[0]), found[1])
