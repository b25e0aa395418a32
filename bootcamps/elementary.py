"""Random elementary functions of x as parse trees, tidied and rendered as plain text and LaTeX.

Shared by the derivative and antiderivative generators. The trees have the shapes
``bootcamps.answers.parse_math`` builds (``num``, ``sym``, ``add``, ``mul``, ``neg``, ``div``,
``pow``, ``func``), so ``bootcamps.answers.calculus.differentiate`` works on them directly and no
sympy is needed at generation. ``value`` evaluates a tree with floats, for cheap checks.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from functools import lru_cache

Node = tuple

X: Node = ("sym", "x")
BASIC = ("sin", "cos", "exp")
ALL = ("sin", "cos", "exp", "ln", "sqrt", "tan", "arctan")
_FLOAT_LIMIT = 1e150


def num(value: int | Fraction) -> Node:
    return ("num", Fraction(value), None)


def _is_num(node: Node, value: int | None = None) -> bool:
    return node[0] == "num" and (value is None or node[1] == value)


# -- random functions ----------------------------------------------------------------------------

def coefficient(rng: random.Random, bound: int) -> int:
    value = rng.randint(1, max(1, bound))
    return value if rng.random() < 0.6 else -value


def polynomial(rng: random.Random, bound: int, degree: int) -> Node:
    """A small polynomial with a non-zero constant term (so powers of it need the chain rule)."""
    terms = [("mul", (num(coefficient(rng, bound)), ("pow", X, num(k))))
             for k in range(1, degree + 1) if k == degree or rng.random() < 0.5]
    return ("add", (*reversed(terms), num(coefficient(rng, bound))))  # highest degree first


def factor(rng: random.Random, depth: int, functions: str, bound: int) -> Node:
    names = () if functions == "none" else BASIC if functions == "basic" else ALL
    choice = rng.random()
    if depth > 0 and names and choice < 0.6:
        name = rng.choice(names)
        if name in ("ln", "sqrt"):  # an argument positive somewhere simple
            inner = ("add", (("pow", X, num(2)), num(rng.randint(1, 5)))) if rng.random() < 0.5 else X
        elif rng.random() < 0.5:
            inner = factor(rng, depth - 1, functions, bound)
        else:
            inner = ("add", (("mul", (num(coefficient(rng, min(bound, 5))), X)), num(rng.randint(-3, 3))))
        return ("func", name, (inner,))
    if depth > 0 and choice < 0.8:
        return ("pow", polynomial(rng, min(bound, 5), rng.randint(1, 2)), num(rng.randint(2, 4)))
    return ("pow", X, num(rng.randint(1, 4)))


def term(rng: random.Random, factors: int, quotients: bool, nesting: int, functions: str, bound: int) -> Node:
    """A coefficient times up to ``factors`` factors, possibly divided by a small polynomial."""
    product = [num(coefficient(rng, bound))]
    for _ in range(rng.randint(1, factors)):
        product.append(factor(rng, nesting, functions, bound))
    node: Node = ("mul", tuple(product))
    if quotients and rng.random() < 0.5:
        node = ("div", node, polynomial(rng, min(bound, 5), rng.randint(1, 2)))
    return node


def function(rng: random.Random, terms: int, factors: int, quotients: bool, nesting: int, functions: str,
             bound: int) -> Node:
    """A tidied sum of ``terms`` random terms."""
    return tidy(("add", tuple(term(rng, factors, quotients, nesting, functions, bound) for _ in range(terms))))


# -- tidying -------------------------------------------------------------------------------------

def tidy(node: Node) -> Node:
    """The same function with constants folded, sums and products flattened, signs pulled out,
    zeros, ones and first powers dropped, and quotients inside products gathered into one."""
    kind = node[0]
    if kind in ("num", "sym", "const"):
        return node
    if kind == "neg":
        return _negate(tidy(node[1]))
    if kind == "add":
        return _tidy_sum([tidy(child) for child in node[1]])
    if kind in ("mul", "div"):
        return _tidy_product(node)
    if kind == "pow":
        base, exponent = tidy(node[1]), tidy(node[2])
        if _is_num(exponent, 1):
            return base
        if _is_num(exponent, 0):
            return num(1)
        if _is_num(base) and _is_num(exponent) and exponent[1].denominator == 1 and 0 < exponent[1] <= 8:
            return num(base[1] ** int(exponent[1]))
        return ("pow", base, exponent)
    if kind == "func":
        return ("func", node[1], tuple(tidy(child) for child in node[2]))
    return node


def _negate(node: Node) -> Node:
    if node[0] == "neg":
        return node[1]
    if node[0] == "num":
        return num(-node[1])
    return ("neg", node)


def _tidy_sum(terms: list[Node]) -> Node:
    flat: list[Node] = []
    constant = Fraction(0)
    for item in terms:
        if item[0] == "neg" and item[1][0] == "add":  # -(a + b) joins the sum as -a - b
            parts = tuple(_negate(part) for part in item[1][1])
        else:
            parts = item[1] if item[0] == "add" else (item,)
        for part in parts:
            if part[0] == "num":
                constant += part[1]
            elif part[0] == "neg" and part[1][0] == "num":
                constant -= part[1][1]
            else:
                flat.append(part)
    if constant:
        flat.append(num(constant))
    if not flat:
        return num(0)
    return flat[0] if len(flat) == 1 else ("add", tuple(flat))


def _gather(node: Node, upper: list[Node], lower: list[Node], state: list) -> None:
    """Collect the factors of a product or quotient: numerator, denominator, coefficient (state[0])."""
    kind = node[0]
    if kind == "mul":
        for child in node[1]:
            _gather(child, upper, lower, state)
    elif kind == "div":
        _gather(node[1], upper, lower, state)
        below: list[Node] = []
        inverse = [Fraction(1)]
        _gather(node[2], below, upper, inverse)
        if inverse[0] == 0:
            raise ZeroDivisionError("division by zero in a generated function")
        state[0] /= inverse[0]
        lower.extend(below)
    elif kind == "neg":
        state[0] = -state[0]
        _gather(node[1], upper, lower, state)
    else:
        node = tidy(node)
        if node[0] in ("mul", "div", "neg"):
            _gather(node, upper, lower, state)
        elif node[0] == "num":
            state[0] *= node[1]
        else:
            upper.append(node)


def _product(factors: list[Node]) -> Node:
    return num(1) if not factors else factors[0] if len(factors) == 1 else ("mul", tuple(factors))


def _tidy_product(node: Node) -> Node:
    upper: list[Node] = []
    lower: list[Node] = []
    state = [Fraction(1)]
    _gather(node, upper, lower, state)
    value = state[0]
    if value == 0:
        return num(0)
    magnitude = abs(value)
    top = ([num(magnitude.numerator)] if magnitude.numerator != 1 or not upper else []) + upper
    bottom = ([num(magnitude.denominator)] if magnitude.denominator != 1 else []) + lower
    result = _product(top) if not bottom else ("div", _product(top), _product(bottom))
    return ("neg", result) if value < 0 else result


# -- rendering -----------------------------------------------------------------------------------

_TEXT_NAMES = {"ln": "ln", "sqrt": "sqrt", "arctan": "arctan"}


def text(node: Node) -> str:
    """Plain text that ``parse_math`` reads back as the same function (``^`` for powers)."""
    return _text(node)


def _number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _text(node: Node) -> str:
    kind = node[0]
    if kind == "num":
        return _number(node[1])
    if kind == "sym":
        return node[1]
    if kind == "const":
        return node[1]
    if kind == "add":
        return _join_sum(node[1], _text, _wrap_text)
    if kind == "neg":
        return f"-{_wrap_text(node[1], 2)}"
    if kind == "mul":
        return "*".join(_wrap_text(child, 2) for child in node[1])
    if kind == "div":
        return f"{_wrap_text(node[1], 2)}/{_wrap_text(node[2], 3)}"
    if kind == "pow":
        return f"{_wrap_text(node[1], 4)}^{_wrap_text(node[2], 4)}"
    if kind == "func":
        return f"{node[1]}({', '.join(_text(child) for child in node[2])})"
    raise ValueError(f"cannot render {kind}")


_LEVEL = {"add": 1, "neg": 1, "mul": 2, "div": 2, "pow": 3}


def _join_sum(terms: tuple, render, wrap) -> str:  # noqa: ANN001 - the text or the LaTeX renderer
    """Terms joined with + and -, a negated term or negative number written as a subtraction."""
    out = render(terms[0])
    for part in terms[1:]:
        if part[0] == "neg":
            out += f" - {wrap(part[1], 2)}"
        elif part[0] == "num" and part[1] < 0:
            out += f" - {render(num(-part[1]))}"
        else:
            out += f" + {render(part)}"
    return out


def _wrap_text(node: Node, level: int) -> str:
    """Parenthesise a child whose operator binds less tightly than ``level`` needs."""
    own = _LEVEL.get(node[0], 5)
    if node[0] == "num" and (node[1] < 0 or node[1].denominator != 1):
        own = 2 if node[1].denominator != 1 else 1
    if own < level or (level == 3 and own == 2) or (level == 4 and own <= 3):
        return f"({_text(node)})"
    return _text(node)


def latex(node: Node) -> str:
    """LaTeX of a tree (``\\frac``, ``e^{...}``, ``\\sin{\\left(...\\right)}``)."""
    kind = node[0]
    if kind == "num":
        value = node[1]
        return str(value.numerator) if value.denominator == 1 else \
            f"{'-' if value < 0 else ''}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if kind in ("sym", "const"):
        return node[1]
    if kind == "add":
        return _join_sum(node[1], latex, _wrap_latex)
    if kind == "neg":
        return f"- {_wrap_latex(node[1], 2)}"
    if kind == "mul":
        parts = [_wrap_latex(child, 2) for child in node[1]]
        out = parts[0]
        for previous, part in zip(node[1], parts[1:], strict=False):
            out += " \\cdot " if part[0].isdigit() or previous[0] == "num" and part.startswith("\\frac") else " "
            out += part
        return out
    if kind == "div":
        return f"\\frac{{{latex(node[1])}}}{{{latex(node[2])}}}"
    if kind == "pow":
        return f"{_wrap_latex(node[1], 4)}^{{{latex(node[2])}}}"
    if kind == "func":
        name, argument = node[1], latex(node[2][0])
        if name == "exp":
            return f"e^{{{argument}}}"
        if name == "sqrt":
            return f"\\sqrt{{{argument}}}"
        command = {"arctan": "\\arctan", "ln": "\\ln"}.get(name, f"\\{name}")
        return f"{command}{{\\left({argument}\\right)}}"
    raise ValueError(f"cannot render {kind}")


def _wrap_latex(node: Node, level: int) -> str:
    own = _LEVEL.get(node[0], 5)
    if node[0] == "div":
        own = 5  # \frac is its own group
    if node[0] == "num" and node[1] < 0:
        own = 1
    if node[0] == "func" and level == 4:
        own = 3  # (\sin x)^2, not \sin x^2
    if own < level or (level == 4 and own <= 3):
        return f"\\left({latex(node)}\\right)"
    return latex(node)


# -- float values --------------------------------------------------------------------------------

_FUNCTIONS = {"sin": math.sin, "cos": math.cos, "exp": math.exp, "ln": math.log, "sqrt": math.sqrt,
              "tan": math.tan, "arctan": math.atan}


def value(node: Node, x: float) -> float | None:
    """The tree's float value at x, or None outside its real domain or beyond ~1e150."""
    return values(node, (x,))[0]


