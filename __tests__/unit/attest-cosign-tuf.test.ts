// cosign's Sigstore cache (TUF metadata, in TUF_ROOT) is the run's own for every cosign run that
// reads it (keyless, the transparency log), so that two jobs sharing a HOME do not trip over
// ~/.sigstore/root; a TUF_ROOT the user set is kept; key-only runs without the log are left as
// they were. A busy cache ("creating cached local store: resource temporarily unavailable",
// sigstore/cosign#2576; "failed to persist metadata") is tried once more, then exit 3 naming the
// cache and TUF_ROOT, never "unknown" (nor a failed check).
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFailure, type CosignArgOptions } from '../../src/attest/cosign-args.js';
import {
  cosignEnv,
  createCosignSigner,
  type CosignExec,
  type CosignExecResult,
  type Signer,
} from '../../src/attest/cosign.js';
import { initializedTufRoot, sigstoreCacheError, tufRootOnce } from '../../src/attest/cosign-env.js';
import { EnvironmentError, ExitCode } from '../../src/errors.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { runTempRoot } from '../../src/util/temp.js';

const HEX = '93471452c966adbc707ff59a0f0dbbd4ae8b462e0d2663696c1c15d46bab81fd';
const REF = `ghcr.io/org/app@sha256:${HEX}`;
const KEY = { kind: 'key', key: '/k/cosign.key' } as const;
const PUB = { kind: 'key', publicKey: '/k/cosign.pub' } as const;
const GH = {
  kind: 'keyless',
  certificateIdentity: 'https://github.com/o/r/.github/workflows/b.yml@refs/heads/main',
  certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
} as const;
const PREDICATE = { predicatePath: '/p.json', type: 'cyclonedx' };
const SIG_JSON = `[{"critical":{"identity":{"docker-reference":"ghcr.io/org/app"},"image":{"docker-manifest-digest":"sha256:${HEX}"},"type":"cosign container image signature"},"optional":null}]`;
const ENVELOPE = JSON.stringify({
  payloadType: 'application/vnd.in-toto+json',
  payload: Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://cyclonedx.org/bom',
      subject: [{ name: 'ghcr.io/org/app', digest: { sha256: HEX } }],
      predicate: {},
    }),
  ).toString('base64'),
  signatures: [{ keyid: '', sig: 'c2ln' }],
});
const OWN = '/tmp/ml-image-1-x/cosign-tuf-abc';
const BASE = { PATH: '/bin', HOME: '/home/runner' };

const err = (line: string) => `Error: ${line}\nerror during command execution: ${line}\n`;
const ok = (stdout = ''): CosignExecResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (line: string): CosignExecResult => ({ exitCode: 1, stdout: '', stderr: err(line) });
const BUSY =
  'signing [x]: getting signer: getting key from Fulcio: getting CTFE public keys: creating cached local store: resource temporarily unavailable';
const PERSIST =
  'error getting live trusted root: failed to create TUF client failed to load metadata: tuf refresh failed: failed to persist metadata';

