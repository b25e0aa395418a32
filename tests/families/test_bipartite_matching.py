"""Focused tests for bipartite_matching-v1: maximum size by exhaustive search, every maximum matching accepted."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("bipartite_matching")


def all_matchings(adjacency):
    """Every set of edges with no shared node, by trying every subset of edges (small graphs only)."""
    edges = [(left, right) for left, rights in adjacency.items() for right in rights]
    found = []
    for size in range(len(edges) + 1):
        for chosen in combinations(edges, size):
            nodes = [node for edge in chosen for node in edge]
            if len(nodes) == len(set(nodes)):
                found.append(chosen)
    return found


def first_free_greedy(adjacency):
    taken, count = set(), 0
    for rights in adjacency.values():
        for right in rights:
            if right not in taken:
                taken.add(right)
                count += 1
                break
    return count


@pytest.mark.parametrize("level", [1, 2, 3])
def test_every_matching_is_judged_by_its_size(level):
    for seed in range(5):
        data = TASK.generate(seed, level).data
        matchings = all_matchings(data["adjacency"])
        best = max(map(len, matchings))
        assert best == data["maximum"]
        if TASK.params(level)["greedy_trap"]:
            assert first_free_greedy(data["adjacency"]) < best
        for matching in matchings:
            answer = ", ".join(f"{left}-{right}" for left, right in matching)
            verdict = TASK.verify(data, answer)
            assert verdict.correct == (len(matching) == best)
            if not verdict.correct:
                assert "larger matching exists" in verdict.reason


@pytest.mark.parametrize("level", [5, 10])
def test_reference_is_a_matching_of_the_stored_size(level):
    params = TASK.params(level)
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        pairs = [item.split("-") for item in instance.reference.split(", ")]
        assert len(pairs) == data["maximum"]
        assert all(right in data["adjacency"][left] for left, right in pairs)
        assert len({node for pair in pairs for node in pair}) == 2 * len(pairs)
        assert len(data["adjacency"]) == params["left"] and data["rights"] == params["right"]


# L1 likes R1 and R2, L2 likes R1 only, L3 likes R2 and R3: the greedy L1-R1 blocks L2
HAND = {"rights": 3, "maximum": 3, "adjacency": {"L1": ["R1", "R2"], "L2": ["R1"], "L3": ["R2", "R3"]}}


@pytest.mark.parametrize("answer", [
    "L1-R2, L2-R1, L3-R3", "R2-L1, R1-L2, R3-L3", "(L2, R1), (L1, R2), (L3, R3)", "l1 -> r2\nl2 -> r1\nl3 -> r3",
    "[L1-R2, L2-R1, L3-R3]", "L1 - R2 and L2 - R1 and L3 - R3",
])
def test_hand_graph_accepts_renderings(answer):
    assert TASK.verify(HAND, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("L1-R1, L3-R2", Status.WRONG, "larger matching exists"),
    ("L1-R3, L2-R1, L3-R2", Status.WRONG, "no edge L1-R3"),
    ("L1-R2, L2-R1, L3-R2", Status.WRONG, "R2 is in more than one pair"),
    ("L1-R2, L1-R1, L3-R3", Status.WRONG, "L1 is in more than one pair"),
    ("L1-L2, L3-R3", Status.WRONG, "does not join a left node to a right node"),
    ("L1-R2, L2-R1, L3-R4", Status.UNPARSABLE, "not a node"),
    ("L1-R2, L2-R1, L3-R3 or L1-R1", Status.UNPARSABLE, "not a node"),
    ("L1-R2: 1, L2-R1, L3-R3", Status.UNPARSABLE, "without numbers"),
    ("3", Status.UNPARSABLE, "expected"),
    ("[]", Status.WRONG, "0 pairs"),
])
def test_hand_graph_rejects_with_a_reason(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("left", "right", "degree"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1], knob
    assert params[-1]["greedy_trap"] and not params[0]["greedy_trap"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, left=1)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, degree=5.0)  # more than the 3 right nodes of level 1


def test_diagonal_matching_is_never_an_answer():
    for level in (1, 2, 10):
        for seed in range(20):
            data = TASK.generate(seed, level).data
            count = min(len(data["adjacency"]), data["rights"])
            diagonal = ", ".join(f"L{i}-R{i}" for i in range(1, count + 1))
            assert not TASK.verify(data, diagonal).correct
