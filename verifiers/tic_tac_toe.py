"""Verifier for tic_tac_toe: the rules, a perfect memoised minimax opponent, and transcript replay."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.interactive import Feedback, replay
from bootcamps.types import Verdict

WIN = 100  # score of winning on this move; each further ply brings a score one step closer to 0
_CACHE_LIMIT = 300_000
_RENDER_CACHE_LIMIT = 20_000
_MAX_MOVE_CHARS = 40
_LETTERS = "abcd"
_CELL = re.compile(r"([a-d])\s*-?\s*([1-9])|([1-9])\s*-?\s*([a-d])")
_ROW_COL = re.compile(r"r(?:ow)?\s*([1-9])\s*[,;]?\s*c(?:ol(?:umn)?)?\s*([1-9])")


# -- the game ---------------------------------------------------------------------------------

class Solver:
    """Exact minimax on a size x size board where win_length in a row wins, memoised.

    Positions are two bitmasks (the stones of the player to move, and of the other player).
    ``score`` is from the mover's side: WIN - p for a forced win in p + 1 plies, -(WIN - p) for
    a forced loss, 0 for a draw. The cache is shared by every instance of the same board kind;
    it only ever holds exact values, so clearing it when it grows too big changes nothing.
    """

    def __init__(self, size: int, win_length: int) -> None:
        self.size = size
        self.full = (1 << size * size) - 1
        lines = []
        for r in range(size):
            for c in range(size):
                for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                    cells = [(r + i * dr, c + i * dc) for i in range(win_length)]
                    if all(0 <= a < size and 0 <= b < size for a, b in cells):
                        lines.append(sum(1 << (a * size + b) for a, b in cells))
        self.lines = lines
        self.through = [[line for line in lines if line >> cell & 1] for cell in range(size * size)]
        self.cache: dict[int, int] = {}
        self.moves: dict[int, int] = {}

    def completes(self, mask: int, cell: int) -> bool:
        """Whether the stones ``mask`` (which hold ``cell``) have a line through ``cell``."""
        for line in self.through[cell]:
            if mask & line == line:
                return True
        return False

    def has_line(self, mask: int) -> bool:
        return any(mask & line == line for line in self.lines)

    def score(self, me: int, opp: int) -> int:
        """The minimax score for the player to move (``me``) in a position nobody has won yet."""
        key = me << 16 | opp
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        free = self.full & ~(me | opp)
        threats = 0  # free cells where the other player would complete a line
        for line in self.lines:
            rest = line & ~me
            if rest & free == rest and rest & (rest - 1) == 0:
                best = WIN  # one stone short and that cell is free: win now
                break
            rest = line & ~opp
            if rest & free == rest and rest & (rest - 1) == 0:
                threats |= rest
        else:
            best = self._search(me, opp, free, threats)
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        self.cache[key] = best
        return best

    def _search(self, me: int, opp: int, free: int, threats: int) -> int:
        """The score when the mover cannot win at once: block a single threat, else try every cell."""
        if not free:
            return 0
        if threats & (threats - 1):
            return 1 - WIN  # two threats cannot both be blocked: lost on the next ply
        best = -WIN
        candidates = threats or free
        while candidates:
            bit = candidates & -candidates
            candidates ^= bit
            value = -self.score(opp, me | bit)
            value = value - 1 if value > 0 else value + 1 if value < 0 else 0
            if value > best:
                best = value
                if best == WIN - 2:  # a win on the next move but one: nothing better is possible
                    break
        return best

    def move_scores(self, me: int, opp: int) -> list[tuple[int, int]]:
        """(score, cell) of every legal move of the player to move, in cell order."""
        scores = []
        for cell in range(self.size * self.size):
            bit = 1 << cell
            if (me | opp) & bit:
                continue
            mine = me | bit
            scores.append((WIN if self.completes(mine, cell) else _decay(-self.score(opp, mine)), cell))
        return scores

    def best_move(self, me: int, opp: int) -> int:
        """The perfect move: the highest score (fastest win, slowest loss), lowest cell on ties."""
        key = me << 16 | opp
        cell = self.moves.get(key)
        if cell is None:
            cell = max(self.move_scores(me, opp), key=lambda pair: (pair[0], -pair[1]))[1]
            if len(self.moves) >= _CACHE_LIMIT:
                self.moves.clear()
            self.moves[key] = cell
        return cell


def _decay(value: int) -> int:
    return value - 1 if value > 0 else value + 1 if value < 0 else 0


_SOLVERS: dict[tuple[int, int], Solver] = {}


def solver(size: int, win_length: int) -> Solver:
    """The shared solver of a board kind."""
    key = (size, win_length)
    if key not in _SOLVERS:
        _SOLVERS[key] = Solver(size, win_length)
    return _SOLVERS[key]


def masks(board: str, mark: str) -> tuple[int, int]:
    """(stones of ``mark``, stones of the other mark) as bitmasks of a board string."""
    mine = theirs = 0
    for cell, char in enumerate(board):
        if char == mark:
            mine |= 1 << cell
        elif char != ".":
            theirs |= 1 << cell
    return mine, theirs


def outcome(score: int) -> str:
    return "win" if score > 0 else "loss" if score < 0 else "draw"


def cell_name(cell: int, size: int) -> str:
    return "ABCD"[cell % size] + str(cell // size + 1)


_RENDERED: dict[str, str] = {}


def render(board: str, size: int) -> str:
    """The board with column letters and row numbers."""
    text = _RENDERED.get(board)
    if text is None:
        rows = ["  " + " ".join(_LETTERS[:size].upper())]
        rows += [f"{r + 1} " + " ".join(board[r * size:(r + 1) * size]) for r in range(size)]
        text = "\n".join(rows)
        if len(_RENDERED) >= _RENDER_CACHE_LIMIT:
            _RENDERED.clear()
        _RENDERED[board] = text  # the board string fixes the size: its length is size * size
    return text


# -- moves ------------------------------------------------------------------------------------

def parse_cell(action: str, size: int) -> int | None | str:
    """The cell index of 'B2' (column letter, row number), '2B', 'b2' or 'row 2 col 2'.

    None when the text is not a cell; a message when it names a cell off the board.
    """
    if not isinstance(action, str) or len(action) > _MAX_MOVE_CHARS:
        return None
    if len(action) == 2 and action[0] in "ABCD" and action[1] in "1234":  # the common case, fast
        row, col = int(action[1]) - 1, "ABCD".index(action[0])
        return row * size + col if row < size and col < size else f"there is no such cell on a {size}x{size} board"
    text = action.strip().strip("`*.").strip().lower()
    match = _CELL.fullmatch(text)
    if match:
        letter, digit = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        col, row = _LETTERS.index(letter), int(digit) - 1
    else:
        match = _ROW_COL.fullmatch(text)
        if not match:
            return None
        row, col = int(match.group(1)) - 1, int(match.group(2)) - 1
    if not (0 <= row < size and 0 <= col < size):
        return f"there is no such cell on a {size}x{size} board"
    return row * size + col


# -- the protocol -----------------------------------------------------------------------------

def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"board": data["board"], "turn": 0}


def _other(mark: str) -> str:
    return "O" if mark == "X" else "X"


def _end(data: dict[str, Any], result: str, text: str, state: dict[str, Any]) -> Feedback:
    """The final feedback for a result of the model: win, draw or loss."""
    if result == "win":
        verdict = Verdict.right("you won")
    elif result == "draw" and data["value"] == "draw":
        verdict = Verdict.right("a draw, the best result that could be forced")
    elif result == "draw":
        verdict = Verdict.partial(0.5, "a draw, but a win could have been forced")
    else:
        verdict = Verdict.wrong("you lost")
    return Feedback(text, state, done=True, verdict=verdict)


def _illegal(data: dict[str, Any], state: dict[str, Any], why: str) -> Feedback:
    turn = state["turn"] + 1
    new_state = {"board": state["board"], "turn": turn}
    if turn >= data["turn_limit"]:
        return Feedback(f"{why}. That was your last turn: you lose.", new_state, done=True,
                        verdict=Verdict.wrong("out of turns before the game ended"), legal=False)
    left = data["turn_limit"] - turn
    return Feedback(f"{why}. The board is unchanged (turns left: {left}):\n{render(state['board'], data['size'])}",
                    new_state, legal=False)


def step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    size, board = data["size"], state["board"]
    cell = parse_cell(action, size)
    if cell is None:
        return _illegal(data, state, "Unreadable move: expected a cell as column letter and row number, e.g. B2")
    if isinstance(cell, str):
        return _illegal(data, state, f"Illegal move: {cell}")
    if board[cell] != ".":
        return _illegal(data, state, f"Illegal move: {cell_name(cell, size)} is already taken")
    mark = data["player"]
    game = solver(size, data["win_length"])
    board = board[:cell] + mark + board[cell + 1:]
    turn = state["turn"] + 1
    mine, theirs = masks(board, mark)
    if game.completes(mine, cell):
        return _end(data, "win", f"You played {cell_name(cell, size)} and won.\n{render(board, size)}",
                    {"board": board, "turn": turn})
    if "." not in board:
        return _end(data, "draw", f"You played {cell_name(cell, size)}. The board is full: a draw.\n"
                    f"{render(board, size)}", {"board": board, "turn": turn})
    reply = game.best_move(theirs, mine)
    board = board[:reply] + _other(mark) + board[reply + 1:]
    new_state = {"board": board, "turn": turn}
    text = f"You played {cell_name(cell, size)}; the opponent played {cell_name(reply, size)}."
    if game.completes(theirs | 1 << reply, reply):
        return _end(data, "loss", f"{text} The opponent won.\n{render(board, size)}", new_state)
    if "." not in board:
        return _end(data, "draw", f"{text} The board is full: a draw.\n{render(board, size)}", new_state)
    if turn >= data["turn_limit"]:
        return Feedback(f"{text} That was your last turn: you lose.", new_state, done=True,
                        verdict=Verdict.wrong("out of turns before the game ended"))
    return Feedback(f"{text} Your move ({mark}):\n{render(board, size)}", new_state)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, step)


# -- scripted players and audit hooks ---------------------------------------------------------

def play_out(data: dict[str, Any], first: int | None = None) -> list[str]:
    """The model's moves of a game where it plays perfectly, after ``first`` (a cell) if given."""
    game = solver(data["size"], data["win_length"])
    state = initial_state(data)
    moves: list[str] = []
    while True:
        mine, theirs = masks(state["board"], data["player"])
        cell = game.best_move(mine, theirs) if first is None else first
        first = None
        moves.append(cell_name(cell, data["size"]))
        feedback = step(data, state, moves[-1])
        if feedback.done:
            return moves
        state = feedback.state


