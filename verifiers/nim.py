"""Verifier for nim: the rules of Nim, a perfect deterministic opponent, and transcript replay."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.interactive import Feedback, replay
from bootcamps.types import Verdict

_MAX_MOVE_CHARS = 80
_MASK64 = (1 << 64) - 1
_PAIR = re.compile(r"[\[(]?\s*(\d{1,4})\s*(?:[,;]\s*|\s+)(\d{1,4})\s*[\])]?")
_TAKE = re.compile(r"take\s+(\d{1,4})\s+(?:stones?\s+)?from\s+heap\s*#?\s*(\d{1,4})")
_EXPECTED = "expected 'heap count', e.g. '2 3' to take 3 stones from heap 2"


# -- the game ---------------------------------------------------------------------------------

def winning_move(heaps: list[int], misere: bool, lowest_first: bool = True) -> tuple[int, int] | None:
    """A winning move (heap index from 0, stones to take), or None when the mover loses.

    Ties are broken by heap index: lowest first (the opponent's rule) or highest first.
    """
    order = range(len(heaps)) if lowest_first else range(len(heaps) - 1, -1, -1)
    if misere:
        big = [i for i in order if heaps[i] >= 2]
        if len(big) <= 1:
            return _misere_endgame(heaps, big, order)
    total = 0
    for size in heaps:
        total ^= size
    if total == 0:
        return None
    for i in order:
        if heaps[i] ^ total < heaps[i]:
            return i, heaps[i] - (heaps[i] ^ total)
    raise AssertionError("unreachable: a non-zero nim-sum has a heap with its top bit")


def _misere_endgame(heaps: list[int], big: list[int], order: range) -> tuple[int, int] | None:
    """The misère winning move when at most one heap has 2 or more stones."""
    ones = sum(size == 1 for size in heaps)
    if not big:  # only heaps of 1: win by leaving an odd number of them
        return (next(i for i in order if heaps[i] == 1), 1) if ones % 2 == 0 else None
    # one big heap: reduce it so that an odd number of 1-heaps remains
    return big[0], heaps[big[0]] - (1 if ones % 2 == 0 else 0)


def _mix(seed: int, heaps: list[int]) -> int:
    """A deterministic 64-bit hash of (seed, heaps), independent of PYTHONHASHSEED."""
    value = seed
    for size in heaps:
        value = ((value ^ size) * 0x100000001B3) & _MASK64
    value = ((value ^ (value >> 31)) * 0xBF58476D1CE4E5B9) & _MASK64
    return value ^ (value >> 29)


def opponent_move(data: dict[str, Any], heaps: list[int]) -> tuple[int, int]:
    """The opponent's move: the winning one if any, else a hashed choice among all legal moves."""
    move = winning_move(heaps, data["misere"])
    if move is not None:
        return move
    index = _mix(data["opponent_seed"], heaps) % sum(heaps)
    for i, size in enumerate(heaps):
        if index < size:
            return i, index + 1
        index -= size
    raise AssertionError("unreachable: heaps are not all empty")


# -- moves ------------------------------------------------------------------------------------

def parse_move(action: str) -> tuple[int, int] | None:
    """(heap number from 1, count) from 'H C', 'H, C', '(H, C)' or 'take C from heap H'."""
    if not isinstance(action, str) or len(action) > _MAX_MOVE_CHARS:
        return None
    parts = action.split()
    if len(parts) == 2 and parts[0].isdecimal() and parts[1].isdecimal() and len(action) < 12:
        return int(parts[0]), int(parts[1])  # the common case, without regular expressions
    text = action.strip().strip("`*").strip().rstrip(".").strip().lower()
    match = _PAIR.fullmatch(text)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = _TAKE.fullmatch(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    return None


def _show(heaps: list[int]) -> str:
    return "Heaps: " + ", ".join(map(str, heaps))


def _take(heaps: list[int], move: tuple[int, int]) -> list[int]:
    after = list(heaps)
    after[move[0]] -= move[1]
    return after


# -- the protocol -----------------------------------------------------------------------------

def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"heaps": list(data["heaps"]), "turn": 0}


def _illegal(data: dict[str, Any], state: dict[str, Any], why: str) -> Feedback:
    turn = state["turn"] + 1
    new_state = {"heaps": list(state["heaps"]), "turn": turn}
    if turn >= data["turn_limit"]:
        return Feedback(f"{why}. That was your last turn: you lose.", new_state, done=True,
                        verdict=Verdict.wrong("out of turns before the game ended"), legal=False)
    left = data["turn_limit"] - turn
    return Feedback(f"{why}. The heaps are unchanged. {_show(state['heaps'])}. Turns left: {left}.",
                    new_state, legal=False)


def _check(heaps: list[int], move: tuple[int, int] | None) -> str | None:
    """Why a parsed move is illegal, or None when it is legal."""
    if move is None:
        return f"Unreadable move: {_EXPECTED}"
    heap, count = move
    if not 1 <= heap <= len(heaps):
        return f"Illegal move: there is no heap {heap} (heaps are numbered 1 to {len(heaps)})"
    if heaps[heap - 1] == 0:
        return f"Illegal move: heap {heap} is empty"
    if not 1 <= count <= heaps[heap - 1]:
        return f"Illegal move: you must take between 1 and {heaps[heap - 1]} stones from heap {heap}"
    return None


def step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    move = parse_move(action)
    why = _check(state["heaps"], move)
    if why is not None:
        return _illegal(data, state, why)
    heap, count = move  # type: ignore[misc]
    heaps = _take(state["heaps"], (heap - 1, count))
    turn = state["turn"] + 1
    mine = f"You took {count} from heap {heap}."
    if not any(heaps):
        if data["misere"]:
            return Feedback(f"{mine} You took the last stone: you lose.", {"heaps": heaps, "turn": turn},
                            done=True, verdict=Verdict.wrong("you took the last stone under misère play"))
        return Feedback(f"{mine} You took the last stone: you win.", {"heaps": heaps, "turn": turn},
                        done=True, verdict=Verdict.right("you won"))
    reply = opponent_move(data, heaps)
    heaps = _take(heaps, reply)
    theirs = f"The opponent took {reply[1]} from heap {reply[0] + 1}."
    new_state = {"heaps": heaps, "turn": turn}
    if not any(heaps):
        if data["misere"]:
            return Feedback(f"{mine} {theirs} The opponent took the last stone: you win.", new_state,
                            done=True, verdict=Verdict.right("you won"))
        return Feedback(f"{mine} {theirs} The opponent took the last stone: you lose.", new_state,
                        done=True, verdict=Verdict.wrong("the opponent took the last stone"))
    if turn >= data["turn_limit"]:
        return Feedback(f"{mine} {theirs} That was your last turn: you lose.", new_state, done=True,
                        verdict=Verdict.wrong("out of turns before the game ended"))
    return Feedback(f"{mine} {theirs} {_show(heaps)}. Your move (turn {turn + 1} of {data['turn_limit']}).",
                    new_state)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, step)


