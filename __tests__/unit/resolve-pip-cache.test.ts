// pip's HTTP cache across resolver runs: one named volume per set of indexes, never for an index
// that carries credentials, and mounted into the resolver's one container; the --verbose timing line.
import { describe, expect, it } from 'vitest';
import { mayCarryCredentials, PIP_CACHE_DIR, pipCacheVolume } from '../../src/resolve/pip-cache.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { StepTimes } from '../../src/resolve/timing.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { viaHelperRun, EMPTY_SNAPSHOT } from '../helpers/resolve-session.js';

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...over,
});

describe('the pip cache volume', () => {
  it('is one per set of indexes, PyPI by default', () => {
    const pypi = pipCacheVolume(input());
    expect(pypi).toMatchObject({
      target: PIP_CACHE_DIR,
      name: expect.stringMatching(/^ml-image-resolve-pip-cache-[0-9a-f]{16}$/),
    });
    expect(
      pipCacheVolume(input({ indexes: { indexUrl: 'https://pypi.org/simple', extraIndexUrls: [] } })),
    ).toEqual(pypi);
    const other = pipCacheVolume(
      input({ indexes: { indexUrl: 'https://idx.example/simple', extraIndexUrls: [] } }),
    );
    expect(other?.name).not.toBe(pypi?.name);
    const extra = pipCacheVolume(
      input({
        indexes: {
          indexUrl: 'https://idx.example/simple',
          extraIndexUrls: ['https://download.pytorch.org/whl/cpu'],
        },
      }),
    );
    expect(extra?.name).not.toBe(other?.name);
  });

  it('is not made for a plain-http index pip would not cache, unless the requirements trust it', () => {
    const http = { indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] } };
    expect(pipCacheVolume(input(http))).toBeUndefined();
    const trusted = pipCacheVolume(
      input({ ...http, requirements: { text: '--trusted-host 127.0.0.1:5001\ntqdm', origins: [] } }),
    );
    expect(trusted?.name).toMatch(/^ml-image-resolve-pip-cache-/);
  });

  it.each([
    ['user and password', { indexes: { indexUrl: 'https://u:SECRET@host/simple', extraIndexUrls: [] } }],
    ['a token as user', { indexes: { extraIndexUrls: ['https://SECRET@host/simple'] } }],
    [
      'a ${NAME} that may expand to one',
      { indexes: { indexUrl: 'https://${TOKEN}@host/simple', extraIndexUrls: [] } },
    ],
    [
      "the requirements' own --index-url",
      {
        requirements: {
          text: 'tqdm',
          origins: [],
          indexes: { indexUrl: 'https://u:SECRET@host/simple', extraIndexUrls: [] },
        },
      },
    ],
  ] as const)('is not used for an index with credentials: %s', (_what, over) => {
    expect(pipCacheVolume(input(over as Partial<ResolveInput>))).toBeUndefined();
  });

  it('tells URLs with credentials from those without', () => {
    expect(mayCarryCredentials('https://pypi.org/simple')).toBe(false);
    expect(mayCarryCredentials('https://host/simple?x=a@b')).toBe(false);
    expect(mayCarryCredentials('https://tok@host/simple')).toBe(true);
    expect(mayCarryCredentials('https://u:p@host/simple')).toBe(true);
  });

  it('is mounted into the one container, pip is told where it is, and --verbose prints the steps', async () => {
    const played = viaHelperRun(
      (cmd) => {
        if (cmd[0] === 'sh') return { stdout: EMPTY_SNAPSHOT };
        if (cmd.includes('analyze'))
          return { stdout: JSON.stringify({ install: [], replaced: [], holders: {}, environment: {} }) };
        return {};
      },
      () => session.files,
    );
    const session = fakeSession(played.answer);
    const specs: SessionSpec[] = [];
    const lines: string[] = [];
    const docker = fakeDocker({
      startSession: (spec: SessionSpec) => {
        specs.push(spec);
        return Promise.resolve(session);
      },
    });
    const out = await resolveAgainstBase(input(), { docker, verbose: true, progress: (l) => lines.push(l) });
    expect(out.resolution.status).toBe('clean');
    expect(specs).toHaveLength(1);
    expect(specs[0]!.volumes).toEqual([pipCacheVolume(input())]);
    expect(session.calls).toHaveLength(1); // snapshot, plain run and analysis: one exec
    expect(session.calls[0]!.env).toMatchObject({ ML_IMAGE_PIP_CACHE: PIP_CACHE_DIR });
    expect(lines.at(-1)).toMatch(
      /^resolve linux\/amd64: timing: container start \d+\.\d\ds, snapshot \d+\.\d\ds \(same process\), plain dry run \d+\.\d\ds, held dry run -, relax -, analysis \d+\.\d\ds, container stop \d+\.\d\ds, total \d+\.\d\ds$/,
    );
    // Credentials in an index: no volume, and pip is not told of one.
    const session2 = fakeSession(viaHelperRun(played.answer, () => session2.files).answer);
    specs.length = 0;
    const docker2 = fakeDocker({
      startSession: (spec: SessionSpec) => {
        specs.push(spec);
        return Promise.resolve(session2);
      },
    });
    await resolveAgainstBase(
      input({ indexes: { indexUrl: 'https://u:SECRET@h/simple', extraIndexUrls: [] } }),
      {
        docker: docker2,
      },
    );
    expect(specs[0]!.volumes).toBeUndefined();
    expect(session2.calls[0]!.env.ML_IMAGE_PIP_CACHE).toBeUndefined();
  });
});

describe('the timing line', () => {
  it('adds up each step, marks the ones not run, and keeps the order', () => {
    const t = new StepTimes();
    t.add('plain dry run', 0.5);
    t.add('plain dry run', 0.25);
    t.add('snapshot', 0, 'cache');
    t.add('container start', 0.3);
    expect(t.line(1234)).toBe(
      'timing: container start 0.30s, snapshot 0.00s (cache), plain dry run 0.75s, held dry run -, relax -, analysis -, container stop -, total 1.23s',
    );
  });
});
