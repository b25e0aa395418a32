"""A small regular-expression engine that is safe on untrusted patterns.

Python's ``re`` backtracks, so a model-written pattern such as ``(a*)*b`` can take exponential
time, and ``re`` has no timeout. This engine parses a documented subset of Python's syntax into
a tree and compiles it to a position automaton (a Glushkov NFA: one state per character class
of the pattern once counted repetitions are expanded, and no empty moves), which it runs as a
DFA built lazily, one set of positions per state. A match costs at most (input length x
automaton size) steps whatever the pattern. Matching is always *full*: the whole string must
match, as with ``re.fullmatch``.

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
MAX_DEPTH, and patterns whose Thompson NFA (after expanding counted repetitions) would exceed
MAX_STATES states; that size is counted from the tree, without building the NFA.
"""

from __future__ import annotations

import re

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
# [abc] or [^abc] with no range, escape or ']' inside (and no '^' first after a '^')
_PLAIN_CLASS = re.compile(r"\[(\^?)([^]\\^-][^]\\-]*)\]")
_SIMPLE_QUANTIFIERS = {"*": (0, None), "+": (1, None), "?": (0, 1)}
_BAD_BRACE = "a '{' must start a repetition {m}, {m,} or {m,n}; write \\{ for a literal brace"
_SPECIAL = frozenset("[\\*+?{^$.")  # characters that do not stand for themselves outside a class
_ENDS = ("", "|", ")")
_QUANTIFIER_START = frozenset("*+?{")
_LITERALS = {chr(code): ("set", False, ((code, code),), ()) for code in range(128)}


class RegexError(ValueError):
    """The pattern is malformed, unsupported or too large; the message says which."""


def _literal(char: str) -> tuple:
    node = _LITERALS.get(char)
    return ("set", False, ((ord(char), ord(char)),), ()) if node is None else node


def _error(message: str, pos: int) -> RegexError:
    return RegexError(f"{message} (at position {pos + 1})")


def _counted_quantifier(text: str, pos: int) -> re.Match[str] | None:
    """The {m}, {m,}, {,n}, {m,n} or {,} at ``pos``, if there is one."""
    match = _QUANTIFIER.match(text, pos)
    return match if match is not None and (match.group(1) or match.group(2)) else None


def _is_quantifier(text: str, pos: int) -> bool:
    """Whether a quantifier starts at ``pos``."""
    char = text[pos:pos + 1]
    return char in _SIMPLE_QUANTIFIERS or (char == "{" and _counted_quantifier(text, pos) is not None)


def _quantifier(text: str, pos: int) -> tuple[int, int | None, int] | None:
    """(low, high, position after it) for the quantifier at ``pos``, or None if there is none."""
    char = text[pos:pos + 1]
    bounds = _SIMPLE_QUANTIFIERS.get(char)
    if bounds is not None:
        return (*bounds, pos + 1)
    if char != "{":
        return None
    match = _counted_quantifier(text, pos)
    if match is None:
        raise _error(_BAD_BRACE, pos)
    low = int(match.group(1)) if match.group(1) else 0
    high = None if match.group(2) and not match.group(3) else int(match.group(3) or low)
    if max(low, high or 0) > MAX_REPEAT:
        raise _error(f"repetition counts above {MAX_REPEAT} are not supported", pos)
    if high is not None and high < low:
        raise _error(f"in {{{low},{high}}} the minimum exceeds the maximum", pos)
    return low, high, match.end()


def _quantified(text: str, node: tuple, pos: int) -> tuple[tuple, int]:
    """The atom ``node`` with the quantifier at ``pos`` applied, if any, and the position after."""
    found = _quantifier(text, pos)
    if found is None:
        return node, pos
    low, high, pos = found
    char = text[pos:pos + 1]
    if char == "?":
        pos += 1  # lazy: the same strings match in full
    elif char == "+":
        raise _error("possessive quantifiers such as a*+ are not supported", pos)
    if _is_quantifier(text, pos):
        raise _error("two quantifiers in a row (multiple repeat); use a group, e.g. (a*)*", pos)
    return ("rep", node, low, high), pos


