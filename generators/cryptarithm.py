"""Cryptarithm: a letter sum such as SEND + MORE = MONEY with exactly one solution.

Description:
    A sum of ``addends`` numbers of ``digits`` digits each, written with letters: equal letters
    are equal digits, different letters are different digits, and no number of two or more
    digits starts with 0. The instance is built from real numbers (addend digits drawn from a
    random pool of digits, so letters repeat), their sum, and a random injective map from the
    digits used to letters (I and O are never used: they look like 1 and 0). An exact solver
    counts the solutions up to two and only puzzles with exactly one solution are kept.
Difficulty:
    addends: how many numbers are added (2 at level 1, 5 at level 10).
    digits: the length of every addend (2 at level 1, 7 at level 10); the result is as long or
        one digit longer.
    digit_pool: how many distinct digits the addends are drawn from (3 at level 1, 10 at level
        10); the sum may bring in more. It sets the number of letters: about 3 at level 1,
        7 at level 5 and all 10 at level 10. Where such puzzles are almost never unique (many
        short addends over many digits), the pool shrinks by one digit after 300 failed draws and
        again every 100 more.
Prompt:
    The sum in column layout and on one line, the rules, the promise of a unique solution and
    the answer format.
Answer format:
    Every letter with its digit, ``LETTER=digit`` pairs separated by commas, in any order
    (``D=7, E=5, M=1, ...``; ``:`` or ``->`` instead of ``=``, semicolons, spaces or newlines
    between pairs, braces and quotes are read too), or the whole sum written with digits in
    the puzzle's order (``9567 + 1085 = 10652``).
Verification:
    The rules are checked, not a string: every letter of the puzzle gets exactly one digit,
    different letters get different digits, no number starts with 0, and the sum holds. Since
    the generator proves the solution unique, this is equivalent to matching it.
Version history:
    v1: first version.
"""

from __future__ import annotations

import random

from bootcamps.errors import GenerationError
from bootcamps.types import Problem

LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0
EXAMPLE = ("SEND", "MORE", "MONEY", "9567 + 1085 = 10652")
_MAX_ATTEMPTS = 5_000
_SHRINK_AFTER = 300  # failed attempts before the pool starts to shrink (level-table settings need ~35)
_SHRINK_EVERY = 100
_DIGITS = [tuple(d for d in range(10) if mask >> d & 1) for mask in range(1024)]


def _weights(words: list[str], result: str, index: dict[str, int]) -> list[int]:
    """Each letter's net place value: the puzzle holds iff sum(weight * digit) == 0."""
    weight = [0] * len(index)
    for word in words:
        for place, letter in enumerate(reversed(word)):
            weight[index[letter]] += 10**place
    for place, letter in enumerate(reversed(result)):
        weight[index[letter]] -= 10**place
    return weight


def _domains(words: list[str], result: str, index: dict[str, int]) -> list[int]:
    """Allowed digits per letter as bitmasks: no leading zero; a result digit beyond every
    addend is a final carry, at most the largest carry the columns can produce."""
    allow = [1023] * len(index)
    for word in (*words, result):
        if len(word) > 1:
            allow[index[word[0]]] &= 1022
    carry = 0
    for column in range(len(result)):
        covering = sum(column < len(word) for word in words)
        if covering == 0:
            allow[index[result[-1 - column]]] &= (1 << (carry + 1)) - 1
        carry = (9 * covering + carry) // 10
    return allow


def _search_order(columns: list[list[int]], weight: list[int], count: int) -> list[int]:
    """Letters column by column, from whichever end needs fewer new letters to close a column:
    closed right columns give checks modulo 10^k, closed left columns tight bounds."""
    order: list[int] = []
    placed = 0
    low, high = 0, len(columns) - 1
    while low <= high:
        need_low = {c for c in columns[low] if not placed >> c & 1}
        need_high = {c for c in columns[high] if not placed >> c & 1}
        if len(need_low) <= len(need_high):
            new, low = sorted(need_low), low + 1
        else:
            new, high = sorted(need_high, key=lambda c: (-abs(weight[c]), c)), high - 1
        for letter in new:
            placed |= 1 << letter
            order.append(letter)
    return order + [c for c in range(count) if not placed >> c & 1]


