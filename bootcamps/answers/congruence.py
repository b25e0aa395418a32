"""A parser for congruence answers such as ``x ≡ 5 (mod 7)``.

Plain text, unicode and LaTeX spellings are read: ``x ≡ 5 (mod 7)``, ``x = 5 mod 7``,
``x == 5 (modulo 7)``, ``5 (mod 7)``, ``x \\equiv 5 \\pmod{7}``, ``x \\equiv 5 \\; (\\bmod 7)``.
Bounded and linear: input longer than MAX_CONGRUENCE_CHARS is refused unread, numbers are
limited to MAX_DIGITS digits, and no pattern has nested quantifiers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_CONGRUENCE_CHARS = 500
MAX_DIGITS = 60

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_LATEX = (
    (re.compile(r"\\pmod\s*\{\s*([^{}]{0,80})\}"), r"(mod \1)"),
    (re.compile(r"\\pmod\s*(\d)"), r"mod \1"),
    (re.compile(r"\\(?:bmod|mod|operatorname\s*\{\s*mod\s*\})"), "mod"),
    (re.compile(r"\\equiv"), "\u2261"),
    (re.compile(r"\\left|\\right|\\[,;:! ]|\\quad|\\qquad|\\text\s*\{|\\mathrm\s*\{|[$~]"), " "),
    (re.compile(r"\\\(|\\\)|\\\[|\\\]"), " "),
)
_NUMBER = r"\d{1,%d}" % MAX_DIGITS  # noqa: UP031 (a regex full of braces reads better without format())
_FORM = re.compile(
    r"(?:(?P<var>[a-z])\s*(?:\u2261|==|=|\u2250)\s*)?"
    rf"(?P<residue>[+-]?{_NUMBER})\s*"
    rf"(?:\(\s*(?:mod|modulo)\s*(?P<m1>{_NUMBER})\s*\)|\[\s*(?:mod|modulo)\s*(?P<m2>{_NUMBER})\s*\]"
    rf"|(?:mod|modulo)\s*(?P<m3>{_NUMBER}))",
    re.IGNORECASE,
)


class Congruence(NamedTuple):
    """``variable ≡ residue (mod modulus)``; the variable is None when not written."""

    residue: int
    modulus: int
    variable: str | None


def _normalise(text: str) -> str:
    text = text.translate(_MINUS_SIGNS)
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    # braces left over from \text{...} or \mathrm{...}: they carry no meaning here
    text = text.replace("{", " ").replace("}", " ")
    return text.strip().rstrip(".").strip()


def parse_congruence(text: str) -> Congruence | None:
    """The congruence written in ``text`` (whole text), or None; a modulus of 0 gives None."""
    if not isinstance(text, str) or len(text) > MAX_CONGRUENCE_CHARS:
        return None
    match = _FORM.fullmatch(_normalise(text))
    if match is None:
        return None
    modulus = int(match.group("m1") or match.group("m2") or match.group("m3"))
    if modulus == 0:
        return None
    variable = match.group("var")
    return Congruence(int(match.group("residue")), modulus, variable.lower() if variable else None)
