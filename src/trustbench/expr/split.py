"""Splitting a condition at its top-level ``||`` or ``&&`` so that a trace can say which
part decided the outcome. Purely textual; strings and brackets are respected."""

from __future__ import annotations


def _top_level(source: str, op: str) -> list[str]:
    parts, depth, start, i, quote = [], 0, 0, 0, ""
    while i < len(source):
        ch = source[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and source.startswith(op, i):
            parts.append(source[start:i])
            start = i + len(op)
            i += len(op)
            continue
        i += 1
    parts.append(source[start:])
    return [p.strip() for p in parts if p.strip()]


def _unwrap(source: str) -> str:
    text = source.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth < 0:
            return False
    return depth == 0


def split(source: str) -> tuple[str, list[str]]:
    """('||', parts) or ('&&', parts), or ('', [source]) when there is nothing to split."""
    text = _unwrap(source)
    for op in ("||", "&&"):
        parts = _top_level(text, op)
        if len(parts) > 1:
            return op, [_unwrap(p) for p in parts]
    return "", [text]
