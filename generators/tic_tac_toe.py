"""Tic-tac-toe: from a position under way, get the best result against a perfect opponent.

Description:
    A size x size board where win_length marks in a row (across, down or diagonal) win; X moves
    first. Some stones are already placed (random cells, X and O alternately, nobody has won)
    and the model plays the side to move against a perfect minimax opponent (fastest win,
    slowest loss, lowest cell on ties). Exact memoised minimax proves at generation what the
    model can force from the start: a win, or a draw; the prompt says which.
Difficulty:
    size, win_length: 3x3 three-in-a-row up to level 6, then 4x4 with four (draws) or three
        (sharp wins) in a row.
    stones: stones already on the board (an odd count means the model plays O); 4x4 boards
        need at least 4 (three in a row) or 6 (four in a row) to keep the exact search fast.
    value: "win" (a forced win exists) or "draw" (the best the model can force is a draw).
    min_win_moves: for "win", the fastest forced win takes at least this many model moves.
    min_blunders: at least this many of the model's first moves throw the value away
        (fewer safe moves: the position is sharper).
    quiet: no immediate win and no immediate threat for either side at the start, so the
        right moves come from looking ahead (forks), not from completing or blocking a line.
Prompt:
    The rules, the board with column letters and row numbers, which mark the model plays, what
    it can force, the move syntax, the turn limit, and the note that feedback follows each move.
Answer format:
    A transcript: one cell per line, column letter then row number (``B2``); ``2B``, ``b2`` and
    ``row 2, column 2`` are read too. In interactive use, one cell per turn in the answer tags.
Verification:
    The transcript is replayed through ``verifiers.tic_tac_toe.step``; the opponent replies
    with its minimax move. Correct when the model gets the proved value (a win when a win was
    forced, a win or a draw when a draw was the best); a draw when a win was forced scores 0.5
    (partial); a loss, or running out of turns, is wrong.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.tic_tac_toe import (
    WIN,
    Solver,
    first_moves,
    outcome,
    play_out,
    render,
    solver,
)

_MAX_ATTEMPTS = 3000
_TURN_SLACK = 3
_FEWEST_STONES = {(4, 3): 4, (4, 4): 6}


def _place(rng: random.Random, size: int, stones: int) -> str:
    cells = rng.sample(range(size * size), stones)
    board = ["."] * (size * size)
    for index, cell in enumerate(cells):
        board[cell] = "X" if index % 2 == 0 else "O"
    return "".join(board)


def _threat_cells(game: Solver, board: str, mark: str) -> int:
    """Free cells where ``mark`` would complete a line, as a bitmask."""
    stones = sum(1 << cell for cell, char in enumerate(board) if char == mark)
    free = sum(1 << cell for cell, char in enumerate(board) if char == ".")
    cells = 0
    for line in game.lines:
        rest = line & ~stones
        if rest & free == rest and rest & (rest - 1) == 0:
            cells |= rest
    return cells


def _cheap_reject(game: Solver, board: str, mark: str, value: str, min_win_moves: int, quiet: bool) -> bool:
    """Whether the board fails a condition visible without search (someone has won, a threat...)."""
    other = "O" if mark == "X" else "X"
    if any(game.has_line(sum(1 << c for c, char in enumerate(board) if char == m)) for m in "XO"):
        return True
    mine = _threat_cells(game, board, mark)
    # a win on this move settles the value: a win in 1
    if mine and not (value == "win" and min_win_moves <= 1):
        return True
    return quiet and bool(mine or _threat_cells(game, board, other))


def _question(data: dict, turn_limit: int) -> str:
    size, mark = data["size"], data["player"]
    other = "O" if mark == "X" else "X"
    goal = ("From this position you can force a win: win the game." if data["value"] == "win" else
            "Against perfect play the best you can force from here is a draw: do not lose.")
    return (
        f"You are playing tic-tac-toe on a {size}x{size} board against a perfect opponent. A player "
        f"wins by getting {data['win_length']} of their marks in a row, across, down or diagonally; "
        "X moves first and the players alternate. The game is already under way: you play "
        f"{mark}, the opponent plays {other}, and it is your move. The board ('.' is empty; "
        "columns are letters, rows are numbers):\n\n"
        f"{render(data['board'], size)}\n\n{goal}\n\n"
        "Each turn, write your move inside <answer></answer> as the cell's column letter followed by "
        "its row number, for example <answer>B2</answer>. After each move you see the opponent's "
        "reply and the board. An illegal or unreadable move is rejected, the board stays as it is, "
        f"and it still uses one of your {turn_limit} turns; if the game is not over after that many "
        "turns of yours, you lose."
    )


def _win_moves(score: int) -> int:
    """How many model moves a forced win with this score takes (each ply moves the score by 1)."""
    return (WIN - score) // 2 + 1


def _fits(scores: list[tuple[int, int]], value: str, min_win_moves: int, min_blunders: int) -> bool:
    best = max(score for score, _ in scores)
    if outcome(best) != value:
        return False
    if value == "win" and _win_moves(best) < min_win_moves:
        return False
    return sum(outcome(score) != value for score, _ in scores) >= min_blunders


def generate(rng: random.Random, *, size: int, win_length: int, stones: int, value: str, min_win_moves: int,
             min_blunders: int, quiet: bool) -> Problem:
    win_length = min(win_length, size)
    stones = min(stones, size * size - 2)
    fewest = _FEWEST_STONES.get((size, win_length), 0)
    if stones < fewest:
        # an emptier board makes the exact search (here and in every verifier process) too slow
        raise GenerationError(f"tic_tac_toe: expected stones >= {fewest} on a {size}x{size} board with "
                              f"{win_length} in a row, found {stones}")
    mark = "X" if stones % 2 == 0 else "O"
    game = solver(size, win_length)
    for _ in range(_MAX_ATTEMPTS):
        board = _place(rng, size, stones)
        if _cheap_reject(game, board, mark, value, min_win_moves, quiet):
            continue
        data = {"size": size, "win_length": win_length, "board": board, "player": mark, "value": value}
        scores = first_moves(data)
        if not _fits(scores, value, min_win_moves, min_blunders):
            continue
        best = max(score for score, _ in scores)
        data["win_moves"] = _win_moves(best) if value == "win" else None
        data["turn_limit"] = (board.count(".") + 1) // 2 + _TURN_SLACK
        return Problem(question=_question(data, data["turn_limit"]), data=data,
                       reference="\n".join(play_out(data)))
    raise GenerationError(
        f"tic_tac_toe: no {size}x{size} position with {stones} stones and value {value!r} "
        f"(win in >= {min_win_moves} moves, >= {min_blunders} losing first moves) in {_MAX_ATTEMPTS} attempts"
    )
