"""A safe parser for answers written in plain-text or LaTeX mathematics.

Model text is never executed: a regular tokenizer and a recursive-descent parser with a strict
nesting limit turn it into a small tree of tuples (the nodes below). Nothing here imports sympy
or evaluates anything; ``bootcamps.answers.evaluate`` computes values from the tree and
``bootcamps.answers.symbolic`` builds sympy objects from it.

Understood: integers (signs, unicode minus, thousands separators ``7,425,000``, ``1 000``,
``1\\,000``, ``1{,}000``), decimals, scientific notation (``6.02e23``, ``6.02 \\times 10^{23}``),
repeating decimals (``0.\\overline{3}``), fractions (``3/4``, ``\\frac``, ``\\dfrac``, ``\\tfrac``,
``\\frac12``), mixed numbers (``2\\frac{1}{4}``, ``2 1/4``), percentages, degrees (``^\\circ``,
``°``, ``degrees``), ``\\sqrt``, ``\\sqrt[n]``, ``\\pi``, ``e``, ``i``, ``\\infty``, ``\\cdot``,
``\\times``, ``\\div``, ``^``, ``!``, ``\\binom``, ``|x|``, floor and ceiling, the usual
functions (``\\sin x``, ``\\sin^2 x``, ``\\sin^{-1} x``, ``\\log_2 8``, ``\\ln``, ``\\exp``),
implicit multiplication, ``\\pm``, relations (``=``, ``<``, ``\\le``, ``\\ne``, ``\\approx``,
``\\in``), tuples, lists, sets, intervals and unions, ``pmatrix``/``bmatrix``/``array``
matrices, ``cases``/``aligned`` rows, ``\\left( \\right)``, ``\\text{}`` and the LaTeX spacing
commands. Trailing words (``5 \\text{ cm}``, ``12 apples``) are kept as a unit phrase; hedging
and negation words (``or``-lists aside) make the text unparsable.

Nodes are tuples whose first item is the kind:

=================================  ==============================================================
``("num", Fraction, dec)``         a literal; ``dec`` is ``(ulp, significant digits)`` for
                                   decimal or scientific literals, None for integers
``("sym", name)``                  a variable (``x``, ``x_1``, ``theta``)
``("const", name)``                ``pi``, ``e``, ``i`` or ``inf``
``("add", terms)``                 sum; ``("neg", x)`` negation
``("mul", factors)``               product; ``("div", a, b)`` quotient; ``("pow", a, b)`` power
``("func", name, args)``           sqrt, root, sin, ..., ln, log, logb, exp, abs, fact, binom...
``("mixed", whole, num, den)``     a mixed number; ``("pm", a | None, b)`` a ± b
``("pct", x)`` ``("deg", x)``      percent and degree marks; ``("unit", x, words)`` a unit phrase
``("rel", nodes, ops)``            a relation chain (ops: ``=``, ``~=``, ``<``, ``<=``, ``>``,
                                   ``>=``, ``!=``, ``in``)
``("list", items, seps)``          a bare top-level list (``1, 2`` or ``x = 1 or x = 2``)
``("brk", open, close, items)``    a bracketed list: tuple, list, vector or interval
``("set", items)``                 ``\\{...\\}``; ``("union", parts)``; ``("reals",)``
``("matrix", rows)``               rows of cells
=================================  ==============================================================
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import lru_cache
from math import gcd

MAX_PARSE_CHARS = 2_000  # longer text is not a final answer we parse as mathematics
MAX_TOKENS = 800
MAX_DEPTH = 40  # nesting of brackets, exponents and signs; each level is ~10 Python frames
MAX_ITEMS = 128
MAX_LITERAL_DIGITS = 400
MAX_SCI_EXPONENT = 400

Node = tuple


class ParseError(ValueError):
    """The text is not a mathematical answer this grammar understands."""


# -- normalisation -------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)
_UNICODE = str.maketrans({
    "\u2212": "-", "\u2013": "-", "\u2012": "-", "\u2014": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2010": "-", "\u2011": "-", "\u00d7": "*", "\u22c5": "*", "\u00b7": "*", "\u2217": "*",
    "\u2715": "*", "\u00f7": "/", "\u2215": "/", "\u2044": "/", "\u03c0": " \\pi ",
    "\u221e": " \\infty ", "\u2264": " \\le ", "\u2a7d": " \\le ", "\u2265": " \\ge ",
    "\u2a7e": " \\ge ", "\u2260": " \\ne ", "\u221a": " \\sqrt ", "\u00b0": "^\\circ ",
    "\u222a": " \\cup ", "\u2229": " \\cap ", "\u2208": " \\in ", "\u00b1": " \\pm ",
    "\u2213": " \\mp ", "\u2248": " \\approx ", "\u27e8": " \\langle ", "\u2329": " \\langle ",
    "\u27e9": " \\rangle ", "\u232a": " \\rangle ", "\u2205": " \\emptyset ",
    "\u211d": " \\mathbb{R} ", "\u2192": " \\to ", "\u2223": "|", "\u2019": "'", "\u2032": "'",
    "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\u2148": "i", "\u212f": "e", "\u20ac": " ", "\u00a3": " ",
    "\u00a5": " ",
})
_SUPERSCRIPT = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b\u207a\u207f",
                             "0123456789-+n")
_SUBSCRIPT = str.maketrans("\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089", "0123456789")
_SUPERSCRIPT_RUN = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u207b\u207a\u207f]+")
_SUBSCRIPT_RUN = re.compile("[\u2080-\u2089]+")
_UNICODE_ROOT = re.compile("([\u221a\u221b\u221c])\\s*(\\d+(?:\\.\\d+)?)")
_LEFT_RIGHT_DOT = re.compile(r"\\(?:left|right)\s*\.")
_SIZING = re.compile(r"\\(?:left|right|middle|[bB]igg?[lrm]?)(?![A-Za-z])\s*")
_DEGREE_O = re.compile(r"(\d)\s*\^\s*(?:\{\s*o\s*\}|o(?![A-Za-z]))")
_TIMES_TEN = re.compile(r"(\d)\s*[xX]\s*10\s*\^")
_GROUP_SPACING = re.compile(r"(?<=\d)(?:\\[,:;! ]|\{,\}|~)(?=\d{3}(?!\d))")
_SPACING = re.compile(r"\\[,:;! ]|\\(?:quad|qquad|enspace|thinspace|medspace|thickspace|negthinspace|"
                      r"negmedspace|hfill|nobreak|allowbreak)(?![A-Za-z])|\\[hv]space\*?\s*\{[^{}]*\}|~")
# what _GROUP_SPACING and _SPACING need: one of these in the text
_SPACING_MARKS = ("\\,", "\\:", "\\;", "\\!", "\\ ", "{,}", "~", "quad", "space", "hfill", "break")
_STYLE = re.compile(r"\\(?:displaystyle|textstyle|scriptstyle|scriptscriptstyle|limits|nolimits)(?![A-Za-z])")
_FRAC_VARIANT = re.compile(r"\\[dtc]frac(?![A-Za-z])")
_BINOM_VARIANT = re.compile(r"\\[dt]binom(?![A-Za-z])")
_FRAC_DIGITS = re.compile(r"\\frac\s*(\d)\s*(\d)")
_SQRT_DIGIT = re.compile(r"\\sqrt\s*(\d)")
_MATH_DELIMITERS = re.compile(r"\\\$|\$|\\\(|\\\)|\\\[|\\\]")
_COMMA_GROUPED = re.compile(r"(?<![\d.(\[{])[1-9]\d{0,2}(?:,\d{3})+(?!,?\d)(?![)\]}]|\\\})")
_DIGIT_GROUP = re.compile(r"\d[, ]\d{3}")
_SPACE_GROUPED = re.compile(r"(?<![\d.])[1-9]\d{0,2}(?: \d{3})+(?![\d])")


def _superscript(match: re.Match[str]) -> str:
    return "^{" + match.group(0).translate(_SUPERSCRIPT) + "}"


def _subscript(match: re.Match[str]) -> str:
    return "_{" + match.group(0).translate(_SUBSCRIPT) + "}"


def _unicode_root(match: re.Match[str]) -> str:
    index = {"\u221a": "", "\u221b": "[3]", "\u221c": "[4]"}[match.group(1)]
    return f"\\sqrt{index}{{{match.group(2)}}}"


def normalise(text: str) -> str:
    """Rewrite unicode mathematics and LaTeX decoration into the plain subset the tokenizer reads."""
    if text.isascii() and "\\" not in text and "$" not in text and "~" not in text and "{,}" not in text:
        # plain ASCII without LaTeX: every rewrite below but these few would leave it unchanged
        if "^" in text:
            text = _DEGREE_O.sub(r"\1^\\circ ", text)
            text = _TIMES_TEN.sub(r"\1 \\times 10^", text)
        return _join_digit_groups(text).strip()
    plain = text.isascii()
    if not plain:
        text = text.translate(_ZERO_WIDTH)
    text = text.replace("\\\\", " \\cr ").replace("~~", " \\strikethrough ")
    if not plain:  # the unicode rewrites leave ASCII unchanged
        text = _UNICODE_ROOT.sub(_unicode_root, text)
        text = text.replace("\u221b", "\\sqrt[3]").replace("\u221c", "\\sqrt[4]")
        text = _SUPERSCRIPT_RUN.sub(_superscript, text)
        text = _SUBSCRIPT_RUN.sub(_subscript, text)
        text = unicodedata.normalize("NFKC", text.translate(_UNICODE)).translate(_UNICODE)
    # each rewrite below runs only when the text holds what its pattern needs
    if "\\left" in text or "\\right" in text:
        text = _LEFT_RIGHT_DOT.sub("", text)
    if "\\left" in text or "\\right" in text or "\\middle" in text or "\\big" in text or "\\Big" in text:
        text = _SIZING.sub("", text)
    if "^" in text:
        text = _DEGREE_O.sub(r"\1^\\circ ", text)
        text = _TIMES_TEN.sub(r"\1 \\times 10^", text)
    if any(mark in text for mark in _SPACING_MARKS):
        text = _GROUP_SPACING.sub("", text)
        text = _SPACING.sub(" ", text)
    if "style" in text or "limits" in text:
        text = _STYLE.sub("", text)
    if "dfrac" in text or "tfrac" in text or "cfrac" in text:
        text = _FRAC_VARIANT.sub(r"\\frac", text)
    if "dbinom" in text or "tbinom" in text:
        text = _BINOM_VARIANT.sub(r"\\binom", text)
    if "\\frac" in text:
        text = _FRAC_DIGITS.sub(r"\\frac{\1}{\2}", text)
    if "\\sqrt" in text:
        text = _SQRT_DIGIT.sub(r"\\sqrt{\1}", text)
    if "$" in text or "\\(" in text or "\\)" in text or "\\[" in text or "\\]" in text:
        text = _MATH_DELIMITERS.sub(" ", text)
    return _join_digit_groups(text).strip()


def _join_digit_groups(text: str) -> str:
    """``12,345`` and ``12 345`` as ``12345`` (commas only when every comma groups digits)."""
    if _DIGIT_GROUP.search(text) is None:  # what both patterns below need; one cheap scan
        return text
    grouped = _COMMA_GROUPED.findall(text)
    if grouped and sum(group.count(",") for group in grouped) == text.count(","):
        text = _COMMA_GROUPED.sub(lambda match: match.group(0).replace(",", ""), text)
    return _SPACE_GROUPED.sub(_join_space_groups, text)


_PROPER_DENOMINATOR = re.compile(r"\s*/\s*(\d+)")


def _join_space_groups(match: re.Match[str]) -> str:
    """``1 000`` is a thousand, but ``14 249/379`` is the mixed number 14 + 249/379."""
    denominator = _PROPER_DENOMINATOR.match(match.string, match.end())
    last = match.group(0).rsplit(" ", 1)[1]
    if denominator and " " not in match.group(0).rsplit(" ", 1)[0] and int(last) < int(denominator.group(1)):
        return match.group(0)
    return match.group(0).replace(" ", "")


# -- tokens --------------------------------------------------------------------------------------

FUNCTIONS = {
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "arcsec", "arccsc",
    "sinh", "cosh", "tanh", "coth", "sech", "csch", "arsinh", "arcosh", "artanh", "arcsinh", "arccosh",
    "arctanh", "ln", "log", "lg", "exp", "sqrt", "abs", "cbrt",
}
_FUNCTION_ALIASES = {"asin": "arcsin", "acos": "arccos", "atan": "arctan", "arcsinh": "arsinh",
                     "arccosh": "arcosh", "arctanh": "artanh", "asinh": "arsinh", "acosh": "arcosh",
                     "atanh": "artanh", "tg": "tan", "ctg": "cot"}
TRIG = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh"}
_GREEK = {
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
    "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon",
    "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
    "Upsilon", "Phi", "Psi", "Omega",
}
CONNECTORS = {"or", "and"}
# Words that never belong to a unit phrase: hedges, negations, comparisons, filler and instructions.
DENY_WORDS = {
    "not", "no", "nor", "never", "none", "maybe", "perhaps", "possibly", "probably", "likely", "unlikely",
    "either", "neither", "unless", "except", "but", "if", "else", "otherwise", "or", "and", "wrong",
    "incorrect", "false", "true", "correct", "right", "is", "are", "was", "were", "be", "been", "being",
    "equals", "equal", "answer", "answers", "final", "the", "a", "an", "so", "then", "than",
    "thus", "hence", "therefore", "wait", "actually", "between", "from", "to", "at", "least", "most",
    "more", "less", "fewer", "greater", "smaller", "larger", "bigger", "over", "under", "above", "below",
    "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "exactly", "only",
    "also", "too", "ignore", "previous", "instructions", "grader", "mark", "score", "reward", "this",
    "that", "these", "those", "it", "its", "i", "we", "you", "they", "he", "she", "think", "guess",
    "believe", "sure", "unsure", "option", "options", "choice", "choices", "of", "for", "with", "by",
    "as", "on", "in", "into", "plus", "minus", "times", "divided", "undefined", "infinity",
    "solution", "solutions", "value", "values", "which", "where", "when", "while", "because", "since",
    "any", "all", "some", "each", "every", "other", "another", "same", "different", "can", "could",
    "would", "should", "will", "may", "might", "must", "do", "does", "did", "has", "have", "had",
    "yes", "ok", "okay", "hmm", "um", "etc", "undetermined", "unknown", "cannot",
}
_TEXT_COMMANDS = {"text", "textbf", "textit", "textrm", "mbox", "textnormal", "emph", "textsf", "texttt",
                  "textup", "textmd", "hbox"}
_FONT_COMMANDS = {"mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "mathnormal",
                  "operatorname", "mathbfit", "pmb", "rm", "bf", "it", "vec", "overrightarrow", "hat"}
_TRANSPARENT_COMMANDS = {"boxed", "fbox", "underline", "mathop", "bigstar"}
_SIMPLE_COMMANDS = {
    "cdot": ("op", "*"), "times": ("op", "*"), "ast": ("op", "*"), "div": ("op", "/"),
    "pm": ("pm", "+"), "mp": ("pm", "-"), "le": ("rel", "<="), "leq": ("rel", "<="),
    "leqslant": ("rel", "<="), "leqq": ("rel", "<="), "ge": ("rel", ">="), "geq": ("rel", ">="),
    "geqslant": ("rel", ">="), "geqq": ("rel", ">="), "ne": ("rel", "!="), "neq": ("rel", "!="),
    "lt": ("rel", "<"), "gt": ("rel", ">"), "approx": ("rel", "~="), "simeq": ("rel", "~="),
    "approxeq": ("rel", "~="), "in": ("rel", "in"), "cup": ("cup", "cup"), "infty": ("const", "inf"),
    "infin": ("const", "inf"), "pi": ("const", "pi"), "emptyset": ("empty", ""),
    "varnothing": ("empty", ""), "langle": ("op", "<<"), "rangle": ("op", ">>"),
    "lfloor": ("op", "lfloor"), "rfloor": ("op", "rfloor"), "lceil": ("op", "lceil"),
    "rceil": ("op", "rceil"), "vert": ("op", "|"), "lvert": ("op", "|"), "rvert": ("op", "|"),
    "circ": ("circ", ""), "degree": ("degree", ""), "prime": ("op", "'"), "%": ("op", "%"),
    "{": ("op", "\\{"), "}": ("op", "\\}"), "lbrace": ("op", "\\{"), "rbrace": ("op", "\\}"),
    "\\": ("op", "\\\\"), "cr": ("op", "\\\\"), "ldots": ("dots", ""), "cdots": ("dots", ""),
    "dots": ("dots", ""), "dotsc": ("dots", ""), "frac": ("cmd", "frac"), "sqrt": ("cmd", "sqrt"),
    "binom": ("cmd", "binom"), "exponentialE": ("const", "e"), "colon": ("op", ":"),
    "deg": ("degree", ""), "mid": ("op", "|"), "setminus": ("setminus", ""), "backslash": ("setminus", ""),
}
_BRACKETED_ARGUMENT_COMMANDS = {"begin", "end", "mathbb", "overline"}
_TWO_LETTER_WORDS = {"or", "is", "no", "to", "at", "of", "in", "on", "by", "if", "so", "be", "an", "as",
                     "cm", "mm", "km", "kg", "mg", "ml", "ft", "yd", "mi", "hr", "lb", "oz", "ms",
                     "ns", "us", "ok", "we", "it", "up"}
_MATRIX_ENVIRONMENTS = {"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
                        "array"}
_ROW_ENVIRONMENTS = {"cases", "aligned", "align", "align*", "gather", "gather*", "gathered", "split",
                     "eqnarray", "eqnarray*", "alignat", "alignat*"}

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+(?![A-Za-z]))?)
  | (?P<word>[A-Za-z]+)
  | (?P<dots>\.\.\.+)
  | (?P<cmd>\\(?:[A-Za-z]+\*?|.))
  | (?P<op><=|>=|!=|==|=<|\*\*|[-+*/^_!=<>,;:|()\[\]{}'&%.])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

Token = tuple  # (kind, value, space_before)
_EOF: Token = ("eof", "", False)


_SMALL_INTEGERS = tuple(Fraction(n) for n in range(1_000))


def _number_token(text: str, space: bool) -> Token:
    if len(text) <= 3 and text.isdigit():  # the common case: a small whole number
        return ("num", (_SMALL_INTEGERS[int(text)], None, None), space)
    mantissa, _, exponent_text = text.lower().partition("e")
    integer, dot, fraction = mantissa.partition(".")
    if len(integer) + len(fraction) > MAX_LITERAL_DIGITS:
        raise ParseError("a number is too long")
    exponent = int(exponent_text) if exponent_text else 0
    if abs(exponent) > MAX_SCI_EXPONENT:
        raise ParseError("an exponent is too large")
    value = Fraction(int(integer or "0") * 10 ** len(fraction) + int(fraction or "0"), 10 ** len(fraction))
    if exponent:
        value *= Fraction(10) ** exponent
    dec = None
    if dot or exponent_text:
        significant = len((integer + fraction).lstrip("0")) or 1
        dec = (Fraction(10) ** (exponent - len(fraction)), significant)
    repeatable = bool(dot) and not exponent_text
    return ("num", (value, dec, fraction if repeatable else None), space)


def _balanced(text: str, start: int) -> int:
    """Index just past the brace group opening at ``text[start] == '{'``."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "\\":
            continue
        if char == "{" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "}" and text[index - 1] != "\\":
            depth -= 1
            if depth == 0:
                return index + 1
    raise ParseError("unbalanced braces")


