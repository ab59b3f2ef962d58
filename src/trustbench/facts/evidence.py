"""The limbs of the vertical and conglomerate theories — ability, incentive, effect — read from
the deal file: first from what the supply records state (a must-have input, the customer's
alternatives and switching, the margins at stake), then from the sourced statements of the
``evidence:`` section. A limb the file does not show either way is unknown, and the memo asks
for it.

Input foreclosure: one party supplies the other party's rivals (the target the acquirer's
rivals, or the acquirer the target's rivals), and the merged firm could withhold, degrade or
reprice the input. Customer foreclosure: one party buys from the other party's rivals, and
the merged firm could stop buying from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group, target_side
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.relations import rivals, rivals_of
from trustbench.model.deal import Supply
from trustbench.model.types import source_ids

_NO_SUPPLY = "the deal file has no `supply` section"


JURISDICTIONS = ("us", "eu", "uk", "de")
"""Each limb is read once per jurisdiction: a statement that reports one agency's finding on
its own markets (``jurisdictions: [eu]``) counts only there; one without ``jurisdictions``
counts everywhere."""


def statements(ctx: FactContext, theory: str, limb: str, where: str) -> Value:
    """The net reading of the sourced statements on one limb of one theory in one
    jurisdiction: true if they only support it, false if they only tell against it, unknown
    if there are none or they point both ways (the note says which)."""
    found = [
        s
        for s in ctx.deal.evidence
        if s.theory == theory
        and s.limb == limb
        and (s.jurisdictions is None or where in s.jurisdictions)
    ]
    sources = [x for s in found for x in source_ids(s.source)]
    directions = {s.direction for s in found}
    if directions == {"supports"}:
        return known(True, sources, f"{len(found)} sourced statement(s) support it")
    if directions == {"against"}:
        return known(False, sources, f"{len(found)} sourced statement(s) tell against it")
    if found:
        return unknown("the sourced statements point both ways", sources)
    return unknown(f"no sourced statement on the {limb} of {theory}")


def input_rows(ctx: FactContext) -> list[Supply]:
    """Supplies by one party to the other party's rivals (input foreclosure)."""
    acquirer, target = acquirer_group(ctx, "before"), target_side(ctx, "before")
    acquirer_rivals = set(rivals(ctx))
    target_rivals = rivals_of(ctx, target, acquirer)
    return [
        s
        for s in ctx.deal.supply
        if (s.supplier in target and s.customer in acquirer_rivals)
        or (s.supplier in acquirer and s.customer in target_rivals)
    ]


def customer_rows(ctx: FactContext) -> list[Supply]:
    """Purchases by one party from the other party's rivals (customer foreclosure)."""
    acquirer, target = acquirer_group(ctx, "before"), target_side(ctx, "before")
    return [
        s
        for s in ctx.deal.supply
        if (s.customer in acquirer and s.supplier in rivals_of(ctx, target, acquirer))
        or (s.customer in target and s.supplier in rivals_of(ctx, acquirer, target))
    ]


def _must_have(row: Supply) -> bool | None:
    """Whether the customer depends on this input: as stated, or read from its alternatives
    (none at all, or switching impossible: must-have; some, and switching easy: not)."""
    if row.must_have is not None:
        return row.must_have
    if row.alternatives == 0 or row.switching == "not-possible":
        return True
    if row.alternatives is not None and row.alternatives > 0 and row.switching == "easy":
        return False
    return None


def _foreclosable(row: Supply) -> bool | None:
    """Whether the merged firm could withhold or degrade this input: not where it is bound
    from outside the firm to keep supplying the customer on non-discriminatory terms (an
    order, consent decree, undertaking or contract — a commitment of the timeline sets it),
    else whether the customer depends on it."""
    if row.access_assured:
        return False
    return _must_have(row)


def _limb(
    ctx: FactContext,
    rows: list[Supply],
    read: Callable[[Supply], bool | None],
    theory: str,
    limb: str,
    where: str,
    what: str,
    who: Callable[[Supply], str] = lambda r: r.customer,
) -> Value:
    """A limb from the rows (any true decides; all false decides), else from the statements."""
    if not rows and not ctx.declared("supply"):
        return unknown(_NO_SUPPLY)
    sources = [x for r in rows for x in source_ids(r.source)]
    readings = [(r, read(r)) for r in rows]
    shown = [r for r, v in readings if v is True]
    if shown:
        names = ", ".join(sorted({ctx.name(who(r)) for r in shown}))
        return known(True, [x for r in shown for x in source_ids(r.source)], f"{what}: {names}")
    if not rows and "supply" in ctx.deal.partial:
        return statements(ctx, theory, limb, where)
    if not rows:
        return known(False, sources, "no supply relationship of this kind in the file")
    if all(v is False for _, v in readings):
        return known(False, sources, f"not {what} for any of them, on the supply records")
    said = statements(ctx, theory, limb, where)
    return Value(said.value, (*sources, *said.sources), said.note)


def _margins(ctx: FactContext, rows: Iterable[Supply]) -> Value | None:
    """Profit gained downstream against profit lost upstream, where the file gives both."""
    given = [r for r in rows if r.margin_gained is not None and r.margin_lost is not None]
    if not given:
        return None
    gained = [ctx.convert(r.margin_gained, ctx.currency) for r in given]
    lost = [ctx.convert(r.margin_lost, ctx.currency) for r in given]
    sources = [x for r in given for x in source_ids(r.source)]
    if not all(v.known for v in (*gained, *lost)):
        return unknown("a margin could not be converted", sources)
    g, c = sum(v.value for v in gained), sum(v.value for v in lost)
    note = f"profit gained downstream {g:,.0f} against {c:,.0f} lost upstream ({ctx.currency})"
    return known(g > c, sources, note)


