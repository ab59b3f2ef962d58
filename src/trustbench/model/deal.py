"""Pydantic models of the deal file. These models *are* the schema (`trustbench schema deal`).

Conventions: every section forbids unknown keys; amounts are :class:`Money`; shares are
floats in [0, 1] (``"49%"`` accepted); any fact may name the ``source`` it comes from.
A field left out is unknown, never zero.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from trustbench.model.base import Base
from trustbench.model.market import Market, Participant

__all__ = ["Deal", "Market", "Participant"]
from trustbench.model.timeline import Event
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
    amount: BoundedMoney = Field(description="an amount, or a bound such as '< GBP 70m'")
    fiscal_year: int | None = None
    consolidated: bool | None = Field(
        None, description="the figure already includes the entities this one controls"
    )
    source: SourceRef = None


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
    note: str | None = None
    source: SourceRef = None


ShareClass = Literal["voting", "non-voting", "convertible", "unknown"]


class Stake(Base):
    """Equity and votes of a stake. Voting stock votes in proportion to equity unless
    ``voting`` says otherwise; non-voting and convertible stock carry no present vote."""

    share_class: ShareClass = Field("voting", alias="class")

    @model_validator(mode="after")
    def _default_votes(self) -> Stake:
        equity, voting = getattr(self, "equity", None), getattr(self, "voting", None)
        if voting is None:
            if self.share_class in ("non-voting", "convertible"):
                setattr(self, "voting", 0.0)  # noqa: B010  (declared by the subclasses)
            elif equity is not None:
                setattr(self, "voting", equity)  # noqa: B010
        return self


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


RightKind = Literal[
    "veto",
    "consent",
    "information",
    "board_appointment",
    "consultation",
    "exclusivity",
    "first_refusal",
    "membership",
    "sole_member",
    "trustee_appointment",
]


class Right(Base):
    """A veto, consent, information, board-appointment or exclusivity right. For bodies
    without shares: ``trustee_appointment`` (``seats`` trustees), ``sole_member`` (the only
    member of a non-profit, who elects its whole board) and ``membership`` (one member
    among several)."""

    holder: EntityRef
    issuer: EntityRef
    kind: RightKind
    matters: list[str] = Field(
        default_factory=list,
        description="e.g. budget, business_plan, senior_management, major_investments",
    )
    seats: int | None = Field(None, ge=0, description="seats the holder may appoint")
    joint_with: list[EntityRef] = Field(
        default_factory=list, description="others who hold the right only together with holder"
    )
    note: str | None = None
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
    note: str | None = None
    source: SourceRef = None


class StepBase(Base):
    date: dt.date | None = None
    note: str | None = None
    source: SourceRef = None


class AcquireStake(StepBase, Stake):
    kind: Literal["acquire_stake"]
    holder: EntityRef | None = Field(None, description="defaults to the acquirer")
    issuer: EntityRef | None = Field(None, description="defaults to the target")
    equity: Share | None = None
    voting: Share | None = None
    value: MoneyField | None = None
    holding_value: MoneyField | None = Field(
        None,
        description="value of the holder's whole holding of the issuer after this step "
        "(what HSR's size-of-transaction test measures)",
    )
    seller: EntityRef | None = None
    holding_after: bool = Field(
        False,
        description="equity and voting give the holder's whole direct holding after this "
        "step (replacing what it held before), not the increment",
    )


AssetKind = Literal["business_line", "ip", "staff", "customer_contracts", "other"]


class AcquireAssets(StepBase):
    """An acquisition of assets rather than shares: a business line, IP, staff, customer
    contracts (EUMR Art. 3(1)(b); GWB § 37(1) no. 1; 16 CFR 801.2(a) assets)."""

    kind: Literal["acquire_assets"]
    buyer: EntityRef | None = Field(None, description="defaults to the acquirer")
    seller: EntityRef | None = Field(None, description="defaults to the target")
    assets: list[AssetKind] = Field(min_length=1, description="what is acquired")
    description: str | None = None
    value: MoneyField | None = None
    whole_business: bool | None = Field(
        None, description="the assets form a business with a market presence of its own"
    )


class AppointDirector(StepBase):
    kind: Literal["appoint_director"]
    person: PersonRef
    company: EntityRef | None = Field(None, description="defaults to the target")
    designated_by: EntityRef | None = None
    role: Literal["director", "chair", "observer"] = "director"


class Hire(StepBase):
    kind: Literal["hire"]
    person: PersonRef
    by: EntityRef | None = Field(None, description="defaults to the acquirer")
    from_: EntityRef | None = Field(None, alias="from", description="defaults to the target")
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
    parties: list[EntityRef] = Field(default_factory=list)
    contract_type: Literal["licence", "supply", "commitment", "firewall", "other"] = Field(
        "other", alias="type"
    )
    exclusive: bool | None = None
    text: str


Step = Annotated[
    AcquireStake | AcquireAssets | AppointDirector | Hire | GrantRight | Contract,
    Field(discriminator="kind"),
]


class Transaction(Base):
    acquirer: EntityRef
    target: EntityRef
    other_targets: list[EntityRef] = Field(
        default_factory=list, description="further targets acquired in the same deal"
    )
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
