"""Verifier and rules for wordle: green/yellow/grey letter feedback, scored against a target turn count."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.data import word_set
from bootcamps.interactive import (
    Feedback,
    efficiency_verdict,
    finish,
    quote_move,
    replay,
    turns_left,
)
from bootcamps.types import Verdict

_WORD = re.compile(r"[a-z]{5}")
_ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")


def pattern(guess: str, secret: str) -> str:
    """Wordle marks: G right letter right spot; Y elsewhere in the word; . no (more) such letter.

    Greens are marked first; yellows then use up the secret's remaining (non-green) letters left
    to right, so a letter is never marked more often than it occurs in the secret.
    """
    if guess == secret:
        return "GGGGG"
    marks = ["."] * 5
    rest = []
    for index in range(5):
        if guess[index] == secret[index]:
            marks[index] = "G"
        else:
            rest.append(secret[index])
    for index in range(5):
        if marks[index] == "." and guess[index] in rest:
            marks[index] = "Y"
            rest.remove(guess[index])
    return "".join(marks)


def render(guess: str, marks: str) -> str:
    return f"{guess.upper()} -> {' '.join(marks)}"


def hard_mode_violation(word: str, history: list[list[str]]) -> str | None:
    """Why ``word`` ignores a revealed hint (greens kept in place, green/yellow letters reused), or None."""
    for guess, marks in history:
        for index, mark in enumerate(marks):
            if mark == "G" and word[index] != guess[index]:
                return f"the {_ORDINALS[index]} letter must be {guess[index].upper()}"
        for letter in sorted({guess[index] for index, mark in enumerate(marks) if mark != "."}):
            needed = sum(1 for index, mark in enumerate(marks) if mark != "." and guess[index] == letter)
            if word.count(letter) < needed:
                times = "" if needed == 1 else f" {needed} times"
                return f"the guess must contain {letter.upper()}{times}"
    return None


def initial_state(data: dict[str, Any]) -> dict[str, Any]:
    return {"turns": 0, "solved": False, "history": []}


def _left(data: dict[str, Any], turns: int) -> str:
    return turns_left(data["max_turns"], turns)


def _end(data: dict[str, Any], state: dict[str, Any], observation: str, legal: bool) -> Feedback:
    verdict = efficiency_verdict(state["solved"], state["turns"], data["target_turns"], data["max_turns"],
                                 done="found the word", failed="the word was not found")
    return finish(observation, state, verdict, legal, separator="\n")


def _illegal_reason(data: dict[str, Any], state: dict[str, Any], action: str) -> str | None:
    word = action.strip().lower() if isinstance(action, str) and len(action) <= 50 else ""
    if not _WORD.fullmatch(word):
        return "expected one 5-letter English word"
    if word not in word_set(data["word_list"]):
        return "this word is not in the game's word list"
    if data["hard_mode"]:
        return hard_mode_violation(word, state["history"])
    return None


def step(data: dict[str, Any], state: dict[str, Any], action: str) -> Feedback:
    """Mark one guess; a non-word, an unknown word or a hard-mode violation is illegal and wastes the turn."""
    turns = state["turns"]
    if state["solved"] or turns >= data["max_turns"]:
        return _end(data, {**state, "history": list(state["history"])}, "The game is already over.", False)
    reason = _illegal_reason(data, state, action)
    if reason is not None:
        new = {"turns": turns + 1, "solved": False, "history": list(state["history"])}
        shown = quote_move(action)
        observation = f"Illegal guess {shown}: {reason}."
        if new["turns"] >= data["max_turns"]:
            return _end(data, new, observation, False)
        return Feedback(f"{observation} {_left(data, new['turns'])}", new, legal=False)
    word = action.strip().lower()
    marks = pattern(word, data["secret"])
    new = {"turns": turns + 1, "solved": marks == "GGGGG", "history": [*state["history"], [word, marks]]}
    observation = f"Guess {new['turns']}: {render(word, marks)}"
    if new["solved"] or new["turns"] >= data["max_turns"]:
        return _end(data, new, observation, True)
    return Feedback(f"{observation}   ({_left(data, new['turns'])[:-1]})", new)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    return replay(data, answer, initial_state, step)


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.wordle import solve

    guesses = reference.split()
    forms = [
        "\n".join(guess.upper() for guess in guesses),
        "\n\n".join(f"  {guess.capitalize()} " for guess in guesses),
        "\r\n".join(guesses),
    ]
    other = solve(data["secret"], data["pool"], opener="crane")
    if len(other) <= data["target_turns"]:
        forms.append("\n".join(other))
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    guesses, secret = reference.split(), data["secret"]
    waste = data["target_turns"] - len(guesses) + 1  # this many wasted turns push past the target
    never = "crane" if secret != "crane" else "slate"

    def after(move: str) -> str:
        return "\n".join([move] * waste + guesses)

    misses = [
        after("abcde"),  # not a word
        after(secret[::-1] if secret[::-1] not in word_set(data["word_list"]) else "zzzzz"),
        after(f"{guesses[0]} or {never}"),  # a hedge
        after(" ".join(secret)),  # spelled out letter by letter
        after(f"{secret}s" if f"{secret}s" != secret else "qqqqq"),  # six letters
        "\n".join([never] * data["max_turns"] + [secret]),  # found after the limit
        "\n".join([*guesses, secret]),  # the transcript goes on after the win
        "\n".join(render(guess, pattern(guess, secret)) for guess in guesses),  # feedback written as moves
    ]
    if len(guesses) > 1:
        misses.append("\n".join(guesses[:-1]))  # stops one guess short
        violator = _hard_mode_violator(data, guesses[0])
        if violator is not None:  # ignores the first guess's hints, then plays on
            misses.append("\n".join([guesses[0], *[violator] * waste, *guesses[1:]]))
    return misses


def _hard_mode_violator(data: dict[str, Any], first: str) -> str | None:
    """A listed word that breaks hard mode after ``first`` (only in hard mode, when hints exist)."""
    history = [[first, pattern(first, data["secret"])]]
    if not data["hard_mode"] or history[0][1] == ".....":
        return None
    for word in ("mummy", "fizzy", "jiffy", "puppy", "queue"):
        if hard_mode_violation(word, history) is not None:
            return word
    return None