/** A fake exec that answers REPLY and records the environment cosign would get (BASE inherited). */
function fakeExec(reply: (args: string[], n: number) => CosignExecResult) {
  const calls: { args: string[]; env: Record<string, string | undefined> }[] = [];
  const exec: CosignExec = async (args, opts) => {
    calls.push({ args, env: cosignEnv(opts.env, BASE, opts.tuf === true ? () => OWN : undefined) });
    return reply(args, calls.filter((c) => c.args[0] === args[0]).length);
  };
  return { exec, calls };
}
const answer = (args: string[]) =>
  args[0] === 'version'
    ? ok('{"gitVersion":"v2.5.3"}')
    : args[0] === 'verify'
      ? ok(SIG_JSON)
      : args[0] === 'verify-attestation'
        ? ok(ENVELOPE)
        : ok();

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe("cosign runs that read Sigstore's TUF metadata get the run's own TUF_ROOT", () => {
  it.each<[string, (s: Signer) => Promise<unknown>, CosignArgOptions, boolean]>([
    ['sign keyless', (s) => s.sign(REF, { kind: 'keyless' }), {}, true],
    ['sign with a key and the log', (s) => s.sign(REF, KEY, { tlog: true }), {}, true],
    ['sign with a key, the log on for the signer', (s) => s.sign(REF, KEY), { tlog: true }, true],
    ['sign with a key, no log', (s) => s.sign(REF, KEY), {}, false],
    ['attest keyless', (s) => s.attest(REF, PREDICATE, { kind: 'keyless' }), {}, true],
    ['attest with a key and the log', (s) => s.attest(REF, PREDICATE, KEY, { tlog: true }), {}, true],
    ['attest with a key, no log', (s) => s.attest(REF, PREDICATE, KEY), {}, false],
    ['verify a certificate identity', (s) => s.verify(REF, GH), {}, true],
    ['verify with a key and the log', (s) => s.verify(REF, PUB, { tlog: true }), {}, true],
    ['verify with a key, no log', (s) => s.verify(REF, PUB), {}, false],
    ['verify-attestation keyless', (s) => s.verifyAttestations(REF, 'cyclonedx', GH), {}, true],
    ['verify-attestation with a key, no log', (s) => s.verifyAttestations(REF, 'cyclonedx', PUB), {}, false],
    ['version', (s) => s.version(), {}, false],
  ])('%s: TUF_ROOT of its own %s', async (_n, act, options, own) => {
    const { exec, calls } = fakeExec(answer);
    await act(createCosignSigner(exec, { ...options, password: 'pw' }));
    const call = calls[calls.length - 1]!;
    // Key-only runs get what they got before: the inherited environment, the call's, the run id.
    const before = { ...BASE, COSIGN_PASSWORD: 'pw', ML_IMAGE_RUN_ID: RUN_ID };
    expect(call.env).toEqual(own ? { ...before, TUF_ROOT: OWN } : before);
    // The version asked before signing reads nothing of Sigstore's.
    for (const c of calls.filter((c) => c.args[0] === 'version')) expect(c.env.TUF_ROOT).toBeUndefined();
  });

  it.each<[string, Record<string, string>, Record<string, string>, string | undefined]>([
    ['inherited', { TUF_ROOT: '/srv/tuf' }, {}, '/srv/tuf'],
    ["the signer's environment", {}, { TUF_ROOT: '/srv/tuf' }, '/srv/tuf'],
    ['empty (cosign reads it as unset)', { TUF_ROOT: '' }, {}, OWN],
  ])('a TUF_ROOT the user set is theirs, and kept: %s', (_n, base, extra, expected) => {
    let made = 0;
    const env = cosignEnv(extra, { ...BASE, ...base }, () => {
      made++;
      return OWN;
    });
    expect(env.TUF_ROOT).toBe(expected);
    expect(made).toBe(expected === OWN ? 1 : 0);
  });

  it.each<[string, string | undefined, boolean]>([
    ['no remote.json (never initialized)', undefined, false],
    ["Sigstore's public CDN", '{"mirror":"https://tuf-repo-cdn.sigstore.dev"}', false],
    [
      "Sigstore's public GCS bucket, by URL",
      '{"mirror":"https://sigstore-tuf-root.storage.googleapis.com"}',
      false,
    ],
    ["Sigstore's public GCS bucket, by name", '{"mirror":"sigstore-tuf-root"}', false],
    ['a private mirror', '{"mirror":"https://tuf.corp.example"}', true],
    ['a private GCS bucket', '{"mirror":"corp-tuf-root"}', true],
    ['not JSON', 'mirror=https://tuf.corp.example', false],
    ['no mirror in it', '{}', false],
  ])('~/.sigstore/root initialized for %s: kept as the cache (%s)', (_n, remote, kept) => {
    const read = (file: string) => {
      expect(file).toBe(path.join('/home/runner', '.sigstore', 'root', 'remote.json'));
      if (remote === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return remote;
    };
    const dir = initializedTufRoot(BASE, read);
    expect(dir).toBe(kept ? path.join('/home/runner', '.sigstore', 'root') : undefined);
    const env = cosignEnv(
      undefined,
      BASE,
      () => OWN,
      (b) => initializedTufRoot(b, read),
    );
    expect(env.TUF_ROOT).toBe(kept ? undefined : OWN);
  });

  it('no HOME: no initialized cache to keep', () => {
    expect(
      initializedTufRoot({ PATH: '/bin' }, () => '{"mirror":"https://tuf.corp.example"}'),
    ).toBeUndefined();
  });

  it("is one dir per run, under the run's temp root (removed with it), private, empty; removed by the run's cleanup", () => {
    const cleanups: (() => void)[] = [];
    const tufRoot = tufRootOnce(undefined, (fn) => cleanups.push(fn));
    const dir = tufRoot();
    try {
      expect(path.dirname(dir)).toBe(runTempRoot());
      expect(path.basename(dir)).toMatch(/^cosign-tuf-/);
      expect(lstatSync(dir).isDirectory()).toBe(true);
      expect(lstatSync(dir).mode & 0o777).toBe(0o700);
      expect(readdirSync(dir)).toEqual([]);
      expect(tufRoot()).toBe(dir); // one TUF refresh per run, not per cosign run
      expect(cleanups).toHaveLength(1);
    } finally {
      cleanups.forEach((fn) => fn());
    }
    expect(existsSync(dir)).toBe(false);
    // A cosign run after the cleanup gets a new one, not the removed dir.
    const again = tufRoot();
    expect(again).not.toBe(dir);
    cleanups.slice(1).forEach((fn) => fn());
    expect(existsSync(again)).toBe(false);
  });
});

describe("cosign's Sigstore cache held by another cosign", () => {
  it.each<[string, string, ReturnType<typeof classifyFailure>['kind'], string?]>([
    ['the leveldb lock (cosign 2.5, sigstore/cosign#2576)', BUSY, 'cache'],
    ['a metadata write (sigstore-go)', PERSIST, 'cache'],
    [
      'a cache left half-written',
      'getting Rekor public keys: initializing tuf: unable to initialize client, local cache may be corrupt: tuf: invalid signature',
      'cache',
    ],
    // The log's keys are read per signature: the cache's failure may come as "no matching signatures".
    [
      'after "no matching signatures: " (not a failed check)',
      `no matching signatures: getting Rekor public keys: ${BUSY.split(': ').slice(-2).join(': ')}`,
      'cache',
    ],
    // Still what it was: TUF unreachable is Sigstore unreachable, not the cache.
    [
      'TUF unreachable',
      'tuf refresh failed: Get "https://tuf-repo-cdn.sigstore.dev/15.root.json": dial tcp: lookup tuf-repo-cdn.sigstore.dev: no such host',
      'unreachable',
      'sigstore',
    ],
  ])('%s -> %s', (_n, line, kind, service) => {
    const f = classifyFailure(err(line));
    expect(f.kind).toBe(kind);
    if (service !== undefined) expect(f).toMatchObject({ service });
  });

  it('is tried once more, and a second try that works is a success', async () => {
    const { exec, calls } = fakeExec((args, n) =>
      args[0] === 'sign' && n === 1 ? fail(BUSY) : answer(args),
    );
    await createCosignSigner(exec, { cacheRetryMs: 0 }).sign(REF, { kind: 'keyless' });
    expect(calls.map((c) => c.args[0])).toEqual(['version', 'sign', 'sign']);
    expect(calls[2]!.env.TUF_ROOT).toBe(OWN);
  });

  it.each<[string, Record<string, string>, (s: Signer) => Promise<unknown>, RegExp, RegExp]>([
    [
      'in a TUF_ROOT the user set: it names it, and asks for one per job',
      { TUF_ROOT: '/srv/shared-tuf' },
      (s) => s.sign(REF, { kind: 'keyless' }),
      /^cosign sign ghcr\.io\/org\/app@sha256:\w+: cosign could not use its Sigstore cache \(the TUF metadata in TUF_ROOT \/srv\/shared-tuf\) \(.*resource temporarily unavailable\)$/,
      /give each job a TUF_ROOT of its own, or unset it/,
    ],
    [
      'a verify: exit 3, not a failed check',
      { TUF_ROOT: '/srv/shared-tuf' },
      (s) => s.verify(REF, GH),
      /^cosign verify .*: cosign could not use its Sigstore cache \(the TUF metadata in TUF_ROOT \/srv\/shared-tuf\)/,
      /give each job a TUF_ROOT of its own/,
    ],
  ])('twice: exit 3 %s', async (_n, env, act, message, fix) => {
    const { exec, calls } = fakeExec((args) => (args[0] === 'version' ? answer(args) : fail(BUSY)));
    const e = await thrown(act(createCosignSigner(exec, { env, cacheRetryMs: 0 })));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    expect((e as Error).message).toMatch(message);
    expect((e as EnvironmentError).fix).toMatch(fix);
    expect(calls.filter((c) => c.args[0] !== 'version')).toHaveLength(2);
  });

  it.each<[string, string | undefined, boolean, RegExp, RegExp, string?]>([
    ["the user's", '/srv/tuf', true, /in TUF_ROOT \/srv\/tuf\)/, /give each job a TUF_ROOT of its own/],
    [
      "the run's own",
      undefined,
      true,
      /in the run's own TUF_ROOT\)/,
      new RegExp(
        `TUF_ROOT of its own under ${runTempRoot().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: check that the temp dir`,
      ),
    ],
    [
      "cosign's default (a run that reads no TUF)",
      undefined,
      false,
      /in ~\/\.sigstore\/root\)/,
      /set TUF_ROOT to a directory of this job's own/,
    ],
    [
      '~/.sigstore/root kept for a private mirror (a keyless run)',
      undefined,
      true,
      /in ~\/\.sigstore\/root\)/,
      /set up for your own TUF mirror .*initialized for your mirror/,
      '/home/runner/.sigstore/root',
    ],
  ])('the message names the cache: %s', (_n, given, own, message, fix, initialized) => {
    const e = sigstoreCacheError('cosign sign x', PERSIST, given, own, initialized);
    expect(e.message).toMatch(/^cosign sign x: cosign could not use its Sigstore cache \(the TUF metadata /);
    expect(e.message).toMatch(message);
    expect(e.fix).toMatch(fix);
  });

  it("a deadline during the pause ends the run with the deadline's reason, not a second try", async () => {
    const controller = new AbortController();
    const reason = new Error('the verify did not finish within 1 s');
    const { exec, calls } = fakeExec(() => {
      queueMicrotask(() => controller.abort(reason));
      return fail(BUSY);
    });
    const signer = createCosignSigner(exec, { signal: controller.signal, cacheRetryMs: 60_000 });
    // A second try would wait out the 60 s pause: the test's own timeout is the hang guard.
    await expect(signer.verify(REF, GH)).rejects.toBe(reason);
    expect(calls).toHaveLength(1);
  });
});
