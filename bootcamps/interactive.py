"""The protocol of interactive (multi-turn) families.

An interactive family's verifier module defines, besides ``verify``:

- ``initial_state(data) -> dict``: the JSON-serialisable state before the first move;
- ``opening(data) -> str`` (optional): an observation shown after the prompt, before move one;
- ``step(data, state, action) -> Feedback``: apply one move (already extracted from the model's
  response). Pure: it returns a new state and never mutates ``data`` or ``state``. An illegal or
  unreadable move gets an observation that says why; it never raises.

The verifier owns the rules. ``verify(data, transcript)`` replays a whole transcript (one move per
line) through ``step`` with :func:`replay`, so the single-turn contract, the conformance suite and
the reference (an optimal transcript) all work unchanged for interactive tasks.

The final verdict says how well the episode went: CORRECT (score 1) when solved within the
optimal number of turns (or won/drawn as well as possible), PARTIAL with a lower score when solved
less efficiently, WRONG when lost or out of turns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bootcamps.types import Verdict

MAX_TRANSCRIPT_MOVES = 1_000
MAX_TRANSCRIPT_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Feedback:
    """The result of one move: what the player sees next, the new state, and the end if reached."""

    observation: str
    state: dict[str, Any]
    done: bool = False
    verdict: Verdict | None = None  # set exactly when done
    legal: bool = True  # False when the move was illegal or unreadable (the state is unchanged)
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.done != (self.verdict is not None):
            raise ValueError("a Feedback carries a verdict exactly when the episode is done")


StepFunction = Callable[[dict[str, Any], dict[str, Any], str], Feedback]


def replay(data: dict[str, Any], transcript: str, initial_state: Callable[[dict[str, Any]], dict[str, Any]],
           step: StepFunction) -> Verdict:
    """Verify a whole transcript, one move per non-empty line, by playing it through ``step``."""
    if not isinstance(transcript, str) or len(transcript) > MAX_TRANSCRIPT_CHARS:
        return Verdict.unparsable(f"expected a transcript of at most {MAX_TRANSCRIPT_CHARS} characters")
    moves = [line.strip() for line in transcript.splitlines() if line.strip()]
    if not moves:
        return Verdict.unparsable("expected one move per line, found none")
    if len(moves) > MAX_TRANSCRIPT_MOVES:
        return Verdict.unparsable(f"expected at most {MAX_TRANSCRIPT_MOVES} moves, found {len(moves)}")
    state = initial_state(data)
    for number, move in enumerate(moves, start=1):
        feedback = step(data, state, move)
        if feedback.done:
            if number < len(moves):
                return Verdict.wrong(f"the game ended at move {number}, but the transcript goes on")
            return feedback.verdict  # type: ignore[return-value]
        state = feedback.state
    return Verdict.wrong("the transcript ends before the game is over")
