// What makes the build stage fast and its output reproducible: the builder's facts asked once and
// kept between runs, the base digest by one HTTP request, and the created label from the commit
// time (with no SOURCE_DATE_EPOCH build argument, which would invalidate BuildKit's cache).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  builderFactsKey,
  type FactsFs,
  forgetBuilder,
  lookUpBuilder,
} from '../../src/build/builder-facts.js';
import { CREATED_LABEL, sourceDateEpoch, withSourceDate } from '../../src/build/source-date.js';
import { runBuildStage } from '../../src/build/stage.js';
import { validateConfigData } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import type { CommandRunner } from '../../src/docker/adapter.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import { manifestDigestOverHttp, manifestOverHttp, splitImageRef } from '../../src/docker/registry.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { fakeDocker } from '../helpers/fakes.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;

describe('builder facts', () => {
  const files: Record<string, string> = {
    '/root/.docker/config.json': '{}',
    '/root/.docker/buildx/current': '{"Key":"unix:///var/run/docker.sock","Name":"default"}',
  };
  const stats: Record<string, string> = {
    '/usr/local/lib/docker/cli-plugins/docker-buildx': '1:100:5',
    '/var/run/docker.sock': '7:0:9',
    '/var/run/docker.pid': '3:4:9',
  };
  const fs = (over: Partial<{ files: typeof files; stats: typeof stats }> = {}): FactsFs => ({
    stat: (f) => ({ ...stats, ...over.stats })[f] ?? '-',
    read: (f) => ({ ...files, ...over.files })[f] ?? '',
    list: () => [],
  });
  const env = { HOME: '/root' };

  it('the key changes with the buildx binary, the builder, the context and the daemon socket', () => {
    const base = builderFactsKey(env, undefined, fs());
    expect(builderFactsKey(env, undefined, fs())).toEqual(base);
    expect(base.ttlMs).toBe(24 * 3600_000);
    for (const other of [
      builderFactsKey(env, 'ci', fs()),
      builderFactsKey(
        env,
        undefined,
        fs({ stats: { '/usr/local/lib/docker/cli-plugins/docker-buildx': '1:101:6' } }),
      ),
      builderFactsKey(env, undefined, fs({ stats: { '/var/run/docker.sock': '8:0:10' } })),
      builderFactsKey(env, undefined, fs({ stats: { '/var/run/docker.pid': '3:5:11' } })),
      builderFactsKey(env, undefined, fs({ files: { '/root/.docker/buildx/current': '{"Name":"ci"}' } })),
      builderFactsKey({ ...env, DOCKER_CONTEXT: 'remote' }, undefined, fs()),
    ])
      expect(other.key).not.toBe(base.key);
  });
  it('a remote engine holds ten minutes, and its key reads no local pid file', () => {
    const remote = { ...env, DOCKER_HOST: 'tcp://10.0.0.1:2376' };
    expect(builderFactsKey(remote, undefined, fs()).ttlMs).toBe(600_000);
    expect(builderFactsKey(remote, undefined, fs({ stats: { '/var/run/docker.pid': '3:5:11' } })).key).toBe(
      builderFactsKey(remote, undefined, fs()).key,
    );
  });
  it("a rootless daemon's pid file is the one beside its socket", () => {
    const rootless = { ...env, DOCKER_HOST: 'unix:///run/user/1000/docker.sock' };
    const base = builderFactsKey(rootless, undefined, fs());
    const restarted = fs({ stats: { '/run/user/1000/docker.pid': '9:5:12' } });
    expect(builderFactsKey(rootless, undefined, restarted).key).not.toBe(base.key);
  });

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-facts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function countingDocker(buildkitVersion: string | undefined, driver = 'docker') {
    const asked = { version: 0, inspect: 0 };
    const docker = fakeDocker({
      buildxVersion: async () => (asked.version++, '0.13.1'),
      buildxInspect: async () => (
        asked.inspect++,
        { name: 'default', driver, platforms: [], ...(buildkitVersion && { buildkitVersion }) }
      ),
    });
    return { docker, asked };
  }

  it('asked once per adapter, kept on disk, read back by the next process (adapter)', async () => {
    const cache = { dir, env, fs: fs() };
    const first = countingDocker('0.8');
    expect(await lookUpBuilder(first.docker, undefined, cache)).toEqual({
      facts: { buildxVersion: '0.13.1', name: 'default', driver: 'docker', buildkitVersion: '0.8' },
      from: 'asked',
    });
    expect((await lookUpBuilder(first.docker, undefined, cache)).from).toBe('process');
    expect(first.asked).toEqual({ version: 1, inspect: 1 });
    const next = countingDocker('0.8');
    const again = await lookUpBuilder(next.docker, undefined, cache);
    expect(again).toEqual({
      facts: { buildxVersion: '0.13.1', name: 'default', driver: 'docker', buildkitVersion: '0.8' },
      from: 'disk',
    });
    expect(next.asked).toEqual({ version: 0, inspect: 0 });
  });
  it('an entry past its time, or of another key, is asked again', async () => {
    let now = 1_000;
    const cache = { dir, env, fs: fs(), now: () => now };
    await lookUpBuilder(countingDocker('0.8').docker, undefined, cache);
    now += 24 * 3600_000;
    expect((await lookUpBuilder(countingDocker('0.8').docker, undefined, cache)).from).toBe('asked');
    const moved = { ...cache, fs: fs({ stats: { '/var/run/docker.sock': '8:0:10' } }) };
    expect((await lookUpBuilder(countingDocker('0.8').docker, undefined, moved)).from).toBe('asked');
  });
  it.each(['remote', 'kubernetes'])('a %s builder holds ten minutes on the local engine', async (driver) => {
    let now = 1_000;
    const cache = { dir, env, fs: fs(), now: () => now };
    await lookUpBuilder(countingDocker('0.17', driver).docker, 'far', cache);
    now += 9 * 60_000;
    expect((await lookUpBuilder(countingDocker('0.17', driver).docker, 'far', cache)).from).toBe('disk');
    now += 2 * 60_000;
    expect((await lookUpBuilder(countingDocker('0.17', driver).docker, 'far', cache)).from).toBe('asked');
  });
  it('the docker-container driver on the local engine holds a day', async () => {
    let now = 1_000;
    const cache = { dir, env, fs: fs(), now: () => now };
    await lookUpBuilder(countingDocker('0.17', 'docker-container').docker, 'ci', cache);
    now += 23 * 3600_000;
    expect((await lookUpBuilder(countingDocker('0.17').docker, 'ci', cache)).from).toBe('disk');
  });
  it('forgetBuilder deletes the entry and the process answer: the next lookup asks buildx', async () => {
    const cache = { dir, env, fs: fs() };
    const d = countingDocker('0.8');
    await lookUpBuilder(d.docker, undefined, cache);
    expect(readdirSync(path.join(dir, 'builders'))).toHaveLength(1);
    // Private to the user, as the rest of the cache directory: 0700, the entry 0600.
    const [entry] = readdirSync(path.join(dir, 'builders'));
    expect(statSync(path.join(dir, 'builders')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'builders', entry!)).mode & 0o777).toBe(0o600);
    forgetBuilder(d.docker, undefined, cache);
    expect(readdirSync(path.join(dir, 'builders'))).toEqual([]);
    expect((await lookUpBuilder(d.docker, undefined, cache)).from).toBe('asked');
    expect(d.asked).toEqual({ version: 2, inspect: 2 });
  });
  it("the nodes' endpoints are kept and read back; an entry with malformed ones is asked again", async () => {
    const endpoints = ['unix:///var/run/docker.sock', 'ssh://arm-host'];
    const docker = () =>
      fakeDocker({
        buildxVersion: async () => '0.13.1',
        buildxInspect: async () => ({
          name: 'b',
          driver: 'docker-container',
          platforms: [],
          buildkitVersion: '0.17',
          endpoints,
        }),
      });
    const cache = { dir, env, fs: fs() };
    expect((await lookUpBuilder(docker(), 'b', cache)).facts.endpoints).toEqual(endpoints);
    expect(await lookUpBuilder(docker(), 'b', cache)).toMatchObject({ facts: { endpoints }, from: 'disk' });
    const [entry] = readdirSync(path.join(dir, 'builders'));
    const file = path.join(dir, 'builders', entry!);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, facts: { ...saved.facts, endpoints: [1] } }));
    expect((await lookUpBuilder(docker(), 'b', cache)).from).toBe('asked');
  });
  it('an entry an earlier version kept with BuildKit 0.0.0 (an unstamped "v0.0.0+unknown") is asked again', async () => {
    const cache = { dir, env, fs: fs() };
    await lookUpBuilder(countingDocker('0.8').docker, undefined, cache);
    const [entry] = readdirSync(path.join(dir, 'builders'));
    const file = path.join(dir, 'builders', entry!);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, facts: { ...saved.facts, buildkitVersion: '0.0.0' } }));
    const next = countingDocker(undefined);
    expect(await lookUpBuilder(next.docker, undefined, cache)).toMatchObject({ from: 'asked' });
    expect(next.asked).toEqual({ version: 1, inspect: 1 });
  });
  it('a builder that reports no BuildKit version (not started yet) is not kept on disk', async () => {
    await lookUpBuilder(countingDocker(undefined).docker, undefined, { dir, env, fs: fs() });
    expect(readdirSync(dir)).toEqual([]);
  });
  it('a failing lookup is not remembered: the next call asks again', async () => {
    let fail = true;
    const docker = fakeDocker({
      buildxVersion: async () => {
        if (fail) throw new Error('no buildx');
        return '0.13.1';
      },
      buildxInspect: async () => ({ name: 'default', driver: 'docker', platforms: [] }),
    });
    await expect(lookUpBuilder(docker, undefined)).rejects.toThrow('no buildx');
    fail = false;
    expect((await lookUpBuilder(docker, undefined)).from).toBe('asked');
  });
});

