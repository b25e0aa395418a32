"""Focused tests for tic_tac_toe: an independent minimax, the perfect opponent, moves and the protocol."""

import copy
import random

import pytest

import bootcamps
from bootcamps.types import Status
from bootcamps.verifiers import tic_tac_toe as ttt

TASK = bootcamps.get_task("tic_tac_toe")


class PlainMinimax:
    """A plain minimax over board strings (no pruning, no bitboards): result for the mover, -1/0/1."""

    def __init__(self, size, k):
        self.size, self.k, self.memo = size, k, {}
        self.lines = []
        for r in range(size):
            for c in range(size):
                for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                    cells = [(r + i * dr, c + i * dc) for i in range(k)]
                    if all(0 <= a < size and 0 <= b < size for a, b in cells):
                        self.lines.append([a * size + b for a, b in cells])

    def winner(self, board):
        for line in self.lines:
            if board[line[0]] != "." and all(board[i] == board[line[0]] for i in line):
                return board[line[0]]
        return None

    def value(self, board, mover):
        key = (board, mover)
        if key not in self.memo:
            self.memo[key] = self._value(board, mover)
        return self.memo[key]

    def _value(self, board, mover):
        other = "O" if mover == "X" else "X"
        best = -2
        for cell in range(len(board)):
            if board[cell] != ".":
                continue
            after = board[:cell] + mover + board[cell + 1:]
            if self.winner(after) == mover:
                return 1
            best = max(best, -self.value(after, other) if "." in after else 0)
        return 0 if best == -2 else best


def _play(data, moves):
    state = ttt.initial_state(data)
    feedback = None
    for move in moves:
        feedback = ttt.step(data, state, move)
        state = feedback.state
        if feedback.done:
            break
    return feedback


PLAIN_3 = PlainMinimax(3, 3)
RESULT = {1: "win", 0: "draw", -1: "loss"}


def test_plain_minimax_knows_tic_tac_toe():
    assert PLAIN_3.value("." * 9, "X") == 0
    assert PLAIN_3.value("XO.......", "X") == 1  # corner, then O on an adjacent edge: X wins
    assert PLAIN_3.value("X...O....", "X") == 0  # O took the centre: a draw


@pytest.mark.parametrize("level", range(1, 7))
def test_start_value_matches_an_independent_minimax(level):
    for seed in range(25):
        data = TASK.generate(seed, level).data
        assert data["size"] == 3
        assert RESULT[PLAIN_3.value(data["board"], data["player"])] == data["value"], data
        assert PLAIN_3.winner(data["board"]) is None
        assert data["board"].count("X") - data["board"].count("O") == (1 if data["player"] == "O" else 0)


@pytest.mark.parametrize("level", [7, 9])
def test_start_value_on_4x4_matches_an_independent_minimax(level):
    for seed in range(2):
        data = TASK.generate(seed, level).data
        plain = PlainMinimax(data["size"], data["win_length"])
        assert RESULT[plain.value(data["board"], data["player"])] == data["value"]


def test_opponent_replies_keep_its_minimax_value():
    """After any model move, the opponent's reply is optimal by the independent minimax."""
    for seed in range(10):
        data = TASK.generate(seed, 4).data
        mark, other = data["player"], "O" if data["player"] == "X" else "X"
        state = ttt.initial_state(data)
        for cell, char in enumerate(state["board"]):
            if char != ".":
                continue
            move = ttt.cell_name(cell, 3)
            after = state["board"][:cell] + mark + state["board"][cell + 1:]
            if PLAIN_3.winner(after) is not None or "." not in after:
                continue
            feedback = ttt.step(data, state, move)
            reply_board = feedback.state["board"]
            assert sum(a != b for a, b in zip(after, reply_board, strict=True)) == 1
            if PLAIN_3.winner(reply_board) == other or "." not in reply_board:
                continue
            # the opponent kept the best value it had after the model's move
            assert -PLAIN_3.value(reply_board, mark) == PLAIN_3.value(after, other)


def test_scripted_minimax_player_gets_the_value_through_step():
    for level in (1, 3, 5, 6):
        for seed in range(8):
            data = TASK.generate(seed, level).data
            mark, other = data["player"], "O" if data["player"] == "X" else "X"
            state = ttt.initial_state(data)
            feedback = None
            while feedback is None or not feedback.done:
                board = state["board"]
                # the best move by the plain minimax: an immediate win, else the best value
                scores = []
                for cell in (c for c in range(9) if board[c] == "."):
                    after = board[:cell] + mark + board[cell + 1:]
                    won = PLAIN_3.winner(after) == mark
                    scores.append((2 if won else (-PLAIN_3.value(after, other) if "." in after else 0), cell))
                move = ttt.cell_name(max(scores)[1], 3)
                feedback = ttt.step(data, state, move)
                assert feedback.legal
                state = feedback.state
            assert feedback.verdict.correct, (data, feedback.observation)


def test_hand_written_game():
    data = {"size": 3, "win_length": 3, "board": "XX.OO....", "player": "X", "value": "win",
            "win_moves": 1, "turn_limit": 6}
    won = ttt.step(data, ttt.initial_state(data), "C1")
    assert won.done and won.verdict.correct and "won" in won.observation
    # B3 does not win: the opponent completes its row with C2
    lost = ttt.step(data, ttt.initial_state(data), "B3")
    assert lost.done and lost.verdict.status is Status.WRONG
    assert lost.state["board"] == "XX.OOO.X."
    assert "the opponent played C2" in lost.observation and "The opponent won" in lost.observation


