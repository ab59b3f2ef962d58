"""Loading rule packs from folders: manifest, parameters, authorities and rule files,
``extends`` resolved, every condition compiled once, every problem reported at once.

A pack that ``extends`` another starts from a copy of it: its parameter entries merge new
dated values into the inherited series (or replace them with ``replace: true``), a rule file
with the id of an inherited rule replaces it, ``disable:`` switches inherited rules off
with a reason, and new files add rules. Chains of extends work; a cycle or an unknown base
is an error at the ``extends`` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustbench.errors import Diagnostic, ErrorGroup, TrustbenchError, did_you_mean
from trustbench.rules import codes
from trustbench.rules.compile import compile_rules, declarations, expr_position
from trustbench.rules.diagnostics import Collector
from trustbench.rules.files import (
    contained,
    load_authorities,
    load_definitions,
    load_params,
    load_rules,
)
from trustbench.rules.pack import (
    RESERVED,
    DisabledRule,
    LoadedRule,
    Pack,
    builtin_dir,
    is_example,
    resolve,
    rule_id,
)
from trustbench.rules.schema import Manifest
from trustbench.sources import Document, display_path, load_document

__all__ = [
    "RESERVED",
    "DisabledRule",
    "Found",
    "LoadedRule",
    "Pack",
    "builtin_dir",
    "declarations",
    "discover",
    "discover_all",
    "expr_position",
    "is_example",
    "load_checked",
    "load_pack",
    "resolve",
    "rule_id",
]


@dataclass(frozen=True)
class Found:
    """A folder with a ``pack.yaml``, and the pack id it declares."""

    id: str
    folder: Path
    line: int
    jurisdiction: str = ""


def discover_all(dirs: list[Path]) -> list[Found]:
    """Every folder with a ``pack.yaml`` in or under ``dirs``, in order (duplicates kept)."""
    found: list[Found] = []
    seen: set[Path] = set()
    for base in dirs:
        candidates = (
            [base]
            if (base / "pack.yaml").is_file()
            else sorted(p.parent for p in base.glob("**/pack.yaml"))
        )
        for folder in candidates:
            if folder.resolve() not in seen:
                seen.add(folder.resolve())
                found.append(_peek(folder))
    return found


def discover(dirs: list[Path]) -> dict[str, Path]:
    """Pack id → folder, for every folder with a ``pack.yaml`` in or under ``dirs`` (the
    first folder wins when two declare the same id)."""
    found: dict[str, Path] = {}
    for item in discover_all(dirs):
        found.setdefault(item.id, item.folder)
    return found


def _peek(folder: Path) -> Found:
    try:
        doc = load_document(folder / "pack.yaml")
    except TrustbenchError:
        return Found(folder.name, folder, 1)
    if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
        return Found(
            doc.data["id"], folder, doc.locate(("id",))[0], str(doc.data.get("jurisdiction", ""))
        )
    return Found(folder.name, folder, 1)


def load_pack(folder: Path, known: dict[str, Path] | None = None) -> Pack:
    """Load a pack (and the packs it extends); raise :class:`ErrorGroup` listing every
    problem found."""
    pack, problems = load_checked(folder, known)
    if problems or pack is None:
        raise ErrorGroup(
            items=problems
            or [Diagnostic(display_path(folder), 0, 0, "rule", "pack could not be loaded")]
        )
    return pack


def load_checked(
    folder: Path,
    known: dict[str, Path] | None = None,
) -> tuple[Pack | None, list[Diagnostic]]:
    """Load what can be loaded and list every problem: the pack may be partial (rules that
    did not validate are kept with the keys that did), for the linter to go on with."""
    out = Collector()
    pack = _load(folder, known or {}, (), out)
    return pack, sorted(set(out.items))


def _load(
    folder: Path, known: dict[str, Path], chain: tuple[Path, ...], out: Collector
) -> Pack | None:
    if not contained(folder / "pack.yaml", folder, out):
        return None
    folder = folder.resolve()
    doc = out.read(folder / "pack.yaml")
    if doc is None:
        return None
    manifest = out.model(doc, Manifest, doc.data)
    if manifest is None:
        return None
    pack = Pack(manifest, folder)
    if manifest.extends:
        base = _load_base(folder, manifest, doc, known, (*chain, folder), out)
        if base is None:
            return None
        _inherit(pack, base)
    pack.files.append(folder / "pack.yaml")
    load_params(pack, folder, out)
    load_authorities(pack, folder, out)
    load_definitions(pack, folder, out)
    load_rules(pack, folder, out)
    for i, used_id in enumerate(manifest.uses):
        used = _load_used(used_id, ("uses", i), doc, known, (*chain, folder), out)
        if used is not None:
            _adopt(pack, used, doc, ("uses", i), out)
    _disable(pack, doc, out)
    compile_rules(pack, out)
    return pack


INHERITED_MANIFEST = (
    "currency",
    "paper",
    "description",
    "bands",
    "scoring_note",
    "primary_hosts",
)


def _inherit(pack: Pack, base: Pack) -> None:
    """Start from a copy of the base pack; the manifest keys the extending pack leaves out
    (currency, paper, description, bands, scoring note, primary hosts) are the base's."""
    given = pack.manifest.model_fields_set
    pack.manifest = pack.manifest.model_copy(
        update={k: getattr(base.manifest, k) for k in INHERITED_MANIFEST if k not in given}
    )
    pack.params = dict(base.params)
    pack.broken_params = dict(base.broken_params)
    pack.authorities = dict(base.authorities)
    pack.rules = dict(base.rules)
    pack.definitions = dict(base.definitions)
    pack.disabled = dict(base.disabled)
    pack.files = list(base.files)
    pack.lineage = [*base.lineage, base.id]


