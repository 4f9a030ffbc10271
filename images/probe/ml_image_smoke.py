#!/usr/bin/env python3
"""ml-image smoke suites, run inside the image: one suite per call, one JSON line on stdout.

  ml_image_smoke.py imports DIST...                    import every top-level module of each distribution
  ml_image_smoke.py gpu DRIVER_FLOOR [--require]       GPUs visible, CUDA starts and sees them, driver floor
  ml_image_smoke.py compute cpu                        fp32 matmul throughput on the CPU
  ml_image_smoke.py compute cuda [--floors JSON|@FILE] fp32, tf32, bf16, fp16 matmul throughput, judged
                                                        against the per-GPU floors
  ml_image_smoke.py train MIN_DROP [--cuda]            a tiny model; the loss must fall by MIN_DROP (0..1)
  ml_image_smoke.py ddp NPROC [--cuda] [--floors ...]  torchrun --standalone: all-reduce checked, busbw
  ml_image_smoke.py ddp-result FILE [--floors ...]     the result of a ddp-worker run whose output is FILE
  ml_image_smoke.py direct [--suites gpu,compute,...] [--cuda] [--floors ...] [--driver-floor V]
                                                        every suite on this host (no Docker): {"tests": [...]}
  ML_IMAGE_SMOKE_BATCH=PLAN_JSON ml_image_smoke.py SUITE ...
                                                        several tests in this one process (see batch())

--cuda (and `compute cuda`) means the GPU was asked for: the suite fails with the cause when CUDA
cannot start; it never falls back to the CPU or to gloo. ML_IMAGE_SMOKE_TIMEOUT=SECONDS (the test's
timeout, set by ml-image smoke and the exported jobs): the ddp suite stops its launcher within it.

Output: {"status": "pass"|"fail"|"skip", "reason": str, "metrics": {...}, "details": ...}, strict JSON (a
number that is not finite is null) on a line of its own: the last line of stdout that holds a result's
start is the suite's (result_of, as ml-image reads it; direct mode reads its suites so).
Standard library only, except the suites that test torch itself.
"""
import json
import math
import os
import re
import subprocess
import sys
import time

# ddp: message size and timed iterations (nccl-tests style: warm-up, barrier, average over ranks).
DDP_CUDA_MIB, DDP_CUDA_ITERS = 256, 20
DDP_CPU_MIB, DDP_CPU_ITERS = 16, 5
# compute: clocks settle within this warm-up (seconds: at least, at most); each shape is timed for
# about TIME_PER_RUN seconds, best of REPEATS, with CUDA events.
WARMUP_MIN_S, WARMUP_MAX_S = 2.0, 10.0
TIME_PER_RUN, REPEATS = 0.25, 3
HALF_SHAPES = (4096, 6144, 8192)
FLOAT_SHAPE = 8192
MIG_SLICES = 7  # compute slices of an A100/H100/H200 (a "3g" instance has 3 of them)


# The last result a suite printed (batch: whether the process may go on) and what its time went to.
LAST, TIMING = {}, {}


def finite(value):
    """VALUE with each float that is not finite (NaN, inf) as None: JSON has no NaN, and a reader of
    strict JSON (ml-image's) would refuse the whole line."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def emit(status, reason="", **extra):
    """The suite's result: one JSON line, on a line of its own (what the suite's modules printed
    without a newline, C's stdio included, is flushed and ended first), and the end of the call."""
    LAST["status"] = status
    line = json.dumps(finite(dict(status=status, reason=reason, **extra)), allow_nan=False)
    flush_all()
    sys.stdout.write("\n" + line + "\n")
    sys.stdout.flush()
    sys.exit(0)


# The start of a result line ("{" then "status"): a line some output ran into holds it after that output.
RESULT_START = re.compile(r'\{\s*"status"\s*:')


def reject_constant(name):
    raise ValueError("%s is not JSON" % name)


def result_of(output):
    """The result a suite printed in OUTPUT: the last line holding a result's start, read from the
    last start that is a whole result object (strict JSON: no NaN); None when there is none."""
    for line in reversed(output.splitlines()):
        line = line.strip()
        starts = [m.start() for m in RESULT_START.finditer(line)]
        if not starts:
            continue
        for at in reversed(starts):
            try:
                result = json.loads(line[at:], parse_constant=reject_constant)
            except ValueError:
                continue
            if isinstance(result, dict) and result.get("status") in ("pass", "fail", "skip"):
                return result
        return None
    return None


def parse_options(args):
    """Positional words and --flags (--cuda, --require; --floors X, --suites X, --driver-floor X)."""
    words, opts, i = [], {}, 0
    while i < len(args):
        a = args[i]
        if a in ("--cuda", "--require"):
            opts[a[2:]] = True
        elif a in ("--floors", "--suites", "--driver-floor"):
            if i + 1 >= len(args):
                raise SystemExit("ml_image_smoke: %s needs a value" % a)
            opts[a[2:].replace("-", "_")] = args[i + 1]
            i += 1
        else:
            words.append(a)
        i += 1
    return words, opts


def load_floors(value):
    """The floors table: JSON text, or @FILE."""
    if not value:
        return None
    if value.startswith("@"):
        with open(value[1:]) as f:
            return json.load(f)
    return json.loads(value)


def floors_problems(table):
    """The rows of TABLE whose `match` Python cannot read, one reason each (checked per row, before
    anything is measured: ml-image refuses such a table, a table handed to the script by hand may
    hold one)."""
    problems = []
    for kind in ("gpus", "ddp"):
        for i, row in enumerate((table or {}).get(kind) or []):
            try:
                re.compile(row.get("match", ""), re.I)
            except (re.error, OverflowError, RecursionError, TypeError) as e:
                problems.append("%s[%d].match %s (row %s): Python cannot read it (%s)" % (
                    kind, i, json.dumps(row.get("match")), json.dumps(row.get("name")), e))
    return problems


