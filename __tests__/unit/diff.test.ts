// The diff engine: version levels (PEP 440 and dpkg), packages, components, env, labels, size,
// smoke, and reading older record versions.
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/util/redact.js';
import { ENV_RECORD_SCHEMA_VERSION } from '../../src/capture/record.js';
import { diffRecords, summarize } from '../../src/diff/diff.js';
import { diffSmoke, metricDirection } from '../../src/diff/smoke.js';
import { ENV_RECORD_MIGRATIONS, parseJsonText, readEnvRecord, readSmokeResult } from '../../src/diff/read.js';
import { EnvDiffSchema, SmokeDiffSchema } from '../../src/diff/schema.js';
import { compareApt, compareDebian, comparePip } from '../../src/diff/versions.js';
import { InputError } from '../../src/errors.js';
import { asV1, makeRecord, makeSmoke, pipEntry } from '../helpers/records.js';

describe('PEP 440 change levels (pip)', () => {
  it.each([
    ['1.26.4', '2.1.0', 1, 'major'],
    ['2.1.0', '1.26.4', -1, 'major'],
    ['2.6.0', '2.7.0', 1, 'minor'],
    ['2.7.0', '2.7.1', 1, 'patch'],
    ['1.2.3.4', '1.2.3.5', 1, 'patch'],
    // Only the local label differs: a build's name, with no order (changed, not up or down).
    ['2.7.0+cu126', '2.7.0+cu128', null, 'local'],
    ['2.7.0+cu128', '2.7.0+cu126', null, 'local'],
    ['2.7.0a0+7c8ec84dab', '2.7.0a0+79aa17489c', null, 'local'],
    ['2.1.0+cu121', '2.1.0+cpu', null, 'local'],
    ['2.1.0+cpu', '2.1.0+cu121', null, 'local'],
    ['2.1.0', '2.1.0+cu121', null, 'local'],
    ['2.1+cpu', '2.1.0+cu121', null, 'local'],
    ['2.7.0a0+7c8ec84dab', '2.7.0a1+79aa17489c', 1, 'other'],
    ['2.7.0+cu126', '2.8.0+cu128', 1, 'minor'],
    ['2.0rc1', '2.0', 1, 'other'],
    ['1.0', '1.0.post1', 1, 'other'],
    ['1.0.dev3', '1.0', 1, 'other'],
    ['1!1.0', '2.0', -1, 'major'],
    ['1.0', '1.0.0', 0, null],
    ['4.11.0.86', '4.13.0.90', 1, 'minor'],
    ['not a version', 'still not', 1, 'other'],
  ] as const)('%s -> %s: order %s, %s', (a, b, order, level) => {
    expect(comparePip(a, b)).toEqual({ order, level });
  });
});

describe('Debian versions (apt)', () => {
  // Each pair checked against `dpkg --compare-versions` (a < b).
  it.each([
    ['1.0~rc1', '1.0'],
    ['1.0', '1.0-1'],
    ['2.0', '1:1.0'],
    ['2.36-9+deb12u4', '2.36-9+deb12u7'],
    ['1.2a', '1.2+'],
    ['1.9', '1.10'],
    ['1.0', '1.0.0'],
    ['3.0.11-1~deb12u2', '3.0.13-1~deb12u1'],
    ['1.0~~', '1.0~'],
    ['7.88.1-10+deb12u5', '7.88.1-10+deb12u12'],
  ])('%s < %s', (a, b) => {
    expect(compareDebian(a, b)).toBeLessThan(0);
    expect(compareDebian(b, a)).toBeGreaterThan(0);
    expect(compareDebian(a, a)).toBe(0);
  });

  it.each([
    ['2.36-9+deb12u4', '2.36-9+deb12u7', 1, 'local'],
    ['3.0.11-1~deb12u2', '3.0.13-1~deb12u1', 1, 'patch'],
    ['1.19.8-1', '1.20.1-1', 1, 'minor'],
    ['12.2.0-14', '13.1.0-1', 1, 'major'],
    ['1:9.2.1-1', '2:8.0-1', 1, 'major'],
    ['1.2.3+dfsg-1', '1.2.3+dfsg1-1', 1, 'other'],
    ['2.0-1', '1.9-1', -1, 'major'],
  ] as const)('%s -> %s: order %d, %s', (a, b, order, level) => {
    expect(compareApt(a, b)).toEqual({ order, level });
  });
});

