"""Data files shipped with the library (word lists, the 4x4 magic squares), loaded lazily through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

WORD_LISTS = ("words5", "words5_answers", "words5_common")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The words of a shipped list (``words5``, ``words5_answers``, ``words5_common``), sorted."""
    if name not in WORD_LISTS:
        raise ValueError(f"expected a word list among {list(WORD_LISTS)}, found {name!r}")
    return _lines(name)


def _lines(name: str) -> tuple[str, ...]:
    """The lines of ``<name>.txt`` without blank lines and ``#`` comments."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text("utf-8")
    return tuple(line for line in map(str.strip, text.splitlines()) if line and not line.startswith("#"))


@cache
def magic_squares_4x4() -> tuple[tuple[int, ...], ...]:
    """The 880 essentially different 4x4 normal magic squares, 16 numbers each in row-major order."""
    return tuple(tuple(int(word) for word in line.split()) for line in _lines("magic_squares_4x4"))


@cache
def word_set(name: str) -> frozenset[str]:
    """The same list as a set, for membership tests."""
    return frozenset(word_list(name))