def need_torch():
    t0 = time.time()
    try:
        import torch  # noqa: F401
    except ImportError as e:
        # Not there: the suites that need it skip. There but broken (a missing shared library, or a
        # module torch needs): a failure, never a skip a --require-smoke pass gate would let through.
        if getattr(e, "name", None) == "torch" and isinstance(e, ModuleNotFoundError):
            emit("skip", "torch is not installed in the image (%s)" % e)
        emit("fail", "torch is installed but does not import: %s" % e)
    import torch

    TIMING.setdefault("torch_import_ms", int((time.time() - t0) * 1000))

    return torch


# ---------------------------------------------------------------------------------------------
# CUDA through the driver API (ctypes): why CUDA cannot start, without torch.

CUDA_ERRORS = {
    3: "CUDA_ERROR_NOT_INITIALIZED", 34: "CUDA_ERROR_STUB_LIBRARY", 35: "CUDA_ERROR_INSUFFICIENT_DRIVER",
    46: "CUDA_ERROR_DEVICES_UNAVAILABLE", 100: "CUDA_ERROR_NO_DEVICE", 101: "CUDA_ERROR_INVALID_DEVICE",
    304: "CUDA_ERROR_OPERATING_SYSTEM", 802: "CUDA_ERROR_SYSTEM_NOT_READY",
    803: "CUDA_ERROR_SYSTEM_DRIVER_MISMATCH", 804: "CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE",
    999: "CUDA_ERROR_UNKNOWN",
}


def cuda_driver():
    """(device count, None) when cuInit succeeds, else (None, why). Names the CUDA error code."""
    import ctypes

    lib = None
    for name in ("libcuda.so.1", "libcuda.so"):
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is None:
        return None, "libcuda.so.1 cannot be loaded: the container has no NVIDIA driver library (run it with --gpus)"

    def describe(rc):
        text = ctypes.c_char_p()
        try:
            if lib.cuGetErrorString(rc, ctypes.byref(text)) == 0 and text.value:
                return text.value.decode(errors="replace")
        except AttributeError:
            pass
        return ""

    rc = lib.cuInit(0)
    if rc != 0:
        return None, "cuInit returned %d (%s): %s" % (rc, CUDA_ERRORS.get(rc, "CUDA error"), describe(rc))
    n = ctypes.c_int()
    rc = lib.cuDeviceGetCount(ctypes.byref(n))
    if rc != 0:
        return None, "cuDeviceGetCount returned %d (%s): %s" % (rc, CUDA_ERRORS.get(rc, "CUDA error"), describe(rc))
    return n.value, None


def driver_api_version():
    """The CUDA version the loaded libcuda's driver API reports (cuDriverGetVersion: 13000 -> (13, 0)):
    the host driver's, or that of NVIDIA's forward-compatibility libcuda (cuda-compat) when the image
    loads it instead; None when it cannot be read."""
    import ctypes

    for name in ("libcuda.so.1", "libcuda.so"):
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        v = ctypes.c_int()
        try:
            if lib.cuDriverGetVersion(ctypes.byref(v)) == 0 and v.value > 0:
                return v.value // 1000, (v.value % 1000) // 10
        except AttributeError:
            pass
        return None
    return None


