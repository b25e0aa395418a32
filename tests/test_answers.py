"""Answer extraction and the shared typed parsers."""

import time
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bootcamps.answers import (
    extract_answer,
    parse_arithmetic,
    parse_grid,
    parse_int,
    parse_list,
    parse_rational,
    split_items,
)

# -- extraction --------------------------------------------------------------------------------


@pytest.mark.parametrize("response, expected", [
    ("<answer>42</answer>", "42"),
    ("<ANSWER> 42 </Answer>", "42"),
    ("<answer>1</answer> then <answer>2</answer>", "2"),
    ("<think>maybe <answer>1</answer></think><answer>7</answer>", "7"),
    ("reasoning without an opening tag </think> <answer>7</answer>", "7"),
    ("<think>unclosed <answer>5</answer>", None),
    ("<answer>3</answer><think>second thoughts <answer>4</answer>", "3"),
    ("no tags at all", None),
    ("<answer>unclosed", None),
    ("", None),
])
def test_answer_block_rules(response, expected):
    assert extract_answer(response) == expected


@pytest.mark.parametrize("response, lenient", [
    ("so the result is \\boxed{\\frac{1}{2}}.", "\\frac{1}{2}"),
    ("\\boxed{1} no wait \\boxed{2}", "2"),
    ("\\boxed{unbalanced", None),
    ("work...\nFinal answer: 12.\n", "12"),
    ("**Final Answer:** x = 3", "x = 3"),
])
def test_lenient_fallbacks_and_strict_policy(response, lenient):
    assert extract_answer(response, "lenient") == lenient
    assert extract_answer(response, "strict") is None


def test_answer_block_wins_over_fallbacks():
    assert extract_answer("\\boxed{1} <answer>2</answer>") == "2"


def test_non_string_responses_have_no_answer():
    assert extract_answer(None) is None
    assert extract_answer(b"<answer>1</answer>") is None


@pytest.mark.parametrize("junk", ["<answer>" * 200_000, "<think>" * 200_000, "\\boxed{" * 200_000,
                                  "</think>" * 200_000, "Final answer:" * 100_000, "{" * 1_000_000])
def test_extraction_is_linear_on_hostile_input(junk):
    start = time.perf_counter()
    extract_answer(junk + "<answer>1</answer>")
    assert time.perf_counter() - start < 2.0  # quadratic scans would take minutes here


@given(st.text())
def test_extraction_never_raises(text):
    result = extract_answer(text)
    assert result is None or isinstance(result, str)


# -- numbers -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value", [
    ("42", 42), ("-7", -7), ("+5", 5), ("\u221212", -12), (" 13 ", 13), ("7,425,000", 7425000),
    ("1 000", 1000), ("1\u202f000\u202f000", 1000000), ("$12$", 12),
])
def test_parse_int_accepts(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["12.0", "1,00", "1,000 000", "3 or 4", "", "x", "1e3", "9" * 1000, "--1"])
def test_parse_int_rejects(text):
    assert parse_int(text) is None


@pytest.mark.parametrize("text, value", [
    ("3/4", Fraction(3, 4)), ("-3/4", Fraction(-3, 4)), ("6/8", Fraction(3, 4)), ("0.75", Fraction(3, 4)),
    ("\\frac{3}{4}", Fraction(3, 4)), ("-\\dfrac{1}{2}", Fraction(-1, 2)), ("\\tfrac{-1}{2}", Fraction(-1, 2)),
    (".5", Fraction(1, 2)), ("12", Fraction(12)),
])
def test_parse_rational_accepts(text, value):
    assert parse_rational(text) == value


@pytest.mark.parametrize("text", ["1/0", "0.333...", "1/2/3", "one half", "3/4x", "1" * 500 + "/3"])
def test_parse_rational_rejects(text):
    assert parse_rational(text) is None


@given(st.fractions(max_denominator=10**6))
def test_rational_format_round_trip(value):
    from bootcamps.answers import format_rational

    assert parse_rational(format_rational(value)) == value


# -- lists and grids -----------------------------------------------------------------------------


def test_split_items_forms():
    assert split_items("[1, 2, 3]") == ["1", "2", "3"]
    assert split_items("1; 2; 3") == ["1", "2", "3"]
    assert split_items("1 2 3") == ["1", "2", "3"]
    assert split_items("(a)") == ["a"]
    assert split_items("1,,2") is None
    assert parse_list("[1, -2, 3]", parse_int) == [1, -2, 3]
    assert parse_list("[1, x]", parse_int) is None


