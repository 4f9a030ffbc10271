#!/usr/bin/env node
// Benchmark: diff + render of environment records, median of several runs after a warm-up.
//  1. one variant: two records with 5,000 pip packages each (half of them changed, every change
//     level) and 1,000 apt packages, rendered under the comment limit; aim: under 100 ms.
//  2. one run of ten variants (issue #16): 5,000 pip packages per side per variant, with package
//     sizes and layers (the size explanation and the biggest contributors), ten models built and
//     rendered as ONE comment; aim: under 300 ms.
// Node 20 cannot run .ts, so src/diff and src/report are bundled first with ncc (as
// scripts/build-dist.mjs does) into a temp dir; only diff + render is timed, not the bundling nor
// the reading of the records. Printed, never asserted by a test.
//
//   node bench/report.mjs [--runs 15] [--packages 5000] [--variants 10]
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ncc from '@vercel/ncc';
import { arg, list, median, root } from './lib.mjs';

const runs = Number(arg('runs', '15'));
const n = Number(arg('packages', '5000'));
const variantCount = Number(arg('variants', '10'));
const AIM_MS = 100;
const RUN_AIM_MS = 300;

// Inside the repository (tmp/ is git-ignored) so that ncc compiles with the project's tsconfig.
const tmp = path.join(root, 'tmp');
mkdirSync(tmp, { recursive: true });
const work = mkdtempSync(path.join(tmp, 'bench-report-'));
try {
  const entry = path.join(work, 'entry.ts');
  writeFileSync(
    entry,
    [
      "export { readEnvRecord } from '../../src/diff/read.js';",
      "export { buildReportModel } from '../../src/report/model.js';",
      "export { renderReport } from '../../src/report/render.js';",
      "export { renderRun } from '../../src/report/render/run.js';",
    ].join('\n'),
  );
  const t0 = Date.now();
  const { code } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    transpileOnly: true, // tsc --noEmit checks types; the bench only needs the code
  });
  writeFileSync(path.join(work, 'bundle.mjs'), code);
  const bundledMs = Date.now() - t0;
  const { readEnvRecord, buildReportModel, renderReport, renderRun } = await import(
    pathToFileURL(path.join(work, 'bundle.mjs')).href
  );

  // Records as capture writes them; read through the real reader (schema-checked).
  // sized: every package gets a size (bytes from its index and version), plus 30 layers.
  const sizeOf = (name, version) => {
    let h = 0;
    for (const c of `${name}@${version}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return 10_000 + (h % 50_000_000);
  };
  const record = (pip, apt, sizeBytes, sized = false) => ({
    schemaVersion: 2,
    image: {
      ref: 'ghcr.io/acme/monorepo:pr-1-cpu',
      id: 'sha256:1',
      digest: null,
      platform: 'linux/amd64',
      sizeBytes,
      layers: 30,
      labels: { 'org.opencontainers.image.created': String(sizeBytes) },
      user: '',
      entrypoint: null,
      cmd: null,
      env: { PATH: '/usr/bin', SIZE: String(sizeBytes) },
      variant: 'cpu',
      created: null,
      ...(sized && {
        history: Array.from({ length: 30 }, (_, i) => ({
          createdBy:
            i === 29 ? `RUN /bin/sh -c pip install -r requirements.txt # ${sizeBytes}` : `RUN step ${i}`,
          sizeBytes: i === 29 ? sizeBytes / 2 : 1_000_000 * i,
        })),
      }),
    },
    os: {
      osRelease: { PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)' },
      glibc: 'glibc 2.36',
      kernel: '6.1',
      machine: 'x86_64',
    },
    python: {
      version: '3.11.9',
      implementation: 'CPython',
      executable: '/usr/local/bin/python3',
      platform: 'linux',
      pipVersion: '24.0',
      packages: Object.entries(pip).map(([name, version]) => ({
        name,
        version,
        requires: [],
        installer: 'pip',
        location: '/usr/local/lib/python3.11/site-packages',
        ...(sized && { sizeBytes: sizeOf(name, version) }),
      })),
    },
    apt: Object.entries(apt).map(([name, version]) => ({
      name,
      version,
      arch: 'amd64',
      ...(sized && { sizeBytes: sizeOf(name, version) }),
    })),
    cuda: { runtime: null, driverMaxCuda: null, cudnn: null, nccl: null, nvcc: null },
    torch: null,
    gpus: [],
    tools: {},
    env: {},
    collectEnv: {},
    errors: [],
    capture: {
      probeVersion: 1,
      durationMs: 1,
      toolVersion: '0.0.0',
      time: '2026-01-01T00:00:00Z',
      host: { kernel: '6.1' },
    },
  });
  const bump = [
    (v) => v.replace(/^1\./, '2.'), // major
    (v) => v.replace(/^1\.(\d+)/, (_, m) => `1.${Number(m) + 1}`), // minor
    (v) => `${v}.1`, // patch
    (v) => `${v}+cu128`, // local
  ];
  const basePip = {};
  const headPip = {};
  for (let i = 0; i < n; i++) {
    const name = `Package_${String(i).padStart(5, '0')}`;
    const v = `1.${i % 7}.${i % 5}`;
    basePip[name] = v;
    // Half changed: upgrades of every level, some removed and replaced by new ones.
    if (i % 2 === 0) headPip[name.toLowerCase().replace(/_/g, '-')] = v;
    else if (i % 10 === 1) headPip[`new-${i}`] = '0.1.0';
    else headPip[name] = bump[(i >> 1) % 4](v);
  }
  const apt = (rev) =>
    Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`lib${i}`, `1.${i % 9}-${i % 2 ? rev : 1}`]));
  const base = readEnvRecord(record(basePip, apt(1), 14e9), 'base.json');
  const head = readEnvRecord(record(headPip, apt(2), 15e9), 'head.json');
  const input = {
    image: 'ghcr.io/acme/monorepo',
    variant: 'cpu',
    entries: [{ platform: 'linux/amd64', base, head }],
    baseline: { ref: 'main' },
  };

  let last;
  const once = () => {
    const t = process.hrtime.bigint();
    last = renderReport(buildReportModel(input), { maxChars: 65_536 });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < 5; i++) once(); // warm-up (JIT)
  const times = Array.from({ length: runs }, once);
  const m = median(times);
  const changes = buildReportModel(input).platforms[0].diff.pip.changes.length;
  console.log(`bundled src/diff + src/report with ncc in ${bundledMs} ms`);
  console.log(
    `diff + render: ${n.toLocaleString('en-US')} pip packages per side (${changes.toLocaleString('en-US')} changes), 1,000 apt; report ${last.markdown.length.toLocaleString('en-US')} chars, ${last.omitted.length} part(s) trimmed`,
  );
  console.log(`  runs (ms): ${list(times)}`);
  console.log(`  median: ${m.toFixed(1)} ms — aim < ${AIM_MS} ms: ${m < AIM_MS ? 'met' : 'MISSED'}`);

  // 2. One run, ten variants, sizes included: ten models and ONE comment.
  const entriesFor = (v) => {
    const b = readEnvRecord(record(basePip, apt(1), 14e9 + v, true), `base-${v}.json`);
    const h = readEnvRecord(record(headPip, apt(2), 15e9 + v, true), `head-${v}.json`);
    return [{ platform: 'linux/amd64', base: b, head: h }];
  };
  const variants = Array.from({ length: variantCount }, (_, v) => ({
    image: 'ghcr.io/acme/monorepo',
    variant: `v${v}`,
    entries: entriesFor(v),
    baseline: { ref: 'main' },
    sizeBudget: '+5%',
  }));
  let lastRun;
  const runOnce = () => {
    const t = process.hrtime.bigint();
    const models = variants.map((input) => buildReportModel(input));
    lastRun = renderRun(models, { markerKey: 'ghcr.io/acme/monorepo', maxChars: 65_536 });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < 3; i++) runOnce(); // warm-up (JIT)
  const runTimes = Array.from({ length: Math.max(5, Math.ceil(runs / 2)) }, runOnce);
  const rm = median(runTimes);
  const explained = buildReportModel(variants[0]).platforms[0].diff.sizeExplanation;
  console.log(
    `one run, ${variantCount} variants: ${n.toLocaleString('en-US')} pip packages per side per variant with sizes and 30 layers (${explained.packagesChanged.toLocaleString('en-US')} size changes each); comment ${lastRun.markdown.length.toLocaleString('en-US')} chars, ${lastRun.omitted.length} section(s) shortened or left out`,
  );
  console.log(`  runs (ms): ${list(runTimes)}`);
  console.log(
    `  median: ${rm.toFixed(1)} ms — aim < ${RUN_AIM_MS} ms: ${rm < RUN_AIM_MS ? 'met' : 'MISSED'}`,
  );
  process.exitCode = m < AIM_MS && rm < RUN_AIM_MS ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
  try {
    rmdirSync(tmp); // only when empty: other users of tmp/ keep theirs
  } catch {
    /* not empty */
  }
}
