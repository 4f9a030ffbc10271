// The deadline of one verify (`ml-image verify --timeout`, `export --verify-timeout`, the verify
// sub-action's `timeout` input): a registry that accepts connections but never answers ends the
// verify with exit 3 naming the registry and what it waited for, and the requests under way get
// the deadline's signal (aborted), as do cosign runs and buildx. No sockets, no processes: the
// registry client's fetch, cosign's exec and buildx's runner are scripted, and no assertion is on
// time (the deadlines are tiny, or an AbortController's).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type ActionIo, run } from '../../src/action/run.js';
import { createCosignSigner, type CosignExec, type Signer } from '../../src/attest/cosign.js';
import {
  cliFlagNaming,
  parseVerifyFlags,
  VerifyDeadline,
  verifyImage,
  type VerifyRequest,
} from '../../src/attest/verify.js';
import { deadlineError } from '../../src/attest/verify-deadline.js';
import { parseVerifyTimeout } from '../../src/attest/verify-flags.js';
import { runCli } from '../../src/cli/main.js';
import { createBuildxCli } from '../../src/docker/buildx.js';
import {
  createOciClient,
  type OciFetch,
  type OciResponse,
  sha256Digest,
} from '../../src/docker/oci-client.js';
import { findCredential, type RegistryAuthDeps } from '../../src/docker/registry-auth.js';
import { HELPER_TIMEOUT_MS, type HelperExec, registryDeps } from '../../src/docker/registry-io.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { CheckFailedError, EnvironmentError, InputError } from '../../src/errors.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const none = () => ({ kind: 'none' as const, describe: 'no credential' });

function answer(status: number, body: string, headers: Record<string, string> = {}): OciResponse {
  const bytes = Buffer.from(body);
  return {
    status,
    headers: { get: (n) => headers[n.toLowerCase()] ?? null },
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  };
}

/**
 * A registry that accepts every request and answers those ANSWERS knows (by URL path); any other
 * it never answers: the request ends only when its signal aborts. Every request's signal is kept.
 */
function silentRegistry(answers: Record<string, () => OciResponse> = {}) {
  const pending: { url: string; signal: AbortSignal }[] = [];
  const fetch: OciFetch = (url, init) => {
    const known = answers[new URL(url).pathname];
    if (known) return Promise.resolve(known());
    pending.push({ url, signal: init.signal });
    return new Promise((_resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(init.signal.reason as Error), { once: true });
    });
  };
  return { fetch, pending };
}

/** A two-platform index, and its reference by digest in localhost:5000/acme/model. */
const INDEX_TEXT = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: D('1'),
      size: 1,
      platform: { os: 'linux', architecture: 'amd64' },
    },
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: D('2'),
      size: 1,
      platform: { os: 'linux', architecture: 'arm64' },
    },
  ],
});
const INDEX_DIGEST = sha256Digest(INDEX_TEXT);
const INDEX = `localhost:5000/acme/model@${INDEX_DIGEST}`;
const AMD = `localhost:5000/acme/model@${D('1')}`;
const indexAnswer = {
  [`/v2/acme/model/manifests/${INDEX_DIGEST}`]: () =>
    answer(200, INDEX_TEXT, { 'content-type': 'application/vnd.oci.image.index.v1+json' }),
};

/**
 * The deadline's message: PREFIX, the deadline SECONDS, WHAT it waited for (from localhost:5000)
 * and for how long (WAITED, a pattern: the timer's moment is not the test's).
 */
const waitedFor = (prefix: string, seconds: string, what: string, waited: RegExp) =>
  new RegExp(
    `${escape(`${prefix}the verify did not finish within ${seconds} s (waiting `)}${waited.source}${escape(
      ` s for ${what} from the registry localhost:5000)`,
    )}`,
  );
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-verify-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A P-256 public key file: the built-in verifier checks it, over the scripted registry. */
const KEY = path.join(dir, 'cosign.pub');
writeFileSync(
  KEY,
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }),
);