def major_minor(text):
    """"13.0.1" -> (13, 0); None when TEXT does not start with major.minor."""
    m = re.match(r"\s*(\d+)\.(\d+)", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def image_cuda_runtime():
    """The newest CUDA runtime the image holds, as (major, minor): the CUDA torch was built for (its
    version.py, read without importing torch) and CUDA_VERSION (NVIDIA's CUDA images set it); None
    when neither says."""
    import importlib.util

    found = [major_minor(os.environ.get("CUDA_VERSION"))]
    try:
        spec = importlib.util.find_spec("torch")  # a top-level find_spec does not import the package
        if spec is not None and spec.submodule_search_locations:
            with open(os.path.join(list(spec.submodule_search_locations)[0], "version.py"), errors="replace") as f:
                m = re.search(r"^cuda\s*(?::[^=\n]*)?=\s*['\"]([\d.]+)['\"]", f.read(), re.M)
            found.append(major_minor(m.group(1)) if m else None)
    except (ImportError, ValueError, OSError):
        pass
    found = [v for v in found if v is not None]
    return max(found) if found else None


def forward_compat_note(driver, floor):
    """Why a DRIVER below FLOOR runs this CUDA anyway, or None: cuInit started (checked by the caller)
    and the driver API of the libcuda loaded is at least the image's CUDA runtime, as with NVIDIA's
    forward-compatibility package (cuda-compat, data-centre GPUs) on an older driver branch."""
    api, runtime = driver_api_version(), image_cuda_runtime()
    if api is None or runtime is None or api < runtime:
        return None
    return ("NVIDIA driver %s is older than %s, which this CUDA needs without forward compatibility: "
            "forward compatibility is in use (the libcuda loaded reports CUDA %d.%d, the image's CUDA "
            "runtime is %d.%d)" % (driver, floor, api[0], api[1], runtime[0], runtime[1]))


def visible_devices_note():
    v = os.environ.get("CUDA_VISIBLE_DEVICES")
    return "" if v is None else " (CUDA_VISIBLE_DEVICES=%r)" % v


def cuda_cause(torch=None):
    """Why CUDA is not usable here, in one sentence for the report (and the classifier)."""
    if torch is not None and getattr(torch.version, "cuda", None) is None and getattr(torch.version, "hip", None) is None:
        return "torch %s is a CPU-only build (torch.version.cuda is None): this image cannot use a GPU" % torch.__version__
    count, err = cuda_driver()
    if err:
        return "CUDA cannot start: %s%s" % (err, visible_devices_note())
    if count == 0:
        return "CUDA starts but sees no device%s" % visible_devices_note()
    if torch is not None:
        try:
            torch.cuda.init()
        except Exception as e:  # torch's own message: "... Error 804: forward compatibility ..."
            return "torch cannot start CUDA: %s" % str(e).strip()[:500]
    return "CUDA is not available to torch%s" % visible_devices_note()


def require_cuda(torch):
    """torch with a usable CUDA device, else a failing result naming the cause."""
    if not torch.cuda.is_available():
        emit("fail", cuda_cause(torch))
    return torch


# ---------------------------------------------------------------------------------------------
# imports

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
            t0, had_torch = time.time(), "torch" in sys.modules
            try:
                importlib.import_module(name)
                results.append({"dist": dist, "module": name, "ms": int((time.time() - t0) * 1000)})
                if not had_torch and "torch" in sys.modules:
                    TIMING.setdefault("torch_import_ms", results[-1]["ms"])
            except BaseException as e:  # noqa: an import may raise anything, even SystemExit
                results.append({"dist": dist, "module": name, "error": "%s: %s" % (type(e).__name__, e)})
                failed.append("%s (%s)" % (name, dist))
    if failed:
        emit("fail", "cannot import " + ", ".join(failed), details=results)
    emit("pass", "", metrics={"modules": len(results)}, details=results)


# ---------------------------------------------------------------------------------------------
# Floors: the table (src/smoke/baselines.json + the user's smoke.baseline) judged here, so that the
# smoke stage, the exported cluster jobs and the direct mode judge alike.

MIG_NAME = re.compile(r"\s+MIG\s+(?:\d+c\.)?(\d+)g\.(\d+)gb\s*$", re.I)


def match_floor(table, name, cc=None, memory_gib=None):
    """(row, scale, note) for a GPU: the first row whose pattern matches the name (without any MIG
    suffix), whose computeCapability and memoryGiB range (when set) fit. A MIG slice is floored by
    its fraction of the full GPU (g/7); no row -> (None, 1.0, "no floor for NAME")."""
    mig = MIG_NAME.search(name or "")
    full = name[:mig.start()] if mig else (name or "")
    for row in (table or {}).get("gpus", []):
        if not re.search(row["match"], full, re.I):
            continue
        if row.get("computeCapability") and cc and row["computeCapability"] != cc:
            continue
        mem = row.get("memoryGiB")
        if mem and not mig and memory_gib is not None:
            if not (mem.get("min", 0) <= memory_gib <= mem.get("max", float("inf"))):
                continue
        if mig:
            g = int(mig.group(1))
            return row, g / float(MIG_SLICES), "MIG slice %sg.%sgb: floors are %d/%d of the full %s's" % (
                mig.group(1), mig.group(2), g, MIG_SLICES, row["name"])
        return row, 1.0, None
    return None, 1.0, "no floor for %s%s" % (name, " (compute capability %s)" % cc if cc else "")


def judge_floors(metrics, table, name, cc=None, memory_gib=None):
    """Adds METRIC_floor, floor_gpu, floor_source, floor_method, floor_note to metrics; returns the
    reasons of the metrics below their floors (an empty list when none is)."""
    if not table:
        return []
    row, scale, note = match_floor(table, name, cc, memory_gib)
    if note:
        metrics["floor_note"] = note
    if row is None:
        return []
    fraction = row.get("floorFraction", table.get("floorFraction", 0.75))
    metrics["floor_gpu"] = row["name"]
    metrics["floor_source"] = row.get("source", "")
    if row.get("method"):
        metrics["floor_method"] = row["method"]
    below = []
    for metric, measured in sorted(row.get("measured", {}).items()):
        value = metrics.get(metric)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        floor = round(measured * fraction * scale, 1)
        metrics[metric + "_floor"] = floor
        if value < floor:
            below.append("%s %s is below the floor %s (%s x %s measured on %s%s)" % (
                metric, value, floor, fraction, measured, row["name"], ", x %d/%d for the MIG slice" % (
                    round(scale * MIG_SLICES), MIG_SLICES) if scale != 1.0 else ""))
    return below


def match_ddp_floor(table, name, world):
    for row in (table or {}).get("ddp", []):
        if re.search(row["match"], name or "", re.I) and world >= row.get("minWorld", 2):
            return row
    return None


def judge_ddp_floor(metrics, table, name):
    """busbw against the table's ddp rows (per GPU model and interconnect); reasons when below."""
    if not table or metrics.get("backend") != "nccl":
        return []
    row = match_ddp_floor(table, name, metrics.get("world", 1))
    if row is None:
        if table.get("ddp"):
            metrics["floor_note"] = "no busbw floor for %d x %s" % (metrics.get("world", 1), name)
        return []
    fraction = row.get("floorFraction", table.get("floorFraction", 0.75))
    floor = round(row["busbw_gbps"] * fraction, 1)
    metrics["busbw_gbps_floor"] = floor
    metrics["floor_interconnect"] = row.get("interconnect", "")
    metrics["floor_source"] = row.get("source", "")
    if metrics.get("busbw_gbps", 0) < floor:
        return ["busbw %s GB/s is below the floor %s (%s x %s measured on %s)" % (
            metrics.get("busbw_gbps"), floor, fraction, row["busbw_gbps"], row["name"])]
    return []


# ---------------------------------------------------------------------------------------------
# compute

def tf32_env():
    """TF32 overrides from the environment: NVIDIA_TF32_OVERRIDE=0 turns TF32 off in cuBLAS/cuDNN
    whatever torch asks; TORCH_ALLOW_TF32_CUBLAS_OVERRIDE=1 turns it on for every fp32 matmul."""
    return {
        "off": os.environ.get("NVIDIA_TF32_OVERRIDE") == "0",
        "forced": os.environ.get("TORCH_ALLOW_TF32_CUBLAS_OVERRIDE") == "1",
    }


def cpu_tflops(torch, n=512, seconds=1.0):
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    for _ in range(3):
        a @ b
    iters, t0 = 0, time.time()
    while time.time() - t0 < seconds:  # synchronous on the CPU: the loop stops on time
        a @ b
        iters += 1
    return 2.0 * n ** 3 * iters / (time.time() - t0) / 1e12


def cuda_run(torch, fn, iters):
    """Seconds for ITERS calls of fn, timed on the GPU with CUDA events."""
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(iters):
        fn()
    end.record()
    end.synchronize()
    return start.elapsed_time(end) / 1000.0


def cuda_matmul(torch, dtype, n):
    """Best TFLOP/s of REPEATS timed runs of about TIME_PER_RUN s each; the iteration count comes
    from a calibration run, so the GPU queue holds only what one run needs (it stops on time)."""
    a = torch.randn(n, n, device="cuda", dtype=dtype)
    b = torch.randn(n, n, device="cuda", dtype=dtype)
    c = torch.empty(n, n, device="cuda", dtype=dtype)
    fn = lambda: torch.mm(a, b, out=c)  # noqa: E731
    one = max(cuda_run(torch, fn, 2) / 2, 1e-6)
    iters = max(2, min(2000, int(TIME_PER_RUN / one)))
    return max(2.0 * n ** 3 * iters / cuda_run(torch, fn, iters) for _ in range(REPEATS)) / 1e12


def warm_up(torch, dtype):
    """Matmuls until two runs agree within 2% (clocks settled), WARMUP_MIN_S..WARMUP_MAX_S seconds."""
    t0, prev = time.time(), None
    while True:
        v = cuda_matmul(torch, dtype, FLOAT_SHAPE)
        elapsed = time.time() - t0
        if elapsed >= WARMUP_MAX_S or (elapsed >= WARMUP_MIN_S and prev and abs(v - prev) <= 0.02 * prev):
            return round(elapsed, 1)
        prev = v


def compute(device, floors=None):
    torch = need_torch()
    metrics = {}
    if device == "cpu":
        metrics["fp32_tflops"] = round(cpu_tflops(torch), 4)
        emit("pass", "", metrics=metrics)
    require_cuda(torch)
    props = torch.cuda.get_device_properties(0)
    name = torch.cuda.get_device_name(0)
    cc = "%d.%d" % torch.cuda.get_device_capability(0)
    memory_gib = round(props.total_memory / 2 ** 30, 1)
    metrics.update(gpu=name, gpu_cc=cc, gpu_memory_gib=memory_gib, gpu_count=torch.cuda.device_count())
    half = [torch.float16] + ([torch.bfloat16] if torch.cuda.is_bf16_supported() else [])
    warm = warm_up(torch, half[-1])
    for dtype, key in ((torch.bfloat16, "bf16"), (torch.float16, "fp16")):
        if dtype not in half:
            metrics[key + "_note"] = "%s is not supported on %s" % (key, name)
            continue
        by_shape = {n: cuda_matmul(torch, dtype, n) for n in HALF_SHAPES}
        n_best = max(by_shape, key=by_shape.get)
        metrics[key + "_tflops"] = round(by_shape[n_best], 1)
        metrics[key + "_shape"] = "%d^3" % n_best
    env = tf32_env()
    torch.backends.cuda.matmul.allow_tf32 = False
    fp32 = round(cuda_matmul(torch, torch.float32, FLOAT_SHAPE), 1)
    if env["forced"]:
        metrics["fp32_note"] = "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE=1 makes every fp32 matmul TF32: no fp32 figure"
    else:
        metrics["fp32_tflops"] = fp32
    if env["off"]:
        metrics["tf32_note"] = "NVIDIA_TF32_OVERRIDE=0 turns TF32 off: a tf32 figure would be fp32's"
    else:
        torch.backends.cuda.matmul.allow_tf32 = True
        metrics["tf32_tflops"] = round(cuda_matmul(torch, torch.float32, FLOAT_SHAPE), 1)
        torch.backends.cuda.matmul.allow_tf32 = False
    metrics["method"] = "CUDA events; %s s warm-up; best of %d runs per shape; half: %s^3, float: %d^3" % (
        warm, REPEATS, "/".join(str(n) for n in HALF_SHAPES), FLOAT_SHAPE)
    below = judge_floors(metrics, floors, name, cc, memory_gib)
    if below:
        emit("fail", "; ".join(below), metrics=metrics)
    emit("pass", "", metrics=metrics)


# ---------------------------------------------------------------------------------------------
# train

def train(min_drop, cuda=False):
    torch = need_torch()
    if cuda:
        require_cuda(torch)
    torch.manual_seed(0)
    device = "cuda" if cuda or torch.cuda.is_available() else "cpu"
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
    # A NaN loss compares as neither more nor less than anything: it would pass the drop check.
    bad = next((i for i, v in enumerate(losses) if not math.isfinite(v)), None)
    if bad is not None:
        emit("fail", "the loss is not finite: %s at step %d of %d" % (losses[bad], bad + 1, len(losses)),
             metrics=metrics)
    if drop < min_drop:
        emit("fail", "loss fell by %.1f%%, less than %.1f%%" % (drop * 100, min_drop * 100), metrics=metrics)
    emit("pass", "", metrics=metrics)


# ---------------------------------------------------------------------------------------------
# ddp

def ddp_worker(local_rank=None, world=None, port=None):
    """One rank: the all-reduce checked, then timed (warm-up, barrier, ITERS, time averaged over
    ranks). Options from the environment: ML_IMAGE_DDP_CUDA=1 (nccl only), _MIB, _ITERS."""
    import torch
    import torch.distributed as dist

    if local_rank is not None:  # started by torch.multiprocessing.spawn, not torchrun
        os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), RANK=str(local_rank),
                          LOCAL_RANK=str(local_rank), WORLD_SIZE=str(world))
    cuda = os.environ.get("ML_IMAGE_DDP_CUDA") == "1"
    if cuda and not torch.cuda.is_available():
        raise RuntimeError(cuda_cause(torch))
    backend = "nccl" if cuda or torch.cuda.is_available() else "gloo"
    mib = int(os.environ.get("ML_IMAGE_DDP_MIB") or (DDP_CUDA_MIB if backend == "nccl" else DDP_CPU_MIB))
    iters = int(os.environ.get("ML_IMAGE_DDP_ITERS") or (DDP_CUDA_ITERS if backend == "nccl" else DDP_CPU_ITERS))
    dist.init_process_group(backend)
    rank, world = dist.get_rank(), dist.get_world_size()
    device = "cuda:%d" % int(os.environ.get("LOCAL_RANK", 0)) if backend == "nccl" else "cpu"
    if backend == "nccl":
        torch.cuda.set_device(device)
    sync = torch.cuda.synchronize if backend == "nccl" else (lambda: None)
    numel = mib * 1024 * 1024 // 4  # fp32
    t = torch.full((numel,), float(rank + 1), device=device)
    dist.all_reduce(t)
    ok = bool(torch.allclose(t, torch.full_like(t, world * (world + 1) / 2)))
    t.zero_()  # zeros stay zeros however often they are summed
    for _ in range(3):
        dist.all_reduce(t)
    sync()
    dist.barrier()
    t0 = time.time()
    for _ in range(iters):
        dist.all_reduce(t)
    sync()
    mine = torch.tensor([(time.time() - t0) / iters], dtype=torch.float64, device=device)
    dist.all_reduce(mine)
    seconds = mine.item() / world
    algbw = numel * 4 / seconds / 1e9
    if rank == 0:
        print("ML_IMAGE_DDP " + json.dumps({
            "ok": ok, "world": world, "backend": backend, "message_mib": mib, "iters": iters,
            "algbw_gbps": round(algbw, 3), "busbw_gbps": round(algbw * 2 * (world - 1) / world, 3),
            "gpu": torch.cuda.get_device_name(0) if backend == "nccl" else None}), flush=True)
    dist.destroy_process_group()


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ddp_line(output):
    return next((ln for ln in output.splitlines() if ln.startswith("ML_IMAGE_DDP ")), None)


