"""The base of every deal-file model: unknown keys, NaN and infinity are refused."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Base(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, allow_inf_nan=False, defer_build=True
    )
