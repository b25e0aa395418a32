"""An HTTP reward server: the scoring of ``bootcamps.rewards`` for trainers in other processes.

    bootcamps serve --host 127.0.0.1 --port 8000 --workers 4 --timeout 1.0

Endpoints (JSON in, JSON out):

- ``POST /score``: the native batch endpoint. Body ``{"items": [{"instance": "<instance JSON>",
  "response": "<whole model response>"}, ...], "policy": {RewardPolicy fields, optional}}``; an item
  may also carry ``task`` (checked against its instance). Answer ``{"results": [{"reward",
  "correct", "score", "status", "reason"}, ...]}``, one per item, in order. The request's policy
  fields override the server's policy (``--policy``) field by field.
- ``POST /get_reward``: OpenRLHF's remote reward protocol (``--remote_rm_url``), see
  ``bootcamps.integrations.openrlhf``.
- ``GET /tasks``: every task with its category, tags, summary, answer format and knobs, and the
  task ids per category.
- ``GET /health``: liveness, worker count, time budget, items queued and scored.

Errors are JSON ``{"error": "<what was expected, what was found>", "status": <code>}``: 400 for a
body that is not JSON, 413 for a request over a size limit (``Limits``: body bytes, items per
request, characters per response), 422 for JSON of the wrong shape (a missing field, a wrong type,
an unknown field), 503 when too many items are already queued. The *structure* of a request is
checked; its *content* is scored: an instance that cannot be read scores as an ERROR verdict
(reward 0), as everywhere in ``bootcamps.rewards``.

Scoring runs in a ``ScoringPool`` of worker processes, never on the event loop: one dispatcher
thread coalesces the requests that arrive together into one batch (OpenRLHF sends one completion
per request), every item has the ``timeout`` budget, and a verifier that hangs delays only the
batch it is in, by at most the budget; ``/health`` and ``/tasks`` never wait for scoring.
SIGINT and SIGTERM shut the server down gracefully: requests in flight finish, the pool is closed,
and ``serve`` returns 0. The server has no authentication: it binds to loopback by default.

``fastapi`` and ``uvicorn`` are imported only by ``create_app``, ``serve`` and ``running``; ``BatchScorer``
needs neither (the OpenRLHF reward function file uses it inside the trainer).
"""

import asyncio
import concurrent.futures
import contextlib
import ipaddress
import json
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, fields
from typing import Any

from bootcamps.errors import BootcampsError, InvalidParameterError, describe
from bootcamps.rewards import DEFAULT_TIMEOUT, RewardPolicy, Scored, ScoringPool

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# JSON bodies larger than this are parsed in a thread so the event loop keeps answering
_PARSE_IN_THREAD_BYTES = 256 * 1024
# a body over the limit is read (and dropped) up to this much more, so the client gets the 413
_DRAIN_BYTES = 16 * 2**20


@dataclass(frozen=True, slots=True)
class Limits:
    """Request size limits; a request over one is answered 413 (503 for the queue)."""

    max_body_bytes: int = 64 * 2**20
    max_items: int = 16384
    max_response_chars: int = 1_000_000
    max_queued_items: int = 262144

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InvalidParameterError(f"Limits.{spec.name} expected an int >= 1, found {describe(value)}")


