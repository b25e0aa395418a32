"""Focused tests for wordle: the word lists, Wordle marks with repeated letters, hard mode, scripted play."""

import copy
import random
import re
from collections import Counter
from importlib import resources

import pytest

import bootcamps
from bootcamps.data import word_list, word_set
from bootcamps.types import Status

TASK = bootcamps.get_task("wordle")
RULES = TASK.verifier


def marks(guess: str, secret: str) -> str:
    """An independent scorer: greens, then yellows limited by the secret's unmatched letter counts."""
    left = Counter(s for g, s in zip(guess, secret, strict=True) if g != s)
    out = []
    for g, s in zip(guess, secret, strict=True):
        if g == s:
            out.append("G")
        elif left[g] > 0:
            left[g] -= 1
            out.append("Y")
        else:
            out.append(".")
    return "".join(out)


def _data(secret="crane", hard=False, target=4, max_turns=6, pool="words5_common"):
    return {"secret": secret, "pool": pool, "word_list": "words5", "hard_mode": hard,
            "max_turns": max_turns, "target_turns": target}


def consistent_player(data, opener="stare"):
    """Reads the marks from each observation and guesses the first consistent word of the pool."""
    candidates = list(word_list(data["pool"]))
    state, guess = RULES.initial_state(data), opener
    while True:
        feedback = RULES.step(data, state, guess)
        state = feedback.state
        if feedback.done:
            return feedback
        shown = re.search(r"-> ([GY.](?: [GY.]){4})", feedback.observation).group(1).replace(" ", "")
        candidates = [word for word in candidates if marks(guess, word) == shown]
        guess = candidates[0]


def test_word_lists_are_clean_sorted_and_nested():
    for name in ("words5", "words5_answers", "words5_common"):
        text = resources.files("bootcamps.data").joinpath(f"{name}.txt").read_text("utf-8")
        assert text.startswith("# ") and "bootcamps project" in text  # the provenance header
        words = word_list(name)
        assert list(words) == sorted(set(words))
        assert all(re.fullmatch(r"[a-z]{5}", word) for word in words)
    assert set(word_list("words5_common")) < set(word_list("words5_answers")) < word_set("words5")
    assert len(word_list("words5_common")) >= 600 and len(word_set("words5")) >= 1500


def test_marks_hand_cases_with_repeated_letters():
    cases = {("otter", "robot"): "YY..Y", ("geese", "those"): "...GG", ("eerie", "crane"): "..Y.G",
             ("speed", "abide"): "..Y.Y", ("llama", "hello"): "YY...", ("crane", "crane"): "GGGGG",
             ("sassy", "essay"): "YYG.G", ("mummy", "human"): ".GG..", ("array", "radar"): "YYYG."}
    for (guess, secret), expected in cases.items():
        assert RULES.pattern(guess, secret) == expected == marks(guess, secret), (guess, secret)


def test_marks_match_brute_force_on_random_pairs():
    words = word_list("words5")
    rng = random.Random(2)
    for _ in range(5000):
        guess, secret = rng.choice(words), rng.choice(words)
        assert RULES.pattern(guess, secret) == marks(guess, secret)


@pytest.mark.parametrize("level", [1, 5, 7, 10])
def test_scripted_player_solves_through_step(level):
    for seed in range(25):
        instance = TASK.generate(seed, level)
        feedback = consistent_player(instance.data)
        assert feedback.verdict.score > 0, feedback.observation  # solved within the limit
        assert feedback.state["history"][-1] == [instance.data["secret"], "GGGGG"]


def test_reference_solver_and_target():
    from bootcamps.generators.wordle import OPENER

    for level in range(1, 11):
        params = TASK.params(level)
        for seed in range(10):
            instance = TASK.generate(seed, level)
            data, guesses = instance.data, instance.reference.split()
            assert guesses[0] == OPENER and guesses[-1] == data["secret"]
            assert data["target_turns"] == min(params["max_turns"], max(params["par"], len(guesses)))
            assert data["secret"] in word_set("words5_common" if params["common_only"] else "words5_answers")
            assert data["secret"] != "false"  # a lazy one-line answer never wins


