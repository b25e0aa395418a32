"""Binairo (takuzu): fill an n x n grid with 0 and 1 under three rules; the solution is unique.

Description:
    Every row and column must hold as many 0s as 1s, no three equal digits may be adjacent in a
    row or column, and no two rows (nor two columns) may be equal. The solver works on lines:
    each row and column keeps the patterns (bitmasks) that obey the first two rules and agree
    with the cells known so far, a row or column settled to one pattern removes it from the
    others of its kind, and cells equal in every remaining pattern become known; to a fixpoint,
    then it branches over the patterns of the line with the fewest. A random full grid is the
    first solution that this search finds on an empty grid with shuffled branch order. Givens
    are then removed in a random order while the solution stays unique: a removal is kept only
    when the solver proves that no grid puts the other digit in that cell. A dig that gets stuck
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
    v1: first version.
"""

from __future__ import annotations

import random
from functools import cache

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

SIZES = (4, 6, 8, 10, 12, 14)
_MAX_ATTEMPTS = 60


@cache
def patterns(n: int) -> tuple[int, ...]:
    """Line bitmasks of n cells with n/2 ones and no three equal adjacent cells (bit i = cell i)."""
    three = 0b111
    return tuple(m for m in range(1 << n) if m.bit_count() * 2 == n
                 and not any((m >> i) & three in (0, three) for i in range(n - 2)))


