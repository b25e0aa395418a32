"""Antiderivative: find an indefinite integral of a generated elementary function.

Description:
    A random elementary function F(x) is built (same grammar as the derivative family: sums of
    coefficient times products of powers of x, powers of small polynomials and sin, cos, exp,
    ln, sqrt, tan, arctan of inner functions, possibly divided by a polynomial; a parse tree from
    ``bootcamps.elementary``), and our own differentiator gives the integrand shown, f = F',
    tidied. So every integrand has an elementary antiderivative, F being one. A float check
    independent of the symbolic rules (central differences) must agree, both texts must read back
    as the same functions, f must stay moderate and defined at 8 of the verifier's 16 points, and
    f must not be its own derivative (the integrand copied back must fail).
Difficulty:
    terms: number of summands of F.
    factors: largest number of factors in one product of F (integration by parts).
    quotients: whether a term of F may be divided by a polynomial.
    nesting: depth of function composition in F (substitution).
    functions: "none" (polynomials), "basic" (sin, cos, exp) or "all" (also ln, sqrt, tan, arctan).
    max_coefficient: bound on the integer coefficients.
Prompt:
    "Find an antiderivative (indefinite integral) of f(x) = ... with respect to x."
Answer format:
    An expression in x, any antiderivative: the constant of integration is optional (``+ C`` or
    ``+ c`` accepted, any other added constant too); plain text or LaTeX, ``ln`` or ``\\log`` the
    natural logarithm, ``ln|x|`` or ``ln(x)``. A leading ``F(x) =`` is accepted.
Verification:
    The answer is parsed with ``bootcamps.answers.parse_math`` (never executed) and its
    derivative compared with the integrand by ``bootcamps.answers.calculus.same_derivative``:
    first the answer's value and slope are computed together in floats at four real points
    (agreement with the integrand within 1e-12 relative is accepted); otherwise the answer is
    differentiated symbolically (``differentiate``) and compared by ``same_function`` (exact at
    rational points for rational functions, else 96-digit numerics at real points of both
    signs, on the common real domain, 70 ms budget).
Version history:
    v1: first version, built with sympy (about 90 instances/s); removed.
    v2: our own trees, differentiator and renderers, no sympy (same grammar and knobs); the
        integrand is tidied, not fully simplified.
"""

from __future__ import annotations

import random

from bootcamps import elementary
from bootcamps.answers.calculus import REAL_POINTS, differentiate
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 50
_MAX_CHARS = 320


def generate(rng: random.Random, *, terms: int, factors: int, quotients: bool, nesting: int, functions: str,
             max_coefficient: int) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        antiderivative = elementary.function(rng, terms, factors, quotients, nesting, functions, max_coefficient)
        integrand = elementary.tidy(differentiate(antiderivative, "x"))
        reference, function = elementary.text(antiderivative), elementary.text(integrand)
        if len(function) > _MAX_CHARS or len(reference) > _MAX_CHARS or not elementary.has_x(integrand):
            continue
        if not elementary.moderate(integrand, REAL_POINTS):
            continue  # huge values (e^(x^4)) would hide small differences from the numeric check
        if not elementary.is_derivative(integrand, antiderivative, REAL_POINTS):
            continue
        if elementary.is_derivative(integrand, integrand, REAL_POINTS):
            continue  # the integrand copied back must not pass (f = e^x)
        if not (elementary.reads_back(reference, antiderivative, REAL_POINTS)
                and elementary.reads_back(function, integrand, REAL_POINTS)):
            continue
        question = (
            f"Find an antiderivative (indefinite integral) with respect to x of\n\nf(x) = "
            f"{elementary.latex(integrand)}\n\n"
            "Here \\ln is the natural logarithm. Give F(x) with F'(x) = f(x) as an expression in x; any "
            "antiderivative in any equivalent form is accepted, and the constant of integration (+ C) is optional."
        )
        return Problem(question=question, data={"integrand": function, "antiderivative": reference},
                       reference=reference)
    raise GenerationError(f"antiderivative: no usable function in {_MAX_ATTEMPTS} attempts")
