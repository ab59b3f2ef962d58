"""Concentration arithmetic: HHI, ΔHHI and the O'Brien–Salop MHHI delta.

Shares are fractions in code and HHI points (shares in percentage points, squared) in the
results, as the Merger Guidelines state them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from trustbench.graph.ownership import Holdings


def hhi(shares: Sequence[float]) -> float:
    """Σ s² with shares as fractions, in HHI points (0–10,000)."""
    return sum((100 * s) ** 2 for s in shares)


def merger_delta(s1: float, s2: float) -> float:
    """ΔHHI of a full merger of two firms: 2·s1·s2 in HHI points."""
    return 2 * (100 * s1) * (100 * s2)


def mhhi_delta(
    shares: Mapping[str, float],
    beta: Mapping[str, Mapping[str, float]],
    gamma: Mapping[str, Mapping[str, float]],
) -> float:
    """O'Brien & Salop (2000) MHHI delta:

        Σ_j Σ_{k≠j} s_j s_k (Σ_i γ_ij β_ik) / (Σ_i γ_ij β_ij)

    ``beta[i][j]``: owner i's financial share of firm j; ``gamma[i][j]``: owner i's control
    weight over firm j (Σ_i γ_ij = 1). Shares in fractions; result in HHI points.
    """
    total = 0.0
    for j, sj in shares.items():
        denominator = sum(gamma[i].get(j, 0.0) * beta[i].get(j, 0.0) for i in gamma)
        if denominator <= 0:
            continue
        for k, sk in shares.items():
            if k == j:
                continue
            numerator = sum(gamma[i].get(j, 0.0) * beta[i].get(k, 0.0) for i in gamma)
            total += (100 * sj) * (100 * sk) * numerator / denominator
    return total


CONTROL_MODELS = ("silent", "proportional", "total")


def stake_mhhi_delta(s_a: float, s_b: float, stake: float, model: str) -> float:
    """MHHI delta when firm A (wholly owned by its own owners) buys ``stake`` of rival B's
    profits, under a standard control assumption for B: ``silent`` (A has no say),
    ``proportional`` (control weight equal to the stake) or ``total`` (A controls B)."""
    if model not in CONTROL_MODELS:
        raise ValueError(f"unknown control model {model!r}")
    a_control = {"silent": 0.0, "proportional": stake, "total": 1.0}[model]
    beta = {"owners_a": {"A": 1.0, "B": stake}, "others_b": {"B": 1.0 - stake}}
    gamma = {"owners_a": {"A": 1.0, "B": a_control}, "others_b": {"B": 1.0 - a_control}}
    return mhhi_delta({"A": s_a, "B": s_b}, beta, gamma)


# -- common ownership (several investors, several firms) --------------------------------------
# No fact reads this today: the market facts built on it (market.mhhi.delta.common.*,
# market.common_owners.*) were removed because no rule used them. It stays, with its tests
# against the worked examples, for a Guideline 11 common-ownership rule (issue 11).

Link = tuple[str, str, float]
"""A direct holding: (holder, issuer, share of the issuer's profits or votes)."""


def ultimate_owners(links: Sequence[Link], firms: Sequence[str]) -> dict[str, dict[str, float]]:
    """Who ultimately receives each firm's profits (or casts its votes).

    With ``W[h, e]`` the share of ``e`` held directly by ``h`` and ``L = (I − W)⁻¹`` (chains
    multiplied, parallel paths added, cycles included), the part of entity ``e`` that no
    listed holder owns, ``1 − Σ_h W[h, e]``, belongs to ``e``'s own outside owners, who thus
    receive ``(1 − Σ_h W[h, e]) · L[e, j]`` of firm ``j``. Those outside owners are named by
    the entity's id. Each firm's column sums to one, so the result is an owner × firm matrix
    β (or γ) as O'Brien & Salop use it. Raises ``ValueError`` if an issuer is held more than
    100 % in total.
    """
    names = sorted({n for h, e, _ in links for n in (h, e)} | set(firms))
    index = {n: i for i, n in enumerate(names)}
    held = [0.0] * len(names)
    for _, issuer, share in links:
        held[index[issuer]] += share
    bad = [n for n in names if held[index[n]] > 1 + 1e-9]
    if bad:
        raise ValueError(f"{bad[0]} is held more than 100 % in total")
    # (I − W)⁻¹ = I + (I − W)⁻¹·W: column f of the second term is Holdings.column(f)
    holdings = Holdings.from_arrays(
        len(names),
        [index[h] for h, _, _ in links],
        [index[e] for _, e, _ in links],
        [s for _, _, s in links],
    )
    columns = {f: holdings.column(index[f]) for f in firms}
    result: dict[str, dict[str, float]] = {}
    for owner in names:
        i, outside = index[owner], max(1.0 - held[index[owner]], 0.0)
        row = {f: outside * ((i == index[f]) + columns[f][i]) for f in firms}
        if any(abs(v) > 1e-12 for v in row.values()):
            result[owner] = row
    return result


def common_mhhi_delta(
    shares: Mapping[str, float], equity: Sequence[Link], voting: Sequence[Link]
) -> float:
    """The O'Brien–Salop MHHI delta of every investor's stakes in every firm of a market under
    proportional control: β from the equity links, γ from the voting links (a non-voting
    stake gets no control weight, so it acts as a silent financial interest). Shares are
    fractions; the result is in HHI points."""
    weights = mhhi_weights(list(shares), equity, voting)
    return sum((100 * shares[j]) * (100 * shares[k]) * w for (j, k), w in weights.items())


def mhhi_weights(
    firms: Sequence[str], equity: Sequence[Link], voting: Sequence[Link]
) -> dict[tuple[str, str], float]:
    """The weight ``(Σ_i γ_ij β_ik) / (Σ_i γ_ij β_ij)`` that firm j's managers put on firm k's
    profits, for every ordered pair j ≠ k with a non-zero weight."""
    beta, gamma = ultimate_owners(equity, firms), ultimate_owners(voting, firms)
    out: dict[tuple[str, str], float] = {}
    for j in firms:
        own = sum(g[j] * beta.get(i, {}).get(j, 0.0) for i, g in gamma.items())
        if own <= 0:
            continue
        for k in firms:
            cross = sum(g[j] * beta.get(i, {}).get(k, 0.0) for i, g in gamma.items())
            if k != j and abs(cross) > 1e-12:
                out[(j, k)] = cross / own
    return out
