"""Binairo (takuzu): fill an n x n grid with 0 and 1 under three rules; the solution is unique.

Description:
    Every row and column must hold as many 0s as 1s, no three equal digits may be adjacent in a
    row or column, and no two rows (nor two columns) may be equal. The solver works on lines:
    each row and column keeps the patterns (bitmasks) that obey the first two rules and agree
    with the cells known so far, a row or column settled to one pattern removes it from the
    others of its kind, and cells equal in every remaining pattern become known; to a fixpoint,
    then it branches over the patterns of the line with the fewest. A line's patterns are a
    bitset over the list of all patterns: those that agree with its known cells are the AND of
    two precomputed half-line tables, and the cells shared by a set of patterns are remembered.
    A random full grid is the first solution that this search finds on an empty grid with
    shuffled branch order. Givens are then removed in a random order while the solution stays
    unique: a removal is kept only when the solver proves that no grid puts the other digit in
    that cell (skipped when the cell's own row or column forces its digit; and when the cell
    and three blank cells of a rectangle flip into another valid grid, that grid is a solution
    with the other digit, so the given stays without asking the solver). Each such question
    starts from the propagated state of the puzzle without the next 12 cells in the removal
    order, which holds for every puzzle asked about until then: their givens and the flipped
    digit are added to it, and the lines they are on propagated again. A dig that gets stuck
    above the wanted number of givens restarts on a new grid (bounded attempts).
Difficulty:
    size: the side n (even), 6 at levels 1-2 up to 14 at level 10.
    givens: fraction of the cells given (rounded); fewer givens need longer deductions. 0.5 at
        level 1 down to 0.26 at level 10.
Prompt:
    "Solve this 8x8 binairo puzzle. Fill every empty cell ('.') with 0 or 1 so that ... The
    puzzle has exactly one solution." then the grid (rows of digits and dots) and the answer
    format.
Answer format:
    The completed grid, n lines of n digits (``01101001``); digits may be separated by spaces or
    commas, a list of lists or all cells on one line in row-major order are accepted too.
Verification:
    The grid is parsed; every cell must be 0 or 1, every given kept, and every row and column
    balanced, free of three equal adjacent digits and distinct from the others. The first broken
    rule is the reason. Since uniqueness was proved at generation, a rule-abiding grid that keeps
    the givens is the solution. No partial credit.
Version history:
    v1: first version; removed. A line settled by another line's removal did not remove its own
        pattern from the other lines, so about 0.5% of v1 solutions had two equal rows or
        columns (and their puzzles another solution or none).
    v2: every settled line removes its pattern from the others; the tests check every rule on
        the stored solutions.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

SIZES = (4, 6, 8, 10, 12, 14)
_MAX_ATTEMPTS = 60
_MAX_HULLS = 1 << 15  # remembered candidate sets per size (some MB at most)
_WINDOW = 12  # upcoming cells left out of the state that the removal trials start from (see dig)


@cache
def patterns(n: int) -> tuple[int, ...]:
    """Line bitmasks of n cells with n/2 ones and no three equal adjacent cells (bit i = cell i)."""
    three = 0b111
    return tuple(m for m in range(1 << n) if m.bit_count() * 2 == n
                 and not any((m >> i) & three in (0, three) for i in range(n - 2)))


class Tables:
    """Sets of line patterns as bitsets over their index in ``patterns(n)`` (ascending), for one size.

    ``ones_at[i]`` / ``zeros_at[i]`` hold the patterns with a 1 / a 0 at cell i. The patterns that
    agree with a line's known cells are the AND of a table for its low half and one for its high
    half, each indexed by (ones << half width) | zeros of that half.
    """

    def __init__(self, n: int) -> None:
        self.n, self.full = n, (1 << n) - 1
        self.pats = patterns(n)
        self.everything = (1 << len(self.pats)) - 1
        self.bit_of = {p: 1 << k for k, p in enumerate(self.pats)}
        self.ones_at = [sum(1 << k for k, p in enumerate(self.pats) if p >> i & 1) for i in range(n)]
        self.zeros_at = [self.everything & ~mask for mask in self.ones_at]
        self.low = n // 2
        self.high = n - self.low
        self.low_table = self._half_table(0, self.low)
        self.high_table = self._half_table(self.low, self.high)
        self.hulls: dict[int, tuple[int, int]] = {}
        self.member_lists: dict[int, tuple[int, ...]] = {}
        self.first_children: dict[int, State | None] = {}  # see Solver.random_solution
        # the lines crossing the cells of a mask: rows for a column's mask, columns for a row's
        self.cross_rows: list[tuple[int, ...]] = [()]
        for m in range(1, 1 << n):
            top = m.bit_length() - 1
            self.cross_rows.append(self.cross_rows[m ^ 1 << top] + (top,))
        self.cross_cols = [tuple(n + i for i in lines) for lines in self.cross_rows]
        # the other lines of the same kind as each line
        self.others = [tuple(o for o in range(base, base + n) if o != line)
                       for base in (0, n) for line in range(base, base + n)]

    def _half_table(self, first: int, width: int) -> list[int]:
        """The agreeing patterns for every (ones, zeros) of the ``width`` cells from ``first`` on."""
        table = [0] * (1 << 2 * width)
        for one in range(1 << width):
            free = ((1 << width) - 1) & ~one
            zero = free
            while True:  # every subset of the cells not set to 1
                agree = self.everything
                for i in range(width):
                    if one >> i & 1:
                        agree &= self.ones_at[first + i]
                    elif zero >> i & 1:
                        agree &= self.zeros_at[first + i]
                table[one << width | zero] = agree
                if not zero:
                    break
                zero = (zero - 1) & free
        return table

    def agreeing(self, one: int, zero: int) -> int:
        """The patterns with a 1 on every cell of ``one`` and a 0 on every cell of ``zero``."""
        low, high = self.low, self.high
        mask = (1 << low) - 1
        return (self.low_table[(one & mask) << low | (zero & mask)]
                & self.high_table[(one >> low) << high | (zero >> low)])

    def hull(self, cand: int) -> tuple[int, int]:
        """The cells that are 1 in every pattern of ``cand``, and those 1 in some; remembered."""
        both = either = 0
        for i in range(self.n):
            if not cand & self.zeros_at[i]:
                both |= 1 << i
            if cand & self.ones_at[i]:
                either |= 1 << i
        if len(self.hulls) >= _MAX_HULLS:
            self.hulls.clear()
        self.hulls[cand] = (both, either)
        return both, either

    def members(self, cand: int) -> list[int]:
        """The patterns of a bitset, in ascending order (a new list); remembered."""
        known = self.member_lists.get(cand)
        if known is None:
            pats, out, rest = self.pats, [], cand
            while rest:
                low = rest & -rest
                rest ^= low
                out.append(pats[low.bit_length() - 1])
            if len(self.member_lists) >= _MAX_HULLS:
                self.member_lists.clear()
            known = self.member_lists[cand] = tuple(out)
        return list(known)


@cache
def tables(n: int) -> Tables:
    return Tables(n)


def _indices(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


State = tuple[list[int], list[int], list[int]]


class Solver:
    """Line-pattern propagation and branching for one size; states are lists, copied on branching.

    A state is (candidates of rows then columns, ones of each line, zeros of each line): line i
    < n is row i, line n + j is column j; the masks of a row are over columns and vice versa.
    The candidates of a line are a bitset over ``patterns(n)`` (see ``Tables``).
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.full = (1 << n) - 1
        self.tables = tables(n)
        self.nodes = 0

    def start(self, givens: list[str]) -> State | None:
        """The propagated state of a puzzle (rows of '0', '1', '.'), or None if contradictory."""
        n = self.n
        ones, zeros = [0] * (2 * n), [0] * (2 * n)
        for r, row in enumerate(givens):
            for c, ch in enumerate(row):
                if ch == "1":
                    ones[r] |= 1 << c
                    ones[n + c] |= 1 << r
                elif ch == "0":
                    zeros[r] |= 1 << c
                    zeros[n + c] |= 1 << r
        return self.start_masks(ones, zeros)

    def start_masks(self, ones: list[int], zeros: list[int]) -> State | None:
        """The propagated state of a puzzle given as the known ones and zeros of every line (taken over)."""
        n = self.n
        state = ([self.tables.everything] * (2 * n), ones, zeros)
        return state if self.propagate(state, set(range(2 * n))) else None

    def propagate(self, state: State, dirty: set[int]) -> bool:
        """Filter line patterns to a fixpoint, in place; False on a contradiction.

        Every settled line removes its pattern from the other lines of its kind each time it is
        visited, also when it was settled by another line's removal (v1 missed that case).
        """
        cand_of, ones, zeros = state
        n, full, tab = self.n, self.full, self.tables
        low, high, low_table, high_table = tab.low, tab.high, tab.low_table, tab.high_table
        low_mask = (1 << low) - 1
        hulls, pats, others = tab.hulls, tab.pats, tab.others
        cross_cols, cross_rows = tab.cross_cols, tab.cross_rows
        pop, add = dirty.pop, dirty.add
        while dirty:
            line = pop()
            one, zero = ones[line], zeros[line]
            cand = (cand_of[line] & low_table[(one & low_mask) << low | (zero & low_mask)]
                    & high_table[(one >> low) << high | (zero >> low)])
            if not cand:
                return False
            cand_of[line] = cand
            unknown = full & ~(one | zero)
            if not cand & (cand - 1):
                for other in others[line]:  # settled: its pattern is taken
                    if cand_of[other] & cand:
                        cand_of[other] ^= cand
                        add(other)
                if not unknown:
                    continue
                p = pats[cand.bit_length() - 1]
                new_one, new_zero = p & unknown, unknown & ~p
            else:
                hull = hulls.get(cand)
                if hull is None:
                    hull = tab.hull(cand)
                new_one, new_zero = hull[0] & unknown, unknown & ~hull[1]
                if not new_one and not new_zero:
                    continue
            ones[line] = one | new_one
            zeros[line] = zero | new_zero
            if line < n:
                bit, cross = 1 << line, cross_cols
            else:
                bit, cross = 1 << (line - n), cross_rows
            for other in cross[new_one]:
                ones[other] |= bit
                add(other)
            for other in cross[new_zero]:
                zeros[other] |= bit
                add(other)
        return True

    def _branch_line(self, cand_of: list[int]) -> int:
        best, best_count = -1, 1 << 30
        for line, cand in enumerate(cand_of):
            if cand & (cand - 1):
                count = cand.bit_count()
                if count < best_count:
                    best, best_count = line, count
        return best

    def _child(self, state: State, line: int, p: int) -> State | None:
        """The state with ``line`` fixed to pattern ``p``, propagated; None on a contradiction."""
        n, tab = self.n, self.tables
        cand_of, ones, zeros = state[0][:], state[1][:], state[2][:]
        pbit = tab.bit_of[p]
        cand_of[line] = pbit
        unknown = self.full & ~(ones[line] | zeros[line])
        ones[line], zeros[line] = p, self.full & ~p
        dirty = set()
        for other in tab.others[line]:  # its pattern is taken
            if cand_of[other] & pbit:
                cand_of[other] ^= pbit
                dirty.add(other)
        if line < n:
            bit, cross = 1 << line, tab.cross_cols
        else:
            bit, cross = 1 << (line - n), tab.cross_rows
        for other in cross[p & unknown]:
            ones[other] |= bit
            dirty.add(other)
        for other in cross[unknown & ~p]:
            zeros[other] |= bit
            dirty.add(other)
        child = (cand_of, ones, zeros)
        return child if self.propagate(child, dirty) else None

    def count(self, state: State, limit: int = 2) -> int:
        """Number of solutions from a propagated state, up to ``limit``."""
        line = self._branch_line(state[0])
        if line < 0:
            return 1
        found = 0
        for p in self.tables.members(state[0][line]):
            child = self._child(state, line, p)
            if child is not None:
                found += self.count(child, limit - found)
                if found >= limit:
                    break
        return found

    def random_solution(self, state: State, rng: random.Random) -> list[int] | None:
        """A solution (row bitmasks) found with shuffled branch order, or None."""
        line = self._branch_line(state[0])
        if line < 0:
            pats = self.tables.pats
            return [pats[cand.bit_length() - 1] for cand in state[0][:self.n]]
        options = self.tables.members(state[0][line])
        rng.shuffle(options)
        # the children of the empty grid are the same for every grid: remembered
        first = self.tables.first_children if state is _empty_state(self.n) else None
        for p in options:
            if first is None:
                child = self._child(state, line, p)
            elif p in first:
                child = first[p]
            else:
                child = first[p] = self._child(state, line, p)
            if child is not None:
                solution = self.random_solution(child, rng)
                if solution is not None:
                    return solution
        return None


