# ruff: noqa: E501  (data: long sentences of a realistic memo read better unwrapped)
"""A hand-written memo context (docs/report-context.md) for the renderer's tests.

Loosely modelled on Meta's 2025 investment in Scale AI: a 49 % non-voting stake plus the
hiring of the target's CEO. Two jurisdictions; the first has a triggered, a not-triggered,
an undecided and a waived finding, and a rule evaluated market by market, so every branch
of the templates is exercised. It does not depend on the rule packs or the fact library
(tests/report/test_seed_memo.py covers the real thing end to end).
"""

from __future__ import annotations

import copy
from typing import Any


def _source(
    number: int,
    sid: str,
    title: str,
    publisher: str | None,
    date: str | None,
    url: str | None,
    cited: bool = True,
) -> dict[str, Any]:
    label = sid.upper() if sid[:1] == "s" and sid[1:].isdigit() else sid
    return {
        "number": number,
        "id": sid,
        "label": label,
        "title": title,
        "publisher": publisher,
        "date": date,
        "url": url,
        "url_short": url.removeprefix("https://").removeprefix("www.")[:48] if url else None,
        "note": None,
        "cited": cited,
    }


_SOURCES = [
    _source(
        1,
        "s80",
        "Scale AI announces next phase of company's evolution",
        "Scale AI",
        "2025-06-12",
        "https://scale.com/blog/scale-ai-announces-next-phase-of-company-evolution",
    ),
    _source(
        2,
        "s81",
        "Meta to take 49% stake in Scale AI, CEO to join Meta",
        "Wire service report",
        "2025-06-13",
        "https://example.com/news/meta-scale-49-percent",
    ),
    _source(
        3,
        "term-sheet",
        "Investment term sheet (draft of 2025-06-10), cl. 4 and 7",
        None,
        "2025-06-10",
        None,
    ),
    _source(
        4,
        "customers",
        "Scale AI customer list (management presentation, slide 12)",
        "Scale AI",
        "2025-05-30",
        None,
    ),
    _source(5, "s99", "An article nobody relied on", None, None, None, cited=False),
]


def _authority(
    number: int,
    aid: str,
    jurisdiction: str,
    short: str,
    full: str,
    pinpoint: str | None,
    url: str | None,
    confidence: str = "confirmed",
) -> dict[str, Any]:
    return {
        "number": number,
        "id": aid,
        "jurisdiction": jurisdiction,
        "short": short,
        "full": full,
        "pinpoint": pinpoint,
        "date": None,
        "url": url,
        "url_short": url.removeprefix("https://").removeprefix("www.")[:48] if url else None,
        "confidence": confidence,
    }


_AUTHORITIES = [
    _authority(
        1,
        "hsr-act",
        "us",
        "15 U.S.C. § 18a",
        "Hart-Scott-Rodino Antitrust Improvements Act of 1976",
        "(a)(2)",
        "https://www.law.cornell.edu/uscode/text/15/18a",
    ),
    _authority(
        2,
        "cfr-801-1f",
        "us",
        "16 C.F.R. § 801.1",
        "HSR Rules, definition of voting securities",
        "(f)(1)",
        "https://www.ecfr.gov/current/title-16/section-801.1",
    ),
    _authority(
        3,
        "mg2023",
        "us",
        "2023 Merger Guidelines",
        "U.S. DOJ & FTC, Merger Guidelines (Dec. 18, 2023)",
        "§ 2.5",
        "https://www.justice.gov/atr/2023-merger-guidelines",
    ),
    _authority(
        4,
        "mg2023-partial",
        "us",
        "2023 Merger Guidelines",
        "U.S. DOJ & FTC, Merger Guidelines (Dec. 18, 2023)",
        "§ 2.11",
        "https://www.justice.gov/atr/2023-merger-guidelines",
    ),
    _authority(
        5,
        "hmg2010",
        "us",
        "2010 HMG § 13",
        "Horizontal Merger Guidelines (2010), § 13",
        None,
        None,
        confidence="recalled",
    ),
    _authority(
        6,
        "eumr-3",
        "eu",
        "EUMR",
        "Council Regulation (EC) No 139/2004",
        "Art. 3(2)",
        "https://eur-lex.europa.eu/eli/reg/2004/139/oj",
    ),
]


