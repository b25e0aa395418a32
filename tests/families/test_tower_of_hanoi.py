"""Focused tests for tower_of_hanoi-v1: optimum proved by BFS, every shortest plan accepted, rules checked."""

from collections import deque

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("tower_of_hanoi")
PEGS = "ABC"


def neighbours(state: str):
    """(move, next state) for every legal move; a state is the peg letter of each disk, smallest first."""
    tops: dict[str, int] = {}
    for disk in range(len(state) - 1, -1, -1):
        tops[state[disk]] = disk
    for a, disk in tops.items():
        for b in PEGS:
            if b != a and (b not in tops or tops[b] > disk):
                yield f"{a}->{b}", state[:disk] + b + state[disk + 1:]


def distances(start: str) -> dict[str, int]:
    """Breadth-first search over all 3**n arrangements; shares no code with the family."""
    dist = {start: 0}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        for _, after in neighbours(state):
            if after not in dist:
                dist[after] = dist[state] + 1
                queue.append(after)
    return dist


def shortest_plans(start: str, target: str, limit: int = 50) -> list[list[str]]:
    """Shortest plans from start to target (up to ``limit``), walking the BFS layers."""
    from_start, to_target = distances(start), distances(target)
    best, plans, stack = from_start[target], [], [(start, [])]
    while stack and len(plans) < limit:
        state, plan = stack.pop()
        if state == target:
            plans.append(plan)
            continue
        for move, after in neighbours(state):
            if from_start[state] + 1 + to_target[after] == best and from_start.get(after) == len(plan) + 1:
                stack.append((after, [*plan, move]))
    return plans


def replay(start: str, moves: list[str]) -> str:
    state = start
    for move in moves:
        state = dict((m, s) for m, s in neighbours(state))[move]
    return state


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_optimum_matches_breadth_first_search(level):
    for seed in range(15):
        data = TASK.generate(seed, level).data
        reference = TASK.generate(seed, level).reference.splitlines()
        assert distances(data["start"])[data["target"]] == data["optimum"] == len(reference)
        assert replay(data["start"], reference) == data["target"]
        assert data["optimum"] >= data["disks"]


def test_tower_target_has_a_unique_shortest_plan():
    for seed in range(10):
        instance = TASK.generate(seed, 2)
        assert set(instance.data["target"]) == {instance.data["target"][0]}
        assert shortest_plans(instance.data["start"], instance.data["target"]) == [instance.reference.splitlines()]


def test_every_shortest_plan_is_accepted():
    several = 0
    for seed in range(40):
        data = TASK.generate(seed, 3).data
        plans = shortest_plans(data["start"], data["target"])
        several += len(plans) > 1
        for plan in plans:
            assert TASK.verify(data, "\n".join(plan)).correct, (seed, plan)
    assert several, "expected some arrangement targets with several shortest plans"


# 3 disks all on A, target: all on C; the classic 7-move plan
CLASSIC = {"disks": 3, "start": "AAA", "target": "CCC", "optimum": 7}
PLAN = ["A->C", "A->B", "C->B", "A->C", "B->A", "B->C", "A->C"]


def test_hand_written_instance():
    for answer in ["\n".join(PLAN), ", ".join(PLAN), "A C\nA B\nC B\nA C\nB A\nB C\nA C",
                   "1->3, 1->2, 3->2, 1->3, 2->1, 2->3, 1->3", "\n".join(f"{i}. {m}" for i, m in enumerate(PLAN, 1)),
                   "move disk 1 from A to C\nmove disk 2 from A to B\n" + "\n".join(PLAN[2:])]:
        assert TASK.verify(CLASSIC, answer).correct, answer
    cases = {
        "A->B\nA->B": (Status.WRONG, "smaller disk"),
        "B->C": (Status.WRONG, "empty"),
        "\n".join(PLAN[:-1]): (Status.WRONG, "not in the target"),
        "A->B\nB->A\n" + "\n".join(PLAN): (Status.WRONG, "not the shortest"),
        "move disk 2 from A to C": (Status.WRONG, "top disk of peg A is disk 1"),
        "A->A": (Status.WRONG, "back on the peg"),
        ", ".join(PLAN) + " or A->B": (Status.UNPARSABLE, "not a move"),
        "A->D": (Status.UNPARSABLE, "not a move"),
        "7": (Status.UNPARSABLE, ""),
        "": (Status.WRONG, "not in the target"),
        "A->C\n" * 5000: (Status.UNPARSABLE, "too long"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(CLASSIC, answer)
        assert verdict.status is status and reason in verdict.reason, (answer[:40], verdict)


def test_levels_grow_and_knobs_are_checked():
    disks = [TASK.params(level)["disks"] for level in range(1, 11)]
    assert disks == sorted(disks) and disks[0] == 3 and disks[-1] == 10
    assert TASK.params(1)["target"] == "tower" and TASK.params(10)["target"] == "arrangement"
    optima = [TASK.generate(seed, 10).data["optimum"] for seed in range(5)]
    assert min(optima) >= 10 and max(optima) <= 1023
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, disks=11)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, target="pyramid")
