"""Wordle: find a hidden 5-letter word from green/yellow/grey letter feedback (interactive).

Description:
    The game hides a 5-letter English word drawn uniformly from a word list shipped with the
    library (``bootcamps/data``: 663 common words, or 1,616 words without plurals). Each turn
    the player guesses a word from the game's list of 1,792 accepted words and gets one mark per
    letter: G (right letter, right spot), Y (in the word, elsewhere), . (not in the word, or no
    more copies of it). Repeated letters are marked exactly as in Wordle: greens first, then
    yellows left to right while the hidden word has unmatched copies of that letter.
    The reference solver opens with SLATE, then always guesses the first word (alphabetically)
    of the hidden-word list that is consistent with all the feedback so far; its decision tree
    is built once per list. ``target_turns`` = max(par, the reference's guess count), capped by
    the turn limit; secrets the reference cannot find within the limit are redrawn.
Difficulty:
    max_turns: the guess limit (10 at level 1, 6 from level 5 on).
    par: full credit needs at most max(par, reference guesses) guesses (6 at level 1, 4 at level 10).
    hard_mode: revealed hints must be used: greens kept in place, green/yellow letters reused.
    common_only: the hidden word is a common word (levels 1-7) or any listed non-plural word.
Prompt:
    The rules, the mark legend with a worked example (hidden ROBOT: ``OTTER -> Y Y . . Y``),
    the move syntax, the word-list rule, hard mode if on, the turn limit and the target.
Answer format:
    Each turn one 5-letter word (any letter case). Offline, a transcript: one word per line.
Verification:
    ``verifiers/wordle.py`` owns the rules. Illegal guesses (not a 5-letter word, a word not in
    the game's list, a hard-mode violation) are rejected with the reason and DO use up the turn,
    so every episode ends by the turn limit. Finding the word within ``target_turns`` guesses is
    CORRECT, later within ``max_turns`` PARTIAL (score target_turns / guesses used), never WRONG.
    Note that a target above par tells the player that the reference needed that many guesses.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import lru_cache

from bootcamps.data import word_list
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

OPENER = "slate"
GUESS_LIST = "words5"
# never hidden: a lazy one-line answer ("false") or the worked example of the prompt could win
_EXCLUDED = frozenset({"false", "robot", "otter"})
_MAX_ATTEMPTS = 50


class _Solver:
    """The reference solver's decision tree over one hidden-word list."""

    def __init__(self, pool: tuple[str, ...], opener: str) -> None:
        # imported here: the rules live in the verifier, and a module-level import of
        # bootcamps.verifiers is sorted differently by ruff depending on its first-party setting
        from bootcamps.verifiers.wordle import pattern

        self.pattern = pattern
        self.guess: dict[int, str] = {}
        self.children: dict[tuple[int, str], int] = {}
        self._build(list(pool), opener)

    def _build(self, candidates: list[str], guess: str) -> None:
        node = len(self.guess)
        self.guess[node] = guess
        buckets: dict[str, list[str]] = {}
        for word in candidates:
            if word != guess:
                buckets.setdefault(self.pattern(guess, word), []).append(word)
        for marks, bucket in buckets.items():
            self.children[node, marks] = len(self.guess)
            self._build(bucket, bucket[0])

    def play(self, secret: str) -> list[str]:
        node, guesses = 0, []
        while True:
            guess = self.guess[node]
            guesses.append(guess)
            if guess == secret:
                return guesses
            node = self.children[node, self.pattern(guess, secret)]


@lru_cache(maxsize=8)
def _solver(pool: str, opener: str) -> _Solver:
    return _Solver(word_list(pool), opener)


def solve(secret: str, pool: str, opener: str = OPENER) -> list[str]:
    """The reference solver's guesses for a secret from the hidden-word list ``pool``."""
    return _solver(pool, opener).play(secret)


def _question(max_turns: int, target: int, hard_mode: bool, common_only: bool) -> str:
    source = "a common English word" if common_only else "an English word (not a plural)"
    hard = ("\nHard mode is on: every guess must use the hints revealed so far, i.e. keep each green "
            "letter in its spot and include every letter marked green or yellow (as many times as "
            "it was marked); a guess that does not is illegal.") if hard_mode else ""
    return (
        "Let's play Wordle.\n"
        f"I have picked a hidden 5-letter word; it is {source}.\n\n"
        "Each turn, guess a 5-letter English word: write only the word inside <answer></answer>, "
        "e.g. <answer>house</answer>. I reply with one mark per letter of your guess:\n"
        "- G: the letter is in the word, in this spot;\n"
        "- Y: the letter is in the word, in another spot;\n"
        "- .: the letter is not in the word (or not that many times).\n"
        "Repeated letters are marked as in Wordle: greens first, then yellows from left to right "
        "while the hidden word has unmatched copies of that letter. For example, if the hidden "
        "word were ROBOT, the guess OTTER would get `OTTER -> Y Y . . Y` (only one T is yellow).\n"
        "Guesses must be words in the game's list of about 1,800 common English words; any other "
        f"guess is illegal and wastes a turn.{hard}\n"
        f"You have at most {max_turns} guesses. Finding the word within {target} guesses earns full "
        "credit; finding it later, within the limit, earns partial credit."
    )


def generate(rng: random.Random, *, max_turns: int, par: int, hard_mode: bool, common_only: bool) -> Problem:
    pool = "words5_common" if common_only else "words5_answers"
    candidates = [word for word in word_list(pool) if word not in _EXCLUDED]
    for _ in range(_MAX_ATTEMPTS):
        secret = rng.choice(candidates)
        guesses = solve(secret, pool)
        if len(guesses) <= max_turns:
            break
    else:
        raise GenerationError(f"wordle: no word the reference solver finds within {max_turns} guesses "
                              f"in {_MAX_ATTEMPTS} draws")
    target = min(max_turns, max(par, len(guesses)))
    data = {"secret": secret, "pool": pool, "word_list": GUESS_LIST, "hard_mode": hard_mode,
            "max_turns": max_turns, "target_turns": target}
    return Problem(question=_question(max_turns, target, hard_mode, common_only), data=data,
                   reference="\n".join(guesses))
