from pathlib import Path

import pytest

from trustbench.errors import InputError, LimitError
from trustbench.sources import atomic_write, parse_document


def test_yaml12_scalars_and_marks() -> None:
    doc = parse_document("a: 6e9\nb: yes\nc: 126_400_000\nd: '49%'\ne: 2025-06-12\n", "x.yaml")
    assert doc.data == {"a": 6e9, "b": "yes", "c": 126_400_000, "d": "49%", "e": "2025-06-12"}
    assert doc.locate(("c",)) == (3, 4)
    assert doc.locate(("c", "deeper", 3)) == (3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\na: 2\n",
            "x.yaml:2:1: error[input]: duplicate key 'a' (first defined on line 1)"
            "\n  hint: each key may appear once in a mapping; merge the two entries",
        ),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            "x.yaml:1:4: error[input]: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' "
            "is not allowed\n  hint: trustbench reads plain data only; remove the tag",
        ),
        ("a: [1,\n", "x.yaml:2:1: error[input]: invalid YAML: did not find expected node content"),
        ("a: 'x\x00'\n", "x.yaml:1:1: error[input]: file contains a NUL character"),
    ],
)
def test_bad_yaml_messages(text: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        parse_document(text, "x.yaml")
    assert info.value.render() == expected


def test_alias_bomb_is_limited() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(LimitError) as info:
        parse_document("\n".join(lines) + "\n", "bomb.yaml")
    assert "expands to more than" in info.value.message


def test_an_alias_bomb_is_rejected_before_it_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its size is worked out from the distinct nodes: no value is built, where two million
    were built before it stopped (seconds of CPU per hostile file)."""
    from trustbench import sources

    calls = []
    build = sources._Builder.build

    def counted(self, node, loc, depth):  # type: ignore[no-untyped-def]
        calls.append(node)
        return build(self, node, loc, depth)

    monkeypatch.setattr(sources._Builder, "build", counted)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 13):  # 10^13 values once expanded
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    with pytest.raises(LimitError) as info:
        parse_document("\n".join(lines) + "\n", "bomb.yaml")
    assert info.value.render().startswith("bomb.yaml:1:34: error[limit]: the document expands")
    assert calls == []
    assert parse_document("a: &a [1, 2]\nb: *a\nc: {d: *a}\n", "x").data == {
        "a": [1, 2],
        "b": [1, 2],
        "c": {"d": [1, 2]},
    }
    assert len(calls) == 11  # a document under the limit is built as before, value by value


def test_deep_nesting_is_limited() -> None:
    with pytest.raises(LimitError):
        parse_document("a: " + "[" * 200 + "]" * 200 + "\n", "deep.yaml")


def test_atomic_write_replaces_and_protects_inputs(tmp_path: Path) -> None:
    target = tmp_path / "out" / "memo.pdf"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["memo.pdf"]
    with pytest.raises(InputError):
        atomic_write(target, b"three", protect=(target,))
    assert target.read_bytes() == b"two"