def _indices(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


class Solver:
    """Line-pattern propagation and branching for one size; states are lists, copied on branching.

    A state is (candidates of rows then columns, ones of each line, zeros of each line): line i
    < n is row i, line n + j is column j; the masks of a row are over columns and vice versa.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self.full = (1 << n) - 1
        self.all = list(patterns(n))
        self.nodes = 0

    def start(self, givens: list[str]) -> tuple[list[list[int]], list[int], list[int]] | None:
        """The propagated state of a puzzle (rows of '0', '1', '.'), or None if contradictory."""
        n = self.n
        cand = [self.all] * (2 * n)
        ones, zeros = [0] * (2 * n), [0] * (2 * n)
        for r, row in enumerate(givens):
            for c, ch in enumerate(row):
                if ch == "1":
                    ones[r] |= 1 << c
                    ones[n + c] |= 1 << r
                elif ch == "0":
                    zeros[r] |= 1 << c
                    zeros[n + c] |= 1 << r
        state = (cand, ones, zeros)
        return state if self.propagate(state, set(range(2 * n))) else None

    def propagate(self, state: tuple[list[list[int]], list[int], list[int]], dirty: set[int]) -> bool:
        """Filter line patterns to a fixpoint, in place; False on a contradiction."""
        cand_of, ones, zeros = state
        n, full = self.n, self.full
        while dirty:
            line = dirty.pop()
            one, zero = ones[line], zeros[line]
            before = cand_of[line]
            cand = [p for p in before if p & one == one and not p & zero]
            if not cand:
                return False
            cand_of[line] = cand
            if len(cand) == 1 and len(before) > 1:
                self._distinct(cand_of, line, cand[0], dirty)
            both, either = full, 0
            for p in cand:
                both &= p
                either |= p
            new_one, new_zero = both & ~one, full & ~either & ~zero
            if not new_one and not new_zero:
                continue
            ones[line] |= new_one
            zeros[line] |= new_zero
            cross, bit = (n, 1 << line) if line < n else (0, 1 << (line - n))
            for i in _indices(new_one):
                ones[cross + i] |= bit
                dirty.add(cross + i)
            for i in _indices(new_zero):
                zeros[cross + i] |= bit
                dirty.add(cross + i)
        return True

    def _distinct(self, cand_of: list[list[int]], line: int, p: int, dirty: set[int]) -> None:
        """Remove a settled line's pattern from the other lines of its kind (rows, or columns)."""
        base = 0 if line < self.n else self.n
        for other in range(base, base + self.n):
            if other != line and p in cand_of[other]:
                cand_of[other] = [q for q in cand_of[other] if q != p]
                dirty.add(other)

    def _branch_line(self, cand_of: list[list[int]]) -> int:
        best, best_count = -1, 1 << 30
        for line, cand in enumerate(cand_of):
            if 1 < len(cand) < best_count:
                best, best_count = line, len(cand)
        return best

    def _child(self, state: tuple, line: int, p: int) -> tuple | None:
        """The state with ``line`` fixed to pattern ``p``, propagated; None on a contradiction."""
        n = self.n
        cand_of, ones, zeros = (list(part) for part in state)
        cand_of[line] = [p]
        ones[line], zeros[line] = p, self.full & ~p
        cross, bit = (n, 1 << line) if line < n else (0, 1 << (line - n))
        dirty = {line}
        self._distinct(cand_of, line, p, dirty)
        for i in range(n):
            if not (ones[cross + i] | zeros[cross + i]) & bit:
                if p >> i & 1:
                    ones[cross + i] |= bit
                else:
                    zeros[cross + i] |= bit
                dirty.add(cross + i)
        child = (cand_of, ones, zeros)
        return child if self.propagate(child, dirty) else None

    def count(self, state: tuple, limit: int = 2) -> int:
        """Number of solutions from a propagated state, up to ``limit``."""
        line = self._branch_line(state[0])
        if line < 0:
            return 1
        found = 0
        for p in state[0][line]:
            child = self._child(state, line, p)
            if child is not None:
                found += self.count(child, limit - found)
                if found >= limit:
                    break
        return found

    def random_solution(self, state: tuple, rng: random.Random) -> list[int] | None:
        """A solution (row bitmasks) found with shuffled branch order, or None."""
        line = self._branch_line(state[0])
        if line < 0:
            return [cand[0] for cand in state[0][:self.n]]
        options = list(state[0][line])
        rng.shuffle(options)
        for p in options:
            child = self._child(state, line, p)
            if child is not None:
                solution = self.random_solution(child, rng)
                if solution is not None:
                    return solution
        return None


def rows_text(grid: list[int], n: int) -> list[str]:
    return ["".join(str(mask >> c & 1) for c in range(n)) for mask in grid]


def _forced_by_line(solver: Solver, one: int, zero: int, i: int) -> bool:
    """Whether every pattern agreeing with a line's givens has the same digit at cell ``i``."""
    seen = 0
    for p in solver.all:
        if p & one == one and not p & zero:
            seen |= 1 << (p >> i & 1)
            if seen == 3:
                return False
    return True


def dig(solution: list[str], givens: int, solver: Solver, rng: random.Random) -> list[str] | None:
    """Blank cells in random order while the solution stays unique; None if stuck above ``givens``."""
    n = solver.n
    puzzle = [list(row) for row in solution]
    ones = [int(row[::-1], 2) for row in solution] + [int("".join(row[c] for row in solution)[::-1], 2)
                                                       for c in range(n)]
    zeros = [solver.full & ~mask for mask in ones]
    order = [(r, c) for r in range(n) for c in range(n)]
    rng.shuffle(order)
    left = n * n
    for r, c in order:
        if left == givens:
            break
        digit = puzzle[r][c]
        masks = ones if digit == "1" else zeros
        masks[r] &= ~(1 << c)
        masks[n + c] &= ~(1 << r)
        # a digit its own row or column forces keeps the solution unique; else ask the solver
        if not (_forced_by_line(solver, ones[r], zeros[r], c)
                or _forced_by_line(solver, ones[n + c], zeros[n + c], r)):
            puzzle[r][c] = "1" if digit == "0" else "0"  # is there a solution with the other digit?
            state = solver.start(["".join(row) for row in puzzle])
            if state is not None and solver.count(state, 1):
                puzzle[r][c] = digit
                masks[r] |= 1 << c
                masks[n + c] |= 1 << r
                continue
        puzzle[r][c] = "."
        left -= 1
    return ["".join(row) for row in puzzle] if left == givens else None


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
    for _ in range(_MAX_ATTEMPTS):
        empty = solver.start(["." * size] * size)
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
