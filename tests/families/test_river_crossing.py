"""Focused tests for river_crossing-v1: optimum proved by an independent BFS, every valid plan accepted."""

from collections import deque
from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("river_crossing")


def bank_ok(data: dict, bank: frozenset, rules: bool = True) -> bool:
    """The rules on one bank, written from the instance's text fields; shares no code with the family."""
    if not rules:
        return True
    if any({a, b} <= bank and g not in bank for a, b, g in data["guards"]):
        return False
    groups = data["groups"]
    if groups:
        mine = len(bank & set(groups["protected"]))
        return mine == 0 or len(bank & set(groups["threat"])) <= mine
    return True


def moves(data: dict, state: tuple, rules: bool = True):
    """(boat load, next state) for every legal crossing; a state is (left bank, boat on the left)."""
    left, boat_left = state
    everyone = frozenset(data["names"])
    here = left if boat_left else everyone - left
    for size in range(1, data["capacity"] + 1):
        for load in combinations(sorted(here), size):
            if not set(load) & set(data["rowers"]):
                continue
            after = left - set(load) if boat_left else left | set(load)
            if bank_ok(data, after, rules) and bank_ok(data, everyone - after, rules):
                yield load, (after, not boat_left)


def distances(data: dict, rules: bool = True) -> dict:
    start = (frozenset(data["names"]), True)
    dist, queue = {start: 0}, deque([start])
    while queue:
        state = queue.popleft()
        for _, after in moves(data, state, rules):
            if after not in dist:
                dist[after] = dist[state] + 1
                queue.append(after)
    return dist


GOAL = (frozenset(), False)


@pytest.mark.parametrize("level", range(1, 11))
def test_optimum_matches_independent_bfs_and_rules_bind(level):
    for seed in range(4):
        instance = TASK.generate(seed, level)
        data, params = instance.data, TASK.params(level)
        assert distances(data)[GOAL] == data["optimum"] == len(instance.reference.splitlines())
        assert distances(data, rules=False)[GOAL] < data["optimum"]
        assert data["budget"] == data["optimum"] + params["slack"]
        assert len(data["names"]) == params["travellers"] and len(data["rowers"]) == params["rowers"]
        assert len(data["guards"]) == params["guards"] and (data["groups"] is not None) == params["groups"]


def shortest_plans(data: dict, limit: int = 30) -> list[list[tuple]]:
    dist = distances(data)
    to_goal = {}  # distance to the goal, by BFS backwards over the same (reversible) moves
    queue = deque([GOAL])
    to_goal[GOAL] = 0
    while queue:
        state = queue.popleft()
        for _, after in moves(data, state):
            if after not in to_goal:
                to_goal[after] = to_goal[state] + 1
                queue.append(after)
    plans, stack = [], [((frozenset(data["names"]), True), [])]
    while stack and len(plans) < limit:
        state, plan = stack.pop()
        if state == GOAL:
            plans.append(plan)
            continue
        for load, after in moves(data, state):
            if to_goal.get(after) == dist[GOAL] - len(plan) - 1:
                stack.append((after, [*plan, load]))
    return plans


def test_every_shortest_plan_is_accepted():
    several = 0
    for seed in range(6):
        data = TASK.generate(seed, 4).data
        plans = shortest_plans(data)
        several += len(plans) > 1
        for plan in plans:
            assert TASK.verify(data, "\n".join(", ".join(load) for load in plan)).correct, plan
    assert several


# the classic: farmer, wolf, goat, cabbage
CLASSIC = {"names": ["Farmer", "Wolf", "Goat", "Cabbage"], "rowers": ["Farmer"], "capacity": 2,
           "guards": [["Wolf", "Goat", "Farmer"], ["Goat", "Cabbage", "Farmer"]], "groups": None,
           "optimum": 7, "budget": 7}
PLAN = ["Farmer, Goat", "Farmer", "Farmer, Wolf", "Farmer, Goat", "Farmer, Cabbage", "Farmer", "Farmer, Goat"]
OTHER = ["Farmer, Goat", "Farmer", "Farmer, Cabbage", "Farmer, Goat", "Farmer, Wolf", "Farmer", "Farmer, Goat"]


def test_hand_written_instance():
    assert distances(CLASSIC)[GOAL] == 7
    for answer in ["\n".join(PLAN), "\n".join(OTHER), "; ".join(PLAN), "\n".join(PLAN).upper(),
                   "\n".join(p.replace(", ", " and ") for p in PLAN),
                   "\n".join(f"{i}. {p} {'->' if i % 2 else '<-'}" for i, p in enumerate(PLAN, 1))]:
        assert TASK.verify(CLASSIC, answer).correct, answer
    missionaries = {"names": ["A", "B", "C", "X", "Y", "Z"], "rowers": ["A", "B", "C", "X", "Y", "Z"],
                    "capacity": 2, "guards": [], "optimum": 11, "budget": 11,
                    "groups": {"labels": ["monks", "thieves"], "protected": ["A", "B", "C"], "threat": ["X", "Y", "Z"]}}
    assert distances(missionaries)[GOAL] == 11
    cases = {
        "Farmer, Wolf": (Status.WRONG, "Goat and Cabbage are together without Farmer"),
        "Goat": (Status.WRONG, "nobody in the boat can row"),
        "Farmer, Goat, Wolf": (Status.WRONG, "the boat holds 2"),
        "Farmer, Goat\nFarmer, Wolf": (Status.WRONG, "Wolf is not there"),
        "\n".join(PLAN[:-1]): (Status.WRONG, "still on the left bank"),
        "\n".join(["Farmer, Goat", "Farmer, Goat", *PLAN]): (Status.WRONG, "at most 7"),
        "Farmer, Goat or Farmer, Wolf": (Status.UNPARSABLE, "not a traveller"),
        "Farmer, Farmer": (Status.UNPARSABLE, "twice"),
        "Farmer, Wolf, Goat, Cabbage": (Status.WRONG, "the boat holds 2"),
        "7": (Status.UNPARSABLE, "not a traveller"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(CLASSIC, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
    verdict = TASK.verify(missionaries, "X, Y\nX\nA, B")
    assert not verdict.correct and "monks (1) are outnumbered by the thieves (2)" in verdict.reason


def test_levels_grow_and_knobs_are_checked():
    table = [TASK.params(level) for level in range(1, 11)]
    for key in ("travellers", "rowers", "guards"):
        assert [row[key] for row in table] == sorted(row[key] for row in table)
    assert table[0]["slack"] > table[-1]["slack"] == 0
    optima = [TASK.generate(seed, level).data["optimum"] for level in (1, 10) for seed in range(3)]
    assert max(optima[:3]) < min(optima[3:])
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, capacity=4)  # the whole party would fit in the boat
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, rowers=5)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, travellers=9)
