"""Applying a scenario's changes to a deal, and checking that they name what exists.

:func:`apply_changes` returns a new :class:`Deal`; the deal given is never modified (its
lists are copied where a change touches them). Which sections the file states stays as it
was, except ``clear_rights``, which states the rights section as complete.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from trustbench.errors import Diagnostic, ErrorGroup
from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range, minus
from trustbench.model.deal import (
    AcquireStake,
    AppointDirector,
    Contract,
    Deal,
    GrantRight,
    Hire,
    Holding,
    Right,
)
from trustbench.model.errors import did_you_mean, dotted
from trustbench.model.scenarios import Change, Locate, find_scenario
from trustbench.model.types import Money


def apply_scenario(deal: Deal, name: str) -> Deal:
    """The deal under scenario ``name`` (an error with did-you-mean if there is none)."""
    scenario = find_scenario(deal.scenarios, name)
    if scenario is None:
        names = [s.name for s in deal.scenarios]
        file, _, _ = deal.locate(())
        raise ErrorGroup(
            items=[
                Diagnostic(
                    file,
                    0,
                    0,
                    "deal",
                    f"--scenario: no scenario {name!r} in the deal file",
                    did_you_mean(name, names)
                    or (
                        "scenarios: " + ", ".join(names) if names else "add a `scenarios:` section"
                    ),
                )
            ]
        )
    return apply_changes(deal, scenario.changes)


def apply_changes(deal: Deal, changes: Iterable[Change]) -> Deal:
    data: dict[str, Any] = {
        "holdings": list(deal.holdings),
        "boards": list(deal.boards),
        "rights": list(deal.rights),
        "transaction": deal.transaction,
    }
    declared = set(deal.model_fields_set)
    for change in changes:
        _APPLY[change.op](deal, data, change.arg)
        if change.op == "clear_rights":
            declared.add("rights")
    new = deal.model_copy(update=data)
    new.__pydantic_fields_set__ = declared
    new._index = None
    return new


def _steps(data: dict[str, Any]) -> list[Any]:
    return list(data["transaction"].steps)


def _set_steps(data: dict[str, Any], steps: list[Any], **more: Any) -> None:
    data["transaction"] = data["transaction"].model_copy(update={"steps": steps, **more})


def _parties(deal: Deal, arg: Any) -> tuple[str, str]:
    t = deal.transaction
    return (getattr(arg, "holder", None) or t.acquirer, getattr(arg, "issuer", None) or t.target)


def _stake(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    holder, issuer = _parties(deal, arg)
    steps = _steps(data)
    for i, step in enumerate(steps):
        if not isinstance(step, AcquireStake):
            continue
        if (step.holder or deal.transaction.acquirer, step.issuer or deal.transaction.target) != (
            holder,
            issuer,
        ):
            continue
        update: dict[str, Any] = {}
        if arg.equity is not None:
            update["equity"] = arg.equity
            if step.share_class == "voting" and step.voting == step.equity:
                update["voting"] = arg.equity  # votes that followed the equity still do
        if arg.voting is not None:
            update["voting"] = arg.voting
            if arg.voting > 0 and step.share_class != "voting":
                update["share_class"] = "voting"  # votes attached: voting shares
        steps[i] = step.model_copy(update=update)
    _set_steps(data, steps)


def _holding(deal: Deal, data: dict[str, Any], arg: Any, sell: float | None = None) -> None:
    out: list[Holding] = []
    for h in data["holdings"]:
        if (h.holder, h.issuer) == (arg.holder, arg.issuer):
            if sell is not None:
                equity = _less(h.equity, sell)
                voting = _less(h.voting, sell) if h.voting is not None else None
                h = h.model_copy(update={"equity": equity, "voting": voting})
            else:
                update = {k: getattr(arg, k) for k in ("equity", "voting")}
                if arg.equity is not None and arg.voting is None and h.share_class == "voting":
                    update["voting"] = arg.equity
                h = h.model_copy(update={k: v for k, v in update.items() if v is not None})
        out.append(h)
    data["holdings"] = out


def _less(held: float | Range | None, sell: float) -> float | Range | None:
    """What is left of a holding after selling ``sell``, never below none; a holding given
    as a bound keeps a bound ("at most 7 %" less 2 % is at most 5 %)."""
    rest = minus(held if held is not None else 0.0, sell)
    if not isinstance(rest, Range):
        return None if rest is None else max(0.0, rest)
    lo = max(0.0, rest.lo) if rest.lo is not None else None
    hi = max(0.0, rest.hi) if rest.hi is not None else None
    if lo is not None and lo == hi:
        return lo
    return Range(lo, hi, rest.lo_open and lo != 0.0, rest.hi_open and hi != 0.0)


def _divest(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    _holding(deal, data, arg, sell=arg.equity)


def _add_seat(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    step = AppointDirector(
        kind="appoint_director",
        person=arg.person,
        company=arg.company or deal.transaction.target,
        designated_by=arg.designated_by or deal.transaction.acquirer,
        role=arg.role,
    )
    _set_steps(data, [*_steps(data), step])


def _remove_seat(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    """The seat is given up with the deal: a hired person no longer keeps it, an
    appointment is not made; a seat with neither is removed from the board altogether."""
    company = arg.company or deal.transaction.target
    steps, via_step = [], False
    for step in _steps(data):
        if (
            isinstance(step, AppointDirector)
            and step.person == arg.person
            and (step.company or deal.transaction.target) == company
        ):
            via_step = True
            continue
        if (
            isinstance(step, Hire)
            and step.person == arg.person
            and (step.from_ or deal.transaction.target) == company
            and step.keeps_board_seat
        ):
            step = step.model_copy(update={"keeps_board_seat": False})
            via_step = True
        steps.append(step)
    _set_steps(data, steps)
    if via_step:
        return
    boards = []
    for board in data["boards"]:
        if board.company == company:
            board = board.model_copy(
                update={
                    "directors": [s for s in board.directors if s.person != arg.person],
                    "observers": [s for s in board.observers if s.person != arg.person],
                }
            )
        boards.append(board)
    data["boards"] = boards


def _add_right(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    holder, issuer = _parties(deal, arg)
    right = Right(
        holder=holder, issuer=issuer, kind=arg.kind, matters=list(arg.matters), seats=arg.seats
    )
    _set_steps(data, [*_steps(data), GrantRight(kind="grant_right", right=right)])


def _drop_rights(deal: Deal, data: dict[str, Any], arg: Any, kind: str | None) -> None:
    holder, issuer = _parties(deal, arg)

    def hit(r: Right) -> bool:
        return (r.holder, r.issuer) == (holder, issuer) and (kind is None or r.kind == kind)

    data["rights"] = [r for r in data["rights"] if not hit(r)]
    steps = [s for s in _steps(data) if not (isinstance(s, GrantRight) and hit(s.right))]
    _set_steps(data, steps)


def _remove_right(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    _drop_rights(deal, data, arg, arg.kind)


def _clear_rights(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    _drop_rights(deal, data, arg, None)


def _add_safeguard(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    parties = list(arg.parties) or [deal.transaction.acquirer, deal.transaction.target]
    step = Contract(kind="contract", parties=parties, contract_type=arg.type, text=arg.text)
    _set_steps(data, [*_steps(data), step])


def _drop_hire(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    steps = [s for s in _steps(data) if not (isinstance(s, Hire) and s.person == arg.person)]
    _set_steps(data, steps)


def _exclusivity(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    steps = [
        s.model_copy(update={"exclusive": arg.exclusive})
        if isinstance(s, Contract)
        and (arg.type is None or s.contract_type == arg.type)
        and s.exclusive is not None
        else s
        for s in _steps(data)
    ]
    _set_steps(data, steps)


def _scaled(value: Money | MoneyBound, ratio: float) -> Money | MoneyBound:
    """A step's value scaled with the consideration; a bound's ends scale with it."""
    if isinstance(value, Money):
        return value.model_copy(update={"amount": value.amount * ratio})
    if ratio <= 0:
        return value
    return value.model_copy(update={"range": value.range.scale(ratio, text="")})


def _consideration(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    """The total consideration; stake steps that state a value are scaled with it."""
    old = deal.transaction.value
    ratio = arg.amount / old.amount if old is not None and old.amount else None
    steps = _steps(data)
    if ratio is not None:
        steps = [
            s.model_copy(update={"value": _scaled(s.value, ratio)})
            if isinstance(s, AcquireStake) and s.value is not None
            else s
            for s in steps
        ]
    money = (
        arg if arg.currency or old is None else arg.model_copy(update={"currency": old.currency})
    )
    _set_steps(data, steps, value=money)


def _closing(deal: Deal, data: dict[str, Any], arg: Any) -> None:
    data["transaction"] = data["transaction"].model_copy(update={"closing": arg})


_APPLY = {
    "stake": _stake,
    "holding": _holding,
    "divest": _divest,
    "add_seat": _add_seat,
    "remove_seat": _remove_seat,
    "add_right": _add_right,
    "remove_right": _remove_right,
    "clear_rights": _clear_rights,
    "add_safeguard": _add_safeguard,
    "drop_hire": _drop_hire,
    "exclusivity": _exclusivity,
    "consideration": _consideration,
    "closing": _closing,
}


# -- checking references --------------------------------------------------------------------


def check_scenarios(deal: Deal, locate: Locate) -> list[Diagnostic]:
    """Every scenario change that names something the deal does not have."""
    problems: list[Diagnostic] = []
    seen: set[str] = set()
    for i, scenario in enumerate(deal.scenarios):
        if scenario.name in seen:
            problems.append(_diag(locate, ("scenarios", i, "name"), "duplicate scenario name"))
        seen.add(scenario.name)
        problems.extend(check_changes(deal, scenario.changes, ("scenarios", i, "changes"), locate))
    return problems


def check_changes(
    deal: Deal, changes: Sequence[Change], where: tuple[str | int, ...], locate: Locate
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    entities = {e.id for e in deal.entities}
    for j, change in enumerate(changes):
        loc = (*where, j, change.op)
        unknown = 0
        for field in ("holder", "issuer", "person", "company", "designated_by"):
            value = getattr(change.arg, field, None)
            if value is not None and value not in entities:
                unknown += 1
                problems.append(
                    _diag(
                        locate,
                        (*loc, field),
                        f"unknown entity {value!r}",
                        did_you_mean(value, entities) or "declare it under `entities:`",
                    )
                )
        for field, message, candidates in [] if unknown else _targets(deal, change):
            problems.append(
                _diag(
                    locate,
                    (*loc, field),
                    message,
                    did_you_mean(str(getattr(change.arg, field, "")), candidates)
                    or ("the deal has: " + ", ".join(sorted(candidates)) if candidates else None),
                )
            )
    return problems


def _targets(deal: Deal, change: Change) -> list[tuple[str, str, set[str]]]:
    """(field, message, candidates) when the thing a change acts on does not exist."""
    arg, t = change.arg, deal.transaction
    if change.op == "stake":
        stakes = {
            f"{s.holder or t.acquirer} in {s.issuer or t.target}"
            for s in t.steps
            if isinstance(s, AcquireStake)
        }
        holder, issuer = _parties(deal, arg)
        if f"{holder} in {issuer}" not in stakes:
            return [
                (
                    "holder" if arg.holder else "equity",
                    f"the deal has no acquire_stake step of {holder!r} in {issuer!r}",
                    stakes,
                )
            ]
    if change.op in ("holding", "divest"):
        held = {(h.holder, h.issuer) for h in deal.holdings}
        if (arg.holder, arg.issuer) not in held:
            names = {h.issuer for h in deal.holdings if h.holder == arg.holder}
            return [
                ("issuer", f"{arg.holder!r} holds nothing in {arg.issuer!r} before the deal", names)
            ]
    if change.op == "drop_hire":
        hired = {s.person for s in t.steps if isinstance(s, Hire)}
        if arg.person not in hired:
            return [("person", f"the deal hires no {arg.person!r}", hired)]
    if change.op == "remove_seat":
        seated = _seated(deal, arg.company or t.target)
        if arg.person not in seated:
            return [
                ("person", f"{arg.person!r} has no seat at {arg.company or t.target!r}", seated)
            ]
    if change.op == "remove_right":
        holder, issuer = _parties(deal, arg)
        kinds = {str(r.kind) for r in _rights(deal) if (r.holder, r.issuer) == (holder, issuer)}
        if arg.kind not in kinds:
            return [("kind", f"{holder!r} has no {arg.kind} right in {issuer!r}", kinds)]
    return []


def _seated(deal: Deal, company: str) -> set[str]:
    t = deal.transaction
    people = {
        s.person for b in deal.boards if b.company == company for s in (*b.directors, *b.observers)
    }
    people |= {
        s.person
        for s in t.steps
        if isinstance(s, AppointDirector) and (s.company or t.target) == company
    }
    return people


def _rights(deal: Deal) -> list[Right]:
    return [*deal.rights, *(s.right for s in deal.transaction.steps if isinstance(s, GrantRight))]


def _diag(
    locate: Locate, loc: tuple[str | int, ...], message: str, hint: str | None = None
) -> Diagnostic:
    file, line, column = locate(loc)
    return Diagnostic(file, line, column, "deal", f"{dotted(loc)}: {message}", hint)
