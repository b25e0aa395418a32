"""Layout and packaging guards: families, registry and the wheel stay in step."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import bootcamps
from bootcamps.registry import default_registry

ROOT = Path(__file__).resolve().parent.parent


def _modules(folder: str) -> set[str]:
    return {path.stem for path in (ROOT / folder).glob("*.py") if path.stem != "__init__"}


def test_generators_verifiers_and_registry_name_the_same_families():
    registered = {task.module_name for task in default_registry().tasks.values()}
    assert _modules("generators") == _modules("verifiers") == registered


def test_readme_catalog_names_every_family_under_its_category():
    readme = (ROOT / "README.md").read_text()
    catalog = readme[readme.index("## The catalog"):]
    lines = {line.split(":")[0].removeprefix("- ").split(" ")[0]: line
             for line in catalog.replace("\n  ", " ").splitlines() if line.startswith("- ")}
    for task in default_registry().tasks.values():
        line = lines.get(task.category, "")
        assert f"`{task.module_name}`" in line, f"README's catalog lacks {task.module_name} under {task.category}"


def test_family_modules_have_the_docstring_template():
    for name in _modules("generators"):
        text = (ROOT / "generators" / f"{name}.py").read_text()
        for heading in ("Description:", "Difficulty:", "Prompt:", "Answer format:", "Verification:",
                        "Version history:"):
            assert heading in text, f"generators/{name}.py docstring lacks {heading!r}"


def test_packaged_registry_is_the_repository_registry():
    from importlib import resources

    packaged = resources.files("bootcamps").joinpath("registry.yaml").read_bytes()
    assert packaged == (ROOT / "registry.yaml").read_bytes()


def test_every_source_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed, mapping = set(config["packages"]), config["package-dir"]
    on_disk = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "bootcamps").rglob("__init__.py")}
    on_disk |= set(mapping)
    assert on_disk == listed
    assert mapping == {"bootcamps.generators": "generators", "bootcamps.verifiers": "verifiers"}


def test_import_loads_no_family_registry_or_heavy_dependency():
    """Gymnasium is imported (to register the env ids); the registry, families and sympy are not."""
    code = ("import sys, bootcamps; heavy = [m for m in sys.modules if m.startswith(("
            "'bootcamps.generators.', 'bootcamps.verifiers.', 'bootcamps.registry', 'yaml', 'jsonschema', "
            "'sympy', 'bootcamps.envs'))]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_loading_one_task_imports_only_its_family():
    code = ("import sys, bootcamps; bootcamps.get_task('basic_arithmetic').generate(0); "
            "print(sorted(m for m in sys.modules if m.startswith('bootcamps.generators.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['bootcamps.generators.basic_arithmetic']"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out)], check=True, capture_output=True)
    (path,) = out.glob("bootcamps-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_contains_every_family_and_the_registry(wheel):
    names = set(wheel.namelist())
    for folder in ("generators", "verifiers"):
        for module in _modules(folder) | {"__init__"}:
            assert f"bootcamps/{folder}/{module}.py" in names
    for module in (ROOT / "bootcamps").rglob("*.py"):
        assert module.relative_to(ROOT).as_posix() in names
    assert wheel.read("bootcamps/registry.yaml") == (ROOT / "registry.yaml").read_bytes()
    assert "bootcamps/registry.schema.json" in names


def test_wheel_installs_nothing_named_generators_or_verifiers_at_top_level(wheel):
    tops = {name.split("/")[0] for name in wheel.namelist()}
    assert {"generators", "verifiers"}.isdisjoint(tops)
    assert {top for top in tops if not top.endswith(".dist-info")} == {"bootcamps"}


def test_public_api_names():
    for name in ("list_tasks", "get_task", "Task", "Instance", "Verdict", "Status", "BootcampsError"):
        assert hasattr(bootcamps, name)
