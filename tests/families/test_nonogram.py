"""Focused tests for nonogram-v1: uniqueness re-proved by brute force, clue checks, level knobs."""

from itertools import groupby, product

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("nonogram")


def line_runs(cells: str) -> list[int]:
    return [len(list(group)) for key, group in groupby(cells) if key == "#"] or [0]


def brute_force_solutions(row_clues, col_clues, limit: int = 2) -> list[list[str]]:
    """Grids meeting the clues (up to ``limit``) by row-by-row enumeration; shares no code with the family."""
    rows, cols = len(row_clues), len(col_clues)
    options = [["".join(cells) for cells in product(".#", repeat=cols) if line_runs("".join(cells)) == clue]
               for clue in row_clues]
    found: list[list[str]] = []

    def column_prefix_ok(grid: list[str], complete: bool) -> bool:
        for c, clue in enumerate(col_clues):
            column = "".join(row[c] for row in grid)
            if complete:
                if line_runs(column) != clue:
                    return False
                continue
            closed = [len(part) for part in column.split(".")[:-1] if part]
            open_run = len(column) - len(column.rstrip("#"))
            wanted = [] if clue == [0] else clue
            if closed != wanted[:len(closed)]:
                return False
            if open_run and (len(closed) >= len(wanted) or open_run > wanted[len(closed)]):
                return False
        return True

    def search(grid: list[str]) -> None:
        if len(grid) == rows:
            if column_prefix_ok(grid, True):
                found.append(list(grid))
            return
        for row in options[len(grid)]:
            grid.append(row)
            if column_prefix_ok(grid, False):
                search(grid)
            grid.pop()
            if len(found) >= limit:
                return

    search([])
    return found


@pytest.mark.parametrize(("level", "seeds", "overrides"), [
    (1, 40, {}), (2, 30, {}), (3, 20, {}), (4, 10, {}),
    (8, 15, {"rows": 6, "cols": 6}), (10, 15, {"rows": 7, "cols": 5}),
])
def test_unique_solution_proved_independently(level, seeds, overrides):
    for seed in range(seeds):
        instance = TASK.generate(seed, level, **overrides)
        data = instance.data
        solutions = brute_force_solutions(data["row_clues"], data["col_clues"])
        assert solutions == [data["solution"]], f"level {level} seed {seed}: {len(solutions)} solutions"
        assert TASK.verify(data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_size_and_clues_follow_the_level(level):
    params = TASK.params(level)
    for seed in range(3):
        data = TASK.generate(seed, level).data
        assert (data["rows"], data["cols"]) == (params["rows"], params["cols"])
        assert [line_runs(row) for row in data["solution"]] == data["row_clues"]
        columns = ["".join(row[c] for row in data["solution"]) for c in range(data["cols"])]
        assert [line_runs(col) for col in columns] == data["col_clues"]


def test_levels_get_harder():
    sizes = [TASK.params(level)["rows"] * TASK.params(level)["cols"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == 25 and sizes[-1] == 225
    densities = [TASK.params(level)["density"] for level in range(1, 11)]
    assert densities == sorted(densities, reverse=True)


def test_density_knob_changes_the_pictures():
    def filled(density: float) -> float:
        grids = [TASK.generate(seed, 5, density=density).data["solution"] for seed in range(20)]
        return sum(row.count("#") for grid in grids for row in grid) / (20 * 100)
    assert filled(0.75) > filled(0.5) + 0.1


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, rows=16)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, density=0.95)


def test_hand_written_instance():
    solution = ["##.", "#.#", "###"]
    data = {"rows": 3, "cols": 3, "row_clues": [[2], [1, 1], [3]], "col_clues": [[3], [1, 1], [2]],
            "solution": solution}
    assert brute_force_solutions(data["row_clues"], data["col_clues"], 3) == [solution]
    right = ["##.\n#.#\n###", "110\n101\n111", "1 1 0\n1 0 1\n1 1 1", "XX.\nX.X\nXXX", "##.#.####",
             "[[1,1,0],[1,0,1],[1,1,1]]", "■■□\n■□■\n■■■", "# # .\n# . #\n# # #"]
    for answer in right:
        assert TASK.verify(data, answer).correct, answer
    cases = {
        "##.\n#.#\n##.": (Status.WRONG, "row 3"),
        "##.\n##.\n###": (Status.WRONG, "row 2"),
        "###\n###\n###": (Status.WRONG, "row 1"),
        "##.\n#.#": (Status.UNPARSABLE, "3 lines"),
        "2\n1 1\n3": (Status.UNPARSABLE, ""),
        "##.\n#?#\n###": (Status.UNPARSABLE, "'?'"),
        "##.\n#.#\n###\nor\n###\n#.#\n##.": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(data, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_any_grid_meeting_the_clues_is_accepted():
    # two solutions exist for this (non-unique) clue set; the verifier checks rules, not strings
    data = {"rows": 2, "cols": 2, "row_clues": [[1], [1]], "col_clues": [[1], [1]], "solution": ["#.", ".#"]}
    assert TASK.verify(data, "#.\n.#").correct and TASK.verify(data, ".#\n#.").correct
    assert TASK.verify(data, "#.\n#.").status is Status.WRONG


def test_response_scoring():
    instance = TASK.generate(3, 6)
    assert TASK.score(instance, f"<answer>\n{instance.reference}\n</answer>").correct
    assert not TASK.score(instance, "<answer>\n" + "\n".join(instance.data["solution"][::-1]) + "</answer>").correct \
        or instance.data["solution"] == instance.data["solution"][::-1]
