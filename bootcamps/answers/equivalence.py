"""Is a model's final answer mathematically the reference answer?

``equivalent(gold, response)`` extracts the final answer of a whole response and compares it
with the reference mathematically. It never raises, never executes model text (our own grammar
in ``mathparse``; exact ``Fraction`` arithmetic and guarded mpmath numerics in ``evaluate``) and
gives up after a 50 ms budget checked cooperatively, so it is safe in threads and worker
processes. sympy is not used here: it is neither needed nor bounded in time
(``symbolic.to_sympy`` builds sympy objects for verifiers that want them).

Policies (each one is tested in tests/test_equivalence.py and measured by
benchmarks/equivalence_audit.py):

Extraction
    Reasoning is dropped (everything up to the last ``</think>``, and an unclosed ``<think>``
    onwards): an answer given only inside reasoning is no answer. The candidates are every
    closed ``<answer>`` block and every ``\\boxed{}``/``\\fbox{}`` of the visible text; when
    there are none, the last final-answer statement ("The final answer is ...", "Answer: ...",
    "# Answer", GSM8K's "#### ...", "... is the answer"); when there is none, the whole response
    if it is short (<= 300 characters). A bare sentence ("The profit is $70,000.") has no answer.
Several answers and hedging
    **Every** candidate must be equivalent to the reference: a second, different boxed answer
    or answer block is a hedge and is wrong, even when the last one is right. Exception: when
    the reference is a list or set of solutions, boxes that together make that list match
    (``\\boxed{3}`` and ``\\boxed{-3}`` for ``\\pm 3``). The 300 characters after the final
    answer must not offer another one or doubt it ("or 43", "alternatively, 43", "it might be
    41", "not sure", a question mark). More than 20 boxes or answer blocks, an unclosed box,
    or a box longer than 4000 characters is no answer. A list where one value is expected
    (``3, 4``, ``3 or 4``, ``\\pm 3``, an interval, a set) is wrong, unless every item is the
    value (``x = 4, x = 4`` for a double root, ``\\frac72`` or ``3.5``).
Negation and padding
    Text around the value is refused unless it is a unit phrase of at most four words (see
    units): negations and hedges (``not 42``, ``\\neq 42``, ``maybe``, ``or more``), extra
    numbers (``42 43``), unknown or hiding LaTeX (``\\phantom``, ``\\color``, ``\\cancel``,
    ``~~42~~``, combining strokes) and prose make the answer unparsable, hence wrong. ``x = 42``,
    ``f(3) = 42``, ``= 42`` and ``\\approx 42`` are the value 42; a chain
    ``x = 6 \\times 7 = 42`` is accepted when every member equals the reference and the last one
    meets the closed-form rule.
Closed form (``require_simplified=True``, the default)
    When the reference is a number in closed form (integer, decimal, scientific ``a \\times
    10^n`` or ``10^n``, reduced fraction, mixed number), the answer must be one too:
    ``6 \\times 7``, ``2^{10}``, ``84/2``, ``\\sqrt{9}`` and the unreduced ``6/8`` are refused for
    42, 1024, 42, 3 and 3/4 (for arithmetic tasks these are reward hacks). When the reference
    is a factored polynomial (a product with a non-constant sum factor, such as
    ``(x-1)(x+1)`` or ``3(x+2)``), the answer must be a product too. Any other reference accepts
    any equal expression (``\\sqrt{8}`` for ``2\\sqrt{2}``, ``e^x\\sin x + e^x\\cos x`` for
    ``e^x(\\sin x + \\cos x)``). ``require_simplified=False`` compares values only.
Exact and decimal numbers
    Numbers compare exactly (``0.75 = 3/4``, ``0.\\overline{3} = 1/3``, ``1,000 = 1000``).
    A decimal answer for a reference whose exact value has no finite decimal expansion
    (``1/3``, ``\\sqrt{2}``, ``\\pi``) is accepted when it is that value correctly rounded at
    the digits shown with at least 3 significant digits (``0.333``, ``1.414``, ``3.14``; not
    ``0.33``), or truncated with at least 4 (``0.6666``; not ``0.666``). A reference with a
    finite expansion must be given exactly (``0.13`` is not 1/8). A decimal reference with at
    least 3 significant digits also accepts an exact answer or a longer decimal that rounds to
    it (reference ``3.14``: ``\\pi``, ``3.1416``). Irrational values compare at 96 significant
    digits and are confirmed at 216: a difference below that is invisible.
Percentages
    ``25\\%`` equals ``25`` and ``0.25``; a percent answer ``25\\%`` matches the references
    ``25``, ``25\\%`` and ``0.25``.
Degrees
    ``30^\\circ`` (``30°``, ``30^o``, ``30 degrees``) matches ``30``, ``30^\\circ`` and the radian
    value ``\\pi/6``; a degree answer matches a radian reference the same way. A bare ``30``
    does not match the reference ``\\pi/6``. Inside an expression, ``\\sin 30^\\circ`` is in degrees.
Units
    A trailing unit phrase (``5 \\text{ cm}``, ``12 apples``, ``\\$18.90``) is ignored when only
    one side has units or either unit is unknown. When both are known units they must have the
    same dimension and the value is converted (``500 cm`` = ``5 m``, ``36 km/h`` = ``10 m/s``;
    ``5 m`` is not ``5 cm^2``). "thousand", "million", "billion" scale the value. Single-letter
    units count only inside ``\\text{}``/``\\mathrm{}``: a bare ``5m`` is 5 times m.
Expressions, equations and relations
    Variables match by name (``2n+1`` is not ``2k+1``; a constant of integration must be there).
    Expressions are compared exactly at random rational points when they are rational (a
    polynomial-identity test in exact arithmetic), otherwise numerically at random real points,
    where a point at which one side is real and the other not is skipped (equality on the
    common domain: ``\\ln(x^2)`` and ``2\\ln x`` agree, ``|x|`` and ``x`` do not). ``\\log`` is
    the natural logarithm, ``e`` is Euler's number and ``i`` the imaginary unit. ``x = 3``
    matches ``3``; ``y = 2x + 1`` matches ``2x + 1``; equations match when the differences of
    their sides are proportional (``2x - y + 1 = 0`` and ``y = 2x + 1``), inequalities when the
    factor is positive (``x + y < 3`` and ``-x - y > -3``).
Collections
    Brackets decide: ``(1, 2)`` is an ordered tuple (or an open interval), ``[1, 2]`` a list (or
    a closed interval) and the two never match each other; ``\\{1, 2\\}`` is a set; a bare
    ``1, 2`` is a list of solutions compared as a set. ``x = 1, x = 2``, ``x = 1 \\text{ or }
    x = 2``, ``x_1 = 1, x_2 = 2`` and ``x = \\pm 1`` are solution sets; ``x = 1, y = 2`` and
    ``(x, y) = (1, 2)`` are assignments, matching ``(1, 2)`` in alphabetical order of the names.
    Intervals compare endpoints and brackets, in any order of the union (``x > 3`` is
    ``(3, \\infty)``, ``x \\ne 1`` and ``\\mathbb{R} \\setminus \\{1\\}`` are
    ``(-\\infty, 1) \\cup (1, \\infty)``, ``\\{x \\mid x > 0\\}`` is understood); matrices
    compare cell by cell, and a one-row or one-column matrix matches a tuple.
Choices and text
    A reference that is a single capital letter (``B``, ``(B)``) is a multiple-choice answer:
    ``(B)``, ``B)``, ``B. 42``, ``\\text{(B)}``, ``Option B`` and ``b`` match, ``B or C`` and
    ``A, B`` do not. A reference ``(B) 12`` also accepts the option text ``12``. Text compares
    case-, space- and punctuation-insensitively, with a few synonyms (no solution and the empty
    set, "does not exist", DNE and undefined, small number words).
"""

