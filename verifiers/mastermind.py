"""Verifier and rules for mastermind: black/white peg feedback, scored against a target turn count."""

from __future__ import annotations

import re
from operator import eq
from typing import Any

from bootcamps.interactive import (
    Feedback,
    efficiency_verdict,
    finish,
    quote_move,
    replay,
    turns_left,
)
from bootcamps.types import Verdict

_MAX_MOVE_CHARS = 100
_SEPARATORS = re.compile(r"[\s,;]+")


def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"turns": 0, "solved": False}


def parse_code(text: str, length: int, colors: int) -> str | None:
    """The code as a digit string, or None: digits together or split by spaces/commas, optional brackets."""
    if not isinstance(text, str) or len(text) > _MAX_MOVE_CHARS:
        return None
    if len(text) == length and text.isascii() and text.isdigit():  # the common case, without a regex
        return text if "0" not in text and max(text) <= str(colors) else None
    text = text.strip()
    if text[:1] in "([" and text[-1:] in ")]" and len(text) >= 2:
        text = text[1:-1]
    code = _SEPARATORS.sub("", text)
    if len(code) != length or any(not "1" <= peg <= str(colors) for peg in code):
        return None
    return code


def score(guess: str, secret: str) -> tuple[int, int]:
    """(black, white): right colour right place; right colour wrong place, with multiplicities."""
    black = sum(map(eq, guess, secret))
    common = 0
    for colour in set(guess):
        common += min(guess.count(colour), secret.count(colour))
    return black, common - black


def _left(data: dict[str, Any], turns: int) -> str:
    return turns_left(data["max_turns"], turns)


def _end(data: dict[str, Any], state: dict[str, Any], observation: str, legal: bool) -> Feedback:
    verdict = efficiency_verdict(state["solved"], state["turns"], data["target_turns"], data["max_turns"],
                                 done="cracked the code", failed="the code was not cracked")
    return finish(observation, state, verdict, legal)


def step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    """Score one guess; a malformed guess is illegal and wastes the turn."""
    turns = state["turns"]
    if state["solved"] or turns >= data["max_turns"]:
        return _end(data, dict(state), "The game is already over.", False)
    length, colors = data["length"], data["colors"]
    guess = parse_code(action, length, colors)
    new = {"turns": turns + 1, "solved": False}
    if guess is None:
        shown = quote_move(action)
        observation = f"Illegal guess {shown}: expected {length} digits, each from 1 to {colors}."
        if new["turns"] >= data["max_turns"]:
            return _end(data, new, observation, False)
        return Feedback(f"{observation} {_left(data, new['turns'])}", new, legal=False)
    black, white = score(guess, data["secret"])
    if black == length:
        new["solved"] = True
        return _end(data, new, f"Guess {new['turns']}: {' '.join(guess)} -> {black} black, 0 white.", True)
    observation = f"Guess {new['turns']}: {' '.join(guess)} -> {black} black, {white} white."
    if new["turns"] >= data["max_turns"]:
        return _end(data, new, observation, True)
    return Feedback(f"{observation} {_left(data, new['turns'])}", new)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, step)


def _last_consistent(data: dict[str, Any]) -> list[str] | None:
    """The mirror strategy (the last consistent code each time), if the instance is small enough."""
    from bootcamps.generators.mastermind import all_codes

    codes = ["".join(map(str, code)) for code in all_codes(data["length"], data["colors"], data["repeats"])]
    if len(codes) > 2000:
        return None
    guesses: list[str] = []
    while len(guesses) < data["target_turns"]:
        guess = codes[-1]
        guesses.append(guess)
        if guess == data["secret"]:
            return guesses
        reply = score(guess, data["secret"])
        codes = [code for code in codes if score(guess, code) == reply]
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    guesses = reference.split()
    forms = [
        "\n".join(" ".join(guess) for guess in guesses),
        "\n\n".join(f" [{', '.join(guess)}] " for guess in guesses),
        "\r\n".join(",".join(guess) for guess in guesses),
    ]
    mirror = _last_consistent(data)
    if mirror is not None:
        forms.append("\n".join(mirror))
    return forms


def _other_code(data: dict[str, Any], code: str) -> str:
    """A code that differs from ``code`` in its last peg (a legal guess, never the secret if code is)."""
    last = int(code[-1]) % data["colors"] + 1
    return code[:-1] + str(last)


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    guesses, secret, colors = reference.split(), data["secret"], data["colors"]
    waste = data["target_turns"] - len(guesses) + 1  # this many wasted turns push past the target

    def after(move: str) -> str:
        return "\n".join([move] * waste + guesses)

    never = _other_code(data, secret)
    misses = [
        after(guesses[0] + "1"),  # one peg too many
        after("0" * data["length"]),  # colour 0 does not exist
        after(str(colors + 1) * data["length"]) if colors < 9 else after("x" * data["length"]),
        after(f"{guesses[0]} or {never}"),  # a hedge
        "\n".join([never] * data["max_turns"] + [secret]),  # cracked after the limit
        "\n".join([*guesses, secret]),  # the transcript goes on after the win
        "\n".join([*guesses[:-1], never]),  # the last guess one peg off
        "\n".join(f"{guess} -> 1 black, 0 white" for guess in guesses),  # feedback written into the moves
    ]
    if len(guesses) > 1:
        misses.append("\n".join(guesses[:-1]))  # stops one guess short
    return misses