def _escape(text: str, pos: int) -> tuple[tuple, int]:
    """A backslash escape at ``pos``: a class such as \\d, or one literal character."""
    pos += 1
    if pos >= len(text):
        raise _error("the pattern ends with a lone backslash", pos)
    char = text[pos]
    pos += 1
    if char in _CLASS_ESCAPES:
        negated, ranges = _CLASS_ESCAPES[char]
        return ("set", negated, ranges, ()), pos
    if char in _CONTROL_ESCAPES:
        return _literal(_CONTROL_ESCAPES[char]), pos
    if char.isascii() and char.isalnum():
        raise _error(f"the escape \\{char} is not supported", pos)
    return _literal(char), pos


def _class_item(text: str, pos: int, ranges: list, negated_parts: list,
                bound: bool = False) -> tuple[int | None, int]:
    """One class member at ``pos``: its code point (None after adding a class escape), and the position after."""
    if text[pos] != "\\":
        return ord(text[pos]), pos + 1
    (_, negated, escaped, _), pos = _escape(text, pos)
    if not negated and len(escaped) == 1 and escaped[0][0] == escaped[0][1]:
        return escaped[0][0], pos  # one literal character
    if bound or (text[pos:pos + 1] == "-" and text[pos + 1:pos + 2] not in ("]", "")):
        raise _error("bad character range in a class: a class escape cannot be a range end", pos)
    if negated:
        negated_parts.append(escaped)
    else:
        ranges.extend(escaped)
    return None, pos


def _character_class(text: str, pos: int) -> tuple[tuple, int]:
    """The class whose ``[`` is at ``pos``, and the position after its ``]``."""
    plain = _PLAIN_CLASS.match(text, pos)
    if plain is not None:
        negated, members = plain.groups()
        return ("set", bool(negated), tuple((ord(char), ord(char)) for char in members), ()), plain.end()
    pos += 1
    negated = text[pos:pos + 1] == "^"
    if negated:
        pos += 1
    ranges: list[tuple[int, int]] = []
    negated_parts: list[Ranges] = []
    first, end = True, len(text)
    while True:
        if pos >= end:
            raise _error("missing ']' to close the class", pos)
        if text[pos] == "]" and not first:
            pos += 1
            break
        first = False
        low, pos = _class_item(text, pos, ranges, negated_parts)
        if low is None:
            continue
        if text[pos:pos + 1] == "-" and pos + 1 < end and text[pos + 1] != "]":
            high, pos = _class_item(text, pos + 1, ranges, negated_parts, bound=True)
            if high is None or high < low:
                raise _error("bad character range in a class", pos)
            ranges.append((low, high))
        else:
            ranges.append((low, low))
    return ("set", negated, tuple(ranges), tuple(negated_parts)), pos


def _group_start(text: str, pos: int, depth: int) -> int:
    """The position after the ``(`` or ``(?:`` at ``pos`` that opens a group ``depth`` deep."""
    pos += 1
    if text[pos:pos + 1] == "?":
        if not text.startswith("?:", pos):
            raise _error("only plain groups ( ) and (?: ) are supported, not (?...) constructs", pos)
        pos += 2
    if depth > MAX_DEPTH:
        raise _error(f"groups nested more than {MAX_DEPTH} deep are not supported", pos)
    return pos


def _atom(text: str, pos: int) -> tuple[tuple, int]:
    """The atom at ``pos`` other than a group, and the position after it."""
    char = text[pos]
    if char == "[":
        return _character_class(text, pos)
    if char == "\\":
        return _escape(text, pos)
    if _is_quantifier(text, pos):
        raise _error(f"nothing to repeat before {char!r}", pos)
    if char == "{":
        raise _error(_BAD_BRACE, pos)
    if char in ("^", "$"):
        raise _error(f"the anchor {char!r} is only supported as the first (^) or last ($) character", pos)
    return (_ANY if char == "." else _literal(char)), pos + 1


