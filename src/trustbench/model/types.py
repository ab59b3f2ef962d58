"""Value types of the deal file: amounts of money and shares, written as lawyers write them."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from trustbench.model import schemas
from trustbench.model.bounded import MoneyBound, make_range, split_bound, text_of
from trustbench.model.bounds import Range
from trustbench.model.refs import Ref

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

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)

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


def _shown(value: Any) -> str:
    """A value as an error message quotes it: repr, escaped, at most 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


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
                if math.isfinite(number * scale):
                    return {"amount": number * scale, "currency": currency}
                match = None
    raise PydanticCustomError(
        "money",
        f"expected an amount such as 'USD 14.3bn', 'EUR 250m' or a number, got {_shown(value)}",
        {"hint": "write the currency code and the amount, e.g. USD 14.3bn"},
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
                f"expected a percentage between 0% and 100%, got {_shown(value)}",
                {"hint": 'write a share as 0.49 or "49%"'},
            )
        try:
            value = float(text)
        except ValueError:
            raise PydanticCustomError(
                "share",
                f"expected a share between 0 and 1, got {_shown(value)}",
                {"hint": 'write a share as 0.49 or "49%"'},
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
            "share", f"expected a share between 0 and 1, got {value:g}", {"hint": hint}
        )
    raise PydanticCustomError("share", f"expected a share between 0 and 1, got {_shown(value)}")


def check_currency(value: Any) -> Any:
    if isinstance(value, str) and _CURRENCY.match(value.strip().upper()):
        return value.strip().upper()
    raise PydanticCustomError(
        "currency",
        f"expected a three-letter currency code such as USD, EUR or GBP, got {_shown(value)}",
    )


def check_id(value: Any) -> Any:
    if isinstance(value, str) and re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", value):
        return value
    raise PydanticCustomError(
        "id",
        f"expected an id of lower-case letters, digits, '-', '_' or '.', got {_shown(value)}",
        {"hint": "ids are short handles such as 'meta' or 'scale-ai'"},
    )


def parse_money_or_bound(value: Any) -> Money | MoneyBound:
    """An exact amount (:class:`Money`) or one known only as a bound (:class:`MoneyBound`)."""
    if isinstance(value, Money | MoneyBound):
        return value
    if isinstance(value, dict) and not ({"min", "max"} & set(value)):
        return Money.model_validate(parse_money(value))
    currency: list[str] = []

    def exact(part: Any) -> float:
        money = Money.model_validate(parse_money(part))
        if money.currency:
            currency.append(money.currency)
        return money.amount

    if isinstance(value, str):
        value = _money_span(value)
    found = make_range(value, exact, text_of(value))
    if found is None:
        return Money.model_validate(parse_money(value))
    if isinstance(value, dict) and value.get("currency") is not None:
        currency.append(check_currency(value["currency"]))
    if len(set(currency)) > 1:
        raise PydanticCustomError(
            "money", f"a bound in two currencies: {' and '.join(sorted(set(currency)))}"
        )
    cur = currency[0] if currency else None
    if isinstance(found, float):
        return Money(amount=found, currency=cur)
    return MoneyBound(range=found, currency=cur)


_SCALED = re.compile(r"^(?P<head>.*?\d)\s*(?P<scale>k|m|mn|bn|b|tn)\.?\s*(?P<cur>[A-Z]{3})?$", re.I)


def _money_span(text: str) -> str:
    """``"GBP 60-70m"`` → ``"GBP 60m-70m"``: the scale written once applies to both ends."""
    parts = split_bound(text)
    if parts is None or parts[0] != "span":
        return text
    first, second = parts[1], parts[2]
    tail = _SCALED.match(second.strip())
    if tail and not _SCALED.match(first.strip()) and first.strip()[-1:].isdigit():
        first = f"{first.strip()}{tail.group('scale')}"
    return f"{first} - {second}"


def parse_share_or_bound(value: Any) -> float | Range | None:
    """A share (``0.49``, ``"49%"``) or a bound on one (``"60-70%"``, ``"at most 7 %"``)."""
    if value is None or isinstance(value, Range):
        return value
    suffix = "%" if isinstance(value, str) and value.strip().endswith("%") else ""
    found = make_range(value, parse_share, text_of(value), span_suffix=suffix)
    if found is None:
        return float(parse_share(value))
    return found


def parse_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise PydanticCustomError("count", f"expected a whole number, got {_shown(value)}")
    try:
        number = int(str(value).replace(",", "").replace("_", "").strip())
    except ValueError:
        raise PydanticCustomError(
            "count", f"expected a whole number, got {_shown(value)}"
        ) from None
    if number < 0:
        raise PydanticCustomError("count", f"expected a count of 0 or more, got {number}")
    return number