def default_start_method() -> str:
    """``forkserver`` where there is one: forking a threaded server (or a trainer) is unsafe."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


# -- batching ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Job:
    rows: list[Any]
    responses: list[object]
    policy: RewardPolicy
    future: concurrent.futures.Future


class BatchScorer:
    """Scores jobs from many threads or requests in one ``ScoringPool``, batching what arrives together.

    ``submit`` returns a ``concurrent.futures.Future`` of the ``Scored`` list (``asyncio.wrap_future``
    awaits it). One dispatcher thread takes every job waiting, up to ``max_batch_items`` items,
    and scores them in one pool call per policy; a job whose future was cancelled is skipped.
    """

    def __init__(self, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
                 start_method: str | None = None, max_batch_items: int = 8192) -> None:
        if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or not timeout > 0:
            raise InvalidParameterError(f"timeout expected a positive number of seconds, found {describe(timeout)}")
        self.workers = workers or os.cpu_count() or 1
        self.start_method = start_method or default_start_method()
        self.pool = ScoringPool(self.workers, self.start_method)
        self.pool_restarts = 0  # pools replaced after failing
        self.timeout = float(timeout)
        self.max_batch_items = max_batch_items
        self.queued = 0  # items submitted and not yet scored
        self.scored = 0
        self.batches = 0
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._thread = threading.Thread(target=self._dispatch, name="bootcamps-scorer", daemon=True)
        self._thread.start()

    def submit(self, rows: Sequence[Any], responses: Sequence[object],
               policy: RewardPolicy | None = None) -> concurrent.futures.Future:
        """Queue ``responses[i]`` against ``rows[i]`` for scoring; the future gives ``list[Scored]``."""
        if len(rows) != len(responses):
            raise InvalidParameterError(f"expected as many responses as rows ({len(rows)}), found {len(responses)}")
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            if self._closed:
                raise InvalidParameterError("this BatchScorer is closed")
            self.queued += len(rows)
        self._jobs.put(_Job(list(rows), list(responses), policy or RewardPolicy(), future))
        return future

    def score(self, rows: Sequence[Any], responses: Sequence[object],
              policy: RewardPolicy | None = None) -> list[Scored]:
        """``submit`` and wait."""
        return self.submit(rows, responses, policy).result()

    def close(self) -> None:
        """Score what is queued, stop the dispatcher and close the pool."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._jobs.put(None)
        self._thread.join(timeout=60)
        self.pool.close()

    def _dispatch(self) -> None:
        stop = False
        while not stop:
            job = self._jobs.get()
            if job is None:
                return
            batch, size = [job], len(job.rows)
            while size < self.max_batch_items:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                batch.append(job)
                size += len(job.rows)
            self._score(batch)

    def _score(self, batch: list[_Job]) -> None:
        groups: dict[RewardPolicy, list[_Job]] = {}
        for job in batch:
            if job.future.set_running_or_notify_cancel():
                groups.setdefault(job.policy, []).append(job)
            else:
                self._done(len(job.rows), scored=False)
        for policy, jobs in groups.items():
            rows = [row for job in jobs for row in job.rows]
            responses = [response for job in jobs for response in job.responses]
            try:
                results = self.pool.score(rows, responses, self.timeout, policy) if rows else []
            except Exception as error:  # the pool itself failed: every caller hears it, and a new pool
                for job in jobs:  # serves the next batch (the old one may be left mid-batch)
                    job.future.set_exception(error)
                self._done(len(rows), scored=False)
                self._restart_pool()
                continue
            start = 0
            for job in jobs:
                job.future.set_result(results[start:start + len(job.rows)])
                start += len(job.rows)
            self._done(len(rows), scored=True)

    def _restart_pool(self) -> None:
        old = self.pool
        try:
            self.pool = ScoringPool(self.workers, self.start_method)
        except Exception:  # cannot start processes now: keep the old pool and let the next batch try
            return
        self.pool_restarts += 1
        with contextlib.suppress(Exception):
            old.close()

    def _done(self, count: int, scored: bool) -> None:
        with self._lock:
            self.queued -= count
            if scored:
                self.scored += count
                self.batches += 1


# -- request parsing ----------------------------------------------------------------------------


