// pip's HTTP cache across resolver runs: one named volume per set of indexes, base image and trust
// scope, never for an index that carries credentials, and mounted into the resolver's one
// container; the --verbose timing line.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  mayCarryCredentials,
  PIP_CACHE_BASE_LABEL,
  PIP_CACHE_DIR,
  PIP_CACHE_LABEL,
  PIP_CACHE_PREFIX,
  pipCacheScope,
  pipCacheUrls,
  pipCacheVolume,
} from '../../src/resolve/pip-cache.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { StepTimes } from '../../src/resolve/timing.js';
import type { SessionSpec } from '../../src/docker/adapter.js';
import { fakeDocker, fakeSession, imageDetails } from '../helpers/fakes.js';
import { viaHelperRun, EMPTY_SNAPSHOT } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

const input = (over: Partial<ResolveInput> = {}): ResolveInput => ({
  image: 'localhost:5000/base:1',
  platform: 'linux/amd64',
  requirements: { text: 'tqdm', origins: ['/w/r.txt:1'] },
  mode: 'auto',
  ...over,
});

const DIGEST = `sha256:${'d'.repeat(64)}`;
const ID = `sha256:${'1'.repeat(64)}`;
const bound = { base: DIGEST, scope: '' };

describe('the pip cache volume', () => {
  it('is one per set of indexes, PyPI by default', () => {
    const pypi = pipCacheVolume(input(), bound);
    expect(pypi).toMatchObject({
      target: PIP_CACHE_DIR,
      name: expect.stringMatching(/^ml-image-resolve-pip-cache-v2-[0-9a-f]{16}$/),
    });
    expect(
      pipCacheVolume(input({ indexes: { indexUrl: 'https://pypi.org/simple', extraIndexUrls: [] } }), bound),
    ).toEqual(pypi);
    const other = pipCacheVolume(
      input({ indexes: { indexUrl: 'https://idx.example/simple', extraIndexUrls: [] } }),
      bound,
    );
    expect(other?.name).not.toBe(pypi?.name);
    const extra = pipCacheVolume(
      input({
        indexes: {
          indexUrl: 'https://idx.example/simple',
          extraIndexUrls: ['https://download.pytorch.org/whl/cpu'],
        },
      }),
      bound,
    );
    expect(extra?.name).not.toBe(other?.name);
  });

  it('covers the torch index where it reaches pip (torch preinstalled): a login there means no volume', () => {
    const torch = (torchIndexUrl: string, torchVersion = '2.5.1') =>
      input({ variant: { torchIndexUrl, torchVersion } });
    const open = 'https://download.pytorch.org/whl/cpu';
    expect(pipCacheUrls(torch(open))).toEqual(['https://pypi.org/simple', open]);
    expect(pipCacheVolume(torch(open), bound)?.name).not.toBe(pipCacheVolume(input(), bound)?.name);
    expect(pipCacheUrls(torch('https://u:tok@torch.example/whl/cpu'))).toBeUndefined();
    expect(pipCacheVolume(torch('https://u:tok@torch.example/whl/cpu'), bound)).toBeUndefined();
    // No torch version: the build installs no torch, and no dry run sees the torch index.
    expect(
      pipCacheUrls(input({ variant: { torchIndexUrl: 'https://u:tok@torch.example/whl/cpu' } })),
    ).toEqual(['https://pypi.org/simple']);
  });

  it('is one per base image and trust scope, labelled with its base', () => {
    const a = pipCacheVolume(input(), bound)!;
    const otherBase = pipCacheVolume(input(), { ...bound, base: `sha256:${'e'.repeat(64)}` })!;
    const pr = pipCacheVolume(input(), { ...bound, scope: 'o/r untrusted' })!;
    expect(new Set([a.name, otherBase.name, pr.name]).size).toBe(3);
    expect(a.labels).toEqual({ [PIP_CACHE_LABEL]: 'pip-http', [PIP_CACHE_BASE_LABEL]: DIGEST });
  });

  it('never has the name of a volume of the earlier naming (keyed by the index URLs only)', () => {
    const earlier = `ml-image-resolve-pip-cache-${createHash('sha256').update('https://pypi.org/simple').digest('hex').slice(0, 16)}`;
    const now = pipCacheVolume(input(), bound)!.name;
    expect(now).not.toBe(earlier);
    expect(now.startsWith(PIP_CACHE_PREFIX)).toBe(true);
    expect(now).not.toMatch(/^ml-image-resolve-pip-cache-[0-9a-f]{16}$/);
  });

  const actions = (over: Record<string, string>) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'o/r',
    ...over,
  });
  it.each<[string, Record<string, string>, string]>([
    ['a workstation', {}, ''],
    ['another CI', { CI: 'true', GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'push' }, ''],
    ['push to a branch', actions({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }), 'o/r branch'],
    [
      'push (GITHUB_HEAD_REF empty)',
      actions({ GITHUB_EVENT_NAME: 'push', GITHUB_HEAD_REF: '' }),
      'o/r branch',
    ],
    ['schedule', actions({ GITHUB_EVENT_NAME: 'schedule' }), 'o/r branch'],
    ['workflow_dispatch', actions({ GITHUB_EVENT_NAME: 'workflow_dispatch' }), 'o/r branch'],
    ['merge_group', actions({ GITHUB_EVENT_NAME: 'merge_group' }), 'o/r branch'],
    ['release', actions({ GITHUB_EVENT_NAME: 'release' }), 'o/r branch'],
    [
      'pull_request',
      actions({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_HEAD_REF: 'feature',
        GITHUB_REF: 'refs/pull/7/merge',
      }),
      'o/r untrusted',
    ],
    [
      'pull_request_target (the base branch ref, a head ref set)',
      actions({
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_HEAD_REF: 'f',
        GITHUB_REF: 'refs/heads/main',
      }),
      'o/r untrusted',
    ],
    // Runs of the default branch's workflow that may check out and build a pull request's code:
    // no GITHUB_HEAD_REF there.
    [
      'workflow_run',
      actions({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: 'refs/heads/main' }),
      'o/r untrusted',
    ],
    [
      'issue_comment',
      actions({ GITHUB_EVENT_NAME: 'issue_comment', GITHUB_REF: 'refs/heads/main' }),
      'o/r untrusted',
    ],
    ['pull_request_review', actions({ GITHUB_EVENT_NAME: 'pull_request_review' }), 'o/r untrusted'],
    ['an event not listed', actions({ GITHUB_EVENT_NAME: 'some_new_event' }), 'o/r untrusted'],
    // Started with write access, but "/ok-to-test" checks out a pull request's head.
    ['repository_dispatch', actions({ GITHUB_EVENT_NAME: 'repository_dispatch' }), 'o/r untrusted'],
    ['create', actions({ GITHUB_EVENT_NAME: 'create' }), 'o/r branch'],
    ['no event name', actions({}), 'o/r untrusted'],
    [
      'a trusted event with a head ref',
      actions({ GITHUB_EVENT_NAME: 'push', GITHUB_HEAD_REF: 'f' }),
      'o/r untrusted',
    ],
  ])('trust scope: %s', (_what, env, want) => {
    expect(pipCacheScope(env)).toBe(want);
  });

  it.each([
    // A workflow_run after a push in this repository builds what the push did: the branches' scope.
    ['push', 'o/r', 'o/r branch'],
    ['pull_request', 'o/r', 'o/r untrusted'],
    ['push', 'fork/r', 'o/r untrusted'],
  ])('trust scope: workflow_run after %s from %s', (event, head, want) => {
    const env = actions({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REF: 'refs/heads/main' });
    const facts = { workflow_run: { event, head_repository: { full_name: head } } };
    expect(pipCacheScope(env, facts)).toBe(want);
  });

  it('is not made for a plain-http index pip would not cache, unless the requirements trust it', () => {
    const http = { indexes: { indexUrl: 'http://127.0.0.1:5001/simple', extraIndexUrls: [] } };
    expect(pipCacheVolume(input(http), bound)).toBeUndefined();
    expect(pipCacheUrls(input(http))).toBeUndefined();
    const trusted = pipCacheVolume(
      input({ ...http, requirements: { text: '--trusted-host 127.0.0.1:5001\ntqdm', origins: [] } }),
      bound,
    );
    expect(trusted?.name).toMatch(/^ml-image-resolve-pip-cache-v2-/);
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
    expect(pipCacheVolume(input(over as Partial<ResolveInput>), bound)).toBeUndefined();
  });

  it.each([
    ['a --find-links page with a token', '--find-links https://__token__:SECRET@wheels.example/\ntqdm'],
    ['a direct URL with a login', 'pkg @ https://u:SECRET@files.example/pkg-1.0-py3-none-any.whl'],
    [
      'a direct URL with a ${NAME} in its query',
      'pkg @ https://blob.example/pkg-1.0-py3-none-any.whl?${SAS}',
    ],
    ['a --find-links URL from a ${NAME}', '-f ${WHEELS_URL}\ntqdm'],
  ])("is not used when the requirements' own URLs may carry credentials: %s", (_what, text) => {
    const https = { indexes: { indexUrl: 'https://pypi.org/simple', extraIndexUrls: [] } };
    expect(pipCacheVolume(input({ ...https, requirements: { text, origins: [] } }), bound)).toBeUndefined();
  });

  // The URLs were found with an expression that went over a long run of letters again from each of
  // them: a 5 MB requirements file took hours.
  it('finds a login in a URL after a long run of letters, in time', () => {
    const https = { indexes: { indexUrl: 'https://pypi.org/simple', extraIndexUrls: [] } };
    const run = `${'a'.repeat(2 ** 19)} `;
    const ctx = vm.createContext({ pipCacheUrls, input });
    const urls = (text: string) =>
      vm.runInContext(
        `pipCacheUrls(input(${JSON.stringify({ ...https, requirements: { text, origins: [] } })}))`,
        ctx,
        {
          timeout: 20_000,
        },
      ) as unknown;
    expect(urls(`${run}pkg @ https://u:SECRET@files.example/p.whl`)).toBeUndefined();
    expect(urls(`${run}pkg @ https://files.example/p.whl`)).toEqual(['https://pypi.org/simple']);
  });

  it("is used when the requirements' URLs carry none", () => {
    const text = '--find-links https://wheels.example/\npkg @ https://files.example/pkg-1.0-py3-none-any.whl';
    expect(pipCacheVolume(input({ requirements: { text, origins: [] } }), bound)?.name).toMatch(
      /^ml-image-resolve-pip-cache-v2-/,
    );
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
      imageDigest: () => Promise.resolve(DIGEST),
      // The engine's image under the tag is the registry's (pulled from there).
      inspectLocalImage: () =>
        Promise.resolve(imageDetails({ id: ID, repoDigests: [`localhost:5000/base@${DIGEST}`] })),
    });
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_HEAD_REF: 'f',
    };
    const out = await resolveAgainstBase(input(), {
      ...NO_WORLD,
      docker,
      verbose: true,
      progress: (l) => lines.push(l),
      env,
    });
    expect(out.resolution.status).toBe('clean');
    expect(specs).toHaveLength(1);
    // Bound to the base's digest (the image the container runs by its id) and the run's scope.
    expect(specs[0]!.image).toBe(ID);
    expect(specs[0]!.volumes).toEqual([pipCacheVolume(input(), { base: DIGEST, scope: 'o/r untrusted' })]);
    expect(session.calls).toHaveLength(1); // snapshot, plain run and analysis: one exec
    expect(session.calls[0]!.env).toMatchObject({ ML_IMAGE_PIP_CACHE: PIP_CACHE_DIR });
    expect(lines.at(-1)).toMatch(
      /^resolve linux\/amd64: timing: container start \d+\.\d\ds \(base digest lookup \d+\.\d\ds\), snapshot \d+\.\d\ds \(same process\), plain dry run \d+\.\d\ds, held dry run -, relax -, analysis \d+\.\d\ds, container stop \d+\.\d\ds, total \d+\.\d\ds$/,
    );
    // Credentials in an index: no volume, and pip is not told of one.
    const session2 = fakeSession(viaHelperRun(played.answer, () => session2.files).answer);
    specs.length = 0;
    const digests: string[] = [];
    const docker2 = fakeDocker({
      startSession: (spec: SessionSpec) => {
        specs.push(spec);
        return Promise.resolve(session2);
      },
      imageDigest: (ref) => {
        digests.push(ref);
        return Promise.resolve(DIGEST);
      },
    });
    await resolveAgainstBase(
      input({ indexes: { indexUrl: 'https://u:SECRET@h/simple', extraIndexUrls: [] } }),
      { ...NO_WORLD, docker: docker2, lookupHost: () => Promise.resolve([]) },
    );
    expect(specs[0]!.volumes).toBeUndefined();
    expect(session2.calls[0]!.env.ML_IMAGE_PIP_CACHE).toBeUndefined();
    // Neither a volume nor a snapshot cache to key: the base is run as given, no lookup made.
    expect(digests).toEqual([]);
    expect(specs[0]!.image).toBe('localhost:5000/base:1');
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
