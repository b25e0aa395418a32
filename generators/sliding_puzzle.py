"""Sliding puzzle: put the tiles of an 8- or 15-puzzle in order within a move budget.

Description:
    A 3x3 (8-puzzle) or 4x4 (15-puzzle) board is scrambled by a random walk of the blank from
    the solved position (no step undoes the previous one), so it is always solvable. The exact
    optimum is computed with IDA* (Manhattan distance plus linear conflicts, an admissible
    heuristic, updated per move from the rows and columns kept as integer codes, each line's
    conflicts looked up in a table shared by all boards) for the 15-puzzle (a board needing too
    many search nodes is redrawn, so the generation time stays bounded) and with bidirectional
    breadth-first search for the 8-puzzle (boards coded as integers; the half of the search that
    starts from the solved board is the same for every board, so it is kept and grown on
    demand). The prompt allows the optimum plus ``slack`` moves.
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
from dataclasses import dataclass
from functools import cache

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


def _conflicts(code: int, is_row: bool, index: int, size: int) -> int:
    """Extra moves forced by tiles in their goal line but in reverse order (2 per tile to move).

    ``code`` holds the line's tiles, 4 bits per cell, in board order.
    """
    line = [code >> 4 * k & 15 for k in range(size)]
    goals = [((t - 1) % size if is_row else (t - 1) // size) for t in line
             if t and ((t - 1) // size if is_row else (t - 1) % size) == index]
    longest = [1] * len(goals)  # longest increasing run ending at each tile
    for i in range(len(goals)):
        for j in range(i):
            if goals[j] < goals[i]:
                longest[i] = max(longest[i], longest[j] + 1)
    return 2 * (len(goals) - max(longest, default=0))


@cache
def _conflict_table(size: int) -> dict[int, int]:
    """Linear conflicts per (line code, axis, line index), filled as lines are met; shared by all boards.

    It stays bounded: a line of the 15-puzzle holds one of 16 * 15 * 14 * 13 tile sequences.
    """
    return {}


class _Solver:
    """IDA* with Manhattan distance plus linear conflicts, updated incrementally.

    The rows and columns are kept as integer codes (4 bits per cell), so a move updates four
    codes and looks up the conflicts of the two lines whose order it changes.
    """

    def __init__(self, board: list[int], size: int) -> None:
        self.size, self.board = size, list(board)
        self.blank = board.index(0)
        self.path: list[str] = []
        self.nodes = 0
        # lines[0][r]: row r, lines[1][c]: column c
        self.lines = [[sum(board[r * size + c] << 4 * c for c in range(size)) for r in range(size)],
                      [sum(board[r * size + c] << 4 * r for r in range(size)) for c in range(size)]]
        self.table = _conflict_table(size)
        self.conflicts = [[self._lookup(code, axis, k) for k, code in enumerate(self.lines[axis])]
                          for axis in (0, 1)]

    def _lookup(self, code: int, axis: int, index: int) -> int:
        key = (code << 1 | axis) << 3 | index
        if (value := self.table.get(key)) is None:
            value = self.table[key] = _conflicts(code, axis == 0, index, self.size)
        return value

    def heuristic(self) -> int:
        size = self.size
        manhattan = sum(abs(i // size - (t - 1) // size) + abs(i % size - (t - 1) % size)
                        for i, t in enumerate(self.board) if t)
        return manhattan + sum(map(sum, self.conflicts))

    def _moves(self) -> list[list[tuple[str, int, int, int, int, int]]]:
        """Per blank cell, its legal moves in the order U, D, L, R, as (direction, new blank
        cell, axis (0: the tile changes row, 1: column), the blank's and the tile's line on that
        axis, the position along those lines)."""
        size, moves = self.size, []
        for blank in range(size * size):
            row, col = divmod(blank, size)
            listed = []
            for direction in "UDLR":
                if legal(blank, direction, size):
                    target = blank + DIRECTIONS[direction][0] * size + DIRECTIONS[direction][1]
                    listed.append((direction, target, 0, row, target // size, col) if direction in "UD"
                                  else (direction, target, 1, col, target % size, row))
            moves.append(listed)
        return moves

    def solve(self) -> list[str]:
        """A shortest solution, found with the moves tried in the order U, D, L, R.

        Raises _TooHard after more than _NODE_LIMIT calls of the search.
        """
        size, board, lines, conflicts, lookup = self.size, self.board, self.lines, self.conflicts, self._lookup
        goals = [[(t - 1) // size for t in range(size * size)], [(t - 1) % size for t in range(size * size)]]
        moves, path = self._moves(), self.path

        def search(g: int, h: int, bound: int, back: str) -> int:
            self.nodes += 1
            if self.nodes > _NODE_LIMIT:
                raise _TooHard
            if g + h > bound:
                return g + h
            if h == 0:
                return -1
            smallest = 1 << 30
            blank = self.blank
            for direction, target, axis, new, old, at in moves[blank]:
                if direction == back:
                    continue
                tile = board[target]
                main, cross, line_conflicts = lines[axis], lines[1 - axis], conflicts[axis]
                shift, moved = 4 * at, (tile << 4 * new) - (tile << 4 * old)
                before_new, before_old = line_conflicts[new], line_conflicts[old]
                main[new] += tile << shift
                main[old] -= tile << shift
                cross[at] += moved
                line_conflicts[new] = lookup(main[new], axis, new)
                line_conflicts[old] = lookup(main[old], axis, old)
                goal = goals[axis][tile]
                change = (abs(new - goal) - abs(old - goal) + line_conflicts[new] + line_conflicts[old]
                          - before_new - before_old)
                board[blank], board[target] = tile, 0
                self.blank = target
                path.append(direction)
                found = search(g + 1, h + change, bound, OPPOSITE[direction])
                if found == -1:
                    return -1
                smallest = min(smallest, found)
                path.pop()
                self.blank = blank
                board[blank], board[target] = 0, tile
                main[new] -= tile << shift
                main[old] += tile << shift
                cross[at] -= moved
                line_conflicts[new], line_conflicts[old] = before_new, before_old
            return smallest

        h = self.heuristic()
        bound = h
        while True:
            found = search(0, h, bound, "")
            if found == -1:
                return path
            bound = found


def _encode(board: list[int]) -> int:
    """A board as an integer, 4 bits per cell (cell i in bits 4i to 4i + 3)."""
    return sum(tile << 4 * i for i, tile in enumerate(board))


@cache
def _blank_moves(size: int) -> tuple[tuple[tuple[int, int, int, int], ...], ...]:
    """Per blank cell, its legal moves in the order U, D, L, R, as (direction index, new blank cell,
    bit shift of that cell, multiplier): the moved tile times the multiplier, added to a board's
    code, moves the tile into the blank's cell."""
    return tuple(tuple((k, target, 4 * target, (1 << 4 * blank) - (1 << 4 * target))
                       for k, direction in enumerate("UDLR") if legal(blank, direction, size)
                       for target in [blank + DIRECTIONS[direction][0] * size + DIRECTIONS[direction][1]])
                 for blank in range(size * size))


