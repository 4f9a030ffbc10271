#!/usr/bin/env node
// Benchmark: attach + sign + verify (the attest stage: SBOM, provenance and smoke attestations and
// the image signature on both platform digests, then `ml-image verify` of the merged digest) against
// the warm build stage of the same variant (`ml-image build`, both platforms, cached), measured in
// the same run. Median of 5 each, printed as a ratio. Aim: at most 0.10.
// Needs the test environment (sudo scripts/test-env.sh: registry, cosign and its test key) and a
// built dist/.
//
//   node bench/attest.mjs [--runs 5]
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, root, testEnv, time } from './lib.mjs';

const runs = Number(arg('runs', '5'));
const vars = testEnv();
const registry = vars.ML_IMAGE_TEST_REGISTRY;
const example = path.join(root, 'examples', 'hello-ml');
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-attest-'));
const out = path.join(work, 'out');
const config = path.join(work, 'ml-image.yml');
writeFileSync(
  config,
  [
    `image: {name: ml-image-bench/attest, registry: ${registry}, version: bench}`,
    'variants: [{python: "3.11"}]',
    'platforms: [linux/amd64, linux/arm64]',
    `build: {context: ${example}, cache: none, provenance: "false", mirrors: {docker.io/library/python: ${registry}/ml-image-test/python}}`,
    'smoke: {suites: [imports, pip-check]}',
    'report: {comment: false, summary: false}',
  ].join('\n'),
);
const env = {
  ...process.env,
  ML_IMAGE_CACHE_DIR: path.join(work, 'cache'),
  COSIGN_KEY: readFileSync(vars.ML_IMAGE_TEST_COSIGN_KEY, 'utf8'),
  COSIGN_PASSWORD: readFileSync(vars.ML_IMAGE_TEST_COSIGN_PASSWORD_FILE, 'utf8').trim(),
};

function run(args) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0)
    throw new Error(`ml-image ${args[0]} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r;
}

try {
  // Once: the whole pipeline, for build.json and the env/smoke records the attestations are made of.
  run(['run', '--config', config, '--out', out]);
  const build = JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8'));
  const ref = `${build.variants[0].repository}@${build.variants[0].digest}`;
  const buildTimes = [];
  const attestTimes = [];
  const verifyTimes = [];
  for (let i = 0; i < runs; i++) {
    buildTimes.push(time(() => run(['build', '--config', config, '--quiet'])));
    attestTimes.push(time(() => run(['run', '--config', config, '--out', out, '--stages', 'attest'])));
    verifyTimes.push(
      time(() => run(['verify', ref, '--key', vars.ML_IMAGE_TEST_COSIGN_PUB, '--require-smoke', 'pass'])),
    );
  }
  const b = median(buildTimes);
  const a = median(attestTimes);
  const v = median(verifyTimes);
  console.log(`attest + verify vs the warm build stage (1 variant x 2 platforms), ${runs} runs each`);
  console.log(`  build stage (ml-image build, cached):   median ${b.toFixed(2)} s  ${list(buildTimes)}`);
  console.log(
    `  attach + sign (ml-image run --stages attest): median ${a.toFixed(2)} s  ${list(attestTimes)}`,
  );
  console.log(`  verify (ml-image verify, 2 platforms):  median ${v.toFixed(2)} s  ${list(verifyTimes)}`);
  console.log(`  ratio (attach + sign + verify) / build: ${((a + v) / b).toFixed(3)}  (aim: <= 0.10)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
