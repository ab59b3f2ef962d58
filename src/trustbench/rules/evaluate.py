"""Evaluating packs against a deal: findings with their facts, parameters and trace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trustbench.expr import Outcome
from trustbench.facts import REGISTRY, FactContext
from trustbench.facts.registry import Value
from trustbench.rules.dated import DatedAt, dated_at
from trustbench.rules.pack import LoadedRule, Pack, resolve, rule_ref
from trustbench.rules.scope import Scope, cel_param
from trustbench.rules.text import names_in, render, sentence_case

STATUS = {True: "triggered", False: "not_triggered", None: "unknown"}


@dataclass
class FactUse:
    name: str
    value: Any
    unit: str
    sources: tuple[str, ...] = ()
    note: str | None = None
    in_condition: bool = True  # False: only the finding's text uses it


@dataclass
class ParamUse:
    name: str
    value: Any
    unit: str
    effective: dt.date | None
    reference: str
    href: str | None = None


@dataclass(frozen=True)
class Texts:
    """A finding's rendered texts, and the facts they quote beside the condition's."""

    text: str
    test: str
    conclusion: str
    facts: dict[str, FactUse]


@dataclass(frozen=True)
class BeforeRemedy:
    """A substantive finding as it stood before the remedies in the deal's timeline."""

    status: str
    text: str
    remedies: tuple[str, ...]  # what was applied: "the divestiture of X's business in M (date)"


@dataclass
class Finding:
    """One rule's outcome. Its texts (and the facts only they quote) are rendered when
    first read: a command that reads only statuses and bands (``screen``'s summary) does
    not pay for them, and whoever reads them gets the same words in every case."""

    rule: str
    title: str
    factor: str
    status: str
    weight: float
    render: Callable[[], Texts] = field(repr=False)
    cites: list[str]
    params: dict[str, ParamUse] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    subject: str | None = None
    instances: list[Finding] = field(default_factory=list)
    waiver: dict[str, str | None] | None = None
    summary: str | None = None
    pack: str = ""
    theory: str = ""  # the theory of harm the summary reports it under (the factor if unset)
    remedy: BeforeRemedy | None = None  # set when the deal's timeline has a remedy
    # the parts of the condition that decided it, worked out when asked for (JSON, explain)
    decide: Callable[[], list[tuple[str, str]]] | None = field(default=None, repr=False)
    # the whole decision tree, worked out only when asked for (``--explain``): evaluating
    # every sub-condition of every rule on every run would cost more than the rules do
    trace: Callable[[], list[tuple[int, str, str]]] | None = field(default=None, repr=False)

    _texts: Texts | None = field(default=None, repr=False)

    def _rendered(self) -> Texts:
        if self._texts is None:
            self._texts = self.render()
        return self._texts

    @property
    def text(self) -> str:
        return self._rendered().text

    @property
    def test(self) -> str:
        return self._rendered().test

    @property
    def conclusion(self) -> str:
        return self._rendered().conclusion

    @property
    def facts(self) -> dict[str, FactUse]:
        """The facts the condition used, then those only the texts quote."""
        return self._rendered().facts

    @property
    def decided_by(self) -> list[tuple[str, str]]:
        """(part of the condition, status) for the top-level parts that decided it."""
        return self.decide() if self.decide else []

    @property
    def reasoning(self) -> list[tuple[int, str, str]]:
        """(depth, part of the condition, "true" | "false" | "unknown") from the root down."""
        return self.trace() if self.trace else []


TRUTH = {True: "true", False: "false", None: "unknown"}


@dataclass
class JurisdictionResult:
    id: str
    name: str
    pack: Pack
    score: float
    band: str
    findings: list[Finding]
    filing: str
    control: str


