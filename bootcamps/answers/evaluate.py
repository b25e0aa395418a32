"""Values of parse trees: exact rational arithmetic, and bounded high-precision numerics.

Two evaluators walk the trees of ``bootcamps.answers.mathparse``:

- ``exact`` computes a ``Fraction`` when the tree is rational at the given point (integers,
  fractions, powers with bounded integer exponents, perfect roots, small factorials). It raises
  ``NotExact`` as soon as an irrational or oversized value appears, so callers fall back to
- ``numeric``, which computes an mpmath complex value at 320 bits (~96 digits). Every operation
  is guarded: a magnitude beyond 2**20000, a huge trigonometric argument, a factorial beyond
  3000 or a non-finite result raises ``Undefined`` instead of hanging or overflowing.

Both check a cooperative ``Budget`` (a ``time.perf_counter`` deadline, tested every few nodes)
and raise ``Timeout`` when it is spent: no signals, so they work inside threads and worker
processes. mpmath keeps its precision in a context object; each thread gets its own.
"""

from __future__ import annotations

import math
import threading
import time
from fractions import Fraction

from mpmath.ctx_mp import MPContext

from bootcamps.answers.mathparse import Node, free_symbols

PRECISION_BITS = 320
CONFIRM_BITS = 720  # a second look: identities agree to ~150 more digits, perturbations do not
MAX_EXACT_BITS = 20_000  # numerator or denominator size beyond which exact work stops
MAX_MAGNITUDE_BITS = 20_000  # |value| < 2**20000 in numeric work
MAX_EXACT_FACTORIAL = 1_000
MAX_NUMERIC_FACTORIAL = 3_000
MAX_ROOT_INDEX = 64


class Undefined(ArithmeticError):
    """The value does not exist at this point (division by zero, overflow, domain error)."""


class NotExact(ArithmeticError):
    """The value is not a rational computable within the exact limits."""


class Timeout(RuntimeError):
    """The time budget is spent."""


class Budget:
    """A deadline checked cooperatively every 32 ticks."""

    __slots__ = ("deadline", "ticks")

    def __init__(self, seconds: float) -> None:
        self.deadline = time.perf_counter() + seconds
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if not self.ticks & 31 and time.perf_counter() > self.deadline:
            raise Timeout("time budget spent")

    def spent(self) -> bool:
        return time.perf_counter() > self.deadline


# -- exact ---------------------------------------------------------------------------------------

def _check(value: Fraction) -> Fraction:
    if value.numerator.bit_length() > MAX_EXACT_BITS or value.denominator.bit_length() > MAX_EXACT_BITS:
        raise NotExact("too large for exact arithmetic")
    return value


