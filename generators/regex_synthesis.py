"""Regex synthesis: write a short regular expression that matches every positive example in full and no negative one.

Description:
    A hidden target regex is drawn from a small grammar over a tiny alphabet (literals, classes
    such as [ab] or [a-c] or [^a], groups with alternation, and the quantifiers * + ? {m}
    {m,n}). Positive examples are sampled from it; negative examples are near misses made by
    mutating positives (a character changed, inserted, deleted or two swapped) and kept only when
    the target rejects them, so they sit right next to the language. The target is the
    reference, and any regex within the stated length that separates the two lists is accepted.
    The stated maximum length is the reference's length + 4, and the alternation of all
    positives is checked at generation to be at least 1.5 times longer, so listing the positives
    does not fit.
    Cheap answers (the empty regex, .*, .+, [alphabet]* or +, and .{m,n} over the positives'
    lengths) are checked at generation to fail.
Difficulty:
    alphabet_size: 2 (ab), 3 (abc), 4 (ab01) or 5 (abc01) characters.
    terms: how many items the target concatenates at its top level (2 at level 1, 6 at level
        10); targets longer than 6 * (terms + depth) characters are redrawn.
    depth: how deeply groups nest in the target, exactly (0 at levels 1-2, 3 at levels 9-10).
    examples: how many positive and how many negative examples are shown (5 each at level 1,
        14 each at level 10).
Prompt:
    The alphabet, the "must match" and "must not match" lists, the supported regex syntax, the
    full-match rule and the maximum length; "Answer with the regex only."
Answer format:
    One regex on one line, in the supported subset of Python syntax (see bootcamps.regex);
    a leading ^ and a trailing $ are allowed and not counted; a surrounding code fence and one
    pair of surrounding backticks, quotes or slashes are removed.
Verification:
    The regex is parsed and run by our own engine (bootcamps.regex: a position automaton run
    as a DFA built lazily, linear in the input, capped by the size of the pattern's Thompson
    NFA; never Python's re, whose backtracking a pattern could make exponential). It must be
    at most max_length characters, use only the supported syntax (else unparsable, naming the
    problem), match every positive in full and no negative. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError, InvalidParameterError
from bootcamps.regex import Regex
from bootcamps.types import Problem

ALPHABETS = {2: "ab", 3: "abc", 4: "ab01", 5: "abc01"}
LENGTH_SLACK = 4
MAX_EXAMPLE_CHARS = 16
_MAX_ATTEMPTS = 300
_SAMPLE_TRIES = 20

Node = tuple  # ("lit", c) ("class", chars, negated) ("dot",) ("group", branches) ("rep", atom, low, high)


# -- the target grammar ----------------------------------------------------------------------

def render(node: Node, alphabet: str) -> str:
    """Regex text of a target node (in the syntax bootcamps.regex reads)."""
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "dot":
        return "."
    if kind == "class":
        return ("[^" if node[2] else "[") + _class_body(node[1], alphabet) + "]"
    if kind == "group":
        return "(" + "|".join("".join(render(item, alphabet) for item in branch) for branch in node[1]) + ")"
    _, atom, low, high = node
    suffix = {(0, None): "*", (1, None): "+", (0, 1): "?"}.get((low, high))
    if suffix is None:
        suffix = f"{{{low}}}" if low == high else f"{{{low},{high}}}"
    return render(atom, alphabet) + suffix


def _class_body(chars: str, alphabet: str) -> str:
    """``abc`` becomes ``a-c`` when the characters are consecutive letters or digits."""
    if len(chars) >= 3 and (chars.isalpha() or chars.isdigit()) and \
            all(ord(b) - ord(a) == 1 for a, b in zip(chars, chars[1:], strict=False)):
        return f"{chars[0]}-{chars[-1]}"
    return chars


def sample(rng: random.Random, node: Node, alphabet: str) -> str:
    """A random string of the node's language (repetitions kept short)."""
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "dot":
        return rng.choice(alphabet)
    if kind == "class":
        allowed = [c for c in alphabet if (c in node[1]) != node[2]]
        return rng.choice(allowed)
    if kind == "group":
        return "".join(sample(rng, item, alphabet) for item in rng.choice(node[1]))
    _, atom, low, high = node
    count = rng.randint(low, low + 3 if high is None else high)
    return "".join(sample(rng, atom, alphabet) for _ in range(count))