describe('the created label from the commit time (SOURCE_DATE_EPOCH)', () => {
  const git = (stdout: string, exitCode = 0): CommandRunner & { calls: string[][] } => {
    const calls: string[][] = [];
    return {
      calls,
      run: async (_c, args) => (calls.push([...args]), { exitCode, stdout, stderr: '' }),
    };
  };
  it("the context's commit time (git log -1 --format=%ct in the context)", async () => {
    const exec = git('1796014871\n');
    expect(await sourceDateEpoch({}, '/src/app', exec)).toEqual({
      epoch: '1796014871',
      why: "created label 2026-11-30T05:01:11.000Z: commit time of the context's git repository (no SOURCE_DATE_EPOCH build argument)",
    });
    expect(exec.calls).toEqual([['-C', '/src/app', 'log', '-1', '--format=%ct']]);
  });
  it('not a git repository: left unset, and the reason says so', async () => {
    const r = await sourceDateEpoch({}, '/tmp/x', git('', 128));
    expect(r.epoch).toBeUndefined();
    expect(r.why).toMatch(/created label as planned: the build context \/tmp\/x is not in a git repository/);
  });
  it('the variable wins; a value that is no Unix time is bad input naming it', async () => {
    const exec = git('1');
    expect((await sourceDateEpoch({ SOURCE_DATE_EPOCH: '1700000000' }, '/src', exec)).epoch).toBe(
      '1700000000',
    );
    expect(exec.calls).toEqual([]);
    await expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: 'yesterday' }, '/src', exec)).rejects.toThrow(
      InputError,
    );
    await expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: 'yesterday' }, '/src', exec)).rejects.toThrow(
      /SOURCE_DATE_EPOCH.*"yesterday"/,
    );
  });
  it('the created label becomes the commit time, unless the labels input gave one', () => {
    const labels = { [CREATED_LABEL]: '2026-11-30T05:03:05.936Z', a: 'b' };
    const source = { epoch: '1796014871', why: '' };
    // The format of plan.json's commit time (git's %cI through Date.toISOString()): UTC, milliseconds.
    expect(withSourceDate(labels, source, undefined)).toEqual({
      [CREATED_LABEL]: '2026-11-30T05:01:11.000Z',
      a: 'b',
    });
    expect(withSourceDate(labels, source, { [CREATED_LABEL]: 'x' })).toEqual(labels);
    expect(withSourceDate(labels, { why: 'unset' }, undefined)).toEqual(labels);
  });
});