def count_solutions(words: list[str], result: str, limit: int = 2) -> int:
    """The number of solutions of ``words[0] + ... = result``, counting stops at ``limit``.

    Branch and bound over letters with the linear form sum(weight * digit) == 0: after each
    letter the partial sum must be divisible by 10^k once the k rightmost columns are complete,
    and within what the unassigned letters can still add or take away.
    """
    letters = sorted(set("".join(words)) | set(result))
    index = {letter: i for i, letter in enumerate(letters)}
    weight = _weights(words, result, index)
    allow = _domains(words, result, index)
    columns = [[index[w[-1 - col]] for w in words if col < len(w)] + [index[result[-1 - col]]]
               for col in range(len(result))]
    order = _search_order(columns, weight, len(letters))
    depth_of = {letter: depth for depth, letter in enumerate(order)}
    n = len(order)
    modulus = [1] * n
    for k in range(1, len(columns) + 1):
        closed = max(depth_of[c] for column in columns[:k] for c in column)
        modulus[closed] = max(modulus[closed], 10**k)
    for depth in range(1, n):
        modulus[depth] = max(modulus[depth], modulus[depth - 1])
    ws = [weight[c] for c in order]
    allowed = [allow[c] for c in order]
    positive = [0] * (n + 1)
    negative = [0] * (n + 1)
    for depth in range(n - 1, -1, -1):
        positive[depth] = positive[depth + 1] + max(ws[depth], 0)
        negative[depth] = negative[depth + 1] + min(ws[depth], 0)
    found = 0

    def search(depth: int, total: int, used: int) -> bool:
        nonlocal found
        if depth == n:
            if total == 0:
                found += 1
            return found >= limit
        free = 1023 & ~used
        top = free.bit_length() - 1
        if total + top * positive[depth] < 0 or total + top * negative[depth] > 0:
            return False
        w, mod = ws[depth], modulus[depth]
        for digit in _DIGITS[allowed[depth] & free]:
            value = total + w * digit
            if value % mod == 0 and search(depth + 1, value, used | 1 << digit):
                return True
        return False

    search(0, 0, 0)
    return found


def _numbers(rng: random.Random, addends: int, digits: int, pool_size: int) -> list[int]:
    """Random addends whose digits all come from one random pool (so letters repeat)."""
    pool = rng.sample(range(10), pool_size)
    nonzero = [d for d in pool if d]
    numbers = []
    for _ in range(addends):
        number = nonzero[int(rng.random() * len(nonzero))]
        for _ in range(digits - 1):
            number = number * 10 + pool[int(rng.random() * pool_size)]
        numbers.append(number)
    return numbers


def _encode(rng: random.Random, numbers: list[int]) -> tuple[list[str], str, dict[str, int]]:
    texts = [str(number) for number in numbers] + [str(sum(numbers))]
    used = sorted(set("".join(texts)))
    cipher = dict(zip(used, rng.sample(LETTERS, len(used)), strict=True))
    words = ["".join(cipher[d] for d in text) for text in texts]
    return words[:-1], words[-1], {cipher[d]: int(d) for d in used}


def _question(words: list[str], result: str) -> str:
    width = len(result) + 2
    lines = [words[0].rjust(width)] + ["+ " + word.rjust(width - 2) for word in words[1:]]
    layout = "\n".join(["    " + line for line in [*lines, "-" * width, result.rjust(width)]])
    one_line = " + ".join(words) + " = " + result
    send, more, money, digits = EXAMPLE
    return (
        "Solve this cryptarithm (a sum written with letters). Each letter stands for one digit "
        "from 0 to 9, different letters stand for different digits, and no number starts with 0.\n\n"
        f"{layout}\n\nOn one line: {one_line}\n\n"
        "The puzzle has exactly one solution. Give the digit of every letter as comma-separated "
        "LETTER=digit pairs in any order, or write the whole sum with digits in the same order. "
        f"For example, for {send} + {more} = {money} either "
        "\"D=7, E=5, M=1, N=6, O=0, R=8, S=9, Y=2\" or \"" + digits + "\" would be accepted."
    )


def generate(rng: random.Random, *, addends: int, digits: int, digit_pool: int) -> Problem:
    pool = digit_pool
    for attempt in range(1, _MAX_ATTEMPTS + 1):
        if attempt >= _SHRINK_AFTER and attempt % _SHRINK_EVERY == 0 and pool > 2:
            pool -= 1  # many short addends over many digits are almost never unique
        numbers = _numbers(rng, addends, digits, pool)
        words, result, solution = _encode(rng, numbers)
        if " + ".join(map(str, numbers)) + f" = {sum(numbers)}" == EXAMPLE[3]:
            continue  # the prompt's example must not be the answer
        if count_solutions(words, result) != 1:
            continue
        reference = ", ".join(f"{letter}={solution[letter]}" for letter in sorted(solution))
        data = {"addends": words, "result": result, "solution": dict(sorted(solution.items()))}
        return Problem(question=_question(words, result), data=data, reference=reference)
    raise GenerationError(
        f"cryptarithm: no puzzle with a unique solution in {_MAX_ATTEMPTS} attempts "
        f"(addends={addends}, digits={digits}, digit_pool={digit_pool})"
    )
