"""Splitting a condition at its top-level ``||`` or ``&&`` so that a trace can say which
part decided the outcome.

The split works on CEL *tokens*, not characters: a real tokenizer for CEL's lexical
grammar (every string form — single, double and triple quoted, raw ``r'…'`` and bytes
``b'…'`` in any combination —, numbers, identifiers, operators and ``//`` comments), so an
operator inside a string such as ``'''it's a && b'''`` is never taken for one. Which
top-level operator the condition has is CEL's own parse (:mod:`trustbench.expr.ast`); the
tokens only give the source text of each operand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LexError", "Token", "split", "tokenize"]

_PREFIX = re.compile(r"[rRbB]{1,2}(?=['\"])")
_NUMBER = re.compile(r"0[xX][0-9a-fA-F]+[uU]?|\d*\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+[uU]?")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PUNCT = ("&&", "||", "==", "!=", "<=", ">=", *"<>!+-*/%?:.,()[]{}")


class LexError(ValueError):
    """The text is not a sequence of CEL tokens (e.g. an unterminated string)."""


@dataclass(frozen=True)
class Token:
    kind: str  # "string", "number", "ident", "op"
    text: str
    start: int
    end: int


def tokenize(source: str) -> list[Token]:
    """The tokens of ``source``; whitespace and comments are dropped."""
    tokens: list[Token] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = len(source) if end < 0 else end + 1
        elif prefix := _PREFIX.match(source, i):
            end = _string_end(source, prefix.end(), raw="r" in prefix.group(0).lower())
            tokens.append(Token("string", source[i:end], i, end))
            i = end
        elif ch in "'\"":
            end = _string_end(source, i, raw=False)
            tokens.append(Token("string", source[i:end], i, end))
            i = end
        elif (m := _NUMBER.match(source, i)) and not _IDENT.match(source, i):
            tokens.append(Token("number", m.group(0), i, m.end()))
            i = m.end()
        elif m := _IDENT.match(source, i):
            tokens.append(Token("ident", m.group(0), i, m.end()))
            i = m.end()
        else:
            op = next((p for p in _PUNCT if source.startswith(p, i)), None)
            if op is None:
                raise LexError(f"unexpected character {ch!r} at offset {i}")
            tokens.append(Token("op", op, i, i + len(op)))
            i += len(op)
    return tokens


def _string_end(source: str, start: int, raw: bool) -> int:
    """The offset just after the string literal whose opening quote is at ``start``."""
    quote = source[start]
    delim = quote * 3 if source.startswith(quote * 3, start) else quote
    i = start + len(delim)
    while i < len(source):
        if not raw and source[i] == "\\":
            i += 2
            continue
        if source.startswith(delim, i):
            return i + len(delim)
        if len(delim) == 1 and source[i] in "\r\n":
            break
        i += 1
    raise LexError(f"unterminated string starting at offset {start}")


def _matching(tokens: list[Token]) -> dict[int, int]:
    """Index of each opening bracket → index of its closing one."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.kind == "op" and tok.text in "([{":
            stack.append(i)
        elif tok.kind == "op" and tok.text in ")]}" and stack:
            pairs[stack.pop()] = i
    return pairs


def _unwrap(source: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """Strip parentheses that enclose the whole text."""
    while len(tokens) >= 2 and tokens[0].text == "(" and tokens[0].kind == "op":
        if _matching(tokens).get(0) != len(tokens) - 1:
            break
        tokens = tokens[1:-1]
    if not tokens:
        return "", []
    return source[tokens[0].start : tokens[-1].end], tokens


def _operands(source: str, tokens: list[Token], op: str) -> list[str]:
    """The operands of the top-level ``op`` (one, if it has none)."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, tok in enumerate(tokens):
        if tok.kind != "op":
            continue
        if tok.text in "([{":
            depth += 1
        elif tok.text in ")]}":
            depth -= 1
        elif tok.text == "?" and depth == 0:
            return [source[tokens[0].start : tokens[-1].end]]  # a ternary binds loosest
        elif tok.text == op and depth == 0:
            parts.append(source[tokens[start].start : tokens[i - 1].end])
            start = i + 1
    parts.append(source[tokens[start].start : tokens[-1].end])
    return [_unwrap(p, tokenize(p))[0] for p in parts]


def split(source: str, operator: str | None = None) -> tuple[str, list[str]]:
    """('||', parts) or ('&&', parts), or ('', [source]) when there is nothing to split.
    ``operator`` is the top-level operator from CEL's parse when known (``""``: neither, so
    nothing to split); text that does not tokenize is not split."""
    try:
        text, tokens = _unwrap(source, tokenize(source))
    except LexError:
        return "", [source.strip()]
    candidates: tuple[str, ...] = ("||", "&&") if operator is None else (operator,)
    for op in candidates:
        parts = _operands(text, tokens, op) if tokens and op else [text]
        if len(parts) > 1:
            return op, parts
    return "", [text]