from __future__ import annotations

import random
import re
import unicodedata
from fractions import Fraction
from functools import lru_cache

from bootcamps.answers.evaluate import (
    CONFIRM_BITS,
    Budget,
    NotExact,
    Timeout,
    Undefined,
    close,
    context,
    exact,
    is_real,
    numeric,
)
from bootcamps.answers.extract import strip_reasoning
from bootcamps.answers.mathparse import (
    MAX_PARSE_CHARS,
    Node,
    _product,
    _sum,
    decimal_literal,
    free_symbols,
    numeral_value,
    parse_math,
)

BUDGET_SECONDS = 0.05
MAX_CANDIDATES = 20
BOX_WINDOW = 4_000
WHOLE_RESPONSE_CHARS = 300
MIN_SIGNIFICANT_DIGITS = 3  # a rounded decimal must show at least this many significant digits
MIN_TRUNCATED_DIGITS = 4  # and a truncated one this many (0.6666 for 2/3, not 0.666)
MAX_ROUNDING_DIGITS = 80

Value = tuple
_POS_INF: Node = ("const", "inf")
_NEG_INF: Node = ("neg", ("const", "inf"))


class _Unsupported(ValueError):
    """A parse that has no answer meaning (a three-item interval, a set inside a union...)."""


# -- extraction ----------------------------------------------------------------------------------

_ANSWER_TAG = re.compile(r"<(/?)answer\s*>", re.IGNORECASE)
_BOX = re.compile(r"\\(?:boxed|fbox)\s*\{")
_BRACE = re.compile(r"(?<!\\)[{}]")
_STATEMENT = re.compile(r"(?:final\s+answer|the\s+answer|\banswer|correct\s+(?:option|choice))[ \t*_]*(?:is\b|:|：|=)[ \t*_:]*"
                        r"|final\s+answer[ \t*_:]*\n|^#+[ \t]*(?:final[ \t]+)?answer[ \t*_:]*$|^####[ \t]*(?=\S)",
                        re.IGNORECASE | re.MULTILINE)
_TRAILING_STATEMENT = re.compile(r"(?:^|[.:;!?\n]|\b(?:so|thus|hence|therefore)\b,?)[ \t]*([^\n.;:!?]{1,120}?)[ \t]+is[ \t]+"
                                 r"(?:the|our)[ \t]+(?:final[ \t]+)?answer\b", re.IGNORECASE)
_QUESTION = re.compile(r"[ \t$)\]]*\?")
_VALUE_AHEAD = r"[ \t$\\(]*(?:[-\d]|\\(?:frac|sqrt|pi|boxed))"
_HEDGE = re.compile(  # another answer offered, or doubt, right after the final answer
    r"\bor\s+(?:maybe|possibly|perhaps|rather)\b"
    r"|\b(?:it|answer|that|this|value|result)\s+(?:could|might|may)\s+(?:also\s+)?be\b" + _VALUE_AHEAD +
    r"|\balternatively\b,?" + _VALUE_AHEAD +
    r"|\balternatively\b[^.\n]{0,30}?\b(?:answer|value|result)\s+(?:is|could|might|may)\b"
    r"|\bnot\s+(?:sure|certain)\b|\bunsure\b|\buncertain\b"
    r"|\bor\s+(?:else\s+)?\$*\s*(?!\\boxed)(?:[-\d(]|\\frac|\\sqrt)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?:\s|$)|,\s+(?:which|since|because|as|so|where|and\s+this|that)\b|;\s+(?=[a-z])")
_CONNECTIVE = re.compile(r"^\s*(?:so|thus|hence|therefore|finally)\b[\s,]*", re.IGNORECASE)
_LEAD = re.compile(r"^\s*(?:(?:so|thus|hence|therefore|finally|then)\b\s*,?\s*)?(?:the\s+)?(?:final\s+)?"
                   r"(?:answer|result)s?\b[ \t*_]*(?:is\b|are\b|:|：|=)?[ \t*_:]*", re.IGNORECASE)


def _answer_blocks(text: str, ends: list[int]) -> list[str] | None:
    blocks: list[str] = []
    opening = None
    for count, match in enumerate(_ANSWER_TAG.finditer(text)):
        if count > 4 * MAX_CANDIDATES:
            return None
        if not match.group(1):
            opening = match.end()
        elif opening is not None:
            blocks.append(text[opening: match.start()])
            ends.append(match.end())
            opening = None
    return blocks


def _boxes(text: str, ends: list[int] | None = None) -> list[str] | None:
    """Contents of the top-level boxes, or None when one is unclosed, too long or too many.

    ``ends``, when given, receives the position just after each box.
    """
    contents: list[str] = []
    covered = -1
    for count, match in enumerate(_BOX.finditer(text)):
        if count >= MAX_CANDIDATES:
            return None
        if match.start() < covered:
            continue  # a box nested inside the previous one
        depth, start = 1, match.end()
        for brace in _BRACE.finditer(text, start, min(len(text), start + BOX_WINDOW)):
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                contents.append(text[start: brace.start()])
                covered = brace.end()
                if ends is not None:
                    ends.append(covered)
                break
        else:
            return None
    return contents


def _hedged(text: str, end: int) -> bool:
    """Does the text right after the final answer offer another answer or doubt it?"""
    region = text[end: end + 300]
    return _QUESTION.match(region) is not None or _HEDGE.search(region) is not None


def _last_statement(text: str) -> re.Match[str] | None:
    """The last final-answer statement: found from the end by plain search for "answer" (fast on 1 MB)."""
    lowered = text.lower()
    end = len(lowered)
    hashes = lowered.rfind("\n####")
    for _ in range(200):
        position = max(lowered.rfind("answer", 0, end), lowered.rfind("option", 0, end), lowered.rfind("choice", 0, end),
                       hashes + 1 if 0 <= hashes < end else -1)
        if position < 0:
            return None
        match = None
        for match in _STATEMENT.finditer(text, max(0, position - 24), min(len(text), position + 40)):  # noqa: B007
            pass
        if match is not None:
            return match
        end = position
    return None


def _statement(text: str) -> tuple[str, int] | None:
    last = _last_statement(text)
    trailing = None
    tail = max(0, len(text) - 1_000)  # "... 42 is the answer." closes a response; its pattern is costly
    for trailing in _TRAILING_STATEMENT.finditer(text, tail):  # noqa: B007
        pass
    if trailing is not None and (last is None or trailing.start() > last.start()):
        return _CONNECTIVE.sub("", trailing.group(1), count=1).strip(), trailing.end()
    if last is None:
        return None
    rest = text[last.end(): last.end() + 2 * MAX_PARSE_CHARS]
    lines = [line.strip() for line in rest.split("\n")]
    line = next((line for line in lines[:4] if line.strip(" *_")), "")
    cut = _SENTENCE_END.search(line)
    answer = line[: cut.start()] if cut else line
    return answer, text.find(answer, last.end()) + len(answer)


