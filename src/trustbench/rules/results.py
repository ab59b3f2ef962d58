"""``rules test`` output: a text summary, JSON, or JUnit XML for CI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict

from trustbench.errors import Diagnostic
from trustbench.rules.examples import ExampleResult


def as_text(results: list[ExampleResult], problems: list[Diagnostic]) -> str:
    failed = [r for r in results if not r.passed]
    lines = [f"{r.file}:{r.line}: FAIL {r.id}: {r.message}" for r in failed]
    summary = f"{len(results) - len(failed)} passed, {len(failed)} failed"
    if problems:
        summary += f", {len(problems)} problems in the packs (see above)"
    return "\n".join([*lines, summary])


def as_json(results: list[ExampleResult], problems: list[Diagnostic]) -> str:
    failed = sum(1 for r in results if not r.passed)
    doc = {
        "passed": len(results) - failed,
        "failed": failed,
        "errors": [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
            }
            for d in problems
        ],
        "results": [
            {
                "id": r.id,
                "pack": r.pack,
                "rule": r.rule,
                "example": r.example,
                "expected": r.expected,
                "actual": r.actual,
                "passed": r.passed,
                "file": r.file,
                "line": r.line,
                "message": r.message,
            }
            for r in results
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)


def as_junit(results: list[ExampleResult], problems: list[Diagnostic]) -> str:
    """One ``<testsuite>`` per pack, one ``<testcase>`` per example (classname: the rule
    id); problems that kept a pack from loading are ``<error>`` cases of a ``validate``
    suite, so that CI shows them too."""
    by_pack: dict[str, list[ExampleResult]] = defaultdict(list)
    for r in results:
        by_pack[r.pack].append(r)
    root = ET.Element(
        "testsuites",
        name="trustbench rules",
        tests=str(len(results) + len(problems)),
        failures=str(sum(not r.passed for r in results)),
        errors=str(len(problems)),
    )
    for pack in sorted(by_pack):
        cases = by_pack[pack]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=pack,
            tests=str(len(cases)),
            failures=str(sum(not r.passed for r in cases)),
            errors="0",
        )
        for r in cases:
            case = ET.SubElement(
                suite, "testcase", classname=r.rule, name=r.example, file=r.file, line=str(r.line)
            )
            if not r.passed:
                failure = ET.SubElement(case, "failure", message=r.message, type="ExampleFailed")
                failure.text = f"{r.file}:{r.line}: {r.message}"
    if problems:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="validate",
            tests=str(len(problems)),
            failures="0",
            errors=str(len(problems)),
        )
        for d in problems:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=d.code or "rule",
                name=f"{d.file}:{d.line}",
                file=d.file,
                line=str(d.line),
            )
            error = ET.SubElement(case, "error", message=d.message, type=d.code or "error")
            error.text = d.render()
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