def _parse_body(text: str) -> tuple:
    """The tree of ``text`` (anchors already removed), in one left-to-right pass.

    ``stack`` holds the branches and items of every enclosing group, so nesting costs no
    recursion; errors are raised at the same positions a recursive descent would report.
    """
    stack: list[tuple[list, list]] = []
    branches: list[tuple] = []
    items: list[tuple] = []
    pos, end = 0, len(text)
    while True:
        char = text[pos] if pos < end else ""
        if char == "(":
            pos = _group_start(text, pos, len(stack) + 1)
            stack.append((branches, items))
            branches, items = [], []
            continue
        if char in _ENDS:
            branches.append(items[0] if len(items) == 1 else ("cat", tuple(items)))
            items = []
            if char == "|":
                pos += 1
                continue
            node = branches[0] if len(branches) == 1 else ("alt", tuple(branches))
            if not char:
                if stack:
                    raise _error("missing ')'", pos)
                return node
            if not stack:
                raise _error("unbalanced ')'", pos)
            branches, items = stack.pop()
            after = pos + 1
        elif char in _SPECIAL:
            node, after = _atom(text, pos)
        else:
            node, after = _literal(char), pos + 1
        quantifier = text[after:after + 1]
        if quantifier in _QUANTIFIER_START:
            bounds = _SIMPLE_QUANTIFIERS.get(quantifier)
            if bounds is not None and text[after + 1:after + 2] not in _QUANTIFIER_START:
                node, after = ("rep", node, *bounds), after + 1  # the common case: a plain *, + or ?
            else:
                node, after = _quantified(text, node, after)
        items.append(node)
        pos = after


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
    return _parse_body(pattern)


def _matches(node: tuple, code: int) -> bool:
    _, negated, ranges, negated_parts = node
    hit = any(low <= code <= high for low, high in ranges) or any(
        not any(low <= code <= high for low, high in part) for part in negated_parts)
    return hit != negated


# -- the size of the Thompson NFA, counted without building it ---------------------------------
#
# The limit is stated in states of the Thompson construction (one state per class occurrence,
# plus the states its alternations, repetitions and shared entries add), so a pattern is
# refused exactly when that NFA would be too large. In that construction a state holds at most
# one character edge: a class reaching a state that already has one adds a fresh start state.
# Counting therefore follows, for every node and for an entry state with or without an edge,
# (states added, whether the entry has an edge afterwards, whether the node ends on its entry,
# whether its end state has an edge).

_Count = tuple[int, bool, bool, bool]
_SET_COUNT: tuple[_Count, _Count] = ((1, True, False, False), (2, True, False, False))


def _then(so_far: _Count, step: tuple[_Count, _Count]) -> _Count:
    """``so_far`` (a count whose entry is the sequence's entry) followed by a node counted ``step``."""
    added, entry_edge, on_entry, end_edge = so_far
    more, after_edge, stays, last_edge = step[end_edge]
    if on_entry:
        entry_edge = after_edge
    return added + more, entry_edge, on_entry and stays, after_edge if stays else last_edge


def _thompson_count(node: tuple) -> tuple[_Count, _Count]:
    """The counts of ``node`` from an entry without, and with, a character edge."""
    kind = node[0]
    if kind == "set":
        return _SET_COUNT
    if kind == "alt":
        added = 1 + sum(1 + _thompson_count(child)[0][0] for child in node[1])
        return (added, False, False, False), (added, True, False, False)
    if kind == "cat":
        steps = [_thompson_count(child) for child in node[1]]
        return _sequence_count(steps, False), _sequence_count(steps, True)
    step = _thompson_count(node[1])
    return _rep_count(node, step, False), _rep_count(node, step, True)


def _sequence_count(steps: list[tuple[_Count, _Count]], edge: bool) -> _Count:
    count: _Count = (0, edge, True, edge)
    for step in steps:
        count = _then(count, step)
    return count


