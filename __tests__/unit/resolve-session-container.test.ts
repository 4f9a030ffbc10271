// The resolver's session container as the engine is asked for it (a fake dockerode: no process,
// no daemon): no GPU even under the NVIDIA runtime, a process limit a meson build fits in; and
// its lifetime, sized from the most commands one resolve can run.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { SessionSpec } from '../../src/docker/adapter.js';
import type { EngineClient } from '../../src/docker/client.js';
import { SESSION_PIDS_LIMIT, startSession } from '../../src/docker/sessions.js';
import {
  DEFAULT_RESOLVE_TIMEOUT_MS,
  execTimeoutError,
  maxResolveCommands,
  RESOLVE_TIMEOUT_ENV,
  SESSION_IDLE_MS,
  sessionDeadlineMs,
} from '../../src/resolve/exec-limit.js';
import { pipOutputMask } from '../../src/resolve/input.js';
import { resolveAgainstBase, type ResolveInput } from '../../src/resolve/resolve.js';
import { PIP_ENV } from '../../src/resolve/workdir.js';
import { fakeDocker, fakeSession } from '../helpers/fakes.js';
import { EMPTY_SNAPSHOT, viaHelperRun } from '../helpers/resolve-session.js';
import { NO_WORLD } from '../helpers/resolve-world.js';

/** An engine that holds every image (amd64) and records the create request. */
function engine() {
  const created: { _query: Record<string, string>; _body: Record<string, unknown> }[] = [];
  const removed: string[] = [];
  const container = {
    id: 'c1',
    start: () => Promise.resolve(),
    remove: () => {
      removed.push('c1');
      return Promise.resolve();
    },
  };
  const docker = {
    getImage: () => ({ inspect: () => Promise.resolve({ Os: 'linux', Architecture: 'amd64' }) }),
    createContainer: (o: unknown) => {
      created.push(o as (typeof created)[number]);
      return Promise.resolve(container);
    },
  } as unknown as Dockerode;
  const client: EngineClient = { docker: () => Promise.resolve(docker), call: (fn) => fn(docker) };
  return { client, created, removed };
}

describe("the session container's create request", () => {
  it('says NVIDIA_VISIBLE_DEVICES=void (last, over the spec), asks for no GPU, and limits processes to 8192', async () => {
    const e = engine();
    const spec: SessionSpec = {
      image: 'nvidia/cuda:12.8.2-runtime-ubuntu24.04',
      platform: 'linux/amd64',
      env: { PIP_DISABLE_PIP_VERSION_CHECK: '1', NVIDIA_VISIBLE_DEVICES: 'all' },
    };
    const session = await startSession(e.client, spec);
    await session.close();
    expect(e.created).toHaveLength(1);
    const body = e.created[0]!._body;
    expect(body.Env).toEqual(['PIP_DISABLE_PIP_VERSION_CHECK=1', 'NVIDIA_VISIBLE_DEVICES=void']);
    const host = body.HostConfig as Record<string, unknown>;
    expect(host.PidsLimit).toBe(8192);
    expect(host).not.toHaveProperty('DeviceRequests');
    expect(host).not.toHaveProperty('Runtime');
    expect(e.removed).toEqual(['c1']);
  });

  it('void with no environment given too', async () => {
    const e = engine();
    await (await startSession(e.client, { image: 'python:3.12-slim' })).close();
    expect(e.created[0]!._body.Env).toEqual(['NVIDIA_VISIBLE_DEVICES=void']);
    expect(SESSION_PIDS_LIMIT).toBe(8192);
  });
});

describe("the resolver container's lifetime", () => {
  it('counts the commands of the worst case: 10, then 1 for a plan or 3 per blamed package', () => {
    expect(maxResolveCommands(0)).toBe(11);
    expect(maxResolveCommands(1)).toBe(13);
    expect(maxResolveCommands(5)).toBe(25);
  });

  it('outlives every command a resolve may run, each at its limit', () => {
    for (const requested of [1, 3, 10])
      for (const limit of [60_000, DEFAULT_RESOLVE_TIMEOUT_MS, 3_600_000]) {
        const deadline = sessionDeadlineMs(limit, maxResolveCommands(requested));
        expect(deadline).toBeGreaterThan(maxResolveCommands(requested) * limit);
        expect(deadline).toBeGreaterThanOrEqual(3_600_000);
      }
  });

  const input = (text: string): ResolveInput => ({
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: { text, origins: [] },
    mode: 'auto',
  });
  const deadlineFor = async (text: string, env: Record<string, string>) => {
    const specs: SessionSpec[] = [];
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
    await resolveAgainstBase(input(text), {
      ...NO_WORLD,
      docker: fakeDocker({
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(session);
        },
      }),
      env,
    });
    return specs[0]!;
  };

  it('a resolve asks for that lifetime: from its requested packages and the limit', async () => {
    // 15 min and one package: 15 limits (the old four would end the container mid-resolve).
    expect((await deadlineFor('tqdm', {})).deadlineMs).toBe(15 * 900_000);
    // Ten packages, 10 min each: (10 + 30 + 2) x 600 s.
    const ten = Array.from({ length: 10 }, (_, i) => `pkg${i}`).join('\n');
    expect((await deadlineFor(ten, { [RESOLVE_TIMEOUT_ENV]: '600' })).deadlineMs).toBe(42 * 600_000);
  });

  // Finding: a CLI killed by SIGKILL left its session idling for the whole deadline (33.75 h for 41
  // requirement names), the index logins' netrc inside. It now ends once no command has run in it
  // for 10 minutes, whatever the deadline.
  it('ends 10 minutes after its last command, however long its deadline', async () => {
    const many = Array.from({ length: 41 }, (_, i) => `pkg${i}`).join('\n');
    const spec = await deadlineFor(many, {});
    expect(spec.deadlineMs).toBe(135 * 900_000);
    expect(spec.idleMs).toBe(SESSION_IDLE_MS);
    expect(SESSION_IDLE_MS).toBe(600_000);
  });
});