_ANY_COUNT = ((0, None), (0, None), (1, None), (1, None), (0, 1), (2, 2), (1, 2), (2, 3))
_NONEMPTY_COUNT = ((1, None), (1, None), (2, 2))


class _Grammar:
    """Draws target regexes: characters and groups, each maybe quantified."""

    def __init__(self, rng: random.Random, alphabet: str) -> None:
        self.rng, self.alphabet = rng, alphabet

    def character(self) -> Node:
        roll = self.rng.random()
        if roll < 0.25:
            size = self.rng.randint(2, max(2, len(self.alphabet) - 1))
            if len(self.alphabet) > 2 and self.rng.random() < 0.25:
                return ("class", self.rng.choice(self.alphabet), True)
            return ("class", "".join(sorted(self.rng.sample(self.alphabet, size), key=self.alphabet.index)), False)
        if roll < 0.3 and len(self.alphabet) > 2:
            return ("dot",)
        return ("lit", self.rng.choice(self.alphabet))

    def item(self, depth: int, nullable: bool = True, deepest: bool = False, inner: bool = False) -> Node:
        """A character or group, maybe quantified; never matching "" unless ``nullable``.

        ``deepest`` forces a group nested exactly ``depth`` deep, so the level's depth is met;
        other groups are rarer ``inner`` (inside a group), which keeps the target short.
        """
        counts = _ANY_COUNT if nullable else _NONEMPTY_COUNT
        if depth > 0 and (deepest or self.rng.random() < (0.08 if inner else 0.25)):
            group = self.group(depth, deepest)
            if len(group[1]) == 1 or self.rng.random() < 0.6:  # a one-branch group is there to repeat
                return ("rep", group, *self.rng.choice(counts))
            return group
        atom = self.character()
        return ("rep", atom, *self.rng.choice(counts)) if self.rng.random() < (0.3 if inner else 0.45) else atom

    def sequence(self, count: int, depth: int, nullable: bool = True, deepest: bool = False) -> list[Node]:
        """Items in a row, no two neighbours built on the same atom (no b+b* or aa*).

        With ``deepest``, one of them (at a random place) holds a group nested ``depth`` deep.
        """
        forced = self.rng.randrange(count) if deepest else -1
        items: list[Node] = []
        for _ in range(8 * count):
            item = self.item(depth, nullable, len(items) == forced, not nullable)
            if not items or _base(items[-1]) != _base(item):
                items.append(item)
                if len(items) == count:
                    break
        return items

    def group(self, depth: int, deepest: bool = False) -> Node:
        if self.rng.random() < 0.3:  # a repeated sequence such as (ab)*
            return ("group", (self.sequence(2, depth - 1, False, deepest),))
        branches: dict[str, list[Node]] = {}
        wanted = self.rng.choice((2, 2, 3))
        for _ in range(4 * wanted):
            branch = self.sequence(self.rng.randint(1, 2), depth - 1, False, deepest and not branches)
            branches.setdefault("".join(render(item, self.alphabet) for item in branch), branch)
            if len(branches) == wanted:
                break
        return ("group", tuple(branches.values()))


def _base(node: Node) -> Node:
    return node[1] if node[0] == "rep" else node


def _group_depth(node: Node) -> int:
    if node[0] == "group":
        return 1 + max(_group_depth(item) for branch in node[1] for item in branch)
    if node[0] == "rep":
        return _group_depth(node[1])
    return 0


# -- examples --------------------------------------------------------------------------------

def _mutations(rng: random.Random, text: str, alphabet: str) -> str:
    """One random edit of a string: a change, an insertion, a deletion or a swap."""
    i = rng.randrange(len(text))
    kind = rng.random()
    if kind < 0.4:
        return text[:i] + rng.choice([c for c in alphabet if c != text[i]]) + text[i + 1:]
    if kind < 0.65:
        return text[:i] + rng.choice(alphabet) + text[i:]
    if kind < 0.85 or len(text) < 2:
        return text[:i] + text[i + 1:]
    j = min(i + 1, len(text) - 1) if i + 1 < len(text) else i - 1
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


