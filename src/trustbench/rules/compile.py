"""Compiling every rule's and definition's condition once, when its pack loads, against the
names the pack declares: the facts of the catalogue, the pack's parameters with their types,
its definitions (``def.…``) and the outcomes of its rules (``rule.…``), all three-valued.
A definition or rule that uses itself, directly or through others, is a cycle (TB132)."""

from __future__ import annotations

import dataclasses
from typing import Any

from trustbench.errors import Diagnostic, did_you_mean
from trustbench.expr import Compiled, CompileError, Compiler, Issue
from trustbench.facts import REGISTRY
from trustbench.rules import codes
from trustbench.rules.diagnostics import Collector
from trustbench.rules.pack import DEF_PREFIX, RULE_PREFIX, Pack, rule_ref
from trustbench.sources import Document


def declarations(pack: Pack, scope: str | None) -> dict[str, str]:
    """Name → CEL type of everything a condition of ``scope`` may use (worked out once per
    loaded pack and scope; do not change the mapping returned)."""
    if scope not in pack.declared:
        pack.declared[scope] = _declarations(pack, scope)
    return pack.declared[scope]


def _declarations(pack: Pack, scope: str | None) -> dict[str, str]:
    names: dict[str, str] = {n: REGISTRY[n].type for n in REGISTRY.names("deal")}
    if scope == "market":
        names.update({n: REGISTRY[n].type for n in REGISTRY.names("market")})
    names.update({f"params.{n}": t for n, t in pack.broken_params.items()})
    names.update({f"params.{n}": p.type for n, p in pack.params.items()})
    # a market definition reads one market's facts: only market rules (and definitions) use it
    names.update(
        {
            did: "bool"
            for did, d in pack.definitions.items()
            if scope == "market" or d.definition.each is None
        }
    )
    names.update(
        {rule_ref(rid): "bool" for rid, r in pack.rules.items() if r.rule and r.rule.each is None}
    )
    return names


@dataclasses.dataclass
class _Item:
    """A rule or a definition, as far as compiling goes."""

    name: str
    file: str
    doc: Document
    pack: str
    when: Any
    scope: str | None
    holder: Any  # the LoadedRule or LoadedDefinition that receives the compiled condition


def _items(pack: Pack) -> list[_Item]:
    items = []
    for did, loaded_def in pack.definitions.items():
        if loaded_def.pack != pack.id:
            loaded_def = dataclasses.replace(loaded_def, compiled=None)
            pack.definitions[did] = loaded_def
        if "when" not in loaded_def.broken:
            d = loaded_def
            scope = d.definition.each
            items.append(_Item(did, d.file, d.doc, d.pack, d.definition.when, scope, d))
    for rid, loaded in list(pack.rules.items()):
        if loaded.pack != pack.id:
            loaded = dataclasses.replace(loaded, compiled=None)
            pack.rules[rid] = loaded
        if "when" not in loaded.broken and isinstance(loaded.rule.when, str):
            r = loaded
            items.append(_Item(rule_ref(rid), r.file, r.doc, r.pack, r.rule.when, r.rule.each, r))
    return items


def compile_rules(pack: Pack, out: Collector) -> None:
    """Compile each definition and rule of ``pack``. Inherited ones are compiled again, on a
    copy, against this pack's names (an extending pack may add, retype or replace
    parameters and definitions); the base pack's own compiled ones are left as they were."""
    pack.reindex()  # the pack's files are all read: work its names out afresh
    compilers: dict[str | None, Compiler] = {}
    items = _items(pack)
    for item in items:
        if item.scope not in compilers:
            compilers[item.scope] = Compiler(declarations(pack, item.scope))
        try:
            item.holder.compiled = compilers[item.scope].compile(item.when)
        except CompileError as exc:
            for issue in exc.issues:
                out.add(_diagnostic(item, pack, issue, compilers[item.scope].declarations))
    pack.reindex()
    for cycle in _cycles({i.name: i for i in items}):
        first = cycle[0]
        line, col = first.doc.locate(("when",))
        out.add(
            Diagnostic(
                first.file,
                line,
                col,
                "rule",
                "definition cycle: " + " → ".join([*(i.name for i in cycle), first.name]),
                "a definition or rule cannot use itself, directly or through others",
                codes.DEFINITION_CYCLE.code,
            )
        )
        for item in cycle:
            item.holder.compiled = None
    for item, depth in _too_deep({i.name: i for i in items}):
        if depth == MAX_DEPTH + 1:  # where the limit is crossed; what uses it fails with it
            line, col = item.doc.locate(("when",))
            message = f"{item.name} nests definitions and rule references {depth} deep"
            hint = f"at most {MAX_DEPTH} levels: join steps into fewer, larger definitions"
            out.add(Diagnostic(item.file, line, col, "rule", message, hint, codes.TOO_DEEP.code))
        item.holder.compiled = None
    pack.reindex()