def test_hand_written_game_and_verdicts():
    data = _data()  # secret crane, target 4, limit 6
    assert TASK.verify(data, "slate\ncrane").correct
    assert TASK.verify(data, "SLATE\nCrane").correct
    assert TASK.verify(data, "adieu\nslate\nstory\ncrane").correct
    slow = TASK.verify(data, "slate\nstory\nhouse\nlemon\ncrane")
    assert slow.status is Status.PARTIAL and slow.score == pytest.approx(4 / 5)
    assert TASK.verify(data, "slate\nstory\nhouse\nlemon\nwater\nmouse").status is Status.WRONG
    assert TASK.verify(data, "slate\nstory\nhouse\nlemon\nwater\nmouse\ncrane").status is Status.WRONG
    assert TASK.verify(data, "slate").status is Status.WRONG
    feedback = RULES.step(data, RULES.initial_state(data), "react")
    assert "REACT -> Y Y G Y ." in feedback.observation and "crane" not in feedback.observation.lower()


def test_unknown_words_are_illegal_and_count_as_turns():
    data = _data()
    state = RULES.initial_state(data)
    for move in ["abcde", "cranes", "cran", "c r a n e", "", "12345", "crane or slate", "crâne", "x" * 10_000]:
        feedback = RULES.step(data, state, move)
        assert not feedback.legal and not feedback.done
        assert feedback.state == {**state, "turns": state["turns"] + 1}
        assert "Illegal guess" in feedback.observation
    assert "not in the game's word list" in RULES.step(data, state, "qwert").observation
    assert TASK.verify(data, "abcde\ncrane").correct  # 2 turns used, within the target of 4
    assert TASK.verify(data, "abcde\nabcde\nabcde\nabcde\ncrane").status is Status.PARTIAL


def test_hard_mode_requires_the_revealed_hints():
    data = _data(secret="crane", hard=True)
    first = RULES.step(data, RULES.initial_state(data), "trace")
    assert first.legal and "TRACE -> . G G Y G" in first.observation
    for move, reason in [("house", "2nd letter must be R"), ("brave", "must contain C"), ("ocean", "2nd letter")]:
        feedback = RULES.step(data, first.state, move)
        assert not feedback.legal and reason in feedback.observation, feedback.observation
        assert feedback.state["history"] == first.state["history"]
    assert RULES.step(data, first.state, "crane").verdict.correct
    soft = _data(secret="crane", hard=False)
    assert RULES.step(soft, RULES.step(soft, RULES.initial_state(soft), "trace").state, "house").legal
    # a doubled letter marked twice must be reused twice
    twice = _data(secret="geese", hard=True)
    state = RULES.step(twice, RULES.initial_state(twice), "eerie").state
    assert state["history"] == [["eerie", "YG..G"]]
    assert "must contain E 3 times" in RULES.step(twice, state, "beige").observation
    assert RULES.hard_mode_violation("geese", state["history"]) is None


def test_junk_actions_end_the_episode_by_the_turn_limit():
    data = TASK.generate(4, 5).data
    rng = random.Random(5)
    state = RULES.initial_state(data)
    for turn in range(1, data["max_turns"] + 1):
        move = "".join(rng.choice("abcdeüß \n1") for _ in range(rng.randint(0, 7)))
        if move.strip().lower() == data["secret"]:
            move = "junk"
        feedback = RULES.step(data, state, move)
        state = feedback.state
        assert state["turns"] == turn and feedback.done == (turn == data["max_turns"])
    assert feedback.verdict.status is Status.WRONG


def test_step_never_mutates_its_inputs():
    data = TASK.generate(6, 10).data
    state = RULES.initial_state(data)
    for move in ["slate", "junk", "mummy", data["secret"]]:
        before_data, before_state = copy.deepcopy(data), copy.deepcopy(state)
        feedback = RULES.step(data, state, move)
        assert data == before_data and state == before_state
        state = feedback.state


def test_levels_change_the_rules():
    easy, hard = TASK.generate(0, 1), TASK.generate(0, 10)
    assert easy.data["max_turns"] == 10 and hard.data["max_turns"] == 6
    assert not easy.data["hard_mode"] and hard.data["hard_mode"]
    assert "Hard mode is on" in hard.prompt and "Hard mode" not in easy.prompt
    assert easy.data["pool"] == "words5_common" and hard.data["pool"] == "words5_answers"
