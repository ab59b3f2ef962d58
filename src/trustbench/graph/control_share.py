"""Half: the one share every control concept trustbench applies is defined against.

Only the comparison differs from law to law; the share is the same:

- HSR control, 16 CFR 801.1(b)(1)–(2): holding "50 percent or more" of the voting
  securities (of the profits, for an unincorporated entity), or the contractual power
  presently to designate "50 percent or more" of the directors — :func:`half_or_more`;
- a majority, EUMR Art. 5(4)(b)(i)–(iii): "more than half" of the capital, the votes or the
  board (likewise §§ 16–17 AktG for GWB § 36(2), and legal control — a controlling interest
  — under EA 2002 s. 26) — :func:`above_half`;
- the power to block, Consolidated Jurisdictional Notice (2008/C 95/01) ¶¶ 62–64: a party
  with half of the votes or of the board (parity) can block decisions a simple majority
  takes — :func:`half_or_more`.

A definition, not a filing threshold: every other level (25 %, 15 %, 75 % …) belongs in a
rule pack as a dated, referenced parameter.
"""

from __future__ import annotations

HALF = 0.5
"""Half of the votes, capital, profits or board seats (see the module's references)."""

EPSILON = 1e-9
"""Shares are sums of decimal fractions: compare them with this tolerance."""


def above_half(share: float) -> bool:
    """More than half: a majority (EUMR Art. 5(4)(b); EA 2002 s. 26)."""
    return share > HALF + EPSILON


def half_or_more(share: float) -> bool:
    """Half or more: HSR control (16 CFR 801.1(b)); parity, which blocks a majority."""
    return share >= HALF - EPSILON
