"""The small, clean pack the fixtures start from: ``rules validate .`` passes it. A fixture
changes one or two of its files to raise its check."""

from __future__ import annotations

from trustbench.rules.checks import Link

MANIFEST = """\
id: xx
jurisdiction: xx
name: Testland
version: "1"
"""

PARAMS = """\
threshold:
  description: the stake above which the rule applies
  unit: share
  type: double
  values:
    2020-01-01: 0.25
  reference:
    title: Test Act, § 1
"""

AUTHORITIES = """\
act:
  date: 2020-01-01
  short: Test Act § 1
  full: The Test Act 2020, § 1
"""

RULE = """\
title: Stake above the threshold
factor: control
weight: 1
when: acquirer.equity.after > params.threshold
test: A stake above {params.threshold|pct}.
finding:
  triggered: "{acquirer} holds {acquirer.equity.after|pct} of {target}."
  not_triggered: "{acquirer} holds {acquirer.equity.after|pct} of {target}."
cites: [act]
examples:
  - name: above
    facts:
      acquirer.equity.after: 0.3
    expect: triggered
  - name: at-threshold
    facts:
      acquirer.equity.after: 0.25
    expect: not_triggered
"""

DEFINITION_EXAMPLES = """\
cites: [act]
examples:
  - {name: above, facts: {acquirer.equity.after: 0.3}, expect: true}
  - {name: at, facts: {acquirer.equity.after: 0.25}, expect: false}
"""


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must be there, once) replaced by ``new``."""
    if text.count(old) != 1:
        raise ValueError(f"{old!r} is not in the snippet exactly once")
    return text.replace(old, new)


def pack(
    folder: str = "pack", manifest: str = MANIFEST, **files: str | Link | None
) -> dict[str, str | Link | None]:
    """The base pack in ``folder``; each keyword (``stake``, ``params``, …; ``__`` for ``/``)
    replaces or adds ``<name>.yaml``, ``None`` leaves it out."""
    base: dict[str, str | Link | None] = {
        "pack": manifest,
        "params": PARAMS,
        "authorities": AUTHORITIES,
        "stake": RULE,
        **files,
    }
    return {
        f"{folder}/{name.replace('__', '/')}.yaml": text
        for name, text in base.items()
        if text is not None
    }
