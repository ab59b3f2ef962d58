"""The transaction graph's edges, typed.

Each kind of edge is a frozen dataclass; the graph (:mod:`trustbench.graph.multigraph`)
stores the instances themselves and the fact modules read their fields by attribute
(``edge.equity``), filtered by type (``phase.edges(Holds, v=target)``): a field that is not
declared here cannot be written, and a misspelt one is a type error, not a silently empty
attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from trustbench.model.bounds import Range
from trustbench.model.types import Money


@dataclass(frozen=True, kw_only=True)
class Edge:
    kind_name: ClassVar[str]
    source: tuple[str, ...] = ()

    def attrs(self) -> dict[str, Any]:
        """The fields as a plain mapping, with ``type`` the kind (for stable sort keys)."""
        return {"type": self.kind_name, **vars(self)}


@dataclass(frozen=True, kw_only=True)
class Holds(Edge):
    """holder → issuer: a stake (``None``: the figure is not given; ``bounds`` then may)."""

    kind_name: ClassVar[str] = "holds"
    equity: float | None
    voting: float | None
    share_class: str
    value: Money | None = None
    bounds: dict[str, Range] | None = None
    acquired: bool = False

    def share(self, measure: str) -> float | None:
        """The ``equity`` or ``voting`` share."""
        return self.equity if measure == "equity" else self.voting

    def share_or_bound(self, measure: str) -> float | Range | None:
        """The share, or the bound the file gives instead of it (``None``: neither)."""
        share = self.share(measure)
        return share if share is not None else (self.bounds or {}).get(measure)


@dataclass(frozen=True, kw_only=True)
class Director(Edge):
    """person → company: a board seat (role director or chair)."""

    kind_name: ClassVar[str] = "director"
    role: str = "director"
    designated_by: str | None = None
    appointed: bool = False


@dataclass(frozen=True, kw_only=True)
class Observer(Edge):
    kind_name: ClassVar[str] = "observer"
    designated_by: str | None = None
    role: str = "observer"
    appointed: bool = False


@dataclass(frozen=True, kw_only=True)
class Officer(Edge):
    kind_name: ClassVar[str] = "officer"
    title: str
    board_elected: bool | None = None
    hired: bool = False


@dataclass(frozen=True, kw_only=True)
class Employee(Edge):
    kind_name: ClassVar[str] = "employee"
    title: str | None = None
    hired: bool = False


@dataclass(frozen=True, kw_only=True)
class RightEdge(Edge):
    """holder → issuer: a veto, consent, information or appointment right."""

    kind_name: ClassVar[str] = "right"
    kind: str
    matters: tuple[str, ...] = ()
    seats: int | None = None
    joint_with: tuple[str, ...] = ()
    granted: bool = False


@dataclass(frozen=True, kw_only=True)
class Supplies(Edge):
    kind_name: ClassVar[str] = "supplies"
    product: str
    value: Money | None = None
    share_of_needs: float | None = None
    confidential_data: bool | None = None
    status: str = "ongoing"


@dataclass(frozen=True, kw_only=True)
class ActiveIn(Edge):
    """entity → market node: a participant (``share`` a number, a Range or unknown)."""

    kind_name: ClassVar[str] = "active_in"
    share: float | Range | None = None
    sales: Any = None
