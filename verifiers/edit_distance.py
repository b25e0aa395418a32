"""Verifier for edit_distance: the script, run on the source, gives the target in exactly the optimal count."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_DISTANCE = re.compile(r"(?:(?:edit\s+)?distance\s*(?:[:=]|is)?\s*)?(\d{1,4})", re.IGNORECASE)
_BULLET = re.compile(r"(?:\d{1,4}\s*[.)]|[-*\u2022])\s+")
_LETTER = r"['\"`]?([a-z])['\"`]?"
_POSITION = r"(?:at\s+)?(?:position\s+)?(\d{1,4})"
_NAMED = rf"(?:{_LETTER}\s+(?:at|from)\s+)?"  # "delete c at 5", "replace c at 2 with y": c is checked
_INSERT = re.compile(rf"insert\s+{_LETTER}\s+at\s+(?:position\s+)?(\d{{1,4}})", re.IGNORECASE)
_DELETE = re.compile(rf"delete\s+{_NAMED}{_POSITION}", re.IGNORECASE)
_REPLACE = re.compile(rf"(?:replace|substitute)\s+{_NAMED}{_POSITION}\s+(?:with|by)\s+{_LETTER}", re.IGNORECASE)
_FORMAT = ("expected 'distance: N' on the first line, then one edit per line: insert x at p, delete p "
           "or replace p with x")

Operation = tuple[str, int, str]  # (kind, 1-based position, new letter or "")
Parsed = tuple[str, int, str, str]  # an Operation and the letter it names as being there ("" if none)


def _operation(line: str) -> Parsed | None:
    line = _BULLET.sub("", line, count=1).strip().removesuffix(".").strip()
    if match := _INSERT.fullmatch(line):
        return "insert", int(match.group(2)), match.group(1).lower(), ""
    if match := _DELETE.fullmatch(line):
        return "delete", int(match.group(2)), "", (match.group(1) or "").lower()
    if match := _REPLACE.fullmatch(line):
        return "replace", int(match.group(2)), match.group(3).lower(), (match.group(1) or "").lower()
    return None


def parse_answer(answer: str, max_operations: int) -> tuple[int, list[Parsed]] | str:
    """(stated distance, operations), or a reason why the text is not of that form."""
    if not isinstance(answer, str) or len(answer) > 40 * max_operations + 200:
        return f"the answer is too long; {_FORMAT}"
    lines = [line.strip() for line in re.split(r"[\n;]", answer) if line.strip()]
    if not lines:
        return _FORMAT
    if len(lines) > max_operations + 1:
        return f"the script has more than {max_operations} edits; {_FORMAT}"
    stated = _DISTANCE.fullmatch(lines[0].removesuffix("."))
    if stated is None:
        return f"the first line is not the distance; {_FORMAT}"
    operations = []
    for number, line in enumerate(lines[1:], start=2):
        operation = _operation(line)
        if operation is None:
            return f"line {number} ({line[:40]!r}) is not an edit; {_FORMAT}"
        operations.append(operation)
    return int(stated.group(1)), operations


def run_script(source: str, operations: list[Parsed]) -> str | tuple[str]:
    """The string the operations make from the source, or (reason,) when one cannot be applied."""
    word = list(source)
    for number, (kind, position, letter, named) in enumerate(operations, start=1):
        last = len(word) + 1 if kind == "insert" else len(word)
        if not 1 <= position <= last:
            return (f"edit {number} ({kind} at {position}) addresses a position outside 1..{last} "
                    f"of the current string {''.join(word)!r}",)
        if named and word[position - 1] != named:
            return (f"edit {number} names {named!r} at position {position}, but the current string "
                    f"{''.join(word)!r} has {word[position - 1]!r} there",)
        if kind == "insert":
            word.insert(position - 1, letter)
        elif kind == "delete":
            del word[position - 1]
        else:
            word[position - 1] = letter
    return "".join(word)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    source, target, distance = data["source"], data["target"], data["distance"]
    parsed = parse_answer(answer, len(source) + len(target) + 5)
    if isinstance(parsed, str):
        return Verdict.unparsable(parsed)
    stated, operations = parsed
    result = run_script(source, operations)
    if isinstance(result, tuple):
        return Verdict.wrong(result[0])
    if result != target:
        return Verdict.wrong(f"the script turns {source!r} into {result[:60]!r}, not into {target!r}")
    if len(operations) != stated:
        return Verdict.wrong(f"the script has {len(operations)} edits but the stated distance is {stated}")
    if stated != distance:
        return Verdict.wrong(f"the script works but uses {stated} edits; fewer edits suffice")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _left_to_right(script: list[Operation]) -> list[Operation]:
    """A right-to-left script (source positions) rewritten left to right with shifted positions."""
    shift, ordered = 0, []
    for kind, position, letter in reversed(script):
        ordered.append((kind, position + shift, letter))
        shift += {"insert": 1, "delete": -1, "replace": 0}[kind]
    return ordered


def _quoted(operation: Operation) -> str:
    kind, position, letter = operation
    return {"insert": f"Insert '{letter}' at position {position}", "delete": f"Delete position {position}",
            "replace": f'Replace position {position} with "{letter}"'}[kind]


def _reference_script(reference: str) -> list[Operation]:
    parsed = (_operation(line) for line in reference.splitlines()[1:])
    return [(kind, position, letter) for kind, position, letter, _ in filter(None, parsed)]


def _named(source: str, script: list[Operation]) -> list[str]:
    """The right-to-left script's lines naming the letter each deletion or replacement acts on."""
    lines = []
    for kind, position, letter in script:
        if kind == "insert":
            lines.append(f"insert {letter} at {position}")
        elif kind == "delete":
            lines.append(f"delete {source[position - 1]} at {position}")
        else:
            lines.append(f"replace {source[position - 1]} at {position} with {letter}")
    return lines


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.edit_distance import render, shortest_script

    distance, script = data["distance"], _reference_script(reference)
    lines = reference.splitlines()
    forms = [
        "\n".join([str(distance), *lines[1:]]),
        "; ".join(lines),
        "\n".join([f"Distance = {distance}", *(line.upper() for line in lines[1:])]),
        "\n".join([lines[0], *(f"{n}. {line}" for n, line in enumerate(lines[1:], start=1))]),
        "\n".join([lines[0], *(f"- {line}" for line in lines[1:])]),
        render(distance, _left_to_right(script)),
        "\n".join([lines[0], *(_quoted(op) for op in script)]),
        "\n".join([lines[0], *_named(data["source"], script)]),
    ]
    other = render(distance, shortest_script(data["source"], data["target"], replace_first=False))
    if other != reference:
        forms.append(other)  # another shortest script
    return forms


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.edit_distance import render, shortest_script

    source, target, distance = data["source"], data["target"], data["distance"]
    script = _reference_script(reference)
    rebuild = [("delete", 1, "")] * len(source) + [("insert", j, c) for j, c in enumerate(target, start=1)]
    misses = [
        str(distance),  # the number alone
        f"distance: {distance}",
        render(distance + 1, script),  # a valid script, the wrong count
        render(distance - 1, script[:-1]),  # one edit dropped
        render(distance, [(kind, position - 1, letter) for kind, position, letter in script]),  # 0-based
        render(len(rebuild), rebuild),  # delete everything, insert everything: valid but long
        render(distance, shortest_script(target, source)),  # the script from target to source
        "\n".join(reference.splitlines()[1:]),  # the script without the distance line
        f"{reference}\nor\n{render(distance + 1, script)}",
        f"Source: {source}\nTarget: {target}",
    ]
    replaced = next((op for op in script if op[0] == "replace"), None)
    if replaced is not None:  # a replacement done as a deletion and an insertion: valid, one edit too many
        split = [("delete", replaced[1], ""), ("insert", replaced[1], replaced[2])]
        others = [op for op in script if op != replaced]
        index = script.index(replaced)
        longer = others[:index] + split + others[index:]
        misses.append(render(len(longer), longer))
    return [miss for miss in misses if not verify(data, miss).correct]
