"""The lever catalogue: the structural changes the finder may make, declared as data.

The built-in catalogue is ``rules/levers.yaml``; a pack adds its own in ``_levers.yaml`` in
its folder. A lever names a change of the scenario vocabulary (:mod:`trustbench.model.
scenarios`) with ``{placeholders}`` filled from each part of the deal it applies to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trustbench.errors import ErrorGroup, TrustbenchError
from trustbench.model.deal import AcquireStake, AppointDirector, Contract, Deal, GrantRight, Hire
from trustbench.model.errors import diagnostics_from
from trustbench.model.scenarios import Change
from trustbench.model.types import exact, format_money
from trustbench.rules.loader import Pack, builtin_dir
from trustbench.sources import load_document

Each = Literal["stake", "hire", "seat", "right", "acquirer", "exclusive"]


class Lever(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    kind: Literal["continuous", "discrete"]
    each: Each
    change: dict[str, Any] | list[dict[str, Any]]
    set: Literal["equity", "voting", "consideration"] | None = None
    range: tuple[float, float | None] | None = None
    monotone: list[str] = Field(default_factory=list)
    file: str = ""

    def templates(self) -> list[dict[str, Any]]:
        return self.change if isinstance(self.change, list) else [self.change]


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    levers: list[Lever]


@dataclass(frozen=True)
class Move:
    """One instance of a lever on one part of the deal: the changes it makes and, for a
    continuous lever, the value it sets (``value``) and the value the deal has (``base``)."""

    lever: str
    title: str
    item: str
    changes: tuple[Change, ...]
    value: float | None = None
    base: float | None = None
    unit: str = ""  # "share", or the currency of a money lever

    @property
    def key(self) -> str:
        return "|".join(c.key() for c in self.changes)

    def text(self) -> str:
        """``equity stake in Scale AI from 49 % to 24.99 %``; ``do not hire: Alexandr Wang``."""
        if self.value is None or self.base is None:
            return f"{self.title}: {self.item}" if self.item else self.title
        where = f" in {self.item}" if self.item and self.unit == "share" else ""
        return f"{self.title}{where} from {self._show(self.base)} to {self._show(self.value)}"

    def _show(self, value: float) -> str:
        if self.unit == "share":
            return f"{value * 100:.2f}".rstrip("0").rstrip(".") + " %"
        return format_money(value, self.unit or "USD")


def load_levers(packs: Iterable[Pack] = (), extra: Iterable[Path] = ()) -> list[Lever]:
    """The built-in catalogue, then each pack's ``_levers.yaml`` (a later lever with the
    same id replaces an earlier one)."""
    files = [builtin_dir() / "levers.yaml"]
    files += [p.root / "_levers.yaml" for p in packs]
    files += list(extra)
    found: dict[str, Lever] = {}
    for path in files:
        if path.is_file():
            for lever in _read(path):
                found[lever.id] = lever
    return list(found.values())


def _read(path: Path) -> list[Lever]:
    doc = load_document(path)
    try:
        catalogue = Catalogue.model_validate(doc.data)
    except ValidationError as exc:
        raise ErrorGroup(items=diagnostics_from(exc, doc, Catalogue, kind="levers")) from None
    return [lever.model_copy(update={"file": doc.path}) for lever in catalogue.levers]


def items(deal: Deal, each: Each) -> list[dict[str, str]]:
    """The parts of the deal a lever applies to, as placeholder values."""
    t = deal.transaction
    acq, tgt = t.acquirer, t.target
    if each == "acquirer":
        return [{"holder": acq, "issuer": tgt, "label": ""}]
    if each == "stake":
        return [
            {
                "holder": s.holder or acq,
                "issuer": s.issuer or tgt,
                "label": deal.name(s.issuer or tgt),
            }
            for s in t.steps
            if isinstance(s, AcquireStake)
        ]
    if each == "hire":
        return [
            {"person": s.person, "label": deal.name(s.person)}
            for s in t.steps
            if isinstance(s, Hire)
        ]
    if each == "seat":
        return _seats(deal)
    if each == "right":
        kinds = {r.kind for r in deal.rights if (r.holder, r.issuer) == (acq, tgt)}
        kinds |= {
            s.right.kind
            for s in t.steps
            if isinstance(s, GrantRight) and (s.right.holder, s.right.issuer) == (acq, tgt)
        }
        return [{"kind": k, "label": k} for k in sorted(kinds)]
    types = {s.contract_type for s in t.steps if isinstance(s, Contract) and s.exclusive}
    return [{"type": k, "label": k} for k in sorted(types)]


def _seats(deal: Deal) -> list[dict[str, str]]:
    """Seats at the target the acquirer is linked to: designated by it, or held by a
    person it hires who keeps the seat."""
    t = deal.transaction
    hired = {s.person for s in t.steps if isinstance(s, Hire) and s.keeps_board_seat}
    people: dict[str, None] = {}
    for board in deal.boards:
        if board.company != t.target:
            continue
        for seat in (*board.directors, *board.observers):
            if seat.person in hired or seat.designated_by == t.acquirer:
                people[seat.person] = None
    for step in t.steps:
        if isinstance(step, AppointDirector) and step.designated_by in (None, t.acquirer):
            people[step.person] = None
    return [{"person": p, "company": t.target, "label": deal.name(p)} for p in people]


def moves(deal: Deal, lever: Lever, value: float | None = None) -> list[Move]:
    """The lever's instances on this deal (a continuous lever at ``value``)."""
    out = []
    for item in items(deal, lever.each):
        filled: dict[str, Any] = dict(item)
        base = current(deal, lever, item)
        if lever.kind == "continuous":
            if value is None or base is None:
                continue
            filled["value"] = _value(deal, lever, value)
        try:
            changes = tuple(Change.model_validate(_fill(t, filled)) for t in lever.templates())
        except ValidationError as exc:
            raise TrustbenchError(
                f"lever {lever.id!r}: its change is not a valid scenario change: "
                f"{exc.errors()[0]['msg']}",
                file=lever.file,
            ) from None
        unit = "share"
        if lever.set == "consideration":
            money = deal.transaction.value
            unit = (money.currency if money else None) or deal.case.currency
        out.append(Move(lever.id, lever.title, item["label"], changes, value, base, unit))
    return out


def current(deal: Deal, lever: Lever, item: dict[str, str]) -> float | None:
    """The value a continuous lever has in the deal as filed (None: not stated)."""
    t = deal.transaction
    if lever.set == "consideration":
        return t.value.amount if t.value is not None else None
    for s in t.steps:
        if isinstance(s, AcquireStake) and (s.holder or t.acquirer, s.issuer or t.target) == (
            item.get("holder"),
            item.get("issuer"),
        ):
            return exact(s.equity if lever.set == "equity" else s.voting)  # a bound: no base
    return None


def _value(deal: Deal, lever: Lever, value: float) -> Any:
    if lever.set == "consideration":
        money = deal.transaction.value
        return {"amount": value, "currency": money.currency if money else None}
    return value


def _fill(template: Any, values: dict[str, Any]) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, values) for k, v in template.items()}
    if isinstance(template, list):
        return [_fill(v, values) for v in template]
    if isinstance(template, str) and template.startswith("{") and template.endswith("}"):
        return values.get(template[1:-1], template)
    if isinstance(template, str):
        for name, val in values.items():
            template = template.replace("{" + name + "}", str(val))
    return template
