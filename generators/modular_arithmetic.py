"""Modular arithmetic: inverses, modular powers and linear congruences.

Description:
    One of three questions modulo m: the multiplicative inverse of a (gcd(a, m) = 1 by
    construction), the residue of a^e, or every solution of a*x ≡ b (mod m). Congruences are
    built from a hidden solution x0 and a chosen g = gcd(a, m) (b = a*x0 mod m), so they are
    always solvable; their solutions are exactly x ≡ x0 (mod m/g), g residues modulo m.
Difficulty:
    kind: inverse, power, congruence, or mixed (one of the three drawn per instance).
    modulus_digits: decimal digits of m (1 at level 1, 12 at level 10).
    exponent_digits: decimal digits of the exponent e in power questions (1 up to 20).
    max_gcd: largest g = gcd(a, m) in congruences, i.e. how many solutions there may be (1 up to 12).
Prompt:
    "Find the multiplicative inverse of 3 modulo 7: the integer x with 0 <= x < 7 and 3*x ≡ 1
    (mod 7)." / "Compute 5^117 mod 23 ..." / "Solve 6*x ≡ 4 (mod 10). Give every solution x with
    0 <= x < 10 as a set such as {r1, r2, ...}, or one congruence x ≡ r (mod k) ..."
Answer format:
    Inverse and power: the residue as an integer in 0..m-1 (also "x = 5" or "x ≡ 5 (mod 7)").
    Congruence: the set of all solutions in 0..m-1 ({2, 7}, [2, 7], 2, 7, x ∈ {2, 7}; a single
    integer when there is one solution) or one congruence x ≡ r (mod m/g) (r any representative).
Verification:
    Exact integer arithmetic. A bare integer must be the residue itself in 0..m-1 (a congruent
    but unreduced integer is wrong, as the prompt asks for the reduced residue); a congruence
    x ≡ r (mod k) is right when it describes exactly the solution set. A solution set must
    contain every solution in 0..m-1 and nothing else.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from math import gcd

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

KINDS = ("inverse", "power", "congruence")
_MAX_ATTEMPTS = 200


def _modulus_range(digits: int) -> tuple[int, int]:
    return max(5, 10 ** (digits - 1)), 10**digits - 1


def _inverse(rng: random.Random, digits: int) -> Problem | None:
    m = rng.randint(*_modulus_range(digits))
    a = rng.randint(2, m - 2)
    if gcd(a, m) != 1:
        return None
    value = pow(a, -1, m)
    question = (f"Find the multiplicative inverse of {a} modulo {m}: the integer x with 0 <= x < {m} "
                f"and {a}*x ≡ 1 (mod {m}).\n\nGive x as a single integer.")
    data = {"kind": "inverse", "a": a, "m": m, "value": value}
    return Problem(question=question, data=data, reference=str(value))


def _power(rng: random.Random, digits: int, exponent_digits: int) -> Problem | None:
    m = rng.randint(*_modulus_range(digits))
    a = rng.randint(2, m - 1)
    e = rng.randint(max(2, 10 ** (exponent_digits - 1)), 10**exponent_digits - 1)
    value = pow(a, e, m)
    if value in (0, 1):
        return None
    question = (f"Compute {a}^{e} mod {m}: the integer r with 0 <= r < {m} and {a}^{e} ≡ r (mod {m}).\n\n"
                "Give r as a single integer.")
    data = {"kind": "power", "a": a, "e": str(e), "m": m, "value": value}
    return Problem(question=question, data=data, reference=str(value))


def render_solutions(residue: int, step: int, m: int) -> str:
    """The solution set {residue, residue + step, ...} below m, written as a set."""
    return "{" + ", ".join(str(x) for x in range(residue % step, m, step)) + "}"


def _congruence(rng: random.Random, digits: int, max_gcd: int) -> Problem | None:
    low, high = _modulus_range(digits)
    g = rng.randint(1, max_gcd)
    k_low, k_high = max(3 if g == 1 else 2, -(-low // g)), high // g
    if k_low > k_high:
        return None
    step = rng.randint(k_low, k_high)
    m = g * step
    a = g * rng.randint(1, step - 1)
    x0 = rng.randint(2 if g == 1 else 1, step - 1)
    if gcd(a, m) != g or a in (1, m - 1):
        return None
    b = a * x0 % m
    question = (
        f"Solve the linear congruence {a}*x ≡ {b} (mod {m}).\n\n"
        f"Give every solution x with 0 <= x < {m} as a set such as {{r1, r2, ...}} (a single integer if "
        "there is only one), or as one congruence x ≡ r (mod k) that describes exactly the same solutions."
    )
    data = {"kind": "congruence", "a": a, "b": b, "m": m, "residue": x0, "step": step}
    return Problem(question=question, data=data, reference=render_solutions(x0, step, m))


def generate(rng: random.Random, *, kind: str, modulus_digits: int, exponent_digits: int,
             max_gcd: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        chosen = rng.choice(KINDS) if kind == "mixed" else kind
        if chosen == "inverse":
            problem = _inverse(rng, modulus_digits)
        elif chosen == "power":
            problem = _power(rng, modulus_digits, exponent_digits)
        else:
            problem = _congruence(rng, modulus_digits, max_gcd)
        if problem is not None:
            return problem
    raise GenerationError(f"modular_arithmetic: no {kind} question with a {modulus_digits}-digit modulus "
                          f"in {_MAX_ATTEMPTS} attempts")