def ddp_judge(line, floors, launcher=None):
    """The suite's result from rank 0's ML_IMAGE_DDP line."""
    result = json.loads(line[len("ML_IMAGE_DDP "):])
    metrics = {k: result[k] for k in ("world", "backend", "message_mib", "iters", "algbw_gbps", "busbw_gbps") if k in result}
    if launcher:
        metrics["launcher"] = launcher
    if not result["ok"]:
        emit("fail", "all-reduce returned a wrong sum", metrics=metrics)
    below = judge_ddp_floor(metrics, floors, result.get("gpu") or "")
    if below:
        emit("fail", "; ".join(below), metrics=metrics)
    emit("pass", "", metrics=metrics)


def spawn_ranks(n, env):
    """N ranks of ddp_worker started by torch.multiprocessing.spawn: (exit status, their output).
    Their stdout and stderr go to a file for the time they run (the ranks inherit both)."""
    import tempfile
    import traceback

    import torch.multiprocessing as mp

    saved_env = os.environ.get("ML_IMAGE_DDP_CUDA")
    os.environ["ML_IMAGE_DDP_CUDA"] = env["ML_IMAGE_DDP_CUDA"]
    flush_all()
    saved = [os.dup(1), os.dup(2)]
    with tempfile.TemporaryFile() as f:
        os.dup2(f.fileno(), 1)
        os.dup2(f.fileno(), 2)
        rc = 0
        try:
            mp.spawn(ddp_worker, args=(n, free_port()), nprocs=n)
        except BaseException:  # noqa: a rank that raised or died: the launcher's exit 1, as `python -c` gives
            traceback.print_exc()
            rc = 1
        finally:
            flush_all()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            if saved_env is None:
                os.environ.pop("ML_IMAGE_DDP_CUDA", None)
            else:
                os.environ["ML_IMAGE_DDP_CUDA"] = saved_env
        f.seek(0)
        return rc, f.read().decode(errors="replace")


