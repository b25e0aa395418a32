"""Focused tests for kenken-v1: uniqueness re-proved independently, cage layout, rule checks."""

import itertools
import math

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("kenken")


def holds(op: str, target: int, digits: list[int], show_ops: bool) -> bool:
    """Independent cage check: the digits reach the target."""
    a, b = (max(digits), min(digits)) if len(digits) == 2 else (0, 0)
    values = {"+": sum(digits), "*": math.prod(digits)}
    if len(digits) == 2:
        values["-"] = a - b
        if a % b == 0:
            values["/"] = a // b
    if op == "=":
        return digits == [target]
    return values.get(op) == target if show_ops else target in values.values()


def brute_force_solutions(data: dict, limit: int = 2) -> list[str]:
    """Solutions (up to ``limit``) by plain backtracking over sets; shares no code with the family."""
    size = data["size"]
    cages = [([tuple(cell) for cell in cage["cells"]], cage["op"], cage["target"]) for cage in data["cages"]]
    cage_of = {cell: cage for cage in cages for cell in cage[0]}
    grid = [[0] * size for _ in range(size)]
    found: list[str] = []

    def fits(r: int, c: int) -> bool:
        cells, op, target = cage_of[r, c]
        digits = [grid[i][j] for i, j in cells]
        if all(digits):
            return holds(op, target, digits, data["show_ops"])
        placed = [d for d in digits if d]
        if data["show_ops"] and op == "+":
            return sum(placed) + (len(digits) - len(placed)) <= target
        if data["show_ops"] and op == "*":
            return target % math.prod(placed) == 0
        return True

    def search(index: int) -> None:
        if index == size * size:
            found.append("".join(str(d) for row in grid for d in row))
            return
        r, c = divmod(index, size)
        for digit in range(1, size + 1):
            if digit in grid[r] or any(grid[i][c] == digit for i in range(r)):
                continue
            grid[r][c] = digit
            if fits(r, c):
                search(index + 1)
            grid[r][c] = 0
            if len(found) >= limit:
                return

    search(0)
    return found


@pytest.mark.parametrize(("level", "seeds"), [(1, 40), (2, 40), (3, 30), (4, 8)])
def test_unique_solution_proved_independently(level, seeds):
    for seed in range(seeds):
        instance = TASK.generate(seed, level)
        assert brute_force_solutions(instance.data) == ["".join(instance.data["solution"])], (level, seed)
        assert TASK.verify(instance.data, instance.reference).correct


@pytest.mark.parametrize("level", range(1, 11))
def test_cages_follow_the_level(level):
    params = TASK.params(level)
    size = params["size"]
    data = TASK.generate(level, level).data
    assert data["size"] == size and data["show_ops"] == params["show_ops"]
    cells = sorted(tuple(cell) for cage in data["cages"] for cell in cage["cells"])
    assert cells == [(r, c) for r in range(size) for c in range(size)]  # a partition of the grid
    allowed = {"add": "+", "add_sub": "+-", "all": "+-*/"}[params["ops"]] + "="
    rows = data["solution"]
    for cage in data["cages"]:
        assert 1 <= len(cage["cells"]) <= params["max_cage"] and cage["op"] in allowed
        assert (cage["op"] == "=") == (len(cage["cells"]) == 1)
        digits = [int(rows[r][c]) for r, c in cage["cells"]]
        assert holds(cage["op"], cage["target"], digits, True)
        todo, seen = [tuple(cage["cells"][0])], set()
        while todo:  # every cage is connected
            r, c = todo.pop()
            seen.add((r, c))
            todo += [n for n in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1))
                     if list(n) in cage["cells"] and n not in seen]
        assert len(seen) == len(cage["cells"])


def test_prompt_hides_operations_when_asked():
    shown, hidden = TASK.generate(1, 6), TASK.generate(1, 9)
    assert "Operations: '+'" in shown.prompt
    assert "operations are hidden" in hidden.prompt
    target_lines = [line for line in hidden.prompt.splitlines() if line[:2].rstrip(":").isalpha() and ": " in line]
    assert target_lines and not any(op in line for line in target_lines for op in "+*/")


def test_hidden_operations_uniqueness_on_small_grids():
    for seed in range(6):
        instance = TASK.generate(seed, 3, show_ops=False)
        assert brute_force_solutions(instance.data) == ["".join(instance.data["solution"])]


def test_bounds():
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, ops="mul")
    with pytest.raises(InvalidParameterError):
        TASK.generate(0, 1, max_cage=9)


# a hand-written 3x3 puzzle: cages A 2*, B 2-, C 5+, D 6+ with the unique solution 123 / 231 / 312
HAND = {
    "size": 3, "show_ops": True,
    "cages": [
        {"cells": [[0, 0], [0, 1]], "op": "*", "target": 2},
        {"cells": [[0, 2], [1, 2]], "op": "-", "target": 2},
        {"cells": [[1, 0], [2, 0]], "op": "+", "target": 5},
        {"cells": [[1, 1], [2, 1], [2, 2]], "op": "+", "target": 6},
    ],
    "solution": ["123", "231", "312"],
}


def test_hand_written_instance():
    assert brute_force_solutions(HAND, 3) == ["123231312"]
    for answer in ["1 2 3\n2 3 1\n3 1 2", "123\n231\n312", "[[1,2,3],[2,3,1],[3,1,2]]", "123231312"]:
        assert TASK.verify(HAND, answer).correct, answer
    cases = {
        "1 2 3\n2 3 1\n3 1 1": (Status.WRONG, "row 3"),
        "2 1 3\n1 3 2\n3 2 1": (Status.WRONG, "cage B"),  # a Latin square breaking the difference
        "1 2 3\n3 1 2\n2 3 1": (Status.WRONG, "cage B"),
        "A A B\nC D B\nC D D": (Status.UNPARSABLE, "digit"),
        "1 2 3\n2 3 1": (Status.UNPARSABLE, "3 lines"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_hidden_operation_accepts_any_reading():
    # a stored solution other than the answer, so that the rules themselves are checked
    data = dict(HAND, show_ops=False, cages=list(HAND["cages"]), solution=["321", "213", "132"])
    data["cages"][0] = {"cells": [[0, 0], [0, 1]], "op": "+", "target": 2}  # 1*2 = 2 also counts
    assert TASK.verify(data, "1 2 3\n2 3 1\n3 1 2").correct
    assert not TASK.verify(dict(data, show_ops=True), "1 2 3\n2 3 1\n3 1 2").correct


def test_all_latin_squares_of_order_three_but_one_fail():
    squares = [p + q + r for p, q, r in itertools.product(itertools.permutations("123"), repeat=3)
               if all(len({p[c], q[c], r[c]}) == 3 for c in range(3))]
    assert len(squares) == 12
    correct = [sq for sq in squares if TASK.verify(HAND, "".join(sq)).correct]
    assert correct == [tuple("123231312")]
