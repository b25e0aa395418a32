"""Focused tests for shortest_path: the optimum checked by Bellman-Ford, any optimal path accepted."""

import pytest

import bootcamps
from bootcamps.types import Status

TASK = bootcamps.get_task("shortest_path")


def _bellman_ford(adjacency, source):
    """(distance, fewest edges among optimal paths) per node, by plain relaxation."""
    best = {node: (float("inf"), float("inf")) for node in adjacency}
    best[source] = (0, 0)
    for _ in range(len(adjacency)):
        changed = False
        for u, out in adjacency.items():
            for v, w in out.items():
                candidate = (best[u][0] + w, best[u][1] + 1)
                if candidate < best[v]:
                    best[v], changed = candidate, True
        if not changed:
            break
    return best


def _all_optimal_paths(data):
    """Every simple path from source to target of the optimal cost, by pruned exhaustive search."""
    adjacency, target, cost = data["adjacency"], data["target"], data["cost"]
    found = []

    def walk(path, weight):
        if weight > cost:
            return
        if path[-1] == target:
            found.append(path)
            return
        for v, w in adjacency[path[-1]].items():
            if v not in path:
                walk([*path, v], weight + w)

    walk([data["source"]], 0)
    return [path for path in found if sum(adjacency[u][v] for u, v in zip(path, path[1:], strict=False)) == cost]


@pytest.mark.parametrize("level", [1, 3, 5, 7, 10])
def test_stored_optimum_matches_bellman_ford(level):
    min_hops = TASK.params(level)["min_hops"]
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        distance, hops = _bellman_ford(data["adjacency"], data["source"])[data["target"]]
        assert distance == data["cost"]
        assert hops >= min_hops
        assert TASK.verify(data, instance.reference).correct


@pytest.mark.parametrize("level", [8, 10])
def test_every_optimal_path_is_accepted_and_there_are_several(level):
    for seed in range(4):
        data = TASK.generate(seed, level).data
        paths = _all_optimal_paths(data)
        assert len(paths) >= 2
        for path in paths:
            assert TASK.verify(data, " -> ".join(path)).correct
            assert TASK.verify(data, ", ".join(path)).correct


UNDIRECTED = {
    "directed": False, "source": "A", "target": "E", "cost": 6,
    "adjacency": {
        "A": {"B": 2, "C": 3, "E": 9}, "B": {"A": 2, "D": 2}, "C": {"A": 3, "D": 1},
        "D": {"B": 2, "C": 1, "E": 2}, "E": {"A": 9, "D": 2},
    },
}


@pytest.mark.parametrize("answer", [
    "A -> B -> D -> E", "A -> C -> D -> E", "A, C, D, E", "A C D E", "a->b->d->e", "A → B → D → E",
    "[A, B, D, E]", "A - C - D - E",
])
def test_hand_graph_accepts_both_optimal_paths(answer):
    assert TASK.verify(UNDIRECTED, answer).correct, answer


@pytest.mark.parametrize("answer,status,reason", [
    ("A -> E", Status.WRONG, "not the smallest"),
    ("A -> B -> C -> D -> E", Status.WRONG, "no edge from B to C"),
    ("A -> B -> D", Status.WRONG, "must end at E"),
    ("E -> D -> B -> A", Status.WRONG, "must start at A"),
    ("A -> B -> A -> E", Status.WRONG, "not the smallest"),
    ("A -> B -> A -> B -> D -> E", Status.WRONG, "visits a node twice"),
    ("6", Status.UNPARSABLE, "not a node"),
    ("A -> B -> D -> E or A -> C -> D -> E", Status.UNPARSABLE, "not a node"),
    ("A -> X -> E", Status.UNPARSABLE, "not a node"),
])
def test_hand_graph_rejects_wrong_paths(answer, status, reason):
    verdict = TASK.verify(UNDIRECTED, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


DIRECTED = {
    "directed": True, "source": "A", "target": "C", "cost": 3,
    "adjacency": {"A": {"B": 1}, "B": {"C": 2}, "C": {"A": 1}},
}


def test_directed_edges_are_one_way():
    assert TASK.verify(DIRECTED, "A -> B -> C").correct
    reverse = {**DIRECTED, "source": "C", "target": "A", "cost": 1}
    assert TASK.verify(reverse, "C -> A").correct
    assert TASK.verify(reverse, "C -> B -> A").status is Status.WRONG


def test_trivial_answers_score_zero():
    instance = TASK.generate(5, 6)
    data = instance.data
    for answer in ("", "0", "yes", str(data["cost"]), instance.prompt, data["source"],
                   f"{data['source']} -> {data['target']}"):
        assert TASK.verify(data, answer).score == 0.0, answer


def test_levels_change_the_instances():
    low = [TASK.generate(seed, 1).data for seed in range(10)]
    high = [TASK.generate(seed, 10).data for seed in range(10)]
    assert all(len(d["adjacency"]) == 5 and not d["directed"] for d in low)
    assert all(len(d["adjacency"]) == 40 and d["directed"] for d in high)
    prompt = TASK.generate(0, 10).prompt
    assert "directed graph" in prompt and " -> " in prompt


def test_hooks_give_a_different_optimal_path_when_one_exists():
    instance = TASK.generate(2, 10)
    alternatives = [answer for answer in TASK.equivalents(instance)
                    if " -> " in answer and answer != instance.reference and answer.upper() == answer]
    assert alternatives
    assert all(TASK.verify(instance.data, answer).correct for answer in alternatives)
