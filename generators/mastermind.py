"""Mastermind: crack a hidden colour code from black/white peg feedback (interactive).

Description:
    The game hides a code of ``length`` pegs, each a colour numbered 1..``colors`` (distinct
    colours when ``repeats`` is false), drawn uniformly. Each turn the player guesses a code and
    gets black pegs (right colour in the right position) and white pegs (right colour in a wrong
    position, counted with multiplicities: white = sum over colours of min(count in guess, count
    in code) - black). Guesses may repeat colours even when the code does not.
    The benchmark is the consistent-guess strategy: always guess the first code, in increasing
    numeric order, that is consistent with all the feedback so far. Its decision tree is built
    once per (length, colors, repeats) and its depth, the most guesses it ever needs, is
    ``target_turns``, stated in the prompt. The reference is that strategy's transcript.
Difficulty:
    length: pegs in the code (3 at level 1, 5 at level 10).
    colors: colours per peg (4 at level 1, 8 at level 10); colors**length codes with repeats.
    repeats: whether the code may repeat colours (without, there are fewer codes).
    extra_turns: guesses allowed beyond ``target_turns`` (4 at level 1, none at level 10).
Prompt:
    "I have chosen a secret code of 4 pegs; each peg is one of 6 colours numbered 1 to 6 ..."
    with the feedback rule, the move syntax, the turn limit, and the target.
Answer format:
    Each turn one code, its digits written together or separated by spaces or commas
    (``1123``, ``1 1 2 3``, ``[1, 1, 2, 3]``). Offline, a transcript: one code per line.
Verification:
    ``verifiers/mastermind.py`` owns the rules: ``step`` scores each guess; a malformed guess
    (wrong length, a colour out of range) is illegal and wastes the turn. Cracking the code
    within ``target_turns`` guesses is CORRECT; later within ``max_turns`` PARTIAL with score
    target_turns / guesses used; not at all WRONG.
Version history:
    v1: first version.
"""

from __future__ import annotations

import itertools
import random
from functools import lru_cache
from operator import eq

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

Code = tuple[int, ...]


def feedback(guess: Code, secret: Code, colors: int) -> tuple[int, int]:
    """(black, white) pegs for a guess against a secret."""
    black = sum(map(eq, guess, secret))
    common = sum(min(guess.count(colour), secret.count(colour)) for colour in range(1, colors + 1))
    return black, common - black


def all_codes(length: int, colors: int, repeats: bool) -> list[Code]:
    """Every possible secret, in increasing numeric order."""
    palette = range(1, colors + 1)
    if repeats:
        return list(itertools.product(palette, repeat=length))
    return list(itertools.permutations(palette, length))


