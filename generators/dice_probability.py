"""Dice probability: the exact probability of an event on a roll of several fair dice.

Description:
    Some fair dice are rolled at once (all alike, or a mix of 4-, 6-, 8-, 10-, 12- and 20-sided
    dice); a die with s sides shows 1..s, each with probability 1/s. The event is about the sum
    (equal to, at least, at most, between), the highest or lowest die, how many dice show a given
    number or an even number, whether all dice differ, or whether the sum is divisible by k or
    prime. The probability is computed exactly at generation: outcomes are counted by dynamic
    programming over the dice (integer counts, no floats), or by a closed form for "all dice
    differ" (sorted by sides, the i-th smallest die has s_i - i + 1 free faces, as the faces of
    the smaller dice are a subset of its own). Events of probability 0 or 1 are redrawn.
Difficulty:
    dice: how many dice are rolled (2 at level 1, 8 at level 10).
    sides: the number of sides of every die (mixed false), or the largest die allowed in the mix.
    mixed: whether the dice are a random mix of standard dice (at least two kinds; when sides
        is below 6, any sizes from 2 to sides; needs sides >= 3).
    events: sum (sum events only), basic (also highest/lowest die and counts of a face) or
        advanced (also all different, some equal, divisibility, primality, count of even dice).
Prompt:
    "You roll two fair six-sided dice ... What is the probability that the sum of the numbers
    shown is at least 9? Give the exact probability as a fraction p/q."
Answer format:
    An exact fraction p/q, reduced or not (5/36, 10/72, \\frac{5}{36}); a decimal or percentage
    is accepted only when it is exactly equal (0.25, 25%).
Verification:
    The answer is parsed as an exact rational and compared with the probability. Rounded
    decimals, the complement and several candidate answers are rejected. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from fractions import Fraction
from math import prod

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

STANDARD_DICE = (4, 6, 8, 10, 12, 20)
EVENT_SETS = {
    "sum": ("sum_eq", "sum_ge", "sum_le", "sum_between"),
    "basic": ("sum_eq", "sum_ge", "sum_le", "sum_between", "max_ge", "max_eq", "min_ge",
              "face_count_eq", "face_count_ge"),
    "advanced": ("sum_eq", "sum_ge", "sum_between", "max_eq", "min_ge", "face_count_ge",
                 "all_different", "some_equal", "sum_divisible", "sum_prime", "even_count_eq"),
}
MIN_DICE, MAX_DICE = 2, 10
MIN_SIDES, MAX_SIDES = 2, 20
_MAX_ATTEMPTS = 100
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, int(n**0.5) + 1))


def _distribution(dice: list[int], init: int, step: Callable[[int, int], int]) -> dict[int, int]:
    """How many ordered outcomes end in each state, the state updated die by die."""
    states = {init: 1}
    for sides in dice:
        after: dict[int, int] = defaultdict(int)
        for state, count in states.items():
            for face in range(1, sides + 1):
                after[step(state, face)] += count
        states = after
    return states


def _all_different(dice: list[int]) -> int:
    return prod(max(0, sides - i) for i, sides in enumerate(sorted(dice)))


def _tally(dice: list[int], init: int, step: Callable[[int, int], int],
           accept: Callable[[int], bool]) -> int:
    return sum(count for state, count in _distribution(dice, init, step).items() if accept(state))


def favourable(dice: list[int], event: dict) -> int:
    """The number of ordered outcomes of the dice for which the event holds."""
    kind = event["kind"]
    add = lambda state, face: state + face  # noqa: E731
    if kind == "sum_eq":
        return _tally(dice, 0, add, lambda s: s == event["target"])
    if kind == "sum_ge":
        return _tally(dice, 0, add, lambda s: s >= event["target"])
    if kind == "sum_le":
        return _tally(dice, 0, add, lambda s: s <= event["target"])
    if kind == "sum_between":
        return _tally(dice, 0, add, lambda s: event["low"] <= s <= event["high"])
    if kind == "sum_prime":
        return _tally(dice, 0, add, _is_prime)
    if kind == "sum_divisible":
        k = event["divisor"]
        return _tally(dice, 0, lambda s, f: (s + f) % k, lambda s: s == 0)
    if kind in ("max_ge", "max_eq"):
        accept = (lambda s: s >= event["value"]) if kind == "max_ge" else (lambda s: s == event["value"])
        return _tally(dice, 0, max, accept)
    if kind == "min_ge":
        return _tally(dice, MAX_SIDES + 1, min, lambda s: s >= event["value"])
    if kind in ("face_count_eq", "face_count_ge"):
        face, k = event["face"], event["count"]
        accept = (lambda s: s == k) if kind == "face_count_eq" else (lambda s: s >= k)
        return _tally(dice, 0, lambda s, f: s + (f == face), accept)
    if kind == "even_count_eq":
        return _tally(dice, 0, lambda s, f: s + (f % 2 == 0), lambda s: s == event["count"])
    if kind == "all_different":
        return _all_different(dice)
    if kind == "some_equal":
        return prod(dice) - _all_different(dice)
    raise ValueError(f"unknown event kind {kind!r}")


def probability(dice: list[int], event: dict) -> Fraction:
    return Fraction(favourable(dice, event), prod(dice))


def _draw_event(rng: random.Random, kind: str, dice: list[int]) -> dict:
    n, top = len(dice), max(dice)
    low_sum, high_sum = n, sum(dice)
    event: dict = {"kind": kind}
    if kind in ("sum_eq", "sum_ge", "sum_le"):
        event["target"] = rng.randint(low_sum, high_sum)
    elif kind == "sum_between":
        a, b = sorted(rng.sample(range(low_sum, high_sum + 1), 2))
        event.update(low=a, high=b)
    elif kind == "sum_divisible":
        event["divisor"] = rng.randint(3, 7)
    elif kind in ("max_ge", "max_eq", "min_ge"):
        event["value"] = rng.randint(1, top)
    elif kind in ("face_count_eq", "face_count_ge"):
        event.update(face=rng.randint(1, min(dice)), count=rng.randint(1, max(1, n - 1)))
    elif kind == "even_count_eq":
        event["count"] = rng.randint(1, n - 1)
    return event


def _a(number: int) -> str:
    """The number with its indefinite article: a 6, an 8, an 11."""
    return f"{'an' if str(number).startswith('8') or number in (11, 18) else 'a'} {number}"


def _count_words(k: int) -> str:
    return _NUMBER_WORDS[k] if k < len(_NUMBER_WORDS) else str(k)


def describe_event(event: dict) -> str:
    """The event in words, completing "What is the probability that ..."."""
    kind = event["kind"]
    texts = {
        "sum_eq": lambda e: f"the sum of the numbers shown is exactly {e['target']}",
        "sum_ge": lambda e: f"the sum of the numbers shown is at least {e['target']}",
        "sum_le": lambda e: f"the sum of the numbers shown is at most {e['target']}",
        "sum_between": lambda e: f"the sum of the numbers shown is between {e['low']} and {e['high']} inclusive",
        "sum_prime": lambda e: "the sum of the numbers shown is a prime number",
        "sum_divisible": lambda e: f"the sum of the numbers shown is divisible by {e['divisor']}",
        "max_ge": lambda e: f"the highest number shown is at least {e['value']}",
        "max_eq": lambda e: f"the highest number shown is exactly {e['value']}",
        "min_ge": lambda e: f"the lowest number shown is at least {e['value']}",
        "face_count_eq": lambda e: f"exactly {_count_words(e['count'])} of the dice show {_a(e['face'])}",
        "face_count_ge": lambda e: f"at least {_count_words(e['count'])} of the dice show {_a(e['face'])}",
        "even_count_eq": lambda e: f"exactly {_count_words(e['count'])} of the dice show an even number",
        "all_different": lambda e: "all the dice show different numbers",
        "some_equal": lambda e: "at least two of the dice show the same number",
    }
    return texts[kind](event)


def describe_dice(dice: list[int]) -> str:
    n = _count_words(len(dice))
    if len(set(dice)) == 1:
        return f"{n} fair {dice[0]}-sided dice (faces numbered 1 to {dice[0]})"
    kinds = [f"{_a(sides)}-sided die" for sides in dice]
    listed = ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return (f"{n} fair dice at once: {listed} (a die with s sides has faces numbered 1 to s, "
            "every face equally likely)")


def _draw_dice(rng: random.Random, dice: int, sides: int, mixed: bool) -> list[int]:
    if not mixed:
        return [sides] * dice
    pool = [s for s in STANDARD_DICE if s <= sides]
    if len(pool) < 2:
        pool = list(range(2, sides + 1))  # too small for two standard dice: any sizes up to sides
    for _ in range(_MAX_ATTEMPTS):
        drawn = sorted(rng.choice(pool) for _ in range(dice))
        if len(set(drawn)) > 1:
            return drawn
    raise GenerationError(f"dice_probability: no mix of at least two kinds of dice from {pool}")


def _check(dice: int, sides: int, mixed: bool, events: str) -> None:
    if not MIN_DICE <= dice <= MAX_DICE:
        raise InvalidParameterError(f"dice_probability: expected dice between {MIN_DICE} and {MAX_DICE}, found {dice}")
    if not MIN_SIDES <= sides <= MAX_SIDES:
        raise InvalidParameterError(
            f"dice_probability: expected sides between {MIN_SIDES} and {MAX_SIDES}, found {sides}")
    if mixed and sides < 3:
        raise InvalidParameterError(f"dice_probability: expected sides of at least 3 to mix dice, found {sides}")
    if events not in EVENT_SETS:
        raise InvalidParameterError(f"dice_probability: expected events among {list(EVENT_SETS)}, found {events!r}")


def generate(rng: random.Random, *, dice: int, sides: int, mixed: bool, events: str) -> Problem:
    _check(dice, sides, mixed, events)
    for _ in range(_MAX_ATTEMPTS):
        rolled = _draw_dice(rng, dice, sides, mixed)
        event = _draw_event(rng, rng.choice(EVENT_SETS[events]), rolled)
        count = favourable(rolled, event)
        total = prod(rolled)
        if not 0 < count < total:
            continue  # a certain or impossible event: "0" or "1" would be the answer
        value = Fraction(count, total)
        question = (
            f"You roll {describe_dice(rolled)}. What is the probability that {describe_event(event)}?\n\n"
            "Give the exact probability as a fraction p/q (it need not be reduced), not a rounded decimal."
        )
        data = {"dice": rolled, "event": event, "favourable": count, "total": total,
                "probability": f"{value.numerator}/{value.denominator}"}
        return Problem(question=question, data=data, reference=f"{value.numerator}/{value.denominator}")
    raise GenerationError(f"dice_probability: every event was certain or impossible in {_MAX_ATTEMPTS} attempts")
