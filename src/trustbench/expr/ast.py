"""CEL's own parse of a condition, read from the checked expression the runtime produces.

``cel-expr-python`` 0.1.3 has no Python AST, but a compiled program serialises to a
``google.protobuf.Any`` holding a ``cel.expr.CheckedExpr`` (cel-spec ``checked.proto`` and
``syntax.proto``). This module decodes that protobuf's wire format directly (no protobuf
dependency) into a small tree: :class:`Node`, with the checker's references resolved, so
that the names a condition uses are the ones CEL resolved — never a regular expression
over the text — and comparisons can be evaluated on bounds (:mod:`trustbench.expr.bounded`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Node", "parse_checked"]

# field numbers of cel.expr.Expr (syntax.proto)
_ID, _CONST, _IDENT, _SELECT, _CALL, _LIST, _STRUCT, _COMPREHENSION = 2, 3, 4, 5, 6, 7, 8, 9


@dataclass
class Node:
    """One expression node. ``kind`` is ``const``, ``ident``, ``select``, ``call``,
    ``list``, ``struct`` or ``comprehension``; ``name`` the function, identifier or field;
    ``ref`` the variable the checker resolved this node to (``a.b.c`` for a dotted name)."""

    id: int
    kind: str
    name: str = ""
    value: Any = None
    args: list[Node] = field(default_factory=list)
    ref: str = ""


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        byte = buf[i]
        result |= (byte & 0x7F) << shift
        i += 1
        if not byte & 0x80:
            return result, i
        shift += 7


def _fields(buf: bytes) -> list[tuple[int, int, Any]]:
    """(field number, wire type, value) for each field of a message."""
    out: list[tuple[int, int, Any]] = []
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        value: Any
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 1:
            value, i = buf[i : i + 8], i + 8
        elif wire == 2:
            size, i = _varint(buf, i)
            value, i = buf[i : i + size], i + size
        elif wire == 5:
            value, i = buf[i : i + 4], i + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        out.append((number, wire, value))
    return out


def _first(fields: list[tuple[int, int, Any]], number: int, default: Any = None) -> Any:
    return next((v for n, _, v in fields if n == number), default)


def _constant(buf: bytes) -> Any:
    import struct

    for number, _, value in _fields(buf):
        if number == 1:
            return None
        if number == 2:
            return bool(value)
        if number == 3:
            return value - (1 << 64) if value >= 1 << 63 else value
        if number == 4:
            return value
        if number == 5:
            return float(struct.unpack("<d", value)[0])
        if number == 6:
            return bytes(value).decode("utf-8")
        if number == 7:
            return bytes(value)
    return None


def _expr(buf: bytes, refs: dict[int, str]) -> Node:
    fields = _fields(buf)
    node_id = _first(fields, _ID, 0)
    for number, _, value in fields:
        if number == _CONST:
            return Node(node_id, "const", value=_constant(value))
        if number == _IDENT:
            name = bytes(_first(_fields(value), 1, b"")).decode()
            return Node(node_id, "ident", name, ref=refs.get(node_id, ""))
        if number == _SELECT:
            sub = _fields(value)
            operand = _first(sub, 1)
            args = [_expr(operand, refs)] if operand is not None else []
            name = bytes(_first(sub, 2, b"")).decode()
            return Node(node_id, "select", name, args=args, ref=refs.get(node_id, ""))
        if number == _CALL:
            return _call(node_id, _fields(value), refs)
        if number == _LIST:
            items = [_expr(v, refs) for n, _, v in _fields(value) if n == 1]
            return Node(node_id, "list", args=items)
        if number == _STRUCT:
            return Node(node_id, "struct")
        if number == _COMPREHENSION:
            parts = [
                _expr(v, refs) for n, w, v in _fields(value) if w == 2 and n in (2, 4, 5, 6, 7)
            ]
            return Node(node_id, "comprehension", args=parts)
    return Node(node_id, "const")


def _call(node_id: int, fields: list[tuple[int, int, Any]], refs: dict[int, str]) -> Node:
    target = _first(fields, 1)
    name = bytes(_first(fields, 2, b"")).decode()
    args = [_expr(target, refs)] if target is not None else []
    args += [_expr(v, refs) for n, _, v in fields if n == 3]
    return Node(node_id, "call", name, args=args)


def _references(fields: list[tuple[int, int, Any]]) -> dict[int, str]:
    """Expression id → variable name, for the checker's references to variables (a
    reference with an overload id is a function, not a variable)."""
    refs: dict[int, str] = {}
    for number, _, entry in fields:
        if number != 2:
            continue
        sub = _fields(entry)
        key, ref = _first(sub, 1, 0), _fields(_first(sub, 2, b""))
        if any(n == 3 for n, _, _ in ref):
            continue
        name = _first(ref, 1)
        if name is not None:
            refs[key] = bytes(name).decode()
    return refs


def parse_checked(serialized: bytes) -> Node:
    """The root of a ``CheckedExpr`` (optionally wrapped in ``Any``) as a :class:`Node`."""
    outer = _fields(serialized)
    if _first(outer, 1, b"").endswith(b"CheckedExpr") and _first(outer, 2) is not None:
        outer = _fields(_first(outer, 2))
    refs = _references(outer)
    return _expr(_first(outer, 4, b""), refs)


def variables(root: Node) -> list[str]:
    """The variables the checker resolved, in the order they first appear."""
    found: dict[str, None] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.ref:
            found.setdefault(node.ref)
            continue
        stack.extend(reversed(node.args))
    return list(found)
