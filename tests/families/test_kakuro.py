"""Focused tests for kakuro-v2: uniqueness re-proved by brute force, givens, rule checks, level knobs."""

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("kakuro")


def brute_force_solutions(puzzle: list[str], runs: list[list], limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by plain backtracking with sum bounds; shares no code with the family."""
    cells = [(r, c) for r, row in enumerate(puzzle) for c, ch in enumerate(row) if ch != "#"]
    runs_at: dict[tuple[int, int], list[tuple[list[tuple[int, int]], int]]] = {cell: [] for cell in cells}
    for r, c, direction, length, total in runs:
        members = [(r, c + k) if direction == "across" else (r + k, c) for k in range(length)]
        for cell in members:
            runs_at[cell].append((members, total))
    grid: dict[tuple[int, int], int] = {}
    found: list[str] = []

    def fits(cell: tuple[int, int]) -> bool:
        for members, total in runs_at[cell]:
            placed = [grid[m] for m in members if m in grid]
            if len(set(placed)) != len(placed):
                return False
            left = len(members) - len(placed)
            if sum(placed) + left > total or sum(placed) + 9 * left < total:
                return False
        return True

    def search(k: int) -> None:
        if k == len(cells):
            found.append("".join(str(grid.get((r, c), "#")) for r, row in enumerate(puzzle)
                                 for c in range(len(row))))
            return
        cell = cells[k]
        given = puzzle[cell[0]][cell[1]]
        for digit in ([int(given)] if given != "." else range(1, 10)):
            grid[cell] = digit
            if fits(cell):
                search(k + 1)
            del grid[cell]
            if len(found) >= limit:
                return

    search(0)
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 25), (2, 12), (3, 8), (4, 6)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        data = instance.data
        solutions = brute_force_solutions(data["puzzle"], data["runs"])
        assert len(solutions) == 1, f"level {level} seed {seed}: {len(solutions)} solutions"
        assert solutions[0] == "".join(data["solution"])
        assert TASK.verify(data, instance.reference).correct


def test_givens_are_few_and_almost_all_needed():
    """Givens are pruned while the generator's deduction rules still solve the puzzle, so nearly
    every given is needed for uniqueness too: removing it leaves several solutions (brute force).
    A rare given is needed by the rules only (the puzzle stays unique without it)."""
    needed = total = 0
    for seed in range(12):
        data = TASK.generate(seed, 1).data
        puzzle = data["puzzle"]
        givens = [(r, c) for r, row in enumerate(puzzle) for c, ch in enumerate(row) if ch.isdigit()]
        assert len(givens) <= 8
        for r, c in givens:
            loosened = [row if i != r else row[:c] + "." + row[c + 1:] for i, row in enumerate(puzzle)]
            needed += len(brute_force_solutions(loosened, data["runs"])) == 2
            total += 1
    assert total >= 12 and needed >= 0.9 * total


def test_rectangle_test_matches_brute_force():
    """The generator keeps a given without running its rules when a rectangle of four cells
    around it can move by +d/-d; brute force with only those four cells open must agree."""
    from bootcamps.generators.kakuro import Logic, rectangle_through, runs_of
    for level, seed in [(1, s) for s in range(6)] + [(3, s) for s in range(4)]:
        data = TASK.generate(seed, level).data
        runs, solution = data["runs"], data["solution"]
        white = [[ch != "#" for ch in row] for row in solution]
        cells = [(r, c) for r, row in enumerate(white) for c, is_white in enumerate(row) if is_white]
        logic = Logic(cells, runs_of(white))
        digits = [int(solution[r][c]) for r, c in cells]
        logic.set_sums([sum(digits[i] for i in run) for run in logic.runs])
        used = [sum(1 << (digits[i] - 1) for i in run) for run in logic.runs]
        for k, (r, c) in enumerate(cells):
            claimed = rectangle_through(logic, digits, used, k, [False] * len(cells))
            found = False
            for r2, c2 in cells:
                if r2 != r and c2 != c and white[r][c2] and white[r2][c]:
                    open_cells = {(r, c), (r2, c), (r, c2), (r2, c2)}
                    puzzle = ["".join("." if (i, j) in open_cells else ch for j, ch in enumerate(row))
                              for i, row in enumerate(solution)]
                    found = found or len(brute_force_solutions(puzzle, runs)) == 2
            assert claimed == found, f"level {level} seed {seed} cell {(r, c)}"


@pytest.mark.parametrize("level", range(1, 11))
def test_shape_and_runs_follow_the_level(level):
    params = TASK.params(level)
    for seed in range(2):
        data = TASK.generate(seed, level).data
        assert (data["rows"], data["cols"]) == (params["rows"] + 1, params["cols"] + 1)
        assert data["solution"][0] == "#" * data["cols"] and all(row[0] == "#" for row in data["solution"])
        for r, c, direction, length, total in data["runs"]:
            digits = [data["solution"][r + (k if direction == "down" else 0)][c + (k if direction == "across" else 0)]
                      for k in range(length)]
            assert length >= 2 and len(set(digits)) == length and sum(map(int, digits)) == total
        for given, solved in zip(data["puzzle"], data["solution"], strict=True):
            assert all(g in (".", s) for g, s in zip(given, solved, strict=True))


def test_levels_grow():
    sides = [TASK.params(level)["rows"] for level in range(1, 11)]
    assert sides == sorted(sides) and sides[0] == 4 and sides[-1] == 9
    cells = [sum(ch != "#" for row in TASK.generate(0, level).data["solution"] for ch in row) for level in (1, 10)]
    assert cells[1] > 3 * cells[0]


HAND = {
    # a 2x2 inner grid, all white, solved by 1 3 / 2 4
    "rows": 3, "cols": 3,
    "puzzle": ["###", "#..", "#.."],
    "solution": ["###", "#13", "#24"],
    "runs": [[1, 1, "across", 2, 4], [2, 1, "across", 2, 6], [1, 1, "down", 2, 3], [1, 2, "down", 2, 7]],
}


def test_hand_written_instance():
    assert TASK.verify(HAND, "# # #\n# 1 3\n# 2 4").correct
    assert TASK.verify(HAND, "13\n24").correct  # border left out
    assert TASK.verify(HAND, "X X X\nX 1 3\nX 2 4").correct
    swapped = TASK.verify(HAND, "# # #\n# 3 1\n# 2 4")  # across sums kept, down runs broken
    assert swapped.status is Status.WRONG and "down run" in swapped.reason
    repeated = TASK.verify(HAND, "# # #\n# 2 2\n# 1 5")
    assert repeated.status is Status.WRONG and "repeats" in repeated.reason
    black = TASK.verify(HAND, "# 1 #\n# 1 3\n# 2 4")
    assert black.status is Status.WRONG and "black cell" in black.reason
    assert TASK.verify(HAND, "# # #\n# 1 3\n# 2 0").status is Status.UNPARSABLE
    assert TASK.verify(HAND, "# # #\n# . .\n# . .").status is Status.UNPARSABLE
    with_given = dict(HAND, puzzle=["###", "#1.", "#.."])
    assert TASK.verify(with_given, "# # #\n# 1 3\n# 2 4").correct


def test_near_misses_rejected_and_equivalents_accepted():
    from bootcamps.verifiers.kakuro import equivalents, near_misses
    for level in (1, 5):
        instance = TASK.generate(3, level)
        for text in equivalents(instance.data, instance.reference):
            assert TASK.verify(instance.data, text).correct
        for text in near_misses(instance.data, instance.reference):
            assert not TASK.verify(instance.data, text).correct


def test_zero_effort_and_bounds():
    instance = TASK.generate(1, 2)
    for text in ("", "0", "yes", instance.prompt, "\n".join(instance.data["puzzle"])):
        assert not TASK.verify(instance.data, text).correct
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, rows=12)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, black_density=0.9)
