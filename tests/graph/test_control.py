"""Controllers and ultimate parents, worked out upwards (trustbench.graph.control): the same
answers as the definition (every ancestor whose closure contains the entity), on random
graphs; and a number of steps that grows linearly along a chain and a star (issue 17: a
10,000-long chain took minutes when every ancestor's closure was grown)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbench.graph.build import Phase
from trustbench.graph.edges import Holds, RightEdge
from trustbench.graph.interests import Concept, Interests
from trustbench.graph.multigraph import Graph, Node

KINDS = ("company", "company", "fund", "person")


def phase(kinds: list[str], holds: list[tuple[int, int, float | None]], rights: list) -> Phase:
    g = Graph()
    for k, kind in enumerate(kinds):
        g.add_node(f"e{k}", Node(kind=kind, board_size=4 if k % 2 else None))
    for u, v, share in holds:
        g.add(f"e{u}", f"e{v}", Holds(equity=share, voting=share, share_class="voting"))
    for u, v, seats, partner in rights:
        joint = () if partner is None else (f"e{partner}",)
        g.add(f"e{u}", f"e{v}", RightEdge(kind="board_appointment", seats=seats, joint_with=joint))
    return Phase("before", g)


def ancestors(p: Phase, entity: str) -> set[str]:
    found, todo = set(), [entity]
    while todo:
        for u, _, _edge in p.edges(Holds | RightEdge, v=todo.pop()):  # type: ignore[arg-type]
            if u not in found:
                found.add(u)
                todo.append(u)
    return found - {entity}


def reference(i: Interests, entity: str, concept: Concept) -> tuple[set[str], list[str]]:
    """Controllers and ultimate parents as defined: grown closures of every ancestor."""

    def controllers(x: str) -> set[str]:
        return {a for a in ancestors(i.phase, x) if x in i.closure(a, concept).members}

    tops = set()
    for candidate in controllers(entity) | {entity}:
        over = controllers(candidate)
        if over <= i.closure(candidate, concept).members:
            tops.add(min(over | {candidate}))
    return controllers(entity), sorted(tops)


@st.composite
def graphs(draw: st.DrawFn) -> Phase:
    n = draw(st.integers(2, 7))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(n)]
    holds = []
    for v in range(n):
        budget = 1.0
        for u in range(n):
            if u != v and draw(st.integers(0, 2)) == 0:
                share = draw(st.sampled_from([0.1, 0.25, 0.3, 0.5, 0.6]))
                share = min(share, budget)
                budget -= share
                holds.append((u, v, None if draw(st.integers(0, 9)) == 0 else share))
    rights = [
        (u, v, draw(st.integers(1, 3)), draw(st.sampled_from([None, *range(n)])))
        for u in range(n)
        for v in range(n)
        if u != v and draw(st.integers(0, 6)) == 0
    ]
    return phase(kinds, holds, rights)


@settings(max_examples=150, deadline=None)
@given(graphs(), st.sampled_from(["hsr", "majority"]))
def test_controllers_and_tops_match_the_definition(p: Phase, concept: Concept) -> None:
    for entity in sorted(p.graph.nodes):
        i, fresh = Interests(p), Interests(p)
        want_controllers, want_tops = reference(fresh, entity, concept)
        assert i.controllers(entity, concept) == want_controllers
        assert i.ultimate_parents(entity, concept) == want_tops


def test_a_circle_of_control_is_one_top_named_by_its_first_id() -> None:
    p = phase(["company"] * 3, [(0, 1, 0.6), (1, 0, 0.6), (1, 2, 0.6)], [])
    assert Interests(p).ultimate_parents("e2") == ["e0"]


@pytest.mark.parametrize("n", [5_000])
def test_a_control_chain_costs_steps_linear_in_its_length(n: int) -> None:
    # e(k+1) holds 60 % of e(k): every entity above e0 controls it; the top is e(n-1)
    p = phase(["company"] * n, [(k + 1, k, 0.6) for k in range(n - 1)], [])
    i = Interests(p)
    assert i.ultimate_parents("e0") == [f"e{n - 1}"]
    assert len(i.controllers("e0")) == n - 1
    assert i.ultimate_parents(f"e{n // 2}") == [f"e{n - 1}"]
    assert i._control["hsr"].steps < 10 * n  # quadratic would be ~n²/2 = 12.5 million


def test_a_star_of_holders_costs_steps_linear_in_its_size() -> None:
    n = 20_000  # 20,000 small holders of e0, and e1 controlling every one of e2…
    holds = [(k, 0, 0.5 / n) for k in range(1, n)] + [(1, k, 0.6) for k in range(2, n)]
    i = Interests(phase(["company"] * n, holds, []))
    assert i.ultimate_parents("e0") == ["e0"]
    assert i.ultimate_parents(f"e{n - 1}") == ["e1"]
    assert i._control["hsr"].steps < 10 * n


def test_a_right_held_jointly_with_a_member_that_joins_later_counts() -> None:
    # Regression (property test, hsr): e2 holds 60 % of e4, e4 60 % of e6; e4 may designate
    # 2 of e1's 4 directors jointly with e6. Both are e2's, so e2 designates half the board
    # (16 CFR 801.1(b)(2)) and controls e1. The closure judged e1 when e4 joined, before e6
    # did, and never again (e6 has no edge to e1): the reference said set(), control {e2, e4}.
    p = phase(["company"] * 7, [(2, 4, 0.6), (4, 6, 0.6)], [(4, 1, 2, 6)])
    assert "e1" in Interests(p).closure("e2").members
    assert Interests(p).controllers("e1") == {"e2", "e4"} == reference(Interests(p), "e1", "hsr")[0]
    assert Interests(p).ultimate_parents("e1") == ["e2"]


def test_the_falsifying_example_of_the_property_test() -> None:
    # e1 holds 50 % of e4 (control under HSR) and may designate 2 of e3's 4 directors jointly
    # with e4: e1 controls e3. Found by test_controllers_and_tops_match_the_definition.
    holds = [(0, 1, None), (1, 0, None), (1, 4, 0.5), (2, 0, None), (2, 1, None)]
    holds += [(2, 4, None), (3, 0, None), (4, 0, None), (5, 0, None)]
    rights = [(1, 4, 1, None), (1, 3, 2, 4), (4, 5, 1, 0), (5, 3, 1, 4)]
    p = phase(["company"] * 6, holds, rights)
    for entity in sorted(p.graph.nodes):
        want_controllers, want_tops = reference(Interests(p), entity, "hsr")
        assert Interests(p).controllers(entity, "hsr") == want_controllers
        assert Interests(p).ultimate_parents(entity, "hsr") == want_tops
    assert Interests(p).controllers("e3") == {"e1"}
