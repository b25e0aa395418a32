"""Score a model on a frozen benchmark: from a responses file or a live OpenAI-compatible endpoint.

Outputs in ``--out``: ``results.jsonl`` (one line per item and sample), ``summary.json``
(accuracy overall, per task, level and category, and pass@k), ``report.md`` and ``report.html``
with plots (``plots/*.png``, made with matplotlib).

Endpoint runs are resumable: every finished (item, sample) is appended to results.jsonl at once,
and the same command skips what is already there. Only the message ``content`` is scored, never
a separate reasoning field. An endpoint that keeps failing or answers garbage stops the run with
an error (what is done stays, for a resume); nothing is ever silently left out.
"""

from __future__ import annotations

import json
import math
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bootcamps.bench import load_benchmark
from bootcamps.errors import BootcampsError, InvalidParameterError
from bootcamps.registry import get_task
from bootcamps.types import Instance

RESULTS, SUMMARY = "results.jsonl", "summary.json"


class EvaluationError(BootcampsError):
    """Responses that do not match the benchmark, or an endpoint that cannot be used."""


# -- pass@k -----------------------------------------------------------------------------------


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from n samples with c correct: 1 - C(n-c, k) / C(n, k)."""
    if n - c < k:
        return 1.0
    return 1.0 - math.comb(n - c, k) / math.comb(n, k)


# -- responses ---------------------------------------------------------------------------------


def read_responses(path: Path, instances: dict[str, Instance]) -> dict[str, list[str]]:
    """Responses per benchmark id; every id must be answered and no unknown id may appear."""
    responses: dict[str, list[str]] = defaultdict(list)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise InvalidParameterError(f"--responses expected a readable JSONL file, found {str(path)!r} "
                                    f"({error.strerror})") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                raise EvaluationError(f"{path.name} line {number}: expected a JSON object, found invalid JSON") from None
            if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not isinstance(row.get("response"), str):
                raise EvaluationError(f'{path.name} line {number}: expected {{"id": str, "response": str}}, '
                                      f"found {str(row)[:80]}")
            responses[row["id"]].append(row["response"])
    extra = sorted(set(responses) - set(instances))
    missing = sorted(set(instances) - set(responses))
    if extra or missing:
        raise EvaluationError(
            f"expected one or more responses for each of the {len(instances)} benchmark ids and no others, "
            f"found {len(missing)} missing (e.g. {missing[:3]}) and {len(extra)} unknown (e.g. {extra[:3]})"
        )
    return responses


# -- endpoint ----------------------------------------------------------------------------------


@dataclass
class Endpoint:
    """An OpenAI-compatible chat completions endpoint (``base_url`` ends before /chat/completions)."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout: float = 120.0
    retries: int = 4
    max_tokens: int | None = None
    temperature: float | None = None

    def complete(self, prompt: str) -> str:
        """The message content of one completion, with retries and exponential backoff."""
        body: dict[str, Any] = {"model": self.model, "messages": [{"role": "user", "content": prompt}]}
        if self.max_tokens is not None:
            body["max_tokens"] = self.max_tokens
        if self.temperature is not None:
            body["temperature"] = self.temperature
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(min(0.2 * 2 ** (attempt - 1), 10.0))
            try:
                return self._post(body)
            except _Retryable as error:
                problem = str(error)
        raise EvaluationError(f"the endpoint failed {self.retries + 1} times; last: {problem}")

    def _post(self, body: dict[str, Any]) -> str:
        request = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions", data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json",
                     **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - the user's URL
                payload = reply.read()
        except urllib.error.HTTPError as error:
            if error.code == 429 or error.code >= 500:
                raise _Retryable(f"HTTP {error.code}") from None
            raise EvaluationError(f"the endpoint answered HTTP {error.code}: {error.read()[:200]!r}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
            raise _Retryable(f"{type(error).__name__}: {error}") from None
        try:
            content = json.loads(payload)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise _Retryable(f"expected a chat completion JSON, found {payload[:120]!r}") from None
        if content is None:
            return ""  # e.g. a reasoning model that put everything in its reasoning field
        if not isinstance(content, str):
            raise _Retryable(f"expected message content as text, found {type(content).__name__}")
        return content


class _Retryable(Exception):
    pass


def _done_results(path: Path) -> list[dict[str, Any]]:
    """Results already written (resume); a torn last line from a kill is dropped."""
    if not path.exists():
        return []
    text = path.read_text("utf-8")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines.pop()
        path.write_text("".join(lines), "utf-8")
    return [json.loads(line) for line in lines]


def _result(instance: Instance, sample: int, response: str) -> dict[str, Any]:
    verdict = get_task(instance.task).score(instance, response)
    return {"id": instance.id, "task": instance.task, "level": instance.level, "sample": sample,
            "response": response, **verdict.to_dict()}


def run_endpoint(instances: list[Instance], endpoint: Endpoint, samples: int, concurrency: int,
                 out: Path) -> list[dict[str, Any]]:
    """Ask the endpoint for every missing (item, sample), appending each result as it comes."""
    path = out / RESULTS
    done = _done_results(path)
    have = {(row["id"], row["sample"]) for row in done}
    todo = [(instance, sample) for instance in instances for sample in range(samples)
            if (instance.id, sample) not in have]
    lock = threading.Lock()
    with path.open("a", encoding="utf-8") as handle, ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = {pool.submit(endpoint.complete, instance.prompt): (instance, sample) for instance, sample in todo}
        try:
            for future in as_completed(futures):
                instance, sample = futures[future]
                row = _result(instance, sample, future.result())
                with lock:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                    handle.flush()
                done.append(row)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return done


# -- summary and report ----------------------------------------------------------------------


def summarise(results: list[dict[str, Any]], instances: list[Instance]) -> dict[str, Any]:
    """Accuracy (mean over items of the fraction of correct samples) overall, per task, level and
    category, and unbiased pass@k for every k up to the smallest sample count."""
    by_item: dict[str, list[bool]] = defaultdict(list)
    for row in results:
        by_item[row["id"]].append(bool(row["correct"]))
    items = {instance.id: instance for instance in instances}

    def accuracy(ids: list[str]) -> float:
        return sum(sum(by_item[i]) / len(by_item[i]) for i in ids) / len(ids) if ids else 0.0

    groups: dict[str, dict[str, list[str]]] = {"task": defaultdict(list), "level": defaultdict(list),
                                               "category": defaultdict(list), "task_level": defaultdict(list)}
    for item_id, instance in items.items():
        category = get_task(instance.task).category
        groups["task"][instance.task].append(item_id)
        groups["level"][str(instance.level)].append(item_id)
        groups["category"][category].append(item_id)
        groups["task_level"][f"{instance.task}@{instance.level}"].append(item_id)
    samples = min(len(values) for values in by_item.values())
    passes = {f"pass@{k}": sum(pass_at_k(len(v), sum(v), k) for v in by_item.values()) / len(by_item)
              for k in range(1, samples + 1)}
    return {"items": len(items), "samples_per_item": samples, "accuracy": accuracy(list(items)), **passes,
            **{f"per_{name}": {key: {"items": len(ids), "accuracy": accuracy(ids)} for key, ids in sorted(group.items())}
               for name, group in groups.items()}}


def _plots(summary: dict[str, Any], folder: Path) -> list[Path]:
    try:
        import matplotlib
    except ImportError:
        raise EvaluationError("reports need matplotlib: pip install 'bootcamps[report]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    per_task: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for key, entry in summary["per_task_level"].items():
        task, level = key.rsplit("@", 1)
        per_task[task].append((int(level), entry["accuracy"]))
    paths = []
    figure, axes = plt.subplots(figsize=(8, 4.5))
    for task, points in sorted(per_task.items()):
        points.sort()
        axes.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=task)
    axes.set(xlabel="level", ylabel="accuracy", ylim=(-0.05, 1.05), title="Accuracy by level and task")
    axes.set_xticks(range(1, 11))
    axes.legend(fontsize="small", ncol=2)
    figure.tight_layout()
    paths.append(folder / "accuracy_by_level.png")
    figure.savefig(paths[-1], dpi=100)
    plt.close(figure)
    figure, axes = plt.subplots(figsize=(8, 4))
    categories = summary["per_category"]
    axes.bar(list(categories), [entry["accuracy"] for entry in categories.values()], color="#4c72b0")
    axes.set(ylabel="accuracy", ylim=(0, 1.05), title="Accuracy by category")
    figure.tight_layout()
    paths.append(folder / "accuracy_by_category.png")
    figure.savefig(paths[-1], dpi=100)
    plt.close(figure)
    return paths


def _table(title: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = [f"## {title}", "", "| | items | accuracy |", "|---|---:|---:|"]
    lines += [f"| {key} | {entry['items']} | {entry['accuracy']:.1%} |" for key, entry in rows.items()]
    return [*lines, ""]


def write_report(summary: dict[str, Any], out: Path, title: str) -> None:
    """report.md and report.html (self-contained apart from the PNG plots beside them)."""
    import html

    plots = _plots(summary, out / "plots")
    passes = ", ".join(f"{key} {value:.1%}" for key, value in summary.items() if key.startswith("pass@"))
    lines = [f"# {title}", "", f"{summary['items']} items, {summary['samples_per_item']} sample(s) each. "
             f"Accuracy {summary['accuracy']:.1%}; {passes}.", ""]
    lines += [f"![{path.stem}](plots/{path.name})" for path in plots] + [""]
    lines += _table("By task", summary["per_task"]) + _table("By level", summary["per_level"])
    lines += _table("By category", summary["per_category"])
    (out / "report.md").write_text("\n".join(lines), "utf-8")
    body = [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(lines[2])}</p>"]
    body += [f'<img src="plots/{path.name}" alt="{path.stem}">' for path in plots]
    for name in ("task", "level", "category"):
        body.append(f"<h2>By {name}</h2><table><tr><th></th><th>items</th><th>accuracy</th></tr>")
        body += [f"<tr><td>{html.escape(key)}</td><td>{entry['items']}</td><td>{entry['accuracy']:.1%}</td></tr>"
                 for key, entry in summary[f"per_{name}"].items()]
        body.append("</table>")
    style = "body{font-family:sans-serif;max-width:60em;margin:auto}td,th{padding:2px 10px;text-align:right}"
    (out / "report.html").write_text(f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
                                     f"<style>{style}</style>" + "\n".join(body), "utf-8")


def evaluate(bench: Path, out: Path, *, responses: Path | None = None, endpoint: Endpoint | None = None,
             samples: int = 1, concurrency: int = 8) -> dict[str, Any]:
    """Score a benchmark; writes results, summary and report into ``out`` and returns the summary."""
    if (responses is None) == (endpoint is None):
        raise InvalidParameterError("eval expected exactly one of --responses and --endpoint, found "
                                    f"{'both' if responses else 'neither'}")
    if samples < 1 or concurrency < 1:
        raise InvalidParameterError(f"--samples and --concurrency expected ints >= 1, found {samples} and {concurrency}")
    _, instances = load_benchmark(bench)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidParameterError(f"--out expected a writable directory, found {str(out)!r} ({error.strerror})") from None
    if responses is not None:
        answered = read_responses(responses, {instance.id: instance for instance in instances})
        results = [_result(instance, sample, text) for instance in instances
                   for sample, text in enumerate(answered[instance.id])]
        (out / RESULTS).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in results), "utf-8")
    else:
        results = run_endpoint(instances, endpoint, samples, concurrency, out)  # type: ignore[arg-type]
    summary = summarise(results, instances)
    (out / SUMMARY).write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", "utf-8")
    write_report(summary, out, f"bootcamps evaluation of {bench.name}")
    return summary
