"""bootcamps: a catalog of procedural, verifiable reasoning tasks for language models.

>>> import bootcamps
>>> task = bootcamps.get_task("sudoku")
>>> instance = task.generate(seed=7, level=3)
>>> task.score(instance, f"<answer>{instance.reference}</answer>").correct
True

Importing the package registers a Gymnasium environment for every task
(``gymnasium.make("bootcamps/sudoku-v1")``); it loads no family and does not parse the registry:
both happen on first use.
"""

from __future__ import annotations

from bootcamps.errors import (
    BootcampsError,
    FamilyLoadError,
    GenerationError,
    InvalidInstanceError,
    InvalidParameterError,
    RegistryError,
    UnknownTaskError,
)
from bootcamps.types import Instance, Problem, Status, Verdict

__version__ = "0.1.0"

__all__ = [
    "BootcampsError",
    "FamilyLoadError",
    "GenerationError",
    "Instance",
    "InvalidInstanceError",
    "InvalidParameterError",
    "Problem",
    "RegistryError",
    "Status",
    "Task",
    "UnknownTaskError",
    "Verdict",
    "get_task",
    "list_tasks",
    "make",
]


_SUBMODULES = ("answers", "dump", "envs", "integrations", "interactive", "registry", "rewards", "testing")


def __getattr__(name: str):
    # Lazy: the registry module pulls in YAML and jsonschema only when a task is asked for.
    if name in ("Task", "get_task", "list_tasks"):
        from bootcamps import registry

        return getattr(registry, name)
    if name == "make":
        from bootcamps.envs import make

        return make
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"bootcamps.{name}")
    raise AttributeError(f"module 'bootcamps' has no attribute {name!r}")


from bootcamps.gym_registration import register_envs as _register_envs  # noqa: E402

_register_envs()
