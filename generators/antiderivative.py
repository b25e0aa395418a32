"""Antiderivative: find an indefinite integral of a generated elementary function.

Description:
    A random elementary function F(x) is built (same grammar as the derivative family: sums of
    coefficient times products of powers of x, powers of small polynomials and sin, cos, exp,
    ln, sqrt, tan, arctan of inner functions, possibly divided by a polynomial), and sympy
    differentiates it; the integrand shown is f = F'. So every integrand has an elementary
    antiderivative, F being one.
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
    The answer is parsed with ``bootcamps.answers.parse_math`` (never executed), differentiated
    symbolically by ``bootcamps.answers.calculus.differentiate`` and compared with the integrand
    by ``same_function`` (exact at rational points for rational functions, else 96-digit numerics
    at real points of both signs, on the common real domain, 70 ms budget). The generator checks
    that its reference passes this way and that the integrand itself does not.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.answers import parse_math
from bootcamps.answers.calculus import differentiate, moderate, same_function
from bootcamps.errors import GenerationError
from bootcamps.generators.derivative import _term, latex, render
from bootcamps.types import Problem

_MAX_ATTEMPTS = 50
_MAX_CHARS = 320


def generate(rng: random.Random, *, terms: int, factors: int, quotients: bool, nesting: int, functions: str,
             max_coefficient: int) -> Problem:
    import sympy

    x = sympy.Symbol("x")
    for _ in range(_MAX_ATTEMPTS):
        antiderivative = sum(_term(rng, x, factors, quotients, nesting, functions, max_coefficient)
                             for _ in range(terms))
        if not antiderivative.has(x):
            continue
        integrand = sympy.diff(antiderivative, x)
        reference, function = render(antiderivative), render(integrand)
        if len(function) > _MAX_CHARS or len(reference) > _MAX_CHARS or not integrand.has(x):
            continue
        tree, gold = parse_math(reference), parse_math(function)
        if tree is None or gold is None or not moderate(gold, "x"):
            continue  # huge values (e^(x^4)) would hide small differences from the numeric check
        if same_function(gold, differentiate(tree, "x"), "x", seconds=1.0) is not True:
            continue
        if same_function(gold, differentiate(gold, "x"), "x", seconds=1.0) is not False:
            continue  # the integrand copied back must not pass (f = e^x)
        question = (
            f"Find an antiderivative (indefinite integral) with respect to x of\n\nf(x) = {latex(integrand)}\n\n"
            "Here \\ln is the natural logarithm. Give F(x) with F'(x) = f(x) as an expression in x; any "
            "antiderivative in any equivalent form is accepted, and the constant of integration (+ C) is optional."
        )
        return Problem(question=question, data={"integrand": function, "antiderivative": reference},
                       reference=reference)
    raise GenerationError(f"antiderivative: no usable function in {_MAX_ATTEMPTS} attempts")
