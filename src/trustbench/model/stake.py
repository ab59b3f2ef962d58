"""A stake: equity, votes and share class, shared by holdings and acquisitions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from trustbench.model.base import Base

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
