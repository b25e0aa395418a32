"""Answer extraction and typed parsers shared by every verifier."""

from bootcamps.answers.arithmetic import Expression, parse_arithmetic
from bootcamps.answers.extract import Extraction, extract_answer, last_boxed, strip_reasoning
from bootcamps.answers.numbers import format_rational, parse_int, parse_rational
from bootcamps.answers.text import normalize_text, parse_grid, parse_list, split_items

__all__ = [
    "Expression",
    "Extraction",
    "extract_answer",
    "format_rational",
    "last_boxed",
    "normalize_text",
    "parse_arithmetic",
    "parse_grid",
    "parse_int",
    "parse_list",
    "parse_rational",
    "split_items",
    "strip_reasoning",
]
