"""Focused tests for max_flow-v1: the maximum checked against every S-T cut, any maximum flow accepted."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("max_flow")


def min_cut(capacities, source, sink):
    """The smallest capacity of an S-T cut, over every set of inner nodes put on the source side."""
    inner = [node for node in capacities if node not in (source, sink)]
    best = None
    for size in range(len(inner) + 1):
        for chosen in combinations(inner, size):
            side = {source, *chosen}
            cut = sum(c for u, out in capacities.items() for v, c in out.items() if u in side and v not in side)
            best = cut if best is None else min(best, cut)
    return best


def flow_lines(flows):
    return "\n".join(f"{u} -> {v}: {f}" for (u, v), f in flows.items())


@pytest.mark.parametrize("level", [1, 3, 5])
def test_stored_maximum_equals_the_minimum_cut(level):
    for seed in range(8):
        instance = TASK.generate(seed, level)
        data = instance.data
        capacities = data["capacities"]
        assert data["max_flow"] == min_cut(capacities, "S", "T")
        assert 0 < data["max_flow"] < sum(capacities["S"].values())
        assert data["max_flow"] < sum(out.get("T", 0) for out in capacities.values())
        assert not any("S" in out for out in capacities.values()) and not capacities["T"]
        assert not any(u in capacities[v] for u, out in capacities.items() for v in out)  # no antiparallel
        assert TASK.verify(data, instance.reference).correct


# two disjoint routes S-A-T and S-B-T, plus A -> B: the maximum 5 is reached in several ways
HAND = {"source": "S", "sink": "T", "max_flow": 5,
        "capacities": {"S": {"A": 4, "B": 2}, "A": {"B": 2, "T": 3}, "B": {"T": 2}, "T": {}}}


@pytest.mark.parametrize("flows", [
    {("S", "A"): 3, ("S", "B"): 2, ("A", "T"): 3, ("B", "T"): 2},
    {("S", "A"): 4, ("S", "B"): 1, ("A", "T"): 3, ("A", "B"): 1, ("B", "T"): 2},
])
def test_hand_network_accepts_different_maximum_flows(flows):
    assert min_cut(HAND["capacities"], "S", "T") == 5
    assert TASK.verify(HAND, "max flow: 5\n" + flow_lines(flows)).correct
    assert TASK.verify(HAND, flow_lines(flows) + "\nMaximum flow = 5").correct
    with_zero = {**flows, ("A", "B"): flows.get(("A", "B"), 0)}
    assert TASK.verify(HAND, "max flow: 5\n" + flow_lines(with_zero).replace(" -> ", "\u2192")).correct


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("max flow: 5\nS -> A: 4\nS -> B: 2\nA -> T: 3\nB -> T: 2\nA -> B: 1", Status.WRONG, "into B differs"),
    ("max flow: 6\nS -> A: 4\nS -> B: 2\nA -> T: 4\nB -> T: 2", Status.WRONG, "exceeds its capacity 3"),
    ("max flow: 6\nS -> A: 3\nS -> B: 2\nA -> T: 3\nB -> T: 2", Status.WRONG, "differs from the net flow 5"),
    ("max flow: 4\nS -> A: 2\nS -> B: 2\nA -> T: 2\nB -> T: 2", Status.WRONG, "not the maximum"),
    ("max flow: 5\nS -> A: 3\nS -> B: 2\nA -> T: 3\nB -> A: 0\nB -> T: 2", Status.WRONG, "no edge B -> A"),
    ("max flow: 5\nS -> A: 3\nS -> A: 3\nS -> B: 2\nA -> T: 3\nB -> T: 2", Status.WRONG, "more than once"),
    ("max flow: 5", Status.WRONG, "net flow 0"),
    ("S -> A: 3\nS -> B: 2\nA -> T: 3\nB -> T: 2", Status.UNPARSABLE, "max flow"),
    ("5", Status.UNPARSABLE, "max flow"),
    ("max flow: 5\nS -> A: 3, S -> B: 2\nA -> T: 3\nB -> T: 2\nmax flow: 5", Status.UNPARSABLE, "2 max flow lines"),
    ("max flow: 5\nS -> A: 3\nS -> B: 2\nA -> T: 3\nB -> T", Status.UNPARSABLE, "expected a number"),
    ("max flow: 5\nS -> A: 3 or 4\nS -> B: 2\nA -> T: 3\nB -> T: 2", Status.UNPARSABLE, "expected"),
    ("max flow: 5\nS -> A: -3\nS -> B: 2", Status.UNPARSABLE, "expected"),
])
def test_hand_network_rejects_with_a_reason(answer, status, reason):
    verdict = TASK.verify(HAND, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("inner_nodes", "edges_per_node", "max_capacity"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1], knob
    small, large = TASK.generate(0, 1).data, TASK.generate(0, 10).data
    assert len(small["capacities"]) == 5 and len(large["capacities"]) == 22


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, inner_nodes=25)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, max_capacity=0)