def test_a_draw_when_a_win_was_forced_is_partial():
    data = {"size": 3, "win_length": 3, "board": ".......OX", "player": "X", "value": "win",
            "win_moves": 3, "turn_limit": 7}
    for score, cell in ttt.first_moves(data):
        transcript = "\n".join(ttt.play_out(data, first=cell))
        verdict = TASK.verify(data, transcript)
        assert verdict.status is {"win": Status.CORRECT, "draw": Status.PARTIAL,
                                  "loss": Status.WRONG}[ttt.outcome(score)]
        if verdict.status is Status.PARTIAL:
            assert verdict.score == 0.5
    draw_data = dict(data, value="draw", board="X........", player="O")
    assert TASK.verify(draw_data, "\n".join(ttt.play_out(draw_data, first=4))).correct  # centre holds


@pytest.mark.parametrize("spelling", ["B3", "b3", "3B", "3b", "B 3", " b3 ", "B-3", "row 3, column 2", "r3c2",
                                      "row 3 col 2", "**B3**", "B3."])
def test_cell_spellings(spelling):
    assert ttt.parse_cell(spelling, 3) == 7


@pytest.mark.parametrize("junk", ["", "B", "3", "BB3", "B33", "centre", "7", "x" * 5000, "A1 B2", "\u00e9"])
def test_junk_is_unreadable(junk):
    assert ttt.parse_cell(junk, 3) is None


def test_illegal_moves_leave_the_board_unchanged():
    data = TASK.generate(1, 3).data
    taken = ttt.cell_name(next(c for c, ch in enumerate(data["board"]) if ch != "."), 3)
    state = ttt.initial_state(data)
    for move, why in ((taken, "already taken"), ("D1", "no such cell"), ("A4", "no such cell"),
                      ("hello", "Unreadable")):
        before = copy.deepcopy(state)
        feedback = ttt.step(data, state, move)
        assert not feedback.legal and not feedback.done
        assert why in feedback.observation
        assert feedback.state == {"board": data["board"], "turn": 1}
        assert state == before
    # D1 exists on a 4x4 board
    assert ttt.parse_cell("D1", 4) == 3


def test_junk_actions_end_the_episode_by_the_turn_limit():
    data = TASK.generate(2, 8).data
    rng = random.Random(3)
    state = ttt.initial_state(data)
    for turn in range(1, data["turn_limit"] + 1):
        junk = "".join(rng.choice("xyz 9!?\u4e2d") for _ in range(rng.randint(0, 9)))
        feedback = ttt.step(data, state, junk)
        state = feedback.state
        assert state["turn"] == turn and state["board"] == data["board"]
        if feedback.done:
            break
    assert feedback.done and feedback.verdict.status is Status.WRONG


def test_random_legal_play_never_crashes_and_ends():
    for seed in range(15):
        data = TASK.generate(seed, 2 + seed % 7).data
        rng = random.Random(seed)
        state = ttt.initial_state(data)
        feedback = None
        while feedback is None or not feedback.done:
            free = [c for c, ch in enumerate(state["board"]) if ch == "."]
            feedback = ttt.step(data, state, ttt.cell_name(rng.choice(free), data["size"]))
            state = feedback.state
        assert feedback.verdict is not None


def test_step_never_mutates_its_inputs():
    instance = TASK.generate(4, 7)
    data = copy.deepcopy(instance.data)
    state = ttt.initial_state(data)
    for move in [*instance.reference.splitlines()]:
        frozen_state, frozen_data = copy.deepcopy(state), copy.deepcopy(data)
        feedback = ttt.step(data, state, move)
        assert state == frozen_state and data == frozen_data
        if feedback.done:
            break
        state = feedback.state


def test_reference_equivalents_and_near_misses():
    for level in (1, 4, 6, 8, 10):
        for seed in range(3):
            instance = TASK.generate(seed, level)
            assert TASK.verify(instance.data, instance.reference).correct
            for answer in TASK.equivalents(instance):
                assert TASK.verify(instance.data, answer).correct, answer
            for answer in TASK.near_misses(instance):
                assert not TASK.verify(instance.data, answer).correct, answer
            assert TASK.score(instance, instance.prompt).score == 0


def test_levels_change_the_instances():
    for level, size, k in ((1, 3, 3), (6, 3, 3), (7, 4, 3), (8, 4, 4)):
        data = TASK.generate(0, level).data
        assert (data["size"], data["win_length"]) == (size, k)
    quiet = TASK.generate(5, 10).data
    game = ttt.solver(4, 3)
    for mark in "XO":
        mine, theirs = ttt.masks(quiet["board"], mark)
        assert not any(game.completes(mine | 1 << c, c) for c in range(16) if quiet["board"][c] == ".")
    assert quiet["win_moves"] >= 3
    level_one = [TASK.generate(seed, 1).data for seed in range(10)]
    assert all(data["value"] == "win" for data in level_one)
    assert any(TASK.generate(seed, 3).data["value"] == "draw" for seed in range(3))
    assert TASK.generate(0, 3).data["player"] == "O"  # an odd number of stones: the model plays O
