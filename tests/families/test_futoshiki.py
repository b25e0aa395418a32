"""Focused tests for futoshiki-v1: uniqueness re-proved independently, prompt notation, rule checks."""

import itertools

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("futoshiki")


def brute_force_solutions(puzzle: list[str], signs: list[list[int]], limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by plain backtracking over sets; shares no code with the family."""
    size = len(puzzle)
    grid = [[0 if ch == "." else int(ch) for ch in row] for row in puzzle]
    less = [((r1, c1), (r2, c2)) for r1, c1, r2, c2 in signs]

    def allowed(r: int, c: int) -> set[int]:
        options = set(range(1, size + 1)) - set(grid[r]) - {grid[i][c] for i in range(size)}
        for small, large in less:
            if small == (r, c) and grid[large[0]][large[1]]:
                options = {d for d in options if d < grid[large[0]][large[1]]}
            if large == (r, c) and grid[small[0]][small[1]]:
                options = {d for d in options if d > grid[small[0]][small[1]]}
        return options

    found: list[str] = []

    def search() -> None:
        empty = [(r, c) for r in range(size) for c in range(size) if not grid[r][c]]
        if not empty:
            if all(grid[a][b] < grid[c][d] for (a, b), (c, d) in less):
                found.append("".join(str(d) for row in grid for d in row))
            return
        r, c = min(empty, key=lambda rc: len(allowed(*rc)))
        for digit in sorted(allowed(r, c)):
            grid[r][c] = digit
            search()
            grid[r][c] = 0
            if len(found) >= limit:
                return

    search()
    return found


def all_latin_squares(size: int) -> list[tuple[tuple[int, ...], ...]]:
    """Every Latin square of a small order, by rows of permutations."""
    perms = list(itertools.permutations(range(1, size + 1)))
    squares: list[tuple[tuple[int, ...], ...]] = [()]
    for _ in range(size):
        squares = [sq + (p,) for sq in squares for p in perms
                   if all(p[c] != row[c] for row in sq for c in range(size))]
    return squares


@pytest.mark.parametrize(("level", "seeds"), [(1, 40), (2, 40), (3, 25), (4, 25), (5, 8), (6, 5)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        data = instance.data
        solutions = brute_force_solutions(data["puzzle"], data["signs"])
        assert solutions == ["".join(data["solution"])], f"level {level} seed {seed}"
        assert TASK.verify(data, instance.reference).correct


def test_four_by_four_uniqueness_by_full_enumeration():
    squares = all_latin_squares(4)
    assert len(squares) == 576
    for seed in range(15):
        data = TASK.generate(seed, 2).data
        fits = []
        for square in squares:
            if any(ch != "." and int(ch) != square[r][c] for r, row in enumerate(data["puzzle"])
                   for c, ch in enumerate(row)):
                continue
            if all(square[r1][c1] < square[r2][c2] for r1, c1, r2, c2 in data["signs"]):
                fits.append(square)
        assert len(fits) == 1 and "".join(map(str, itertools.chain(*fits[0]))) == "".join(data["solution"])


@pytest.mark.parametrize("level", range(1, 11))
def test_counts_follow_the_level(level):
    params = TASK.params(level)
    size = params["size"]
    data = TASK.generate(level, level).data
    assert data["size"] == size and len(data["puzzle"]) == size
    assert sum(ch != "." for row in data["puzzle"] for ch in row) == params["givens"]
    assert len(data["signs"]) == params["signs"]
    for r1, c1, r2, c2 in data["signs"]:
        assert abs(r1 - r2) + abs(c1 - c2) == 1  # signs only between side-by-side cells
        assert data["solution"][r1][c1] < data["solution"][r2][c2]


def test_levels_get_harder():
    sizes = [TASK.params(level)["size"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == 4 and sizes[-1] == 8
    data = [TASK.generate(seed, 5).data for seed in range(10)]
    assert len({"".join(d["solution"]) for d in data}) == 10


def test_prompt_draws_every_sign():
    instance = TASK.generate(4, 5)
    framed = instance.prompt.split("\n\n")[1].splitlines()
    size = instance.data["size"]
    assert len(framed) == 2 * size + 1 and len(set(map(len, framed))) == 1
    lines = [line[2:-2] for line in framed[1:-1]]
    drawn = sum(line.count("<") + line.count(">") for line in lines[::2])
    drawn += sum(line.count("^") + line.count("v") for line in lines[1::2])
    assert drawn == len(instance.data["signs"])
    for r1, c1, r2, c2 in instance.data["signs"]:
        if r1 == r2:
            sign = lines[2 * r1][4 * min(c1, c2) + 2]
            assert sign == ("<" if c1 < c2 else ">")
        else:
            sign = lines[2 * min(r1, r2) + 1][4 * c1]
            assert sign == ("^" if r1 < r2 else "v")


def test_overrides_and_bounds():
    data = TASK.generate(3, 5, givens=8).data
    assert sum(ch != "." for row in data["puzzle"] for ch in row) == 8
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, signs=30)  # a 4x4 grid has 24 neighbour pairs


# 3 1 2 / 1 2 3 / 2 3 1 with the signs (0,0) > (0,1) and (1,2) > (2,2), and the given 2 at (2,0)
HAND = {
    "size": 3,
    "puzzle": ["...", "...", "2.."],
    "signs": [[0, 1, 0, 0], [2, 2, 1, 2]],
    "solution": ["312", "123", "231"],
}


def test_hand_written_instance():
    assert brute_force_solutions(HAND["puzzle"], HAND["signs"], 3) == ["312123231"]
    for answer in ["3 1 2\n1 2 3\n2 3 1", "312\n123\n231", "[[3,1,2],[1,2,3],[2,3,1]]", "3,1,2\n1,2,3\n2,3,1",
                   "312123231"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "3 1 2\n1 2 3\n2 3 2": (Status.WRONG, "row 3"),  # one cell changed
        "1 2 3\n3 1 2\n2 3 1": (Status.WRONG, "sign between row 1, column 2 and row 1, column 1"),
        "1 3 2\n2 1 3\n3 2 1": (Status.WRONG, "given digit 2"),  # a Latin square ignoring the given
        "3 1 2\n1 2 3\n2 3 1\n1 1 1": (Status.UNPARSABLE, "3 lines"),
        ". . .\n. . .\n2 . .": (Status.UNPARSABLE, "digit"),  # the givens copied back
        "3 1 2\n1 2 3\n2 3 4": (Status.UNPARSABLE, "digit"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_vertical_sign_is_checked():
    # a Latin square that keeps the given but puts 3 above 1 where the sign says lower < upper
    data = dict(HAND, signs=[[2, 2, 1, 2]])
    verdict = TASK.verify(data, "1 3 2\n3 2 1\n2 1 3")
    assert verdict.status is Status.WRONG and "row 3, column 3 and row 2, column 3" in verdict.reason
    assert TASK.verify(data, "3 1 2\n1 2 3\n2 3 1").correct


def test_swapped_digits_keep_latin_but_break_signs():
    instance = TASK.generate(9, 6)
    for miss in TASK.near_misses(instance):
        assert not TASK.verify(instance.data, miss).correct
    response = f"<think>...</think><answer>\n{instance.reference}\n</answer>"
    assert TASK.score(instance, response).correct