def values(node: Node, points: tuple[float, ...]) -> list[float | None]:
    """``value`` at each point; the tree is compiled to nested closures once."""
    return list(_point_values(node, tuple(points)))


@lru_cache(maxsize=16)  # a generator's checks (moderate, vanishes) read the same tree at the same points
def _point_values(node: Node, points: tuple[float, ...]) -> tuple[float | None, ...]:
    compiled = _compiled(node)
    return tuple(_safe(compiled, x) for x in points)


def _power(base: float, exponent: float) -> float:
    if base < 0 and not exponent.is_integer():
        raise ValueError("not real")
    out = base ** exponent
    if isinstance(out, complex):
        raise ValueError("not real")
    return out


@lru_cache(maxsize=16)  # a generator checks the same few trees several times
def _compiled(node: Node):  # noqa: ANN202 - returns a float function of x
    return _compile(node)


def _compile(node: Node):  # noqa: ANN202 - returns a float function of x
    kind = node[0]
    if kind == "num":
        constant = node[1].numerator / node[1].denominator
        return lambda x: constant
    if kind == "sym":
        return lambda x: x
    if kind == "const":
        constant = math.e if node[1] == "e" else math.pi
        return lambda x: constant
    if kind == "add":
        parts = [_compile(child) for child in node[1]]
        if len(parts) == 2:  # the same value as sum(): 0 + a + b
            first, second = parts
            return lambda x: first(x) + second(x)
        return lambda x: sum([part(x) for part in parts])
    if kind == "neg":
        inner = _compile(node[1])
        return lambda x: -inner(x)
    if kind == "mul":
        parts = [_compile(child) for child in node[1]]
        if len(parts) == 2:  # the same value as math.prod(): 1 * a * b
            first, second = parts
            return lambda x: first(x) * second(x)
        return lambda x: math.prod([part(x) for part in parts])
    if kind == "div":
        top, bottom = _compile(node[1]), _compile(node[2])
        return lambda x: top(x) / bottom(x)
    if kind == "pow":
        base, exponent = _compile(node[1]), _compile(node[2])
        return lambda x: _power(base(x), exponent(x))
    if kind == "func":
        function, inner = _FUNCTIONS[node[1]], _compile(node[2][0])
        return lambda x: function(inner(x))
    raise ValueError(f"cannot evaluate {kind}")


