"""Focused tests for the polynomial_roots family."""

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

import bootcamps
from bootcamps.generators.polynomial_roots import multiply, render_polynomial
from bootcamps.types import Status

TASK = bootcamps.get_task("polynomial_roots")
X = sympy.Symbol("x")

# (x - 1)^2 (x + 2) (x^2 - 2x - 1) (x^2 + 4): roots 1 (double), -2, 1 +- sqrt(2), +-2i
FACTORS = [[1, -1], [1, -1], [1, 2], [1, -2, -1], [1, 0, 4]]


def hand_data():
    coefficients = [1]
    for factor in FACTORS:
        coefficients = multiply(coefficients, factor)
    return {"polynomial": render_polynomial(coefficients), "coefficients": coefficients, "distinct_roots": 6,
            "roots": []}


@pytest.mark.parametrize("level", [1, 3, 5, 7, 10])
def test_reference_is_the_sympy_root_set(level):
    for seed in range(5):
        instance = TASK.generate(seed, level)
        poly = sympy.Poly(instance.data["coefficients"], X)
        expected = sympy.roots(poly, multiple=False)
        assert sum(expected.values()) == poly.degree()  # every root found in radicals
        assert len(expected) == instance.data["distinct_roots"]
        given = [sympy.nsimplify(sympy.sympify(text.replace("i", "I"))) for text in instance.reference.split(", ")]
        for value in given:
            assert sympy.simplify(poly.as_expr().subs(X, value)) == 0
        assert len({sympy.nsimplify(v) for v in given}) == len(expected)
        assert TASK.verify(instance.data, instance.reference).correct


def test_hand_written_instance():
    data = hand_data()
    assert data["polynomial"] == "x^7 - 2x^6 - 17x^3 + 30x^2 - 4x - 8"
    right = ["1, -2, 1 + sqrt(2), 1 - sqrt(2), 2i, -2i", r"x = 1 \pm \sqrt{2}, x = \pm 2i, x = 1, x = -2",
             r"\{-2i, 2i, -2, 1, \frac{2 + \sqrt{8}}{2}, 1 - \sqrt{2}\}", "1, 1, -2, 1+sqrt2, 1-sqrt2, 2i, -2i",
             "1, -2, -1/(1 - sqrt(2)), 1 - sqrt(2), 2i, -2i",  # 1 + sqrt(2), not rationalised
             "i*sqrt(4), -2*i, -2, 1, 1 + 2^(1/2), 1 - sqrt(2)"]
    for answer in right:
        assert TASK.verify(data, answer).correct, answer
    wrong = {
        "1, -2, 1 + sqrt(2), 1 - sqrt(2), 2i": Status.WRONG,  # a root missing
        "1, -2, 1 + sqrt(2), 1 + sqrt(2), 2i, -2i": Status.WRONG,  # conjugate sign slip
        "1, 1, 1, -2, 1 + sqrt(2), 1 - sqrt(2), 2i, -2i": Status.WRONG,  # more than the multiplicity
        "1, -2, 2.414, -0.414, 2i, -2i": Status.WRONG,  # decimals are not roots
        "1, -2, 1 + sqrt(2), 1 - sqrt(2), 2i, -2i, 3": Status.WRONG,  # an extra value
        "1, -2, 1 + sqrt(2), 1 - sqrt(2), 2, -2": Status.WRONG,  # i dropped
        "1, -2, 1 + sqrt(2), 1 - sqrt(2), 2i, -2i, x": Status.UNPARSABLE,
        "1, -2, 1 + \\sqrt[3]{2}, 2i, -2i": Status.UNPARSABLE,
        data["polynomial"] + " = 0": Status.UNPARSABLE,
    }
    for answer, status in wrong.items():
        verdict = TASK.verify(data, answer)
        assert not verdict.correct and verdict.status is status, (answer, verdict)


def test_levels_change_the_instances():
    low = [TASK.generate(seed, 1) for seed in range(10)]
    high = [TASK.generate(seed, 10) for seed in range(10)]
    assert all(len(i.data["coefficients"]) == 3 for i in low)
    assert all(len(i.data["coefficients"]) == 9 for i in high)
    assert all(r["coefficient"] == "0" and "/" not in r["real"] for i in low for r in i.data["roots"])
    assert any(r["radicand"] < 0 for i in high for r in i.data["roots"])
    assert any(r["radicand"] > 1 for i in high for r in i.data["roots"])
    assert any("/" in r["real"] for i in high for r in i.data["roots"])
    assert any(r["multiplicity"] == 2 for seed in range(30) for r in TASK.generate(seed, 10).data["roots"])


