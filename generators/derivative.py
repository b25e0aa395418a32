"""Derivative: differentiate a generated elementary function of x.

Description:
    A random function of x is built as a sum of terms; each term is a coefficient times a product
    of factors, possibly divided by another factor. Factors are powers of x, powers of small
    polynomials and, from level 5 on, sin, cos, exp (then ln, sqrt, tan, arctan) of inner
    factors, nested up to ``nesting`` deep (chain rule). sympy differentiates it at generation.
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
    the derivative by ``bootcamps.answers.calculus.same_function``: exactly at random rational
    points when both are rational functions, else at 96-digit precision at real points of both
    signs (a fixed seeded RNG), on the common real domain, within a 70 ms budget. The generator
    checks sympy's derivative against our own differentiation of the parsed function.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.answers import parse_math
from bootcamps.answers.calculus import differentiate, moderate, same_function
from bootcamps.errors import GenerationError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 50
_MAX_REFERENCE_CHARS = 320
_BASIC = ("sin", "cos", "exp")
_ALL = ("sin", "cos", "exp", "ln", "sqrt", "tan", "arctan")


def _coefficient(rng: random.Random, bound: int, positive: bool = False) -> int:
    value = rng.randint(1, max(1, bound))
    return value if positive or rng.random() < 0.6 else -value


def _polynomial(rng: random.Random, x, bound: int, degree: int):
    """A small polynomial with a non-zero constant term (so powers of it need the chain rule)."""
    terms = [_coefficient(rng, bound) * x ** k for k in range(1, degree + 1) if k == degree or rng.random() < 0.5]
    return sum(terms) + _coefficient(rng, bound)


def _factor(rng: random.Random, x, depth: int, functions: str, bound: int):
    import sympy

    names = () if functions == "none" else _BASIC if functions == "basic" else _ALL
    choice = rng.random()
    if depth > 0 and names and choice < 0.6:
        name = rng.choice(names)
        inner = _factor(rng, x, depth - 1, functions, bound) if rng.random() < 0.5 else (
            _coefficient(rng, min(bound, 5)) * x + (rng.randint(-3, 3) if name not in ("ln", "sqrt") else 0))
        if name in ("ln", "sqrt"):  # keep the argument positive somewhere simple
            inner = x ** 2 + rng.randint(1, 5) if rng.random() < 0.5 else x
        return {"sin": sympy.sin, "cos": sympy.cos, "exp": sympy.exp, "ln": sympy.log, "sqrt": sympy.sqrt,
                "tan": sympy.tan, "arctan": sympy.atan}[name](inner)
    if depth > 0 and choice < 0.8:
        return _polynomial(rng, x, min(bound, 5), rng.randint(1, 2)) ** rng.randint(2, 4)
    return x ** rng.randint(1, 4)


def _term(rng: random.Random, x, factors: int, quotients: bool, nesting: int, functions: str, bound: int):
    product = _coefficient(rng, bound)
    for _ in range(rng.randint(1, factors)):
        product *= _factor(rng, x, nesting, functions, bound)
    if quotients and rng.random() < 0.5:
        product /= _polynomial(rng, x, min(bound, 5), rng.randint(1, 2))
    return product


def render(expr) -> str:
    """Plain text our parser reads: ``^`` for powers, ``ln`` for the natural logarithm."""
    return (str(expr).replace("**", "^").replace("log(", "ln(").replace("atan(", "arctan(")
            .replace("E^", "e^"))


def latex(expr) -> str:
    import sympy

    return sympy.latex(expr).replace("\\log", "\\ln").replace("\\operatorname{atan}", "\\arctan")


def generate(rng: random.Random, *, terms: int, factors: int, quotients: bool, nesting: int, functions: str,
             max_coefficient: int) -> Problem:
    import sympy

    x = sympy.Symbol("x")
    for _ in range(_MAX_ATTEMPTS):
        f = sum(_term(rng, x, factors, quotients, nesting, functions, max_coefficient) for _ in range(terms))
        if not f.has(x) or len(f.free_symbols) != 1:
            continue
        derivative = sympy.diff(f, x)
        reference = render(derivative)
        function = render(f)
        if len(reference) > _MAX_REFERENCE_CHARS or not derivative.has(x) or reference in ("0", "1"):
            continue
        tree, gold = parse_math(function), parse_math(reference)
        # two independent derivatives (sympy's, and ours of the parsed text) must agree
        if tree is None or gold is None or not moderate(gold, "x"):
            continue  # huge values (e^(x^4)) would hide small differences from the numeric check
        if same_function(gold, differentiate(tree, "x"), "x", seconds=1.0) is not True:
            continue
        question = (
            f"Find the derivative with respect to x of\n\nf(x) = {latex(f)}\n\n"
            "Here \\ln is the natural logarithm. Give f'(x) as an expression in x; any equivalent form is accepted "
            "(for example 2*x*exp(3*x) + 3*cos(3*x) or LaTeX)."
        )
        return Problem(question=question, data={"function": function, "derivative": reference}, reference=reference)
    raise GenerationError(f"derivative: no usable function in {_MAX_ATTEMPTS} attempts")
