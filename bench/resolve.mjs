#!/usr/bin/env node
// Benchmark: wall time of `ml-image resolve` (snapshot, plain dry run, held dry run, analysis,
// hazards; one container reused, base snapshot cached by digest) against ONE bare
// `pip install --dry-run --report` of the same requirements in the same image. Median of N each,
// measured side by side in one run, printed as a ratio, for two bases:
//   clean:    the test python image (nothing to hold)                       aim <= 1.2
//   conflict: the same image plus numpy 1.26.4, where the newest
//             opencv-python-headless needs numpy>=2 (held run, older opencv) aim <= 1.5
// The conflict base is built here (docker commit of a local wheel install), pushed to the test
// registry so that it has a digest (snapshot cache), and removed afterwards (tag, image, manifest).
// With --verbose, ml-image's own per-step timing line of the last run is printed too.
// Needs the test environment and a built dist/ (or ML_IMAGE_DIST=DIR).
//
//   node bench/resolve.mjs [--runs 5] [--case clean|conflict|both] [--verbose]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, median, list, root, testEnv, time } from './lib.mjs';

const runs = Number(arg('runs', '5'));
const which = arg('case', 'both');
const verbose = process.argv.includes('--verbose');
const vars = testEnv();
const image = vars.ML_IMAGE_TEST_PYTHON_AMD64;
const registry = vars.ML_IMAGE_TEST_REGISTRY;
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-resolve-'));

// A local index: the opencv/numpy pair whose newest opencv needs numpy>=2.
const wheels = [
  { name: 'numpy', version: '1.26.4' },
  { name: 'numpy', version: '2.3.1' },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.11.0.86', requires: ['numpy>=1.23.5'] },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.13.0.90', requires: ['numpy>=2'] },
  { name: 'tqdm', version: '4.66.0' },
];
const wheelFile = (w) => `${w.name.replace(/-/g, '_')}-${w.version}-py3-none-any.whl`;
for (const w of wheels) {
  const dir = path.join(work, 'simple', w.name);
  mkdirSync(dir, { recursive: true });
  execFileSync('python3', [
    path.join(root, 'scripts', 'make-wheel.py'),
    JSON.stringify(w),
    path.join(dir, wheelFile(w)),
  ]);
}
const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const server = spawn(
  'python3',
  ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', work],
  { stdio: 'ignore' },
);
const index = `http://127.0.0.1:${port}/simple`;
const req = path.join(work, 'requirements.txt');
writeFileSync(req, 'opencv-python-headless\ntqdm\n');

const docker = (args, opts = {}) => execFileSync('docker', args, { encoding: 'utf8', ...opts }).trim();

/** The conflict base: the python image plus numpy 1.26.4, pushed so that it has a digest. */
function numpyBase() {
  const name = `ml-image-bench-numpy-${process.pid}`;
  const ref = `${registry}/ml-image-bench/numpy126:${process.pid}`;
  const state = { ref, name, digest: undefined };
  docker([
    'run',
    '--name',
    name,
    '--network',
    'host',
    '-v',
    `${work}/simple/numpy:/w:ro`,
    image,
    'python3',
    '-m',
    'pip',
    'install',
    '--quiet',
    '--break-system-packages',
    '--no-index',
    '--disable-pip-version-check',
    '--root-user-action=ignore',
    `/w/${wheelFile(wheels[0])}`,
  ]);
  docker(['commit', name, ref]);
  docker(['rm', '-f', name]);
  const pushed = docker(['push', ref]);
  state.digest = /digest: (sha256:[a-f0-9]{64})/.exec(pushed)?.[1];
  return state;
}

function removeNumpyBase(state) {
  if (!state) return;
  spawnSync('docker', ['rm', '-f', state.name], { stdio: 'ignore' });
  spawnSync('docker', ['rmi', '-f', state.ref], { stdio: 'ignore' });
  if (state.digest) {
    const [, repo] = /^[^/]+\/(.+):[^:]+$/.exec(state.ref);
    spawnSync('curl', ['-fsS', '-X', 'DELETE', `http://${registry}/v2/${repo}/manifests/${state.digest}`], {
      stdio: 'ignore',
    });
  }
}

let lastTiming = '';
const ours = (base, cache) => () => {
  const r = spawnSync(
    process.execPath,
    [cli, 'resolve', '--image', base, '--requirements', req, '--index-url', index, '--json', '--verbose'],
    { encoding: 'utf8', env: { ...process.env, ML_IMAGE_CACHE_DIR: cache } },
  );
  if (r.status !== 0) throw new Error(`ml-image resolve failed:\n${r.stderr}`);
  lastTiming = r.stderr
    .split('\n')
    .filter((l) => /timing/.test(l))
    .join('\n');
  return JSON.parse(r.stdout);
};
const bare = (base) => () =>
  execFileSync(
    'docker',
    [
      'run',
      '--rm',
      '--network',
      'host',
      '-e',
      'PIP_BREAK_SYSTEM_PACKAGES=1',
      '-e',
      'PIP_DISABLE_PIP_VERSION_CHECK=1',
      base,
      'python3',
      '-m',
      'pip',
      'install',
      '--dry-run',
      '--quiet',
      '--report',
      '-',
      '--index-url',
      index,
      'opencv-python-headless',
      'tqdm',
    ],
    { stdio: 'ignore' },
  );

function measure(label, base, expect) {
  const cache = path.join(work, `cache-${label}`);
  const out = ours(base, cache)();
  const status = out.status ?? out.resolution?.status ?? '?';
  if (status !== expect) throw new Error(`${label}: expected status ${expect}, got ${status}`);
  bare(base)(); // warm: image local, snapshot cached, pip's first-run work done
  const a = [];
  const b = [];
  for (let k = 0; k < runs; k++) {
    a.push(time(ours(base, cache)));
    b.push(time(bare(base)));
  }
  const aim = label === 'clean' ? 1.2 : 1.5;
  console.log(`${label} base ${base} (linux/amd64, resolution "${status}"), ${runs} runs each`);
  console.log(`  ml-image resolve:           median ${median(a).toFixed(2)}s  ${list(a)}`);
  console.log(`  bare pip install --dry-run: median ${median(b).toFixed(2)}s  ${list(b)}`);
  console.log(`  ratio ml-image / bare:      ${(median(a) / median(b)).toFixed(3)}  (aim: <= ${aim})`);
  if (verbose && lastTiming) console.log(`  last run: ${lastTiming.trim()}`);
}

// pip cache volumes made during this run (keyed by this run's index URL, whose port is random).
const cacheVolumes = () =>
  new Set(
    docker(['volume', 'ls', '-q', '--filter', 'label=io.github.ml-image-action.cache=pip-http']).split('\n'),
  );
const volumesBefore = cacheVolumes();
let conflictBase;
try {
  await new Promise((r) => setTimeout(r, 500)); // let the index start
  if (which !== 'conflict') measure('clean', image, 'clean');
  if (which !== 'clean') {
    conflictBase = numpyBase();
    measure('conflict', conflictBase.ref, 'fixed');
  }
} finally {
  removeNumpyBase(conflictBase);
  for (const v of cacheVolumes())
    if (v && !volumesBefore.has(v)) spawnSync('docker', ['volume', 'rm', v], { stdio: 'ignore' });
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