@cache
def _empty_state(n: int) -> State | None:
    """The propagated state of the empty grid (shared: the search copies what it changes)."""
    return Solver(n).start(["." * n] * n)


def rows_text(grid: list[int], n: int) -> list[str]:
    return ["".join(str(mask >> c & 1) for c in range(n)) for mask in grid]


def _other_solution(grid: list[int], index: tuple[dict[int, int], dict[int, int]], blank: list[int],
                    r: int, c: int, tab: Tables) -> bool:
    """Whether flipping cell (r, c) with three blank cells of a rectangle gives another valid grid.

    ``grid`` holds the rows then the columns of the solution as bitmasks, ``index`` the row of
    each row mask and the column of each column mask, ``blank`` the blank cells of each line.
    Such a grid is a real solution with the other digit at (r, c), which the solver always finds
    (its deductions are sound and its branching complete).
    """
    n = tab.n
    row_of, col_of = index
    row, col = grid[r], grid[n + c]
    digit = row >> c & 1
    # columns c2 of row r and rows r2 of column c that are blank and hold the other digit
    across = blank[r] & (~row if digit else row) & tab.full & ~(1 << c)
    down = blank[n + c] & (~col if digit else col) & tab.full & ~(1 << r)
    if not across or not down:
        return False
    bit_of = tab.bit_of
    for r2 in _indices(down):
        row2 = grid[r2]
        # (r2, c2) must be blank and hold the digit of (r, c)
        for c2 in _indices(across & blank[r2] & (row2 if digit else ~row2)):
            swap = 1 << c | 1 << c2
            new_row, new_row2 = row ^ swap, row2 ^ swap
            swap = 1 << r | 1 << r2
            new_col, new_col2 = col ^ swap, grid[n + c2] ^ swap
            if not (new_row in bit_of and new_row2 in bit_of and new_col in bit_of and new_col2 in bit_of):
                continue
            # no other row (column) may equal a new one; the lines of a valid grid are distinct
            if (row_of.get(new_row, r) in (r, r2) and row_of.get(new_row2, r) in (r, r2)
                    and col_of.get(new_col, c) in (c, c2) and col_of.get(new_col2, c) in (c, c2)):
                return True
    return False


