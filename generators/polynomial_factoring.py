"""Polynomial factoring: factor a polynomial with integer coefficients completely over the integers.

Description:
    A polynomial is built as an integer content times planted random factors: linear factors
    ax + b and, at higher levels, quadratics, cubics and quartics with small coefficients, some
    of them repeated. The expanded polynomial is shown. Its true factorisation into irreducibles
    over Z (stored in the data) is the union of the planted factors' own factorisations, each
    factor primitive with a positive leading coefficient (unique by Gauss's lemma): a quadratic
    splits exactly when its discriminant is a perfect square, into the linear factors of its two
    rational roots; cubics and quartics (levels 8-10) are factored by sympy's ``factor_list`` at
    generation. The content is the leading coefficient over the factors' leading coefficients.
Difficulty:
    degree: degree of the polynomial (2 at level 1, 10 at level 10).
    max_coefficient: bound on the non-leading coefficients of each planted factor.
    max_leading: bound on the leading coefficient of each planted factor (1: monic factors).
    max_factor_degree: largest degree of a planted irreducible factor (1: linear factors only).
    content: whether an integer content (possibly negative) multiplies the polynomial.
    repeated: whether a factor may appear squared or cubed.
    Every instance has at least two irreducible factors (counted with multiplicity).
Prompt:
    "Factor the following polynomial completely over the integers: 6x^3 + 3x^2 - 6x - 3 ..."
Answer format:
    A product of factors in x: an integer constant, then factors in brackets with optional powers,
    e.g. ``3(x - 1)(x + 1)(2x + 1)`` (``3(2x + 1)(x^2 - 1)`` is not complete). Any order, ``*`` or
    ``\\cdot`` or juxtaposition, ``^`` or repeated factors, signs moved between factors
    (``-(x - 1)`` or ``(1 - x)``) are all accepted.
Verification:
    The answer is parsed with ``bootcamps.answers.parse_math`` (never executed) and split into
    its constant and factors as written; each factor is expanded exactly (Fractions). The product
    must equal the polynomial, every non-constant factor must have integer coefficients with no
    common divisor (content pulled out), and there must be as many non-constant factors (with
    multiplicity) as in the true factorisation. By unique factorisation in Z[x] (Gauss's lemma)
    the factors are then exactly the irreducible ones, so a factor that could be split further
    is caught without calling sympy when verifying. Answers in the plain product format
    (``-5(3x - 1)^2(2x^2 - 5x + 6)``) are split into the same constant and factors by regular
    expressions, without the parser (a test compares the two readings on drawn answers).
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from functools import reduce
from math import gcd, isqrt

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.polynomial_factoring import render, render_product, verify

_MAX_ATTEMPTS = 50


def _factor(rng: random.Random, degree: int, max_coefficient: int, max_leading: int) -> list[int]:
    """A random primitive integer polynomial of the given degree (irreducibility checked later)."""
    while True:
        coefficients = [rng.randint(1, max_leading)] + [rng.randint(-max_coefficient, max_coefficient)
                                                        for _ in range(degree)]
        if degree > 1 and coefficients[-1] == 0:
            continue
        return coefficients


def _multiply(a: list[int], b: list[int]) -> list[int]:
    """The product of two integer polynomials given by their coefficients, highest degree first."""
    out = [0] * (len(a) + len(b) - 1)
    for i, u in enumerate(a):
        for j, v in enumerate(b):
            out[i + j] += u * v
    return out


def _degrees(rng: random.Random, degree: int, max_factor_degree: int) -> list[int]:
    """Degrees of the planted factors, summing to ``degree``, at least two, the largest allowed one first."""
    first = min(max_factor_degree, degree - 1)
    sizes, left = [first], degree - first
    while left:
        size = rng.randint(1, min(max_factor_degree, left))
        sizes.append(size)
        left -= size
    return sizes


def generate(rng: random.Random, *, degree: int, max_coefficient: int, max_leading: int,
             max_factor_degree: int, content: bool, repeated: bool) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        sizes = _degrees(rng, degree, max_factor_degree)
        planted = []
        while sizes:
            size = sizes.pop(0)
            factor = _factor(rng, size, max_coefficient, max_leading)
            times = 1
            if repeated and size == 1 and rng.random() < 0.5:
                times = min(sum(sizes) + 1, rng.choice((2, 2, 3)))
                for _ in range(times - 1):
                    if 1 in sizes:
                        sizes.remove(1)
                    else:
                        times -= 1
            planted.append((factor, times))
        scale = 1
        if content:
            scale = rng.choice((-1, 1)) * rng.randint(2, 6 if degree < 6 else 12)
        product = [scale]
        for factor, times in planted:
            for _ in range(times):
                product = _multiply(product, factor)
        problem = _problem(product, _irreducible_parts(planted))
        if problem is not None:
            return problem
    raise GenerationError(f"polynomial_factoring: no usable polynomial in {_MAX_ATTEMPTS} attempts")


def _primitive(coefficients: list[int]) -> list[int]:
    """The primitive part with a positive leading coefficient."""
    divisor = reduce(gcd, coefficients) * (1 if coefficients[0] > 0 else -1)
    return [c // divisor for c in coefficients]


def _split(factor: list[int]) -> list[list[int]]:
    """The irreducible factors over Z of a planted factor, primitive with positive leading
    coefficients (the content is left out): a quadratic splits exactly when its discriminant is
    a square; higher degrees ask sympy."""
    factor = _primitive(factor)
    if len(factor) == 2:
        return [factor]
    if len(factor) == 3:
        a, b, c = factor
        discriminant = b * b - 4 * a * c
        root = isqrt(discriminant) if discriminant >= 0 else -1
        if root * root != discriminant:
            return [factor]
        return [_primitive([2 * a, b - root]), _primitive([2 * a, b + root])]
    import sympy

    x = sympy.Symbol("x")
    _, irreducible = sympy.Poly(factor, x).factor_list()
    return [_primitive([int(c) for c in part.all_coeffs()]) for part, times in irreducible for _ in range(times)]


def _irreducible_parts(planted: list[tuple[list[int], int]]) -> list[tuple[list[int], int]]:
    """The factorisation of the product of the planted factors into irreducibles over Z, each
    primitive with a positive leading coefficient, with its multiplicity (unique by Gauss's
    lemma, so the same as any complete factoriser's, sympy's ``factor_list`` included)."""
    counts: dict[tuple[int, ...], int] = {}
    for factor, times in planted:
        for part in _split(factor):
            counts[tuple(part)] = counts.get(tuple(part), 0) + times
    return [(list(part), times) for part, times in counts.items()]


def _problem(coefficients: list[int], parts: list[tuple[list[int], int]]) -> Problem | None:
    parts.sort(key=lambda part: (len(part[0]), [abs(c) for c in part[0]], part[0]))
    leading = 1
    for part, times in parts:
        leading *= part[0] ** times
    constant = coefficients[0] // leading
    if sum(m for _, m in parts) < 2 or sum(c != 0 for c in coefficients) < 2:
        return None  # a monomial such as x^2 is its own factorisation
    polynomial = render(coefficients)
    reference = render_product(int(constant), parts)
    question = (
        f"Factor the following polynomial completely over the integers:\n\n{polynomial}\n\n"
        "Write it as a product of an integer constant (if it is not 1) and factors with integer coefficients "
        "that cannot be factored further over the integers, using ^ for repeated factors, "
        "for example 3(x - 2)(2x + 1)^2(x^2 + x + 1)."
    )
    data = {"polynomial": polynomial, "variable": "x", "coefficients": coefficients, "content": int(constant),
            "factors": [{"coefficients": c, "multiplicity": m} for c, m in parts],
            "irreducible_factors": sum(m for _, m in parts)}
    if not verify(data, reference).correct:
        return None
    return Problem(question=question, data=data, reference=reference)
