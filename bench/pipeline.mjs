#!/usr/bin/env node
// Benchmark: the whole pipeline (`ml-image run`: plan, resolve, build both platforms, capture +
// smoke both platforms, attest, report) on the bundled example, cold then warm (nothing changed).
//
// Cold means: a fresh copy of examples/hello-ml under a new image name (a new registry repository),
// with a nonce in its requirements.txt and a fresh APP_UID build argument, so that every layer the
// example adds (the user, the pip install, the app) is built again and the resolver finds no
// earlier resolution; an empty ml-image cache (no resolution, no baseline, no smoke results to
// reuse). The base image stays in the engine, as on any machine that built once. `--prune` also
// prunes BuildKit's whole build cache first (docker builder prune -af): only on a machine of your
// own, never where others run tests.
// Warm: the same command again, nothing changed (the median of --runs), in two places:
//   in a git checkout   the created label is the commit time: the same manifest digest each run;
//   outside git         the created label is each run's time: new manifest bits from the same
//                       layers each run (as a CI rebuild from another cache source); after one
//                       run there to make its baseline (branch "local"), not counted.
// Aim: warm at most 5% of cold. Needs the test environment and a built dist/ (or ML_IMAGE_DIST).
//
//   node bench/pipeline.mjs [--runs 3] [--prune]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, root, testEnv } from './lib.mjs';

testEnv(); // exits 3 with the fix when the test environment is missing
const runs = Number(arg('runs', '3'));
const prune = process.argv.includes('--prune');
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-pipeline-'));
const cache = path.join(work, 'cache');
const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
// A fresh copy of the example: a new image name, a nonce in requirements.txt, a fresh APP_UID.
const example = path.join(work, 'hello-ml');
cpSync(path.join(root, 'examples', 'hello-ml'), example, { recursive: true });
const config = path.join(example, 'ml-image.yml');
const appUid = 2000 + Math.floor(Math.random() * 50000);
writeFileSync(
  config,
  readFileSync(config, 'utf8')
    .replace(/name: ml-image-examples\/hello-ml/, `name: ml-image-bench/pipeline-${nonce}`)
    .replace(/^build:\n/m, `build:\n  args: { APP_UID: '${appUid}' }\n`),
);
const requirements = path.join(example, 'requirements.txt');
writeFileSync(requirements, `${readFileSync(requirements, 'utf8')}# bench cold run ${nonce}\n`);

/** One `ml-image run` from `cwd`: wall seconds and its stderr (progress lines, the timing line). */
function run(cwd = root) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [cli, 'run', '--config', config, '--quiet', '--verbose', '--out', path.join(work, 'results')],
    { cwd, encoding: 'utf8', env: { ...process.env, ML_IMAGE_CACHE_DIR: cache } },
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`ml-image run failed (exit ${r.status}):\n${r.stderr.slice(-3000)}`);
  return { s, stderr: r.stderr };
}

/** The lines worth reading: builds, merge, smoke (reused or run), and the per-stage timing line. */
const stages = (text) =>
  text
    .split('\n')
    .filter((l) =>
      /^\[ *[\d.]+s\] (build +build .*done|build +merge|smoke .*(passed|reused|running the suites)|timing )/.test(
        l,
      ),
    )
    .map((l) => `    ${l}`)
    .join('\n');

try {
  if (prune) {
    const p = spawnSync('docker', ['builder', 'prune', '-af'], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`docker builder prune failed: ${p.stderr}`);
  }
  const cold = run();
  const warm = Array.from({ length: runs }, () => run());
  run(work); // outside git: the first run there makes its baseline
  const outside = Array.from({ length: runs }, () => run(work));
  console.log(`pipeline on examples/hello-ml (cpu, linux/amd64 + linux/arm64 under QEMU)`);
  console.log(
    `  cold${prune ? ' (build cache pruned)' : ' (example layers rebuilt; base image cached)'}: ${cold.s.toFixed(1)} s`,
  );
  console.log(stages(cold.stderr));
  for (const [label, series] of [
    ['warm, in a git checkout (same manifest digest)', warm],
    ['warm, outside git (new manifest bits, same layers)', outside],
  ]) {
    const times = series.map((w) => w.s);
    const ratio = median(times) / cold.s;
    console.log(`  ${label}: median ${median(times).toFixed(2)} s of ${list(times)}`);
    console.log(stages(series[times.indexOf(median(times))].stderr));
    console.log(`    warm/cold: ${ratio.toFixed(3)} (aim <= 0.05: ${ratio <= 0.05 ? 'met' : 'missed'})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