# -- checks the calculus generators share --------------------------------------------------------

def has_x(node: Node) -> bool:
    """Whether the tree depends on x at all."""
    from bootcamps.answers.mathparse import free_symbols

    return "x" in free_symbols(node)


def moderate(node: Node, points: tuple[float, ...], limit: float = 1e30, defined: int = 8) -> bool:
    """Whether the tree is real at ``defined`` of the points or more, and below ``limit`` wherever it is."""
    real = [v for v in values(node, points) if v is not None]
    return len(real) >= defined and all(abs(v) < limit for v in real)


def vanishes(node: Node, points: tuple[float, ...]) -> bool:
    """Whether the tree is zero wherever it is defined at the points (a constant's derivative, such
    as that of 6x^3 - 6x^3, which the tidier leaves uncombined)."""
    return all(abs(v) <= 1e-9 for v in values(node, points) if v is not None)


def is_derivative(derivative: Node, function_node: Node, points: tuple[float, ...], step: float = 1e-6) -> bool:
    """A float check, independent of the symbolic rules, that ``derivative`` is the slope of
    ``function_node``: central differences agree at every point where all values are defined
    (at least three, at most six)."""
    slope_of, function_of = _compiled(derivative), _compiled(function_node)
    checked = 0
    for point in points:
        try:
            slope = slope_of(point)
            difference = (function_of(point + step) - function_of(point - step)) / (2 * step)
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            continue
        if not (abs(slope) < _FLOAT_LIMIT and abs(difference) < _FLOAT_LIMIT):
            continue
        if abs(difference - slope) > 1e-4 * max(1.0, abs(slope)):
            return False
        checked += 1
        if checked == 6:
            break
    return checked >= 3


def reads_back(text_form: str, node: Node, points: tuple[float, ...]) -> bool:
    """Whether ``parse_math`` reads the rendering back as the same function (float check at the
    first two points where both are defined, and no disagreement on definedness before them)."""
    from bootcamps.answers import parse_math

    parsed = parse_math(text_form)
    if parsed is None:
        return False
    mine, theirs = _compiled(node), _compiled(parsed)
    agreed = 0
    for point in points:
        a, b = _safe(mine, point), _safe(theirs, point)
        if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9 * max(1.0, abs(a))):
            return False
        agreed += a is not None
        if agreed == 2:
            return True
    return False


def _safe(compiled, x: float) -> float | None:  # noqa: ANN001 - a compiled tree
    try:
        result = compiled(x)
    except (ValueError, ZeroDivisionError, OverflowError, TypeError):
        return None
    return result if abs(result) < _FLOAT_LIMIT else None