def torchrun_broken():
    """torchrun cannot start workers here, known without starting it: torch 1.13's Std.from_str
    returns None on Python 3.11 (its enum changed), and torchrun then fails in _start_workers."""
    try:
        from torch.distributed.elastic.multiprocessing.api import Std

        return not isinstance(Std.from_str("0"), (Std, dict))
    except Exception:  # noqa: an older or newer torch without it: try torchrun
        return False


# The test's timeout in seconds, set by whoever runs the suite (ml-image smoke, the exported jobs).
TIMEOUT_ENV = "ML_IMAGE_SMOKE_TIMEOUT"
DEFAULT_LAUNCHER_S = 600


def launcher_limit():
    """Seconds the ddp launcher may run: 90% of the test's timeout ($ML_IMAGE_SMOKE_TIMEOUT), so that
    the suite itself reports a hang with torchrun's output before the test is killed; 600 without it."""
    try:
        timeout = float(os.environ.get(TIMEOUT_ENV) or 0)
    except ValueError:
        timeout = 0
    return max(1, int(timeout * 0.9)) if timeout > 0 else DEFAULT_LAUNCHER_S


def run_launcher(cmd, env, limit):
    """(exit status, output) of CMD; (None, output so far) when it ran past LIMIT seconds. It runs in
    a session of its own, killed as a whole at the limit (the ranks hold its output pipe open)."""
    import signal

    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, env=env,
                         start_new_session=True)
    try:
        output, _ = p.communicate(timeout=limit)
        return p.returncode, output
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            pass
        output, _ = p.communicate()
        return None, output or ""