class RequestError(BootcampsError):
    """A request the server refuses; ``status`` is the HTTP status code of the answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_POLICY_FIELDS = {spec.name: type(getattr(RewardPolicy(), spec.name)) for spec in fields(RewardPolicy)}
_ITEM_KEYS = ("instance", "response", "task")


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)


def describe_json(value: object, limit: int = 60) -> str:
    """A short JSON-flavoured description of a value, for error messages."""
    if isinstance(value, (dict, list)):
        return f"an {_type_name(value)} of {len(value)} entries" if value else f"an empty {_type_name(value)}"
    text = json.dumps(value, ensure_ascii=False)
    text = text if len(text) <= limit else text[: limit - 3] + "..."
    return f"{_type_name(value)} {text}"


def parse_policy(value: object, base: RewardPolicy) -> RewardPolicy:
    """``base`` with the fields of a JSON policy object replaced; RequestError (422) if malformed."""
    if value is None:
        return base
    if not isinstance(value, Mapping):
        raise RequestError(422, f"policy: expected an object of RewardPolicy fields, found {describe_json(value)}")
    merged = {spec.name: getattr(base, spec.name) for spec in fields(RewardPolicy)}
    for name, field_value in value.items():
        kind = _POLICY_FIELDS.get(name)
        if kind is None:
            raise RequestError(422, f"policy: expected fields among {', '.join(_POLICY_FIELDS)}, found {name!r}")
        ok = (isinstance(field_value, bool) if kind is bool
              else isinstance(field_value, (int, float)) and not isinstance(field_value, bool) if kind is float
              else isinstance(field_value, int) and not isinstance(field_value, bool) if kind is int
              else isinstance(field_value, kind))
        if not ok:
            expected = {bool: "a boolean", float: "a number", int: "an integer", str: "a string"}[kind]
            raise RequestError(422, f"policy.{name}: expected {expected}, found {describe_json(field_value)}")
        merged[name] = field_value
    try:
        return RewardPolicy(**merged)
    except BootcampsError as error:
        raise RequestError(422, f"policy: {error}") from None


def _check_count(name: str, values: object, limits: Limits) -> list[Any]:
    if not isinstance(values, list):
        raise RequestError(422, f"{name}: expected an array, found {describe_json(values)}")
    if len(values) > limits.max_items:
        raise RequestError(413, f"{name}: expected at most {limits.max_items} entries per request, "
                                f"found {len(values)}; split the batch")
    return values


def _check_text(name: str, value: object, limits: Limits) -> str:
    if not isinstance(value, str):
        raise RequestError(422, f"{name}: expected a string, found {describe_json(value)}")
    if len(value) > limits.max_response_chars:
        raise RequestError(413, f"{name}: expected at most {limits.max_response_chars} characters, "
                                f"found {len(value)}")
    return value


def _check_object(name: str, body: object, allowed: Sequence[str], required: Sequence[str]) -> Mapping[str, Any]:
    if not isinstance(body, dict):
        raise RequestError(422, f"{name}: expected an object with {', '.join(map(repr, required))}, "
                                f"found {describe_json(body)}")
    for key in required:
        if key not in body:
            raise RequestError(422, f"{name}: expected a field {key!r}, found none (fields: "
                                    f"{', '.join(map(repr, body)) or 'none'})")
    unknown = [key for key in body if key not in allowed]
    if unknown:
        raise RequestError(422, f"{name}: expected fields among {', '.join(map(repr, allowed))}, "
                                f"found unknown {unknown[0]!r}")
    return body


def parse_score_request(body: object, limits: Limits,
                        base: RewardPolicy) -> tuple[list[dict[str, Any]], list[str], RewardPolicy]:
    """Rows, responses and policy of a ``POST /score`` body; RequestError if malformed."""
    body = _check_object("request body", body, ("items", "policy"), ("items",))
    items = _check_count("items", body["items"], limits)
    policy = parse_policy(body.get("policy"), base)
    rows, responses = [], []
    for index, item in enumerate(items):
        name = f"items[{index}]"
        item = _check_object(name, item, _ITEM_KEYS, ("instance", "response"))
        row = {"instance": instance_text(f"{name}.instance", item["instance"])}
        if "task" in item:
            if not isinstance(item["task"], str):
                raise RequestError(422, f"{name}.task: expected a task id string, found {describe_json(item['task'])}")
            row["task"] = item["task"]
        rows.append(row)
        responses.append(_check_text(f"{name}.response", item["response"], limits))
    return rows, responses, policy


def instance_text(name: str, value: object) -> str:
    """An instance as JSON text (an object is serialised: only flat strings go to the workers)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        try:
            return json.dumps(value, ensure_ascii=False)
        except (ValueError, RecursionError):
            raise RequestError(422, f"{name}: expected an instance object, found one that cannot be "
                                    "serialised") from None
    raise RequestError(422, f"{name}: expected the instance JSON as a string (or an object), "
                            f"found {describe_json(value)}")


def _task_table() -> dict[str, Any]:
    from bootcamps.registry import get_task, list_tasks

    tasks, categories = [], {}
    for task_id in list_tasks():
        entry = get_task(task_id).describe()
        tasks.append({key: entry.get(key) for key in
                      ("id", "family", "version", "category", "tags", "summary", "answer_format", "knobs")})
        categories.setdefault(entry.get("category"), []).append(task_id)
    return {"tasks": tasks, "categories": categories}


