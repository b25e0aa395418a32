"""Magic square completion: fill a partly given n x n normal magic square whose completion is unique.

Description:
    A normal magic square holds 1..n^2 once each, and every row, every column and both main
    diagonals sum to the magic constant n(n^2 + 1)/2.
    Sizes 3 and 4 draw the square uniformly from the table of every magic square of that size
    (the 8 rotations and reflections of the Lo Shu square; the 7,040 images of the 880 4x4
    squares shipped in ``bootcamps/data/magic_squares_4x4.txt``). For each cell and number the
    table keeps a bitset of the squares with that number there, so the squares that keep a set
    of givens are the AND of their bitsets: cells are removed in a random order while exactly
    one square keeps the remaining givens, which is a complete proof of uniqueness.
    Size 5 (275,305,224 squares up to symmetry, too many to list) uses an exact search: a random
    full square is found by a randomised search over the lines (a line with one empty cell
    forces its value; else the first row, first column, the diagonals, then rows and columns
    alternately; a value is tried only while every line through the cell can still reach the
    constant with the unused numbers). Cells are then removed in a random order while the
    completion stays unique: the same search must prove that no magic square keeps the
    remaining givens and puts another number in the removed cell (past its node budget the
    cell stays given). For speed the search remembers its next cell per set of filled cells and
    the unused numbers per set of used ones, finds the values that fit a line as bit ranges,
    follows chains of forced cells in a loop and draws its shuffles inline.
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
    v1: first version (every size by search; 4x4 at about 280 instances/s); removed.
    v2: sizes 3 and 4 from the table of all their squares with bitset uniqueness proofs (no node
        budget, about 20x faster at level 5); size 5 unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from itertools import accumulate

import numpy as np

from bootcamps.data import magic_squares_4x4
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

SIZES = (3, 4, 5)
MIN_GIVENS = {3: 2, 4: 4, 5: 9}
_MAX_ATTEMPTS = 30
_TABLE_ATTEMPTS = 500  # digs from the table are cheap (about 50 us)
_LO_SHU = (2, 7, 6, 9, 5, 1, 4, 3, 8)
_FILL_BUDGET = 500  # search nodes per random fill before a restart (the fill time is heavy-tailed)
_FILL_RESTARTS = 2_000
_PROOF_BUDGET = 200_000  # search nodes for one uniqueness proof; past it the cell stays given


class _OutOfBudget(Exception):
    pass


_CACHE_LIMIT = 100_000  # states remembered per geometry before a cache is cleared (4x4 has 65,536)
_UNKNOWN = (-1, -1, ())


class Geometry:
    """The lines (rows, columns, two diagonals) of an n x n square and the lines through each cell.

    It also remembers, per set of filled cells, the search's next step (``plan``), and per set
    of used numbers the unused ones with their prefix sums (``unused``).
    """

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
        self.line_masks = [sum(1 << c for c in line) for line in self.lines]
        self.numbers = (1 << (self.top + 1)) - 2  # the bits of 1..top
        self.known_plans: dict[int, tuple[int, int, tuple[tuple[int, int], ...]] | None] = {}
        self.known_unused: dict[int, tuple[tuple[int, ...], tuple[int, ...], int]] = {}

    def plan(self, filled: int) -> tuple[int, int, tuple[tuple[int, int], ...]] | None:
        """The next cell to fill when the cells in bitmask ``filled`` are: (cell, the line that
        forces its value or -1, (line, empty cells left after it) for each line through it); None
        when the square is full. The first line with one empty cell forces, else the first line
        of ``order`` with an empty cell is filled next, at its first empty cell."""
        if filled in self.known_plans:
            return self.known_plans[filled]
        empty = [(mask & ~filled).bit_count() for mask in self.line_masks]
        best = next((line for line, count in enumerate(empty) if count == 1), -1)
        if best < 0:
            best = next((line for line in self.order if empty[line]), -1)
        plan = None
        if best >= 0:
            cell = next(c for c in self.lines[best] if not filled >> c & 1)
            plan = (cell, best if empty[best] == 1 else -1,
                    tuple((line, empty[line] - 1) for line in self.lines_of[cell]))
        if len(self.known_plans) > _CACHE_LIMIT:
            self.known_plans.clear()
        self.known_plans[filled] = plan
        return plan

    def unused(self, used: int) -> tuple[tuple[int, ...], tuple[int, ...], int]:
        """The numbers not in bitmask ``used`` (ascending), their prefix sums, and their bitmask."""
        found = self.known_unused.get(used)
        if found is None:
            free_mask = self.numbers & ~used
            free = tuple(v for v in range(1, self.top + 1) if free_mask >> v & 1)
            if len(self.known_unused) > _CACHE_LIMIT:
                self.known_unused.clear()
            found = self.known_unused[used] = (free, tuple(accumulate(free, initial=0)), free_mask)
        return found


@cache
def geometry(size: int) -> Geometry:
    return Geometry(size)


# for each list length, the (index, bits drawn) of every step of random.shuffle's swaps
_SHUFFLE_STEPS = [tuple((i, (i + 1).bit_length()) for i in range(length - 1, 0, -1)) for length in range(26)]


def _exact_shuffle(rng: random.Random) -> tuple[Callable[[list[int]], None], Callable[[int], None]]:
    """``rng.shuffle``, and a function that makes the draws of shuffling a list of a given length
    without the list (for when the order cannot matter). For a plain ``random.Random`` both draw
    inline (faster): ``Random.shuffle`` swaps item i with item ``_randbelow(i + 1)``, which
    draws ``getrandbits((i + 1).bit_length())`` until the draw is at most i."""
    if type(rng) is not random.Random:
        return rng.shuffle, lambda length: rng.shuffle([0] * length)
    getrandbits = rng.getrandbits

    def shuffle(values: list[int]) -> None:
        for i, k in _SHUFFLE_STEPS[len(values)]:
            j = getrandbits(k)
            while j > i:
                j = getrandbits(k)
            values[i], values[j] = values[j], values[i]

    def draw(length: int) -> None:
        for i, k in _SHUFFLE_STEPS[length]:
            while getrandbits(k) > i:
                pass

    return shuffle, draw


class Search:
    """Exact search over partial squares (0 = empty): counts or samples completions.

    A number goes in a cell only while every line through the cell can still reach the
    constant with the unused numbers: the smallest and largest sums of as many of them as the
    line has empty cells left, not counting the number itself.
    """

    def __init__(self, geo: Geometry, puzzle: list[int], rng: random.Random | None = None,
                 budget: int = _PROOF_BUDGET) -> None:
        self.geo, self.grid, self.budget = geo, puzzle[:], budget
        self.draws = None if rng is None else _exact_shuffle(rng)
        self.used = self.filled = 0
        for cell, value in enumerate(puzzle):
            if value:
                self.used |= 1 << value
                self.filled |= 1 << cell
        self.sums = [sum(puzzle[c] for c in line) for line in geo.lines]
        self.found: list[int] | None = None
        self.banned: tuple[int, int] = (-1, 0)

    def count(self, limit: int) -> int:
        """Completions up to ``limit``; the first one found is kept in ``found``.

        Each call below is one search node, as is each cell of a chain of forced cells (those
        are followed in a loop); past the budget of nodes _OutOfBudget is raised.
        """
        geo, grid, sums = self.geo, self.grid, self.sums
        shuffle, draw = self.draws if self.draws is not None else (None, None)
        magic, plans, plan_of, unused, unused_of = geo.magic, geo.known_plans, geo.plan, geo.known_unused, geo.unused
        lines_of = geo.lines_of
        banned_cell, banned_value = self.banned
        budget = self.budget

        def allowed_values(lines: tuple[tuple[int, int], ...], free: tuple[int, ...],
                           prefix: tuple[int, ...], allowed: int) -> int:
            """The values v (a bitmask) that pass the line check made for a forced value in
            ``node``, found per line as bit ranges: v among the `left` smallest unused numbers
            (then low = prefix[left + 1] - v) or above them, and v among the `left` largest
            (then high = prefix[count] - prefix[count - left - 1] - v) or below them."""
            count = len(free)
            for line, left in lines:
                rest = magic - sums[line]  # what the cell and the other empty cells add up to
                if not left:
                    allowed &= 1 << rest if rest > 0 else 0
                    continue
                small, big = free[left - 1], free[count - left]
                top = rest - prefix[left]
                low = (1 << top + 1) - (1 << small + 1) if top > small else 0
                if prefix[left + 1] <= rest:
                    low |= (1 << small + 1) - 1
                bottom = max(rest - prefix[count] + prefix[count - left], 0)
                high = (1 << big) - (1 << bottom) if bottom < big else 0
                if rest <= prefix[count] - prefix[count - left - 1]:
                    high |= -1 << big
                allowed &= low & high
            return allowed

        def node(filled: int, used: int, limit: int) -> int:
            nonlocal budget
            chain: list[tuple[int, int]] = []
            while True:
                budget -= 1
                if budget < 0:
                    raise _OutOfBudget
                plan = plans.get(filled, _UNKNOWN)
                if plan is _UNKNOWN:
                    plan = plan_of(filled)
                if plan is None:
                    if self.found is None:
                        self.found = grid[:]
                    total = 1
                    break
                cell, forced, lines = plan
                free_info = unused.get(used)
                free, prefix, free_mask = free_info if free_info is not None else unused_of(used)
                if forced < 0:
                    total = branch(filled, used, limit, cell, lines, free, prefix, free_mask)
                    break
                value = magic - sums[forced]
                total = 0
                if value <= 0 or not free_mask >> value & 1 or (cell == banned_cell and value == banned_value):
                    break
                count = len(free)
                # every line through the cell must still reach the constant: the smallest and
                # largest sums of `left` unused numbers other than `value` (inline: the hottest
                # check of the search)
                for line, left in lines:
                    rest = magic - sums[line] - value
                    if not left:
                        if rest:
                            break
                        continue
                    low = prefix[left + 1] - value if free[left - 1] >= value else prefix[left]
                    if free[count - left] <= value:
                        high = prefix[count] - prefix[count - left - 1] - value
                    else:
                        high = prefix[count] - prefix[count - left]
                    if not low <= rest <= high:
                        break
                else:
                    grid[cell] = value
                    for line in lines_of[cell]:
                        sums[line] += value
                    chain.append((cell, value))
                    filled |= 1 << cell
                    used |= 1 << value
                    continue
                break
            for cell, value in reversed(chain):
                grid[cell] = 0
                for line in lines_of[cell]:
                    sums[line] -= value
            return total

        def branch(filled: int, used: int, limit: int, cell: int, lines: tuple[tuple[int, int], ...],
                   free: tuple[int, ...], prefix: tuple[int, ...], free_mask: int) -> int:
            allowed = allowed_values(lines, free, prefix, free_mask)
            if cell == banned_cell and banned_value > 0:
                allowed &= ~(1 << banned_value)
            if shuffle is None:
                values = free
            elif allowed & (allowed - 1):
                values = list(free)
                shuffle(values)
            else:  # at most one value to try: the shuffle's draws are made, its order is moot
                draw(len(free))
                values = (allowed.bit_length() - 1,) if allowed else ()
            through = lines_of[cell]
            total = 0
            for value in values:
                if not allowed >> value & 1:
                    continue
                grid[cell] = value
                for line in through:
                    sums[line] += value
                total += node(filled | 1 << cell, used | 1 << value, limit - total)
                grid[cell] = 0
                for line in through:
                    sums[line] -= value
                if total >= limit:
                    break
            return total

        try:
            return node(self.filled, self.used, limit)
        finally:
            self.budget = budget


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


def _images(square: tuple[int, ...], size: int) -> list[tuple[int, ...]]:
    """The 8 rotations and reflections of a square (row-major)."""
    grid = [square[r * size:(r + 1) * size] for r in range(size)]
    images = []
    for _ in range(4):
        grid = [tuple(row) for row in zip(*grid[::-1], strict=True)]
        images += [tuple(v for row in grid for v in row), tuple(v for row in grid for v in row[::-1])]
    return images


@cache
def all_squares(size: int) -> tuple[tuple[int, ...], ...]:
    """Every normal magic square of size 3 or 4 (row-major), sorted."""
    essentially_different = [_LO_SHU] if size == 3 else magic_squares_4x4()
    return tuple(sorted({image for square in essentially_different for image in _images(square, size)}))


@cache
def _holders(size: int) -> tuple[tuple[int, ...], ...]:
    """For each cell and number, the bitset of the squares (bit i: ``all_squares(size)[i]``) with
    that number in that cell."""
    table = np.array(all_squares(size), dtype=np.int8)
    return tuple(tuple(int.from_bytes(np.packbits(table[:, cell] == value, bitorder="little").tobytes(), "little")
                       for value in range(size * size + 1))
                 for cell in range(size * size))


def dig_table(size: int, index: int, givens: int, rng: random.Random) -> list[int] | None:
    """Remove cells of ``all_squares(size)[index]`` in random order while it stays the only square
    that keeps the givens; None if stuck above ``givens``."""
    solution, holders = all_squares(size)[index], _holders(size)
    order = list(range(size * size))
    rng.shuffle(order)
    kept = set(order)
    for cell in order:
        if len(kept) == givens:
            break
        keeping = -1
        for other in kept:
            if other != cell:
                keeping &= holders[other][solution[other]]
        if keeping == 1 << index:
            kept.discard(cell)
    if len(kept) > givens:
        return None
    return [value if cell in kept else 0 for cell, value in enumerate(solution)]


def _puzzle_and_solution(size: int, givens: int, rng: random.Random) -> tuple[list[int], list[int]] | None:
    """A unique puzzle and its solution (row-major), or None when every attempt got stuck."""
    if size in (3, 4):
        count = len(all_squares(size))
        for _ in range(_TABLE_ATTEMPTS):
            index = rng.randrange(count)
            puzzle = dig_table(size, index, givens, rng)
            if puzzle is not None:
                return puzzle, list(all_squares(size)[index])
        return None
    geo = geometry(size)
    for _ in range(_MAX_ATTEMPTS):
        solution = random_square(geo, rng)
        puzzle = dig(solution, givens, geo, rng)
        if puzzle is not None:
            return puzzle, solution
    return None


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
    found = _puzzle_and_solution(size, givens, rng)
    if found is None:
        raise GenerationError(f"magic_square: no {size}x{size} square with {givens} unique givens found")
    puzzle, solution = found
    geo = geometry(size)
    data = {"size": size, "magic": geo.magic, "puzzle": rows_of(puzzle, size), "solution": rows_of(solution, size)}
    reference = "\n".join(" ".join(str(v) for v in row) for row in data["solution"])
    return Problem(question=_question(puzzle, geo), data=data, reference=reference)
