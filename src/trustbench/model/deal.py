"""Pydantic models of the deal file. These models *are* the schema (`trustbench schema deal`).

Conventions: every section forbids unknown keys; amounts are :class:`Money`; shares are
floats in [0, 1] (``"49%"`` accepted); any fact may name the ``source`` it comes from.
A field left out is unknown, never zero. The sections live in their own modules (market,
rights, stake, timeline, transaction); this module re-exports their models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from trustbench.model.base import Base
from trustbench.model.evidence import PublicInterest, Safeguard, Statement
from trustbench.model.market import Market, Participant
from trustbench.model.rights import Right, RightKind
from trustbench.model.scenarios import Scenario
from trustbench.model.stake import ShareClass, Stake
from trustbench.model.timeline import Event
from trustbench.model.transaction import (
    AcquireAssets,
    AcquireStake,
    AppointDirector,
    Contract,
    GrantRight,
    Hire,
    Step,
    StepBase,
    Transaction,
)
from trustbench.model.types import (
    BoundedCount,
    BoundedMoney,
    BoundedShare,
    Currency,
    EntityRef,
    Id,
    MoneyField,
    PersonRef,
    Share,
    SourceRef,
)


class Case(Base):
    """What is being screened, as of which date, where."""

    id: Id
    title: str
    as_of: dt.date = Field(description="date whose thresholds apply (usually closing)")
    jurisdictions: list[str] = Field(default_factory=lambda: ["us"], min_length=1)
    currency: Currency = Field("USD", description="currency of amounts written as bare numbers")
    summary: str | None = Field(None, description="the deal as it stood on the as_of date")
    later: str | None = Field(
        None,
        description="what happened after the as_of date (clearance, closing, abandonment): "
        "printed only under the memo's Later developments, never relied on",
    )
    prepared_for: str | None = None


class Source(Base):
    """A document facts come from; the memo footnotes it."""

    id: Id
    title: str
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None
    note: str | None = None


class Figure(Base):
    """A revenue or asset figure for one geography and fiscal year."""

    geography: str = Field(
        "worldwide",
        description="'worldwide' or a code: US, EU, UK, DE, ...; each EU Member State's code "
        "(FR, IT, ...; Greece GR or EL) gives the turnover there (EUMR Art. 1(3))",
    )
    amount: BoundedMoney = Field(description="an amount, or a bound such as '< GBP 70m'")
    fiscal_year: int | None = None
    consolidated: bool | None = Field(
        None, description="the figure already includes the entities this one controls"
    )
    source: SourceRef = None

    @field_validator("geography")
    @classmethod
    def _code(cls, value: str) -> str:
        text = value.strip()
        if text.lower() in ("worldwide", "world") or (
            text.isascii() and text.isalpha() and 2 <= len(text) <= 3
        ):
            return text
        raise PydanticCustomError(
            "geography",
            f"expected 'worldwide' or a country or region code, got {value!r}",
            {"hint": "write a code such as FR, DE, EU, EEA, UK or US (a State's ISO code)"},
        )


class Activity(Base):
    """Evidence of activity in a geography (e.g. GWB §35(1a) 'substantial domestic
    activity', UK nexus): users, customers, staff or sites there."""

    geography: str
    users: BoundedCount = None
    customers: BoundedCount = None
    employees: BoundedCount = None
    sites: list[str] = Field(default_factory=list, description="e.g. R&D centre, office")
    note: str | None = None
    source: SourceRef = None


EntityKind = Literal[
    "company",
    "fund",
    "partnership",
    "person",
    "government",
    "non-profit",
    "trust",
    "association",
    "other",
]


class Entity(Base):
    """A company, fund, partnership or person."""

    id: Id
    name: str
    short: str | None = Field(None, description="the short name findings use, e.g. 'Meta'")
    kind: EntityKind = "company"
    country: str | None = None
    revenues: list[Figure] = Field(default_factory=list, description="net sales / turnover")
    intra_group_revenues: list[Figure] = Field(
        default_factory=list,
        description="sales to other members of the same group, deducted when group turnover "
        "is aggregated",
    )
    assets: list[Figure] = Field(default_factory=list, description="total assets")
    activity: list[Activity] = Field(default_factory=list)
    attendance: Share | None = Field(
        None, description="share of votes typically cast at general meetings (de facto control)"
    )
    digital: bool | None = Field(
        None,
        description="provides core platform or other digital services, or enables data "
        "collection (DMA Art. 14)",
    )
    capital: MoneyField | None = Field(
        None, description="capital, surplus and undivided profits (Clayton Act §8)"
    )
    employees: int | None = Field(None, ge=0)
    manufacturer: bool | None = Field(None, description="engaged in manufacturing (HSR)")
    gatekeeper: bool | None = Field(None, description="designated DMA gatekeeper")
    listed: bool | None = None
    shares_outstanding: int | None = Field(
        None, ge=1, description="shares in issue; holdings may then be given as share counts"
    )
    public_interest: list[PublicInterest] | None = Field(
        None,
        description="the public-interest considerations (Enterprise Act 2002 s. 58) its "
        "activities touch; [] states that they touch none",
    )
    note: str | None = None
    source: SourceRef = None


class Holding(Stake):
    """An interest held before the deal: a share (``0.49``, ``"49%"``), a bound (``"at most
    7 %"``) or a count of ``shares`` of an issuer whose ``shares_outstanding`` is given."""

    holder: EntityRef
    issuer: EntityRef
    equity: BoundedShare = None
    voting: BoundedShare = None
    shares: int | None = Field(None, ge=0, description="number of shares held")
    value: MoneyField | None = None
    acquired: dt.date | None = None
    note: str | None = None
    source: SourceRef = None


class Seat(Base):
    person: PersonRef
    designated_by: EntityRef | None = Field(
        None, description="who designated or nominated the person"
    )
    role: Literal["director", "chair", "observer"] = "director"
    source: SourceRef = None


class Officer(Base):
    person: PersonRef
    title: str
    board_elected: bool | None = Field(
        None, description="elected or chosen by the board (Clayton §8 'officer')"
    )
    source: SourceRef = None


class Board(Base):
    """A company's board seats, observers and officers before the deal."""

    company: EntityRef
    size: int | None = Field(None, ge=0, description="number of board seats")
    partial: bool = Field(
        False, description="the seats listed are not all of them: an unlisted seat is unknown"
    )
    directors: list[Seat] = Field(default_factory=list)
    observers: list[Seat] = Field(default_factory=list)
    officers: list[Officer] = Field(default_factory=list)
    source: SourceRef = None


class Supply(Base):
    """Who supplies what to whom, and how much the customer depends on it."""

    supplier: EntityRef
    customer: EntityRef
    product: str = Field(description="a market id or a description of the product")
    value: MoneyField | None = None
    share_of_needs: Share | None = Field(None, description="share of the customer's needs")
    confidential_data: bool | None = Field(
        None, description="the customer entrusts confidential data, models or prototypes"
    )
    status: Literal["ongoing", "reduced", "paused", "ended"] = "ongoing"
    must_have: bool | None = Field(
        None, description="the customer cannot compete without this product (no real substitute)"
    )
    alternatives: int | None = Field(
        None, ge=0, description="other suppliers the customer could turn to for it"
    )
    switching: Literal["easy", "costly", "slow", "not-possible"] | None = Field(
        None, description="how readily the customer could switch to another supplier"
    )
    significant_customer: bool | None = Field(
        None,
        description="the customer is one the supplier cannot do without (customer foreclosure)",
    )
    share_of_sales: Share | None = Field(
        None, description="share of the supplier's sales of the product that this customer buys"
    )
    margin_lost: MoneyField | None = Field(
        None, description="profit the supplier's side would forgo by cutting this customer off"
    )
    margin_gained: MoneyField | None = Field(
        None, description="profit the merged firm would gain downstream by cutting it off"
    )
    access_assured: bool | None = Field(
        None,
        description="the supplier is bound from outside the firm (an order, consent decree, "
        "undertaking or contract with the customer) to keep supplying this customer on "
        "non-discriminatory terms, so it cannot withhold or degrade the product",
    )
    note: str | None = None
    source: SourceRef = None


class PriorAcquisition(Base):
    """An earlier acquisition or investment by a party (serial acquisitions, MG 2023 §2.8)."""

    acquirer: EntityRef
    target: str = Field(description="an entity id or the name of the firm acquired")
    date: dt.date | None = None
    description: str | None = None
    equity: Share | None = None
    value: MoneyField | None = None
    market: str | None = Field(None, description="market id or description of the space")
    source: SourceRef = None


class FxRate(Base):
    """1 unit of ``from`` = ``rate`` units of ``to``, as published on ``date``."""

    from_: Currency = Field(alias="from")
    to: Currency
    rate: float = Field(gt=0)
    date: dt.date
    source: SourceRef = None


class Waiver(Base):
    rule: str
    reason: str
    by: str | None = None


PartialSection = Literal["holdings", "rights", "supply", "prior_acquisitions", "timeline"]


__all__ = [
    "AcquireAssets",
    "AcquireStake",
    "AppointDirector",
    "Contract",
    "Deal",
    "GrantRight",
    "Hire",
    "Market",
    "Participant",
    "Right",
    "RightKind",
    "ShareClass",
    "Stake",
    "Step",
    "StepBase",
    "Transaction",
]


class Deal(Base):
    """A deal file."""

    case: Case
    sources: list[Source] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    holdings: list[Holding] = Field(default_factory=list)
    boards: list[Board] = Field(default_factory=list)
    rights: list[Right] = Field(default_factory=list)
    markets: list[Market] = Field(default_factory=list)
    supply: list[Supply] = Field(default_factory=list)
    transaction: Transaction
    prior_acquisitions: list[PriorAcquisition] = Field(default_factory=list)
    fx: list[FxRate] = Field(default_factory=list)
    timeline: list[Event] = Field(
        default_factory=list, description="dated events: filings, clearances, closing, ..."
    )
    partial: list[PartialSection] = Field(
        default_factory=list,
        description="sections whose lists are not complete: what they leave out is unknown",
    )
    waivers: list[Waiver] = Field(default_factory=list)
    evidence: list[Statement] = Field(
        default_factory=list,
        description="sourced statements on a limb of a theory of harm, for or against it",
    )
    safeguards: list[Safeguard] = Field(
        default_factory=list,
        description="firewalls and commitments limiting the acquirer's access to information",
    )
    scenarios: list[Scenario] = Field(
        default_factory=list, description="named variants of the deal, each a patch on the base"
    )
    _origin: Any = PrivateAttr(default=None)  # the Document it was read from (for locations)
    _index: dict[str, Entity] | None = PrivateAttr(default=None)

    def locate(self, loc: tuple[str | int, ...]) -> tuple[str, int, int]:
        """File, line and column of a value of this deal (for errors found later)."""
        if self._origin is None:
            return "<deal>", 0, 0
        line, column = self._origin.locate(loc)
        return self._origin.path, line, column

    def entity(self, entity_id: str) -> Entity:
        index = self._index
        if index is None or len(index) != len(self.entities):
            index = self._index = {item.id: item for item in self.entities}
        return index[entity_id]

    def name(self, entity_id: str) -> str:
        """The short name if the file gives one (as a memo defines "Meta"), else the name."""
        try:
            entity = self.entity(entity_id)
        except KeyError:
            return entity_id
        return entity.short or entity.name

    def full_name(self, entity_id: str) -> str:
        try:
            return self.entity(entity_id).name
        except KeyError:
            return entity_id
