"""Edit distance: give the Levenshtein distance between two strings and a shortest edit script.

Description:
    A random lower-case source string, and a target made from it by random insertions,
    deletions and replacements. The Levenshtein distance (fewest single-letter insertions,
    deletions and replacements turning the source into the target) is computed by dynamic
    programming; it is at least 2 and at least half the number of random edits. The answer is
    the distance and a script of that many operations, so the number alone is never enough.
    Scripts are checked by running them, so any shortest script is accepted.
Difficulty:
    length: the source string's length (4 at level 1, 20 at level 10).
    alphabet: how many letters (a, b, c, ...) the strings use.
    edits: how many random edits make the target (2 at level 1, 12 at level 10); the distance
        is between max(2, ceil(edits / 2)) and edits.
Prompt:
    The source and target strings, the three operations and the 1-based position convention,
    then the answer format with an example.
Answer format:
    First line ``distance: N`` (or just ``N``), then one operation per line (or separated by
    semicolons), applied in order, each to the string as it is after the operations before it,
    with 1-based positions in that current string:
    ``insert x at p`` (x becomes the p-th letter; p from 1 to length + 1),
    ``delete p`` (removes the p-th letter), ``replace p with x`` (the p-th letter becomes x).
    Keywords are case-insensitive; letters may be quoted; lines may be numbered (``1. delete 3``).
    The stated distance is required: an answer without it is unparsable.
Verification:
    The script is run on the source (every position must exist in the current string); the
    result must be the target, the number of operations must equal the stated distance, and that
    must equal the distance computed at generation. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
import string

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.types import Problem

_MAX_ATTEMPTS = 200
_KNOBS = {"length": (3, 40), "alphabet": (2, 26), "edits": (2, 20)}

Operation = tuple[str, int, str]  # (kind, 1-based position, letter or "")


def distance_table(source: str, target: str) -> list[list[int]]:
    """table[i][j]: the edit distance between source[:i] and target[:j]."""
    table = [list(range(len(target) + 1))]
    for i in range(1, len(source) + 1):
        row = [i]
        for j in range(1, len(target) + 1):
            same = source[i - 1] == target[j - 1]
            row.append(min(table[i - 1][j - 1] + (not same), table[i - 1][j] + 1, row[j - 1] + 1))
        table.append(row)
    return table


def shortest_script(source: str, target: str, replace_first: bool = True) -> list[Operation]:
    """A shortest script, its operations ordered right to left, positions in the source string.

    Right to left, an operation never moves the letters the later ones address, so each position
    is the letter's position in the source (insertions: the gap after source[:position - 1]).
    ``replace_first`` picks replacements over deletions/insertions on ties; the other choice
    often gives a different shortest script.
    """
    table = distance_table(source, target)
    i, j, script = len(source), len(target), []
    while i or j:
        here = table[i][j]
        if i and j and source[i - 1] == target[j - 1] and here == table[i - 1][j - 1]:
            i, j = i - 1, j - 1
            continue
        moves = [("replace", i and j and here == table[i - 1][j - 1] + 1),
                 ("delete", i and here == table[i - 1][j] + 1),
                 ("insert", j and here == table[i][j - 1] + 1)]
        if not replace_first:
            moves = moves[1:] + moves[:1]
        kind = next(kind for kind, possible in moves if possible)
        if kind == "replace":
            script.append(("replace", i, target[j - 1]))
            i, j = i - 1, j - 1
        elif kind == "delete":
            script.append(("delete", i, ""))
            i -= 1
        else:
            script.append(("insert", i + 1, target[j - 1]))
            j -= 1
    return script


def render(distance: int, script: list[Operation]) -> str:
    """The answer text: the distance line, then one operation per line."""
    lines = [f"distance: {distance}"]
    for kind, position, letter in script:
        lines.append({"insert": f"insert {letter} at {position}", "delete": f"delete {position}",
                      "replace": f"replace {position} with {letter}"}[kind])
    return "\n".join(lines)


def _mutate(rng: random.Random, source: str, letters: str, edits: int) -> str:
    word = list(source)
    for _ in range(edits):
        kind = rng.choice(("insert", "delete", "replace") if len(word) > 1 else ("insert", "replace"))
        if kind == "insert":
            word.insert(rng.randint(0, len(word)), rng.choice(letters))
        elif kind == "delete":
            del word[rng.randrange(len(word))]
        else:
            position = rng.randrange(len(word))
            word[position] = rng.choice([c for c in letters if c != word[position]])
    return "".join(word)


def _check_knobs(length: int, alphabet: int, edits: int) -> None:
    for name, value in (("length", length), ("alphabet", alphabet), ("edits", edits)):
        low, high = _KNOBS[name]
        if not low <= value <= high:
            raise InvalidParameterError(f"edit_distance: expected {name} between {low} and {high}, found {value}")


def _question(source: str, target: str) -> str:
    return (
        f"Turn the source string into the target string with as few single-letter edits as possible.\n\n"
        f"Source: {source}\nTarget: {target}\n\n"
        "The edits are: insert a letter, delete a letter, replace a letter by another one. Give the "
        "edit distance (the smallest number of edits needed) and a script of exactly that many edits. "
        "The edits are applied one after another, each to the string as it is after the edits before "
        "it, and positions are 1-based in that current string:\n"
        "  insert x at p      -- the letter x is inserted so that it becomes the p-th letter "
        "(p = length + 1 appends it)\n"
        "  delete p           -- the p-th letter is removed\n"
        "  replace p with x   -- the p-th letter becomes x\n"
        "Write the distance on the first line as distance: N, then one edit per line. For example, "
        "turning cat into cut then cuts:\n"
        "distance: 2\nreplace 2 with u\ninsert s at 4"
    )


def generate(rng: random.Random, *, length: int, alphabet: int, edits: int) -> Problem:
    _check_knobs(length, alphabet, edits)
    letters = string.ascii_lowercase[:alphabet]
    least = max(2, (edits + 1) // 2)
    for _ in range(_MAX_ATTEMPTS):
        source = "".join(rng.choice(letters) for _ in range(length))
        target = _mutate(rng, source, letters, edits)
        distance = distance_table(source, target)[-1][-1]
        if distance < least:
            continue
        data = {"source": source, "target": target, "distance": distance}
        reference = render(distance, shortest_script(source, target))
        return Problem(question=_question(source, target), data=data, reference=reference)
    raise GenerationError(
        f"edit_distance: no target at distance {least} or more from a {length}-letter source in "
        f"{_MAX_ATTEMPTS} attempts; raise length or alphabet"
    )
