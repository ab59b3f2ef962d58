"""What a loaded pack is: its manifest, dated parameters, authorities and compiled rules,
and how a parameter is resolved as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trustbench.expr import Compiled
from trustbench.rules.schema import (
    Authority,
    DatedValue,
    Definition,
    Manifest,
    Parameter,
    Reference,
    Rule,
)
from trustbench.sources import Document

RESERVED = {"pack.yaml", "params.yaml", "authorities.yaml"}
EXAMPLES = "examples"
DEFINITIONS = "definitions"
DEF_PREFIX = "def."
RULE_PREFIX = "rule."


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


@dataclass
class LoadedDefinition:
    """A definition file (``definitions/<name>.yaml``), validated and compiled; ``id`` is the
    name conditions use: ``def.<jurisdiction>.<name>``."""

    id: str
    definition: Definition
    file: str
    doc: Document
    pack: str
    compiled: Compiled | None = None
    broken: frozenset[str] = frozenset()

    @property
    def rule(self) -> Definition:
        """The definition, under the name the checks shared with rules read it by."""
        return self.definition


def rule_ref(rule_id: str) -> str:
    """The name a condition uses for a rule's outcome: ``de.filing.notification-required``
    → ``rule.de.filing.notification_required`` (true: triggered; false: not triggered;
    unknown: unknown)."""
    return RULE_PREFIX + rule_id.replace("-", "_")


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
    definitions: dict[str, LoadedDefinition] = field(default_factory=dict)
    disabled: dict[str, DisabledRule] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    lineage: list[str] = field(default_factory=list)
    broken_params: dict[str, str] = field(default_factory=dict)
    _leaves: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _refs: dict[str, LoadedRule] | None = field(default=None, repr=False)
    declared: dict[str | None, dict[str, str]] = field(default_factory=dict, repr=False)
    as_of: dict[Any, Any] = field(default_factory=dict, repr=False)
    """what evaluation worked out from the parameters as of a date (they do not depend on
    the deal: a batch of deals with one case date resolves them once)"""

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def jurisdiction(self) -> str:
        return self.manifest.jurisdiction

    def own_rules(self) -> dict[str, LoadedRule]:
        """The rules this pack's own files define (not inherited ones)."""
        return {rid: r for rid, r in self.rules.items() if r.pack == self.id}

    def own_definitions(self) -> dict[str, LoadedDefinition]:
        return {d: x for d, x in self.definitions.items() if x.pack == self.id}

    def referable(self) -> dict[str, LoadedRule]:
        """``rule.…`` name → the rule it names (rules evaluated once per deal only)."""
        if self._refs is None:
            self._refs = {
                rule_ref(rid): r
                for rid, r in self.rules.items()
                if r.rule is not None and r.rule.each is None
            }
        return self._refs

    def reindex(self) -> None:
        """Forget what was worked out from the rules (after loading changed them)."""
        self._refs = None
        self._leaves = {}
        self.declared = {}
        self.as_of = {}

    def condition(self, name: str) -> Compiled | None:
        """The compiled condition behind a ``def.…`` or ``rule.…`` name (``None`` when it is
        disabled, did not compile, or does not exist)."""
        if name in self.disabled:
            return None
        if name.startswith(DEF_PREFIX):
            found = self.definitions.get(name)
            return found.compiled if found else None
        loaded = self.referable().get(name) if name.startswith(RULE_PREFIX) else None
        if loaded is None or loaded.id in self.disabled:
            return None
        return loaded.compiled

    def leaves(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """The facts and parameters behind ``names``, through definitions and rule
        references (worked out once per set of names)."""
        key = names
        if key not in self._leaves:
            found: dict[str, None] = {}
            seen: set[str] = set()
            stack = list(reversed(names))
            while stack:
                name = stack.pop()
                if name in seen:
                    continue
                seen.add(name)
                if name.startswith((DEF_PREFIX, RULE_PREFIX)):
                    compiled = self.condition(name)
                    stack.extend(reversed(compiled.names) if compiled else ())
                else:
                    found.setdefault(name)
            self._leaves[key] = tuple(found)
        return self._leaves[key]


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


def unwrap(raw: Any) -> tuple[Any, Reference | None]:
    """A dated entry is a plain value or ``{value, reference}``."""
    if isinstance(raw, DatedValue):
        return raw.value, raw.reference
    if isinstance(raw, dict) and "value" in raw:
        ref = raw.get("reference")
        return raw["value"], Reference.model_validate(ref) if ref else None
    return raw, None
