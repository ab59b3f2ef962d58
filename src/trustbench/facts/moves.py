"""What moves to the acquirer besides shares — staff, IP, licences, customer contracts, a
business line — and whether it lets the acquirer carry on an activity of the target.

The merger concepts reach such deals where what moves is a business of its own: an
"enterprise" (the activities, or part of the activities, of a business: EA 2002 s. 129(1);
the CMA found one where most of a developer's staff moved with a licence of its technology,
Microsoft/Inflection, 2024); "parts of an undertaking" with a market presence to which a
turnover can be attributed (EUMR Art. 3(1)(b); Consolidated Jurisdictional Notice para 24);
"all or a substantial part of the assets" of another undertaking (GWB § 37(1) no. 1).

``transaction.moves.activity_continues`` reads, in order: the deal file's
``transaction.activity_continues`` (the deal team's judgment); an asset step marked
``whole_business``; key people moving together with IP, a licence, customer contracts or a
business line (the Microsoft/Inflection pattern) — yes; nothing moving, or assets stated not
to form a business with no staff moving — no; anything else (staff alone, assets whose
character the file leaves open) — unknown.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.deal import AcquireAssets, Contract, Hire
from trustbench.model.types import source_ids

ASSET_LABELS = {
    "business_line": "business line",
    "ip": "ip",
    "staff": "staff",
    "customer_contracts": "customer contracts",
    "other": "other assets",
}
CARRIERS = frozenset({"ip", "licence", "customer contracts", "business line"})
"""What, moving with the people, carries an activity on (technology, customers, a line)."""

_Q = (
    "Besides shares, what moves to the acquirer with the deal — which people (and are they "
    "the team that ran the activity), IP or a licence of it, customer contracts, a business "
    "line — and can the acquirer carry on the target's activity with them?"
)


def _moves(ctx: FactContext) -> tuple[list[str], list[str]]:
    t = ctx.deal.transaction
    labels: list[str] = []
    sources: list[str] = []
    for step in t.steps:
        if isinstance(step, Hire) and (step.by or t.acquirer) == t.acquirer:
            labels += ["staff", "key staff"] if step.key else ["staff"]
        elif isinstance(step, AcquireAssets) and (step.buyer or t.acquirer) == t.acquirer:
            labels += [ASSET_LABELS[k] for k in step.assets]
        elif isinstance(step, Contract) and step.contract_type == "licence":
            labels.append("licence")
        else:
            continue
        sources += source_ids(step.source)
    return list(dict.fromkeys(labels)), sources


@fact(
    "transaction.moves",
    "list",
    "kinds",
    "what moves to the acquirer in the deal besides shares: staff, key staff, ip, licence, "
    "customer contracts, business line, other assets (empty: nothing but shares and rights)",
    test="EA 2002 s. 129 (enterprise); EUMR Art. 3(1)(b); GWB § 37(1) no. 1",
    question=_Q,
    topic="The transaction",
)
def _what_moves(ctx: FactContext) -> Value:
    labels, sources = _moves(ctx)
    return known(labels, sources)


def _asset_steps(ctx: FactContext) -> list[AcquireAssets]:
    t = ctx.deal.transaction
    return [
        s for s in t.steps if isinstance(s, AcquireAssets) and (s.buyer or t.acquirer) == t.acquirer
    ]


@fact(
    "transaction.moves.activity_continues",
    "bool",
    "yes/no",
    "what moves to the acquirer (people with the IP, licence, customer contracts or business "
    "line that go with them) lets it carry on an activity the target carried on",
    test="EA 2002 s. 129 (enterprise); EUMR Art. 3(1)(b) (business with a market presence)",
    question=_Q,
    topic="The transaction",
)
def _continues(ctx: FactContext) -> Value:
    t = ctx.deal.transaction
    labels, sources = _moves(ctx)
    if t.activity_continues is not None:
        return known(t.activity_continues, source_ids(t.source), "as the deal file states")
    if any(s.whole_business for s in _asset_steps(ctx)):
        return known(True, sources, "the assets acquired form a business")
    if "key staff" in labels and CARRIERS & set(labels):
        moved = ", ".join(sorted(CARRIERS & set(labels)))
        return known(True, sources, f"key people move together with {moved}")
    if not labels:
        return known(False, note="nothing moves besides shares and rights")
    stated_bare = all(s.whole_business is False for s in _asset_steps(ctx))
    if "staff" not in labels and stated_bare:
        return known(False, sources, "the assets are stated not to form a business")
    return unknown(
        f"{', '.join(labels)} move; whether they let the acquirer carry on the target's "
        "activity is not stated",
        sources,
    )
