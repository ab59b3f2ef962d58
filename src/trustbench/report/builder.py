"""What every part of the memo context is built with: the analysis, the memo's options, and
the shared helpers (citations, wording, requests, plain text). A module of its own, so that
the section builders (:mod:`~trustbench.report.findings`, :mod:`~trustbench.report.summary`)
and :mod:`~trustbench.report.context`, which calls them, do not import each other."""

from __future__ import annotations

from dataclasses import dataclass

from trustbench.analysis import Analysis
from trustbench.report.citations import Citations
from trustbench.report.plain import Plain
from trustbench.report.requests import Requests, Wording
from trustbench.rules.evaluate import JurisdictionResult

PACK_SECTION = "templates/section.html.j2"


@dataclass(frozen=True)
class Options:
    """What goes into this memo besides the client text (the ``memo`` command's flags)."""

    reviewer: bool = False  # the signing lawyer's verification notes
    later_developments: bool = False  # material dated after the case's as-of date
    full_appendix: bool = False  # every parameter and rule, not only those the memo uses
    structuring: bool = True  # the verified structuring options (trustbench.whatif)


class Builder:
    def __init__(self, analysis: Analysis, options: Options) -> None:
        self.analysis = analysis
        self.options = options
        self.deal = analysis.deal
        self.as_of = analysis.as_of
        self.cite = Citations(self.deal, analysis.results, analysis.as_of)
        self.wording = Wording(self.deal)
        self.requests = Requests(analysis.results, self.wording, ("decide", "weigh"))
        self.facts_shown: set[str] = set()
        self.plain = Plain(
            {rid: f.title for r in analysis.results for f in r.findings for rid in [f.rule]}
        )

    def pack_section(self, r: JurisdictionResult) -> str | None:
        has_section = (r.pack.root / PACK_SECTION).is_file()
        return f"pack/{r.pack.id}/section.html.j2" if has_section else None