def final_answers(response: str) -> list[str] | None:
    """Every final-answer candidate of a response (see the extraction policy), or None.

    The candidates are the closed ``<answer>`` blocks and the boxes outside reasoning; failing
    those, the last final-answer statement; failing that, a short response itself.
    """
    if not isinstance(response, str):
        return None
    visible = strip_reasoning(response)
    block_ends: list[int] = []
    box_ends: list[int] = []
    blocks = _answer_blocks(visible, block_ends)
    boxes = _boxes(visible, box_ends)
    if blocks is None or boxes is None:
        return None
    candidates = [block for block in blocks if not _BOX.search(block)] + boxes
    if candidates:
        if len(candidates) > MAX_CANDIDATES or _hedged(visible, max(block_ends + box_ends)):
            return None
        return candidates
    statement = _statement(visible)
    if statement is not None:
        return None if _hedged(visible, statement[1]) else [statement[0]]
    if len(visible.strip()) <= WHOLE_RESPONSE_CHARS:
        return [visible]
    return None


def clean_answer(text: str) -> str:
    """An answer without its lead-in (``The final answer is``), markdown emphasis and final period."""
    text = text.strip()
    for _ in range(2):
        text = _CONNECTIVE.sub("", text, count=1)
        text = _LEAD.sub("", text, count=1).strip().strip("*`").strip()
    for _ in range(2):  # bounded: a million trailing dots must not cost a million copies
        if text.endswith((".", "\u3002")) and not text.endswith("..."):
            text = text[:-1].rstrip()
    return text


# -- text, choices and synonyms ------------------------------------------------------------------

_TEXT_WRAPPER = re.compile(r"\\(?:text|textbf|textit|textrm|mathrm|mathbf|mbox|emph|operatorname|textsf)"
                           r"\s*\{([^{}]*)\}")
_NUMBER_WORDS = {word: index for index, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_EMPTY_WORDS = {"no solution", "no solutions", "no real solution", "no real solutions", "empty set",
                "emptyset", "varnothing", "no real roots", "no roots", "no real number", "none"}
_DNE_WORDS = {"does not exist", "dne", "undefined", "not defined", "doesn t exist", "no such value",
              "does not exist dne", "no limit"}
_REALS_WORDS = {"all real numbers", "all reals", "all real x", "mathbb r", "real numbers", "any real number"}
_CHOICE_GOLD = re.compile(r"\(?\s*([A-Z])\s*\)?\.?")
_CHOICE_GOLD_WITH_TEXT = re.compile(r"\(\s*([A-Z])\s*\)\s*(\S.*)|([A-Z])[.)]\s+(\S.*)", re.DOTALL)
_CHOICE = re.compile(r"(?:(?:option|choice|answer)\s*:?\s*)?(?:\(\s*([A-Za-z])\s*\)|([A-Za-z])(?:\s*[.:)]|(?=\s)|$))"
                     r"\s*(.*)", re.IGNORECASE | re.DOTALL)
_OTHER_CHOICE = re.compile(r"\b(?:or|and)\b|\(\s*[A-Za-z]\s*\)|(?:^|\s)[A-Z](?:[.):]|\s|$)")


def _unwrap_text(text: str) -> str:
    for _ in range(4):
        unwrapped = _TEXT_WRAPPER.sub(r"\1", text)
        if unwrapped == text:
            break
        text = unwrapped
    return text


def text_key(text: str) -> str:
    """Text folded for comparison: case, width, spacing, punctuation and a leading article."""
    text = _unwrap_text(text).replace("$", " ").replace("\\", " ")
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\W_]+", " ", text).strip()
    return re.sub(r"^(?:the|a|an) ", "", text)


def _gold_choice(text: str) -> tuple[str, str] | None:
    """(letter, option text) of a multiple-choice reference: ``B``, ``(B)``, ``(B) 12``."""
    text = _unwrap_text(text).replace("$", "").strip().strip("*").strip()
    match = _CHOICE_GOLD.fullmatch(text)
    if match:
        return match.group(1), ""
    match = _CHOICE_GOLD_WITH_TEXT.fullmatch(text)
    if match is None:
        return None
    return match.group(1) or match.group(3), (match.group(2) or match.group(4)).strip()


def parse_choice(text: str) -> str | None:
    """The option letter of a multiple-choice answer (``(B)``, ``B) 42``, ``Option B``), or None."""
    if not isinstance(text, str) or len(text) > 400:
        return None
    text = _unwrap_text(clean_answer(text)).replace("$", "").replace("**", "").strip()
    match = _CHOICE.fullmatch(text)
    if match is None:
        return None
    letter = match.group(1) or match.group(2)
    rest = match.group(3)
    if rest and _OTHER_CHOICE.search(rest):
        return None
    return letter.upper()


def _synonym(key: str) -> Value | None:
    if key in _EMPTY_WORDS:
        return ("coll", "set", ())
    if key in _DNE_WORDS:
        return ("text", "does not exist")
    if key in _REALS_WORDS:
        return ("ivl", ((_NEG_INF, _POS_INF, False, False),))
    if key in _NUMBER_WORDS:
        return ("scalar", ("num", Fraction(_NUMBER_WORDS[key]), None), (False, False, None))
    if key in ("infinity", "infinite", "positive infinity"):
        return ("scalar", _POS_INF, (False, False, None))
    if key == "negative infinity":
        return ("scalar", _NEG_INF, (False, False, None))
    return None


# -- interpretation ------------------------------------------------------------------------------

_NO_FLAGS = (False, False, None)


def _is_function_head(node: Node) -> bool:
    """``f``, ``f'`` or ``f^{-1}``: the head of a function value such as ``f^{-1}(x)``."""
    return node[0] == "sym" or (node[0] == "pow" and node[1][0] == "sym" and not free_symbols(node[2]))


def _is_name(node: Node) -> bool:
    """A name for the value on the other side of ``=``: ``x``, ``f(x)``, ``f^{-1}(x)``, ``(x, y)``."""
    kind = node[0]
    if kind == "sym":
        return True
    if kind == "mul" and len(node[1]) == 2 and _is_function_head(node[1][0]):
        argument = node[1][1]
        return argument[0] == "sym" or (argument[0] == "brk" and all(item[0] == "sym" for item in argument[3]))
    return kind == "brk" and node[1] == "(" and all(item[0] == "sym" for item in node[3])


def _name_key(node: Node) -> str:
    if node[0] == "sym":
        return node[1]
    if node[0] == "mul":
        return repr(node)
    return "(" + ",".join(item[1] for item in node[3]) + ")"


def _indexed(names: list[str]) -> bool:
    """``x_1, x_2, ...``: numbered names of the solutions of one unknown."""
    bases = {name.partition("_")[0] for name in names}
    return len(bases) == 1 and all(name.partition("_")[2].isdigit() for name in names)


def _children(node: Node) -> list[tuple[int, int | None]]:
    """Positions of child nodes: (index, None) for a child, (index, k) inside a tuple of children."""
    kind = node[0]
    if kind in ("add", "mul"):
        return [(1, k) for k in range(len(node[1]))]
    if kind in ("neg", "pct", "deg", "unit"):
        return [(1, None)]
    if kind in ("div", "pow"):
        return [(1, None), (2, None)]
    if kind == "func":
        return [(2, k) for k in range(len(node[2]))]
    return []


