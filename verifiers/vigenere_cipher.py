"""Verifier for vigenere_cipher: the letters of the answer, case and spaces ignored, equal the result."""

from __future__ import annotations

from typing import Any

from bootcamps.types import Verdict

_EDGES = " \t\r\n.\"'`*"
_FORMAT = "expected the text in letters A-Z, words separated by spaces"


def letters_of(answer: str) -> str | None:
    """The answer's letters in capitals, or None if it holds anything but letters and whitespace."""
    text = answer.strip(_EDGES)
    if not text.replace(" ", "").replace("\n", "").replace("\t", "").isascii():
        return None
    compact = "".join(text.split())
    if not compact.isalpha():
        return None
    return compact.upper()


def verify(data: dict[str, Any], answer: str) -> Verdict:
    expected = data["answer"].replace(" ", "")
    if not isinstance(answer, str) or len(answer) > 4 * len(data["answer"]) + 100:
        return Verdict.unparsable(f"the answer is too long; {_FORMAT}")
    letters = letters_of(answer)
    if letters is None:
        return Verdict.unparsable(_FORMAT)
    if letters == expected:
        return Verdict.right()
    if len(letters) != len(expected):
        return Verdict.wrong(f"the answer has {len(letters)} letters; the text has {len(expected)}")
    wrong = sum(a != b for a, b in zip(letters, expected, strict=True))
    return Verdict.wrong(f"{wrong} of the {len(expected)} letters are wrong")


def equivalents(data: dict[str, Any], reference: str) -> list[str]:
    compact = reference.replace(" ", "")
    return [reference.lower(), compact, compact.lower(), f'"{reference}"', f"{reference}.",
            reference.replace(" ", "  "), reference.replace(" ", "\n"), reference.title(),
            " ".join(compact[i:i + 5] for i in range(0, len(compact), 5))]


def _shifted_key(key: str, step: int) -> str:
    return "".join(chr((ord(ch) - 65 + step) % 26 + 65) for ch in key)


def _per_word(data: dict[str, Any], key: str) -> str:
    """The key restarted at every word (a common misreading of the rules)."""
    from bootcamps.generators.vigenere_cipher import decrypt, encrypt

    apply = encrypt if data["mode"] == "encrypt" else decrypt
    return " ".join(apply(data["cipher"], key, word) for word in data["input"].split())


def near_misses(data: dict[str, Any], reference: str) -> list[str]:
    from bootcamps.generators.vigenere_cipher import decrypt, encrypt

    cipher, key, given = data["cipher"], data["key"], data["input"]
    forward = data["mode"] == "encrypt"
    apply, inverse = (encrypt, decrypt) if forward else (decrypt, encrypt)
    other = "beaufort" if cipher == "vigenere" else "vigenere"
    misses = [
        apply(cipher, _shifted_key(key, 1), given),  # key letters off by one (A = 1)
        apply(cipher, key[1:] + key[:1], given),  # key started at its second letter
        inverse(cipher, key, given),  # decrypted instead of encrypted, or the other way
        apply(other, key, given),  # the wrong cipher
        given,  # the input copied back
        reference[:-1] + chr((ord(reference[-1]) - 64) % 26 + 65),  # the last letter changed
        reference[:-1],
        f"{reference} or {given}",
        _per_word(data, key),
        key,
    ]
    if data["mode"] == "known_plaintext":
        misses += [data["known_plain"], data["known_cipher"]]
    return [miss for miss in dict.fromkeys(misses) if not verify(data, miss).correct]
