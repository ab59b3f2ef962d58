"""Information channels and the safeguards that close them.

After the deal the acquirer may reach the target's information — and through it its rivals'
— by control, board or observer seats, a person who is an officer or director of both, or
information rights. A safeguard (``safeguards:``) closes the channels it lists, for the persons
it names (all, if it names none), while it is in force at the case date, if it binds the
firm from outside (an order, a consent decree, an undertaking to an agency, a contract with
customers or rivals — not an internal policy).

The concern is *mitigated* only when that is shown for every channel: the party relying on a
safeguard must show its scope and terms, so a safeguard whose terms the file does not state,
or a channel the file leaves open, leaves the concern standing (and the note says why).
Firewalls recorded only as a `contract` of type firewall or commitment have no stated scope.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.evidence import Safeguard
from trustbench.model.types import source_ids

_CHANNEL_FACTS = (
    ("control", "acquirer.controls_target.after"),
    ("board", "acquirer.board.seats.after"),
    ("observer", "acquirer.board.observers.after"),
    ("shared-director", "interlock.officer_director.after"),
    ("information-rights", "acquirer.information_rights.after"),
)
_PERSONAL = {"board", "observer", "shared-director", "officer"}
_Q = (
    "What firewalls or commitments restrict the flow of information from the target to the "
    "acquirer: which channels (board, observer, common directors or officers, information "
    "rights), which persons, how long, how enforced (order, consent decree, undertaking, "
    "contract, internal policy), with what monitoring, and have the rivals accepted them?"
)


def channels(ctx: FactContext) -> tuple[list[str], list[str], list[str]]:
    """The channels open after the deal, those the file does not decide, and the sources."""
    present: list[str] = []
    undecided: list[str] = []
    sources: list[str] = []
    for name, fact_name in _CHANNEL_FACTS:
        value = ctx.get(fact_name)
        if not value.known:
            undecided.append(name)
        elif value.value:
            present.append(name)
            sources.extend(value.sources)
    return present, undecided, sources


def _in_force(ctx: FactContext, guard: Safeguard) -> bool:
    return (guard.start is None or guard.start <= ctx.as_of) and (
        guard.until is None or guard.until >= ctx.as_of
    )


def _covers(ctx: FactContext, guard: Safeguard, channel: str, persons: set[str]) -> bool:
    if channel not in guard.channels or not _in_force(ctx, guard):
        return False
    if guard.enforceability in (None, "internal-policy"):
        return False
    if channel in _PERSONAL and guard.persons is not None:
        return persons <= {ctx.name(p) for p in guard.persons}
    return True


def uncovered(ctx: FactContext) -> tuple[list[str], list[str], list[str]]:
    """The open channels no safeguard closes, the undecided channels, and the sources."""
    present, undecided, sources = channels(ctx)
    persons_value = ctx.get("interlock.persons.after")
    persons = set(persons_value.value or ())
    open_ = [
        c for c in present if not any(_covers(ctx, g, c, persons) for g in ctx.deal.safeguards)
    ]
    # a channel the file leaves undecided is no gap when a safeguard closes it for everyone
    # (its persons left out): whoever turns out to sit on it is bound
    undecided = [
        c
        for c in undecided
        if not any(g.persons is None and _covers(ctx, g, c, set()) for g in ctx.deal.safeguards)
    ]
    guard_sources = [x for g in ctx.deal.safeguards for x in source_ids(g.source)]
    return open_, undecided, [*sources, *guard_sources]


@fact(
    "information.channels.after",
    "list",
    "channels",
    "the acquirer's channels to the target's information after the deal",
    test="MG 2023 §2.5(B), §2.11; EU NHMG para 78",
    question=_Q,
    topic="Board and officers",
)
def _channels(ctx: FactContext) -> Value:
    present, undecided, sources = channels(ctx)
    if undecided and not present:
        return unknown(f"not known: {', '.join(undecided)}", sources)
    note = f"not known: {', '.join(undecided)}" if undecided else None
    return known(present, sources, note)


@fact(
    "information.channels.uncovered",
    "list",
    "channels",
    "the open channels no safeguard closes",
    test="MG 2023 §2.5(B); EU NHMG para 78",
    question=_Q,
    topic="Board and officers",
)
def _uncovered(ctx: FactContext) -> Value:
    open_, undecided, sources = uncovered(ctx)
    note = f"channels not decided by the file: {', '.join(undecided)}" if undecided else None
    return known(open_, sources, note)


def _describe(guard: Safeguard) -> str:
    terms = [
        guard.kind,
        "covering " + ", ".join(guard.channels),
        f"enforceable by {guard.enforceability}" if guard.enforceability else "terms not stated",
    ]
    if guard.monitoring:
        terms.append("monitored")
    if guard.rivals_consent:
        terms.append("accepted by the rivals")
    if guard.until:
        terms.append(f"until {guard.until.isoformat()}")
    return " ".join(terms[:1]) + " (" + "; ".join(terms[1:]) + ")"


@fact(
    "information.mitigated",
    "bool",
    "yes/no",
    "safeguards shown to close every channel to the target's information",
    test="MG 2023 §2.5(B); EU NHMG para 78; CMA129 ch. 7",
    question=_Q,
    topic="Board and officers",
)
def _mitigated(ctx: FactContext) -> Value:
    open_, undecided, sources = uncovered(ctx)
    present, _, _ = channels(ctx)
    guards = "; ".join(_describe(g) for g in ctx.deal.safeguards) or "none stated"
    if not present:
        return known(False, sources, "no open channel to mitigate")
    if open_ or undecided:
        gaps = [*open_, *(f"{c} (not known)" for c in undecided)]
        return known(False, sources, f"not closed: {', '.join(gaps)}; safeguards: {guards}")
    return known(True, sources, f"mitigated by: {guards}")


@fact(
    "information.safeguards.terms",
    "list",
    "safeguards",
    "the safeguards of the file, each with its scope, enforceability, monitoring and duration",
    test="MG 2023 §2.5(B); EU NHMG para 78",
    question=_Q,
    topic="Board and officers",
)
def _terms(ctx: FactContext) -> Value:
    guards = ctx.deal.safeguards
    return known([_describe(g) for g in guards], [x for g in guards for x in source_ids(g.source)])


@fact(
    "target.public_interest",
    "list",
    "considerations",
    "the s. 58 considerations the target's activities touch",
    test="Enterprise Act 2002 s. 58",
    question="Do the target's activities touch national security (defence, critical "
    "infrastructure), newspapers or broadcasting, the stability of the UK financial system, or "
    "the UK's capability to combat public health emergencies?",
    topic="Parties",
)
def _public_interest(ctx: FactContext) -> Value:
    entity = ctx.entity(ctx.target)
    if entity.public_interest is None:
        return unknown("the target's `public_interest` is not stated")
    return known(sorted(entity.public_interest), source_ids(entity.source))
