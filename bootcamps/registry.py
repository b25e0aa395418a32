"""The task catalog: registry.yaml, validated against its JSON Schema, and the Task objects."""

from __future__ import annotations

import copy
import importlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import ModuleType
from typing import Any

from bootcamps.answers.extract import NO_ANSWER, Extraction, choose_answer
from bootcamps.errors import (
    FamilyLoadError,
    InvalidInstanceError,
    InvalidParameterError,
    RegistryError,
    UnknownTaskError,
    describe,
)
from bootcamps.seeding import instance_rng
from bootcamps.types import Instance, Problem, Verdict, canonical_json

LEVELS = range(1, 11)
DEFAULT_LEVEL = 5
MAX_SEED = 2**64 - 1
ANSWER_INSTRUCTION = "Write your final answer inside <answer></answer> tags."

_KNOB_TYPES: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "bool": (bool,), "str": (str,)}


@dataclass(frozen=True, slots=True)
class Knob:
    """A difficulty knob: its type, bounds or choices, and what it does."""

    name: str
    type: str
    description: str
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] | None = None

    def expected(self) -> str:
        """What values the knob accepts, in words."""
        if self.choices is not None:
            return f"one of {list(self.choices)}"
        bounds = ""
        if self.min is not None or self.max is not None:
            low = "-inf" if self.min is None else self.min
            high = "inf" if self.max is None else self.max
            bounds = f" in [{low}, {high}]"
        article = "an" if self.type == "int" else "a"
        return f"{article} {self.type}{bounds}"

    def check(self, value: Any, task_id: str) -> Any:
        """The value in canonical form, or InvalidParameterError naming knob, value and range."""
        kinds = _KNOB_TYPES[self.type]
        ok = isinstance(value, kinds) and (self.type == "bool" or not isinstance(value, bool))
        if ok and self.type == "float":
            ok = math.isfinite(value)
            value = float(value)
        if ok and self.choices is not None:
            ok = value in self.choices
        if ok and self.min is not None:
            ok = value >= self.min
        if ok and self.max is not None:
            ok = value <= self.max
        if not ok:
            raise InvalidParameterError(
                f"{task_id}: knob {self.name!r} expected {self.expected()}, found {describe(value)}"
            )
        return value


def _parse_knobs(raw: Mapping[str, Any], task_id: str) -> dict[str, Knob]:
    knobs = {}
    for name, spec in raw.items():
        knob = Knob(name=name, type=spec["type"], description=spec["description"], min=spec.get("min"),
                    max=spec.get("max"),
                    choices=tuple(spec["choices"]) if "choices" in spec else None)
        if knob.min is not None and knob.max is not None and knob.min > knob.max:
            raise RegistryError(f"{task_id}: knob {name!r} expected min <= max, found {knob.min} > {knob.max}")
        knobs[name] = knob
    return knobs


