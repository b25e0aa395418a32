"""Focused tests for binairo-v2: uniqueness re-proved by brute force, rule checks, level knobs."""

from itertools import product

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("binairo")


def line_ok(line: str) -> bool:
    return line.count("0") == line.count("1") and "000" not in line and "111" not in line


def brute_force_solutions(puzzle: list[str], limit: int = 2) -> list[list[str]]:
    """Solutions (up to ``limit``) by row-by-row enumeration of strings; shares no code with the family."""
    size = len(puzzle)
    rows = ["".join(bits) for bits in product("01", repeat=size) if line_ok("".join(bits))]
    options = [[row for row in rows if all(g in (".", ch) for g, ch in zip(given, row, strict=True))]
               for given in puzzle]
    found: list[list[str]] = []

    def columns_ok(grid: list[str]) -> bool:
        for c in range(size):
            column = "".join(row[c] for row in grid)
            if column.count("0") > size // 2 or column.count("1") > size // 2 or "000" in column or "111" in column:
                return False
        return True

    def search(grid: list[str]) -> None:
        if len(grid) == size:
            columns = ["".join(row[c] for row in grid) for c in range(size)]
            if len(set(columns)) == size:
                found.append(list(grid))
            return
        for row in options[len(grid)]:
            if row in grid:
                continue
            grid.append(row)
            if columns_ok(grid):
                search(grid)
            grid.pop()
            if len(found) >= limit:
                return

    search([])
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 40), (2, 30), (3, 15), (4, 15), (5, 3), (6, 3)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        solutions = brute_force_solutions(instance.data["puzzle"])
        assert solutions == [instance.data["solution"]], f"level {level} seed {seed}: {len(solutions)} solutions"
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_size_and_givens_follow_the_level(level):
    params = TASK.params(level)
    size = params["size"]
    for seed in range(2):
        data = TASK.generate(seed, level).data
        assert data["size"] == size and len(data["puzzle"]) == size
        assert sum(ch != "." for row in data["puzzle"] for ch in row) == round(params["givens"] * size * size)
        for given, solved in zip(data["puzzle"], data["solution"], strict=True):
            assert all(g in (".", s) for g, s in zip(given, solved, strict=True))


def test_levels_get_harder():
    sizes = [TASK.params(level)["size"] for level in range(1, 11)]
    assert sizes == sorted(sizes) and sizes[0] == 6 and sizes[-1] == 14
    assert TASK.params(10)["givens"] < TASK.params(1)["givens"]


def test_knob_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, size=7)
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 5, givens=0.1)


# a hand-written 4x4 puzzle with the unique solution 0011 / 0101 / 1010 / 1100
HAND = {"size": 4, "puzzle": ["00..", "0...", "..1.", "...."], "solution": ["0011", "0101", "1010", "1100"]}


def test_hand_written_instance():
    assert brute_force_solutions(HAND["puzzle"], 3) == [HAND["solution"]]
    right = ["0011\n0101\n1010\n1100", "0 0 1 1\n0 1 0 1\n1 0 1 0\n1 1 0 0", "0011010110101100",
             "[[0,0,1,1],[0,1,0,1],[1,0,1,0],[1,1,0,0]]", "0,0,1,1\n0,1,0,1\n1,0,1,0\n1,1,0,0"]
    for answer in right:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "1100\n0101\n1010\n0011": (Status.WRONG, "given digit"),  # valid grid, givens ignored
        "0011\n0101\n1010\n1101": (Status.WRONG, "row 4 has"),  # unbalanced row
        "0011\n0101\n1010\n0011": (Status.WRONG, "rows 1 and 4 are identical"),
        "00..\n0...\n..1.\n....": (Status.UNPARSABLE, "0 or 1"),  # the givens copied back
        "00..\n0...\n..1.\n0000": (Status.UNPARSABLE, "0 or 1"),
        "0011\n0101\n1010": (Status.UNPARSABLE, "4 lines"),
        "0011\n0101\n1010\n1102": (Status.UNPARSABLE, "'2'"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_each_rule_is_checked():
    blank = {"size": 6, "puzzle": ["......"] * 6, "solution": ["001011"] * 6}
    triple = "000111\n111000\n000111\n111000\n000111\n111000"
    assert "three equal" in TASK.verify(blank, triple).reason
    repeated_rows = "001011\n001011\n110100\n110100\n010101\n101010"
    assert TASK.verify(blank, repeated_rows).reason == "rows 1 and 2 are identical"
    # rows distinct and valid, columns balanced with no triples, but columns 1 and 2 equal
    rows = ["001011", "010110", "110100", "101001", "011010", "100101"]
    cols = ["".join(row[c] for row in rows) for c in range(6)]
    assert all(line_ok(line) for line in rows + cols)
    verdict = TASK.verify(blank, "\n".join(rows))
    assert verdict.correct == (len(set(cols)) == 6)


def test_response_scoring():
    instance = TASK.generate(4, 3)
    assert TASK.score(instance, f"<answer>\n{instance.reference}\n</answer>").correct
    assert not TASK.score(instance, "<answer>" + "\n".join(instance.data["puzzle"]) + "</answer>").correct


@pytest.mark.parametrize("level", range(1, 11))
def test_stored_solutions_keep_every_rule(level):
    """v1 stored about 0.5% of solutions with two equal rows or columns (level 8 seed 189, level 10 seed 70)."""
    for seed in [*range(40), 70, 189]:
        rows = TASK.generate(seed, level).data["solution"]
        columns = ["".join(row[c] for row in rows) for c in range(len(rows))]
        assert all(line_ok(line) for line in rows + columns), (seed, level)
        assert len(set(rows)) == len(rows) and len(set(columns)) == len(columns), (seed, level)
