"""Verifier for sokoban: the moves, simulated in the room, push every box onto a goal within the move budget."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

MAX_MOVES = 2000
_MAX_CHARS = 16 * MAX_MOVES
_FORMAT = "expected the moves as letters U, D, L and R, e.g. LLURDR"
_TOKEN = re.compile(r"[a-z]+|\S")
_WORD_MOVES = {"up": "U", "down": "D", "left": "L", "right": "R", "north": "U", "south": "D", "west": "L",
               "east": "R", "↑": "U", "↓": "D", "←": "L", "→": "R"}
_SEPARATORS = frozenset(",;.-|>/[]()")
STEPS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


def parse_moves(answer: str) -> str | None:
    """The moves as a string of U/D/L/R, or None when the text is not a move list."""
    if not isinstance(answer, str) or len(answer) > _MAX_CHARS:
        return None
    moves = []
    for token in _TOKEN.findall(answer.casefold()):
        if token in _WORD_MOVES:
            moves.append(_WORD_MOVES[token])
        elif token.isalpha() and not token.strip("udlr"):
            moves.append(token.upper())
        elif token not in _SEPARATORS:
            return None
        if len(moves) > MAX_MOVES:
            return None
    return "".join(moves)


def read_room(rows: list[str]) -> tuple[set[tuple[int, int]], set[tuple[int, int]], set[tuple[int, int]],
                                         tuple[int, int]]:
    """Walls, goals, boxes and the player from XSB rows (# wall, - floor, . goal, $ box, * box on goal,
    @ player, + player on goal)."""
    walls, goals, boxes = set(), set(), set()
    player = (0, 0)
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            if ch == "#":
                walls.add((r, c))
            if ch in ".*+":
                goals.add((r, c))
            if ch in "$*":
                boxes.add((r, c))
            if ch in "@+":
                player = (r, c)
    return walls, goals, boxes, player


def simulate(rows: list[str], moves: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]] | str:
    """(boxes, goals) after the moves, or why a move is illegal."""
    walls, goals, boxes, (r, c) = read_room(rows)
    for number, move in enumerate(moves, 1):
        dr, dc = STEPS[move]
        ahead = (r + dr, c + dc)
        if ahead in walls:
            return f"move {number} ({move}) walks into a wall"
        if ahead in boxes:
            beyond = (r + 2 * dr, c + 2 * dc)
            if beyond in walls or beyond in boxes:
                return f"move {number} ({move}) pushes a box into a wall or another box"
            boxes.remove(ahead)
            boxes.add(beyond)
        r, c = ahead
    return boxes, goals


def verify(data: dict[str, Any], answer: str) -> Verdict:
    moves = parse_moves(answer)
    if moves is None:
        return Verdict.unparsable(_FORMAT)
    budget = data["budget"]
    if len(moves) > budget:
        return Verdict.wrong(f"{len(moves)} moves is over the budget of {budget} moves")
    result = simulate(data["rows"], moves)
    if isinstance(result, str):
        return Verdict.wrong(result)
    boxes, goals = result
    off = len(boxes - goals)
    if off:
        return Verdict.wrong(f"after these moves {off} box(es) are not on a goal")
    return Verdict.right()


_OPPOSITE = {"U": "D", "D": "U", "L": "R", "R": "L"}


def _free_step(data: dict[str, Any]) -> str | None:
    """A direction the player can step in and back from at the start without touching a box."""
    walls, _, boxes, (r, c) = read_room(data["rows"])
    for move, (dr, dc) in STEPS.items():
        if (r + dr, c + dc) not in walls and (r + dr, c + dc) not in boxes:
            return move
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    words = {"U": "up", "D": "down", "L": "left", "R": "right"}
    forms = [reference.lower(), " ".join(reference), ", ".join(words[m] for m in reference),
             "\n".join(words[m].capitalize() for m in reference), "-".join(reference)]
    step = _free_step(data)
    if step and len(reference) + 2 <= data["budget"]:
        forms.append(step + _OPPOSITE[step] + reference)  # a detour, still within the budget
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    mirrored = reference.translate(str.maketrans("UDLR", "DURL"))
    misses = [reference[:-1] or "U", reference[:-1] + _OPPOSITE[reference[-1]], reference[::-1], mirrored,
              reference[1:], f"{reference} or {reference[:-1]}", "\n".join(data["rows"])]
    step = _free_step(data)
    if step:
        wiggles = (data["budget"] - len(reference)) // 2 + 1
        misses.append((step + _OPPOSITE[step]) * wiggles + reference)  # solves it, over the budget
    return [miss for miss in misses if not verify(data, miss).correct]
