"""Loading rule packs from folders: manifest, parameters, authorities and rule files,
``extends`` resolved, every condition compiled once, every problem reported at once."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from trustbench.errors import Diagnostic, ErrorGroup, TrustbenchError
from trustbench.expr import Compiled, CompileError, Compiler
from trustbench.facts import REGISTRY
from trustbench.model.errors import diagnostics_from, did_you_mean
from trustbench.rules.schema import Authority, Manifest, Parameter, Rule
from trustbench.sources import Document, load_document

RESERVED = {"pack.yaml", "params.yaml", "authorities.yaml"}


@dataclass
class LoadedRule:
    id: str
    rule: Rule
    file: str
    doc: Document
    pack: str
    compiled: Compiled | None = None


@dataclass
class Pack:
    manifest: Manifest
    root: Path
    params: dict[str, Parameter] = field(default_factory=dict)
    authorities: dict[str, Authority] = field(default_factory=dict)
    rules: dict[str, LoadedRule] = field(default_factory=dict)
    disabled: dict[str, str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    lineage: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def jurisdiction(self) -> str:
        return self.manifest.jurisdiction


def builtin_dir() -> Path:
    """The packs shipped with trustbench: inside the wheel, or the checkout's ``rules/``."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "packs"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


class _Collector:
    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def error(self, file: str, line: int, column: int, message: str, hint: str | None = None,
              code: str = "rule") -> None:
        self.items.append(Diagnostic(file, line, column, "rule", message, hint, code))

    def model(self, doc: Document, model: type[BaseModel], data: Any) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for d in diagnostics_from(exc, doc, model, kind="rule"):
                self.items.append(Diagnostic(d.file, d.line, d.column, "rule", d.message,
                                             d.hint, "TB100"))
            return None

    def read(self, path: Path) -> Document | None:
        try:
            return load_document(path)
        except TrustbenchError as exc:
            self.items.extend(exc.diagnostics)
            return None


def discover(dirs: list[Path]) -> dict[str, Path]:
    """Pack id → folder, for every folder with a ``pack.yaml`` in or under ``dirs``."""
    found: dict[str, Path] = {}
    for base in dirs:
        candidates = [base] if (base / "pack.yaml").is_file() else sorted(
            p.parent for p in base.glob("**/pack.yaml"))
        for folder in candidates:
            doc_id = _peek_id(folder)
            found.setdefault(doc_id, folder)
    return found


def _peek_id(folder: Path) -> str:
    try:
        data = load_document(folder / "pack.yaml").data
    except TrustbenchError:
        return folder.name
    return str(data.get("id", folder.name)) if isinstance(data, dict) else folder.name


def load_pack(folder: Path, known: dict[str, Path] | None = None,
              _chain: tuple[Path, ...] = ()) -> Pack:
    """Load a pack (and the packs it extends); raise :class:`ErrorGroup` listing every
    problem found."""
    out = _Collector()
    pack = _load(folder, known or {}, _chain, out)
    if out.items or pack is None:
        raise ErrorGroup(items=out.items or [Diagnostic(str(folder), 0, 0, "rule",
                                                        "pack could not be loaded")])
    return pack


def _load(folder: Path, known: dict[str, Path], chain: tuple[Path, ...],
          out: _Collector) -> Pack | None:
    folder = folder.resolve()
    doc = out.read(folder / "pack.yaml")
    if doc is None:
        return None
    manifest = out.model(doc, Manifest, doc.data)
    if manifest is None:
        return None
    base: Pack | None = None
    if manifest.extends:
        base = _load_base(folder, manifest, doc, known, (*chain, folder), out)
        if base is None:
            return None
    pack = Pack(manifest, folder, files=[folder / "pack.yaml"])
    if base is not None:
        pack.params = dict(base.params)
        pack.authorities = dict(base.authorities)
        pack.rules = dict(base.rules)
        pack.disabled = dict(base.disabled)
        pack.files = [*base.files, *pack.files]
        pack.lineage = [*base.lineage, base.id]
    _load_params(pack, folder, out)
    _load_authorities(pack, folder, out)
    _load_rules(pack, folder, out)
    for item in manifest.disable:
        line, col = doc.locate(("disable",))
        if item.rule not in pack.rules:
            out.error(doc.path, line, col, f"cannot disable unknown rule {item.rule!r}",
                      did_you_mean(item.rule, pack.rules), "TB110")
        pack.disabled[item.rule] = item.reason
    compile_rules(pack, out)
    return pack


def _load_base(folder: Path, manifest: Manifest, doc: Document, known: dict[str, Path],
               chain: tuple[Path, ...], out: _Collector) -> Pack | None:
    line, col = doc.locate(("extends",))
    target = manifest.extends or ""
    path = (folder / target).resolve() if ("/" in target or target.startswith(".")) else None
    if path is None:
        path = known.get(target)
        if path is None:
            out.error(doc.path, line, col, f"extends unknown pack {target!r}",
                      did_you_mean(target, known) or "name a pack id or a relative path",
                      "TB101")
            return None
    if path.resolve() in chain or path.resolve() == folder:
        out.error(doc.path, line, col, f"extends cycle through {target!r}", None, "TB102")
        return None
    if not (path / "pack.yaml").is_file():
        out.error(doc.path, line, col, f"extends {target!r}: no pack.yaml there", None, "TB101")
        return None
    return _load(path, known, chain, out)


