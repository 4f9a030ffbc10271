#!/usr/bin/env node
// Benchmarks for capture and smoke on the CPU-PyTorch test image (needs scripts/test-env.sh and dist/):
//  1. `ml-image capture` against `python -m torch.utils.collect_env` in the same image, median of 5,
//     as a ratio. Aim: at most 0.5 while capturing every collect_env field.
//  2. the whole CPU smoke suite (imports, pip-check, gpu, compute, train, ddp). Aim: under 30 s.
//
//   node bench/capture-smoke.mjs [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, median, testEnv, time } from './lib.mjs';

const runs = Number(arg('runs', '5'));
const vars = testEnv();
const image = vars.ML_IMAGE_TEST_TORCH_IMAGE;
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-cs-'));
const ok = (r, what) => {
  if (r.status !== 0) throw new Error(`${what} failed:\n${r.stderr}`);
  return r;
};

try {
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

  const req = path.join(work, 'requirements.txt');
  writeFileSync(req, 'numpy\ntorch\n');
  const cfg = path.join(work, 'ml-image.yml');
  writeFileSync(cfg, 'image: {name: bench/smoke}\npython: {requirements: [requirements.txt]}\n');
  const suites = 'imports,pip-check,gpu,compute,train,ddp';
  const s = [];
  for (let k = 0; k < Math.min(runs, 3); k++) {
    s.push(
      time(() =>
        spawnSync(process.execPath, [cli, 'smoke', '--image', image, '--suites', suites, '--config', cfg], {
          encoding: 'utf8',
        }),
      ),
    );
  }
  console.log(`whole CPU smoke suite (${suites}) on ${image}`);
  console.log(`  median ${median(s).toFixed(1)}s  [${s.map((x) => x.toFixed(1)).join(', ')}]  (aim: < 30 s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
