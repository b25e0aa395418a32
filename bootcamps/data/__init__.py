"""Data files shipped with the library (word lists), loaded lazily through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

WORD_LISTS = ("words5", "words5_answers", "words5_common")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of a shipped list (``words5``, ``words5_answers``, ``words5_common``), sorted."""
    if name not in WORD_LISTS:
        raise ValueError(f"expected a word list among {list(WORD_LISTS)}, found {name!r}")
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text("utf-8")
    return tuple(line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#"))


@cache
def word_set(name: str) -> frozenset[str]:
    """The same list as a set, for membership tests."""
    return frozenset(word_list(name))
