"""Evidence of how closely the parties compete in one market (Guideline 2 of the 2023 Merger
Guidelines; the 2010 Horizontal Merger Guidelines § 6.1 for diversion and margins).

All of it is optional, each item with its source: diversion ratios between the parties, their
margins and prices (from which the facts compute the GUPPI of each party's product), what
win/loss or bidding data show, and ordinary-course documents in which one party names the
other as a competitor. A field left out is unknown, never "not close".
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from trustbench.model.base import Base
from trustbench.model.types import BoundedShare, EntityRef, SourceRef


class Diversion(Base):
    """The share of the sales one party would lose on a price rise that go to the other."""

    acquirer_to_target: BoundedShare = Field(
        None, description="of the acquirer's lost sales, the share won by the target"
    )
    target_to_acquirer: BoundedShare = Field(
        None, description="of the target's lost sales, the share won by the acquirer"
    )
    source: SourceRef = None


class PartyEconomics(Base):
    """One party's margin and price in the market (prices in any one unit for both)."""

    margin: BoundedShare = Field(
        None, description="price-cost margin, (price − incremental cost) / price"
    )
    price: float | None = Field(None, gt=0, description="average price, same unit for both")
    source: SourceRef = None


class Document(Base):
    """An ordinary-course document of a party that speaks of the other as a rival."""

    by: EntityRef = Field(description="whose document it is")
    date: dt.date | None = None
    statement: str = Field(description="what it says, quoted or summarised")
    source: SourceRef = None


class Closeness(Base):
    """How closely the parties compete in the market."""

    diversion: Diversion | None = None
    acquirer: PartyEconomics | None = None
    target: PartyEconomics | None = None
    head_to_head: bool | None = Field(
        None,
        description="win/loss or bidding data show the parties competing head to head (each "
        "a frequent or the main rival of the other); false: they rarely meet",
    )
    documents: list[Document] | None = Field(
        None, description="ordinary-course documents naming the other party as a rival"
    )
    source: SourceRef = None