class _Strategy:
    """The consistent-guess decision tree: node -> (guess, {feedback key: child node})."""

    def __init__(self, length: int, colors: int, repeats: bool) -> None:
        self.codes = all_codes(length, colors, repeats)
        # black pegs = popcount of the shared (position, colour) bits; black + white depends
        # only on the two colour multisets, so it is memoised per pair of multisets
        self._masks = [sum(1 << (position * colors + colour - 1) for position, colour in enumerate(code))
                       for code in self.codes]
        multisets: dict[Code, int] = {}
        self._multiset = [multisets.setdefault(tuple(sorted(code)), len(multisets)) for code in self.codes]
        palette = range(1, colors + 1)
        self._counts = [tuple(code.count(colour) for colour in palette) for code in multisets]
        self._common: dict[tuple[int, int], int] = {}
        self.guess: dict[int, int] = {}  # node id -> index of the code guessed there
        self.children: dict[tuple[int, int], int] = {}  # (node id, feedback key) -> child node id
        self.depth = self._build(list(range(len(self.codes))))

    def _common_count(self, first: int, second: int) -> int:
        pair = (first, second)
        common = self._common.get(pair)
        if common is None:
            common = self._common[pair] = sum(map(min, self._counts[first], self._counts[second]))
        return common

    def key(self, guess: int, secret: int) -> int:
        """Feedback as black * 16 + white."""
        black = (self._masks[guess] & self._masks[secret]).bit_count()
        return black * 15 + self._common_count(self._multiset[guess], self._multiset[secret])

    def _build(self, candidates: list[int]) -> int:
        """Grow the tree below a new node for ``candidates``; returns its depth in guesses."""
        node = len(self.guess)
        guess = candidates[0]
        self.guess[node] = guess
        mask, multiset, masks, multisets = self._masks[guess], self._multiset[guess], self._masks, self._multiset
        common = {}  # per multiset of the secret, for this guess
        buckets: dict[int, list[int]] = {}
        for secret in candidates[1:]:
            other = multisets[secret]
            shared = common.get(other)
            if shared is None:
                shared = common[other] = self._common_count(multiset, other)
            buckets.setdefault((mask & masks[secret]).bit_count() * 15 + shared, []).append(secret)
        depth = 1
        for key, bucket in buckets.items():
            self.children[node, key] = len(self.guess)
            depth = max(depth, 1 + self._build(bucket))
        return depth

    def play(self, secret: int) -> list[int]:
        """The guesses the strategy makes against a secret (code indices)."""
        node, guesses = 0, []
        while True:
            guess = self.guess[node]
            guesses.append(guess)
            if guess == secret:
                return guesses
            node = self.children[node, self.key(guess, secret)]


@lru_cache(maxsize=16)
def strategy(length: int, colors: int, repeats: bool) -> _Strategy:
    """The consistent-guess strategy for a configuration (built once, then cached)."""
    return _Strategy(length, colors, repeats)


def code_text(code: Code) -> str:
    return "".join(map(str, code))


def _question(length: int, colors: int, repeats: bool, max_turns: int, target: int) -> str:
    rule = ("colours may repeat in the code" if repeats
            else "the colours in the code are all different (your guesses may still repeat colours)")
    example = "".join(str(1 + index % colors) for index in range(length))
    return (
        "Let's play Mastermind.\n"
        f"I have chosen a secret code of {length} pegs; each peg is one of {colors} colours, "
        f"numbered 1 to {colors}, and {rule}.\n\n"
        f"Each turn, guess a code: write its {length} digits inside <answer></answer>, e.g. "
        f"<answer>{example}</answer>. After each guess I reply with two numbers:\n"
        "- black: how many pegs of your guess have the right colour in the right position;\n"
        "- white: how many further pegs have a colour that is in the code but in another position "
        "(each peg of the code is matched at most once, so black + white is the number of colours "
        "the guess and the code have in common, counted with repetitions).\n"
        f"You have at most {max_turns} guesses; a malformed guess (wrong number of pegs, a colour "
        f"outside 1..{colors}) is illegal and wastes a turn.\n"
        f"Cracking the code within {target} guesses earns full credit (always guessing the first "
        "code, in increasing numeric order, that fits all the feedback so far never needs more); "
        "cracking it later, within the limit, earns partial credit."
    )


def generate(rng: random.Random, *, length: int, colors: int, repeats: bool, extra_turns: int) -> Problem:
    if not repeats and colors < length:
        raise GenerationError(f"mastermind: expected colors >= length without repeats, found "
                              f"{colors} colours for {length} pegs")
    plan = strategy(length, colors, repeats)
    secret = rng.randrange(len(plan.codes))
    max_turns = plan.depth + extra_turns
    data = {"length": length, "colors": colors, "repeats": repeats, "secret": code_text(plan.codes[secret]),
            "target_turns": plan.depth, "max_turns": max_turns}
    reference = "\n".join(code_text(plan.codes[guess]) for guess in plan.play(secret))
    return Problem(question=_question(length, colors, repeats, max_turns, plan.depth), data=data,
                   reference=reference)
