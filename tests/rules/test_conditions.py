"""The expression layer: plain error messages with positions, three-valued logic, and the
decision tree an explanation prints."""

import pytest

from trustbench.expr import CompileError, Compiler
from trustbench.model.bounds import Range

DECLARED = {
    "equity": "double",
    "seats": "int",
    "vetoes": "list",
    "passive": "bool",
    "params.floor": "double",
}


def _issues(source: str) -> list[tuple[int, int, str, str | None]]:
    with pytest.raises(CompileError) as caught:
        Compiler(DECLARED).compile(source)
    return [(i.line, i.column, i.message, i.hint) for i in caught.value.issues]


def test_every_problem_of_a_condition_is_reported() -> None:
    assert _issues("equty > params.floor &&\n  seats > 0.5 && params.flor > 0.0") == [
        (1, 1, "unknown name 'equty'", None),
        (
            2,
            9,
            "type error: '>' cannot be applied to int and double",
            "CEL does not mix whole numbers and decimals: write 0 (not 0.0) to compare a count "
            "(int), 0.0 (not 0) to compare a share or an amount (double)",
        ),
        (2, 18, "unknown name 'params.flor'", None),
    ]


@pytest.mark.parametrize(
    ("source", "message", "hint"),
    [
        ("equity = 0.5", "syntax error: unexpected '='", "compare with == (a single = is not CEL)"),
        (
            "equity > 0.0 and passive",
            "syntax error: unexpected 'and'",
            "CEL writes && for and, || for or, ! for not",
        ),
        (
            "equity >",
            "syntax error: the condition ends too early",
            "something is missing after the last operator",
        ),
        ("(equity > 0.0", "syntax error: missing ')'", "check that every ( has its )"),
        (
            "equity + 0.5",
            "the condition must be true or false, but it gives a double",
            "compare the value with something, e.g. `x > params.threshold`",
        ),
        (
            "lookup(equity)",
            "unknown function 'lookup'",
            "CEL functions: size(), has(), .exists(), .all(), .contains()",
        ),
    ],
)
def test_messages_teach_the_fix(source: str, message: str, hint: str) -> None:
    ((_, _, got, got_hint),) = _issues(source)
    assert (got, got_hint) == (message, hint)


def test_three_valued_logic() -> None:
    compiled = Compiler(DECLARED).compile("passive && equity > params.floor")
    assert compiled.evaluate({"passive": False}).value is False
    unknown = compiled.evaluate({"passive": True, "params.floor": 0.1})
    assert (unknown.value, unknown.missing) == (None, ("equity",))
    either = Compiler(DECLARED).compile("passive || size(vetoes) > 0")
    assert either.evaluate({"passive": True}).value is True


def test_reasoning_follows_the_deciding_parts() -> None:
    compiled = Compiler(DECLARED).compile(
        "equity > params.floor && (seats > 0 || size(vetoes) > 0 || passive)"
    )
    steps = compiled.reasoning(
        {"equity": 0.3, "params.floor": 0.1, "seats": 0, "vetoes": ["budget"]}
    )
    assert [(s.depth, s.source, s.value) for s in steps] == [
        (0, "equity > params.floor && (seats > 0 || size(vetoes) > 0 || passive)", True),
        (1, "equity > params.floor", True),
        (1, "seats > 0 || size(vetoes) > 0 || passive", True),
        (2, "size(vetoes) > 0", True),
    ]
    steps = compiled.reasoning({"equity": 0.05, "params.floor": 0.1})
    assert [(s.depth, s.source, s.value) for s in steps] == [
        (0, "equity > params.floor && (seats > 0 || size(vetoes) > 0 || passive)", False),
        (1, "equity > params.floor", False),
    ]


HOSTILE = "passive && '''it's a && b || c''' != r\"x && 'y\" && equity > params.floor"


def test_a_triple_quoted_string_with_quote_and_operator_is_not_split() -> None:
    compiled = Compiler(DECLARED).compile(HOSTILE)
    assert compiled.operator == "&&"
    assert [p.source for p in compiled.parts] == [
        "passive",
        "'''it's a && b || c''' != r\"x && 'y\"",
        "equity > params.floor",
    ]
    assert compiled.names == ("passive", "equity", "params.floor")
    outcome = compiled.evaluate({"passive": True, "equity": 0.3, "params.floor": 0.1})
    assert outcome.value is True
    assert [s.value for s in compiled.reasoning({"passive": False})] == [False, False]


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("vetoes.exists(v, v == 'budget') && seats > 0", ("vetoes", "seats")),
        ("'equity > 1' == 'x' || passive", ("passive",)),
        ("b'seats' == b'x' // equity in a comment\n || passive", ("passive",)),
    ],
)
def test_names_come_from_cels_own_parse(source: str, names: tuple[str, ...]) -> None:
    assert Compiler(DECLARED).compile(source).names == names


def test_the_tokenizer_knows_every_string_form() -> None:
    from trustbench.expr import tokenize

    text = "r'a' R\"b\" b'c' br'd' '''e''' \"\"\"f\"g\"\"\" 'h\\'i'"
    assert [t.text for t in tokenize(text)] == text.split(" ")


BOUNDED = {"turnover": "double", "share": "double", "passive": "bool", "params.test": "double"}


@pytest.mark.parametrize(
    ("source", "values", "expected"),
    [
        # "< GBP 70m" fails a GBP 100m test
        ("turnover > params.test", {"turnover": Range(hi=70e6, hi_open=True)}, False),
        ("params.test < turnover", {"turnover": Range(hi=70e6, hi_open=True)}, False),
        # "60-70%" passes a 50% test, and is open against 65%
        ("share > params.test", {"share": Range(0.6, 0.7), "params.test": 0.5}, True),
        ("share > params.test", {"share": Range(0.6, 0.7), "params.test": 0.65}, None),
        # three-valued && and || around a bound
        ("passive && share > params.test", {"share": Range(0.6, 0.7), "passive": False}, False),
        ("passive || share > params.test", {"share": Range(0.6, 0.7), "params.test": 0.65}, None),
        (
            "passive || share > params.test",
            {"share": Range(0.6, 0.7), "params.test": 0.65, "passive": True},
            True,
        ),
        ("!(share >= params.test)", {"share": Range(0.6, 0.7), "params.test": 0.6}, False),
        # a bound plus an exact figure stays a bound
        ("turnover + 10.0 < params.test", {"turnover": Range(hi=50.0)}, True),
    ],
)
def test_bounds_decide_where_they_suffice(
    source: str, values: dict[str, object], expected: bool | None
) -> None:
    values = {"params.test": 100e6, **values}
    assert Compiler(BOUNDED).compile(source).evaluate(values).value is expected


def test_an_undecided_bound_names_what_is_missing() -> None:
    compiled = Compiler(BOUNDED).compile("share > params.test && turnover > 0.0")
    outcome = compiled.evaluate({"share": Range(0.6, 0.7), "params.test": 0.5})
    assert (outcome.value, outcome.missing) == (None, ("turnover",))
