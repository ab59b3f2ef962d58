"""TB170–TB172: a rule's texts use names it can bind, known formats, and formats that can
show the value's type."""

from __future__ import annotations

from collections.abc import Iterator
from re import Match
from typing import Any

from trustbench.errors import Diagnostic, did_you_mean
from trustbench.rules.checks import Check, Fixture, register
from trustbench.rules.checks.located import position
from trustbench.rules.checks.snippets import RULE, edit, pack
from trustbench.rules.compile import declarations
from trustbench.rules.pack import LoadedRule, Pack
from trustbench.rules.text import FORMATS, PLACEHOLDER

# the value types each format can show (a scale read at an amount gives a number)
_FORMAT_TYPES = {
    "pct": {"double", "int"},
    "money": {"double", "int"},
    "num": {"double", "int"},
    "int": {"double", "int"},
    "list": {"list"},
    "yesno": {"bool"},
}
_Where = tuple[str, int, int, str]


def _placeholders(pack: Pack) -> Iterator[tuple[Match[str], dict[str, str], _Where]]:
    """Each ``{name[at]|style}`` of each text of the pack's own rules, with the names the
    rule can bind and where it is."""
    for rid in sorted(pack.own_rules()):
        loaded = pack.rules[rid]
        declared = {
            **declarations(pack, loaded.rule.each),
            "acquirer": "string",
            "target": "string",
        }
        for loc, text in _texts(loaded):
            for match in PLACEHOLDER.finditer(text):
                line, col = position(loaded, loc, text, match.start())
                yield match, declared, (loaded.file, line, col, "rule")


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


def _names(pack: Pack) -> Iterator[Diagnostic]:
    for match, declared, where in _placeholders(pack):
        at = match.group("at")
        for used in (match.group("name"), *([at] if at else [])):
            if used not in declared:
                hint = did_you_mean(used, declared) or (
                    "a text may use facts, params.<name>, {acquirer} and {target}"
                )
                yield Diagnostic(*where, f"text uses unknown name {{{used}}}", hint, TEXT_NAME.code)


_MISNAMED = '"{acquirer} holds {acquirer.equity.aftr|pct} of {targett}."'
TEXT_NAME = register(
    Check(
        "TB170",
        "text-name",
        "text uses a name the rule cannot bind",
        Fixture(
            bad=pack(
                stake=RULE.replace(
                    '"{acquirer} holds {acquirer.equity.after|pct} of {target}."', _MISNAMED
                )
            ),
            expected="""\
pack/stake.yaml:7:32: error[TB170]: text uses unknown name {acquirer.equity.aftr}
  hint: did you mean 'acquirer.equity.after'?
pack/stake.yaml:7:62: error[TB170]: text uses unknown name {targett}
  hint: did you mean 'target'?
pack/stake.yaml:8:36: error[TB170]: text uses unknown name {acquirer.equity.aftr}
  hint: did you mean 'acquirer.equity.after'?
pack/stake.yaml:8:66: error[TB170]: text uses unknown name {targett}
  hint: did you mean 'target'?
4 problems in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _names,
    )
)


def _formats(pack: Pack) -> Iterator[Diagnostic]:
    for match, _, where in _placeholders(pack):
        name, style = match.group("name"), match.group("style")
        if style and style not in FORMATS:
            hint = did_you_mean(style, FORMATS) or "formats: " + ", ".join(FORMATS)
            yield Diagnostic(*where, f"unknown format {{{name}|{style}}}", hint, TEXT_FORMAT.code)


TEXT_FORMAT = register(
    Check(
        "TB171",
        "text-format",
        "unknown format in a text",
        Fixture(
            bad=pack(stake=edit(RULE, "{params.threshold|pct}", "{params.threshold|percent}")),
            expected="""\
pack/stake.yaml:5:21: error[TB171]: unknown format {params.threshold|percent}
  hint: did you mean 'pct'?
1 problem in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _formats,
    )
)


def _types(pack: Pack) -> Iterator[Diagnostic]:
    for match, declared, where in _placeholders(pack):
        problem = _type_problem(match, declared)
        if problem is not None:
            yield Diagnostic(*where, *problem, TEXT_TYPE.code)


def _type_problem(match: Match[str], declared: dict[str, str]) -> tuple[str, str] | None:
    name, at, style = match.group("name"), match.group("at"), match.group("style")
    kind = declared.get(name)
    if at and kind is not None and kind != "scale":
        return (
            f"{{{name}[{at}]}}: {name} is a {kind}, not a scale",
            "only a parameter of type scale is read at an amount",
        )
    kind = "double" if at and kind == "scale" else kind
    wanted = _FORMAT_TYPES.get(style or "")
    if wanted and kind is not None and kind not in wanted:
        return (
            f"{{{name}|{style}}}: {name} is a {kind}, which |{style} cannot show",
            f"|{style} shows a {' or '.join(sorted(wanted))}; leave the format out to show "
            "the value as it is",
        )
    return None


_TEST = "test: A stake above {params.threshold|pct}."
_FINDING = """\
  triggered: "{acquirer|money} holds {acquirer.equity.after|pct} of {target}."
  not_triggered: "{acquirer} holds {acquirer.vetoes.after|pct} of {target}: \
{acquirer.equity.after|yesno}."
"""
_MISTYPED = edit(
    edit(RULE, _TEST, _TEST[:-1] + ", read at {params.threshold[acquirer.equity.after]}."),
    RULE[RULE.index("  triggered:") : RULE.index("cites:")],
    _FINDING,
)
TEXT_TYPE = register(
    Check(
        "TB172",
        "text-type",
        "a text formats a value of the wrong type (`|money` on a text, `|pct` on a list)",
        Fixture(
            bad=pack(stake=_MISTYPED),
            expected="""\
pack/stake.yaml:5:53: error[TB172]: {params.threshold[acquirer.equity.after]}: \
params.threshold is a double, not a scale
  hint: only a parameter of type scale is read at an amount
pack/stake.yaml:7:15: error[TB172]: {acquirer|money}: acquirer is a string, which |money \
cannot show
  hint: |money shows a double or int; leave the format out to show the value as it is
pack/stake.yaml:8:36: error[TB172]: {acquirer.vetoes.after|pct}: acquirer.vetoes.after is a \
list, which |pct cannot show
  hint: |pct shows a double or int; leave the format out to show the value as it is
pack/stake.yaml:8:77: error[TB172]: {acquirer.equity.after|yesno}: acquirer.equity.after is a \
double, which |yesno cannot show
  hint: |yesno shows a bool; leave the format out to show the value as it is
4 problems in 1 file
""",
            good={"pack/stake.yaml": RULE},
        ),
        _types,
    )
)
