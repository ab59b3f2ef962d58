"""A deal-file field with a reference is written in one place, the model: the reference
check of loading (one generic walker), the JSON Schema editors read and the field reference
(`schema deal --markdown`) all come from its type and description."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, Field
from typer.testing import CliRunner

from trustbench.cli import app
from trustbench.model import Deal, refs
from trustbench.model.base import Base
from trustbench.model.load import check_references
from trustbench.model.reference import json_schema, markdown
from trustbench.model.refs import references
from trustbench.model.types import EntityRef, SourceRef
from trustbench.sources import parse_document

SEED = Path(__file__).parents[1] / "cases" / "meta-scale-ai.yaml"


class Audit(Base):
    """Who audited the target's last accounts."""

    auditor: EntityRef = Field(description="the firm that signed the audit opinion")
    source: SourceRef = None


class AuditedDeal(Deal):
    """A deal file with one field more, as a newcomer would add it to the model."""

    audit: Audit | None = Field(None, description="the audit of the target's last accounts")


def _deal(auditor: str) -> tuple[AuditedDeal, object]:
    text = SEED.read_text(encoding="utf-8") + f"audit:\n  auditor: {auditor}\n  source: s80\n"
    doc = parse_document(text, "audited.yaml")
    return AuditedDeal.model_validate(doc.data), doc


def test_the_walker_finds_the_new_reference() -> None:
    deal, _ = _deal("meta")
    found = {(loc, kind): ref for loc, kind, ref in references(deal)}
    assert found[("audit", "auditor"), "entity"] == "meta"
    assert found[("audit", "source"), "source"] == "s80"


def test_loading_checks_the_new_reference_where_it_is_written() -> None:
    deal, doc = _deal("kpgm")
    problems = [d.render() for d in check_references(deal, doc)]  # type: ignore[arg-type]
    lines = len(SEED.read_text(encoding="utf-8").splitlines())
    assert len(problems) == 1
    assert problems[0].startswith(f"audited.yaml:{lines + 2}:12: error[deal]: audit.auditor: ")
    assert "'kpgm'" in problems[0]
    assert check_references(*_deal("meta")) == []  # type: ignore[arg-type]


def test_the_schema_has_the_new_field_and_says_what_it_names() -> None:
    schema = json_schema(AuditedDeal)
    auditor = schema["$defs"]["Audit"]["properties"]["auditor"]
    assert auditor["x-ref"] == "entity"
    assert auditor["description"] == "the firm that signed the audit opinion"
    assert schema["properties"]["audit"]["description"] == "the audit of the target's last accounts"
    _, doc = _deal("meta")
    validator = Draft202012Validator(schema)
    assert list(validator.iter_errors(doc.data)) == []  # type: ignore[attr-defined]
    assert list(validator.iter_errors({**doc.data, "audit": {"auditer": "meta"}}))  # type: ignore[attr-defined]


def test_the_field_reference_has_the_new_field() -> None:
    text = markdown(AuditedDeal)
    assert (
        "| `audit` | [Audit](#audit), or null | the audit of the target's last accounts |" in text
    )
    assert "## Audit\n\nUnder `audit`.\n\nWho audited the target's last accounts." in text
    row = "| `auditor` (required) | entity id | the firm that signed the audit opinion |"
    assert row in text
    assert "| `source` | source id(s) | the id of a source declared under `sources`" in text


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo = [model]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        yield current
        for info in current.model_fields.values():
            todo.extend(_inner_models(info.annotation))


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in getattr(annotation, "__args__", ()) or () for m in _inner_models(a)]


def test_every_reference_field_of_the_deal_says_so_in_the_schema() -> None:
    """The walker and the schema read the same marker: each field the walker follows is an
    ``x-ref`` of the same kind in the schema."""
    checked = 0
    for model in _models(Deal):
        props = json_schema(model).get("properties", {})
        for plan in refs._plan(model):
            if plan.ref is not None:
                assert f"'x-ref': '{plan.ref}'" in str(props[plan.key]), (model, plan.key)
                checked += 1
    assert checked >= 40


@pytest.mark.parametrize("what", ["deal", "pack", "rule"])
def test_schema_markdown_prints_the_reference(what: str) -> None:
    result = CliRunner().invoke(app, ["schema", what, "--markdown"])
    assert result.exit_code == 0
    assert result.output.startswith(f"# {what.capitalize()} file fields\n")
    assert "| key | takes | meaning |" in result.output
