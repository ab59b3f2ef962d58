"""The target's activity in Germany, for the transaction-value threshold of GWB § 35(1a) no. 4
("in erheblichem Umfang im Inland tätig").

The Bundeskartellamt and the Austrian Bundeswettbewerbsbehörde's joint guidance on
transaction-value thresholds (July 2018, revised December 2021) judges domestic activity by
its market orientation and by local indicators rather than turnover: users or customers in
the country (for digital services, monthly active users or unique visitors), sites, and
research and development carried on there. This module reads those indicators from the
deal file's ``activity`` records of the target (and its German turnover, which is itself
market-oriented activity); the rule decides from the list.

The fact is unknown only when the file records no activity of the target anywhere and no
German turnover: a file that describes the target's activity elsewhere and none in Germany
states that there is none.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range
from trustbench.model.deal import Activity
from trustbench.model.types import source_ids

GERMANY = frozenset({"de", "germany", "deutschland"})
RESEARCH_WORDS = ("research", "r&d", "development", "lab", "forschung", "entwicklung")


def _positive(count: int | Range | None) -> bool | None:
    """A count above nil (a bound decides only if it excludes nil)."""
    if count is None:
        return None
    if isinstance(count, Range):
        return count.compare(">", 0.0)
    return count > 0


def _labels(record: Activity) -> list[str]:
    labels = [
        label
        for label, count in (
            ("users", record.users),
            ("customers", record.customers),
            ("staff", record.employees),
        )
        if _positive(count)
    ]
    if record.sites:
        labels.append("sites")
    counts = (record.users, record.customers, record.employees)
    if not record.sites and all(c is None for c in counts):
        labels.append("activity without figures")
    if any(w in site.lower() for site in record.sites for w in RESEARCH_WORDS):
        labels.append("research")
    return labels


def _undecided(record: Activity) -> bool:
    """A record that names no positive figure but leaves one open (a bound from nil)."""
    counts = (record.users, record.customers, record.employees)
    return any(isinstance(c, Range) and c.compare(">", 0.0) is None for c in counts)


def _german_turnover(ctx: FactContext) -> tuple[bool, list[str]]:
    target = ctx.entity(ctx.target)
    figures = [f for f in target.revenues if f.geography.strip().lower() in GERMANY]
    sources = [s for f in figures for s in source_ids(f.source)]
    positive = any(
        f.amount.range.compare(">", 0.0) is True
        if isinstance(f.amount, MoneyBound)
        else f.amount.amount > 0
        for f in figures
    )
    return positive, sources


@fact(
    "de.target_activity",
    "list",
    "kinds",
    "the kinds of activity of the target recorded in Germany: users, customers, staff, sites, "
    "research (a site for research or development), turnover, or 'activity without figures' "
    "(a German record that gives none); empty when the file records the target's activity "
    "elsewhere and none (or only nil figures) in Germany",
    test="GWB § 35(1a) no. 4 (substantial domestic operations)",
    question="Is the target active in Germany: how many users or customers (for a digital "
    "service, monthly active users or unique visitors), staff, sites, or research and "
    "development does it have there?",
    topic="Financials",
)
def _target_activity(ctx: FactContext) -> Value:
    target = ctx.entity(ctx.target)
    records = [a for a in target.activity if a.geography.strip().lower() in GERMANY]
    turnover, sources = _german_turnover(ctx)
    sources += [s for a in records for s in source_ids(a.source)]
    labels = [label for a in records for label in _labels(a)]
    if turnover:
        labels.append("turnover")
    found = list(dict.fromkeys(labels))
    if found:
        return known(found, sources)
    if any(_undecided(a) for a in records):
        return unknown("the German activity is given only as a bound that includes nil", sources)
    if target.activity or records:
        return known([], sources, "the file records no activity of the target in Germany")
    return unknown("the file records no activity of the target anywhere")
