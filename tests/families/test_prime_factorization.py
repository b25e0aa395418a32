"""Focused tests for the prime_factorization family."""

import pytest
import sympy

import bootcamps
from bootcamps.generators.prime_factorization import random_prime
from bootcamps.types import Status
from bootcamps.verifiers.prime_factorization import is_prime

TASK = bootcamps.get_task("prime_factorization")


def trial_division(n):
    """Independent factorization by trial division: {prime: exponent}."""
    factors, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6, 7])
def test_data_is_the_true_factorization_by_trial_division(level):
    for seed in range(25):
        instance = TASK.generate(seed, level)
        n = int(instance.data["n"])
        assert len(str(n)) == TASK.params(level)["digits"]
        assert trial_division(n) == {int(p): e for p, e in instance.data["factors"]}
        assert sum(e for _, e in instance.data["factors"]) >= 2  # n is never prime
        assert f"n = {n}" in instance.prompt


@pytest.mark.parametrize("level", [8, 9, 10])
def test_large_levels_agree_with_sympy(level):
    params = TASK.params(level)
    for seed in range(10):
        instance = TASK.generate(seed, level)
        n = int(instance.data["n"])
        assert sympy.factorint(n) == {int(p): e for p, e in instance.data["factors"]}
        big = [int(p) for p, _ in instance.data["factors"] if len(p) == params["big_digits"]]
        assert len(big) >= 1
        assert TASK.verify(instance.data, instance.reference).correct


def test_primality_matches_sympy():
    for n in [*range(-3, 3000), 561, 1105, 3215031751, 2152302898747, 3474749660383, 341550071728321,
              3825123056546413051, 318665857834031151167461, 10**16 + 61, 2**61 - 1, (2**31 - 1) * (2**29 - 3)]:
        assert is_prime(n) == sympy.isprime(n), n


def test_random_prime_has_the_digits_asked():
    import random

    rng = random.Random(5)
    for digits in range(1, 10):
        p = random_prime(rng, digits)
        assert len(str(p)) == digits and sympy.isprime(p)


DATA = {"n": "360", "factors": [["2", 3], ["3", 2], ["5", 1]]}


@pytest.mark.parametrize("answer", [
    "2^3 * 3^2 * 5", "5 * 3^2 * 2^3", "2*2*2*3*3*5", "2³·3²·5", "2^{3} \\cdot 3^{2} \\cdot 5",
    "2**3 * 3**2 * 5", "360 = 2^3 * 3^2 * 5", "2 × 2 × 2 × 3 × 3 × 5", "2^2 * 2 * 3 * 3 * 5",
    "$2^3 \\times 3^2 \\times 5$", "(2^3)(3^2)" .replace(")(", ") * (") + " * 5", "2, 2, 2, 3, 3, 5",
])
def test_hand_instance_accepts_every_rendering(answer):
    assert TASK.verify(DATA, answer).correct, answer


@pytest.mark.parametrize(("answer", "status"), [
    ("2^3 * 9 * 5", Status.WRONG),  # right product, composite factor
    ("8 * 45", Status.WRONG),
    ("360", Status.WRONG),  # the number copied back
    ("2^3 * 3 * 5", Status.WRONG),
    ("2^3 * 3^2 * 5 * 1", Status.WRONG),  # 1 is not prime
    ("2^3 * 3^2 * 5^1 * 7^0", Status.WRONG),
    ("2^3 * 3^2 * 5 or 2^3 * 3^3", Status.UNPARSABLE),
    ("361 = 2^3 * 3^2 * 5", Status.UNPARSABLE),  # a prefix naming another number
    ("2^3 + 3^2 + 5", Status.UNPARSABLE),
    ("", Status.UNPARSABLE),
    ("2^999 * 3", Status.WRONG),
])
def test_hand_instance_rejects(answer, status):
    verdict = TASK.verify(DATA, answer)
    assert not verdict.correct and verdict.status is status, (answer, verdict)


def test_reasons_do_not_give_the_factorization_away():
    verdict = TASK.verify(DATA, "2^3 * 9 * 5")
    assert "9" in verdict.reason and "3^2" not in verdict.reason


def test_levels_grow_the_numbers_and_their_factors():
    smallest = {}
    for level in (1, 5, 10):
        instance = TASK.generate(3, level)
        smallest[level] = (len(instance.data["n"]), max(len(p) for p, _ in instance.data["factors"]))
    assert smallest[1][0] < smallest[5][0] < smallest[10][0]
    assert smallest[10][1] >= 7
