"""Focused tests for the graph_coloring family."""

import itertools
import random
import re

import pytest

import bootcamps
from bootcamps.generators.graph_coloring import adjacency, colourable, first_fit_colours
from bootcamps.types import Status

TASK = bootcamps.get_task("graph_coloring")


def k_colourable(nodes, edges, k):
    """Independent plain backtracking with sets (no bitmasks, no DSATUR), in a fixed node order:
    breadth first from the node of highest degree, so each node meets its coloured neighbours early."""
    neighbours = {v: set() for v in range(1, nodes + 1)}
    for u, v in edges:
        neighbours[u].add(v)
        neighbours[v].add(u)
    order, seen = [], set()
    for root in sorted(neighbours, key=lambda v: -len(neighbours[v])):
        queue = [root] if root not in seen else []
        seen.add(root)
        while queue:
            v = queue.pop(0)
            order.append(v)
            for u in sorted(neighbours[v], key=lambda u: -len(neighbours[u])):
                if u not in seen:
                    seen.add(u)
                    queue.append(u)
    colour = {}

    def place(i):
        if i == len(order):
            return True
        v = order[i]
        for c in range(min(k, max(colour.values(), default=-1) + 2)):  # symmetry: new colours in order
            if all(colour.get(u) != c for u in neighbours[v]):
                colour[v] = c
                if place(i + 1):
                    return True
                del colour[v]
        return False

    return place(0)


def colours_of(reference):
    return [int(item.split(":")[1]) for item in reference.split(",")]


def greedy_in_node_order(nodes, edges):
    neighbours = {v: set() for v in range(1, nodes + 1)}
    for u, v in edges:
        neighbours[u].add(v)
        neighbours[v].add(u)
    colour = {}
    for v in range(1, nodes + 1):
        taken = {colour[u] for u in neighbours[v] if u in colour}
        colour[v] = next(c for c in itertools.count(1) if c not in taken)
    return max(colour.values())


@pytest.mark.parametrize("level", range(1, 11))
def test_instances_are_well_formed_and_solvable(level):
    for seed in range(12):
        instance = TASK.generate(seed, level)
        n, k, edges = instance.data["nodes"], instance.data["colors"], instance.data["edges"]
        assert all(1 <= u < v <= n for u, v in edges)
        assert len({tuple(e) for e in edges}) == len(edges)
        assert {v for e in edges for v in e} == set(range(1, n + 1))  # no isolated node
        colours = colours_of(instance.reference)
        assert len(colours) == n and set(colours) <= set(range(1, k + 1))
        assert all(colours[u - 1] != colours[v - 1] for u, v in edges)
        assert f"{len(edges)} edges" in instance.prompt
        assert all(f"{u}-{v}" in instance.prompt for u, v in edges)
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_small_instances_are_colourable_by_brute_force(level):
    for seed in range(6):
        data = TASK.generate(seed, level).data
        n, k = data["nodes"], data["colors"]
        found = any(all(c[u - 1] != c[v - 1] for u, v in data["edges"])
                    for c in itertools.product(range(k), repeat=n))
        assert found


@pytest.mark.parametrize("level", range(4, 11))
def test_tight_levels_need_all_k_colours_and_defeat_first_fit(level):
    for seed in range(4 if level >= 8 else 8):
        data = TASK.generate(seed, level).data
        n, k, edges = data["nodes"], data["colors"], data["edges"]
        assert TASK.params(level)["tight"]
        assert not k_colourable(n, edges, k - 1)
        assert k_colourable(n, edges, k)
        assert greedy_in_node_order(n, edges) > k


def test_exact_search_matches_brute_force():
    rng = random.Random(7)
    for _ in range(400):
        n = rng.randint(1, 7)
        edges = [(u, v) for u in range(n) for v in range(u + 1, n) if rng.random() < rng.random()]
        adj = adjacency(n, edges)
        for k in range(1, 5):
            brute = any(all(c[u] != c[v] for u, v in edges) for c in itertools.product(range(k), repeat=n))
            assert colourable(adj, k) == brute
        assert first_fit_colours(adj) == greedy_in_node_order(n, [(u + 1, v + 1) for u, v in edges]) or not edges