def _contains(node: Node, kinds: set[str]) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current[0] in kinds:
            return True
        for index, k in _children(current):
            stack.append(current[index] if k is None else current[index][k])
    return False


def _replace(node: Node, index: int, k: int | None, child: Node) -> Node:
    items = list(node)
    if k is None:
        items[index] = child
    else:
        inner = list(node[index])
        inner[k] = child
        items[index] = tuple(inner)
    return tuple(items)


def _expand_pm(node: Node, limit: int = 8) -> list[Node]:
    """The variants of a tree with ``\\pm``: ``1 \\pm 2`` gives ``1 + 2`` and ``1 - 2``."""
    if node[0] == "pm":
        lefts = [None] if node[1] is None else _expand_pm(node[1], limit)
        variants: list[Node] = []
        for left in lefts:
            for right in _expand_pm(node[2], limit):
                variants.append(right if left is None else _sum([left, right]))
                variants.append(("neg", right) if left is None else _sum([left, ("neg", right)]))
        if len(variants) > limit:
            raise _Unsupported("too many \\pm variants")
        return variants
    for index, k in _children(node):
        child = node[index] if k is None else node[index][k]
        if _contains(child, {"pm"}):
            variants = []
            for variant in _expand_pm(child, limit):
                variants.extend(_expand_pm(_replace(node, index, k, variant), limit))
                if len(variants) > limit:
                    raise _Unsupported("too many \\pm variants")
            return variants
    return [node]


def _scalar(node: Node) -> Value:
    percent = degrees = False
    unit = None
    negative = False
    while True:
        kind = node[0]
        if kind == "neg" and node[1][0] in ("pct", "deg", "unit", "neg"):
            negative, node = not negative, node[1]
        elif kind == "pct":
            percent, node = True, node[1]
        elif kind == "deg":
            degrees, node = True, node[1]
        elif kind == "unit":
            unit, node = node[2], node[1]
        else:
            break
    if negative:
        node = ("neg", node)
    flags = (percent, degrees, unit)
    if _contains(node, {"pm"}):
        variants = _expand_pm(node)
        return ("coll", "set", tuple(("scalar", variant, flags) for variant in variants))
    if _contains(node, {"brk", "set", "rel", "list", "union", "matrix", "reals"}):
        raise _Unsupported("a collection inside arithmetic")
    return ("scalar", node, flags)


_MULTIPLIERS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _with_unit(value: Value, phrase: str) -> Value:
    head, _, rest = phrase.partition(" ")
    if head in _MULTIPLIERS and value[0] == "scalar":  # 1.2 million (dollars)
        value = ("scalar", _scale(value[1], Fraction(_MULTIPLIERS[head])), value[2])
        if not rest:
            return value
        phrase = rest
    if value[0] == "scalar":
        percent, degrees, _ = value[2]
        return ("scalar", value[1], (percent, degrees, phrase))
    if value[0] == "eq":
        return value[:3] + (_with_unit(value[3], phrase),) + value[4:]
    return value


def interpret(node: Node) -> Value:
    """The answer a parse tree denotes: scalar, equation, collection, interval, matrix..."""
    kind = node[0]
    if kind == "unit":
        return _with_unit(interpret(node[1]), node[2])
    if kind == "list":
        return _collection("bare", [interpret(item) for item in node[1]])
    if kind == "brk":
        _, opening, closing, items = node
        pair = opening + closing
        if pair in ("()", "[]", "<>"):
            kind_name = {"()": "tuple", "[]": "list", "<>": "vector"}[pair]
            return _collection(kind_name, [interpret(item) for item in items])
        if len(items) == 2:
            return ("ivl", ((items[0], items[1], opening == "[", closing == "]"),))
        raise _Unsupported("mismatched brackets around other than two items")
    if kind == "set":
        return _collection("set", [interpret(item) for item in node[1]])
    if kind == "union":
        intervals = []
        for part in node[1]:
            value = interpret(part)
            if value[0] == "ivl":
                intervals.extend(value[1])
            elif value[0] == "coll" and value[1] in ("tuple", "list") and len(value[2]) == 2:
                (low, high), closed = _pair_nodes(value), value[1] == "list"
                intervals.append((low, high, closed, closed))
            else:
                raise _Unsupported("a union of other than intervals")
        return ("ivl", tuple(intervals))
    if kind == "reals":
        return ("ivl", ((_NEG_INF, _POS_INF, False, False),))
    if kind == "setminus":
        return _reals_without(node)
    if kind == "matrix":
        return ("mat", tuple(tuple(interpret(cell) for cell in row) for row in node[1]))
    if kind == "rel":
        return _relation(node)
    if kind == "builder":
        condition = node[2]
        if condition[0] == "rel" and node[1] in free_symbols(condition):
            return _relation(condition)
        raise _Unsupported("a set-builder condition that is not a relation")
    return _scalar(node)


def _reals_without(node: Node) -> Value:
    """``\\mathbb{R} \\setminus \\{a, b\\}`` as a union of open intervals."""
    if node[1] != ("reals",) or node[2][0] != "set" or not node[2][1]:
        raise _Unsupported("only the reals minus a finite set are understood")
    points = []
    for item in node[2][1]:
        if free_symbols(item):
            raise _Unsupported("a symbolic point")
        try:
            value = numeric(item, {}, Budget(0.01))
        except (Undefined, Timeout):
            raise _Unsupported("a point without a value") from None
        if not is_real(value):
            raise _Unsupported("a complex point")
        points.append((float(context().re(value)), item))
    points.sort(key=lambda pair: pair[0])
    bounds = [_NEG_INF] + [item for _, item in points] + [_POS_INF]
    return ("ivl", tuple((low, high, False, False) for low, high in zip(bounds, bounds[1:], strict=False)))


def _pair_nodes(value: Value) -> tuple[Node, Node]:
    items = value[2]
    if any(item[0] != "scalar" or item[2] != _NO_FLAGS for item in items):
        raise _Unsupported("interval endpoints must be plain values")
    return items[0][1], items[1][1]


def _collection(kind: str, values: list[Value]) -> Value:
    if kind == "bare" and values and all(value[0] == "ivl" for value in values):
        return ("ivl", tuple(interval for value in values for interval in value[1]))
    named = [value for value in values if value[0] == "eq" and value[1] is not None]
    if values and len(named) == len(values):
        names = [value[1] for value in values]
        if len(set(names)) == 1 or (len(set(names)) == len(names) and _indexed(names)):
            return ("coll", "set" if kind == "set" else "bare", tuple(_flatten_solutions(values)))
        if len(set(names)) == len(names):
            return ("assign", tuple(sorted((value[1], value[3]) for value in values)))
    if len(values) > 1 and named[:1] == values[:1] and not any(value[0] == "eq" for value in values[1:]):
        return ("coll", "bare", tuple(_flatten_solutions([values[0]]) + values[1:]))  # x = 1, 2
    return ("coll", kind, tuple(values))


def _flatten_solutions(values: list[Value]) -> list[Value]:
    items: list[Value] = []
    for value in values:
        inner = value[3] if value[0] == "eq" else value
        if inner[0] == "coll" and inner[1] in ("set", "bare"):
            items.extend(inner[2])
        else:
            items.append(inner)
    return items


