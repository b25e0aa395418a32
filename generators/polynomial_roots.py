"""Polynomial roots: find every root, real and complex, of a polynomial with integer coefficients.

Description:
    A polynomial is built as a product of planted factors with integer coefficients: linear
    factors (x - p) or (qx - p) for integer or rational roots, and irreducible quadratics
    ax^2 + bx + c whose roots are the quadratic irrationals (-b +- sqrt(D))/(2a), real (D > 0, not a
    square) or complex (D < 0). The expanded polynomial is shown; the answer is its root set.
Difficulty:
    degree: degree of the polynomial (2 at level 1, 8 at level 10).
    max_root: bound on the integers drawn for roots and quadratic coefficients (5 to 20).
    rational: whether non-integer rational roots p/q appear (the leading coefficient grows).
    irrational: whether a pair of real quadratic irrationals a +- b sqrt(m) appears.
    complex_roots: whether a pair of complex roots a +- b sqrt(m) i appears.
    repeated: whether one linear factor may appear squared (a double root).
    Every enabled kind appears at least once when the degree leaves room for it.
Prompt:
    "Find all roots (real and complex) of the polynomial equation 6x^3 - 5x^2 - 2x + 1 = 0. List
    each distinct root once, separated by commas ..."
Answer format:
    The distinct roots in any order, separated by commas (or semicolons, "or", inside braces),
    each an exact value: integers, fractions, square roots of rational numbers (``sqrt(2)``,
    ``\\sqrt{2}``), the imaginary unit ``i``, ``\\pm`` (``1 \\pm \\sqrt{2}`` is two roots) and
    ``x = ...`` prefixes. A repeated root is listed once; listing it exactly as many times as its
    multiplicity is accepted too. Decimal approximations of irrational roots are wrong.
Verification:
    Each listed value is evaluated exactly in a field Q(i, sqrt(2), sqrt(3), ...) (our own exact
    arithmetic on the parse tree of ``bootcamps.answers.parse_math``; model text is never
    executed) and substituted into the polynomial: it must give exactly 0. The values must be
    distinct (or repeated exactly to their multiplicity, found from exact derivatives) and as
    many as the distinct roots, so the set of values is the root set. The generator checks its
    reference this way and the tests compare with sympy's roots. Answers in the prompt's plain
    format (``2, -1/3, 1 + sqrt(2), -1 + 2i``) are read by one regular expression per item, to
    the same values the parse tree gives (a test compares the two on drawn answers).
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
from fractions import Fraction
from math import gcd, isqrt

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.polynomial_roots import verify

_MAX_ATTEMPTS = 50


def multiply(a: list[int], b: list[int]) -> list[int]:
    """Product of two coefficient lists (highest degree first)."""
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


def render_polynomial(coefficients: list[int]) -> str:
    """``3x^4 - 2x^3 + x - 5``: zero terms dropped, unit coefficients unwritten."""
    degree, text = len(coefficients) - 1, ""
    for k, c in enumerate(coefficients):
        power = degree - k
        if c == 0:
            continue
        magnitude = "" if abs(c) == 1 and power else str(abs(c))
        monomial = magnitude + ("" if power == 0 else "x" if power == 1 else f"x^{power}")
        if not text:
            text = ("-" if c < 0 else "") + monomial
        else:
            text += f" {'-' if c < 0 else '+'} {monomial}"
    return text


def _squarefree(n: int) -> tuple[int, int]:
    k, p = 1, 2
    while p * p <= n:
        while n % (p * p) == 0:
            n //= p * p
            k *= p
        p += 1
    return k, n


def _linear(rng: random.Random, bound: int, rational: bool) -> tuple[list[int], list[dict]]:
    q = rng.randint(2, max(2, min(6, bound // 2 + 1))) if rational else 1
    while True:
        p = rng.randint(-bound, bound)
        if gcd(p, q) == 1 and (p != 0 or q == 1):
            break
    root = {"real": str(Fraction(p, q)), "coefficient": "0", "radicand": 1, "multiplicity": 1}
    return [q, -p], [root]


def _quadratic(rng: random.Random, bound: int, complex_roots: bool, wide: bool) -> tuple[list[int], list[dict]]:
    for _ in range(200):
        a = rng.randint(1, 3) if wide else 1
        b = rng.randint(-bound, bound)
        c = rng.randint(1, bound + b * b // (4 * a) + bound) if complex_roots else rng.randint(-bound, bound)
        disc = b * b - 4 * a * c
        if gcd(gcd(a, b), c) != 1 or disc == 0 or (disc < 0) != complex_roots:
            continue
        if disc > 0 and isqrt(disc) ** 2 == disc:
            continue
        k, m = _squarefree(abs(disc))
        real, coefficient = Fraction(-b, 2 * a), Fraction(k, 2 * a)
        radicand = m if disc > 0 else -m
        roots = [{"real": str(real), "coefficient": str(sign * coefficient), "radicand": radicand,
                  "multiplicity": 1} for sign in (1, -1)]
        return [a, b, c], roots
    raise GenerationError("polynomial_roots: no irreducible quadratic found")


def _plan(rng: random.Random, degree: int, rational: bool, irrational: bool, complex_roots: bool) -> list[str]:
    """The kinds of factors, of total degree ``degree``, each enabled kind at least once if it fits."""
    required = [kind for kind, on in (("rational", rational), ("irrational", irrational),
                                      ("complex", complex_roots)) if on]
    rng.shuffle(required)
    plan, left = [], degree
    for kind in required:
        size = 1 if kind == "rational" else 2
        if size <= left:
            plan.append(kind)
            left -= size
    optional = ["integer", *required]
    while left:
        kind = rng.choice([k for k in optional if k in ("integer", "rational") or left >= 2])
        plan.append(kind)
        left -= 1 if kind in ("integer", "rational") else 2
    return plan


def render_root(root: dict) -> str:
    """A root as plain text: ``-1/2 + 3/2*sqrt(5)``, ``1 - 2*i``, ``2/3``."""
    real, coefficient, radicand = Fraction(root["real"]), Fraction(root["coefficient"]), root["radicand"]
    if coefficient == 0:
        return str(real)
    unit = "i" if radicand == -1 else f"sqrt({abs(radicand)})" + ("*i" if radicand < 0 else "")
    magnitude = abs(coefficient)
    term = unit if magnitude == 1 else f"{magnitude}*{unit}"
    if real == 0:
        return f"-{term}" if coefficient < 0 else term
    return f"{real} {'-' if coefficient < 0 else '+'} {term}"


def generate(rng: random.Random, *, degree: int, max_root: int, rational: bool, irrational: bool,
             complex_roots: bool, repeated: bool) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        factors: list[list[int]] = []
        roots: list[dict] = []
        seen: set[tuple[int, ...]] = set()
        plan = _plan(rng, degree - (1 if repeated and degree >= 3 and rng.random() < 0.7 else 0),
                     rational, irrational, complex_roots)
        for kind in plan:
            if kind in ("integer", "rational"):
                factor, new = _linear(rng, max_root, kind == "rational")
            else:
                factor, new = _quadratic(rng, max_root, kind == "complex", rational)
            if tuple(factor) in seen:
                break
            seen.add(tuple(factor))
            factors.append(factor)
            roots += new
        else:
            if sum(len(f) - 1 for f in factors) < degree:  # one linear factor becomes a double root
                linear = [k for k, f in enumerate(factors) if len(f) == 2]
                if not linear:
                    continue
                k = rng.choice(linear)
                factors.append(factors[k])
                index = sum(len(f) - 1 for f in factors[:k])
                roots[index] = {**roots[index], "multiplicity": 2}
            problem = _problem(factors, roots)
            if problem is not None:
                return problem
    raise GenerationError(f"polynomial_roots: no usable polynomial in {_MAX_ATTEMPTS} attempts")


def _problem(factors: list[list[int]], roots: list[dict]) -> Problem | None:
    coefficients = [1]
    for factor in factors:
        coefficients = multiply(coefficients, factor)
    if len(roots) < 2:
        return None
    roots = sorted(roots, key=lambda r: (Fraction(r["real"]), r["radicand"], -Fraction(r["coefficient"])))
    reference = ", ".join(render_root(root) for root in roots)
    polynomial = render_polynomial(coefficients)
    question = (
        f"Find all roots, real and complex, of the polynomial equation\n\n{polynomial} = 0\n\n"
        "List each distinct root once (a repeated root only once), separated by commas, in any order. "
        "Give exact values: integers, fractions, square roots such as sqrt(2) and the imaginary unit i "
        "(for example: 2, -1/3, 1 + sqrt(2), 1 - sqrt(2), -1 + 2i). No decimal approximations."
    )
    data = {"polynomial": polynomial, "coefficients": coefficients, "distinct_roots": len(roots), "roots": roots}
    if not verify(data, reference).correct:  # the exact substitution check proves the reference
        return None
    return Problem(question=question, data=data, reference=reference)
