"""The pack cache: used when nothing changed, rebuilt when a pack file changes, ignored when
corrupt or not private, and never changes a result."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from trustbench.analysis import analysis_json, evaluate, load_packs
from trustbench.model import load_deal
from trustbench.rules import cache
from trustbench.rules.loader import load_pack

ROOT = Path(__file__).parents[1]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


@pytest.fixture
def counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A private cache folder; the list of the packs actually loaded from their files."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TRUSTBENCH_NO_CACHE", raising=False)
    loads: list[Path] = []

    def load(folder: Path, known: dict[str, Path]):  # type: ignore[no-untyped-def]
        loads.append(folder)
        return load_pack(folder, known)

    monkeypatch.setattr("trustbench.analysis.load_pack", load)
    return loads


def result(cached: bool) -> str:
    deal = load_deal(SEED)
    packs = load_packs(deal.case.jurisdictions, cache=cached)
    return json.dumps(analysis_json(evaluate(deal, packs)), sort_keys=True)


def entries() -> list[Path]:
    where = cache.cache_dir()
    assert where is not None
    return sorted(where.glob("*.pickle"))


def test_second_load_comes_from_the_cache_with_the_same_result(counted: list[Path]) -> None:
    plain = result(cached=False)
    counted.clear()
    assert result(cached=True) == plain and len(counted) == 4 and len(entries()) == 4
    counted.clear()
    assert result(cached=True) == plain and counted == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_corrupt_entry_is_ignored_and_rewritten(counted: list[Path], damage: bytes) -> None:
    plain = result(cached=True)
    for entry in entries():
        entry.write_bytes(damage)
    counted.clear()
    assert result(cached=True) == plain and len(counted) == 4
    counted.clear()
    assert result(cached=True) == plain and counted == []  # rewritten, good again


def test_a_truncated_entry_is_ignored(counted: list[Path]) -> None:
    plain = result(cached=True)
    for entry in entries():
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    counted.clear()
    assert result(cached=True) == plain and len(counted) == 4


def test_an_entry_others_may_write_is_not_trusted(counted: list[Path]) -> None:
    result(cached=True)
    for entry in entries():
        entry.chmod(0o666)
    counted.clear()
    result(cached=True)
    assert len(counted) == 4


def test_an_edited_or_added_pack_file_makes_the_entry_stale(
    counted: list[Path], tmp_path: Path
) -> None:
    packs = tmp_path / "packs"
    shutil.copytree(ROOT / "rules" / "us", packs / "us")
    known = {"us": packs / "us"}
    first = cache.load_pack_cached(packs / "us", known, load_pack)
    assert cache.load_pack_cached(packs / "us", known, load_pack).id == first.id
    loads_before = len(counted)
    params = packs / "us" / "params.yaml"
    params.write_text(params.read_text() + "\n# edited\n")
    calls: list[Path] = []

    def load(folder: Path, known: dict[str, Path]):  # type: ignore[no-untyped-def]
        calls.append(folder)
        return load_pack(folder, known)

    cache.load_pack_cached(packs / "us", known, load)
    (packs / "us" / "notes.md").write_text("a new file\n")
    cache.load_pack_cached(packs / "us", known, load)
    cache.load_pack_cached(packs / "us", known, load)
    assert len(calls) == 2 and len(counted) == loads_before


def test_no_cache_when_switched_off(counted: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTBENCH_NO_CACHE", "1")
    result(cached=True)
    result(cached=True)
    assert len(counted) == 8


def _write_and_read(args: tuple[str, str, int]) -> list[str]:
    """In a child process: write the same entry over and over while the others do, and read
    it back each time; what is read is the whole pack or nothing, never a part."""
    home, folder, rounds = args
    os.environ["XDG_CACHE_HOME"] = home
    pack = load_pack(Path(folder), {})
    where = cache.cache_dir()
    assert where is not None
    entry = where / "shared.pickle"
    seen = []
    for _ in range(rounds):
        cache._write(where, entry, pack)
        found = cache._read(entry)
        seen.append("partial or missing" if found is None else ",".join(sorted(found.rules)))
    return seen


def test_processes_writing_the_same_entry_at_once_never_read_a_part(tmp_path: Path) -> None:
    """Three processes write and read one entry at the same time (as `screen`, a test run
    and a benchmark may): every read gets the whole pack, and no temporary file is left."""
    folder = ROOT / "rules" / "us"
    whole = ",".join(sorted(load_pack(folder, {}).rules))
    context = multiprocessing.get_context("fork")
    with context.Pool(3) as pool:
        runs = pool.map(_write_and_read, [(str(tmp_path), str(folder), 12)] * 3)
    assert {read for run in runs for read in run} == {whole}
    where = tmp_path / "trustbench" / "packs"
    assert [p.name for p in where.iterdir()] == ["shared.pickle"]


def test_a_cached_pack_reads_its_rule_files_documents_when_asked(counted: list[Path]) -> None:
    """Documents come back from an entry on first use, equal to the files' own, and a
    cached pack can be written to an entry again; its conditions' parts are compiled."""
    deal = load_deal(SEED)
    fresh = load_packs(deal.case.jurisdictions)
    load_packs(deal.case.jurisdictions, cache=True)
    cached = load_packs(deal.case.jurisdictions, cache=True)
    assert len(counted) == 2 * len(fresh)  # read once, cached once; then from the entries
    for new, old in zip(cached, fresh, strict=True):
        for rid, loaded in old.rules.items():
            doc = new.rules[rid].doc
            assert type(doc) is not type(loaded.doc)  # read lazily
            for name in ("path", "data", "marks", "text", "key_marks"):
                assert getattr(doc, name) == getattr(loaded.doc, name), (rid, name)
            compiled = new.rules[rid].compiled
            assert compiled is None or compiled._parts is not None
        again = cache._Unpickler(io.BytesIO(cache._dumps(new))).load()
        assert again.manifest == old.manifest
        assert all(again.rules[r].doc.text == old.rules[r].doc.text for r in old.rules)
