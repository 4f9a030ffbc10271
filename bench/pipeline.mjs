#!/usr/bin/env node
// Benchmark: the whole pipeline (`ml-image run`: plan, resolve, build both platforms, capture +
// smoke both platforms, report) on the bundled example, cold then warm (nothing changed).
// Cold: a new image name, an empty ml-image cache and BuildKit's build cache pruned. Warm: the
// same command again. Aim: warm at most 10% of cold. Needs the test environment and a built dist/.
//
//   node bench/pipeline.mjs [--runs 2]     (warm runs; the median is reported)
//
// Note: it prunes the engine's build cache (docker builder prune), so run it on a test machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, root, testEnv } from './lib.mjs';

testEnv(); // exits 3 with the fix when the test environment is missing
const runs = Number(arg('runs', '2'));
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-pipeline-'));
const cache = path.join(work, 'cache');
const example = path.join(root, 'examples', 'hello-ml');
// The example's config under a new image name (a cold registry repository), paths made absolute.
const config = path.join(work, 'ml-image.yml');
writeFileSync(
  config,
  readFileSync(path.join(example, 'ml-image.yml'), 'utf8')
    .replace(/name: ml-image-examples\/hello-ml/, `name: ml-image-bench/pipeline-${Date.now().toString(36)}`)
    .replace('requirements: [requirements.txt]', `requirements: [${path.join(example, 'requirements.txt')}]`)
    .replace(/^build:\n/m, `build:\n  context: ${example}\n`),
);

function run() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [cli, 'run', '--config', config, '--quiet', '--out', path.join(work, 'results')],
    { encoding: 'utf8', env: { ...process.env, ML_IMAGE_CACHE_DIR: cache } },
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`ml-image run failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  return { s, stderr: r.stderr };
}

try {
  const prune = spawnSync('docker', ['builder', 'prune', '-af'], { encoding: 'utf8' });
  if (prune.status !== 0) throw new Error(`docker builder prune failed: ${prune.stderr}`);
  const cold = run();
  const warm = Array.from({ length: runs }, () => run().s);
  const stages = (text) =>
    text
      .split('\n')
      .filter((l) => /^\[ *[\d.]+s\] (build|smoke|report) .*(done|passed|->)/.test(l))
      .map((l) => `    ${l}`)
      .join('\n');
  const ratio = median(warm) / cold.s;
  console.log(`pipeline on examples/hello-ml (cpu, linux/amd64 + linux/arm64 under QEMU)`);
  console.log(`  cold: ${cold.s.toFixed(1)} s`);
  console.log(stages(cold.stderr));
  console.log(`  warm: median ${median(warm).toFixed(1)} s of ${list(warm)}`);
  console.log(`  warm/cold: ${ratio.toFixed(3)} (aim <= 0.10: ${ratio <= 0.1 ? 'met' : 'missed'})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
