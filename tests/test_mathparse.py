"""bootcamps.answers.mathparse: its two tokenizers read the same tokens."""

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bootcamps.answers import mathparse
from bootcamps.testing import junk_answers

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "equivalence_corpus.jsonl"
ROWS = [json.loads(line) for line in CORPUS_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]

PIECES = ["\\frac", "\\sqrt", "\\pi", "\\cdot", "\\le", "\\text{ cm}", "\\left(", "\\right)", "\\{", "\\}", "x",
          "y", "2", "13", "007", "0.5", ".5", "1.", "e", "i", "sin", "cos", "ln", "sqrt", "pi", "xy", "arcsinh",
          "^", "_", "{", "}", "(", ")", "[", "]", "+", "-", "*", "**", "/", ",", ";", " ", "  ", "\\cup",
          "\\infty", "or", "and", "=", "==", "<", "<=", "=<", "!=", "!", "%", "'", "|", "...", "....", ".",
          "\\overline{3}", "\\begin{pmatrix}", "\\end{pmatrix}", "&", "\\\\", "\\,", "\\quad", "\\boxed",
          "\\mathbb{R}", "x_1", "\\ge", "\\pm", "\\alpha", "\\sin", "\\asin", "\\deg", "\\%", "6.02e23",
          "1e5x", "10^", "\\times", "#", "\u00e9", "\\unknown", "cm", "degrees", "\t", "\n"]


def _position_reader(text: str) -> list | None:
    tokens: list = []
    try:
        mathparse._tokenize(text, tokens)
    except mathparse.ParseError:
        return None
    return tokens


def _tokens(text: str) -> list | None:
    try:
        return mathparse.tokenize(text)
    except mathparse.ParseError:
        return None


def _texts() -> list[str]:
    rng = random.Random(0)
    texts = [mathparse.normalise(text) for row in ROWS for text in (row["gold"], row["response"])
             if isinstance(text, str) and len(text) <= mathparse.MAX_PARSE_CHARS]
    texts += [junk for junk in junk_answers() if len(junk) <= mathparse.MAX_PARSE_CHARS]
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(3_000)]
    return texts


def test_the_scanning_tokenizer_reads_what_the_position_reader_reads():
    texts = _texts()
    scanned = 0
    for text in texts:
        assert _tokens(text) == _position_reader(text), text
        scanned += mathparse._tokenize_scanned(text, []) if _position_reader(text) is not None else 0
    assert scanned > len(texts) // 3  # the fast reader does most of the work, not only the fallback


@given(st.lists(st.sampled_from(PIECES), max_size=16).map("".join))
def test_the_two_tokenizers_agree_on_drawn_texts(text):
    assert _tokens(text) == _position_reader(text)


@pytest.mark.parametrize("text, kinds", [
    ("2x + 1", ["num", "id", "op", "num"]),
    (".5...", ["num", "dots"]),
    ("\\text{cm} 3", None),  # a command with an argument: the position reader's work
])
def test_scanned_tokens(text, kinds):
    tokens: list = []
    finished = mathparse._tokenize_scanned(text, tokens)
    if kinds is None:
        assert not finished
    else:
        assert finished and [token[0] for token in tokens] == kinds
        assert tokens[0][2] and not tokens[1][2]  # the first token counts as spaced, "x" in "2x" does not


@pytest.mark.parametrize("text, names", [
    ("\\begin{pmatrix} x & y \\\\ z & 1 \\end{pmatrix}", {"x", "y", "z"}),  # the first column too
    ("x^2 + y_1 \\sin(t)", {"x", "y_1", "t"}),
    ("\\{x \\mid x > a\\}", {"x", "a"}),
    ("x = 1 or y < 2", {"x", "y"}),
    ("2 1/4 + \\pi e", set()),
])
def test_free_symbols(text, names):
    assert mathparse.free_symbols(mathparse.parse_math(text)) == names


@pytest.mark.parametrize("text, expected", [("1,  2", False), ("1,   2", True), ("x \t\n= 1", True), ("", False)])
def test_space_runs(text, expected):
    from bootcamps.answers.text import has_space_run

    assert has_space_run(text) is expected
