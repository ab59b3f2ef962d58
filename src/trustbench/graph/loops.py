"""Locating an ownership problem in the deal file: the holdings (and transaction steps)
between the entities an :class:`~trustbench.graph.ownership.OwnershipError` names."""

from __future__ import annotations

from trustbench.errors import Diagnostic, ErrorGroup
from trustbench.graph.ownership import OwnershipError
from trustbench.model.deal import AcquireStake, Deal


def locate(error: OwnershipError, deal: Deal) -> ErrorGroup:
    """One located diagnostic per holding among the named entities (for an over-held
    issuer: per holding of it), the first carrying the message and the hint."""
    names = set(error.names)
    places: list[tuple[tuple[str | int, ...], str]] = []
    for k, h in enumerate(deal.holdings):
        if _concerned(h.holder, h.issuer, names, error):
            places.append((("holdings", k), f"holdings[{k}]: {h.holder} holds {h.issuer}"))
    t = deal.transaction
    for k, step in enumerate(t.steps):
        if isinstance(step, AcquireStake):
            holder, issuer = step.holder or t.acquirer, step.issuer or t.target
            if _concerned(holder, issuer, names, error):
                where = ("transaction", "steps", k)
                places.append((where, f"transaction.steps[{k}]: {holder} acquires {issuer}"))
    if not places:
        file, line, column = deal.locate(("holdings",))
        return ErrorGroup(items=[_diagnostic(error, file, line, column, error.message)])
    items = []
    for n, (loc, what) in enumerate(places):
        file, line, column = deal.locate(loc)
        message = f"{error.message}: {what}" if n == 0 else f"on the same loop: {what}"
        items.append(_diagnostic(error, file, line, column, message, first=n == 0))
    return ErrorGroup(items=items)


def _concerned(holder: str, issuer: str, names: set[str], error: OwnershipError) -> bool:
    if len(names) == 1 and not error.loop:
        return issuer in names  # an issuer held more than 100 %: every holding of it
    return holder in names and issuer in names


def _diagnostic(
    error: OwnershipError, file: str, line: int, column: int, message: str, first: bool = True
) -> Diagnostic:
    return Diagnostic(file, line, column, "deal", message, error.hint if first else None)
