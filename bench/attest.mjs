#!/usr/bin/env node
// Benchmark: attach + sign + verify (the attest stage: SBOM, provenance and smoke attestations and
// the image signature on both platform digests, then `ml-image verify` of the merged digest) against
// the warm build stage of the same variant (both platforms, cached), measured in the same run.
// The aim (at most 0.10) compares the stages' own wall times: the build and attest stages of one
// warm `ml-image run --verbose`, and the checks of `ml-image verify --verbose`. Two variants:
//   - the bundled example as shipped (examples/hello-ml/ml-image.yml: its cpu variant with its
//     requirement, its default cache and smoke tests): the variant the project ships;
//   - a minimal build of the same context (no requirements, `cache: none`, no BuildKit
//     provenance): the smallest warm build stage this tool makes, so the hardest side to be small
//     against. The cosign binary, the registry's floor and the whole commands are measured on it.
// Each build step's time is printed: an engine holding many images and build-cache records from
// earlier work builds slower, which makes the ratio look better than it is (measure on an engine
// pruned first: docs/performance.md).
// A warm rerun into the same result directory attaches the last run's SBOM and smoke envelopes
// again (the same statements, signed by the same key: docs/signing.md); the attest stage is also
// timed without them (every envelope signed anew, as on a runner with a fresh result directory).
// The same work as whole commands (each paying node's start, config and plan) is printed after it,
// and the stages with the cosign binary doing the work (ML_IMAGE_SIGNER=cosign) beside them, and
// the registry's floor (bench/registry-floor.mjs: the same requests sent bare). Median of 5.
// Needs the test environment (sudo scripts/test-env.sh: registry, package index, cosign and its
// test key) and a built dist/.
//
//   node bench/attest.mjs [--runs 5]
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, root, testEnv, time } from './lib.mjs';
import { registryFloor } from './registry-floor.mjs';

const runs = Number(arg('runs', '5'));
const vars = testEnv();
const registry = vars.ML_IMAGE_TEST_REGISTRY;
const example = path.join(root, 'examples', 'hello-ml');
const exampleConfig = path.join(example, 'ml-image.yml');
// The bundled example names the test bed's default registry and package index: it runs as shipped.
const shipped = readFileSync(exampleConfig, 'utf8');
for (const [what, value] of [
  ['registry', registry],
  ['package index', vars.ML_IMAGE_TEST_INDEX_URL],
]) {
  if (!shipped.includes(`${value} `)) {
    console.error(
      `${exampleConfig} does not name the test bed's ${what} ${value}: run scripts/test-env.sh with its defaults`,
    );
    process.exit(3);
  }
}
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-attest-'));
const exampleOut = path.join(work, 'example-out');
const out = path.join(work, 'out');
// The cosign binary's runs keep their own results: they attach no envelope of ours to reuse.
const cosignOut = path.join(work, 'cosign-out');
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