def _cite(n: int, first: bool) -> dict[str, Any]:
    return {"n": n, "note": first}


def _factor(factor: str, title: str) -> dict[str, Any]:
    return {
        "factor": factor,
        "title": title,
        "triggered": [],
        "unknown": [],
        "waived": [],
    }


def _fact(
    name: str,
    label: str,
    value: str,
    sources: list[dict[str, Any]],
    question: int | None = None,
    detail: str = "",
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "detail": detail,
        "value": value,
        "known": question is None,
        "sources": sources,
        "question": question,
    }


def _us() -> dict[str, Any]:
    filing = _factor("filing", "Notification (filing) requirements")
    filing["waived"].append(
        {
            "rule": "us.hsr.investment-only",
            "title": "Solely-for-investment exemption",
            "reason": "Moot: no voting securities are acquired, so the exemption need not be relied on.",
            "by": "A. Counsel, 2025-06-13",
        }
    )
    minority = _factor("minority-stake", "Minority stake (partial ownership)")
    minority["triggered"].append(
        {
            "rule": "us.mg2023.g11-partial-ownership",
            "title": "Partial ownership of a supplier to rivals",
            "kind": "test",
            "weight": 2.0,
            "text": "Meta acquires 49 % of Scale AI's equity for USD 14.3bn. The stake gives Meta a substantial share of Scale AI's profits and may reduce Scale AI's incentive to compete for Meta's rivals.",
            "test": "A partial ownership interest may lessen competition if it gives the acquirer the ability to influence the target, reduces incentives to compete, or gives access to non-public information.",
            "conclusion": "Likely to attract scrutiny; prepare an incentive analysis.",
            "conclusion_generated": False,
            "cites": [{"n": 4, "full": True}, {"n": 5, "full": True}],
            "facts": [
                _fact(
                    "acquirer.equity.after",
                    "Meta's integrated equity interest in Scale AI (after the deal)",
                    "49 %",
                    [_cite(1, False), _cite(3, True)],
                    detail="direct plus indirect through chains of holdings",
                ),
                _fact(
                    "acquirer.voting.after",
                    "Meta's share of Scale AI's votes (after the deal)",
                    "0 %",
                    [_cite(3, False)],
                ),
                _fact(
                    "acquirer.vetoes.after",
                    "The matters over which Meta can veto Scale AI's decisions",
                    "unknown",
                    [],
                    question=1,
                ),
            ],
            "facts_above": [],
            "params": [
                {
                    "name": "params.significant_stake",
                    "label": "Stake treated as significant",
                    "value": "20 %",
                    "effective": "2023-12-18",
                    "reference": "2023 Merger Guidelines § 2.11",
                }
            ],
            "instances": [],
            "open": [1],
            "steps": [],
        }
    )
    info = _factor("information", "Access to rivals' competitively sensitive information")
    info["triggered"].append(
        {
            "rule": "us.mg2023.g5b-sensitive-information",
            "title": "Access to competitively sensitive information of rivals",
            "kind": "test",
            "weight": 3.0,
            "text": "Scale AI supplies data-labelling services to several of Meta's competitors in foundation models. Through the investment and the hiring of Scale AI's CEO, Meta may gain access to those rivals' training-data specifications.",
            "test": "A merger may substantially lessen competition where the merged firm gains access to competitively sensitive information of its rivals through a relationship with a firm that serves them.",
            "conclusion": "Met on the facts in the file.",
            "conclusion_generated": True,
            "cites": [{"n": 3, "full": True}, {"n": 4, "full": False}],
            "facts": [
                _fact(
                    "information.target_holds_rival_data",
                    "Scale AI's work for Meta's rivals gives it their confidential data",
                    "yes",
                    [_cite(4, True)],
                ),
                _fact(
                    "personnel.target_officer_hired",
                    "One of Scale AI's officers joins Meta",
                    "yes",
                    [_cite(1, False), _cite(2, False)],
                ),
            ],
            "facts_above": [
                {
                    "label": "Meta's integrated equity interest in Scale AI (after the deal)",
                    "value": "49 %",
                }
            ],
            "params": [],
            "instances": [],
            "open": [],
            "steps": [],
        }
    )
    personnel = _factor("board", "Board representation and interlocks")
    personnel["unknown"].append(
        {
            "rule": "us.clayton8.interlock",
            "title": "Interlocking directorates",
            "kind": "test",
            "text": "Whether a Meta officer will sit on Scale AI's board is not stated.",
            "requests": [2],
            "steps": [{"title": "Concentration under Art. 3 EUMR", "outcome": "open", "cites": []}],
            "unscreened": False,
            "instances": [],
        }
    )
    return {
        "id": "us",
        "name": "United States",
        "band": "high",
        "score": 7.0,
        "filing": "no",
        "control": "n/a",
        "notification": "mandatory-suspensory",
        "scoring_note": "The weights and band limits are this screen's policy, not law.",
        "pack": {"id": "us", "name": "United States", "version": "2026.1", "section": None},
        "counts": {"triggered": 2, "not_triggered": 2, "unknown": 1, "waived": 1},
        "factors": [filing, minority, personnel, info],
        "not_triggered": [
            {
                "rules": ["us.hsr.filing-required"],
                "title": "HSR notification",
                "factor": "Notification (filing) requirements",
                "outcome": "Not met",
            },
            {
                "rules": ["us.mg2023.g1-structural-presumption"],
                "title": "Structural presumption (Guideline 1)",
                "factor": "Horizontal concentration",
                "outcome": "Not met",
            },
        ],
    }


