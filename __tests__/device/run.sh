#!/usr/bin/env bash
# The GPU checks run on this project's device machine (an NVIDIA H200, no Docker), from the repository
# root there: `bash __tests__/device/run.sh` with .device carried (node.xz: this machine's node binary,
# xz-compressed; bundle/: host-stages.ts bundled by `npx ncc build __tests__/device/host-stages.ts -o
# .device/bundle`). It writes what it saw under $OUT: the GPU, the capture record and smoke result of
# the stages' own code on the host (host-stages.ts), the smoke script's direct mode, and two edge runs.
set -u
OUT=${OUT:-/tmp/device-out}
mkdir -p "$OUT"
python3 -c 'import lzma, shutil; shutil.copyfileobj(lzma.open(".device/node.xz"), open("/tmp/node", "wb"))' && chmod +x /tmp/node
{
  nvidia-smi --query-gpu=name,driver_version,memory.total,power.limit,clocks.max.sm,compute_cap --format=csv
  python3 -c 'import sys, torch; print(sys.executable, torch.__version__, torch.version.cuda, torch.backends.cudnn.version(), torch.cuda.nccl.version())'
  /tmp/node --version
} > "$OUT/machine.txt" 2>&1
echo "== host-stages (captureImage + runSmoke on the host)"
/tmp/node .device/bundle/index.js "$OUT" images 2> "$OUT/stages.log"; echo "host-stages exit $?"
tail -12 "$OUT/stages.log"
echo "== direct mode"
python3 images/probe/ml_image_smoke.py direct --cuda --floors @src/smoke/baselines.json --driver-floor 570 \
  > "$OUT/direct.json" 2> "$OUT/direct.err"; echo "direct exit $?"
{
  echo "== gpu with a driver floor above the installed driver"
  python3 images/probe/ml_image_smoke.py gpu 999.0 --require; echo "exit $?"
  echo "== compute cuda with NVIDIA_TF32_OVERRIDE=0"
  NVIDIA_TF32_OVERRIDE=0 python3 images/probe/ml_image_smoke.py compute cuda --floors @src/smoke/baselines.json; echo "exit $?"
  echo "== direct.err"
  tail -20 "$OUT/direct.err"
} > "$OUT/edges.log" 2>&1
rm -f "$OUT/direct.err"
tail -c 3000 "$OUT/edges.log"