describe("the resolver's container behind a proxy", () => {
  const input: ResolveInput = {
    image: 'localhost:5000/base:1',
    platform: 'linux/amd64',
    requirements: { text: 'tqdm', origins: [] },
    mode: 'auto',
  };
  const run = async (env: Record<string, string>) => {
    const specs: SessionSpec[] = [];
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
    const out = await resolveAgainstBase(input, {
      ...NO_WORLD,
      docker: fakeDocker({
        startSession: (spec) => {
          specs.push(spec);
          return Promise.resolve(session);
        },
      }),
      env,
    });
    return { spec: specs[0]!, out, session };
  };

  it.each([
    [
      'both cases, a login among them',
      {
        HTTPS_PROXY: 'http://corp%5Cuser:S3cr3tPw@proxy.corp:3128',
        http_proxy: 'http://proxy.corp:3128',
        NO_PROXY: '.corp,localhost',
        no_proxy: '.corp',
        ALL_PROXY_OTHER: 'x',
      },
      {
        HTTPS_PROXY: 'http://corp%5Cuser:S3cr3tPw@proxy.corp:3128',
        http_proxy: 'http://proxy.corp:3128',
        NO_PROXY: '.corp,localhost',
        no_proxy: '.corp',
      },
    ],
    ['upper case only', { HTTP_PROXY: 'http://p:3128' }, { HTTP_PROXY: 'http://p:3128' }],
    [
      'ALL_PROXY, the one requests reads for every scheme (either case)',
      { ALL_PROXY: 'http://carol:Pr0xyPass@proxy.corp:3128', all_proxy: 'http://proxy.corp:3128' },
      { ALL_PROXY: 'http://carol:Pr0xyPass@proxy.corp:3128', all_proxy: 'http://proxy.corp:3128' },
    ],
    ['none set', { HOME: '/root' }, {}],
    ['set empty', { HTTPS_PROXY: '' }, {}],
  ])("the session's environment carries the run's proxy variables: %s", async (_, env, proxies) => {
    const { spec, out, session } = await run(env);
    expect(spec.env).toEqual({ ...PIP_ENV, ...proxies });
    // As the container's environment only: no exec's command line or environment, no record.
    const shown = JSON.stringify([session.calls, session.files, out]);
    for (const v of Object.values(proxies)) expect(shown).not.toContain(v);
  });

  it("masks a proxy's login in pip's output: with a scheme or without, decoded or as written", () => {
    const mask = pipOutputMask(input, {
      HTTPS_PROXY: 'http://corp%5Cuser:S3cr3t%21pw@proxy.corp:3128',
      http_proxy: 'bob:hunter22@proxy.corp:3128',
      NO_PROXY: '.corp',
    });
    const out = mask(
      [
        "ProxyError('Cannot connect to proxy.', http://corp%5Cuser:S3cr3t%21pw@proxy.corp:3128)",
        'proxy bob:hunter22@proxy.corp:3128 refused; password S3cr3t!pw',
        'no_proxy .corp kept',
      ].join('\n'),
    );
    for (const secret of ['S3cr3t%21pw', 'S3cr3t!pw', 'hunter22']) expect(out).not.toContain(secret);
    expect(out).toContain('proxy.corp:3128');
    expect(out).toContain('no_proxy .corp kept');
  });
});

describe('the timeout error', () => {
  it('names long backtracking and the fix for it', () => {
    const e = execTimeoutError(
      ['python3', '/tmp/ml-image-resolve/helper.py', 'run', '/tmp/ml-image-resolve/held.json'],
      900_000,
      {
        image: 'python:3.12-slim',
        platform: 'linux/amd64',
      },
    );
    expect(e.fix).toContain('backtracking');
    expect(e.fix).toContain('pin more versions');
    expect(e.fix).toContain(`raise ${RESOLVE_TIMEOUT_ENV}`);
  });
});
