"""verl: our compute_score functions inside verl's real reward managers, and our parquet schema
read by verl's real RL dataset class."""

import pytest
import torch
from verl import DataProto
from verl.workers.reward_manager import BatchRewardManager, NaiveRewardManager

import bootcamps
from bootcamps.integrations import verl as bootcamps_verl

TASK = bootcamps.get_task("basic_arithmetic")


class CharTokenizer:
    """A byte-level tokenizer: enough for verl's decode calls, no download."""

    def encode(self, text):
        return list(text.encode("utf-8"))

    def decode(self, ids, skip_special_tokens=True):
        return bytes(int(i) for i in ids if int(i) > 0).decode("utf-8", "replace")


def batch(instances, responses):
    tokenizer = CharTokenizer()
    prompts = [tokenizer.encode("q") for _ in instances]
    encoded = [tokenizer.encode(text) for text in responses]
    width = max(len(ids) for ids in encoded)
    prompt_ids = torch.tensor(prompts)
    response_ids = torch.tensor([ids + [0] * (width - len(ids)) for ids in encoded])
    mask = torch.cat([torch.ones_like(prompt_ids),
                      torch.tensor([[1] * len(ids) + [0] * (width - len(ids)) for ids in encoded])], dim=1)
    rows = [bootcamps_verl.verl_row(instance, index, "train") for index, instance in enumerate(instances)]
    data = DataProto.from_dict(
        tensors={"prompts": prompt_ids, "responses": response_ids, "attention_mask": mask},
        non_tensors={"data_source": [row["data_source"] for row in rows],
                     "reward_model": [row["reward_model"] for row in rows],
                     "extra_info": [dict(row["extra_info"]) for row in rows]},
    )
    return data, tokenizer, [len(ids) for ids in encoded]


@pytest.fixture
def scored_batch():
    instances = [TASK.generate(seed, 3) for seed in range(4)]
    responses = [f"<answer>{instances[0].reference}</answer>", "<answer>wrong</answer>", "no answer",
                 f"\\boxed{{{instances[3].reference}}}"]
    return batch(instances, responses)


@pytest.mark.parametrize("manager", ["naive", "batch"])
def test_real_reward_managers_use_our_scores(scored_batch, manager):
    data, tokenizer, lengths = scored_batch
    if manager == "naive":
        reward_manager = NaiveRewardManager(tokenizer, num_examine=0, compute_score=bootcamps_verl.compute_score)
    else:
        reward_manager = BatchRewardManager(tokenizer, num_examine=0,
                                            compute_score=bootcamps_verl.compute_score_batch, workers=1)
    result = reward_manager(data, return_dict=True)
    rewards = result["reward_tensor"]
    assert [rewards[i, lengths[i] - 1].item() for i in range(4)] == [1.0, 0.0, 0.0, 1.0]
    assert rewards.sum().item() == 2.0  # the reward sits on the last response token only
    extra = result["reward_extra_info"]
    assert set(extra) == set(bootcamps_verl.SCORE_KEYS)
    assert extra["acc"] == [1.0, 0.0, 0.0, 1.0] and extra["no_answer"] == [0.0, 0.0, 1.0, 0.0]


def test_every_result_has_the_same_keys_even_for_bad_rows():
    good = bootcamps_verl.compute_score("x", "<answer>1</answer>", TASK.generate(0).to_json())
    bad = bootcamps_verl.compute_score("x", "<answer>1</answer>", "{not json")
    assert set(good) == set(bad) == set(bootcamps_verl.SCORE_KEYS)
    assert bad["score"] == 0.0
    assert all(isinstance(value, float) for value in [*good.values(), *bad.values()])


def test_reward_kwargs_shape_the_score():
    instance = TASK.generate(1)
    text = f"<answer>{instance.reference}</answer>"
    assert bootcamps_verl.compute_score("x", text, instance.to_json(), format_reward=0.5)["score"] == 1.5
    assert bootcamps_verl.compute_score("x", text, instance.to_json(), unrelated_kwarg=1)["score"] == 1.0


def test_parquet_is_read_by_verls_dataset(tmp_path):
    import pyarrow.parquet as pq

    instances = [TASK.generate(seed, 2) for seed in range(6)]
    path = bootcamps_verl.write_parquet(instances, tmp_path / "train.parquet")
    table = pq.read_table(path)
    assert table.column_names == ["data_source", "prompt", "ability", "reward_model", "extra_info"]
    rows = table.to_pylist()
    assert [bootcamps.Instance.from_json(row["reward_model"]["ground_truth"]) for row in rows] == instances
    assert rows[0]["prompt"] == [{"role": "user", "content": instances[0].prompt}]
    # verl's own loader: reads the schema and keeps the columns its reward managers need
    from omegaconf import OmegaConf
    from verl.utils.dataset.rl_dataset import RLHFDataset

    class PromptTokenizer(CharTokenizer):
        def apply_chat_template(self, messages, add_generation_prompt=True, tokenize=False, **kwargs):
            text = "".join(message["content"] for message in messages)
            return self.encode(text) if tokenize else text

    config = OmegaConf.create({"max_prompt_length": 4096, "filter_overlong_prompts": False,
                               "return_raw_chat": True, "prompt_key": "prompt"})
    dataset = RLHFDataset(data_files=[str(path)], tokenizer=PromptTokenizer(), config=config)
    assert len(dataset) == 6
