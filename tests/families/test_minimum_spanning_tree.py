"""Focused tests for minimum_spanning_tree-v1: every spanning tree enumerated, every minimum one accepted."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("minimum_spanning_tree")


def graph_edges(data):
    return sorted({tuple(sorted((u, v))) + (w,) for u, out in data["weights"].items() for v, w in out.items()})


def is_spanning_tree(nodes, chosen):
    """n - 1 edges that reach every node from the first one (so no cycle either)."""
    if len(chosen) != len(nodes) - 1:
        return False
    reached, frontier = {nodes[0]}, [nodes[0]]
    while frontier:
        node = frontier.pop()
        for u, v, _ in chosen:
            for a, b in ((u, v), (v, u)):
                if a == node and b not in reached:
                    reached.add(b)
                    frontier.append(b)
    return len(reached) == len(nodes)


def spanning_trees(data):
    edges = graph_edges(data)
    return [chosen for chosen in combinations(edges, len(data["nodes"]) - 1)
            if is_spanning_tree(data["nodes"], chosen)]


def render(chosen):
    return ", ".join(f"{u}-{v}" for u, v, _ in chosen)


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_spanning_tree_is_judged_by_its_weight(level):
    several = TASK.params(level)["several_optima"]
    for seed in range(4):
        data = TASK.generate(seed, level).data
        trees = spanning_trees(data)
        best = min(sum(w for _, _, w in tree) for tree in trees)
        assert best == data["mst_weight"]
        optimal = [tree for tree in trees if sum(w for _, _, w in tree) == best]
        if several:
            assert len(optimal) >= 2
        for tree in trees:
            verdict = TASK.verify(data, render(tree))
            assert verdict.correct == (tree in optimal)
            if not verdict.correct:
                assert "not the smallest" in verdict.reason


@pytest.mark.parametrize("level", [5, 10])
def test_reference_is_a_spanning_tree_of_the_stored_weight(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        pairs = [item.split("-") for item in instance.reference.split(", ")]
        chosen = [(u, v, data["weights"][u][v]) for u, v in pairs]
        assert is_spanning_tree(data["nodes"], chosen)
        assert sum(w for _, _, w in chosen) == data["mst_weight"]
        assert len(data["nodes"]) == TASK.params(level)["nodes"]


# a square A-B-C-D with both diagonals; three edges of weight 1 on the rim, the rest heavier
HAND = {"nodes": ["A", "B", "C", "D"], "mst_weight": 4, "weights": {
    "A": {"B": 1, "C": 3, "D": 2}, "B": {"A": 1, "C": 1, "D": 5}, "C": {"A": 3, "B": 1, "D": 2},
    "D": {"A": 2, "B": 5, "C": 2}}}


@pytest.mark.parametrize("answer", [
    "A-B, B-C, A-D", "A-B, B-C, C-D", "(A, B), (B, C), (C, D)", "B-A\nC-B\nD-C", "a-b, b-c, c-d",
    "A - B: 1, B - C: 1, C - D: 2", "[A-B, B-C, A-D]", "A-B (1); B-C (1); D-A (2)",
])
def test_hand_graph_accepts_both_minimum_trees(answer):
    assert TASK.verify(HAND, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("A-B, B-C, B-D", Status.WRONG, "not the smallest"),
    ("A-B, B-C", Status.WRONG, "has 3 edges"),
    ("A-B, B-C, A-C", Status.WRONG, "closes a cycle"),
    ("A-B, B-C, A-D, C-D", Status.WRONG, "closes a cycle"),
    ("A-B, B-A, C-D", Status.WRONG, "more than once"),
    ("A-B: 2, B-C, C-D", Status.WRONG, "weighs 1, not 2"),
    ("A-A, B-C, C-D", Status.WRONG, "no edge"),
    ("A-B, B-C, C-E", Status.UNPARSABLE, "not a node"),
    ("A-B, B-C, C-D or A-B, B-C, A-D", Status.UNPARSABLE, "not a node"),
    ("4", Status.UNPARSABLE, "expected"),
    ("A-B-C-D", Status.UNPARSABLE, "expected"),
])
def test_hand_graph_rejects_with_a_reason(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    nodes = [p["nodes"] for p in params]
    assert nodes == sorted(nodes) and nodes[0] < nodes[-1]
    assert [p["edges_per_node"] for p in params] == sorted(p["edges_per_node"] for p in params)
    assert params[-1]["several_optima"] and not params[0]["several_optima"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, nodes=2)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, edges_per_node=0.5, several_optima=True)
