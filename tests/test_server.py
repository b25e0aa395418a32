"""The HTTP reward server, over real HTTP on 127.0.0.1 only.

A server started with the ``bootcamps serve`` console script (a subprocess) answers every
endpoint and refuses malformed or oversized requests with a 4xx JSON error that says what was
expected and what was found; SIGTERM or SIGINT stops it cleanly (exit code 0, scoring workers gone). A
server run in this process (so a verifier can be made to hang) keeps answering /health while a
scoring batch hangs, and scores the hanging item as a timeout. Every wait is bounded.
"""

import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

import bootcamps
import bootcamps.rewards
from bootcamps.registry import Task
from bootcamps.server import create_app, running

EXE = shutil.which("bootcamps", path=str(Path(sys.executable).parent))
HOST = "127.0.0.1"
LIMITS = {"max_items": 8, "max_body_bytes": 65536, "max_response_chars": 4000}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start(*extra: str) -> tuple[subprocess.Popen, str]:
    assert EXE, "the bootcamps console script is not installed"
    port = free_port()
    process = subprocess.Popen([EXE, "serve", "--host", HOST, "--port", str(port), "--log-level", "warning", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}: {process.communicate()[1][-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("server did not answer /health within 20 s")


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> int:
    process.send_signal(sig)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
        raise AssertionError("server did not exit within 10 s of SIGTERM") from None
    finally:
        process.stdout.close()
        process.stderr.close()
    return process.returncode


def descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def server():
    args = [f"--{name.replace('_', '-')}={value}" for name, value in LIMITS.items()]
    process, url = start("--workers", "2", "--timeout", "2", "--policy", '{"format_reward": 0.5}', *args)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    assert stop(process) == 0


@pytest.fixture(scope="module")
def instances():
    tasks = ("basic_arithmetic-v1", "countdown-v1", "sudoku-v1", "linear_system-v1")
    return {task_id: bootcamps.get_task(task_id).generate(3, 2) for task_id in tasks}


def test_health_reports_workers_budget_and_limits(server):
    health = server.get("/health").json()
    assert health["status"] == "ok" and health["workers"] == 2 and health["timeout"] == 2.0
    assert {name: health["limits"][name] for name in LIMITS} == LIMITS


def test_tasks_lists_every_task_with_its_category(server):
    table = server.get("/tasks").json()
    assert [task["id"] for task in table["tasks"]] == bootcamps.list_tasks()
    for task in table["tasks"]:
        assert task["category"] == bootcamps.get_task(task["id"]).category
        assert task["id"] in table["categories"][task["category"]]
        assert task["summary"] and task["answer_format"]


def test_score_scores_a_batch_in_order_with_the_policy(server, instances):
    chosen = list(instances.values())[:3]
    items = [{"instance": i.to_json(), "response": f"<think>hmm</think><answer>{i.reference}</answer>"} for i in chosen]
    items += [{"instance": chosen[0].to_json(), "response": "<answer>definitely wrong</answer>"},
              {"instance": chosen[1].to_json(), "response": "no answer here", "task": chosen[1].task},
              {"instance": "{not an instance", "response": "<answer>1</answer>"}]
    results = server.post("/score", json={"items": items}).json()["results"]
    assert [r["status"] for r in results[:3]] == ["correct"] * 3
    assert [r["reward"] for r in results[:3]] == [1.5] * 3  # the server's --policy format_reward 0.5
    assert results[3]["correct"] is False and results[3]["reward"] == 0.5  # wrong, but well formatted
    assert results[4]["status"] == "no_answer" and results[4]["reward"] == 0.0
    assert results[5]["status"] == "error" and "unreadable row" in results[5]["reason"]
    assert set(results[0]) == {"reward", "correct", "score", "status", "reason"}
    # the request's policy overrides the server's field by field
    again = server.post("/score", json={"items": items[:1], "policy": {"format_reward": 0, "correct_reward": 2}})
    assert again.json()["results"][0]["reward"] == 2.0
    assert server.post("/score", json={"items": []}).json() == {"results": []}


def test_instance_objects_and_deeply_nested_junk(server, instances):
    instance = instances["basic_arithmetic-v1"]
    good = {"instance": instance.to_dict(), "response": f"<answer>{instance.reference}</answer>"}
    deep = {"instance": json.loads('{"a":' * 900 + "1" + "}" * 900), "response": "<answer>1</answer>"}
    started = time.monotonic()
    results = server.post("/score", json={"items": [good, deep, good]}).json()["results"]
    assert [r["status"] for r in results] == ["correct", "error", "correct"]
    assert time.monotonic() - started < 5


def test_get_reward_speaks_openrlhf(server, instances):
    instance = instances["basic_arithmetic-v1"]
    prompt = f"<|im_start|>user\n{instance.prompt}<|im_end|>\n<|im_start|>assistant\n"
    queries = [prompt + f"<answer>{instance.reference}</answer><|im_end|><|endoftext|>",
               prompt + "<answer>-1</answer><|im_end|>",
               "TRUNCATED" + prompt[20:] + f"\\boxed{{{instance.reference}}}<|im_end|>"]
    body = {"query": queries, "prompts": [prompt] * 3, "labels": [instance.to_json()] * 3}
    response = server.post("/get_reward", json=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["rewards"] == [1.5, 0.5, 1.0] and answer["scores"] == answer["rewards"]
    assert answer["extra_logs"] == {"accuracy": [1.0, 0.0, 1.0], "format": [1.0, 1.0, 0.0],
                                    "timeout": [0.0] * 3, "error": [0.0] * 3}


def test_concurrent_requests_are_all_scored(server, instances):
    items = [{"instance": i.to_json(), "response": f"<answer>{i.reference}</answer>"} for i in instances.values()] * 2
    before = server.get("/health").json()["scored"]
    answers = []

    def post() -> None:
        answers.append(server.post("/score", json={"items": items}).json())

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(answers) == 8 and all(r["correct"] for answer in answers for r in answer["results"])
    assert server.get("/health").json()["scored"] - before == 64


def _item(**fields):
    return {"instance": "{}", "response": "x", **fields}


MALFORMED = [
    # (name, path, body bytes, status, words the message must hold)
    ("invalid JSON", "/score", b'{"items": [', 400, ["expected JSON", "invalid JSON", "line 1"]),
    ("empty body", "/score", b"", 400, ["empty body"]),
    ("not UTF-8", "/score", b'{"items": ["\xff"]}', 400, ["expected UTF-8"]),
    ("array body", "/score", b"[]", 422, ["expected an object", "array"]),
    ("missing items", "/score", b'{"item": []}', 422, ["expected a field 'items'", "'item'"]),
    ("items not a list", "/score", json.dumps({"items": {"a": 1}}).encode(), 422, ["items: expected an array"]),
    ("item not an object", "/score", json.dumps({"items": ["x"]}).encode(), 422, ["items[0]", "string"]),
    ("missing response", "/score", json.dumps({"items": [{"instance": "{}"}]}).encode(), 422,
     ["items[0]: expected a field 'response'"]),
    ("response not a string", "/score", json.dumps({"items": [_item(response=None)]}).encode(), 422,
     ["items[0].response: expected a string", "null"]),
    ("instance a number", "/score", json.dumps({"items": [_item(instance=5)]}).encode(), 422,
     ["items[0].instance", "number 5"]),
    ("unknown item field", "/score", json.dumps({"items": [_item(answer="x")]}).encode(), 422,
     ["unknown 'answer'"]),
    ("policy not an object", "/score", json.dumps({"items": [], "policy": 3}).encode(), 422, ["policy: expected an object"]),
    ("unknown policy field", "/score", json.dumps({"items": [], "policy": {"bonus": 1}}).encode(), 422,
     ["policy: expected fields among", "'bonus'"]),
    ("policy field of the wrong type", "/score", json.dumps({"items": [], "policy": {"length_budget": 1.5}}).encode(),
     422, ["policy.length_budget: expected an integer", "1.5"]),
    ("policy value out of range", "/score", json.dumps({"items": [], "policy": {"extraction": "fuzzy"}}).encode(),
     422, ["'strict' or 'lenient'", "'fuzzy'"]),
    ("too many items", "/score", json.dumps({"items": [_item()] * 9}).encode(), 413,
     ["at most 8 entries", "found 9"]),
    ("response too long", "/score", json.dumps({"items": [_item(response="y" * 4001)]}).encode(), 413,
     ["at most 4000 characters", "found 4001"]),
    ("body too large", "/score", json.dumps({"items": [_item(response="y" * 70000)]}).encode(), 413,
     ["at most 65536 bytes", "found 70"]),
    ("OpenRLHF: no labels", "/get_reward", json.dumps({"query": ["q"], "prompts": ["q"]}).encode(), 422,
     ["'labels'", "--label_key instance"]),
    ("OpenRLHF: empty label", "/get_reward", json.dumps({"query": ["q"], "prompts": [""], "labels": [""]}).encode(),
     422, ["labels[0]", "--label_key instance"]),
    ("OpenRLHF: query not a list", "/get_reward", json.dumps({"query": "q", "labels": ["{}"]}).encode(), 422,
     ["query: expected an array", "string"]),
    ("OpenRLHF: lengths differ", "/get_reward",
     json.dumps({"query": ["a", "b"], "prompts": ["a", "b"], "labels": ["{}"]}).encode(), 422,
     ["labels: expected 2 entries", "found 1"]),
    ("OpenRLHF: too many", "/get_reward", json.dumps({"query": ["a"] * 9, "labels": ["{}"] * 9}).encode(), 413,
     ["at most 8 entries"]),
    ("unknown path", "/scores", b"{}", 404, ["POST /score", "found POST /scores"]),
]


@pytest.mark.parametrize("name, path, body, status, words", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_malformed_requests_get_a_4xx_json_error(server, name, path, body, status, words):
    response = server.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status, response.text
    error = response.json()
    assert error["status"] == status
    for word in words:
        assert word in error["error"], (word, error["error"])


def test_wrong_method_and_chunked_oversized_body(server):
    response = server.get("/score")
    assert response.status_code == 405 and "expected method POST" in response.json()["error"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(20):
            yield b" " * 4096

    response = server.post("/score", content=chunks())
    assert response.status_code == 413 and "at most 65536 bytes" in response.json()["error"]
    assert server.get("/health").status_code == 200  # and the server is fine


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_shuts_down_cleanly_and_closes_the_pool(sig):
    process, url = start("--workers", "2")
    httpx.post(f"{url}/score", json={"items": [{"instance": "{}", "response": "x"}]}, timeout=10)
    children = descendants(process.pid)
    assert len(children) >= 2  # the scoring workers (and the forkserver)
    started = time.monotonic()
    assert stop(process, sig) == 0
    assert time.monotonic() - started < 5
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in children)


def test_a_hanging_verifier_does_not_block_health(monkeypatch, instances):
    original = Task.verify

    def verify(self, data, answer):
        if answer == "HANG":
            time.sleep(60)  # in a forked scoring worker, which the pool kills at the budget
        return original(self, data, answer)

    monkeypatch.setattr(Task, "verify", verify)
    instance = instances["basic_arithmetic-v1"]
    good = {"instance": instance.to_json(), "response": f"<answer>{instance.reference}</answer>"}
    # fork, so that the workers see the patch; the replacement worker is forked while other threads
    # run, so everything it needs is imported here first (a child cannot take a lock held at fork)
    assert bootcamps.rewards.score(instance, good["response"]) == 1.0
    app = create_app(workers=2, timeout=2.0, start_method="fork")
    with running(app) as url, httpx.Client(base_url=url, timeout=30) as client:
        outcome = {}

        def post() -> None:
            hang = {**good, "response": "<answer>HANG</answer>"}
            outcome["response"] = client.post("/score", json={"items": [good, hang, good]})

        thread = threading.Thread(target=post)
        thread.start()
        deadline = time.monotonic() + 10
        while thread.is_alive() and time.monotonic() < deadline:
            started = time.monotonic()
            health = client.get("/health").json()
            latency = time.monotonic() - started
            if health["queued"]:
                break
            time.sleep(0.01)
        assert health["queued"] == 3, (health, outcome)  # the batch is hanging in a worker ...
        assert latency < 0.5  # ... and /health answered at once
        started = time.monotonic()
        assert client.get("/tasks").status_code == 200 and time.monotonic() - started < 0.5
        thread.join(timeout=20)
        results = outcome["response"].json()["results"]
        assert [r["status"] for r in results] == ["correct", "timeout", "correct"]
        assert "longer than 2 s" in results[1]["reason"]
        assert client.get("/health").json()["workers_replaced"] == 1
        # the replaced worker scores the next request
        assert client.post("/score", json={"items": [good]}).json()["results"][0]["correct"]


def test_a_failing_pool_answers_500_json_and_is_replaced(monkeypatch, instances):
    instance = instances["basic_arithmetic-v1"]
    good = {"instance": instance.to_json(), "response": f"<answer>{instance.reference}</answer>"}
    original, calls = bootcamps.rewards.ScoringPool.score, []

    def score(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("pipe broke")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(bootcamps.rewards.ScoringPool, "score", score)
    with running(create_app(workers=1)) as url, httpx.Client(base_url=url, timeout=30) as client:
        failed = client.post("/score", json={"items": [good]})
        assert failed.status_code == 500 and "RuntimeError: pipe broke" in failed.json()["error"]
        assert client.post("/score", json={"items": [good]}).json()["results"][0]["correct"]
        assert client.get("/health").json()["pool_restarts"] == 1
