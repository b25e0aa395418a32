"""Bad input from a user raises our own errors, saying what was expected and what was found."""

import json

import pytest

import bootcamps
from bootcamps import BootcampsError, InvalidInstanceError, InvalidParameterError, UnknownTaskError

TASK = bootcamps.list_tasks()[0]


@pytest.fixture
def task():
    return bootcamps.get_task(TASK)


def test_unknown_task_suggests_the_closest_ids():
    with pytest.raises(UnknownTaskError, match="did you mean 'basic_arithmetic'") as caught:
        bootcamps.get_task("basic_arithmetc")
    assert "basic_arithmetic-v1" in caught.value.suggestions
    with pytest.raises(UnknownTaskError, match="found 42"):
        bootcamps.get_task(42)


def test_family_name_means_its_newest_version(task):
    assert bootcamps.get_task(task.family) is task


@pytest.mark.parametrize("seed", [-1, 2**64, 1.5, "3", None, True])
def test_bad_seed(task, seed):
    with pytest.raises(InvalidParameterError, match=r"seed expected an int in \[0, 2\*\*64 - 1\], found"):
        task.generate(seed)


@pytest.mark.parametrize("level", [0, 11, "5", 5.0, None, True])
def test_bad_level(task, level):
    with pytest.raises(InvalidParameterError, match=r"level expected an int in \[1, 10\], found"):
        task.generate(0, level)


def test_unknown_knob_names_the_knobs_and_suggests(task):
    knob = sorted(task.knobs)[0]
    with pytest.raises(InvalidParameterError, match=f"expected a knob among .*did you mean '{knob}'"):
        task.generate(0, 5, **{knob + "x": 1})


def test_out_of_range_knob_names_knob_value_and_range():
    task = bootcamps.get_task("basic_arithmetic")
    with pytest.raises(InvalidParameterError, match=r"knob 'terms' expected an int in \[2, 20\], found 300"):
        task.generate(0, terms=300)
    with pytest.raises(InvalidParameterError, match=r"knob 'division' expected a bool, found 1 \(int\)"):
        task.generate(0, division=1)


def test_errors_share_one_base_class():
    for error in (UnknownTaskError, InvalidParameterError, InvalidInstanceError, bootcamps.RegistryError,
                  bootcamps.FamilyLoadError, bootcamps.GenerationError):
        assert issubclass(error, BootcampsError)


@pytest.mark.parametrize("text, message", [
    ("{not json", "invalid JSON"),
    ("[]", "expected a JSON object"),
    ('{"task": "x"}', "missing"),
    (b"\xff\xfe", "invalid JSON"),
    (None, "expected instance JSON text"),
])
def test_corrupt_instance_json(text, message):
    with pytest.raises(InvalidInstanceError, match=message):
        bootcamps.Instance.from_json(text)


def test_tampered_instance_is_detected(task):
    obj = json.loads(task.generate(3).to_json())
    obj["reference"] = obj["reference"]  # untouched fields keep the hash valid
    bootcamps.Instance.from_dict(obj)
    obj["data"] = {**obj["data"], "extra": 1}
    with pytest.raises(InvalidInstanceError, match="altered or corrupted"):
        bootcamps.Instance.from_dict(obj)
    obj = json.loads(task.generate(3).to_json())
    obj["seed"] = "3"
    with pytest.raises(InvalidInstanceError, match="'seed' to be int"):
        bootcamps.Instance.from_dict(obj)


def test_score_rejects_instances_of_another_task(task):
    other = bootcamps.Instance(task="other-v1", seed=0, level=1, params={}, prompt="p", data={}, reference="r")
    with pytest.raises(InvalidInstanceError, match=f"expected an instance of {TASK}"):
        task.score(other, "<answer>1</answer>")
    with pytest.raises(InvalidInstanceError):
        task.score(12, "x")


def test_score_accepts_instance_json_and_dicts(task):
    instance = task.generate(4)
    response = f"<answer>{instance.reference}</answer>"
    assert task.score(instance.to_json(), response).correct
    assert task.score(instance.to_dict(), response).correct


def test_model_text_never_raises(task):
    instance = task.generate(4)
    for response in (None, 12, b"bytes", "<answer>", "<answer>" * 1000):
        verdict = task.score(instance, response)
        assert verdict.score == 0.0


def test_a_raising_verifier_becomes_an_error_verdict():
    import types

    real = bootcamps.get_task(TASK)
    broken = bootcamps.Task(real.spec, generator=real.generator,
                            verifier=types.SimpleNamespace(verify=lambda data, answer: {}["missing"]))
    verdict = broken.score(broken.generate(0), "<answer>1</answer>")
    assert verdict.status is bootcamps.Status.ERROR and verdict.score == 0.0 and "KeyError" in verdict.reason


def test_a_broken_family_does_not_break_the_catalog():
    from bootcamps.registry import Registry

    spec = dict(bootcamps.get_task(TASK).spec, id="no_such_module-v1")
    registry = Registry({"tasks": [bootcamps.get_task(TASK).spec, spec]})
    with pytest.raises(bootcamps.FamilyLoadError, match="no_such_module"):
        registry.get("no_such_module").generate(0)
    assert registry.get(TASK).generate(0).task == TASK


def test_verdict_rejects_inconsistent_values():
    with pytest.raises(ValueError):
        bootcamps.Verdict(True, 0.5, "x", bootcamps.Status.CORRECT)
    with pytest.raises(ValueError):
        bootcamps.Verdict(False, 1.5, "x", bootcamps.Status.WRONG)
    assert bootcamps.Verdict.partial(1.0, "x").score < 1.0
