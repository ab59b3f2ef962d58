# ruff: noqa: E501  (data: long sentences of a realistic memo read better unwrapped)
"""A realistic memo context (docs/report-context.md) for the renderer's tests.

Loosely modelled on Meta's 2025 investment in Scale AI: a 49 % non-voting stake plus the
hiring of the target's CEO. One jurisdiction has a triggered, a not-triggered, an unknown
and a waived finding, so every branch of the templates is exercised.
"""

from __future__ import annotations

import copy
from typing import Any

_SOURCES = [
    {
        "number": 1,
        "id": "s-scale-blog",
        "title": "Scale AI announces next phase of company's evolution",
        "publisher": "Scale AI",
        "date": "2025-06-12",
        "url": "https://scale.com/blog/scale-ai-announces-next-phase-of-company-evolution",
    },
    {
        "number": 2,
        "id": "s-press",
        "title": "Meta to take 49% stake in Scale AI, CEO to join Meta",
        "publisher": "Wire service report",
        "date": "2025-06-13",
        "url": "https://example.com/news/meta-scale-49-percent",
    },
    {
        "number": 3,
        "id": "s-term-sheet",
        "title": "Investment term sheet (draft of 2025-06-10), cl. 4 and 7",
        "publisher": None,
        "date": "2025-06-10",
        "url": None,
    },
    {
        "number": 4,
        "id": "s-customers",
        "title": "Scale AI customer list (management presentation, slide 12)",
        "publisher": "Scale AI",
        "date": "2025-05-30",
        "url": None,
    },
]

_AUTHORITIES = [
    {
        "number": 1,
        "id": "hsr-act",
        "short": "15 U.S.C. § 18a",
        "full": "Hart-Scott-Rodino Antitrust Improvements Act of 1976",
        "pinpoint": "(a)(2)",
        "url": "https://www.law.cornell.edu/uscode/text/15/18a",
    },
    {
        "number": 2,
        "id": "cfr-801-1f",
        "short": "16 C.F.R. § 801.1",
        "full": "HSR Rules, definition of voting securities",
        "pinpoint": "(f)(1)",
        "url": "https://www.ecfr.gov/current/title-16/section-801.1",
    },
    {
        "number": 3,
        "id": "mg2023",
        "short": "2023 Merger Guidelines",
        "full": "U.S. DOJ & FTC, Merger Guidelines (Dec. 18, 2023)",
        "pinpoint": "§ 2.5",
        "url": "https://www.justice.gov/atr/2023-merger-guidelines",
    },
    {
        "number": 4,
        "id": "mg2023-partial",
        "short": "2023 Merger Guidelines",
        "full": "U.S. DOJ & FTC, Merger Guidelines (Dec. 18, 2023)",
        "pinpoint": "§ 2.11",
        "url": "https://www.justice.gov/atr/2023-merger-guidelines",
    },
    {
        "number": 5,
        "id": "clayton-8",
        "short": "15 U.S.C. § 19",
        "full": "Clayton Act § 8 (interlocking directorates)",
        "pinpoint": "(a)(1)",
        "url": "https://www.law.cornell.edu/uscode/text/15/19",
    },
    {
        "number": 6,
        "id": "eumr-3",
        "short": "EUMR",
        "full": "Council Regulation (EC) No 139/2004",
        "pinpoint": "Art. 3(2)",
        "url": "https://eur-lex.europa.eu/eli/reg/2004/139/oj",
    },
    {
        "number": 7,
        "id": "cjn",
        "short": "CJN",
        "full": "Commission Consolidated Jurisdictional Notice (2008/C 95/01)",
        "pinpoint": "¶¶ 54–58",
        "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:52008XC0416(08)",
    },
]


def _empty_factor(factor: str, title: str) -> dict[str, Any]:
    return {
        "factor": factor,
        "title": title,
        "triggered": [],
        "not_triggered": [],
        "unknown": [],
        "waived": [],
    }


