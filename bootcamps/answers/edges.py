"""Parsers for graph answers: a sequence of nodes (``A -> C -> B``) or a list of edges (``A-B, C-D``).

Node names are letters with optional digits (``A``, ``AA``, ``L3``) or integers; the caller
passes the set of valid names (upper case) and every name read is upper-cased before the check.
Both parsers refuse text longer than a bound before any work, fold runs of blanks first (so no
pattern ever backtracks over long runs of spaces) and use patterns free of nested quantifiers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Literal

MAX_EDGES_CHARS = 20_000

_ARROWS = r"-+>|=+>|[\u2192\u27f6\u21d2\u2794]"
# path separators: arrows, commas, semicolons, dashes (a path never needs a minus sign)
_PATH_SEPARATORS = re.compile(rf"{_ARROWS}|[\u2192\u27f6\u21d2\u2794,;\u2013\u2014-]")
_NOISE = str.maketrans({"*": None, "`": None, '"': None, "'": None})
_BLANKS = re.compile(r"[^\S\n]+")
_LIST_MARKER = re.compile(r"(?m)^ ?(?:[\u2022*+]|-(?= )|\d{1,3}[.)](?= ))")
_NAME = r"[A-Za-z0-9]{1,8}"
# "(A, B)", "[A; B]", "{A,B}": rewritten "A-B" first, so the comma inside is not read as a separator
_BRACKETED_PAIR = re.compile(rf"[(\[{{] ?({_NAME}) ?[,;] ?({_NAME}) ?[)\]}}]")
_CONNECTOR = rf" ?(?:{_ARROWS}|--?|[\u2013\u2014]|\bto\b) ?| "
_VALUE = r"(?: ?[:=] ?| ?\( ?| )(?P<value>\d{1,12})(?: ?\))?"
_EDGE = re.compile(rf"[(\[]?\b(?!and\b)(?P<u>{_NAME})(?:{_CONNECTOR})(?!and\b)(?P<v>{_NAME})[)\]]?(?:{_VALUE})?", re.IGNORECASE)
_GAP = re.compile(r"(?:[\s,;]|\band\b)*", re.IGNORECASE)

Edge = tuple[str, str, "int | None"]


def _clean(text: str) -> str:
    text = _BLANKS.sub(" ", text.translate(_NOISE)).strip().rstrip(".").strip()
    while len(text) >= 2 and text[0] + text[-1] in ("[]", "()", "{}") and _encloses(text):
        text = text[1:-1].strip()
    return text


def _encloses(text: str) -> bool:
    """Whether the first bracket of text closes at its last character (not "(A, B), (C, D)")."""
    depth = 0
    for position, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth <= 0 and position < len(text) - 1:
                return False
    return depth == 0


def parse_node_sequence(text: str, nodes: Collection[str], max_chars: int = MAX_EDGES_CHARS) -> list[str] | str:
    """Node names in order (upper-cased), or a reason why the text is not a node sequence.

    Names may be separated by arrows (``->``, ``→``), dashes, commas, semicolons, spaces or
    newlines; one pair of outer brackets and a final full stop are dropped.
    """
    if not isinstance(text, str) or len(text) > max_chars:
        return "expected node names separated by ->; the answer is too long"
    text = text.translate(_NOISE).strip().removesuffix(".")
    if len(text) >= 2 and text[0] + text[-1] in ("[]", "()"):
        text = text[1:-1]
    tokens = _PATH_SEPARATORS.sub(" ", text).split()
    if not tokens:
        return "expected node names separated by ->"
    sequence = [token.upper() for token in tokens]
    for token, name in zip(tokens, sequence, strict=True):
        if name not in nodes:
            return f"{token[:20]!r} is not a node of the graph; expected node names separated by ->"
    return sequence


def parse_edges(text: str, nodes: Collection[str], *, values: Literal["forbid", "allow", "require"] = "forbid",
                max_edges: int = 1000, max_chars: int = MAX_EDGES_CHARS) -> list[Edge] | str:
    """The edges ``(u, v, value)`` of an answer in order, duplicates kept, or why it is not an edge list.

    One edge is ``u - v``, ``u -> v``, ``u → v``, ``u to v``, ``u v`` or ``(u, v)``, optionally
    followed by a number (``: 5``, ``= 5``, ``(5)``): ``values`` says whether that number is
    refused, optional or required; an edge without one gets None. Edges are separated by
    newlines, semicolons, commas or "and" (or spaces alone between dashed pairs); list markers
    and one pair of outer brackets are dropped. An empty list is an empty answer: it gives [].
    """
    if not isinstance(text, str) or len(text) > max_chars:
        return "expected a list of edges; the answer is too long"
    text = _LIST_MARKER.sub("", _BRACKETED_PAIR.sub(r"\1-\2", _clean(text)))
    edges: list[Edge] = []
    position = 0
    for match in _EDGE.finditer(text):
        start = match.start()
        if start != position and not _GAP.fullmatch(text, position, start):
            return f"expected edges written like A - B, found {text[position:start].strip()[:40]!r}"
        position = match.end()
        u, v, value = match.group("u", "v", "value")
        u, v = u.upper(), v.upper()
        if u not in nodes or v not in nodes:
            return f"{(u if u not in nodes else v)[:20]!r} is not a node of the graph"
        if value is None and values == "require":
            return f"expected a number after the edge {u} -> {v}, e.g. {u} -> {v}: 3"
        if value is not None and values == "forbid":
            return f"expected edges without numbers, found {match.group()[:40]!r}"
        edges.append((u, v, None if value is None else int(value)))
        if len(edges) > max_edges:
            return f"expected at most {max_edges} edges"
    rest = text[position:]
    if rest and not _GAP.fullmatch(rest):
        return f"expected edges written like A - B, found {rest.strip()[:40]!r}"
    return edges