@dataclass(frozen=True, slots=True)
class _Layer:
    states: list[int]  # in order of discovery
    blanks: list[int]  # the blank's cell in each state
    end: int  # how many states lie in this layer and the ones before


class _GoalSide:
    """Breadth-first search from the solved board, by layers, extended on demand.

    This half of the bidirectional search is the same for every board of a size, so it is kept
    and shared instead of being redone per board.
    """

    def __init__(self, size: int) -> None:
        goal = _encode(solved(size))
        self.moves = _blank_moves(size)
        self.layers = [_Layer([goal], [size * size - 1], 1)]
        self.parents = {goal: -1}  # state -> parent << 2 | direction index (from parent to state)
        self.order = {goal: 0}  # state -> rank in order of discovery

    def layer(self, depth: int) -> _Layer:
        """The states ``depth`` moves from the solved board."""
        while len(self.layers) <= depth:
            self._grow()
        return self.layers[depth]

    def _grow(self) -> None:
        """Add the next layer; the shared tables change only once it is complete.

        Each move takes the blank to a cell of the other colour of a chessboard, so a state's
        neighbours lie one layer before or one after it: only the layer before need be avoided.
        """
        last = self.layers[-1]
        before = set(self.layers[-2].states) if len(self.layers) > 1 else set()
        fresh: dict[int, int] = {}
        blanks = []
        for state, blank in zip(last.states, last.blanks, strict=True):
            for direction, target, shift, multiplier in self.moves[blank]:
                after = state + (state >> shift & 15) * multiplier
                if after not in before and after not in fresh:
                    fresh[after] = state << 2 | direction
                    blanks.append(target)
        self.parents.update(fresh)
        self.order.update(zip(fresh, range(last.end, last.end + len(fresh)), strict=True))
        self.layers.append(_Layer(list(fresh), blanks, last.end + len(fresh)))


@cache
def _goal_side(size: int) -> _GoalSide:
    return _GoalSide(size)


def _bidirectional(board: list[int], size: int) -> list[str]:
    """A shortest solution by breadth-first search from both ends (fast for the 8-puzzle).

    Each round grows the side with the smaller frontier by one layer and stops at the first
    state found that the other side has reached. The goal side is shared (see ``_GoalSide``);
    boards are integers, so the states, their order and the path are those of the same search
    over tuples.
    """
    start = _encode(board)
    goal_side = _goal_side(size)
    if start == goal_side.layers[0].states[0]:
        return []
    moves, order = goal_side.moves, goal_side.order
    parents = {start: -1}  # state -> parent << 2 | direction index, as on the goal side
    frontier, blanks, back = [start], [board.index(0)], 0
    while True:
        if len(frontier) <= len(goal_side.layer(back).states):
            reached = goal_side.layer(back).end  # the goal side holds the states ranked below this
            layer, layer_blanks = [], []
            for state, blank in zip(frontier, blanks, strict=True):
                for direction, target, shift, multiplier in moves[blank]:
                    after = state + (state >> shift & 15) * multiplier
                    if after in parents:
                        continue
                    parents[after] = state << 2 | direction
                    if order.get(after, reached) < reached:
                        return _join(parents, goal_side.parents, after)
                    layer.append(after)
                    layer_blanks.append(target)
            frontier, blanks = layer, layer_blanks
        else:
            back += 1
            for state in goal_side.layer(back).states:  # in the order the goal side finds them
                if state in parents:
                    return _join(parents, goal_side.parents, state)


def _join(forward: dict[int, int], backward: dict[int, int], meeting: int) -> list[str]:
    """The moves start -> meeting (forward side) then meeting -> goal (backward side)."""
    moves, state = [], meeting
    while (code := forward[state]) >= 0:
        moves.append("UDLR"[code & 3])
        state = code >> 2
    moves.reverse()
    state = meeting
    while (code := backward[state]) >= 0:
        moves.append(OPPOSITE["UDLR"[code & 3]])
        state = code >> 2
    return moves


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