def dig(solution: list[str], givens: int, solver: Solver, rng: random.Random) -> list[str] | None:
    """Blank cells in random order while the solution stays unique; None if stuck above ``givens``."""
    n = solver.n
    puzzle = [list(row) for row in solution]
    ones = [int(row[::-1], 2) for row in solution] + [int("".join(row[c] for row in solution)[::-1], 2)
                                                       for c in range(n)]
    zeros = [solver.full & ~mask for mask in ones]
    grid = ones[:]
    # the rectangle shortcut needs a valid solution grid: the search can end on a grid with two
    # equal lines (a line settled by another's removal does not remove its own pattern)
    valid = len(set(grid[:n])) == n and len(set(grid[n:])) == n
    index = ({grid[i]: i for i in range(n)}, {grid[n + i]: i for i in range(n)})
    blank = [0] * (2 * n)
    agreeing, ones_at, zeros_at = solver.tables.agreeing, solver.tables.ones_at, solver.tables.zeros_at
    order = [(r, c) for r in range(n) for c in range(n)]
    rng.shuffle(order)
    left = n * n
    # the propagated state of the puzzle without the next few cells in order holds for every
    # puzzle tried until then (they all have more givens), so each trial only adds to it
    base: State | None = None
    left_out: set[tuple[int, int]] = set()
    for k, (r, c) in enumerate(order):
        if left == givens:
            break
        digit = puzzle[r][c]
        masks = ones if digit == "1" else zeros
        masks[r] &= ~(1 << c)
        masks[n + c] &= ~(1 << r)
        # a digit its own row or column forces keeps the solution unique; else ask whether a
        # solution has the other digit there: a rectangle swap answers yes cheaply, else the solver
        agree = agreeing(ones[r], zeros[r])
        if agree & ones_at[c] and agree & zeros_at[c]:
            agree = agreeing(ones[n + c], zeros[n + c])
            free = agree & ones_at[r] and agree & zeros_at[r]
        else:
            free = 0
        if free:  # neither row r nor column c forces the digit
            if valid and _other_solution(grid, index, blank, r, c, solver.tables):
                masks[r] |= 1 << c
                masks[n + c] |= 1 << r
                continue
            if (r, c) not in left_out:
                window = order[k:k + _WINDOW]
                left_out = set(window)
                base = _without(solver, ones, zeros, window)
            state = _with_flip(solver, base, ones, zeros, left_out, r, c, digit == "1")
            if state is not None and solver.count(state, 1):
                masks[r] |= 1 << c
                masks[n + c] |= 1 << r
                continue
        puzzle[r][c] = "."
        blank[r] |= 1 << c
        blank[n + c] |= 1 << r
        left -= 1
    return ["".join(row) for row in puzzle] if left == givens else None


