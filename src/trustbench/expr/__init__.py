"""The safe expression layer: CEL conditions, compiled and type-checked once, evaluated with
three-valued logic. It knows nothing about deals — only names, types and values.

CEL's own semantics give Kleene logic for free: an unbound variable is an error value,
and ``false && error`` is ``false``, ``true || error`` is ``true``. An expression whose
result is still an error because of unbound names is *unknown*, naming those names.

The runtime is ``cel-expr-python`` (cel-cpp, type-checked at compile time). Only this
module imports it, so the runtime can be swapped behind :class:`Compiler`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cel_expr_python import cel

from trustbench.expr import bounded
from trustbench.expr.ast import Node, parse_checked, variables
from trustbench.expr.bounded import _PLAIN, is_bound
from trustbench.expr.errors import CompileError, Issue, parse_errors
from trustbench.expr.split import LexError, Token, split, tokenize

__all__ = [
    "TYPES",
    "CompileError",
    "Compiled",
    "Compiler",
    "Issue",
    "LexError",
    "Node",
    "Outcome",
    "Step",
    "Token",
    "tokenize",
]

TYPES: dict[str, Any] = {
    "bool": cel.Type.BOOL,
    "double": cel.Type.DOUBLE,
    "int": cel.Type.INT,
    "string": cel.Type.STRING,
    "list": cel.Type.List(cel.Type.STRING),
    # a scale (a fee schedule, a threshold ladder): [from_1, value_1, from_2, value_2, ...]
    # with ascending ``from``; ``scale(s, x)`` is the value of the step x falls in
    "scale": cel.Type.List(cel.Type.DOUBLE),
    # a table: row name -> cells in a fixed column order (e.g. Member State -> [combined,
    # acquirer, target]); a cell may be a bound or unknown; ``count_above`` counts its rows
    "table": cel.Type.Map(cel.Type.STRING, cel.Type.List(cel.Type.DOUBLE)),
}
MAX_SOURCE = 4000
_MISSING = re.compile(r'No value with name "([^"]+)" found')


@dataclass(frozen=True)
class Outcome:
    """``value`` is True, False or None (unknown); ``missing`` names the unbound inputs
    that left it unknown."""

    value: bool | None
    missing: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Step:
    """One line of a decision: a part of the condition at some ``depth`` of nesting, and
    what it evaluated to (True, False or None for unknown)."""

    depth: int
    source: str
    value: bool | None


class Compiled:
    def __init__(self, source: str, program: Any, names: tuple[str, ...]) -> None:
        self.source = source
        self._program = program
        self.names = names
        self.operator = ""
        self._part_sources: list[str] = []
        self._parts: list[Compiled] | None = None
        self._compiler: Compiler | None = None
        self.root: Node | None = None

    @property
    def parts(self) -> list[Compiled]:
        """The top-level ``&&``/``||`` operands, compiled on first use (only traces need
        them, so loading a pack does not pay for them)."""
        if self._parts is None:
            compiler = self._compiler
            self._parts = [compiler.compile(p) for p in self._part_sources] if compiler else []
        return self._parts

    def decided_by(self, values: Mapping[str, Any], outcome: Outcome) -> list[tuple[str, Outcome]]:
        """The top-level parts that decided ``outcome``: for ``a && b`` the false parts (or
        all, if true); for ``a || b`` the true parts (or all, if false); the unknown parts
        when the outcome is unknown."""
        if not self.parts:
            return [(self.source, outcome)]
        results = [(p, p.evaluate(values)) for p in self.parts]
        return [(p.source, o) for p, o in _decisive(self.operator, results, outcome)]

    def reasoning(
        self, values: Mapping[str, Any], outcome: Outcome | None = None, depth: int = 0
    ) -> list[Step]:
        """The decision as a tree, flattened: this condition, then (indented) the parts that
        decided it, then the parts that decided those, down to plain comparisons."""
        outcome = outcome or self.evaluate(values)
        steps = [Step(depth, self.source, outcome.value)]
        if not self.parts:
            return steps
        results = [(p, p.evaluate(values)) for p in self.parts]
        for part, result in _decisive(self.operator, results, outcome):
            steps.extend(part.reasoning(values, result, depth + 1))
        return steps

    def evaluate(self, values: Mapping[str, Any]) -> Outcome:
        """Evaluate with the known values; names absent from ``values`` are unknown. A
        value that is a bound (a range) is decided over CEL's parse, where it suffices."""
        data: dict[str, Any] = {}
        for name in self.names:
            value = values.get(name)
            if value is None:
                continue
            if self.root is not None and (
                (not isinstance(value, _PLAIN) and is_bound(value)) or bounded.open_table(value)
            ):
                return self._evaluate_bounded(values)
            if isinstance(value, dict):
                value = bounded.exact_table(value)
            data[name] = list(value) if isinstance(value, tuple) else value
        try:
            result = self._program.eval(data=data)
        except RuntimeError as exc:  # the runtime's own limits, e.g. its iteration budget
            return Outcome(None, (), _runtime_error(str(exc)))
        kind = result.type()
        if kind == cel.Type.BOOL:
            return Outcome(bool(result.plain_value()))
        message = str(result.value())
        missing = tuple(n for n in self.names if values.get(n) is None)
        if _MISSING.search(message) or missing:
            return Outcome(None, missing)
        return Outcome(None, (), message)

    def _evaluate_bounded(self, values: Mapping[str, Any]) -> Outcome:
        assert self.root is not None
        value = bounded.evaluate(self.root, values, scale_at)
        if value is not None:
            return Outcome(value)
        # a table with open cells is asked for again: the rows it leaves open decide it
        missing = tuple(
            n for n in self.names if values.get(n) is None or bounded.open_table(values.get(n))
        )
        bounds = [n for n in self.names if is_bound(values.get(n))]
        return Outcome(
            None, missing, None if missing else f"the bound on {bounds[0]} does not decide it"
        )


