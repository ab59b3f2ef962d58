"""Plausibility warnings: a deal file that loads but says something unlikely.

Warnings never stop a run (exit 0); ``case validate`` prints them on stderr. Each names the
spot in the file, like an error:

- the shares of one market add up to more than 100 %;
- a veto or consent right over a matter outside the controlled vocabulary (did you mean?);
- a source dated after the case's ``as_of`` date backs a fact;
- a party's name holds bidirectional-control or zero-width characters, or looks the same as
  another party's name (homoglyphs: Cyrillic ``а`` for Latin ``a``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from trustbench.errors import Diagnostic
from trustbench.model.bounds import Range
from trustbench.model.deal import Deal, Right
from trustbench.model.errors import did_you_mean, dotted
from trustbench.model.refs import references
from trustbench.sources import Loc

STRATEGIC_MATTERS = ("budget", "business_plan", "senior_management", "major_investments")
"""Vetoes that go beyond minority protection (Consolidated Jurisdictional Notice, B.II.3.2)."""

PROTECTIVE_MATTERS = (
    "articles",
    "capital",
    "liquidation",
    "sale_of_business",
    "dividends",
    "related_party",
    "new_business",
)
"""Vetoes that normally protect a minority investor's value (same section of the Notice)."""

ORDINARY_MATTERS = ("pricing", "contracts", "ordinary_business")
"""Vetoes over the target's ordinary course of business: not joint control on their own, but,
held by a buyer between signing and closing, they implement the deal early (Altice v
Commission, T-425/18)."""

VETO_MATTERS = STRATEGIC_MATTERS + PROTECTIVE_MATTERS + ORDINARY_MATTERS

INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, (non-)joiner, word joiner, BOM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\u200e\u200f\u061c"  # directional marks
)

_LOOKALIKE = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJSaBeiknoptuxABEZHIKMNOPTYX",
)


def plausibility(deal: Deal) -> list[Diagnostic]:
    """Every warning for ``deal``, sorted by position."""
    found = [*_market_totals(deal), *_veto_matters(deal), *_late_sources(deal), *_names(deal)]
    return sorted(found)


def _warn(deal: Deal, loc: Loc, message: str, hint: str | None = None) -> Diagnostic:
    file, line, column = deal.locate(loc)
    return Diagnostic(
        file, line, column, "deal", f"{dotted(loc)}: {message}", hint, None, "warning"
    )


def _market_totals(deal: Deal) -> Iterator[Diagnostic]:
    for i, market in enumerate(deal.markets):
        least = market.fringe or 0.0
        for p in market.participants:
            share = p.share
            least += (share.lo or 0.0) if isinstance(share, Range) else (share or 0.0)
        if least > 1.0 + 1e-9:
            yield _warn(
                deal,
                ("markets", i, "participants"),
                f"the shares of {market.name} add up to at least {least:.1%}",
                "shares of one market add up to 100 % at most; check for a share written "
                "as a percentage of another base",
            )


def _veto_matters(deal: Deal) -> Iterator[Diagnostic]:
    rights: list[tuple[Loc, Right]] = [(("rights", i), r) for i, r in enumerate(deal.rights)]
    for i, step in enumerate(deal.transaction.steps):
        right = getattr(step, "right", None)
        if isinstance(right, Right):
            rights.append((("transaction", "steps", i, "right"), right))
    for loc, right in rights:
        if right.kind not in ("veto", "consent"):
            continue
        for j, matter in enumerate(right.matters):
            if matter in VETO_MATTERS:
                continue
            yield _warn(
                deal,
                (*loc, "matters", j),
                f"veto matter {matter[:80]!r} is not one trustbench knows; it will not count "
                "as strategic",
                _suggest(matter) or "known matters: " + ", ".join(VETO_MATTERS),
            )


def _suggest(matter: str) -> str | None:
    words = matter.strip().lower().replace("-", "_").replace(" ", "_")
    contained = [m for m in VETO_MATTERS if m in words]
    if contained:
        return f"did you mean {max(contained, key=len)!r}?"
    return did_you_mean(words, VETO_MATTERS)


def _late_sources(deal: Deal) -> Iterator[Diagnostic]:
    """One warning per late source, at its first use, with the number of uses."""
    late = {s.id: s.date for s in deal.sources if s.date and s.date > deal.case.as_of}
    if not late:
        return
    uses: dict[str, list[Loc]] = {}
    for loc, kind, ref in references(deal):
        if kind == "source" and ref in late:
            uses.setdefault(ref, []).append(loc)
    for ref, locs in uses.items():
        more = f" (and {len(locs) - 1} more uses)" if len(locs) > 1 else ""
        yield _warn(
            deal,
            locs[0],
            f"source {ref!r} is dated {late[ref].isoformat()}, after the case's as_of "
            f"date {deal.case.as_of.isoformat()}{more}",
            "a memo is as of its date: later material belongs under later developments",
        )


def _names(deal: Deal) -> Iterator[Diagnostic]:
    seen: dict[str, tuple[int, str]] = {}
    for i, entity in enumerate(deal.entities):
        for key in ("name", "short"):
            text = getattr(entity, key)
            if text and any(ch in INVISIBLE for ch in text):
                yield _warn(
                    deal,
                    ("entities", i, key),
                    "the name contains invisible or text-direction characters",
                    "retype the name; such characters can make two names look alike or "
                    "reorder what a reader sees",
                )
        skeleton = _skeleton(entity.name)
        if skeleton in seen and seen[skeleton][1] != entity.name:
            first, other = seen[skeleton]
            yield _warn(
                deal,
                ("entities", i, "name"),
                f"the name looks the same as entity {deal.entities[first].id!r}'s "
                f"({other[:40]!r}) but is spelt with different characters",
                "check for letters from another alphabet (Cyrillic а, Greek ο)",
            )
        seen.setdefault(skeleton, (i, entity.name))


def _skeleton(name: str) -> str:
    text = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in INVISIBLE)
    return " ".join(text.translate(_LOOKALIKE).casefold().split())
