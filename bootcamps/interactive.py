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
    moves = [move for move in map(str.strip, transcript.splitlines()) if move]
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


# -- helpers shared by guessing games (guess_number, mastermind, wordle, ...) -----------------


def quote_move(action: object, limit: int = 30) -> str:
    """A short quoted rendering of a move for an observation ("that" when it is not text)."""
    if not isinstance(action, str):
        return "that"
    text = action.strip().replace("\n", " ")
    return repr(text if len(text) <= limit else text[:limit] + "...")


def count_of(count: int, noun: str = "guess") -> str:
    """``1 guess``, ``3 guesses``, ``2 moves``."""
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun}es" if noun.endswith(("s", "sh", "ch", "x")) else f"{count} {noun}s"


def turns_left(max_turns: int, turns: int, noun: str = "guess") -> str:
    """``3 guesses left.``"""
    return f"{count_of(max_turns - turns, noun)} left."


def efficiency_verdict(solved: bool, turns: int, target: int, max_turns: int, *, done: str, failed: str,
                       target_note: str = "the target was {target}") -> Verdict:
    """CORRECT within ``target`` turns, PARTIAL (target / turns) when solved later, else WRONG.

    ``done`` says what solving is ("found the word"), ``failed`` what not solving is ("the word
    was not found"), ``target_note`` explains the target.
    """
    if not solved:
        return Verdict.wrong(f"{failed} within {count_of(max_turns)}")
    if turns <= target:
        return Verdict.right(f"{done} in {count_of(turns)}")
    return Verdict.partial(target / turns, f"{done} in {count_of(turns)}; {target_note.format(target=target)}")


def finish(observation: str, state: dict[str, Any], verdict: Verdict, legal: bool, separator: str = " ") -> Feedback:
    """The last Feedback of an episode: the observation followed by the verdict's reason."""
    return Feedback(f"{observation}{separator}{verdict.reason[0].upper()}{verdict.reason[1:]}.", state, True,
                    verdict, legal)
