"""TB140–TB143: every rule and definition has examples both ways, a boundary example at each
numeric threshold, and examples that name known facts and parameters with values of their
types."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trustbench.errors import Diagnostic, did_you_mean
from trustbench.rules.checks import Check, Fixture, register
from trustbench.rules.checks.located import Loaded, diag, own
from trustbench.rules.checks.snippets import RULE, edit, pack
from trustbench.rules.compile import declarations
from trustbench.rules.examples import latest_date
from trustbench.rules.files import type_ok
from trustbench.rules.pack import LoadedDefinition, Pack, resolve
from trustbench.rules.schema import Example


def _with_examples(pack: Pack) -> Iterator[Loaded]:
    return (loaded for loaded in own(pack) if "examples" not in loaded.broken)


def _declared(loaded: Loaded, pack: Pack) -> dict[str, str]:
    each = None if "each" in loaded.broken else loaded.rule.each
    return declarations(pack, each)


def _both_ways(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in _with_examples(pack):
        expects = {e.expect for e in loaded.rule.examples}
        if isinstance(loaded, LoadedDefinition):
            wanted: Any = ((True, "is true"), (False, "is false"))
            hint = (
                "every definition needs an example with `expect: true` and one with `expect: false`"
            )
        else:
            wanted = (("triggered", "triggers"), ("not_triggered", "does not trigger"))
            hint = (
                "every rule needs an example with `expect: triggered` and one with "
                "`expect: not_triggered`"
            )
        for needed, words in wanted:
            if needed not in expects:
                yield diag(loaded, ("examples",), EXAMPLES.code, f"no example that {words}", hint)


_ONE_WAY = """\
  - name: above
    facts:
      acquirer.equity.after: 0.3
    boundary: [params.threshold]
    expect: triggered
"""
EXAMPLES = register(
    Check(
        "TB140",
        "examples",
        "no triggering or no non-triggering example (for a definition: no true or no false one)",
        Fixture(
            bad=pack(stake=RULE[: RULE.index("  - name: above")] + _ONE_WAY),
            expected="""\
pack/stake.yaml:11:3: error[TB140]: no example that does not trigger
  hint: every rule needs an example with `expect: triggered` and one with \
`expect: not_triggered`
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _both_ways,
    )
)


