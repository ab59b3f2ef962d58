"""Deal files written by the memo tests: one with hostile text, one with many entities."""

from __future__ import annotations

import json

IMG = "<img src=x onerror=alert(1)>"
JINJA = "{{ 7*7 }}"
HOSTILE_NAMES = {
    "acquirer": IMG,
    "target": f"{JINJA} & \"Co\" 'Ltd'",
    "person": "</text><script>alert(1)</script>",
    "customer": "{% for x in range(99999999) %}x{% endfor %}",
}


def hostile_deal_yaml() -> str:
    """Every free text is HTML or template syntax; the memo must show it literally."""
    q = json.dumps  # a JSON string is a valid YAML scalar, whatever it contains
    n = HOSTILE_NAMES
    return f"""
case:
  id: hostile
  title: {q("Case " + IMG + " " + JINJA)}
  as_of: 2025-06-13
  jurisdictions: [us]
  summary: {q("<b>bold</b> " + JINJA + " <style>body{display:none}</style>")}
sources:
  - id: s1
    title: {q('<link rel="stylesheet" href="http://example.com/x.css"> ' + JINJA)}
    publisher: {q("<iframe src=file:///etc/passwd>")}
    url: {q("javascript:alert(1)")}
entities:
  - {{id: acq, name: {q(n["acquirer"])}, revenues: [{{amount: USD 5bn}}]}}
  - {{id: tgt, name: {q(n["target"])}, note: {q("<svg onload=alert(1)> " + JINJA)}, source: s1}}
  - {{id: pers, name: {q(n["person"])}, kind: person}}
  - {{id: cust, name: {q(n["customer"])}}}
holdings:
  - {{holder: acq, issuer: tgt, equity: 0.1, source: s1}}
boards:
  - company: tgt
    directors: [{{person: pers, designated_by: acq, source: s1}}]
supply:
  - {{supplier: tgt, customer: cust, product: {q("<b>widgets</b>")}, status: reduced, source: s1}}
transaction:
  acquirer: acq
  target: tgt
  value: USD 400m
  steps:
    - kind: acquire_stake
      equity: 0.3
      class: non-voting
      note: {q("]]><!-- " + JINJA + " -->")}
      source: s1
    - kind: contract
      text: {q("<script>alert(1)</script> " + JINJA)}
      source: s1
"""


def big_deal_yaml(customers: int = 12, holders: int = 8, people: int = 6) -> str:
    """A deal with 30 entities: a fund over a holding company over the
    acquirer; holders and directors of the target; officers; customers of the target."""
    lines = [
        "case: {id: big, title: Thirty entities, as_of: 2025-06-13, jurisdictions: [us]}",
        "entities:",
        "  - {id: fund, name: Blue Harbour Capital Partners Fund IV LP, kind: fund}",
        "  - {id: holdco, name: Blue Harbour Holdings S.à r.l.}",
        "  - {id: acq, name: Acquirer Industries Corporation, short: Acquirer}",
        "  - {id: tgt, name: Target Technologies Inc., short: Target}",
    ]
    lines += [
        f"  - {{id: h{i}, name: Shareholder {i} Ventures LLC, kind: fund}}" for i in range(holders)
    ]
    lines += [f"  - {{id: p{i}, name: Person{i} Surname, kind: person}}" for i in range(people)]
    lines += [f"  - {{id: c{i}, name: Customer {i} Corporation}}" for i in range(customers)]
    lines += [
        "holdings:",
        "  - {holder: fund, issuer: holdco, equity: 1.0}",
        "  - {holder: holdco, issuer: acq, equity: 0.62, voting: 0.8}",
    ]
    lines += [f"  - {{holder: h{i}, issuer: tgt, equity: 0.0{i + 1}}}" for i in range(holders)]
    lines += ["boards:", "  - company: tgt", "    directors:"]
    lines += [f"      - {{person: p{i}, designated_by: h{i}}}" for i in range(people - 2)]
    lines += [
        "    officers:",
        f"      - {{person: p{people - 2}, title: Chief Executive Officer}}",
        "  - company: acq",
        "    officers:",
        f"      - {{person: p{people - 1}, title: General Counsel}}",
        "rights:",
        "  - {holder: acq, issuer: tgt, kind: veto, matters: [budget, business_plan]}",
        "supply:",
    ]
    lines += [
        f"  - {{supplier: tgt, customer: c{i}, product: widgets, "
        f"status: {'reduced' if i % 3 == 0 else 'ongoing'}}}"
        for i in range(customers)
    ]
    lines += [
        "transaction:",
        "  acquirer: acq",
        "  target: tgt",
        "  steps:",
        "    - {kind: acquire_stake, equity: 30%, class: voting, value: USD 400m}",
        f"    - {{kind: appoint_director, person: p{people - 1}, designated_by: acq}}",
        f"    - {{kind: hire, person: p{people - 2}, title: Head of Widgets}}",
    ]
    return "\n".join(lines) + "\n"
