"""Concentration arithmetic: HHI, ΔHHI and the O'Brien–Salop MHHI delta.

Shares are fractions in code and HHI points (shares in percentage points, squared) in the
results, as the Merger Guidelines state them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


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
