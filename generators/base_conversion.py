"""Base conversion: rewrite a number given in one base (2..36) in another base.

Description:
    A non-negative number is drawn and written in a source base; the task is to write it in a
    target base. With fraction_digits > 0 the number has a fractional part M / q^f, where
    q = gcd(source, target) > 1 and f = fraction_digits, so it terminates in both bases (with at
    most f digits after the point in each): the answer is exact and unique.
Difficulty:
    digits: decimal digits of the integer part's value (2 at level 1, 14 at level 10).
    bases: decimal (10 and one of 2, 8, 16), common (two of 2, 8, 10, 16) or any (two bases in
        2..36, not both common ones).
    fraction_digits: f above; 0 means integers only.
Prompt:
    "Convert the base-2 number 101101 to base 10. Digits above 9 are the letters A-Z (A = 10, ...,
    Z = 35). Write only the digits in base 10, with a point before any fractional part."
Answer format:
    The digits in the target base, letters in either case (2F or 2f); leading zeros and trailing
    fractional zeros are allowed; digit groups may be separated by spaces or underscores
    (1011 0110). Optional base marks: the prefixes 0x, 0b and 0o, only when the target base is
    16, 2 and 8 respectively (there the letter cannot be a digit, so they are unambiguous), and a
    subscript naming the target base: (2F)_16, 2F_{16}, 2F₁₆.
Verification:
    The answer is read digit by digit in the target base (every digit must be below the base)
    as an exact rational and compared with the number's value.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction
from math import gcd

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
COMMON = (2, 8, 10, 16)
_MAX_ATTEMPTS = 200
_UNUSUAL_PAIRS = [(s, t) for s in range(2, 37) for t in range(2, 37)
                  if s != t and not (s in COMMON and t in COMMON)]


def to_base(value: Fraction, base: int, max_fraction_digits: int = 200) -> str:
    """The digits of a non-negative terminating value in ``base``: ``2F``, ``101.011``."""
    whole, rest = divmod(value.numerator, value.denominator)
    digits = []
    while True:
        whole, digit = divmod(whole, base)
        digits.append(DIGITS[digit])
        if whole == 0:
            break
    text = "".join(reversed(digits))
    fraction = Fraction(rest, value.denominator)
    if fraction:
        text += "."
        for _ in range(max_fraction_digits):
            digit, fraction = divmod(fraction * base, 1)
            text += DIGITS[int(digit)]
            if not fraction:
                break
        else:
            raise ValueError(f"{value} does not terminate in base {base}")
    return text


def _bases(rng: random.Random, bases: str) -> tuple[int, int]:
    if bases == "decimal":
        pair = [10, rng.choice((2, 8, 16))]
        rng.shuffle(pair)
        return pair[0], pair[1]
    if bases == "common":
        source, target = rng.sample(COMMON, 2)
        return source, target
    return rng.choice(_UNUSUAL_PAIRS)


def generate(rng: random.Random, *, digits: int, bases: str, fraction_digits: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        source, target = _bases(rng, bases)
        q = gcd(source, target)
        if fraction_digits and q == 1:
            continue
        value = Fraction(rng.randint(10 ** (digits - 1), 10**digits - 1))
        if fraction_digits:
            scale = q**fraction_digits
            value += Fraction(rng.randint(1, scale - 1), scale)
        written, answer = to_base(value, source), to_base(value, target)
        question = (
            f"Convert the base-{source} number {written} to base {target}.\n\n"
            "Digits above 9 are the letters A-Z (A = 10, B = 11, ..., Z = 35). Write only the digits "
            f"of the number in base {target}, with a point before any fractional part."
        )
        data = {"source_base": source, "target_base": target, "source": written,
                "value": f"{value.numerator}/{value.denominator}"}
        return Problem(question=question, data=data, reference=answer)
    raise GenerationError(f"base_conversion: no {bases} base pair sharing a factor in {_MAX_ATTEMPTS} attempts")
