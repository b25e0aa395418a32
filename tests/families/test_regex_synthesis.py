"""Focused tests for regex_synthesis-v1 and its engine bootcamps.regex (checked against Python's re)."""

import random
import re
import time

import pytest

import bootcamps
from bootcamps.errors import InvalidParameterError
from bootcamps.regex import MAX_STATES, Regex, RegexError
from bootcamps.types import Status

TASK = bootcamps.get_task("regex_synthesis")
CHARS = "abc01.- \n_"


def random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random pattern in the supported subset, written independently of the family's grammar."""
    parts = []
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.35:
            atom = rng.choice("abc01")
        elif roll < 0.45:
            atom = rng.choice([".", "\\.", "\\-", "\\d", "\\w", "\\D", "\\W"])
        elif roll < 0.65:
            body = rng.choice(["ab", "a-c", "0-1", "^a", "^b0", "\\d", "a\\-", "-a", "a-", "]a", "^\\d", "\\wb"])
            atom = f"[{body}]"
        elif depth < 3:
            inner = "|".join(random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            atom = rng.choice(["(", "(?:"]) + inner + ")"
        else:
            atom = "a"
        if rng.random() < 0.45:
            atom += rng.choice(["*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "{,2}", "{,}", "*?", "+?", "??", "{1,2}?"])
        parts.append(atom)
    return "".join(parts)


def random_subject(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 8)))


def test_engine_agrees_with_python_re_on_random_patterns():
    rng = random.Random(2026)
    for _ in range(1500):
        pattern = random_pattern(rng)
        if rng.random() < 0.2:
            pattern = f"^{pattern}$"
        try:
            ours = Regex(pattern)
        except RegexError:
            continue  # too large once expanded; checked separately below
        theirs = re.compile(pattern)
        subjects = [random_subject(rng) for _ in range(25)]
        for subject in subjects:
            assert ours.fullmatch(subject) == bool(theirs.fullmatch(subject)), (pattern, subject)


def test_engine_agrees_with_python_re_on_family_targets():
    rng = random.Random(7)
    for level in (3, 6, 10):
        for seed in range(10):
            instance = TASK.generate(seed, level)
            ours, theirs = Regex(instance.reference), re.compile(instance.reference)
            subjects = instance.data["positives"] + instance.data["negatives"]
            subjects += ["".join(rng.choice(instance.data["alphabet"]) for _ in range(rng.randint(0, 10)))
                         for _ in range(40)]
            for subject in subjects:
                assert ours.fullmatch(subject) == bool(theirs.fullmatch(subject)), (instance.reference, subject)


@pytest.mark.parametrize("pattern", ["a{", "\\b", "\\1", "(?=a)", "(?i)a", "(?P<x>a)", "a^b", "a$b", "a**",
                                     "*a", "(a", "a)", "[a", "[b-a]", "a*+", "\\", "{2}", "a{31}", "[a-\\d]"])
def test_engine_refuses_unsupported_or_malformed_syntax(pattern):
    with pytest.raises(RegexError):
        Regex(pattern)


def test_engine_size_limit_and_linear_time():
    with pytest.raises(RegexError, match="too large"):
        Regex("((a{30}){30})")
    for pattern in ["(a*)*b", "(a|aa)*c", "((a+)+)+b", "(a?){25}a{25}", "(.*)*(.*)*x"]:
        try:
            compiled = Regex(pattern)
        except RegexError:
            continue
        assert compiled.size <= MAX_STATES
        start = time.perf_counter()
        assert not compiled.fullmatch("a" * 5000)
        assert time.perf_counter() - start < 1.0, pattern  # backtracking re would take ages on these


def test_reference_separates_and_length_rules_hold():
    for level in range(1, 11):
        for seed in range(8):
            data, reference = (instance := TASK.generate(seed, level)).data, instance.reference
            theirs = re.compile(reference)
            assert all(theirs.fullmatch(text) for text in data["positives"])
            assert not any(theirs.fullmatch(text) for text in data["negatives"])
            assert len(reference) <= data["max_length"] < len("|".join(data["positives"]))
            assert len(set(data["positives"])) == len(data["positives"]) == TASK.params(level)["examples"]
            for cheap in (".*", ".+", f"[{data['alphabet']}]*", "", "|".join(data["positives"])):
                assert not TASK.verify(data, cheap).correct, cheap


# positives: one or more a then b; negatives close to them
HAND = {"alphabet": "ab", "positives": ["ab", "aab", "aaab", "aaaab"], "negatives": ["b", "aba", "abb", "ba", "aa"],
        "max_length": 7}


def test_several_different_regexes_are_accepted():
    for answer in ["a+b", "aa*b", "a*ab", "(a)+b", "^a+b$", "a{1,}b", "[a]+b", "`a+b`", "(?:a+)b", "a{1,4}b"]:
        assert TASK.verify(HAND, answer).correct, answer


def test_hand_written_rejections_name_the_problem():
    cases = {
        "a*b": (Status.WRONG, "matches 'b'"),
        "a+b+": (Status.WRONG, "matches 'abb'"),
        "a{1,3}b": (Status.WRONG, "does not match 'aaaab'"),
        "ab|aab|aaab|aaaab": (Status.WRONG, "at most 7"),
        "a+\\bb": (Status.UNPARSABLE, "\\b is not supported"),
        "(a+b": (Status.UNPARSABLE, "missing ')'"),
        "(?=a)b": (Status.UNPARSABLE, "(?...)"),
        "a+b\na+b": (Status.UNPARSABLE, "one line"),
        "a+b or a*b": (Status.WRONG, "at most 7"),
        ".*": (Status.WRONG, "matches 'b'"),
        "(" * 1_000_000: (Status.WRONG, "far longer"),
    }
    for answer, (status, reason) in cases.items():
        verdict = TASK.verify(HAND, answer)
        assert verdict.status is status and reason in verdict.reason, (answer[:20], verdict)


def test_level_table_grows():
    rows = [TASK.params(level) for level in range(1, 11)]
    for knob in ("alphabet_size", "terms", "depth", "examples"):
        values = [row[knob] for row in rows]
        assert values == sorted(values) and values[0] < values[-1], knob
    lengths = [sum(len(TASK.generate(seed, level).reference) for seed in range(10)) for level in (1, 10)]
    assert lengths[1] > 3 * lengths[0]


def test_knob_bounds():
    for overrides in ({"alphabet_size": 1}, {"alphabet_size": 6}, {"terms": 0}, {"depth": 4}, {"examples": 2}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 5, **overrides)
