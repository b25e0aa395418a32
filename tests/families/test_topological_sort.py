"""Focused tests for topological_sort-v1: orders checked by brute force over all permutations."""

from itertools import permutations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("topological_sort")


def is_topological(order, edges):
    """Independent check: a permutation where every edge points forward."""
    where = {name: i for i, name in enumerate(order)}
    return all(where[u] < where[v] for u, v in edges)


def has_cycle(nodes, edges):
    """Depth-first search for a back edge."""
    successors = {name: [] for name in nodes}
    for u, v in edges:
        successors[u].append(v)
    state = dict.fromkeys(nodes, 0)

    def visit(node):
        state[node] = 1
        for nxt in successors[node]:
            if state[nxt] == 1 or (state[nxt] == 0 and visit(nxt)):
                return True
        state[node] = 2
        return False

    return any(state[name] == 0 and visit(name) for name in nodes)


@pytest.mark.parametrize("level", [1, 2])
def test_every_permutation_is_judged_by_the_rules(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        valid = [order for order in permutations(data["nodes"]) if is_topological(order, data["edges"])]
        assert len(valid) >= 2, "the order must not be unique"
        for order in permutations(data["nodes"]):
            assert TASK.verify(data, ", ".join(order)).correct == (order in valid)


@pytest.mark.parametrize("level", [5, 10])
def test_graphs_are_acyclic_and_references_valid(level):
    params = TASK.params(level)
    for seed in range(8):
        instance = TASK.generate(seed, level)
        data = instance.data
        assert len(data["nodes"]) == params["nodes"]
        assert len(data["edges"]) == round(params["edges_per_node"] * params["nodes"])
        assert len({tuple(edge) for edge in data["edges"]}) == len(data["edges"])
        assert not has_cycle(data["nodes"], data["edges"])
        reference = instance.reference.split(", ")
        assert sorted(reference) == sorted(data["nodes"]) and is_topological(reference, data["edges"])
        assert TASK.verify(data, instance.reference).correct


HAND = {"nodes": ["A", "B", "C", "D"], "edges": [["A", "B"], ["A", "C"], ["C", "D"]]}


@pytest.mark.parametrize("answer", [
    "A, B, C, D", "A, C, B, D", "A, C, D, B", "A -> C -> D -> B", "a c d b", "[A, B, C, D]", "A\nC\nD\nB",
])
def test_hand_instance_accepts_every_valid_order(answer):
    assert TASK.verify(HAND, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("B, A, C, D", Status.WRONG, "A -> B is violated"),
    ("A, D, C, B", Status.WRONG, "C -> D is violated"),
    ("A, B, C", Status.WRONG, "D missing"),
    ("A, B, C, D, A", Status.WRONG, "more than once"),
    ("A, B, C, E", Status.UNPARSABLE, "not a node"),
    ("A, B, C, D or A, C, B, D", Status.UNPARSABLE, "not a node"),
    ("", Status.UNPARSABLE, "expected node names"),
])
def test_hand_instance_rejects_with_a_reason(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    sizes = [TASK.params(level)["nodes"] for level in range(1, 11)]
    density = [TASK.params(level)["edges_per_node"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert density == sorted(density) and density[0] < density[-1]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, nodes=2)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, edges_per_node=7.0)


def test_nodes_in_listed_order_are_never_an_answer():
    for level in (1, 2, 10):
        for seed in range(20):
            data = TASK.generate(seed, level).data
            assert not is_topological(data["nodes"], data["edges"])
            assert not TASK.verify(data, ", ".join(data["nodes"])).correct