def _without(solver: Solver, ones: list[int], zeros: list[int], cells: list[tuple[int, int]]) -> State:
    """The propagated state of the puzzle (the known ``ones`` and ``zeros`` of every line) without ``cells``."""
    n = solver.n
    ones, zeros = ones[:], zeros[:]
    for r, c in cells:
        for masks in (ones, zeros):
            masks[r] &= ~(1 << c)
            masks[n + c] &= ~(1 << r)
    state = solver.start_masks(ones, zeros)
    if state is None:  # never: the solution fits
        raise GenerationError("binairo: a puzzle with fewer givens has no solution")
    return state


def _with_flip(solver: Solver, base: State, ones: list[int], zeros: list[int], left_out: set[tuple[int, int]],
               r: int, c: int, one: bool) -> State | None:
    """The propagated state of the puzzle with the other digit at (r, c), None on a contradiction.

    ``base`` is the propagated state without the cells of ``left_out``: the givens among them
    (``ones`` and ``zeros``, which lack (r, c)) and the flipped cell are added to it, and the
    lines they are on propagated again; the fixpoint is the one of the whole puzzle.
    """
    n = solver.n
    cand_of, b_ones, b_zeros = base[0][:], base[1][:], base[2][:]
    dirty = set()
    for r2, c2 in left_out:
        bit = 1 << c2
        if (b_ones[r2] | b_zeros[r2]) & bit or (r2, c2) == (r, c):
            continue  # known already (so to its given digit), or the flipped cell
        if ones[r2] & bit:
            b_ones[r2] |= bit
            b_ones[n + c2] |= 1 << r2
        elif zeros[r2] & bit:
            b_zeros[r2] |= bit
            b_zeros[n + c2] |= 1 << r2
        else:
            continue  # blanked: not a given
        dirty.add(r2)
        dirty.add(n + c2)
    if (b_ones[r] | b_zeros[r]) & 1 << c:
        return None  # known to the solution's digit: the other one contradicts
    flipped = b_zeros if one else b_ones
    flipped[r] |= 1 << c
    flipped[n + c] |= 1 << r
    dirty.add(r)
    dirty.add(n + c)
    state = (cand_of, b_ones, b_zeros)
    return state if solver.propagate(state, dirty) else None


