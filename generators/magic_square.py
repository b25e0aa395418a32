"""Magic square completion: fill a partly given n x n normal magic square whose completion is unique.

Description:
    A normal magic square holds 1..n^2 once each, and every row, every column and both main
    diagonals sum to the magic constant n(n^2 + 1)/2. A random full square is found by a
    randomised exact search over the lines (a line with one empty cell forces its value; else
    the first row, first column, the diagonals, then rows and columns alternately; a value is tried only while every line through the
    cell can still reach the constant with the unused numbers). Cells are then removed in a
    random order while the completion stays unique: the same exact search must prove that no
    magic square keeps the remaining givens and puts another number in the removed cell.
    A dig that gets stuck above the wanted number of givens starts again on a new square.
Difficulty:
    size: 3 at levels 1-3, 4 at levels 4-7, 5 at levels 8-10.
    givens: how many numbers are given (4 of 9 at level 1, 2 of 9 at level 3, 8 of 16 at level
        4 down to 4 of 16 at level 7, 14 of 25 at level 8 down to 10 at level 10); fewer givens
        leave more of the search to the solver.
Prompt:
    "Complete this 4x4 magic square: fill every empty cell ('.') with a number from 1 to 16 so
    that every number is used exactly once and every row, every column and both main diagonals
    sum to 34. The given numbers must stay. The completion is unique." then the grid and the
    answer format.
Answer format:
    The completed square, one row per line, numbers separated by spaces (commas, ``|`` and a
    list of lists such as ``[[2, 7, 6], [9, 5, 1], [4, 3, 8]]`` are accepted too).
Verification:
    The rules are checked: n rows of n integers, each of 1..n^2 exactly once, every given kept,
    every row, column and main diagonal summing to the magic constant. Since the completion was
    proved unique, a rule-abiding square is the solution. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

SIZES = (3, 4, 5)
MIN_GIVENS = {3: 2, 4: 4, 5: 9}
_MAX_ATTEMPTS = 30
_FILL_BUDGET = 500  # search nodes per random fill before a restart (the fill time is heavy-tailed)
_FILL_RESTARTS = 2_000
_PROOF_BUDGET = 200_000  # search nodes for one uniqueness proof; past it the cell stays given


class _OutOfBudget(Exception):
    pass


class Geometry:
    """The lines (rows, columns, two diagonals) of an n x n square and the lines through each cell."""

    def __init__(self, size: int) -> None:
        self.size, self.cells, self.top = size, size * size, size * size
        self.magic = size * (size * size + 1) // 2
        rows = [[r * size + c for c in range(size)] for r in range(size)]
        cols = [[r * size + c for r in range(size)] for c in range(size)]
        diagonals = [[i * size + i for i in range(size)], [i * size + size - 1 - i for i in range(size)]]
        self.lines = [tuple(line) for line in rows + cols + diagonals]
        self.lines_of = [tuple(i for i, line in enumerate(self.lines) if cell in line)
                         for cell in range(self.cells)]
        # the order lines are filled in: first row, first column, both diagonals, then rows and
        # columns alternately (fills that cross early prune far more than row after row)
        self.order = [0, size, 2 * size, 2 * size + 1]
        for i in range(1, size):
            self.order += [i, size + i]


@cache
def geometry(size: int) -> Geometry:
    return Geometry(size)


class Search:
    """Exact search over partial squares (0 = empty): counts or samples completions."""

    def __init__(self, geo: Geometry, puzzle: list[int], rng: random.Random | None = None,
                 budget: int = _PROOF_BUDGET) -> None:
        self.geo, self.grid, self.rng, self.budget = geo, puzzle[:], rng, budget
        self.used = 0
        for value in puzzle:
            if value:
                self.used |= 1 << value
        self.sums = [sum(puzzle[c] for c in line) for line in geo.lines]
        self.empty = [sum(1 for c in line if not puzzle[c]) for line in geo.lines]
        self.found: list[int] | None = None
        self.banned: tuple[int, int] = (-1, 0)

    def _fits(self, cell: int, value: int, free: list[int], prefix: list[int]) -> bool:
        """Whether every line through ``cell`` can still reach the constant after placing ``value``."""
        geo = self.geo
        for line in geo.lines_of[cell]:
            left, rest = self.empty[line] - 1, geo.magic - self.sums[line] - value
            if left == 0:
                if rest:
                    return False
                continue
            count = len(free)
            if left >= count:
                return False
            # the smallest and largest sums of `left` unused numbers other than `value`
            low = prefix[left + 1] - value if free[left - 1] >= value else prefix[left]
            if free[count - left] <= value:
                high = prefix[count] - prefix[count - left - 1] - value
            else:
                high = prefix[count] - prefix[count - left]
            if not low <= rest <= high:
                return False
        return True

    def count(self, limit: int) -> int:
        """Completions up to ``limit``; the first one found is kept in ``found``."""
        geo = self.geo
        self.budget -= 1
        if self.budget < 0:
            raise _OutOfBudget
        best = next((line for line, empty in enumerate(self.empty) if empty == 1), -1)
        if best < 0:
            best = next((line for line in geo.order if self.empty[line]), -1)
        if best < 0:
            if self.found is None:
                self.found = self.grid[:]
            return 1
        cell = next(c for c in geo.lines[best] if not self.grid[c])
        free = [v for v in range(1, geo.top + 1) if not self.used >> v & 1]
        if self.empty[best] == 1:
            value = geo.magic - self.sums[best]
            values = [value] if 1 <= value <= geo.top and not self.used >> value & 1 else []
        else:
            values = free[:]
            if self.rng is not None:
                self.rng.shuffle(values)
        prefix = [0]
        for v in free:
            prefix.append(prefix[-1] + v)
        total = 0
        for value in values:
            if (cell, value) == self.banned or not self._fits(cell, value, free, prefix):
                continue
            self._place(cell, value)
            total += self.count(limit - total)
            self._remove(cell, value)
            if total >= limit:
                break
        return total

    def _place(self, cell: int, value: int) -> None:
        self.grid[cell] = value
        self.used |= 1 << value
        for line in self.geo.lines_of[cell]:
            self.sums[line] += value
            self.empty[line] -= 1

    def _remove(self, cell: int, value: int) -> None:
        self.grid[cell] = 0
        self.used ^= 1 << value
        for line in self.geo.lines_of[cell]:
            self.sums[line] -= value
            self.empty[line] += 1


def random_square(geo: Geometry, rng: random.Random) -> list[int]:
    """A random normal magic square (row-major), by randomised search with restarts."""
    for _ in range(_FILL_RESTARTS):
        search = Search(geo, [0] * geo.cells, rng, _FILL_BUDGET)
        try:
            if search.count(1) and search.found is not None:
                return search.found
        except _OutOfBudget:
            continue
    raise GenerationError(f"magic_square: no {geo.size}x{geo.size} square found")


def has_other_completion(geo: Geometry, puzzle: list[int], cell: int, value: int) -> bool:
    """Whether some magic square keeps the givens of ``puzzle`` and does not put ``value`` at ``cell``."""
    search = Search(geo, puzzle)
    search.banned = (cell, value)
    return search.count(1) > 0


def dig(solution: list[int], givens: int, geo: Geometry, rng: random.Random) -> list[int] | None:
    """Remove cells in random order while the completion stays unique; None if stuck above ``givens``."""
    puzzle = solution[:]
    order = list(range(geo.cells))
    rng.shuffle(order)
    left = geo.cells
    for cell in order:
        if left == givens:
            break
        value = puzzle[cell]
        puzzle[cell] = 0
        try:
            other = has_other_completion(geo, puzzle, cell, value)
        except _OutOfBudget:
            other = True  # not proved unique within the budget: keep the cell
        if other:
            puzzle[cell] = value
        else:
            left -= 1
    return puzzle if left == givens else None


def rows_of(grid: list[int], size: int) -> list[list[int]]:
    return [grid[r * size:(r + 1) * size] for r in range(size)]


def _render(grid: list[int], size: int) -> str:
    width = len(str(size * size))
    return "\n".join(" ".join((str(v) if v else ".").rjust(width) for v in row) for row in rows_of(grid, size))


def _question(puzzle: list[int], geo: Geometry) -> str:
    n, top = geo.size, geo.top
    example = " ".join(["a", "b", "c", "d", "e"][:n])
    return (
        f"Complete this {n}x{n} magic square: fill every empty cell ('.') with a number from 1 to {top} so "
        f"that every number from 1 to {top} is used exactly once and every row, every column and both "
        f"main diagonals sum to {geo.magic}. The given numbers must stay where they are. The completion "
        "is unique.\n\n" + _render(puzzle, n) + "\n\n"
        f"Answer with the completed square: {n} lines, one per row from top to bottom, each with the {n} "
        f"numbers of that row separated by spaces (like: {example})."
    )


def generate(rng: random.Random, *, size: int, givens: int) -> Problem:
    if size not in SIZES:
        raise InvalidParameterError(f"magic_square: expected size among {list(SIZES)}, found {size!r}")
    if not MIN_GIVENS[size] <= givens < size * size:
        raise InvalidParameterError(
            f"magic_square: expected givens between {MIN_GIVENS[size]} and {size * size - 1} for size "
            f"{size}, found {givens}")
    geo = geometry(size)
    for _ in range(_MAX_ATTEMPTS):
        solution = random_square(geo, rng)
        puzzle = dig(solution, givens, geo, rng)
        if puzzle is None:
            continue
        data = {"size": size, "magic": geo.magic, "puzzle": rows_of(puzzle, size),
                "solution": rows_of(solution, size)}
        reference = "\n".join(" ".join(str(v) for v in row) for row in data["solution"])
        return Problem(question=_question(puzzle, geo), data=data, reference=reference)
    raise GenerationError(f"magic_square: no {size}x{size} square with {givens} unique givens "
                          f"in {_MAX_ATTEMPTS} attempts")
