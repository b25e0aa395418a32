"""sympy objects from answers, built by constructors from our own parse tree (never ``sympify``).

Importing this module imports sympy; ``bootcamps.answers`` loads it only on first use.
Constant powers, factorials and binomials are checked with the guarded numeric evaluator before
sympy sees them, so ``10^10^10^10`` or ``99999!`` is refused (None) instead of hanging sympy's
automatic evaluation.
"""

from __future__ import annotations

import sympy

from bootcamps.answers.evaluate import Budget, Timeout, Undefined, numeric
from bootcamps.answers.mathparse import Node, free_symbols, parse_math

_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec,
    "csc": sympy.csc, "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan,
    "arccot": sympy.acot, "arcsec": sympy.asec, "arccsc": sympy.acsc, "sinh": sympy.sinh,
    "cosh": sympy.cosh, "tanh": sympy.tanh, "coth": sympy.coth, "sech": sympy.sech, "csch": sympy.csch,
    "arsinh": sympy.asinh, "arcosh": sympy.acosh, "artanh": sympy.atanh, "ln": sympy.log,
    "exp": sympy.exp, "sqrt": sympy.sqrt, "abs": sympy.Abs, "floor": sympy.floor,
    "ceil": sympy.ceiling, "fact": sympy.factorial,
}
_CONSTANTS = {"pi": sympy.pi, "e": sympy.E, "i": sympy.I, "inf": sympy.oo}
_RELATIONS = {"=": sympy.Eq, "<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge, "!=": sympy.Ne}


class _Refused(ValueError):
    pass


def _safe_constant(node: Node, budget: Budget) -> None:
    """Refuse a constant subtree whose value would overflow or hang exact evaluation."""
    if free_symbols(node):
        return
    try:
        numeric(node, {}, budget)
    except (Undefined, Timeout) as error:
        raise _Refused(str(error)) from None


def _build(node: Node, budget: Budget):
    budget.tick()
    kind = node[0]
    if kind == "num":
        return sympy.Rational(node[1].numerator, node[1].denominator)
    if kind == "sym":
        return sympy.Symbol(node[1])
    if kind == "const":
        return _CONSTANTS[node[1]]
    if kind == "add":
        return sympy.Add(*(_build(term, budget) for term in node[1]))
    if kind == "neg":
        return -_build(node[1], budget)
    if kind == "mul":
        return sympy.Mul(*(_build(factor, budget) for factor in node[1]))
    if kind == "div":
        return _build(node[1], budget) / _build(node[2], budget)
    if kind == "pow":
        _safe_constant(node, budget)
        return sympy.Pow(_build(node[1], budget), _build(node[2], budget))
    if kind == "mixed":
        return sympy.Integer(node[1]) + sympy.Rational(node[2], node[3])
    if kind == "pct":
        return _build(node[1], budget) / 100
    if kind == "deg":
        return _build(node[1], budget) * sympy.pi / 180
    if kind == "unit":
        return _build(node[1], budget)
    if kind == "func":
        return _function(node, budget)
    if kind == "rel":
        return _relation(node, budget)
    if kind in ("brk", "list"):
        items = node[3] if kind == "brk" else node[1]
        if kind == "brk" and node[1] + node[2] in ("(]", "[)") and len(items) == 2:
            return sympy.Interval(_build(items[0], budget), _build(items[1], budget),
                                  node[1] == "(", node[2] == ")")
        return sympy.Tuple(*(_build(item, budget) for item in items))
    if kind == "set":
        return sympy.FiniteSet(*(_build(item, budget) for item in node[1]))
    if kind == "union":
        return sympy.Union(*(_build(part, budget) for part in node[1]))
    if kind == "reals":
        return sympy.S.Reals
    if kind == "matrix":
        return sympy.Matrix([[_build(cell, budget) for cell in row] for row in node[1]])
    raise _Refused(f"no sympy form for {kind}")


def _function(node: Node, budget: Budget):
    name, args = node[1], node[2]
    if name in ("fact", "binom"):
        _safe_constant(node, budget)
    values = [_build(arg, budget) for arg in args]
    if name == "root":
        index = values[1]
        if index.is_integer and index.is_odd:
            return sympy.real_root(values[0], index)
        return sympy.root(values[0], index)
    if name == "logb":
        return sympy.log(values[0], values[1])
    if name == "binom":
        return sympy.binomial(values[0], values[1])
    return _FUNCTIONS[name](values[0])


def _relation(node: Node, budget: Budget):
    nodes, operators = node[1], node[2]
    if any(op not in _RELATIONS for op in operators):
        raise _Refused("unsupported relation")
    values = [_build(item, budget) for item in nodes]
    parts = [_RELATIONS[op](left, right, evaluate=False)
             for op, left, right in zip(operators, values, values[1:], strict=False)]
    return parts[0] if len(parts) == 1 else sympy.And(*parts, evaluate=False)


def to_sympy(node: Node, seconds: float = 0.05):
    """A sympy object for a parse tree from ``parse_math``, or None when it is refused."""
    try:
        result = _build(node, Budget(seconds))
    except Exception:  # refused, timed out, or a sympy error on odd input: never raise
        return None
    if getattr(result, "has", None) and result.has(sympy.zoo, sympy.nan):
        return None  # a division by zero somewhere
    return result


def parse_expression(text: str):
    """A sympy object for an answer text (expression, equation, tuple, set, interval, matrix), or None.

    The text goes through our own grammar only; sympy never parses or evaluates it.
    """
    node = parse_math(text)
    return None if node is None else to_sympy(node)
