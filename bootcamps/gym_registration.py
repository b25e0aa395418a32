"""Register every registry entry with Gymnasium as ``bootcamps/<task id>``.

Runs at ``import bootcamps``. Task ids are read from registry.yaml with a line pattern rather
than the YAML parser and schema check, which keeps the import fast; a test proves the two agree.
"""

from __future__ import annotations

import re
from importlib import resources

ENTRY_POINT = "bootcamps.envs:BootcampEnv"
_ID_LINE = re.compile(r"^\s*-\s*id:\s*([a-z][a-z0-9_]*-v[1-9][0-9]*)\s*$", re.MULTILINE)


def registered_task_ids() -> list[str]:
    """Task ids as listed in the shipped registry.yaml, in file order."""
    return _ID_LINE.findall(resources.files("bootcamps").joinpath("registry.yaml").read_text("utf-8"))


def register_envs() -> None:
    """Register an environment id for every task (idempotent)."""
    import gymnasium

    for task_id in registered_task_ids():
        env_id = f"bootcamps/{task_id}"
        if env_id not in gymnasium.registry:
            # a string entry point keeps EnvSpec.to_json() working; kwargs is a dict since Gymnasium 1.0
            gymnasium.register(id=env_id, entry_point=ENTRY_POINT, kwargs={"task": task_id})
