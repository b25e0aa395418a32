"""TRL: a real GRPOTrainer trains on a bootcamps dataset with the bootcamps reward function.

The model and tokenizer are built here, tiny and randomly initialised: nothing is downloaded.
"""

import asyncio

import pytest
import torch
import trl

import bootcamps
from bootcamps.integrations import trl as bootcamps_trl


def tiny_model_and_tokenizer(texts):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    tokenizer = Tokenizer(models.WordLevel(unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.train_from_iterator(texts, trainers.WordLevelTrainer(special_tokens=["[UNK]", "[PAD]", "[EOS]"]))
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                      eos_token="[EOS]")
    wrapped.chat_template = "{% for m in messages %}{{ m['content'] }} {% endfor %}"
    config = Qwen2Config(vocab_size=len(wrapped), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=512,
                         pad_token_id=wrapped.pad_token_id, eos_token_id=wrapped.eos_token_id)
    torch.manual_seed(0)
    return Qwen2ForCausalLM(config), wrapped


@pytest.mark.parametrize("asynchronous", [False, True])
def test_grpo_trainer_scores_every_completion(tmp_path, asynchronous):
    dataset = bootcamps_trl.make_dataset(["basic_arithmetic"], per_task=8, seed=1, levels=[1, 2])
    texts = [row["prompt"][-1]["content"] for row in dataset] + ["<answer> </answer> 1 2 3 4 5 6 7 8 9 0"]
    model, tokenizer = tiny_model_and_tokenizer(texts)
    reward = bootcamps_trl.reward_function(asynchronous=asynchronous, workers=1)
    config = trl.GRPOConfig(output_dir=str(tmp_path), use_cpu=True, report_to=[], max_steps=2,
                            per_device_train_batch_size=4, num_generations=4, max_completion_length=8,
                            logging_steps=1, save_strategy="no", seed=0)
    trainer = trl.GRPOTrainer(model=model, processing_class=tokenizer, reward_funcs=reward, args=config,
                              train_dataset=dataset)
    trainer.train()
    assert reward.scored == 2 * 4  # two steps of a batch of 4 completions
    logged = [entry for entry in trainer.state.log_history if "rewards/bootcamps/mean" in entry]
    assert len(logged) == 2
    assert all("bootcamps/accuracy" in entry for entry in logged)


def test_reward_function_standard_and_conversational_formats():
    task = bootcamps.get_task("basic_arithmetic")
    instances = [task.generate(seed, 3) for seed in range(4)]
    columns = {"instance": [i.to_json() for i in instances], "task": [i.task for i in instances]}
    texts = [f"<answer>{instances[0].reference}</answer>", "<answer>nope</answer>",
             f"\\boxed{{{instances[2].reference}}}", ""]
    reward = bootcamps_trl.reward_function(workers=0)
    assert reward(prompts=[""] * 4, completions=texts, **columns) == [1.0, 0.0, 1.0, 0.0]
    conversational = [[{"role": "assistant", "content": text}] for text in texts]
    assert reward(prompts=[[]] * 4, completions=conversational, **columns) == [1.0, 0.0, 1.0, 0.0]
    async_reward = bootcamps_trl.reward_function(workers=0, asynchronous=True)
    assert asyncio.run(async_reward(prompts=[""] * 4, completions=texts, **columns)) == [1.0, 0.0, 1.0, 0.0]
    assert reward.scored == 8


def test_reward_function_without_instance_column_says_what_is_missing():
    reward = bootcamps_trl.reward_function(workers=0)
    with pytest.raises(bootcamps.InvalidParameterError, match="expected an 'instance' column"):
        reward(prompts=["p"], completions=["c"])
