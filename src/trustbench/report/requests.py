"""Information requests: every unknown fact a finding used, as a question for the client.

The result's fact catalogue (``Result.catalogue``) gives each fact a ``question`` and a
``topic``. Questions are written about
"the acquirer" and "the target"; here they name the parties ("Meta", "Scale AI") so the
client can answer them as they stand. Each question names the rules it bears on and how:

- ``decide``: the rule is undecided; the answer decides it;
- ``weigh``: the rule is triggered regardless; the answer bears on how much it weighs;
- ``complete``: the rule is not triggered on other grounds; the answer completes the record.

Questions are numbered once, across topics, so the analysis can point at them ("see
request 4"). The memo asks only what decides or weighs (``effects``): a question that would
merely complete the record of a finding not triggered on other grounds changes nothing the
client is told.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from trustbench.result import FactDocOut, FactUseOut, FindingOut, InstanceOut, JurisdictionOut

EFFECTS = ("decide", "weigh", "complete")
_PHASE = re.compile(r"\s*\((after|before) the deal\)$")


def _natural(text: str) -> list[Any]:
    """Sort key: "market 2" before "market 10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _partition_outside_brackets(text: str, sep: str) -> tuple[str, str, str]:
    """``str.partition`` at the first ``sep`` outside parentheses: a definition's colon inside
    a bracket ("(the EU concept …: decisive influence)") does not end its label."""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and text.startswith(sep, i):
            return text[:i], sep, text[i + len(sep) :]
    return text, "", ""


class Wording:
    """Fact descriptions and questions, with the parties' names put in."""

    def __init__(self, acquirer: str, target: str, catalogue: Mapping[str, FactDocOut]) -> None:
        self.acquirer, self.target = acquirer, target
        self.specs = catalogue

    def names(self, text: str) -> str:
        def sub(pattern: str, name: str, text: str) -> str:
            text = re.sub(rf"\bThe {pattern}\b", name, text)
            return re.sub(rf"\bthe {pattern}\b", name, text)

        text = sub("target", self.target, sub("acquirer", self.acquirer, text))
        return re.sub(r"(^|\s)[Tt]arget board\b", rf"\1{self.target} board", text)

    def label(self, fact: str) -> tuple[str, str]:
        """(label, detail): "Meta's integrated equity interest in Scale AI (after the deal)"
        and the definition after the colon, if the registry gives one."""
        spec = self.specs.get(fact)
        if spec is None:
            return fact, ""
        doc = self.names(spec.doc)
        phase = _PHASE.search(doc)
        if phase:
            doc = doc[: phase.start()]
        head, sep, rest = _partition_outside_brackets(doc, ": ")
        if not sep or head.endswith(" from"):
            head, rest = doc, ""
        if phase:
            head += f" ({phase.group(1)} the deal)"
        return head[:1].upper() + head[1:], rest

    def phrase(self, fact: str) -> str:
        """The fact as a noun phrase for running text ("it turns on …"): "whether the deal
        acquires stock …" for a yes/no fact, "the number of earlier acquisitions …" otherwise.
        Its first word keeps the case the definition gives it (a party's name stays capital)."""
        spec = self.specs.get(fact)
        if spec is None:
            return fact
        head, _ = self.label(fact)
        doc = self.names(spec.doc)
        if doc[:1].islower():
            head = head[:1].lower() + head[1:]
        return f"whether {head}" if spec.type == "bool" else head

    def question(self, fact: str, subject: str | None) -> tuple[str, str]:
        """(question, topic) for an unknown fact."""
        spec = self.specs.get(fact)
        if spec is None:
            return f"Please provide: {fact}.", "General"
        if spec.question:
            text = spec.question.replace("{market}", subject or "relevant").strip()
            if "?" not in text and not text.startswith("Please"):
                text = "Please provide " + text[:1].lower() + text[1:]
        else:
            label, _ = self.label(fact)
            label = label[:1].lower() + label[1:]
            text = (
                f"Please confirm whether {label}."
                if spec.type == "bool"
                else f"Please provide {label}."
            )
        return self.names(text), spec.topic


