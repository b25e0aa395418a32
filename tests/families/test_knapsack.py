"""Focused tests for knapsack-v1: the optimum checked by brute force, every optimal subset accepted."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("knapsack")


def optimal_subsets(data):
    """(optimum, every optimal subset as sorted 1-based tuples), by trying all 2**n subsets."""
    weights, values, capacity = data["weights"], data["values"], data["capacity"]
    best, found = -1, []
    for k in range(len(weights) + 1):
        for subset in combinations(range(len(weights)), k):
            if sum(weights[i] for i in subset) > capacity:
                continue
            value = sum(values[i] for i in subset)
            if value > best:
                best, found = value, []
            if value == best:
                found.append(tuple(i + 1 for i in subset))
    return best, found


def ratio_greedy_value(data):
    """Value of taking items by decreasing value/weight (cross-multiplied) while they fit."""
    weights, values = data["weights"], data["values"]
    order = list(range(len(weights)))
    for i in range(len(order)):  # a plain insertion sort: shares nothing with the family
        j = i
        while j > 0 and values[order[j]] * weights[order[j - 1]] > values[order[j - 1]] * weights[order[j]]:
            order[j], order[j - 1] = order[j - 1], order[j]
            j -= 1
    load = value = 0
    for i in order:
        if load + weights[i] <= data["capacity"]:
            load, value = load + weights[i], value + values[i]
    return value


@pytest.mark.parametrize("level", [1, 3, 4, 5, 6])
def test_optimum_matches_brute_force_and_every_optimum_is_accepted(level):
    params = TASK.params(level)
    for seed in range(8):
        instance = TASK.generate(seed, level)
        data = instance.data
        best, found = optimal_subsets(data)
        assert best == data["optimum"]
        assert TASK.verify(data, instance.reference).correct
        assert all(len(subset) >= 2 for subset in found), "a single item is optimal"
        assert sum(data["weights"]) > data["capacity"]
        if params["ties"]:
            assert len(found) >= 2
        if params["greedy_trap"]:
            assert ratio_greedy_value(data) < best
        for subset in found:
            assert TASK.verify(data, ", ".join(map(str, subset[::-1]))).correct


def test_tie_levels_accept_an_answer_other_than_the_reference():
    instance = TASK.generate(5, 4)
    _, found = optimal_subsets(instance.data)
    others = [s for s in found if ", ".join(map(str, s)) != instance.reference]
    assert others and TASK.verify(instance.data, " ".join(map(str, others[0]))).correct


# capacity 10; the optimum 2 + 3 (weight 9, value 13) beats the best ratio item 1 taken first
HAND = {"capacity": 10, "weights": [6, 4, 5, 7], "values": [8, 6, 7, 1], "optimum": 14}


def test_hand_written_instance():
    assert optimal_subsets(HAND) == (14, [(1, 2)])
    for answer in ["1, 2", "2, 1", "[1, 2]", "{1 2}", "Items: 1 and 2", "items 1 and 2", "#1, #2"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "2, 3": (Status.WRONG, "not the largest"),
        "1, 2, 3": (Status.WRONG, "more than the capacity"),
        "1, 1": (Status.WRONG, "more than once"),
        "1, 5": (Status.WRONG, "no item 5"),
        "0, 1": (Status.WRONG, "no item 0"),
        "1, 2 or 2, 3": (Status.UNPARSABLE, "expected"),
        "14": (Status.WRONG, "no item 14"),
        "1-2": (Status.UNPARSABLE, "expected"),
        "": (Status.WRONG, "not the largest"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_levels_grow():
    sizes = [TASK.params(level)["items"] for level in range(1, 11)]
    weights = [TASK.params(level)["max_weight"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    assert weights == sorted(weights) and weights[0] < weights[-1]
    for level in (1, 10):
        data = TASK.generate(3, level).data
        assert len(data["weights"]) == TASK.params(level)["items"]


def test_knob_bounds():
    for knobs in ({"items": 2}, {"items": 41}, {"max_weight": 1}, {"max_value": 201}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **knobs)