describe('the verify flags: --timeout SECONDS', () => {
  const cli = cliFlagNaming('verify');
  it.each([
    [undefined, 120],
    ['', 120],
    [' 90 ', 90],
    ['0.5', 0.5],
    ['3600', 3600],
  ])('%j -> %s seconds', (raw, seconds) => {
    expect(parseVerifyTimeout(raw, cli)).toBe(seconds);
  });

  it.each(['0', '0.0', '-5', 'abc', '1e3', '10s', 'Infinity', '3601', '3600.5'])(
    '%j is bad input (exit 2) naming the flag and the value',
    (raw) => {
      const e = (() => {
        try {
          parseVerifyTimeout(raw, cli);
        } catch (x) {
          return x;
        }
        throw new Error('accepted');
      })();
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).exitCode).toBe(2);
      expect((e as InputError).message).toBe(
        `verify: --timeout: expected seconds, a number above 0 and at most 3600, got ${JSON.stringify(raw)}`,
      );
    },
  );

  it('the sub-action names its input, export its --verify-timeout', () => {
    const input = { prefix: '', flag: (n: string) => `input "${n}"` };
    expect(() => parseVerifyFlags({ key: 'k.pub', timeout: 'soon' }, input)).toThrow(
      /^input "timeout": expected seconds, .* got "soon"$/,
    );
    const exp = cliFlagNaming('export', { timeout: 'verify-timeout' });
    expect(() => parseVerifyFlags({ key: 'k.pub', timeout: '0' }, exp)).toThrow(
      /^export: --verify-timeout: expected seconds/,
    );
    expect(parseVerifyFlags({ key: 'k.pub', timeout: '30' }, exp).timeoutSeconds).toBe(30);
  });

  it.each([
    [['verify', INDEX, '--key', KEY, '--timeout', 'abc'], /verify: --timeout: expected seconds, .*got "abc"/],
    [['verify', INDEX, '--key', KEY, '--timeout', '7200'], /verify: --timeout: .*at most 3600, got "7200"/],
  ])('ml-image %j: exit 2 before the registry is asked', async (argv, message) => {
    const registry = silentRegistry();
    const io = { ...captureIo(dir), registryFetch: registry.fetch };
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(registry.pending).toEqual([]);
  });
});

describe('ml-image verify against a registry that never answers', () => {
  it('ends with exit 3 at --timeout, naming the registry and the read it waited for; the request is aborted', async () => {
    const registry = silentRegistry();
    const io = { ...captureIo(dir), registryFetch: registry.fetch };
    const out = path.join(dir, 'out');
    const code = await runCli(['verify', INDEX, '--key', KEY, '--timeout', '0.05', '--out', out], io);
    expect(code, io.err()).toBe(3);
    // How long the index read waited: the whole deadline but the moment before it started.
    expect(io.err()).toMatch(waitedFor('verify: ', '0.05', `the image index ${INDEX}`, /0\.0[1-5]/));
    expect(io.err()).toMatch(/give the verify longer with --timeout SECONDS \(now 0\.05, at most 3600\)/);
    expect(registry.pending.map((p) => new URL(p.url).pathname)).toEqual([
      `/v2/acme/model/manifests/${INDEX_DIGEST}`,
    ]);
    expect(registry.pending.every((p) => p.signal.aborted)).toBe(true);
    // --out: the stopped verify says so, not ok.
    expect(JSON.parse(readFileSync(path.join(out, 'verify.json'), 'utf8'))).toMatchObject({ ok: false });
  });

  it('the index answered, the .sig/.att reads never: the oldest one is named, every one aborted', async () => {
    const registry = silentRegistry(indexAnswer);
    const io = { ...captureIo(dir), registryFetch: registry.fetch };
    const code = await runCli(['verify', INDEX, '--key', KEY, '--timeout', '0.05', '--json'], io);
    expect(code, io.err()).toBe(3);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix: string } };
    expect(error.message).toMatch(waitedFor('verify: ', '0.05', `the signature of ${AMD}`, /0\.0[1-5]/));
    expect(error.fix).toMatch(/^check that the registry localhost:5000 is up and reachable/);
    // Both platforms' signature and attestation tags were asked for, and all of them aborted.
    expect(registry.pending.length).toBeGreaterThanOrEqual(2);
    expect(registry.pending.every((p) => p.signal.aborted)).toBe(true);
  });

  it("export --verify: --verify-timeout is the deadline (its --timeout stays the smoke tests')", async () => {
    const registry = silentRegistry();
    const io = { ...captureIo(dir), registryFetch: registry.fetch };
    const argv = ['export', '--slurm', '--image', INDEX, '--out', path.join(dir, 'job'), '--verify'];
    const code = await runCli([...argv, '--key', KEY, '--timeout', '5000', '--verify-timeout', '0.05'], io);
    expect(code, io.err()).toBe(3);
    expect(io.err()).toContain('export: the verify did not finish within 0.05 s (waiting ');
    expect(io.err()).toContain('--verify-timeout SECONDS');
    expect(registry.pending.every((p) => p.signal.aborted)).toBe(true);
  });

  it('export: --verify-timeout without --verify is bad input', async () => {
    const io = captureIo(dir);
    const argv = ['export', '--slurm', '--image', INDEX, '--out', path.join(dir, 'job2')];
    expect(await runCli([...argv, '--verify-timeout', '30'], io)).toBe(2);
    expect(io.err()).toMatch(/export: --verify-timeout is a --verify option/);
  });
});