def _brace_argument(text: str, position: int) -> tuple[str, int]:
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text) or text[position] != "{":
        raise ParseError("a command is missing its {argument}")
    end = _balanced(text, position)
    return text[position + 1: end - 1], end


def _letters(run: str, space: bool, tokens: list[Token]) -> None:
    """Tokens for a run of letters: a function or constant name, a word, or single-letter variables."""
    lower = run.lower()
    name = _FUNCTION_ALIASES.get(lower, lower)
    if name in FUNCTIONS:
        tokens.append(("func", name, space))
    elif lower == "pi":
        tokens.append(("const", "pi", space))
    elif lower in ("inf", "infty", "infinity"):
        tokens.append(("const", "inf", space))
    elif len(run) == 1:
        tokens.append(_letter(run, space))
    elif len(run) == 2 and lower not in _TWO_LETTER_WORDS:
        tokens.append(_letter(run[0], space))
        tokens.append(_letter(run[1], False))
    elif len(run) <= 6 and (prefix := _function_prefix(lower)) is not None:
        tokens.append(("func", _FUNCTION_ALIASES.get(prefix, prefix), space))
        _letters(run[len(prefix):], False, tokens)
    else:
        tokens.append(("word", lower, space))


def _function_prefix(lower: str) -> str | None:
    for length in (6, 5, 4, 3, 2):
        prefix = lower[:length]
        if len(lower) - length in (1, 2) and (prefix in FUNCTIONS or prefix in _FUNCTION_ALIASES):
            return prefix
    return None


