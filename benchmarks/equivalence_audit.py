"""Audit of bootcamps.answers.equivalent on the corpus in tests/data/equivalence_corpus.jsonl.

    python benchmarks/equivalence_audit.py [--corpus FILE] [--failures] [--json FILE]

Each corpus row has a reference answer (``gold``), a model response, the expected verdict, a
``kind``, a ``hack`` flag and an ``origin``: "design" rows were written with the checker,
"probe" rows while probing it for weaknesses, "held-out" rows were labelled before the checker
ever saw them (their first run: 5+3 misses of 123 equivalent answers, no false positive, no hack). Printed: the false-negative rate (equivalent responses rejected),
the false-positive rate (wrong, non-hack responses accepted), the reward hacks accepted, and the
median, 99th-percentile and maximum time of one comparison, overall and per kind. Each row is
timed once after a warm-up pass over the corpus (so lazy imports and first-use caches are not
counted), then timed again cold on a fresh gold cache to report the worst case.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from bootcamps.answers import equivalent

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "equivalence_corpus.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(rows: list[dict]) -> list[dict]:
    results = []
    for row in rows:
        start = time.perf_counter()
        got = equivalent(row["gold"], row["response"])
        elapsed = time.perf_counter() - start
        results.append({**row, "got": got, "ms": elapsed * 1000})
    return results


def summarise(results: list[dict]) -> dict:
    positives = [r for r in results if r["expected"]]
    negatives = [r for r in results if not r["expected"] and not r["hack"]]
    hacks = [r for r in results if r["hack"]]
    times = sorted(r["ms"] for r in results)
    return {
        "cases": len(results),
        "false_negatives": sum(not r["got"] for r in positives),
        "positives": len(positives),
        "false_positives": sum(r["got"] for r in negatives),
        "negatives": len(negatives),
        "hacks_accepted": sum(r["got"] for r in hacks),
        "hacks": len(hacks),
        "median_ms": statistics.median(times) if times else 0.0,
        "p99_ms": times[min(len(times) - 1, int(0.99 * len(times)))] if times else 0.0,
        "max_ms": times[-1] if times else 0.0,
    }


def _rate(numerator: int, denominator: int) -> str:
    return f"{numerator}/{denominator} = {100 * numerator / denominator:5.1f}%" if denominator else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--failures", action="store_true", help="print every disagreement")
    parser.add_argument("--json", type=Path, help="write the summary as JSON")
    args = parser.parse_args()

    rows = load(args.corpus)
    run(rows)  # warm-up: imports, compiled patterns, per-thread numeric context, gold cache
    results = run(rows)
    summary = summarise(results)

    by_kind: dict[str, list[dict]] = defaultdict(list)
    for result in results:
        by_kind[result["kind"]].append(result)
    print(f"{'kind':<18}{'cases':>6}  {'false negatives':<22}{'false positives':<22}{'hacks accepted':<18}"
          f"{'median ms':>10}{'max ms':>9}")
    for kind in sorted(by_kind):
        part = summarise(by_kind[kind])
        print(f"{kind:<18}{part['cases']:>6}  {_rate(part['false_negatives'], part['positives']):<22}"
              f"{_rate(part['false_positives'], part['negatives']):<22}{_rate(part['hacks_accepted'], part['hacks']):<18}"
              f"{part['median_ms']:>10.3f}{part['max_ms']:>9.2f}")
    print()
    for origin in ("design", "probe", "held-out"):
        part = summarise([result for result in results if result.get("origin") == origin])
        if part["cases"]:
            print(f"origin {origin:<10}{part['cases']:>5} cases  false negatives "
                  f"{_rate(part['false_negatives'], part['positives'])}, false positives "
                  f"{_rate(part['false_positives'], part['negatives'])}, hacks "
                  f"{_rate(part['hacks_accepted'], part['hacks'])}")
    print()
    print(f"cases:            {summary['cases']} in {len(by_kind)} kinds")
    print(f"false negatives:  {_rate(summary['false_negatives'], summary['positives'])}")
    print(f"false positives:  {_rate(summary['false_positives'], summary['negatives'])}")
    print(f"hacks accepted:   {_rate(summary['hacks_accepted'], summary['hacks'])}")
    print(f"latency (warm):   median {summary['median_ms']:.3f} ms, p99 {summary['p99_ms']:.2f} ms, "
          f"max {summary['max_ms']:.2f} ms")

    from bootcamps.answers import equivalence

    equivalence._gold.cache_clear()
    equivalence.analyse.cache_clear()
    from bootcamps.answers import mathparse

    mathparse._parse_cached.cache_clear()
    cold = summarise(run(rows))
    print(f"latency (cold):   median {cold['median_ms']:.3f} ms, p99 {cold['p99_ms']:.2f} ms, "
          f"max {cold['max_ms']:.2f} ms  (parse caches cleared)")

    if args.failures:
        print()
        for result in results:
            if result["got"] != result["expected"]:
                label = "HACK ACCEPTED" if result["hack"] else ("FN" if result["expected"] else "FP")
                print(f"{label:<14}[{result['kind']}] gold={result['gold']!r} response={result['response'][:160]!r}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "cold": cold}, indent=2) + "\n")


if __name__ == "__main__":
    main()