_Q_INPUT = (
    "Could each rival that buys from the other party compete without the product, with how "
    "many other suppliers, how readily could it switch, and what would cutting it off gain "
    "and cost the merged firm (with the documents that say so)?"
)
_Q_CUSTOMER = (
    "Could each rival that sells to the other party do without it as a customer, and would "
    "the merged firm gain by buying elsewhere (with the documents that say so)?"
)
_Q_CONGLOMERATE = (
    "Are the parties active in closely related markets, and could and would the merged firm "
    "tie or bundle them to rivals' harm (with the documents that say so)?"
)
Compute = Callable[[FactContext, str], Value]


def _input_ability(ctx: FactContext, where: str) -> Value:
    rows = input_rows(ctx)
    return _limb(ctx, rows, _foreclosable, "input-foreclosure", "ability", where, "must-have input")


def _customer_ability(ctx: FactContext, where: str) -> Value:
    return _limb(
        ctx,
        customer_rows(ctx),
        lambda r: r.significant_customer,
        "customer-foreclosure",
        "ability",
        where,
        "significant customer",
        lambda r: r.supplier,
    )


def _incentive(rows_of: Callable[[FactContext], list[Supply]], theory: str) -> Compute:
    def compute(ctx: FactContext, where: str) -> Value:
        rows = rows_of(ctx)
        if not rows and not ctx.declared("supply"):
            return unknown(_NO_SUPPLY)
        return _margins(ctx, rows) or statements(ctx, theory, "incentive", where)

    return compute


def _said(theory: str, limb: str) -> Compute:
    def compute(ctx: FactContext, where: str) -> Value:
        return statements(ctx, theory, limb, where)

    return compute


_IN, _CUST = "input-foreclosure", "customer-foreclosure"
_LIMBS: tuple[tuple[str, str, Compute, str, str], ...] = (
    (
        "vertical.input.ability",
        "input foreclosure, ability: the rivals cannot do without the input",
        _input_ability,
        "MG 2023 §2.5(A); EU NHMG paras 33-39",
        _Q_INPUT,
    ),
    (
        "vertical.input.incentive",
        "input foreclosure, incentive: gains downstream exceed losses upstream",
        _incentive(input_rows, _IN),
        "MG 2023 §2.5(A); EU NHMG paras 40-46",
        _Q_INPUT,
    ),
    (
        "vertical.input.effect",
        "input foreclosure, effect on competition downstream",
        _said(_IN, "effect"),
        "MG 2023 §2.5(A); EU NHMG paras 47-57",
        _Q_INPUT,
    ),
    (
        "vertical.customer.ability",
        "customer foreclosure, ability: the rivals cannot do without the customer",
        _customer_ability,
        "MG 2023 §2.5(A); EU NHMG paras 61-67",
        _Q_CUSTOMER,
    ),
    (
        "vertical.customer.incentive",
        "customer foreclosure, incentive: the merged firm gains by buying elsewhere",
        _incentive(customer_rows, _CUST),
        "MG 2023 §2.5(A); EU NHMG paras 68-71",
        _Q_CUSTOMER,
    ),
    (
        "vertical.customer.effect",
        "customer foreclosure, effect on competition upstream",
        _said(_CUST, "effect"),
        "MG 2023 §2.5(A); EU NHMG paras 72-77",
        _Q_CUSTOMER,
    ),
    *(
        (
            f"conglomerate.{limb}",
            f"conglomerate effects, {limb}",
            _said("conglomerate", limb),
            "EU NHMG paras 93-121; CMA129 ch. 7; BKartA Leitfaden Marktbeherrschung (2012) Teil C",
            _Q_CONGLOMERATE,
        )
        for limb in ("ability", "incentive", "effect")
    ),
)
_WORDS = {"us": "US", "eu": "EU", "uk": "UK", "de": "Germany"}


def _register(name: str, doc: str, compute: Compute, test: str, question: str) -> None:
    """One fact per jurisdiction: the supply records first (a row that decides the limb), then
    the sourced statements that count there (the module docstring has the reading)."""
    # conglomerate effects are screened as limbs in the EU, UK and German packs (the US pack
    # screens them as entrenchment, Guideline 6)
    for where in JURISDICTIONS if name.startswith("vertical") else ("eu", "uk", "de"):
        fact(
            f"{name}.{where}",
            "bool",
            "yes/no",
            f"{doc} ({_WORDS[where]})",
            test=test,
            question=question,
            topic="Supply relationships" if name.startswith("vertical") else "Evidence",
        )(lambda ctx, _c=compute, _w=where: _c(ctx, _w))


for _spec in _LIMBS:
    _register(*_spec)


@fact(
    "conglomerate.raised",
    "bool",
    "yes/no",
    "the file's evidence raises a conglomerate theory",
    test="EU NHMG paras 91-121",
    question=_Q_CONGLOMERATE,
    topic="Evidence",
)
def _conglomerate(ctx: FactContext) -> Value:
    found = [s for s in ctx.deal.evidence if s.theory == "conglomerate"]
    if found:
        return known(True, [x for s in found for x in source_ids(s.source)])
    if ctx.declared("evidence"):
        return known(False, note="no statement on a conglomerate theory")
    return unknown("the deal file has no `evidence` section")
