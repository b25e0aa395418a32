"""Focused tests for nim: the game theory, the opponent, the move syntax and the protocol."""

import copy
import random
from functools import cache

import pytest

import bootcamps
from bootcamps.types import Status
from bootcamps.verifiers import nim

TASK = bootcamps.get_task("nim")


@cache
def mover_wins(heaps: tuple[int, ...], misere: bool) -> bool:
    """Brute force: does the player to move win (heaps sorted, so equal positions share a key)?"""
    if not any(heaps):
        return misere  # the previous player took the last stone
    for i, size in enumerate(heaps):
        for count in range(1, size + 1):
            after = tuple(sorted(heaps[:i] + (size - count,) + heaps[i + 1:]))
            if not mover_wins(after, misere):
                return True
    return False


def data_for(heaps, misere=False, turn_limit=20, seed=7):
    return {"heaps": list(heaps), "misere": misere, "opponent_seed": seed, "turn_limit": turn_limit}


def play(data, moves):
    state = nim.initial_state(data)
    feedback = None
    for move in moves:
        feedback = nim.step(data, state, move)
        state = feedback.state
        if feedback.done:
            break
    return feedback


@pytest.mark.parametrize("misere", [False, True])
def test_winning_move_agrees_with_brute_force(misere):
    rng = random.Random(1)
    for _ in range(300):
        heaps = [rng.randint(0, 6) for _ in range(rng.randint(1, 4))]
        if not any(heaps):
            continue
        move = nim.winning_move(heaps, misere)
        assert (move is not None) == mover_wins(tuple(sorted(heaps)), misere), heaps
        if move is not None:
            after = list(heaps)
            after[move[0]] -= move[1]
            assert 1 <= move[1] <= heaps[move[0]]
            assert not mover_wins(tuple(sorted(after)), misere), (heaps, move)


@pytest.mark.parametrize("level", [1, 3, 5, 7])
def test_start_positions_are_wins_by_brute_force(level):
    for seed in range(15):
        instance = TASK.generate(seed, level)
        heaps = instance.data["heaps"]
        if sum(heaps) <= 24:
            assert mover_wins(tuple(sorted(heaps)), instance.data["misere"]), heaps
        assert f"Heaps (1 to {len(heaps)}): {', '.join(map(str, heaps))}." in instance.prompt


def test_scripted_brute_force_player_wins_through_step():
    """A player that picks moves by brute force (not the module's strategy) wins every game."""
    for level in (1, 2, 4, 7):
        for seed in range(6):
            data = TASK.generate(seed, level).data
            if sum(data["heaps"]) > 24:
                continue
            state = nim.initial_state(data)
            for _ in range(data["turn_limit"]):
                heaps = state["heaps"]
                move = next((i, c) for i, size in enumerate(heaps) for c in range(1, size + 1)
                            if not mover_wins(tuple(sorted(heaps[:i] + [size - c] + heaps[i + 1:])), data["misere"]))
                feedback = nim.step(data, state, f"take {move[1]} from heap {move[0] + 1}")
                assert feedback.legal
                state = feedback.state
                if feedback.done:
                    break
            assert feedback.done and feedback.verdict.correct, feedback.observation


def test_hand_written_game_normal_play():
    data = data_for([3, 4, 5])  # nim-sum 2: the only winning move takes 2 from heap 1
    assert nim.winning_move([3, 4, 5], False) == (0, 2)
    feedback = nim.step(data, nim.initial_state(data), "1 2")
    assert feedback.legal and not feedback.done
    assert feedback.state["heaps"][0] == 1 and feedback.state["turn"] == 1
    assert "The opponent took" in feedback.observation
    # the opponent, now losing, made some legal move: the heaps shrank by one move
    assert sum(feedback.state["heaps"]) < 1 + 4 + 5
    # a losing first move: the perfect opponent restores nim-sum 0 at once
    feedback = nim.step(data, nim.initial_state(data), "2 1")
    heaps = feedback.state["heaps"]
    assert heaps[0] ^ heaps[1] ^ heaps[2] == 0


def test_hand_written_game_ends():
    data = data_for([0, 2])
    assert nim.step(data, nim.initial_state(data), "2 2").verdict.correct  # took the last stone
    data = data_for([1, 1, 1], misere=True)  # three 1-heaps: the mover loses in misère play
    feedback = play(data, ["1 1", "3 1"])
    assert feedback.done and feedback.verdict.status is Status.WRONG
    data = data_for([1, 1], misere=True)  # take one, the opponent must take the last
    feedback = nim.step(data, nim.initial_state(data), "2 1")
    assert feedback.done and feedback.verdict.correct
    assert "you win" in feedback.observation
    # one big heap in misère play: take all of it, leaving an odd number (one) of 1-heaps
    assert nim.winning_move([1, 3], True) == (1, 3)
    assert nim.winning_move([3], True) == (0, 2)


