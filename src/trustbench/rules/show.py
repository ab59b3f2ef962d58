"""``rules show``: everything about one rule, its parameters as of a date."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from trustbench.facts import REGISTRY
from trustbench.rules.pack import LoadedRule, Pack, resolve, unwrap
from trustbench.rules.text import fmt, render

_SUMMARY = {"filing": "filing required?", "control": "merger / control concept met?"}


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=96,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def describe(pack: Pack, loaded: LoadedRule, when: dt.date) -> str:
    rule = loaded.rule
    lines = [
        f"{loaded.id} — {rule.title}",
        f"  file:    {loaded.file}",
        f"  pack:    {pack.id} {pack.manifest.version} ({pack.manifest.name})"
        + (f", defined in {loaded.pack}" if loaded.pack != pack.id else ""),
        f"  factor:  {rule.factor}   weight: {rule.weight:g}"
        + (f"   answers: {_SUMMARY[rule.summary]}" if rule.summary else "")
        + ("   (once per market)" if rule.each == "market" else ""),
    ]
    if loaded.id in pack.disabled:
        off = pack.disabled[loaded.id]
        lines.append(f"  DISABLED by {off.pack} ({off.file}:{off.line}): {off.reason}")
    lines.append(_wrap("test: " + render(rule.test, _lookup(pack, when)), "  "))
    lines.append("  when:")
    lines.extend(f"    {row}" for row in _as_written(loaded))
    names = loaded.compiled.names if loaded.compiled else ()
    lines.extend(_params(pack, [n for n in names if n.startswith("params.")], when))
    lines.extend(_facts([n for n in names if n in REGISTRY.specs]))
    lines.extend(_references(pack, [n for n in names if n.startswith(("def.", "rule."))]))
    lines.append("  authorities:")
    for cite in rule.cites:
        auth = pack.authorities.get(cite)
        text = (
            f"{cite}: {auth.cite()} — {auth.full}"
            + (f" <{auth.url}>" if auth.url else "")
            + (f" [{auth.confidence}]" if auth.confidence != "confirmed" else "")
            if auth
            else f"{cite}: (not defined)"
        )
        lines.append(_wrap(text, "    "))
    lines.append(f"  examples ({len(rule.examples)}; `trustbench rules test` runs them):")
    for ex in rule.examples:
        lines.append(
            f"    {ex.name} → {ex.expect.replace('_', ' ')}"
            + (f" (as of {ex.as_of})" if ex.as_of else "")
        )
    if rule.note:
        lines.append(_wrap("note: " + rule.note, "  "))
    return "\n".join(lines)


def _as_written(loaded: LoadedRule) -> list[str]:
    """The condition as the file writes it (a folded scalar reads better unfolded)."""
    key_line, key_col = loaded.doc.locate_key(("when",))
    rows = loaded.doc.text.split("\n")
    head = rows[key_line - 1][key_col - 1 :].split(":", 1)[-1].strip()
    block = [] if head in (">-", ">", "|", "|-", ">+", "|+") else [head]
    for row in rows[key_line:]:
        if row.strip() and len(row) - len(row.lstrip()) < key_col:
            break
        block.append(row)
    block = textwrap.dedent("\n".join(block)).strip("\n").split("\n")
    return block if any(r.strip() for r in block) else loaded.rule.when.splitlines()


def _lookup(pack: Pack, when: dt.date) -> Any:
    def lookup(name: str) -> tuple[Any, str]:
        param = pack.params.get(name.removeprefix("params."))
        if name.startswith("params.") and param is not None:
            found = resolve(param, when)
            return (found.value if found else None), param.unit
        return f"[{name}]", "text"

    return lookup


def _params(pack: Pack, names: list[str], when: dt.date) -> list[str]:
    if not names:
        return []
    lines = [f"  parameters as of {when.isoformat()}:"]
    for name in names:
        param = pack.params[name.removeprefix("params.")]
        found = resolve(param, when)
        shown = (
            f"{fmt(found.value, param.unit)}, in force from {found.effective}"
            if found and found.value is not None
            else "not in force on this date"
        )
        lines.append(f"    {name} = {shown}  ({param.type}, {param.unit})")
        ref = found.reference if found else param.reference
        lines.append(
            _wrap(
                ref.title
                + (f", {ref.pinpoint}" if ref.pinpoint else "")
                + (f" <{ref.href}>" if ref.href else "")
                + f" [{ref.confidence}]",
                "        ",
            )
        )
        series = []
        for date in sorted(param.values):
            value = unwrap(param.values[date])[0]
            mark = " ←" if found and date == found.effective else ""
            series.append(f"{date}: {fmt(value, param.unit)}{mark}")
        lines.append(_wrap("values: " + "; ".join(series), "        "))
    return lines


def _facts(names: list[str]) -> list[str]:
    if not names:
        return []
    lines = ["  facts (`trustbench facts` lists them all):"]
    for name in names:
        spec = REGISTRY[name]
        lines.append(f"    {name} ({spec.type}, {spec.unit})")
        lines.append(_wrap(spec.doc, "        "))
    return lines


def _references(pack: Pack, names: list[str]) -> list[str]:
    """The definitions and other rules' outcomes a condition uses (not facts: they have no
    entry in the fact catalogue)."""
    if not names:
        return []
    lines = ["  uses (definitions and other rules' outcomes):"]
    for name in names:
        found = pack.definitions.get(name)
        title = found.definition.title if found is not None else "the outcome of another rule"
        lines.append(_wrap(f"{name}: {title}", "    "))
    return lines


__all__ = ["describe"]