def _boundaries(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in _with_examples(pack):
        if loaded.compiled is None:
            continue
        for name in loaded.compiled.names:
            param = pack.params.get(name.removeprefix("params."))
            if (
                not name.startswith("params.")
                or param is None
                or param.type not in ("double", "int")
            ):
                continue
            if not any(_is_boundary(e, name, pack) for e in loaded.rule.examples):
                yield diag(
                    loaded,
                    ("examples",),
                    BOUNDARY.code,
                    f"no boundary example for {name}",
                    "add an example whose fact equals the threshold in force (or "
                    f"list it under `boundary: [{name}]`)",
                )


def _is_boundary(example: Example, name: str, pack: Pack) -> bool:
    short = name.removeprefix("params.")
    if name in example.boundary or short in example.boundary:
        return True
    if short in example.params:
        threshold = example.params[short]
    else:
        found = resolve(pack.params[short], example.as_of or latest_date(pack))
        if found is None:
            return False
        threshold = found.value
    if not isinstance(threshold, int | float) or isinstance(threshold, bool):
        return True  # not a number (TB121 says so): no boundary to look for
    return any(
        isinstance(v, int | float)
        and not isinstance(v, bool)
        and abs(float(v) - float(threshold)) <= 1e-9 * max(1.0, abs(float(threshold)))
        for v in _numbers(example.facts.values())
    )


def _numbers(values: Any) -> list[Any]:
    """The facts' values, with a table's cells in place of the table."""
    out: list[Any] = []
    for v in values:
        if isinstance(v, dict):
            out += [c for row in v.values() if isinstance(row, list) for c in row]
        else:
            out.append(v)
    return out


BOUNDARY = register(
    Check(
        "TB141",
        "boundary",
        "numeric threshold without a boundary example",
        Fixture(
            bad=pack(stake=edit(RULE, "acquirer.equity.after: 0.25", "acquirer.equity.after: 0.2")),
            expected="""\
pack/stake.yaml:11:3: error[TB141]: no boundary example for params.threshold
  hint: add an example whose fact equals the threshold in force (or list it under \
`boundary: [params.threshold]`)
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _boundaries,
    )
)


def _names(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in _with_examples(pack):
        declared = _declared(loaded, pack)
        facts = [n for n in declared if not n.startswith("params.")]
        for i, example in enumerate(loaded.rule.examples):
            for name in example.facts:
                loc: tuple[Any, ...] = ("examples", i, "facts", name)
                if name.startswith("params."):
                    yield diag(
                        loaded,
                        loc,
                        EXAMPLE_NAME.code,
                        f"example {example.name!r}: {name} is a parameter, not a fact",
                        "set parameters under `params:` "
                        f"(without the prefix: {name.removeprefix('params.')})",
                    )
                elif name not in declared:
                    yield diag(
                        loaded,
                        loc,
                        EXAMPLE_NAME.code,
                        f"example {example.name!r} gives unknown fact {name!r}",
                        did_you_mean(name, facts)
                        or "`trustbench facts` lists the facts rules can use",
                    )
            yield from _parameter_names(loaded, pack, i, example)


def _parameter_names(loaded: Loaded, pack: Pack, i: int, example: Example) -> Iterator[Diagnostic]:
    for key, names in (("params", list(example.params)), ("boundary", example.boundary)):
        for j, raw in enumerate(names):
            name = raw.removeprefix("params.")
            if name not in pack.params:
                yield diag(
                    loaded,
                    ("examples", i, key, raw if key == "params" else j),
                    EXAMPLE_NAME.code,
                    f"example {example.name!r} names unknown parameter {raw!r}",
                    did_you_mean(name, pack.params) or "parameters are defined in params.yaml",
                )


_MISNAMED = """\
      acquirer.equity.aftr: 0.3
    params:
      treshold: 0.2
"""
EXAMPLE_NAME = register(
    Check(
        "TB142",
        "example-names",
        "example names an unknown fact or parameter",
        Fixture(
            bad=pack(stake=edit(RULE, "      acquirer.equity.after: 0.3\n", _MISNAMED)),
            expected="""\
pack/stake.yaml:13:29: error[TB142]: example 'above' gives unknown fact 'acquirer.equity.aftr'
  hint: did you mean 'acquirer.equity.after'?
pack/stake.yaml:15:17: error[TB142]: example 'above' names unknown parameter 'treshold'
  hint: did you mean 'threshold'?
2 problems in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _names,
    )
)

_TYPE_HINTS = {
    "double": "write a decimal such as 0.25 (25 %) or 1_000_000.0",
    "int": "write a whole number such as 1",
    "bool": "write true or false",
    "list": "write a list of names such as [budget]",
    "table": "write rows of numbers such as {FR: [300_000_000.0, 100_000_000.0, null]}",
}


def _types(pack: Pack) -> Iterator[Diagnostic]:
    for loaded in _with_examples(pack):
        declared = _declared(loaded, pack)
        for i, example in enumerate(loaded.rule.examples):
            for name, value in example.facts.items():
                kind = declared.get(name)
                if name.startswith("params.") or kind is None or value is None:
                    continue
                if not type_ok(value, kind):
                    yield diag(
                        loaded,
                        ("examples", i, "facts", name),
                        EXAMPLE_TYPE.code,
                        f"example {example.name!r}: {name} is a {kind}, got {value!r}",
                        _TYPE_HINTS.get(kind),
                    )


EXAMPLE_TYPE = register(
    Check(
        "TB143",
        "example-type",
        "example value of the wrong type",
        Fixture(
            bad=pack(stake=edit(RULE, "after: 0.3", 'after: "30%"')),
            expected="""\
pack/stake.yaml:13:30: error[TB143]: example 'above': acquirer.equity.after is a double, \
got '30%'
  hint: write a decimal such as 0.25 (25 %) or 1_000_000.0
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _types,
    )
)