def param_uses(
    pack: Pack,
    names: list[str],
    as_of: dt.date,
    overrides: dict[str, Any] | None = None,
    at: DatedAt | None = None,
) -> dict[str, ParamUse]:
    """Each parameter named, as in force on ``as_of`` — or, for one dated by a fact
    (``at``: name → (date, why)), on that date."""
    uses: dict[str, ParamUse] = {}
    for full in names:
        if not full.startswith("params."):
            continue
        name = full.removeprefix("params.")
        param = pack.params.get(name)
        if param is None:
            continue
        if overrides and name in overrides:
            uses[full] = ParamUse(full, overrides[name], param.unit, None, "example override")
            continue
        when, why = at[name] if at and name in at else (as_of, None)
        found = resolve(param, when)
        ref = found.reference if found else param.reference
        text = ref.title + (f", {ref.pinpoint}" if ref.pinpoint else "")
        if ref.confidence != "confirmed":
            text += f" [{ref.confidence}]"
        if why is not None:
            text += f"; applied as in force on {when.isoformat()} ({why})"
        uses[full] = ParamUse(
            full,
            found.value if found else None,
            param.unit,
            found.effective if found else None,
            text,
            ref.href,
        )
    return uses


def _lookup(facts: dict[str, FactUse], params: dict[str, ParamUse], ctx: FactContext | None):  # type: ignore[no-untyped-def]
    names: dict[str, Any] = {}

    def lookup(name: str) -> tuple[Any, str]:
        if name in facts:
            return facts[name].value, facts[name].unit
        if name in params:
            return params[name].value, params[name].unit
        if ctx is not None and name in ("acquirer", "target"):
            if name not in names:
                names[name] = ctx.name(getattr(ctx, name))
            return names[name], "text"
        if (
            ctx is not None
            and name in REGISTRY
            and (REGISTRY[name].scope != "market" or ctx.market is not None)
        ):
            value = ctx.get(name)
            facts[name] = FactUse(
                name,
                value.value,
                REGISTRY[name].unit,
                value.sources,
                value.note,
                in_condition=False,
            )
            return value.value, REGISTRY[name].unit
        return None, ""

    return lookup


def evaluate_rule(
    loaded: LoadedRule,
    pack: Pack,
    ctx: FactContext,
    as_of: dt.date,
    resolved: dict[str, ParamUse] | None = None,
    scope: Scope | None = None,
) -> Finding:
    """Evaluate one rule; ``resolved`` may give the pack's parameters already resolved as
    of ``as_of`` and ``scope`` the deal's names (``evaluate_pack`` works both out once for
    all its rules, so that each definition and rule reference is evaluated once)."""
    if resolved is None:
        resolved = resolved_for(pack, ctx, as_of)[0]
    scope = scope or scope_for(pack, ctx, resolved)
    if loaded.rule.each == "market":
        return _evaluate_each_market(loaded, pack, ctx, resolved, scope)
    return _evaluate_once(loaded, pack, ctx, resolved, scope)


def _evaluate_once(
    loaded: LoadedRule,
    pack: Pack,
    ctx: FactContext,
    resolved: dict[str, ParamUse],
    scope: Scope,
    subject: str | None = None,
) -> Finding:
    compiled = loaded.compiled
    assert compiled is not None, f"{loaded.id} was not compiled"
    leaves = pack.leaves(compiled.names)
    params = {n: resolved[n] for n in (*leaves, *_template_names(loaded)) if n in resolved}
    facts: dict[str, FactUse] = {}
    for name in leaves:
        if name not in resolved and name in REGISTRY:
            value: Value = ctx.get(name)
            facts[name] = FactUse(name, value.value, REGISTRY[name].unit, value.sources, value.note)
    if loaded.rule.each is None:
        ref = rule_ref(loaded.id)
        outcome = scope.outcome(ref, compiled)
        values = scope.inputs.get(ref) or scope.values(compiled)
    else:
        values = scope.values(compiled)
        outcome = scope.expand(compiled.evaluate(values))
    if outcome.value is None and outcome.missing:
        # every input left open, through definitions and rule references alike, as if the
        # condition were written out in full: the memo asks for each of them
        known = {n: u.value for n, u in facts.items()} | {n: u.value for n, u in params.items()}
        open_leaves = tuple(n for n in leaves if known.get(n) is None)
        outcome = Outcome(None, open_leaves or outcome.missing, outcome.error)
    finding = _finding(loaded, pack, outcome, facts, params, ctx, subject)
    finding.decide = lambda: [
        (part, STATUS[o.value]) for part, o in compiled.decided_by(values, outcome)
    ]
    finding.trace = lambda: [
        (depth, source, TRUTH[value])
        for depth, source, value in scope.reasoning(
            compiled, values, outcome, 0, lambda name: step_title(pack, name)
        )
    ]
    return finding