def _rep_count(node: tuple, step: tuple[_Count, _Count], edge: bool) -> _Count:
    """The count of a repetition node whose child counts ``step``."""
    _, _, low, high = node
    added, entry_edge, on_entry, end_edge = _sequence_count([step] * low, edge)
    if high is None:  # a loop state, entered before the child is built into it
        more, loop_edge, _, _ = step[False]
        return added + 1 + more, entry_edge, False, loop_edge
    count = _sequence_count([step] * (high - low), end_edge)
    if on_entry:
        entry_edge = count[1]
    return added + 1 + count[0], entry_edge, False, False


def thompson_size(tree: tuple) -> int:
    """Number of states of the Thompson NFA of a parsed pattern, its start state included."""
    return 1 + _thompson_count(tree)[0][0]


# -- the position automaton ---------------------------------------------------------------------

_TOO_LARGE = f"the pattern is too large once repetitions are expanded (over {MAX_STATES} states)"
_Part = tuple[int, int, bool]  # (first positions, last positions, matches the empty string)


class _Glushkov:
    """The position automaton of a parsed pattern.

    Positions are bits; bit 0 is the start of the subject. ``follow`` maps each position's bit
    to the positions that may come next, and ``by_class`` each class to its positions. Every
    class occurrence, alternation and repetition adds its own states to the Thompson NFA, so
    their running count is a lower bound on its size: it stops the expansion of counted
    repetitions as soon as the limit is certainly passed, and the exact count is only needed
    when the upper bound (a shared entry costs one more state per class) passes the limit too.
    """

    __slots__ = ("by_class", "extra", "follow", "accepting")

    def __init__(self, tree: tuple) -> None:
        self.by_class: dict[tuple, int] = {}
        self.follow: dict[int, int] = {}
        self.extra = 0  # Thompson states besides class ends: alternation ends and starts, repetition ends and loops
        first, last, nullable = self.build(tree)
        lower = 1 + len(self.follow) + self.extra
        if lower + len(self.follow) > MAX_STATES and (lower > MAX_STATES or thompson_size(tree) > MAX_STATES):
            raise RegexError(_TOO_LARGE)
        self.follow[1] = first
        self.accepting = last | 1 if nullable else last

    def leaf(self, node: tuple) -> int:
        """A new position for the class ``node``."""
        follow, by_class = self.follow, self.by_class
        bit = 2 << len(follow)
        follow[bit] = 0
        by_class[node] = by_class.get(node, 0) | bit
        return bit

    def link(self, last: int, first: int) -> None:
        """Let every position in ``last`` be followed by every position in ``first``."""
        follow = self.follow
        while last:
            low = last & -last
            last ^= low
            follow[low] |= first

    def sequence(self, children: tuple | list, optional_from: int | None = None) -> _Part:
        """The concatenation of ``children`` (nodes, or parts already built); from index
        ``optional_from`` on, each may also be skipped."""
        follow, by_class = self.follow, self.by_class
        first, last, nullable = 0, 0, True
        if optional_from is None:
            optional_from = len(children)
        for index, child in enumerate(children):
            if child[0] == "set":  # self.leaf, inlined: most children are classes
                part_first = part_last = 2 << len(follow)
                follow[part_first] = 0
                by_class[child] = by_class.get(child, 0) | part_first
                part_nullable = index >= optional_from
            else:
                part_first, part_last, part_nullable = child if type(child[0]) is int else self.build(child)
                part_nullable = part_nullable or index >= optional_from
            if part_first:
                rest = last
                while rest:  # self.link, inlined
                    low = rest & -rest
                    rest ^= low
                    follow[low] |= part_first
                if nullable:
                    first |= part_first
            last = last | part_last if part_nullable else part_last
            nullable = nullable and part_nullable
        return first, last, nullable

    def repeat_class(self, node: tuple, low: int, high: int | None) -> _Part:
        """A class repeated ``low`` to ``high`` (None: any number of) times, as a chain of
        consecutive positions; unbounded, the last one loops on itself."""
        follow = self.follow
        count = low + 1 if high is None else high
        if not count:
            return 0, 0, True
        base = 2 << len(follow)
        for index in range(count):
            follow[base << index] = base << (index + 1)
        top = base << (count - 1)
        mask = base * ((1 << count) - 1)
        self.by_class[node] = self.by_class.get(node, 0) | mask
        if high is None:
            follow[top] = top
            return base, top | (base << (low - 1) if low else 0), not low
        follow[top] = 0
        return base, mask & ~(base * ((1 << max(low - 1, 0)) - 1)), not low

    def build(self, node: tuple) -> _Part:
        """Add the positions of ``node``; returns its (first, last, nullable)."""
        kind = node[0]
        if kind == "set":
            bit = self.leaf(node)
            return bit, bit, False
        if kind == "cat":
            return self.sequence(node[1])
        if kind == "alt":
            self.extra += 1 + len(node[1])
            first = last = 0
            nullable = False
            for child in node[1]:
                child_first, child_last, child_nullable = self.build(child)
                first, last, nullable = first | child_first, last | child_last, nullable or child_nullable
            return first, last, nullable
        _, child, low, high = node
        self.extra += 1
        if child[0] == "set":
            part = self.repeat_class(child, low, high)
        elif high is not None:
            part = self.sequence((child,) * high, low)
        else:
            loop_first, loop_last, _ = self.build(child)
            self.link(loop_last, loop_first)
            loop = (loop_first, loop_last, True)
            part = self.sequence([*(child,) * low, loop]) if low else loop
        if 1 + len(self.follow) + self.extra > MAX_STATES:
            raise RegexError(_TOO_LARGE)
        return part