def _positives(rng: random.Random, target: Node, alphabet: str, count: int) -> list[str] | None:
    found: list[str] = []
    for _ in range(_SAMPLE_TRIES * count):
        text = sample(rng, target, alphabet)
        if text and len(text) <= MAX_EXAMPLE_CHARS and text not in found:
            found.append(text)
            if len(found) == count:
                return found
    return None


def _negatives(rng: random.Random, compiled: Regex, positives: list[str], alphabet: str,
               count: int) -> list[str] | None:
    found: list[str] = []
    for _ in range(_SAMPLE_TRIES * count):
        text = _mutations(rng, rng.choice(positives), alphabet)
        if rng.random() < 0.3 and text:
            text = _mutations(rng, text, alphabet)
        if text and len(text) <= MAX_EXAMPLE_CHARS and text not in found and not compiled.fullmatch(text):
            found.append(text)
            if len(found) == count:
                return found
    return None


def cheap_patterns(alphabet: str, positives: list[str]) -> list[str]:
    """Zero-effort regexes that must not separate the examples."""
    lengths = sorted({len(text) for text in positives})
    return ["", ".*", ".+", f"[{alphabet}]*", f"[{alphabet}]+", f".{{{lengths[0]},{lengths[-1]}}}",
            *(f".{{{n}}}" for n in lengths)]


def separates(compiled: Regex, positives: list[str], negatives: list[str]) -> bool:
    return all(compiled.fullmatch(t) for t in positives) and not any(compiled.fullmatch(t) for t in negatives)


# -- the generator ---------------------------------------------------------------------------

def _check(alphabet_size: int, terms: int, depth: int, examples: int) -> None:
    for name, value, low, high in (("alphabet_size", alphabet_size, 2, 5), ("terms", terms, 1, 8),
                                   ("depth", depth, 0, 3), ("examples", examples, 3, 20)):
        if not low <= value <= high:
            raise InvalidParameterError(f"regex_synthesis: expected {name} between {low} and {high}, found {value}")


def _question(alphabet: str, positives: list[str], negatives: list[str], max_length: int) -> str:
    return (
        "Write a regular expression that matches every string of the first list and none of the "
        f"strings of the second list. All strings use only the characters {', '.join(alphabet)}.\n\n"
        f"Must match: {', '.join(positives)}\n"
        f"Must not match: {', '.join(negatives)}\n\n"
        "The regex must match a string in full (as if it began with ^ and ended with $). Use only "
        "this syntax: literal characters, . (any character), character classes such as [ab], "
        "[a-c] or [^a], groups ( ) or (?: ), alternation |, and the quantifiers *, +, ?, {m}, "
        "{m,} and {m,n} (counts up to 30); put a backslash before a special character to match it "
        "literally. No lookarounds, backreferences, flags or anchors in the middle. The regex "
        f"must be at most {max_length} characters long (a leading ^ and a trailing $ are not "
        "counted). Answer with the regex only, on one line, without quotes or slashes."
    )


def generate(rng: random.Random, *, alphabet_size: int, terms: int, depth: int, examples: int) -> Problem:
    _check(alphabet_size, terms, depth, examples)
    alphabet = ALPHABETS[alphabet_size]
    grammar = _Grammar(rng, alphabet)
    for _ in range(_MAX_ATTEMPTS):
        items = grammar.sequence(terms, depth, deepest=True)
        target = ("group", (items,))
        pattern = "".join(render(item, alphabet) for item in items)
        if len(items) != terms or _group_depth(target) - 1 != depth or len(pattern) > 6 * (terms + depth):
            continue
        compiled = Regex(pattern)
        positives = _positives(rng, target, alphabet, examples)
        if positives is None:
            continue
        negatives = _negatives(rng, compiled, positives, alphabet, examples)
        max_length = len(pattern) + LENGTH_SLACK
        if negatives is None or len("|".join(positives)) < 1.5 * max_length:
            continue
        if not separates(compiled, positives, negatives) or any(
                separates(Regex(cheap), positives, negatives) for cheap in cheap_patterns(alphabet, positives)):
            continue
        data = {"alphabet": alphabet, "positives": positives, "negatives": negatives, "max_length": max_length}
        return Problem(question=_question(alphabet, positives, negatives, max_length), data=data, reference=pattern)
    raise GenerationError(f"regex_synthesis: no separable example set in {_MAX_ATTEMPTS} attempts")