@dataclass
class Request:
    question: str
    topic: str
    facts: list[str] = field(default_factory=list)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    number: int = 0

    @property
    def effect(self) -> int:
        return min(EFFECTS.index(r["effect"]) for r in self.rules.values())

    @property
    def decides(self) -> int:
        """How many findings the answer decides (issue 15: the most decisive asked first)."""
        return sum(1 for r in self.rules.values() if r["effect"] == "decide")


def uses(part: FindingOut | InstanceOut) -> tuple[FactUseOut, ...]:
    """The facts a finding (or one market of it) used, in the order the evaluator met them."""
    if isinstance(part, InstanceOut):
        return part.used or ()
    return part.detail.used if part.detail else ()


def subject_of(part: FindingOut | InstanceOut) -> str | None:
    return part.subject if isinstance(part, InstanceOut) else None


def _unknowns(
    f: FindingOut, specs: Mapping[str, FactDocOut]
) -> Iterator[tuple[str, str | None, str]]:
    """(fact, market, effect) for every fact the finding could not know."""
    parts: tuple[FindingOut | InstanceOut, ...] = f.instances or (f,)
    for part in parts:
        effect = {"unknown": "decide", "triggered": "weigh"}.get(part.status, "complete")
        names = list(part.missing) if part.status == "unknown" else []
        names += [u.name for u in uses(part) if u.value is None]
        for name in dict.fromkeys(names):
            if name in specs:
                yield name, subject_of(part), effect


class Requests:
    """The numbered requests, and which request asks for which fact."""

    def __init__(
        self,
        results: list[JurisdictionOut],
        wording: Wording,
        effects: tuple[str, ...] = EFFECTS,
    ) -> None:
        by_question: dict[str, Request] = {}
        self.by_fact: dict[tuple[str, str | None], int] = {}
        keys: dict[tuple[str, str | None], str] = {}
        for r in results:
            for f in r.findings:
                if f.waiver:
                    continue
                for name, subject, effect in _unknowns(f, wording.specs):
                    if effect not in effects:
                        continue
                    text, topic = wording.question(name, subject)
                    req = by_question.setdefault(text, Request(text, topic))
                    if name not in req.facts:
                        req.facts.append(name)
                    entry = req.rules.setdefault(
                        f.rule,
                        {"id": f.rule, "title": f.title, "jurisdiction": r.name, "effect": effect},
                    )
                    if EFFECTS.index(effect) < EFFECTS.index(entry["effect"]):
                        entry["effect"] = effect
                    keys[(name, subject)] = text
        topics: dict[str, list[Request]] = {}
        for req in by_question.values():
            topics.setdefault(req.topic, []).append(req)
        self.groups = sorted(
            (
                (topic, sorted(items, key=lambda q: (q.effect, -q.decides, _natural(q.question))))
                for topic, items in topics.items()
            ),
            key=lambda g: (min(q.effect for q in g[1]), -max(q.decides for q in g[1]), g[0]),
        )
        number = 0
        for _, items in self.groups:
            for req in items:
                number += 1
                req.number = number
        for key, text in keys.items():
            self.by_fact[key] = by_question[text].number

    def number(self, fact: str, subject: str | None = None) -> int | None:
        """The request asking for ``fact`` (in market ``subject``, or in any market)."""
        if (fact, subject) in self.by_fact:
            return self.by_fact[(fact, subject)]
        return next(
            (
                n
                for (name, _), n in sorted(self.by_fact.items(), key=lambda i: i[1])
                if name == fact
            ),
            None,
        )

    def context(self) -> list[dict[str, Any]]:
        return [
            {
                "topic": topic,
                "items": [
                    {
                        "number": q.number,
                        "question": q.question,
                        "facts": q.facts,
                        "effect": EFFECTS[q.effect],
                        "rules": sorted(
                            q.rules.values(), key=lambda x: (EFFECTS.index(x["effect"]), x["id"])
                        ),
                    }
                    for q in items
                ],
            }
            for topic, items in self.groups
        ]
