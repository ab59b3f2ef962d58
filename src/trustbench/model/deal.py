"""Pydantic models of the deal file. These models *are* the schema (`trustbench schema deal`).

Conventions: every section forbids unknown keys; amounts are :class:`Money`; shares are
floats in [0, 1] (``"49%"`` accepted); any fact may name the ``source`` it comes from.
A field left out is unknown, never zero.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from trustbench.model.scenarios import Scenario
from trustbench.model.types import Currency, Id, MoneyField, Share, SourceRef


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Case(Base):
    """What is being screened, as of which date, where."""

    id: Id
    title: str
    as_of: dt.date = Field(description="date whose thresholds apply (usually closing)")
    jurisdictions: list[str] = Field(default_factory=lambda: ["us"], min_length=1)
    currency: Currency = Field("USD", description="currency of amounts written as bare numbers")
    summary: str | None = None
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

    geography: str = Field("worldwide", description="'worldwide' or a code: US, EU, UK, DE, ...")
    amount: MoneyField
    fiscal_year: int | None = None
    consolidated: bool | None = Field(
        None, description="the figure already includes the entities this one controls"
    )
    source: SourceRef = None


class Activity(Base):
    """Evidence of activity in a geography (e.g. GWB §35(1a) 'substantial domestic
    activity', UK nexus): users, customers, staff or sites there."""

    geography: str
    users: int | None = Field(None, ge=0)
    customers: int | None = Field(None, ge=0)
    employees: int | None = Field(None, ge=0)
    sites: list[str] = Field(default_factory=list, description="e.g. R&D centre, office")
    note: str | None = None
    source: SourceRef = None


EntityKind = Literal["company", "fund", "partnership", "person", "government", "other"]


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
    note: str | None = None
    source: SourceRef = None


ShareClass = Literal["voting", "non-voting", "convertible", "unknown"]


class Holding(Base):
    """An interest held before the deal. Voting stock votes in proportion to equity unless
    ``voting`` says otherwise; non-voting and convertible stock carry no present vote."""

    holder: Id
    issuer: Id
    equity: Share | None = None
    voting: Share | None = None
    share_class: ShareClass = Field("voting", alias="class")
    value: MoneyField | None = None
    acquired: dt.date | None = None
    note: str | None = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _default_votes(self) -> Holding:
        if self.voting is None:
            if self.share_class in ("non-voting", "convertible"):
                self.voting = 0.0
            elif self.equity is not None:
                self.voting = self.equity
        return self


class Seat(Base):
    person: Id
    designated_by: Id | None = Field(None, description="who designated or nominated the person")
    role: Literal["director", "chair", "observer"] = "director"
    source: SourceRef = None


class Officer(Base):
    person: Id
    title: str
    board_elected: bool | None = Field(
        None, description="elected or chosen by the board (Clayton §8 'officer')"
    )
    source: SourceRef = None


class Board(Base):
    """A company's board seats, observers and officers before the deal."""

    company: Id
    size: int | None = Field(None, ge=0, description="number of board seats")
    directors: list[Seat] = Field(default_factory=list)
    observers: list[Seat] = Field(default_factory=list)
    officers: list[Officer] = Field(default_factory=list)
    source: SourceRef = None


RightKind = Literal[
    "veto",
    "consent",
    "information",
    "board_appointment",
    "consultation",
    "exclusivity",
    "first_refusal",
]


class Right(Base):
    """A veto, consent, information, board-appointment or exclusivity right."""

    holder: Id
    issuer: Id
    kind: RightKind
    matters: list[str] = Field(
        default_factory=list,
        description="e.g. budget, business_plan, senior_management, major_investments",
    )
    seats: int | None = Field(None, ge=0, description="seats the holder may appoint")
    joint_with: list[Id] = Field(
        default_factory=list, description="others who hold the right only together with holder"
    )
    note: str | None = None
    source: SourceRef = None


class Participant(Base):
    entity: Id
    share: Share | None = None
    sales: MoneyField | None = Field(None, description="sales in this market (competitive sales)")
    source: SourceRef = None


class Market(Base):
    """A relevant market (product or input, geography) and who is active in it."""

    id: Id
    name: str
    kind: Literal["product", "input"] = "product"
    geography: str = "worldwide"
    participants: list[Participant] = Field(default_factory=list)
    fringe: Share | None = Field(
        None, description="share held by firms too small to list (each adds ~0 to HHI)"
    )
    note: str | None = None
    source: SourceRef = None


class Supply(Base):
    """Who supplies what to whom, and how much the customer depends on it."""

    supplier: Id
    customer: Id
    product: str = Field(description="a market id or a description of the product")
    value: MoneyField | None = None
    share_of_needs: Share | None = Field(None, description="share of the customer's needs")
    confidential_data: bool | None = Field(
        None, description="the customer entrusts confidential data, models or prototypes"
    )
    status: Literal["ongoing", "reduced", "paused", "ended"] = "ongoing"
    note: str | None = None
    source: SourceRef = None


class StepBase(Base):
    date: dt.date | None = None
    note: str | None = None
    source: SourceRef = None


class AcquireStake(StepBase):
    kind: Literal["acquire_stake"]
    holder: Id | None = Field(None, description="defaults to the acquirer")
    issuer: Id | None = Field(None, description="defaults to the target")
    equity: Share | None = None
    voting: Share | None = None
    share_class: ShareClass = Field("voting", alias="class")
    value: MoneyField | None = None
    seller: Id | None = None
    holding_after: bool = Field(
        False,
        description="equity and voting give the holder's whole direct holding after this "
        "step (replacing what it held before), not the increment",
    )

    @model_validator(mode="after")
    def _default_votes(self) -> AcquireStake:
        if self.voting is None:
            if self.share_class in ("non-voting", "convertible"):
                self.voting = 0.0
            elif self.equity is not None:
                self.voting = self.equity
        return self


class AppointDirector(StepBase):
    kind: Literal["appoint_director"]
    person: Id
    company: Id | None = Field(None, description="defaults to the target")
    designated_by: Id | None = None
    role: Literal["director", "chair", "observer"] = "director"


class Hire(StepBase):
    kind: Literal["hire"]
    person: Id
    by: Id | None = Field(None, description="defaults to the acquirer")
    from_: Id | None = Field(None, alias="from", description="defaults to the target")
    title: str | None = None
    officer: bool = Field(True, description="the person becomes an officer of `by`")
    board_elected: bool | None = Field(
        None, description="the officer post is elected or chosen by the board (Clayton §8)"
    )
    leaves_roles: bool = Field(True, description="gives up officer roles at `from`")
    keeps_board_seat: bool = Field(True, description="keeps any board seat at `from`")
    key: bool = Field(True, description="a key person (founder, executive, core researcher)")
    count: int = Field(1, ge=1, description="number of people this step moves")


class GrantRight(StepBase):
    kind: Literal["grant_right"]
    right: Right


class Contract(StepBase):
    kind: Literal["contract"]
    parties: list[Id] = Field(default_factory=list)
    contract_type: Literal["licence", "supply", "commitment", "firewall", "other"] = Field(
        "other", alias="type"
    )
    exclusive: bool | None = None
    text: str


Step = Annotated[
    AcquireStake | AppointDirector | Hire | GrantRight | Contract, Field(discriminator="kind")
]


class Transaction(Base):
    acquirer: Id
    target: Id
    announced: dt.date | None = None
    signing: dt.date | None = None
    closing: dt.date | None = None
    filing: dt.date | None = None
    value: MoneyField | None = Field(None, description="total consideration")
    consideration: str | None = None
    note: str | None = None
    investment_only: bool | None = Field(
        None, description="acquirer states the stake is held solely for investment"
    )
    steps: list[Step] = Field(default_factory=list)
    source: SourceRef = None


class PriorAcquisition(Base):
    """An earlier acquisition or investment by a party (serial acquisitions, MG 2023 §2.8)."""

    acquirer: Id
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
    waivers: list[Waiver] = Field(default_factory=list)
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
