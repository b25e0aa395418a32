"""Longest common subsequence: find a longest string that is a subsequence of every given string.

Description:
    Two (three at levels 8-10) random strings over the first few capital letters. A subsequence
    keeps some letters of a string in their order, not necessarily adjacent. The LCS length is
    computed by dynamic programming over prefixes of all the strings. It is at least 2 and
    shorter than the shortest string (so no string copied back is an answer). Strings often
    have several different longest common subsequences: any one of them is accepted.
Difficulty:
    strings: how many strings (2, or 3 at the top levels, where the table is three-dimensional).
    length: the longest a string can be; each string's length is drawn from
        length - length // 5 .. length (6 at level 1, 22 at level 7, 18 with three strings).
    alphabet: how many letters (A, B, C, ...) the strings use; fewer letters give longer and
        more numerous common subsequences.
Prompt:
    "String 1: ABCAB ..." one per line, what a subsequence is, then "Find a longest common
    subsequence of these strings", with the answer format.
Answer format:
    The subsequence as letters, e.g. ``BCAB`` (lower case, and letters separated by spaces,
    commas or hyphens, are read too; quotes around it are ignored).
Verification:
    The answer's letters must be a subsequence of every string (checked greedily) and its
    length must equal the LCS length stored at generation. Any longest common subsequence is
    accepted. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
import string

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 200
_KNOBS = {"strings": (2, 3), "length": (4, 40), "alphabet": (2, 6)}

class Table:
    """LCS lengths of every tuple of prefix lengths of 2 or 3 strings, in one flat list."""

    def __init__(self, strings: list[str]) -> None:
        self.strides = [1] * len(strings)
        for k in range(len(strings) - 2, -1, -1):
            self.strides[k] = self.strides[k + 1] * (len(strings[k + 1]) + 1)
        self.cells = [0] * (self.strides[0] * (len(strings[0]) + 1))
        if len(strings) == 2:
            self._fill_two(*strings)
        else:
            self._fill_three(*strings)

    def __getitem__(self, point: tuple[int, ...]) -> int:
        return self.cells[sum(i * stride for i, stride in zip(point, self.strides, strict=True))]

    def _fill_two(self, a: str, b: str) -> None:
        cells, width = self.cells, len(b) + 1
        for i in range(1, len(a) + 1):
            row, above = i * width, (i - 1) * width
            for j in range(1, width):
                if a[i - 1] == b[j - 1]:
                    cells[row + j] = cells[above + j - 1] + 1
                else:
                    cells[row + j] = max(cells[above + j], cells[row + j - 1])

    def _fill_three(self, a: str, b: str, c: str) -> None:
        cells, (si, sj, _) = self.cells, self.strides
        for i in range(1, len(a) + 1):
            for j in range(1, len(b) + 1):
                base = i * si + j * sj
                for k in range(1, len(c) + 1):
                    here = base + k
                    if a[i - 1] == b[j - 1] == c[k - 1]:
                        cells[here] = cells[here - si - sj - 1] + 1
                    else:
                        cells[here] = max(cells[here - si], cells[here - sj], cells[here - 1])


def lcs_table(strings: list[str]) -> Table:
    """LCS lengths of every tuple of prefix lengths (index 0 is the empty prefix)."""
    return Table(strings)


def one_lcs(strings: list[str], table: Table, prefer_last: bool = False) -> str:
    """One longest common subsequence, read back from the table.

    Where several prefixes keep the length, the first string is shortened first (or the last
    one, with ``prefer_last``); the two choices often give different subsequences.
    """
    point = tuple(len(s) for s in strings)
    order = range(len(strings) - 1, -1, -1) if prefer_last else range(len(strings))
    letters: list[str] = []
    while 0 not in point:
        if len({s[i - 1] for s, i in zip(strings, point, strict=True)}) == 1:
            letters.append(strings[0][point[0] - 1])
            point = tuple(i - 1 for i in point)
            continue
        for k in order:
            shorter = point[:k] + (point[k] - 1,) + point[k + 1:]
            if table[shorter] == table[point]:
                point = shorter
                break
    return "".join(reversed(letters))


def _check_knobs(strings: int, length: int, alphabet: int) -> None:
    for name, value in (("strings", strings), ("length", length), ("alphabet", alphabet)):
        low, high = _KNOBS[name]
        if not low <= value <= high:
            raise InvalidParameterError(
                f"longest_common_subsequence: expected {name} between {low} and {high}, found {value}")


def _question(strings: list[str], letters: str) -> str:
    lines = "\n".join(f"String {i}: {s}" for i, s in enumerate(strings, start=1))
    every = "both" if len(strings) == 2 else f"all {len(strings)}"
    return (
        f"Here are {len(strings)} strings over the letters {', '.join(letters)}:\n\n{lines}\n\n"
        "A subsequence of a string keeps some of its letters in their original order, not "
        "necessarily next to each other (for example ACE is a subsequence of ABCDE, but EA is not). "
        f"Find a longest common subsequence: a string that is a subsequence of {every} strings and is "
        "as long as possible. Answer with its letters written together, for example BCAB. If several "
        "common subsequences have the greatest length, any one of them is accepted."
    )


def generate(rng: random.Random, *, strings: int, length: int, alphabet: int) -> Problem:
    _check_knobs(strings, length, alphabet)
    letters = string.ascii_uppercase[:alphabet]
    for _ in range(_MAX_ATTEMPTS):
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(length - length // 5, length)))
                 for _ in range(strings)]
        table = lcs_table(words)
        best = table[tuple(len(w) for w in words)]
        if not 2 <= best < min(map(len, words)):
            continue
        data = {"strings": words, "alphabet": letters, "length": best}
        return Problem(question=_question(words, letters), data=data, reference=one_lcs(words, table))
    raise GenerationError(
        f"longest_common_subsequence: no strings with an LCS of length 2 or more, shorter than every "
        f"string, in {_MAX_ATTEMPTS} attempts; raise length or alphabet"
    )
