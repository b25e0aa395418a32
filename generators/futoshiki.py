"""Futoshiki: fill an n x n Latin square that obeys inequality signs between neighbouring cells.

Description:
    A random Latin square is made by a randomised backtracking fill (cells in row-major order,
    each given a random digit its row and column allow; dead ends backtrack). The dig starts
    from the whole square with every inequality sign between side-by-side cells (in a row or a
    column), which is trivially unique. Digits are removed in a random order until ``givens``
    are left, then signs until ``signs`` are left, each only while the puzzle keeps a unique
    solution: the puzzle is known to have exactly one, so removing a digit keeps it unique
    exactly when no solution of the rest puts another digit in that cell, and removing
    ``a < b`` exactly when no solution of the rest has ``a > b``. An exact solver (bitmask
    candidates, naked and hidden singles, inequality bounds propagated to a fixpoint,
    fewest-candidates branching) searches for such a solution. A dig that gets stuck above a
    target restarts on a fresh square (bounded attempts).
Difficulty:
    size: side of the square, digits 1..size: 4 at levels 1-2, 5 at levels 3-4, 6 at levels 5-6,
        7 at levels 7-8 and 8 at levels 9-10.
    givens: number of digits shown; fewer givens means the signs carry more of the logic.
        5 at level 1 down to 2 at levels 8 and 10 (with no givens at all a full sign set is
        often not unique: swapping two consecutive digits that never touch keeps every sign).
    signs: number of inequality signs kept; fewer signs means longer chains of deduction. They
        sit close to the fewest a random-order dig reaches for that size and givens, so the
        puzzle is near-minimal at every level (a lower value is often unreachable and then
        fails with a GenerationError after the bounded attempts).
Prompt:
    "Solve this 6x6 Futoshiki puzzle. Fill every empty cell with a digit from 1 to 6 so that
    each row and each column contains every digit from 1 to 6 exactly once, and every
    inequality sign holds. ..." then an explanation of the notation ('.' empty cell, '<' and
    '>' between cells of a row, '^' and 'v' between cells of a column, '^' meaning the upper
    cell is smaller), the grid, and the answer format. The puzzle has exactly one solution.
Answer format:
    The completed grid, one row per line, digits separated by spaces (``2 4 1 3``). Digits
    written together (``2413``), commas, a list of lists, or all cells on one line in row-major
    order are accepted too.
Verification:
    The grid is read with the shared cell-grid parser; every cell must be a digit 1..size, the
    givens must be kept, each row and column must hold every digit once, and every sign must
    hold. The rules are checked, not a string (the solution is unique, so a rule-abiding grid
    is the solution). The first broken rule is the reason. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.digit_sets import bits, place_hidden_singles
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIZE, MAX_SIZE = 3, 9
_MAX_ATTEMPTS = 200
_MAX_FILL_STEPS = 200_000
_POPCOUNT = [bin(mask).count("1") for mask in range(1 << MAX_SIZE)]


def random_latin_square(size: int, rng: random.Random) -> list[int]:
    """A random Latin square as digits 1..size in row-major order (randomised backtracking fill)."""
    full = (1 << size) - 1
    row_used, col_used = [0] * size, [0] * size
    cells = size * size
    grid = [0] * cells
    untried = [-1] * cells  # digit masks not yet tried per cell; -1 = not reached yet
    cell = steps = 0
    while cell < cells:
        steps += 1
        if steps > _MAX_FILL_STEPS:
            raise GenerationError(f"latin square: the random fill needed more than {_MAX_FILL_STEPS} steps")
        r, c = divmod(cell, size)
        options = untried[cell]
        if options < 0:
            options = full & ~(row_used[r] | col_used[c])
        if options:
            choices = bits(options)
            bit = choices[int(rng.random() * len(choices))]
            untried[cell] = options ^ bit
            grid[cell] = bit
            row_used[r] |= bit
            col_used[c] |= bit
            cell += 1
            continue
        untried[cell] = -1
        cell -= 1
        bit = grid[cell]
        row_used[cell // size] ^= bit
        col_used[cell % size] ^= bit
    return [bit.bit_length() for bit in grid]


class Board:
    """Row/column structure of an n x n Latin square and the inequality signs on it.

    ``above[cell]`` lists the cells that must hold a larger digit than ``cell``, ``below[cell]``
    those that must hold a smaller one.
    """

    def __init__(self, size: int, signs: list[tuple[int, int]]) -> None:
        self.size, self.cells, self.full = size, size * size, (1 << size) - 1
        rows = [[r * size + c for c in range(size)] for r in range(size)]
        cols = [[r * size + c for r in range(size)] for c in range(size)]
        self.units = rows + cols
        self.peers = [tuple(p for p in rows[cell // size] + cols[cell % size] if p != cell)
                      for cell in range(self.cells)]
        self.above: list[list[int]] = [[] for _ in range(self.cells)]
        self.below: list[list[int]] = [[] for _ in range(self.cells)]
        for small, large in signs:
            self.add(small, large)

    def add(self, small: int, large: int) -> None:
        self.above[small].append(large)
        self.below[large].append(small)

    def remove(self, small: int, large: int) -> None:
        self.above[small].remove(large)
        self.below[large].remove(small)


def _propagate(cand: list[int], queue: list[int], board: Board) -> bool:
    """Singles and inequality bounds to a fixpoint, in place; False on a contradiction.

    ``queue`` holds the cells whose candidates changed and were not yet pushed to their peers
    and their sign neighbours.
    """
    peers, above, below, full = board.peers, board.above, board.below, board.full
    while True:
        while queue:
            cell = queue.pop()
            mask = cand[cell]
            if not mask & (mask - 1):
                for peer in peers[cell]:
                    other = cand[peer]
                    if other & mask:
                        other ^= mask
                        if not other:
                            return False
                        cand[peer] = other
                        queue.append(peer)
            if above[cell]:
                keep = ~(((mask & -mask) << 1) - 1)  # larger than this cell's smallest candidate
                for peer in above[cell]:
                    other = cand[peer]
                    if other & ~keep:
                        other &= keep
                        if not other:
                            return False
                        cand[peer] = other
                        queue.append(peer)
            if below[cell]:
                keep = (1 << (mask.bit_length() - 1)) - 1  # smaller than its largest candidate
                for peer in below[cell]:
                    other = cand[peer]
                    if other & ~keep:
                        other &= keep
                        if not other:
                            return False
                        cand[peer] = other
                        queue.append(peer)
        for unit in board.units:  # hidden singles: a digit with one place left in a row or column
            narrowed = place_hidden_singles(unit, cand, full)
            if narrowed is None:
                return False
            queue.extend(narrowed)
        if not queue:
            return True


def count_solutions(cand: list[int], queue: list[int], board: Board, limit: int = 2,
                    found: list[list[int]] | None = None) -> int:
    """Number of solutions (up to ``limit``) from a candidate grid; ``cand`` is consumed.

    Solved grids (as candidate masks) are appended to ``found`` when it is given.
    """
    if not _propagate(cand, queue, board):
        return 0
    best, best_count = -1, 99
    for cell, mask in enumerate(cand):
        if mask & (mask - 1):
            count = _POPCOUNT[mask]
            if count < best_count:
                best, best_count = cell, count
                if count == 2:
                    break
    if best < 0:
        if found is not None:
            found.append(cand)
        return 1
    total = 0
    for bit in bits(cand[best]):
        child = cand[:]
        child[best] = bit
        total += count_solutions(child, [best], board, limit - total, found)
        if total >= limit:
            break
    return total


def start_candidates(puzzle: list[int], size: int) -> list[int]:
    """Candidate masks of a puzzle (0 = empty cell)."""
    full = (1 << size) - 1
    return [1 << (digit - 1) if digit else full for digit in puzzle]


def all_signs(solution: list[int], size: int) -> list[tuple[int, int]]:
    """Every (smaller cell, larger cell) pair of side-by-side cells, rows first."""
    signs = []
    for r in range(size):
        for c in range(size):
            cell = r * size + c
            for other in ((cell + 1,) if c + 1 < size else ()) + ((cell + size,) if r + 1 < size else ()):
                signs.append((cell, other) if solution[cell] < solution[other] else (other, cell))
    return signs


def dig(solution: list[int], givens: int, signs: int, rng: random.Random) -> tuple[list[int], list[tuple[int, int]]] | None:
    """Remove digits, then signs, in random order while the solution stays unique.

    Starts from the whole solution and every sign (trivially unique). A digit is removed when no
    solution puts another digit in its cell, a sign when no solution breaks it. Returns the
    puzzle (0 = empty) and the kept signs, or None if either count gets stuck above its target.
    """
    size = int(len(solution) ** 0.5)
    full = (1 << size) - 1
    board = Board(size, all_signs(solution, size))
    puzzle = solution[:]
    order = list(range(len(puzzle)))
    rng.shuffle(order)
    left = len(puzzle)
    for cell in order:
        if left == givens:
            break
        puzzle[cell] = 0
        cand = start_candidates(puzzle, size)
        cand[cell] = full & ~(1 << (solution[cell] - 1))
        if count_solutions(cand, list(range(len(puzzle))), board, 1):
            puzzle[cell] = solution[cell]
        else:
            left -= 1
    if left != givens:
        return None
    start = start_candidates(puzzle, size)
    kept = all_signs(solution, size)
    order_signs = kept[:]
    rng.shuffle(order_signs)
    remaining = set(kept)
    for small, large in order_signs:
        if len(remaining) == signs:
            break
        board.remove(small, large)
        board.add(large, small)  # a second solution would have to break this sign
        other = count_solutions(start[:], list(range(len(puzzle))), board, 1)
        board.remove(large, small)
        if other:
            board.add(small, large)
        else:
            remaining.discard((small, large))
    return (puzzle, sorted(remaining)) if len(remaining) == signs else None


def render(puzzle: list[int], signs: list[tuple[int, int]], size: int) -> str:
    """The framed grid with '<' '>' between cells of a row and '^' 'v' between cells of a column."""
    between: dict[tuple[int, int], str] = {}
    for small, large in signs:
        first, second = min(small, large), max(small, large)
        if second == first + 1:
            between[first, second] = "<" if small == first else ">"
        else:
            between[first, second] = "^" if small == first else "v"
    lines = []
    for r in range(size):
        row = ""
        for c in range(size):
            cell = r * size + c
            row += str(puzzle[cell]) if puzzle[cell] else "."
            if c + 1 < size:
                row += f" {between.get((cell, cell + 1), ' ')} "
        lines.append(row)
        if r + 1 < size:
            marks = [between.get((r * size + c, (r + 1) * size + c), " ") for c in range(size)]
            lines.append("   ".join(marks))
    rule = "+" + "-" * (4 * size - 1) + "+"
    return "\n".join([rule, *(f"| {line} |" for line in lines), rule])


def _question(puzzle: list[int], signs: list[tuple[int, int]], size: int) -> str:
    example = " ".join(str(d) for d in range(1, size + 1))
    return (
        f"Solve this {size}x{size} Futoshiki puzzle. Fill every empty cell with a digit from 1 to {size} "
        f"so that each row and each column contains every digit from 1 to {size} exactly once, and every "
        "inequality sign holds.\n"
        "Notation: '.' is an empty cell; a digit is given and must stay. A '<' or '>' between two cells of "
        "a row compares them read from left to right (\"3 > .\" means the right cell is smaller than 3). "
        "A '^' or 'v' on the line between two rows sits under a cell and compares it with the cell "
        "directly below it: '^' means the upper cell is smaller than the lower cell, 'v' means the upper "
        "cell is larger than the lower cell (each sign points at the smaller number). Neighbouring cells "
        "with no sign between them may hold digits in either order. The grid is framed by '+', '-' and '|'; "
        "inside the frame, lines of cells alternate with lines of '^'/'v' signs (a sign line may be empty). The puzzle has exactly one solution.\n\n"
        f"{render(puzzle, signs, size)}\n\n"
        f"Answer with the completed grid: {size} lines, one per row from top to bottom, each with the "
        f"{size} digits of that row separated by spaces (for example: {example})."
    )


def rows_text(grid: list[int], size: int) -> list[str]:
    """Rows as strings of digits, '.' for an empty cell."""
    return ["".join(str(d) if d else "." for d in grid[r * size:(r + 1) * size]) for r in range(size)]


def generate(rng: random.Random, *, size: int, givens: int, signs: int) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"futoshiki: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not 0 <= givens < size * size:
        raise InvalidParameterError(f"futoshiki: expected givens between 0 and {size * size - 1}, found {givens}")
    most = 2 * size * (size - 1)
    if not 0 <= signs <= most:
        raise InvalidParameterError(f"futoshiki: expected signs between 0 and {most} for size {size}, found {signs}")
    for _ in range(_MAX_ATTEMPTS):
        solution = random_latin_square(size, rng)
        dug = dig(solution, givens, signs, rng)
        if dug is None:
            continue
        puzzle, kept = dug
        data = {"size": size, "puzzle": rows_text(puzzle, size), "solution": rows_text(solution, size),
                "signs": [[s // size, s % size, t // size, t % size] for s, t in kept]}
        reference = "\n".join(" ".join(row) for row in data["solution"])
        return Problem(question=_question(puzzle, kept, size), data=data, reference=reference)
    raise GenerationError(
        f"futoshiki: no {size}x{size} puzzle with {givens} givens and {signs} signs in {_MAX_ATTEMPTS} attempts"
    )
