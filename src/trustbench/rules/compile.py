"""Compiling every rule's condition once, when its pack loads, against the names the pack
declares: the facts of the catalogue and the pack's parameters, with their types."""

from __future__ import annotations

import dataclasses

from trustbench.errors import Diagnostic
from trustbench.expr import CompileError, Compiler, Issue
from trustbench.facts import REGISTRY
from trustbench.model.errors import did_you_mean
from trustbench.rules.diagnostics import Collector
from trustbench.rules.pack import LoadedRule, Pack
from trustbench.sources import Document


def declarations(pack: Pack, scope: str | None) -> dict[str, str]:
    """Name → CEL type of everything a condition of ``scope`` may use."""
    names: dict[str, str] = {n: REGISTRY[n].type for n in REGISTRY.names("deal")}
    if scope == "market":
        names.update({n: REGISTRY[n].type for n in REGISTRY.names("market")})
    names.update({f"params.{n}": t for n, t in pack.broken_params.items()})
    names.update({f"params.{n}": p.type for n, p in pack.params.items()})
    return names


def compile_rules(pack: Pack, out: Collector) -> None:
    """Compile each rule of ``pack``. Inherited rules are compiled again, on a copy, against
    this pack's parameters (an extending pack may add, retype or replace them); the base
    pack's own compiled rules are left as they were."""
    compilers: dict[str | None, Compiler] = {}
    for rid, loaded in list(pack.rules.items()):
        if loaded.pack != pack.id:
            loaded = dataclasses.replace(loaded, compiled=None)
            pack.rules[rid] = loaded
        if "when" in loaded.broken or not isinstance(loaded.rule.when, str):
            continue
        scope = loaded.rule.each
        if scope not in compilers:
            compilers[scope] = Compiler(declarations(pack, scope))
        try:
            loaded.compiled = compilers[scope].compile(loaded.rule.when)
        except CompileError as exc:
            for issue in exc.issues:
                out.add(_diagnostic(loaded, pack, issue, compilers[scope].declarations))


def _diagnostic(
    loaded: LoadedRule, pack: Pack, issue: Issue, declared: dict[str, str]
) -> Diagnostic:
    line, col = expr_position(loaded.doc, loaded.rule.when, issue.line, issue.column)
    message, hint = issue.message, issue.hint
    if issue.kind == "undeclared":
        message, hint = _unknown_name(issue.name, loaded.rule.each, declared)
    if loaded.pack != pack.id:
        message += f" (as inherited by pack {pack.id!r})"
    return Diagnostic(loaded.file, line, col, "rule", message, hint, "TB130")


def _unknown_name(name: str, scope: str | None, declared: dict[str, str]) -> tuple[str, str | None]:
    if name.startswith("params."):
        params = [n for n in declared if n.startswith("params.")]
        return (
            f"unknown parameter {name!r}",
            did_you_mean(name, params) or "define it in the pack's params.yaml",
        )
    if name in REGISTRY and REGISTRY[name].scope == "market" and scope != "market":
        return (
            f"{name!r} is a fact of each market",
            "add `each: market` to the rule to evaluate it once per market",
        )
    facts = [n for n in declared if not n.startswith("params.")]
    return (
        f"unknown fact {name!r}",
        did_you_mean(name, facts) or "`trustbench facts` lists the facts rules can use",
    )


def expr_position(
    doc: Document, source: str, line: int, column: int, loc: tuple[str, ...] = ("when",)
) -> tuple[int, int]:
    """File line:column of a position inside the text at ``loc`` (the condition by
    default). Folding (``>-``) and plain multi-line scalars change only whitespace, so the
    n-th non-blank character of the text is its n-th non-blank character in the file."""
    start_line, start_col = doc.locate(loc)
    lines = doc.text.split("\n")
    if not 0 < start_line <= len(lines):
        return start_line, start_col
    row, col = start_line - 1, start_col - 1
    head = lines[row][col : col + 1]
    if head in ("|", ">"):
        row, col = row + 1, 0
    elif head in ("'", '"'):
        col += 1
    wanted = _non_blank_before(source, line, column)
    return _nth_non_blank(lines, row, col, wanted) or (start_line, start_col)


def _non_blank_before(source: str, line: int, column: int) -> int:
    src_lines = source.split("\n")
    before = (
        "\n".join([*src_lines[: line - 1], src_lines[line - 1][: column - 1]])
        if 0 < line <= len(src_lines)
        else source
    )
    return sum(1 for ch in before if not ch.isspace())


def _nth_non_blank(lines: list[str], row: int, col: int, n: int) -> tuple[int, int] | None:
    count = 0
    while row < len(lines):
        text = lines[row]
        while col < len(text):
            if not text[col].isspace():
                if count == n:
                    return row + 1, col + 1
                count += 1
            col += 1
        row, col = row + 1, 0
    return None