def _relation(node: Node) -> Value:
    nodes, operators = node[1], node[2]
    if all(op in ("=", "~=") for op in operators):
        if len(nodes) == 2:
            lhs, rhs = nodes
            if _is_name(lhs):
                return ("eq", _name_key(lhs), lhs, interpret(rhs), rhs)
            if _is_name(rhs):
                return ("eq", _name_key(rhs), rhs, interpret(lhs), lhs)
            if free_symbols(lhs) and not free_symbols(rhs):
                return ("eq", None, lhs, interpret(rhs), rhs)  # a label: f(3) = 42, x^2 = 9
            if not free_symbols(lhs) and not free_symbols(rhs):
                return ("chain", None, (interpret(lhs), interpret(rhs)))
            return ("rel", nodes, operators)
        label = None
        members = nodes
        if _is_name(nodes[0]) or (free_symbols(nodes[0]) and not free_symbols(nodes[-1])):
            label, members = nodes[0], nodes[1:]
        return ("chain", label, tuple(interpret(member) for member in members))
    if operators == ("in",) and _is_name(nodes[0]):
        return interpret(nodes[1])
    interval = _inequality(nodes, operators)
    return interval if interval is not None else ("rel", nodes, operators)


def _inequality(nodes: tuple, operators: tuple) -> Value | None:
    if operators == ("!=",) and len(nodes) == 2:  # x \ne a: the reals without a
        variable, point = nodes if nodes[0][0] == "sym" else nodes[::-1]
        if variable[0] != "sym" or free_symbols(point):
            return None
        return ("ivl", ((_NEG_INF, point, False, False), (point, _POS_INF, False, False)))
    if len(nodes) not in (2, 3) or not set(operators) <= {"<", "<=", ">", ">="}:
        return None
    if len({op[0] for op in operators}) != 1:
        return None
    if operators[0][0] == ">":
        nodes = nodes[::-1]
        operators = tuple("<" + op[1:] for op in operators[::-1])
    variables = [index for index, item in enumerate(nodes) if item[0] == "sym"]
    constants = [index for index, item in enumerate(nodes) if not free_symbols(item)]
    if len(variables) != 1 or len(constants) != len(nodes) - 1:
        return None
    position = variables[0]
    if len(nodes) == 3:
        if position != 1:
            return None
        return ("ivl", ((nodes[0], nodes[2], operators[0] == "<=", operators[1] == "<="),))
    if position == 0:
        return ("ivl", ((_NEG_INF, nodes[1], False, operators[0] == "<="),))
    return ("ivl", ((nodes[0], _POS_INF, operators[0] == "<=", False),))


@lru_cache(maxsize=1024)  # trees are many small objects: a big cache slows every full GC
def analyse(text: str) -> Value:
    """The answer a text denotes, as a tagged tuple; never raises.

    ``("scalar", node, (percent, degrees, unit))``, ``("eq", name, lhs, value, rhs)``,
    ``("chain", label, values)``, ``("rel", nodes, ops)``, ``("coll", kind, items)`` with kind
    tuple, list, vector, set or bare, ``("assign", ((name, value), ...))``,
    ``("ivl", ((low, high, low_closed, high_closed), ...))``, ``("mat", rows)``, or
    ``("text", folded text)`` for anything that is not mathematics. Nodes are ``mathparse`` trees.
    """
    node = parse_math(text)
    if node is not None:
        try:
            return interpret(node)
        except (_Unsupported, RecursionError):
            pass
    words = _unwrap_text(text).replace("$", " ").replace("\\", " ").strip().casefold()
    if re.fullmatch(r"[a-z' ]+\.?", words):
        synonym = _synonym(" ".join(words.rstrip(".").replace("'", " ").split()))
        if synonym is not None:
            return synonym
    return ("text", text_key(text))


parse_answer = analyse


# -- units ---------------------------------------------------------------------------------------

def _unit_table() -> dict[str, tuple[str, Fraction]]:
    table: dict[str, tuple[str, Fraction]] = {}
    groups = [
        ("L", Fraction(1, 1000), "mm millimeter millimetre"), ("L", Fraction(1, 100), "cm centimeter centimetre"),
        ("L", Fraction(1), "m meter metre"), ("L", Fraction(1000), "km kilometer kilometre"),
        ("L", Fraction(254, 10000), "inch inches"), ("L", Fraction(3048, 10000), "ft foot feet"),
        ("L", Fraction(9144, 10000), "yd yard"), ("L", Fraction(1609344, 1000), "mi mile"),
        ("M", Fraction(1, 10**6), "mg milligram"), ("M", Fraction(1, 1000), "g gram gramme"),
        ("M", Fraction(1), "kg kilogram"), ("M", Fraction(45359237, 10**8), "lb lbs pound"),
        ("M", Fraction(28349523125, 10**12), "oz ounce"), ("T", Fraction(1, 1000), "ms millisecond"),
        ("T", Fraction(1), "s sec secs second"), ("T", Fraction(60), "min mins minute"),
        ("T", Fraction(3600), "h hr hrs hour"), ("T", Fraction(86400), "day"), ("T", Fraction(604800), "week"),
        ("V", Fraction(1, 10**6), "ml milliliter millilitre"), ("V", Fraction(1, 1000), "l liter litre"),
        ("USD", Fraction(1), "dollar dollars usd"), ("USD", Fraction(1, 100), "cent cents"),
        ("degC", Fraction(1), "degC"), ("degF", Fraction(1), "degF"),
    ]
    for dimension, factor, words in groups:
        for word in words.split():
            table[word] = (dimension, factor)
    return table


_UNITS = _unit_table()


def _unit(phrase: str) -> tuple[tuple, Fraction] | None:
    """(dimension signature, factor to base units) of a unit phrase, or None when unknown."""
    dimensions: dict[str, int] = {}
    factor = Fraction(1)
    sign, pending_power = 1, 1
    for word in phrase.replace("/", " / ").split():
        if word in ("/", "per"):
            sign = -1
            continue
        if word in ("square", "sq"):
            pending_power = 2
            continue
        if word == "cubic":
            pending_power = 3
            continue
        name, _, power_text = word.partition("^")
        power = int(power_text) if power_text.isdigit() and len(power_text) < 2 else (1 if not power_text else 0)
        if not power:
            return None
        entry = _UNITS.get(name) or _UNITS.get(name.lower()) or (
            _UNITS.get(name[:-1]) if name.endswith("s") and len(name) > 3 else None)
        if entry is None:
            return None
        power *= pending_power * sign
        pending_power = 1
        dimension, scale = entry
        dimensions[dimension] = dimensions.get(dimension, 0) + power
        factor *= scale ** power
    if not dimensions:
        return None
    return tuple(sorted((key, value) for key, value in dimensions.items() if value)), factor


# -- comparison ----------------------------------------------------------------------------------

_MIRRORED = {">": "<", ">=": "<=", "<": "<", "<=": "<=", "=": "=", "~=": "=", "!=": "!="}


def _oriented(nodes: tuple, operator: str) -> tuple[tuple, str]:
    """A relation written with ``<``/``<=`` (``a > b`` becomes ``b < a``)."""
    if operator in (">", ">="):
        return (nodes[1], nodes[0]), _MIRRORED[operator]
    return tuple(nodes), _MIRRORED.get(operator, operator)