@pytest.mark.parametrize("spelling", ["2 3", "2, 3", "(2, 3)", "[2,3]", "take 3 from heap 2", "Take 3 stones from heap 2.",
                                      "  2   3  ", "`2 3`"])
def test_move_spellings(spelling):
    assert nim.parse_move(spelling) == (2, 3)


@pytest.mark.parametrize("junk", ["", "2", "2 3 4", "heap 2", "two three", "2 -3", "2.5 1", "3 from 2", "x" * 10_000,
                                  "Heaps (1 to 3): 3, 4, 5.", "\u0000", "1e3 1"])
def test_junk_is_unreadable(junk):
    assert nim.parse_move(junk) is None


@pytest.mark.parametrize("move, why", [("4 1", "no heap 4"), ("0 1", "no heap 0"), ("1 4", "between 1 and 3"),
                                       ("1 0", "between 1 and 3"), ("hello", "Unreadable")])
def test_illegal_moves_leave_the_heaps_unchanged(move, why):
    data = data_for([3, 0, 5])
    state = {"heaps": [3, 0, 5], "turn": 2}
    before = copy.deepcopy(state)
    feedback = nim.step(data, state, move)
    assert not feedback.legal and not feedback.done
    assert why in feedback.observation
    assert feedback.state == {"heaps": [3, 0, 5], "turn": 3}
    assert state == before
    assert not nim.step(data, state, "2 1").legal  # heap 2 is empty
    assert "empty" in nim.step(data, state, "2 1").observation


def test_junk_actions_end_the_episode_by_the_turn_limit():
    instance = TASK.generate(3, 6)
    data = instance.data
    rng = random.Random(0)
    state = nim.initial_state(data)
    for turn in range(1, data["turn_limit"] + 1):
        junk = "".join(rng.choice("abc 123,.-\n\u00e9") for _ in range(rng.randint(0, 12)))
        feedback = nim.step(data, state, junk + "?")
        state = feedback.state
        assert state["turn"] == turn
        if feedback.done:
            break
    assert feedback.done and feedback.verdict.status is Status.WRONG
    assert state["turn"] == data["turn_limit"]


def test_random_legal_play_never_crashes_and_ends():
    for seed in range(20):
        data = TASK.generate(seed, 5).data
        rng = random.Random(seed)
        state = nim.initial_state(data)
        for _ in range(data["turn_limit"]):
            heaps = state["heaps"]
            i = rng.choice([i for i, size in enumerate(heaps) if size])
            feedback = nim.step(data, state, f"{i + 1} {rng.randint(1, heaps[i])}")
            state = feedback.state
            if feedback.done:
                break
        assert feedback.done and feedback.verdict is not None


def test_step_never_mutates_its_inputs():
    instance = TASK.generate(5, 5)
    data = copy.deepcopy(instance.data)
    state = nim.initial_state(data)
    for move in [*instance.reference.splitlines(), "9 9", "junk"]:
        frozen_state, frozen_data = copy.deepcopy(state), copy.deepcopy(data)
        feedback = nim.step(data, state, move)
        assert state == frozen_state and data == frozen_data
        if feedback.done:
            break
        state = feedback.state


def test_reference_equivalents_and_near_misses():
    for level in (1, 5, 10):
        for seed in range(5):
            instance = TASK.generate(seed, level)
            assert TASK.verify(instance.data, instance.reference).correct
            for answer in TASK.equivalents(instance):
                assert TASK.verify(instance.data, answer).correct, answer
            for answer in TASK.near_misses(instance):
                assert not TASK.verify(instance.data, answer).correct, answer
            assert TASK.score(instance, instance.prompt).score == 0
            assert TASK.score(instance, f"<answer>{instance.reference}</answer>").correct


def test_an_illegal_move_does_not_lose_the_game_by_itself():
    instance = TASK.generate(2, 3)
    assert TASK.verify(instance.data, f"99 1\n{instance.reference}").correct


def test_opponent_is_deterministic_and_seeded():
    heaps = [1, 4, 5]  # nim-sum 0: the opponent is losing here and picks its move by hash
    first = nim.opponent_move(data_for(heaps, seed=1), heaps)
    assert first == nim.opponent_move(data_for(heaps, seed=1), heaps)
    moves = {nim.opponent_move(data_for(heaps, seed=s), heaps) for s in range(40)}
    assert len(moves) > 3  # the seed varies the losing opponent's play


def test_levels_change_the_instances():
    low, high = TASK.generate(0, 1), TASK.generate(0, 10)
    assert len(low.data["heaps"]) == 2 and max(low.data["heaps"]) <= 5 and not low.data["misere"]
    assert len(high.data["heaps"]) == 7 and high.data["misere"]
    assert "LOSES" in high.prompt and "LOSES" not in low.prompt
    sizes = [max(TASK.generate(seed, 10).data["heaps"]) for seed in range(10)]
    assert max(sizes) > 31
    override = TASK.generate(0, 1, heaps=6)
    assert len(override.data["heaps"]) == 6