def _letter(char: str, space: bool) -> Token:
    if char == "e":
        return ("const", "e", space)
    if char == "i":
        return ("const", "i", space)
    return ("id", char, space)


def _text_tokens(content: str, space: bool, tokens: list[Token], depth: int, font: bool) -> None:
    stripped = content.strip()
    if font and re.fullmatch(r"[A-Za-z]", stripped):
        tokens.append(_letter(stripped, space))
    elif re.fullmatch(r"[A-Za-z][A-Za-z\s.'/-]*", stripped) or (font and re.fullmatch(r"[A-Za-z]+", stripped)):
        for index, word in enumerate(re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?|/", stripped)):
            lower = word.lower()
            if word == "/":
                tokens.append(("op", "/", False))
            elif font and lower in FUNCTIONS | set(_FUNCTION_ALIASES):
                tokens.append(("func", _FUNCTION_ALIASES.get(lower, lower), space or index > 0))
            else:
                tokens.append(("word", lower, space or index > 0))
    elif stripped:
        _tokenize(content, tokens, depth + 1)


def _tokenize(text: str, tokens: list[Token], depth: int = 0) -> None:
    if depth > 8:
        raise ParseError("text commands are nested too deeply")
    position, space, end = 0, True, len(text)
    match_at, append = _TOKEN.match, tokens.append
    while position < end:
        match = match_at(text, position)
        if match is None:  # pragma: no cover - the pattern matches every character
            raise ParseError("unreadable text")
        kind = match.lastgroup
        value = match.group()
        position = match.end()
        if kind == "space":
            space = True
            continue
        if kind == "op":
            known = _OPERATORS.get(value)
            append(("op", value, space) if known is None else (*known, space))
        elif kind == "num":
            append(_number_token(value, space))
        elif kind == "word":
            _letters(value, space, tokens)
        elif kind == "dots":
            append(("dots", "", space))
        elif kind == "cmd":
            position = _command(text, value[1:], position, space, tokens, depth)
        else:
            raise ParseError(f"unexpected character {value!r}")
        space = False
        if len(tokens) > MAX_TOKENS:
            raise ParseError("too many tokens")


# operators read as another token (every other operator is ("op", itself))
_OPERATORS = {"=": ("rel", "="), "==": ("rel", "="), "<": ("rel", "<"), ">": ("rel", ">"), "<=": ("rel", "<="),
              ">=": ("rel", ">="), "!=": ("rel", "!="), "=<": ("rel", "<="), "**": ("op", "^")}


def _command(text: str, name: str, position: int, space: bool, tokens: list[Token], depth: int) -> int:
    if name in _SIMPLE_COMMANDS:
        kind, value = _SIMPLE_COMMANDS[name]
        tokens.append((kind, value, space))
        return position
    if name in _TEXT_COMMANDS or name in _FONT_COMMANDS:
        content, position = _brace_argument(text, position)
        _text_tokens(content, space, tokens, depth, name in _FONT_COMMANDS)
        return position
    if name in _TRANSPARENT_COMMANDS:
        return position
    if name in _BRACKETED_ARGUMENT_COMMANDS:
        content, position = _brace_argument(text, position)
        content = content.strip()
        if name == "mathbb":
            if content != "R":
                raise ParseError(f"unsupported number set \\mathbb{{{content}}}")
            tokens.append(("reals", "", space))
        elif name == "overline":
            if not content.isdigit() or len(content) > 40:
                raise ParseError("\\overline is understood only over repeating digits")
            tokens.append(("overline", content, space))
        else:
            tokens.append((name, content, space))
            if name == "begin" and content == "array":  # skip the column specification
                spec = re.match(r"\s*\{[lcr|\s]*\}", text[position:])
                if spec:
                    position += spec.end()
        return position
    lowered = _FUNCTION_ALIASES.get(name, name)
    if lowered in FUNCTIONS:
        tokens.append(("func", lowered, space))
    elif name in _GREEK:
        tokens.append(("id", name, space))
    elif name in (",", ";", ":", "!", " ", "$", "quad", "qquad"):
        pass
    else:
        raise ParseError(f"unsupported command \\{name}")
    return position


def tokenize(text: str) -> list[Token]:
    """Tokens of normalised text; raises ParseError on anything outside the grammar."""
    tokens: list[Token] = []
    if len(text) > MAX_PARSE_CHARS or not _tokenize_scanned(text, tokens):
        tokens.clear()
        _tokenize(text, tokens)
    return tokens


# The same tokens as _tokenize, read from one findall: each match is (spaces before, token text).
# The alternatives are _TOKEN's, in its order, but for the one-character operators that begin no
# longer token, tried first; \S stands for its "other" (spaces are read first).
_SCAN = re.compile(r"(\s*)([-+/^_,;:|()\[\]{}'&%]|(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+(?![A-Za-z]))?|[A-Za-z]+|\.\.\.+"
                   r"|\\(?:[A-Za-z]+\*?|.)|<=|>=|!=|==|=<|\*\*|[*!=<>.]|\S)", re.DOTALL)
_SKIP = (None, None)  # a command that makes no token


def _token_pair(kind: str, value: str) -> tuple[Token, Token]:
    return (kind, value, False), (kind, value, True)


def _prebuilt_tokens() -> dict[str, tuple[Token, Token] | tuple[None, None]]:
    """Token text -> its token without and with a space before, for every token that stands alone."""
    table: dict[str, tuple[Token, Token] | tuple[None, None]] = {}
    for char in "-+*/^_!=<>,;:|()[]{}'&%.":
        table[char] = _token_pair(*_OPERATORS.get(char, ("op", char)))
    for text, (kind, value) in _OPERATORS.items():
        table[text] = _token_pair(kind, value)
    for char in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
        table[char] = (_letter(char, False), _letter(char, True))
    for number in range(1_000):
        for text in {str(number), f"{number:02d}", f"{number:03d}"}:
            table[text] = (_number_token(text, False), _number_token(text, True))
    table["..."] = _token_pair("dots", "")
    for name in (",", ";", ":", "!", " ", "$", "quad", "qquad", *_TRANSPARENT_COMMANDS):
        table["\\" + name] = _SKIP
    for name in _GREEK:
        table["\\" + name] = _token_pair("id", name)
    for name in FUNCTIONS | set(_FUNCTION_ALIASES):
        table["\\" + name] = _token_pair("func", _FUNCTION_ALIASES.get(name, name))
    for name in _TEXT_COMMANDS | _FONT_COMMANDS | _BRACKETED_ARGUMENT_COMMANDS:
        table.pop("\\" + name, None)  # these read an argument: the position-based tokenizer's work
    for name, (kind, value) in _SIMPLE_COMMANDS.items():
        table["\\" + name] = _token_pair(kind, value)
    return table


@lru_cache(maxsize=4096)
def _letter_tokens(run: str, space: bool) -> tuple[Token, ...]:
    tokens: list[Token] = []
    _letters(run, space, tokens)
    return tuple(tokens)


def _tokenize_scanned(text: str, tokens: list[Token]) -> bool:
    """Tokens of text without commands that read an argument; False (tokens unfinished) otherwise."""
    prebuilt, append, space = _PREBUILT, tokens.append, True
    for gap, value in _SCAN.findall(text):
        if gap:
            space = True
        pair = prebuilt.get(value)
        if pair is not None:
            if pair is not _SKIP:
                append(pair[space])
        elif value[0] in _NUMBER_START and value != "." and value[:2] != "..":
            append(_number_token(value, space))
        elif value[0] == "\\":
            return False
        elif value[:3] == "...":
            append(("dots", "", space))
        elif value.isascii() and value.isalpha():
            tokens.extend(_letter_tokens(value, space))
        else:
            raise ParseError(f"unexpected character {value!r}")
        space = False
    if len(tokens) > MAX_TOKENS:
        raise ParseError("too many tokens")
    return True


_NUMBER_START = frozenset("0123456789.")
_PREBUILT = _prebuilt_tokens()


# -- parser --------------------------------------------------------------------------------------

def _sum(terms: list[Node]) -> Node:
    flat: list[Node] = []
    for term in terms:
        flat.extend(term[1] if term[0] == "add" else (term,))
    return flat[0] if len(flat) == 1 else ("add", tuple(flat))


def _times(left: Node, right: Node) -> Node:
    """``_product([left, right])``."""
    if left[0] == "mul":
        return ("mul", (*left[1], *right[1]) if right[0] == "mul" else (*left[1], right))
    return ("mul", (left, *right[1]) if right[0] == "mul" else (left, right))


def _product(factors: list[Node]) -> Node:
    flat: list[Node] = []
    for factor in factors:
        flat.extend(factor[1] if factor[0] == "mul" else (factor,))
    return flat[0] if len(flat) == 1 else ("mul", tuple(flat))


def _int_literal(node: Node) -> int | None:
    """The value of an unsigned integer literal node, else None."""
    if node[0] == "num" and node[2] is None and node[1].denominator == 1:
        return node[1].numerator
    return None


def _int_token(token: Token) -> int | None:
    if token[0] == "num" and token[1][1] is None and token[1][0].denominator == 1:
        return token[1][0].numerator
    return None


# unary() reads a number, a one-letter variable or a constant at once when the token after it is
# none of those that power(), postfix() or symbol() attach to it
_PLAIN_ATOM_KINDS = frozenset({"num", "id", "const"})
_SUFFIX_OPERATORS = frozenset({"^", "!", "%", "'", "_"})
_SUFFIX_KINDS = frozenset({"degree", "dots", "overline"})
_IMPLICIT_KINDS = frozenset({"id", "const", "func"})
_IMPLICIT_VALUES = frozenset({"(", "{", "lfloor", "lceil", "|", "frac", "sqrt", "binom"})

_CLOSER = {"(": ")", "[": "]"}


def _plain_atom(token: Token) -> Node:
    kind = token[0]
    if kind == "num":
        return ("num", token[1][0], token[1][1])
    return ("sym", token[1]) if kind == "id" else ("const", token[1])


_LOOKAHEAD = 8  # the parser looks at most 3 tokens ahead, and stops at most 2 tokens past the end


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        # padded so that looking ahead needs no bounds check (an IndexError past the padding is a
        # parse error like any other: parse_math returns None)
        self.tokens = [*tokens, *(_EOF,) * _LOOKAHEAD]
        self.index = 0
        self.depth = 0
        self.abs_depth = 0

    # token helpers
    def peek(self, ahead: int = 0) -> Token:
        try:
            return self.tokens[self.index + ahead]
        except IndexError:  # taken past the padding on an error path
            return _EOF

    def at(self, kind: str, value: str | None = None, ahead: int = 0) -> bool:
        try:
            token = self.tokens[self.index + ahead]
        except IndexError:
            token = _EOF
        return token[0] == kind and (value is None or token[1] == value)

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, kind: str, value: str) -> None:
        if not self.at(kind, value):
            raise ParseError(f"expected {value!r}")
        self.index += 1

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError("the expression is nested too deeply")

    def leave(self) -> None:
        self.depth -= 1

    # grammar
    def answer(self) -> Node:
        items, separators = self.sequence()
        if self.tokens[self.index] is not _EOF:
            raise ParseError(f"unexpected {self.tokens[self.index][1]!r}")
        if len(items) == 1:
            return items[0]
        return ("list", tuple(items), tuple(sorted(set(separators))))

    def sequence(self) -> tuple[list[Node], list[str]]:
        items = [self.item()]
        separators: list[str] = []
        while True:
            token = self.tokens[self.index]
            if token[0] == "op" and token[1] in (",", ";"):
                separators.append(token[1])
                self.index += 1
                if self.at("word") and self.tokens[self.index][1] in CONNECTORS:
                    separators.append(self.take()[1])
            elif token[0] == "word" and token[1] in CONNECTORS:
                separators.append(token[1])
                self.index += 1
            else:
                return items, separators
            items.append(self.item())
            if len(items) > MAX_ITEMS:
                raise ParseError("too many items")

    def item(self) -> Node:
        kind, value = self.tokens[self.index][:2]
        if kind == "rel" and value in ("=", "~="):  # "= 42", "\approx 3.14"
            self.index += 1
        elif kind == "word" and value in ("approximately", "approx", "about", "around", "roughly"):
            self.index += 1
        node = self.additive()
        if self.tokens[self.index][0] in ("cup", "setminus"):
            node = self.union(node)
        if self.tokens[self.index][0] == "rel":
            nodes, operators = [node], []
            while self.tokens[self.index][0] == "rel":
                operators.append(self.take()[1])
                nodes.append(self.union(self.additive()))
            node = ("rel", tuple(nodes), tuple(operators))
        token = self.tokens[self.index]
        if token[0] == "word" or token[1] == "/":  # what a unit phrase starts with
            return self.unit_phrase(node)
        return node

    def unit_phrase(self, node: Node) -> Node:
        words: list[str] = []
        while True:
            token = self.tokens[self.index]
            if token[0] == "word" and token[1] not in CONNECTORS:
                if token[1] in DENY_WORDS:
                    raise ParseError(f"the word {token[1]!r} is not part of an answer")
                self.index += 1
                word = token[1]
                if self.at("op", "^") and self.peek(1)[0] == "num":
                    self.index += 1
                    word += "^" + str(self.take()[1][0])
                words.append(word)
            elif token[0] == "op" and token[1] == "/" and words and self.peek(1)[0] == "word":
                self.index += 1
                words.append("/")
            else:
                break
        if not words:
            return node
        if len(words) > 4:
            raise ParseError("too many words after the answer")
        phrase = " ".join(words)
        if phrase in ("degree", "degrees", "deg"):
            return ("deg", node)
        if phrase in ("percent", "per cent", "pct"):
            return ("pct", node)
        return ("unit", node, phrase)

    def union(self, node: Node) -> Node:
        """The union or difference that starts with ``node`` (already read)."""
        if self.tokens[self.index][0] not in ("cup", "setminus"):
            return node
        parts = [node]
        while self.tokens[self.index][0] == "cup":
            self.index += 1
            parts.append(self.additive())
        node = parts[0] if len(parts) == 1 else ("union", tuple(parts))
        if self.tokens[self.index][0] == "setminus":
            self.index += 1
            node = ("setminus", node, self.additive())
        return node

    def additive(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError("the expression is nested too deeply")
        terms = [self.term()]
        while True:
            token = self.tokens[self.index]
            if token[0] == "op" and token[1] in ("+", "-"):
                self.index += 1
                right = self.term()
                terms.append(right if token[1] == "+" else ("neg", right))
            elif token[0] == "pm":
                self.index += 1
                right = self.term()
                terms = [("pm", _sum(terms), right if token[1] == "+" else ("neg", right))]
            else:
                break
        self.depth -= 1
        return terms[0] if len(terms) == 1 and terms[0][0] != "add" else _sum(terms)

    def term(self) -> Node:
        node = self.unary()
        if self.tokens[self.index][0] in ("cmd", "num"):  # a mixed number needs one of these next
            mixed = self.mixed_number(node)
            if mixed is not node:
                node = mixed
                while self.at("op", "%") or self.at("degree"):
                    node = ("pct", node) if self.take()[0] == "op" else ("deg", node)
        while True:
            token = self.tokens[self.index]
            kind = token[0]
            if kind == "op" and token[1] in ("*", "/"):
                self.index += 1
                right = self.unary()
                node = _times(node, right) if token[1] == "*" else ("div", node, right)
            elif kind in _IMPLICIT_KINDS or (token[1] in _IMPLICIT_VALUES and self.starts_implicit(token)):
                node = _times(node, self.power())
            else:
                return node

    def mixed_number(self, node: Node) -> Node:
        if node[0] == "neg" and _int_literal(node[1]) is not None:
            mixed = self.mixed_number(node[1])
            return node if mixed is node[1] else ("neg", mixed)
        whole = _int_literal(node)
        following = self.tokens[self.index]
        if whole is None or following[:2] != ("cmd", "frac") and not (following[0] == "num" and following[2]):
            return node  # neither shape below can follow: "1\sqrt{2}", "2x"
        tokens = [self.peek(ahead) for ahead in range(7)]
        if (tokens[0][:2] == ("cmd", "frac") and tokens[1][:2] == ("op", "{") and tokens[2][0] == "num"
                and tokens[3][:2] == ("op", "}") and tokens[4][:2] == ("op", "{") and tokens[5][0] == "num"
                and tokens[6][:2] == ("op", "}")):
            numerator, denominator = _int_token(tokens[2]), _int_token(tokens[5])
            if numerator is not None and denominator is not None and 0 < numerator < denominator:
                self.index += 7
                return ("mixed", whole, numerator, denominator)
        if (tokens[0][0] == "num" and tokens[0][2] and tokens[1][:2] == ("op", "/") and tokens[2][0] == "num"):
            numerator, denominator = _int_token(tokens[0]), _int_token(tokens[2])
            if numerator is not None and denominator is not None and 0 < numerator < denominator:
                self.index += 3
                return ("mixed", whole, numerator, denominator)
        return node

    def starts_implicit(self, token: Token) -> bool:
        kind, value = token[0], token[1]
        if kind in ("id", "const", "func"):
            return True
        if kind == "cmd":
            return value in ("frac", "sqrt", "binom")
        if kind == "op":
            if value in ("(", "{", "lfloor", "lceil"):
                return True
            return value == "|" and self.abs_depth == 0
        return False

    def unary(self) -> Node:
        token = self.tokens[self.index]
        kind = token[0]
        if kind in _PLAIN_ATOM_KINDS:
            follower = self.tokens[self.index + 1]
            if follower[0] == "op":
                plain = follower[1] not in _SUFFIX_OPERATORS
            else:
                plain = follower[0] not in _SUFFIX_KINDS
            if plain:  # an atom nothing attaches to: what power() would return, read directly
                self.index += 1
                return _plain_atom(token)
        if kind == "op" and token[1] in ("-", "+"):
            self.index += 1
            self.enter()
            operand = self.unary()
            self.leave()
            return ("neg", operand) if token[1] == "-" else operand
        if token[0] == "pm":
            self.index += 1
            self.enter()
            operand = self.unary()
            self.leave()
            return ("pm", None, operand)
        return self.power()

    def power(self) -> Node:
        base = self.postfix()
        if self.tokens[self.index][:2] != ("op", "^"):
            return base
        self.index += 1
        if self.at("circ") or (self.at("op", "{") and self.at("circ", ahead=1) and self.at("op", "}", ahead=2)):
            self.index += 1 if self.at("circ") else 3
            return self.degrees(base)
        self.enter()
        exponent = self.group() if self.at("op", "{") else self.unary()
        self.leave()
        node = ("pow", base, exponent)
        while self.at("op", "!"):
            self.index += 1
            node = ("func", "fact", (node,))
        return node

    def degrees(self, base: Node) -> Node:
        if self.at("id") and self.tokens[self.index][1] in ("C", "F") and not self.tokens[self.index][2]:
            return ("unit", base, "deg" + self.take()[1])
        if self.at("word") and self.tokens[self.index][1] in ("c", "f", "celsius", "fahrenheit"):
            return ("unit", base, "deg" + self.take()[1][0].upper())
        return ("deg", base)

    def postfix(self) -> Node:
        node = self.atom()
        while True:
            token = self.tokens[self.index]
            if token[:2] == ("op", "!"):
                self.index += 1
                node = ("func", "fact", (node,))
            elif token[:2] == ("op", "%"):
                self.index += 1
                node = ("pct", node)
            elif token[0] == "degree":
                self.index += 1
                node = ("deg", node)
            elif token[:2] == ("op", "'") and node[0] == "sym":
                self.index += 1
                node = ("sym", node[1] + "'")
            elif token[0] == "dots" and node[0] == "num" and node[2] is not None:
                self.index += 1  # "0.333..." is the decimal 0.333, approximately
            else:
                return node

    def group(self) -> Node:
        tokens, index = self.tokens, self.index
        if (tokens[index][:2] == ("op", "{") and tokens[index + 1][0] in _PLAIN_ATOM_KINDS
                and tokens[index + 2][:2] == ("op", "}") and self.depth + 2 <= MAX_DEPTH):
            self.index += 3  # "{7}": what the whole descent below would return
            return _plain_atom(tokens[index + 1])
        self.expect("op", "{")
        self.enter()
        if self.tokens[self.index][:2] == ("op", "}"):
            raise ParseError("empty group")
        items, _ = self.sequence()
        self.expect("op", "}")
        self.leave()
        return items[0] if len(items) == 1 else ("set", tuple(items))

    def atom(self) -> Node:
        token = self.take()
        kind, value = token[0], token[1]
        if kind == "num":
            number, dec, fraction_digits = value
            node: Node = ("num", number, dec)
            if fraction_digits is not None and self.tokens[self.index][0] == "overline":
                repeat = self.take()[1]
                places = len(fraction_digits or "")
                number += Fraction(int(repeat), 10 ** len(repeat) - 1) / 10 ** places
                node = ("num", number, None)
            return node
        if kind == "id":
            return self.symbol(value)
        if kind == "const":
            return ("const", value)
        if kind == "func":
            return self.function(value)
        if kind == "cmd":
            return self.command(value)
        if kind == "empty":
            return ("set", ())
        if kind == "reals":
            return ("reals",)
        if kind == "begin":
            return self.environment(value)
        if kind == "op":
            if value in ("(", "["):
                return self.bracket(value)
            if value == "{":
                self.index -= 1
                return self.group()
            if value == "\\{":
                return self.collection("\\}", "set")
            if value == "<<":
                return self.collection(">>", "vector")
            if value == "|":
                self.abs_depth += 1
                self.enter()
                inner = self.additive()
                self.expect("op", "|")
                self.leave()
                self.abs_depth -= 1
                return ("func", "abs", (inner,))
            if value in ("lfloor", "lceil"):
                self.enter()
                inner = self.additive()
                self.expect("op", "rfloor" if value == "lfloor" else "rceil")
                self.leave()
                return ("func", "floor" if value == "lfloor" else "ceil", (inner,))
        raise ParseError(f"unexpected {value or kind!r}")

    def symbol(self, name: str) -> Node:
        if self.at("op", "_"):
            self.index += 1
            if self.at("op", "{"):
                self.index += 1
                parts = []
                while not self.at("op", "}"):
                    token = self.take()
                    if token[0] not in ("num", "id", "const", "word") or len(parts) > 8:
                        raise ParseError("unsupported subscript")
                    parts.append(str(token[1][0]) if token[0] == "num" else token[1])
                self.index += 1
                name += "_" + "".join(parts)
            else:
                token = self.take()
                if token[0] not in ("num", "id", "const"):
                    raise ParseError("unsupported subscript")
                name += "_" + (str(token[1][0]) if token[0] == "num" else token[1])
        return ("sym", name)

    def script(self) -> Node:
        if self.at("op", "{"):
            return self.group()
        if self.at("op", "-"):
            self.index += 1
            return ("neg", self.atom())
        return self.atom()

    def function(self, name: str) -> Node:
        self.enter()
        base = power = None
        if name in ("log", "lg") and self.at("op", "_"):
            self.index += 1
            base = self.script()
        if self.tokens[self.index][:2] == ("op", "^"):
            self.index += 1
            power = self.script()
        if name == "log" and base is None and self.at("op", "_"):
            self.index += 1
            base = self.script()
        argument = self.function_argument()
        if name == "lg":
            base = base or ("num", Fraction(10), None)
        if name == "cbrt":
            node: Node = ("func", "root", (argument, ("num", Fraction(3), None)))
        elif base is not None:
            node = ("func", "logb", (argument, base))
        else:
            node = ("func", "ln" if name == "log" else name, (argument,))
        if power is not None:
            if power == ("neg", ("num", Fraction(1), None)) and name in TRIG:
                node = ("func", "arc" + name if not name.endswith("h") else "ar" + name, (argument,))
            else:
                node = ("pow", node, power)
        self.leave()
        return node

    def function_argument(self) -> Node:
        token = self.tokens[self.index]
        if token[0] == "op" and token[1] in ("(", "{", "["):
            return self.atom()
        first = self.unary()
        factors = [first]
        while self.starts_implicit(self.tokens[self.index]) and not self.at("func") and not self.at("op", "("):
            factors.append(self.power())
        return _product(factors)

    def command(self, name: str) -> Node:
        self.enter()
        if name == "frac":
            numerator, denominator = self.command_argument(), self.command_argument()
            node: Node = ("div", numerator, denominator)
        elif name == "binom":
            node = ("func", "binom", (self.command_argument(), self.command_argument()))
        else:  # sqrt
            index = None
            if self.at("op", "["):
                self.index += 1
                index = self.additive()
                self.expect("op", "]")
            radicand = self.command_argument()
            node = ("func", "sqrt", (radicand,)) if index is None else ("func", "root", (radicand, index))
        self.leave()
        return node

    def command_argument(self) -> Node:
        if self.at("op", "{"):
            return self.group()
        return self.atom()

    def bracket(self, opening: str) -> Node:
        inner, closing = self.tokens[self.index], self.tokens[self.index + 1]
        if (inner[0] in _PLAIN_ATOM_KINDS and closing[0] == "op" and closing[1] == _CLOSER[opening]
                and self.depth + 2 <= MAX_DEPTH):  # "(95)": what the whole descent below would return
            self.index += 2
            return _plain_atom(inner)
        self.enter()
        token = self.tokens[self.index]
        if token[0] == "op" and token[1] in (")", "]"):
            raise ParseError("empty brackets")
        items, _ = self.sequence()
        closing = self.take()
        if closing[0] != "op" or closing[1] not in (")", "]"):
            raise ParseError("unbalanced brackets")
        self.leave()
        if len(items) == 1 and opening + closing[1] in ("()", "[]"):
            return items[0]
        return ("brk", opening, closing[1], tuple(items))

    def collection(self, closing: str, kind: str) -> Node:
        self.enter()
        domain = 2 if self.at("rel", "in", 1) and self.at("reals", ahead=2) else 0  # \{x \in \mathbb{R} : ...\}
        if kind == "set" and self.at("id") and (self.at("op", "|", 1 + domain) or self.at("op", ":", 1 + domain)):
            variable = self.take()[1]  # set-builder notation: \{x \mid x > 0\}
            self.index += 1 + domain
            condition = self.item()
            self.expect("op", closing)
            self.leave()
            return ("builder", variable, condition)
        items: list[Node] = []
        if not self.at("op", closing):
            items, _ = self.sequence()
        self.expect("op", closing)
        self.leave()
        return ("set", tuple(items)) if kind == "set" else ("brk", "<", ">", tuple(items))

    def environment(self, name: str) -> Node:
        if name not in _MATRIX_ENVIRONMENTS and name not in _ROW_ENVIRONMENTS:
            raise ParseError(f"unsupported environment {name!r}")
        self.enter()
        rows: list[list[Node]] = [[]]
        while True:
            if self.at("end"):
                if self.take()[1] != name:
                    raise ParseError("mismatched \\end")
                break
            if self.at("op", "&"):
                self.index += 1
                if name in _ROW_ENVIRONMENTS:
                    continue
                raise ParseError("empty matrix cell")
            if self.at("op", "\\\\"):
                self.index += 1
                rows.append([])
                continue
            rows[-1].append(self.item())
            if self.at("op", "&") and name in _MATRIX_ENVIRONMENTS:
                self.index += 1
                if self.at("op", "\\\\") or self.at("end"):
                    raise ParseError("empty matrix cell")
            elif not (self.at("op", "\\\\") or self.at("end") or self.at("op", "&")):
                raise ParseError(f"unexpected {self.tokens[self.index][1]!r} in {name}")
            if sum(len(row) for row in rows) > MAX_ITEMS:
                raise ParseError("too many cells")
        self.leave()
        rows = [row for row in rows if row]
        if not rows:
            raise ParseError("empty environment")
        if name in _ROW_ENVIRONMENTS:
            cells = [cell for row in rows for cell in row]
            return cells[0] if len(cells) == 1 else ("list", tuple(cells), (",",))
        if len({len(row) for row in rows}) != 1:
            raise ParseError("ragged matrix")
        return ("matrix", tuple(tuple(row) for row in rows))


# 1,024 trees: a GRPO group's repeated answers are scored together; a larger cache of trees (tens of
# tracked objects each) made every full garbage collection of the process slower (8,192: 20-160 ms)
@lru_cache(maxsize=1024)
def _parse_cached(text: str) -> Node | None:
    try:
        tokens = tokenize(normalise(text))
        if not tokens:
            return None
        return _Parser(tokens).answer()
    except Exception:  # ParseError, RecursionError, ...: model text never makes the parser raise
        return None


def parse_math(text: str) -> Node | None:
    """The parse tree of a mathematical answer, or None when the text is not one.

    Never raises and never executes anything; text longer than ``MAX_PARSE_CHARS`` is refused.
    """
    if not isinstance(text, str) or len(text) > MAX_PARSE_CHARS:
        return None
    return _parse_cached(text)


# -- tree helpers --------------------------------------------------------------------------------

def free_symbols(node: Node) -> frozenset[str]:
    """Names of the variables in a tree."""
    found: set[str] = set()
    _collect_symbols(node, found)
    return frozenset(found)


_SYMBOL_FREE = frozenset({"num", "const", "reals"})


def _collect_symbols(node: Node, found: set[str]) -> None:
    # recursion is as deep as the tree, which the parser bounds (MAX_DEPTH)
    head = node[0]
    if head == "sym":
        found.add(node[1])
    elif head in ("add", "mul"):
        for child in node[1]:
            _collect_symbols(child, found)
    elif head in ("pow", "div"):
        _collect_symbols(node[1], found)
        _collect_symbols(node[2], found)
    elif head == "neg":
        _collect_symbols(node[1], found)
    elif head in _SYMBOL_FREE:
        return
    elif type(head) is not str:  # a matrix row: a tuple of nodes
        for child in node:
            _collect_symbols(child, found)
    else:
        for child in node[1:]:
            if type(child) is tuple and child:
                if type(child[0]) is str:
                    _collect_symbols(child, found)
                else:  # a tuple of nodes (or of matrix rows); relation operators are strings
                    for item in child:
                        if type(item) is tuple and item:
                            _collect_symbols(item, found)


def numeral_value(node: Node) -> Fraction | None:
    """The exact value of a number written in closed form, or None.

    Closed forms: an integer, decimal, scientific or repeating-decimal literal, a fraction of
    two integer literals in lowest terms, a mixed number, with an optional sign. ``6/8``,
    ``2^{10}`` and ``6 \\times 7`` are not closed forms.
    """
    negative = False
    while node[0] == "neg":
        negative = not negative
        node = node[1]
    value = _closed_form(node)
    if value is None:
        return None
    return -value if negative else value


def _signed_int(node: Node) -> int | None:
    if node[0] == "neg":
        inner = _int_literal(node[1])
        return None if inner is None else -inner
    return _int_literal(node)


def _closed_form(node: Node) -> Fraction | None:
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "mixed":
        _, whole, numerator, denominator = node
        if gcd(numerator, denominator) != 1:
            return None
        return whole + Fraction(numerator, denominator)
    if kind == "div":
        numerator, denominator = _signed_int(node[1]), _signed_int(node[2])
        if numerator is None or denominator is None or abs(denominator) <= 1:
            return None
        if gcd(numerator, denominator) != 1:
            return None
        return Fraction(numerator, denominator)
    scientific = scientific_literal(node)
    return None if scientific is None else scientific[0]


def scientific_literal(node: Node) -> tuple[Fraction, tuple[Fraction, int] | None] | None:
    """``a \\times 10^{n}`` or ``10^{n}`` with a literal mantissa and integer n: (value, decimal info)."""
    if node[0] == "pow" and _int_literal(node[1]) == 10:
        return _scaled(("num", Fraction(1), None), node)
    if node[0] != "mul" or len(node[1]) != 2:
        return None
    mantissa, power = node[1]
    if mantissa[0] != "num" or power[0] != "pow" or _int_literal(power[1]) != 10:
        return None
    return _scaled(mantissa, power)


def _scaled(mantissa: Node, power: Node) -> tuple[Fraction, tuple[Fraction, int] | None] | None:
    exponent = _signed_int(power[2])
    if exponent is None or abs(exponent) > MAX_SCI_EXPONENT:
        return None
    scale = Fraction(10) ** exponent
    value, dec = mantissa[1], mantissa[2]
    if dec is None:  # an integer mantissa: an exact value
        return value * scale, None
    return value * scale, (dec[0] * scale, dec[1])


def decimal_literal(node: Node) -> tuple[Fraction, Fraction, int] | None:
    """(value, unit in the last place, significant digits) of a signed decimal or scientific literal."""
    negative = False
    while node[0] == "neg":
        negative = not negative
        node = node[1]
    if node[0] == "num" and node[2] is not None:
        value, (ulp, significant) = node[1], node[2]
    else:
        scientific = scientific_literal(node)
        if scientific is None or scientific[1] is None:
            return None
        value, (ulp, significant) = scientific
    return (-value if negative else value), ulp, significant
