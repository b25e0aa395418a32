"""Focused tests for minesweeper-v2: the mines re-proved unique by brute force, answer forms, rule checks."""

from itertools import combinations
from math import comb

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("minesweeper")


def brute_force_placements(board: list[str], total: int, limit: int = 2) -> list[set[tuple[int, int]]]:
    """Mine sets (up to ``limit``) among the hidden cells that fit every number; shares no code with the family."""
    rows, cols = len(board), len(board[0])
    hidden = [(r, c) for r in range(rows) for c in range(cols) if board[r][c] == "?"]
    numbers = [(r, c, int(board[r][c])) for r in range(rows) for c in range(cols) if board[r][c] != "?"]
    found = []
    for chosen in combinations(hidden, total):
        mines = set(chosen)
        if all(sum((r + dr, c + dc) in mines for dr in (-1, 0, 1) for dc in (-1, 0, 1)) == n
               for r, c, n in numbers):
            found.append({(r + 1, c + 1) for r, c in mines})
            if len(found) >= limit:
                break
    return found


@pytest.mark.parametrize(("level", "seeds", "overrides"), [
    (1, 40, {}), (2, 30, {}), (3, 15, {"rows": 6, "cols": 6, "density": 0.12}),
    (5, 10, {"rows": 5, "cols": 6}), (10, 10, {"rows": 5, "cols": 5, "density": 0.16}),
])
def test_mines_are_unique_by_brute_force(level, seeds, overrides):
    checked = 0
    for seed in range(seeds):
        instance = TASK.generate(seed, level, **overrides)
        data = instance.data
        hidden = sum(row.count("?") for row in data["board"])
        if comb(hidden, data["total"]) > 300_000:
            continue
        checked += 1
        placements = brute_force_placements(data["board"], data["total"])
        assert placements == [{tuple(cell) for cell in data["mines"]}], f"level {level} seed {seed}"
        assert hidden > data["total"]  # some hidden cells are safe: not every '?' is a mine
        assert TASK.verify(data, instance.reference).correct
    assert checked >= seeds // 2


@pytest.mark.parametrize("level", range(1, 11))
def test_board_follows_the_level(level):
    params = TASK.params(level)
    for seed in range(2):
        data = TASK.generate(seed, level).data
        assert (data["rows"], data["cols"]) == (params["rows"], params["cols"])
        assert data["total"] == round(params["density"] * params["rows"] * params["cols"]) == len(data["mines"])
        assert all(data["board"][r - 1][c - 1] == "?" for r, c in data["mines"])


@pytest.mark.parametrize("level", range(1, 11))
def test_stored_mines_keep_every_rule(level):
    """Checked without the family's code: the mines are distinct hidden cells, as many as the
    total, and every revealed number counts them."""
    for seed in range(3):
        data = TASK.generate(seed, level).data
        mines = {tuple(cell) for cell in data["mines"]}
        assert len(mines) == len(data["mines"]) == data["total"]
        for r, row in enumerate(data["board"], 1):
            for c, ch in enumerate(row, 1):
                if ch == "?":
                    continue
                assert (r, c) not in mines
                assert int(ch) == sum((r + dr, c + dc) in mines for dr in (-1, 0, 1) for dc in (-1, 0, 1))


def test_hiding_leaves_fewer_numbers():
    def revealed(hide: float) -> int:
        boards = [TASK.generate(seed, 6, hide=hide).data["board"] for seed in range(8)]
        return sum(sum(ch != "?" for ch in row) for board in boards for row in board)
    assert revealed(0.8) < revealed(0.0)


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, rows=20)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, density=0.9)


# a hand-written board: two mines at (1, 1) and (3, 3), forced by the numbers and the total
HAND = {"rows": 3, "cols": 4, "total": 2, "mines": [[1, 1], [3, 3]],
        "board": ["?100", "?211", "0???"]}


def test_hand_written_instance():
    assert brute_force_placements(HAND["board"], 2, 3) == [{(1, 1), (3, 3)}]
    right = ["(1, 1), (3, 3)", "(3,3) (1,1)", "[[1, 1], [3, 3]]", "1, 1\n3, 3", "1 1; 3 3",
             "{(3, 3), (1, 1)}", "* 1 0 0\n? 2 1 1\n0 ? * ?", "(1, 1), (3, 3), (1, 1)"]
    for answer in right:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "(1, 1)": (Status.WRONG, "marked 1 cells"),
        "(1, 1), (3, 4)": (Status.WRONG, "the number"),
        "(2, 1), (3, 3)": (Status.WRONG, "the number"),  # also two mines, wrong place
        "(1, 1), (1, 2)": (Status.WRONG, "revealed cell"),
        "(1, 1), (4, 3)": (Status.WRONG, "outside"),
        "1, 1, 3, 3": (Status.UNPARSABLE, "pairs"),
        "(1, 1) or (3, 3)": (Status.UNPARSABLE, "pairs"),
        "?100\n?211\n0???": (Status.UNPARSABLE, "pairs"),
        "": (Status.UNPARSABLE, "pairs"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_response_scoring():
    instance = TASK.generate(2, 4)
    assert TASK.score(instance, f"<answer>{instance.reference}</answer>").correct
    assert not TASK.score(instance, "<answer>" + "\n".join(instance.data["board"]) + "</answer>").correct