def step_title(pack: Pack, name: str) -> str:
    """A definition or referred rule as a named reasoning step: title and citations."""
    found = pack.definitions.get(name)
    rule = pack.referable().get(name)
    item = found.definition if found is not None else rule.rule if rule is not None else None
    if item is None or name in pack.disabled:
        return f"{name}: not in force in this pack"
    cites = [pack.authorities[c].cite() for c in item.cites or () if c in pack.authorities]
    return f"{name} — {item.title}" + (f" ({'; '.join(cites)})" if cites else "")


def scope_for(pack: Pack, ctx: FactContext, resolved: dict[str, ParamUse]) -> Scope:
    """The names of one deal (or one of its markets) for ``pack``'s conditions."""
    return Scope(pack, _fact_values(ctx), cel_params(pack, resolved))


def resolved_for(
    pack: Pack, ctx: FactContext, as_of: dt.date
) -> tuple[dict[str, ParamUse], dict[str, Any]]:
    """The pack's parameters for one deal (as uses, and as conditions see them): as of
    ``as_of``, except those dated by a fact the deal gives (worked out once per set of
    dates: a batch of deals with one case date resolves them once)."""
    at = dated_at(pack, lambda n: _fact_and_note(ctx, n), as_of)
    key = (as_of, tuple(sorted(at.items())))
    if key not in pack.as_of:
        resolved = param_uses(pack, [f"params.{n}" for n in pack.params], as_of, at=at)
        pack.as_of[key] = (resolved, cel_params(pack, resolved))
    found: tuple[dict[str, ParamUse], dict[str, Any]] = pack.as_of[key]
    return found


def _fact_and_note(ctx: FactContext, name: str) -> tuple[Any, str | None]:
    if name not in REGISTRY:
        return None, None
    value = ctx.get(name)
    return value.value, value.note


def cel_params(pack: Pack, resolved: dict[str, ParamUse]) -> dict[str, Any]:
    """The resolved parameters as conditions see them (scales flattened)."""
    return {
        n: cel_param(p.value, pack.params[n.removeprefix("params.")].type)
        for n, p in resolved.items()
    }


def _fact_values(ctx: FactContext) -> Callable[[str], Any]:
    return lambda name: ctx.get(name).value


def _template_names(loaded: LoadedRule) -> tuple[str, ...]:
    """The names the rule's texts quote (worked out once per rule)."""
    if loaded.template_names is None:
        rule = loaded.rule
        texts = [
            rule.test,
            rule.finding.triggered,
            rule.finding.not_triggered,
            rule.finding.unknown or "",
        ]
        if rule.conclusion:
            texts += [
                rule.conclusion.triggered,
                rule.conclusion.not_triggered,
                rule.conclusion.unknown or "",
            ]
        loaded.template_names = tuple(dict.fromkeys(n for t in texts for n in names_in(t)))
    return loaded.template_names