def test_parse_grid_forms():
    expected = [["1", "2"], ["3", "4"]]
    assert parse_grid("1 2\n3 4", 2, 2) == expected
    assert parse_grid("12\n34", 2, 2) == expected
    assert parse_grid("1,2\n\n3,4\n", 2, 2) == expected
    assert parse_grid("1 | 2\n--+--\n3 | 4", 2, 2) == expected
    assert parse_grid("1 2\n3 4\n5 6", 2, 2) is None
    assert parse_grid("1 2 3\n3 4", 2, 2) is None


# -- arithmetic --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, value, numbers", [
    ("1 + 2 * 3", 7, (1, 2, 3)),
    ("(1 + 2) * 3", 9, (1, 2, 3)),
    ("8 / 3 * 3", 8, (8, 3, 3)),
    ("10 - 4 - 3", 3, (10, 4, 3)),
    ("2 - -3", 5, (2, 3)),
    ("-(2 + 3)", -5, (2, 3)),
    ("[(25 \u00d7 4) + 3] \u00f7 1", 103, (25, 4, 3, 1)),
    ("6 \\div 4 \\cdot 2", 3, (6, 4, 2)),
])
def test_arithmetic_values_are_exact(text, value, numbers):
    result = parse_arithmetic(text)
    assert result.value == value and result.numbers == numbers


@pytest.mark.parametrize("text, reason", [
    ("1/0", "division by zero"), ("1 +", "ends with an operator"), ("(1 + 2", "unbalanced"),
    ("1 + 2)", "unbalanced"), ("2 3", "without an operator"), ("2(3)", "bracket follows a number"),
    ("2 ** 3", "missing its left operand"), ("x + 1", "unexpected character 'x'"), ("", "empty"),
    ("__import__('os')", "unexpected character"), ("(" * 100 + "1" + ")" * 100, "nested too deeply"),
    ("1" * 40, "too long"), ("1+" * 300 + "1", "more than"), ("1" * 3000, "longer than"),
])
def test_arithmetic_rejections_say_why(text, reason):
    result = parse_arithmetic(text)
    assert isinstance(result, str) and reason in result


@given(st.text(max_size=200))
def test_arithmetic_never_raises(text):
    result = parse_arithmetic(text)
    assert isinstance(result, str) or result.value is not None


# -- several candidates ----------------------------------------------------------------------


@pytest.mark.parametrize("response, answer, problem", [
    ("<answer>3</answer>", "3", ""),
    ("<answer>3</answer> so again <answer> 3 </answer>", "3", ""),
    ("<answer>3</answer> or maybe <answer>4</answer>", None, "several different"),
    ("\\boxed{3} or \\boxed{4}", None, "several different"),
    ("\\boxed{4} <answer>3</answer>", "3", ""),
    ("<answer>1</answer>" * 21, None, "no answer"),
    ("\\boxed{1}" * 21, None, "no answer"),
    ("nothing", None, "no answer"),
])
def test_choose_answer_refuses_hedges(response, answer, problem):
    from bootcamps.answers.extract import choose_answer

    chosen, why = choose_answer(response)
    assert chosen == answer and problem in why


def test_task_score_calls_a_hedge_unparsable():
    import bootcamps

    task = bootcamps.get_task("basic_arithmetic")
    instance = task.generate(1)
    hedge = f"<answer>{instance.reference}</answer> or <answer>{instance.reference}1</answer>"
    verdict = task.score(instance, hedge)
    assert verdict.status is bootcamps.Status.UNPARSABLE and "several" in verdict.reason
    assert bootcamps.rewards.score(instance, hedge) == 0.0
    assert bootcamps.rewards.score_batch([instance], [hedge], workers=1) == [0.0]


@pytest.mark.parametrize("junk", ["<answer>1</answer>" * 100_000, "\\boxed{" * 20 + "}" * 20 + "\\boxed{1}" * 100_000,
                                  "<answer>" * 100_000 + "</answer>" * 100_000])
def test_candidate_scan_is_linear(junk):
    from bootcamps.answers.extract import choose_answer

    start = time.perf_counter()
    choose_answer(junk)
    assert time.perf_counter() - start < 2.0
