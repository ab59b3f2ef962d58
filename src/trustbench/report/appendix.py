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

from typing import TYPE_CHECKING, Any

from trustbench.report.plain import Plain
from trustbench.result import JurisdictionOut, ParamUseOut

if TYPE_CHECKING:
    from trustbench.report.builder import Builder


def param_item(r: JurisdictionOut, p: ParamUseOut, plain: Plain) -> dict[str, Any]:
    label = p.label or p.name
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
        "value": p.shown,
        "effective": p.effective,
        "reference": plain.text(reference, where),
    }


def appendix(b: Builder, shown: set[str] | None = None) -> dict[str, Any]:
    """Parameters and rules used by the findings the memo sets out (``shown``: rule ids;
    None for every rule evaluated), exchange rates and integrity hashes (the pack digest is
    computed in the analysis stage, ``trustbench.document.findings.pack_digest``)."""
    params, rules = [], []
    hashes: list[dict[str, Any]] = []
    if b.deal.file is not None:
        hashes.append({"what": "Case file", "name": b.deal.file.name, "sha256": b.deal.file.sha256})
    for r in b.result.jurisdictions:
        seen: set[str] = set()
        for f in r.findings:
            if shown is not None and f.rule not in shown:
                continue
            rules.append(
                {
                    "id": f.rule,
                    "title": f.title,
                    "pack": r.pack.id,
                    "version": r.pack.version,
                    "status": "waived" if f.waiver else f.status,
                }
            )
            for p in f.detail.params if f.detail else ():
                if p.name in seen or (shown is not None and p.value is None):
                    continue
                seen.add(p.name)
                params.append(param_item(r, p, b.plain))
        pack = r.detail
        if pack is not None:
            hashes.append(
                {
                    "what": f"Screen {pack.name} {r.pack.version}",
                    "name": f"{r.pack.id} ({pack.files} files)",
                    "sha256": pack.digest,
                }
            )
    fx = [
        {
            "from": x.base,
            "to": x.quote,
            "rate": f"{x.rate:g}",
            "date": x.date,
            "sources": b.cite.sources(x.sources),
        }
        for x in b.deal.fx
    ]
    return {
        "params": sorted(_once(params), key=lambda p: (p["jurisdiction"], p["name"])),
        "rules": rules,
        "hashes": hashes,
        "fx": fx,
    }


def _once(params: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each parameter once: a pack that uses another's parameters (the German pack reads the
    EU dimension for the one-stop shop) applies the same value, listed under both."""
    rows: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in params:
        key = (p["name"], p["value"], p["effective"], p["reference"])
        if key in rows:
            rows[key]["jurisdiction"] += ", " + p["jurisdiction"]
        else:
            rows[key] = dict(p)
    return list(rows.values())
