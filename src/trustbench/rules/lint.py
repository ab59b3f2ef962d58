"""Rules about rules: checks of a loaded pack beyond what loading enforces, all at once.

Stable codes. Loading reports the TB0xx–TB13x codes; lint adds the rest; ``validate``
adds the checks across packs (TB160 between packs, TB161).

======  ==================================================================================
TB010   a pack file cannot be read, or is not valid YAML (syntax, duplicate key, tag)
TB100   a file does not match its schema (unknown key, wrong type, missing key)
TB101   ``extends`` names an unknown pack     TB102  ``extends`` cycle
TB103   ``extends`` by path leaves the rule folders given
TB110   ``disable`` names an unknown rule
TB120   parameter date invalid, or dates not strictly increasing
TB121   parameter value of the wrong type
TB122   extending pack changes an inherited parameter's type or unit without ``replace``,
        or ``replace`` on a parameter no base pack defines
TB124   extending pack adds a dated value without a reference of its own
TB130   condition does not compile or type-check (unknown fact or parameter, type error)
TB131   threshold literal written inside a condition
TB140   no triggering or no non-triggering example
TB141   numeric threshold without a boundary example
TB142   example names an unknown fact or parameter
TB143   example value of the wrong type
TB150   cited authority is not defined
TB160   duplicate rule id (two files of a pack, or two packs that do not extend each other)
TB161   duplicate pack id
TB170   text uses a name the rule cannot bind     TB171  unknown format in a text
======  ==================================================================================
"""

from __future__ import annotations

import re
from typing import Any

from trustbench.errors import Diagnostic
from trustbench.expr import LexError, tokenize
from trustbench.model.errors import did_you_mean
from trustbench.rules.compile import declarations, expr_position
from trustbench.rules.examples import latest_date
from trustbench.rules.files import type_ok
from trustbench.rules.pack import LoadedDefinition, LoadedRule, Pack, resolve
from trustbench.rules.schema import Example
from trustbench.rules.text import FORMATS, PLACEHOLDER

Loaded = LoadedRule | LoadedDefinition
_ALLOWED_LITERALS = {"0", "0.0", "1", "1.0"}
CODES = tuple(re.findall(r"\bTB\d{3}\b", __doc__ or ""))


def lint_pack(pack: Pack) -> list[Diagnostic]:
    """Lint the rules this pack's own files define (inherited rules are linted with the
    pack that defines them)."""
    out: list[Diagnostic] = []
    for rid in sorted(pack.own_rules()):
        out.extend(lint_rule(pack.rules[rid], pack))
    for did in sorted(pack.own_definitions()):
        out.extend(lint_definition(pack.definitions[did], pack))
    return sorted(out)


def lint_definition(loaded: LoadedDefinition, pack: Pack) -> list[Diagnostic]:
    """The checks of a rule that apply to a definition: authorities, threshold literals,
    examples (a true one and a false one; names and types; a boundary at each numeric
    threshold)."""
    out = _lint_cites(loaded, pack)
    if "when" not in loaded.broken:
        out.extend(_lint_literals(loaded))
    if "examples" in loaded.broken:
        return out
    expects = {e.expect for e in loaded.definition.examples}
    for needed in (True, False):
        if needed not in expects:
            out.append(
                _diag(
                    loaded,
                    ("examples",),
                    "TB140",
                    f"no example that is {str(needed).lower()}",
                    "every definition needs an example with `expect: true` and one with "
                    "`expect: false`",
                )
            )
    declared = declarations(pack, None)
    for i, example in enumerate(loaded.definition.examples):
        out.extend(_lint_example(loaded, pack, i, example, declared))
    if loaded.compiled is not None:
        out.extend(_lint_boundaries(loaded, pack))
    return out


