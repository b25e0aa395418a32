"""Conformance checks for task families, reusable by third parties.

Every check takes a Task (``bootcamps.get_task(...)`` or one built from your own spec and
modules) and raises ``ConformanceFailure`` (an AssertionError) with a message saying what was
expected and what was found. ``check_task`` runs them all; ``TaskConformance`` is a pytest mixin:

    from bootcamps.testing import TaskConformance

    class TestMyFamily(TaskConformance):
        task = my_task            # or: task_id = "sudoku-v1"

The mixin draws seeds and levels with Hypothesis (install ``bootcamps[test]``).
"""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Iterable
from typing import Any

from bootcamps.answers.extract import Extraction
from bootcamps.registry import LEVELS, Task, get_task
from bootcamps.types import Instance, Status, Verdict

VERIFY_BUDGET_SECONDS = 0.1
MEGABYTE = 1 << 20

TRIVIAL_ANSWERS = (
    "", " ", "\n", "0", "1", "-1", "yes", "no", "Yes", "true", "false", "True", "None", "null",
    "unknown", "I don't know", "no solution", "impossible", "[]", "{}", "()", "...", "?", "N/A",
    "<answer></answer>", "\\boxed{}", "answer",
)


def junk_answers() -> list[str]:
    """Adversarial model text: huge, malformed, nested, hostile or exotic strings."""
    return [
        "a" * MEGABYTE,
        "9" * MEGABYTE,
        "1 " * (MEGABYTE // 2),
        "(" * MEGABYTE,
        "[" * 100_000 + "]" * 100_000,
        "<answer>" * 100_000,
        "</answer>" * 100_000,
        "<think>" * 50_000 + "1",
        "\\boxed{" * 100_000,
        "1,2;3|4" * 50_000,
        "\n" * MEGABYTE,
        "A: 1\n" * 100_000,
        "x = 1, " * 100_000,
        "-> A " * 100_000,
        "\x00\x01\x02\ud800\udfff\ufffe\U0010ffff",
        "ẞ İ ǅ ﬁ ℌ ① ⅷ ٣ ৫ ๗ १२३ ⁴ ₅ ½",
        "🙂" * 10_000,
        "__import__('os').system('touch /tmp/bootcamps-pwned')",
        "exec('import os')", "eval('1+1')", "lambda: 0", "().__class__.__bases__[0].__subclasses__()",
        "9**9**9**9", "10^10^10^10", "99999!", "1e999999", "-1e-999999", "NaN", "nan", "inf", "-inf",
        "1/0", "0/0", "\\frac{1}{0}", "2**-1", "1" * 5000 + "/" + "7" * 5000,
        "{" * 1000 + "}" * 1000, "'" * 1000, '"' * 1001, "\\" * 1001,
        "A or B", "1 2 3 4 5 6 7 8 9", "a b c d e f g h", "x = 1", "= 5",
        # long runs of spaces under the usual length caps: a pattern that starts with \s* and is
        # searched at every position is quadratic there
        " " * 1990 + "1", "1" + " " * 1990 + "2", " " * 3990 + "x", "\t" * 9990 + "=",
        # huge powers of numbers near 1 in size: each once took high-precision arithmetic ~25 ms
        "x^31e400 + x^32e400 + x^33e400 + x^34e400 + x^35e400 + x^36e400",
    ]


# pieces a mutant may gain: operators, brackets, numbers and forms that stress exact arithmetic
_MUTANT_PIECES = (
    "*sqrt(2)", "*i", "^2", "/0", "+0", "*0", "\\pm 1", "1e-400", "1e400", "0.5", "sqrt(-4)", "(", ")", "x", "=",
    "^(1/2)", "^-1", " or ", ", ", "\\sqrt{3}", "\\frac{1}{0}", "i*i", "2^64", "99999999999999999999", "-", "--",
    "(1/2)", "\\frac{1}{3}", "[", "]", "{", "}", "\n", ";", ":", "->", " ", "0", "-1", "1/0", "nan", "inf",
    "\\infty", "\\cup", "|", "&", "\\\\", "C", "c", "e", "A", "Z", "10^10^10", "9!",
)


def mutants(answers: Iterable[str], seed: int = 0, per_answer: int = 2) -> list[str]:
    """Small random edits of the given answers: digits changed, signs flipped, pieces inserted,
    spans deleted, characters swapped. Near-valid text reaches a verifier's deeper paths, where
    junk stops at the parser."""
    rng = random.Random(seed)
    return [_mutant(answer, rng) for answer in answers for _ in range(per_answer)]


def _mutant(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        digits = [index for index, char in enumerate(text) if char.isdigit()]
        if choice < 0.25 and digits:
            index = rng.choice(digits)
            text = text[:index] + str(rng.randint(0, 9)) + text[index + 1:]
        elif choice < 0.35:
            text = text.replace("+", "-", 1) if rng.random() < 0.5 else text.replace("-", "+", 1)
        elif choice < 0.7:
            index = rng.randint(0, len(text))
            text = text[:index] + rng.choice(_MUTANT_PIECES) + text[index:]
        elif choice < 0.85 and len(text) > 2:
            index = rng.randint(0, len(text) - 2)
            text = text[:index] + text[index + rng.randint(1, 3):]
        elif len(text) > 2:
            first, second = sorted(rng.sample(range(len(text)), 2))
            text = text[:first] + text[second] + text[first + 1:second] + text[first] + text[second + 1:]
    return text


class ConformanceFailure(AssertionError):
    """A family breaks the contract; the message says what was expected and what was found."""


def _fail(task: Task, message: str) -> None:
    raise ConformanceFailure(f"{task.id}: {message}")


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _timed_verify(task: Task, data: dict[str, Any], answer: str) -> tuple[Verdict, float]:
    """Verify straight through the family module, so a raising verifier is caught here."""
    start = time.perf_counter()
    try:
        verdict = task.verifier.verify(data, answer)
    except Exception as error:  # the contract says this never happens
        raise ConformanceFailure(
            f"{task.id}: expected verify() to return a Verdict on {_short(answer)}, found it raised {error!r}"
        ) from error
    elapsed = time.perf_counter() - start
    if not isinstance(verdict, Verdict):
        _fail(task, f"expected verify() to return a Verdict, found {type(verdict).__name__}")
    return verdict, elapsed


def check_determinism(task: Task, seed: int, level: int) -> Instance:
    """The same (seed, level) gives byte-identical instances; returns the instance."""
    first, second = task.generate(seed, level), task.generate(seed, level)
    if first.to_json() != second.to_json():
        _fail(task, f"expected seed {seed} level {level} to give identical instances, found two different ones")
    return first


def check_round_trip(task: Task, instance: Instance) -> None:
    """Instance JSON round-trips exactly."""
    text = instance.to_json()
    again = Instance.from_json(text)
    if again != instance or again.to_json() != text:
        _fail(task, f"expected an exact JSON round trip for seed {instance.seed}, found a difference")


def check_variety(task: Task, level: int, seeds: Iterable[int] = range(32), minimum: float = 0.5) -> None:
    """Different seeds give different instances, and no seed repeats its neighbour."""
    seeds = list(seeds)
    instances = [task.generate(seed, level) for seed in seeds]
    distinct = len({instance.id for instance in instances})
    if distinct < minimum * len(seeds):
        _fail(task, f"expected at least {minimum:.0%} distinct instances over {len(seeds)} seeds at level "
                    f"{level}, found {distinct}")
    shifted = sum(a.id == b.id for a, b in zip(instances, instances[1:], strict=False))
    if shifted > len(seeds) // 8:
        _fail(task, f"expected neighbouring seeds to differ at level {level}, found {shifted} repeats")


def check_reference(task: Task, instance: Instance) -> None:
    """The reference verifies, alone and inside a whole response."""
    verdict, _ = _timed_verify(task, instance.data, instance.reference)
    if not verdict.correct or verdict.score != 1.0:
        _fail(task, f"expected the reference to verify (seed {instance.seed}, level {instance.level}), "
                    f"found {verdict}")
    response = f"<think>Let me work it out.</think>\nSo:\n<answer>\n{instance.reference}\n</answer>"
    for policy in Extraction:
        scored = task.score(instance, response, policy)
        if not scored.correct:
            _fail(task, f"expected a response with the reference in answer tags to score 1, found {scored}")


def check_equivalents(task: Task, instance: Instance) -> None:
    """Every rendering the family declares equivalent is accepted."""
    for answer in task.equivalents(instance):
        verdict, _ = _timed_verify(task, instance.data, answer)
        if not verdict.correct:
            _fail(task, f"expected equivalent answer {_short(answer)} to be accepted, found {verdict}")


def _check_rejected(task: Task, instance: Instance, answer: str, kind: str) -> None:
    if answer.strip() == instance.reference.strip():
        return
    verdict, _ = _timed_verify(task, instance.data, answer)
    if verdict.correct or verdict.score >= 1.0:
        _fail(task, f"expected {kind} {_short(answer)} to be rejected (seed {instance.seed}, level "
                    f"{instance.level}), found {verdict}")


def check_near_misses(task: Task, instance: Instance) -> None:
    """Every near miss the family declares is rejected."""
    for answer in task.near_misses(instance):
        _check_rejected(task, instance, answer, "near miss")


def check_trivial_answers(task: Task, instance: Instance) -> None:
    """Zero-effort answers score 0: stock replies and the prompt echoed.

    The clues copied back are family-specific: each family lists them among its near misses.
    """
    for answer in (*TRIVIAL_ANSWERS, instance.prompt):
        if answer.strip() == instance.reference.strip():
            continue
        verdict, _ = _timed_verify(task, instance.data, answer)
        if verdict.score != 0.0:
            _fail(task, f"expected trivial answer {_short(answer)} to score 0, found {verdict}")
    for response in ("", "I cannot solve this.", instance.prompt):
        if task.score(instance, response).score != 0.0:
            _fail(task, f"expected response {_short(response)} to score 0")


def check_totality(task: Task, instance: Instance, answers: Iterable[str] | None = None) -> None:
    """Any string gets a Verdict, within the time budget, and junk is never correct.

    A timing over budget is measured again once, so a single scheduler hiccup does not fail it.
    """
    for answer in junk_answers() if answers is None else answers:
        verdict = _verdict_within_budget(task, instance, answer)
        if verdict.correct and answer.strip() != instance.reference.strip():
            _fail(task, f"expected junk {_short(answer)} to be rejected, found {verdict}")


def _verdict_within_budget(task: Task, instance: Instance, answer: str) -> Verdict:
    """The verdict on ``answer``, failing the check if it took over budget (measured again once, so
    a single scheduler hiccup does not fail it) or is an internal error."""
    verdict, elapsed = _timed_verify(task, instance.data, answer)
    if elapsed > VERIFY_BUDGET_SECONDS:
        _, elapsed = _timed_verify(task, instance.data, answer)
    if elapsed > VERIFY_BUDGET_SECONDS:
        _fail(task, f"expected verify() within {VERIFY_BUDGET_SECONDS * 1000:.0f} ms on {_short(answer)} "
                    f"({len(answer)} chars), found {elapsed * 1000:.0f} ms")
    if verdict.status is Status.ERROR:
        _fail(task, f"expected a verdict on {_short(answer)}, found an internal error: {verdict.reason}")
    return verdict


def check_mutants(task: Task, instance: Instance, seed: int = 0) -> None:
    """Edited right and nearly right answers get a Verdict within the time budget, never an error.

    A mutant may still be right (an edit that keeps the meaning), so only totality is checked.
    """
    answers = [instance.reference, *task.equivalents(instance), *task.near_misses(instance)]
    for answer in mutants(answers, seed):
        _verdict_within_budget(task, instance, answer)


def check_no_mutation(task: Task, instance: Instance) -> None:
    """Verifying never changes the instance data."""
    before = copy.deepcopy(instance.data)
    answers = [instance.reference, *task.near_misses(instance), *task.equivalents(instance), "", "junk"]
    for answer in answers:
        _timed_verify(task, instance.data, answer)
        if instance.data != before:
            _fail(task, f"expected verify() to leave data unchanged, found it changed on {_short(answer)}")


def check_instance(task: Task, seed: int, level: int) -> None:
    """Every per-instance check for one (seed, level)."""
    instance = check_determinism(task, seed, level)
    check_round_trip(task, instance)
    check_reference(task, instance)
    check_equivalents(task, instance)
    check_near_misses(task, instance)
    check_trivial_answers(task, instance)
    check_mutants(task, instance, seed)
    check_no_mutation(task, instance)


def check_task(task: Task | str, seeds: Iterable[int] = (0, 1, 2), levels: Iterable[int] = LEVELS,
               totality: bool = True) -> None:
    """Run every conformance check on a task over the given seeds and levels."""
    task = get_task(task) if isinstance(task, str) else task
    levels = list(levels)
    for level in levels:
        check_variety(task, level)
        for seed in seeds:
            check_instance(task, seed, level)
    if totality:
        check_totality(task, task.generate(0, levels[-1]))


class TaskConformance:
    """A pytest mixin: subclass it and set ``task`` (a Task) or ``task_id``."""

    task: Task | None = None
    task_id: str | None = None

    def _task(self) -> Task:
        return self.task if self.task is not None else get_task(self.task_id or "")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        seeds, levels = st.integers(0, 2**64 - 1), st.sampled_from(list(LEVELS))
        relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

        @relaxed
        @given(seed=seeds, level=levels)
        def test_instance(self: TaskConformance, seed: int, level: int) -> None:
            check_instance(self._task(), seed, level)

        @relaxed
        @given(level=levels)
        def test_variety(self: TaskConformance, level: int) -> None:
            check_variety(self._task(), level)

        def test_totality(self: TaskConformance) -> None:
            task = self._task()
            check_totality(task, task.generate(0, 10))

        cls.test_instance = test_instance
        cls.test_variety = test_variety
        cls.test_totality = test_totality
