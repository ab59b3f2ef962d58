"""Integrated interests through holdings known only as bounds ("at most 7 %", "60-70 %").

Integrated ownership ``Ŵ = (I − W)⁻¹ · W`` is a sum of products of non-negative shares, so it
never falls when a share rises: solved once with every bounded holding at its low end and once
at its high end, it gives the lowest and the highest interest the bounds allow (a 30-40 %
stake held through a 60 % subsidiary is 18-24 %). A low end the file leaves open counts as
0 %, a high end as 100 %; a holding with neither a figure nor a bound keeps the interest
unknown, as it does for exact figures.

A strict end (``< 25 %``) stays strict in the result when it is the only bound on the chains
(the interest then moves with it strictly or not at all); with several bounds the result's ends
are closed, which contains every value the bounds allow and decides a little less often.
"""

from __future__ import annotations

import math
from typing import Literal, Protocol

from trustbench.graph.build import Phase
from trustbench.graph.edges import Holds
from trustbench.graph.ownership import Ownership, OwnershipError, holdings_for
from trustbench.model.bounds import Range

End = Literal["lo", "hi"]


class Interests(Protocol):
    """What this module reads of :class:`trustbench.graph.interests.Interests` (a protocol,
    so that the two modules do not import each other)."""

    @property
    def phase(self) -> Phase: ...
    @property
    def index(self) -> dict[str, int]: ...
    @property
    def partial(self) -> bool: ...
    def matrix(self, measure: str) -> Ownership: ...
    def interest(self, holder: str, issuer: str, measure: str) -> float | None: ...
    def end_matrix(self, measure: str, end: End) -> Ownership | None: ...


def end_matrix(interests: Interests, measure: str, end: End) -> Ownership | None:
    """The holdings of ``measure`` with each bounded holding at its ``end``; ``None`` when
    the ends do not form an ownership structure (the high ends add up above 100 %)."""
    edges = [(u, v, h.share_or_bound(measure)) for u, v, h in interests.phase.edges(Holds)]
    index = interests.index
    share = [_at(s, end) for _, _, s in edges]
    try:
        return holdings_for(
            len(index), [index[u] for u, _, _ in edges], [index[v] for _, v, _ in edges], share
        )
    except OwnershipError:
        return None


def _at(share: float | Range | None, end: End) -> float:
    if share is None:
        return math.nan
    if not isinstance(share, Range):
        return float(share)
    if end == "lo":
        return share.lo if share.lo is not None else 0.0
    return share.hi if share.hi is not None else 1.0


def interest_or_bound(
    interests: Interests, holder: str, issuer: str, measure: str
) -> float | Range | None:
    """The integrated interest, exact when no bound lies on a chain from ``holder`` to
    ``issuer``, else the range the bounds allow; ``None`` when a holding on a chain has
    neither a figure nor a bound."""
    exact = interests.interest(holder, issuer, measure)
    if exact is not None or holder not in interests.index or issuer not in interests.index:
        return exact
    lo, hi = (_solve(interests, holder, issuer, measure, end) for end in ("lo", "hi"))
    if lo is None or math.isnan(lo) or (hi is not None and math.isnan(hi)):
        return None
    if interests.partial and hi == 0.0:
        return None
    if hi is not None and hi - lo <= 1e-12:
        return hi
    return _range(interests, issuer, measure, lo, hi)


def _solve(interests: Interests, holder: str, issuer: str, measure: str, end: End) -> float | None:
    matrix = interests.end_matrix(measure, end)
    if matrix is None:
        return None
    return float(matrix.column(interests.index[issuer])[interests.index[holder]])


def _range(interests: Interests, issuer: str, measure: str, lo: float, hi: float | None) -> Range:
    on_chain = set(interests.matrix(measure).upstream(interests.index[issuer]))
    bounds = [
        b
        for u, v, h in interests.phase.edges(Holds)
        if interests.index[v] in on_chain
        and isinstance(b := h.share_or_bound(measure), Range)
        and h.share(measure) is None
    ]
    single = bounds[0] if len(bounds) == 1 else None
    return Range(
        lo,
        hi,
        lo_open=single is not None and single.lo_open,
        hi_open=single is not None and single.hi_open and hi is not None,
    )
