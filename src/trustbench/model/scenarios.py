"""Scenarios: named variants of a deal, each a small patch on the base deal.

A scenario is a list of *changes*, each one key naming what it changes::

    scenarios:
      - name: below-25
        description: Meta keeps its stake below 25 % and Wang leaves Scale's board
        changes:
          - stake: {equity: 24.9%}
          - remove_seat: {person: alexandr-wang}

The safe-harbour finder (``trustbench whatif``) proposes its options in the same
vocabulary, so every option it prints can be pasted into the deal file as a scenario.
A change that names something the deal does not have is an error with file:line and
did-you-mean (:func:`check_scenarios`); :func:`apply_changes` never modifies the deal it is
given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trustbench.model.types import Id, MoneyField, Share, SourceRef

Locate = Callable[[tuple[str | int, ...]], tuple[str, int, int]]


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)


class StakeChange(_Base):
    """Set the equity and/or votes an ``acquire_stake`` step gives (as the file states
    them: the increment, or the whole holding where the step says ``holding_after``)."""

    holder: Id | None = Field(None, description="defaults to the acquirer")
    issuer: Id | None = Field(None, description="defaults to the target")
    equity: Share | None = None
    voting: Share | None = None


class HoldingChange(_Base):
    """Set the equity and/or votes of a holding held before the deal."""

    holder: Id
    issuer: Id
    equity: Share | None = None
    voting: Share | None = None


class SeatChange(_Base):
    person: Id
    company: Id | None = Field(None, description="defaults to the target")
    designated_by: Id | None = Field(None, description="defaults to the acquirer")
    role: str = Field("director", pattern="^(director|chair|observer)$")


class RemoveSeat(_Base):
    """Remove a person's board seat or observer seat at a company (before and after the
    deal: the seat is given up as part of the deal)."""

    person: Id
    company: Id | None = Field(None, description="defaults to the target")


class RightChange(_Base):
    """Add a right the deal grants (a ``grant_right`` step)."""

    kind: str = Field(
        pattern="^(veto|consent|information|board_appointment|consultation|exclusivity|"
        "first_refusal)$"
    )
    holder: Id | None = Field(None, description="defaults to the acquirer")
    issuer: Id | None = Field(None, description="defaults to the target")
    matters: list[str] = Field(default_factory=list)
    seats: int | None = Field(None, ge=0)


class RemoveRight(_Base):
    """Remove every right of ``kind`` the holder has in the issuer (held or granted)."""

    kind: str
    holder: Id | None = Field(None, description="defaults to the acquirer")
    issuer: Id | None = Field(None, description="defaults to the target")


class ClearRights(_Base):
    """The holder takes no rights at all in the issuer (the file then states the rights
    section as complete)."""

    holder: Id | None = Field(None, description="defaults to the acquirer")
    issuer: Id | None = Field(None, description="defaults to the target")


class Safeguard(_Base):
    """Add a safeguard the deal puts in place (a ``contract`` step)."""

    type: str = Field("firewall", pattern="^(firewall|commitment)$")
    text: str
    parties: list[Id] = Field(default_factory=list, description="default: acquirer and target")


class DropHire(_Base):
    """The person is not hired (their ``hire`` steps are removed)."""

    person: Id


class Exclusivity(_Base):
    """Make the deal's licences or contracts with these parties non-exclusive (or
    exclusive)."""

    exclusive: bool
    type: str | None = Field(None, description="only contracts of this type, e.g. licence")


class Divest(_Base):
    """A divestiture: the holder sells ``equity`` of its holding in the issuer."""

    holder: Id
    issuer: Id
    equity: Share


class Change(_Base):
    """One change of a scenario; exactly one key."""

    stake: StakeChange | None = None
    holding: HoldingChange | None = None
    add_seat: SeatChange | None = None
    remove_seat: RemoveSeat | None = None
    add_right: RightChange | None = None
    remove_right: RemoveRight | None = None
    clear_rights: ClearRights | None = None
    add_safeguard: Safeguard | None = None
    drop_hire: DropHire | None = None
    exclusivity: Exclusivity | None = None
    consideration: MoneyField | None = None
    closing: dt.date | None = None
    divest: Divest | None = None

    @model_validator(mode="after")
    def _one_key(self) -> Change:
        given = [k for k in type(self).model_fields if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "a change names exactly one thing to change, got "
                + (", ".join(given) if given else "none")
            )
        return self

    @property
    def op(self) -> str:
        return next(k for k in type(self).model_fields if getattr(self, k) is not None)

    @property
    def arg(self) -> Any:
        return getattr(self, self.op)

    @cached_property
    def key_text(self) -> str:
        return json.dumps(self.plain(), sort_keys=True)

    def key(self) -> str:
        """A canonical text of the change (cache keys, deduplication, JSON)."""
        return self.key_text

    def plain(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True, by_alias=True)


class Scenario(_Base):
    """A named variant of the deal: a small patch on the base."""

    name: Id
    description: str
    changes: list[Change] = Field(min_length=1)
    source: SourceRef = None


def find_scenario(scenarios: Sequence[Scenario], name: str) -> Scenario | None:
    return next((s for s in scenarios if s.name == name), None)


def scenarios_json(scenarios: Sequence[Scenario]) -> dict[str, Any]:
    """The additive ``scenarios`` key of the JSON result (absent when the file has none)."""
    if not scenarios:
        return {}
    return {
        "scenarios": [
            {
                "name": s.name,
                "description": s.description,
                "changes": [c.plain() for c in s.changes],
            }
            for s in scenarios
        ]
    }
