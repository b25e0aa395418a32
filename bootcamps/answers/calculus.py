"""Calculus on answer parse trees: symbolic derivatives and an identity test for functions of one variable.

Works on the trees of ``bootcamps.answers.mathparse`` (model text is never executed and sympy is
not used): ``differentiate`` builds the derivative tree by the usual rules, ``same_function``
decides whether two trees are the same function of one variable on their common real domain:
an agreement in floats at four real points (``bootcamps.answers.floats``, within 1e-12 relative)
is accepted at once; anything else is decided by exact comparison at rational points when both
sides are rational there, otherwise by 96-digit numerics (``bootcamps.answers.evaluate``) at
several real points, within a time budget. ``same_derivative`` does the same for an answer's
derivative, computing its slope in floats before it builds a derivative tree.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache

from bootcamps.answers.evaluate import (
    Budget,
    NotExact,
    Timeout,
    Undefined,
    close,
    exact,
    is_real,
    numeric,
)
from bootcamps.answers.floats import FLOAT_ERRORS, FloatFunction, compile_float, compile_slope
from bootcamps.answers.floats import Unsupported as NoFloat
from bootcamps.answers.mathparse import Node

MAX_NODES = 20_000


class Unsupported(ValueError):
    """A tree the differentiator does not handle (floor, factorial, sets, ...)."""


def _num(value: int | Fraction) -> Node:
    return ("num", Fraction(value), None)


ZERO, ONE, TWO = _num(0), _num(1), _num(2)


def _is_zero(node: Node) -> bool:
    return node[0] == "num" and node[1] == 0


def _add(*terms: Node) -> Node:
    kept = tuple(term for term in terms if not _is_zero(term))
    return ZERO if not kept else kept[0] if len(kept) == 1 else ("add", kept)


def _mul(*factors: Node) -> Node:
    if any(_is_zero(factor) for factor in factors):
        return ZERO
    kept = tuple(factor for factor in factors if factor != ONE)
    return ONE if not kept else kept[0] if len(kept) == 1 else ("mul", kept)


def _neg(node: Node) -> Node:
    return ZERO if _is_zero(node) else ("neg", node)


def _div(a: Node, b: Node) -> Node:
    return ZERO if _is_zero(a) else ("div", a, b)


def _pow(a: Node, b: Node) -> Node:
    return ("pow", a, b)


def _f(name: str, *args: Node) -> Node:
    return ("func", name, tuple(args))


def _children(node: Node) -> list[Node]:
    """The subtrees of a node (the items of tuple arguments such as a function's args included)."""
    children = []
    for child in node[1:]:
        if isinstance(child, tuple) and child and isinstance(child[0], str):
            children.append(child)
        elif isinstance(child, tuple):
            children.extend(item for item in child if isinstance(item, tuple) and item and isinstance(item[0], str))
    return children


def _sqrt_one_minus(u: Node, sign: int = 1) -> Node:
    """sqrt(1 - u^2) (sign 1), sqrt(u^2 + 1) (sign 2) or sqrt(u^2 - 1) (sign -1)."""
    if sign == 1:
        return _f("sqrt", _add(ONE, _neg(_pow(u, TWO))))
    return _f("sqrt", _add(_pow(u, TWO), ONE if sign == 2 else _neg(ONE)))


def _outer(name: str, u: Node, args: tuple) -> Node:
    """The derivative of the function ``name`` at u (to be multiplied by u')."""
    rules = {
        "sin": lambda: _f("cos", u), "cos": lambda: _neg(_f("sin", u)),
        "tan": lambda: _div(ONE, _pow(_f("cos", u), TWO)), "cot": lambda: _neg(_div(ONE, _pow(_f("sin", u), TWO))),
        "sec": lambda: _mul(_f("sec", u), _f("tan", u)), "csc": lambda: _neg(_mul(_f("csc", u), _f("cot", u))),
        "arcsin": lambda: _div(ONE, _sqrt_one_minus(u)), "arccos": lambda: _neg(_div(ONE, _sqrt_one_minus(u))),
        "arctan": lambda: _div(ONE, _add(ONE, _pow(u, TWO))), "arccot": lambda: _neg(_div(ONE, _add(ONE, _pow(u, TWO)))),
        "sinh": lambda: _f("cosh", u), "cosh": lambda: _f("sinh", u), "tanh": lambda: _div(ONE, _pow(_f("cosh", u), TWO)),
        "arsinh": lambda: _div(ONE, _sqrt_one_minus(u, 2)), "arcosh": lambda: _div(ONE, _sqrt_one_minus(u, -1)),
        "artanh": lambda: _div(ONE, _add(ONE, _neg(_pow(u, TWO)))),
        "exp": lambda: _f("exp", u), "ln": lambda: _div(ONE, u), "sqrt": lambda: _div(ONE, _mul(TWO, _f("sqrt", u))),
        "abs": lambda: _div(u, _f("abs", u)),
    }
    if name in rules:
        return rules[name]()
    if name == "logb":
        return _div(ONE, _mul(u, _f("ln", args[1])))
    if name == "root":  # u^(1/n) -> (1/n) u^(1/n - 1)
        index = args[1]
        return _mul(_div(ONE, index), _pow(u, _add(_div(ONE, index), _neg(ONE))))
    raise Unsupported(f"cannot differentiate {name}")


class _Differentiator:
    def __init__(self, variable: str) -> None:
        self.variable = variable
        self.nodes = 0
        self.known: dict[int, bool] = {}  # id of a subtree -> whether it holds the variable

    def has(self, node: Node) -> bool:
        """Whether the subtree holds the variable, remembered per subtree of the tree being
        differentiated (it stays alive meanwhile, so ids are not reused): one pass in all."""
        found = self.known.get(id(node))
        if found is None:
            if node[0] == "sym":
                found = node[1] == self.variable
            else:
                found = node[0] != "num" and any(self.has(child) for child in _children(node))
            self.known[id(node)] = found
        return found

    def d(self, node: Node) -> Node:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Unsupported("expression too large")
        kind = node[0]
        if kind in ("num", "const", "mixed"):
            return ZERO
        if kind == "sym":
            return ONE if node[1] == self.variable else ZERO
        if not self.has(node):
            if kind in ("add", "neg", "mul", "div", "pow", "func"):
                return ZERO
            raise Unsupported(f"cannot differentiate {kind}")
        if kind == "add":
            return _add(*(self.d(term) for term in node[1]))
        if kind == "neg":
            return _neg(self.d(node[1]))
        if kind == "mul":
            factors = node[1]
            return _add(*(_mul(*factors[:k], self.d(factors[k]), *factors[k + 1:]) for k in range(len(factors))))
        if kind == "div":
            u, v = node[1], node[2]
            return _div(_add(_mul(self.d(u), v), _neg(_mul(u, self.d(v)))), _pow(v, TWO))
        if kind == "pow":
            return self.power(node[1], node[2])
        if kind == "func":
            name, args = node[1], node[2]
            if name in ("logb", "root") and self.has(args[1]):
                raise Unsupported("variable base or index")
            if len(args) != 1 and name not in ("logb", "root"):
                raise Unsupported(f"cannot differentiate {name}")
            return _mul(_outer(name, args[0], args), self.d(args[0]))
        raise Unsupported(f"cannot differentiate {kind}")

    def power(self, u: Node, v: Node) -> Node:
        if not self.has(v):  # n u^(n-1) u'
            return _mul(v, _pow(u, _add(v, _neg(ONE))), self.d(u))
        if u == ("const", "e"):
            return _mul(_pow(u, v), self.d(v))
        if not self.has(u):  # a^v ln(a) v'
            return _mul(_pow(u, v), _f("ln", u), self.d(v))
        # u^v (v' ln u + v u'/u)
        return _mul(_pow(u, v), _add(_mul(self.d(v), _f("ln", u)), _div(_mul(v, self.d(u)), u)))


def differentiate(node: Node, variable: str) -> Node:
    """The derivative tree of ``node`` with respect to ``variable``; raises Unsupported."""
    return _Differentiator(variable).d(node)


_RATIONAL_POINTS = tuple(Fraction(r.choice((-1, 1)) * r.randint(1, 97), r.randint(1, 17))
                         for r in [random.Random(0xCA1C)] for _ in range(8))
# both signs (|x| and x must differ), smallest magnitudes first: where values are huge (e^(x^4)) a
# relative tolerance cannot see an added constant
_REAL_POINTS = tuple(sorted(((-1 if k % 2 else 1) * (0.15 + 2.7 * r.random()) for r in [random.Random(0xCA1D)]
                            for k in range(16)), key=abs))
_UNDEFINED = "undefined"
REAL_POINTS = _REAL_POINTS  # public: generators check their functions where the verifier will


@lru_cache(maxsize=256)
def _reference_values(node: Node, variable: str) -> tuple[tuple, tuple]:
    """The values of a reference tree at the fixed points, computed once per tree.

    Exact values (Fraction, _UNDEFINED, or None once the tree is not rational) and numeric ones
    (an mpmath value, or None outside the real domain).
    """
    budget = Budget(2.0)
    exact_values: list = []
    try:
        for point in _RATIONAL_POINTS:
            try:
                exact_values.append(exact(node, {variable: point}, budget))
            except Undefined:
                exact_values.append(_UNDEFINED)
    except NotExact:
        exact_values = []
    numeric_values = []
    for point in _REAL_POINTS:
        try:
            value = numeric(node, {variable: point}, budget)
            numeric_values.append(value if is_real(value) else None)
        except Undefined:
            numeric_values.append(None)
    return tuple(exact_values), tuple(numeric_values)


_FLOATS_BY_IDENTITY: dict[int, tuple[Node, str, tuple[float | None, ...]]] = {}


def _reference_floats(node: Node, variable: str) -> tuple[float | None, ...]:
    """``_floats_at_points`` of a reference, looked up by identity first: a prompt's stored tree is
    the same object at every answer (from the parse cache), and hashing a tree costs a microsecond
    or more per Fraction in it."""
    seen = _FLOATS_BY_IDENTITY.get(id(node))
    if seen is not None and seen[0] is node and seen[1] == variable:
        return seen[2]
    floats = _floats_at_points(node, variable)
    if len(_FLOATS_BY_IDENTITY) >= 256:
        _FLOATS_BY_IDENTITY.clear()
    _FLOATS_BY_IDENTITY[id(node)] = (node, variable, floats)  # the node kept alive: its id stays its own
    return floats


@lru_cache(maxsize=256)
def _floats_at_points(node: Node, variable: str) -> tuple[float | None, ...]:
    """The reference's values at the real points as floats (None where it is not real or beyond floats)."""
    _, numeric_values = _reference_values(node, variable)
    floats = []
    for value in numeric_values:
        try:
            floats.append(None if value is None else float(value.real if hasattr(value, "imag") else value))
        except (OverflowError, ValueError):
            floats.append(None)
    return tuple(value if value is not None and math.isfinite(value) else None for value in floats)


_FLOAT_TOLERANCE = 1e-12  # relative (floor 1): float rounding of a right answer stays below it


def _agrees_in_floats(reference: Node, compile_answer: Callable[[], FloatFunction], variable: str) -> bool:
    """Whether the answer matches the reference at the first four real points, in floats.

    Only an agreement is trusted: a disagreement, an error or a point where floats cannot say
    sends the caller to the exact and high-precision checks (so rounding can never reject a
    right answer), and wrong answers are always decided there.
    """
    golds = _reference_floats(reference, variable)
    try:
        function = compile_answer()
    except (NoFloat, RecursionError):
        return False
    agreed = 0
    for point, gold in zip(_REAL_POINTS, golds, strict=True):
        if gold is None:
            continue
        try:
            value = function(point)
        except (*FLOAT_ERRORS, NoFloat, RecursionError):
            return False
        if not abs(value - gold) <= _FLOAT_TOLERANCE * max(abs(gold), 1.0):
            return False
        agreed += 1
        if agreed == 4:
            return True
    return False


def moderate(node: Node, variable: str, limit: float = 1e30) -> bool:
    """Whether a reference tree stays below ``limit`` in size at every test point where it is real."""
    _, numeric_values = _reference_values(node, variable)
    return all(value is None or abs(value) < limit for value in numeric_values)


def same_function(reference: Node, answer: Node, variable: str, env: dict | None = None,
                  seconds: float = 0.07) -> bool | None:
    """Whether two trees are the same function of ``variable`` on their common real domain.

    ``reference`` is evaluated once per tree at fixed points (cached); ``env`` binds other names
    of the answer (constants) to numbers. None when the time budget ran out or too few points of
    the common domain were found.
    """
    if answer == reference:
        return True  # the same tree is the same function: nothing to evaluate
    try:
        exact_values, numeric_values = _reference_values(reference, variable)
    except (Timeout, RecursionError):
        return None
    env = dict(env or {})
    if _agrees_in_floats(reference, lambda: compile_float(answer, variable, env), variable):
        return True
    budget = Budget(seconds)
    try:
        if exact_values:
            try:
                agreed = 0
                for point, gold in zip(_RATIONAL_POINTS, exact_values, strict=True):
                    if gold == _UNDEFINED:
                        continue
                    try:
                        if exact(answer, {**env, variable: point}, budget) != gold:
                            return False
                    except Undefined:
                        continue
                    agreed += 1
                    if agreed >= 4:
                        return True
            except NotExact:
                pass
        agreed = 0
        for point, gold in zip(_REAL_POINTS, numeric_values, strict=True):
            if gold is None:
                continue
            try:
                value = numeric(answer, {**env, variable: point}, budget)
            except Undefined:
                continue
            if not is_real(value):
                continue  # outside the common real domain
            if not close(gold, value):
                return False
            agreed += 1
            if agreed >= 4:
                return True
        return None
    except (Timeout, RecursionError):
        return None


def same_derivative(reference: Node, antiderivative: Node, variable: str, env: dict | None = None,
                    seconds: float = 0.07) -> bool | None:
    """Whether the derivative of ``antiderivative`` is the function ``reference`` (as ``same_function``
    decides it); raises Unsupported when the answer cannot be differentiated.

    The answer's slope is first computed in floats alongside its value (no derivative tree);
    anything but an agreement is decided on the derivative tree by ``same_function``.
    """
    def slope_function() -> FloatFunction:
        pairs = compile_slope(antiderivative, variable, env)
        return lambda point: pairs(point)[1]

    try:
        if _agrees_in_floats(reference, slope_function, variable):
            return True
    except (Timeout, RecursionError):
        return None
    return same_function(reference, differentiate(antiderivative, variable), variable, env, seconds)
