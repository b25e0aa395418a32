"""Verifier for sliding_puzzle: the blank's moves, simulated on the board, solve it within the budget."""

from __future__ import annotations

from typing import Any

from bootcamps.moves import split_steps
from bootcamps.types import Verdict

_FORMAT = "expected the directions the blank moves, as letters U, D, L, R separated by spaces, e.g. U L D R"
_WORDS = {"up": "U", "down": "D", "left": "L", "right": "R", "\u2191": "U", "\u2193": "D", "\u2190": "L",
          "\u2192": "R"}
_STEP = {"U": -1, "D": 1, "L": 0, "R": 0}
_OPPOSITE = {"U": "D", "D": "U", "L": "R", "R": "L"}


def parse_directions(answer: str, budget: int) -> list[str] | str:
    """The blank's moves as letters, or why the answer cannot be read."""
    limit = budget + 100
    steps = split_steps(answer, max_steps=limit, max_chars=8 * limit + 200)
    if steps is None:
        return f"the answer is too long; {_FORMAT}"
    moves: list[str] = []
    for token in (token for step in steps for token in step.split()):
        lowered = token.lower()
        if lowered in _WORDS:
            moves.append(_WORDS[lowered])
        elif set(lowered) <= set("udlr"):
            moves.extend(lowered.upper())
        else:
            return f"{token[:20]!r} is not a direction; {_FORMAT}"
        if len(moves) > limit:
            return f"the answer is too long; {_FORMAT}"
    return moves


def simulate(data: dict[str, Any], moves: list[str]) -> list[int] | str:
    """The board (row-major) after the moves, or the first move that leaves the board."""
    size = data["size"]
    board = [tile for row in data["board"] for tile in row]
    blank = board.index(0)
    for index, move in enumerate(moves, start=1):
        row, col = divmod(blank, size)
        if (move == "U" and row == 0) or (move == "D" and row == size - 1) or \
                (move == "L" and col == 0) or (move == "R" and col == size - 1):
            return f"move {index} ({move}) would push the blank off the board"
        target = blank + _STEP[move] * size + (move == "R") - (move == "L")
        board[blank], board[target] = board[target], 0
        blank = target
    return board


def verify(data: dict[str, Any], answer: str) -> Verdict:
    moves = parse_directions(answer, data["budget"])
    if isinstance(moves, str):
        return Verdict.unparsable(moves)
    board = simulate(data, moves)
    if isinstance(board, str):
        return Verdict.wrong(board)
    size = data["size"]
    if board != [*range(1, size * size), 0]:
        misplaced = sum(1 for i, tile in enumerate(board) if tile and tile != i + 1)
        return Verdict.wrong(f"after these {len(moves)} moves the puzzle is not solved: "
                             f"{misplaced} tile(s) are out of place")
    if len(moves) > data["budget"]:
        return Verdict.wrong(f"the puzzle is solved but with {len(moves)} moves; at most {data['budget']} are allowed")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

_NAMES = {"U": "up", "D": "down", "L": "left", "R": "right"}


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    moves = reference.split()
    forms = [
        "".join(moves),
        ", ".join(moves),
        "\n".join(moves),
        reference.lower(),
        " ".join(_NAMES[m] for m in moves),
        ", ".join(_NAMES[m].capitalize() for m in moves),
        " ".join({"U": "\u2191", "D": "\u2193", "L": "\u2190", "R": "\u2192"}[m] for m in moves),
        f"[{', '.join(moves)}]",
        "\n".join(f"{i}. {m}" for i, m in enumerate(moves, start=1)),
    ]
    if data["budget"] - data["optimum"] >= 2:  # the solved board's blank can step up and back
        forms.append(" ".join([*moves, "U", "D"]))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    moves = reference.split()
    extra = (data["budget"] - data["optimum"]) // 2 + 1
    others = [d for d in "UDLR" if d != moves[0]]
    misses = [
        " ".join(moves[:-1]),
        " ".join(_OPPOSITE[m] for m in moves),  # the tiles' directions instead of the blank's
        " ".join(moves[::-1]),
        " ".join([*moves, *(["U", "D"] * extra)]),  # solved, over budget
        " ".join([*others[:1], *moves[1:]]),
        " ".join([*moves[:1], *moves]),
        f"{reference} or {' '.join(moves[:-1])}",
        str(data["optimum"]),
        "\n".join(" ".join(str(t) for t in row) for row in data["board"]),
        " ".join(moves[1:]),
    ]
    return [miss for miss in misses if not verify(data, miss).correct]