describe('the base digest by one HTTP request', () => {
  it.each([
    ['python:3.11-slim', 'docker.io', 'library/python', '3.11-slim'],
    ['docker.io/nvidia/cuda:12.8.1-runtime', 'docker.io', 'nvidia/cuda', '12.8.1-runtime'],
    ['localhost:5000/ml-image-test/python:3.11-slim', 'localhost:5000', 'ml-image-test/python', '3.11-slim'],
    ['nvcr.io/nvidia/pytorch', 'nvcr.io', 'nvidia/pytorch', 'latest'],
    [`ghcr.io/o/r:1@${D('a')}`, 'ghcr.io', 'o/r', D('a')],
    // Docker Hub by another name: official images are library/ there too (as cosign reads them).
    [`index.docker.io/foo@${D('a')}`, 'index.docker.io', 'library/foo', D('a')],
    ['registry-1.docker.io/foo:1', 'registry-1.docker.io', 'library/foo', '1'],
  ])('%s', (ref, host, repository, reference) => {
    expect(splitImageRef(ref)).toEqual({ host, repository, reference });
  });

  type Call = { url: string; method?: string; auth?: string };
  const answer = (status: number, headers: Record<string, string> = {}, body: unknown = {}) => ({
    status,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    json: async () => body,
  });
  function registry(answers: ReturnType<typeof answer>[]) {
    const calls: Call[] = [];
    const fetchFn = async (
      url: string,
      init?: { method?: string; headers?: Record<string, string> },
    ): Promise<ReturnType<typeof answer>> => {
      calls.push({
        url,
        ...(init?.method && { method: init.method }),
        ...(init?.headers?.Authorization && { auth: init.headers.Authorization }),
      });
      return answers.shift() ?? answer(500);
    };
    return { calls, fetchFn };
  }

  it('a plain HEAD on a loopback registry', async () => {
    const r = registry([answer(200, { 'docker-content-digest': D('b') })]);
    expect(await manifestDigestOverHttp('localhost:5000/a/b:1', r.fetchFn, {})).toBe(D('b'));
    expect(r.calls).toEqual([{ url: 'http://localhost:5000/v2/a/b/manifests/1', method: 'HEAD' }]);
  });
  it("Docker Hub: an anonymous pull token first, as the registry's challenge says", async () => {
    const r = registry([
      answer(401, {
        'www-authenticate': 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      }),
      answer(200, {}, { token: 't0k' }),
      answer(200, { 'docker-content-digest': D('c') }),
    ]);
    expect(await manifestDigestOverHttp('python:3.11-slim', r.fetchFn, {})).toBe(D('c'));
    expect(r.calls.map((c) => c.url)).toEqual([
      'https://registry-1.docker.io/v2/library/python/manifests/3.11-slim',
      'https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fpython%3Apull',
      'https://registry-1.docker.io/v2/library/python/manifests/3.11-slim',
    ]);
    expect(r.calls[2]!.auth).toBe('Bearer t0k');
  });
  it('undefined (buildx is asked) when it cannot tell: login needed, no digest header, a proxy, an error', async () => {
    const denied = registry([answer(401, { 'www-authenticate': 'Basic realm="x"' })]);
    expect(await manifestDigestOverHttp('r.example/a:1', denied.fetchFn, {})).toBeUndefined();
    const refused = registry([
      answer(401, { 'www-authenticate': 'Bearer realm="https://r.example/token"' }),
      answer(401),
    ]);
    expect(await manifestDigestOverHttp('r.example/a:1', refused.fetchFn, {})).toBeUndefined();
    const bare = registry([answer(200)]);
    expect(await manifestDigestOverHttp('r.example/a:1', bare.fetchFn, {})).toBeUndefined();
    const proxied = registry([answer(200, { 'docker-content-digest': D('d') })]);
    expect(
      await manifestDigestOverHttp('r.example/a:1', proxied.fetchFn, { HTTPS_PROXY: 'http://p:3128' }),
    ).toBeUndefined();
    expect(proxied.calls).toEqual([]);
    const failing = async () => {
      throw new Error('ECONNREFUSED');
    };
    expect(await manifestDigestOverHttp('r.example/a:1', failing, {})).toBeUndefined();
  });
  // Nothing is sent to a token service the registry could not send a login to (finding: an HTTPS
  // registry named http://169.254.169.254/..., asked from the runner, its token sent back).
  it.each([
    ['a plain-HTTP realm of an HTTPS registry', 'r.example/a:1', 'http://169.254.169.254/latest/token'],
    [
      'a plain-HTTP realm on another host of a loopback registry',
      'localhost:5000/a:1',
      'http://10.0.0.1/token',
    ],
  ])('%s: not asked (buildx is)', async (_what, ref, realm) => {
    const r = registry([
      answer(401, { 'www-authenticate': `Bearer realm="${realm}"` }),
      answer(200, {}, { token: 'meta' }),
      answer(200, { 'docker-content-digest': D('f') }),
    ]);
    expect(await manifestDigestOverHttp(ref, r.fetchFn, {})).toBeUndefined();
    expect(r.calls).toHaveLength(1);
  });

  it('a reference by digest is its own answer', async () => {
    const r = registry([]);
    expect(await manifestDigestOverHttp(`r.example/a:1@${D('e')}`, r.fetchFn, {})).toBe(D('e'));
    expect(r.calls).toEqual([]);
  });
});

