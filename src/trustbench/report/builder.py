"""What every part of the memo context is built with: the result, the memo's options, and
the shared helpers (citations, wording, requests, plain text). A module of its own, so that
the section builders (:mod:`~trustbench.report.findings`, :mod:`~trustbench.report.summary`)
and :mod:`~trustbench.report.context`, which calls them, do not import each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustbench.errors import InputError
from trustbench.report.citations import Citations
from trustbench.report.plain import Plain
from trustbench.report.requests import Requests, Wording
from trustbench.result import DealOut, JurisdictionOut, PackDetailOut, Result


@dataclass(frozen=True)
class Options:
    """What goes into this memo besides the client text (the ``memo`` command's flags)."""

    reviewer: bool = False  # the signing lawyer's verification notes
    later_developments: bool = False  # material dated after the case's as-of date
    full_appendix: bool = False  # every parameter and rule, not only those the memo uses
    structuring: bool = True  # the verified structuring options (trustbench.whatif)


def pack_of(j: JurisdictionOut) -> PackDetailOut:
    if j.detail is None:
        raise InputError(f"{j.id}: the result has no memo detail (see trustbench.document)")
    return j.detail


class Builder:
    def __init__(self, result: Result, options: Options) -> None:
        if result.deal is None or result.catalogue is None:
            raise InputError(
                "the result has no memo detail (the deal, the facts' documentation)",
                hint="save it with `trustbench memo DEAL --save-result FILE`",
            )
        self.result = result
        self.options = options
        self.deal: DealOut = result.deal
        self.as_of = dt.date.fromisoformat(result.case.as_of)
        self.cite = Citations(self.deal.sources, list(result.jurisdictions), self.as_of)
        self.wording = Wording(self.deal.acquirer.name, self.deal.target.name, result.catalogue)
        self.requests = Requests(list(result.jurisdictions), self.wording, ("decide", "weigh"))
        self.facts_shown: set[str] = set()
        self.plain = Plain({f.rule: f.title for j in result.jurisdictions for f in j.findings})

    def pack_section(self, j: JurisdictionOut) -> str | None:
        return f"pack/{j.pack.id}/section.html.j2" if pack_of(j).section else None
