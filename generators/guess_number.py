"""Guess the number: find a hidden integer with "higher" / "lower" feedback (interactive).

Description:
    The game picks a secret integer in [low, high] (``range_size`` values; ``low`` is drawn in
    0..99 so that instances vary even at level 1). Each turn the player guesses one integer and
    is told whether the secret is higher, lower, or found. Halving the interval each time
    (binary search) finds any secret within ceil(log2(range_size + 1)) guesses, and no strategy
    has a better worst case: that bound is ``optimal_turns``.
Difficulty:
    range_size: how many integers the secret may be (10 at level 1, 10**9 at level 10). The
        secret is never 0 or 1 (lazy one-line answers must not win).
    extra_turns: guesses allowed beyond ``optimal_turns`` (6 at level 1, none at level 10,
        where only a flawless binary search succeeds).
Prompt:
    "I have picked a secret integer between 37 and 46 (inclusive). ..." with the feedback rule,
    the move syntax (one integer inside answer tags per turn), the turn limit and the scoring.
Answer format:
    Each turn one integer (thousands separators and a leading + are accepted). Offline, a whole
    transcript: one guess per line.
Verification:
    ``verifiers/guess_number.py`` owns the rules: ``step`` answers each guess; an unreadable
    guess or one outside [low, high] is illegal and wastes the turn. The episode ends when the
    secret is found (CORRECT within ``optimal_turns`` guesses, else PARTIAL with score
    optimal_turns / guesses used) or when the ``max_turns`` guesses are used up (WRONG).
    The reference is the binary-search transcript (guess the lower middle of the interval).
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.types import Problem

# one-line answers a lazy responder gives ("0", "1", "-1") must never find the secret
_SMALLEST_SECRET = 2


def optimal_turns(range_size: int) -> int:
    """ceil(log2(range_size + 1)): the best worst case of any strategy, reached by binary search."""
    return range_size.bit_length()


def binary_search(low: int, high: int, secret: int) -> list[int]:
    """The guesses of binary search (lower middle) until it hits the secret."""
    guesses = []
    while True:
        middle = (low + high) // 2
        guesses.append(middle)
        if middle == secret:
            return guesses
        if middle < secret:
            low = middle + 1
        else:
            high = middle - 1


def _question(low: int, high: int, max_turns: int, optimal: int) -> str:
    return (
        "Let's play a guessing game.\n"
        f"I have picked a secret integer between {low} and {high} (both included).\n\n"
        "Each turn, guess one integer: write only the number inside <answer></answer>, "
        f"e.g. <answer>{low}</answer>. After each guess I reply whether the secret number is "
        "higher or lower than your guess, or that you found it.\n"
        f"You have at most {max_turns} guesses. A guess that is not an integer between {low} and "
        f"{high} is illegal and wastes a turn.\n"
        f"Finding the number within {optimal} guesses (the best possible worst case) earns full "
        "credit; finding it later, within the limit, earns partial credit."
    )


def generate(rng: random.Random, *, range_size: int, extra_turns: int) -> Problem:
    low = rng.randint(0, 99)
    high = low + range_size - 1
    secret = rng.randint(max(low, _SMALLEST_SECRET), high)
    optimal = optimal_turns(range_size)
    max_turns = optimal + extra_turns
    data = {"low": low, "high": high, "secret": secret, "optimal_turns": optimal, "max_turns": max_turns}
    reference = "\n".join(str(guess) for guess in binary_search(low, high, secret))
    return Problem(question=_question(low, high, max_turns, optimal), data=data, reference=reference)
