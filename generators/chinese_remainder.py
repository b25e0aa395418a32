"""Chinese remainder: the least non-negative solution of a system of congruences.

Description:
    A system x ≡ r_i (mod m_i) built from a hidden x: the moduli are drawn first, the hidden x
    in (max m_i, L) with L = lcm(m_i), and r_i = x mod m_i, so the system is always solvable and
    its solutions are exactly x + L*Z (CRT, also for non-coprime moduli once solvable): the
    least non-negative solution is x itself. No modulus divides another (every congruence counts).
Difficulty:
    congruences: number of congruences (2 at level 1, 6 at level 10).
    max_modulus: largest modulus (7 at level 1, 10000 at level 10).
    coprime: pairwise coprime moduli (classic CRT); when false, at least two moduli share a
        factor, so the lcm is not the product and the textbook formula does not apply directly.
Prompt:
    "Find the least non-negative integer x such that x ≡ 2 (mod 3), x ≡ 3 (mod 5) ... Give x as an
    integer, or the full solution as x ≡ r (mod M)."
Answer format:
    The least non-negative solution as an integer (23), or x ≡ r (mod M) with M the lcm of the
    moduli (x ≡ 23 (mod 105), x \\equiv 23 \\pmod{105}).
Verification:
    A bare integer must satisfy every congruence and lie in [0, L): then it is the least
    solution. A congruence form must have modulus exactly L and a residue satisfying every
    congruence. Exact integer arithmetic only.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from math import gcd, lcm

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 300


def _moduli(rng: random.Random, count: int, max_modulus: int, coprime: bool) -> list[int] | None:
    chosen: list[int] = []
    for _ in range(40 * count):
        m = rng.randint(2, max_modulus)
        if any(m % c == 0 or c % m == 0 for c in chosen):
            continue
        if coprime and any(gcd(m, c) > 1 for c in chosen):
            continue
        chosen.append(m)
        if len(chosen) == count:
            break
    else:
        return None
    shared = any(gcd(a, b) > 1 for i, a in enumerate(chosen) for b in chosen[i + 1:])
    return chosen if coprime or shared else None


def render_system(moduli: list[int], residues: list[int]) -> str:
    return "\n".join(f"x ≡ {r} (mod {m})" for m, r in zip(moduli, residues, strict=True))


def generate(rng: random.Random, *, congruences: int, max_modulus: int, coprime: bool) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        moduli = _moduli(rng, congruences, max_modulus, coprime)
        if moduli is None:
            continue
        modulus = lcm(*moduli)
        # x > every modulus: the answer is never a residue or a modulus written in the question
        x = rng.randint(max(moduli) + 1, modulus - 1)
        residues = [x % m for m in moduli]
        question = (
            "Find the least non-negative integer x that satisfies all of these congruences:\n\n"
            f"{render_system(moduli, residues)}\n\n"
            "Give x as a single integer, or the full solution as one congruence x ≡ r (mod M)."
        )
        # big integers as strings: JSON readers outside Python may round integers above 2**53
        data = {"moduli": moduli, "residues": residues, "modulus": str(modulus), "solution": str(x)}
        return Problem(question=question, data=data, reference=str(x))
    raise GenerationError(f"chinese_remainder: no system of {congruences} congruences with moduli up to "
                          f"{max_modulus} (coprime={coprime}) in {_MAX_ATTEMPTS} attempts")