def _decisive(
    operator: str, results: list[tuple[Compiled, Outcome]], outcome: Outcome
) -> list[tuple[Compiled, Outcome]]:
    if outcome.value is None:
        return [r for r in results if r[1].value is None]
    decisive = (outcome.value is False) if operator == "&&" else (outcome.value is True)
    if decisive:
        return [r for r in results if r[1].value is outcome.value]
    return results


def scale_at(steps: Any, amount: float) -> float:
    """The value of the step of ``steps`` (``[from, value, ...]``, ascending) that
    ``amount`` falls in: from its ``from`` (inclusive) to the next one (exclusive). Below the
    first step, or on a step whose value is not known (NaN), the result is an error, which
    leaves the condition unknown unless another part decides it."""
    froms = [float(f) for f in list(steps)[0::2]]
    values = [float(v) for v in list(steps)[1::2]]
    index = bisect.bisect_right(froms, float(amount)) - 1
    if index < 0:
        raise ValueError(f"{amount:,.0f} is below the first step of the scale")
    if math.isnan(values[index]):
        raise ValueError(f"the scale has no confirmed value for {amount:,.0f}")
    return values[index]


_COUNT_ABOVE = cel.FunctionDecl(
    "count_above",
    [
        cel.Overload(
            "count_above_table_list_double",
            cel.Type.INT,
            [TYPES["table"], cel.Type.List(cel.Type.DOUBLE)],
            impl=lambda table, minimums: bounded.count_exact(table, minimums),
        )
    ],
)
"""``count_above(table, [m1, m2, ...])``: the number of rows each cell of which is more
than the minimum of its column (a table with bounds or unknown cells is counted by
:func:`trustbench.expr.bounded.count_above`, as a range when the cells do not decide it)."""

_SCALE = cel.FunctionDecl(
    "scale",
    [
        cel.Overload(
            "scale_list_double_double",
            cel.Type.DOUBLE,
            [TYPES["scale"], cel.Type.DOUBLE],
            impl=scale_at,
        )
    ],
)


def _runtime_error(text: str) -> str:
    first = text.strip().splitlines()[0] if text.strip() else "evaluation failed"
    return re.sub(r"^[A-Z_]+: | \[[A-Z_]+\]$", "", first).strip().lower() or "evaluation failed"


class Compiler:
    """Compiles conditions against declared names (facts and parameters) and their types."""

    def __init__(self, declarations: Mapping[str, str]) -> None:
        self.declarations = dict(declarations)
        self._types = {n: TYPES[t] for n, t in self.declarations.items()}
        self._built: Any = None

    @property
    def _env(self) -> Any:
        """CEL's environment of the declared names, made on first use (a compiler rebuilt
        from a pack cache may never compile anything)."""
        if self._built is None:
            self._built = cel.NewEnv(variables=self._types, functions=[_SCALE, _COUNT_ABOVE])
        return self._built

    def compile(self, source: str) -> Compiled:
        """Parse and type-check ``source``; raise :class:`CompileError` listing every
        problem CEL found."""
        if len(source) > MAX_SOURCE:
            raise CompileError([Issue(f"condition is longer than {MAX_SOURCE} characters")])
        try:
            program = self._env.compile(source)
        except RuntimeError as exc:
            raise CompileError(parse_errors(str(exc), source)) from None
        if program.return_type() != cel.Type.BOOL:
            kind = program.return_type().name().lower()
            raise CompileError(
                [
                    Issue(
                        f"the condition must be true or false, but it gives a {kind}",
                        kind="result",
                        hint="compare the value with something, e.g. `x > params.threshold`",
                    )
                ]
            )
        root = parse_checked(program.serialize())
        names = tuple(n for n in variables(root) if n in self.declarations)
        compiled = Compiled(source, program, names)
        compiled.root = root
        operator, parts = split(source, _LOGICAL.get(root.name, "") if root.kind == "call" else "")
        if operator:
            compiled.operator = operator
            compiled._part_sources = parts
            compiled._compiler = self
        return compiled


_LOGICAL = {"_&&_": "&&", "_||_": "||"}
