"""How many values a YAML document expands to once its aliases are followed, worked out from
its distinct nodes: an alias bomb is refused in time proportional to its text, before any of
it is built (:func:`trustbench.sources.parse_document` calls :func:`check_expansion`)."""

from __future__ import annotations

import yaml

from trustbench.errors import LimitError

HINT = "YAML aliases (&a / *a) that repeat large blocks multiply the size"


def too_many(path: str, node: yaml.Node, limit: int) -> LimitError:
    """The error of a document that expands past ``limit`` values, at ``node``."""
    return LimitError(
        f"the document expands to more than {limit:,} values",
        file=path,
        line=node.start_mark.line + 1,
        column=node.start_mark.column + 1,
        hint=HINT,
    )


def check_expansion(root: yaml.Node, path: str, limit: int) -> None:
    """Raise :func:`too_many` at the value where building ``root`` would pass ``limit``
    (values counted as the builder counts them: each node once, mapping keys not). A node
    that contains itself through an alias is left to the builder's depth limit."""
    sizes: dict[int, int] = {}
    try:
        if _size(root, sizes, set()) <= limit:
            return
    except (_Recursive, RecursionError):
        return
    _find(root, 0, sizes, path, limit)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [value for _, value in node.value]
    return []


def _size(node: yaml.Node, sizes: dict[int, int], open_: set[int]) -> int:
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise _Recursive
    open_.add(key)
    size = 1 + sum(_size(child, sizes, open_) for child in _children(node))
    open_.discard(key)
    sizes[key] = size
    return size


def _find(node: yaml.Node, count: int, sizes: dict[int, int], path: str, limit: int) -> int:
    """Count in the builder's order, skipping whole subtrees that stay under the limit, and
    raise at the value that passes it."""
    if count + sizes[id(node)] <= limit:
        return count + sizes[id(node)]
    count += 1
    if count > limit:
        raise too_many(path, node, limit)
    for child in _children(node):
        count = _find(child, count, sizes, path, limit)
    return count  # pragma: no cover - the limit is passed inside


class _Recursive(Exception):
    """A node that contains itself through an alias."""