def ddp(nproc, cuda=False, floors=None):
    torch = need_torch()
    if not hasattr(torch, "distributed") or not torch.distributed.is_available():
        if cuda:
            emit("fail", "torch.distributed is not available in this build")
        emit("skip", "torch.distributed is not available in this build")
    if cuda:
        require_cuda(torch)
        if not torch.distributed.is_nccl_available():
            emit("fail", "this torch build has no NCCL: the GPUs cannot all-reduce")
    gpu = cuda or torch.cuda.is_available()
    n = int(nproc) if nproc != "auto" else (torch.cuda.device_count() if gpu else 2)
    if n < 2:
        # One rank all-reduces with nobody: busbw is 0 and the sum trivially right. Nothing tested.
        emit("skip", "one GPU: no all-reduce across GPUs" if gpu else "one process: no all-reduce across processes",
             metrics={"world": n, "backend": "nccl" if gpu else "gloo"})
    env = dict(os.environ, ML_IMAGE_DDP_CUDA="1" if cuda else "")
    broken = torchrun_broken()
    if not broken:
        cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=%d" % n, __file__,
               "ddp-worker"]
        limit = launcher_limit()
        returncode, output = run_launcher(cmd, env, limit)
        launcher = "torchrun"
        if returncode is None:
            emit("fail", "torchrun did not finish within %ds (the test's timeout)" % limit, output=output[-4000:])
        line = ddp_line(output)
    if broken or (line is None and "torch/distributed/elastic" in output and "_start_workers" in output):
        # torchrun itself broke before starting workers (torch 1.13's launcher fails on Python 3.11):
        # run the same workers with torch.multiprocessing.spawn, from this process (torch is
        # imported already; each rank is a fresh process of its own).
        returncode, output = spawn_ranks(n, env)
        launcher = "torch.multiprocessing.spawn (torchrun failed to start)"
        line = ddp_line(output)
    if returncode != 0 or line is None:
        emit("fail", "%s exited %d" % (launcher.split(" ")[0], returncode), output=output[-4000:])
    ddp_judge(line, floors, launcher)


def ddp_result(path, floors=None):
    """A ddp-worker run started by a cluster job (torchrun across nodes): its output file -> result."""
    with open(path, errors="replace") as f:
        output = f.read()
    line = ddp_line(output)
    if line is None:
        emit("fail", "no rank printed a result", output=output[-4000:])
    ddp_judge(line, floors)


# ---------------------------------------------------------------------------------------------
# gpu

