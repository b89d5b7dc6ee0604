#!/usr/bin/env python3
"""Writes the PyTorch fixtures of Tests/RecurEngineTests/TorchFixtureTests.swift.

Run with a Python that has torch and numpy (the tests themselves never need them):

    python scripts/make_engine_fixtures.py

Each fixture is a tiny model (`self.rnn = nn.RNN/LSTM/GRU`, `self.head = nn.Linear`, the
module layout of Recur's checkpoints) with float32-representable parameters, inputs and
targets, and what PyTorch computes for it in float64: the loss, every gradient,
`hidden_grad_norm` [layers, T] (the norm of the total dL/dh_t, from `retain_grad` on the
per-step hidden states of a step-by-step run of the same weights through PyTorch's own cell
functions, checked against the module's call), gate saturation, hidden-state norms and the spectral norm of each `weight_hh`.
"""
import json
import os

import numpy as np
import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "RecurEngineTests", "Fixtures")
STEPS, BATCH, INPUTS, HIDDEN, OUTPUTS = 5, 3, 3, 4, 3

# (name, cell, layers, loss): every cell alone, every cell stacked, every loss at least twice.
CASES = [
    ("rnn-1-mse-last", "rnn", 1, "mse-last"),
    ("rnn_relu-1-ce-all", "rnn_relu", 1, "ce-all"),
    ("lstm-1-ce-last", "lstm", 1, "ce-last"),
    ("gru-1-mse-all", "gru", 1, "mse-all"),
    ("rnn-2-ce-last", "rnn", 2, "ce-last"),
    ("rnn_relu-2-mse-last", "rnn_relu", 2, "mse-last"),
    ("lstm-2-mse-all", "lstm", 2, "mse-all"),
    ("gru-2-ce-all", "gru", 2, "ce-all"),
]


class Net(nn.Module):
    """The module a Recur checkpoint loads into."""

    def __init__(self, cell, layers):
        super().__init__()
        if cell == "lstm":
            self.rnn = nn.LSTM(INPUTS, HIDDEN, num_layers=layers)
        elif cell == "gru":
            self.rnn = nn.GRU(INPUTS, HIDDEN, num_layers=layers)
        else:
            nonlinearity = "relu" if cell == "rnn_relu" else "tanh"
            self.rnn = nn.RNN(INPUTS, HIDDEN, num_layers=layers, nonlinearity=nonlinearity)
        self.head = nn.Linear(HIDDEN, OUTPUTS)


def apply_head(net, top, loss):
    """The head on the last step [B, H] or on every step [T, B, H]."""
    return net.head(top if loss.endswith("all") else top[-1])


def loss_value(outputs, targets, loss):
    if loss.startswith("mse"):
        return nn.MSELoss()(outputs, targets)
    return nn.CrossEntropyLoss()(outputs.reshape(-1, OUTPUTS), targets.reshape(-1))


def step_by_step(net, cell, layers, x):
    """Runs the stack one cell call at a time with the module's own weights; returns the top
    layer's states and, per layer, the per-step h_t (with retain_grad) and gate activations."""
    hs, gates = [], []
    inputs = list(x)
    for k in range(layers):
        w_ih, w_hh, b_ih, b_hh = (getattr(net.rnn, f"{n}_l{k}") for n in
                                  ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))
        h = torch.zeros(BATCH, HIDDEN, dtype=x.dtype)
        c = torch.zeros_like(h)
        layer_h, layer_gates = [], []
        for xt in inputs:
            gi = xt @ w_ih.T + b_ih
            gh = h @ w_hh.T + b_hh
            if cell == "lstm":
                i, f, g, o = (gi + gh).chunk(4, 1)
                h, c = torch._VF.lstm_cell(xt, (h, c), w_ih, w_hh, b_ih, b_hh)
                acts = [i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid(), c.tanh()]
            elif cell == "gru":
                ir, iz, i_n = gi.chunk(3, 1)
                hr, hz, h_n = gh.chunk(3, 1)
                r = (ir + hr).sigmoid()
                acts = [r, (iz + hz).sigmoid(), (i_n + r * h_n).tanh()]
                h = torch._VF.gru_cell(xt, h, w_ih, w_hh, b_ih, b_hh)
            elif cell == "rnn":
                h = torch._VF.rnn_tanh_cell(xt, h, w_ih, w_hh, b_ih, b_hh)
                acts = [h]
            else:
                h = torch._VF.rnn_relu_cell(xt, h, w_ih, w_hh, b_ih, b_hh)
                acts = [h]
            h.retain_grad()
            layer_h.append(h)
            layer_gates.append([a.detach() for a in acts])
        hs.append(layer_h)
        gates.append(layer_gates)
        inputs = layer_h
    return torch.stack(hs[-1]), hs, gates


