"""Focused tests for skyscrapers-v2: uniqueness re-proved by brute force, clue rules checked."""

import random
from itertools import permutations

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.generators import skyscrapers as family
from bootcamps.types import Status

TASK = bootcamps.get_task("skyscrapers")


def seen(line) -> int:
    count = tallest = 0
    for h in line:
        if h > tallest:
            count, tallest = count + 1, h
    return count


def brute_force_solutions(data: dict, limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by trying whole rows; shares no code with the family.

    Every row is a permutation that keeps its row clues and given cells; after each row, every
    column so far must begin some permutation that keeps its column clues and given cells.
    """
    size, clues = data["size"], data["clues"]

    def fits(perm: tuple[int, ...], start: int, end: int, given: str) -> bool:
        return (all(g == "." or int(g) == h for g, h in zip(given, perm, strict=True))
                and (not start or seen(perm) == start) and (not end or seen(perm[::-1]) == end))

    perms = list(permutations(range(1, size + 1)))
    rows = [[p for p in perms if fits(p, clues["left"][r], clues["right"][r], data["givens"][r])]
            for r in range(size)]
    starts = []  # per column, every beginning of a permutation it may hold
    for c in range(size):
        column_givens = "".join(row[c] for row in data["givens"])
        fitting = [p for p in perms if fits(p, clues["top"][c], clues["bottom"][c], column_givens)]
        starts.append({p[:k] for p in fitting for k in range(1, size + 1)})
    found: list[str] = []

    def search(chosen: list[tuple[int, ...]]) -> None:
        if len(found) >= limit:
            return
        if len(chosen) == size:
            found.append("".join(str(h) for row in chosen for h in row))
            return
        for perm in rows[len(chosen)]:
            grid = [*chosen, perm]
            if all(tuple(row[c] for row in grid) in starts[c] for c in range(size)):
                search(grid)

    search([])
    return found


def keeps_every_rule(data: dict, solution: list[str]) -> bool:
    """Whether a grid (rows of digits) is a Latin square that keeps the givens and every shown clue."""
    size, clues = data["size"], data["clues"]
    rows = [[int(ch) for ch in row] for row in solution]
    columns = [[row[c] for row in rows] for c in range(size)]
    latin = all(sorted(line) == list(range(1, size + 1)) for line in rows + columns)
    givens = all(g in (".", s) for given, row in zip(data["givens"], solution, strict=True)
                 for g, s in zip(given, row, strict=True))
    views = {"left": rows, "right": [row[::-1] for row in rows],
             "top": columns, "bottom": [column[::-1] for column in columns]}
    shown = all(not clue or seen(line) == clue for side, lines in views.items()
                for clue, line in zip(clues[side], lines, strict=True))
    return latin and givens and shown


# at 7x7 the row-by-row brute force can take minutes on one instance (seed 0 at levels 9 and 10),
# so two quick seeds stand for level 10
@pytest.mark.parametrize(("level", "seeds"), [(1, range(25)), (2, range(25)), (3, range(15)), (4, range(15)),
                                              (5, range(20)), (6, range(10)), (7, range(10)), (8, range(3)),
                                              (10, [1, 2])])
def test_unique_solution_proved_independently(level, seeds):
    for seed in seeds:
        instance = TASK.generate(seed, level)
        found = brute_force_solutions(instance.data)
        assert found == ["".join(instance.data["solution"])], f"level {level} seed {seed}: {len(found)}"
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_stored_solution_keeps_every_rule(level):
    for seed in range(3):
        data = TASK.generate(seed, level).data
        assert keeps_every_rule(data, data["solution"]), f"level {level} seed {seed}"


@pytest.mark.parametrize("level", range(1, 11))
def test_size_and_clues_follow_the_level(level):
    params = TASK.params(level)
    data = TASK.generate(level, level).data
    size = params["size"]
    assert data["size"] == size and len(data["givens"]) == size
    assert sum(1 for side in data["clues"].values() for v in side if v) == params["clues"]
    for given, solved in zip(data["givens"], data["solution"], strict=True):
        assert all(g in (".", s) for g, s in zip(given, solved, strict=True))


def test_levels_get_harder():
    assert [TASK.params(level)["size"] for level in range(1, 11)] == [4, 4, 5, 5, 6, 6, 6, 7, 7, 7]
    fraction = [TASK.params(level)["clues"] / (4 * TASK.params(level)["size"]) for level in (1, 10)]
    assert fraction[1] < fraction[0]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, clues=17)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, size=8)


# a hand-written 4x4 puzzle with every clue shown: its unique solution is 2143 / 3412 / 4321 / 1234
HAND = {
    "size": 4,
    "clues": {"top": [3, 2, 1, 2], "bottom": [2, 3, 2, 1], "left": [2, 2, 1, 4], "right": [2, 2, 4, 1]},
    "givens": ["....", "....", "....", "...."],
    "solution": ["2143", "3412", "4321", "1234"],
}


def test_hand_written_instance():
    assert brute_force_solutions(HAND, 3) == ["2143341243211234"]
    no_clues = dict(HAND, clues={side: [0] * 4 for side in HAND["clues"]})
    assert len(brute_force_solutions(no_clues, 3)) == 3  # the check does see several solutions
    assert keeps_every_rule(HAND, HAND["solution"])
    assert not keeps_every_rule(HAND, ["3412", "2143", "4321", "1234"])  # rows swapped: clues break
    for answer in ["2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 3 4", "2143\n3412\n4321\n1234",
                   "[[2,1,4,3],[3,4,1,2],[4,3,2,1],[1,2,3,4]]", "2143341243211234"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 4 3": (Status.WRONG, "column 3 repeats"),
        "3 4 1 2\n2 1 4 3\n4 3 2 1\n1 2 3 4": (Status.WRONG, "visible from the top of column 1"),  # rows swapped
        "1 2 3 4\n2 1 4 3\n3 4 1 2\n4 3 2 1": (Status.WRONG, "visible"),  # another Latin square
        "2 1 4 3\n3 4 1 2\n4 3 2 1": (Status.UNPARSABLE, "4 lines"),
        "2 1 4 3\n3 4 1 2\n4 3 2 1\n1 2 3 5": (Status.UNPARSABLE, "height"),
        "1111\n1111\n1111\n1111": (Status.WRONG, ""),
        "....\n....\n....\n....": (Status.UNPARSABLE, ""),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)
    with_given = dict(HAND, givens=["....", "..1.", "....", "...."])
    assert TASK.verify(with_given, "2143\n3412\n4321\n1234").correct
    data = dict(with_given, clues={side: [0] * 4 for side in HAND["clues"]})
    verdict = TASK.verify(data, "1 2 3 4\n3 4 2 1\n4 3 1 2\n2 1 4 3")
    assert verdict.status is Status.WRONG and "given height 1" in verdict.reason


def test_clue_rendering_matches_the_data():
    instance = TASK.generate(3, 4)
    clues = instance.data["clues"]
    listed = "Top (columns 1 to 5, looking down): " + ", ".join(str(v) if v else "-" for v in clues["top"])
    assert listed in instance.prompt


@pytest.mark.parametrize("size", [4, 5, 6, 7])
def test_switches_are_other_latin_squares_with_the_clues_they_break(size):
    """Every switch (a second solution found without a search) is another Latin square, and its
    masks name exactly the clues it breaks and the cells it changes (counted here afresh)."""
    sides = ["top", "bottom", "left", "right"]
    no_clues = {"size": size, "givens": ["." * size] * size, "clues": {side: [0] * size for side in sides}}
    for seed in range(20):
        square = family.random_latin(size, random.Random(seed))
        solution = [h for row in square for h in row]
        switches = family.Switches(family.solver(size), solution)
        for item in switches.items:
            grid = switches.grid(item)
            rows = ["".join(map(str, grid[r * size:(r + 1) * size])) for r in range(size)]
            assert grid != solution and keeps_every_rule(no_clues, rows)
            broken = 0
            for k, side in enumerate(sides):
                for i in range(size):
                    old = square[i] if side in ("left", "right") else [row[i] for row in square]
                    new = grid[i * size:(i + 1) * size] if side in ("left", "right") else grid[i::size]
                    if side in ("right", "bottom"):
                        old, new = old[::-1], new[::-1]
                    broken |= (seen(old) != seen(new)) << (k * size + i)
            assert item[0] == broken
            assert item[1] == sum(1 << cell for cell in range(size * size) if grid[cell] != solution[cell])
