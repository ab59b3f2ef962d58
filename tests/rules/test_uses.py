"""`uses:` — a pack reads another pack's definitions, parameters and authorities (never its
rules): the German pack's one-stop shop reads the EU pack's EU dimension (§ 35(3) GWB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.errors import ErrorGroup
from trustbench.rules.loader import builtin_dir, load_pack
from trustbench.rules.validate import known_packs


def test_the_german_pack_reads_the_eu_dimension_but_runs_no_eu_rule() -> None:
    de = load_pack(builtin_dir() / "de", known_packs([]))
    assert "def.eu.eu_dimension" in de.definitions
    assert "art1_3_member_states" in de.params
    assert not [r for r in de.rules if r.startswith("eu.")]
    assert set(de.own_definitions()) == {d for d in de.definitions if d.startswith("def.de.")}


def test_an_unknown_used_pack_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "pack.yaml").write_text(
        "id: house\njurisdiction: de\nname: House\nversion: '1'\nuses: [ue]\n"
    )
    with pytest.raises(ErrorGroup) as caught:
        load_pack(folder, known_packs([]))
    (item,) = caught.value.items
    assert (item.line, item.code) == (5, "TB101")
    assert item.message == "uses unknown pack 'ue'"
