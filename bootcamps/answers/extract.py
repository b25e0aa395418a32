"""Find the final answer inside a whole model response, in linear time.

Policy (shared by every task):

1. Reasoning is dropped: everything up to the last ``</think>`` (a closing tag with no opening
   one is how several reasoning models print it), and anything from an unclosed ``<think>`` on.
2. The content of the last closed ``<answer>...</answer>`` block is the answer.
3. Under the lenient policy only, when there is no answer block: the content of the last
   ``\\boxed{...}``, else the text after the last "Final answer:" line label.
4. Several candidates that differ (two answer blocks, or two boxes, with different contents) are
   a hedge, not an answer: ``choose_answer`` refuses them. More than ``MAX_CANDIDATES`` answer
   blocks or boxes count as junk (no answer).

Tags are matched case-insensitively. Every step is a bounded number of linear scans, so a 1 MB
response with thousands of unclosed tags costs a few milliseconds.
"""

from __future__ import annotations

import re
from enum import Enum

_THINK_OPEN = re.compile(r"<think>", re.IGNORECASE)
_THINK_CLOSE = re.compile(r"</think>", re.IGNORECASE)
_ANSWER_OPEN = re.compile(r"<answer>", re.IGNORECASE)
_ANSWER_CLOSE = re.compile(r"</answer>", re.IGNORECASE)
_FINAL_ANSWER = re.compile(
    r"^[ \t>*#_]*final answer[ \t*_]*(?:is)?[ \t*_]*[:：][ \t*_]*([^\n]*)$", re.IGNORECASE | re.MULTILINE
)
_BOXED = re.compile(r"\\(?:boxed|fbox)\s*\{")


MAX_CANDIDATES = 20


class Extraction(str, Enum):
    """How strictly the answer is looked for."""

    STRICT = "strict"  # only an <answer> block counts
    LENIENT = "lenient"  # then a last \boxed{} or "Final answer:" line


def _last(pattern: re.Pattern[str], text: str, end: int | None = None) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, 0, len(text) if end is None else end):  # noqa: B007
        pass
    return last


def strip_reasoning(response: str) -> str:
    """The response without its reasoning: drop up to the last </think> and any unclosed <think>."""
    close = _last(_THINK_CLOSE, response)
    if close is not None:
        response = response[close.end():]
    opening = _THINK_OPEN.search(response)
    if opening is not None:
        response = response[: opening.start()]
    return response


def _last_answer_block(text: str) -> str | None:
    close = _last(_ANSWER_CLOSE, text)
    if close is None:
        return None
    opening = _last(_ANSWER_OPEN, text, close.start())
    if opening is None:
        return None
    return text[opening.end(): close.start()]


def last_boxed(text: str) -> str | None:
    """The content of the last ``\\boxed{...}`` with balanced braces, or None."""
    match = _last(_BOXED, text)
    if match is None:
        return None
    depth, start = 1, match.end()
    for index in range(start, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start:index]
    return None


def _answer_blocks(text: str) -> list[str] | None:
    """Every closed answer block, in order (None when there are too many to be an answer)."""
    opens = [match.end() for match in _ANSWER_OPEN.finditer(text)]
    blocks, position = [], 0
    for close in _ANSWER_CLOSE.finditer(text):
        # the nearest opening tag before this closing tag (and after the previous block)
        while position + 1 < len(opens) and opens[position + 1] <= close.start():
            position += 1
        if position < len(opens) and opens[position] <= close.start():
            blocks.append(text[opens[position]: close.start()])
            position += 1
            if len(blocks) > MAX_CANDIDATES:
                return None
    return blocks


def _boxes(text: str) -> list[str] | None:
    """Every balanced ``\\boxed{...}``, in order (None when there are too many)."""
    starts = [match.end() for match in _BOXED.finditer(text)]
    if len(starts) > MAX_CANDIDATES:
        return None
    boxes = []
    for start in starts:
        depth = 1
        for index in range(start, len(text)):
            char = text[index]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    boxes.append(text[start:index])
                    break
    return boxes


def find_answers(response: str, policy: Extraction | str = Extraction.LENIENT) -> list[str] | None:
    """Every candidate final answer, stripped, from the first source that has one: answer blocks,
    then (lenient) boxes, then (lenient) the last "Final answer:" line. None for junk."""
    if not isinstance(response, str):
        return []
    policy = Extraction(policy)
    text = strip_reasoning(response)
    candidates = _answer_blocks(text)
    if candidates is None:
        return None
    if not candidates and policy is Extraction.LENIENT:
        candidates = _boxes(text)
        if candidates is None:
            return None
        if not candidates:
            line = _final_answer_line(text)
            candidates = [] if line is None else [line]
    return [candidate.strip() for candidate in candidates]


NO_ANSWER = "no answer found in the response"
SEVERAL_ANSWERS = "the response gives several different final answers; give exactly one"


def choose_answer(response: str, policy: Extraction | str = Extraction.LENIENT) -> tuple[str | None, str]:
    """The one final answer of a response, or (None, why not): no answer, or several that differ."""
    candidates = find_answers(response, policy)
    if not candidates:
        return None, NO_ANSWER
    if len(set(candidates)) > 1:
        return None, SEVERAL_ANSWERS
    return candidates[-1], ""


def _final_answer_line(text: str) -> str | None:
    match = _last(_FINAL_ANSWER, text)
    return None if match is None else match.group(1).strip().rstrip(".").strip()


def extract_answer(response: str, policy: Extraction | str = Extraction.LENIENT) -> str | None:
    """The final answer text of a model response, stripped, or None when there is none.

    Never raises on a string; a non-string response has no answer.
    """
    if not isinstance(response, str):
        return None
    policy = Extraction(policy)
    text = strip_reasoning(response)
    answer = _last_answer_block(text)
    if answer is None and policy is Extraction.LENIENT:
        answer = last_boxed(text)
        if answer is None:
            answer = _final_answer_line(text)
    return None if answer is None else answer.strip()