/** The byte sizes of the config and envelopes of the `.att` image the run attached to DIGEST. */
async function attSizes(repository, digest) {
  const repo = repository.slice(repository.indexOf('/') + 1);
  const tag = `${digest.replace(':', '-')}.att`;
  const r = await fetch(`http://${registry}/v2/${repo}/manifests/${tag}`, {
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (!r.ok) throw new Error(`reading ${repository}:${tag} answered ${r.status}`);
  const m = await r.json();
  return { config: m.config.size, envelopes: m.layers.map((l) => l.size) };
}

function run(args, extra = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...env, ...extra },
  });
  if (r.status !== 0)
    throw new Error(`ml-image ${args[0]} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r;
}

const stage = (stderr, name) => {
  const m = new RegExp(`timing .*\\b${name} (\\d+\\.\\d+)s`).exec(stderr);
  if (!m) throw new Error(`no "${name}" timing in:\n${stderr}`);
  return Number(m[1]);
};

/** The digest ref of a run's merged image (its build.json). */
function mergedRef(resultDir) {
  const build = JSON.parse(readFileSync(path.join(resultDir, 'build.json'), 'utf8'));
  return {
    ref: `${build.variants[0].repository}@${build.variants[0].digest}`,
    repository: build.variants[0].repository,
    firstPlatform: build.variants[0].platforms[0].digest,
  };
}

/**
 * One variant's in-process stage times, one warm run each call: the build and attest stages of
 * `ml-image run --verbose`, the checks of `ml-image verify --verbose`, and the attest stage again
 * with every envelope signed anew.
 */
function stages(configFile, resultDir) {
  const verifyArgs = () => ['verify', mergedRef(resultDir).ref, '--key', vars.ML_IMAGE_TEST_COSIGN_PUB];
  const times = { build: [], attest: [], attestNew: [], verify: [] };
  /** The build stage's steps (each platform's build, the merge), seconds by step. */
  const steps = new Map();
  return {
    times,
    steps,
    verifyArgs: () => [...verifyArgs(), '--require-smoke', 'pass'],
    once() {
      const full = run(['run', '--config', configFile, '--out', resultDir, '--verbose']);
      times.build.push(stage(full.stderr, 'build'));
      times.attest.push(stage(full.stderr, 'attest'));
      for (const m of full.stderr.matchAll(/\bbuild +(?:build (\S+): done|(merge) \S+:.*) in (\d+\.\d+)s/g)) {
        const step = m[1] ?? m[2];
        steps.set(step, [...(steps.get(step) ?? []), Number(m[3])]);
      }
      // The digest this run merged (a rerun in a git checkout keeps it; elsewhere it may not).
      times.verify.push(
        stage(run([...verifyArgs(), '--require-smoke', 'pass', '--verbose']).stderr, 'verify'),
      );
      // The attest stage with no earlier envelopes to attach again: each one signed anew.
      for (const f of readdirSync(path.join(resultDir, 'attest')))
        if (f.endsWith('.dsse.json')) rmSync(path.join(resultDir, 'attest', f));
      const again = run(['run', '--config', configFile, '--out', resultDir, '--verbose']);
      times.attestNew.push(stage(again.stderr, 'attest'));
    },
  };
}

/** The in-process lines of one variant; its ratio (rerun). */
function printStages({ times, steps }) {
  const [b, a, an, v] = [times.build, times.attest, times.attestNew, times.verify].map(median);
  console.log(`  build stage:     median ${b.toFixed(3)} s  ${list(times.build)}`);
  console.log(
    `  attest stage:    median ${a.toFixed(3)} s  ${list(times.attest)}  (the last run's SBOM and smoke envelopes attached again)`,
  );
  console.log(
    `  attest, anew:    median ${an.toFixed(3)} s  ${list(times.attestNew)}  (no earlier envelopes: all signed anew)`,
  );
  console.log(`  verify checks:   median ${v.toFixed(3)} s  ${list(times.verify)}`);
  for (const [step, xs] of steps)
    console.log(`    build stage step ${step.padEnd(12)} median ${median(xs).toFixed(2)} s  ${list(xs)}`);
  console.log(
    `  ratio (attest + verify) / build: ${((a + v) / b).toFixed(3)}  (aim: <= 0.10); all signed anew: ${((an + v) / b).toFixed(3)}`,
  );
  return { b, a, an, v };
}

