#!/usr/bin/env python3
"""ml-image smoke suites, run inside the image: one suite per call, one JSON line on stdout.

  ml_image_smoke.py imports DIST...     import every top-level module of each distribution
  ml_image_smoke.py compute [DEVICE]    matmul throughput (fp32 on CPU; fp32, tf32, bf16 on GPU)
  ml_image_smoke.py train MIN_DROP      a tiny model; the loss must fall by MIN_DROP (0..1)
  ml_image_smoke.py ddp NPROC           torchrun --standalone: all-reduce checked, busbw reported
  ml_image_smoke.py gpu DRIVER_FLOOR    GPUs visible, driver at or above the floor

Output: {"status": "pass"|"fail"|"skip", "reason": str, "metrics": {...}, "details": ...}.
Standard library only, except the suites that test torch itself.
"""
import json
import os
import subprocess
import sys
import time


def emit(status, reason="", **extra):
    print(json.dumps(dict(status=status, reason=reason, **extra)))
    sys.exit(0)


def need_torch():
    try:
        import torch  # noqa: F401
    except ImportError as e:
        emit("skip", "torch is not installed in the image (%s)" % e)
    import torch

    return torch


def import_names(dist):
    from importlib import metadata

    d = metadata.distribution(dist)
    top = (d.read_text("top_level.txt") or "").split()
    if not top:
        names = set()
        for f in d.files or []:
            parts = str(f).split("/")
            if parts[0].endswith((".dist-info", ".data")) or parts[0] == "..":
                continue
            if len(parts) > 1 and parts[-1] == "__init__.py":
                names.add(parts[0])
            elif len(parts) == 1 and parts[0].endswith(".py"):
                names.add(parts[0][:-3])
        top = sorted(names)
    return [t for t in top if t and not t.startswith("_")] or [dist.replace("-", "_")]


def imports(dists):
    import importlib

    results, failed = [], []
    for dist in dists:
        try:
            names = import_names(dist)
        except Exception as e:
            results.append({"dist": dist, "error": "not installed: %s" % e})
            failed.append(dist)
            continue
        for name in names:
            t0 = time.time()
            try:
                importlib.import_module(name)
                results.append({"dist": dist, "module": name, "ms": int((time.time() - t0) * 1000)})
            except BaseException as e:  # noqa: an import may raise anything, even SystemExit
                results.append({"dist": dist, "module": name, "error": "%s: %s" % (type(e).__name__, e)})
                failed.append("%s (%s)" % (name, dist))
    if failed:
        emit("fail", "cannot import " + ", ".join(failed), details=results)
    emit("pass", "", metrics={"modules": len(results)}, details=results)


def bench_matmul(torch, device, dtype, n, seconds=1.0):
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    sync = torch.cuda.synchronize if device == "cuda" else (lambda: None)
    for _ in range(3):
        a @ b
    sync()
    iters, t0 = 0, time.time()
    while time.time() - t0 < seconds:
        a @ b
        iters += 1
    sync()
    return 2.0 * n ** 3 * iters / (time.time() - t0) / 1e12  # TFLOP/s


def compute(device):
    torch = need_torch()
    if device == "cuda" and not torch.cuda.is_available():
        emit("skip", "no CUDA device visible")
    metrics = {}
    if device == "cpu":
        metrics["fp32_tflops"] = round(bench_matmul(torch, "cpu", torch.float32, 512), 4)
    else:
        torch.backends.cuda.matmul.allow_tf32 = False
        metrics["fp32_tflops"] = round(bench_matmul(torch, "cuda", torch.float32, 8192), 2)
        torch.backends.cuda.matmul.allow_tf32 = True
        metrics["tf32_tflops"] = round(bench_matmul(torch, "cuda", torch.float32, 8192), 2)
        metrics["bf16_tflops"] = round(bench_matmul(torch, "cuda", torch.bfloat16, 8192), 2)
        metrics["gpu"] = torch.cuda.get_device_name(0)
    emit("pass", "", metrics=metrics)


def train(min_drop):
    torch = need_torch()
    torch.manual_seed(0)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x = torch.randn(512, 16, device=device)
    y = x @ torch.randn(16, 1, device=device) + 0.1 * torch.randn(512, 1, device=device)
    model = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    losses = []
    for _ in range(50):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    start, end = losses[0], losses[-1]
    drop = (start - end) / start if start else 0.0
    metrics = {"loss_start": round(start, 5), "loss_end": round(end, 5), "loss_drop": round(drop, 4), "device": device}
    if drop < min_drop:
        emit("fail", "loss fell by %.1f%%, less than %.1f%%" % (drop * 100, min_drop * 100), metrics=metrics)
    emit("pass", "", metrics=metrics)


