"""Float values of parse trees: a fast first look before exact or high-precision checks.

``compile_float`` turns a tree of ``bootcamps.answers.mathparse`` into nested closures that
compute its value at a float point (model text is never executed: the closures are built from a
fixed table of operations). It follows ``evaluate.numeric``'s reading of the tree where floats
can (the real odd root of a negative number for ``x^(1/3)``, the principal branches) and refuses
the rest with ``Unsupported``. A closure raises ``ValueError``, ``ZeroDivisionError`` or
``OverflowError`` outside the real domain; callers treat any of those as "no float value here".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

from bootcamps.answers.mathparse import Node

FloatFunction = Callable[[float], float]
FLOAT_ERRORS = (ValueError, ZeroDivisionError, OverflowError, TypeError)


class Unsupported(ValueError):
    """A tree with a part that has no float reading here (sets, factorials, unknown names, ...)."""


def _reciprocal(function: Callable[[float], float]) -> Callable[[float], float]:
    return lambda v: 1.0 / function(v)


_FUNCTIONS: dict[str, Callable[[float], float]] = {
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "cot": _reciprocal(math.tan),
    "sec": _reciprocal(math.cos), "csc": _reciprocal(math.sin), "arcsin": math.asin, "arccos": math.acos,
    "arctan": math.atan, "sinh": math.sinh, "cosh": math.cosh, "tanh": math.tanh, "arsinh": math.asinh,
    "arcosh": math.acosh, "artanh": math.atanh, "ln": math.log, "exp": math.exp, "sqrt": math.sqrt,
    "abs": abs,
}


def compile_float(node: Node, variable: str, constants: dict[str, float] | None = None) -> FloatFunction:
    """A float function of ``variable`` for the tree; other names are read from ``constants``."""
    return _Closures(variable, constants or {}).closure(node)


def _constant_rational(node: Node) -> Fraction | None:
    """The value of ``n``, ``-n``, ``n/m`` or ``-(n/m)`` for number leaves, else None."""
    if node[0] == "num":
        return node[1]
    if node[0] == "neg":
        inner = _constant_rational(node[1])
        return None if inner is None else -inner
    if node[0] == "div" and node[1][0] == "num" and node[2][0] == "num" and node[2][1] != 0:
        return node[1][1] / node[2][1]
    return None


def _small_constant(node: Node) -> Fraction | None:
    """``_constant_rational`` when numerator and denominator stay below a million, else None."""
    value = _constant_rational(node)
    if value is None or abs(value.numerator) >= 10**6 or value.denominator >= 10**6:
        return None
    return value


def _root_exponent(args: tuple) -> Node | None:
    """The exponent 1/n of ``root(u, n)`` for a small constant n other than 0, else None."""
    index = _small_constant(args[1]) if len(args) == 2 else None
    return None if not index else ("num", 1 / index, None)


def _real_power(exponent: Fraction) -> Callable[[float], float]:
    """``b ** exponent`` with the real odd root for a negative base (``(-8)^(1/3) = -2``)."""
    if exponent.denominator == 1:
        whole = int(exponent)
        return lambda b: b ** whole
    power = exponent.numerator / exponent.denominator
    if exponent.denominator % 2 == 0:
        return lambda b: math.pow(b, power)  # ValueError for a negative base: not real
    odd = exponent.numerator % 2 == 1

    def odd_root(b: float) -> float:
        if b >= 0:
            return math.pow(b, power)
        magnitude = math.pow(-b, power)
        return -magnitude if odd else magnitude

    return odd_root


_CONSTANT_KINDS = frozenset({"num", "mixed", "const"})


class _Closures:
    def __init__(self, variable: str, constants: dict[str, float]) -> None:
        self.variable, self.constants = variable, constants

    def closure(self, node: Node) -> FloatFunction:
        kind = node[0]
        if kind in ("num", "mixed", "const") or kind == "sym" and node[1] != self.variable:
            constant = self.constant(node)
            return lambda v: constant
        if kind == "sym":
            return lambda v: v
        if kind == "add":
            parts = [self.closure(child) for child in node[1]]
            if len(parts) == 2:
                first, second = parts
                return lambda v: first(v) + second(v)
            return lambda v: math.fsum([part(v) for part in parts])
        if kind == "neg":
            inner = self.closure(node[1])
            return lambda v: -inner(v)
        if kind == "mul":
            if len(node[1]) == 2 and node[1][0][0] in _CONSTANT_KINDS:  # 3*sin(x): one multiplication
                scale, inner = self.constant(node[1][0]), self.closure(node[1][1])
                return lambda v: scale * inner(v)
            parts = [self.closure(child) for child in node[1]]
            if len(parts) == 2:
                first, second = parts
                return lambda v: first(v) * second(v)
            return lambda v: math.prod([part(v) for part in parts])
        if kind == "div":
            top, bottom = self.closure(node[1]), self.closure(node[2])
            return lambda v: top(v) / bottom(v)
        if kind == "pow":
            return self.power(node[1], node[2])
        if kind == "func":
            return self.function(node[1], node[2])
        raise Unsupported(f"no float value for {kind}")

    def constant(self, node: Node) -> float:
        kind = node[0]
        try:
            if kind == "num":
                return node[1].numerator / node[1].denominator  # float(Fraction), without its slow path
            if kind == "mixed":
                return float(node[1] + Fraction(node[2], node[3]))
        except OverflowError:
            raise Unsupported("a number beyond floats") from None
        if kind == "const" and node[1] in ("e", "pi"):
            return math.e if node[1] == "e" else math.pi
        if kind == "sym" and node[1] in self.constants:
            return float(self.constants[node[1]])
        raise Unsupported(f"no float value for {node[:2]!r}")

    def power(self, base_node: Node, exponent_node: Node) -> FloatFunction:
        base = self.closure(base_node)
        rational = _small_constant(exponent_node)
        if rational is not None:
            real_power = _real_power(rational)
            if rational <= 0:
                return lambda v: real_power(_nonzero(base(v)))
            return lambda v: real_power(base(v))
        exponent = self.closure(exponent_node)
        return lambda v: _general_power(base(v), exponent(v))

    def function(self, name: str, args: tuple) -> FloatFunction:
        if name in _FUNCTIONS and len(args) == 1:
            function, inner = _FUNCTIONS[name], self.closure(args[0])
            return lambda v: function(inner(v))
        if name == "root" and (exponent := _root_exponent(args)) is not None:
            return self.power(args[0], exponent)
        if name == "logb" and len(args) == 2:
            value, base = self.closure(args[0]), self.closure(args[1])
            return lambda v: math.log(value(v)) / math.log(base(v))
        raise Unsupported(f"no float value for {name}")


def _nonzero(value: float) -> float:
    if value == 0:
        raise ZeroDivisionError("zero to a non-positive power")
    return value


def _general_power(base: float, exponent: float) -> float:
    if base == 0 and exponent <= 0:
        raise ZeroDivisionError("zero to a non-positive power")
    return math.pow(base, exponent)  # ValueError for a negative base and a non-integer exponent


# -- slopes: a value and its derivative together (forward-mode automatic differentiation) -------

Pair = tuple[float, float]
SlopeFunction = Callable[[float], Pair]


def _sign(u: float) -> float:
    if u == 0:
        raise ZeroDivisionError("|u| has no slope at 0")
    return 1.0 if u > 0 else -1.0


# each function's derivative at u, as the symbolic differentiator (bootcamps.answers.calculus) has it
_SLOPES: dict[str, Callable[[float], float]] = {
    "sin": math.cos, "cos": lambda u: -math.sin(u), "tan": lambda u: 1.0 / math.cos(u) ** 2,
    "cot": lambda u: -1.0 / math.sin(u) ** 2, "sec": lambda u: math.tan(u) / math.cos(u),
    "csc": lambda u: -1.0 / (math.sin(u) * math.tan(u)),
    "arcsin": lambda u: 1.0 / math.sqrt(1.0 - u * u), "arccos": lambda u: -1.0 / math.sqrt(1.0 - u * u),
    "arctan": lambda u: 1.0 / (1.0 + u * u), "sinh": math.cosh, "cosh": math.sinh,
    "tanh": lambda u: 1.0 / math.cosh(u) ** 2, "arsinh": lambda u: 1.0 / math.sqrt(u * u + 1.0),
    "arcosh": lambda u: 1.0 / math.sqrt(u * u - 1.0), "artanh": lambda u: 1.0 / (1.0 - u * u),
    "ln": lambda u: 1.0 / u, "exp": math.exp, "sqrt": lambda u: 0.5 / math.sqrt(u), "abs": _sign,
}


def compile_slope(node: Node, variable: str, constants: dict[str, float] | None = None) -> SlopeFunction:
    """A function of ``variable`` giving the tree's float value and its derivative together.

    It reads the tree as ``compile_float`` does and follows the same rules as the symbolic
    differentiator of ``bootcamps.answers.calculus`` (and refuses what that refuses: a variable
    logarithm base or root index), so the slope is the float value of the derivative tree.
    """
    return _SlopeClosures(variable, constants or {}).closure(node)


class _SlopeClosures(_Closures):
    def closure(self, node: Node) -> SlopeFunction:  # type: ignore[override]
        kind = node[0]
        if kind in ("num", "mixed", "const") or kind == "sym" and node[1] != self.variable:
            pair = (self.constant(node), 0.0)
            return lambda v: pair
        if kind == "sym":
            return lambda v: (v, 1.0)
        if kind == "add":
            parts = [self.closure(child) for child in node[1]]
            if len(parts) == 2:
                return _add_two(*parts)
            return lambda v: _sum_pairs([part(v) for part in parts])
        if kind == "neg":
            inner = self.closure(node[1])
            return lambda v: _negate(inner(v))
        if kind == "mul":
            if len(node[1]) == 2 and node[1][0][0] in _CONSTANT_KINDS:  # the same values as _multiply_two's
                return _scaled(self.constant(node[1][0]), self.closure(node[1][1]))
            parts = [self.closure(child) for child in node[1]]
            if len(parts) == 2:
                return _multiply_two(*parts)
            return lambda v: _product_pairs([part(v) for part in parts])
        if kind == "div":
            top, bottom = self.closure(node[1]), self.closure(node[2])
            return lambda v: _quotient(top(v), bottom(v))
        if kind == "pow":
            return self.power(node[1], node[2])
        if kind == "func":
            return self.function(node[1], node[2])
        raise Unsupported(f"no float value for {kind}")

    def power(self, base_node: Node, exponent_node: Node) -> SlopeFunction:  # type: ignore[override]
        base = self.closure(base_node)
        rational = _small_constant(exponent_node)
        if rational is not None:
            value_of, lower = _real_power(rational), _real_power(rational - 1)
            scale = float(rational)
            nonpositive, below_one = rational <= 0, rational < 1  # compared once, not at every point

            def constant_power(v: float) -> Pair:
                b, db = base(v)
                if nonpositive or below_one and db != 0:
                    _nonzero(b)
                return value_of(b), scale * lower(b) * db if db else 0.0

            return constant_power
        exponent = self.closure(exponent_node)
        return lambda v: _variable_power(base(v), exponent(v))

    def function(self, name: str, args: tuple) -> SlopeFunction:  # type: ignore[override]
        if name in _FUNCTIONS and len(args) == 1:
            function, slope, inner = _FUNCTIONS[name], _SLOPES[name], self.closure(args[0])

            def outer(v: float) -> Pair:
                u, du = inner(v)
                return function(u), slope(u) * du if du else 0.0

            return outer
        if name == "root" and (exponent := _root_exponent(args)) is not None:
            return self.power(args[0], exponent)
        if name == "logb" and len(args) == 2:
            value, base = self.closure(args[0]), self.closure(args[1])

            def logarithm(v: float) -> Pair:
                (u, du), (b, db) = value(v), base(v)
                if db:
                    raise Unsupported("a variable logarithm base")
                return math.log(u) / math.log(b), du / (u * math.log(b)) if du else 0.0

            return logarithm
        raise Unsupported(f"no float value for {name}")


def _add_two(first: SlopeFunction, second: SlopeFunction) -> SlopeFunction:
    def add(v: float) -> Pair:
        (a, da), (b, db) = first(v), second(v)
        return a + b, da + db

    return add


def _scaled(scale: float, inner: SlopeFunction) -> SlopeFunction:
    def scaled(v: float) -> Pair:
        u, du = inner(v)
        return scale * u, scale * du

    return scaled


def _multiply_two(first: SlopeFunction, second: SlopeFunction) -> SlopeFunction:
    def multiply(v: float) -> Pair:
        (a, da), (b, db) = first(v), second(v)
        return a * b, da * b + a * db

    return multiply


def _sum_pairs(pairs: list[Pair]) -> Pair:
    return math.fsum([p[0] for p in pairs]), math.fsum([p[1] for p in pairs])


def _negate(pair: Pair) -> Pair:
    return -pair[0], -pair[1]


def _product_pairs(pairs: list[Pair]) -> Pair:
    value, slope = pairs[0]
    for u, du in pairs[1:]:
        value, slope = value * u, slope * u + value * du
    return value, slope


def _quotient(top: Pair, bottom: Pair) -> Pair:
    (u, du), (w, dw) = top, bottom
    return u / w, (du * w - u * dw) / (w * w)


def _variable_power(base: Pair, exponent: Pair) -> Pair:
    (b, db), (e, de) = base, exponent
    value = _general_power(b, e)
    if not de:  # n b^(n-1) b'
        return value, e * _general_power(b, e - 1) * db if db else 0.0
    return value, value * (de * math.log(b) + (e * db / b if db else 0.0))
