"""Turning CEL's compiler messages into short, plain ones with a position and a hint.

CEL reports every problem of an expression at once (``ERROR: <input>:L:C: message`` per
problem); each becomes an :class:`Issue`. ``kind`` tells the caller what went wrong so it
can say more (the rules layer turns an ``undeclared`` name into "unknown fact" or "unknown
parameter", with did-you-mean):

* ``undeclared`` — a name that is not declared (``name`` holds it, ``column`` its start);
* ``types``      — an operator or function applied to values of the wrong types;
* ``syntax``     — the text is not a CEL expression;
* ``result``     — the condition does not give true or false;
* ``other``      — anything else, passed on as CEL worded it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ERROR = re.compile(r"ERROR: <input>:(\d+):(\d+): (.*?)(?=\n \||\nERROR:|\Z)", re.S)
_UNDECLARED = re.compile(r"undeclared reference to '([^']+)'")
_SELECT = re.compile(r"expression of type '(\w+)' cannot be the operand of a select")
_OVERLOAD = re.compile(r"found no matching overload for '([^']+)' applied to '\((.*)\)'")
_NAME_CHARS = re.compile(r"[A-Za-z0-9_.]")
_OPERATORS = {
    "_>_": ">",
    "_<_": "<",
    "_>=_": ">=",
    "_<=_": "<=",
    "_==_": "==",
    "_!=_": "!=",
    "_+_": "+",
    "_-_": "-",
    "_*_": "*",
    "_/_": "/",
    "_%_": "%",
    "_&&_": "&&",
    "_||_": "||",
    "!_": "!",
    "-_": "-",
    "@in": "in",
    "_[_]": "[]",
    "_?_:_": "?:",
}
_WORDS = {"and": "&&", "or": "||", "not": "!"}


@dataclass(frozen=True)
class Issue:
    """One problem in a condition; ``line`` and ``column`` are 1-based within its text."""

    message: str
    line: int = 1
    column: int = 1
    kind: str = "other"
    name: str = ""
    hint: str | None = None


class CompileError(ValueError):
    """A condition failed to parse or type-check; ``issues`` lists every problem found."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.message for i in issues))
        self.issues = issues or [Issue("invalid condition")]
        first = self.issues[0]
        self.message, self.line, self.column = first.message, first.line, first.column


def parse_errors(text: str, source: str) -> list[Issue]:
    """Every problem in CEL's error text, reworded."""
    issues = [
        _issue(m.group(3).strip(), int(m.group(1)), int(m.group(2)), source)
        for m in _ERROR.finditer(text)
    ]
    if not issues:
        first = text.strip().splitlines()[0] if text.strip() else "invalid condition"
        issues = [Issue(first)]
    return _drop_follow_ups(issues)


def _issue(message: str, line: int, column: int, source: str) -> Issue:
    message = message.replace(" (in container '')", "").removesuffix(" [INVALID_ARGUMENT]")
    if match := _UNDECLARED.search(message):
        start = _name_start(source, line, column)
        name = match.group(1)
        if _followed_by_call(source, line, start, name):
            return Issue(
                f"unknown function {name!r}",
                line,
                start,
                "function",
                name,
                "CEL functions: size(), has(), .exists(), .all(), .contains()",
            )
        return Issue(f"unknown name {name!r}", line, start, "undeclared", name)
    if _SELECT.search(message):
        start = _name_start(source, line, column)
        name = _name_at(source, line, start)
        return Issue(f"unknown name {name!r}", line, start, "undeclared", name)
    if match := _OVERLOAD.search(message):
        return _types(match.group(1), match.group(2), line, column)
    if message.startswith("Syntax error: "):
        return _syntax(message.removeprefix("Syntax error: "), line, column)
    return Issue(message[:1].lower() + message[1:], line, column)


def _types(function: str, args: str, line: int, column: int) -> Issue:
    types = [t.strip() for t in args.split(",") if t.strip()]
    shown = " and ".join(types) if len(types) < 3 else ", ".join(types)
    if function in _OPERATORS:
        message = f"type error: {_OPERATORS[function]!r} cannot be applied to {shown}"
    else:
        message = f"type error: {function}() cannot be applied to {shown}"
    hint = "check each name's type with `trustbench facts` (the type column)"
    if {"int", "double"} <= set(types):
        hint = (
            "CEL does not mix whole numbers and decimals: write 0 (not 0.0) to compare "
            "a count (int), 0.0 (not 0) to compare a share or an amount (double)"
        )
    return Issue(message, line, column, "types", hint=hint)


def _syntax(detail: str, line: int, column: int) -> Issue:
    hint = None
    found = re.search(r"(?:mismatched|extraneous) input '([^']*)'", detail)
    if "token recognition error at: '=" in detail:
        message, hint = "syntax error: unexpected '='", "compare with == (a single = is not CEL)"
    elif found and found.group(1) == "<EOF>":
        message = "syntax error: the condition ends too early"
        hint = "something is missing after the last operator"
    elif found:
        word = found.group(1)
        message = f"syntax error: unexpected {word!r}"
        if word in _WORDS:
            hint = "CEL writes && for and, || for or, ! for not"
    elif missing := re.search(r"missing '([^']*)' at", detail):
        message = f"syntax error: missing {missing.group(1)!r}"
        hint = "check that every ( has its )"
    elif token := re.search(r"token recognition error at: '([^']*)'", detail):
        message = f"syntax error: unexpected {token.group(1).strip()!r}"
    else:
        message = "syntax error: " + detail.split(" expecting ")[0]
    return Issue(message, line, column, "syntax", hint=hint)


def _drop_follow_ups(issues: list[Issue]) -> list[Issue]:
    """After a syntax error CEL often reports the rest of the line again; keep the first
    syntax error of each line."""
    out: list[Issue] = []
    seen: set[int] = set()
    for issue in issues:
        if issue.kind == "syntax":
            if issue.line in seen:
                continue
            seen.add(issue.line)
        out.append(issue)
    return out


def _name_start(source: str, line: int, column: int) -> int:
    """CEL points at the last ``.`` of a dotted name; step back to its first character."""
    lines = source.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    i = min(column - 1, len(text))
    while i > 0 and _NAME_CHARS.match(text[i - 1]):
        i -= 1
    return i + 1


def _followed_by_call(source: str, line: int, column: int, name: str) -> bool:
    lines = source.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    rest = text[column - 1 + len(name) :].lstrip()
    return rest.startswith("(")


def _name_at(source: str, line: int, column: int) -> str:
    lines = source.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    match = re.match(r"[A-Za-z0-9_.]+", text[column - 1 :])
    return match.group(0).strip(".") if match else ""