def _load_params(pack: Pack, folder: Path, out: _Collector) -> None:
    path = folder / "params.yaml"
    if not path.is_file():
        return
    doc = out.read(path)
    if doc is None or doc.data is None:
        return
    pack.files.append(path)
    if not isinstance(doc.data, dict):
        out.error(doc.path, 1, 1, "expected a mapping of parameter names", code="TB100")
        return
    for name, data in doc.data.items():
        param = out.model(_Sub(doc, name), Parameter, data)
        if param is None:
            continue
        _check_dates(doc, name, data, out)
        base = pack.params.get(name)
        if base is not None and not param.replace:
            merged = {**base.values, **param.values}
            param = param.model_copy(update={"values": dict(sorted(merged.items()))})
        pack.params[name] = param


def _check_dates(doc: Document, name: str, data: Any, out: _Collector) -> None:
    values = data.get("values") if isinstance(data, dict) else None
    if not isinstance(values, dict):
        return
    keys = list(values)
    for prev, cur in itertools.pairwise(keys):
        if str(cur) <= str(prev):
            line, col = doc.locate((name, "values", cur))
            out.error(doc.path, line, col,
                      f"parameter {name!r}: dates must be strictly increasing ({prev} then {cur})",
                      "list the values oldest first, one per effective date", "TB120")


class _Sub(Document):
    """A view of a document rooted at one top-level key (for nested validation errors)."""

    def __init__(self, doc: Document, key: str) -> None:
        super().__init__(doc.path, doc.data, doc.marks, doc.text)
        self._key = key
        self.key_marks = doc.key_marks

    def locate(self, loc: Any) -> tuple[int, int]:
        return super().locate((self._key, *loc))

    def locate_key(self, loc: Any) -> tuple[int, int]:
        return super().locate_key((self._key, *loc))


def _load_authorities(pack: Pack, folder: Path, out: _Collector) -> None:
    path = folder / "authorities.yaml"
    if not path.is_file():
        return
    doc = out.read(path)
    if doc is None or not isinstance(doc.data, dict):
        return
    pack.files.append(path)
    for key, data in doc.data.items():
        auth = out.model(_Sub(doc, key), Authority, data)
        if auth is not None:
            pack.authorities[key] = auth


def rule_id(pack: Pack, folder: Path, path: Path) -> str:
    rel = path.relative_to(folder).with_suffix("")
    return ".".join((pack.jurisdiction, *rel.parts))


def _load_rules(pack: Pack, folder: Path, out: _Collector) -> None:
    for path in sorted(folder.rglob("*.yaml")):
        rel = path.relative_to(folder)
        if (rel.name in RESERVED and len(rel.parts) == 1) or rel.name.startswith("_"):
            continue
        if any((folder / Path(*rel.parts[:i]) / "pack.yaml").is_file()
               for i in range(1, len(rel.parts))):
            continue  # a nested pack is its own pack
        doc = out.read(path)
        if doc is None:
            continue
        pack.files.append(path)
        rule = out.model(doc, Rule, doc.data)
        if rule is not None:
            rid = rule_id(pack, folder, path)
            pack.rules[rid] = LoadedRule(rid, rule, doc.path, doc, pack.id)


def declarations(pack: Pack, scope: str | None) -> dict[str, str]:
    names = {n: REGISTRY[n].type for n in REGISTRY.names("deal")}
    if scope == "market":
        names.update({n: REGISTRY[n].type for n in REGISTRY.names("market")})
    names.update({f"params.{n}": p.type for n, p in pack.params.items()})
    return names


def compile_rules(pack: Pack, out: _Collector) -> None:
    compilers: dict[str | None, Compiler] = {}
    for loaded in pack.rules.values():
        if loaded.compiled is not None and loaded.pack != pack.id:
            # inherited: recompile, parameters may have changed type or been added
            pass
        scope = loaded.rule.each
        if scope not in compilers:
            compilers[scope] = Compiler(declarations(pack, scope))
        try:
            loaded.compiled = compilers[scope].compile(loaded.rule.when)
        except CompileError as exc:
            line, col = _expr_position(loaded.doc, exc)
            hint = None
            if "undeclared reference" in exc.message:
                bad = exc.message.split("'")[1] if "'" in exc.message else ""
                hint = did_you_mean(bad, compilers[scope].declarations)
            out.error(loaded.file, line, col, f"{loaded.id}: {exc.message}", hint, "TB130")


def _expr_position(doc: Document, exc: CompileError) -> tuple[int, int]:
    """Map a line:column inside ``when`` to the file (block scalars start a line below)."""
    line, col = doc.locate(("when",))
    text = doc.text.splitlines()
    first = text[line - 1] if 0 < line <= len(text) else ""
    if first[col - 1:col] in ("|", ">"):
        body = text[line] if line < len(text) else ""
        indent = len(body) - len(body.lstrip())
        return line + exc.line, indent + exc.column
    return line + exc.line - 1, col + exc.column - 1 if exc.line == 1 else exc.column


def resolve_param(param: Parameter, as_of: dt.date) -> tuple[Any, dt.date] | None:
    """The value in force on ``as_of`` and the date it took effect."""
    current = None
    for date, value in sorted(param.values.items()):
        if date <= as_of:
            raw = value["value"] if isinstance(value, dict) and "value" in value else value
            current = (raw, date)
    return current
