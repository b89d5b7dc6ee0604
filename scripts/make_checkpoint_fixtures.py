#!/usr/bin/env python3
"""Writes the PyTorch checkpoint and batch fixtures, and checks the files our writer made.

Feeds `CheckpointTests` and `BatchFileTests` (Tests/RecurEngineTests/Checkpoint*.swift)
through Tests/RecurEngineTests/Fixtures/checkpoints/. Run with the PyTorch venv (the tests
themselves never need PyTorch):

    /work/torchenv/bin/python scripts/make_checkpoint_fixtures.py

1. State dicts of `M` (self.rnn = nn.LSTM/GRU/RNN, self.head = nn.Linear) saved with
   safetensors.torch.save_file, without metadata: lstm.safetensors, gru.safetensors,
   rnn2.safetensors (2 layers), plus their values in expected.json.
2. Batch files for each loss (batch-<loss>.safetensors), values in expected.json.
3. The files our Swift writer produced and committed (written-by-recur-*.safetensors, see
   `CheckpointTests.writerOutputIsTheCommittedFile`): loaded with safetensors.torch.load_file
   and `load_state_dict(strict=True)` into `M`, metadata and every value checked against the
   formula the Swift test used. The script fails loudly if any check fails.
"""
import json
import pathlib

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/RecurEngineTests/Fixtures/checkpoints"


class M(torch.nn.Module):
    """The module a Recur checkpoint loads into."""

    def __init__(self, cell, input_size, hidden_size, layers, output_size):
        super().__init__()
        if cell in ("rnn", "rnn_relu"):
            self.rnn = torch.nn.RNN(input_size, hidden_size, num_layers=layers,
                                    nonlinearity="relu" if cell == "rnn_relu" else "tanh")
        elif cell == "lstm":
            self.rnn = torch.nn.LSTM(input_size, hidden_size, num_layers=layers)
        else:
            self.rnn = torch.nn.GRU(input_size, hidden_size, num_layers=layers)
        self.head = torch.nn.Linear(hidden_size, output_size)


def flat(tensor):
    return {"shape": list(tensor.shape), "values": tensor.detach().reshape(-1).tolist()}


def write_state_dicts(expected):
    models = {
        "lstm": ("lstm", 3, 4, 1, 2),
        "gru": ("gru", 2, 5, 1, 3),
        "rnn2": ("rnn", 3, 4, 2, 1),
    }
    for seed, (name, (cell, i, h, layers, o)) in enumerate(models.items()):
        torch.manual_seed(seed)
        model = M(cell, i, h, layers, o)
        state = {k: v.contiguous() for k, v in model.state_dict().items()}
        save_file(state, OUT / f"{name}.safetensors")
        expected["checkpoints"][name] = {
            "config": {"cell": cell, "input_size": i, "hidden_size": h, "layers": layers,
                       "output_size": o},
            "tensors": {k: flat(v) for k, v in state.items()},
        }


def write_batches(expected):
    t, b, i, o = 3, 2, 4, 5
    generator = torch.Generator().manual_seed(11)
    inputs = torch.randn(t, b, i, generator=generator)
    targets = {
        "mse-last": torch.randn(b, o, generator=generator),
        "mse-all": torch.randn(t, b, o, generator=generator),
        "ce-last": torch.randint(0, o, (b,), generator=generator, dtype=torch.int64),
        "ce-all": torch.randint(0, o, (t, b), generator=generator, dtype=torch.int64),
    }
    for loss, target in targets.items():
        save_file({"inputs": inputs, "targets": target}, OUT / f"batch-{loss}.safetensors")
        expected["batches"][loss] = {"inputs": flat(inputs), "targets": flat(target)}
    expected["batch_config"] = {"steps": t, "size": b, "input_size": i, "output_size": o}


def formula(k, n):
    """The values the Swift test writes into tensor k: exact in float32 and here."""
    return torch.tensor([((j * 7 + k * 3) % 23 - 11) / 8 for j in range(n)], dtype=torch.float32)


def check_written_checkpoint():
    path = OUT / "written-by-recur-lstm.safetensors"
    if not path.exists():
        print(f"skipped: {path.name} not committed yet")
        return
    with safe_open(path, framework="pt") as f:
        metadata = f.metadata()
    expected_metadata = {"cell": "lstm", "layers": "2", "input_size": "3", "hidden_size": "4",
                         "output_size": "2"}
    assert metadata == expected_metadata, metadata
    state = load_file(path)
    model = M("lstm", 3, 4, 2, 2)
    model.load_state_dict(state, strict=True)
    for k, (name, value) in enumerate(model.state_dict().items()):
        want = formula(k, value.numel()).reshape(value.shape)
        assert torch.equal(value, want), name
    print(f"checked {path.name}: load_state_dict(strict=True), metadata and values")


def check_written_probe():
    path = OUT / "written-by-recur-probe.safetensors"
    if not path.exists():
        print(f"skipped: {path.name} not committed yet")
        return
    tensors = load_file(path)
    assert tensors["loss"].shape == torch.Size([]) and tensors["loss"].item() == 0.25, tensors
    assert torch.equal(tensors["hidden_grad_norm"], torch.tensor([[1.0, 2.0, 3.0]])), tensors
    assert set(tensors) == {"loss", "hidden_grad_norm"}, tensors
    print(f"checked {path.name}: scalar and matrix F32 tensors")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {"torch": torch.__version__, "checkpoints": {}, "batches": {}}
    write_state_dicts(expected)
    write_batches(expected)
    (OUT / "expected.json").write_text(json.dumps(expected))
    print(f"wrote state dicts and batches to {OUT}")
    check_written_checkpoint()
    check_written_probe()


if __name__ == "__main__":
    main()