def saturation(cell, gates):
    names = {"lstm": "ifgoc", "gru": "rzn"}.get(cell, "h")
    rules = {"lstm": "sstst", "gru": "sst"}.get(cell, "z" if cell == "rnn_relu" else "t")
    result = {}
    for k, layer in enumerate(gates):
        for g, (name, rule) in enumerate(zip(names, rules)):
            a = torch.stack([step[g] for step in layer])
            if rule == "s":
                hits = (a < 0.05) | (a > 0.95)
            elif rule == "t":
                hits = a.abs() > 0.95
            else:
                hits = a == 0
            result[f"l{k}.{name}"] = hits.double().mean().item()
    return result


def make(name, cell, layers, loss, seed):
    rng = np.random.default_rng(seed)
    f32 = lambda *shape: rng.uniform(-1, 1, size=shape).astype(np.float32)
    net = Net(cell, layers)
    state = {key: torch.from_numpy(1.3 * f32(*v.shape)) for key, v in net.state_dict().items()}
    state = {key: v.float() for key, v in state.items()}  # 1.3 * x rounded to float32
    net.load_state_dict(state)
    net = net.double()
    x = torch.from_numpy(f32(STEPS, BATCH, INPUTS)).double()
    if loss.startswith("mse"):
        shape = (STEPS, BATCH, OUTPUTS) if loss == "mse-all" else (BATCH, OUTPUTS)
        targets = torch.from_numpy(f32(*shape)).double()
    else:
        shape = (STEPS, BATCH) if loss == "ce-all" else (BATCH,)
        targets = torch.from_numpy(rng.integers(0, OUTPUTS, size=shape))
        if loss == "ce-all":
            targets[1, 2] = -100  # an unlabelled position, left out of the mean

    # The module's own call: the loss and the parameter gradients.
    out, _ = net.rnn(x)
    value = loss_value(apply_head(net, out, loss), targets, loss)
    value.backward()
    grads = {key: p.grad.clone() for key, p in net.named_parameters()}
    net.zero_grad()

    # The same weights step by step: dL/dh_t of every layer and step, which must agree.
    top, hs, gates = step_by_step(net, cell, layers, x)
    value2 = loss_value(apply_head(net, top, loss), targets, loss)
    value2.backward()
    assert abs(value.item() - value2.item()) < 1e-12, name
    for key, p in net.named_parameters():
        assert torch.allclose(p.grad, grads[key], rtol=1e-10, atol=1e-12), (name, key)
    hidden_grad_norm = [[h.grad.norm().item() for h in layer] for layer in hs]
    hidden_norm = [torch.stack(layer).norm(dim=2).mean().item() for layer in hs]

    flat = lambda t: [float(v) for v in t.detach().reshape(-1).tolist()]
    fixture = {
        "test": "TorchFixtureTests",
        "made_by": "scripts/make_engine_fixtures.py",
        "torch": torch.__version__,
        "cell": cell, "layers": layers, "input_size": INPUTS, "hidden_size": HIDDEN,
        "output_size": OUTPUTS, "loss": loss, "steps": STEPS, "batch": BATCH,
        "parameters": {key: flat(v) for key, v in state.items()},
        "inputs": flat(x),
        "targets": flat(targets) if loss.startswith("mse") else None,
        "labels": [int(v) for v in targets.reshape(-1).tolist()] if loss.startswith("ce") else None,
        "loss_value": value.item(),
        "gradients": {key: flat(g) for key, g in grads.items()},
        "hidden_grad_norm": hidden_grad_norm,
        "hidden_norm": hidden_norm,
        "saturation": saturation(cell, gates),
        "spectral_norm": [torch.linalg.matrix_norm(getattr(net.rnn, f"weight_hh_l{k}"), ord=2)
                          .item() for k in range(layers)],
    }
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(fixture, f, separators=(",", ":"))
        f.write("\n")


def main():
    torch.manual_seed(0)
    os.makedirs(OUT, exist_ok=True)
    for seed, case in enumerate(CASES):
        make(*case, seed=seed + 1)
    print(f"wrote {len(CASES)} fixtures to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
