"""Answer extraction and typed parsers shared by every verifier.

``equivalent`` (mathematical equivalence of a response with a reference answer) and the
parsers built on it are loaded on first use: ``import bootcamps.answers`` stays light, and
sympy is imported only by ``parse_expression`` and ``to_sympy``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bootcamps.answers.arithmetic import Expression, parse_arithmetic
from bootcamps.answers.extract import Extraction, extract_answer, last_boxed, strip_reasoning
from bootcamps.answers.numbers import format_rational, parse_int, parse_number, parse_rational
from bootcamps.answers.pairs import parse_pairs
from bootcamps.answers.text import normalize_text, parse_grid, parse_list, split_items

if TYPE_CHECKING:
    from bootcamps.answers.equivalence import equivalent, final_answers, parse_answer, parse_choice
    from bootcamps.answers.mathparse import parse_math
    from bootcamps.answers.symbolic import parse_expression, to_sympy

_LAZY = {
    "equivalent": "bootcamps.answers.equivalence",
    "final_answers": "bootcamps.answers.equivalence",
    "parse_choice": "bootcamps.answers.equivalence",
    "parse_answer": "bootcamps.answers.equivalence",
    "parse_math": "bootcamps.answers.mathparse",
    "parse_expression": "bootcamps.answers.symbolic",
    "to_sympy": "bootcamps.answers.symbolic",
}

__all__ = [
    "Expression",
    "Extraction",
    "equivalent",
    "extract_answer",
    "final_answers",
    "format_rational",
    "last_boxed",
    "normalize_text",
    "parse_answer",
    "parse_arithmetic",
    "parse_choice",
    "parse_expression",
    "parse_grid",
    "parse_int",
    "parse_list",
    "parse_math",
    "parse_number",
    "parse_pairs",
    "parse_rational",
    "split_items",
    "strip_reasoning",
    "to_sympy",
]


def __getattr__(name: str):
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'bootcamps.answers' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value
