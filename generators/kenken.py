"""KenKen: fill an n x n Latin square whose cages meet their arithmetic targets.

Description:
    A random Latin square is made by a randomised backtracking fill (shared with futoshiki).
    The grid is cut into connected cages: cells are taken in a random order, and each cell not
    yet in a cage starts one of a random size between 2 and ``max_cage`` that grows into random
    free neighbours; a cell left alone joins the smallest cage beside it when that one has room
    (otherwise it stays a one-cell cage, which shows its digit).
    Each cage gets an operation drawn from those ``ops`` allows that fits its digits (``-`` and
    ``/`` only for two cells, ``/`` only when it divides evenly) and the target it gives. An
    exact solver proves the solution unique: bitmask candidates, naked and hidden singles in
    rows and columns, and for every cage the list of digit tuples that reach its target (and
    keep the cage's own rows and columns distinct) filtered against the candidates, so each
    cell keeps only digits some surviving tuple uses (a tuple is packed into one integer, a
    digit bit per cell, so it fits when it has no bit outside the packed candidates; the tuples
    of a cage shape and target are computed once); fewest-candidates branching counts the
    solutions up to two. When two solutions are found, a cell where they differ is taken and its
    cage is cut in two at that cell (the cell with the neighbours it was grown from stays, the
    rest forms new cages), up to a bounded number of repairs; then the grid is drawn afresh.
Difficulty:
    size: side of the square, digits 1..size: 3 at level 1, 4 at levels 2-3, 5 at level 4,
        6 at levels 5-6 and 9, 7 at levels 7-8 and 10.
    max_cage: largest cage drawn (2 to 5): 2 at levels 1-2, 3 at levels 3-5 and 7, 4 from
        level 6 on (except 7); larger cages mean fewer, less telling clues.
    ops: which operations cages use: "add" (sums only, level 1), "add_sub" (sums and
        differences, level 2) or "all" (+, -, *, /, from level 3 on).
    show_ops: whether each target shows its operation. Without it (levels 9-10: 6x6 then 7x7
        with cages up to 4 cells) a target
        such as "6" on two cells may be 1+5, 2+4, 3*2, 6*1, 7-1 or 6/1: the solver proves
        uniqueness under exactly that reading.
Prompt:
    "Solve this 6x6 KenKen puzzle. ..." with the rules, a letter map of the cages (each cell
    shows its cage's letter), then one line per cage with its target and operation ("A: 11+"),
    and the meaning of each operation, then the answer format. The puzzle has exactly one
    solution.
Answer format:
    The completed grid, one row per line, digits separated by spaces (``1 3 2``). Digits written
    together, commas, a list of lists, or all cells on one line in row-major order are accepted.
Verification:
    The grid is read with the shared digit-grid parser; every row and column must hold each
    digit once and every cage must reach its target with its operation (any of the allowed
    operations when they are hidden). Rules are checked, not a string; since uniqueness was
    proved, a rule-abiding grid is the solution. The first broken rule is the reason.
Version history:
    v1: first version.
"""

from __future__ import annotations

import itertools
import random
import string
from functools import cache

from bootcamps.digit_sets import bits, place_hidden_singles
from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.generators.futoshiki import random_latin_square
from bootcamps.types import Problem
from bootcamps.verifiers.kenken import cage_value

MIN_SIZE, MAX_SIZE = 3, 8
MAX_CAGE = 5
OPS = {"add": ("+",), "add_sub": ("+", "-"), "all": ("+", "-", "*", "/")}
LETTERS = string.ascii_uppercase + string.ascii_lowercase
_MAX_ATTEMPTS = 60
_MAX_REPAIRS = 12
_POPCOUNT = [bin(mask).count("1") for mask in range(1 << MAX_SIZE)]


def reaches(op: str | None, target: int, digits: tuple[int, ...]) -> bool:
    """Whether the digits reach the target with ``op`` (any operation when ``op`` is None)."""
    if len(digits) == 1:
        return digits[0] == target
    if op is not None:
        return cage_value(op, digits) == target
    return any(cage_value(each, digits) == target for each in OPS["all"])