def ddp_worker(local_rank=None, world=None, port=None):
    import torch
    import torch.distributed as dist

    if local_rank is not None:  # started by torch.multiprocessing.spawn, not torchrun
        os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(local_rank),
                          LOCAL_RANK=str(local_rank), WORLD_SIZE=str(world))
    backend = "nccl" if torch.cuda.is_available() else "gloo"
    dist.init_process_group(backend)
    rank, world = dist.get_rank(), dist.get_world_size()
    device = "cuda:%d" % int(os.environ.get("LOCAL_RANK", 0)) if backend == "nccl" else "cpu"
    if backend == "nccl":
        torch.cuda.set_device(device)
    numel = 4 * 1024 * 1024  # 16 MiB of fp32
    t = torch.full((numel,), float(rank + 1), device=device)
    dist.all_reduce(t)
    expected = world * (world + 1) / 2
    ok = bool(torch.allclose(t, torch.full_like(t, expected)))
    iters = 5
    if backend == "nccl":
        torch.cuda.synchronize()
    t0 = time.time()
    for _ in range(iters):
        dist.all_reduce(t)
    if backend == "nccl":
        torch.cuda.synchronize()
    seconds = (time.time() - t0) / iters
    algbw = numel * 4 / seconds / 1e9
    if rank == 0:
        print("ML_IMAGE_DDP " + json.dumps({"ok": ok, "world": world, "backend": backend,
                                             "algbw_gbps": round(algbw, 3), "busbw_gbps": round(algbw * 2 * (world - 1) / world, 3)}),
              flush=True)
    dist.destroy_process_group()


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ddp(nproc):
    torch = need_torch()
    if not hasattr(torch, "distributed") or not torch.distributed.is_available():
        emit("skip", "torch.distributed is not available in this build")
    n = int(nproc) if nproc != "auto" else (torch.cuda.device_count() if torch.cuda.is_available() else 2)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=%d" % n, __file__, "ddp-worker"]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=600)
    output, launcher = r.stdout, "torchrun"
    line = next((ln for ln in output.splitlines() if ln.startswith("ML_IMAGE_DDP ")), None)
    if line is None and "torch/distributed/elastic" in output and "_start_workers" in output:
        # torchrun itself broke before starting workers (torch 1.13's launcher fails on Python 3.11):
        # run the same workers with torch.multiprocessing.spawn.
        code = ("import sys; sys.path.insert(0, %r); import ml_image_smoke_ddp as m; import torch.multiprocessing as mp; "
                "mp.spawn(m.ddp_worker, args=(%d, %d), nprocs=%d)" % (os.path.dirname(os.path.abspath(__file__)), n, free_port(), n))
        import shutil as _sh
        _sh.copy(__file__, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ml_image_smoke_ddp.py"))
        r = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=600)
        output, launcher = r.stdout, "torch.multiprocessing.spawn (torchrun failed to start)"
        line = next((ln for ln in output.splitlines() if ln.startswith("ML_IMAGE_DDP ")), None)
    if r.returncode != 0 or line is None:
        emit("fail", "%s exited %d" % (launcher.split(" ")[0], r.returncode), output=output[-4000:])
    result = json.loads(line[len("ML_IMAGE_DDP "):])
    metrics = {k: result[k] for k in ("world", "backend", "algbw_gbps", "busbw_gbps")}
    metrics["launcher"] = launcher
    if not result["ok"]:
        emit("fail", "all-reduce returned a wrong sum", metrics=metrics)
    emit("pass", "", metrics=metrics)


def gpu(floor):
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=60)
    except FileNotFoundError:
        emit("skip", "no GPU visible (nvidia-smi is not in the container: run with --gpus)")
    if out.returncode != 0:
        emit("fail", "nvidia-smi failed", output=out.stdout[-2000:])
    rows = [ln.split(", ") for ln in out.stdout.strip().splitlines() if ln]
    drivers = sorted({r[1] for r in rows if len(r) > 1})
    metrics = {"gpus": len(rows), "names": sorted({r[0] for r in rows}), "driver": drivers[0] if drivers else None}
    key = lambda v: [int(p) for p in v.split(".") if p.isdigit()]  # noqa: E731
    if floor and drivers and key(drivers[0]) < key(floor):
        emit("fail", "NVIDIA driver %s is older than %s, which this CUDA needs" % (drivers[0], floor), metrics=metrics)
    emit("pass", "", metrics=metrics)


if __name__ == "__main__":
    suite, args = sys.argv[1], sys.argv[2:]
    if suite == "ddp-worker":
        ddp_worker()
        sys.exit(0)
    try:
        {"imports": lambda: imports(args),
         "compute": lambda: compute(args[0] if args else "cpu"),
         "train": lambda: train(float(args[0]) if args else 0.5),
         "ddp": lambda: ddp(args[0] if args else "auto"),
         "gpu": lambda: gpu(args[0] if args else "")}[suite]()
    except SystemExit:
        raise
    except BaseException as e:  # a suite that crashes is a failing test, with the error
        import traceback
        emit("fail", "%s: %s" % (type(e).__name__, e), output=traceback.format_exc()[-4000:])
