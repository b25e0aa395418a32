"""Frozen benchmarks, evaluation from a responses file or a live endpoint, contamination."""

import json
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import bootcamps
from bootcamps.bench import (
    BenchmarkError,
    build_benchmark,
    check_benchmark,
    contamination,
    load_benchmark,
)
from bootcamps.evaluation import Endpoint, EvaluationError, evaluate, pass_at_k

BOOTCAMPS = str(Path(sys.executable).parent / "bootcamps")
TASKS = ["basic_arithmetic-v1", "countdown-v1"]


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    build_benchmark(TASKS, [1, 4, 8], per_level=3, seed=5, out=out, command="test")
    return out


def answer(text: str) -> str:
    return f"<answer>{text}</answer>"


def test_benchmark_is_balanced_sorted_and_reproducible(bench, tmp_path):
    manifest, instances = load_benchmark(bench)
    assert manifest["counts"] == {task: {"1": 3, "4": 3, "8": 3} for task in TASKS}
    assert [(i.task, i.level) for i in instances] == sorted((i.task, i.level) for i in instances)
    build_benchmark(TASKS, [1, 4, 8], per_level=3, seed=5, out=tmp_path, command="test")
    assert (tmp_path / "items.jsonl").read_bytes() == (bench / "items.jsonl").read_bytes()
    assert check_benchmark(bench, regenerate=True)["items"] == 18


@pytest.mark.parametrize("damage, message", [
    (lambda d: (d / "items.jsonl").write_text((d / "items.jsonl").read_text().replace('"level":1', '"level":2', 1)),
     "the benchmark was altered"),
    (lambda d: (d / "manifest.json").unlink(), "found no manifest.json"),
    (lambda d: (d / "manifest.json").write_text("{"), "expected a readable JSON manifest"),
])
def test_a_damaged_benchmark_is_detected(bench, tmp_path, damage, message):
    copy = tmp_path / "copy"
    shutil.copytree(bench, copy)
    damage(copy)
    with pytest.raises(BenchmarkError, match=message):
        check_benchmark(copy)
    done = subprocess.run([BOOTCAMPS, "bench", "check", str(copy)], capture_output=True, text=True)
    assert done.returncode == 2 and message in done.stderr


def test_a_consistently_rehashed_forgery_still_fails(bench, tmp_path):
    """Editing an instance and fixing the file hash is caught by the per-instance content hash."""
    import hashlib

    copy = tmp_path / "copy"
    shutil.copytree(bench, copy)
    lines = (copy / "items.jsonl").read_text().splitlines(keepends=True)
    obj = json.loads(lines[0])
    obj["reference"] = "0"
    obj["data"]["value"] = "0"
    lines[0] = json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n"
    payload = "".join(lines).encode()
    (copy / "items.jsonl").write_bytes(payload)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["items_sha256"] = hashlib.sha256(payload).hexdigest()
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BenchmarkError, match="altered or corrupted"):
        check_benchmark(copy)


def test_pass_at_k_is_the_unbiased_estimator():
    assert pass_at_k(5, 0, 1) == 0.0 and pass_at_k(5, 5, 3) == 1.0
    assert pass_at_k(4, 1, 1) == pytest.approx(0.25)
    assert pass_at_k(4, 1, 2) == pytest.approx(1 - 3 / 6)
    assert pass_at_k(3, 1, 3) == 1.0


def responses_file(path: Path, instances, right=lambda index, sample: True, samples=2) -> Path:
    with path.open("w") as handle:
        for index, instance in enumerate(instances):
            for sample in range(samples):
                text = answer(instance.reference) if right(index, sample) else answer("wrong")
                handle.write(json.dumps({"id": instance.id, "response": text}) + "\n")
    return path