def cut_cages(size: int, max_cage: int, rng: random.Random) -> list[list[int]]:
    """A random partition of the grid into connected cages of at most ``max_cage`` cells."""
    owner = [-1] * (size * size)
    cages: list[list[int]] = []
    order = list(range(size * size))
    rng.shuffle(order)
    for seed in order:
        if owner[seed] >= 0:
            continue
        want = rng.randint(2, max_cage)
        cage = [seed]
        owner[seed] = len(cages)
        while len(cage) < want:
            free = sorted({n for cell in cage for n in _neighbours(cell, size) if owner[n] < 0})
            if not free:
                break
            cell = free[int(rng.random() * len(free))]
            owner[cell] = len(cages)
            cage.append(cell)
        cages.append(cage)
    for cage in cages:  # a cell left alone joins the smallest cage beside it
        if len(cage) == 1:
            near = sorted({owner[n] for n in _neighbours(cage[0], size)}, key=lambda i: (len(cages[i]), i))
            if near and len(cages[near[0]]) < max_cage:
                cages[near[0]].append(cage[0])
                owner[cage[0]] = near[0]
                cage.clear()
    return [sorted(cage) for cage in cages if cage]


def _neighbours(cell: int, size: int) -> list[int]:
    r, c = divmod(cell, size)
    out = []
    if r:
        out.append(cell - size)
    if r + 1 < size:
        out.append(cell + size)
    if c:
        out.append(cell - 1)
    if c + 1 < size:
        out.append(cell + 1)
    return out


def choose_op(cells: list[int], solution: list[int], ops: tuple[str, ...], rng: random.Random) -> tuple[str, int]:
    """An operation that fits the cage's digits, and the target it gives ('=' for one cell)."""
    digits = tuple(solution[cell] for cell in cells)
    if len(digits) == 1:
        return "=", digits[0]
    fitting = [op for op in ops if cage_value(op, digits) is not None]
    op = fitting[int(rng.random() * len(fitting))]
    return op, cage_value(op, digits)  # type: ignore[return-value]


@cache
def _tuples_by_value(length: int, size: int) -> dict[tuple[str, int], list[tuple[int, ...]]]:
    """Every digit tuple of a cage length, grouped by (operation, value): shared by all cages."""
    groups: dict[tuple[str, int], list[tuple[int, ...]]] = {}
    for digits in itertools.product(range(1, size + 1), repeat=length):
        for op in OPS["all"]:
            value = cage_value(op, digits)
            if value is not None:
                groups.setdefault((op, value), []).append(digits)
    return groups


