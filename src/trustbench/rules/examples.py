"""Running a rule's examples: each gives facts directly and the outcome it expects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from trustbench.expr import Compiled, Outcome
from trustbench.rules.dated import dated_at
from trustbench.rules.evaluate import param_uses
from trustbench.rules.pack import LoadedDefinition, LoadedRule, Pack
from trustbench.rules.schema import DefinitionExample, Example
from trustbench.rules.scope import DERIVED, Scope, cel_param

STATUS = {True: "triggered", False: "not_triggered", None: "unknown"}
TRUTH = {True: "true", False: "false", None: "unknown"}


@dataclass(frozen=True)
class ExampleResult:
    rule: str
    example: str
    expected: str
    actual: str
    file: str
    line: int
    message: str = ""
    pack: str = ""

    @property
    def passed(self) -> bool:
        return self.expected == self.actual

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.example}"


def latest_date(pack: Pack) -> dt.date:
    """The date examples without ``as_of`` are run at: the latest date on which any of the
    pack's parameters changes."""
    dates = [d for p in pack.params.values() for d in p.values]
    return max(dates) if dates else dt.date(2000, 1, 1)


def run_example(loaded: LoadedRule, pack: Pack, example: Example, index: int) -> ExampleResult:
    line, _ = loaded.doc.locate(("examples", index))
    compiled = loaded.compiled
    if compiled is None:
        return ExampleResult(
            loaded.id,
            example.name,
            example.expect,
            "error",
            loaded.file,
            line,
            "the condition did not compile (see `trustbench rules validate`)",
            pack.id,
        )
    as_of = example.as_of or latest_date(pack)
    outcome, values = example_outcome(pack, compiled, example, as_of)
    actual = STATUS[outcome.value]
    message = ""
    if actual != example.expect:
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(values.items()))
        message = f"expected {example.expect}, got {actual} with {shown} (as of {as_of})"
        if outcome.error:
            message += f": {outcome.error}"
    return ExampleResult(
        loaded.id, example.name, example.expect, actual, loaded.file, line, message, pack.id
    )


def example_outcome(
    pack: Pack, compiled: Compiled, example: Example, as_of: dt.date
) -> tuple[Outcome, dict[str, Any]]:
    """The outcome of ``compiled`` on an example's facts: definitions and rule references
    are worked out from the same facts, unless the example gives them (``def.x: true``)."""
    names = [f"params.{n}" for n in pack.params]
    at = dated_at(pack, lambda n: (example.facts.get(n), None), as_of)
    params = param_uses(pack, names, as_of, example.params, at=at)
    values = {
        n: cel_param(p.value, pack.params[n.removeprefix("params.")].type)
        for n, p in params.items()
    }
    given = {k: v for k, v in example.facts.items() if k.startswith(DERIVED)}
    scope = Scope(pack, example.facts.get, values, given)
    inputs = scope.values(compiled)
    return scope.expand(compiled.evaluate(inputs)), inputs


def run_definition_example(
    loaded: LoadedDefinition, pack: Pack, example: DefinitionExample, index: int
) -> ExampleResult:
    line, _ = loaded.doc.locate(("examples", index))
    expected = TRUTH[example.expect if isinstance(example.expect, bool) else None]
    if loaded.compiled is None:
        message = "the condition did not compile (see `trustbench rules validate`)"
        return ExampleResult(
            loaded.id, example.name, expected, "error", loaded.file, line, message, pack.id
        )
    as_of = example.as_of or latest_date(pack)
    outcome, values = example_outcome(pack, loaded.compiled, example, as_of)
    actual = TRUTH[outcome.value]
    message = ""
    if actual != expected:
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(values.items()))
        message = f"expected {expected}, got {actual} with {shown} (as of {as_of})"
        if outcome.error:
            message += f": {outcome.error}"
    return ExampleResult(
        loaded.id, example.name, expected, actual, loaded.file, line, message, pack.id
    )


def run_examples(pack: Pack) -> list[ExampleResult]:
    """Every example of every rule and definition this pack's own files define. Inherited
    ones are tested with the pack that defines them, against its parameters."""
    results = []
    for _, loaded_def in sorted(pack.own_definitions().items()):
        if "examples" in loaded_def.broken:
            continue
        for i, def_example in enumerate(loaded_def.definition.examples):
            results.append(run_definition_example(loaded_def, pack, def_example, i))
    for _, loaded in sorted(pack.own_rules().items()):
        if "examples" in loaded.broken:
            continue
        for i, example in enumerate(loaded.rule.examples):
            results.append(run_example(loaded, pack, example, i))
    return results
