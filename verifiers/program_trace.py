"""Verifier for program_trace: the answer's lines, whitespace-normalised, equal the program's output."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.types import Verdict

_MAX_LINE_CHARS = 200
_SPACES = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r"\s*([\[\],])\s*")
_FENCE = re.compile(r"\A```[a-z]*[ \t]*\n(.*)\n[ \t]*```\Z", re.DOTALL | re.IGNORECASE)


def normalize_line(line: str) -> str:
    """One output line with spacing made irrelevant: ``[1,2]`` and ``[ 1, 2 ]`` read the same."""
    return _AROUND_PUNCTUATION.sub(r"\1", _SPACES.sub(" ", line).strip())


def _lines(answer: str) -> list[str]:
    text = answer.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    return [normalize_line(line) for line in text.splitlines() if line.strip()]


def verify(data: dict[str, Any], answer: str) -> Verdict:
    expected = data["output"]
    if len(answer) > (len(expected) + 5) * _MAX_LINE_CHARS:
        return Verdict.unparsable("the answer is too long for the output of this program")
    lines = _lines(answer)
    if not lines:
        return Verdict.unparsable("expected the printed output, one line per printed line")
    if len(lines) != len(expected):
        return Verdict.wrong(f"the program prints {len(expected)} line(s); the answer has {len(lines)}")
    for number, (given, wanted) in enumerate(zip(lines, expected, strict=True), 1):
        if given != normalize_line(wanted):
            return Verdict.wrong(f"line {number} of the output is wrong")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    lines = data["output"]
    return [
        reference + "\n",
        "\r\n".join(lines),
        "```\n" + reference + "\n```",
        "```text\n" + reference + "\n```",
        "\n\n".join(lines),
        "\n".join(f"  {line}  " for line in lines),
        "\n".join(line.replace(", ", ",").replace(" ", "  ") for line in lines),
    ]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.program_trace import ProgramError, run_program

    lines = data["output"]
    last = lines[-1].split(" ")
    bumped = " ".join([*last[:-1], str(int(last[-1]) + 1)]) if last[-1].lstrip("-").isdigit() else last[-1] + "0"
    misses = [
        "\n".join([*lines[:-1], bumped]),  # the last value off by one
        "\n".join(lines[:-1]) if len(lines) > 1 else lines[0] + "\n" + lines[0],  # a line missing / doubled
        "\n".join([*lines, lines[-1]]),  # one line too many
        "\n".join(reversed(lines)),  # the right lines in the wrong order
        " ".join(lines),  # everything on one line
        data["source"],  # the program copied back
        f"{reference} or {bumped}",
    ]
    program = data.get("program")
    if program is not None:
        for misreading in ({"inclusive_range": True}, {"truncating_division": True}):
            try:
                misses.append("\n".join(run_program(program, **misreading)))
            except ProgramError:
                pass
    return [miss for miss in misses if miss.strip() and not verify(data, miss).correct]
