"""Sliding puzzle: put the tiles of an 8- or 15-puzzle in order within a move budget.

Description:
    A 3x3 (8-puzzle) or 4x4 (15-puzzle) board is scrambled by a random walk of the blank from
    the solved position (no step undoes the previous one), so it is always solvable. The exact
    optimum is computed with IDA* (Manhattan distance plus linear conflicts, an admissible
    heuristic) for the 15-puzzle (a board needing too many search nodes is redrawn, so the
    generation time stays bounded) and with bidirectional breadth-first search for the
    8-puzzle. The prompt allows the optimum plus ``slack`` moves.
Difficulty:
    size: 3 (levels 1-6) or 4 (levels 7-10).
    scramble: length of the random walk (6 at level 1, 30 at level 10); the optimum is at most
        this long and grows with it.
    slack: moves allowed beyond the optimum (4 at level 1, 0 from level 8: optimal only).
Prompt:
    The board, one row per line with ``_`` for the blank, the solved position (tiles in order
    from the top left, the blank at the bottom right), the move convention, the budget and the
    answer format.
Answer format:
    The directions in which the BLANK moves, in order: letters U, D, L, R separated by spaces
    (or commas, or one per line, or written together as ``ULDR``); the words up, down, left,
    right and the arrows ↑ ↓ ← → are read too. U means the blank swaps with the tile above it.
Verification:
    The moves are simulated: each must keep the blank on the board. After the last move the
    board must be solved, and the number of moves must be at most the budget. Any such
    sequence is accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

DIRECTIONS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}
OPPOSITE = {"U": "D", "D": "U", "L": "R", "R": "L"}
_BOUNDS = {"size": (3, 4), "scramble": (2, 80), "slack": (0, 10)}
_MAX_ATTEMPTS = 50
_NODE_LIMIT = 400_000  # IDA* nodes per board before it is redrawn: bounds the worst case


class _TooHard(Exception):
    """The IDA* search went over its node budget."""


def solved(size: int) -> list[int]:
    """The goal board, row-major, 0 for the blank."""
    return [*range(1, size * size), 0]


def legal(blank: int, direction: str, size: int) -> bool:
    dr, dc = DIRECTIONS[direction]
    row, col = divmod(blank, size)
    return 0 <= row + dr < size and 0 <= col + dc < size


def slide(board: list[int], blank: int, direction: str, size: int) -> int:
    """Move the blank one step in place; returns its new index."""
    dr, dc = DIRECTIONS[direction]
    target = blank + dr * size + dc
    board[blank], board[target] = board[target], 0
    return target


def _scramble(rng: random.Random, size: int, steps: int) -> list[int]:
    board, blank, previous = solved(size), size * size - 1, ""
    for _ in range(steps):
        options = [d for d in "UDLR" if legal(blank, d, size) and d != OPPOSITE.get(previous)]
        previous = rng.choice(options)
        blank = slide(board, blank, previous, size)
    return board


class _Solver:
    """IDA* with Manhattan distance plus linear conflicts, updated incrementally."""

    def __init__(self, board: list[int], size: int) -> None:
        self.size, self.board = size, list(board)
        self.blank = board.index(0)
        self.memo: dict[tuple[tuple[int, ...], bool, int], int] = {}
        self.path: list[str] = []
        self.nodes = 0

    def _line_conflicts(self, index: int, is_row: bool) -> int:
        """Extra moves forced by tiles in their goal line but in reverse order (2 per tile to move)."""
        size = self.size
        cells = range(index * size, index * size + size) if is_row else range(index, size * size, size)
        line = tuple(self.board[c] for c in cells)
        key = (line, is_row, index)
        if key not in self.memo:
            goals = [((t - 1) % size if is_row else (t - 1) // size) for t in line
                     if t and ((t - 1) // size if is_row else (t - 1) % size) == index]
            longest = [1] * len(goals)  # longest increasing run ending at each tile
            for i in range(len(goals)):
                for j in range(i):
                    if goals[j] < goals[i]:
                        longest[i] = max(longest[i], longest[j] + 1)
            self.memo[key] = 2 * (len(goals) - max(longest, default=0))
        return self.memo[key]

    def heuristic(self) -> int:
        size = self.size
        manhattan = sum(abs(i // size - (t - 1) // size) + abs(i % size - (t - 1) % size)
                        for i, t in enumerate(self.board) if t)
        return manhattan + sum(self._line_conflicts(k, True) + self._line_conflicts(k, False) for k in range(size))

    def _delta(self, direction: str) -> tuple[int, int]:
        """(change in h, new blank index) for moving the blank; the board is updated."""
        size, blank = self.size, self.blank
        target = blank + DIRECTIONS[direction][0] * size + DIRECTIONS[direction][1]
        tile = self.board[target]
        vertical = direction in "UD"
        lines = (blank // size, target // size) if vertical else (blank % size, target % size)
        before = sum(self._line_conflicts(k, vertical) for k in lines)
        goal = (tile - 1) // size if vertical else (tile - 1) % size
        old, new = (target // size, blank // size) if vertical else (target % size, blank % size)
        self.board[blank], self.board[target] = tile, 0
        after = sum(self._line_conflicts(k, vertical) for k in lines)
        return abs(new - goal) - abs(old - goal) + after - before, target

    def _search(self, g: int, h: int, bound: int, previous: str) -> int:
        self.nodes += 1
        if self.nodes > _NODE_LIMIT:
            raise _TooHard
        if g + h > bound:
            return g + h
        if h == 0:
            return -1
        smallest = 1 << 30
        for direction in "UDLR":
            if direction == OPPOSITE.get(previous) or not legal(self.blank, direction, self.size):
                continue
            blank = self.blank
            change, self.blank = self._delta(direction)
            self.path.append(direction)
            found = self._search(g + 1, h + change, bound, direction)
            if found == -1:
                return -1
            smallest = min(smallest, found)
            self.path.pop()
            self._delta(OPPOSITE[direction])
            self.blank = blank
        return smallest

    def solve(self) -> list[str]:
        h = self.heuristic()
        bound = h
        while True:
            found = self._search(0, h, bound, "")
            if found == -1:
                return self.path
            bound = found


def _bidirectional(board: list[int], size: int) -> list[str]:
    """A shortest solution by breadth-first search from both ends (fast for the 8-puzzle)."""
    start, goal = tuple(board), tuple(solved(size))
    if start == goal:
        return []
    sides = [{start: (0, None, "")}, {goal: (0, None, "")}]  # state -> (depth, parent, move from parent)
    frontiers = [[start], [goal]]
    while True:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, other = sides[side], sides[1 - side]
        best: tuple[int, tuple[int, ...]] | None = None
        layer = []
        for state in frontiers[side]:
            depth, blank = mine[state][0], state.index(0)
            for direction in "UDLR":
                if not legal(blank, direction, size):
                    continue
                after = list(state)
                slide(after, blank, direction, size)
                after_key = tuple(after)
                if after_key in mine:
                    continue
                mine[after_key] = (depth + 1, state, direction)
                layer.append(after_key)
                if after_key in other:
                    length = depth + 1 + other[after_key][0]
                    if best is None or length < best[0]:
                        best = (length, after_key)
        if best is not None:
            return _join(sides, best[1])
        frontiers[side] = layer


def _join(sides: list[dict], meeting: tuple[int, ...]) -> list[str]:
    """The moves start -> meeting (forward side) then meeting -> goal (backward side)."""
    forward, state = [], meeting
    while sides[0][state][1] is not None:
        _, state, direction = sides[0][state]
        forward.append(direction)
    backward, state = [], meeting
    while sides[1][state][1] is not None:
        _, parent, direction = sides[1][state]
        backward.append(OPPOSITE[direction])
        state = parent
    return forward[::-1] + backward


def optimal_moves(board: list[int], size: int) -> list[str]:
    """A shortest sequence of blank moves that solves the board.

    Raises _TooHard when a 15-puzzle needs more IDA* nodes than the budget allows.
    """
    if size == 3:
        return _bidirectional(board, size)
    return _Solver(board, size).solve()


def rows(board: list[int], size: int) -> list[str]:
    width = len(str(size * size - 1))
    return [" ".join(str(t).rjust(width) if t else "_".rjust(width) for t in board[r * size:(r + 1) * size])
            for r in range(size)]


def _question(board: list[int], size: int, budget: int) -> str:
    return (
        f"This is a {size}x{size} sliding puzzle; _ is the empty space (the blank).\n\n"
        + "\n".join(rows(board, size)) + "\n\nThe solved position is:\n\n"
        + "\n".join(rows(solved(size), size)) + "\n\n"
        "A move slides a tile next to the blank into it; name each move by the direction in "
        "which the BLANK moves: U (the blank swaps with the tile above it), D (below), L (to its "
        f"left) or R (to its right). Solve the puzzle in at most {budget} moves. Answer with the "
        "letters in order, separated by spaces, e.g. U L D R."
    )


def generate(rng: random.Random, *, size: int, scramble: int, slack: int) -> Problem:
    for name, value in (("size", size), ("scramble", scramble), ("slack", slack)):
        low, high = _BOUNDS[name]
        if not low <= value <= high:
            raise InvalidParameterError(f"sliding_puzzle: expected {name} between {low} and {high}, found {value}")
    for _ in range(_MAX_ATTEMPTS):
        board = _scramble(rng, size, scramble)
        if board == solved(size):
            continue
        try:
            moves = optimal_moves(board, size)
        except _TooHard:
            continue
        budget = len(moves) + slack
        data = {"size": size, "board": [board[r * size:(r + 1) * size] for r in range(size)],
                "optimum": len(moves), "budget": budget}
        return Problem(question=_question(board, size, budget), data=data, reference=" ".join(moves))
    raise GenerationError(
        f"sliding_puzzle: every walk of {scramble} moves came back to the start or was too hard to solve")