describe('a manifest by digest over HTTP (imagetools inspect --raw without buildx)', () => {
  const INDEX = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ digest: D('a'), platform: { os: 'linux', architecture: 'arm64' } }],
  });
  const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
  type Answer = { status: number; body?: string; headers?: Record<string, string>; json?: unknown };
  /** A registry answering ANSWERS in turn; the requests it saw. */
  function registry(answers: Answer[]) {
    const calls: { url: string; method?: string; auth?: string }[] = [];
    const fetchFn = async (url: string, init?: { method?: string; headers?: Record<string, string> }) => {
      calls.push({
        url,
        ...(init?.method && { method: init.method }),
        ...(init?.headers?.Authorization && { auth: init.headers.Authorization }),
      });
      const a = answers.shift() ?? { status: 500 };
      const bytes = Buffer.from(a.body ?? '');
      return {
        status: a.status,
        headers: { get: (n: string) => a.headers?.[n.toLowerCase()] ?? null },
        json: async () => a.json ?? {},
        arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      };
    };
    return { calls, fetchFn };
  }

  it('one GET; the bytes when they hash to the digest asked for', async () => {
    const r = registry([{ status: 200, body: INDEX }]);
    const ref = `localhost:5000/ml-image-test/python@${digestOf(INDEX)}`;
    expect(await manifestOverHttp(ref, r.fetchFn, {})).toBe(INDEX);
    expect(r.calls).toEqual([
      { url: `http://localhost:5000/v2/ml-image-test/python/manifests/${digestOf(INDEX)}`, method: 'GET' },
    ]);
  });

  it('an anonymous pull token first where the registry asks for one', async () => {
    const r = registry([
      { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example/token"' } },
      { status: 200, json: { token: 't0k' } },
      { status: 200, body: INDEX },
    ]);
    expect(await manifestOverHttp(`r.example/a@${digestOf(INDEX)}`, r.fetchFn, {})).toBe(INDEX);
    expect(r.calls[2]).toMatchObject({ method: 'GET', auth: 'Bearer t0k' });
  });

  it.each<[string, Answer[], string]>([
    [
      'bytes that are not what the digest names (a registry swapping content)',
      [{ status: 200, body: INDEX }],
      D('b'),
    ],
    ['not there', [{ status: 404, body: '{}' }], digestOf(INDEX)],
    [
      'a login needed',
      [{ status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }],
      digestOf(INDEX),
    ],
  ])('undefined (buildx is asked): %s', async (_name, answers, digest) => {
    expect(await manifestOverHttp(`r.example/a@${digest}`, registry(answers).fetchFn, {})).toBeUndefined();
  });

  it('Docker Hub, where a manifest GET is a counted pull: undefined, nothing asked (buildx uses the login)', async () => {
    const r = registry([{ status: 200, body: INDEX }]);
    for (const host of ['docker.io', 'index.docker.io', 'registry-1.docker.io'])
      expect(
        await manifestOverHttp(`${host}/library/python@${digestOf(INDEX)}`, r.fetchFn, {}),
      ).toBeUndefined();
    expect(await manifestOverHttp(`python@${digestOf(INDEX)}`, r.fetchFn, {})).toBeUndefined();
    expect(r.calls).toEqual([]);
  });

  it('a tag, or a proxy: undefined, nothing asked', async () => {
    const r = registry([{ status: 200, body: INDEX }]);
    expect(await manifestOverHttp('r.example/a:1', r.fetchFn, {})).toBeUndefined();
    expect(
      await manifestOverHttp(`r.example/a@${digestOf(INDEX)}`, r.fetchFn, { HTTPS_PROXY: 'http://p:3128' }),
    ).toBeUndefined();
    expect(r.calls).toEqual([]);
  });

  it('imagetoolsInspect reads it without starting buildx; buildx when it cannot tell', async () => {
    const runs: string[][] = [];
    const exec = {
      run: async (_cli: string, args: readonly string[]) => {
        runs.push([...args]);
        return { exitCode: 0, stdout: INDEX, stderr: '' };
      },
    };
    const ref = `localhost:5000/a@${digestOf(INDEX)}`;
    const over = createBuildxCli(exec, 'docker', undefined, async () => INDEX);
    expect((await over.imagetoolsInspect(ref)).platforms).toEqual([
      { os: 'linux', architecture: 'arm64', digest: D('a') },
    ]);
    expect(runs).toEqual([]);
    for (const answer of [undefined, 'not json']) {
      const cli = createBuildxCli(exec, 'docker', undefined, async () => answer);
      expect((await cli.imagetoolsInspect(ref)).platforms).toHaveLength(1);
    }
    expect(runs).toEqual([
      ['buildx', 'imagetools', 'inspect', '--raw', ref],
      ['buildx', 'imagetools', 'inspect', '--raw', ref],
    ]);
  });

  it("buildx's bytes of a ref by digest must be that digest, as the HTTP read's: another index is exit 3", async () => {
    const other = INDEX.replace(D('a'), D('b'));
    const exec = { run: async () => ({ exitCode: 0, stdout: other, stderr: '' }) };
    const ref = `localhost:5000/a@${digestOf(INDEX)}`;
    const err = await createBuildxCli(exec, 'docker', undefined, async () => undefined)
      .imagetoolsInspect(ref)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as EnvironmentError).message).toBe(
      `registry localhost:5000: the manifest ${ref} came back with other content (${digestOf(other)})`,
    );
    // By tag, nothing to compare with.
    expect(
      (
        await createBuildxCli(exec, 'docker', undefined, async () => undefined).imagetoolsInspect(
          'localhost:5000/a:1',
        )
      ).platforms,
    ).toHaveLength(1);
  });
});

