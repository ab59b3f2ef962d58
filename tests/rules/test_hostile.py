"""Hostile conditions: no way out to Python, bounded cost, clear errors."""

from __future__ import annotations

import time

import pytest

from trustbench.expr import CompileError, Compiler

COMPILER = Compiler({"x": "double", "names": "list"})


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('true')",
        "x.__class__ == x.__class__",
        "open('/etc/passwd') != ''",
        "names.__len__() > 0",
        "x > 0.0; x < 1.0",
        "(" * 300 + "x > 0.0" + ")" * 300,
        "x > 0.0 && " * 400 + "true",
    ],
)
def test_no_way_out_to_python(source: str) -> None:
    with pytest.raises(CompileError):
        COMPILER.compile(source)


def test_nested_comprehensions_hit_the_iteration_budget_quickly() -> None:
    items = "[" + ",".join(str(i) for i in range(60)) + "]"
    source = f"{items}.all(a, {items}.all(b, {items}.all(c, x > 0.0 || a + b + c >= 0)))"
    compiled = COMPILER.compile(source)
    start = time.perf_counter()
    outcome = compiled.evaluate({"x": -1.0})
    assert time.perf_counter() - start < 5
    assert outcome.value is None and "budget" in (outcome.error or "")


def test_huge_fact_lists_are_bounded() -> None:
    compiled = COMPILER.compile("names.exists(a, names.exists(b, a + b == 'zz'))")
    start = time.perf_counter()
    outcome = compiled.evaluate({"names": [f"n{i}" for i in range(100_000)]})
    assert time.perf_counter() - start < 5
    assert outcome.value is None or outcome.value is False
