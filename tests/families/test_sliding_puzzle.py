"""Focused tests for sliding_puzzle-v1: optimum checked by independent BFS, any solution within budget accepted."""

from collections import deque
from functools import cache

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("sliding_puzzle")
VECTORS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


def neighbours(state: tuple, size: int):
    """(letter, next state) for every legal blank move; shares no code with the family."""
    blank = state.index(0)
    row, col = divmod(blank, size)
    for letter, (dr, dc) in VECTORS.items():
        r, c = row + dr, col + dc
        if 0 <= r < size and 0 <= c < size:
            cells = list(state)
            cells[blank], cells[r * size + c] = cells[r * size + c], 0
            yield letter, tuple(cells)


def goal(size: int) -> tuple:
    return (*range(1, size * size), 0)


@cache
def distances_to_goal(size: int, depth: int) -> dict:
    """Exact distance of every board within ``depth`` moves of the goal (moves are reversible)."""
    dist = {goal(size): 0}
    queue = deque([goal(size)])
    while queue:
        state = queue.popleft()
        if dist[state] == depth:
            continue
        for _, after in neighbours(state, size):
            if after not in dist:
                dist[after] = dist[state] + 1
                queue.append(after)
    return dist


def flat(data: dict) -> tuple:
    return tuple(tile for row in data["board"] for tile in row)


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_optimum_of_eight_puzzles_matches_bfs(level):
    dist = distances_to_goal(3, 20)
    for seed in range(10):
        instance = TASK.generate(seed, level)
        data = instance.data
        assert dist[flat(data)] == data["optimum"] == len(instance.reference.split())
        assert data["budget"] == data["optimum"] + TASK.params(level)["slack"]


def test_optimum_of_fifteen_puzzles_matches_bfs():
    dist = distances_to_goal(4, 12)
    for seed in range(6):
        data = TASK.generate(seed, 7, scramble=12).data
        assert dist[flat(data)] == data["optimum"]


def test_every_solution_within_budget_is_accepted():
    instance = TASK.generate(5, 1)
    data, dist = instance.data, distances_to_goal(3, 20)
    solutions, stack = [], [(flat(data), "")]
    while stack:  # every sequence that reaches the goal in exactly optimum or optimum + 2 moves
        state, moves = stack.pop()
        if len(moves) in (data["optimum"], data["optimum"] + 2) and state == goal(3):
            solutions.append(moves)
        if len(moves) < data["optimum"] + 2:
            stack.extend((after, moves + letter) for letter, after in neighbours(state, 3)
                         if dist.get(after, 99) <= data["optimum"] + 2 - len(moves) - 1)
    assert len({s for s in solutions if len(s) == data["optimum"] + 2}) > 1
    for moves in solutions:
        assert TASK.verify(data, " ".join(moves)).correct, moves
    tight = dict(data, budget=data["optimum"])
    assert all(TASK.verify(tight, " ".join(m)).correct == (len(m) == data["optimum"]) for m in solutions)


# the blank at the centre; moving it down then right solves the board
BOARD = {"size": 3, "board": [[1, 2, 3], [4, 0, 5], [7, 8, 6]], "optimum": 2, "budget": 2}


def test_hand_written_instance():
    for answer in ["R D", "RD", "r, d", "right down", "Right\nDown", "\u2192 \u2193", "1. R\n2. D"]:
        assert TASK.verify(BOARD, answer).correct, answer
    cases = {
        "D R": (Status.WRONG, "not solved"),
        "L R": (Status.WRONG, "not solved"),  # the tiles' convention reversed
        "R R": (Status.WRONG, "off the board"),
        "R D U D": (Status.WRONG, "at most 2"),
        "R D or D R": (Status.UNPARSABLE, "not a direction"),
        "R, D, X": (Status.UNPARSABLE, "not a direction"),
        "1 2 3\n4 5 6\n7 8 0": (Status.UNPARSABLE, "not a direction"),
        "": (Status.WRONG, "not solved"),
        "U" * 500: (Status.UNPARSABLE, "too long"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(BOARD, answer)
        assert verdict.status is status and reason in verdict.reason, (answer[:30], verdict)


def test_levels_grow_and_knobs_are_checked():
    table = [TASK.params(level) for level in range(1, 11)]
    assert [row["size"] for row in table] == [3] * 6 + [4] * 4
    for key in ("size", "scramble"):
        rows = [row[key] for row in table if key == "size" or row["size"] == 3]
        assert rows == sorted(rows)
    assert [row["slack"] for row in table] == sorted((row["slack"] for row in table), reverse=True)
    assert table[-1]["slack"] == 0
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, size=5)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, slack=-1)