def _lint_cites(loaded: Loaded, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if "cites" in loaded.broken:
        return out
    for i, cite in enumerate(loaded.rule.cites):
        if cite not in pack.authorities:
            out.append(
                _diag(
                    loaded,
                    ("cites", i),
                    "TB150",
                    f"authority {cite!r} is not defined",
                    did_you_mean(cite, pack.authorities)
                    or "define it in the pack's authorities.yaml",
                )
            )
    return out


def _diag(
    loaded: Loaded, loc: tuple[Any, ...], code: str, message: str, hint: str | None = None
) -> Diagnostic:
    line, col = loaded.doc.locate(loc)
    return Diagnostic(loaded.file, line, col, "rule", message, hint, code)


def lint_rule(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    broken = loaded.broken
    out = _lint_cites(loaded, pack)
    if "when" not in broken:
        out.extend(_lint_literals(loaded))
    if "examples" not in broken:
        out.extend(_lint_examples(loaded, pack))
    out.extend(_lint_texts(loaded, pack))
    return out


def _lint_literals(loaded: Loaded) -> list[Diagnostic]:
    out = []
    source = loaded.rule.when
    try:
        numbers = [t for t in tokenize(source) if t.kind == "number"]
    except LexError:
        return []  # the condition does not compile: TB130 says so
    for token in numbers:
        if token.text in _ALLOWED_LITERALS:
            continue
        row, col = _position(loaded, ("when",), source, token.start)
        out.append(
            Diagnostic(
                loaded.file,
                row,
                col,
                "rule",
                f"threshold {token.text} written inside the condition",
                "make it a dated parameter in params.yaml and write params.<name> here",
                "TB131",
            )
        )
    return out


def _position(loaded: Loaded, loc: tuple[Any, ...], text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return expr_position(loaded.doc, text, line, column, loc)


def _lint_examples(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule = loaded.rule
    expects = {e.expect for e in rule.examples}
    for needed, words in (("triggered", "triggers"), ("not_triggered", "does not trigger")):
        if needed not in expects:
            out.append(
                _diag(
                    loaded,
                    ("examples",),
                    "TB140",
                    f"no example that {words}",
                    "every rule needs an example with `expect: triggered` and one "
                    "with `expect: not_triggered`",
                )
            )
    declared = declarations(pack, rule.each if "each" not in loaded.broken else None)
    for i, example in enumerate(rule.examples):
        out.extend(_lint_example(loaded, pack, i, example, declared))
    if loaded.compiled is not None:
        out.extend(_lint_boundaries(loaded, pack))
    return out


def _lint_example(
    loaded: Loaded, pack: Pack, i: int, example: Example, declared: dict[str, str]
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    facts = [n for n in declared if not n.startswith("params.")]
    for name, value in example.facts.items():
        loc: tuple[Any, ...] = ("examples", i, "facts", name)
        if name.startswith("params."):
            out.append(
                _diag(
                    loaded,
                    loc,
                    "TB142",
                    f"example {example.name!r}: {name} is a parameter, not a fact",
                    "set parameters under `params:` "
                    f"(without the prefix: {name.removeprefix('params.')})",
                )
            )
        elif name not in declared:
            out.append(
                _diag(
                    loaded,
                    loc,
                    "TB142",
                    f"example {example.name!r} gives unknown fact {name!r}",
                    did_you_mean(name, facts) or "`trustbench facts` lists the facts rules can use",
                )
            )
        elif value is not None and not type_ok(value, declared[name]):
            out.append(
                _diag(
                    loaded,
                    loc,
                    "TB143",
                    f"example {example.name!r}: {name} is a {declared[name]}, got {value!r}",
                    _example_hint(declared[name]),
                )
            )
    for key, names in (("params", list(example.params)), ("boundary", example.boundary)):
        for j, raw in enumerate(names):
            name = raw.removeprefix("params.")
            if name not in pack.params:
                loc = ("examples", i, key, raw if key == "params" else j)
                out.append(
                    _diag(
                        loaded,
                        loc,
                        "TB142",
                        f"example {example.name!r} names unknown parameter {raw!r}",
                        did_you_mean(name, pack.params) or "parameters are defined in params.yaml",
                    )
                )
    return out


def _example_hint(kind: str) -> str | None:
    return {
        "double": "write a decimal such as 0.25 (25 %) or 1_000_000.0",
        "int": "write a whole number such as 1",
        "bool": "write true or false",
        "list": "write a list of names such as [budget]",
    }.get(kind)


def _lint_boundaries(loaded: Loaded, pack: Pack) -> list[Diagnostic]:
    compiled = loaded.compiled
    assert compiled is not None
    out = []
    for name in compiled.names:
        param = pack.params.get(name.removeprefix("params."))
        if not name.startswith("params.") or param is None or param.type not in ("double", "int"):
            continue
        if not any(_is_boundary(e, name, pack) for e in loaded.rule.examples):
            out.append(
                _diag(
                    loaded,
                    ("examples",),
                    "TB141",
                    f"no boundary example for {name}",
                    "add an example whose fact equals the threshold in force (or "
                    f"list it under `boundary: [{name}]`)",
                )
            )
    return out


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
        for v in example.facts.values()
    )


def _lint_texts(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    bound = set(declarations(pack, loaded.rule.each)) | {"acquirer", "target"}
    for loc, text in _texts(loaded):
        for match in PLACEHOLDER.finditer(text):
            name, style = match.group("name"), match.group("style")
            line, col = _position(loaded, loc, text, match.start())
            if name not in bound:
                out.append(
                    Diagnostic(
                        loaded.file,
                        line,
                        col,
                        "rule",
                        f"text uses unknown name {{{name}}}",
                        did_you_mean(name, bound)
                        or "a text may use facts, params.<name>, {acquirer} and {target}",
                        "TB170",
                    )
                )
            if style and style not in FORMATS:
                out.append(
                    Diagnostic(
                        loaded.file,
                        line,
                        col,
                        "rule",
                        f"unknown format {{{name}|{style}}}",
                        did_you_mean(style, FORMATS) or "formats: " + ", ".join(FORMATS),
                        "TB171",
                    )
                )
    return out


def _texts(loaded: LoadedRule) -> list[tuple[tuple[Any, ...], str]]:
    rule, broken = loaded.rule, loaded.broken
    texts: list[tuple[tuple[Any, ...], str]] = []
    if "test" not in broken:
        texts.append((("test",), rule.test))
    for section in ("finding", "conclusion"):
        block = getattr(rule, section) if section not in broken else None
        for key in ("triggered", "not_triggered", "unknown"):
            text = getattr(block, key, None) if block is not None else None
            if text:
                texts.append(((section, key), text))
    return texts
