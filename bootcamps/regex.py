"""A small regular-expression engine that is safe on untrusted patterns.

Python's ``re`` backtracks, so a model-written pattern such as ``(a*)*b`` can take exponential
time, and ``re`` has no timeout. This engine parses a documented subset of Python's syntax into
a tree, builds a Thompson NFA (with a hard cap on its size) and runs it on sets of states, so a
match costs at most (input length x NFA size) steps whatever the pattern. Matching is always
*full*: the whole string must match, as with ``re.fullmatch``.

Supported syntax (the meaning is Python's on the strings we test, which hold no newline):
    literals; ``.`` (any character but a newline); classes ``[abc]``, ``[a-c]``, ``[^ab]`` (a
    ``]`` first in the class and a ``-`` first or last are literal); groups ``( )`` and
    ``(?: )``; alternation ``|``; quantifiers ``*``, ``+``, ``?``, ``{m}``, ``{m,}``, ``{,n}``,
    ``{m,n}`` and ``{,}`` (bounds up to MAX_REPEAT), each optionally followed by ``?`` (lazy,
    which changes nothing for a full match); escapes ``\\d \\D \\w \\W \\s \\S`` (ASCII meanings), ``\\n \\t
    \\r \\f \\v`` and a backslash before any other non-alphanumeric character (a literal); ``^``
    as the very first and ``$`` as the very last character of the pattern (they are implied).
Everything else -- backreferences, lookaround, flags, named groups, ``\\b``, anchors elsewhere,
possessive quantifiers, an unescaped ``{`` that is not a quantifier -- raises RegexError with a
reason naming it. So do patterns longer than MAX_PATTERN_CHARS, groups nested deeper than
MAX_DEPTH, and patterns whose NFA (after expanding counted repetitions) exceeds MAX_STATES.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_PATTERN_CHARS = 300
MAX_DEPTH = 12
MAX_REPEAT = 30
MAX_STATES = 600
MAX_SUBJECT_CHARS = 10_000
_SMALL_CLASS = 64  # classes up to this many code points are indexed by code point

Ranges = tuple[tuple[int, int], ...]
# Syntax tree nodes, as tuples:
#   ("set", negated, ranges, negated_parts)  one character in the ranges (or outside, if negated);
#                                            negated_parts are classes such as \D inside [...]
#   ("cat", children)  ("alt", children)  ("rep", child, low, high_or_None)

_DIGIT: Ranges = ((48, 57),)
_WORD: Ranges = ((48, 57), (65, 90), (95, 95), (97, 122))
_SPACE: Ranges = ((9, 13), (32, 32))
_CLASS_ESCAPES = {"d": (False, _DIGIT), "D": (True, _DIGIT), "w": (False, _WORD), "W": (True, _WORD),
                  "s": (False, _SPACE), "S": (True, _SPACE)}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_ANY = ("set", True, ((10, 10),), ())
_QUANTIFIER = re.compile(r"\{(\d{0,4})(?:(,)(\d{0,4}))?\}")


class RegexError(ValueError):
    """The pattern is malformed, unsupported or too large; the message says which."""


def _literal(char: str) -> tuple:
    return ("set", False, ((ord(char), ord(char)),), ())


class _Parser:
    """Recursive descent over the pattern; depth is bounded by MAX_DEPTH."""

    def __init__(self, pattern: str) -> None:
        self.text, self.pos, self.depth = pattern, 0, 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def counted_quantifier(self) -> re.Match[str] | None:
        """The {m}, {m,}, {,n}, {m,n} or {,} at the current position, if there is one."""
        match = _QUANTIFIER.match(self.text, self.pos)
        return match if match is not None and (match.group(1) or match.group(2)) else None

    def error(self, message: str) -> RegexError:
        return RegexError(f"{message} (at position {self.pos + 1})")

    def parse(self) -> tuple:
        node = self.alternation()
        if self.pos < len(self.text):
            raise self.error("unbalanced ')'" if self.peek() == ")" else f"unexpected {self.peek()!r}")
        return node

    def alternation(self) -> tuple:
        branches = [self.concatenation()]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.concatenation())
        return branches[0] if len(branches) == 1 else ("alt", tuple(branches))

    def concatenation(self) -> tuple:
        items = []
        while self.pos < len(self.text) and self.peek() not in "|)":
            items.append(self.repetition())
        return items[0] if len(items) == 1 else ("cat", tuple(items))

    def repetition(self) -> tuple:
        node = self.atom()
        bounds = self.quantifier()
        if bounds is None:
            return node
        if self.peek() == "?":
            self.pos += 1  # lazy: the same strings match in full
        elif self.peek() == "+":
            raise self.error("possessive quantifiers such as a*+ are not supported")
        if self.peek() in ("*", "+", "?") or (self.peek() == "{" and self.counted_quantifier()):
            raise self.error("two quantifiers in a row (multiple repeat); use a group, e.g. (a*)*")
        return ("rep", node, *bounds)

    def quantifier(self) -> tuple[int, int | None] | None:
        char = self.peek()
        if char in ("*", "+", "?"):
            self.pos += 1
            return {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        if char != "{":
            return None
        match = self.counted_quantifier()
        if match is None:
            raise self.error("a '{' must start a repetition {m}, {m,} or {m,n}; write \\{ for a literal brace")
        low = int(match.group(1)) if match.group(1) else 0
        high = None if match.group(2) and not match.group(3) else int(match.group(3) or low)
        if max(low, high or 0) > MAX_REPEAT:
            raise self.error(f"repetition counts above {MAX_REPEAT} are not supported")
        if high is not None and high < low:
            raise self.error(f"in {{{low},{high}}} the minimum exceeds the maximum")
        self.pos = match.end()
        return low, high

    def atom(self) -> tuple:
        char = self.peek()
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        if char in ("*", "+", "?") or (char == "{" and self.counted_quantifier()):
            raise self.error(f"nothing to repeat before {char!r}")
        if char == "{":
            raise self.error("a '{' must start a repetition {m}, {m,} or {m,n}; write \\{ for a literal brace")
        if char in ("^", "$"):
            raise self.error(f"the anchor {char!r} is only supported as the first (^) or last ($) character")
        self.pos += 1
        return _ANY if char == "." else _literal(char)

    def group(self) -> tuple:
        self.pos += 1
        if self.peek() == "?":
            if self.text.startswith("?:", self.pos):
                self.pos += 2
            else:
                raise self.error("only plain groups ( ) and (?: ) are supported, not (?...) constructs")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"groups nested more than {MAX_DEPTH} deep are not supported")
        node = self.alternation()
        if self.peek() != ")":
            raise self.error("missing ')'")
        self.pos += 1
        self.depth -= 1
        return node

    def escape(self) -> tuple:
        """A backslash escape: a class such as \\d, or one literal character."""
        self.pos += 1
        char = self.peek()
        if not char:
            raise self.error("the pattern ends with a lone backslash")
        self.pos += 1
        if char in _CLASS_ESCAPES:
            negated, ranges = _CLASS_ESCAPES[char]
            return ("set", negated, ranges, ())
        if char in _CONTROL_ESCAPES:
            return _literal(_CONTROL_ESCAPES[char])
        if char.isascii() and char.isalnum():
            raise self.error(f"the escape \\{char} is not supported")
        return _literal(char)

    def character_class(self) -> tuple:
        self.pos += 1
        negated = self.peek() == "^"
        if negated:
            self.pos += 1
        ranges: list[tuple[int, int]] = []
        negated_parts: list[Ranges] = []
        first = True
        while True:
            char = self.peek()
            if not char:
                raise self.error("missing ']' to close the class")
            if char == "]" and not first:
                self.pos += 1
                break
            first = False
            low = self.class_item(ranges, negated_parts)
            if low is None:
                continue
            if self.peek() == "-" and self.pos + 1 < len(self.text) and self.text[self.pos + 1] != "]":
                self.pos += 1
                high = self.class_item(ranges, negated_parts, bound=True)
                if high is None or high < low:
                    raise self.error("bad character range in a class")
                ranges.append((low, high))
            else:
                ranges.append((low, low))
        return ("set", negated, tuple(ranges), tuple(negated_parts))

    def class_item(self, ranges: list, negated_parts: list, bound: bool = False) -> int | None:
        """One class member: returns its code point, or None after adding a class escape."""
        if self.peek() != "\\":
            self.pos += 1
            return ord(self.text[self.pos - 1])
        _, negated, escaped, _ = self.escape()
        if not negated and len(escaped) == 1 and escaped[0][0] == escaped[0][1]:
            return escaped[0][0]  # one literal character
        if bound or (self.peek() == "-" and self.text[self.pos + 1:self.pos + 2] not in ("]", "")):
            raise self.error("bad character range in a class: a class escape cannot be a range end")
        if negated:
            negated_parts.append(escaped)
        else:
            ranges.extend(escaped)
        return None


def parse(pattern: str) -> tuple:
    """The syntax tree of a pattern; raises RegexError naming what is wrong or unsupported."""
    if not isinstance(pattern, str):
        raise RegexError("the pattern must be text")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RegexError(f"patterns longer than {MAX_PATTERN_CHARS} characters are not supported")
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$"):
        body = pattern[:-1]
        if (len(body) - len(body.rstrip("\\"))) % 2 == 0:  # an escaped \$ is a literal dollar
            pattern = body
    return _Parser(pattern).parse()


def _matches(node: tuple, code: int) -> bool:
    _, negated, ranges, negated_parts = node
    hit = any(low <= code <= high for low, high in ranges) or any(
        not any(low <= code <= high for low, high in part) for part in negated_parts)
    return hit != negated


@dataclass
class _Nfa:
    epsilon: list[list[int]] = field(default_factory=list)
    edge: list[tuple[tuple, int] | None] = field(default_factory=list)

    def new(self) -> int:
        if len(self.edge) >= MAX_STATES:
            raise RegexError(f"the pattern is too large once repetitions are expanded (over {MAX_STATES} states)")
        self.epsilon.append([])
        self.edge.append(None)
        return len(self.edge) - 1

    def build(self, node: tuple, entry: int) -> int:
        """Add states matching ``node`` from ``entry``; returns the state reached after it."""
        kind = node[0]
        if kind == "set":
            end = self.new()
            if self.edge[entry] is None:  # a state may hold one edge besides its epsilon moves
                self.edge[entry] = (node, end)
            else:
                start = self.new()
                self.epsilon[entry].append(start)
                self.edge[start] = (node, end)
            return end
        if kind == "cat":
            for child in node[1]:
                entry = self.build(child, entry)
            return entry
        if kind == "alt":
            end = self.new()
            for child in node[1]:
                start = self.new()
                self.epsilon[entry].append(start)
                self.epsilon[self.build(child, start)].append(end)
            return end
        _, child, low, high = node
        for _ in range(low):
            entry = self.build(child, entry)
        if high is None:
            loop = self.new()
            self.epsilon[entry].append(loop)
            self.epsilon[self.build(child, loop)].append(loop)
            return loop
        end = self.new()
        for _ in range(high - low):
            self.epsilon[entry].append(end)
            entry = self.build(child, entry)
        self.epsilon[entry].append(end)
        return end


class Regex:
    """A compiled pattern; ``fullmatch`` runs in time linear in the subject's length.

    State sets are bitmasks holding only the states that consume a character (and the accepting
    state), so a step looks at the states that can move on the character and nothing else.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        tree = parse(pattern)
        nfa = _Nfa()
        start = nfa.new()
        self._accept = nfa.build(tree, start)
        self._epsilon, self._edge = nfa.epsilon, nfa.edge
        self._useful = sum(1 << state for state, edge in enumerate(self._edge) if edge is not None)
        self._useful |= 1 << self._accept
        self._start = self._closure([start])
        self._movers: dict[str, int] = {}  # char -> states whose edge accepts it
        self._by_code: dict[int, int] = {}  # code point -> states with a small plain class holding it
        self._general: list[tuple[int, tuple]] = []  # states with a negated or large class
        for state, edge in enumerate(self._edge):
            if edge is None:
                continue
            _, negated, ranges, negated_parts = edge[0]
            if negated or negated_parts or sum(high - low + 1 for low, high in ranges) > _SMALL_CLASS:
                self._general.append((state, edge[0]))
                continue
            for low, high in ranges:
                for code in range(low, high + 1):
                    self._by_code[code] = self._by_code.get(code, 0) | 1 << state
        self._after: dict[int, int] = {}  # state -> state set reached by moving on its edge
        self._steps: dict[tuple[int, str], int] = {}  # a lazily built DFA: (state set, char) -> set

    @property
    def size(self) -> int:
        """Number of NFA states."""
        return len(self._edge)

    def _closure(self, states: list[int]) -> int:
        seen, stack = 0, list(states)
        while stack:
            state = stack.pop()
            if seen >> state & 1:
                continue
            seen |= 1 << state
            stack.extend(self._epsilon[state])
        return seen & self._useful

    def _movers_on(self, char: str) -> int:
        movers = self._movers.get(char)
        if movers is None:
            code = ord(char)
            movers = self._by_code.get(code, 0)
            for state, node in self._general:
                if _matches(node, code):
                    movers |= 1 << state
            self._movers[char] = movers
        return movers

    def _step(self, states: int, char: str) -> int:
        key = (states, char)
        result = self._steps.get(key)
        if result is not None:
            return result
        result, rest = 0, states & self._movers_on(char)
        while rest:
            low = rest & -rest
            rest ^= low
            state = low.bit_length() - 1
            after = self._after.get(state)
            if after is None:
                after = self._after[state] = self._closure([self._edge[state][1]])
            result |= after
        self._steps[key] = result
        return result

    def fullmatch(self, subject: str) -> bool:
        """Whether the whole of ``subject`` matches the pattern."""
        if len(subject) > MAX_SUBJECT_CHARS:
            raise RegexError(f"subjects longer than {MAX_SUBJECT_CHARS} characters are not supported")
        states, known = self._start, self._steps
        for char in subject:
            following = known.get((states, char))
            states = self._step(states, char) if following is None else following
            if not states:
                return False
        return bool(states >> self._accept & 1)


def compile_pattern(pattern: str) -> Regex:
    """Parse and compile a pattern; raises RegexError when it is malformed, unsupported or too big."""
    return Regex(pattern)
