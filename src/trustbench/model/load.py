"""Loading a deal file: parse, validate, check cross-references, report every problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from trustbench.errors import DealError, Diagnostic, ErrorGroup
from trustbench.model.deal import Deal, Entity
from trustbench.model.errors import diagnostics_from, did_you_mean, dotted
from trustbench.model.patch import check_scenarios
from trustbench.model.refs import references
from trustbench.sources import Document, Loc, load_document, paused_gc


def load_deal(path: str | Path) -> Deal:
    """Read, validate and cross-check a deal file; raise :class:`ErrorGroup` on problems."""
    doc = load_document(Path(path))
    return deal_from_document(doc)


def deal_from_document(doc: Document) -> Deal:
    if not isinstance(doc.data, dict):
        raise DealError(
            "expected a mapping with the sections case, entities, transaction, ...",
            file=doc.path,
            line=1,
            column=1,
            hint="start from `trustbench case new NAME`",
        )
    try:
        with paused_gc():
            deal = Deal.model_validate(doc.data)
    except ValidationError as exc:
        raise ErrorGroup(items=diagnostics_from(exc, doc, Deal)) from None
    problems = check_references(deal, doc)
    problems += check_scenarios(deal, lambda loc: (doc.path, *doc.locate(loc)))
    if problems:
        raise ErrorGroup(items=problems)
    deal._origin = doc
    return deal


def check_references(deal: Deal, doc: Document) -> list[Diagnostic]:
    problems: list[Diagnostic] = []

    def report(loc: Loc, message: str, hint: str | None = None) -> None:
        line, column = doc.locate(loc)
        problems.append(
            Diagnostic(doc.path, line, column, "deal", f"{dotted(loc)}: {message}", hint)
        )

    entities = {e.id: e for e in deal.entities}
    declared: dict[str, set[str]] = {
        "entity": set(entities),
        "person": set(entities),
        "source": {s.id for s in deal.sources},
        "market": {m.id for m in deal.markets},
    }
    sections = {"entities": "entity", "sources": "source", "markets": "market"}
    for section in sections:
        seen: set[str] = set()
        for i, item in enumerate(getattr(deal, section)):
            if item.id in seen:
                report((section, i, "id"), f"duplicate id {item.id!r}")
            seen.add(item.id)
    suggestions = MAX_SUGGESTIONS
    for loc, kind, ref in references(deal):
        if ref not in declared[kind]:
            section = "entities" if kind == "person" else sections_of[kind]
            # did-you-mean costs a scan of every declared id: bounded, so that thousands of
            # unknown references against thousands of ids stay quick
            hint = did_you_mean(ref, declared[kind]) if suggestions > 0 else None
            suggestions -= 1
            report(loc, f"unknown {kind} {ref!r}", hint or f"declare it under `{section}:`")
        elif kind == "person" and entities[ref].kind != "person":
            report(
                loc,
                f"{ref!r} is a {entities[ref].kind}, expected a person",
                "board seats and officer roles are held by people (kind: person)",
            )
    if deal.transaction.acquirer == deal.transaction.target:
        report(("transaction", "target"), "the target is the acquirer")
    check_jurisdictions(deal, report)
    resolve_share_counts(deal, entities, report)
    return problems


MAX_SUGGESTIONS = 50
"""Unknown references that get a did-you-mean hint; the rest get the plain hint."""

sections_of = {"entity": "entities", "source": "sources", "market": "markets"}

Report = Callable[[Loc, str, "str | None"], None]


def check_jurisdictions(deal: Deal, report: Report) -> None:
    """Each jurisdiction once, written as a pack id (``us``, ``eu``); a set, so 2,000
    repeats cost 2,000 look-ups."""
    seen: dict[str, int] = {}
    for i, code in enumerate(deal.case.jurisdictions):
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", code):
            report(
                ("case", "jurisdictions", i),
                f"expected a jurisdiction code such as us, eu, uk or de, got {code[:40]!r}",
                None,
            )
        elif code in seen:
            report(
                ("case", "jurisdictions", i),
                f"jurisdiction {code!r} is listed twice (first as entry {seen[code]})",
                "list each jurisdiction once",
            )
        else:
            seen[code] = i


def resolve_share_counts(deal: Deal, entities: dict[str, Entity], report: Report) -> None:
    """A holding given as a number of ``shares`` gets its equity share from the issuer's
    ``shares_outstanding`` (and its votes, for voting stock)."""
    for i, holding in enumerate(deal.holdings):
        if holding.shares is None:
            continue
        issuer = entities.get(holding.issuer)
        outstanding = issuer.shares_outstanding if issuer else None
        if outstanding is None:
            report(
                ("holdings", i, "shares"),
                "a share count needs the issuer's shares_outstanding",
                f"add `shares_outstanding:` to entity {holding.issuer!r}",
            )
            continue
        if holding.shares > outstanding:
            report(
                ("holdings", i, "shares"),
                f"{holding.shares:,} shares is more than the {outstanding:,} outstanding",
                None,
            )
            continue
        share = holding.shares / outstanding
        if holding.equity is None:
            holding.equity = share
            if holding.share_class == "voting" and "voting" not in holding.model_fields_set:
                holding.voting = share
