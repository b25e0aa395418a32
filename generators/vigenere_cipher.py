"""Vigenère cipher: encrypt or decrypt a message, or recover the key from a known pair first.

Description:
    The message is random common English words (the shipped 5-letter word list,
    ``bootcamps/data/words5_common.txt``) in capitals, separated by single spaces; the key is
    random letters. Letters are numbered A = 0 ... Z = 25 and the key is applied to the letters
    only (spaces are kept and use up no key letter). Ciphers: Vigenère (C = P + K mod 26),
    Beaufort (C = K - P mod 26, its own inverse) and autokey (Vigenère whose key stream is the
    key followed by the plaintext itself). In the known-plaintext mode the model gets a
    plaintext/ciphertext pair made with an unknown key of stated length, recovers the key
    (the known plaintext is at least as long as the key, so the key is determined) and decrypts
    a second message enciphered with the same key from its first letter.
Difficulty:
    words: the number of words in the message (2 at level 1, 10 at level 10).
    key_length: the number of key letters (2 at level 1, 12 at level 10).
    modes: encrypt (Vigenère encryption), both (Vigenère encryption or decryption),
        known_plaintext (recover a Vigenère key, then decrypt), variants (encrypt or decrypt
        with Vigenère, Beaufort or autokey) or all (variants plus known-plaintext with Vigenère
        or Beaufort).
Prompt:
    "Encrypt the message below with the Vigenère cipher and the key LEMON ... MESSAGE: ABOUT
    HOUSE. Answer with the ciphertext in capital letters, keeping the spaces between words."
Answer format:
    The resulting text in letters. Case and whitespace are ignored: only the sequence of letters
    is compared, so "LXFOP VEFRN", "lxfopvefrn" and "LXFOPVEFRN" are the same answer.
Verification:
    The letters of the answer (any other character than letters, spaces and edge quotes or
    periods makes it unparsable) must equal the letters of the computed text. No partial credit.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random
import string

from bootcamps.data import word_list
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Problem

WORD_LIST = "words5_common"
MODE_SETS = {
    "encrypt": (("vigenere", "encrypt"),),
    "both": (("vigenere", "encrypt"), ("vigenere", "decrypt")),
    "known_plaintext": (("vigenere", "known_plaintext"),),
    "variants": tuple((cipher, mode) for cipher in ("vigenere", "beaufort", "autokey")
                      for mode in ("encrypt", "decrypt")),
    "all": (*((cipher, mode) for cipher in ("vigenere", "beaufort", "autokey") for mode in ("encrypt", "decrypt")),
            ("vigenere", "known_plaintext"), ("beaufort", "known_plaintext")),
}
MIN_WORDS, MAX_WORDS = 1, 20
MIN_KEY, MAX_KEY = 1, 20
_A = ord("A")
_RULES = {
    "vigenere": ("In the Vigenère cipher each letter of the message is shifted forward by the value "
                 "of the key letter used on it: ciphertext = (plaintext + key) mod 26."),
    "beaufort": ("In the Beaufort cipher each letter becomes the key letter minus the message "
                 "letter: ciphertext = (key - plaintext) mod 26; applying it again with the same key "
                 "gives the plaintext back (plaintext = (key - ciphertext) mod 26)."),
    "autokey": ("In the autokey cipher the key stream is the key followed by the plaintext itself "
                "(the first plaintext letter is used right after the last key letter, and so on), "
                "and each letter is shifted forward by its key stream letter: ciphertext = "
                "(plaintext + key stream) mod 26."),
}
_NAMES = {"vigenere": "Vigenère", "beaufort": "Beaufort", "autokey": "autokey"}
_COMMON = ("Letters are numbered A = 0, B = 1, ..., Z = 25. The key is applied to the letters only: "
           "spaces are kept as they are and use up no key letter, the first letter of the message "
           "goes with the first key letter, the second with the second, and so on{repeat}.")


def _value(letter: str) -> int:
    return ord(letter) - _A


def _letter(value: int) -> str:
    return chr(value % 26 + _A)


def _over_letters(text: str, transform: list[str]) -> str:
    """The text with its letters replaced, in order, by `transform`; spaces kept."""
    letters = iter(transform)
    return "".join(next(letters) if ch.isalpha() else ch for ch in text)


def _stream(key: str, count: int) -> list[int]:
    return [_value(key[i % len(key)]) for i in range(count)]


def encrypt(cipher: str, key: str, plaintext: str) -> str:
    """Encrypt the letters of `plaintext` (capitals and spaces) with `key`."""
    letters = [_value(ch) for ch in plaintext if ch.isalpha()]
    if cipher == "autokey":
        stream = ([_value(k) for k in key] + letters)[: len(letters)]
    else:
        stream = _stream(key, len(letters))
    if cipher == "beaufort":
        out = [_letter(k - p) for p, k in zip(letters, stream, strict=True)]
    else:
        out = [_letter(p + k) for p, k in zip(letters, stream, strict=True)]
    return _over_letters(plaintext, out)


def decrypt(cipher: str, key: str, ciphertext: str) -> str:
    """Decrypt the letters of `ciphertext` with `key`."""
    letters = [_value(ch) for ch in ciphertext if ch.isalpha()]
    if cipher == "beaufort":
        return encrypt("beaufort", key, ciphertext)
    if cipher == "vigenere":
        return _over_letters(ciphertext, [_letter(c - k) for c, k in zip(letters, _stream(key, len(letters)), strict=True)])
    stream, out = [_value(k) for k in key], []
    for i, c in enumerate(letters):
        plain = (c - stream[i]) % 26
        out.append(_letter(plain))
        stream.append(plain)
    return _over_letters(ciphertext, out)


def recover_key(cipher: str, plaintext: str, ciphertext: str, key_length: int) -> str:
    """The key of a Vigenère or Beaufort pair, from its first `key_length` letters."""
    plain = [_value(ch) for ch in plaintext if ch.isalpha()][:key_length]
    coded = [_value(ch) for ch in ciphertext if ch.isalpha()][:key_length]
    sign = 1 if cipher == "beaufort" else -1
    return "".join(_letter(c + sign * p) for p, c in zip(plain, coded, strict=True))


def _message(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(word_list(WORD_LIST)) for _ in range(words)).upper()


def _repeat_note(cipher: str) -> str:
    return "" if cipher == "autokey" else ", starting the key over after its last letter"


def _simple_question(cipher: str, mode: str, key: str, given: str) -> str:
    verb, label, result = (("Encrypt", "MESSAGE", "ciphertext") if mode == "encrypt"
                           else ("Decrypt", "CIPHERTEXT", "plaintext"))
    return (f"{verb} the text below with the {_NAMES[cipher]} cipher and the key {key}.\n\n"
            f"{_RULES[cipher]} {_COMMON.format(repeat=_repeat_note(cipher))}\n\n{label}: {given}\n\n"
            f"Answer with the {result} in capital letters, keeping the spaces between words.")


def _known_question(cipher: str, key_length: int, known_plain: str, known_cipher: str, secret: str) -> str:
    return (f"A message was encrypted with the {_NAMES[cipher]} cipher and an unknown key of "
            f"{key_length} letters. You know this plaintext and its ciphertext:\n\n"
            f"PLAINTEXT: {known_plain}\nCIPHERTEXT: {known_cipher}\n\n"
            f"{_RULES[cipher]} {_COMMON.format(repeat=_repeat_note(cipher))}\n\n"
            "A second message was encrypted with the same key, again starting from the first key "
            f"letter:\n\nCIPHERTEXT: {secret}\n\nRecover the key and decrypt the second message. Answer "
            "with its plaintext in capital letters, keeping the spaces between words.")


def _check(words: int, key_length: int, modes: str) -> None:
    if not MIN_WORDS <= words <= MAX_WORDS:
        raise InvalidParameterError(f"vigenere_cipher: expected words between {MIN_WORDS} and {MAX_WORDS}, found {words}")
    if not MIN_KEY <= key_length <= MAX_KEY:
        raise InvalidParameterError(
            f"vigenere_cipher: expected key_length between {MIN_KEY} and {MAX_KEY}, found {key_length}")
    if modes not in MODE_SETS:
        raise InvalidParameterError(f"vigenere_cipher: expected modes among {list(MODE_SETS)}, found {modes!r}")


def generate(rng: random.Random, *, words: int, key_length: int, modes: str) -> Problem:
    _check(words, key_length, modes)
    cipher, mode = rng.choice(MODE_SETS[modes])
    key = "".join(rng.choice(string.ascii_uppercase) for _ in range(key_length))
    if len(set(key)) == 1 and (key_length > 1 or key == "A"):
        # a real key: not a Caesar shift in disguise, and never the identity key A
        key = key[:-1] + _letter(_value(key[-1]) + rng.randint(1, 25))
    plaintext = _message(rng, words)
    data = {"cipher": cipher, "mode": mode, "key": key}
    if mode == "known_plaintext":
        known_words = max(1, -(-key_length // 5)) + rng.randint(0, 1)  # at least key_length letters
        known_plain = _message(rng, known_words)
        known_cipher = encrypt(cipher, key, known_plain)
        secret = encrypt(cipher, key, plaintext)
        data.update(known_plain=known_plain, known_cipher=known_cipher, input=secret, answer=plaintext)
        question = _known_question(cipher, key_length, known_plain, known_cipher, secret)
    elif mode == "encrypt":
        data.update(input=plaintext, answer=encrypt(cipher, key, plaintext))
        question = _simple_question(cipher, mode, key, plaintext)
    else:
        data.update(input=encrypt(cipher, key, plaintext), answer=plaintext)
        question = _simple_question(cipher, mode, key, data["input"])
    return Problem(question=question, data=data, reference=data["answer"])