describe('the build stage, one platform on the docker driver', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-speed-stage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  interface StageOptions {
    env?: Record<string, string>;
    provenance?: 'false' | 'min';
    failBuild?: boolean;
    cacheDir?: string;
  }
  async function stage(platforms: string[], exec: CommandRunner, o: StageOptions = {}) {
    const config = validateConfigData(
      {
        image: { name: 'o/m', registry: 'localhost:5000' },
        platforms,
        build: { cache: 'none', ...(o.provenance && { provenance: o.provenance }) },
      },
      'x',
    );
    const plan = planBuild(config, { catalog: bundledCatalog(), git: {}, now: new Date(5) });
    const calls: string[][] = [];
    const envs: (Record<string, string> | undefined)[] = [];
    const merges: (readonly string[])[] = [];
    const timing: string[] = [];
    const asked = { inspect: 0 };
    const docker = fakeDocker({
      buildxVersion: async () => '0.13.1',
      buildxInspect: async () => (
        asked.inspect++,
        { name: 'default', driver: 'docker', platforms, buildkitVersion: '0.8' }
      ),
      imageDigest: async () => D('9'),
      buildx: async (args, options) => {
        calls.push([...args]);
        envs.push(options?.env);
        if (o.failBuild) return { exitCode: 1, stdout: '', stderr: 'ERROR: failed to solve: exit code: 2' };
        const arch = args[args.indexOf('--platform') + 1]!.endsWith('amd64') ? '1' : '2';
        writeFileSync(
          args[args.indexOf('--metadata-file') + 1]!,
          JSON.stringify({ 'containerimage.digest': D(arch) }),
        );
        return { exitCode: 0, stdout: '', stderr: '' };
      },
      imagetoolsCreate: async (tags) => (merges.push(tags), D('7')),
    });
    const result = await runBuildStage(
      {
        plan,
        config,
        baseDir: dir,
        imagesDir: findImagesDir(process.cwd()),
        push: true,
        ...(o.cacheDir && { cacheDir: o.cacheDir }),
      },
      { docker, exec, env: o.env ?? {}, progress: () => {}, timing: (l) => timing.push(l) },
    );
    return { result, calls, envs, merges, timing, plan, asked };
  }
  const commit = { run: async () => ({ exitCode: 0, stdout: '1796014871\n', stderr: '' }) };
  const buildArgs = (args: readonly string[]) =>
    args.flatMap((a, i) => (args[i - 1] === '--build-arg' ? [a.split('=')[0]] : []));

  it('one platform is merged into a list as before; the created label is the commit time, no SOURCE_DATE_EPOCH argument', async () => {
    const r = await stage(['linux/amd64'], commit);
    expect(r.merges).toEqual([r.plan.variants[0]!.tags]);
    const v = r.result.variants[0]!;
    expect(v.digest).toBe(D('7'));
    expect(v.platforms[0]!.digest).toBe(D('1'));
    const args = r.calls[0]!;
    expect(args[args.indexOf('--output') + 1]).not.toContain(v.tags[0]);
    expect(buildArgs(args).length).toBeGreaterThan(0);
    expect(buildArgs(args)).not.toContain('SOURCE_DATE_EPOCH');
    expect(args).toContain(`${CREATED_LABEL}=2026-11-30T05:01:11.000Z`);
    expect(r.timing.join('\n')).toMatch(/timing: merge cpu [\d.]+s/);
    expect(r.timing.join('\n')).toMatch(/timing: builder facts [\d.]+s \(asked buildx: docker/);
    // Provenance "min" (the default): buildx records the git state, whatever the driver.
    expect(r.envs[0]).toBeUndefined();
  });
  it('SOURCE_DATE_EPOCH from the environment: the label follows it, no build argument is added', async () => {
    const r = await stage(['linux/amd64'], commit, { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(buildArgs(r.calls[0]!)).not.toContain('SOURCE_DATE_EPOCH');
    expect(r.calls[0]).toContain(`${CREATED_LABEL}=${new Date(1700000000 * 1000).toISOString()}`);
  });
  it('provenance off: BUILDX_GIT_INFO=false, unless the user set it', async () => {
    expect((await stage(['linux/amd64'], commit, { provenance: 'false' })).envs[0]).toEqual({
      BUILDX_GIT_INFO: 'false',
    });
    const r = await stage(['linux/amd64'], commit, { provenance: 'false', env: { BUILDX_GIT_INFO: '1' } });
    expect(r.envs[0]).toBeUndefined();
  });
  it('two platforms are merged; no commit: the planned label kept', async () => {
    const noGit = { run: async () => ({ exitCode: 128, stdout: '', stderr: 'not a git repository' }) };
    const r = await stage(['linux/amd64', 'linux/arm64'], noGit);
    expect(r.merges).toHaveLength(1);
    expect(r.result.variants[0]!.digest).toBe(D('7'));
    expect(r.calls[0]).toContain(`${CREATED_LABEL}=${new Date(5).toISOString()}`);
    expect(r.timing.join('\n')).toMatch(/created label as planned/);
  });
  it("a failed build deletes the builder's cached facts", async () => {
    const cacheDir = path.join(dir, 'cache');
    await stage(['linux/amd64'], commit, { cacheDir });
    expect(readdirSync(path.join(cacheDir, 'builders'))).toHaveLength(1);
    await expect(stage(['linux/amd64'], commit, { cacheDir, failBuild: true })).rejects.toThrow();
    expect(readdirSync(path.join(cacheDir, 'builders'))).toEqual([]);
  });
});
