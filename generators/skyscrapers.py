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
    current cell candidates (a big-integer bitset, cut with one precomputed bitset per position
    and candidate mask whenever a cell narrows), each cell keeps the heights its lines' perms
    still allow, propagation runs to a fixpoint, and the search branches on the first cell with
    the fewest candidates (a proof that runs past its node budget counts as "not unique").
    Propagation only narrows and reaches the same fixpoint from any start at or above it, so a
    search starts from the fixpoint of a subset of its clues and givens (the clues already kept,
    or no givens) without changing its tree. A dig that gets stuck above the wanted clue count
    starts again on a new square.
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


# perm sets remembered per clue pair before that memo is cleared (a 7x7 perm set can take 600 bytes)
_MEMO_LIMIT = 20_000
_FEW_PERMS = 24  # up to this many perms left, a line's heights are read off the perms themselves


class LineTable:
    """The perms of 1..size that match a line's clues (0 = none), indexed for fast filtering.

    ``allowed[position][mask]`` is the bitset of perms whose height at ``position`` is in ``mask``;
    ``packed[i]`` is perm i as one integer (its height bit at position p shifted by p * size), so
    the heights still possible at every position are the OR of a few integers.
    """

    def __init__(self, size: int, start: int, end: int) -> None:
        perms = [p for p in permutations(range(1, size + 1))
                 if (not start or visible(p) == start) and (not end or visible(p[::-1]) == end)]
        index = [[0] * size for _ in range(size)]
        for i, perm in enumerate(perms):
            for position, height in enumerate(perm):
                index[position][height - 1] |= 1 << i
        self.size, self.full, self.index = size, (1 << len(perms)) - 1, index
        self.allowed = []
        for row in index:
            table = [0] * (1 << size)
            for mask in range(1, 1 << size):
                low = mask & -mask
                table[mask] = table[mask ^ low] | row[low.bit_length() - 1]
            self.allowed.append(table)
        self.packed = [sum(1 << (p * size + h - 1) for p, h in enumerate(perm)) for perm in perms]
        self.unions: dict[int, int] = {}

    def union(self, alive: int) -> int:
        """The heights at every position of the perms in bitset ``alive``, packed like ``packed``."""
        union = self.unions.get(alive)
        if union is not None:
            return union
        union, rest = 0, alive
        if alive.bit_count() <= _FEW_PERMS:
            packed = self.packed
            while rest:
                low = rest & -rest
                union |= packed[low.bit_length() - 1]
                rest ^= low
        else:
            for position, heights in enumerate(self.index):
                for height, perms in enumerate(heights):
                    if perms & alive:
                        union |= 1 << (position * self.size + height)
        if len(self.unions) > _MEMO_LIMIT:
            self.unions.clear()
        self.unions[alive] = union
        return union


@cache
def _line_table(size: int, start: int, end: int) -> LineTable:
    return LineTable(size, start, end)