class Task:
    """One catalog entry: generates instances and scores responses.

    Build tasks with ``bootcamps.get_task``; a third-party family can build one directly from a
    registry-style spec and its two modules.
    """

    def __init__(self, spec: Mapping[str, Any], *, generator: ModuleType | None = None,
                 verifier: ModuleType | None = None) -> None:
        self.spec = copy.deepcopy(dict(spec))
        self.id: str = self.spec["id"]
        self.family, _, version = self.id.rpartition("-v")
        self.version = int(version)
        self.module_name: str = self.spec.get("module", self.family)
        self.category: str = self.spec["category"]
        self.tags: tuple[str, ...] = tuple(self.spec["tags"])
        self.summary: str = self.spec["summary"]
        self.answer_format: str = self.spec["answer_format"]
        self.interactive: bool = bool(self.spec.get("interactive", False))
        self.knobs = _parse_knobs(self.spec["knobs"], self.id)
        self.levels: tuple[dict[str, Any], ...] = tuple(self._check_level_table(self.spec["levels"]))
        self._generator = generator
        self._verifier = verifier

    def __repr__(self) -> str:
        return f"Task({self.id!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Modules do not pickle: a task travels as its spec and the names of its two modules.
        names = [module.__name__ if module is not None else None for module in (self._generator, self._verifier)]
        return _rebuild_task, (self.spec, *names)

    def _check_level_table(self, table: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        for level, params in enumerate(table, start=1):
            if set(params) != set(self.knobs):
                raise RegistryError(
                    f"{self.id}: level {level} expected values for knobs {sorted(self.knobs)}, "
                    f"found {sorted(params)}"
                )
            try:
                yield {name: self.knobs[name].check(params[name], self.id) for name in sorted(params)}
            except InvalidParameterError as error:
                raise RegistryError(f"level {level}: {error}") from None

    # -- modules ---------------------------------------------------------------------------

    def _load(self, kind: str, required: str) -> ModuleType:
        name = f"bootcamps.{kind}.{self.module_name}"
        try:
            module = importlib.import_module(name)
        except Exception as error:  # one broken family must not break the catalog
            raise FamilyLoadError(f"{self.id}: expected module {name} to import, found {error!r}") from error
        if not callable(getattr(module, required, None)):
            raise FamilyLoadError(f"{self.id}: expected {name} to define {required}(), found none")
        return module

    @property
    def generator(self) -> ModuleType:
        if self._generator is None:
            self._generator = self._load("generators", "generate")
        return self._generator

    @property
    def verifier(self) -> ModuleType:
        if self._verifier is None:
            self._verifier = self._load("verifiers", "verify")
        return self._verifier

    # -- generation ------------------------------------------------------------------------

    def params(self, level: int = DEFAULT_LEVEL, **overrides: Any) -> dict[str, Any]:
        """The knob values for a level with overrides applied, checked against their bounds."""
        if not isinstance(level, int) or isinstance(level, bool) or level not in LEVELS:
            raise InvalidParameterError(f"{self.id}: level expected an int in [1, 10], found {describe(level)}")
        params = dict(self.levels[level - 1])
        for name, value in overrides.items():
            if name not in self.knobs:
                import difflib

                close = difflib.get_close_matches(name, list(self.knobs), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise InvalidParameterError(
                    f"{self.id}: expected a knob among {sorted(self.knobs)}, found {name!r}{hint}"
                )
            params[name] = self.knobs[name].check(value, self.id)
        return params

    def generate(self, seed: int, level: int = DEFAULT_LEVEL, **overrides: Any) -> Instance:
        """The instance for (seed, level, overrides); the same arguments give the same instance."""
        if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed <= MAX_SEED:
            raise InvalidParameterError(
                f"{self.id}: seed expected an int in [0, 2**64 - 1], found {describe(seed)}"
            )
        params = self.params(level, **overrides)
        problem = self.generator.generate(instance_rng(self.id, seed, params), **params)
        if not isinstance(problem, Problem):
            raise FamilyLoadError(f"{self.id}: expected generate() to return a Problem, found {describe(problem)}")
        data = json.loads(canonical_json(problem.data))  # the exact form a JSON round trip gives
        prompt = f"{problem.question.rstrip()}\n\n{ANSWER_INSTRUCTION}"
        return Instance(task=self.id, seed=seed, level=level, params=params, prompt=prompt, data=data,
                        reference=problem.reference)

    # -- scoring ---------------------------------------------------------------------------

    def _coerce(self, instance: Instance | Mapping[str, Any] | str) -> Instance:
        if isinstance(instance, str):
            instance = Instance.from_json(instance)
        elif isinstance(instance, Mapping):
            instance = Instance.from_dict(dict(instance))
        elif not isinstance(instance, Instance):
            raise InvalidInstanceError(f"expected an Instance, a dict or instance JSON, found {describe(instance)}")
        if instance.task != self.id:
            raise InvalidInstanceError(f"expected an instance of {self.id}, found one of {instance.task}")
        return instance

    def verify(self, data: Mapping[str, Any], answer: str) -> Verdict:
        """Verify an already-extracted answer. Never raises: a verifier bug is an ERROR verdict."""
        if not isinstance(answer, str):
            return Verdict.unparsable(f"expected the answer as text, found {type(answer).__name__}")
        try:
            verdict = self.verifier.verify(data, answer)
        except FamilyLoadError:
            raise
        except Exception as error:
            return Verdict.error(f"verifier failed: {type(error).__name__}: {error}"[:300])
        if not isinstance(verdict, Verdict):
            return Verdict.error(f"verifier returned {type(verdict).__name__}, not a Verdict")
        return verdict

    def score(self, instance: Instance | Mapping[str, Any] | str, response: str,
              extraction: Extraction | str = Extraction.LENIENT) -> Verdict:
        """Extract the final answer from a whole model response and verify it.

        A response whose answer blocks (or boxes) disagree is a hedge: UNPARSABLE, never correct.
        """
        instance = self._coerce(instance)
        answer, problem = choose_answer(response, extraction)
        if answer is None:
            return Verdict.no_answer() if problem == NO_ANSWER else Verdict.unparsable(problem)
        return self.verify(instance.data, answer)

    def equivalents(self, instance: Instance) -> list[str]:
        """Other correct renderings of the reference (the family's audit hook; may be empty)."""
        hook = getattr(self.verifier, "equivalents", None)
        return list(hook(instance.data, instance.reference)) if hook else []

    def near_misses(self, instance: Instance) -> list[str]:
        """Wrong answers that look right (the family's audit hook; may be empty).

        A hook's perturbation can land on the reference itself (swapping two equal outputs,
        moving an endpoint onto itself): such answers are right, so they are dropped here.
        """
        hook = getattr(self.verifier, "near_misses", None)
        if hook is None:
            return []
        reference = instance.reference.strip()
        return [answer for answer in hook(instance.data, instance.reference) if answer.strip() != reference]

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description of the task: the registry entry plus the family."""
        return {"family": self.family, "version": self.version, **copy.deepcopy(self.spec)}


def _rebuild_task(spec: dict[str, Any], generator: str | None, verifier: str | None) -> Task:
    modules = [importlib.import_module(name) if name else None for name in (generator, verifier)]
    return Task(spec, generator=modules[0], verifier=modules[1])


class Registry:
    """A validated set of tasks, indexed by id and by family."""

    def __init__(self, document: Any, source: str = "<registry>") -> None:
        validate_document(document, source)
        self.tasks: dict[str, Task] = {}
        for spec in document["tasks"]:
            if spec["id"] in self.tasks:
                raise RegistryError(f"{source}: expected unique task ids, found {spec['id']!r} twice")
            try:
                self.tasks[spec["id"]] = Task(spec)
            except (RegistryError, InvalidParameterError) as error:
                raise RegistryError(f"{source}: {error}") from None
        self.families: dict[str, list[Task]] = {}
        for task in self.tasks.values():
            self.families.setdefault(task.family, []).append(task)
        for tasks in self.families.values():
            tasks.sort(key=lambda task: task.version)

    def get(self, name: str) -> Task:
        """A task by id, or the newest version of a family by family name."""
        if isinstance(name, str):
            if name in self.tasks:
                return self.tasks[name]
            if name in self.families:
                return self.families[name][-1]
        raise UnknownTaskError(name, sorted(self.tasks) + sorted(self.families))

    def list(self, category: str | None = None, tags: Iterable[str] | str | None = None) -> list[str]:
        """Task ids, sorted, filtered by category and by tags (a task must carry every tag given)."""
        wanted = {tags} if isinstance(tags, str) else set(tags or ())
        return sorted(task.id for task in self.tasks.values()
                      if (category is None or task.category == category) and wanted <= set(task.tags))


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    return json.loads(resources.files("bootcamps").joinpath("registry.schema.json").read_text("utf-8"))


def validate_document(document: Any, source: str) -> None:
    """Check a parsed registry document against the JSON Schema; RegistryError says where it fails."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(part) for part in error.absolute_path) or "<root>"
        raise RegistryError(f"{source}: at {where}: {error.message}")


def load_registry(text: str, source: str = "<registry>") -> Registry:
    """Parse and validate registry YAML text."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        document = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise RegistryError(f"{source}: expected valid YAML, found {error}") from None
    return Registry(document, source)


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The registry shipped with the library (loaded once, on first use)."""
    text = resources.files("bootcamps").joinpath("registry.yaml").read_text("utf-8")
    return load_registry(text, "bootcamps/registry.yaml")


def get_task(name: str) -> Task:
    """A task by id (``"sudoku-v1"``) or family name (its newest version)."""
    return default_registry().get(name)


def list_tasks(category: str | None = None, tags: Iterable[str] | str | None = None) -> list[str]:
    """The ids of the registered tasks, optionally filtered by category and tags."""
    return default_registry().list(category, tags)
