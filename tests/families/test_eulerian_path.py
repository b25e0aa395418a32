"""Focused tests for eulerian_path-v1: every Eulerian walk enumerated and accepted, degree conditions checked."""

from collections import Counter

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("eulerian_path")


def all_euler_walks(data):
    """Every walk using each edge once, by depth-first search from every node (small graphs only)."""
    edges = [tuple(edge) for edge in data["edges"]]
    directed = data["directed"]
    walks = []

    def extend(walk, left):
        if not left:
            walks.append(list(walk))
            return
        for edge in sorted(left):
            u, v = edge
            for a, b in ((u, v),) if directed else ((u, v), (v, u)):
                if a == walk[-1]:
                    extend([*walk, b], left - {edge})

    for start in data["nodes"]:
        extend([start], frozenset(edges))
    return walks


def degree_condition_holds(data):
    out_degree, in_degree = Counter(), Counter()
    for u, v in data["edges"]:
        out_degree[u] += 1
        in_degree[v] += 1
    if data["directed"]:
        balance = sorted(out_degree[n] - in_degree[n] for n in data["nodes"])
        wanted = [0] * len(balance) if data["circuit"] else [-1] + [0] * (len(balance) - 2) + [1]
        return balance == wanted
    odd = sum((out_degree[n] + in_degree[n]) % 2 for n in data["nodes"])
    return odd == (0 if data["circuit"] else 2)


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_eulerian_walk_is_accepted(level):
    for seed in range(4):
        data = TASK.generate(seed, level).data
        walks = all_euler_walks(data)
        assert walks and degree_condition_holds(data)
        for walk in walks:
            assert walk[0] == walk[-1] if data["circuit"] else walk[0] != walk[-1]
            assert TASK.verify(data, " -> ".join(walk)).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_graphs_are_simple_and_cover_every_node(level):
    params = TASK.params(level)
    for seed in range(5):
        instance = TASK.generate(seed, level)
        data = instance.data
        keys = [tuple(e) if data["directed"] else tuple(sorted(e)) for e in data["edges"]]
        assert len(keys) == len(set(keys)) == params["edges"]
        assert all(u != v for u, v in keys)
        assert {n for e in keys for n in e} == set(data["nodes"]) and len(data["nodes"]) == params["nodes"]
        assert data["directed"] == params["directed"] and data["circuit"] == params["circuit"]
        assert degree_condition_holds(data)


OPEN = {"directed": False, "circuit": False, "nodes": ["A", "B", "C", "D"],
        "edges": [["A", "B"], ["A", "C"], ["B", "C"], ["C", "D"]]}
ONE_WAY = {"directed": True, "circuit": True, "nodes": ["A", "B", "C"],
           "edges": [["A", "B"], ["B", "C"], ["C", "A"]]}


def test_hand_graphs_accept_every_walk_in_any_rendering():
    walks = all_euler_walks(OPEN)
    assert sorted(walks) == [list("CABCD"), list("CBACD"), list("DCABC"), list("DCBAC")]
    for walk in walks:
        for answer in (" -> ".join(walk), ", ".join(walk), " ".join(walk).lower(), " \u2192 ".join(walk)):
            assert TASK.verify(OPEN, answer).correct, answer
    assert all_euler_walks(ONE_WAY) == [list("ABCA"), list("BCAB"), list("CABC")]
    for walk in all_euler_walks(ONE_WAY):
        assert TASK.verify(ONE_WAY, "->".join(walk)).correct


@pytest.mark.parametrize(("data", "answer", "status", "reason"), [
    (OPEN, "A -> C -> B -> A -> C -> D", Status.WRONG, "used more than once"),
    (OPEN, "B -> A -> C -> B -> C -> D", Status.WRONG, "used more than once"),
    (OPEN, "A -> B -> C -> D", Status.WRONG, "never used"),
    (OPEN, "A -> D -> C -> B -> A", Status.WRONG, "no edge between A and D"),
    (ONE_WAY, "A -> C -> B -> A", Status.WRONG, "the edge goes from C to A"),
    (ONE_WAY, "A -> B -> C", Status.WRONG, "never used"),
    (OPEN, "A -> B -> C -> E", Status.UNPARSABLE, "not a node"),
    (OPEN, "A -> B -> C -> A -> C -> D or D -> C", Status.UNPARSABLE, "not a node"),
])
def test_hand_graphs_reject_with_a_reason(data, answer, status, reason):
    verdict = TASK.verify(data, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_circuit_must_close():
    triangle_tail = {"directed": False, "circuit": True, "nodes": ["A", "B", "C"],
                     "edges": [["A", "B"], ["A", "C"], ["B", "C"]]}
    assert TASK.verify(triangle_tail, "A -> B -> C -> A").correct
    # same edges, listed as an open path, is refused when a circuit is asked (a hand-made case)
    fake = {**triangle_tail, "edges": [["A", "B"], ["B", "C"]]}
    verdict = TASK.verify(fake, "A -> B -> C")
    assert verdict.status is Status.WRONG and "circuit is required" in verdict.reason


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("nodes", "edges"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1], knob
    assert params[-1]["directed"] and not params[0]["directed"]
    assert any(p["circuit"] for p in params) and not all(p["circuit"] for p in params)


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, edges=4)  # fewer edges than the 5 nodes
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, edges=9)  # more than three quarters of the 10 possible edges