class _Followers(dict):
    """DFA state (a set of positions) -> the positions that may follow it; seeded with every
    single position, the rest filled on first use."""

    def __missing__(self, states: int) -> int:
        followers, rest = 0, states
        while rest:
            low = rest & -rest
            rest ^= low
            followers |= self[low]
        self[states] = followers
        return followers


class _Movers(dict):
    """Character -> the positions whose class holds it, filled on first use."""

    __slots__ = ("by_code", "general")

    def __init__(self, by_class: dict[tuple, int]) -> None:
        self.by_code: dict[int, int] = {}  # code point -> positions with a small plain class holding it
        self.general: list[tuple[tuple, int]] = []  # negated or large classes, with their positions
        by_code = self.by_code
        for node, mask in by_class.items():
            _, negated, ranges, negated_parts = node
            if negated or negated_parts or (
                    ranges[0][1] - ranges[0][0] >= _SMALL_CLASS if len(ranges) == 1
                    else sum(high - low + 1 for low, high in ranges) > _SMALL_CLASS):
                self.general.append((node, mask))
                continue
            for low, high in ranges:
                for code in range(low, high + 1):
                    by_code[code] = by_code.get(code, 0) | mask

    def __missing__(self, char: str) -> int:
        code = ord(char)
        movers = self.by_code.get(code, 0)
        for node, mask in self.general:
            if _matches(node, code):
                movers |= mask
        self[char] = movers
        return movers


class Regex:
    """A compiled pattern; ``fullmatch`` runs in time linear in the subject's length.

    A DFA state is the set of positions (bitmask) at which the characters read so far can end;
    its successor on a character is the set of positions that may follow it and whose class
    holds the character. Both halves are remembered, so each costs work once per pattern.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._tree = parse(pattern)
        automaton = _Glushkov(self._tree)
        self._accepting = automaton.accepting
        self._followers = _Followers(automaton.follow)
        self._movers = _Movers(automaton.by_class)

    @property
    def size(self) -> int:
        """Number of states of the pattern's Thompson NFA (the quantity MAX_STATES caps)."""
        return thompson_size(self._tree)

    def fullmatch(self, subject: str) -> bool:
        """Whether the whole of ``subject`` matches the pattern."""
        if len(subject) > MAX_SUBJECT_CHARS:
            raise RegexError(f"subjects longer than {MAX_SUBJECT_CHARS} characters are not supported")
        states, followers, movers = 1, self._followers, self._movers
        for char in subject:
            states = followers[states] & movers[char]
            if not states:
                return False
        return bool(states & self._accepting)


def compile_pattern(pattern: str) -> Regex:
    """Parse and compile a pattern; raises RegexError when it is malformed, unsupported or too big."""
    return Regex(pattern)
