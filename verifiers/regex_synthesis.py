"""Verifier for regex_synthesis: a short supported regex, run by our own engine, that separates the examples."""

from __future__ import annotations

import re
from typing import Any

from bootcamps.regex import Regex, RegexError
from bootcamps.types import Verdict

_WRAPPERS = ("`", '"', "'", "/")
_FENCE = re.compile(r"```[a-z]{0,10}[ \t]*\n?(.*?)\n?[ \t]*```", re.DOTALL | re.IGNORECASE)


def _unwrap(answer: str) -> str:
    """The regex without surrounding spaces, a code fence, or one pair of backticks, quotes or slashes."""
    text = answer.strip()
    fenced = _FENCE.fullmatch(text)
    if fenced:
        text = fenced.group(1).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in _WRAPPERS:
        text = text[1:-1]
    return text


def counted_length(pattern: str) -> int:
    """The pattern's length without a leading ^ and an unescaped trailing $."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$"):
        body = pattern[:-1]
        if (len(body) - len(body.rstrip("\\"))) % 2 == 0:
            pattern = body
    return len(pattern)


def verify(data: dict[str, Any], answer: str) -> Verdict:
    limit = data["max_length"]
    if len(answer) > 4 * limit + 100:
        return Verdict.wrong(f"the answer is far longer than the {limit} characters allowed")
    pattern = _unwrap(answer)
    if "\n" in pattern or "\r" in pattern:
        return Verdict.unparsable("expected one regex on one line")
    length = counted_length(pattern)
    if length > limit:
        return Verdict.wrong(f"the regex has {length} characters; at most {limit} are allowed")
    try:
        compiled = Regex(pattern)
    except RegexError as error:
        return Verdict.unparsable(f"the regex cannot be used: {error}")
    for text in data["positives"]:
        if not compiled.fullmatch(text):
            return Verdict.wrong(f"the regex does not match {text!r}, which must match")
    for text in data["negatives"]:
        if compiled.fullmatch(text):
            return Verdict.wrong(f"the regex matches {text!r}, which must not match")
    return Verdict.right()


# -- audit hooks -----------------------------------------------------------------------------

def _bare_literal(pattern: str, alphabet: str) -> int | None:
    """Index of the first alphabet character that is a plain literal (not in [...] or {...})."""
    depth_class = depth_brace = False
    for index, char in enumerate(pattern):
        if char == "[":
            depth_class = True
        elif char == "]":
            depth_class = False
        elif char == "{":
            depth_brace = True
        elif char == "}":
            depth_brace = False
        elif not depth_class and not depth_brace and char in alphabet:
            return index
    return None


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    forms = [f"^{reference}$", f"`{reference}`", f"/{reference}/", f"  {reference} ", f"({reference})",
             f"(?:{reference})", f"^{reference}", f"```\n{reference}\n```"]
    index = _bare_literal(reference, data["alphabet"])
    if index is not None:  # another regex: one literal written as a one-character class
        forms.append(f"{reference[:index]}[{reference[index]}]{reference[index + 1:]}")
    return [form for form in forms if counted_length(_unwrap(form)) <= data["max_length"]]


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    alphabet, positives, negatives = data["alphabet"], data["positives"], data["negatives"]
    misses = [
        ".*", ".+", f"[{alphabet}]*", "|".join(positives),  # match everything / list the positives
        "|".join(positives[: len(positives) // 2]),
        positives[0],
        reference[:-1],  # the last character dropped
        f"{reference}|{negatives[0]}",  # one negative let in
        f"{reference} or {reference}",
        f"{reference}\n{reference}",
        reference.replace("*", "+", 1) if "*" in reference else reference.replace("+", "*", 1),
        reference + "?" if not reference.endswith(("*", "?", "+", "}")) else reference[:-1],
    ]
    return [miss for miss in misses if miss.strip() != reference and not verify(data, miss).correct]
