"""Verifier for longest_common_subsequence: a subsequence of every string, of the optimal length."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_SEPARATORS = re.compile(r"[\s,\-]+")
_LETTERS = re.compile(r"[A-Za-z]*")
_FORMAT = "expected the subsequence as letters written together, e.g. BCAB"


def parse_letters(answer: str, longest: int) -> str | None:
    """The answer's letters in upper case, or None when it is not a run of letters."""
    if not isinstance(answer, str) or len(answer) > 4 * longest + 100:
        return None
    text = answer.strip().removesuffix(".").strip().strip("\"'`").strip()
    tokens = _SEPARATORS.split(text)
    if len(tokens) > 1 and any(len(token) > 1 for token in tokens):
        return None  # several words, e.g. a hedge "ABC or ABD": only single letters may be spaced
    text = "".join(tokens)
    if not text or not _LETTERS.fullmatch(text):
        return None
    return text.upper()


def is_subsequence(letters: str, word: str) -> bool:
    """Whether ``letters`` appear in ``word`` in order (greedy left-to-right matching)."""
    position = 0
    for letter in letters:
        position = word.find(letter, position) + 1
        if position == 0:
            return False
    return True


def verify(data: dict[str, Any], answer: str) -> Verdict:
    strings = data["strings"]
    letters = parse_letters(answer, max(map(len, strings)))
    if letters is None:
        return Verdict.unparsable(_FORMAT)
    foreign = sorted(set(letters) - set(data["alphabet"]))
    if foreign:
        return Verdict.wrong(f"{foreign[0]!r} is not one of the letters {', '.join(data['alphabet'])}")
    for number, word in enumerate(strings, start=1):
        if not is_subsequence(letters, word):
            return Verdict.wrong(f"{letters[:40]} is not a subsequence of string {number}")
    if len(letters) != data["length"]:
        return Verdict.wrong(f"{letters} is a common subsequence, but a longer one exists")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.longest_common_subsequence import lcs_table, one_lcs

    forms = [reference.lower(), " ".join(reference), ", ".join(reference), "-".join(reference),
             f'"{reference}"', f"`{reference}`", f"  {reference}\n", f"{reference}."]
    other = one_lcs(data["strings"], lcs_table(data["strings"]), prefer_last=True)
    if other != reference:
        forms.append(other)  # another longest common subsequence
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    strings, letters = data["strings"], data["alphabet"]
    changed = reference[:-1] + letters[(letters.index(reference[-1]) + 1) % len(letters)]
    misses = [
        reference[:-1],  # one letter short: common but not longest
        reference[1:],
        reference + reference[-1],  # one letter too many
        changed,  # the last letter changed
        reference[::-1],
        strings[0],  # a string copied back
        min(strings, key=len),
        str(data["length"]),  # the length instead of the letters
        f"{reference} or {reference[:-1]}",
        reference + "Z",
        "\n".join(strings),
    ]
    # a changed or reversed subsequence can be another longest one by chance: drop those
    return [miss for miss in misses if not verify(data, miss).correct]