def _eu() -> dict[str, Any]:
    filing = _factor("filing", "Notification (filing) requirements")
    filing["unknown"].append(
        {
            "rule": "eu.eumr.art1-thresholds",
            "title": "EU dimension (Art. 1 EUMR)",
            "kind": "test",
            "text": "Scale AI's EU-wide turnover is not in the file.",
            "requests": [3],
            "steps": [],
            "unscreened": True,
            "instances": [
                {
                    "subject": "Data labelling",
                    "status": "unknown",
                    "text": "Scale AI's share is not in the file.",
                }
            ],
        }
    )
    return {
        "id": "eu",
        "name": "European Union",
        "band": "low",
        "score": 1.5,
        "filing": "unknown",
        "control": "no",
        "notification": "mandatory-suspensory",
        "scoring_note": None,
        "pack": {"id": "eu", "name": "European Union", "version": "2026.1", "section": None},
        "counts": {"triggered": 0, "not_triggered": 1, "unknown": 1, "waived": 0},
        "factors": [filing],
        "not_triggered": [
            {
                "rules": ["eu.cjn.decisive-influence"],
                "title": "Decisive influence",
                "factor": "Merger and control concepts",
                "outcome": "Not met",
            }
        ],
    }


_DIAGRAM = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="360pt" height="120pt" viewBox="0 0 360 120">'
    '<rect x="10" y="10" width="130" height="36" fill="none" stroke="#1f3864"/>'
    '<text x="75" y="33" text-anchor="middle" font-size="11" font-family="DejaVu Sans">Meta Platforms</text>'
    '<rect x="220" y="74" width="130" height="36" fill="none" stroke="#1f3864"/>'
    '<text x="285" y="97" text-anchor="middle" font-size="11" font-family="DejaVu Sans">Scale AI</text>'
    '<line x1="75" y1="46" x2="285" y2="74" stroke="#333"/>'
    '<text x="190" y="56" font-size="10" font-family="DejaVu Sans">{label}</text>'
    "</svg>"
)