def _uses(items: dict[str, _Item], name: str) -> list[str]:
    compiled: Compiled | None = items[name].holder.compiled
    names = compiled.names if compiled is not None else ()
    return sorted(n for n in names if n.startswith((DEF_PREFIX, RULE_PREFIX)) and n in items)


def _cycles(items: dict[str, _Item]) -> list[list[_Item]]:
    """Each cycle of uses among definitions and rules, once (depth-first, in name order;
    iterative, so that a long chain of definitions cannot exhaust the stack)."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []
    found: list[list[_Item]] = []
    for start in sorted(items):
        if start in state:
            continue
        state[start] = 1
        path.append(start)
        stack = [iter(_uses(items, start))]
        while stack:
            used = next(stack[-1], None)
            if used is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(used) == 1:
                found.append([items[n] for n in path[path.index(used) :]])
            elif used not in state:
                state[used] = 1
                path.append(used)
                stack.append(iter(_uses(items, used)))
    return found


MAX_DEPTH = 64


def _too_deep(items: dict[str, _Item]) -> list[tuple[_Item, int]]:
    """Definitions and rules whose uses nest more than ``MAX_DEPTH`` deep (evaluating and
    explaining them recurses that deep), with their depth; cycle members are already out."""
    depth: dict[str, int] = {}
    for start in sorted(items):
        stack = [start]
        while stack:
            name = stack[-1]
            if name in depth:
                stack.pop()
                continue
            pending = [u for u in _uses(items, name) if u not in depth]
            if pending:
                stack.extend(pending)
                continue
            depth[name] = 1 + max((depth[u] for u in _uses(items, name)), default=0)
            stack.pop()
    return [(items[n], d) for n, d in sorted(depth.items()) if d > MAX_DEPTH]


def _diagnostic(item: _Item, pack: Pack, issue: Issue, declared: dict[str, str]) -> Diagnostic:
    line, col = expr_position(item.doc, item.when, issue.line, issue.column)
    message, hint = issue.message, issue.hint
    found = pack.definitions.get(issue.name) if issue.kind == "undeclared" else None
    if found is not None and found.definition.each == "market" and item.scope != "market":
        message = f"{issue.name!r} is a definition over each market"
        hint = "add `each: market` to use it, so that it is evaluated once per market"
    elif issue.kind == "undeclared":
        message, hint = _unknown_name(issue.name, item.scope, declared)
    if item.pack != pack.id:
        message += f" (as inherited by pack {pack.id!r})"
    return Diagnostic(item.file, line, col, "rule", message, hint, codes.CONDITION.code)


def _unknown_name(name: str, scope: str | None, declared: dict[str, str]) -> tuple[str, str | None]:
    for prefix, what, where in (
        ("params.", "parameter", "define it in the pack's params.yaml"),
        (DEF_PREFIX, "definition", "definitions live in the pack's definitions/ folder"),
        (
            RULE_PREFIX,
            "rule",
            "write rule.<id> with - read as _ (rules evaluated per market cannot be referred to)",
        ),
    ):
        if name.startswith(prefix):
            known = [n for n in declared if n.startswith(prefix)]
            return f"unknown {what} {name!r}", did_you_mean(name, known) or where
    if name in REGISTRY and REGISTRY[name].scope == "market" and scope != "market":
        return (
            f"{name!r} is a fact of each market",
            "add `each: market` to the rule to evaluate it once per market",
        )
    facts = [n for n in declared if not n.startswith(("params.", DEF_PREFIX, RULE_PREFIX))]
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