def _integer_root(value: int, index: int) -> int | None:
    """The exact ``index``-th root of a non-negative integer, or None."""
    if value < 2:
        return value
    guess = 1 << -(-value.bit_length() // index)
    while True:
        better = ((index - 1) * guess + value // guess ** (index - 1)) // index
        if better >= guess:
            break
        guess = better
    return guess if guess ** index == value else None


def _exact_root(value: Fraction, index: int) -> Fraction:
    if index <= 0 or index > MAX_ROOT_INDEX:
        raise NotExact("unsupported root")
    if value < 0:
        if index % 2 == 0:
            raise NotExact("even root of a negative number")
        return -_exact_root(-value, index)
    numerator = _integer_root(value.numerator, index)
    denominator = _integer_root(value.denominator, index)
    if numerator is None or denominator is None:
        raise NotExact("irrational root")
    return Fraction(numerator, denominator)


def _exact_power(base: Fraction, exponent: Fraction) -> Fraction:
    if exponent.denominator != 1:
        if exponent.denominator > MAX_ROOT_INDEX:
            raise NotExact("irrational power")
        base = _exact_root(base, exponent.denominator)
        exponent = Fraction(exponent.numerator)
    power = exponent.numerator
    if base == 0:
        if power < 0:
            raise Undefined("zero to a negative power")
        return Fraction(0) if power else Fraction(1)
    if base in (1, -1):
        return base ** power
    size = (base.numerator.bit_length() + base.denominator.bit_length()) * abs(power)
    if size > MAX_EXACT_BITS:
        raise NotExact("power too large for exact arithmetic")
    return base ** power


def exact(node: Node, env: dict[str, Fraction], budget: Budget) -> Fraction:
    """The exact rational value of a tree at a point; raises NotExact, Undefined or Timeout."""
    budget.tick()
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "sym":
        value = env.get(node[1])
        if value is None:
            raise NotExact(f"unbound symbol {node[1]}")
        if isinstance(value, float):  # a constant bound to a float (antiderivative's C) is not exact
            raise NotExact(f"{node[1]} has no exact value")
        return value
    if kind == "add":
        total = Fraction(0)
        for term in node[1]:
            total = _check(total + exact(term, env, budget))
        return total
    if kind == "neg":
        return -exact(node[1], env, budget)
    if kind == "mul":
        product = Fraction(1)
        for factor in node[1]:
            product = _check(product * exact(factor, env, budget))
        return product
    if kind == "div":
        numerator = exact(node[1], env, budget)
        denominator = exact(node[2], env, budget)
        if denominator == 0:
            raise Undefined("division by zero")
        return _check(numerator / denominator)
    if kind == "pow":
        exponent = exact(node[2], env, budget)
        return _exact_power(exact(node[1], env, budget), exponent)
    if kind == "mixed":
        return node[1] + Fraction(node[2], node[3])
    if kind == "pct":
        return exact(node[1], env, budget) / 100
    if kind == "deg":
        raise NotExact("degrees are a multiple of pi")
    if kind == "func":
        return _exact_function(node[1], node[2], env, budget)
    if kind == "const":
        if node[1] == "inf":
            raise Undefined("infinity in arithmetic")
        raise NotExact("irrational constant")
    raise Undefined(f"{kind} has no numeric value")


def _exact_function(name: str, args: tuple, env: dict[str, Fraction], budget: Budget) -> Fraction:
    if name == "sqrt":
        return _exact_root_checked(exact(args[0], env, budget), 2)
    if name == "root":
        index = exact(args[1], env, budget)
        if index.denominator != 1 or index <= 0:
            raise NotExact("non-integer root index")
        return _exact_root_checked(exact(args[0], env, budget), int(index))
    if name == "abs":
        return abs(exact(args[0], env, budget))
    if name == "floor":
        return Fraction(math.floor(exact(args[0], env, budget)))
    if name == "ceil":
        return Fraction(math.ceil(exact(args[0], env, budget)))
    if name == "fact":
        value = exact(args[0], env, budget)
        if value.denominator != 1:
            raise NotExact("factorial of a non-integer")
        if value < 0:
            raise Undefined("factorial of a negative integer")
        if value > MAX_EXACT_FACTORIAL:
            raise NotExact("factorial too large")
        return Fraction(math.factorial(int(value)))
    if name == "binom":
        top, bottom = exact(args[0], env, budget), exact(args[1], env, budget)
        if top.denominator != 1 or bottom.denominator != 1 or top < 0 or top > 4 * MAX_EXACT_FACTORIAL:
            raise NotExact("binomial outside the exact range")
        return Fraction(math.comb(int(top), int(bottom))) if bottom >= 0 else Fraction(0)
    raise NotExact(f"{name} is not computed exactly")


def _exact_root_checked(value: Fraction, index: int) -> Fraction:
    if value < 0 and index % 2 == 0:
        raise NotExact("even root of a negative number")
    return _exact_root(value, index)


# -- numeric -------------------------------------------------------------------------------------

_LOCAL = threading.local()


def context(bits: int = PRECISION_BITS) -> MPContext:
    """This thread's mpmath context at ``bits`` of precision (mpmath contexts are not thread-safe)."""
    contexts = getattr(_LOCAL, "contexts", None)
    if contexts is None:
        contexts = _LOCAL.contexts = {}
    ctx = contexts.get(bits)
    if ctx is None:
        ctx = contexts[bits] = MPContext()
        ctx.prec = bits
    return ctx


def _guard(ctx: MPContext, value):
    if isinstance(value, ctx.mpc):
        parts = (value.real, value.imag)
    elif isinstance(value, ctx.mpf):
        parts = (value,)
    else:
        value = ctx.mpf(value)
        parts = (value,)
    for part in parts:
        if not ctx.isfinite(part):
            raise Undefined("not finite")
        if part and ctx.mag(part) > MAX_MAGNITUDE_BITS:
            raise Undefined("overflow")
    if isinstance(value, ctx.mpc) and value.imag == 0:
        return value.real
    return value


def _magnitude(ctx: MPContext, value) -> int:
    return ctx.mag(value) if value else -(10**9)


def _is_real(ctx: MPContext, value) -> bool:
    return not isinstance(value, ctx.mpc)


def numeric(node: Node, env: dict, budget: Budget, bits: int = PRECISION_BITS):
    """An mpmath value (mpf or mpc) of a tree at a point; raises Undefined or Timeout.

    ``env`` maps names to numbers (floats or Fractions), converted at ``bits`` of precision.
    """
    ctx = context(bits)
    env = {name: _convert(ctx, value) for name, value in env.items()}
    try:
        return _numeric(ctx, node, env, budget)
    except (Undefined, Timeout):
        raise
    except (ZeroDivisionError, ValueError, OverflowError, TypeError, ArithmeticError) as error:
        raise Undefined(str(error)) from None


def _convert(ctx: MPContext, value):
    if isinstance(value, Fraction):
        return ctx.mpf(value.numerator) / value.denominator
    return ctx.mpf(value)


def _numeric(ctx: MPContext, node: Node, env: dict, budget: Budget):
    budget.tick()
    kind = node[0]
    if kind == "num":
        value = node[1]
        return ctx.mpf(value.numerator) / value.denominator
    if kind == "sym":
        value = env.get(node[1])
        if value is None:
            raise Undefined(f"unbound symbol {node[1]}")
        return value
    if kind == "add":
        total = ctx.mpf(0)
        for term in node[1]:
            total = _guard(ctx, total + _numeric(ctx, term, env, budget))
        return total
    if kind == "neg":
        return -_numeric(ctx, node[1], env, budget)
    if kind == "mul":
        product = ctx.mpf(1)
        for factor in node[1]:
            product = _guard(ctx, product * _numeric(ctx, factor, env, budget))
        return product
    if kind == "div":
        numerator = _numeric(ctx, node[1], env, budget)
        denominator = _numeric(ctx, node[2], env, budget)
        if denominator == 0:
            raise Undefined("division by zero")
        return _guard(ctx, numerator / denominator)
    if kind == "pow":
        return _power(ctx, node, env, budget)
    if kind == "mixed":
        return ctx.mpf(node[1]) + ctx.mpf(node[2]) / node[3]
    if kind == "pct":
        return _numeric(ctx, node[1], env, budget) / 100
    if kind == "deg":  # inside an expression (\sin 30^\circ) degrees are radians times pi/180
        return _numeric(ctx, node[1], env, budget) * ctx.pi / 180
    if kind == "const":
        name = node[1]
        if name == "pi":
            return +ctx.pi
        if name == "e":
            return +ctx.e
        if name == "i":
            return ctx.mpc(0, 1)
        raise Undefined("infinity in arithmetic")
    if kind == "func":
        return _guard(ctx, _function(ctx, node[1], node[2], env, budget))
    raise Undefined(f"{kind} has no numeric value")


def _rational_exponent(node: Node, env: dict, budget: Budget) -> Fraction | None:
    """The exponent as an exact rational when it is one (``1/3``, ``-2``), else None."""
    if node[0] == "num" or node[0] in ("div", "neg") and not _has_symbol(node):
        try:
            return exact(node, {}, budget)
        except (NotExact, Undefined):
            return None
    return None


def _has_symbol(node: Node) -> bool:
    return bool(free_symbols(node))


def _power(ctx: MPContext, node: Node, env: dict, budget: Budget):
    base = _numeric(ctx, node[1], env, budget)
    rational = _rational_exponent(node[2], env, budget)
    exponent = ctx.mpf(rational.numerator) / rational.denominator if rational is not None else (
        _numeric(ctx, node[2], env, budget))
    if base == 0:
        if ctx.re(exponent) > 0:
            return ctx.mpf(0)
        raise Undefined("zero to a non-positive power")
    # a base near 1 in size has magnitude 0, but 0.76^(3.1e401) still takes mpmath ~25 ms; only
    # +-1 keeps its size under any power
    if max(abs(_magnitude(ctx, base)), 1) * abs(exponent) > MAX_MAGNITUDE_BITS and base not in (1, -1):
        raise Undefined("power overflow")
    if rational is not None and _is_real(ctx, base):
        if rational.denominator == 1:
            return _guard(ctx, base ** int(rational))
        if base < 0 and rational.denominator % 2 == 1:  # the real odd root: (-8)^(1/3) = -2
            magnitude = ctx.power(-base, exponent)
            return _guard(ctx, -magnitude if rational.numerator % 2 else magnitude)
    return _guard(ctx, ctx.power(base, exponent))


_DIRECT = {
    "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
    "arcsin": "asin", "arccos": "acos", "arctan": "atan", "arccot": "acot", "arcsec": "asec",
    "arccsc": "acsc", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "coth": "coth", "sech": "sech",
    "csch": "csch", "arsinh": "asinh", "arcosh": "acosh", "artanh": "atanh", "ln": "ln", "exp": "exp",
}
_PERIODIC = {"sin", "cos", "tan", "cot", "sec", "csc"}
_HYPERBOLIC = {"sinh", "cosh", "tanh", "coth", "sech", "csch", "exp"}


def _function(ctx: MPContext, name: str, args: tuple, env: dict, budget: Budget):
    values = [_numeric(ctx, arg, env, budget) for arg in args]
    value = values[0]
    if name in _DIRECT:
        size = abs(value)
        if name in _PERIODIC and size > 1e8 or name in _HYPERBOLIC and size > 10_000:
            raise Undefined("argument too large")
        if name == "ln" and value == 0:
            raise Undefined("log of zero")
        return getattr(ctx, _DIRECT[name])(value)
    if name == "sqrt":
        return ctx.sqrt(value)
    if name == "root":
        index = values[1]
        if not _is_real(ctx, index) or index == 0 or abs(index) > 10**6:
            raise Undefined("bad root index")
        if _is_real(ctx, value) and value < 0 and index == int(index) and int(index) % 2:
            return -ctx.root(-value, int(index))
        return ctx.power(value, 1 / index)
    if name == "logb":
        base = values[1]
        if value == 0 or base == 0 or base == 1:
            raise Undefined("bad logarithm")
        return ctx.ln(value) / ctx.ln(base)
    if name == "abs":
        return abs(value)
    if name in ("floor", "ceil"):
        if not _is_real(ctx, value):
            raise Undefined("floor of a complex number")
        return ctx.floor(value) if name == "floor" else ctx.ceil(value)
    if name == "fact":
        if not _is_real(ctx, value) or value > MAX_NUMERIC_FACTORIAL:
            raise Undefined("factorial out of range")
        if value < 0 and value == int(value):
            raise Undefined("factorial of a negative integer")
        return ctx.gamma(value + 1)
    if name == "binom":
        top, bottom = values
        if not (_is_real(ctx, top) and _is_real(ctx, bottom)) or abs(top) > MAX_NUMERIC_FACTORIAL:
            raise Undefined("binomial out of range")
        return ctx.binomial(top, bottom)
    raise Undefined(f"unknown function {name}")


def close(a, b, bits: int = PRECISION_BITS) -> bool:
    """Equal up to rounding: relative 1e-45 at 320 bits (1e-150 at 720 bits), absolute floor 1e-15 of that.

    The tolerance leaves ~50 digits for cancellation inside an expression.
    """
    ctx = context(bits)
    digits = 45 if bits <= PRECISION_BITS else 150
    scale = max(abs(a), abs(b), ctx.mpf("1e-15"))
    return abs(a - b) <= scale * ctx.mpf(10) ** -digits


def is_real(value) -> bool:
    """Real, or complex with an imaginary part lost in rounding."""
    ctx = context()
    if not isinstance(value, ctx.mpc):
        return True
    return abs(value.imag) <= max(abs(value.real), ctx.mpf("1e-15")) * ctx.mpf("1e-45")