def _as_assignment(value: Value) -> Value | None:
    """``(x, y) = (1, 2)`` as the assignment ``x = 1, y = 2``; None for anything else."""
    if value[0] != "eq" or value[2][0] != "brk" or value[3][0] != "coll" or len(value[2][3]) != len(value[3][2]):
        return None
    names = [item[1] for item in value[2][3]]
    return ("assign", tuple(sorted(zip(names, value[3][2], strict=True))))


def _inf_sign(node: Node) -> int:
    sign = 1
    while node[0] == "neg":
        sign, node = -sign, node[1]
    return sign if node == _POS_INF else 0


def _scale(node: Node, factor: Fraction) -> Node:
    """``node * factor``, keeping a decimal literal a decimal literal (for the rounding rule)."""
    if factor == 1:
        return node
    if node[0] == "neg":
        return ("neg", _scale(node[1], factor))
    if node[0] == "num" and node[2] is not None:
        ulp, significant = node[2]
        return ("num", node[1] * factor, (ulp * factor, significant))
    return _product([node, ("num", factor, None)])


def _radians(node: Node) -> Node:
    return _product([node, ("const", "pi"), ("num", Fraction(1, 180), None)])


def _terminates(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _round_half_up(value, ulp: Fraction) -> Fraction:
    """``value`` rounded half away from zero to a multiple of ``ulp`` (value: Fraction or mpf)."""
    if isinstance(value, Fraction):
        quotient = abs(value) / ulp
        steps = int(quotient + Fraction(1, 2))
        negative = value < 0
    else:
        ctx = context()
        quotient = abs(value) * ulp.denominator / ulp.numerator
        steps = int(ctx.floor(quotient + ctx.mpf(0.5)))
        negative = value < 0
    return -steps * ulp if negative else steps * ulp


def _truncate(value, ulp: Fraction) -> Fraction:
    if isinstance(value, Fraction):
        steps = int(abs(value) / ulp)
    else:
        ctx = context()
        steps = int(ctx.floor(abs(value) * ulp.denominator / ulp.numerator))
    return -steps * ulp if value < 0 else steps * ulp


_POLYNOMIAL_KINDS = {"num", "sym", "add", "neg", "mul", "pow", "div"}


def _is_polynomial(node: Node) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current[0] not in _POLYNOMIAL_KINDS:
            return False
        if current[0] == "pow" and (current[2][0] != "num" or current[2][1].denominator != 1):
            return False
        if current[0] not in ("num", "sym"):
            stack.extend(current[1] if current[0] in ("add", "mul") else current[1:])
    return True


def _is_factored(node: Node) -> bool:
    """A factored polynomial: a product with a non-constant sum factor, or a power of such a sum."""
    if not _is_polynomial(node):
        return False  # e^x(\sin x + \cos x) is no factoring task: any equal form will do
    while node[0] == "neg":
        node = node[1]
    if node[0] == "pow":
        return node[1][0] == "add" and bool(free_symbols(node[1]))
    if node[0] == "mul":
        return any((factor[0] == "add" or (factor[0] == "pow" and factor[1][0] == "add")) and free_symbols(factor)
                   for factor in node[1])
    return False


def _is_product(node: Node) -> bool:
    while node[0] == "neg":
        node = node[1]
    return node[0] in ("mul", "pow")


def _fraction_literal(node: Node) -> tuple | None:
    if node[0] == "neg":
        inner = _fraction_literal(node[1])
        return None if inner is None else ("-",) + inner
    if node[0] == "div" and node[1][0] == "num" and node[2][0] == "num":
        return (node[1][1], node[2][1])
    return None


class _Judge:
    """Compares analysed answers within one time budget."""

    def __init__(self, budget: Budget, simplified: bool) -> None:
        self.budget = budget
        self.simplified = simplified

    # dispatch
    def same(self, gold: Value, answer: Value) -> bool:
        if self.budget.spent():
            raise Timeout("time budget spent")
        kind = gold[0]
        if kind == "text":
            return answer[0] == "text" and answer[1] == gold[1]
        if answer[0] == "eq" and answer[1] is not None and kind not in ("eq", "rel", "assign"):
            return self.same(gold, answer[3])
        if answer[0] == "eq" and answer[1] is None and kind == "scalar":
            return self.same(gold, answer[3])
        if answer[0] == "chain" and kind == "scalar":
            return self.chain(gold, answer[2])
        if answer[0] == "coll" and answer[1] in ("bare", "set") and answer[2] and kind == "scalar":
            return all(self.same(gold, item) for item in answer[2])  # a repeated root: x = 4, x = 4
        if kind == "scalar":
            return answer[0] == "scalar" and self.scalar(gold, answer)
        if kind == "eq":
            return self.equation(gold, answer)
        if kind == "chain":
            return self.same(gold[2][-1], answer)
        if kind == "rel":
            return self.relation(gold, answer)
        if kind == "coll":
            return self.collection(gold, answer)
        if kind == "assign":
            return self.assignment(gold, answer)
        if kind == "ivl":
            return self.intervals(gold[1], self.as_intervals(answer))
        if kind == "mat":
            return self.matrix(gold, answer)
        return False

    def chain(self, gold: Value, members: tuple) -> bool:
        if not all(member[0] == "scalar" for member in members):
            return False
        *earlier, last = members
        return all(self.scalar(gold, member, form=False) for member in earlier) and self.scalar(gold, last)

    # scalars
    def scalar(self, gold: Value, answer: Value, form: bool = True) -> bool:
        g, (g_percent, g_degrees, g_unit) = gold[1], gold[2]
        a, (a_percent, a_degrees, a_unit) = answer[1], answer[2]
        g_inf, a_inf = _inf_sign(g), _inf_sign(a)
        if g_inf or a_inf:
            return g_inf == a_inf
        converted = a
        if g_unit and a_unit:
            g_known, a_known = _unit(g_unit), _unit(a_unit)
            if g_known and a_known:
                if g_known[0] != a_known[0]:
                    return False
                converted = _scale(a, a_known[1] / g_known[1])
        pairs = [(g, converted, True)]
        if g_percent != a_percent:
            if g_percent:
                pairs.append((_scale(g, Fraction(1, 100)), converted, True))
            else:
                pairs.append((g, _scale(converted, Fraction(1, 100)), True))
        if g_degrees != a_degrees:
            pairs.append((_radians(g), converted, False) if g_degrees else (g, _radians(converted), False))
        for left, right, check_form in pairs:
            if self.value(left, right):
                return not (form and check_form) or self.form(g, a)
        return False

    def form(self, gold: Node, answer: Node) -> bool:
        if not self.simplified:
            return True
        if numeral_value(gold) is not None:
            if numeral_value(answer) is not None:
                return True
            if decimal_literal(gold) is not None and self._exact(answer) is None:
                return True  # a rounded reference (3.14) and an exact irrational answer (\pi)
            literal = _fraction_literal(answer)
            return literal is not None and literal == _fraction_literal(gold)
        if _is_factored(gold):
            return _is_product(answer)
        return True

    def value(self, gold: Node, answer: Node) -> bool:
        symbols = free_symbols(gold) | free_symbols(answer)
        if symbols:
            return self.functions(gold, answer, sorted(symbols))
        return self.constants(gold, answer)

    def _exact(self, node: Node) -> Fraction | None:
        try:
            return exact(node, {}, self.budget)
        except (NotExact, Undefined):
            return None

    def _numeric(self, node: Node):
        try:
            return numeric(node, {}, self.budget)
        except Undefined:
            return None

    def constants(self, gold: Node, answer: Node) -> bool:
        g_exact, a_exact = self._exact(gold), self._exact(answer)
        if g_exact is not None and a_exact is not None and g_exact == a_exact:
            return True
        g_value = g_exact if g_exact is not None else self._numeric(gold)
        a_value = a_exact if a_exact is not None else self._numeric(answer)
        if g_value is None or a_value is None:
            return False
        if g_exact is None or a_exact is None:
            g_num = self._numeric(gold) if g_exact is not None else g_value
            a_num = self._numeric(answer) if a_exact is not None else a_value
            if g_num is None or a_num is None:
                return False
            if close(g_num, a_num) and self.confirm(gold, answer, {}):
                return True
            if not (is_real(g_num) and is_real(a_num)):
                return False
            g_value = g_exact if g_exact is not None else context().re(g_num)
            a_value = a_exact if a_exact is not None else context().re(a_num)
        return self.rounding(g_value, decimal_literal(gold), g_exact, a_value, decimal_literal(answer))

    def rounding(self, g_value, g_decimal, g_exact, a_value, a_decimal) -> bool:
        """The decimal policy: is one side a faithful rounding of the other?"""
        if a_decimal and not g_decimal:
            _, ulp, significant = a_decimal
            if not MIN_SIGNIFICANT_DIGITS <= significant <= MAX_ROUNDING_DIGITS:
                return False
            if g_exact is not None and _terminates(g_exact):
                return False
            if a_decimal[0] == _round_half_up(g_value, ulp):
                return True
            return significant >= MIN_TRUNCATED_DIGITS and a_decimal[0] == _truncate(g_value, ulp)
        if g_decimal and not a_decimal:
            _, ulp, significant = g_decimal
            if not MIN_SIGNIFICANT_DIGITS <= significant <= MAX_ROUNDING_DIGITS:
                return False
            return g_decimal[0] == _round_half_up(a_value, ulp)
        if g_decimal and a_decimal:
            _, g_ulp, g_significant = g_decimal
            if a_decimal[1] >= g_ulp or not MIN_SIGNIFICANT_DIGITS <= g_significant <= MAX_ROUNDING_DIGITS:
                return False
            return g_decimal[0] == _round_half_up(a_decimal[0], g_ulp)
        return False

    def functions(self, gold: Node, answer: Node, names: list[str]) -> bool:
        """Identity of two expressions in the same variables, on their common real domain."""
        rng = random.Random(0xB007CA)
        try:
            agreed = 0
            for _ in range(10):
                point = {name: Fraction(rng.choice((-1, 1)) * rng.randint(1, 97), rng.randint(1, 17))
                         for name in names}
                try:
                    g_value, a_value = exact(gold, point, self.budget), exact(answer, point, self.budget)
                except Undefined:
                    continue
                if g_value != a_value:
                    return False
                agreed += 1
                if agreed >= 5:
                    return True
        except NotExact:
            pass
        agreed, witness = 0, None
        for attempt in range(16):
            point = {name: (1 if attempt < 6 or rng.random() < 0.5 else -1) * (0.15 + 2.7 * rng.random())
                     for name in names}
            try:
                g_value, a_value = numeric(gold, point, self.budget), numeric(answer, point, self.budget)
            except Undefined:
                continue
            if is_real(g_value) != is_real(a_value):
                continue  # outside the common real domain
            if not close(g_value, a_value):
                return False
            agreed += 1
            witness = witness or point
            if agreed >= 6:
                break
        return agreed >= 3 and self.confirm(gold, answer, witness)

    def confirm(self, gold: Node, answer: Node, point: dict) -> bool:
        """Agreement again at 720 bits: a difference below 1e-45 survives it, a rounding residue does not."""
        try:
            g_value = numeric(gold, point, self.budget, CONFIRM_BITS)
            a_value = numeric(answer, point, self.budget, CONFIRM_BITS)
        except Undefined:
            return False
        return close(g_value, a_value, CONFIRM_BITS)

    def proportional(self, gold: Node, answer: Node, positive: bool = False) -> bool:
        """Is ``answer = c * gold`` for a non-zero constant c (c > 0 when ``positive``)?

        Then ``gold = 0`` and ``answer = 0`` have the same solutions (and ``< 0`` too when c > 0).
        """
        names = sorted(free_symbols(gold))
        if not names or free_symbols(answer) != set(names):
            return False
        rng = random.Random(0x5CA1E)
        ctx = context()
        ratio = None
        agreed = 0
        for attempt in range(16):
            if attempt < 8:
                point = {name: Fraction(rng.choice((-1, 1)) * rng.randint(1, 97), rng.randint(1, 17))
                         for name in names}
                try:
                    g_value, a_value = exact(gold, point, self.budget), exact(answer, point, self.budget)
                except (NotExact, Undefined):
                    continue
                g_value, a_value = ctx.mpf(g_value.numerator) / g_value.denominator, (
                    ctx.mpf(a_value.numerator) / a_value.denominator)
            else:
                point = {name: 0.15 + 2.7 * rng.random() for name in names}
                try:
                    g_value, a_value = numeric(gold, point, self.budget), numeric(answer, point, self.budget)
                except Undefined:
                    continue
            if close(g_value, 0):
                if not close(a_value, 0):
                    return False
                continue
            current = a_value / g_value
            if ratio is None:
                if close(current, 0) or (positive and not (is_real(current) and context().re(current) > 0)):
                    return False
                ratio = current
            elif not close(current, ratio):
                return False
            agreed += 1
            if agreed >= 6:
                return True
        return agreed >= 3

    # equations and relations
    def equation(self, gold: Value, answer: Value) -> bool:
        _, name, lhs, value, rhs = gold
        if answer[0] == "assign" and _as_assignment(gold) is not None:
            return self.assignment(_as_assignment(gold), answer)  # (a, b) = (1, 2) against a = 1, b = 2
        if answer[0] == "eq":
            if name is not None and answer[1] == name:
                return self.same(value, answer[3])
            return self.proportional(_sum([lhs, ("neg", rhs)]), _sum([answer[2], ("neg", answer[4])]))
        if answer[0] == "rel":
            return self.relation(("rel", (lhs, rhs), ("=",)), answer)
        if name is not None and answer[0] != "assign":
            return self.same(value, answer)
        return False

    def relation(self, gold: Value, answer: Value) -> bool:
        """Single relations with the same solution set: ``a = b`` against ``c(a - b) = 0``, ``a < b`` against ``b > a``."""
        if answer[0] == "eq":
            answer = ("rel", (answer[2], answer[4]), ("=",))
        if answer[0] != "rel" or len(gold[1]) != 2 or len(answer[1]) != 2:
            return False
        (g_left, g_right), g_op = _oriented(gold[1], gold[2][0])
        (a_left, a_right), a_op = _oriented(answer[1], answer[2][0])
        if g_op != a_op:
            return False
        return self.proportional(_sum([g_left, ("neg", g_right)]), _sum([a_left, ("neg", a_right)]),
                                 positive=g_op in ("<", "<="))

    # collections
    def collection(self, gold: Value, answer: Value) -> bool:
        _, kind, items = gold
        ordered = kind in ("tuple", "list", "vector")
        if answer[0] == "mat":
            rows = answer[1]
            if len(rows) == 1 or all(len(row) == 1 for row in rows):
                answer = ("coll", "vector", tuple(cell for row in rows for cell in row))
            elif ordered and all(item[0] == "coll" for item in items):
                answer = ("coll", kind, tuple(("coll", "list", row) for row in rows))
        if answer[0] == "assign" and kind in ("tuple", "vector", "bare"):
            answer = ("coll", "tuple", tuple(value for _, value in answer[1]))
        if answer[0] == "ivl" and ordered and len(items) == 2:
            return self.intervals(self.as_intervals(gold), answer[1])
        if answer[0] != "coll":
            return False
        _, answer_kind, answer_items = answer
        answer_ordered = answer_kind in ("tuple", "list", "vector")
        if kind in ("set", "bare"):
            if answer_kind in ("set", "bare"):
                return self.unordered(items, answer_items)
            return kind == "bare" and self.in_order(items, answer_items)
        if len(items) == 2 and {kind, answer_kind} == {"tuple", "list"}:
            return False  # (a, b) against [a, b]: an open against a closed interval, or a point against one
        return (answer_ordered or answer_kind == "bare") and self.in_order(items, answer_items)

    def in_order(self, gold_items: tuple, answer_items: tuple) -> bool:
        return len(gold_items) == len(answer_items) and all(
            self.same(g, a) for g, a in zip(gold_items, answer_items, strict=False))

    def unordered(self, gold_items: tuple, answer_items: tuple) -> bool:
        if not gold_items or not answer_items:
            return not gold_items and not answer_items
        if len(answer_items) > 4 * len(gold_items):
            return False
        matched_answers = set()
        for g in gold_items:
            hits = [index for index, a in enumerate(answer_items) if self.same(g, a)]
            if not hits:
                return False
            matched_answers.update(hits)
        return len(matched_answers) == len(answer_items)

    def assignment(self, gold: Value, answer: Value) -> bool:
        pairs = gold[1]
        answer = _as_assignment(answer) or answer
        if answer[0] == "assign":
            return [name for name, _ in pairs] == [name for name, _ in answer[1]] and all(
                self.same(g, a) for (_, g), (_, a) in zip(pairs, answer[1], strict=False))
        if answer[0] == "coll" and answer[1] in ("tuple", "vector", "bare"):
            return self.in_order(tuple(value for _, value in pairs), answer[2])
        return False

    # intervals
    def as_intervals(self, value: Value) -> tuple | None:
        if value[0] == "ivl":
            return value[1]
        if value[0] == "coll" and value[1] in ("tuple", "list") and len(value[2]) == 2:
            try:
                low, high = _pair_nodes(value)
            except _Unsupported:
                return None
            closed = value[1] == "list"
            return ((low, high, closed, closed),)
        return None

    def _sort_key(self, interval: tuple):
        low = interval[0]
        if _inf_sign(low) == -1:
            return -float("inf")
        number = self._numeric(low)
        return float(context().re(number)) if number is not None else 0.0

    def intervals(self, gold: tuple | None, answer: tuple | None) -> bool:
        if gold is None or answer is None or len(gold) != len(answer):
            return False
        for g_order, a_order in ((gold, answer), (sorted(gold, key=self._sort_key), sorted(answer, key=self._sort_key))):
            if all(self.interval(g, a) for g, a in zip(g_order, a_order, strict=False)):
                return True
        return False

    def interval(self, gold: tuple, answer: tuple) -> bool:
        for index in (0, 1):
            g_end, a_end = gold[index], answer[index]
            g_inf, a_inf = _inf_sign(g_end), _inf_sign(a_end)
            if g_inf or a_inf:
                if g_inf != a_inf:
                    return False
                continue
            if gold[2 + index] != answer[2 + index]:
                return False
            if not self.scalar(("scalar", g_end, _NO_FLAGS), ("scalar", a_end, _NO_FLAGS)):
                return False
        return True

    # matrices
    def matrix(self, gold: Value, answer: Value) -> bool:
        rows = gold[1]
        if answer[0] == "coll":
            if len(rows) == 1 or all(len(row) == 1 for row in rows):
                cells = tuple(cell for row in rows for cell in row)
                return answer[1] in ("tuple", "list", "vector", "bare") and self.in_order(cells, answer[2])
            if answer[1] in ("list", "tuple") and all(item[0] == "coll" and item[1] in ("list", "tuple")
                                                      for item in answer[2]):
                answer = ("mat", tuple(item[2] for item in answer[2]))
        if answer[0] != "mat" or len(answer[1]) != len(rows):
            return False
        return all(self.in_order(g_row, a_row) for g_row, a_row in zip(rows, answer[1], strict=False))


# -- entry points --------------------------------------------------------------------------------

def _compact(text: str) -> str:
    return "".join(text.split()).replace("$", "")


@lru_cache(maxsize=4096)
def _gold(text: str) -> tuple[str, tuple[str, str] | None, Value]:
    cleaned = clean_answer(text)
    boxes = _boxes(cleaned)
    if boxes and len(boxes) == 1 and _compact(cleaned).startswith(("\\boxed", "\\fbox")):
        cleaned = clean_answer(boxes[0])
    if len(cleaned) > MAX_PARSE_CHARS:
        return "", None, ("text", "")  # no answer of at most MAX_PARSE_CHARS can match it
    return _compact(cleaned), _gold_choice(cleaned), analyse(cleaned)


def _matches(gold_compact: str, choice: tuple[str, str] | None, gold: Value, candidate: str, judge: _Judge) -> bool:
    answer_text = clean_answer(candidate)
    if not answer_text or len(answer_text) > MAX_PARSE_CHARS:
        return False
    if gold_compact and _compact(answer_text) == gold_compact:
        return True
    if choice is not None:
        letter, option = choice
        picked = parse_choice(answer_text)
        if picked is not None or not option:
            return picked == letter
        option_compact, _, option_value = _gold(option)
        return _matches(option_compact, None, option_value, answer_text, judge)  # the option's text itself
    answer = analyse(answer_text)
    if gold[0] == "text":
        return answer == gold or text_key(answer_text) == gold[1]
    return judge.same(gold, answer)


def equivalent(gold: str, response: str, *, extract: bool = True, require_simplified: bool = True) -> bool:
    """Is the final answer of ``response`` mathematically the reference answer ``gold``?

    ``gold`` is a reference answer in plain text or LaTeX. ``response`` is a whole model
    response (its final answer is extracted; see the module policies) or, with
    ``extract=False``, an answer already extracted. ``require_simplified`` asks for a closed
    form where the reference has one (see "Closed form"). Total: any input returns a bool,
    within about 50 ms, and a response that runs out of time is not equivalent.
    """
    try:
        if not isinstance(gold, str) or not isinstance(response, str) or not gold.strip():
            return False
        budget = Budget(BUDGET_SECONDS)
        candidates = final_answers(response) if extract else [response]
        if not candidates:
            return False
        gold_compact, choice, gold_value = _gold(gold)
        judge = _Judge(budget, require_simplified)
        if all(_matches(gold_compact, choice, gold_value, candidate, judge) for candidate in candidates):
            return True
        if len(candidates) > 1 and gold_value[0] == "coll" and gold_value[1] in ("bare", "set"):
            # several solutions boxed one by one: \boxed{3} and \boxed{-3}
            return _matches(gold_compact, choice, gold_value, ", ".join(candidates), judge)
        return False
    except Exception:  # Timeout, RecursionError, MemoryError-free failures: never raise on model text
        return False