def parse_count_or_bound(value: Any) -> int | Range | None:
    """A count (``1200``) or a bound on one (``"> 1,000"``, ``"10-20"``)."""
    if value is None or isinstance(value, Range):
        return value
    found = make_range(value, parse_count, text_of(value))
    if found is None:
        return parse_count(value)
    return int(found) if isinstance(found, float | int) else found


def _range_form(value: Range, reads_back: Callable[[str], bool], **more: Any) -> Any:
    """A range as the deal file writes it: its text as given when that reads back as the same
    value, else ``{min, max, min_open, max_open}`` (with ``more``, e.g. the currency)."""
    if value.text:
        try:
            if reads_back(value.text):
                return value.text
        except (PydanticCustomError, ValueError):
            pass
    form: dict[str, Any] = {"min": _plain(value.lo), "max": _plain(value.hi), **more}
    form.update(min_open=value.lo_open, max_open=value.hi_open)
    return {k: v for k, v in form.items() if v is not None and v is not False}


def _plain(end: float | None) -> float | int | None:
    """An end as YAML gives it: ``70000000`` rather than ``70000000.0`` (its text reads
    back the same)."""
    return int(end) if end is not None and end.is_integer() and abs(end) < 2**53 else end


def _limits(r: Any) -> tuple[Any, ...]:
    return (r.lo, r.hi, r.lo_open, r.hi_open) if isinstance(r, Range) else (r,)


def dump_money_or_bound(value: Money | MoneyBound) -> Any:
    """What a dump writes for an amount, in a form :func:`parse_money_or_bound` reads back
    (so that dumping a deal and validating the dump gives the same deal)."""
    if not isinstance(value, MoneyBound):
        return {"amount": value.amount, "currency": value.currency}

    def reads_back(text: str) -> bool:
        again = parse_money_or_bound(text)
        return (
            isinstance(again, MoneyBound)
            and again.currency == value.currency
            and _limits(again.range) == _limits(value.range)
        )

    return _range_form(value.range, reads_back, currency=value.currency)


def _dumper(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The serializer of a value-or-bound field whose parser is ``parse``."""

    def dump(value: Any) -> Any:
        if not isinstance(value, Range):
            return value
        return _range_form(value, lambda text: _limits(parse(text)) == _limits(value))

    return dump


MoneyField = Annotated[Money, BeforeValidator(parse_money), WithJsonSchema(schemas.MONEY)]
BoundedMoney = Annotated[
    Money | MoneyBound,
    PlainValidator(parse_money_or_bound),
    PlainSerializer(dump_money_or_bound),
    WithJsonSchema(schemas.MONEY_OR_BOUND),
]
Share = Annotated[
    float, BeforeValidator(parse_share), Field(ge=0, le=1), WithJsonSchema(schemas.SHARE)
]
BoundedShare = Annotated[
    float | Range | None,
    PlainValidator(parse_share_or_bound),
    PlainSerializer(_dumper(parse_share_or_bound)),
    WithJsonSchema(schemas.SHARE_OR_BOUND),
]
BoundedCount = Annotated[
    int | Range | None,
    PlainValidator(parse_count_or_bound),
    PlainSerializer(_dumper(parse_count_or_bound)),
    WithJsonSchema(schemas.COUNT_OR_BOUND),
]
Currency = Annotated[str, BeforeValidator(check_currency), WithJsonSchema(schemas.CURRENCY)]
Id = Annotated[str, BeforeValidator(check_id), WithJsonSchema(schemas.ID)]
EntityRef = Annotated[str, BeforeValidator(check_id), WithJsonSchema(schemas.ID), Ref("entity")]
PersonRef = Annotated[str, BeforeValidator(check_id), WithJsonSchema(schemas.ID), Ref("person")]
MarketRef = Annotated[str, BeforeValidator(check_id), WithJsonSchema(schemas.ID), Ref("market")]
SourceRef = Annotated[str | list[str] | None, WithJsonSchema(schemas.SOURCE_REF), Ref("source")]


def exact(value: float | Range | None) -> float | None:
    """The exact value, or ``None`` when it is known only as a bound (for arithmetic that
    cannot carry a range)."""
    return None if isinstance(value, Range) else value


def source_ids(ref: SourceRef) -> tuple[str, ...]:
    if ref is None:
        return ()
    if isinstance(ref, str):
        return (ref,)
    return tuple(ref)
