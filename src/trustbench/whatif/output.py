"""The finder's result as text (``trustbench whatif``) and as the JSON ``options`` key."""

from __future__ import annotations

from typing import Any

from trustbench.whatif.finder import Effect, Option, Target, WhatIf
from trustbench.whatif.questions import Question

GOAL = {
    "not_triggered": "what turns it off",
    "decided": "what decides it",
    "brought_in": "not required — what would bring it in",
}
LABEL = {"triggered": "triggered", "not_triggered": "not triggered", "unknown": "unknown"}
MARK = {"triggered": "●", "not_triggered": "○", "unknown": "?"}
MAX_ALSO = 4
MAX_TURNS = 4


def effect_text(e: Effect) -> str:
    text = f"{e.rule} {LABEL[e.before]} → {LABEL[e.after]}"
    if e.missing:
        text += " (then needs: " + ", ".join(e.missing) + ")"
    return text


def option_lines(option: Option, target: Target | None, indent: str) -> list[str]:
    lines = [indent + "; ".join(m.text() for m in option.moves)]
    others = [e for e in option.effects if target is None or e.rule != target.rule]
    if target is not None:
        after = option.verdicts[target.jurisdiction].statuses[target.rule]
        lines[0] += f"  → {LABEL[after]}"
        mine = next((e for e in option.effects if e.rule == target.rule), None)
        if mine is not None and mine.missing:
            lines[0] += " (then needs: " + ", ".join(mine.missing) + ")"
    pad = " " * len(indent)
    for e in others[:MAX_ALSO]:
        lines.append(pad + "also: " + effect_text(e))
    if len(others) > MAX_ALSO:
        lines.append(pad + f"and {len(others) - MAX_ALSO} more changes (--format json lists all)")
    return lines


def whatif_text(report: WhatIf, questions: list[Question], title: str) -> str:
    lines = [
        f"{title} — structuring options",
        f"{report.evaluations} patched deals evaluated; each option below was verified by "
        "evaluating the whole deal again under it.",
        "levers: " + ", ".join(report.levers),
        "",
    ]
    by_fact = {q.fact: q for q in questions}
    for jid, verdict in report.base.items():
        lines.append(
            f"{jid}: filing {verdict.filing}; control/merger {verdict.control}; band {verdict.band}"
        )
        for target in (t for t in report.targets if t.jurisdiction == jid):
            lines += _target_lines(target, by_fact)
        lines.append("")
    lines.append("Options that work across all jurisdictions (improve something, worsen nothing):")
    for i, option in enumerate(report.across[:8], 1):
        lines += option_lines(option, None, f"  {i}. ")
    if not report.across:
        lines.append("  none among the levers of this file")
    lines += ["", "Decisive questions (the answers that decide the most findings first):"]
    for i, q in enumerate(questions, 1):
        lines += question_lines(q, f"  {i}. ")
    return "\n".join(lines)


def _target_lines(target: Target, by_fact: dict[str, Question]) -> list[str]:
    lines = [f"  {MARK[target.status]} {target.rule} ({GOAL[target.goal]})"]
    for i, option in enumerate(target.options, 1):
        lines += option_lines(option, target, f"      {i}. ")
    if not target.options:
        lines.append("      no lever of the deal turns it; it turns on facts outside the deal's")
        lines.append("      structure: " + ", ".join(target.deciding))
    if target.status == "unknown" or not target.options:
        turns = [
            (q.fact, f)
            for q in by_fact.values()
            for f in q.flips
            if f.rule == target.rule and f.outcomes
        ]
        if turns:
            lines.append("      on the file's open facts it turns on:")
        for fact, flip in turns[:MAX_TURNS]:
            where = f" [{flip.subject}]" if flip.subject else ""
            lines.append(f"        {fact}{where}: {flip.text()}")
    return lines


def question_lines(q: Question, head: str) -> list[str]:
    lines = [f"{head}{q.fact} — decides {q.decides}, bears on {len(q.flips)}: {q.question}"]
    for flip in q.flips:
        where = f" [{flip.subject}]" if flip.subject else ""
        what = flip.text() or "decided together with " + ", ".join(flip.together_with)
        lines.append(f"       {flip.rule}{where}: {what}")
    return lines


# -- JSON ---------------------------------------------------------------------------------


def option_json(option: Option) -> dict[str, Any]:
    return {
        "changes": [c.plain() for c in option.patch],
        "moves": [
            {"lever": m.lever, "text": m.text(), "value": m.value, "base": m.base}
            for m in option.moves
        ],
        "verified": True,
        "effects": [
            {
                "jurisdiction": e.jurisdiction,
                "rule": e.rule,
                "before": e.before,
                "after": e.after,
                "missing": list(e.missing),
            }
            for e in option.effects
        ],
        "answers": {
            j: {"filing": v.filing, "control": v.control, "band": v.band, "score": v.score}
            for j, v in sorted(option.verdicts.items())
        },
    }


def options_json(report: WhatIf, questions: list[Question]) -> dict[str, Any]:
    """The ``options`` key: per finding its verified options (or the facts that decide
    it), the options that work across all jurisdictions, and the decisive questions."""
    return {
        "levers": report.levers,
        "evaluations": report.evaluations,
        "findings": [
            {
                "jurisdiction": t.jurisdiction,
                "rule": t.rule,
                "status": t.status,
                "goal": t.goal,
                "options": [option_json(o) for o in t.options],
                "deciding_facts": t.deciding,
            }
            for t in report.targets
        ],
        "across": [option_json(o) for o in report.across],
        "questions": [
            {
                "fact": q.fact,
                "question": q.question,
                "decides": q.decides,
                "findings": [
                    {
                        "jurisdiction": f.jurisdiction,
                        "rule": f.rule,
                        "subject": f.subject,
                        "decides": f.decides,
                        "outcomes": [{"when": w, "status": s} for w, s in f.outcomes],
                        "together_with": list(f.together_with),
                    }
                    for f in q.flips
                ],
            }
            for q in questions
        ],
    }
