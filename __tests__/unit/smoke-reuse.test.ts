// Smoke reuse by image content (src/smoke/reuse.ts): what changes the content identity and what
// does not, how a key file of this version and of an older one compares, and the whole decision
// against a result directory of an earlier run (the registry read faked).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { openResultDir, recordFile } from '../../src/results/results.js';
import {
  compareKeys,
  contentId,
  fetchImageConfig,
  gpusChanged,
  type ImageConfigBlob,
  keyLines,
  parseKeyFile,
  reuseOf,
  type ReuseTarget,
} from '../../src/smoke/reuse.js';
import { smokeKey } from '../../src/smoke/stage.js';
import { REDACTED } from '../../src/util/redact.js';
import { fakeDocker } from '../helpers/fakes.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;

/** A config blob as BuildKit pushes it. */
const blob = (): ImageConfigBlob => ({
  created: '2026-11-29T23:31:17.38200081Z',
  architecture: 'amd64',
  os: 'linux',
  config: {
    User: 'app',
    Env: ['PATH=/usr/bin:/bin', 'PYTHONPATH=/app'],
    Cmd: ['python3'],
    WorkingDir: '/app',
    Labels: {
      'org.opencontainers.image.created': '2026-11-30T05:01:11.000Z',
      'org.opencontainers.image.revision': 'e6d1e650586d28ce6af21d3b6e7320b2a8a31f8a',
      'org.opencontainers.image.version': '0.1.0',
      'io.github.ml-image-action.variant': 'cpu',
    },
  },
  rootfs: { type: 'layers', diff_ids: [D('1'), D('2'), D('3')] },
  history: [{ created: '2026-11-29T22:54:32Z', created_by: 'ADD rootfs.tar /' }],
});

type Edit = (b: ImageConfigBlob) => void;
const edited = (edit: Edit) => {
  const b = blob();
  edit(b);
  return b;
};

describe('contentId', () => {
  it.each<[string, Edit]>([
    ['a layer', (b) => (b.rootfs!.diff_ids![2] = D('4'))],
    ['a layer more', (b) => b.rootfs!.diff_ids!.push(D('5'))],
    ['the layer order', (b) => b.rootfs!.diff_ids!.reverse()],
    ['an env variable', (b) => (b.config!.Env = ['PATH=/usr/bin:/bin', 'PYTHONPATH=/srv'])],
    ['the entrypoint', (b) => (b.config!.Entrypoint = ['/entrypoint.sh'])],
    ['the cmd', (b) => (b.config!.Cmd = ['bash'])],
    ['the user', (b) => (b.config!.User = 'root')],
    ['the workdir', (b) => (b.config!.WorkingDir = '/srv')],
    ['a label that matters', (b) => (b.config!.Labels!['org.opencontainers.image.version'] = '0.2.0')],
    ['a new label', (b) => (b.config!.Labels!['com.example.team'] = 'ml')],
    ['the exposed ports', (b) => (b.config!.ExposedPorts = { '8080/tcp': {} })],
    ['the healthcheck', (b) => (b.config!.Healthcheck = { Test: ['CMD', 'true'] })],
    ['the architecture', (b) => (b.architecture = 'arm64')],
    ['the platform variant', (b) => (b.variant = 'v8')],
  ])('changes with %s', (_what, edit) => {
    expect(contentId(edited(edit))).not.toBe(contentId(blob()));
  });

  it.each<[string, Edit]>([
    ['the build time', (b) => (b.created = '2027-01-01T00:00:00Z')],
    ['the history (times and instructions)', (b) => (b.history = [{ created: 'x', created_by: 'RUN y' }])],
    ['the created label', (b) => (b.config!.Labels!['org.opencontainers.image.created'] = '2027-01-01')],
    ['the revision label', (b) => (b.config!.Labels!['org.opencontainers.image.revision'] = 'f'.repeat(40))],
    [
      'the key order of the JSON',
      (b) => (b.config = Object.fromEntries(Object.entries(b.config!).reverse())),
    ],
  ])('stays with %s', (_what, edit) => {
    expect(contentId(edited(edit))).toBe(contentId(blob()));
  });

  it('counts the volatile labels too when a custom metadata test checks labels', () => {
    const other = edited((b) => (b.config!.Labels!['org.opencontainers.image.revision'] = 'f'.repeat(40)));
    expect(contentId(other, true)).not.toBe(contentId(blob(), true));
    expect(contentId(blob())).toMatch(/^content:sha256:[0-9a-f]{64}$/);
  });
});

