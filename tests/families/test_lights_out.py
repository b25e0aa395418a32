"""Focused tests for lights_out-v1: solvability by brute force, any clearing press set accepted, rules checked."""

from itertools import combinations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("lights_out")


def press(board: list[list[int]], r: int, c: int, torus: bool) -> None:
    """Toggle a 0-based cell and its neighbours in place; shares no code with the family."""
    size = len(board)
    for dr, dc in ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)):
        rr, cc = r + dr, c + dc
        if torus:
            rr, cc = rr % size, cc % size
        if 0 <= rr < size and 0 <= cc < size:
            board[rr][cc] ^= 1


def solutions(rows: list[str], torus: bool) -> list[list[tuple[int, int]]]:
    """Every press set (1-based cells) that clears a board, by trying all 2**(n*n) sets."""
    size = len(rows)
    cells = [(r, c) for r in range(size) for c in range(size)]
    found = []
    for k in range(len(cells) + 1):
        for chosen in combinations(cells, k):
            board = [[int(ch) for ch in row] for row in rows]
            for r, c in chosen:
                press(board, r, c, torus)
            if not any(map(any, board)):
                found.append([(r + 1, c + 1) for r, c in chosen])
    return found


def render(cells: list[tuple[int, int]]) -> str:
    return ", ".join(f"({r}, {c})" for r, c in cells)


@pytest.mark.parametrize(("level", "torus"), [(1, False), (2, False), (2, True)])
def test_three_by_three_solvable_and_every_solution_accepted(level, torus):
    for seed in range(12):
        instance = TASK.generate(seed, level, torus=torus)
        data = instance.data
        assert any(map(lambda row: "1" in row, data["board"]))
        found = solutions(data["board"], torus)
        assert found, f"seed {seed}: unsolvable"
        for cells in found:
            assert TASK.verify(data, render(cells)).correct


def test_four_by_four_has_several_accepted_solutions():
    instance = TASK.generate(3, 4)  # 4x4 boards have 16 solutions each (a 4-dimensional null space)
    data = instance.data
    found = solutions(data["board"], False)
    assert len(found) == 16
    for cells in found:
        assert TASK.verify(data, render(cells[::-1])).correct


def test_levels_set_size_presses_and_torus():
    for level in range(1, 11):
        params = TASK.params(level)
        data = TASK.generate(level, level).data
        assert data["size"] == params["size"] and data["torus"] == params["torus"]
        assert len(data["presses"]) == params["presses"]
        assert TASK.verify(data, TASK.generate(level, level).reference).correct
    assert [TASK.params(level)["size"] for level in (1, 10)] == [3, 9]
    assert TASK.params(10)["torus"] and not TASK.params(1)["torus"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, presses=10)


# 3x3, no wrap: pressing the centre lights the plus sign; the unique solution is (2, 2)
PLUS = {"size": 3, "torus": False, "board": ["010", "111", "010"], "presses": [[2, 2]]}


def test_hand_written_instance():
    assert solutions(PLUS["board"], False) == [[(2, 2)]]
    for answer in ["(2, 2)", "[[2, 2]]", "r2c2", "2 2", "[(2,2)]"]:
        assert TASK.verify(PLUS, answer).correct, answer
    cases = {
        "(2, 2), (2, 2)": (Status.WRONG, "more than once"),
        "(1, 1)": (Status.WRONG, "still on"),
        "(1, 2), (2, 1), (2, 2), (2, 3), (3, 2)": (Status.WRONG, "still on"),  # the lit cells copied back
        "(4, 2)": (Status.WRONG, "off the board"),
        "(1, 1) or (2, 2)": (Status.UNPARSABLE, ""),
        "[]": (Status.WRONG, "still on"),
        "010\n111\n010": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(PLUS, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_torus_neighbours_wrap():
    # on the torus, pressing (1, 1) toggles (1, 1), (2, 1), (3, 1), (1, 2) and (1, 3)
    data = {"size": 3, "torus": True, "board": ["111", "100", "100"], "presses": [[1, 1]]}
    assert TASK.verify(data, "(1, 1)").correct
    assert not TASK.verify(dict(data, torus=False), "(1, 1)").correct