describe('verifyImage at its deadline', () => {
  const request = (o: Partial<VerifyRequest> = {}): VerifyRequest => ({
    ...parseVerifyFlags(
      { 'certificate-identity-regexp': '^https://github\\.com/acme/' },
      cliFlagNaming('verify'),
    ),
    ...o,
  });
  const docker = fakeDocker({
    imagetoolsInspect: async () => ({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: [{ os: 'linux', architecture: 'amd64', digest: D('1') }],
    }),
  });

  it('a check that ignores the signal does not hold the verify: exit 3 naming it, at the deadline', async () => {
    const controller = new AbortController();
    let now = 1_000;
    const deadline = new VerifyDeadline(120, controller.signal, () => now);
    const never = () => new Promise<never>(() => undefined);
    const signer = {
      verify: () => {
        // The signature check began 1.5 s before the deadline: the verify was long, the
        // registry not silent for 120 s.
        now += 1_500;
        controller.abort(new Error('deadline'));
        return never();
      },
      verifyAttestations: never,
    } as unknown as Signer;
    const e = await verifyImage({ docker, signer, deadline }, INDEX, request()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).exitCode).toBe(3);
    expect((e as EnvironmentError).message).toBe(
      `verify: the verify did not finish within 120 s (waiting 1.5 s for the signature of ${AMD} from the registry localhost:5000)`,
    );
    expect((e as EnvironmentError).fix).toMatch(/give the verify longer with --timeout SECONDS \(now 120,/);
    // Keyless: cosign waits for Sigstore too, and the fix says so.
    expect((e as EnvironmentError).fix).toMatch(/cosign also waits for Sigstore's services/);
  });

  it('the image reader (buildx, for keyless) gets the signal', async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const reader = fakeDocker({
      imagetoolsInspect: (_ref, options) => {
        signals.push(options?.signal);
        return new Promise((_r, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        );
      },
    });
    const e = await verifyImage(
      { docker: reader, signer: {} as Signer },
      INDEX,
      request({ timeoutSeconds: 0.05 }),
    ).catch((x: unknown) => x);
    expect((e as EnvironmentError).message).toMatch(
      waitedFor('verify: ', '0.05', `the image index ${INDEX}`, /0\.0[1-5]/),
    );
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe('a check that fails before the deadline', () => {
  const keyRequest = (timeout: string) =>
    parseVerifyFlags({ key: 'k.pub', require: 'sbom', timeout }, cliFlagNaming('verify'));
  const docker = fakeDocker({
    imagetoolsInspect: async () => ({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platforms: [{ os: 'linux', architecture: 'amd64', digest: D('1') }],
    }),
  });

  it.each<[string, Error, number]>([
    [
      'a registry error (exit 3)',
      new EnvironmentError(
        'registry localhost:5000: reading the .sig failed (HTTP 502 Bad Gateway)',
        'retry later',
      ),
      3,
    ],
    ['a failed check (exit 1)', new CheckFailedError('the statement is not about this image'), 1],
    ['bad input (exit 2)', new InputError('verify: --key: k.pub is not a public key'), 2],
  ])(
    '%s ends the verify with that error at once, the other checks stopped (not the deadline error)',
    async (_name, failure, exitCode) => {
      // Unfixed, the hanging sibling held the verify to the deadline, and its error won. The
      // deadline's timer is ours: it fires only if the verify is still under way after a generous
      // 10 s (a hang guard, not a speed goal); it must not have fired when the verify ends.
      const timer = new AbortController();
      const hangGuard = setTimeout(() => timer.abort(new Error('the deadline fired')), 10_000);
      const deadline = new VerifyDeadline(2, timer.signal);
      let siblingStopped = false;
      const signer = {
        verify: async () => {
          // The sibling is under way when this fails.
          await new Promise((r) => setTimeout(r, 5));
          throw failure;
        },
        verifyAttestations: () =>
          new Promise((_resolve, reject) => {
            const stop = () => {
              siblingStopped = true;
              reject(deadline.signal.reason as Error);
            };
            deadline.signal.addEventListener('abort', stop, { once: true });
          }),
      } as unknown as Signer;
      const e = await verifyImage({ docker, signer, deadline }, INDEX, keyRequest('2'))
        .catch((x: unknown) => x)
        .finally(() => clearTimeout(hangGuard));
      expect(e).toBe(failure);
      expect((e as { exitCode: number }).exitCode).toBe(exitCode);
      // Ended by the failure, before the deadline: the timer never fired.
      expect(timer.signal.aborted).toBe(false);
      // The sibling was told to stop at once, with that error.
      expect(siblingStopped).toBe(true);
      expect(deadline.signal.reason).toBe(failure);
    },
  );

  it('ml-image verify: a .sig read answered 502 is exit 3 with its own message and fix while the .att read hangs', async () => {
    const sig = (d: string) => `/v2/acme/model/manifests/sha256-${d.replace('sha256:', '')}.sig`;
    const registry = silentRegistry({
      ...indexAnswer,
      [sig(INDEX_DIGEST)]: () => answer(502, 'Bad Gateway'),
      [sig(D('1'))]: () => answer(502, 'Bad Gateway'),
      [sig(D('2'))]: () => answer(502, 'Bad Gateway'),
    });
    const io = { ...captureIo(dir), registryFetch: registry.fetch };
    // The 502 is tried three times (0.25 s + 0.5 s between): well within 5 s.
    const code = await runCli(['verify', INDEX, '--key', KEY, '--timeout', '5', '--json'], io);
    expect(code, io.err()).toBe(3);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix: string } };
    expect(error.message).toBe(
      `verify ${AMD}: registry localhost:5000: reading the manifest acme/model:sha256-${'1'.repeat(64)}.sig failed (HTTP 502)`,
    );
    expect(error.fix).toBeTruthy();
    expect(error.fix).not.toMatch(/--timeout/);
    // The reads left hanging were aborted at once.
    expect(registry.pending.length).toBeGreaterThan(0);
    expect(registry.pending.every((p) => p.signal.aborted)).toBe(true);
  });
});

describe('VerifyDeadline', () => {
  const never = () => new Promise<never>(() => undefined);

  it.each([
    [false, true],
    [true, false],
  ])('a wait that fails (optional %s) fires the signal: %s', async (optional, fires) => {
    const deadline = new VerifyDeadline(120, new AbortController().signal);
    const failure = new Error('HTTP 500');
    const e = await deadline
      .wait('localhost:5000', 'the certificates', () => Promise.reject(failure), optional)
      .catch((x: unknown) => x);
    expect(e).toBe(failure);
    expect(deadline.signal.aborted).toBe(fires);
    if (fires) expect(deadline.signal.reason).toBe(failure);
  });

  it('a wait that fails once the deadline passed is not the error: the deadline is', async () => {
    const controller = new AbortController();
    const deadline = new VerifyDeadline(1, controller.signal);
    let fail = (_e: Error) => undefined as void;
    const waiting = deadline.wait('localhost:5000', 'the index', () => new Promise((_r, j) => (fail = j)));
    const ended = deadline.within(waiting, () => new Error('the deadline'));
    controller.abort();
    fail(new Error('aborted'));
    expect(((await ended.catch((x: unknown) => x)) as Error).message).toBe('the deadline');
  });

  it.each([
    [119_600, '120'],
    [15_400, '15'],
    [3_250, '3.3'],
    [420, '0.42'],
    [2, '0.01'],
  ])('a wait of %s ms is said as %s s', async (ms, shown) => {
    const controller = new AbortController();
    let now = 0;
    const deadline = new VerifyDeadline(120, controller.signal, () => now);
    const ended = deadline.within(deadline.wait('ghcr.io', 'the signature of X', never), (oldest) =>
      deadlineError(deadline, oldest, 'unused', { prefix: 'verify: ', flag: '--timeout', cosign: false }),
    );
    now += ms;
    controller.abort();
    const e = (await ended.catch((x: unknown) => x)) as EnvironmentError;
    expect(e.message).toBe(
      `verify: the verify did not finish within 120 s (waiting ${shown} s for the signature of X from the registry ghcr.io)`,
    );
    expect(e.fix).toBe(
      'check that the registry ghcr.io is up and reachable from here (its status page, the network, any proxy or firewall), or give the verify longer with --timeout SECONDS (now 120, at most 3600)',
    );
  });

  it('no wait under way: the verify did not finish, waiting for the checks to end', () => {
    const deadline = new VerifyDeadline(30, AbortSignal.abort());
    const e = deadlineError(deadline, undefined, 'ghcr.io', {
      prefix: '',
      flag: 'input "timeout"',
      cosign: true,
    });
    expect(e.message).toBe('the verify did not finish within 30 s (waiting for the checks to end)');
    expect(e.fix).toMatch(
      /^check that the registry ghcr\.io is up .*cosign also waits .*input "timeout" SECONDS/,
    );
  });

  it('twelve requests waiting to be tried again on one deadline print no MaxListenersExceededWarning', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const deadline = new VerifyDeadline(60);
      const tried = new Set<string>();
      // Each manifest read is answered 503 (Retry-After 0) once: 12 timers on the deadline's signal.
      const client = createOciClient('localhost:5000', {
        fetch: async (url) => {
          if (tried.has(url)) return answer(404, '');
          tried.add(url);
          return answer(503, 'busy', { 'retry-after': '0' });
        },
        credential: none,
        signal: deadline.signal,
      });
      const reads = Array.from({ length: 12 }, (_, i) => client.manifest('acme/model', `t${i}`, ['x']));
      expect(await Promise.all(reads)).toEqual(Array.from({ length: 12 }, () => undefined));
      // Node emits a warning on the next tick.
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('what the deadline reaches', () => {
  it('cosign: the run gets the signal and the call rejects with its reason, not "cannot run cosign"; none starts after', async () => {
    const controller = new AbortController();
    const calls: AbortSignal[] = [];
    const exec: CosignExec = (_args, opts) => {
      calls.push(opts.signal!);
      return new Promise((_r, reject) =>
        opts.signal!.addEventListener('abort', () => reject(opts.signal!.reason as Error)),
      );
    };
    const signer = createCosignSigner(exec, { signal: controller.signal });
    const id = { kind: 'key', publicKey: 'k.pub' } as const;
    const pending = signer.verify(AMD, id).catch((x: unknown) => x);
    const reason = new Error('the deadline passed');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.aborted).toBe(true);
    expect(await signer.verifyAttestations(AMD, 'cyclonedx', id).catch((x: unknown) => x)).toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it('buildx imagetools inspect: the HTTP read and the buildx run get the signal', async () => {
    const controller = new AbortController();
    const seen: (AbortSignal | undefined)[] = [];
    const exec = {
      run: async (_cli: string, _args: readonly string[], options?: { signal?: AbortSignal }) => {
        seen.push(options?.signal);
        controller.abort();
        return { exitCode: 143, stdout: '', stderr: 'terminated' };
      },
    };
    const cli = createBuildxCli(exec, 'docker', undefined, async (_ref, signal) => {
      seen.push(signal);
      return undefined;
    });
    const e = await cli.imagetoolsInspect(INDEX, { signal: controller.signal }).catch((x: unknown) => x);
    expect(seen).toEqual([controller.signal, controller.signal]);
    // Stopped at the deadline: not reported as what buildx said when it was killed.
    expect(e).not.toBeInstanceOf(EnvironmentError);
    expect((e as Error).name).toBe('AbortError');
  });

  it("the registry client: a request's signal aborts with the deadline; the error says so (exit 3)", async () => {
    const controller = new AbortController();
    const registry = silentRegistry();
    const client = createOciClient('localhost:5000', {
      fetch: registry.fetch,
      credential: none,
      signal: controller.signal,
    });
    const read = client.manifest('acme/model', 'v1', ['application/json']).catch((x: unknown) => x);
    await Promise.resolve();
    controller.abort();
    const e = await read;
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).message).toBe(
      "registry localhost:5000 is unreachable (GET http://localhost:5000/v2/acme/model/manifests/v1: the caller's deadline passed)",
    );
    expect(registry.pending).toHaveLength(1);
    expect(registry.pending[0]!.signal.aborted).toBe(true);
  });

  it('the registry client: no attempt again once the deadline passed during the wait before it', async () => {
    const controller = new AbortController();
    let sent = 0;
    const client = createOciClient('localhost:5000', {
      fetch: async () => {
        sent++;
        return answer(503, 'busy');
      },
      credential: none,
      signal: controller.signal,
      sleep: async () => controller.abort(),
    });
    const e = await client.blob('acme/model', D('3')).catch((x: unknown) => x);
    expect(sent).toBe(1);
    expect((e as Error).name).toBe('AbortError');
  });
});

/**
 * A helper process that answers only when killed: its kill records the signal and ends it (the
 * process ending gives execFile's callback its error), as the real one's SIGKILL does.
 */
function endsWhenKilled(
  killed: (string | number | undefined)[],
  callback: (error: Error | null, stdout: string) => void,
): ReturnType<HelperExec> {
  return {
    pid: undefined,
    stdout: null,
    stderr: null,
    exitCode: null,
    signalCode: null,
    kill: (signal?: string | number) => {
      killed.push(signal);
      callback(Object.assign(new Error('Command failed'), { signal }), '');
      return true;
    },
    stdin: null,
  };
}

describe('the credential helper and the deadline', () => {
  const config = (text: string) => () => ({ file: '/home/u/.docker/config.json', text });

  it("the registry client's helper run gets its deadline: a hanging helper ends with it", async () => {
    const controller = new AbortController();
    const given: (AbortSignal | undefined)[] = [];
    const helper: RegistryAuthDeps['helper'] = (_name, _server, signal) => {
      given.push(signal);
      return new Promise((_r, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      );
    };
    const credential = () =>
      findCredential('localhost:5000', {
        dockerConfig: config('{"credHelpers":{"localhost:5000":"hangs"}}'),
        helper,
      });
    // The registry asks for a login: the helper is run.
    const client = createOciClient('localhost:5000', {
      fetch: async () => answer(401, '', { 'www-authenticate': 'Basic realm="registry"' }),
      credential,
      signal: controller.signal,
    });
    const read = client.manifest('acme/model', 'v1', ['x']).catch((x: unknown) => x);
    await new Promise((r) => setTimeout(r, 5));
    expect(given).toEqual([controller.signal]);
    const reason = new Error('the deadline passed');
    controller.abort(reason);
    expect(await read).toBe(reason);
  });

  it.each([
    ['credHelpers', '{"credHelpers":{"ghcr.io":"pass"}}'],
    ['credsStore', '{"credsStore":"pass"}'],
  ])('findCredential (%s) passes the signal to the helper', async (_key, text) => {
    const seen: (AbortSignal | undefined)[] = [];
    const credential = findCredential('ghcr.io', {
      dockerConfig: config(text),
      helper: async (_name, _server, signal) => {
        seen.push(signal);
        return { username: 'u', secret: 's' };
      },
    });
    const signal = new AbortController().signal;
    expect(await credential.get!(signal)).toEqual({ username: 'u', secret: 's' });
    expect(seen).toEqual([signal]);
  });

  it("registryDeps: docker-credential-NAME is stopped with what it started at the caller's deadline; aborted, the call rejects with its reason", async () => {
    const controller = new AbortController();
    const runs: { file: string; runId: string | undefined }[] = [];
    const killed: (string | number | undefined)[] = [];
    const exec: HelperExec = (file, _args, options, callback) => {
      runs.push({ file, runId: options.env.ML_IMAGE_RUN_ID });
      return endsWhenKilled(killed, callback);
    };
    const call = registryDeps({}, exec)
      .helper('hangs', 'localhost:5000', controller.signal)
      .catch((x: unknown) => x);
    // It carries the run's id, so the post step finds it after a SIGKILL of this process.
    expect(runs).toEqual([{ file: 'docker-credential-hangs', runId: RUN_ID }]);
    const reason = new Error('the deadline passed');
    controller.abort(reason);
    expect(await call).toBe(reason);
    // killTree: the helper, then what it started (none without a pid here), by SIGKILL.
    expect(killed).toEqual(['SIGKILL']);
    // Without a signal (doctor, signing): its own 30 s only; an answer as before.
    const answered: HelperExec = (file, _args, options, callback) => {
      runs.push({ file, runId: options.env.ML_IMAGE_RUN_ID });
      callback(null, '{"Username":"u","Secret":"s"}');
      return endsWhenKilled([], () => undefined);
    };
    expect(await registryDeps({}, answered).helper('pass', 'ghcr.io')).toEqual({
      username: 'u',
      secret: 's',
    });
    // Once the deadline passed, no helper is started.
    expect(
      await registryDeps({}, exec)
        .helper('late', 'ghcr.io', controller.signal)
        .catch((x: unknown) => x),
    ).toBe(reason);
    expect(runs).toHaveLength(2);
  });

  it('registryDeps: a helper that does not answer in 30 s is stopped with what it started (exit 3 naming it)', async () => {
    vi.useFakeTimers();
    try {
      const killed: (string | number | undefined)[] = [];
      const exec: HelperExec = (_file, _args, _options, callback) => endsWhenKilled(killed, callback);
      const call = registryDeps({}, exec)
        .helper('slow', 'ghcr.io')
        .catch((x: unknown) => x);
      await vi.advanceTimersByTimeAsync(HELPER_TIMEOUT_MS);
      const e = await call;
      expect(e).toBeInstanceOf(EnvironmentError);
      expect((e as Error).message).toBe(
        'credential helper docker-credential-slow gave no answer for ghcr.io in 30 s',
      );
      expect(killed).toEqual(['SIGKILL']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the verify sub-action: input "timeout"', () => {
  function actionIo(inputs: Record<string, string>, fetch: OciFetch) {
    const failed: string[] = [];
    const io: ActionIo & { registryFetch: OciFetch } = {
      getInput: (n) => inputs[n] ?? '',
      setOutput: () => undefined,
      setFailed: (m) => failed.push(m),
      error: () => undefined,
      warning: () => undefined,
      info: () => undefined,
      group: (_n, fn) => fn(),
      cwd: dir,
      env: {},
      docker: () => fakeDocker(),
      registryFetch: fetch,
    };
    return { io, failed };
  }

  it('a registry that never answers fails the step at the deadline, naming the input', async () => {
    const registry = silentRegistry(indexAnswer);
    const f = actionIo({ command: 'verify', image: INDEX, key: KEY, timeout: '0.05' }, registry.fetch);
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(
      /^the verify did not finish within 0\.05 s \(waiting 0\.0[1-5] s for the signature of .* from the registry localhost:5000\)/,
    );
    expect(f.failed[0]).toMatch(/input "timeout" SECONDS/);
    expect(registry.pending.every((p) => p.signal.aborted)).toBe(true);
  });

  it('a bad value fails the step naming the input, before any registry is asked', async () => {
    const registry = silentRegistry();
    const f = actionIo({ command: 'verify', image: INDEX, key: KEY, timeout: '-1' }, registry.fetch);
    await run(f.io);
    expect(f.failed[0]).toMatch(/^input "timeout": expected seconds, .*got "-1"/);
    expect(registry.pending).toEqual([]);
  });
});
