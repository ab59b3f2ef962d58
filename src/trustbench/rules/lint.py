"""Rules about rules: checks of a loaded pack beyond what loading enforces, all at once.

Each check is registered in :mod:`trustbench.rules.codes` with its stable code, name,
description and fixture; ``trustbench rules codes`` lists them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from trustbench.errors import Diagnostic, did_you_mean
from trustbench.expr import LexError, tokenize
from trustbench.rules import codes
from trustbench.rules.compile import declarations, expr_position
from trustbench.rules.examples import latest_date
from trustbench.rules.files import type_ok
from trustbench.rules.pack import LoadedDefinition, LoadedRule, Pack, resolve
from trustbench.rules.schema import Example
from trustbench.rules.text import FORMATS, PLACEHOLDER
from trustbench.sources import load_document

Loaded = LoadedRule | LoadedDefinition
_ALLOWED_LITERALS = {"0", "0.0", "1", "1.0"}
CODES = tuple(codes.REGISTRY)


def lint_pack(pack: Pack) -> list[Diagnostic]:
    """Lint the rules this pack's own files define (inherited rules are linted with the
    pack that defines them)."""
    out: list[Diagnostic] = []
    for rid in sorted(pack.own_rules()):
        out.extend(lint_rule(pack.rules[rid], pack))
    for did in sorted(pack.own_definitions()):
        out.extend(lint_definition(pack.definitions[did], pack))
    out.extend(lint_authorities(pack))
    return sorted(out)


def lint_authorities(pack: Pack) -> list[Diagnostic]:
    """TB151: each authority of the pack's own authorities.yaml that has a link links the
    primary text — its ``url`` on one of the pack's ``primary_hosts`` (a subdomain counts); a
    secondary source may support it under ``also`` but never stand alone. A pack that lists no
    primary hosts is not checked; an authority without any link is a print citation."""
    hosts = pack.manifest.primary_hosts
    path = pack.root / "authorities.yaml"
    if not hosts or not path.is_file():
        return []
    doc = load_document(path)
    own = doc.data if isinstance(doc.data, dict) else {}
    out = []
    for key in sorted(own):
        auth = pack.authorities.get(str(key))
        if auth is None:
            continue  # it did not load: TB100 says why
        link = auth.url or next(iter(auth.also), None)
        if link is None or is_primary(link, hosts):
            continue
        line, col = doc.locate((key, "url") if auth.url else (key, "also", 0))
        out.append(
            Diagnostic(
                doc.path,
                line,
                col,
                "rule",
                f"authority {key!r} links to {host_of(link) or link!r}, not to a primary text",
                "put the primary text in `url` (hosts in pack.yaml `primary_hosts`: "
                f"{', '.join(hosts)}), with its pinpoint; a secondary source may stay under "
                "`also:`",
                codes.AUTHORITY_SECONDARY.code,
            )
        )
    return out


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_primary(url: str, hosts: list[str]) -> bool:
    """Whether ``url`` is on one of ``hosts`` or a subdomain of one."""
    host = host_of(url)
    return any(host == h.lower() or host.endswith("." + h.lower()) for h in hosts)


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
                    codes.EXAMPLES.code,
                    f"no example that is {str(needed).lower()}",
                    "every definition needs an example with `expect: true` and one with "
                    "`expect: false`",
                )
            )
    declared = declarations(pack, loaded.definition.each)
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
                    codes.AUTHORITY.code,
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
                codes.LITERAL.code,
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
                    codes.EXAMPLES.code,
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
    for name, value in example.facts.items():
        loc: tuple[Any, ...] = ("examples", i, "facts", name)
        if name.startswith("params."):
            out.append(
                _diag(
                    loaded,
                    loc,
                    codes.EXAMPLE_NAME.code,
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
                    codes.EXAMPLE_NAME.code,
                    f"example {example.name!r} gives unknown fact {name!r}",
                    did_you_mean(name, [n for n in declared if not n.startswith("params.")])
                    or "`trustbench facts` lists the facts rules can use",
                )
            )
        elif value is not None and not type_ok(value, declared[name]):
            out.append(
                _diag(
                    loaded,
                    loc,
                    codes.EXAMPLE_TYPE.code,
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
                        codes.EXAMPLE_NAME.code,
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
                    codes.BOUNDARY.code,
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


# the value types each format can show (a scale read at an amount gives a number)
_FORMAT_TYPES = {
    "pct": {"double", "int"},
    "money": {"double", "int"},
    "num": {"double", "int"},
    "int": {"double", "int"},
    "list": {"list"},
    "yesno": {"bool"},
}


def _lint_texts(loaded: LoadedRule, pack: Pack) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    declared = {**declarations(pack, loaded.rule.each), "acquirer": "string", "target": "string"}
    for loc, text in _texts(loaded):
        for match in PLACEHOLDER.finditer(text):
            line, col = _position(loaded, loc, text, match.start())
            where = (loaded.file, line, col, "rule")
            out.extend(Diagnostic(*where, *p) for p in _placeholder(match, declared))
    return out


def _placeholder(match: Any, declared: dict[str, str]) -> list[tuple[str, str | None, str]]:
    """(message, hint, code) for each problem of one ``{name[at]|style}``."""
    name, at, style = match.group("name"), match.group("at"), match.group("style")
    out: list[tuple[str, str | None, str]] = []
    for used in (name, *([at] if at else [])):
        if used not in declared:
            hint = did_you_mean(used, declared) or (
                "a text may use facts, params.<name>, {acquirer} and {target}"
            )
            out.append((f"text uses unknown name {{{used}}}", hint, codes.TEXT_NAME.code))
    if style and style not in FORMATS:
        hint = did_you_mean(style, FORMATS) or "formats: " + ", ".join(FORMATS)
        out.append((f"unknown format {{{name}|{style}}}", hint, codes.TEXT_FORMAT.code))
    kind = declared.get(name)
    if at and kind is not None and kind != "scale":
        out.append(
            (
                f"{{{name}[{at}]}}: {name} is a {kind}, not a scale",
                "only a parameter of type scale is read at an amount",
                codes.TEXT_TYPE.code,
            )
        )
        return out
    kind = "double" if at and kind == "scale" else kind
    wanted = _FORMAT_TYPES.get(style or "")
    if wanted and kind is not None and kind not in wanted:
        out.append(
            (
                f"{{{name}|{style}}}: {name} is a {kind}, which |{style} cannot show",
                f"|{style} shows a {' or '.join(sorted(wanted))}; leave the format out to show "
                "the value as it is",
                codes.TEXT_TYPE.code,
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