def _us() -> dict[str, Any]:
    filing = _empty_factor("filing", "Filing requirement")
    filing["not_triggered"].append(
        {
            "rule": "us.hsr.filing-required",
            "title": "HSR notification",
            "text": "Meta acquires only non-voting shares, which are not voting securities; no HSR filing is required for this step.",
        }
    )
    filing["waived"].append(
        {
            "rule": "us.hsr.investment-only",
            "title": "Solely-for-investment exemption",
            "reason": "Moot: no voting securities are acquired, so the exemption need not be relied on.",
            "by": "A. Counsel, 2025-06-13",
        }
    )
    control = _empty_factor("control", "Acquisition of control")
    control["not_triggered"].append(
        {
            "rule": "us.clayton7.control",
            "title": "Acquisition of control",
            "text": "The stake is below 50 % and carries no votes or contractual control rights.",
        }
    )
    minority = _empty_factor("minority-stake", "Minority stake")
    minority["triggered"].append(
        {
            "rule": "us.mg2023.g11-partial-ownership",
            "title": "Partial ownership of a supplier to rivals",
            "weight": 2.0,
            "text": "Meta acquires 49 % of Scale AI's equity for USD 14.3bn. The stake gives Meta a substantial share of Scale AI's profits and may reduce Scale AI's incentive to compete for Meta's rivals.",
            "test": "A partial ownership interest may lessen competition if it gives the acquirer the ability to influence the target, reduces incentives to compete, or gives access to non-public information (stake of 20 % or more treated as significant).",
            "conclusion": "Likely to attract scrutiny; prepare an incentive analysis.",
            "cites": [4],
            "facts": [
                {
                    "name": "stake.economic",
                    "label": "Economic interest",
                    "value": "49 %",
                    "sources": [1, 3],
                },
                {
                    "name": "stake.voting",
                    "label": "Voting interest",
                    "value": "0 %",
                    "sources": [3],
                },
                {
                    "name": "deal.value",
                    "label": "Consideration",
                    "value": "USD 14.3bn",
                    "sources": [2],
                },
            ],
            "params": [
                {
                    "name": "significant_stake",
                    "value": "20 %",
                    "effective": "2023-12-18",
                    "reference": "2023 Merger Guidelines § 2.11",
                }
            ],
        }
    )
    info = _empty_factor("information", "Access to rivals' information")
    info["triggered"].append(
        {
            "rule": "us.mg2023.g5b-sensitive-information",
            "title": "Access to competitively sensitive information of rivals",
            "weight": 3.0,
            "text": "Scale AI supplies data-labelling services to several of Meta's competitors in foundation models. Through the investment and the hiring of Scale AI's CEO, Meta may gain access to those rivals' training-data specifications.",
            "test": "A merger may substantially lessen competition where the merged firm gains access to competitively sensitive information of its rivals through a relationship with a firm that serves them.",
            "conclusion": "Triggered: information barriers and a firewall undertaking should be considered.",
            "cites": [3],
            "facts": [
                {
                    "name": "target.serves_rivals",
                    "label": "Target serves acquirer's rivals",
                    "value": "Yes (3 named labs)",
                    "sources": [4],
                },
                {
                    "name": "personnel.ceo_moves",
                    "label": "Target CEO joins acquirer",
                    "value": "Yes",
                    "sources": [1, 2],
                },
            ],
            "params": [],
        }
    )
    personnel = _empty_factor("personnel", "Personnel and interlocks")
    personnel["unknown"].append(
        {
            "rule": "us.clayton8.interlock",
            "title": "Interlocking directorates",
            "text": "Whether a Meta officer will sit on Scale AI's board is not stated.",
            "missing": ["board.seats_acquirer", "board.observer_rights"],
        }
    )
    return {
        "id": "us",
        "name": "United States",
        "pack": {"name": "us-federal", "version": "2026.1"},
        "band": "high",
        "score": 7.0,
        "factors": [filing, control, minority, info, personnel],
    }


def _eu() -> dict[str, Any]:
    filing = _empty_factor("filing", "Filing requirement")
    filing["unknown"].append(
        {
            "rule": "eu.eumr.art1-thresholds",
            "title": "EU dimension (Art. 1 EUMR)",
            "text": "Scale AI's EU-wide turnover is not in the deal file.",
            "missing": ["target.turnover.eu"],
        }
    )
    control = _empty_factor("control", "Acquisition of control")
    control["not_triggered"].append(
        {
            "rule": "eu.cjn.decisive-influence",
            "title": "Decisive influence",
            "text": "No veto rights over budget, business plan or senior management; 49 % non-voting shares confer no control.",
        }
    )
    return {
        "id": "eu",
        "name": "European Union",
        "pack": {"name": "eu-mergers", "version": "2026.1"},
        "band": "low",
        "score": 1.5,
        "factors": [filing, control],
    }


