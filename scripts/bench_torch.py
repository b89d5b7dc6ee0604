#!/usr/bin/env python3
"""The PyTorch baseline of `recur bench engine`: the same training steps (forward, backward,
Adam) on the same configurations, single-threaded, printing the same figures.

    OPENBLAS_NUM_THREADS=1 .build/release/recur bench engine --json ours.json
    python scripts/bench_torch.py --ours ours.json

With --ours, also prints our sequences/s over PyTorch's for each configuration and cell, by
wall time (what issue 2's targets are stated in) and by thread CPU time (steadier when other
processes share the machine). With --recur (the recur binary) instead, it alternates: for each
configuration and cell, --rounds times, recur then PyTorch, and states medians; on a machine
shared with other work this is the comparison to trust. FLOPs are counted as recur counts
them: 3 x the forward GEMM FLOPs.

    python scripts/bench_torch.py --recur .build/release/recur --rounds 3
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import torch
from torch import nn

CONFIGS = {
    # name: (T, B, I, H, layers, O, loss)
    "adding-h128": (100, 32, 2, 128, 1, 1, "mse-last"),
    "adding-h512": (100, 32, 2, 512, 1, 1, "mse-last"),
    "charlm-h256x2": (64, 32, 65, 256, 2, 65, "ce-all"),
}
GATES = {"rnn": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}


class Net(nn.Module):
    def __init__(self, cell, inputs, hidden, layers, outputs):
        super().__init__()
        if cell == "lstm":
            self.rnn = nn.LSTM(inputs, hidden, num_layers=layers)
        elif cell == "gru":
            self.rnn = nn.GRU(inputs, hidden, num_layers=layers)
        else:
            kind = "relu" if cell == "rnn_relu" else "tanh"
            self.rnn = nn.RNN(inputs, hidden, num_layers=layers, nonlinearity=kind)
        self.head = nn.Linear(hidden, outputs)


def flops(name, cell):
    t, b, i, h, layers, o, loss = CONFIGS[name]
    g = GATES[cell]
    forward = sum(2 * t * b * g * h * ((i if k == 0 else h) + h) for k in range(layers))
    forward += 2 * b * h * o * (t if loss.endswith("all") else 1)
    return 3 * forward


def batch(name):
    t, b, i, h, layers, o, loss = CONFIGS[name]
    g = torch.Generator().manual_seed(7)
    if loss == "ce-all":
        x = nn.functional.one_hot(torch.randint(0, i, (t, b), generator=g), i).float()
        y = torch.randint(0, o, (t, b), generator=g)
    else:
        x = torch.zeros(t, b, i)
        x[:, :, 0] = torch.rand(t, b, generator=g)
        x[:2, :, 1] = 1
        y = torch.rand(b, o, generator=g)
    return x, y


def bench(name, cell, min_steps, seconds):
    t, b, i, h, layers, o, loss = CONFIGS[name]
    torch.manual_seed(0)
    net = Net(cell, i, h, layers, o)
    opt = torch.optim.Adam(net.parameters())
    x, y = batch(name)
    criterion = nn.CrossEntropyLoss() if loss.startswith("ce") else nn.MSELoss()

    def step():
        opt.zero_grad()
        out, _ = net.rnn(x)
        if loss.endswith("all"):
            value = criterion(net.head(out).reshape(-1, o), y.reshape(-1))
        else:
            value = criterion(net.head(out[-1]), y)
        value.backward()
        opt.step()

    for _ in range(2):
        step()
    walls, cpus, start = [], [], time.perf_counter()
    while len(walls) < min_steps or time.perf_counter() - start < seconds:
        wall0, cpu0 = time.perf_counter(), time.thread_time()
        step()
        cpus.append(time.thread_time() - cpu0)
        walls.append(time.perf_counter() - wall0)
    count = len(walls)
    wall, cpu = statistics.median(walls), statistics.median(cpus)  # as recur: medians
    return {"config": name, "cell": cell, "steps": count, "ms_per_step": wall * 1e3,
            "cpu_ms_per_step": cpu * 1e3, "seq_per_s": b / wall,
            "gflops": flops(name, cell) / wall / 1e9, "gflops_cpu": flops(name, cell) / cpu / 1e9}


def sgemm_rate(size=512, seconds=1.0):
    """Single-thread SGEMM GFLOP/s by thread CPU time, best of ten slices (as recur)."""
    a, b = torch.rand(size, size), torch.rand(size, size)
    torch.mm(a, b)
    best = 0.0
    for _ in range(10):
        count, start = 0, time.thread_time()
        while time.thread_time() - start < seconds / 10:
            torch.mm(a, b)
            count += 1
        best = max(best, 2 * size ** 3 * count / (time.thread_time() - start) / 1e9)
    return best


def alternate(args, name, cell):
    """recur then PyTorch, args.rounds times; the median of each figure over the rounds."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    theirs, mine = [], []
    for _ in range(args.rounds):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([args.recur, "bench", "engine", "--configs", name, "--cells", cell,
                            "--steps", str(args.steps), "--seconds", str(args.seconds),
                            "--sgemm-seconds", "0", "--no-diagnostics", "--json", out.name],
                           check=True, env=env, stdout=subprocess.DEVNULL)
            with open(out.name) as f:
                mine.append(json.load(f)["results"][0])
        theirs.append(bench(name, cell, args.steps, args.seconds))
    def median_of(rows):
        keys = ("ms_per_step", "cpu_ms_per_step", "seq_per_s", "gflops", "gflops_cpu")
        merged = dict(rows[0])
        merged.update({k: statistics.median(r[k] for r in rows) for k in keys})
        return merged
    return median_of(theirs), median_of(mine)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", default="rnn,lstm,gru")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--ours", help="the JSON file of `recur bench engine --json`")
    parser.add_argument("--json", help="also write our figures as JSON to this file")
    parser.add_argument("--recur", help="the recur binary, to alternate with (see above)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(1)
    sgemm = sgemm_rate()
    print(f"torch {torch.__version__}, 1 thread; single-thread SGEMM (512^3): {sgemm:.1f} GFLOP/s")
    ours = {}
    if args.ours:
        with open(args.ours) as f:
            ours = {(r["config"], r["cell"]): r for r in json.load(f)["results"]}
    print("(GFLOP/s by wall time; the share of SGEMM by CPU time, as SGEMM is measured)")
    print("config          cell      ms/step   cpu ms    seq/s  GFLOP/s  of SGEMM"
          + ("   ours/torch: wall    cpu" if ours or args.recur else ""))
    results = []
    for name in args.configs.split(","):
        for cell in args.cells.split(","):
            if args.recur:
                r, mine = alternate(args, name, cell)
                ours[(name, cell)] = mine
            else:
                r = bench(name, cell, args.steps, args.seconds)
            results.append(r)
            line = (f"{name:15} {cell:8} {r['ms_per_step']:8.2f} {r['cpu_ms_per_step']:8.2f} "
                    f"{r['seq_per_s']:8.1f} {r['gflops']:8.1f} {100 * r['gflops_cpu'] / sgemm:8.0f}%")
            if (name, cell) in ours:
                o = ours[(name, cell)]
                line += (f"   {o['seq_per_s'] / r['seq_per_s']:13.2f}x"
                         f" {r['cpu_ms_per_step'] / o['cpu_ms_per_step']:6.2f}x")
                if args.recur:
                    line += f"   (ours {o['ms_per_step']:.2f} ms, cpu {o['cpu_ms_per_step']:.2f})"
            print(line, flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"engine": "torch", "sgemm_gflops": sgemm, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