def test_eval_from_a_responses_file(bench, tmp_path):
    _, instances = load_benchmark(bench)
    path = responses_file(tmp_path / "r.jsonl", instances, right=lambda i, s: s == 0 or i % 2 == 0)
    summary = evaluate(bench, tmp_path / "out", responses=path)
    assert summary["items"] == 18 and summary["samples_per_item"] == 2
    assert summary["pass@2"] == 1.0
    assert summary["accuracy"] == pytest.approx(summary["pass@1"]) == pytest.approx((9 * 1.0 + 9 * 0.5) / 18)
    assert set(summary["per_task"]) == set(TASKS) and set(summary["per_level"]) == {"1", "4", "8"}
    results = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert len(results) == 36
    for name in ("summary.json", "report.md", "report.html", "plots/accuracy_by_level.png",
                 "plots/accuracy_by_category.png"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert "plots/accuracy_by_level.png" in (tmp_path / "out" / "report.html").read_text()


@pytest.mark.parametrize("edit, message", [
    (lambda lines: lines[2:], "2 missing"),
    (lambda lines: [*lines, json.dumps({"id": "nope", "response": "x"})], "1 unknown"),
    (lambda lines: [*lines, "{broken"], "invalid JSON"),
    (lambda lines: [*lines, json.dumps({"id": 3})], 'expected {"id": str, "response": str}'),
])
def test_bad_responses_files_are_refused_whole(bench, tmp_path, edit, message):
    _, instances = load_benchmark(bench)
    path = responses_file(tmp_path / "r.jsonl", instances, samples=1)
    path.write_text("\n".join(edit(path.read_text().splitlines())) + "\n")
    with pytest.raises(EvaluationError, match=message):
        evaluate(bench, tmp_path / "out", responses=path)
    assert not (tmp_path / "out" / "summary.json").exists()


class FakeModel(BaseHTTPRequestHandler):
    """An OpenAI-compatible /v1/chat/completions on loopback, with scripted misbehaviour."""

    answers: dict[str, str] = {}
    calls: dict[str, int] = {}
    mode = "good"
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        with self.lock:
            count = self.calls[prompt] = self.calls.get(prompt, 0) + 1
        if self.mode == "garbage":
            return self._send(200, b"<html>not json</html>")
        if count == 1 and self.mode == "flaky":
            return self._send(503, b"{}")
        reference = self.answers[prompt]
        message = {"role": "assistant", "content": answer(reference) if len(prompt) % 2 else answer("nope"),
                   "reasoning_content": answer(reference)}  # must never be scored
        return self._send(200, json.dumps({"choices": [{"index": 0, "message": message}]}).encode())

    def _send(self, status, payload):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_model(bench):
    _, instances = load_benchmark(bench)
    FakeModel.answers = {instance.prompt: instance.reference for instance in instances}
    FakeModel.calls = {}
    FakeModel.mode = "good"
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", instances
    server.shutdown()
    server.server_close()


def test_eval_against_a_live_endpoint_with_retries(bench, tmp_path, fake_model):
    url, instances = fake_model
    FakeModel.mode = "flaky"  # the first call for every prompt fails with 503
    endpoint = Endpoint(url, "fake", retries=2, timeout=10)
    summary = evaluate(bench, tmp_path / "out", endpoint=endpoint, samples=2, concurrency=4)
    expected = sum(len(i.prompt) % 2 for i in instances) / len(instances)
    assert summary["accuracy"] == pytest.approx(expected)  # content scored, reasoning ignored
    assert len((tmp_path / "out" / "results.jsonl").read_text().splitlines()) == 36


def test_endpoint_eval_resumes_without_asking_again(bench, tmp_path, fake_model):
    url, instances = fake_model
    endpoint = Endpoint(url, "fake", retries=0, timeout=10)
    evaluate(bench, tmp_path / "out", endpoint=endpoint, samples=1, concurrency=2)
    results = tmp_path / "out" / "results.jsonl"
    lines = results.read_text().splitlines(keepends=True)
    results.write_text("".join(lines[:10]) + lines[10][:15])  # interrupted mid-line
    FakeModel.calls = {}
    summary = evaluate(bench, tmp_path / "out", endpoint=endpoint, samples=1, concurrency=2)
    assert sum(FakeModel.calls.values()) == 8  # only the missing items were asked again
    assert summary["items"] == 18 and len(results.read_text().splitlines()) == 18


def test_an_endpoint_answering_garbage_stops_with_an_error(bench, tmp_path, fake_model):
    url, _ = fake_model
    FakeModel.mode = "garbage"
    with pytest.raises(EvaluationError, match="expected a chat completion JSON"):
        evaluate(bench, tmp_path / "out", endpoint=Endpoint(url, "fake", retries=1, timeout=10))
    assert not (tmp_path / "out" / "summary.json").exists()
    done = subprocess.run([BOOTCAMPS, "eval", "--bench", str(bench), "--endpoint", url, "--model", "fake",
                           "--retries", "0", "--out", str(tmp_path / "cli")], capture_output=True, text=True)
    assert done.returncode == 2 and "expected a chat completion JSON" in done.stderr


def test_an_unreachable_endpoint_is_an_error(bench, tmp_path):
    endpoint = Endpoint("http://127.0.0.1:9/v1", "fake", retries=1, timeout=2)
    with pytest.raises(EvaluationError, match="failed 2 times"):
        evaluate(bench, tmp_path / "out", endpoint=endpoint)


def test_contamination_finds_benchmark_items_in_a_dump(bench, tmp_path):
    _, instances = load_benchmark(bench)
    train = tmp_path / "train.jsonl"
    rows = [bootcamps.rewards.to_row(bootcamps.get_task("sudoku").generate(seed, 3)) for seed in range(5)]
    rows += [bootcamps.rewards.to_row(instance) for instance in instances[:2]]
    train.write_text("".join(json.dumps(row) + "\n" for row in rows))
    report = contamination(bootcamps.dump.iter_dump_rows(train), bench)
    assert report["contaminated"] == 2 and report["train_rows"] == 7
    assert report["ids"] == sorted(instance.id for instance in instances[:2])
    done = subprocess.run([BOOTCAMPS, "contamination", "--train", str(train), "--bench", str(bench)],
                          capture_output=True, text=True)
    assert done.returncode == 1 and "2 of 18 benchmark items" in done.stdout
    clean = tmp_path / "clean.jsonl"
    clean.write_text("".join(json.dumps(row) + "\n" for row in rows[:5]))
    done = subprocess.run([BOOTCAMPS, "contamination", "--train", str(clean), "--bench", str(bench)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "0 of 18" in done.stdout