class Puzzle:
    """The lines of an n x n skyscrapers puzzle with its clues, ready for the solver.

    The solver's state, per line (rows, then columns): the candidate heights of its cells packed
    into one integer (the bitmask of position p shifted by p * size; each cell is held by its
    row and by its column), and the bitset of its perms that fit those candidates ("alive").
    """

    def __init__(self, size: int, clues: dict[str, list[int]]) -> None:
        self.size = size
        pairs = list(zip(clues["left"], clues["right"], strict=True)) + \
            list(zip(clues["top"], clues["bottom"], strict=True))
        self.tables = [_line_table(size, a, b) for a, b in pairs]
        self.unions = [table.unions for table in self.tables]
        self.row = (1 << size) - 1
        self.clear = [~(self.row << (p * size)) for p in range(size)]

    def narrow(self, packs: list[int], alive: list[int], cell: int, mask: int) -> None:
        """Set a cell's candidates and cut the perms of its two lines to them."""
        size = self.size
        r, c = divmod(cell, size)
        packs[r] = packs[r] & self.clear[c] | mask << (c * size)
        packs[size + c] = packs[size + c] & self.clear[r] | mask << (r * size)
        alive[r] &= self.tables[r].allowed[c][mask]
        alive[size + c] &= self.tables[size + c].allowed[r][mask]

    def propagate(self, packs: list[int], alive: list[int], dirty: set[int]) -> bool:
        """Filter lines until nothing changes; False on a contradiction.

        Filtering a line keeps at each cell the heights of its alive perms; a narrowed cell cuts
        the perms of its crossing line and makes it dirty. Filtering is idempotent and monotone,
        so the fixpoint (and so the search tree) does not depend on the order lines are filtered in.
        """
        tables, size, row, clear = self.tables, self.size, self.row, self.clear
        unions = self.unions
        while dirty:
            line = dirty.pop()
            perms = alive[line]
            if not perms:
                return False
            union = unions[line].get(perms)
            if union is None:
                union = tables[line].union(perms)
            diff = packs[line] ^ union
            if not diff:
                continue
            packs[line] = union
            base, at = (size, line) if line < size else (0, line - size)
            shift, keep = at * size, clear[at]
            while diff:
                position = ((diff & -diff).bit_length() - 1) // size
                kept = union >> (position * size) & row
                diff &= clear[position]
                other = base + position
                packs[other] = packs[other] & keep | kept << shift
                left = alive[other] & tables[other].allowed[at][kept]
                if not left:
                    return False
                alive[other] = left
                dirty.add(other)
        return True

    def count(self, packs: list[int], alive: list[int], limit: int, budget: list[int], dirty: set[int],
              found_grids: list[list[int]] | None = None) -> int:
        """Solutions (up to ``limit``) below a search state; ``packs`` and ``alive`` are consumed.

        The solutions found are appended to ``found_grids`` (as row packs).
        """
        budget[0] -= 1
        if budget[0] < 0:
            raise _OutOfBudget
        if not self.propagate(packs, alive, dirty):
            return 0
        size, row = self.size, self.row
        best, best_count, best_mask = -1, 99, 0
        for r in range(size):
            pack = packs[r]
            for c in range(size):
                mask = pack >> (c * size) & row
                if mask & (mask - 1):
                    count = mask.bit_count()
                    if count < best_count:
                        best, best_count, best_mask = r * size + c, count, mask
        if best < 0:
            if found_grids is not None:
                found_grids.append(packs[:size])
            return 1
        found, mask = 0, best_mask
        lines = {best // size, size + best % size}
        while mask and found < limit:
            low = mask & -mask
            mask ^= low
            child, child_alive = packs[:], alive[:]
            self.narrow(child, child_alive, best, low)
            found += self.count(child, child_alive, limit - found, budget, set(lines), found_grids)
        return found

    def _start(self, givens: dict[int, int], packs: list[int] | None) -> tuple[list[int], list[int]]:
        """The search state before propagation: ``packs`` (every cell's candidates when None)
        narrowed to the given cells, with each line's perms that fit."""
        size, row = self.size, self.row
        packs = [sum(row << (p * size) for p in range(size))] * (2 * size) if packs is None else packs[:]
        for cell, height in givens.items():
            r, c = divmod(cell, size)
            mask = packs[r] >> (c * size) & row & 1 << (height - 1)
            packs[r] = packs[r] & self.clear[c] | mask << (c * size)
            packs[size + c] = packs[size + c] & self.clear[r] | mask << (r * size)
        alive = []
        for table, pack in zip(self.tables, packs, strict=True):
            perms = table.full
            for position, allowed in enumerate(table.allowed):
                perms &= allowed[pack >> (position * size) & row]
            alive.append(perms)
        return packs, alive

    def fixpoint(self, givens: dict[int, int], packs: list[int] | None = None) -> list[int] | None:
        """The candidates (as line packs) that propagation leaves from the given cells, or None
        on a contradiction; ``packs``, when given, must hold every candidate that the fixpoint
        holds (see ``solutions``)."""
        packs, alive = self._start(givens, packs)
        return packs if self.propagate(packs, alive, set(range(2 * self.size))) else None

    def solutions(self, givens: dict[int, int], limit: int = 2, budget: int = _PROOF_BUDGET,
                  packs: list[int] | None = None, dirty: set[int] | None = None) -> list[list[int]]:
        """Up to ``limit`` solutions (heights in row-major order) that keep the given cells.

        Raises _OutOfBudget past ``budget`` search nodes. ``packs``, when given, is a start
        between the full candidates and the root's fixpoint (such as the fixpoint of fewer clues
        or fewer givens): propagation narrows to the same fixpoint from any such start, so the
        search tree, and so the node count, is the same as from the full candidates. ``dirty``
        may then name the only lines not yet filtered at that start (otherwise all are).
        """
        size, row = self.size, self.row
        if packs is None or dirty is None:
            dirty = set(range(2 * size))
        packs, alive = self._start(givens, packs)
        grids: list[list[int]] = []
        self.count(packs, alive, limit, [budget], dirty, grids)
        return [[(pack >> (c * size) & row).bit_length() for pack in grid for c in range(size)]
                for grid in grids]


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


def is_unique(size: int, clues: dict[str, list[int]], givens: dict[int, int],
              packs: list[int] | None = None, dirty: set[int] | None = None) -> bool:
    """Whether clues and given cells have exactly one solution (past the budget counts as not unique).

    ``packs`` and ``dirty`` are an optional start for the search (see ``Puzzle.solutions``).
    """
    try:
        return len(Puzzle(size, clues).solutions(givens, 2, packs=packs, dirty=dirty)) == 1
    except _OutOfBudget:
        return False


def _lines_of(size: int, givens: dict[int, int]) -> set[int]:
    """The lines (rows, then columns) through the given cells."""
    return {line for cell in givens for line in (cell // size, size + cell % size)}


def _changed_lines(size: int, clues: dict[str, list[int]], kept: dict[str, list[int]]) -> set[int]:
    """The lines (rows, then columns) whose clues differ between two clue sets."""
    return {i + (0 if side in ("left", "right") else size)
            for side in SIDES for i in range(size) if clues[side][i] != kept[side][i]}


def _givens_for_full_clues(solution: list[int], clues: dict[str, list[int]],
                           rng: random.Random) -> dict[int, int] | None:
    """Given cells that, with every clue shown, leave one solution: while a second solution
    exists, a random cell where it differs from ``solution`` is given."""
    size = len(clues["top"])
    puzzle, givens = Puzzle(size, clues), {}
    start = puzzle.fixpoint({})  # each search's givens only narrow it
    for _ in range(size * size):
        try:
            found = puzzle.solutions(givens, 2, packs=start, dirty=_lines_of(size, givens))
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
    Each uniqueness search starts from the fixpoint of a puzzle with a subset of its clues and
    givens: the clues already kept (they stay to the end) or, later, no given cells.
    """
    size = len(grid)
    solution = [h for row in grid for h in row]
    clues = all_clues(grid)
    givens = _givens_for_full_clues(solution, clues, rng)
    if givens is None:
        return None
    kept: dict[str, list[int]] = {side: [0] * size for side in SIDES}
    start = Puzzle(size, kept).fixpoint(givens)
    spots = [(side, i) for side in SIDES for i in range(size)]
    rng.shuffle(spots)
    left = 4 * size
    for side, i in spots:
        if left == wanted:
            break
        value = clues[side][i]
        clues[side][i] = 0
        if is_unique(size, clues, givens, start, _changed_lines(size, clues, kept)):
            left -= 1
        else:
            clues[side][i] = kept[side][i] = value
            start = Puzzle(size, kept).fixpoint(givens, start)
    if left != wanted:
        return None
    order = sorted(givens)
    rng.shuffle(order)
    start = Puzzle(size, clues).fixpoint({})
    for cell in order:
        value = givens.pop(cell)
        if not is_unique(size, clues, givens, start, _lines_of(size, givens)):
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