def first_moves(data: dict[str, Any]) -> list[tuple[int, int]]:
    """(score, cell) of every first move of the model."""
    mine, theirs = masks(data["board"], data["player"])
    return solver(data["size"], data["win_length"]).move_scores(mine, theirs)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    lines = reference.splitlines()
    forms = [
        reference.lower(),
        "\n".join(f"{line[1]}{line[0]}" for line in lines),  # row number first: 2B
        "\n".join(f"row {line[1:]}, column {_LETTERS.index(line[0].lower()) + 1}" for line in lines),
        "\n\n".join(f"  {line[0]} {line[1:]} " for line in lines),
    ]
    best = max(score for score, _ in first_moves(data))
    good = [cell for score, cell in first_moves(data) if outcome(score) == outcome(best)]
    others = ["\n".join(play_out(data, first=cell)) for cell in good]
    forms += [other for other in others if other != reference][:3]  # other moves that keep the result
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    lines = reference.splitlines()
    size = data["size"]
    taken = [cell for cell, char in enumerate(data["board"]) if char != "."]
    misses = [
        "\n".join(lines[:-1]) or "Z9",  # stops before the end
        f"{reference}\n{lines[-1]}",  # goes on after the game ended
        render(data["board"], size),  # the board copied back
        "\n".join([f"{_LETTERS[size - 1].upper()}{size + 1}"] * data["turn_limit"]),  # off the board
    ]
    flipped = "\n".join(f"{line[0]}{size + 1 - int(line[1:])}" for line in lines)  # rows counted from below
    if not verify(data, flipped).correct:
        misses.append(flipped)
    if taken:
        misses.append("\n".join([cell_name(taken[0], size)] * data["turn_limit"]))  # an occupied cell
    best = max(score for score, _ in first_moves(data))
    blunders = [cell for score, cell in first_moves(data) if outcome(score) != outcome(best)]
    misses += ["\n".join(play_out(data, first=cell)) for cell in blunders[:3]]
    return [miss for miss in misses if miss != reference]
