"""Focused tests for interval_scheduling-v1: optimum by exhaustive search, every optimal set accepted."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("interval_scheduling")


def compatible_sets(intervals):
    """Every set of pairwise non-overlapping half-open intervals (1-based tuples), by depth-first search."""
    def overlaps(a, b):
        return a[0] < b[1] and b[0] < a[1]

    found = []

    def extend(start, chosen):
        found.append(tuple(i + 1 for i in chosen))
        for j in range(start, len(intervals)):
            if not any(overlaps(intervals[j], intervals[i]) for i in chosen):
                extend(j + 1, [*chosen, j])

    extend(0, [])
    return found


def optimum_and_optimal_sets(data):
    weights = data["weights"]
    scored = [(sum(weights[i - 1] for i in chosen), chosen) for chosen in compatible_sets(data["intervals"])]
    best = max(score for score, _ in scored)
    return best, [chosen for score, chosen in scored if score == best]


@pytest.mark.parametrize("level", [1, 3, 5, 6, 7, 8])
def test_optimum_matches_exhaustive_search_and_every_optimum_is_accepted(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data = instance.data
        best, optimal = optimum_and_optimal_sets(data)
        assert best == data["optimum"]
        assert all(len(chosen) >= 2 for chosen in optimal), "a single interval is optimal"
        assert TASK.verify(data, instance.reference).correct
        for chosen in optimal[:50]:
            assert TASK.verify(data, " ".join(map(str, chosen[::-1]))).correct


def test_unweighted_levels_have_several_optima_and_the_trap_holds():
    several = 0
    for seed in range(10):
        data = TASK.generate(seed, 4).data
        assert set(data["weights"]) == {1}
        best, optimal = optimum_and_optimal_sets(data)
        several += len(optimal) >= 2
        # taking intervals by earliest start (first-come) loses at least one interval
        taken, last_end = 0, -1
        for s, e in sorted(map(tuple, data["intervals"])):
            if s >= last_end:
                taken, last_end = taken + 1, e
        assert taken < best
    assert several >= 5


# [0, 4) and [4, 6) touch without overlapping; [3, 5) overlaps both
HAND = {"intervals": [[0, 4], [3, 5], [4, 6], [6, 9], [5, 8]], "weights": [1] * 5, "optimum": 3}
HEAVY = {"intervals": [[0, 4], [3, 5], [4, 6]], "weights": [2, 5, 2], "optimum": 5}


def test_hand_written_instances():
    assert optimum_and_optimal_sets(HAND) == (3, [(1, 3, 4)])
    for answer in ["1, 3, 4", "4, 3, 1", "[1, 3, 4]", "{1 3 4}", "Intervals: 1, 3 and 4"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "1, 2, 4": (Status.WRONG, "intervals 1 [0, 4) and 2 [3, 5) overlap"),
        "1, 3": (Status.WRONG, "not the most possible"),
        "1, 3, 3": (Status.WRONG, "more than once"),
        "1, 3, 6": (Status.WRONG, "no interval 6"),
        "1, 3, 4 or 1, 3, 5": (Status.UNPARSABLE, "expected"),
        "3": (Status.WRONG, "not the most possible"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
    assert TASK.verify(HEAVY, "2").correct
    assert "total weight 4" in TASK.verify(HEAVY, "1, 3").reason


def test_levels_grow_and_turn_weighted():
    params = [TASK.params(level) for level in range(1, 11)]
    assert params[0]["intervals"] < params[-1]["intervals"]
    assert all(p["max_weight"] == 1 for p in params[:5]) and all(p["max_weight"] > 1 for p in params[5:])
    assert "total weight" in TASK.generate(0, 10).prompt and "as many" in TASK.generate(0, 1).prompt


def test_knob_bounds():
    for knobs in ({"intervals": 3}, {"intervals": 61}, {"max_time": 7}, {"max_weight": 0}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **knobs)
