"""The conformance suite: every registry entry meets the family contract.

Adding a family to the registry adds it here with no new test code.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bootcamps
from bootcamps import testing

TASK_IDS = bootcamps.list_tasks()
SEEDS = st.integers(min_value=0, max_value=2**64 - 1)
LEVELS = st.integers(min_value=1, max_value=10)

per_task = pytest.mark.parametrize("task_id", TASK_IDS)


@per_task
@given(seed=SEEDS, level=LEVELS)
def test_instance_contract(task_id, seed, level):
    """Determinism, JSON round trip, reference, equivalents, near misses, trivial answers, no mutation."""
    testing.check_instance(bootcamps.get_task(task_id), seed, level)


@per_task
@pytest.mark.parametrize("level", [1, 5, 10])
def test_reference_verifies_on_many_seeds(task_id, level):
    task = bootcamps.get_task(task_id)
    for seed in range(20):
        testing.check_reference(task, task.generate(seed, level))


@per_task
def test_audit_hooks_hold_on_a_sweep_of_seeds(task_id):
    """Equivalents accepted and near misses rejected on every level for a fixed run of seeds (the
    Hypothesis sample is small: a hook that goes wrong on 1% of seeds slips through it)."""
    task = bootcamps.get_task(task_id)
    for level in range(1, 11):
        for seed in range(100, 104):
            instance = task.generate(seed, level)
            testing.check_equivalents(task, instance)
            testing.check_near_misses(task, instance)


def test_near_misses_never_include_the_reference():
    task = bootcamps.get_task("boolean_circuit")
    instance = task.generate(101, 1)  # two equal outputs: swapping them gives the reference back
    assert instance.reference in task.verifier.near_misses(instance.data, instance.reference)
    assert instance.reference not in task.near_misses(instance)


@per_task
@pytest.mark.parametrize("level", range(1, 11))
def test_variety(task_id, level):
    testing.check_variety(bootcamps.get_task(task_id), level)


@per_task
def test_verifier_is_total_and_fast(task_id):
    task = bootcamps.get_task(task_id)
    for level in (1, 10):
        testing.check_totality(task, task.generate(7, level))


@per_task
@given(answer=st.text(max_size=300))
def test_verifier_total_on_arbitrary_text(task_id, answer):
    task = bootcamps.get_task(task_id)
    instance = task.generate(11, 5)
    testing.check_totality(task, instance, [answer])


@per_task
def test_level_table_is_complete(task_id):
    task = bootcamps.get_task(task_id)
    assert len(task.levels) == 10
    for level in range(1, 11):
        assert task.params(level) == task.levels[level - 1]
        assert set(task.params(level)) == set(task.knobs)


@per_task
def test_levels_change_the_instances(task_id):
    """The level is never silently dropped: levels with different knobs give different instances."""
    task = bootcamps.get_task(task_id)
    assert task.levels[0] != task.levels[9], "level 1 and level 10 must differ in some knob"
    low = {task.generate(seed, 1).id for seed in range(5)}
    high = {task.generate(seed, 10).id for seed in range(5)}
    assert not low & high


def test_conformance_mixin_runs_for_third_parties():
    """The shipped mixin wires the checks to a task; run its test methods directly."""
    class TestArithmetic(testing.TaskConformance):
        task_id = TASK_IDS[0]

    suite = TestArithmetic()
    suite.test_totality()
    suite.test_variety()
    suite.test_instance()


def test_conformance_catches_a_broken_verifier():
    """A verifier that accepts everything fails the suite: the checks can fail."""
    import types

    real = bootcamps.get_task(TASK_IDS[0])
    lax = types.SimpleNamespace(verify=lambda data, answer: bootcamps.Verdict.right())
    broken = bootcamps.Task(real.spec, generator=real.generator, verifier=lax)
    with pytest.raises(testing.ConformanceFailure, match="to score 0|to be rejected"):
        testing.check_instance(broken, 0, 5)
    raising = types.SimpleNamespace(verify=lambda data, answer: 1 / len(answer) and bootcamps.Verdict.right())
    broken = bootcamps.Task(real.spec, generator=real.generator, verifier=raising)
    with pytest.raises(testing.ConformanceFailure, match="raised"):
        testing.check_totality(broken, broken.generate(0, 5), [""])
