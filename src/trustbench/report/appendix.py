"""The Appendix: parameters used, rules evaluated, exchange rates, and integrity hashes.

Pack digest (so a reader can check which rules produced the memo): SHA-256 of the text
``sha256sum`` would print for the pack's files — one line ``<file sha256>  <path>`` per file
the pack loaded, paths relative to the pack folder with ``/``, sorted by path::

    cd rules/us && find . -type f \\( -name '*.yaml' -o -name '*.j2' \\) | sed 's|^\\./||' \\
        | LC_ALL=C sort | xargs sha256sum | sha256sum

(for a pack without ``extends``; an extending pack's list includes its base pack's files,
with ``../`` paths).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from trustbench.analysis import Analysis
from trustbench.model.types import source_ids
from trustbench.report.citations import Citations
from trustbench.report.plain import Plain
from trustbench.rules.evaluate import JurisdictionResult, ParamUse
from trustbench.rules.text import fmt


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pack_digest(root: Path, files: list[Path]) -> str:
    lines = sorted(
        (Path(os.path.relpath(path, root)).as_posix(), sha256_file(path)) for path in files
    )
    text = "".join(f"{digest}  {rel}\n" for rel, digest in lines)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pack_files(r: JurisdictionResult) -> list[Path]:
    files = list(dict.fromkeys(Path(p) for p in r.pack.files))
    templates = r.pack.root / "templates"
    if templates.is_dir():  # a pack's section template is part of what produced the memo
        files += sorted(p for p in templates.rglob("*") if p.is_file())
    return [p for p in files if p.is_file()]


def param_item(r: JurisdictionResult, p: ParamUse, plain: Plain) -> dict[str, Any]:
    spec = r.pack.params.get(p.name.removeprefix("params."))
    label = spec.description if spec else p.name
    where = f"{r.name}: {label}"
    reference = p.reference
    for mark in (" [recalled]", " [derived]"):
        if reference.endswith(mark):
            plain.note(where, f"reference {mark.strip(' []')}: {reference[: -len(mark)]}")
            reference = reference[: -len(mark)]
    return {
        "jurisdiction": r.id,
        "name": p.name,
        "label": plain.text(label, where) or "(see the verification notes)",
        "value": fmt(p.value, p.unit),
        "effective": p.effective.isoformat() if p.effective else None,
        "reference": plain.text(reference, where),
    }


def appendix(
    analysis: Analysis,
    deal_file: Path | None,
    cite: Citations,
    plain: Plain,
    shown: set[str] | None = None,
) -> dict[str, Any]:
    """Parameters and rules used by the findings the memo sets out (``shown``: rule ids;
    None for every rule evaluated), exchange rates and integrity hashes."""
    params, rules = [], []
    hashes: list[dict[str, Any]] = []
    if deal_file is not None:
        hashes.append(
            {"what": "Case file", "name": deal_file.name, "sha256": sha256_file(deal_file)}
        )
    for r in analysis.results:
        seen: set[str] = set()
        for f in sorted(r.findings, key=lambda f: f.rule):
            if shown is not None and f.rule not in shown:
                continue
            rules.append(
                {
                    "id": f.rule,
                    "title": f.title,
                    "pack": r.pack.id,
                    "version": r.pack.manifest.version,
                    "status": "waived" if f.waiver else f.status,
                }
            )
            for p in f.params.values():
                if p.name in seen or (shown is not None and p.value is None):
                    continue
                seen.add(p.name)
                params.append(param_item(r, p, plain))
        files = _pack_files(r)
        hashes.append(
            {
                "what": f"Screen {r.pack.manifest.name} {r.pack.manifest.version}",
                "name": f"{r.pack.id} ({len(files)} files)",
                "sha256": pack_digest(r.pack.root, files),
            }
        )
    fx = [
        {
            "from": x.from_,
            "to": x.to,
            "rate": f"{x.rate:g}",
            "date": x.date.isoformat(),
            "sources": cite.sources(source_ids(x.source)),
        }
        for x in analysis.deal.fx
    ]
    return {
        "params": sorted(params, key=lambda p: (p["jurisdiction"], p["name"])),
        "rules": rules,
        "hashes": hashes,
        "fx": fx,
    }
