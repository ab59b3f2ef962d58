"""Value types of the deal file: amounts of money and shares, written as lawyers write them."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

_SCALE = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_SYMBOL = {"$": "USD", "€": "EUR", "£": "GBP", "US$": "USD"}
_MONEY = re.compile(
    r"^\s*(?:(?P<cur1>[A-Z]{3}|US\$|\$|€|£)\s*)?"
    r"(?P<num>[-+]?\d[\d,_]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*"
    r"(?P<scale>k|m|mn|mio|bn|b|tn|thousand|million|billion|trillion)?\.?\s*"
    r"(?P<cur2>[A-Z]{3})?\s*$",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class Money(BaseModel):
    """An amount in a currency. ``currency`` may be left to the case's default currency."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: float
    currency: str | None = None

    def text(self, default: str = "USD") -> str:
        return format_money(self.amount, self.currency or default)


def format_money(amount: float, currency: str) -> str:
    """``USD 14.3bn``-style text, the way the memo and findings print amounts."""
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    for factor, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if value >= factor:
            scaled = value / factor
            digits = f"{scaled:,.2f}".rstrip("0").rstrip(".")
            return f"{currency} {sign}{digits}{suffix}"
    return f"{currency} {sign}{value:,.0f}"


def parse_money(value: Any) -> Any:
    if isinstance(value, Money | dict):
        return value
    if isinstance(value, bool):
        raise PydanticCustomError("money", "expected an amount of money, got a yes/no value")
    if isinstance(value, int | float):
        return {"amount": float(value), "currency": None}
    if isinstance(value, str):
        match = _MONEY.match(value)
        if match:
            cur1, cur2 = match.group("cur1"), match.group("cur2")
            if cur1 and cur2:
                match = None
            else:
                currency = cur1 or cur2
                currency = _SYMBOL.get(currency, currency.upper()) if currency else None
                number = float(match.group("num").replace(",", "").replace("_", ""))
                scale = _SCALE[(match.group("scale") or "").lower()]
                return {"amount": number * scale, "currency": currency}
    raise PydanticCustomError(
        "money",
        "expected an amount such as 'USD 14.3bn', 'EUR 250m' or a number, got {value!r}",
        {"value": value, "hint": "write the currency code and the amount, e.g. USD 14.3bn"},
    )


def parse_share(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("share", "expected a share between 0 and 1, got a yes/no value")
    if isinstance(value, str):
        text = value.strip()
        if text.endswith("%"):
            try:
                number = float(text[:-1].strip().replace(",", "."))
            except ValueError:
                number = None
            if number is not None and 0 <= number <= 100:
                return number / 100
            raise PydanticCustomError(
                "share",
                "expected a percentage between 0% and 100%, got {value!r}",
                {"value": value, "hint": 'write a share as 0.49 or "49%"'},
            )
        try:
            value = float(text)
        except ValueError:
            raise PydanticCustomError(
                "share",
                "expected a share between 0 and 1, got {value!r}",
                {"value": value, "hint": 'write a share as 0.49 or "49%"'},
            ) from None
    if isinstance(value, int | float):
        if 0 <= value <= 1:
            return float(value)
        hint = (
            f'write {value:g}% as {value / 100:g} (or "{value:g}%")'
            if 1 < value <= 100
            else "a share lies between 0 and 1"
        )
        raise PydanticCustomError(
            "share", "expected a share between 0 and 1, got {value}", {"value": value, "hint": hint}
        )
    raise PydanticCustomError(
        "share", "expected a share between 0 and 1, got {value!r}", {"value": value}
    )


def check_currency(value: Any) -> Any:
    if isinstance(value, str) and _CURRENCY.match(value.strip().upper()):
        return value.strip().upper()
    raise PydanticCustomError(
        "currency",
        "expected a three-letter currency code such as USD, EUR or GBP, got {value!r}",
        {"value": value},
    )


def check_id(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", value):
        return value
    raise PydanticCustomError(
        "id",
        "expected an id of lower-case letters, digits, '-', '_' or '.', got {value!r}",
        {"value": value, "hint": "ids are short handles such as 'meta' or 'scale-ai'"},
    )


MoneyField = Annotated[Money, BeforeValidator(parse_money)]
Share = Annotated[float, BeforeValidator(parse_share), Field(ge=0, le=1)]
Currency = Annotated[str, BeforeValidator(check_currency)]
Id = Annotated[str, BeforeValidator(check_id)]
SourceRef = str | list[str] | None


def source_ids(ref: SourceRef) -> tuple[str, ...]:
    if ref is None:
        return ()
    if isinstance(ref, str):
        return (ref,)
    return tuple(ref)
