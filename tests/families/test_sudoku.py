"""Focused tests for sudoku-v1: uniqueness re-proved independently, clue counts, rule checks."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("sudoku")
BOXES = {4: (2, 2), 6: (2, 3), 9: (3, 3)}


def brute_force_solutions(puzzle: list[str], limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by plain backtracking over sets; shares no code with the family."""
    size = len(puzzle)
    box_rows, box_cols = BOXES[size]
    grid = [[0 if ch == "." else int(ch) for ch in row] for row in puzzle]

    def allowed(r: int, c: int) -> set[int]:
        top, left = r - r % box_rows, c - c % box_cols
        used = set(grid[r]) | {grid[i][c] for i in range(size)}
        used |= {grid[i][j] for i in range(top, top + box_rows) for j in range(left, left + box_cols)}
        return set(range(1, size + 1)) - used

    found: list[str] = []

    def search() -> None:
        empty = [(r, c) for r in range(size) for c in range(size) if not grid[r][c]]
        if not empty:
            found.append("".join(str(d) for row in grid for d in row))
            return
        r, c = min(empty, key=lambda rc: len(allowed(*rc)))  # fewest options first, for speed only
        for digit in sorted(allowed(r, c)):
            grid[r][c] = digit
            search()
            grid[r][c] = 0
            if len(found) >= limit:
                return

    search()
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 60), (2, 60), (3, 40), (4, 40), (5, 10), (7, 6), (10, 10)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        solutions = brute_force_solutions(instance.data["puzzle"])
        assert len(solutions) == 1, f"level {level} seed {seed}: {len(solutions)} solutions"
        assert solutions[0] == "".join(instance.data["solution"])
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_clue_count_and_size_follow_the_level(level):
    params = TASK.params(level)
    for seed in range(3):
        data = TASK.generate(seed, level).data
        size = params["size"]
        assert data["size"] == size and (data["box_rows"], data["box_cols"]) == BOXES[size]
        assert len(data["puzzle"]) == size and all(len(row) == size for row in data["puzzle"])
        assert sum(ch != "." for row in data["puzzle"] for ch in row) == params["clues"]
        for given, solved in zip(data["puzzle"], data["solution"], strict=True):
            assert all(g in (".", s) for g, s in zip(given, solved, strict=True))


def test_levels_get_harder():
    sizes = [TASK.params(level)["size"] for level in range(1, 11)]
    assert sizes == [4, 4, 6, 6, 9, 9, 9, 9, 9, 9]
    nine = [TASK.params(level)["clues"] for level in range(5, 11)]
    assert nine == sorted(nine, reverse=True) and nine[0] == 36 and nine[-1] <= 26


def test_solution_grids_are_random():
    grids = {"".join(TASK.generate(seed, 5).data["solution"]) for seed in range(20)}
    first_rows = {grid[:9] for grid in grids}
    assert len(grids) == 20 and len(first_rows) > 15


def test_clue_override_and_bounds():
    data = TASK.generate(3, 5, clues=40).data
    assert sum(ch != "." for row in data["puzzle"] for ch in row) == 40
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, clues=12)  # below what a 9x9 dig is asked to reach
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, clues=16)  # a 4x4 grid with no empty cell


# a hand-written 4x4 puzzle with the unique solution 1234 / 3412 / 2143 / 4321
HAND = {
    "size": 4, "box_rows": 2, "box_cols": 2,
    "puzzle": ["1...", "..1.", ".1..", "...1"],
    "solution": ["1234", "3412", "2143", "4321"],
}


def test_hand_written_instance():
    assert len(brute_force_solutions(HAND["puzzle"], 3)) > 1  # only four clues: not unique
    data = dict(HAND, puzzle=["12..", "3...", "...3", "..2."])
    assert brute_force_solutions(data["puzzle"]) == ["1234341221434321"]
    right = ["1 2 3 4\n3 4 1 2\n2 1 4 3\n4 3 2 1", "1234\n3412\n2143\n4321", "1,2,3,4\n3,4,1,2\n2,1,4,3\n4,3,2,1",
             "1 2 | 3 4\n3 4 | 1 2\n----+----\n2 1 | 4 3\n4 3 | 2 1", "[[1,2,3,4],[3,4,1,2],[2,1,4,3],[4,3,2,1]]"]
    for answer in right:
        assert TASK.verify(data, answer).correct, answer
    cases = {
        "1 2 3 4\n3 4 1 2\n2 1 4 3\n4 3 2 2": (Status.WRONG, "row 4"),  # one cell changed
        "2 1 3 4\n3 4 1 2\n2 1 4 3\n4 3 2 1": (Status.WRONG, "given digit 1"),  # a clue overwritten
        "1 2 4 3\n3 4 1 2\n2 1 4 3\n4 3 2 1": (Status.WRONG, "column 3"),  # two cells swapped in a row
        "1 2 3 4\n2 3 4 1\n3 4 1 2\n4 1 2 3": (Status.WRONG, ""),  # a latin square whose boxes repeat
        "1 2 . .\n3 . . .\n. . . 3\n. . 2 .": (Status.UNPARSABLE, "digit"),  # the clues copied back
        "1 2 3 4\n3 4 1 2\n2 1 4 3": (Status.UNPARSABLE, "4 lines"),
        "1 2 3 5\n3 4 1 2\n2 1 4 3\n4 3 2 1": (Status.UNPARSABLE, "digit"),
        "1111\n1111\n1111\n1111": (Status.WRONG, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(data, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_box_rule_is_checked():
    # rows and columns are permutations, but box 1 holds 1 2 2 3: only the box rule catches it
    data = dict(HAND, puzzle=["....", "....", "....", "...3"])
    verdict = TASK.verify(data, "1 2 3 4\n2 3 4 1\n3 4 1 2\n4 1 2 3")
    assert verdict.status is Status.WRONG and verdict.reason.startswith("box 1")


def test_six_by_six_boxes_are_two_rows_by_three_columns():
    instance = TASK.generate(0, 3)
    assert "2 rows x 3 columns" in instance.prompt
    rows = instance.data["solution"]
    for top in (0, 2, 4):
        for left in (0, 3):
            assert {rows[r][c] for r in range(top, top + 2) for c in range(left, left + 3)} == set("123456")
    # a valid 6x6 latin square with 3x2 boxes instead is rejected
    transposed = ["".join(row[c] for row in rows) for c in range(6)]
    assert not TASK.verify(dict(instance.data, puzzle=["......"] * 6), "\n".join(transposed)).correct


def test_valid_sudoku_ignoring_a_clue_is_rejected():
    instance = TASK.generate(5, 5)
    relabelled = [row.translate(str.maketrans("12", "21")) for row in instance.data["solution"]]
    verdict = TASK.verify(instance.data, "\n".join(relabelled))
    assert verdict.status is Status.WRONG and "given digit" in verdict.reason
    response = f"<answer>\n{instance.reference}\n</answer>"
    assert TASK.score(instance, response).correct
