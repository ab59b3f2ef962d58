"""Evidence the deal file states in its own words: sourced statements that any theory of harm
can read (``evidence:``), the safeguards that answer an information concern
(``safeguards:``), and the public-interest areas of a firm's activities.

A statement is what a document says about one limb of one theory — "rivals could switch to
two other suppliers within months" is evidence *against* the ability limb of input
foreclosure. Rules never read the text; facts count the statements per theory, limb and
direction, and the finding cites their sources. The vocabularies are closed so that a typo
is an error with a did-you-mean, never a statement silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from trustbench.model.base import Base
from trustbench.model.types import PersonRef, SourceRef

EvidenceTheory = Literal[
    "horizontal",
    "closeness",
    "coordination",
    "potential-competition",
    "input-foreclosure",
    "customer-foreclosure",
    "conglomerate",
    "information",
    "entrenchment",
    "serial-acquisitions",
    "minority-stake",
    "buyer-side",
    "personnel",
]
"""The theories a statement can speak to. ``input-foreclosure`` and
``customer-foreclosure`` are the two vertical theories; the others follow the summary's
theories of harm, with the horizontal ones split where the guidelines split them."""

Limb = Literal[
    "ability",
    "incentive",
    "effect",
    "closeness",
    "entry",
    "countervailing",
    "efficiencies",
    "market-power",
]
"""The element of the theory the statement bears on: the three limbs of a foreclosure or
conglomerate theory (ability, incentive, effect), or a horizontal factor."""

Direction = Literal["supports", "against"]


class Statement(Base):
    """One sourced statement about one limb of one theory."""

    theory: EvidenceTheory
    limb: Limb
    direction: Direction = Field(description="supports the theory's limb, or tells against it")
    text: str = Field(description="what the document says, briefly, in its own terms")
    jurisdictions: list[str] | None = Field(
        None,
        description="the jurisdictions whose assessment it belongs to (an agency's finding on "
        "its own markets: ['eu']); left out, it counts everywhere",
    )
    source: SourceRef = Field(description="the document it comes from (required)")


Channel = Literal[
    "board",
    "observer",
    "shared-director",
    "officer",
    "information-rights",
    "supply-data",
    "control",
]
"""Ways competitively sensitive information can reach the acquirer: a board or observer seat
at the target, a person who is a director or officer of both, information or consultation
rights, the target's supply relationship with rivals (their data in its hands), control."""

Enforceability = Literal[
    "order",
    "consent-decree",
    "undertaking-to-agency",
    "contract",
    "internal-policy",
]
"""How a safeguard binds: an agency or court order, a consent decree, an undertaking given to
an agency, a contract with customers or rivals (enforceable by them), or an internal policy
(enforceable by no one outside the firm, so it covers nothing)."""


class Safeguard(Base):
    """A firewall, commitment or undertaking limiting the flow of information to the acquirer."""

    kind: Literal["firewall", "commitment", "undertaking", "recusal"] = "firewall"
    channels: list[Channel] = Field(min_length=1, description="the channels it closes (its scope)")
    persons: list[PersonRef] | None = Field(
        None,
        description="the persons it binds; leave out when it binds everyone on the channels "
        "it covers. A director who is also the acquirer's officer is covered only if named "
        "here (or if the list is left out)",
    )
    enforceability: Enforceability | None = None
    monitoring: bool | None = Field(
        None, description="an independent monitor or audit checks compliance"
    )
    rivals_consent: bool | None = Field(
        None, description="the rivals whose information is at stake have accepted it"
    )
    start: dt.date | None = None
    until: dt.date | None = Field(None, description="when it ends; left out: no end date")
    note: str | None = None
    source: SourceRef = None


class CommitmentTerms(Base):
    """What a behavioural commitment (a ``commitment`` event of the timeline) binds the merged
    firm to: to keep supplying rivals on non-discriminatory terms (``access``) and to close
    channels of information (``channels``, a firewall). It cures only what it covers, and
    only if it binds from outside the firm (``enforceability``)."""

    access: list[str] = Field(
        default_factory=list,
        description="the products (a supply row's `product`, usually a market id) the merged "
        "firm must keep supplying to the other side's rivals on non-discriminatory terms",
    )
    channels: list[Channel] = Field(
        default_factory=list, description="the information channels its firewall closes"
    )
    persons: list[PersonRef] | None = Field(
        None, description="the persons the firewall binds; left out, everyone on its channels"
    )
    enforceability: Enforceability | None = Field(
        None, description="how it binds (a consent order: `order`); left out, it cures nothing"
    )
    monitoring: bool | None = Field(
        None, description="a monitor or compliance officer checks compliance"
    )
    until: dt.date | None = Field(None, description="when it ends; left out: no end date")


PublicInterest = Literal[
    "national-security",
    "media-plurality",
    "financial-stability",
    "public-health-emergency",
]
"""The considerations of s. 58 of the Enterprise Act 2002 a firm's activities may touch:
national security (s. 58(1)); newspapers and broadcasting (s. 58(2A)–(2C)); the stability of
the UK financial system (s. 58(2D)); the capability to combat public health emergencies
(s. 58(2E))."""
