#!/usr/bin/env node
// Benchmark: wall time of `ml-image build` (the whole build stage: plan, registry check, base digest,
// buildx build + push, imagetools merge) against a bare `docker buildx build --push` of the same
// context, Dockerfile and build args, and (with BPA_DIST) docker/build-push-action's own published
// dist pushing the same context, all fully cached. Medians of N rounds, each round runs every side
// once in turn, so load on the machine hits all sides alike. Aims (issue #15): ml-image / bare
// <= 1.2, ml-image / build-push-action <= 0.5.
//
// build-push-action runs as a runner runs it: `node index.cjs` with INPUT_* variables and the
// GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY and RUNNER_TEMP files. Only its main step is
// timed (the build and push); its post step (build summary and record upload, which need a runner's
// token) is not run. Its dist is never committed: give it by path, e.g. v7.3.0's dist/index.cjs
// (commit 53b7df96c91f9c12dcc8a07bcb9ccacbed38856a). Without BPA_DIST the column is left out.
//
// Needs the test environment (sudo scripts/test-env.sh) and a built dist/ (or ML_IMAGE_DIST=DIR).
//
//   [BPA_DIST=/path/to/build-push-action/dist/index.cjs] node bench/build.mjs \
//     [--pairs 5] [--platform linux/amd64] [--verbose]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, list, median, root, testEnv, time } from './lib.mjs';

const rounds = Number(arg('pairs', '5'));
const platform = arg('platform', 'linux/amd64');
const verbose = process.argv.includes('--verbose');
const bpaDist = process.env.BPA_DIST ? path.resolve(process.env.BPA_DIST) : undefined;
const vars = testEnv();
const registry = vars.ML_IMAGE_TEST_REGISTRY;
const example = path.join(root, 'examples', 'hello-ml');
const dockerfile = path.join(root, 'images/cpu/Dockerfile');
const base = `${registry}/ml-image-test/python:3.11-slim`;
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-'));
const config = path.join(work, 'ml-image.yml');
writeFileSync(
  config,
  [
    'image: {name: ml-image-bench/hello-ml, registry: ' + registry + ', version: bench}',
    'variants: [{python: "3.11"}]',
    `platforms: [${platform}]`,
    `build: {context: ${example}, cache: none, provenance: "false", mirrors: {docker.io/library/python: ${registry}/ml-image-test/python}}`,
  ].join('\n'),
);
const buildArgs = [
  `BASE_IMAGE=${base}`,
  'PYTHON_VERSION=3.11',
  'ML_IMAGE_VARIANT=cpu',
  'REQUIREMENTS_TXT=',
  'CONSTRAINTS_TXT=',
];

function mlImageBuild() {
  const argv = [cli, 'build', '--config', config, '--quiet', '--json', ...(verbose ? ['--verbose'] : [])];
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ml-image build failed:\n${r.stderr}`);
  if (verbose)
    process.stderr.write(
      r.stderr
        .split('\n')
        .filter((l) => /timing/.test(l))
        .join('\n') + '\n',
    );
  return JSON.parse(r.stdout);
}

const bareArgs = [
  'buildx',
  'build',
  '--platform',
  platform,
  '--file',
  dockerfile,
  '--provenance=false',
  ...buildArgs.flatMap((a) => ['--build-arg', a]),
  '--output',
  `type=image,name=${registry}/ml-image-bench/bare:bench,push=true`,
  example,
];
const bare = () => execFileSync('docker', bareArgs, { stdio: 'ignore' });

/** build-push-action's main step, as a runner starts it: returns its digest output. */
function bpa() {
  const dir = mkdtempSync(path.join(work, 'bpa-'));
  const file = (name) => {
    const f = path.join(dir, name);
    writeFileSync(f, '');
    return f;
  };
  mkdirSync(path.join(dir, 'temp'));
  const inputs = {
    context: example,
    file: dockerfile,
    platforms: platform,
    push: 'true',
    load: 'false',
    pull: 'false',
    'no-cache': 'false',
    provenance: 'false',
    tags: `${registry}/ml-image-bench/bpa:bench`,
    'build-args': buildArgs.join('\n'),
    'github-token': '',
  };
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: example,
    GITHUB_REPOSITORY: 'ml-image/bench',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: file('github-output'),
    GITHUB_STATE: file('github-state'),
    GITHUB_STEP_SUMMARY: file('step-summary.md'),
    GITHUB_ENV: file('github-env'),
    GITHUB_PATH: file('github-path'),
    RUNNER_TEMP: path.join(dir, 'temp'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [bpaDist], { env, cwd: example, encoding: 'utf8' });
  const out = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  if (r.status !== 0 || /^::error::/m.test(r.stdout))
    throw new Error(`build-push-action failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  rmSync(dir, { recursive: true, force: true });
  return /^digest<<(\S+)\n(sha256:[0-9a-f]{64})\n\1$/m.exec(out)?.[2];
}

try {
  // Warm every side once (cache, registry blobs, page cache).
  const result = mlImageBuild();
  bare();
  const bpaDigest = bpaDist ? bpa() : undefined;
  const ours = [];
  const bares = [];
  const bpas = [];
  for (let i = 0; i < rounds; i++) {
    ours.push(time(mlImageBuild));
    bares.push(time(bare));
    if (bpaDist) bpas.push(time(bpa));
  }
  const [mo, mb] = [median(ours), median(bares)];
  console.log(`build stage (${platform}, cached, push), medians of ${rounds} rounds`);
  console.log(`  ml-image build:             median ${mo.toFixed(2)}s  ${list(ours)}`);
  console.log(`  bare buildx build --push:   median ${mb.toFixed(2)}s  ${list(bares)}`);
  if (bpaDist) {
    const mp = median(bpas);
    console.log(`  build-push-action (main):   median ${mp.toFixed(2)}s  ${list(bpas)}`);
    console.log(`  ratio ml-image / bare:      ${(mo / mb).toFixed(3)}  (aim: <= 1.2)`);
    console.log(`  ratio ml-image / bpa:       ${(mo / mp).toFixed(3)}  (aim: <= 0.5)`);
  } else {
    console.log(`  ratio ml-image / bare:      ${(mo / mb).toFixed(3)}  (aim: <= 1.2)`);
    console.log('  (build-push-action left out: give its dist/index.cjs as BPA_DIST=PATH)');
  }
  const v = result.variants[0];
  console.log(`  ml-image digest ${v.digest ?? '(none)'} (platform ${v.platforms[0].digest})`);
  if (bpaDigest) console.log(`  build-push-action digest ${bpaDigest}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
