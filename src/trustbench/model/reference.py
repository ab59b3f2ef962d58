"""The deal file's field reference, generated from the models themselves.

The pydantic models are the one place a field is written: its key, type, description and,
for a field that names something declared elsewhere, its :class:`~trustbench.model.refs.Ref`.
From them come the JSON Schema editors read (:func:`json_schema`; ``trustbench schema deal``,
written to ``cases/deal.schema.json`` by ``make``), the reference check of loading
(:func:`~trustbench.model.refs.references`) and the field reference below (:func:`markdown`;
``trustbench schema deal --markdown``, written to ``docs/deal-fields.md`` by ``make``).
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from pydantic import BaseModel

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_NULL = {"type": "null"}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema as a self-describing document (draft 2020-12), so that
    editors and validators know which dialect they read."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, **schema}


def schema_text(model: type[BaseModel]) -> str:
    """:func:`json_schema` as the file editors read: sorted, indented, newline-terminated."""
    return json.dumps(json_schema(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def markdown(model: type[BaseModel], title: str = "Deal file fields") -> str:
    """Every section and field of ``model``'s files as Markdown tables: key, what it takes,
    and what it means (its description), one table per kind of object, in the order a file
    reaches them."""
    schema = json_schema(model)
    defs: dict[str, Any] = schema.get("$defs", {})
    out = [
        f"# {title}",
        "",
        f"Generated from the models by `trustbench schema {_name(model)} --markdown`; do not "
        "edit. An id written under a key that takes one must be declared in its section.",
        "",
    ]
    queue: deque[tuple[str, str]] = deque([("", "")])
    seen = {""}
    while queue:
        name, where = queue.popleft()
        node = schema if name == "" else defs[name]
        out.extend(_section(_title(name) if name else "top level", where, node))
        for key, prop in node.get("properties", {}).items():
            for ref in _refs(prop):
                if ref not in seen:
                    seen.add(ref)
                    queue.append((ref, f"{where}.{key}".lstrip(".")))
    return "\n".join(out).rstrip() + "\n"


def _name(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _section(name: str, where: str, node: dict[str, Any]) -> list[str]:
    head = [f"## {name}", ""]
    if where:
        head += [f"Under `{where}`.", ""]
    if node.get("description") and name != "top level":
        head += [_cell(node["description"]), ""]
    required = set(node.get("required", ()))
    rows = ["| key | takes | meaning |", "|---|---|---|"]
    for key, prop in node.get("properties", {}).items():
        mark = " (required)" if key in required else ""
        rows.append(f"| `{key}`{mark} | {_label(prop)} | {_cell(prop.get('description', ''))} |")
    return [*head, *rows, ""]


def _refs(prop: dict[str, Any]) -> list[str]:
    """The object definitions a property's value may hold, in order."""
    if "$ref" in prop:
        return [prop["$ref"].rsplit("/", 1)[-1]]
    out: list[str] = []
    for key in ("anyOf", "oneOf", "allOf"):
        for part in prop.get(key, ()):
            out.extend(_refs(part))
    for key in ("items", "additionalProperties"):
        if isinstance(prop.get(key), dict):
            out.extend(_refs(prop[key]))
    return out


def _label(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        title = _title(prop["$ref"].rsplit("/", 1)[-1])
        return f"[{title}](#{_anchor(title)})"
    if "x-ref" in prop:
        return f"{prop['x-ref']} id" + ("(s)" if prop["x-ref"] == "source" else "")
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    for key in ("anyOf", "oneOf"):
        if key in prop:
            parts = dict.fromkeys(_label(p) for p in prop[key] if p != _NULL)
            return " or ".join(parts) + (", or null" if _NULL in prop[key] else "")
    kind = prop.get("type", "any")
    if kind == "array":
        return "list of " + _label(prop.get("items", {}))
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return "mapping to " + _label(prop["additionalProperties"])
    if kind == "string" and "format" in prop:
        return str(prop["format"])
    return str(kind)


def _title(name: str) -> str:
    """A definition's heading: its class name, with its module where two share one
    (``trustbench__model__evidence__Safeguard`` → ``Safeguard (evidence)``)."""
    parts = name.split("__")
    return parts[-1] if len(parts) == 1 else f"{parts[-1]} ({parts[-2]})"


def _anchor(title: str) -> str:
    """The anchor Markdown renderers give a heading."""
    kept = "".join(c for c in title.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")