try {
  // Once each: the whole pipeline, for build.json and the env/smoke records the attestations are
  // made of (the bundled example resolves its requirement and runs its smoke tests here).
  run(['run', '--config', exampleConfig, '--out', exampleOut]);
  run(['run', '--config', config, '--out', out]);
  const minimal = mergedRef(out);
  const sizes = await attSizes(minimal.repository, minimal.firstPlatform);
  run(['run', '--config', config, '--out', cosignOut], { ML_IMAGE_SIGNER: 'cosign' });
  const ex = stages(exampleConfig, exampleOut);
  const min = stages(config, out);
  const buildTimes = [];
  const attestTimes = [];
  const verifyTimes = [];
  const cosignAttest = [];
  const cosignVerify = [];
  const floorAttach = [];
  const floorAttachNew = [];
  const floorVerify = [];
  const COSIGN = { ML_IMAGE_SIGNER: 'cosign' };
  for (let i = 0; i < runs; i++) {
    // The stages as the pipeline runs them (warm: everything cached), timed in process.
    // Each side first in turn: neither always runs on the other's leftovers.
    for (const side of i % 2 === 0 ? [ex, min] : [min, ex]) side.once();
    const verifyArgs = min.verifyArgs();
    // The same as whole commands, each with its own process start.
    buildTimes.push(time(() => run(['build', '--config', config, '--quiet'])));
    attestTimes.push(time(() => run(['run', '--config', config, '--out', out, '--stages', 'attest'])));
    verifyTimes.push(time(() => run(verifyArgs)));
    // The same stages with the cosign binary doing the signing and checks (what this was before).
    cosignAttest.push(
      stage(run(['run', '--config', config, '--out', cosignOut, '--verbose'], COSIGN).stderr, 'attest'),
    );
    cosignVerify.push(stage(run([...verifyArgs, '--verbose'], COSIGN).stderr, 'verify'));
    // The registry's own share: the same requests, bare.
    const floor = await registryFloor(registry, sizes, { rerun: true });
    floorAttach.push(floor.attach);
    floorVerify.push(floor.verify);
    floorAttachNew.push((await registryFloor(registry, sizes)).attach);
  }
  console.log(`attach + sign + verify vs the warm build stage (1 variant x 2 platforms), ${runs} runs each`);
  console.log(
    'the bundled example as shipped (examples/hello-ml/ml-image.yml: cpu variant, its requirement, default cache), in process (the stages of one warm `ml-image run --verbose`, and `ml-image verify --verbose`):',
  );
  printStages(ex);
  console.log(
    'a minimal build of the same context (no requirements, cache: none, no BuildKit provenance: the smallest warm build stage), same runs:',
  );
  const { b, a, an, v } = printStages(min);
  const [fa, fan, fv] = [floorAttach, floorAttachNew, floorVerify].map(median);
  console.log(
    `registry floor of the minimal build (the same requests sent bare: no predicates, no signing; blobs of the product's sizes, config ${sizes.config} B and envelopes ${sizes.envelopes.join(', ')} B), same runs:`,
  );
  console.log(
    `  attach requests: median ${fa.toFixed(3)} s  ${list(floorAttach)}  (a rerun: 2 of 3 envelopes linked)`,
  );
  console.log(`  attach, anew:    median ${fan.toFixed(3)} s  ${list(floorAttachNew)}`);
  console.log(`  verify requests: median ${fv.toFixed(3)} s  ${list(floorVerify)}`);
  console.log(
    `  ratio floor / build: ${((fa + fv) / b).toFixed(3)} (anew: ${((fan + fv) / b).toFixed(3)}); the stages add ${(a - fa).toFixed(3)} s (attest; anew ${(an - fan).toFixed(3)} s) and ${(v - fv).toFixed(3)} s (verify) to it`,
  );
  const [ca0, cv0] = [cosignAttest, cosignVerify].map(median);
  console.log('the minimal build with the cosign binary (ML_IMAGE_SIGNER=cosign), same runs:');
  console.log(`  attest stage:    median ${ca0.toFixed(3)} s  ${list(cosignAttest)}`);
  console.log(`  verify checks:   median ${cv0.toFixed(3)} s  ${list(cosignVerify)}`);
  console.log(
    `  ratio (attest + verify) / build: ${((ca0 + cv0) / b).toFixed(3)}; built-in is ${((ca0 + cv0) / (a + v)).toFixed(1)}x faster`,
  );
  const [cb, ca, cv] = [buildTimes, attestTimes, verifyTimes].map(median);
  console.log('the minimal build as whole commands (each with its own node start, config and plan):');
  console.log(`  ml-image build (cached):            median ${cb.toFixed(2)} s  ${list(buildTimes)}`);
  console.log(`  ml-image run --stages attest:       median ${ca.toFixed(2)} s  ${list(attestTimes)}`);
  console.log(`  ml-image verify (2 platforms):      median ${cv.toFixed(2)} s  ${list(verifyTimes)}`);
  console.log(`  ratio: ${((ca + cv) / cb).toFixed(3)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
