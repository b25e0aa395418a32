"""Focused tests for vigenere_cipher-v1: references checked with an independent cipher implementation."""

import pytest

import bootcamps
from bootcamps.data import word_set
from bootcamps.errors import InvalidParameterError
from bootcamps.types import Status

TASK = bootcamps.get_task("vigenere_cipher")
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def keystream(cipher, key, plain_letters):
    if cipher == "autokey":
        return (key + plain_letters)[:len(plain_letters)]
    return (key * (len(plain_letters) // len(key) + 1))[:len(plain_letters)]


def enc_letter(cipher, p, k):
    p, k = ALPHABET.index(p), ALPHABET.index(k)
    return ALPHABET[(k - p) % 26] if cipher == "beaufort" else ALPHABET[(p + k) % 26]


def enc(cipher, key, text):
    """Encrypt word by word with the key running over letters only; shares no code with the family."""
    plain = text.replace(" ", "")
    out = "".join(enc_letter(cipher, p, k) for p, k in zip(plain, keystream(cipher, key, plain), strict=True))
    words, pos = [], 0
    for word in text.split(" "):
        words.append(out[pos:pos + len(word)])
        pos += len(word)
    return " ".join(words)


@pytest.mark.parametrize("level", range(1, 11))
def test_reference_is_right(level):
    for seed in range(25):
        instance = TASK.generate(seed, level)
        data, ref = instance.data, instance.reference
        assert all(word.lower() in word_set("words5_common") for word in (ref if data["mode"] != "encrypt" else data["input"]).split())
        plain = data["input"] if data["mode"] == "encrypt" else ref
        assert enc(data["cipher"], data["key"], plain) == (ref if data["mode"] == "encrypt" else data["input"])
        assert len(data["key"]) == TASK.params(level)["key_length"]
        if data["mode"] == "known_plaintext":
            assert enc(data["cipher"], data["key"], data["known_plain"]) == data["known_cipher"]


def test_known_plaintext_determines_the_key():
    """Every key of the stated length that maps the known plaintext to its ciphertext is the one key."""
    for seed in range(40):
        data = TASK.generate(seed, 9).data
        if data["mode"] != "known_plaintext":
            continue
        plain, coded = data["known_plain"].replace(" ", ""), data["known_cipher"].replace(" ", "")
        length = len(data["key"])
        assert len(plain) >= length
        for position in range(length):
            fitting = {k for k in ALPHABET if all(enc_letter(data["cipher"], plain[i], k) == coded[i]
                                                  for i in range(position, len(plain), length))}
            assert fitting == {data["key"][position]}


# the classic example: ATTACK AT DAWN with LEMON gives LXFOPV EF RNHR
CLASSIC = {"cipher": "vigenere", "mode": "encrypt", "key": "LEMON", "input": "ATTACK AT DAWN",
           "answer": "LXFOPV EF RNHR"}


@pytest.mark.parametrize("answer", ["LXFOPV EF RNHR", "lxfopvefrnhr", "LXFOP VEFRN HR", '"LXFOPV EF RNHR".',
                                    "LXFOPV\nEF\nRNHR", "Lxfopv Ef Rnhr"])
def test_accepted_forms(answer):
    assert enc("vigenere", "LEMON", "ATTACK AT DAWN") == CLASSIC["answer"]
    assert TASK.verify(CLASSIC, answer).correct, answer


@pytest.mark.parametrize(("answer", "status", "reason"), [
    ("LXFOPV EF RNHS", Status.WRONG, "1 of the 12 letters"),
    ("MYGPQW FG SOIS", Status.WRONG, "letters are wrong"),  # key shifted by one
    ("ATTACK AT DAWN", Status.WRONG, "letters are wrong"),  # input copied back
    ("LXFOPV EF RNH", Status.WRONG, "11 letters"),
    ("LXFOPV EF RNHR or ATTACK AT DAWN", Status.WRONG, "letters"),
    ("LXFOPV, EF, RNHR", Status.UNPARSABLE, "letters A-Z"),
    ("LXFOPV-EF-RNHR", Status.UNPARSABLE, "letters A-Z"),
    ("ＬＸＦＯＰＶ EF RNHR", Status.UNPARSABLE, "letters A-Z"),
])
def test_rejected_forms(answer, status, reason):
    verdict = TASK.verify(CLASSIC, answer)
    assert verdict.status is status and reason in verdict.reason, (answer, verdict)


def test_spaces_do_not_use_key_letters():
    data = TASK.generate(5, 2, modes="encrypt").data
    restarted = " ".join(enc("vigenere", data["key"], word) for word in data["input"].split())
    assert not TASK.verify(data, restarted).correct or len(data["input"].split()) == 1


def test_levels_grow():
    params = [TASK.params(level) for level in range(1, 11)]
    for knob in ("words", "key_length"):
        values = [p[knob] for p in params]
        assert values == sorted(values) and values[0] < values[-1]
    assert params[0]["modes"] == "encrypt" and params[-1]["modes"] == "all"
    seen = {(d["cipher"], d["mode"]) for d in (TASK.generate(s, 10).data for s in range(200))}
    assert len(seen) == 8


def test_knob_bounds():
    for overrides in ({"words": 0}, {"key_length": 21}, {"modes": "hard"}):
        with pytest.raises(InvalidParameterError):
            TASK.generate(0, 1, **overrides)
