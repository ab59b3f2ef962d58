"""`extends:` — a pack inherits another's parameters, authorities and rules, and overrides,
replaces, disables and adds; chains work; the worked example applies only when named."""

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from trustbench.analysis import load_packs
from trustbench.cli import main
from trustbench.errors import ErrorGroup
from trustbench.rules.loader import builtin_dir, load_pack
from trustbench.rules.pack import resolve
from trustbench.rules.validate import check, known_packs

ROOT = Path(__file__).parents[2]
ACME = ROOT / "rules" / "examples" / "acme-house-policy"
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


def _pack(folder: Path, manifest: str, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest)
    for rel, text in (files or {}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    return folder


def _load(folder: Path):  # type: ignore[no-untyped-def]
    return load_pack(folder, known_packs([folder]))


def test_acme_adds_a_parameter_a_dated_value_and_a_rule() -> None:
    acme = _load(ACME)
    assert acme.lineage == ["us"] and acme.jurisdiction == "us"
    assert resolve(acme.params["house_minority_stake_review"], dt.date(2025, 6, 13)).value == 0.05
    delta = acme.params["mhhi_screen_delta"]
    before, after = resolve(delta, dt.date(2025, 6, 13)), resolve(delta, dt.date(2026, 6, 1))
    assert (before.value, before.effective) == (100, dt.date(2023, 12, 18))
    assert "Merger Guidelines" in before.reference.title or "O'Brien" in before.reference.title
    assert (after.value, after.effective) == (50, dt.date(2026, 1, 1))
    assert after.reference.title.startswith("Acme Corp.")
    assert set(acme.own_rules()) == {"us.house.minority-stake-review"}
    us_rules = len(_load(builtin_dir() / "us").rules)
    assert len(acme.rules) == us_rules + 1
    assert acme.authorities["acme-policy-4-2"].confidence == "derived"
    us = _load(builtin_dir() / "us")
    assert [b.min for b in acme.manifest.bands] == [0, 2, 5]  # its own policy
    assert acme.manifest.currency == us.manifest.currency == "USD"  # inherited
    assert acme.manifest.paper == "Letter"


def test_replace_a_series_replace_a_rule_disable_a_rule(tmp_path: Path) -> None:
    rule = (
        (ROOT / "rules/us/hsr/non-voting-stake.yaml")
        .read_text()
        .replace("weight: 0", "weight: 0.5")
    )
    house = _pack(
        tmp_path / "house",
        "id: house\njurisdiction: us\nname: House\nversion: '1'\n"
        "extends: us\ndisable:\n  - rule: us.clayton8.interlock\n"
        "    reason: counsel reviews interlocks separately\n",
        {
            "params.yaml": "mhhi_screen_delta:\n  replace: true\n  values:\n"
            "    2026-01-01: 50\n  reference:\n    title: House\n",
            "hsr/non-voting-stake.yaml": rule,
        },
    )
    pack = _load(house)
    assert list(pack.params["mhhi_screen_delta"].values) == [dt.date(2026, 1, 1)]
    replaced = pack.rules["us.hsr.non-voting-stake"]
    assert (replaced.pack, replaced.rule.weight) == ("house", 0.5)
    off = pack.disabled["us.clayton8.interlock"]
    assert (off.reason, off.pack, off.line) == ("counsel reviews interlocks separately", "house", 7)


def test_chain_of_extends_by_id_and_by_path(tmp_path: Path) -> None:
    rel = os.path.relpath(ACME, tmp_path / "team")
    _pack(
        tmp_path / "team", f"id: team\njurisdiction: us\nname: Team\nversion: '1'\nextends: {rel}\n"
    )
    desk = _pack(
        tmp_path / "desk", "id: desk\njurisdiction: us\nname: Desk\nversion: '1'\nextends: team\n"
    )
    pack = load_pack(desk, known_packs([tmp_path]))
    assert pack.lineage == ["us", "acme-house-policy", "team"]
    us_rules = len(load_pack(builtin_dir() / "us").rules)
    assert "us.house.minority-stake-review" in pack.rules and len(pack.rules) == us_rules + 1


def test_inherited_rules_are_compiled_against_the_extending_packs_parameters(
    tmp_path: Path,
) -> None:
    """Retyping an inherited parameter (int instead of double) breaks the base's rules that
    use it, and the error says through which pack; the base pack itself still loads."""
    house = _pack(
        tmp_path / "house",
        "id: house\njurisdiction: us\nname: House\nversion: '1'\nextends: us\n",
        {
            "params.yaml": "mg_hhi_delta_significant:\n  replace: true\n  type: int\n"
            "  values:\n    2026-01-01: 150\n  reference:\n"
            "    title: House\n"
        },
    )
    with pytest.raises(ErrorGroup) as caught:
        _load(house)
    messages = {d.message for d in caught.value.diagnostics}
    assert (
        "type error: '>' cannot be applied to double and int (as inherited by pack "
        "'house')" in messages
    )
    us = _load(builtin_dir() / "us")
    assert all(r.compiled is not None for r in us.rules.values())


def test_inherited_compiled_rules_are_copies() -> None:
    us, acme = _load(builtin_dir() / "us"), _load(ACME)
    for rid, loaded in us.rules.items():
        assert acme.rules[rid] is not loaded
        assert acme.rules[rid].compiled is not loaded.compiled


def test_the_example_never_replaces_us_unless_named() -> None:
    assert [p.id for p in load_packs(["us"])] == ["us"]
    assert [p.id for p in load_packs(["us"], [ACME])] == ["acme-house-policy"]
    assert {"us", "acme-house-policy"} <= {p.id for p in check([builtin_dir()]).packs}


def test_analyze_with_the_house_pack(capsys: pytest.CaptureFixture[str]) -> None:
    def run(*extra: str) -> dict:  # type: ignore[type-arg]
        assert main(["analyze", str(SEED), "--format", "json", *extra]) == 0
        return json.loads(capsys.readouterr().out)["jurisdictions"][0]  # type: ignore[no-any-return]

    base, house = run(), run("--rules", str(ACME))
    assert base["pack"]["id"] == "us" and house["pack"]["id"] == "acme-house-policy"
    review = {f["rule"]: f for f in house["findings"]}["us.house.minority-stake-review"]
    assert review["status"] == "triggered"
    assert review["params"]["params.house_minority_stake_review"] == {
        "value": 0.05,
        "effective": "2025-01-01",
    }
    assert house["score"] == base["score"] + 1


def test_copy_of_acme_validates_from_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ACME, tmp_path / "acme")
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "validate", "acme"]) == 0