R, SQRT, IMAGINARY = sympy.Rational, sympy.sqrt, sympy.I
# (text, its exact value): the text in the verifier's notations, the value built by sympy beside it
_LEAVES = st.one_of(
    st.integers(0, 40).map(lambda n: (str(n), sympy.Integer(n))),
    st.tuples(st.integers(-40, 40), st.integers(1, 12)).map(lambda p: (f"{p[0]}/{p[1]}", R(p[0], p[1]))),
    st.integers(0, 200).map(lambda n: (f"sqrt({n})", SQRT(n))),
    st.integers(1, 50).map(lambda n: (f"sqrt(-{n})", IMAGINARY * SQRT(n))),
    st.just(("i", IMAGINARY)),
    st.integers(1, 9).map(lambda n: (f"\\frac{{{n}\\sqrt{{{n + 1}}}i}}{{{n + 2}}}", n * SQRT(n + 1) * IMAGINARY / (n + 2))),
)
_ITEMS = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.tuples(inner, inner).map(lambda p: (f"({p[0][0]})*({p[1][0]})", p[0][1] * p[1][1])),
    st.tuples(_LEAVES, _LEAVES).map(lambda p: (f"{p[0][0]}*{p[1][0]}", p[0][1] * p[1][1])),
    st.tuples(inner, inner).map(lambda p: (f"{p[0][0]} + {p[1][0]}", p[0][1] + p[1][1])),
    st.tuples(inner, inner).map(lambda p: (f"({p[0][0]}) - ({p[1][0]})", p[0][1] - p[1][1])),
    inner.map(lambda p: (f"-({p[0]})", -p[1])),
    st.tuples(inner, st.integers(1, 9)).map(lambda p: (f"({p[0][0]})/{p[1]}", p[0][1] / p[1])),
), max_leaves=6)


@given(_ITEMS)
def test_exact_values_agree_with_sympy(item):
    # the one-term readings and the general arithmetic of the verifier alike
    from bootcamps.answers import parse_math
    from bootcamps.verifiers.polynomial_roots import value_of

    text, expected = item
    value = value_of(parse_math(text))
    ours = sum((R(c.numerator, c.denominator) * IMAGINARY ** s * SQRT(m) for (s, m), c in value.items()), sympy.Integer(0))
    assert abs(complex(sympy.N(ours - expected, 40))) < 1e-25, (text, value)


_NUMBERS = st.sampled_from(["0", "1", "2", "7", "12", "007", "100", "999999"]) | st.integers(0, 10**6).map(str)
_GAPS = st.sampled_from(["", " ", "  "])
_PLAIN_TERMS = st.one_of(
    st.tuples(_NUMBERS, st.none() | st.tuples(_GAPS, _NUMBERS), st.none() | st.tuples(st.sampled_from(["*", "", " "]), _NUMBERS),
              st.none() | st.sampled_from(["*i", "i", " i", " * i"])).map(
        lambda t: t[0] + (f"{t[1][0]}/{t[1][0]}{t[1][1]}" if t[1] else "") + (f"{t[2][0]}sqrt({t[2][1]})" if t[2] else "")
        + (t[3] or "")),
    st.tuples(_NUMBERS, st.sampled_from(["", "*i", "i"])).map(lambda t: f"sqrt({t[0]}){t[1]}"),
    st.just("i"),
)
_PLAIN_ITEMS = st.tuples(st.sampled_from(["", "-", "x = ", "x_2 = -", "e = ", "y=", "ab = "]), _PLAIN_TERMS,
                         st.none() | st.tuples(st.sampled_from([" + ", " - ", "+", "-"]), _PLAIN_TERMS)).map(
    lambda t: t[0] + t[1] + ("".join(t[2]) if t[2] else ""))
_PLAIN_ANSWERS = st.tuples(st.lists(_PLAIN_ITEMS, min_size=1, max_size=5),
                           st.sampled_from([", ", "; ", " or ", " and ", ",", " ,  "]),
                           st.sampled_from([("", ""), ("{", "}"), ("\\{", "\\}"), (" ", "\n")])).map(
    lambda t: t[2][0] + t[1].join(t[0]) + t[2][1])


@given(_PLAIN_ANSWERS)
def test_plain_answers_read_directly_give_the_parsers_values(text):
    from bootcamps.verifiers import polynomial_roots as verifier

    plain = verifier._plain_keys(text)
    node = verifier.parse_math(text)
    if plain is None:
        return  # left to the parser
    values = [verifier.value_of(item) for item in verifier._items(node, False)]
    assert plain == [verifier._key(value) for value in values], text


def test_the_prompts_format_is_read_directly():
    from bootcamps.verifiers import polynomial_roots as verifier

    for text in ["2, -1/3, 1 + sqrt(2), 1 - sqrt(2), -1 + 2i", "x = 5/4 - 1/4*sqrt(95)*i or x = 3/5",
                 "{-7, sqrt(4)i}"]:
        assert verifier._plain_keys(text) is not None, text
    for text in ["1,000", "2 1/4", "0.5", "\\frac{1}{2}", "1/0", "sqrt(-4)", "i = 2", "1/4sqrt(2)/2"]:
        assert verifier._plain_keys(text) is None, text
