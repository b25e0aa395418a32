"""Prime factorization: write an integer as a product of primes.

Description:
    n is built from its factors: ``big_factors`` random primes of exactly ``big_digits`` digits
    times a cofactor made of small primes, so that n has exactly ``digits`` digits and at least
    two prime factors (counted with multiplicity). The factorization is unique (fundamental
    theorem of arithmetic); the generator knows it by construction.
Difficulty:
    digits: number of decimal digits of n (2 at level 1, 16 at level 10).
    big_factors: how many large prime factors n has (0 at level 1: n is smooth).
    big_digits: digits of each large prime factor (7 at level 10: trial division up to 10**6
        is needed); small factors are primes below min(50, 10**(big_digits - 1)).
Prompt:
    "Find the prime factorization of n = 86. Write it as a product of primes, using ^ for
    powers (for example 360 = 2^3 * 3^2 * 5)." (another example when n is 360 itself)
Answer format:
    A product of primes in any order: 2^3 * 3^2 * 5, 2*2*2*3*3*5, 2³·3²·5, 2^{3} \\cdot 3^{2}
    \\cdot 5, 2**3 * 3**2 * 5, optionally preceded by "360 =".
Verification:
    The terms are multiplied exactly and the product must be n; every base must be prime
    (deterministic Miller-Rabin, exact for every n < 3.3 * 10**24). Any order and any mix of
    repeated factors and powers is accepted; a composite factor or a wrong product is wrong.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.prime_factorization import is_prime

_MAX_ATTEMPTS = 200
_SMALL_PRIMES = tuple(p for p in range(2, 50) if is_prime(p))


def random_prime(rng: random.Random, digits: int) -> int:
    """A uniformly drawn prime with exactly ``digits`` decimal digits."""
    low, high = max(2, 10 ** (digits - 1)), 10**digits - 1
    for _ in range(100 * digits):
        candidate = rng.randint(low, high) | (1 if low > 2 else 0)
        if candidate <= high and is_prime(candidate):
            return candidate
    raise GenerationError(f"prime_factorization: no {digits}-digit prime found")


def _smooth_cofactor(rng: random.Random, low: int, high: int, pool: tuple[int, ...]) -> int | None:
    """A product of primes from ``pool`` in [low, high], built up one prime at a time."""
    value = 1
    while value < low:
        choices = [p for p in pool if value * p <= high]
        if not choices:
            return None
        value *= rng.choice(choices)
    return value


def factor_counts(factors: list[int]) -> list[list[int]]:
    """[[prime, exponent], ...] in increasing prime order."""
    return [[p, factors.count(p)] for p in sorted(set(factors))]


def render(counts: list[list[int]]) -> str:
    return " * ".join(str(p) if e == 1 else f"{p}^{e}" for p, e in counts)


def _attempt(rng: random.Random, digits: int, big_factors: int, big_digits: int) -> list[int] | None:
    big = [random_prime(rng, big_digits) for _ in range(big_factors)]
    product = 1
    for p in big:
        product *= p
    low, high = 10 ** (digits - 1), 10**digits - 1
    if product > high:
        return None
    pool = tuple(p for p in _SMALL_PRIMES if p < 10 ** (big_digits - 1)) if big_factors else _SMALL_PRIMES
    cofactor = _smooth_cofactor(rng, -(-low // product), high // product, pool)
    if cofactor is None:
        return None
    small = [p for p in pool for _ in range(_multiplicity(cofactor, p))]
    factors = big + small
    return factors if len(factors) >= 2 else None


def _multiplicity(value: int, p: int) -> int:
    count = 0
    while value % p == 0:
        value //= p
        count += 1
    return count


def generate(rng: random.Random, *, digits: int, big_factors: int, big_digits: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        factors = _attempt(rng, digits, big_factors, big_digits)
        if factors is None:
            continue
        n = 1
        for p in factors:
            n *= p
        counts = factor_counts(factors)
        # the example must never be this instance's own answer
        example = "360 = 2^3 * 3^2 * 5" if n != 360 else "28 = 2^2 * 7"
        question = (
            f"Find the prime factorization of n = {n}.\n\n"
            f"Write it as a product of primes, using ^ for powers (for example {example})."
        )
        data = {"n": str(n), "factors": [[str(p), e] for p, e in counts]}
        return Problem(question=question, data=data, reference=render(counts))
    raise GenerationError(
        f"prime_factorization: no {digits}-digit number with {big_factors} prime factors of "
        f"{big_digits} digits in {_MAX_ATTEMPTS} attempts"
    )
