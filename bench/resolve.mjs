#!/usr/bin/env node
// Benchmark: wall time of `ml-image resolve` (snapshot, plain dry run, held dry run, analysis,
// hazards; one container reused, base snapshot cached by digest) against ONE bare
// `pip install --dry-run --report` of the same requirements in the same image. Median of 5 each,
// printed as a ratio. Aim: at most 1.5. Needs the test environment and a built dist/.
//
//   node bench/resolve.mjs [--runs 5]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, median, root, testEnv, time } from './lib.mjs';

const runs = Number(arg('runs', '5'));
const vars = testEnv();
const image = vars.ML_IMAGE_TEST_PYTHON_AMD64;
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-resolve-'));

// A local index: the opencv/numpy pair whose newest opencv needs numpy>=2.
const wheels = [
  { name: 'numpy', version: '1.26.4' },
  { name: 'numpy', version: '2.3.1' },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.11.0.86', requires: ['numpy>=1.23.5'] },
  { name: 'opencv-python-headless', module: 'cv2', version: '4.13.0.90', requires: ['numpy>=2'] },
  { name: 'tqdm', version: '4.66.0' },
];
for (const w of wheels) {
  const dir = path.join(work, 'simple', w.name);
  mkdirSync(dir, { recursive: true });
  execFileSync('python3', [
    path.join(root, 'scripts', 'make-wheel.py'),
    JSON.stringify(w),
    path.join(dir, `${w.name.replace(/-/g, '_')}-${w.version}-py3-none-any.whl`),
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
  {
    stdio: 'ignore',
  },
);
const index = `http://127.0.0.1:${port}/simple`;
const req = path.join(work, 'requirements.txt');
writeFileSync(req, 'opencv-python-headless\ntqdm\n');

const ours = () => {
  const r = spawnSync(
    process.execPath,
    [cli, 'resolve', '--image', image, '--requirements', req, '--index-url', index, '--json'],
    { encoding: 'utf8', env: { ...process.env, ML_IMAGE_CACHE_DIR: path.join(work, 'cache') } },
  );
  if (r.status !== 0) throw new Error(`ml-image resolve failed:\n${r.stderr}`);
};
const bare = () =>
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
      image,
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

try {
  await new Promise((r) => setTimeout(r, 500)); // let the index start
  ours();
  bare(); // warm: image local, snapshot cached, pip's first-run work done
  const a = [];
  const b = [];
  for (let k = 0; k < runs; k++) {
    a.push(time(ours));
    b.push(time(bare));
  }
  console.log(`resolve stage on ${image} (linux/amd64), ${runs} runs each`);
  console.log(
    `  ml-image resolve:           median ${median(a).toFixed(2)}s  [${a.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(
    `  bare pip install --dry-run: median ${median(b).toFixed(2)}s  [${b.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(`  ratio ml-image / bare:      ${(median(a) / median(b)).toFixed(3)}  (aim: <= 1.5)`);
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
