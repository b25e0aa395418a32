"""Derivative: differentiate a generated elementary function of x.

Description:
    A random function of x is built as a sum of terms; each term is a coefficient times a product
    of factors, possibly divided by another factor. Factors are powers of x, powers of small
    polynomials and, from level 5 on, sin, cos, exp (then ln, sqrt, tan, arctan) of inner
    factors, nested up to ``nesting`` deep (chain rule). The function is a parse tree
    (``bootcamps.elementary``); our own differentiator (``bootcamps.answers.calculus``) gives the
    derivative, tidied (constants folded, signs and quotients gathered) but not simplified further.
    A float check independent of the symbolic rules (central differences at the verifier's real
    points) must agree, both texts must read back as the same functions, and the derivative must
    stay moderate (below 1e30) and be defined at 8 of the 16 points where the verifier compares.
    A function whose derivative vanishes at every point (a constant in disguise, such as
    6x^3 - 6x^3, which the tidier does not combine) is drawn again.
Difficulty:
    terms: number of summands (1 to 3).
    factors: largest number of factors in one product (product rule).
    quotients: whether a term may be divided by a factor (quotient rule).
    nesting: depth of function composition (0: no chain rule beyond powers of polynomials).
    functions: "none" (polynomials only), "basic" (sin, cos, exp) or "all" (also ln, sqrt, tan, arctan).
    max_coefficient: bound on the integer coefficients.
Prompt:
    "Find the derivative with respect to x of f(x) = x^{2} e^{3 x} + \\sin{(2x)}. ..."
Answer format:
    An expression in x, in any equivalent form (expanded, factored, simplified or not), in plain
    text (``2*x*exp(3*x) + 3*x^2*e^(3x)``) or LaTeX; ``ln`` or ``\\log`` is the natural logarithm.
    A leading ``f'(x) =`` or ``y' =`` is accepted.
Verification:
    The answer is parsed with ``bootcamps.answers.parse_math`` (never executed) and compared with
    the derivative by ``bootcamps.answers.calculus.same_function``: first in floats at four real
    points of both signs (a fixed seeded RNG; agreement within 1e-12 relative is accepted), and
    otherwise exactly at random rational points when both are rational functions, else at
    96-digit precision at the real points, on the common real domain, within a 70 ms budget.
    Floats only ever accept: a right answer that rounding pulls apart is decided by the exact
    or 96-digit check.
Version history:
    v1: first version, built with sympy (about 170 instances/s); removed.
    v2: our own trees, differentiator and renderers, no sympy (same grammar and knobs); the
        derivative is tidied, not fully simplified (x^3*x is left as written by the product rule).
        Removed deliberately: about 1% of level-1 instances (and a few at higher levels) showed a
        constant in disguise (6x^3 - 6x^3) whose derivative is 0, so "wrong-looking" answers such
        as 2*(18x^2 - 18x^2) were right too.
    v3: such functions are drawn again; otherwise as v2.
"""

from __future__ import annotations

import random

from bootcamps import elementary
from bootcamps.answers.calculus import REAL_POINTS, differentiate
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 50
_MAX_REFERENCE_CHARS = 320


def generate(rng: random.Random, *, terms: int, factors: int, quotients: bool, nesting: int, functions: str,
             max_coefficient: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        f = elementary.function(rng, terms, factors, quotients, nesting, functions, max_coefficient)
        derivative = elementary.tidy(differentiate(f, "x"))
        reference, function = elementary.text(derivative), elementary.text(f)
        if len(reference) > _MAX_REFERENCE_CHARS or not elementary.has_x(derivative):
            continue
        if not elementary.moderate(derivative, REAL_POINTS):
            continue  # huge values (e^(x^4)) would hide small differences from the numeric check
        if elementary.vanishes(derivative, REAL_POINTS):
            continue  # f is a constant in disguise (6x^3 - 6x^3): the answer would be 0
        if not elementary.is_derivative(derivative, f, REAL_POINTS):
            continue
        if not (elementary.reads_back(reference, derivative, REAL_POINTS)
                and elementary.reads_back(function, f, REAL_POINTS)):
            continue
        question = (
            f"Find the derivative with respect to x of\n\nf(x) = {elementary.latex(f)}\n\n"
            "Here \\ln is the natural logarithm. Give f'(x) as an expression in x; any equivalent form is accepted "
            "(for example 2*x*exp(3*x) + 3*cos(3*x) or LaTeX)."
        )
        return Problem(question=question, data={"function": function, "derivative": reference}, reference=reference)
    raise GenerationError(f"derivative: no usable function in {_MAX_ATTEMPTS} attempts")
