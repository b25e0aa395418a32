"""Skyscrapers: fill an n x n grid with building heights from edge visibility clues; the solution is unique.

Description:
    Every row and every column holds the heights 1..n once each (a Latin square). A clue outside
    the grid says how many buildings are visible from that side looking along the row or column:
    a building is hidden when a taller one stands in front of it. A random Latin square is made
    by a randomised backtracking fill and all 4n clues are computed from it. The full clue set
    of a random square is often not unique (most 7x7 squares have a twin with the same clues),
    so while the solver finds a second solution, one cell where it differs is given inside the
    grid. Then clues are removed in a random order while the solution stays unique, and last
    the given cells that are no longer needed. Uniqueness is proved by an exact solver:
    every row and column keeps the set of permutations of 1..n that match its clues and the
    current cell candidates (held as big-integer bitsets indexed by position and height, so one
    line is filtered with a few dozen integer operations), propagation runs to a fixpoint, and
    the search branches on the cell with the fewest candidates (a proof that runs past its node
    budget counts as "not unique"). A dig that gets stuck above the wanted clue count starts
    again on a new square.
Difficulty:
    size: 4 at levels 1-2, 5 at levels 3-4, 6 at levels 5-7, 7 at levels 8-10.
    clues: how many of the 4n edge clues are shown (12 of 16 at level 1 down to 11 of 28 at
        level 10); fewer clues need longer chains of deduction. The number of given cells is
        not a knob: it is the few that uniqueness needs (about 1 at 4x4, 5 to 6 at 7x7).
Prompt:
    "Solve this 5x5 skyscrapers puzzle. Fill the grid with building heights 1 to 5 so that
    every row and every column contains each height exactly once. A number outside the grid
    tells how many buildings are visible from that side ..." then the grid with its clues around
    it ('.' an empty cell, digits the given cells), the clues also listed per side ('-' for no
    clue), and the answer format. The puzzle has exactly one solution.
Answer format:
    The filled grid, one row per line from top to bottom, heights separated by spaces
    (``2 1 4 3``). Digits written together (``2143``), commas, a list of lists, or all the cells
    on one line in row-major order are accepted too.
Verification:
    The rules are checked: every cell a height 1..n, every given cell kept, every row and column
    a permutation, every shown clue matched by the number of visible buildings. Since uniqueness was proved at
    generation, a rule-abiding grid is the solution. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache
from itertools import permutations

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIZE, MAX_SIZE = 4, 7
_MAX_ATTEMPTS = 40
_PROOF_BUDGET = 20_000  # search nodes for one uniqueness proof; past it the clue stays
SIDES = ("top", "bottom", "left", "right")


class _OutOfBudget(Exception):
    pass


def visible(heights: list[int] | tuple[int, ...]) -> int:
    """How many buildings are seen looking along the line from its start."""
    count = tallest = 0
    for h in heights:
        if h > tallest:
            count, tallest = count + 1, h
    return count


@cache
def _line_table(size: int, start: int, end: int) -> tuple[int, tuple[tuple[int, ...], ...]]:
    """Perms of 1..size matching the clues (0 = none): a bitset of all, and per (position, height) the perms there."""
    perms = [p for p in permutations(range(1, size + 1))
             if (not start or visible(p) == start) and (not end or visible(p[::-1]) == end)]
    index = [[0] * (size + 1) for _ in range(size)]
    for i, perm in enumerate(perms):
        bit = 1 << i
        for position, height in enumerate(perm):
            index[position][height] |= bit
    return (1 << len(perms)) - 1, tuple(tuple(row) for row in index)


class Puzzle:
    """The lines of an n x n skyscrapers puzzle with its clues, ready for the solver."""

    def __init__(self, size: int, clues: dict[str, list[int]]) -> None:
        self.size = size
        self.lines = [tuple(r * size + c for c in range(size)) for r in range(size)]
        self.lines += [tuple(r * size + c for r in range(size)) for c in range(size)]
        pairs = list(zip(clues["left"], clues["right"], strict=True)) + \
            list(zip(clues["top"], clues["bottom"], strict=True))
        self.tables = [_line_table(size, a, b) for a, b in pairs]
        self.lines_of = [(cell // size, size + cell % size) for cell in range(size * size)]

    def _filter(self, line: int, cand: list[int]) -> int:
        """Perms of one line that fit the candidates (a bitset); the candidates are narrowed in place.

        Returns -1 on a contradiction, else a bitmask of the line positions whose candidates shrank.
        """
        full, index = self.tables[line]
        cells = self.lines[line]
        alive = full
        for position, cell in enumerate(cells):
            mask, allowed, table = cand[cell], 0, index[position]
            while mask:
                low = mask & -mask
                allowed |= table[low.bit_length()]
                mask ^= low
            alive &= allowed
            if not alive:
                return -1
        changed = 0
        for position, cell in enumerate(cells):
            mask, kept, table = cand[cell], 0, index[position]
            rest = mask
            while rest:
                low = rest & -rest
                if table[low.bit_length()] & alive:
                    kept |= low
                rest ^= low
            if kept != mask:
                cand[cell] = kept
                changed |= 1 << position
        return changed

    def propagate(self, cand: list[int], dirty: set[int]) -> bool:
        """Filter lines until nothing changes; False on a contradiction."""
        size = self.size
        while dirty:
            line = dirty.pop()
            changed = self._filter(line, cand)
            if changed < 0:
                return False
            for position in range(size):
                if changed >> position & 1:
                    cell = self.lines[line][position]
                    dirty.update(self.lines_of[cell])
        return True

    def count(self, cand: list[int], limit: int, budget: list[int], dirty: set[int] | None = None,
              found_grids: list[list[int]] | None = None) -> int:
        """Solutions (up to ``limit``) below a candidate grid; ``cand`` is consumed.

        The solutions found are appended to ``found_grids`` (as candidate grids of single bits).
        """
        budget[0] -= 1
        if budget[0] < 0:
            raise _OutOfBudget
        if not self.propagate(cand, set(range(2 * self.size)) if dirty is None else dirty):
            return 0
        best, best_count = -1, 99
        for cell, mask in enumerate(cand):
            if mask & (mask - 1):
                count = mask.bit_count()
                if count < best_count:
                    best, best_count = cell, count
        if best < 0:
            if found_grids is not None:
                found_grids.append(cand)
            return 1
        found, mask = 0, cand[best]
        while mask and found < limit:
            low = mask & -mask
            mask ^= low
            child = cand[:]
            child[best] = low
            found += self.count(child, limit - found, budget, set(self.lines_of[best]), found_grids)
        return found

    def solutions(self, givens: dict[int, int], limit: int = 2, budget: int = _PROOF_BUDGET) -> list[list[int]]:
        """Up to ``limit`` solutions (heights in row-major order) that keep the given cells.

        Raises _OutOfBudget past ``budget`` search nodes.
        """
        full = (1 << self.size) - 1
        cand = [1 << (givens[cell] - 1) if cell in givens else full for cell in range(self.size * self.size)]
        grids: list[list[int]] = []
        self.count(cand, limit, [budget], None, grids)
        return [[bit.bit_length() for bit in grid] for grid in grids]


def random_latin(size: int, rng: random.Random) -> list[list[int]]:
    """A random Latin square by a randomised backtracking fill, cell by cell in row-major order."""
    full = (1 << size) - 1
    for _ in range(_MAX_ATTEMPTS):
        grid = [[0] * size for _ in range(size)]
        rows, cols = [0] * size, [0] * size
        if _fill(grid, rows, cols, 0, size, full, rng, [20_000]):
            return grid
    raise GenerationError(f"skyscrapers: no {size}x{size} Latin square found")


def _fill(grid, rows, cols, cell, size, full, rng, budget) -> bool:
    if cell == size * size:
        return True
    budget[0] -= 1
    if budget[0] < 0:
        return False
    r, c = divmod(cell, size)
    options = [h for h in range(1, size + 1) if (full & ~(rows[r] | cols[c])) >> (h - 1) & 1]
    rng.shuffle(options)
    for h in options:
        bit = 1 << (h - 1)
        grid[r][c] = h
        rows[r] |= bit
        cols[c] |= bit
        if _fill(grid, rows, cols, cell + 1, size, full, rng, budget):
            return True
        rows[r] ^= bit
        cols[c] ^= bit
    grid[r][c] = 0
    return False


def all_clues(grid: list[list[int]]) -> dict[str, list[int]]:
    columns = [list(col) for col in zip(*grid, strict=True)]
    return {"top": [visible(col) for col in columns], "bottom": [visible(col[::-1]) for col in columns],
            "left": [visible(row) for row in grid], "right": [visible(row[::-1]) for row in grid]}


def is_unique(size: int, clues: dict[str, list[int]], givens: dict[int, int]) -> bool:
    """Whether clues and given cells have exactly one solution (past the budget counts as not unique)."""
    try:
        return len(Puzzle(size, clues).solutions(givens, 2)) == 1
    except _OutOfBudget:
        return False


def _givens_for_full_clues(solution: list[int], clues: dict[str, list[int]],
                           rng: random.Random) -> dict[int, int] | None:
    """Given cells that, with every clue shown, leave one solution: while a second solution
    exists, a random cell where it differs from ``solution`` is given."""
    size = len(clues["top"])
    puzzle, givens = Puzzle(size, clues), {}
    for _ in range(size * size):
        try:
            found = puzzle.solutions(givens, 2)
        except _OutOfBudget:
            return None
        others = [grid for grid in found if grid != solution]
        if len(found) == 1 and not others:
            return givens
        differ = [cell for cell in range(size * size) if others[0][cell] != solution[cell]]
        cell = differ[int(rng.random() * len(differ))]
        givens[cell] = solution[cell]
    return None


def dig(grid: list[list[int]], wanted: int, rng: random.Random) -> tuple[dict[str, list[int]], dict[int, int]] | None:
    """Clues and given cells with a unique solution and ``wanted`` clues; None if the dig gets stuck.

    All clues are shown first (with given cells added until the solution is unique), then clues
    are removed in random order while the solution stays unique, then given cells likewise.
    """
    size = len(grid)
    solution = [h for row in grid for h in row]
    clues = all_clues(grid)
    givens = _givens_for_full_clues(solution, clues, rng)
    if givens is None:
        return None
    spots = [(side, i) for side in SIDES for i in range(size)]
    rng.shuffle(spots)
    left = 4 * size
    for side, i in spots:
        if left == wanted:
            break
        value = clues[side][i]
        clues[side][i] = 0
        if is_unique(size, clues, givens):
            left -= 1
        else:
            clues[side][i] = value
    if left != wanted:
        return None
    order = sorted(givens)
    rng.shuffle(order)
    for cell in order:
        value = givens.pop(cell)
        if not is_unique(size, clues, givens):
            givens[cell] = value
    return clues, givens


def render(size: int, clues: dict[str, list[int]], cells: list[str]) -> str:
    """The grid (rows of heights and '.') with its clues around it; a side with no clue is blank."""
    def mark(value: int) -> str:
        return str(value) if value else " "

    lines = ["  " + " ".join(mark(v) for v in clues["top"])]
    for r in range(size):
        row = " ".join(cells[r])
        lines.append(f"{mark(clues['left'][r])} {row} {mark(clues['right'][r])}")
    lines.append("  " + " ".join(mark(v) for v in clues["bottom"]))
    return "\n".join(line.rstrip() for line in lines)


def _listing(size: int, clues: dict[str, list[int]]) -> str:
    def seq(values: list[int]) -> str:
        return ", ".join(str(v) if v else "-" for v in values)

    return (f"Top (columns 1 to {size}, looking down): {seq(clues['top'])}\n"
            f"Bottom (columns 1 to {size}, looking up): {seq(clues['bottom'])}\n"
            f"Left (rows 1 to {size}, looking right): {seq(clues['left'])}\n"
            f"Right (rows 1 to {size}, looking left): {seq(clues['right'])}")


def _question(size: int, clues: dict[str, list[int]], cells: list[str]) -> str:
    given = any(ch != "." for row in cells for ch in row)
    given_text = (" Some heights are already given inside the grid and must stay; '.' is an empty "
                  "cell.") if given else " '.' is an empty cell."
    example = " ".join(str(h) for h in range(1, size + 1))
    return (
        f"Solve this {size}x{size} skyscrapers puzzle. Fill the grid with building heights 1 to {size} so "
        f"that every row and every column contains each height from 1 to {size} exactly once. A number "
        "outside the grid tells how many buildings are visible from that side, looking along that row "
        "or column: a building is hidden when a taller building stands in front of it. A side without "
        f"a number has no clue.{given_text} The puzzle has exactly one solution.\n\n"
        + render(size, clues, cells) + "\n\nThe same clues listed ('-' means no clue):\n" + _listing(size, clues)
        + f"\n\nAnswer with the filled grid: {size} lines, one per row from top to bottom, each with the "
        f"{size} heights of that row separated by spaces (for example: {example})."
    )


def generate(rng: random.Random, *, size: int, clues: int) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"skyscrapers: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not size <= clues <= 4 * size:
        raise InvalidParameterError(
            f"skyscrapers: expected clues between {size} and {4 * size} for size {size}, found {clues}")
    for _ in range(_MAX_ATTEMPTS):
        grid = random_latin(size, rng)
        dug = dig(grid, clues, rng)
        if dug is None:
            continue
        shown, givens = dug
        cells = ["".join(str(givens[r * size + c]) if r * size + c in givens else "." for c in range(size))
                 for r in range(size)]
        data = {"size": size, "clues": shown, "givens": cells,
                "solution": ["".join(map(str, row)) for row in grid]}
        reference = "\n".join(" ".join(row) for row in data["solution"])
        return Problem(question=_question(size, shown, cells), data=data, reference=reference)
    raise GenerationError(f"skyscrapers: no {size}x{size} puzzle with {clues} unique clues in {_MAX_ATTEMPTS} attempts")
