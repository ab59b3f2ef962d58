"""Running a rule's examples: each gives facts directly and the outcome it expects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustbench.rules.evaluate import param_uses
from trustbench.rules.pack import LoadedRule, Pack
from trustbench.rules.schema import Example

STATUS = {True: "triggered", False: "not_triggered", None: "unknown"}


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
    params = param_uses(pack, list(compiled.names), as_of, example.params)
    values = {n: p.value for n, p in params.items()}
    values.update(example.facts)
    outcome = compiled.evaluate(values)
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


def run_examples(pack: Pack) -> list[ExampleResult]:
    """Every example of every rule this pack's own files define. Inherited rules are tested
    with the pack that defines them, against its parameters."""
    results = []
    for _, loaded in sorted(pack.own_rules().items()):
        if "examples" in loaded.broken:
            continue
        for i, example in enumerate(loaded.rule.examples):
            results.append(run_example(loaded, pack, example, i))
    return results
