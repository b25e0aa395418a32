"""Focused tests for magic_square-v2: uniqueness re-proved by brute force on 3x3 and 4x4, rules checked."""

from itertools import combinations, permutations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("magic_square")


def brute_force_completions(puzzle: list[list[int]], limit: int = 2) -> list[list[list[int]]]:
    """Completions (up to ``limit``) by trying whole rows; shares no code with the family."""
    size = len(puzzle)
    top, magic = size * size, size * (size * size + 1) // 2
    lines = [perm for combo in combinations(range(1, top + 1), size) if sum(combo) == magic
             for perm in permutations(combo)]
    options = [[line for line in lines if all(g in (0, v) for g, v in zip(given, line, strict=True))]
               for given in puzzle]
    found: list[list[list[int]]] = []

    def search(rows: list[tuple[int, ...]], used: set[int]) -> None:
        if len(found) >= limit:
            return
        if len(rows) == size:
            columns_ok = all(sum(row[c] for row in rows) == magic for c in range(size))
            diagonals_ok = sum(rows[i][i] for i in range(size)) == magic == sum(rows[i][size - 1 - i] for i in range(size))
            if columns_ok and diagonals_ok:
                found.append([list(row) for row in rows])
            return
        for line in options[len(rows)]:
            if used.isdisjoint(line):
                search([*rows, line], used | set(line))

    search([], set())
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 20), (2, 20), (3, 20), (4, 6), (5, 4), (7, 2)])
def test_unique_completion_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        found = brute_force_completions(instance.data["puzzle"])
        assert found == [instance.data["solution"]], f"level {level} seed {seed}: {len(found)} completions"
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_size_and_givens_follow_the_level(level):
    params = TASK.params(level)
    data = TASK.generate(level, level).data
    size = params["size"]
    assert data["size"] == size and data["magic"] == size * (size * size + 1) // 2
    assert sum(1 for row in data["puzzle"] for v in row if v) == params["givens"]
    solution = data["solution"]
    assert sorted(v for row in solution for v in row) == list(range(1, size * size + 1))
    for given, solved in zip(data["puzzle"], solution, strict=True):
        assert all(g in (0, s) for g, s in zip(given, solved, strict=True))


def test_levels_get_harder_and_squares_are_random():
    assert [TASK.params(level)["size"] for level in range(1, 11)] == [3, 3, 3, 4, 4, 4, 4, 5, 5, 5]
    squares = {str(TASK.generate(seed, 4).data["solution"]) for seed in range(12)}
    assert len(squares) >= 10


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, givens=1)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 4, size=6)


# the Lo Shu square with two givens: the 2 in a corner and the 7 next to it fix everything
HAND = {"size": 3, "magic": 15, "puzzle": [[2, 7, 0], [0, 0, 0], [0, 0, 0]],
        "solution": [[2, 7, 6], [9, 5, 1], [4, 3, 8]]}


def test_hand_written_instance():
    assert brute_force_completions(HAND["puzzle"], 3) == [HAND["solution"]]
    for answer in ["2 7 6\n9 5 1\n4 3 8", "2, 7, 6\n9, 5, 1\n4, 3, 8", "[[2, 7, 6], [9, 5, 1], [4, 3, 8]]",
                   "2 7 6 9 5 1 4 3 8", "276\n951\n438"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "2 9 4\n7 5 3\n6 1 8": (Status.WRONG, "given number 7"),  # the transpose: magic, the 7 moved
        "8 3 4\n1 5 9\n6 7 2": (Status.WRONG, "given number 2"),  # the complement square
        "2 7 6\n9 5 1\n4 8 3": (Status.WRONG, "column 2"),  # two cells of the last row swapped
        "2 7 6\n9 5 1\n4 3 9": (Status.WRONG, "used twice"),
        "2 7 6\n4 3 8\n9 5 1": (Status.WRONG, "diagonal"),  # rows permuted: only the diagonals break
        "2 7 6\n9 5 1\n4 3 10": (Status.WRONG, "not a number from 1 to 9"),
        "2 7 .\n. . .\n. . .": (Status.UNPARSABLE, ""),
        "2 7 0\n0 0 0\n0 0 0": (Status.WRONG, "not a number"),
        "5 5 5\n5 5 5\n5 5 5": (Status.WRONG, ""),
        "2 7 6\n9 5 1": (Status.UNPARSABLE, "3 lines"),
        "2 7 6\n9 5 1\n4 3 8 or 4 8 3": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_the_shipped_table_holds_every_4x4_square_once():
    from bootcamps.data import magic_squares_4x4

    squares = magic_squares_4x4()
    assert len(squares) == 880  # Frenicle (1693): 880 squares up to rotation and reflection
    images = set()
    for square in squares:
        rows = [square[r * 4:(r + 1) * 4] for r in range(4)]
        assert sorted(square) == list(range(1, 17))
        lines = [*rows, *zip(*rows, strict=True), [rows[i][i] for i in range(4)], [rows[i][3 - i] for i in range(4)]]
        assert all(sum(line) == 34 for line in lines), square
        own = set()
        grid = rows
        for _ in range(4):
            grid = [tuple(row) for row in zip(*grid[::-1], strict=True)]
            own |= {tuple(v for row in grid for v in row), tuple(v for row in grid for v in row[::-1])}
        assert len(own) == 8 and min(own) == square  # stored in its smallest form
        images |= own
    assert len(images) == 7040  # no two lines are images of each other