# -- scripted players and audit hooks ---------------------------------------------------------

def _any_move(heaps: list[int]) -> tuple[int, int]:
    """A legal move (take one stone from the first non-empty heap)."""
    return next(i for i, size in enumerate(heaps) if size), 1


def play_out(data: dict[str, Any], state: dict[str, Any], lowest_first: bool = True,
             first: tuple[int, int] | None = None) -> list[str]:
    """The model's moves ('heap count') of a game played out from state by the scripted player.

    The scripted player makes ``first`` (heap from 0, count) if given, then winning moves when
    it has one and a one-stone move otherwise.
    """
    moves: list[str] = []
    while True:
        heaps = state["heaps"]
        move = first or winning_move(heaps, data["misere"], lowest_first) or _any_move(heaps)
        first = None
        moves.append(f"{move[0] + 1} {move[1]}")
        feedback = step(data, state, moves[-1])
        if feedback.done:
            return moves
        state = feedback.state


def _losing_first_move(data: dict[str, Any]) -> tuple[int, int] | None:
    """A first move that hands the opponent a winning position."""
    heaps = data["heaps"]
    for i, size in enumerate(heaps):
        for count in range(1, size + 1):
            if winning_move(_take(heaps, (i, count)), data["misere"]) is not None:
                return i, count
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    lines = reference.splitlines()
    spelled = [f"take {line.split()[1]} from heap {line.split()[0]}" for line in lines]
    forms = [
        "\n".join(line.replace(" ", ", ") for line in lines),
        "\n".join(f"({line.replace(' ', ', ')})" for line in lines),
        "\n".join(spelled),
        "\n\n".join(f"  {line}  " for line in lines),
        "\n".join(f"Take {line.split()[1]} stones from heap {line.split()[0]}." for line in lines),
    ]
    other = "\n".join(play_out(data, initial_state(data), lowest_first=False))
    if other != reference:
        forms.append(other)  # another winning line: the winning move on the highest heap first
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    lines = reference.splitlines()
    heaps = data["heaps"]
    biggest = max(range(len(heaps)), key=heaps.__getitem__)
    misses = [
        "\n".join(lines[:-1]) or f"{len(heaps) + 1} 1",  # stops before the end
        f"{reference}\n{lines[-1]}",  # goes on after the game ended
        "\n".join([f"{len(heaps) + 1} 1"] * data["turn_limit"]),  # a heap that does not exist
        "\n".join([f"{biggest + 1} {heaps[biggest] + 1}"] * data["turn_limit"]),  # too many stones
        "\n".join([f"{biggest + 1} 0"] * data["turn_limit"]),  # zero stones
        ", ".join(map(str, heaps)),  # the heaps copied back
    ]
    swapped = "\n".join([" ".join(lines[0].split()[::-1]), *lines[1:]])  # heap and count swapped
    if not verify(data, swapped).correct:
        misses.append(swapped)
    losing = _losing_first_move(data)
    if losing is not None:
        misses.append("\n".join(play_out(data, initial_state(data), first=losing)))
    return misses
