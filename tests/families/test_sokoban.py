"""Focused tests for sokoban-v1: optimum proved by an independent move-level BFS, any solution within budget accepted."""

import math
from collections import deque

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("sokoban")
MOVES = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


def parse(rows: list[str]):
    cells = {(r, c): ch for r, row in enumerate(rows) for c, ch in enumerate(row)}
    walls = {cell for cell, ch in cells.items() if ch == "#"}
    goals = frozenset(cell for cell, ch in cells.items() if ch in ".*+")
    boxes = frozenset(cell for cell, ch in cells.items() if ch in "$*")
    player = next(cell for cell, ch in cells.items() if ch in "@+")
    return walls, goals, boxes, player


def all_optimal_lengths(rows: list[str], order: str = "UDLR") -> tuple[int, str]:
    """Fewest moves by plain BFS over (player, boxes) with one move per edge; shares no code with the family."""
    walls, goals, boxes, player = parse(rows)
    start = (player, boxes)
    parent = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        (r, c), state_boxes = state
        if state_boxes == goals:
            path = []
            while parent[state] is not None:
                state, move = parent[state]
                path.append(move)
            return len(path), "".join(reversed(path))
        for move in order:
            dr, dc = MOVES[move]
            ahead, beyond = (r + dr, c + dc), (r + 2 * dr, c + 2 * dc)
            if ahead in walls:
                continue
            new_boxes = state_boxes
            if ahead in state_boxes:
                if beyond in walls or beyond in state_boxes:
                    continue
                new_boxes = state_boxes - {ahead} | {beyond}
            nxt = (ahead, new_boxes)
            if nxt not in parent:
                parent[nxt] = (state, move)
                queue.append(nxt)
    raise AssertionError("unsolvable")


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_optimum_and_budget_match_independent_bfs(level):
    slack = TASK.params(level)["slack"]
    for seed in range(8):
        instance = TASK.generate(seed, level)
        data = instance.data
        optimum, other = all_optimal_lengths(data["rows"], "RLDU")
        assert data["optimum"] == optimum == len(instance.reference)
        assert data["budget"] == optimum + math.ceil(optimum * slack / 100)
        _, goals, boxes, _ = parse(data["rows"])
        assert not boxes & goals and len(boxes) == TASK.params(level)["boxes"]
        assert TASK.verify(data, instance.reference).correct
        assert TASK.verify(data, other).correct  # a solution found with another move order


# a corridor: the box must be pushed right twice; the player may wander first within the budget
ROOM = {"rows": ["#######", "#@-$-.#", "#-----#", "#######"], "optimum": 3, "budget": 7}


def test_hand_written_room():
    assert all_optimal_lengths(ROOM["rows"])[0] == 3
    for answer in ["RRR", "rrr", "R R R", "right, right, right", "Right\nRight\nRight", "DRURR", "DURRR",
                   "R-R-R", "→→→"]:
        assert TASK.verify(ROOM, answer).correct, answer
    cases = {
        "RR": (Status.WRONG, "not on a goal"),
        "RRRR": (Status.WRONG, "pushes a box into a wall"),
        "U": (Status.WRONG, "walks into a wall"),
        "DRRRRURR": (Status.WRONG, "over the budget"),  # a legal solution longer than the budget
        "LRRR": (Status.WRONG, "walks into a wall"),
        "RRR or RR": (Status.UNPARSABLE, "expected the moves"),
        "R1R": (Status.UNPARSABLE, ""),
        "\n".join(ROOM["rows"]): (Status.UNPARSABLE, ""),
        "": (Status.WRONG, "not on a goal"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(ROOM, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_no_pulling_and_no_double_push():
    # two boxes in a row cannot be pushed together
    data = {"rows": ["########", "#@$$-..#", "#------#", "########"], "optimum": 99, "budget": 99}
    assert "another box" in TASK.verify(data, "R").reason
    # walking away from a box does not pull it
    data = {"rows": ["######", "#-$@.#", "######"], "optimum": 99, "budget": 99}
    assert "not on a goal" in TASK.verify(data, "R").reason


def test_level_table_grows():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("boxes", "scramble"):
        values = [p[knob] for p in params]
        assert values[0] < values[-1]
    areas = [p["width"] * p["height"] for p in params]
    assert areas == sorted(areas)
    slacks = [p["slack"] for p in params]
    assert slacks == sorted(slacks, reverse=True) and slacks[-1] == 0


def test_knob_bounds():
    for overrides in ({"boxes": 0}, {"width": 11}, {"slack": -1}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
