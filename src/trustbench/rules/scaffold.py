"""``rules new``: a new jurisdiction pack that passes ``rules validate`` as written, with
every place to fill in marked ``TODO``."""

from __future__ import annotations

import re
from pathlib import Path

from trustbench.errors import TrustbenchError
from trustbench.sources import display_path

PACK = """\
# The {name} pack. `trustbench schema pack` prints every key a pack.yaml may have.
# TODO: fill in name, description and scoring_note; adjust the bands (screening policy).
id: {id}
jurisdiction: {id}
name: "TODO: {name} (as memos should print it)"
version: "0.1"
currency: {currency}
description: >-
  TODO: what this pack screens, under which laws, and what it leaves out. This is screening
  analysis, not legal advice.
# A jurisdiction's score is the sum of the weights of its triggered rules; the band is the
# highest whose `min` the score reaches.
bands:
  - band: low
    min: 0
  - band: medium
    min: 3
  - band: high
    min: 6
scoring_note: >-
  TODO: the weights and band limits are this pack's screening policy, not law; say so, and why.
"""

PARAMS = """\
# Dated thresholds of the {id} pack. A rule uses a parameter as params.<name>: never write a
# threshold inside a condition. Each value applies from its date (oldest first) until the
# next; a deal is screened with the values in force on its `as_of` date.

notification_threshold:
  # TODO: the threshold your law sets, and each value with the date it took effect.
  description: >-
    TODO: what the threshold is, e.g. the value of the transaction above which a notification
    is required
  unit: {currency}             # {currency}, share (0.25 means 25 %), or a word such as "HHI points"
  type: double            # double (amounts, shares), int (counts), bool or string
  values:
    2024-01-01: 100_000_000   # TODO: the value, from the date it took effect
  reference:              # where the value comes from; memos quote it
    title: "TODO: the statute, regulation or notice that sets the threshold"
    href: https://example.org/TODO
    pinpoint: "TODO: the section or article"
    confidence: recalled  # confirmed (checked against the source), recalled or derived
"""

AUTHORITIES = """\
# Authorities cited by the {id} pack's rules (a rule's `cites: [id, ...]`). The memo prints
# the short form with the pinpoint, and footnotes the full citation.

merger-control-act:
  short: "TODO: the short citation, e.g. Competition Act § 1"
  full: "TODO: the full citation"
  pinpoint: "TODO: the provision relied on"
  url: https://example.org/TODO
  confidence: recalled    # confirmed, recalled or derived
  date: 1900-01-01        # TODO: the date from which it holds (entry into force, publication)
"""

RULE = """\
# {id}.filing.notification-required — the id is the file's path in the pack.
# TODO: replace this example rule with your jurisdiction's test; keep the examples in step.
title: "TODO: Notification required (value of the transaction)"
factor: filing            # filing, control, minority-stake, board, vertical, information,
                          # horizontal, potential-competition, buyer-side,
                          # conglomerate or personnel
summary: filing           # this rule answers "is a filing required?"
weight: 1                 # how much a triggered finding adds to the score (policy)
when: >-
  deal.value.{cur} > params.notification_threshold
test: >-
  TODO: the legal test in words. A notification is required where the value of the
  transaction exceeds {{params.notification_threshold|money}}.
finding:
  triggered: >-
    A notification appears to be required: {{acquirer}}'s acquisition of {{target}} is worth
    {{deal.value.{cur}|money}}, above the {{params.notification_threshold|money}} threshold.
  not_triggered: >-
    No notification is required on this test: the deal is worth {{deal.value.{cur}|money}},
    not above the {{params.notification_threshold|money}} threshold.
  unknown: >-
    Whether a notification is required cannot be said until the value of the deal is known.
cites: [merger-control-act]
examples:                 # facts are given directly; `trustbench rules test` runs them
  - name: above-threshold
    facts:
      deal.value.{cur}: 150_000_000.0
    expect: triggered
  - name: at-threshold    # the boundary: "exceeds" leaves a deal worth exactly this out
    facts:
      deal.value.{cur}: 100_000_000.0
    expect: not_triggered
  - name: below-threshold
    facts:
      deal.value.{cur}: 50_000_000.0
    expect: not_triggered
  - name: value-unknown   # a missing fact makes the outcome unknown, never false
    facts: {{}}
    expect: unknown
"""


FILES = {
    "pack.yaml": PACK,
    "params.yaml": PARAMS,
    "authorities.yaml": AUTHORITIES,
    "filing/notification-required.yaml": RULE,
}
CURRENCIES = ("USD", "EUR", "GBP")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def scaffold(
    jurisdiction: str, parent: Path, name: str | None = None, currency: str = "EUR"
) -> Path:
    """Write the pack into ``parent/jurisdiction``; refuse to overwrite anything."""
    if not _ID.match(jurisdiction):
        raise TrustbenchError(
            f"jurisdiction {jurisdiction!r}: use lower-case letters, digits and dashes",
            hint="e.g. fr, de, uk, br-cade",
        )
    if currency not in CURRENCIES:
        raise TrustbenchError(
            f"--currency: expected one of {', '.join(CURRENCIES)}, got {currency!r}"
        )
    folder = parent / jurisdiction
    if folder.exists():
        raise TrustbenchError(
            "not overwriting an existing folder",
            file=display_path(folder),
            hint="choose another jurisdiction id or --dir",
        )
    values = {
        "id": jurisdiction,
        "name": name or jurisdiction.upper(),
        "currency": currency,
        "cur": currency.lower(),
    }
    for rel, template in FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return folder


def todos(folder: Path) -> list[str]:
    """``file:line: text`` of every TODO left in the pack."""
    out = []
    for path in sorted(folder.rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "TODO" in line:
                text = line.strip().lstrip("#").strip()
                out.append(f"{display_path(path)}:{number}: {text}")
    return out