def _load_used(
    used_id: str,
    where: tuple[str | int, ...],
    doc: Document,
    known: dict[str, Path],
    chain: tuple[Path, ...],
    out: Collector,
) -> Pack | None:
    """A pack named under ``uses`` (by id, among the packs given), loaded on its own."""
    line, col = doc.locate(where)
    path = known.get(used_id)
    if path is None or path.resolve() in chain:
        cycle = path is not None
        out.error(
            doc.path,
            line,
            col,
            f"uses {'itself through ' if cycle else 'unknown pack '}{used_id!r}",
            "a pack cannot use itself, directly or through others"
            if cycle
            else did_you_mean(used_id, known) or "name a pack id from `trustbench rules list`",
            codes.EXTENDS_CYCLE.code if cycle else codes.UNKNOWN_BASE.code,
        )
        return None
    return _load(path.resolve(), known, chain, out)


def _adopt(
    pack: Pack, used: Pack, doc: Document, where: tuple[str | int, ...], out: Collector
) -> None:
    """Take the used pack's definitions, parameters and authorities that this pack does not
    define itself; a parameter of the same name with another meaning is an error."""
    line, col = doc.locate(where)
    for name, param in used.params.items():
        mine = pack.params.get(name)
        if mine is not None and (mine.type, mine.unit) != (param.type, param.unit):
            out.error(
                doc.path,
                line,
                col,
                f"uses {used.id!r}: parameter {name!r} is defined here with another type or unit",
                "rename this pack's parameter",
                codes.UNKNOWN_BASE.code,
            )
        pack.params.setdefault(name, param)
    for name, definition in used.definitions.items():
        pack.definitions.setdefault(name, definition)
    for name, authority in used.authorities.items():
        pack.authorities.setdefault(name, authority)
    pack.files += [f for f in used.files if f not in pack.files]


def _disable(pack: Pack, doc: Document, out: Collector) -> None:
    for i, item in enumerate(pack.manifest.disable):
        line, col = doc.locate(("disable", i, "rule"))
        if item.rule not in pack.rules and item.rule not in pack.definitions:
            out.error(
                doc.path,
                line,
                col,
                f"cannot disable unknown rule {item.rule!r}",
                did_you_mean(item.rule, [*pack.rules, *pack.definitions])
                or "see `trustbench rules list`",
                codes.UNKNOWN_DISABLE.code,
            )
            continue
        pack.disabled[item.rule] = DisabledRule(item.rule, item.reason, pack.id, doc.path, line)


def _within_allowed(path: Path, folder: Path, known: dict[str, Path]) -> bool:
    """A base named by path must be one of the discovered packs (the folders the user passed
    and the built-in packs) or a sibling of the extending pack: a path cannot reach
    elsewhere on the disk."""
    allowed = {p.resolve() for p in known.values()}
    allowed |= {p.parent.resolve() for p in folder.parent.glob("*/pack.yaml")}
    return path in allowed


def _load_base(
    folder: Path,
    manifest: Manifest,
    doc: Document,
    known: dict[str, Path],
    chain: tuple[Path, ...],
    out: Collector,
) -> Pack | None:
    line, col = doc.locate(("extends",))
    target = manifest.extends or ""
    by_path = "/" in target or target.startswith(".")
    path = (folder / target).resolve() if by_path else known.get(target)
    if path is None:
        out.error(
            doc.path,
            line,
            col,
            f"extends unknown pack {target!r}",
            did_you_mean(target, known)
            or "name a pack id, or a path relative to this pack such as ../us",
            codes.UNKNOWN_BASE.code,
        )
        return None
    path = path.resolve()
    if not (path / "pack.yaml").is_file():
        out.error(
            doc.path,
            line,
            col,
            f"extends {target!r}: there is no pack.yaml in {display_path(path)}",
            "name a pack id, or a folder with a pack.yaml",
            codes.UNKNOWN_BASE.code,
        )
        return None
    if by_path and not _within_allowed(path, folder, known):
        out.error(
            doc.path,
            line,
            col,
            f"extends {target!r} leaves the rule folders given",
            "a pack may extend only packs in the folders passed with --rules (or the "
            "built-in packs), or a sibling pack; copy the base pack there",
            codes.EXTENDS_ESCAPE.code,
        )
        return None
    if path in chain:
        names = [_peek(p).id for p in chain[chain.index(path) :]]
        names = [names[-1], *names[:-1]]  # start at the pack whose extends closes the cycle
        out.error(
            doc.path,
            line,
            col,
            "extends cycle: " + " → ".join([*names, names[0]]),
            "a pack cannot extend itself, directly or through others",
            codes.EXTENDS_CYCLE.code,
        )
        return None
    return _load(path, known, chain, out)