_SAMPLE: dict[str, Any] = {
    "case": {
        "id": "meta-scale-2025",
        "title": "Meta Platforms / Scale AI — minority investment",
        "as_of": "2025-06-13",
        "jurisdictions": ["us", "eu"],
    },
    "generated": "2026-11-27 06:00 UTC",
    "trustbench": "0.1.0",
    "paper": "Letter",
    "deal": {
        "acquirer": "Meta Platforms, Inc.",
        "target": "Scale AI, Inc.",
        "value": "USD 14.3bn",
        "dates": [
            {"label": "Announced", "date": "2025-06-12"},
            {"label": "Closing", "date": "2025-06-13"},
        ],
        "summary": "Meta invests in Scale AI for a 49 % non-voting equity stake; Scale AI's founder and CEO joins Meta to lead a new superintelligence group.",
        "steps": [
            {
                "kind": "acquire_stake",
                "text": "Meta acquires 49 % of Scale AI's equity (non-voting).",
                "date": "2025-06-13",
                "sources": [1, 3],
            },
            {
                "kind": "hire",
                "text": "Scale AI's CEO leaves Scale AI and joins Meta; he remains a Scale AI director.",
                "date": "2025-06-13",
                "sources": [1, 2],
            },
            {
                "kind": "distribution",
                "text": "Scale AI distributes part of the proceeds to existing shareholders and vested employees.",
                "date": None,
                "sources": [1],
            },
        ],
    },
    "sources": _SOURCES,
    "authorities": _AUTHORITIES,
    "summary": [
        {
            "id": "us",
            "name": "United States",
            "band": "high",
            "score": 7.0,
            "filing": "no",
            "control": "no",
            "main_factors": ["information", "minority-stake"],
            "conclusion": "No HSR filing is required for the non-voting stake, but the agencies can review the investment under Section 7 at any time; access to rivals' information is the main risk.",
        },
        {
            "id": "eu",
            "name": "European Union",
            "band": "low",
            "score": 1.5,
            "filing": "unknown",
            "control": "no",
            "main_factors": [],
            "conclusion": "No acquisition of control, so the EUMR does not apply to this step; confirm Scale AI's EU turnover for completeness.",
        },
    ],
    "jurisdictions": [_us(), _eu()],
    "questions": [
        {
            "topic": "Board and governance",
            "items": [
                {
                    "question": "Will any Meta officer or director sit on, or observe at, Scale AI's board?",
                    "rules": ["us.clayton8.interlock"],
                    "facts": ["board.seats_acquirer", "board.observer_rights"],
                }
            ],
        },
        {
            "topic": "Turnover",
            "items": [
                {
                    "question": "What was Scale AI's EU-wide turnover in its last financial year?",
                    "rules": ["eu.eumr.art1-thresholds"],
                    "facts": ["target.turnover.eu"],
                }
            ],
        },
    ],
    "appendix": {
        "params": [
            {
                "jurisdiction": "us",
                "name": "hsr.size_of_transaction",
                "value": "USD 133.9m",
                "effective": "2026-02-17",
                "reference": "90 Fed. Reg. (2026), HSR threshold adjustment",
            },
            {
                "jurisdiction": "us",
                "name": "significant_stake",
                "value": "20 %",
                "effective": "2023-12-18",
                "reference": "2023 Merger Guidelines § 2.11",
            },
            {
                "jurisdiction": "eu",
                "name": "eumr.art1_2.worldwide",
                "value": "EUR 5,000m",
                "effective": "2004-05-01",
                "reference": "Regulation 139/2004, Art. 1(2)(a)",
            },
        ],
        "rules": [
            {
                "id": "us.hsr.filing-required",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "not_triggered",
            },
            {
                "id": "us.hsr.investment-only",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "waived",
            },
            {
                "id": "us.clayton7.control",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "not_triggered",
            },
            {
                "id": "us.mg2023.g11-partial-ownership",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "triggered",
            },
            {
                "id": "us.mg2023.g5b-sensitive-information",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "triggered",
            },
            {
                "id": "us.clayton8.interlock",
                "pack": "us-federal",
                "version": "2026.1",
                "status": "unknown",
            },
            {
                "id": "eu.eumr.art1-thresholds",
                "pack": "eu-mergers",
                "version": "2026.1",
                "status": "unknown",
            },
            {
                "id": "eu.cjn.decisive-influence",
                "pack": "eu-mergers",
                "version": "2026.1",
                "status": "not_triggered",
            },
        ],
        "hashes": [
            {
                "what": "deal file",
                "name": "cases/meta-scale.yaml",
                "sha256": "9f2c4e1b7a3d5f60812e4c9b0a7d3e5f1c2b4a6d8e0f1a3c5b7d9e1f2a4c6b8d",
            },
            {
                "what": "rule pack",
                "name": "us-federal 2026.1",
                "sha256": "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e",
            },
        ],
    },
    "diagram_svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">'
        '<rect x="10" y="10" width="130" height="36" fill="none" stroke="#1f3864"/>'
        '<text x="75" y="33" text-anchor="middle" font-size="11" font-family="DejaVu Serif">Meta Platforms</text>'
        '<rect x="220" y="74" width="130" height="36" fill="none" stroke="#1f3864"/>'
        '<text x="285" y="97" text-anchor="middle" font-size="11" font-family="DejaVu Serif">Scale AI</text>'
        '<line x1="75" y1="46" x2="285" y2="74" stroke="#333"/>'
        '<text x="190" y="56" font-size="10" font-family="DejaVu Serif">49 % (non-voting)</text>'
        "</svg>"
    ),
}


def sample_context() -> dict[str, Any]:
    """A fresh deep copy of the sample context, safe for a test to modify."""
    return copy.deepcopy(_SAMPLE)