describe('diffRecords', () => {
  it('pip: added, removed, upgraded, downgraded, names normalised per PEP 503, sorted by level', () => {
    const base = makeRecord({
      pip: {
        numpy: '1.26.4',
        Pillow: '10.3.0',
        typing_extensions: '4.12.0',
        requests: '2.32.3',
        six: '1.16.0',
      },
    });
    const head = makeRecord({
      pip: {
        numpy: '2.1.0',
        pillow: '10.4.0',
        'typing-extensions': '4.12.0',
        requests: '2.31.0',
        tqdm: '4.66.4',
      },
    });
    const d = diffRecords(base, head).pip;
    expect(d.changes).toEqual([
      { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.1.0', level: 'major' },
      { name: 'pillow', kind: 'upgraded', from: '10.3.0', to: '10.4.0', level: 'minor' },
      { name: 'requests', kind: 'downgraded', from: '2.32.3', to: '2.31.0', level: 'minor' },
      { name: 'tqdm', kind: 'added', from: null, to: '4.66.4', level: null },
      { name: 'six', kind: 'removed', from: '1.16.0', to: null, level: null },
    ]);
    expect(d).toMatchObject({ baseCount: 5, headCount: 5, unchanged: 1 });
  });

  it('pip: a distribution installed twice is the copy outside /usr/lib/python3 (the one imported)', () => {
    const both = (v: string) => [
      pipEntry('numpy', '1.24.2', '/usr/lib/python3/dist-packages'),
      pipEntry('numpy', v, '/usr/local/lib/python3.11/dist-packages'),
    ];
    const d = diffRecords(makeRecord({ pip: both('1.26.4') }), makeRecord({ pip: both('2.0.0') }));
    expect(d.pip.changes).toEqual([
      { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.0.0', level: 'major' },
    ]);
  });

  it('apt: epochs, revisions (local), name:arch only for multi-arch names', () => {
    const base = makeRecord({
      apt: [
        { name: 'libc6', version: '2.36-9+deb12u4', arch: 'amd64' },
        { name: 'libc6', version: '2.36-9+deb12u4', arch: 'i386' },
        { name: 'vim', version: '2:9.0.1378-2', arch: 'amd64' },
        { name: 'curl', version: '7.88.1-10+deb12u5', arch: 'amd64' },
      ],
    });
    const head = makeRecord({
      apt: [
        { name: 'libc6', version: '2.36-9+deb12u7', arch: 'amd64' },
        { name: 'libc6', version: '2.36-9+deb12u4', arch: 'i386' },
        { name: 'vim', version: '1:9.1.0-1', arch: 'amd64' },
        { name: 'curl', version: '8.5.0-2', arch: 'amd64' },
      ],
    });
    expect(diffRecords(base, head).apt.changes).toEqual([
      { name: 'curl', kind: 'upgraded', from: '7.88.1-10+deb12u5', to: '8.5.0-2', level: 'major' },
      { name: 'vim', kind: 'downgraded', from: '2:9.0.1378-2', to: '1:9.1.0-1', level: 'major' },
      { name: 'libc6:amd64', kind: 'upgraded', from: '2.36-9+deb12u4', to: '2.36-9+deb12u7', level: 'local' },
    ]);
  });

  it('components: CUDA, cuDNN, NCCL, torch and its CUDA build, NumPy, Python, glibc, OS; host ones flagged', () => {
    const cuda = (v: string, torch: string, cudnn: string, nccl: string, driver: string, n: number) =>
      makeRecord({
        cuda: { runtime: v, cudnn, nccl, driverMaxCuda: '12.8' },
        torch: { version: torch, cuda: v.split('.').slice(0, 2).join('.') },
        pip: { numpy: '1.26.4', torch: torch },
        gpus: Array.from({ length: n }, () => ({
          name: 'NVIDIA H100 80GB HBM3',
          memoryMiB: 81559,
          computeCapability: '9.0',
          driver,
        })),
      });
    const base = cuda('12.6.3', '2.7.0+cu126', '9.5.1', '2.21.5', '550.54.15', 8);
    const head = makeRecord({
      ...{},
      cuda: { runtime: '12.8.1', cudnn: '9.7.1', nccl: '2.26.2', driverMaxCuda: '12.8' },
      torch: { version: '2.7.0+cu128', cuda: '12.8' },
      pip: { numpy: '2.1.0', torch: '2.7.0+cu128' },
      python: '3.12.3',
      glibc: 'glibc 2.39',
      os: 'Ubuntu 24.04.1 LTS',
      gpus: [
        { name: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, computeCapability: '9.0', driver: '570.86.15' },
      ],
    });
    const byId = Object.fromEntries(diffRecords(base, head).components.map((c) => [c.id, c]));
    expect(byId.cuda).toMatchObject({
      from: '12.6.3',
      to: '12.8.1',
      level: 'minor',
      direction: 'up',
      host: false,
    });
    expect(byId.torch).toMatchObject({
      from: '2.7.0+cu126',
      to: '2.7.0+cu128',
      level: 'local',
      direction: 'changed',
    });
    expect(byId.torchCuda).toMatchObject({ from: '12.6', to: '12.8', level: 'minor' });
    expect(byId.cudnn).toMatchObject({ from: '9.5.1', to: '9.7.1', level: 'minor' });
    expect(byId.nccl).toMatchObject({ from: '2.21.5', to: '2.26.2', level: 'minor' });
    expect(byId.numpy).toMatchObject({ from: '1.26.4', to: '2.1.0', level: 'major' });
    expect(byId.python).toMatchObject({ from: '3.11.9', to: '3.12.3', level: 'minor' });
    expect(byId.glibc).toMatchObject({ from: '2.36', to: '2.39', level: 'minor' });
    expect(byId.os).toMatchObject({ direction: 'changed', level: null, changed: true });
    expect(byId.driver).toMatchObject({ from: '550.54.15', to: '570.86.15', direction: 'up', host: true });
    expect(byId.gpus).toMatchObject({
      from: '8 × NVIDIA H100 80GB HBM3',
      to: '1 × NVIDIA H100 80GB HBM3',
      host: true,
    });
    expect(byId.driverMaxCuda).toMatchObject({ changed: false, host: true });
  });

  it('host-only changes (driver, GPUs) and volatile labels do not make the environment "changed"', () => {
    const gpu = (driver: string) => [
      { name: 'NVIDIA L4', memoryMiB: 23034, computeCapability: '8.9', driver },
    ];
    const labels = (created: string, sha: string) => ({
      'org.opencontainers.image.created': created,
      'org.opencontainers.image.revision': sha,
    });
    const d = diffRecords(
      makeRecord({ gpus: gpu('550.54.15'), labels: labels('2026-01-01T00:00:00Z', 'a'.repeat(40)) }),
      makeRecord({ gpus: gpu('560.35.03'), labels: labels('2026-01-02T00:00:00Z', 'b'.repeat(40)) }),
    );
    expect(d.changed).toBe(false);
    expect(d.labels.changes.map((c) => [c.name, c.volatile])).toEqual([
      ['org.opencontainers.image.created', true],
      ['org.opencontainers.image.revision', true],
    ]);
    expect(d.components.find((c) => c.id === 'driver')?.changed).toBe(true);
  });

  it("a baseline recorded before labels were masked by key: its secret-named label's value is masked too, no change shown", () => {
    const d = diffRecords(
      makeRecord({ labels: { 'com.acme.db_password': 'hunter2-prod', maintainer: 'a' } }),
      makeRecord({ labels: { 'com.acme.db_password': REDACTED, maintainer: 'a' } }),
    );
    expect(d.labels.changes).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('hunter2-prod');
  });

  it('a baseline recorded before DB_PASS and GH_PAT were secret names: their values masked, no change shown', () => {
    const d = diffRecords(
      makeRecord({ env: { DB_PASS: 'hunter2isold', GH_PAT: 'myoldpat99', PATH: '/a' } }),
      makeRecord({ env: { DB_PASS: REDACTED, GH_PAT: REDACTED, PATH: '/a' } }),
    );
    expect(d.env).toEqual({ changes: [], unchanged: 3, redactedBoth: 2 });
    for (const secret of ['hunter2isold', 'myoldpat99']) expect(JSON.stringify(d)).not.toContain(secret);
  });

  it('a baseline recorded before *_PWD names and connection strings were masked: masked now, no change shown', () => {
    const conn = (pw: string) => `Server=db;User Id=sa;Password=${pw};`;
    const d = diffRecords(
      makeRecord({
        env: { MYSQL_PWD: 'hunter6pw', DB_CONNECTION_STRING: conn('hunter12Pass'), PWD: '/app' },
      }),
      makeRecord({ env: { MYSQL_PWD: REDACTED, DB_CONNECTION_STRING: conn(REDACTED), PWD: '/app' } }),
    );
    expect(d.env).toEqual({ changes: [], unchanged: 3, redactedBoth: 1 });
    for (const secret of ['hunter6pw', 'hunter12Pass']) expect(JSON.stringify(d)).not.toContain(secret);
  });

  it('env: added/removed/changed one by one; redacted values stay exactly as recorded', () => {
    const d = diffRecords(
      makeRecord({ env: { PATH: '/a', HF_TOKEN: REDACTED, OLD: '1', URL: `https://u:${REDACTED}@h/` } }),
      makeRecord({ env: { PATH: '/a:/b', HF_TOKEN: REDACTED, NEW: '2', URL: `https://v:${REDACTED}@h/` } }),
    );
    expect(d.env).toEqual({
      changes: [
        { name: 'NEW', kind: 'added', from: null, to: '2' },
        { name: 'OLD', kind: 'removed', from: '1', to: null },
        { name: 'PATH', kind: 'changed', from: '/a', to: '/a:/b' },
        { name: 'URL', kind: 'changed', from: `https://u:${REDACTED}@h/`, to: `https://v:${REDACTED}@h/` },
      ],
      unchanged: 1,
      redactedBoth: 1,
    });
    expect(JSON.stringify(d)).not.toMatch(/hf_[A-Za-z0-9]{10}/);
  });

  it('labels: one by one, the base-image digest label is a real change', () => {
    const d = diffRecords(
      makeRecord({ labels: { 'org.opencontainers.image.base.digest': 'sha256:aaa', keep: 'x' } }),
      makeRecord({ labels: { 'org.opencontainers.image.base.digest': 'sha256:bbb', keep: 'x', added: 'y' } }),
    );
    expect(d.labels.changes).toEqual([
      { name: 'added', kind: 'added', from: null, to: 'y', volatile: false },
      {
        name: 'org.opencontainers.image.base.digest',
        kind: 'changed',
        from: 'sha256:aaa',
        to: 'sha256:bbb',
        volatile: false,
      },
    ]);
    expect(d.labels.unchanged).toBe(1);
    expect(d.changed).toBe(true);
  });

  it.each([
    [1_000_000_000, 1_250_000_000, 12, 14, 250_000_000, 2],
    [2_000_000_000, 1_500_000_000, 20, 18, -500_000_000, -2],
    [5, 5, 3, 3, 0, 0],
  ])('size %d -> %d and layers %d -> %d', (bs, hs, bl, hl, ds, dl) => {
    const d = diffRecords(
      makeRecord({ sizeBytes: bs, layers: bl }),
      makeRecord({ sizeBytes: hs, layers: hl }),
    );
    expect(d.size).toEqual({ base: bs, head: hs, delta: ds });
    expect(d.layers).toEqual({ base: bl, head: hl, delta: dl });
    expect(d.changed).toBe(ds !== 0);
  });

  it('identical records: nothing changed, and the diff matches its schema', () => {
    const d = diffRecords(makeRecord(), makeRecord());
    expect(d.changed).toBe(false);
    expect(d.pip.changes).toEqual([]);
    expect(EnvDiffSchema.parse(d)).toEqual(d);
  });
});

describe('diffSmoke', () => {
  it.each([
    ['pass', 'fail', { regression: true, fixed: false }],
    ['fail', 'pass', { regression: false, fixed: true }],
    ['skip', 'fail', { regression: false, fixed: false }],
    ['pass', 'pass', { regression: false, fixed: false }],
  ] as const)('status %s -> %s', (from, to, flags) => {
    const d = diffSmoke(makeSmoke([{ id: 'train', status: from }]), makeSmoke([{ id: 'train', status: to }]));
    expect(d.tests[0]).toMatchObject({ id: 'train', from, to, ...flags });
    expect(d.regressions).toBe(flags.regression ? 1 : 0);
    expect(d.fixed).toBe(flags.fixed ? 1 : 0);
  });

  it.each([
    // metric, base, head, regression, improved
    ['bf16_tflops', 790, 700, true, false], // -11.4% on a higher-is-better metric
    ['bf16_tflops', 790, 720, false, false], // -8.9%: inside the 10% threshold
    ['bf16_tflops', 700, 790, false, true],
    ['busbw_gbps', 10, 8, true, false],
    ['algbw_gbps', 10, 12, false, true],
    ['loss_end', 0.1, 0.12, true, false], // lower is better
    ['loss_end', 0.12, 0.1, false, true],
    ['loss_drop', 0.9, 0.7, true, false],
    ['loss_start', 1.0, 2.0, false, false], // depends on the seed only: no direction
    ['modules', 40, 20, false, false],
  ] as const)('%s %d -> %d: regression %s', (metric, b, h, regression, improved) => {
    const d = diffSmoke(
      makeSmoke([{ id: 'x', status: 'pass', metrics: { [metric]: b } }]),
      makeSmoke([{ id: 'x', status: 'pass', metrics: { [metric]: h } }]),
    );
    expect(d.metrics.find((m) => m.metric === metric)).toMatchObject({
      base: b,
      head: h,
      regression,
      improved,
    });
    expect(d.metricRegressions).toBe(regression ? 1 : 0);
  });

  it('durations: lower is better, with a floor against container start-up noise; threshold is an option', () => {
    const run = (b: number, h: number, threshold?: number) =>
      diffSmoke(
        makeSmoke([{ id: 'ddp', status: 'pass', durationMs: b }]),
        makeSmoke([{ id: 'ddp', status: 'pass', durationMs: h }]),
        threshold === undefined ? {} : { threshold },
      ).metrics.find((m) => m.metric === 'durationMs')!;
    expect(run(10_000, 15_000).regression).toBe(true);
    expect(run(200, 400).regression).toBe(false); // +100%, but 0.2 s
    expect(run(10_000, 10_500).regression).toBe(false);
    expect(run(10_000, 10_500, 0.01).regression).toBe(false); // still under the 1 s floor
    expect(run(10_000, 12_000, 0.5).regression).toBe(false);
  });

  it('floors, strings and metrics of tests that did not pass on both sides are not compared', () => {
    const d = diffSmoke(
      makeSmoke([
        {
          id: 'compute-gpu',
          status: 'pass',
          metrics: { bf16_tflops: 790, bf16_tflops_floor: 592.5, gpu: 'H100' },
        },
        { id: 'train', status: 'pass', metrics: { loss_end: 0.1 } },
      ]),
      makeSmoke([
        {
          id: 'compute-gpu',
          status: 'pass',
          metrics: { bf16_tflops: 780, bf16_tflops_floor: 600, gpu: 'H100' },
        },
        { id: 'train', status: 'fail', metrics: { loss_end: 0.9 } },
      ]),
    );
    expect(d.metrics.map((m) => `${m.test}.${m.metric}`)).toEqual([
      'compute-gpu.bf16_tflops',
      'compute-gpu.durationMs',
    ]);
    expect(metricDirection('tf32_tflops_floor')).toBe('skip');
  });

  it('no base: statuses only, metrics listed without comparison; tests only in the base are listed', () => {
    const head = makeSmoke([
      { id: 'imports', status: 'fail', reason: 'cannot import cv2' },
      { id: 'train', status: 'pass', metrics: { loss_end: 0.1 } },
    ]);
    const none = diffSmoke(undefined, head);
    expect(none).toMatchObject({
      base: null,
      head: { pass: 1, fail: 1, skip: 0 },
      regressions: 0,
      failing: 1,
    });
    expect(none.metrics.find((m) => m.metric === 'loss_end')).toMatchObject({
      base: null,
      head: 0.1,
      regression: false,
    });
    const gone = diffSmoke(makeSmoke([{ id: 'ddp', status: 'pass' }]), head);
    expect(gone.tests.find((t) => t.id === 'ddp')).toMatchObject({
      from: 'pass',
      to: null,
      regression: false,
    });
    expect(SmokeDiffSchema.parse(gone)).toEqual(gone);
  });
});

describe('reading records (older schema versions)', () => {
  it('a v1 record reads as v2: variant and created from the labels the build sets', () => {
    const v2 = makeRecord({
      labels: {
        'io.github.ml-image-action.variant': 'cuda12.8',
        'org.opencontainers.image.created': '2025-12-01T00:00:00Z',
      },
    });
    const read = readEnvRecord(asV1(v2), 'base/env.json');
    expect(read.schemaVersion).toBe(ENV_RECORD_SCHEMA_VERSION);
    expect(read.image.variant).toBe('cuda12.8');
    expect(read.image.created).toBe('2025-12-01T00:00:00Z');
    const bare = readEnvRecord(asV1(makeRecord({ labels: {} })), 'base/env.json');
    expect(bare.image).toMatchObject({ variant: null, created: null });
  });

  it('a v1 base diffs against a v2 head', () => {
    const base = readEnvRecord(asV1(makeRecord({ pip: { numpy: '1.26.4' }, labels: {} })), 'base.json');
    const head = makeRecord({ pip: { numpy: '2.1.0' }, labels: {} });
    const d = diffRecords(base, head);
    expect(d.pip.changes).toEqual([
      { name: 'numpy', kind: 'upgraded', from: '1.26.4', to: '2.1.0', level: 'major' },
    ]);
    expect(summarize(base).variant).toBeNull();
  });

  it("every record read is masked with today's rules: environments, labels, history", () => {
    const old = makeRecord({
      env: { DB_PASS: 'hunter2isold', PATH: '/a', URL: 'https://u:pw@h/' },
      labels: { 'com.acme.db_password': 'hunter2-prod', maintainer: 'a' },
    });
    old.env = { GH_PAT: 'myoldpat99', HOSTNAME: 'probe' };
    old.image.history = [
      // The old capture masked the first word only, and knew neither DB_PASS nor GH_PAT.
      { createdBy: `ENV DB_PASSWORD=${REDACTED} horse battery staple`, sizeBytes: 0, empty: true },
      { createdBy: 'RUN |1 GH_PAT=myoldpat99 /bin/sh -c make # buildkit', sizeBytes: 100 },
      { createdBy: 'LABEL com.acme.db_password=hunter2-prod', sizeBytes: 0, empty: true },
    ];
    const read = readEnvRecord(JSON.parse(JSON.stringify(old)), 'base/env.json');
    expect(read.image.env).toEqual({ DB_PASS: REDACTED, PATH: '/a', URL: `https://u:${REDACTED}@h/` });
    expect(read.env).toEqual({ GH_PAT: REDACTED, HOSTNAME: 'probe' });
    expect(read.image.labels).toEqual({ 'com.acme.db_password': REDACTED, maintainer: 'a' });
    expect(read.image.history!.map((l) => l.createdBy)).toEqual([
      `ENV DB_PASSWORD=${REDACTED}`,
      `RUN |1 GH_PAT=${REDACTED} /bin/sh -c make # buildkit`,
      `LABEL com.acme.db_password=${REDACTED}`,
    ]);
    for (const secret of ['hunter2', 'myoldpat99', 'horse', ':pw@'])
      expect(JSON.stringify(read)).not.toContain(secret);
    // Masked again, it stays as it is.
    expect(readEnvRecord(JSON.parse(JSON.stringify(read)), 'base/env.json')).toEqual(read);
  });

  it('a layer masked by the old rule and by the new one is the same layer: no size change shown', () => {
    const layers = (createdBy: string) => [
      { createdBy: 'ADD rootfs.tar / # buildkit', sizeBytes: 80_000_000 },
      { createdBy, sizeBytes: 100 },
    ];
    const base = makeRecord();
    base.image.history = layers('RUN |1 GH_PAT=myoldpat99 /bin/sh -c make # buildkit');
    const head = makeRecord();
    head.image.history = layers(`RUN |1 GH_PAT=${REDACTED} /bin/sh -c make # buildkit`);
    const d = diffRecords(readEnvRecord(base, 'base.json'), readEnvRecord(head, 'head.json'));
    expect(d.sizeExplanation?.layers).toEqual([]);
    expect(JSON.stringify(d)).not.toContain('myoldpat99');
  });

  it('migrations are a table with one step per older version', () => {
    for (let v = 1; v < ENV_RECORD_SCHEMA_VERSION; v++)
      expect(typeof ENV_RECORD_MIGRATIONS[v]).toBe('function');
  });

  it.each([
    [[], 'base.json: not an environment record (env.json) (expected a JSON object, got an array)'],
    [{ schemaVersion: 'x' }, 'base.json: schemaVersion: expected a positive integer, got "x"'],
    [
      { schemaVersion: 99 },
      'base.json: schemaVersion 99 is newer than this version of ml-image reads (up to 2)',
    ],
  ])('refuses %j', (json, message) => {
    expect(() => readEnvRecord(json, 'base.json')).toThrow(InputError);
    expect(() => readEnvRecord(json, 'base.json')).toThrow(message);
  });

  it('names the file and every bad path', () => {
    const bad = JSON.parse(JSON.stringify(makeRecord())) as {
      image: Record<string, unknown>;
      python: Record<string, unknown>;
    };
    bad.image.sizeBytes = 'big';
    delete bad.python.packages;
    let err: InputError | undefined;
    try {
      readEnvRecord(bad, 'pr/env-cpu.json');
    } catch (e) {
      err = e as InputError;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err!.exitCode).toBe(2);
    expect(err!.message).toContain(
      'pr/env-cpu.json: not a valid environment record (env.json) (schemaVersion 2)',
    );
    expect(err!.message).toContain('image.sizeBytes:');
    expect(err!.message).toContain('python.packages:');
  });

  it('smoke results: current version reads, newer is refused, JSON errors name the file', () => {
    const s = makeSmoke([{ id: 'train', status: 'pass' }]);
    expect(readSmokeResult(JSON.parse(JSON.stringify(s)), 'smoke.json')).toEqual(s);
    expect(() => readSmokeResult({ ...s, schemaVersion: 2 }, 'smoke.json')).toThrow(
      /smoke.json: schemaVersion 2 is newer/,
    );
    expect(() => parseJsonText('{"a":', 'x/env.json')).toThrow(/^x\/env.json: not JSON/);
  });
});
