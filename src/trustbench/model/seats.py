"""Board seats as of a date: a seat the timeline records as ended is no longer held.

A ``board_seat_ended`` event (a resignation, a removal, the end of a term) names the person
and the company. On and after its date the person holds no director's or observer's seat at
that company (an office is not a seat: it ends with a ``hire`` that ``leaves_roles``), so
every fact that reads the boards — interlocks (Clayton § 8), board representation (CMA
material influence, GWB § 37(1) no. 4), control by board majority — reads the board as it
stands on the case date. A seat the deal itself gives (an ``appoint_director`` step) is the
deal's, not the file's existing board, and is not touched. An event dated after ``as_of``
changes nothing (a memo is as of its date).
"""

from __future__ import annotations

import datetime as dt

from trustbench.model.deal import Board, Deal
from trustbench.model.timeline import Event

__all__ = ["ended_seats", "seats_as_of"]


def ended_seats(deal: Deal, as_of: dt.date) -> list[Event]:
    """The ``board_seat_ended`` events in force on ``as_of``, in date order."""
    return sorted(
        (e for e in deal.timeline if e.type == "board_seat_ended" and e.date <= as_of),
        key=lambda e: (e.date, e.company or "", e.person or ""),
    )


def seats_as_of(deal: Deal, as_of: dt.date) -> Deal | None:
    """The deal with the seats ended on or before ``as_of`` removed from its boards, or
    None when the timeline ends none."""
    gone = {(e.person, e.company) for e in ended_seats(deal, as_of)}
    if not gone:
        return None
    boards = [_without(b, gone) for b in deal.boards]
    if boards == list(deal.boards):
        return None
    new = deal.model_copy(update={"boards": boards})
    new._index = None
    return new


def _without(board: Board, gone: set[tuple[str | None, str | None]]) -> Board:
    def kept(person: str) -> bool:
        return (person, board.company) not in gone

    return board.model_copy(
        update={
            "directors": [s for s in board.directors if kept(s.person)],
            "observers": [s for s in board.observers if kept(s.person)],
        }
    )