_SAMPLE: dict[str, Any] = {
    "case": {
        "id": "meta-scale-2025",
        "title": "Meta Platforms / Scale AI — minority investment",
        "as_of": "2025-06-13",
        "jurisdictions": ["us", "eu"],
        "prepared_for": "General Counsel, Meta",
    },
    "generated": "2026-11-27 06:00 UTC",
    "trustbench": "0.1.0",
    "paper": "Letter",
    "deal": {
        "acquirer": "Meta Platforms, Inc.",
        "target": "Scale AI, Inc.",
        "acquirer_short": "Meta",
        "target_short": "Scale AI",
        "value": "USD 14.3bn",
        "consideration": "USD 14.3bn in cash for newly issued non-voting shares.",
        "dates": [
            {"label": "Announced", "date": "2025-06-12"},
            {"label": "Closing", "date": "2025-06-13"},
        ],
        "summary": "Meta invests in Scale AI for a 49 % non-voting equity stake; Scale AI's founder and CEO joins Meta to lead a new superintelligence group.",
        "parties": [
            {
                "role": "Acquirer",
                "name": "Meta Platforms, Inc.",
                "short": "Meta",
                "note": "Meta already held a small Series F stake.",
                "sources": [_cite(1, True)],
            },
            {
                "role": "Target",
                "name": "Scale AI, Inc.",
                "short": "Scale AI",
                "note": None,
                "sources": [],
            },
        ],
        "steps": [
            {
                "number": 1,
                "kind": "acquire_stake",
                "text": "Meta comes to hold 49 % of the equity of Scale AI in non-voting shares, 0 % of the votes, for USD 14.3bn.",
                "date": "2025-06-13",
                "note": "Reports differ on the price (USD 14.3bn or 14.8bn).",
                "sources": [_cite(1, False), _cite(2, True)],
            },
            {
                "number": 2,
                "kind": "hire",
                "text": "Meta hires Alexandr Wang from Scale AI as Chief AI Officer and keeps a board seat there.",
                "date": "2025-06-13",
                "note": None,
                "sources": [_cite(1, False), _cite(2, False)],
            },
            {
                "number": 3,
                "kind": "contract",
                "text": "Scale AI distributes part of the proceeds to existing shareholders and vested employees.",
                "date": None,
                "note": None,
                "sources": [],
            },
        ],
    },
    "diagram": {
        "before": _DIAGRAM.format(label="stake of unknown size"),
        "after": _DIAGRAM.format(label="49 % equity / 0 % votes, non-voting"),
        "shown": 2,
        "hidden": ["Accel", "Index Ventures"],
        "pair": True,
    },
    "summary": {
        "likeliest": {
            "name": "European Union",
            "notification": "Mandatory and suspensory — open",
            "certain": False,
            "text": "Scale AI's EU-wide turnover is not in the file.",
        },
        "rows": [
            {
                "id": "us",
                "name": "United States",
                "notification": "Mandatory and suspensory — not required",
                "merger": "Yes: Acquisition of stock within Clayton Act § 7",
                "theories": [
                    {"factor": "minority-stake", "label": "Minority stake", "state": "raised"},
                    {"factor": "information", "label": "Rivals' information", "state": "raised"},
                    {"factor": "board", "label": "Board links", "state": "open"},
                    {"factor": "horizontal", "label": "Concentration", "state": "not raised"},
                    {"factor": "personnel", "label": "Key staff", "state": "not screened"},
                ],
                "band": "High on the theories screened (3 of 4 substantive tests decided)",
                "open_requests": "request 2",
                "next_steps": [
                    {
                        "number": 2,
                        "text": "Will any Meta officer or director sit on, or observe at, Scale AI's board?",
                    }
                ],
            },
            {
                "id": "eu",
                "name": "European Union",
                "notification": "Mandatory and suspensory — open",
                "merger": "No: Decisive influence",
                "theories": [
                    {"factor": "minority-stake", "label": "Minority stake", "state": "not screened"}
                ],
                "band": None,
                "open_requests": "request 3",
                "next_steps": [],
            },
        ],
    },
    "jurisdictions": [_us(), _eu()],
    "structuring": None,
    "questions": [
        {
            "topic": "Rights",
            "items": [
                {
                    "number": 1,
                    "question": "Which veto, consent or information rights does Meta obtain over Scale AI?",
                    "facts": ["acquirer.vetoes.after"],
                    "effect": "weigh",
                    "same_as": None,
                    "rules": [
                        {
                            "id": "us.mg2023.g11-partial-ownership",
                            "title": "Partial ownership of a supplier to rivals",
                            "short": "Partial ownership of a supplier to rivals",
                            "jurisdiction": "United States",
                            "effect": "weigh",
                        }
                    ],
                }
            ],
        },
        {
            "topic": "Board and officers",
            "items": [
                {
                    "number": 2,
                    "question": "Will any Meta officer or director sit on, or observe at, Scale AI's board?",
                    "facts": ["acquirer.board.seats.after"],
                    "effect": "decide",
                    "same_as": None,
                    "rules": [
                        {
                            "id": "us.clayton8.interlock",
                            "title": "Interlocking directorates",
                            "short": "Interlocking directorates",
                            "jurisdiction": "United States",
                            "effect": "decide",
                        }
                    ],
                }
            ],
        },
        {
            "topic": "Financials",
            "items": [
                {
                    "number": 3,
                    "question": "What was Scale AI's EU-wide turnover in its last financial year?",
                    "facts": ["target.turnover.eu"],
                    "effect": "decide",
                    "same_as": None,
                    "rules": [
                        {
                            "id": "eu.eumr.art1-thresholds",
                            "title": "EU dimension (Art. 1 EUMR)",
                            "short": "EU dimension",
                            "jurisdiction": "European Union",
                            "effect": "decide",
                        }
                    ],
                }
            ],
        },
    ],
    "sources": _SOURCES,
    "authorities": _AUTHORITIES,
    "appendix": {
        "params": [
            {
                "jurisdiction": "us",
                "name": "params.hsr_size_of_transaction_floor",
                "label": "HSR size-of-transaction floor",
                "value": "USD 126.4m",
                "effective": "2025-02-21",
                "reference": "90 FR 7697 (2025)",
            },
            {
                "jurisdiction": "us",
                "name": "params.significant_stake",
                "label": "Stake treated as significant",
                "value": "20 %",
                "effective": "2023-12-18",
                "reference": "2023 Merger Guidelines § 2.11",
            },
            {
                "jurisdiction": "eu",
                "name": "params.eumr_worldwide",
                "label": "EUMR worldwide turnover",
                "value": "EUR 5,000m",
                "effective": "2004-05-01",
                "reference": "Regulation 139/2004, Art. 1(2)(a)",
            },
        ],
        "rules": [
            {
                "id": "us.hsr.filing-required",
                "title": "HSR notification",
                "pack": "us",
                "version": "2026.1",
                "status": "not_triggered",
            },
            {
                "id": "us.hsr.investment-only",
                "title": "Solely-for-investment exemption",
                "pack": "us",
                "version": "2026.1",
                "status": "waived",
            },
            {
                "id": "us.mg2023.g11-partial-ownership",
                "title": "Partial ownership of a supplier to rivals",
                "pack": "us",
                "version": "2026.1",
                "status": "triggered",
            },
            {
                "id": "us.clayton8.interlock",
                "title": "Interlocking directorates",
                "pack": "us",
                "version": "2026.1",
                "status": "unknown",
            },
            {
                "id": "eu.eumr.art1-thresholds",
                "title": "EU dimension (Art. 1 EUMR)",
                "pack": "eu",
                "version": "2026.1",
                "status": "unknown",
            },
        ],
        "hashes": [
            {
                "what": "Case file",
                "name": "meta-scale.yaml",
                "sha256": "9f2c4e1b7a3d5f60812e4c9b0a7d3e5f1c2b4a6d8e0f1a3c5b7d9e1f2a4c6b8d",
            },
            {
                "what": "Screen United States 2026.1",
                "name": "us (12 files)",
                "sha256": "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e",
            },
        ],
        "fx": [
            {
                "from": "EUR",
                "to": "USD",
                "rate": "1.08",
                "date": "2025-06-13",
                "sources": [_cite(2, False)],
            }
        ],
    },
    "later": None,
    "verification": None,
    "options": {"reviewer": False, "later_developments": False, "full_appendix": False},
}

_LATER = {
    "narrative": "Scale AI laid off 14 % of its staff in July 2025.",
    "dates": [{"label": "Closing", "date": "2025-07-01"}],
    "sources": [
        _source(6, "s90", "Scale AI lays off 14% staff", "UPI", "2025-07-16", None)
        | {"number": None, "cited": True}
    ],
    "authorities": [],
}
_VERIFICATION = {
    "notes": [
        {
            "where": "United States: Partial ownership of a supplier to rivals",
            "items": ["That the stake counts is recalled, not confirmed."],
        }
    ],
    "undated_sources": [_SOURCES[4]],
    "authorities": [_AUTHORITIES[0]],
    "later_sources": ["S90"],
}


def sample_context(reviewer: bool = False, later: bool = False) -> dict[str, Any]:
    """A fresh deep copy of the sample context, safe for a test to modify; ``reviewer`` and
    ``later`` add the verification notes and the later developments."""
    ctx = copy.deepcopy(_SAMPLE)
    if reviewer:
        ctx["verification"] = copy.deepcopy(_VERIFICATION)
        ctx["options"]["reviewer"] = True
    if later:
        ctx["later"] = copy.deepcopy(_LATER)
        ctx["options"]["later_developments"] = True
    return ctx
