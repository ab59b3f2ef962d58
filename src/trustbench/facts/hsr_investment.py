"""The acquirer's conduct towards the issuer that decides whether it holds voting securities
"solely for the purpose of investment" (16 CFR 801.1(i)(1), 802.9): board nominations,
proposals requiring shareholder approval, proxy solicitation. The 1978 Statement of Basis and
Purpose (43 FR 33450, 33465) lists these — with an officer or director in common and being a
competitor, which other facts give (interlock.officer_director.after, parties.compete) — as
conduct inconsistent with that purpose. The acquirer's own statement
(transaction.investment_only) is one input; any of these decides against it.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, unknown
from trustbench.graph.edges import Director, Edge, Officer
from trustbench.model.types import source_ids

CONDUCT = {
    "board_candidate": "nominates a candidate for the issuer's board, or seeks a seat on it",
    "shareholder_proposal": "proposes corporate action requiring the shareholders' approval",
    "proxy_solicitation": "solicits proxies to vote the issuer's shares",
    "influence_sought": "intends to take part in the issuer's basic business decisions "
    "(plans to influence them, presses management on strategy or a merger)",
}
_Q = (
    "Has the acquirer nominated (or does it intend to nominate) anyone to the target's board, "
    "proposed any matter for a shareholder vote, solicited proxies, or sought to influence "
    "the target's business decisions (meetings with management on strategy or a merger)?"
)


def _register(key: str, doc: str) -> None:
    @fact(
        f"investor.{key}",
        "bool",
        "yes/no",
        f"the acquirer {doc} (conduct inconsistent with a purpose solely of investment)",
        test="16 CFR 801.1(i)(1), 802.9; 43 FR 33450, 33465 (1978 Statement of Basis and Purpose)",
        question=_Q,
        topic="Ownership and voting",
    )
    def _conduct(ctx: FactContext) -> Value:
        conduct = ctx.deal.transaction.investor_conduct
        if conduct is None:
            return unknown("the deal file does not describe the acquirer's conduct as investor")
        return Value(getattr(conduct, key), tuple(source_ids(conduct.source)))


for _key, _doc in CONDUCT.items():
    _register(_key, _doc)


@fact(
    "investor.own_post",
    "bool",
    "yes/no",
    "the acquirer is a natural person who, after the deal, is a director or officer of the "
    "target (no for a company: its people count through its board seats and shared officers "
    "and directors)",
    test="16 CFR 801.1(i)(1), 802.9; 43 FR 33465 (a director or officer of the issuer does not "
    "hold its shares solely for investment)",
    question="Is the acquirer (a natural person) a director or officer of the target?",
    topic="Board and officers",
)
def _own_post(ctx: FactContext) -> Value:
    if ctx.entity(ctx.acquirer).kind != "person":
        return Value(False, note="the acquirer is not a natural person")
    posts = [
        edge
        for _, _, edge in ctx.phase("after").edges(Edge, u=ctx.acquirer, v=ctx.target)
        if isinstance(edge, Director | Officer)
    ]
    if posts:
        sources = [s for d in posts for s in d.source]
        return Value(True, tuple(sources), f"{ctx.name(ctx.acquirer)} holds a post at the target")
    if not ctx.declared("boards") or any(
        b.partial for b in ctx.deal.boards if b.company == ctx.target
    ):
        return unknown("the target's board and officers are not listed in full")
    return Value(False)