def _question(puzzle: list[str], n: int) -> str:
    grid = "\n".join(" ".join(row) for row in puzzle)
    example = ("0110" * n)[:n]
    return (
        f"Solve this {n}x{n} binairo (takuzu) puzzle. Fill every empty cell ('.') with 0 or 1 so that:\n"
        f"- every row and every column contains exactly {n // 2} zeros and {n // 2} ones;\n"
        "- no row or column has three equal digits next to each other (000 and 111 are forbidden);\n"
        "- no two rows are identical, and no two columns are identical.\n"
        "The given digits must stay where they are. The puzzle has exactly one solution.\n\n"
        f"{grid}\n\n"
        f"Answer with the completed grid: {n} lines, one per row from top to bottom, each with the {n} "
        f"digits of that row (for example: {example})."
    )


def generate(rng: random.Random, *, size: int, givens: float) -> Problem:
    if size not in SIZES:
        raise InvalidParameterError(f"binairo: expected size among {list(SIZES)}, found {size!r}")
    if not 0.0 < givens < 1.0:
        raise InvalidParameterError(f"binairo: expected givens strictly between 0 and 1, found {givens!r}")
    solver = Solver(size)
    target = max(1, round(givens * size * size))
    empty = _empty_state(size)
    for _ in range(_MAX_ATTEMPTS):
        grid = solver.random_solution(empty, rng) if empty is not None else None
        if grid is None:
            continue
        solution = rows_text(grid, size)
        puzzle = dig(solution, target, solver, rng)
        if puzzle is None:
            continue
        data = {"size": size, "puzzle": puzzle, "solution": solution}
        return Problem(question=_question(puzzle, size), data=data, reference="\n".join(solution))
    raise GenerationError(f"binairo: no {size}x{size} puzzle with {target} givens in {_MAX_ATTEMPTS} attempts")