def cage_tuples(cells: list[int], op: str | None, target: int, size: int) -> list[int]:
    """Every digit tuple that reaches the target and repeats no digit in a row or column.

    A tuple is packed into one int: the bit of the digit of the cage's k-th cell, shifted by
    k * size. A tuple fits the cells' candidates (packed the same way) when it has no bit outside them.
    """
    if len(cells) == 1:
        return [1 << (target - 1)] if 1 <= target <= size else []
    clashes = tuple((i, j) for i, j in itertools.combinations(range(len(cells)), 2)
                    if cells[i] // size == cells[j] // size or cells[i] % size == cells[j] % size)
    return list(_packed_tuples(len(cells), op, target, size, clashes))


@cache
def _packed_tuples(length: int, op: str | None, target: int, size: int,
                   clashes: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The packed tuples of ``cage_tuples`` for a cage shape given by its clashing positions."""
    groups = _tuples_by_value(length, size)
    if op is None:
        candidates = list(dict.fromkeys(t for each in OPS["all"] for t in groups.get((each, target), [])))
    else:
        candidates = groups.get((op, target), [])
    return tuple(sum(1 << (d - 1 + k * size) for k, d in enumerate(digits)) for digits in candidates
                 if all(digits[i] != digits[j] for i, j in clashes))


@cache
def _lines(size: int) -> tuple[list[list[int]], list[tuple[int, ...]]]:
    """The rows then columns of a grid, and every cell's peers (the other cells of its row and column)."""
    rows = [[r * size + c for c in range(size)] for r in range(size)]
    cols = [[r * size + c for r in range(size)] for c in range(size)]
    peers = [tuple(p for p in rows[cell // size] + cols[cell % size] if p != cell) for cell in range(size * size)]
    return rows + cols, peers


class Puzzle:
    """Rows, columns and cages of a KenKen grid, with each cage's allowed (packed) tuples."""

    def __init__(self, size: int, cages: list[list[int]], tuples: list[list[int]]) -> None:
        self.size, self.full = size, (1 << size) - 1
        self.units, self.peers = _lines(size)
        self.cages, self.tuples = cages, tuples
        # each cage cell with the shift of its digits inside a packed tuple
        self.shifts = [[(cell, k * size) for k, cell in enumerate(cage)] for cage in cages]
        self.cage_of = [0] * (size * size)
        for index, cage in enumerate(cages):
            for cell in cage:
                self.cage_of[cell] = index


def _propagate(cand: list[int], allowed: list[list[int]], queue: list[int], dirty: set[int],
               puzzle: Puzzle) -> bool:
    """Singles and cage tuples to a fixpoint, in place; False on a contradiction."""
    peers, shifts, cage_of, full = puzzle.peers, puzzle.shifts, puzzle.cage_of, puzzle.full
    while True:
        while queue:
            cell = queue.pop()
            dirty.add(cage_of[cell])
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
        if dirty:
            index = dirty.pop()
            placed = shifts[index]
            packed = 0
            for cell, shift in placed:
                packed |= cand[cell] << shift
            outside = ~packed
            kept = [t for t in allowed[index] if not t & outside]
            if not kept:
                return False
            allowed[index] = kept
            union = 0
            for t in kept:
                union |= t
            for cell, shift in placed:
                used = union >> shift & full
                if cand[cell] & ~used:
                    cand[cell] &= used
                    queue.append(cell)
            continue
        for unit in puzzle.units:  # hidden singles: a digit with one place left in a row or column
            narrowed = place_hidden_singles(unit, cand, full)
            if narrowed is None:
                return False
            queue.extend(narrowed)
        if not queue:
            return True


def count_solutions(cand: list[int], allowed: list[list[int]], queue: list[int], dirty: set[int],
                    puzzle: Puzzle, limit: int, found: list[list[int]]) -> int:
    """Number of solutions (up to ``limit``); solved grids (as masks) are appended to ``found``."""
    if not _propagate(cand, allowed, queue, dirty, puzzle):
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
        found.append(cand)
        return 1
    total = 0
    for bit in bits(cand[best]):
        child = cand[:]
        child[best] = bit
        total += count_solutions(child, allowed[:], [best], set(), puzzle, limit - total, found)
        if total >= limit:
            break
    return total


def solutions(size: int, cages: list[list[int]], clues: list[tuple[str, int]], show_ops: bool,
              limit: int = 2) -> list[list[int]]:
    """Up to ``limit`` solutions, as digit lists in row-major order."""
    tuples = [cage_tuples(cells, op if show_ops or op == "=" else None, target, size)
              for cells, (op, target) in zip(cages, clues, strict=True)]
    puzzle = Puzzle(size, cages, tuples)
    found: list[list[int]] = []
    cand = [puzzle.full] * (size * size)
    count_solutions(cand, list(tuples), [], set(range(len(cages))), puzzle, limit, found)
    return [[mask.bit_length() for mask in grid] for grid in found]


def split_cage(cage: list[int], cell: int, size: int) -> list[list[int]]:
    """The cage cut at ``cell``: the cell alone, and the rest as its connected pieces."""
    rest = set(cage) - {cell}
    pieces = [[cell]]
    while rest:
        start = min(rest)
        piece, frontier = {start}, [start]
        while frontier:
            current = frontier.pop()
            for n in _neighbours(current, size):
                if n in rest and n not in piece:
                    piece.add(n)
                    frontier.append(n)
        rest -= piece
        pieces.append(sorted(piece))
    return pieces


def make_unique(solution: list[int], cages: list[list[int]], ops: tuple[str, ...], show_ops: bool,
                rng: random.Random) -> tuple[list[list[int]], list[tuple[str, int]]] | None:
    """Cages and clues with a unique solution, cutting cages where two solutions differ; None if it takes too long."""
    size = int(len(solution) ** 0.5)
    clues = [choose_op(cells, solution, ops, rng) for cells in cages]
    for _ in range(_MAX_REPAIRS):
        found = solutions(size, cages, clues, show_ops)
        if len(found) == 1:
            return cages, clues
        other = found[0] if found[0] != solution else found[1]
        differing = [cell for cell in range(len(solution)) if other[cell] != solution[cell]]
        cell = differing[int(rng.random() * len(differing))]
        index = next(i for i, cage in enumerate(cages) if cell in cage)
        pieces = split_cage(cages[index], cell, size)
        if len(pieces) == 1:
            return None  # a one-cell cage already shows its digit: cannot happen with two solutions
        cages = cages[:index] + cages[index + 1:] + pieces
        clues = clues[:index] + clues[index + 1:] + [choose_op(piece, solution, ops, rng) for piece in pieces]
    return None


OP_WORDS = {
    "+": "the digits add up to the target",
    "-": "the larger digit minus the smaller one equals the target (two cells)",
    "*": "the digits multiply to the target",
    "/": "the larger digit divided by the smaller one equals the target (two cells)",
}


def _question(size: int, cages: list[list[int]], clues: list[tuple[str, int]], show_ops: bool) -> str:
    letter = [""] * (size * size)
    for index, cells in enumerate(cages):
        for cell in cells:
            letter[cell] = LETTERS[index]
    grid = "\n".join(" ".join(letter[r * size:(r + 1) * size]) for r in range(size))
    lines = []
    for index, (op, target) in enumerate(clues):
        count = len(cages[index])
        if op == "=":
            lines.append(f"{LETTERS[index]}: {target} (one cell: it holds {target})")
        else:
            lines.append(f"{LETTERS[index]}: {target}{op if show_ops else ''} ({count} cells)")
    used = sorted({op for op, _ in clues if op != "="}, key="+-*/".index)
    if show_ops:
        legend = "Operations: " + "; ".join(f"'{op}' means {OP_WORDS[op]}" for op in used) + "."
    else:
        legend = ("The operations are hidden: a cage's digits must reach its target with at least one of "
                  "addition, multiplication, or (two-cell cages only) the larger digit minus the smaller "
                  "or the larger divided by the smaller.")
    example = " ".join(str(d) for d in range(1, size + 1))
    return (
        f"Solve this {size}x{size} KenKen puzzle. Fill every cell with a digit from 1 to {size} so that each "
        f"row and each column contains every digit from 1 to {size} exactly once, and the digits of every "
        "cage (a group of cells marked with the same letter) reach the cage's target. Digits may repeat "
        "inside a cage as long as they are in different rows and columns. The puzzle has exactly one solution.\n\n"
        f"Cages (each cell shows the letter of its cage):\n{grid}\n\n"
        "Targets:\n" + "\n".join(lines) + f"\n\n{legend}\n\n"
        f"Answer with the completed grid: {size} lines, one per row from top to bottom, each with the "
        f"{size} digits of that row separated by spaces (for example: {example})."
    )


def generate(rng: random.Random, *, size: int, max_cage: int, ops: str, show_ops: bool) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"kenken: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not 2 <= max_cage <= MAX_CAGE:
        raise InvalidParameterError(f"kenken: expected max_cage between 2 and {MAX_CAGE}, found {max_cage}")
    if ops not in OPS:
        raise InvalidParameterError(f"kenken: expected ops among {sorted(OPS)}, found {ops!r}")
    for _ in range(_MAX_ATTEMPTS):
        solution = random_latin_square(size, rng)
        made = make_unique(solution, cut_cages(size, max_cage, rng), OPS[ops], show_ops, rng)
        if made is None or len(made[0]) > len(LETTERS):
            continue
        cages, clues = made
        order = sorted(range(len(cages)), key=lambda i: cages[i][0])  # letters in reading order
        cages, clues = [cages[i] for i in order], [clues[i] for i in order]
        data = {
            "size": size, "show_ops": show_ops,
            "cages": [{"cells": [[cell // size, cell % size] for cell in cells], "op": op, "target": target}
                      for cells, (op, target) in zip(cages, clues, strict=True)],
            "solution": ["".join(str(d) for d in solution[r * size:(r + 1) * size]) for r in range(size)],
        }
        reference = "\n".join(" ".join(row) for row in data["solution"])
        return Problem(question=_question(size, cages, clues, show_ops), data=data, reference=reference)
    raise GenerationError(f"kenken: no unique {size}x{size} puzzle in {_MAX_ATTEMPTS} attempts")