describe('key lines', () => {
  const inputs = { suites: ['imports'], gpus: 'none' };
  const key = smokeKey(D('a'), inputs);
  const content = contentId(blob());

  it('are the manifest line, then the content line with the same inputs digest; both read back', () => {
    const file = keyLines(key, content);
    expect(file.split('\n')).toEqual([key, `${content} ${key.split(' ')[1]}`]);
    expect(keyLines(key, undefined)).toBe(key);
    expect(parseKeyFile(file)).toEqual({ manifest: key, content: `${content} ${key.split(' ')[1]}` });
    expect(parseKeyFile(`${key}\n`)).toEqual({ manifest: key });
    // The result directory writes and reads both forms, and refuses anything else.
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-keys-'));
    try {
      const results = openResultDir(dir);
      results.writeSmokeKey('cpu', 'linux/amd64', file);
      expect(results.readSmokeKey('cpu', 'linux/amd64')).toBe(file);
      results.writeSmokeKey('cpu', 'linux/arm64', key);
      expect(results.readSmokeKey('cpu', 'linux/arm64')).toBe(key);
      expect(() => results.writeSmokeKey('cpu', 'linux/amd64', `${file}\n${file}`)).toThrow(/invalid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const other = smokeKey(D('b'), inputs);
  const otherInputs = (i: object) => smokeKey(D('a'), { ...inputs, ...i });
  it.each<[string, { manifest?: string; content?: string }, string, string | undefined, string]>([
    ['same manifest (an older file: no content line)', { manifest: key }, key, undefined, 'manifest'],
    ['same manifest', parseKeyFile(keyLines(key, content)), key, content, 'manifest'],
    ['new manifest, same content', parseKeyFile(keyLines(key, content)), other, content, 'content'],
    [
      'new manifest, other content',
      parseKeyFile(keyLines(key, content)),
      other,
      contentId(edited((b) => (b.config!.User = 'root'))),
      'the image changed',
    ],
    [
      'new manifest, content unknown now',
      parseKeyFile(keyLines(key, content)),
      other,
      undefined,
      'the image changed',
    ],
    ['new manifest, an older file', { manifest: key }, other, content, 'the image changed'],
    [
      'same manifest, other GPU mode',
      { manifest: key },
      otherInputs({ gpus: 'all' }),
      undefined,
      'the smoke inputs changed',
    ],
    [
      'same content, other suites',
      parseKeyFile(keyLines(key, content)),
      smokeKey(D('b'), { ...inputs, suites: ['imports', 'train'] }),
      content,
      'the smoke inputs changed',
    ],
  ])('%s -> %s', (_what, earlier, now, nowContent, expected) => {
    expect(compareKeys(earlier, now, nowContent)).toBe(expected);
  });
});

describe('reuseOf', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-reuse-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const inputs = { suites: ['imports'], gpus: 'none' };
  const repo = 'localhost:5000/acme/model';
  const target = (digest: string, key = smokeKey(digest, inputs)): ReuseTarget => ({
    variant: 'cpu',
    platform: 'linux/amd64',
    id: 'cpu linux/amd64',
    image: `${repo}@${digest}`,
    digest,
    local: false,
    key,
    gpus: { devices: 'none' },
  });
  const config = (tests: unknown[] = []) => ({ smoke: { tests } }) as unknown as Config;
  /** An earlier run's files in dir: record, result (with the GPUs it names), and the key file given. */
  const earlier = (keyFile: string, gpuDevices?: string) => {
    const results = openResultDir(dir);
    results.writeEnv(
      'cpu',
      'linux/amd64',
      makeRecord({ ref: `${repo}@${D('a')}`, labels: { 'org.opencontainers.image.created': 'then' } }),
    );
    const smoke = makeSmoke([{ id: 'imports', status: 'pass' }]);
    results.writeSmoke('cpu', 'linux/amd64', gpuDevices === undefined ? smoke : { ...smoke, gpuDevices });
    results.writeSmokeKey('cpu', 'linux/amd64', keyFile);
  };
  /** A registry that answers with `b` and counts its reads. */
  const registry = (b: ImageConfigBlob | undefined) => {
    const calls: string[][] = [];
    const docker = fakeDocker({
      buildx: (args) => {
        calls.push([...args]);
        // --raw: the platform manifest, whose config digest is this image's id.
        const raw = { schemaVersion: 2, config: { digest: D('c'), size: 1 }, layers: [] };
        return Promise.resolve(
          b === undefined
            ? { exitCode: 1, stdout: '', stderr: 'not found' }
            : { exitCode: 0, stdout: JSON.stringify(args.includes('--raw') ? raw : b), stderr: '' },
        );
      },
    });
    return { docker, calls };
  };
  const decide = async (t: ReuseTarget, b: ImageConfigBlob | undefined, lookup = true, tests?: unknown[]) => {
    const { docker, calls } = registry(b);
    const lines: string[] = [];
    const out = await reuseOf(t, {
      lookup: () => Promise.resolve(lookup ? dir : undefined),
      docker,
      config: config(tests),
      progress: (l) => lines.push(l),
    });
    return { out, lines, calls };
  };

  it('same manifest digest: reused without a registry read; the content line is carried over', async () => {
    const content = contentId(blob());
    earlier(keyLines(smokeKey(D('a'), inputs), content));
    const { out, lines, calls } = await decide(target(D('a')), blob());
    expect(calls).toEqual([]);
    expect(out.entry?.result.summary.pass).toBe(1);
    expect(out.keyFile).toBe(keyLines(smokeKey(D('a'), inputs), content));
    expect(lines).toEqual([
      'cpu linux/amd64: reused the results of an identical earlier run (same image digest and smoke inputs)',
    ]);
  });

  it('an older key file (manifest line only) still matches by digest, and gains the content line', async () => {
    earlier(smokeKey(D('a'), inputs));
    const { out, calls } = await decide(target(D('a')), blob());
    expect(out.entry).toBeDefined();
    expect(calls).toHaveLength(1);
    expect(out.keyFile).toBe(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
  });

  it('new manifest bits, same content: reused, and the record names this build', async () => {
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    const rebuilt = edited((b) => {
      b.created = '2027-01-01T00:00:00Z';
      b.config!.Labels!['org.opencontainers.image.created'] = 'now';
    });
    const { out, lines, calls } = await decide(target(D('b')), rebuilt);
    expect(calls).toEqual([
      ['imagetools', 'inspect', `${repo}@${D('b')}`, '--format', '{{json .Image}}'],
      ['imagetools', 'inspect', `${repo}@${D('b')}`, '--raw'],
    ]);
    expect(lines[0]).toMatch(
      /reused the results of an identical earlier run \(same image content and smoke inputs/,
    );
    expect(out.entry?.image).toBe(`${repo}@${D('b')}`);
    expect(out.entry?.record.image.ref).toBe(`${repo}@${D('b')}`);
    expect(out.entry?.result.image).toBe(`${repo}@${D('b')}`);
    expect(out.entry?.result.tests.map((x) => x.id)).toEqual(['imports']);
    expect(out.entry?.record.image.labels['org.opencontainers.image.created']).toBe('now');
    expect(out.entry?.record.image.created).toBe('2027-01-01T00:00:00Z');
    expect(out.entry?.record.image.id).toBe(D('c'));
    expect(out.keyFile.split('\n')[0]).toBe(smokeKey(D('b'), inputs));
  });

  it("reused for a new manifest: a secret-named label's value is masked in the record, as capture masks it", async () => {
    const labelled = edited((b) => {
      b.config!.Labels!['com.acme.api_key'] = 'k-1234567';
    });
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(labelled)));
    const { out } = await decide(target(D('b')), labelled);
    expect(out.entry?.record.image.labels['com.acme.api_key']).toBe(REDACTED);
    expect(JSON.stringify(out.entry?.record)).not.toContain('k-1234567');
  });

  it('new manifest, same content, the new config without labels: the record has none of the earlier ones', async () => {
    const bare = edited((b) => (b.config!.Labels = null));
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(bare)));
    const { out } = await decide(target(D('b')), bare);
    expect(out.entry).toBeDefined();
    expect(out.entry?.record.image.labels).toEqual({});
  });

  it('an unreadable key file is no earlier result: the suites run, with the reason', async () => {
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    const key = path.join(dir, recordFile('smoke-key', 'cpu', 'linux/amd64'));
    rmSync(key);
    mkdirSync(key); // not a file: not read
    const { out, lines } = await decide(target(D('a')), blob());
    expect(out.entry).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^cpu linux\/amd64: running the suites \(the earlier reuse key is unreadable \(.*is a directory/,
    );
    expect(out.keyFile).toBe(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
  });

  it.each<[string, Edit]>([
    ['a layer', (b) => (b.rootfs!.diff_ids![0] = D('9'))],
    ['the user', (b) => (b.config!.User = 'root')],
    ['an env variable', (b) => (b.config!.Env = ['PATH=/usr/bin:/bin', 'PYTHONPATH=/app', 'DEBUG=1'])],
  ])('new manifest bits, other %s: the suites run', async (_what, edit) => {
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    const { out, lines } = await decide(target(D('b')), edited(edit));
    expect(out.entry).toBeUndefined();
    expect(lines).toEqual(['cpu linux/amd64: running the suites (the image changed)']);
  });

  it('a custom metadata test of labels makes the revision label count', async () => {
    const tests = [{ name: 'rev', metadata: { labels: { 'org.opencontainers.image.revision': 'x' } } }];
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob(), true)));
    const next = edited((b) => (b.config!.Labels!['org.opencontainers.image.revision'] = 'f'.repeat(40)));
    const { out } = await decide(target(D('b')), next, true, tests);
    expect(out.entry).toBeUndefined();
  });

  it.each<[string, () => void, boolean, string]>([
    ['no earlier run', () => undefined, false, 'no earlier run'],
    ['no key file', () => undefined, true, 'no earlier result for this platform'],
    [
      'a key but no results',
      () =>
        writeFileSync(
          path.join(dir, recordFile('smoke-key', 'cpu', 'linux/amd64')),
          `${smokeKey(D('a'), inputs)}\n`,
        ),
      true,
      'the earlier results are incomplete',
    ],
  ])(
    '%s: the suites run, and the key file still gets the content line',
    async (_what, setup, lookup, why) => {
      setup();
      const { out, lines } = await decide(target(D('a')), blob(), lookup);
      expect(out.entry).toBeUndefined();
      expect(lines).toEqual([`cpu linux/amd64: running the suites (${why})`]);
      expect(out.keyFile).toBe(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    },
  );

  it('an image loaded into the engine (not pushed) is never read from a registry', async () => {
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    const { out, calls } = await decide({ ...target(D('b')), local: true }, blob());
    expect(calls).toEqual([]);
    expect(out.entry).toBeUndefined();
    expect(out.keyFile).toBe(smokeKey(D('b'), inputs));
  });

  describe("the runner's GPUs", () => {
    const H200 = '8x NVIDIA H200; driver 570.86.15';
    const A100 = '8x NVIDIA A100-SXM4-80GB; driver 550.54.15';
    /** The key of a GPU run on DEVICES (what the stage hashes: the devices among the inputs). */
    const gpuKey = (devices: string) => smokeKey(D('a'), { ...inputs, gpus: 'all', gpuDevices: devices });
    const onGpus = (gpus: ReuseTarget['gpus']): ReuseTarget => ({
      ...target(D('a'), gpuKey('devices' in gpus ? gpus.devices : 'unknown')),
      gpus,
    });

    it.each<[string, string, string | undefined, ReuseTarget['gpus'], string | undefined]>([
      ['the same GPUs and driver', gpuKey(H200), H200, { devices: H200 }, undefined],
      [
        'another GPU model',
        gpuKey(A100),
        A100,
        { devices: H200 },
        `the GPUs changed (earlier: ${A100}; now: ${H200})`,
      ],
      [
        'another driver',
        gpuKey('8x NVIDIA H200; driver 560.35.03'),
        '8x NVIDIA H200; driver 560.35.03',
        { devices: H200 },
        `the GPUs changed (earlier: 8x NVIDIA H200; driver 560.35.03; now: ${H200})`,
      ],
      [
        'a CPU-only run before, a GPU run now',
        gpuKey('none'),
        'none',
        { devices: H200 },
        `the GPUs changed (earlier: none; now: ${H200})`,
      ],
      [
        'an older version: its key does not cover the GPUs, its result names none',
        smokeKey(D('a'), { ...inputs, gpus: 'all' }),
        undefined,
        { devices: H200 },
        'the earlier results do not say which GPUs they ran on: an older version wrote them',
      ],
      [
        "the action's results (GPUs not looked up) on a run that knows its GPUs",
        gpuKey('unknown'),
        'unknown',
        { devices: H200 },
        `the earlier run did not identify its GPUs (now: ${H200}): the action, or a host whose GPUs could not be looked up, wrote them`,
      ],
      [
        'GPUs that cannot be identified now, even with an identical key',
        gpuKey('unknown'),
        'unknown',
        { unknown: 'nvidia-smi exited 127 without naming a GPU: not found' },
        "this runner's GPUs could not be identified: nvidia-smi exited 127 without naming a GPU: not found",
      ],
    ])('%s', async (_what, earlierKey, earlierGpus, gpus, why) => {
      earlier(keyLines(earlierKey, contentId(blob())), earlierGpus);
      const { out, lines } = await decide(onGpus(gpus), blob());
      if (why === undefined) {
        expect(out.entry?.result.gpuDevices).toBe(H200);
        expect(lines[0]).toMatch(/reused the results of an identical earlier run/);
      } else {
        expect(out.entry).toBeUndefined();
        expect(lines).toEqual([`cpu linux/amd64: running the suites (${why})`]);
      }
    });

    it.each<[string | undefined, string, string | undefined]>([
      [
        undefined,
        'none',
        'the earlier results do not say which GPUs they ran on: an older version wrote them',
      ],
      ['none', 'none', undefined],
      [H200, H200, undefined],
      [H200, A100, `the GPUs changed (earlier: ${H200}; now: ${A100})`],
      [
        'unknown',
        H200,
        `the earlier run did not identify its GPUs (now: ${H200}): the action, or a host whose GPUs could not be looked up, wrote them`,
      ],
    ])('gpusChanged(%j, %j)', (was, now, why) => {
      expect(gpusChanged(was, now)).toBe(why);
    });

    it('the key covers the models and the driver', () => {
      expect(gpuKey(H200)).not.toBe(gpuKey(A100));
      expect(gpuKey(H200)).not.toBe(gpuKey('8x NVIDIA H200; driver 560.35.03'));
      expect(gpuKey(H200)).toBe(gpuKey(H200));
    });
  });

  it('a registry that cannot tell: no content line, the suites run', async () => {
    earlier(keyLines(smokeKey(D('a'), inputs), contentId(blob())));
    const { out } = await decide(target(D('b')), undefined);
    expect(out.entry).toBeUndefined();
    expect(out.keyFile).toBe(smokeKey(D('b'), inputs));
  });
});

describe('fetchImageConfig', () => {
  it("reads a manifest list's platform, and nothing without layers", async () => {
    const answer = (stdout: string) =>
      fakeDocker({ buildx: () => Promise.resolve({ exitCode: 0, stdout, stderr: '' }) });
    const list = JSON.stringify({
      'linux/amd64': blob(),
      'linux/arm64': { ...blob(), architecture: 'arm64' },
    });
    expect((await fetchImageConfig(answer(list), 'r@x', 'linux/arm64'))?.architecture).toBe('arm64');
    expect(await fetchImageConfig(answer(list), 'r@x', 'linux/s390x')).toBeUndefined();
    expect(
      await fetchImageConfig(answer(JSON.stringify({ os: 'linux' })), 'r@x', 'linux/amd64'),
    ).toBeUndefined();
  });
});