# -- the app ----------------------------------------------------------------------------------------


def create_app(workers: int | None = None, timeout: float = DEFAULT_TIMEOUT, policy: RewardPolicy | None = None,
               limits: Limits | None = None, start_method: str | None = None) -> Any:
    """The FastAPI application; the scoring pool starts and stops with the app's lifespan.

    The pool's processes start with ``start_method`` (default ``forkserver``, else ``spawn``), so
    a script that runs the app itself must do so under ``if __name__ == "__main__":``, as
    ``multiprocessing`` requires. ``"fork"`` lets workers inherit the parent's state (tests).
    """
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    from bootcamps import __version__
    from bootcamps.integrations import openrlhf

    base_policy = policy or RewardPolicy()
    limits = limits or Limits()
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: Any):
        state["scorer"] = BatchScorer(workers, timeout, start_method)
        state["started"] = time.monotonic()
        try:
            state["tasks"] = await asyncio.to_thread(_task_table)
        except BootcampsError as error:  # a broken registry must not stop scoring
            state["tasks"] = {"error": str(error)}
        try:
            yield
        finally:
            await asyncio.to_thread(state["scorer"].close)

    app = FastAPI(title="bootcamps reward server", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message, "status": status}, status_code=status)

    @app.exception_handler(RequestError)
    async def request_error(request: Request, exc: RequestError) -> JSONResponse:
        return error(exc.status, exc.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error(404, f"expected one of GET /health, GET /tasks, POST /score, POST /get_reward, "
                              f"found {request.method} {request.url.path}")
        if exc.status_code == 405:
            return error(405, f"{request.url.path}: expected method {exc.headers.get('Allow', '?') if exc.headers else '?'}, "
                              f"found {request.method}")
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        return error(500, f"internal error while answering {request.method} {request.url.path}: "
                          f"{type(exc).__name__}: {exc}"[:500])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error(422, f"malformed request: {exc.errors()}")

    async def read_json(request: Request) -> Any:
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise RequestError(400, f"Content-Length: expected a number of bytes, found {declared!r}")
            if int(declared) > limits.max_body_bytes:
                await _drain(request.stream())
                raise RequestError(413, f"request body: expected at most {limits.max_body_bytes} bytes, "
                                        f"found {int(declared)}")
        chunks, total = [], 0
        stream = request.stream()
        async for chunk in stream:
            total += len(chunk)
            if total > limits.max_body_bytes:
                await _drain(stream)
                raise RequestError(413, f"request body: expected at most {limits.max_body_bytes} bytes, "
                                        f"found more (sent without Content-Length)")
            chunks.append(chunk)
        body = b"".join(chunks)
        request.state.body_bytes = len(body)
        if not body.strip():
            raise RequestError(400, "request body: expected a JSON object, found an empty body")
        try:
            if len(body) > _PARSE_IN_THREAD_BYTES:
                return await asyncio.to_thread(json.loads, body)
            return json.loads(body)
        except UnicodeDecodeError as exc:
            raise RequestError(400, f"request body: expected UTF-8 JSON, found undecodable bytes ({exc.reason} "
                                    f"at byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise RequestError(400, f"request body: expected JSON, found invalid JSON ({exc.msg} at line "
                                    f"{exc.lineno} column {exc.colno})") from None
        except RecursionError:
            raise RequestError(400, "request body: expected JSON, found nesting too deep to parse") from None

    async def _drain(stream: Any) -> None:
        """Read and drop the rest of a refused body (bounded), so the client can read the 413."""
        read = 0
        try:
            async for chunk in stream:
                read += len(chunk)
                if read > _DRAIN_BYTES:
                    return
        except Exception:  # the client went away; the answer is moot
            return

    async def run(rows: list[Any], responses: list[str], request_policy: RewardPolicy) -> list[Scored]:
        scorer: BatchScorer = state["scorer"]
        if scorer.queued + len(rows) > limits.max_queued_items:
            raise RequestError(503, f"server busy: expected at most {limits.max_queued_items} items queued, "
                                    f"found {scorer.queued} queued plus {len(rows)} in this request; retry later")
        if not rows:
            return []
        try:
            return await asyncio.wrap_future(scorer.submit(rows, responses, request_policy))
        except Exception as exc:  # answered here: an unhandled error would also drop the connection
            raise RequestError(500, f"scoring failed: {type(exc).__name__}: {exc}; the scoring pool was "
                                    "restarted, the request can be retried"[:500]) from None

    @app.get("/health")
    async def health(request: Request) -> JSONResponse:
        scorer: BatchScorer = state["scorer"]
        return JSONResponse({"status": "ok", "version": __version__, "workers": scorer.workers, "timeout": scorer.timeout,
                "queued": scorer.queued, "scored": scorer.scored, "batches": scorer.batches,
                "workers_replaced": scorer.pool.replaced, "pool_restarts": scorer.pool_restarts, "uptime_s": round(time.monotonic() - state["started"], 3),
                "limits": {spec.name: getattr(limits, spec.name) for spec in fields(limits)}})

    @app.get("/tasks")
    async def tasks(request: Request) -> JSONResponse:
        table = state["tasks"]
        if "error" in table:
            return error(500, f"the task registry could not be loaded: {table['error']}")
        return JSONResponse(table)

    async def off_loop(request: Request, function: Any, *args: Any) -> Any:
        """``function(*args)``, in a thread for a large request so /health keeps being answered."""
        if request.state.body_bytes > _PARSE_IN_THREAD_BYTES:
            return await asyncio.to_thread(function, *args)
        return function(*args)

    @app.post("/score")
    async def score(request: Request) -> JSONResponse:
        body = await read_json(request)
        rows, responses, request_policy = await off_loop(request, parse_score_request, body, limits, base_policy)
        results = await run(rows, responses, request_policy)
        return JSONResponse({"results": [item.to_dict() for item in results]})

    @app.post("/get_reward")
    async def get_reward(request: Request) -> JSONResponse:
        body = await read_json(request)
        rows, responses = await off_loop(request, openrlhf.parse_request, body, limits.max_items,
                                         limits.max_response_chars)
        results = await run(rows, responses, base_policy)
        return JSONResponse(await off_loop(request, openrlhf.reward_payload, results, responses))

    return app


# -- running ----------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, workers: int | None = None,
          timeout: float = DEFAULT_TIMEOUT, policy: RewardPolicy | None = None, limits: Limits | None = None,
          log_level: str = "info", access_log: bool = False, graceful_seconds: float = 10.0) -> int:
    """Run the server until SIGINT or SIGTERM; shut down gracefully and return 0."""
    try:
        import uvicorn
    except ImportError as exc:
        raise BootcampsError(f"bootcamps serve expected fastapi and uvicorn to be installed "
                             f"(pip install 'bootcamps[serve]'), found {exc.name!r} missing") from None
    if not isinstance(port, int) or not 0 <= port <= 65535:
        raise InvalidParameterError(f"port expected an int in 0..65535, found {describe(port)}")
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise InvalidParameterError(f"workers expected an int >= 1, found {describe(workers)}")
    if not isinstance(timeout, (int, float)) or not timeout > 0:
        raise InvalidParameterError(f"timeout expected a positive number of seconds, found {describe(timeout)}")
    if not is_loopback(host):
        print(f"bootcamps serve: warning: listening on {host}, not loopback; the server has no "
              "authentication, anyone who can reach the port can use it", file=sys.stderr)
    app = create_app(workers=workers, timeout=timeout, policy=policy, limits=limits)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=access_log,
                            timeout_graceful_shutdown=graceful_seconds, lifespan="on")
    server = uvicorn.Server(config)
    # uvicorn re-raises the signal that stopped it once it has shut down (so the process dies of
    # it); a handler of our own catches that re-raise: a requested, completed shutdown exits 0.
    received: list[int] = []
    previous = {sig: signal.signal(sig, lambda number, frame: received.append(number))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not server.started:
        return 1  # uvicorn could not start (port in use, ...): it has said why
    return 0


@contextmanager
def running(app: Any, host: str = DEFAULT_HOST, port: int = 0, startup_seconds: float = 30.0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread (notebooks, tests); yields its base URL.

    ``port=0`` takes a free port. Leaving the block shuts the server down gracefully.
    """
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="bootcamps-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_seconds
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise BootcampsError(f"the server did not start within {startup_seconds:g} s")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=startup_seconds)
