"""Verifier and rules for guess_number: higher/lower feedback, scored against binary search."""

from __future__ import annotations

from typing import Any

from bootcamps.answers import parse_int
from bootcamps.interactive import (
    Feedback,
    efficiency_verdict,
    finish,
    quote_move,
    replay,
    turns_left,
)
from bootcamps.types import Verdict


def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"turns": 0, "solved": False}


def _read_guess(action: str) -> int | None:
    if not isinstance(action, str):
        return None
    if action.isascii() and action.isdigit() and len(action) < 19:  # the common case, without a regex
        return int(action)
    return parse_int(action)


def _left(data: dict[str, Any], turns: int) -> str:
    return turns_left(data["max_turns"], turns)


def _end(data: dict[str, Any], state: dict[str, Any], observation: str, legal: bool) -> Feedback:
    verdict = efficiency_verdict(state["solved"], state["turns"], data["optimal_turns"], data["max_turns"],
                                 done="found the number", failed="the number was not found",
                                 target_note="{target} always suffice")
    return finish(observation, state, verdict, legal)


def step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    """Apply one guess; an unreadable or out-of-range guess is illegal and wastes the turn."""
    turns = state["turns"]
    if state["solved"] or turns >= data["max_turns"]:
        return _end(data, dict(state), "The game is already over.", False)
    low, high = data["low"], data["high"]
    guess = _read_guess(action)
    new = {"turns": turns + 1, "solved": False}
    if guess is None or not low <= guess <= high:
        shown = quote_move(action)
        observation = f"Illegal guess {shown}: expected one integer between {low} and {high}."
        if new["turns"] >= data["max_turns"]:
            return _end(data, new, observation, False)
        return Feedback(f"{observation} {_left(data, new['turns'])}", new, legal=False)
    secret = data["secret"]
    if guess == secret:
        new["solved"] = True
        return _end(data, new, f"{guess} is right!", True)
    direction = "Higher" if secret > guess else "Lower"
    observation = f"{direction}: the secret number is {direction.lower()} than {guess}."
    if new["turns"] >= data["max_turns"]:
        return _end(data, new, observation, True)
    return Feedback(f"{observation} {_left(data, new['turns'])}", new)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, step)


def _upper_binary_search(low: int, high: int, secret: int) -> list[int]:
    guesses = []
    while True:
        middle = (low + high + 1) // 2
        guesses.append(middle)
        if middle == secret:
            return guesses
        low, high = (middle + 1, high) if middle < secret else (low, middle - 1)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    guesses = [int(line) for line in reference.split()]
    forms = [
        "\n\n".join(f"  {guess} " for guess in guesses),
        "\r\n".join(f"+{guess}" for guess in guesses),
        "\n".join(str(guess) for guess in _upper_binary_search(data["low"], data["high"], data["secret"])),
    ]
    if any(abs(guess) >= 1000 for guess in guesses):
        forms.append("\n".join(f"{guess:,}" for guess in guesses))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    low, high, secret = data["low"], data["high"], data["secret"]
    guesses = [int(line) for line in reference.split()]
    wrong = low if secret != low else high  # a legal guess that never finds the secret
    waste = data["optimal_turns"] - len(guesses) + 1  # this many wasted turns push past the optimum

    def after(move: str) -> str:
        return "\n".join([move] * waste + [str(guess) for guess in guesses])

    misses = [
        after(str(low - 1)),  # out-of-range guesses waste turns
        after(f"{guesses[0]} or {guesses[0] + 1}"),  # a hedge
        after(f"{low}..{high}"),  # the range copied back
        "\n".join([str(wrong)] * data["max_turns"] + [str(secret)]),  # found after the limit
        "\n".join(map(str, [*guesses, guesses[-1]])),  # the transcript goes on after the win
    ]
    if len(guesses) > 1:
        misses.append("\n".join(map(str, guesses[:-1])))  # stops one guess short
    last = guesses[-1] + 1 if guesses[-1] < high else guesses[-1] - 1
    misses.append("\n".join(map(str, [*guesses[:-1], last])))  # off by one at the end
    if secret - low + 1 > data["optimal_turns"]:
        misses.append("\n".join(str(value) for value in range(low, min(secret, low + 200) + 1)))  # linear scan
    return misses
