"""Reading a pack's files into a :class:`Pack`: dated parameters (merged over the base
pack's), authorities and rule files. Problems go to the collector; loading goes on."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import math
import re
from pathlib import Path
from typing import Any

from trustbench.facts import REGISTRY
from trustbench.rules import codes
from trustbench.rules.diagnostics import ISO_DATE, Collector, Sub
from trustbench.rules.pack import (
    DEF_PREFIX,
    DEFINITIONS,
    RESERVED,
    LoadedDefinition,
    LoadedRule,
    Pack,
    rule_id,
)
from trustbench.rules.schema import Authority, DatedValue, Definition, Parameter, Rule
from trustbench.sources import Document, display_path

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "double": (int, float),
    "int": (int,),
    "bool": (bool,),
    "string": (str,),
}
_INHERITED_KEYS = ("description", "unit", "type", "reference")


def load_params(pack: Pack, folder: Path, out: Collector) -> None:
    path = folder / "params.yaml"
    doc = out.read(path) if path.is_file() and contained(path, folder, out) else None
    if doc is None or doc.data is None:
        return
    pack.files.append(path)
    if not isinstance(doc.data, dict):
        out.error(
            doc.path,
            1,
            1,
            "params.yaml: expected a mapping of parameter names",
            "e.g. `threshold: {description: …, unit: USD, values: {…}, reference: …}`",
        )
        return
    for name, data in doc.data.items():
        _load_param(pack, doc, str(name), data, out)


def _load_param(pack: Pack, doc: Document, name: str, data: Any, out: Collector) -> None:
    base = pack.params.get(name)
    written = data.get("values") if isinstance(data, dict) else None
    if isinstance(written, dict):
        _check_order(doc, name, [str(k) for k in written if ISO_DATE.fullmatch(str(k))], out)
    raw = data
    if base is not None and isinstance(data, dict):
        raw = {**base.model_dump(include=set(_INHERITED_KEYS)), **data}
    param = out.model(Sub(doc, name), Parameter, raw)
    if param is None:
        declared = raw.get("type") if isinstance(raw, dict) else None
        pack.broken_params[name] = declared if declared in _PY_TYPES else "double"
        return
    values = _dated_values(doc, name, param, data, out)
    _check_dated_by(doc, name, param, out)
    if base is None:
        if param.replace:
            line, col = doc.locate((name, "replace"))
            out.error(
                doc.path,
                line,
                col,
                f"parameter {name!r}: `replace: true`, but no base pack defines it",
                "remove `replace` (it only applies to an inherited parameter)",
                codes.PARAM_OVERLAY.code,
            )
        pack.params[name] = param.model_copy(update={"values": values})
        return
    if not (isinstance(data, dict) and "reference" in data):
        _need_reference(doc, name, values, out)
    pack.params[name] = _overlay(doc, name, base, param, values, out)


def _check_dated_by(doc: Document, name: str, param: Parameter, out: Collector) -> None:
    """``dated_by`` must name a fact whose value is a date (an ISO date string)."""
    if param.dated_by is None:
        return
    dated = param.dated_by in REGISTRY and REGISTRY[param.dated_by].unit == "ISO date"
    if dated:
        return
    line, col = doc.locate((name, "dated_by"))
    near = difflib.get_close_matches(param.dated_by, REGISTRY.names(), 1)
    out.error(
        doc.path,
        line,
        col,
        f"parameter {name!r}: dated_by {param.dated_by!r} is not a fact that gives a date",
        f"did you mean {near[0]!r}?" if near else "name a date fact (`trustbench facts`)",
        codes.DATED_BY.code,
    )


def _need_reference(
    doc: Document, name: str, values: dict[dt.date, DatedValue], out: Collector
) -> None:
    """A value an extending pack adds must say where it comes from; it must not borrow the
    base pack's reference (a house threshold is not in the FTC's notice)."""
    for date, entry in values.items():
        if entry.reference is None:
            line, col = doc.locate_key((name, "values", date.isoformat()))
            out.error(
                doc.path,
                line,
                col,
                f"parameter {name!r}: the value for {date} has no reference of its own",
                "add `reference:` to the parameter (it covers "
                "this pack's values) or write the value as {value: …, reference: …}",
                codes.OVERLAY_REFERENCE.code,
            )


def _overlay(
    doc: Document,
    name: str,
    base: Parameter,
    param: Parameter,
    values: dict[dt.date, DatedValue],
    out: Collector,
) -> Parameter:
    """An extending pack's entry for an inherited parameter: new dated values merge into
    the base series (each keeping the reference it came with), or replace it."""
    for key in ("type", "unit"):
        if getattr(param, key) != getattr(base, key) and not param.replace:
            line, col = doc.locate((name, key))
            out.error(
                doc.path,
                line,
                col,
                f"parameter {name!r}: {key} {getattr(param, key)!r}"
                f" differs from the base pack's {getattr(base, key)!r}",
                "keep the base's, or write `replace: true` to replace the whole series",
                codes.PARAM_OVERLAY.code,
            )
    if param.replace:
        return param.model_copy(update={"values": values})
    merged = {
        date: DatedValue(value=v.value, reference=v.reference or base.reference)
        for date, v in base.values.items()
    }
    merged.update(values)
    return param.model_copy(update={"values": dict(sorted(merged.items()))})


def _dated_values(
    doc: Document, name: str, param: Parameter, data: Any, out: Collector
) -> dict[dt.date, DatedValue]:
    """Each dated value as a :class:`DatedValue`, checked against the parameter's type, and
    the dates checked to be strictly increasing as written."""
    written = data.get("values") if isinstance(data, dict) else None
    keys = [str(k) for k in written] if isinstance(written, dict) else []
    dates = {k: dt.date.fromisoformat(k) for k in keys if _strict_date(doc, name, k, out)}
    result: dict[dt.date, DatedValue] = {}
    for key in dates:
        raw = written[key] if isinstance(written, dict) else None
        sub = Sub(doc, name, "values", key)
        entry = out.model(sub, DatedValue, raw) if isinstance(raw, dict) else DatedValue(value=raw)
        if entry is None:
            continue
        if entry.value is not None and not type_ok(entry.value, param.type):
            line, col = sub.locate(("value",) if isinstance(raw, dict) else ())
            out.error(
                doc.path,
                line,
                col,
                f"parameter {name!r} ({key}): expected a {param.type}, got {entry.value!r}",
                _type_hint(param.type),
                codes.PARAM_TYPE.code,
            )
        result[dates[key]] = entry
    return result


def _strict_date(doc: Document, name: str, key: str, out: Collector) -> bool:
    if ISO_DATE.fullmatch(key):
        return True
    line, col = doc.locate_key((name, "values", key))
    out.error(
        doc.path,
        line,
        col,
        f"{name}.values: {key!r} is not a valid date",
        "write effective dates as YYYY-MM-DD",
        codes.PARAM_DATE.code,
    )
    return False


def _check_order(doc: Document, name: str, keys: list[str], out: Collector) -> None:
    valid = [k for k in keys if _parses(k)]
    for prev, cur in itertools.pairwise(valid):
        if cur <= prev:
            line, col = doc.locate_key((name, "values", cur))
            out.error(
                doc.path,
                line,
                col,
                f"parameter {name!r}: dates must be strictly increasing ({prev} then {cur})",
                "list the values oldest first, one per effective date",
                codes.PARAM_DATE.code,
            )


def _parses(key: str) -> bool:
    try:
        dt.date.fromisoformat(key)
    except ValueError:
        return False
    return True


def type_ok(value: Any, kind: str) -> bool:
    if kind == "scale":
        return _scale_ok(value)
    if kind in ("double", "int") and (isinstance(value, bool) or not _finite(value)):
        return False
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "table":
        return _table_ok(value)
    return isinstance(value, _PY_TYPES.get(kind, (object,)))


def _table_ok(value: Any) -> bool:
    """A table: rows named by strings, each a list of numbers (null: an unknown cell)."""
    return isinstance(value, dict) and all(
        isinstance(k, str)
        and isinstance(row, list)
        and all(c is None or _finite_number(c) for c in row)
        for k, row in value.items()
    )


def _scale_ok(value: Any) -> bool:
    """A scale: steps ``{from, value}`` with numbers (``value`` may be null), ``from``
    strictly ascending."""
    if not isinstance(value, list) or not value:
        return False
    froms: list[float] = []
    for step in value:
        if not isinstance(step, dict) or set(step) != {"from", "value"}:
            return False
        low, val = step["from"], step["value"]
        if not _finite_number(low) or not (val is None or _finite_number(val)):
            return False
        froms.append(float(low))
    return all(a < b for a, b in itertools.pairwise(froms))


def _finite(x: Any) -> bool:
    return not isinstance(x, float) or math.isfinite(x)


def _finite_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _type_hint(kind: str) -> str | None:
    return {
        "scale": "write a list of steps [{from: 0, value: 30_000}, {from: 179_400_000, "
        "value: 105_000}, …] with `from` ascending",
        "double": "write a number, e.g. 0.25 for 25 % or 126_400_000 for USD 126.4m",
        "int": "write a whole number",
        "bool": "write true or false",
    }.get(kind)


def load_authorities(pack: Pack, folder: Path, out: Collector) -> None:
    path = folder / "authorities.yaml"
    doc = out.read(path) if path.is_file() and contained(path, folder, out) else None
    if doc is None or doc.data is None:
        return
    pack.files.append(path)
    if not isinstance(doc.data, dict):
        out.error(
            doc.path,
            1,
            1,
            "authorities.yaml: expected a mapping of authority ids",
            "e.g. `hsr-act: {short: 15 U.S.C. § 18a, full: …, url: …}`",
        )
        return
    for key, data in doc.data.items():
        auth = out.model(Sub(doc, key), Authority, data)
        if auth is None:
            continue
        pack.authorities[str(key)] = auth
        if auth.date is None:
            line, col = doc.locate_key((key,))
            out.error(
                doc.path,
                line,
                col,
                f"authority {key!r} has no date",
                "add `date: YYYY-MM-DD`, the date from which it holds (entry into force, "
                "publication, a notice's effective date), so that a memo as of an earlier "
                "date does not rely on it",
                codes.AUTHORITY_UNDATED.code,
            )


_CEL_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def rule_files(folder: Path) -> list[Path]:
    """The rule files of a pack: every ``*.yaml`` under it except ``pack.yaml``,
    ``params.yaml``, ``authorities.yaml``, ``definitions/``, files starting with ``_`` and
    nested packs."""
    found = []
    for path in sorted(folder.rglob("*.yaml")):
        rel = path.relative_to(folder)
        if (rel.name in RESERVED and len(rel.parts) == 1) or rel.name.startswith("_"):
            continue
        if rel.parts[0] == DEFINITIONS:
            continue
        if any(
            (folder / Path(*rel.parts[:i]) / "pack.yaml").is_file()
            for i in range(1, len(rel.parts))
        ):
            continue  # a nested pack is its own pack
        found.append(path)
    return found


def contained(path: Path, folder: Path, out: Collector) -> bool:
    """Whether ``path`` resolves inside the pack's folder; a symlink that leaves it is an
    error at the link (a pack from someone else must not read other files)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        out.error(
            display_path(path.parent) + "/" + path.name,
            0,
            0,
            f"this pack file is a link to {display_path(path)}, outside the pack's folder",
            "copy the file into the pack instead of linking to it",
            codes.LINK_ESCAPE.code,
        )
        return False
    return True


