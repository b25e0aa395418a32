"""Nim: win a game of Nim against a perfect opponent, moving first from a winning position.

Description:
    Heaps of stones; the players alternately remove any positive number of stones from one
    heap. Under normal play whoever takes the last stone wins; under misère play whoever takes
    the last stone loses. The model moves first from a position that is a win for the player to
    move (proved at generation from the nim-sum theory of both variants), against an opponent
    that plays perfectly: when it can win it makes the winning move on the lowest-numbered heap
    that has one; when it cannot, it makes a legal move chosen by a hash of the position and a
    seed stored in ``data`` (deterministic, but not a fixed pattern to exploit).
Difficulty:
    heaps: number of heaps (2 at level 1, 7 at level 10).
    max_heap: heap sizes are drawn from 1..max_heap (3 at level 1, 63 at level 10); more bits
        make the nim-sum harder to compute in the head.
    misere: whether the last stone loses (the end-game differs from normal play).
Prompt:
    "You are playing Nim against a perfect opponent. Heaps (1 to 3): 3, 5, 6 ..." with the rules,
    the move syntax, the turn limit, and the note that feedback follows each move.
Answer format:
    A transcript: one move per line, each ``heap count`` (``2 3`` takes 3 stones from heap 2;
    heaps are numbered from 1); ``take 3 from heap 2`` and ``2, 3`` are read too. In
    interactive use, one move per turn inside the answer tags.
Verification:
    The transcript is replayed through ``verifiers.nim.step``: illegal or unreadable moves are
    rejected with the heaps unchanged and use up a turn; the opponent replies after each legal
    move. Correct when the model wins, wrong when it loses or runs out of turns.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem
from bootcamps.verifiers.nim import initial_state, play_out, winning_move

_MAX_ATTEMPTS = 200
_TURN_SLACK = 10


def _question(heaps: list[int], misere: bool, turn_limit: int) -> str:
    listed = ", ".join(map(str, heaps))
    last = ("whoever takes the last stone LOSES (misère play)" if misere
            else "whoever takes the last stone wins (normal play)")
    return (
        f"You are playing Nim against a perfect opponent. Heaps (1 to {len(heaps)}): {listed}.\n\n"
        "Rules: players alternate turns; on your turn you remove any positive number of stones "
        f"from exactly one heap; {last}. You move first, and from this position you can force a "
        "win.\n\n"
        "Each turn, write your move inside <answer></answer> as the heap number (heaps are "
        "numbered from 1) and the number of stones to take: for example <answer>2 3</answer> "
        "takes 3 stones from heap 2 (\"take 3 from heap 2\" is understood too). After each move "
        "you see the opponent's reply and the heaps. An illegal or unreadable move is rejected, "
        f"the heaps stay as they are, and it still uses one of your {turn_limit} turns; if the "
        "game is not over after that many turns of yours, you lose. Your goal: win the game."
    )


def generate(rng: random.Random, *, heaps: int, max_heap: int, misere: bool) -> Problem:
    for _ in range(_MAX_ATTEMPTS):
        sizes = [rng.randint(1, max_heap) for _ in range(heaps)]
        # a single non-empty heap is a one-move win: no game
        if sum(size > 0 for size in sizes) < 2 or winning_move(sizes, misere) is None:
            continue
        turn_limit = (sum(sizes) + 1) // 2 + _TURN_SLACK
        data = {"heaps": sizes, "misere": misere, "opponent_seed": rng.getrandbits(32),
                "turn_limit": turn_limit}
        moves = play_out(data, initial_state(data), lowest_first=True)
        return Problem(question=_question(sizes, misere, turn_limit), data=data, reference="\n".join(moves))
    raise GenerationError(f"nim: no winning start position with {heaps} heaps in {_MAX_ATTEMPTS} attempts")
