"""Focused tests for water_jugs-v1: optimum proved by an independent BFS, any plan within budget accepted."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("water_jugs")


def successors(state: tuple, capacities: list[int]):
    """(action text, next state) for every action; shares no code with the family."""
    n = len(capacities)
    for i in range(n):
        yield f"fill {i + 1}", state[:i] + (capacities[i],) + state[i + 1:]
        yield f"empty {i + 1}", state[:i] + (0,) + state[i + 1:]
        for j in range(n):
            if i != j:
                moved = min(state[i], capacities[j] - state[j])
                after = list(state)
                after[i] -= moved
                after[j] += moved
                yield f"pour {i + 1} {j + 1}", tuple(after)


def meets(state: tuple, goal: str, target: int) -> bool:
    return sum(state) == target if goal == "total" else target in state


def layers(data: dict) -> list[set]:
    """States by number of actions from empty jugs, until the goal first holds."""
    capacities = data["capacities"]
    frontier, seen, out = {(0,) * len(capacities)}, set(), []
    while frontier and not any(meets(s, data["goal"], data["target"]) for s in frontier):
        out.append(frontier)
        seen |= frontier
        frontier = {after for s in frontier for _, after in successors(s, capacities)} - seen
    out.append(frontier)
    return out


@pytest.mark.parametrize("level", range(1, 11))
def test_optimum_matches_independent_bfs(level):
    for seed in range(6):
        instance = TASK.generate(seed, level)
        data, params = instance.data, TASK.params(level)
        optimum = len(layers(data)) - 1
        assert data["optimum"] == optimum == len(instance.reference.splitlines())
        assert optimum >= params["min_moves"]
        assert data["budget"] == optimum + params["slack"]
        assert data["target"] not in data["capacities"] or data["goal"] == "total"


def all_plans(data: dict, length: int) -> list[list[str]]:
    """Every action sequence of exactly ``length`` actions that ends with the goal met."""
    plans, stack = [], [((0,) * len(data["capacities"]), [])]
    while stack:
        state, plan = stack.pop()
        if len(plan) == length:
            if meets(state, data["goal"], data["target"]):
                plans.append(plan)
            continue
        stack.extend((after, [*plan, text]) for text, after in successors(state, data["capacities"]))
    return plans


def test_every_plan_within_budget_is_accepted_and_longer_ones_rejected():
    data = next(data for seed in range(50) if (data := TASK.generate(seed, 1, slack=2).data)["optimum"] == 2)
    for length in range(data["optimum"], data["budget"] + 2):
        plans = all_plans(data, length)
        assert plans
        for plan in plans[:200]:
            verdict = TASK.verify(data, "\n".join(plan))
            assert verdict.correct == (length <= data["budget"]), (plan, verdict)


# 3 and 5 litre jugs, 4 litres in some jug: the classic, 6 actions
CLASSIC = {"capacities": [3, 5], "goal": "jug", "target": 4, "optimum": 6, "budget": 7}


def test_hand_written_instance():
    plan_a = ["fill 2", "pour 2 1", "empty 1", "pour 2 1", "fill 2", "pour 2 1"]
    plan_b = ["fill 1", "pour 1 2", "fill 1", "pour 1 2", "empty 2", "pour 1 2", "fill 1", "pour 1 2"]
    assert layers(CLASSIC)[-1] and len(layers(CLASSIC)) - 1 == 6
    for answer in ["\n".join(plan_a), ", ".join(plan_a), "fill(2), pour(2, 1), empty(1), pour(2,1), fill(2), pour(2,1)",
                   "Fill jug 2\nPour jug 2 into jug 1\nempty jug 1\npour 2 -> 1\nfill 2\npour from 2 to 1",
                   "\n".join(["empty 1", *plan_a])]:
        assert TASK.verify(CLASSIC, answer).correct, answer
    cases = {
        "\n".join(plan_b): (Status.WRONG, "at most 7"),  # the other classic plan: 8 actions
        "\n".join(plan_a[:-1]): (Status.WRONG, "none holds 4"),
        "fill 3\n" + "\n".join(plan_a): (Status.WRONG, "does not exist"),
        "pour 1 1": (Status.WRONG, "into itself"),
        "fill 2 or fill 1": (Status.UNPARSABLE, "not an action"),
        "fill": (Status.UNPARSABLE, "not an action"),
        "4": (Status.UNPARSABLE, "not an action"),
        "": (Status.WRONG, "none holds 4"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(CLASSIC, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
    total = dict(CLASSIC, goal="total", target=8, optimum=2, budget=2)
    assert TASK.verify(total, "fill 1\nfill 2").correct
    assert not TASK.verify(total, "fill 1\nfill 2\nempty 1\nfill 1").correct


def test_levels_grow_and_knobs_are_checked():
    table = [TASK.params(level) for level in range(1, 11)]
    for key in ("max_capacity", "min_moves"):
        assert [row[key] for row in table] == sorted(row[key] for row in table)
    assert table[0]["slack"] > table[-1]["slack"] == 0
    assert table[0]["jugs"] < table[-1]["jugs"]
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, jugs=5)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, goal="half")
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, jugs=4, max_capacity=4)
