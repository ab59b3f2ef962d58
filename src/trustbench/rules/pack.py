"""What a loaded pack is: its manifest, dated parameters, authorities and compiled rules,
and how a parameter is resolved as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustbench.expr import Compiled
from trustbench.rules.schema import Authority, DatedValue, Manifest, Parameter, Reference, Rule
from trustbench.sources import Document

RESERVED = {"pack.yaml", "params.yaml", "authorities.yaml"}
EXAMPLES = "examples"


@dataclass
class LoadedRule:
    """A rule file, validated and compiled. ``pack`` is the id of the pack whose file it is
    (an inherited rule keeps its own pack's id); ``broken`` names the top-level keys that did
    not validate, so that lint skips the checks that need them."""

    id: str
    rule: Rule
    file: str
    doc: Document
    pack: str
    compiled: Compiled | None = None
    broken: frozenset[str] = frozenset()
    template_names: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DisabledRule:
    """A rule switched off by ``disable:`` in some pack's ``pack.yaml``, with the reason."""

    rule: str
    reason: str
    pack: str
    file: str
    line: int


@dataclass
class Pack:
    manifest: Manifest
    root: Path
    params: dict[str, Parameter] = field(default_factory=dict)
    authorities: dict[str, Authority] = field(default_factory=dict)
    rules: dict[str, LoadedRule] = field(default_factory=dict)
    disabled: dict[str, DisabledRule] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    lineage: list[str] = field(default_factory=list)
    broken_params: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def jurisdiction(self) -> str:
        return self.manifest.jurisdiction

    def own_rules(self) -> dict[str, LoadedRule]:
        """The rules this pack's own files define (not inherited ones)."""
        return {rid: r for rid, r in self.rules.items() if r.pack == self.id}

    def active_rules(self) -> dict[str, LoadedRule]:
        return {rid: r for rid, r in self.rules.items() if rid not in self.disabled}


def builtin_dir() -> Path:
    """The packs shipped with trustbench: inside the wheel, or the checkout's ``rules/``."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "packs"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def is_example(folder: Path) -> bool:
    """A worked example shipped under ``rules/examples/``: validated and tested with the
    built-in packs, but never applied unless named with ``--rules``."""
    try:
        rel = folder.resolve().relative_to(builtin_dir().resolve())
    except ValueError:
        return False
    return bool(rel.parts) and rel.parts[0] == EXAMPLES


def rule_id(jurisdiction: str, folder: Path, path: Path) -> str:
    """``rules/us/hsr/filing-required.yaml`` → ``us.hsr.filing-required``."""
    rel = path.relative_to(folder).with_suffix("")
    return ".".join((jurisdiction, *rel.parts))


@dataclass(frozen=True)
class Resolved:
    """A parameter's value in force on a date, when it took effect and on what authority."""

    value: Any
    effective: dt.date
    reference: Reference


def resolve(param: Parameter, as_of: dt.date) -> Resolved | None:
    """The value in force on ``as_of`` (``None`` before the first date). A value of
    ``null`` ends the series: the parameter is then not in force (its value is ``None``)."""
    current: Resolved | None = None
    for date in sorted(param.values):
        if date > as_of:
            break
        value, reference = unwrap(param.values[date])
        current = Resolved(value, date, reference or param.reference)
    return current


def resolve_param(param: Parameter, as_of: dt.date) -> tuple[Any, dt.date] | None:
    """The value in force on ``as_of`` and the date it took effect."""
    found = resolve(param, as_of)
    return (found.value, found.effective) if found else None


def unwrap(raw: Any) -> tuple[Any, Reference | None]:
    """A dated entry is a plain value or ``{value, reference}``."""
    if isinstance(raw, DatedValue):
        return raw.value, raw.reference
    if isinstance(raw, dict) and "value" in raw:
        ref = raw.get("reference")
        return raw["value"], Reference.model_validate(ref) if ref else None
    return raw, None
