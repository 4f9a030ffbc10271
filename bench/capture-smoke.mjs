#!/usr/bin/env node
// Benchmarks for capture and smoke on the CPU-PyTorch test image (needs scripts/test-env.sh and dist/):
//  1. `ml-image capture` against `python -m torch.utils.collect_env` in the same image, median of 5,
//     as a ratio. Aim: at most 0.5 while capturing every collect_env field.
//  2. the whole CPU smoke suite (imports, pip-check, gpu, compute, train, ddp) against one `docker run`
//     of the same image that imports torch, measured alternately in the same run, medians, as a
//     ratio. Aim: at most 4 (issue #15).
//
//   node bench/capture-smoke.mjs [--runs 5] [--smoke-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, testEnv, time } from './lib.mjs';

const runs = Number(arg('runs', '5'));
const vars = testEnv();
const image = vars.ML_IMAGE_TEST_TORCH_IMAGE;
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-cs-'));
const ok = (r, what) => {
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stderr}`);
  return r;
};

const smokeOnly = process.argv.includes('--smoke-only');

try {
  if (!smokeOnly) benchCapture();
  benchSmoke();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function benchCapture() {
  const capture = () =>
    ok(
      spawnSync(process.execPath, [cli, 'capture', '--image', image, '--json'], { encoding: 'utf8' }),
      'capture',
    );
  const collectEnv = () =>
    execFileSync('docker', ['run', '--rm', image, 'python3', '-m', 'torch.utils.collect_env'], {
      stdio: 'ignore',
    });
  capture();
  collectEnv(); // warm
  const a = [];
  const b = [];
  for (let k = 0; k < runs; k++) {
    a.push(time(capture));
    b.push(time(collectEnv));
  }
  console.log(`capture on ${image}, ${runs} runs each`);
  console.log(
    `  ml-image capture:                 median ${median(a).toFixed(2)}s  [${a.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(
    `  python -m torch.utils.collect_env: median ${median(b).toFixed(2)}s  [${b.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(`  ratio capture / collect_env:      ${(median(a) / median(b)).toFixed(3)}  (aim: <= 0.5)`);
}

function benchSmoke() {
  const req = path.join(work, 'requirements.txt');
  writeFileSync(req, 'numpy\ntorch\n');
  const cfg = path.join(work, 'ml-image.yml');
  writeFileSync(cfg, 'image: {name: bench/smoke}\npython: {requirements: [requirements.txt]}\n');
  const suites = 'imports,pip-check,gpu,compute,train,ddp';
  const smoke = () =>
    ok(
      spawnSync(process.execPath, [cli, 'smoke', '--image', image, '--suites', suites, '--config', cfg], {
        encoding: 'utf8',
      }),
      'smoke',
    );
  const importTorch = () =>
    execFileSync('docker', ['run', '--rm', image, 'python3', '-c', 'import torch'], { stdio: 'ignore' });
  importTorch(); // warm
  const s = [];
  const t = [];
  for (let k = 0; k < runs; k++) {
    s.push(time(smoke));
    t.push(time(importTorch));
  }
  console.log(`whole CPU smoke suite (${suites}) on ${image}, ${runs} runs each, alternately`);
  console.log(`  ml-image smoke:                      median ${median(s).toFixed(2)}s  ${list(s)}`);
  console.log(`  docker run ... python3 -c 'import torch': median ${median(t).toFixed(2)}s  ${list(t)}`);
  console.log(`  ratio smoke / one import torch:      ${(median(s) / median(t)).toFixed(2)}  (aim: <= 4)`);
}
