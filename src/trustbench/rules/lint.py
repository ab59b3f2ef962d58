"""Rules about rules: checks a loaded pack beyond what loading enforces, all at once.

Stable codes (loading reports TB1xx for structure and conditions; lint adds the rest):

====== ===============================================================================
TB100  a file does not match its schema (unknown key, wrong type, missing field)
TB101  ``extends`` names an unknown pack          TB102  ``extends`` cycle
TB110  ``disable`` names an unknown rule
TB120  parameter dates not strictly increasing    TB121  parameter value of the wrong type
TB130  condition does not compile or type-check   TB131  threshold literal in a condition
TB140  no triggering or no non-triggering example TB141  threshold without boundary example
TB142  example names an unknown fact or parameter TB143  example value of the wrong type
TB150  cited authority is not defined
TB170  finding text uses an unknown name          TB171  unknown format in a finding text
====== ===============================================================================
"""

from __future__ import annotations

import re
from typing import Any

from trustbench.errors import Diagnostic
from trustbench.model.errors import did_you_mean
from trustbench.rules.examples import latest_date
from trustbench.rules.loader import LoadedRule, Pack, declarations, resolve_param
from trustbench.rules.text import FORMATS, PLACEHOLDER
from trustbench.sources import load_document

_LITERAL = re.compile(r"(?<![\w.])(\d+\.\d*|\d*\.\d+|\d+)(?![\w.])")
_ALLOWED_LITERALS = {"0", "0.0", "1", "1.0"}
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "double": (int, float), "int": (int,), "bool": (bool,), "string": (str,), "list": (list,),
}


def lint_pack(pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    cited: set[str] = set()
    for rid in sorted(pack.rules):
        loaded = pack.rules[rid]
        if loaded.pack != pack.id:
            continue  # inherited rules are linted with their own pack
        cited.update(loaded.rule.cites)
        out.extend(lint_rule(loaded, pack))
    out.extend(_lint_params(pack))
    return sorted(out)


def _diag(loaded: LoadedRule, loc: tuple[Any, ...], code: str, message: str,
          hint: str | None = None, severity: str = "error") -> Diagnostic:
    line, col = loaded.doc.locate(loc)
    return Diagnostic(loaded.file, line, col, "rule", f"{loaded.id}: {message}", hint, code,
                      severity)


def lint_rule(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule = loaded.rule
    for i, cite in enumerate(rule.cites):
        if cite not in pack.authorities:
            out.append(_diag(loaded, ("cites", i), "TB150", f"authority {cite!r} is not defined",
                             did_you_mean(cite, pack.authorities) or "add it to authorities.yaml"))
    for match in _LITERAL.finditer(_strip_strings(rule.when)):
        if match.group(1) not in _ALLOWED_LITERALS:
            out.append(_diag(loaded, ("when",), "TB131",
                             f"threshold {match.group(1)} written inside the condition",
                             "make it a dated parameter in params.yaml and use params.<name>"))
    out.extend(_lint_examples(loaded, pack))
    out.extend(_lint_texts(loaded, pack))
    return out


def _strip_strings(text: str) -> str:
    return re.sub(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"", "''", text)


def _lint_examples(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule = loaded.rule
    expects = {e.expect for e in rule.examples}
    for needed in ("triggered", "not_triggered"):
        if needed not in expects:
            out.append(_diag(loaded, ("examples",), "TB140", f"no example that is {needed}",
                             "add one example that triggers and one that does not"))
    declared = declarations(pack, rule.each)
    for i, example in enumerate(rule.examples):
        for name, value in example.facts.items():
            loc = ("examples", i, "facts", name)
            if name not in declared or name.startswith("params."):
                out.append(_diag(loaded, loc, "TB142", f"example {example.name!r} gives "
                                 f"unknown fact {name!r}", did_you_mean(name, declared)))
            elif value is not None and not _type_ok(value, declared[name]):
                out.append(_diag(loaded, loc, "TB143", f"example {example.name!r}: {name} "
                                 f"expects a {declared[name]}, got {value!r}"))
        for name in [*example.params, *(b.removeprefix("params.") for b in example.boundary)]:
            if name not in pack.params:
                out.append(_diag(loaded, ("examples", i), "TB142", f"example {example.name!r} "
                                 f"names unknown parameter {name!r}",
                                 did_you_mean(name, pack.params)))
    out.extend(_lint_boundaries(loaded, pack))
    return out


def _type_ok(value: Any, kind: str) -> bool:
    if kind in ("double", "int") and isinstance(value, bool):
        return False
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, _PY_TYPES[kind])


def _lint_boundaries(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    compiled = loaded.compiled
    if compiled is None:
        return []
    out = []
    for name in compiled.names:
        if not name.startswith("params."):
            continue
        param = pack.params.get(name.removeprefix("params."))
        if param is None or param.type not in ("double", "int"):
            continue
        if not any(_is_boundary(e, name, param, pack) for e in loaded.rule.examples):
            out.append(_diag(loaded, ("examples",), "TB141",
                             f"no boundary example for {name}",
                             "add an example whose fact equals the threshold in force (or list "
                             f"it under `boundary: [{name}]`)"))
    return out


def _is_boundary(example: Any, name: str, param: Any, pack: Pack) -> bool:
    if name in example.boundary or name.removeprefix("params.") in example.boundary:
        return True
    resolved = resolve_param(param, example.as_of or latest_date(pack))
    if resolved is None:
        return False
    threshold = example.params.get(name.removeprefix("params."), resolved[0])
    return any(
        isinstance(v, int | float) and not isinstance(v, bool)
        and abs(float(v) - float(threshold)) <= 1e-9 * max(1.0, abs(float(threshold)))
        for v in example.facts.values()
    )


def _lint_texts(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    rule = loaded.rule
    bound = set(declarations(pack, rule.each)) | {"acquirer", "target"}
    texts: list[tuple[tuple[Any, ...], str]] = [(("test",), rule.test)]
    for section in ("finding", "conclusion"):
        block = getattr(rule, section)
        if block is not None:
            for key in ("triggered", "not_triggered", "unknown"):
                if getattr(block, key):
                    texts.append(((section, key), getattr(block, key)))
    for loc, text in texts:
        for match in PLACEHOLDER.finditer(text):
            name, style = match.group(1), match.group(2)
            if name not in bound:
                out.append(_diag(loaded, loc, "TB170", f"text uses unknown name {{{name}}}",
                                 did_you_mean(name, bound)))
            if style and style not in FORMATS:
                out.append(_diag(loaded, loc, "TB171", f"unknown format |{style}",
                                 "formats: " + ", ".join(FORMATS)))
    return out


def _lint_params(pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    path = pack.root / "params.yaml"
    if not path.is_file():
        return out
    doc = load_document(path)
    own = doc.data if isinstance(doc.data, dict) else {}
    for name, param in sorted(pack.params.items()):
        if name not in own:
            continue
        for date, raw in param.values.items():
            value = raw["value"] if isinstance(raw, dict) and "value" in raw else raw
            if not _type_ok(value, param.type):
                line, col = doc.locate((name, "values", date.isoformat()))
                out.append(Diagnostic(doc.path, line, col, "rule",
                                      f"parameter {name!r} ({date}): expected a {param.type}, "
                                      f"got {value!r}", None, "TB121"))

    return out