# a triangle 1-2-3 with a pendant node 4 on node 3 and a pendant 5 on node 1
HAND = {"nodes": 5, "colors": 3, "edges": [[1, 2], [1, 3], [1, 5], [2, 3], [3, 4]]}


@pytest.mark.parametrize("answer", [
    "1: 1, 2: 2, 3: 3, 4: 1, 5: 2",
    "1: 3, 2: 1, 3: 2, 4: 1, 5: 1",  # another colouring
    "5: 2\n4: 2\n3: 3\n2: 2\n1: 1",
    "1=2; 2=1; 3=3; 4=1; 5=1",
    "node 1 -> colour 1, node 2 -> colour 2, node 3 -> colour 3, node 4 -> colour 2, node 5 -> colour 3",
    "{\"1\": 1, \"2\": 2, \"3\": 3, \"4\": 1, \"5\": 2}",
    "1, 2, 3, 1, 2",
    "[2 3 1 2 1]",
])
def test_hand_instance_accepts_any_proper_colouring(answer):
    assert TASK.verify(HAND, answer).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("1: 1, 2: 1, 3: 1, 4: 1, 5: 1", Status.WRONG, "same colour"),
    ("1: 1, 2: 2, 3: 3, 4: 3, 5: 2", Status.WRONG, "3-4"),  # one conflicting edge
    ("1: 1, 2: 2, 3: 4, 4: 1, 5: 2", Status.WRONG, "not in 1 to 3"),  # proper, but 4 colours
    ("1: 0, 2: 1, 3: 2, 4: 0, 5: 1", Status.WRONG, "not in 1 to 3"),  # colours from 0
    ("1: 1, 2: 2, 3: 3, 4: 1", Status.WRONG, "node 5"),
    ("1: 1, 2: 2, 3: 3, 4: 1, 5: 2, 6: 1", Status.WRONG, "no node 6"),
    ("1: 1, 2: 2, 3: 3, 4: 1, 5: 2, 1: 1", Status.WRONG, "more than once"),
    ("1: 1 or 2, 2: 2, 3: 3, 4: 1, 5: 2", Status.UNPARSABLE, ""),
    ("1-2, 1-3, 1-5, 2-3, 3-4", Status.UNPARSABLE, ""),
    ("1, 2, 3, 1", Status.UNPARSABLE, ""),
    ("3", Status.UNPARSABLE, ""),
])
def test_hand_instance_rejects(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert not verdict.correct and verdict.score == 0.0
    assert verdict.status is status and reason in verdict.reason


def test_permuted_colours_and_whole_responses():
    instance = TASK.generate(3, 8)
    colours = colours_of(instance.reference)
    k = instance.data["colors"]
    for shift in range(1, k):
        permuted = ", ".join(f"{v}: {(c + shift - 1) % k + 1}" for v, c in enumerate(colours, start=1))
        assert TASK.verify(instance.data, permuted).correct
    assert TASK.score(instance, f"<think>hmm</think><answer>{instance.reference}</answer>").correct
    assert not TASK.score(instance, "<answer>1: 1</answer>").correct


def test_knobs_shape_the_instances():
    low, high = TASK.generate(0, 1).data, TASK.generate(0, 10).data
    assert (low["nodes"], low["colors"]) == (5, 2)
    assert (high["nodes"], high["colors"]) == (40, 4)
    assert len(high["edges"]) > 4 * len(low["edges"])
    dense = TASK.generate(0, 5, edge_density=0.9).data
    sparse = TASK.generate(0, 5, edge_density=0.2).data
    assert len(dense["edges"]) > len(sparse["edges"])
    assert TASK.generate(0, 5, colors=5, nodes=15).data["colors"] == 5
    with pytest.raises(bootcamps.errors.BootcampsError):
        TASK.generate(0, 5, nodes=4, colors=6)


def test_near_misses_are_rejected_and_cover_the_listed_mistakes():
    instance = TASK.generate(1, 6)
    misses = TASK.near_misses(instance)
    verdicts = [TASK.verify(instance.data, miss) for miss in misses]
    assert not any(v.correct for v in verdicts)
    assert any("same colour" in v.reason for v in verdicts)
    assert any(re.search(r"not in 1 to \d", v.reason) for v in verdicts)
    assert all(TASK.verify(instance.data, form).correct for form in TASK.equivalents(instance))