def _finding(
    loaded: LoadedRule,
    pack: Pack,
    outcome: Outcome,
    facts: dict[str, FactUse],
    params: dict[str, ParamUse],
    ctx: FactContext | None,
    subject: str | None,
) -> Finding:
    rule = loaded.rule
    status = STATUS[outcome.value]
    missing = sorted(outcome.missing)

    def texts() -> Texts:
        lookup = _lookup(facts, params, ctx)
        text = _pick(rule.finding, status)
        conclusion = _pick(rule.conclusion, status) if rule.conclusion else ""
        if status == "unknown" and not rule.finding.unknown:
            text = _unknown_text(missing, outcome.error)
        return Texts(
            sentence_case(render(text, lookup)),
            sentence_case(render(rule.test, lookup)),
            sentence_case(render(conclusion, lookup)) if conclusion else "",
            facts,
        )

    return Finding(
        rule=loaded.id,
        title=rule.title,
        factor=rule.factor,
        theory=rule.theory or rule.factor,
        status=status,
        weight=rule.weight,
        render=texts,
        cites=list(rule.cites),
        params=params,
        missing=missing,
        subject=subject,
        summary=rule.summary,
        pack=loaded.pack,
    )


def _unknown_text(missing: list[str], error: str | None) -> str:
    """A rule without an ``unknown`` text: say what the file must still tell us."""
    if not missing:
        return "This cannot be decided: " + (error or "the condition could not be evaluated")
    asks = [REGISTRY[m].question or REGISTRY[m].doc for m in missing if m in REGISTRY]
    text = (
        (
            "This cannot be decided until the deal file answers: "
            + " ".join(a.rstrip(".?") + "?" for a in asks)
        )
        if asks
        else ""
    )
    params = [m for m in missing if m.startswith("params.")]
    other = [m for m in missing if m not in REGISTRY and m not in params]
    if other:
        text += (" " if text else "") + "The deal file gives no " + ", ".join(other) + "."
    if params:
        text += (
            (" " if text else "")
            + "The pack has no value in force on the case date for "
            + ", ".join(params)
            + "."
        )
    return text


def _pick(texts: Any, status: str) -> str:
    if texts is None:
        return ""
    if status == "triggered":
        return str(texts.triggered)
    if status == "not_triggered":
        return str(texts.not_triggered)
    return str(texts.unknown or "")


def _evaluate_each_market(
    loaded: LoadedRule, pack: Pack, ctx: FactContext, resolved: dict[str, ParamUse], deal: Scope
) -> Finding:
    instances = []
    for market in ctx.deal.markets:
        local = ctx.for_market(market)
        scope = Scope(pack, _fact_values(local), deal.params)
        instances.append(_evaluate_once(loaded, pack, local, resolved, scope, market.name))
    rule = loaded.rule
    if not instances:
        outcome = Outcome(None, ("markets",))
        return _finding(loaded, pack, outcome, {}, {}, ctx, None)
    statuses = [i.status for i in instances]
    status = (
        "triggered"
        if "triggered" in statuses
        else "unknown"
        if "unknown" in statuses
        else "not_triggered"
    )
    lead = next(i for i in instances if i.status == status)

    def texts() -> Texts:
        parts = [f"{i.subject}: {i.text}" for i in instances if i.status == status]
        return Texts(" ".join(parts), lead.test, lead.conclusion, lead.facts)

    return Finding(
        rule=loaded.id,
        title=rule.title,
        factor=rule.factor,
        theory=rule.theory or rule.factor,
        status=status,
        weight=rule.weight,
        render=texts,
        cites=list(rule.cites),
        params=lead.params,
        missing=sorted({m for i in instances for m in i.missing}),
        instances=instances,
        summary=rule.summary,
        pack=loaded.pack,
        decide=lead.decide,
        trace=lead.trace,
    )


def evaluate_pack(
    pack: Pack, ctx: FactContext, as_of: dt.date, waivers: dict[str, tuple[str, str | None]]
) -> list[Finding]:
    findings = []
    resolved, values = resolved_for(pack, ctx, as_of)
    scope = Scope(pack, _fact_values(ctx), values)
    for rid in sorted(pack.rules):
        if rid in pack.disabled:
            continue
        finding = evaluate_rule(pack.rules[rid], pack, ctx, as_of, resolved, scope)
        if rid in waivers:
            reason, by = waivers[rid]
            finding.waiver = {"reason": reason, "by": by}
        findings.append(finding)
    return findings