def nvidia_smi_devices():
    """(GPUs [(name, driver)], MIG devices under them) from nvidia-smi; None when it is absent."""
    try:
        q = subprocess.run(["nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True, timeout=60)
    except FileNotFoundError:
        return None
    if q.returncode != 0:
        emit("fail", "nvidia-smi failed: %s" % (q.stdout.strip().splitlines() or [""])[-1][:300], output=q.stdout[-2000:])
    rows = [ln.split(", ") for ln in q.stdout.strip().splitlines() if ln.strip()]
    mig = 0
    try:
        listing = subprocess.run(["nvidia-smi", "-L"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 universal_newlines=True, timeout=60)
        if listing.returncode == 0:
            mig = sum(1 for ln in listing.stdout.splitlines() if re.match(r"\s+MIG\s", ln))
    except OSError:
        pass
    return rows, mig


# The kernel module's version line: "NVRM version: NVIDIA UNIX [Open Kernel Module for] x86_64 ... 580.159.04 ..."
PROC_DRIVER_VERSION = "/proc/driver/nvidia/version"


def proc_driver_version():
    """The NVIDIA driver's version from the kernel module (PROC_DRIVER_VERSION), None when unreadable."""
    try:
        with open(PROC_DRIVER_VERSION, errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    m = re.search(r"NVRM version:[^\n]*?\s(\d+\.\d+(?:\.\d+)?)(?:\s|$)", text)
    return m.group(1) if m else None


def gpu(floor, require=False):
    found = nvidia_smi_devices()
    count, err = cuda_driver()
    # No nvidia-smi, and no driver library (or only CUDA's stub, or no device): no GPU was attached.
    if found is None and err and re.search(r"cannot be loaded|returned (34|100) ", err):
        reason = "no GPU visible (neither nvidia-smi nor libcuda is in the container: run it with --gpus)"
        if require:
            emit("fail", reason + ", and a GPU is required")
        emit("skip", reason)
    rows, mig = found if found is not None else ([], 0)
    drivers = sorted({r[1] for r in rows if len(r) > 1})
    # Without nvidia-smi (an image whose NVIDIA_DRIVER_CAPABILITIES leaves out `utility`), the kernel
    # module says which driver runs.
    driver = drivers[0] if drivers else (proc_driver_version() if found is None else None)
    metrics = {"gpus": len(rows), "names": sorted({r[0] for r in rows}), "driver": driver,
               "cuda_devices": count if count is not None else 0}
    if mig:
        metrics["mig_devices"] = mig
    key = lambda v: [int(p) for p in v.split(".") if p.isdigit()]  # noqa: E731
    if floor and driver and key(driver) < key(floor):
        # Below the floor, CUDA still runs where cuInit starts with a libcuda (cuda-compat's) whose
        # driver API covers the image's runtime: a pass, noted.
        compat = forward_compat_note(driver, floor) if not err else None
        if compat is None:
            emit("fail", "NVIDIA driver %s is older than %s, which this CUDA needs" % (driver, floor), metrics=metrics)
        metrics["driver_note"] = compat
    if floor and not driver and found is None and not err:
        why = "the NVIDIA driver's version is unknown (no nvidia-smi, no %s)" % PROC_DRIVER_VERSION
        if require:
            emit("fail", "%s: it cannot be checked against %s, which this CUDA needs" % (why, floor), metrics=metrics)
        metrics["driver_note"] = "%s: not checked against %s" % (why, floor)
    if err:
        emit("fail", "%d GPU(s) visible to nvidia-smi, but CUDA cannot start: %s%s" % (
            len(rows), err, visible_devices_note()), metrics=metrics)
    # CUDA should see every GPU nvidia-smi shows, within CUDA_VISIBLE_DEVICES; with MIG, CUDA
    # enumerates the MIG instances (one per process is usable), so at least one must show.
    expected = len(rows) if not mig else 1
    visible = os.environ.get("CUDA_VISIBLE_DEVICES")
    if visible is not None:
        expected = min(expected, len([v for v in visible.split(",") if v.strip()]))
    if count == 0 or count < expected:
        emit("fail", "%d GPU(s) visible to nvidia-smi, but CUDA sees %d%s" % (len(rows), count, visible_devices_note()),
             metrics=metrics)
    emit("pass", "", metrics=metrics)


# ---------------------------------------------------------------------------------------------
# direct: every suite on this host, without Docker (a GPU machine with CUDA and PyTorch)

DIRECT_SUITES = ("gpu", "compute", "train", "ddp")


def direct(opts):
    suites = [s for s in (opts.get("suites") or ",".join(DIRECT_SUITES)).split(",") if s]
    unknown = [s for s in suites if s not in DIRECT_SUITES]
    if unknown:
        sys.stderr.write("ml_image_smoke: direct: unknown suite(s) %s (known: %s)\n" % (
            ", ".join(unknown), ", ".join(DIRECT_SUITES)))
        sys.exit(2)
    cuda = bool(opts.get("cuda"))
    floors = ["--floors", opts["floors"]] if opts.get("floors") else []
    steps = []
    for s in suites:
        if s == "gpu":
            steps.append(("gpu", s, ["gpu", opts.get("driver_floor", "")] + (["--require"] if cuda else [])))
        elif s == "compute":
            steps.append(("compute-cpu", s, ["compute", "cpu"]))
            if cuda:
                steps.append(("compute-gpu", s, ["compute", "cuda"] + floors))
        elif s == "train":
            steps.append(("train", s, ["train", "0.5"] + (["--cuda"] if cuda else [])))
        elif s == "ddp":
            steps.append(("ddp", s, ["ddp", "auto"] + (["--cuda"] if cuda else []) + floors))
    tests = []
    for test_id, suite, args in steps:
        t0 = time.time()
        r = subprocess.run([sys.executable, os.path.abspath(__file__)] + args, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True)
        sys.stderr.write("ml-image smoke --direct: %s done in %.1f s\n" % (test_id, time.time() - t0))
        result = result_of(r.stdout)
        if result is None:
            result = {"status": "fail", "reason": "the suite exited %d without a result" % r.returncode,
                      "output": (r.stdout + r.stderr)[-4000:]}
        tests.append(dict(id=test_id, suite=suite, durationMs=int((time.time() - t0) * 1000), **result))
    print(json.dumps(finite({"direct": True, "tests": tests}), allow_nan=False))
    sys.exit(1 if any(t["status"] == "fail" for t in tests) else 0)


def run_suite(suite, words, opts):
    """One suite, as a call of this script runs it: its result line printed, then SystemExit."""
    try:
        floors = load_floors(opts.get("floors"))
        bad = floors_problems(floors)
        if bad:
            emit("fail", "the floors table is not usable: %s" % "; ".join(bad))
        {"imports": lambda: imports(words),
         "compute": lambda: compute(words[0] if words else "cpu", floors),
         "train": lambda: train(float(words[0]) if words else 0.5, bool(opts.get("cuda"))),
         "ddp": lambda: ddp(words[0] if words else "auto", bool(opts.get("cuda")), floors),
         "ddp-result": lambda: ddp_result(words[0], floors),
         "gpu": lambda: gpu(words[0] if words else "", bool(opts.get("require")))}[suite]()
    except SystemExit:
        raise
    except BaseException as e:  # a suite that crashes is a failing test, with the error
        import traceback
        emit("fail", "%s: %s" % (type(e).__name__, e), output=traceback.format_exc()[-4000:])


# ---------------------------------------------------------------------------------------------
# batch: several tests in this one process (one container, one `import torch`)

MARK = "@@ml-image-smoke@@ "
FILE_CHECK_STEP = "file"
PIP_CHECK_STEP = "pip-check"


def process_age():
    """Seconds since this process started (/proc), or None."""
    try:
        with open("/proc/self/stat") as f:
            start = float(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime") as f:
            return max(0.0, float(f.read().split()[0]) - start)
    except (OSError, ValueError, IndexError):
        return None


def flush_all():
    """Everything the test wrote (Python's buffers and C stdio's) before a marker line."""
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        import ctypes  # an image without _ctypes: Python's own buffers are flushed, that is all

        ctypes.CDLL(None).fflush(None)
    except Exception:  # noqa: no C library to flush is not a test's failure
        pass


# Where marker lines go (batch: copies of stdout and stderr made at its start, so a test that
# points fds 1 and 2 elsewhere, as ddp's spawn fallback does, cannot swallow a marker) and the
# batch's nonce (from the host's plan: a line a test prints cannot pass for a marker).
MARK_FDS = [1, 2]
NONCE = {"value": ""}


def mark(event):
    """A marker line on stdout and stderr: it starts on a line of its own; the newline before it
    is the marker's, not the test's output."""
    line = ("\n" + MARK + json.dumps(dict(event, nonce=NONCE["value"])) + "\n").encode()
    for fd in MARK_FDS:
        os.write(fd, line)


def file_stat(path):
    """A custom file check's output ("{}" when the file is absent); other errors raise."""
    try:
        st = os.stat(path)
        return json.dumps({"mode": oct(st.st_mode & 0o7777)[2:]})
    except FileNotFoundError:
        return "{}"


def file_snapshot(steps):
    """The file checks' answers as a fresh container gives them, taken at the batch's start
    (before any test can create, remove or chmod a file): path -> output, or the error."""
    snap = {}
    for step in steps:
        if step["argv"][0] == FILE_CHECK_STEP and len(step["argv"]) > 1:
            try:
                snap[step["argv"][1]] = (file_stat(step["argv"][1]), None)
            except Exception as e:  # noqa: raised again by the step, as `python3 -c CHECK` would
                snap[step["argv"][1]] = (None, e)
    return snap


def file_check(path, snapshot=None):
    out, err = (snapshot or {}).get(path) or (file_stat(path), None)
    if err is not None:
        raise err
    print(out)


def pip_check_early(steps):
    """pip check started now, on the core that `import torch` leaves idle, when only imports, gpu
    or file checks come before it (never beside a test that measures throughput); else None."""
    for step in steps:
        if step["argv"][0] == PIP_CHECK_STEP:
            return subprocess.Popen([sys.executable, "-m", "pip", "check"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
        if step["argv"][0] not in ("imports", "gpu", FILE_CHECK_STEP):
            return None
    return None


def pip_missing():
    """No pip in this Python: ml-image skips pip-check ("No module named pip"), so the batch goes on."""
    import importlib.util

    return importlib.util.find_spec("pip") is None


def batch_step(argv, early=None, files=None):
    """One step of a batch: (exit code, whether the batch may go on in this process)."""
    name, rest = argv[0], argv[1:]
    try:
        if name == PIP_CHECK_STEP and early is not None:
            out, err = early.communicate()  # the test's own output, as if it ran now
            flush_all()
            os.write(1, out)
            os.write(2, err)
            return early.returncode, early.returncode == 0 or pip_missing()
        if name == PIP_CHECK_STEP:
            rc = subprocess.call([sys.executable, "-m", "pip", "check"])
            return rc, rc == 0 or pip_missing()
        if name == FILE_CHECK_STEP:
            file_check(rest[0], files)
            return 0, True
    except BaseException:  # as `python3 -c CHECK` would: the traceback, exit 1
        import traceback

        traceback.print_exc()
        return 1, False
    words, opts = parse_options(rest)
    LAST.clear()
    try:
        run_suite(name, words, opts)
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if e.code is not None and not isinstance(e.code, int):
            sys.stderr.write("%s\n" % e.code)
    return code, code == 0 and LAST.get("status") in ("pass", "skip")


def batch(plan):
    """Each step of PLAN ({"nonce", "steps": [{"id", "argv", "timeout"}]}, the first one this call's
    own argv; argv: a suite and its words, or ["pip-check"], or ["file", PATH]) in this process,
    between marker lines on both streams (start, end with its exit code; timeout when its time ran
    out), each carrying the plan's nonce. A step that fails, crashes or times out ends the batch:
    the caller runs the rest in a fresh process, so a broken CUDA context or a half-imported module
    never reaches the next test. Each step starts with the environment the batch started with, and
    file checks answer what the paths were at the start (as in a fresh container)."""
    import threading

    age = process_age()
    NONCE["value"] = str(plan.get("nonce") or "")
    MARK_FDS[:] = [os.dup(1), os.dup(2)]
    env0 = dict(os.environ)
    files = file_snapshot(plan["steps"])
    early = pip_check_early(plan["steps"])
    # The step the watchdog may end: a timer that fires as its step ends (cancel() cannot stop a
    # callback already running) finds another step current and does nothing.
    lock, current = threading.Lock(), {"step": None}
    for index, step in enumerate(plan["steps"]):
        if os.environ != env0:
            os.environ.clear()
            os.environ.update(env0)
        torch_before = "torch" in sys.modules
        TIMING.clear()
        flush_all()
        mark({"event": "start", "id": step["id"], "process_s": age})
        age = None

        def expire(test_id=step["id"], me=index):
            # What the test printed so far, if its buffers can be flushed within a second (the
            # main thread may hold them), then the marker, then the end of the process.
            flusher = threading.Thread(target=flush_all, daemon=True)
            flusher.start()
            flusher.join(1.0)
            with lock:
                if current["step"] != me:
                    return
                mark({"event": "timeout", "id": test_id})
                os._exit(124)

        with lock:
            current["step"] = index
        timer = threading.Timer(float(step["timeout"]), expire)
        timer.daemon = True
        timer.start()
        t0 = time.time()
        code, go_on = batch_step(step["argv"], early if step["argv"][0] == PIP_CHECK_STEP else None, files)
        ms = int((time.time() - t0) * 1000)
        with lock:
            current["step"] = None
        timer.cancel()
        flush_all()
        torch_ms = TIMING.get("torch_import_ms") if not torch_before else None
        mark({"event": "end", "id": step["id"], "exit": code, "ms": ms, "torch_import_ms": torch_ms})
        if "torch" in sys.modules:
            try:
                torch = sys.modules["torch"]
                if torch.cuda.is_initialized():
                    torch.cuda.empty_cache()  # the next test (a ddp's workers) gets the memory back
            except Exception:
                pass
        if not go_on:
            break
    # Everything is out: end here, without waiting on the threads and exit handlers of what the
    # tests imported (an interpreter shutdown that hangs would turn the last result into a timeout).
    flush_all()
    os._exit(0)


if __name__ == "__main__":
    suite, (words, opts) = sys.argv[1], parse_options(sys.argv[2:])
    if suite == "ddp-worker":
        ddp_worker()
        sys.exit(0)
    if suite == "direct":
        direct(opts)
    plan = os.environ.pop("ML_IMAGE_SMOKE_BATCH", None)  # argv is the plan's first step
    if plan:
        batch(json.loads(plan))
    run_suite(suite, words, opts)
