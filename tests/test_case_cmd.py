"""`case new` writes a starter file whose every commented section is valid; `case validate`
prints plausibility warnings on stderr and still exits 0."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from trustbench.cli import main
from trustbench.cli.case_cmd import json_schema
from trustbench.model import Deal, load_deal
from trustbench.sources import load_document

ROOT = Path(__file__).parents[1]


def _uncomment(text: str) -> str:
    """The starter file with its commented sections and entries turned on."""
    out = []
    for line in text.splitlines():
        match = re.match(r"^(\s*)# (\s*(?:- |[a-z_]+:).*)$", line)
        out.append(match.group(1) + match.group(2) if match else line)
    return "\n".join(out) + "\n"


def test_case_new_writes_every_section_and_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "new", "acme", "--dir", str(tmp_path)]) == 0
    capsys.readouterr()
    text = (tmp_path / "acme.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=deal.schema.json\n")
    schema = json.loads((tmp_path / "deal.schema.json").read_text(encoding="utf-8"))
    assert schema == json_schema(Deal)
    sections = {"holdings", "boards", "rights", "markets", "supply", "timeline", "partial"}
    sections |= {"prior_acquisitions", "fx", "waivers"}
    for section in sections:
        assert f"# {section}:" in text, section
    load_deal(tmp_path / "acme.yaml")
    full = tmp_path / "full.yaml"
    full.write_text(_uncomment(text), encoding="utf-8")
    deal = load_deal(full)
    assert deal.model_fields_set >= sections
    validator = Draft202012Validator(schema)
    assert list(validator.iter_errors(load_document(full).data)) == []


def test_validate_prints_warnings_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        "case: {id: x, title: X, as_of: 2025-01-01}\n"
        "entities: [{id: a, name: A}, {id: b, name: B}]\n"
        "rights: [{holder: a, issuer: b, kind: veto, matters: [annual budget]}]\n"
        "transaction: {acquirer: a, target: b}\n"
    )
    code = main(["case", "validate", str(deal)])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.startswith("deal.yaml: ok")
    assert err == (
        "deal.yaml:3:55: warning[deal]: rights[0].matters[0]: veto matter 'annual budget' is "
        "not one trustbench knows; it will not count as strategic\n"
        "  hint: did you mean 'budget'?\n"
    )
