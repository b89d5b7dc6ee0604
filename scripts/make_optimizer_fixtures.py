#!/usr/bin/env python3
"""Writes the PyTorch fixtures of the optimiser and clipping tests.

Feeds `OptimizerTests` (Tests/RecurEngineTests/OptimizerTests.swift) and `ClippingTests`
(ClippingTests.swift) through Tests/RecurEngineTests/Fixtures/optim/{optimizers,clipping}.json.
Run with the PyTorch venv (the tests themselves never need PyTorch):

    /work/torchenv/bin/python scripts/make_optimizer_fixtures.py

Every case starts from given float32 parameters, feeds given gradients for a few steps to a
torch.optim optimiser (CPU, single-tensor path: foreach=False) and records the parameters after
every step. Values are float32 written as exact decimal (Python repr of the double).
"""
import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/RecurEngineTests/Fixtures/optim"
SHAPES = [[3, 4], [5], [2, 1, 3]]
STEPS = 5

# (name, kind key, torch class, keyword arguments). The kind keys are OptimizerKind's raw values;
# the keyword arguments are given to torch as is and to our OptimizerConfig by name.
CASES = [
    ("sgd", "sgd", torch.optim.SGD, dict(lr=0.1)),
    ("sgd-weight-decay", "sgd", torch.optim.SGD, dict(lr=0.05, weight_decay=0.1)),
    ("momentum", "momentum", torch.optim.SGD, dict(lr=0.05, momentum=0.9)),
    ("momentum-weight-decay", "momentum", torch.optim.SGD,
     dict(lr=0.05, momentum=0.8, weight_decay=0.01)),
    ("nesterov", "nesterov", torch.optim.SGD, dict(lr=0.05, momentum=0.9, nesterov=True)),
    ("nesterov-weight-decay", "nesterov", torch.optim.SGD,
     dict(lr=0.02, momentum=0.95, nesterov=True, weight_decay=0.05)),
    ("rmsprop", "rmsprop", torch.optim.RMSprop, dict(lr=0.01)),
    ("rmsprop-weight-decay", "rmsprop", torch.optim.RMSprop, dict(lr=0.003, weight_decay=0.1)),
    ("rmsprop-momentum", "rmsprop", torch.optim.RMSprop, dict(lr=0.001, momentum=0.9)),
    ("rmsprop-centered", "rmsprop", torch.optim.RMSprop,
     dict(lr=0.002, alpha=0.9, centered=True, momentum=0.5)),
    ("adam", "adam", torch.optim.Adam, dict(lr=0.001)),
    ("adam-weight-decay", "adam", torch.optim.Adam, dict(lr=0.01, weight_decay=0.1)),
    ("adam-betas", "adam", torch.optim.Adam, dict(lr=0.003, betas=(0.5, 0.9), eps=1e-6)),
    ("adamw", "adamw", torch.optim.AdamW, dict(lr=0.001)),
    ("adamw-weight-decay", "adamw", torch.optim.AdamW, dict(lr=0.01, weight_decay=0.3)),
]


def tensors_to_lists(tensors):
    return [t.detach().reshape(-1).tolist() for t in tensors]


def gradients(generator):
    """Gradients of varied scales, with exact zeros in the second tensor (eps paths)."""
    grads = []
    for k, shape in enumerate(SHAPES):
        g = torch.randn(shape, generator=generator) * (10.0 ** (1 - k))
        if k == 1:
            g[0] = 0.0
        grads.append(g.float())
    return grads


def optimizer_case(name, kind, cls, kwargs, seed):
    generator = torch.Generator().manual_seed(seed)
    params = [torch.nn.Parameter(torch.randn(s, generator=generator)) for s in SHAPES]
    initial = tensors_to_lists(params)
    optimizer = cls(params, foreach=False, **kwargs)
    steps = []
    for _ in range(STEPS):
        grads = gradients(generator)
        for p, g in zip(params, grads):
            p.grad = g.clone()
        optimizer.step()
        steps.append({"gradients": tensors_to_lists(grads), "parameters": tensors_to_lists(params)})
    config = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
    return {"name": name, "kind": kind, "config": config, "shapes": SHAPES,
            "initial": initial, "steps": steps}


def clipping_cases():
    generator = torch.Generator().manual_seed(7)
    cases = []
    for name, max_norm, scale in [("clips", 0.5, 1.0), ("below-limit", 100.0, 1.0),
                                  ("tiny-limit", 1e-3, 3.0), ("zero-limit", 0.0, 1.0)]:
        grads = [torch.randn(s, generator=generator) * scale for s in SHAPES]
        params = [torch.nn.Parameter(torch.zeros(s)) for s in SHAPES]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, foreach=False)
        cases.append({"name": name, "kind": "norm", "limit": max_norm, "shapes": SHAPES,
                      "gradients": tensors_to_lists(grads), "total_norm": total.item(),
                      "clipped": tensors_to_lists([p.grad for p in params])})
    for name, clip_value in [("value", 0.3), ("value-wide", 10.0)]:
        grads = [torch.randn(s, generator=generator) for s in SHAPES]
        params = [torch.nn.Parameter(torch.zeros(s)) for s in SHAPES]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        torch.nn.utils.clip_grad_value_(params, clip_value, foreach=False)
        cases.append({"name": name, "kind": "value", "limit": clip_value, "shapes": SHAPES,
                      "gradients": tensors_to_lists(grads), "total_norm": None,
                      "clipped": tensors_to_lists([p.grad for p in params])})
    return cases


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    cases = [optimizer_case(*case, seed=100 + i) for i, case in enumerate(CASES)]
    (OUT / "optimizers.json").write_text(json.dumps({"torch": torch.__version__, "cases": cases}))
    (OUT / "clipping.json").write_text(
        json.dumps({"torch": torch.__version__, "cases": clipping_cases()}))
    print(f"wrote {len(cases)} optimiser cases and the clipping cases to {OUT}")


if __name__ == "__main__":
    main()