def _read(pack: Pack, path: Path, folder: Path, out: Collector) -> Document | None:
    if not contained(path, folder, out):
        return None
    doc = out.read(path)
    if doc is not None:
        pack.files.append(path)
    return doc


def load_definitions(pack: Pack, folder: Path, out: Collector) -> None:
    """``definitions/**/*.yaml``: each file one definition, named by its path
    (``definitions/concentration.yaml`` in the de pack → ``def.de.concentration``). A file
    with the id of an inherited definition replaces it."""
    base = folder / DEFINITIONS
    if not base.is_dir():
        return
    for path in sorted(base.rglob("*.yaml")):
        rel = path.relative_to(base).with_suffix("")
        doc = _read(pack, path, folder, out)
        if doc is None:
            continue
        if not all(_CEL_NAME.fullmatch(p) for p in rel.parts):
            out.error(
                doc.path,
                1,
                1,
                f"definition file name {'/'.join(rel.parts)!r} is not a name a condition can use",
                "use lower-case letters, digits and underscores (e.g. size_of_person_met)",
                codes.DEFINITION_NAME.code,
            )
            continue
        if not isinstance(doc.data, dict):
            out.error(
                doc.path,
                1,
                1,
                "a definition file must be a mapping of keys",
                "a definition needs title, when, cites and examples",
            )
            continue
        name = DEF_PREFIX + ".".join((pack.jurisdiction, *rel.parts))
        model, broken = out.lenient(doc, Definition, doc.data)
        pack.definitions[name] = LoadedDefinition(name, model, doc.path, doc, pack.id, None, broken)
        pack.disabled.pop(name, None)


def load_rules(pack: Pack, folder: Path, out: Collector) -> None:
    own: dict[str, LoadedRule] = {}
    for path in rule_files(folder):
        doc = _read(pack, path, folder, out)
        if doc is None:
            continue
        rid = rule_id(pack.jurisdiction, folder, path)
        if rid in own:
            out.error(
                doc.path,
                1,
                1,
                f"rule id {rid!r} is also the id of {own[rid].file}",
                "rename one of the two files: a rule's id is its path in the pack, "
                "with / read as .",
                codes.DUPLICATE_RULE.code,
            )
            continue
        if not isinstance(doc.data, dict):
            out.error(
                doc.path,
                1,
                1,
                "a rule file must be a mapping of keys",
                "a rule needs title, factor, weight, when, test, finding, cites and "
                "examples; `trustbench rules new` writes one to start from",
            )
            continue
        rule, broken = out.lenient(doc, Rule, doc.data)
        own[rid] = LoadedRule(rid, rule, doc.path, doc, pack.id, broken=broken)
    for rid in own:
        pack.disabled.pop(rid, None)  # a pack that gives the rule again re-enables it
    pack.rules.update(own)
