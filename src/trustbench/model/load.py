"""Loading a deal file: parse, validate, check cross-references, report every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from trustbench.errors import DealError, Diagnostic, ErrorGroup
from trustbench.model.deal import Deal
from trustbench.model.errors import diagnostics_from, did_you_mean, dotted
from trustbench.model.patch import check_scenarios
from trustbench.model.types import source_ids
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


def _walk_refs(deal: Deal) -> list[tuple[Loc, str, str]]:
    """Every (location, kind, id) reference the deal makes, for cross-checking."""
    refs: list[tuple[Loc, str, str]] = []

    def add(loc: Loc, kind: str, value: Any) -> None:
        if value is not None:
            refs.append((loc, kind, value))

    def srcs(loc: Loc, ref: Any) -> None:
        for i, sid in enumerate(source_ids(ref)):
            refs.append(
                ((*loc, "source") if isinstance(ref, str) else (*loc, "source", i), "source", sid)
            )

    for i, e in enumerate(deal.entities):
        srcs(("entities", i), e.source)
        for key in ("revenues", "assets"):
            for j, fig in enumerate(getattr(e, key)):
                srcs(("entities", i, key, j), fig.source)
    for i, h in enumerate(deal.holdings):
        add(("holdings", i, "holder"), "entity", h.holder)
        add(("holdings", i, "issuer"), "entity", h.issuer)
        srcs(("holdings", i), h.source)
    for i, b in enumerate(deal.boards):
        add(("boards", i, "company"), "entity", b.company)
        srcs(("boards", i), b.source)
        for key in ("directors", "observers"):
            for j, seat in enumerate(getattr(b, key)):
                add(("boards", i, key, j, "person"), "person", seat.person)
                add(("boards", i, key, j, "designated_by"), "entity", seat.designated_by)
                srcs(("boards", i, key, j), seat.source)
        for j, off in enumerate(b.officers):
            add(("boards", i, "officers", j, "person"), "person", off.person)
            srcs(("boards", i, "officers", j), off.source)
    for i, r in enumerate(deal.rights):
        add(("rights", i, "holder"), "entity", r.holder)
        add(("rights", i, "issuer"), "entity", r.issuer)
        for j, other in enumerate(r.joint_with):
            add(("rights", i, "joint_with", j), "entity", other)
        srcs(("rights", i), r.source)
    for i, m in enumerate(deal.markets):
        srcs(("markets", i), m.source)
        for j, p in enumerate(m.participants):
            add(("markets", i, "participants", j, "entity"), "entity", p.entity)
            srcs(("markets", i, "participants", j), p.source)
    for i, s in enumerate(deal.supply):
        add(("supply", i, "supplier"), "entity", s.supplier)
        add(("supply", i, "customer"), "entity", s.customer)
        srcs(("supply", i), s.source)
    t = deal.transaction
    add(("transaction", "acquirer"), "entity", t.acquirer)
    add(("transaction", "target"), "entity", t.target)
    srcs(("transaction",), t.source)
    for i, step in enumerate(t.steps):
        loc: Loc = ("transaction", "steps", i)
        srcs(loc, step.source)
        for name in ("holder", "issuer", "seller", "company", "designated_by", "by", "from_"):
            value = getattr(step, name, None)
            add((*loc, "from" if name == "from_" else name), "entity", value)
        if getattr(step, "person", None):
            add((*loc, "person"), "person", step.person)  # type: ignore[union-attr]
        for j, party in enumerate(getattr(step, "parties", []) or []):
            add((*loc, "parties", j), "entity", party)
        right = getattr(step, "right", None)
        if right is not None:
            add((*loc, "right", "holder"), "entity", right.holder)
            add((*loc, "right", "issuer"), "entity", right.issuer)
    for i, fx in enumerate(deal.fx):
        srcs(("fx", i), fx.source)
    for i, prior in enumerate(deal.prior_acquisitions):
        add(("prior_acquisitions", i, "acquirer"), "entity", prior.acquirer)
        srcs(("prior_acquisitions", i), prior.source)
    for i, e in enumerate(deal.entities):
        for j, act in enumerate(e.activity):
            srcs(("entities", i, "activity", j), act.source)
        for j, fig in enumerate(e.intra_group_revenues):
            srcs(("entities", i, "intra_group_revenues", j), fig.source)
    return refs


def check_references(deal: Deal, doc: Document) -> list[Diagnostic]:
    problems: list[Diagnostic] = []

    def report(loc: Loc, message: str, hint: str | None = None) -> None:
        line, column = doc.locate(loc)
        problems.append(
            Diagnostic(doc.path, line, column, "deal", f"{dotted(loc)}: {message}", hint)
        )

    entities = {e.id: e for e in deal.entities}
    sources = {s.id for s in deal.sources}
    sections: dict[str, list[str]] = {
        "entities": [e.id for e in deal.entities],
        "sources": [s.id for s in deal.sources],
        "markets": [m.id for m in deal.markets],
    }
    for section, ids in sections.items():
        seen: set[str] = set()
        for i, item_id in enumerate(ids):
            if item_id in seen:
                report((section, i, "id"), f"duplicate id {item_id!r}")
            seen.add(item_id)
    for loc, kind, ref in _walk_refs(deal):
        if kind == "source":
            if ref not in sources:
                report(
                    loc,
                    f"unknown source {ref!r}",
                    did_you_mean(ref, sources) or "declare it under `sources:`",
                )
        elif ref not in entities:
            report(
                loc,
                f"unknown entity {ref!r}",
                did_you_mean(ref, entities) or "declare it under `entities:`",
            )
        elif kind == "person" and entities[ref].kind != "person":
            report(
                loc,
                f"{ref!r} is a {entities[ref].kind}, expected a person",
                "board seats and officer roles are held by people (kind: person)",
            )
    if deal.transaction.acquirer == deal.transaction.target:
        report(("transaction", "target"), "the target is the acquirer")
    return problems
