"""The transaction: its steps (stakes, assets, directors, hires, rights, contracts)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from trustbench.model.base import Base
from trustbench.model.rights import Right
from trustbench.model.stake import Stake
from trustbench.model.types import (
    BoundedMoney,
    BoundedShare,
    EntityRef,
    MoneyField,
    PersonRef,
    SourceRef,
)


class StepBase(Base):
    date: dt.date | None = None
    note: str | None = None
    source: SourceRef = None


class AcquireStake(StepBase, Stake):
    kind: Literal["acquire_stake"]
    holder: EntityRef | None = Field(None, description="defaults to the acquirer")
    issuer: EntityRef | None = Field(None, description="defaults to the target")
    equity: BoundedShare = Field(None, description="a share, or a bound ('at most 10 %')")
    voting: BoundedShare = Field(None, description="a share, or a bound ('60-70%')")
    value: BoundedMoney | None = Field(
        None, description="the consideration, or a bound ('> USD 66m')"
    )
    holding_value: BoundedMoney | None = Field(
        None,
        description="value of the holder's whole holding of the issuer after this step "
        "(what HSR's size-of-transaction test measures), or a bound",
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
    country: str | None = Field(
        None, description="where the assets are located (US, or another country): 16 CFR 802.50"
    )
    us_sales: BoundedMoney | None = Field(
        None,
        description="sales in or into the US the assets generated in the seller's most recent "
        'fiscal year (16 CFR 802.50); a bound where only that is known ("< USD 10m")',
    )

    def __str__(self) -> str:
        """A sentence for listings that have no wording of their own for asset steps."""
        kinds = [ASSET_WORDS[k] for k in self.assets]
        what = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
        seller = f" from {self.seller}" if self.seller else " from the target"
        value = f" for {self.value.text()}" if self.value else ""
        return f"Acquisition of assets ({what}){seller}{value}."


ASSET_WORDS = {
    "business_line": "a business line",
    "ip": "intellectual property",
    "staff": "staff",
    "customer_contracts": "customer contracts",
    "other": "other assets",
}


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
    value: MoneyField | None = Field(
        None, description="what the acquirer pays under the contract (e.g. a licence fee)"
    )
    text: str


Step = Annotated[
    AcquireStake | AcquireAssets | AppointDirector | Hire | GrantRight | Contract,
    Field(discriminator="kind"),
]


class InvestorConduct(Base):
    """What the acquirer does or intends towards the issuer beyond holding its shares. Each
    item is conduct the FTC's 1978 Statement of Basis and Purpose treats as inconsistent with
    holding voting securities "solely for the purpose of investment" (16 CFR 801.1(i)(1),
    802.9; 43 FR 33450, 33465). An item left out is unknown."""

    board_candidate: bool | None = Field(
        None, description="nominates a candidate for the issuer's board, or seeks a seat on it"
    )
    shareholder_proposal: bool | None = Field(
        None, description="proposes corporate action that requires the shareholders' approval"
    )
    proxy_solicitation: bool | None = Field(
        None, description="solicits proxies to vote the issuer's shares"
    )
    influence_sought: bool | None = Field(
        None,
        description="intends to take part in the issuer's basic business decisions — plans to "
        "influence them, presses management on strategy or a merger (16 CFR 801.1(i)(1))",
    )
    source: SourceRef = None


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
    activity_continues: bool | None = Field(
        None,
        description="the people and assets that move to the acquirer let it carry on an "
        "activity the target carried on (CMA2 'enterprise'; EUMR business with a market "
        "presence); leave out to have it read from what moves",
    )
    investor_conduct: InvestorConduct | None = Field(
        None,
        description="the acquirer's conduct towards the issuer (board nominations, "
        "shareholder proposals, proxy solicitation): decides whether its purpose is solely "
        "investment, whatever it states",
    )
    steps: list[Step] = Field(default_factory=list)
    source: SourceRef = None
