"""Per finding and per pack, what the memo and ``--explain`` read besides the contract keys:
the texts (rendered once), the facts used with their values and sources, the parameters with
their references, the definitions as named reasoning steps, and the authorities cited."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

from trustbench.analysis import finding_json
from trustbench.analysis import json_value as plain_value
from trustbench.facts import REGISTRY
from trustbench.result import FactDocOut, FindingOut, PackDetailOut
from trustbench.rules.evaluate import FactUse, Finding, JurisdictionResult
from trustbench.rules.loader import Pack
from trustbench.rules.text import fmt

STEP_OUTCOME = {"true": "met", "false": "not met", "unknown": "open"}
SECTION = "templates/section.html.j2"


def finding_out(r: JurisdictionResult, f: Finding) -> FindingOut:
    doc = finding_json(f)
    if f.instances:
        doc["instances"] = [
            i | {"used": [_use(u) for u in part.facts.values()], "reasoning": part.reasoning}
            for i, part in zip(doc["instances"], f.instances, strict=True)  # type: ignore[call-overload]
        ]
    loaded = r.pack.rules.get(f.rule)
    doc["detail"] = {
        "kind": loaded.rule.kind if loaded is not None else "test",
        "file": _relative(r.pack, loaded.file) if loaded is not None else "",
        "cites": list(f.cites),
        "test": f.test,
        "conclusion": f.conclusion,
        "used": [_use(u) for u in f.facts.values()],
        "steps": steps(r.pack, f),
        "params": [_param(r.pack, p) for p in sorted(f.params.values(), key=lambda p: p.name)],
        "reasoning": list(f.reasoning),
    }
    return FindingOut.model_validate(doc)


def _relative(pack: Pack, file: str | Path) -> str:
    """A pack file as ``<pack id>/<path in the pack>``: the same wherever the pack lies."""
    rel = Path(os.path.relpath(Path(file).resolve(), pack.root.resolve())).as_posix()
    return f"{pack.id}/{rel}"


def _use(u: FactUse) -> dict[str, Any]:
    return {
        "name": u.name,
        "value": plain_value(u.value),
        "shown": fmt(u.value, u.unit),
        "note": u.note,
        "sources": list(u.sources),
        "in_condition": u.in_condition,
    }


def _param(pack: Pack, p: Any) -> dict[str, Any]:
    spec = pack.params.get(p.name.removeprefix("params."))
    return {
        "name": p.name,
        "label": spec.description if spec else None,
        "value": plain_value(p.value),
        "shown": fmt(p.value, p.unit),
        "effective": p.effective.isoformat() if p.effective else None,
        "reference": p.reference,
        "href": p.href,
    }


def steps(pack: Pack, f: Finding) -> list[dict[str, Any]]:
    """The named definitions and rules the condition uses directly (depth 1), each once; for
    a condition that is one definition, the steps inside it."""
    out: dict[str, dict[str, Any]] = {}
    rules = pack.referable()
    top = f.reasoning[0] if f.reasoning else (0, "", None)
    level = 2 if top[0] == 0 and top[1].split(" — ", 1)[0] in pack.definitions else 1
    for depth, source, truth in f.reasoning:
        name = source.split(" — ", 1)[0]
        if depth != level or " — " not in source or name in out:
            continue
        found = pack.definitions.get(name)
        rule = rules.get(name)
        item = found.definition if found is not None else rule.rule if rule is not None else None
        if item is None:
            continue
        out[name] = {
            "name": name,
            "title": item.title,
            "outcome": STEP_OUTCOME[truth],
            "cites": list(item.cites or ()),
        }
    return list(out.values())


def pack_detail(r: JurisdictionResult, findings: list[FindingOut]) -> PackDetailOut:
    pack, manifest = r.pack, r.pack.manifest
    cited = {a for f in findings for a in f.cites} | {
        a for f in findings if f.detail for s in f.detail.steps for a in s.cites
    }
    files = pack_files(pack)
    return PackDetailOut.model_validate(
        {
            "name": manifest.name,
            "notification": manifest.notification,
            "scoring_note": manifest.scoring_note,
            "paper": manifest.paper,
            "section": (pack.root / SECTION).is_file(),
            "files": len(files),
            "digest": pack_digest(pack.root, files),
            "authorities": {
                aid: _authority(pack.authorities[aid])
                for aid in sorted(cited)
                if aid in pack.authorities
            },
            "disabled_at": {
                rid: f"{_relative(pack, d.file)}:{d.line}"
                for rid, d in sorted(pack.disabled.items())
            },
        }
    )


def _authority(auth: Any) -> dict[str, Any]:
    date = getattr(auth, "date", None)
    return {
        "short": auth.cite(),
        "full": auth.full,
        "date": date.isoformat() if isinstance(date, dt.date) else None,
        "url": auth.url,
        "confidence": auth.confidence,
    }


def catalogue(results: list[FindingOut]) -> dict[str, FactDocOut]:
    """The facts the findings used or missed, documented (the memo words its questions and
    labels from these)."""
    names: set[str] = set()
    for f in results:
        names |= set(f.facts) | set(f.missing)
        for i in f.instances or ():
            names |= set(i.facts) | set(i.missing)
    out = {}
    for name in sorted(names):
        spec = REGISTRY.specs.get(name)
        if spec is not None:
            out[name] = FactDocOut(
                doc=spec.doc,
                question=spec.question or None,
                topic=spec.topic,
                type=spec.type,
                scope=spec.scope,
            )
    return out


# -- the pack digest (report.appendix documents how a reader checks it) -------------------


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pack_digest(root: Path, files: list[Path]) -> str:
    lines = sorted(
        (Path(os.path.relpath(path, root)).as_posix(), sha256_file(path)) for path in files
    )
    text = "".join(f"{digest}  {rel}\n" for rel, digest in lines)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pack_files(pack: Pack) -> list[Path]:
    files = list(dict.fromkeys(Path(p) for p in pack.files))
    templates = pack.root / "templates"
    if templates.is_dir():  # a pack's section template is part of what produced the memo
        files += sorted(p for p in templates.rglob("*") if p.is_file())
    return [p for p in files if p.is_file()]
