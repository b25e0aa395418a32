"""N-queens completion: place the missing queens on an n x n board that already holds a few.

Description:
    A random full solution of the n-queens problem is found by a randomised bitmask
    backtracking search (rows in order, the free columns of each row tried in a random order),
    then the queens of a few random rows are kept as givens. The givens are therefore consistent
    with at least one full solution (that one is the reference), which proves the instance
    solvable. Other completions may exist: any of them is accepted.
Difficulty:
    size: the board side n (5 at level 1, 14 at level 10); the search space grows fast with n.
    givens: how many queens are placed already (3 at levels 3-4, 1 at levels 9-10). Fewer givens
        leave more of the search to the solver and make known closed-form constructions the
        only shortcut; at least 1 so that every seed poses a different puzzle.
Prompt:
    "Place n queens on an n x n chessboard so that no two attack each other (no two in the same
    row, column or diagonal). k queens are already placed and must stay: ..." then the board
    with Q for a given queen and . for an empty square, rows 1..n from top to bottom and
    columns 1..n from left to right, then the answer format.
Answer format:
    The full board, n lines of n characters, Q for a queen and . for an empty square (spaces
    between squares are fine). Also accepted: the n queen positions as 1-based (row, column)
    pairs in any order, e.g. ``(1, 2), (2, 4), (3, 1), (4, 3)`` (``[[1, 2], ...]`` and
    ``r1c2`` forms too).
Verification:
    The rules are checked, not a string: exactly n queens on the board, every given queen kept,
    no two queens in one row, one column or one diagonal. Any valid completion is accepted.
    No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

MIN_SIZE, MAX_SIZE = 4, 14
_MAX_ATTEMPTS = 50
_MAX_STEPS = 200_000


def random_solution(size: int, rng: random.Random) -> list[int] | None:
    """The queen column of every row (0-based) of a random solution; None if the step budget runs out."""
    full = (1 << size) - 1
    cols: list[int] = []
    stack: list[list[int]] = []  # per row, the columns still to try (in random order)
    used = diag = anti = 0
    steps = 0
    while len(cols) < size:
        steps += 1
        if steps > _MAX_STEPS:
            return None
        row = len(cols)
        if len(stack) == row:
            free = full & ~(used | diag >> row | anti >> (size - 1 - row))
            options = [c for c in range(size) if free >> c & 1]
            rng.shuffle(options)
            stack.append(options)
        options = stack[-1]
        if options:
            col = options.pop()
            cols.append(col)
            used |= 1 << col
            diag |= 1 << (col + row)
            anti |= 1 << (col - row + size - 1)
            continue
        stack.pop()
        if not cols:
            return None
        col = cols.pop()
        row -= 1
        used ^= 1 << col
        diag ^= 1 << (col + row)
        anti ^= 1 << (col - row + size - 1)
    return cols


def board_rows(size: int, queens: dict[int, int]) -> list[str]:
    """Rows of Q and . for queens given as row -> column (0-based)."""
    return ["".join("Q" if queens.get(r) == c else "." for c in range(size)) for r in range(size)]


def _question(size: int, given_rows: list[str], count: int) -> str:
    placed = "1 queen is" if count == 1 else f"{count} queens are"
    return (
        f"Place {size} queens on a {size}x{size} chessboard so that no two queens attack each other: "
        "no two in the same row, the same column or the same diagonal. "
        f"{placed} already placed and must stay where they are. Rows are numbered 1 to {size} from "
        f"top to bottom and columns 1 to {size} from left to right; Q is a queen and . an empty "
        "square.\n\n" + "\n".join(given_rows) + "\n\n"
        f"Answer with the full board: {size} lines of {size} characters, Q for a queen and . for an "
        "empty square, the given queens included. Any placement that keeps the given queens and "
        "breaks no rule is accepted. (Listing the queens as 1-based (row, column) pairs, e.g. "
        "(1, 2), (2, 4), ..., is accepted too.)"
    )


def generate(rng: random.Random, *, size: int, givens: int) -> Problem:
    if not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidParameterError(f"n_queens: expected size between {MIN_SIZE} and {MAX_SIZE}, found {size}")
    if not 1 <= givens < size:
        raise InvalidParameterError(f"n_queens: expected givens between 1 and {size - 1}, found {givens}")
    for _ in range(_MAX_ATTEMPTS):
        cols = random_solution(size, rng)
        if cols is None:
            continue
        rows = sorted(rng.sample(range(size), givens))
        given = {r: cols[r] for r in rows}
        solution = board_rows(size, dict(enumerate(cols)))
        data = {"size": size, "givens": [[r + 1, given[r] + 1] for r in rows], "solution": solution}
        return Problem(question=_question(size, board_rows(size, given), givens), data=data,
                       reference="\n".join(solution))
    raise GenerationError(f"n_queens: no {size}x{size} solution found in {_MAX_ATTEMPTS} attempts")
