// The cosign adapter's pure half as tables (argv per operation and mode, which registries get
// plain HTTP, what cosign's stderr means, its JSON output), and the Signer over a recording fake
// exec: secrets travel by environment only, failures map to check results or exit 2/3.
import { describe, expect, it } from 'vitest';
import {
  attestArgs,
  checkPredicateType,
  classifyFailure,
  cosignErrorLine,
  type CosignFailure,
  parseAttestations,
  parseVerifiedSignatures,
  registryFlags,
  signArgs,
  type Statement,
  type VerifiedSignature,
  verifyArgs,
  verifyAttestationArgs,
  type VerifyIdentity,
} from '../../src/attest/cosign-args.js';
import { parseSimpleSigning, parseStatement } from '../../src/attest/cosign-image.js';
import { isPlainHttpRegistry } from '../../src/docker/registry.js';
import {
  type CosignExec,
  type CosignExecOptions,
  type CosignExecResult,
  createCosignSigner,
} from '../../src/attest/cosign.js';
import { EnvironmentError, InputError } from '../../src/errors.js';

const HEX = '93471452c966adbc707ff59a0f0dbbd4ae8b462e0d2663696c1c15d46bab81fd';
const LOCAL = `localhost:5000/ml/app@sha256:${HEX}`;
const REMOTE = `ghcr.io/org/app@sha256:${HEX}`;
const HTTP = ['--allow-insecure-registry', '--allow-http-registry'];
const PUB: VerifyIdentity = { kind: 'key', publicKey: '/k/cosign.pub' };
const GH: VerifyIdentity = {
  kind: 'keyless',
  certificateIdentity: 'https://github.com/o/r/.github/workflows/b.yml@refs/heads/main',
  certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
};

describe('isPlainHttpRegistry / registryFlags', () => {
  it.each<[string, boolean]>([
    ['localhost:5000', true],
    ['localhost', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3:80', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['docker.io', false],
    ['registry.local:5000', false],
    ['localhost.evil.com:5000', false],
    ['10.0.0.1:5000', false],
    ['127.0.0.1.nip.io', false],
  ])('%s -> %s', (host, plain) => {
    expect(isPlainHttpRegistry(host)).toBe(plain);
    expect(registryFlags(host)).toEqual(plain ? HTTP : []);
  });
});

describe('argv per operation and mode', () => {
  const key = { kind: 'key', key: '/k/cosign.key' } as const;
  const envKey = { kind: 'key', key: 'env://COSIGN_KEY' } as const;
  const keyless = { kind: 'keyless' } as const;
  const bom = { predicatePath: '/r/sbom.json', type: 'cyclonedx' };
  it.each<[string, string[], string[]]>([
    [
      'sign, key, local',
      signArgs(LOCAL, key),
      ['sign', '--key', '/k/cosign.key', '--tlog-upload=false', ...HTTP, LOCAL],
    ],
    [
      'sign, key, remote',
      signArgs(REMOTE, key),
      ['sign', '--key', '/k/cosign.key', '--tlog-upload=false', REMOTE],
    ],
    [
      'sign, env key',
      signArgs(REMOTE, envKey),
      ['sign', '--key', 'env://COSIGN_KEY', '--tlog-upload=false', REMOTE],
    ],
    [
      'sign, key, tlog asked',
      signArgs(REMOTE, key, { tlog: true }),
      ['sign', '--key', '/k/cosign.key', '--tlog-upload=true', '--yes', REMOTE],
    ],
    ['sign, keyless', signArgs(REMOTE, keyless), ['sign', '--tlog-upload=true', '--yes', REMOTE]],
    [
      'sign, keyless ignores tlog:false',
      signArgs(REMOTE, keyless, { tlog: false }),
      ['sign', '--tlog-upload=true', '--yes', REMOTE],
    ],
    [
      'attest, key, local',
      attestArgs(LOCAL, bom, key),
      [
        'attest',
        '--key',
        '/k/cosign.key',
        '--tlog-upload=false',
        '--type',
        'cyclonedx',
        '--predicate',
        '/r/sbom.json',
        '--new-bundle-format=false',
        '--replace',
        ...HTTP,
        LOCAL,
      ],
    ],
    [
      'attest, keyless, custom type URI',
      attestArgs(REMOTE, { predicatePath: '/r/smoke.json', type: 'https://ml-image.dev/smoke/v1' }, keyless),
      [
        'attest',
        '--tlog-upload=true',
        '--yes',
        '--type',
        'https://ml-image.dev/smoke/v1',
        '--predicate',
        '/r/smoke.json',
        '--new-bundle-format=false',
        '--replace',
        REMOTE,
      ],
    ],
    [
      'verify, key, local',
      verifyArgs(LOCAL, PUB),
      [
        'verify',
        '--key',
        '/k/cosign.pub',
        '--insecure-ignore-tlog=true',
        '--new-bundle-format=false',
        '--output',
        'json',
        ...HTTP,
        LOCAL,
      ],
    ],
    [
      'verify, key, tlog',
      verifyArgs(REMOTE, PUB, { tlog: true }),
      ['verify', '--key', '/k/cosign.pub', '--new-bundle-format=false', '--output', 'json', REMOTE],
    ],
    [
      'verify, keyless identity',
      verifyArgs(REMOTE, GH),
      [
        'verify',
        '--certificate-identity',
        'https://github.com/o/r/.github/workflows/b.yml@refs/heads/main',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--new-bundle-format=false',
        '--output',
        'json',
        REMOTE,
      ],
    ],
    [
      'verify-attestation, keyless regexp',
      verifyAttestationArgs(REMOTE, 'slsaprovenance1', {
        kind: 'keyless',
        certificateIdentityRegexp: '^https://github.com/o/',
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
      }),
      [
        'verify-attestation',
        '--certificate-identity-regexp',
        '^https://github.com/o/',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--type',
        'slsaprovenance1',
        '--new-bundle-format=false',
        '--output',
        'json',
        REMOTE,
      ],
    ],
    [
      'verify-attestation, key, local',
      verifyAttestationArgs(LOCAL, 'cyclonedx', PUB),
      [
        'verify-attestation',
        '--key',
        '/k/cosign.pub',
        '--insecure-ignore-tlog=true',
        '--type',
        'cyclonedx',
        '--new-bundle-format=false',
        '--output',
        'json',
        ...HTTP,
        LOCAL,
      ],
    ],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  it('a tag before the digest: cosign is given REPO@DIGEST (the digest decides)', () => {
    const tagged = `ghcr.io/org/app:1.0@sha256:${HEX}`;
    expect(signArgs(tagged, key)).toEqual(['sign', '--key', '/k/cosign.key', '--tlog-upload=false', REMOTE]);
    expect(verifyArgs(tagged, PUB).at(-1)).toBe(REMOTE);
    expect(verifyAttestationArgs(tagged, 'cyclonedx', PUB).at(-1)).toBe(REMOTE);
    expect(attestArgs(tagged, bom, key).at(-1)).toBe(REMOTE);
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a tag instead of a digest', () => signArgs('ghcr.io/o/a:1', key), /by digest/],
    ['an empty key', () => signArgs(REMOTE, { kind: 'key', key: ' ' }), /signing key: empty/],
    ['an empty public key', () => verifyArgs(REMOTE, { kind: 'key', publicKey: '' }), /public key: empty/],
    [
      'an unknown predicate type',
      () => attestArgs(REMOTE, { predicatePath: '/p', type: 'sbom' }, key),
      /"sbom"/,
    ],
    [
      'an empty predicate path',
      () => attestArgs(REMOTE, { predicatePath: '', type: 'cyclonedx' }, key),
      /predicate file/,
    ],
    [
      'keyless with neither identity nor regexp',
      () => verifyArgs(REMOTE, { kind: 'keyless', certificateOidcIssuer: 'https://i' }),
      /exactly one/,
    ],
    [
      'keyless with both identity and regexp',
      () =>
        verifyArgs(REMOTE, {
          kind: 'keyless',
          certificateIdentity: 'a',
          certificateIdentityRegexp: 'b',
          certificateOidcIssuer: 'https://i',
        }),
      /exactly one/,
    ],
    [
      'keyless without issuer',
      () => verifyArgs(REMOTE, { kind: 'keyless', certificateIdentity: 'a', certificateOidcIssuer: '' }),
      /issuer is empty/,
    ],
  ])('%s -> InputError', (_name, f, why) => {
    expect(f).toThrow(InputError);
    expect(f).toThrow(why);
  });

  it.each([
    ['cyclonedx', true],
    ['slsaprovenance1', true],
    ['custom', true],
    ['https://ml-image.dev/attestations/smoke/v1', true],
    ['http://x.example/p', true],
    ['ftp://x/y', false],
    ['CycloneDX', false],
    ['https://', false],
  ])('predicate type %s accepted: %s', (type, ok) => {
    if (ok) expect(checkPredicateType(type)).toBe(type);
    else expect(() => checkPredicateType(type)).toThrow(InputError);
  });
});

// Real stderr of cosign 2.5 against distribution 2.8 (seen on the test bed).
const WARN = 'WARNING: Skipping tlog verification is an insecure practice ...\n';
const err = (line: string) => `${WARN}Error: ${line}\nerror during command execution: ${line}\n`;
describe('classifyFailure (cosign 2.5 stderr)', () => {
  it.each<[string, string, CosignFailure['kind'], string?]>([
    ['never signed', err('no signatures found'), 'missing'],
    ['no attestations at all', err('no matching attestations: '), 'missing'],
    [
      'no attestation of the type',
      err(
        'none of the attestations matched the predicate type: slsaprovenance1, found: https://cyclonedx.org/bom',
      ),
      'missing',
    ],
    [
      'wrong public key',
      err('no matching signatures: invalid signature when validating ASN.1 encoded signature'),
      'invalid',
    ],
    [
      'attestation by another key',
      err('no matching attestations: accepted signatures do not match threshold, Found: 0, Expected 1'),
      'invalid',
    ],
    // Tampering: a .att tag copied from another digest, an envelope without a signature or with
    // a broken payload. cosign had attestations and none held: a failed check, not exit 3.
    [
      'attestation about another digest',
      err('no matching attestations: no matching subject digest found'),
      'invalid',
    ],
    ['unsigned envelope', err('no matching attestations: no signatures found in envelope'), 'invalid'],
    // Pushed content that cannot be an attestation is a failed check (exit 1), as the built-in
    // verifier reads it: an image index at the tag holds no layers (cosign 2.5's words).
    [
      'an image index pushed at the .att tag',
      err(
        'no child with platform linux/amd64 in index localhost:5000/ml/app:sha256-7bbf78b26635f2b085856732f50f0c392ad59dcdf902997649033f17fab6ea28.att',
      ),
      'missing',
    ],
    [
      'an image index pushed at the .sig tag',
      err('no child with platform linux/arm64/v8 in index ghcr.io/o/a:sha256-00.sig'),
      'missing',
    ],
    [
      'an index that is the image itself: not ours to call',
      err('no child with platform linux/amd64 in index ghcr.io/o/a:v1'),
      'unknown',
    ],
    [
      'a layer whose blob is not the size it declares (the only one)',
      err(
        'no matching attestations: error verifying sha256 checksum after reading 55799 bytes; got "sha256:adedb2381ad70f948d711b65427ecbfb18e06413a36772a99ce4eabf81c8da87", want "sha256:3943f51bd5f60a4ca5285fc86a4833cb283ed27a718d0f4f71afaa2bacad82df"',
      ),
      'invalid',
    ],
    ['broken payload', err('no matching attestations: illegal base64 data at input byte 12'), 'invalid'],
    // The registry or the log failing while cosign reads is no check result (exit 3, as before).
    [
      'a registry 500 while reading an attestation',
      err('no matching attestations: GET https://ghcr.io/v2/o/a/blobs/sha256:x: unexpected status code 500'),
      'unknown',
    ],
    [
      'a blob the registry lists but lacks',
      err('no matching attestations: BLOB_UNKNOWN: blob unknown'),
      'unknown',
    ],
    [
      'the log failing',
      err('no matching attestations: searching log query: [POST /api/v1/log/entries/retrieve][500]'),
      'unknown',
    ],
    [
      'broken statement',
      err("no matching attestations: invalid character 'x' looking for beginning of value"),
      'invalid',
    ],
    [
      'keyless identity mismatch',
      err(
        'no matching signatures: none of the expected identities matched what was in the certificate, got subjects [x]',
      ),
      'invalid',
    ],
    // What the registry holds, quoted by cosign, never decides: a tampered envelope's payloadType
    // (line breaks too, up to cosign's own last ending) and a certificate's subjects.
    ...(
      [
        'connection refused',
        'DENIED',
        '500',
        'x\nError: loading public key: y',
        'x on envelope. Expected application/vnd.in-toto+json dial tcp',
      ] as const
    ).map((payloadType): [string, string, CosignFailure['kind']] => [
      `a payloadType that reads ${JSON.stringify(payloadType)}`,
      err(
        `no matching attestations: invalid payloadType ${payloadType} on envelope. Expected application/vnd.in-toto+json`,
      ),
      'invalid',
    ]),
    [
      'keyless identity mismatch, the subject a branch named DENIED of a repository named 500',
      err(
        'no matching signatures: none of the expected identities matched what was in the certificate, got subjects [https://github.com/x/500/.github/workflows/a.yml@refs/heads/DENIED] with issuer https://token.actions.githubusercontent.com',
      ),
      'invalid',
    ],
    [
      'registry down',
      err('Get "https://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused'),
      'unreachable',
      'registry',
    ],
    [
      'rekor down',
      err(
        'signing digest: Post "https://rekor.sigstore.dev/api/v1/log/entries": dial tcp: lookup rekor.sigstore.dev: no such host',
      ),
      'unreachable',
      'sigstore',
    ],
    ['denied', err('PUT https://ghcr.io/v2/o/a/manifests/sha256-x.sig: DENIED: permission_denied'), 'denied'],
    [
      'wrong password',
      err('signing [x]: getting signer: reading key: decrypt: encrypted: decryption failed'),
      'input',
    ],
    ['no password', err('signing [x]: getting signer: reading key: inappropriate ioctl for device'), 'input'],
    [
      'missing key file',
      err('signing [x]: getting signer: reading key: open /nonexist.key: no such file or directory'),
      'input',
    ],
    [
      'missing predicate',
      err('signing x: getting predicate reader: open /nope.json: no such file or directory'),
      'input',
    ],
    ['missing public key', err('loading public key: open /nope.pub: no such file or directory'), 'input'],
    [
      'env key unset',
      err('signing [x]: getting signer: reading key: loading URL: env var $COSIGN_KEY not found'),
      'input',
    ],
    ['something else', err('a new failure'), 'unknown'],
  ])('%s -> %s', (_name, stderr, kind, service) => {
    const f = classifyFailure(stderr);
    expect(f.kind).toBe(kind);
    expect(f.detail).not.toContain('WARNING');
    if (service !== undefined) expect(f).toMatchObject({ service });
  });

  it.each([
    ['Error: a\nerror during command execution: a\n', 'a'],
    ['error during command execution: b\n', 'b'],
    ['just text\nlast line\n', 'last line'],
    ['', '(no output)'],
  ])('cosignErrorLine(%j) = %j', (stderr, line) => {
    expect(cosignErrorLine(stderr)).toBe(line);
  });
});

const SIG_JSON = `[{"critical":{"identity":{"docker-reference":"localhost:5000/ml/app"},"image":{"docker-manifest-digest":"sha256:${HEX}"},"type":"cosign container image signature"},"optional":null}]`;
const statement = (predicateType: string, hex = HEX) => ({
  _type: 'https://in-toto.io/Statement/v0.1',
  predicateType,
  subject: [{ name: 'localhost:5000/ml/app', digest: { sha256: hex } }],
  predicate: { bomFormat: 'CycloneDX' },
});
const envelope = (st: unknown) =>
  JSON.stringify({
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(st)).toString('base64'),
    signatures: [{ keyid: '', sig: 'MEUCIG' }],
  });

describe('cosign output', () => {
  it('verify --output json: the signatures', () => {
    expect(parseVerifiedSignatures(`\n${SIG_JSON}\n`)).toEqual([
      {
        dockerReference: 'localhost:5000/ml/app',
        digest: `sha256:${HEX}`,
        type: 'cosign container image signature',
        optional: {},
      },
    ]);
  });

  it('verify-attestation: one envelope a line, payload decoded', () => {
    const out = `${envelope(statement('https://cyclonedx.org/bom'))}\n${envelope(statement('https://slsa.dev/provenance/v1'))}\n`;
    const got = parseAttestations(out) as Statement[];
    expect(got.map((s) => s.predicateType)).toEqual([
      'https://cyclonedx.org/bom',
      'https://slsa.dev/provenance/v1',
    ]);
    expect(got[0]!.subject[0]!.digest.sha256).toBe(HEX);
    expect(got[0]!.predicate).toEqual({ bomFormat: 'CycloneDX' });
  });

  // cosign checked these envelopes through Go, whose JSON keys match in any case (the last wins):
  // an envelope with a key beyond the three, in any case, is left out, never read another way.
  const forged = Buffer.from(JSON.stringify(statement('https://ml-image-action.github.io/x'))).toString(
    'base64',
  );
  it.each<[string, (e: Record<string, unknown>) => Record<string, unknown>]>([
    ['a second payload in upper case', (e) => ({ ...e, PAYLOAD: e.payload, payload: forged })],
    ['a second payload type in another case', (e) => ({ ...e, PayloadType: 'application/json' })],
    ['another payload type', (e) => ({ ...e, payloadType: 'application/json' })],
    ['no signatures', (e) => ({ ...e, signatures: [] })],
    ['a signature with another key', (e) => ({ ...e, signatures: [{ sig: 'MEUCIG', Sig: 'x' }] })],
  ])(
    'verify-attestation: an envelope with %s fails them all (none is read, none left out)',
    (_what, edit) => {
      const good = JSON.parse(envelope(statement('https://cyclonedx.org/bom'))) as Record<string, unknown>;
      const out = `${JSON.stringify(edit(good))}\n${envelope(statement('https://slsa.dev/provenance/v1'))}\n`;
      expect(parseAttestations(out)).toBeUndefined();
      expect(parseAttestations(`${JSON.stringify(good)}\n`)).toEqual([
        expect.objectContaining({ predicateType: 'https://cyclonedx.org/bom' }),
      ]);
    },
  );

  // cosign exited 0 and printed this where JSON belongs: what it printed comes back for the signer
  // to fail the check with (a thrown Error was an internal error, exit 1).
  it.each([
    ['no json here', 'it printed no JSON array of signatures', 'no json here'],
    ['text\n[not json\n', 'the signatures it printed are not JSON', '[not json'],
  ])('verify output %j is not JSON', (out, problem, printed) => {
    expect(parseVerifiedSignatures(out)).toEqual({ problem, printed });
  });
  it.each(['{"a":', '{nope'])('verify-attestation output with a line %j is not JSON', (line) => {
    const out = `${envelope(statement('https://cyclonedx.org/bom'))}\n${line}\n`;
    expect(parseAttestations(out)).toEqual({
      problem: 'it printed an attestation envelope that is not JSON',
      printed: line,
    });
  });

  // cosign verified these: one that is not a simple-signing payload of cosign's type is no signature
  // this code reads (the signer fails the check), never a ZodError (exit 1).
  it.each(['[{"critical":{}}]', '[1]', '[[]]'])('verify output %j: no signatures', (out) => {
    expect(parseVerifiedSignatures(out)).toBeUndefined();
  });

  it('verify output of 600,000 wrong entries: no signatures (a ZodError of as many problems was exit 1)', () => {
    expect(parseVerifiedSignatures(JSON.stringify(Array(600_000).fill(1)))).toBeUndefined();
  });

  // The built-in verifier reads the same payloads and statements with the same schemas: what cosign
  // would refuse to print, it refuses too (undefined: not a signature / not a statement).
  const signed = JSON.parse(SIG_JSON) as unknown[];
  it.each<[string, unknown, boolean]>([
    ["cosign's own payload", signed[0], true],
    [
      'another type',
      { ...(signed[0] as object), critical: { ...(signed[0] as { critical: object }).critical, type: 'x' } },
      false,
    ],
    ['no critical', { optional: null }, false],
    ['not an object', 'cosign container image signature', false],
  ])('parseSimpleSigning: %s', (_what, payload, ok) => {
    const got = parseSimpleSigning(Buffer.from(JSON.stringify(payload)));
    expect(got !== undefined).toBe(ok);
    if (ok) expect(got).toEqual((parseVerifiedSignatures(SIG_JSON) as VerifiedSignature[])[0]);
  });

  it.each<[string, unknown, boolean]>([
    ['a statement', statement('https://cyclonedx.org/bom'), true],
    // cosign accepts a statement without _type, a subject's name or a predicate: so do both readers.
    ['a subject without a name', { ...statement('x'), subject: [{ digest: { sha256: HEX } }] }, true],
    ['no _type', { predicateType: 'x', subject: [{ name: 'n', digest: { sha256: HEX } }] }, true],
    [
      'no predicate',
      {
        _type: 'https://in-toto.io/Statement/v1',
        predicateType: 'x',
        subject: [{ digest: { sha256: HEX } }],
      },
      true,
    ],
    [
      'a digest that is not a map of strings',
      { ...statement('x'), subject: [{ name: 'n', digest: { sha256: 1 } }] },
      false,
    ],
    ['no predicateType', { _type: 'https://in-toto.io/Statement/v1', subject: [] }, false],
  ])('parseStatement, as parseAttestations reads it: %s', (_what, st, ok) => {
    const got = parseStatement(Buffer.from(JSON.stringify(st)));
    expect(got !== undefined).toBe(ok);
    // What neither can read is left out (the check then fails), never a crash.
    expect(parseAttestations(envelope(st))).toEqual(ok ? [got] : []);
  });
  it('parseStatement: bytes that are not JSON are no statement', () => {
    expect(parseStatement(Buffer.from('{nope'))).toBeUndefined();
  });
});

// --- the Signer over a recording fake exec ---------------------------------------------------------
interface Call {
  args: string[];
  opts: CosignExecOptions;
}
function fakeExec(reply: (args: string[]) => CosignExecResult | Error): { exec: CosignExec; calls: Call[] } {
  const calls: Call[] = [];
  const exec: CosignExec = async (args, opts) => {
    calls.push({ args, opts });
    const r = reply(args);
    if (r instanceof Error) throw r;
    return r;
  };
  return { exec, calls };
}
const ok = (stdout = ''): CosignExecResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (line: string): CosignExecResult => ({ exitCode: 1, stdout: '', stderr: err(line) });
const PASSWORD = 'Pw0rd-that-is-long-enough-9';
const KEY = { kind: 'key', key: '/k/cosign.key' } as const;

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('createCosignSigner', () => {
  it('passes the password as COSIGN_PASSWORD, never in argv', async () => {
    const { exec, calls } = fakeExec(() => ok());
    const s = createCosignSigner(exec, { password: PASSWORD, env: { COSIGN_KEY: 'PRIVATE-KEY-PEM' } });
    await s.sign(LOCAL, { kind: 'key', key: 'env://COSIGN_KEY' });
    await s.attest(LOCAL, { predicatePath: '/p.json', type: 'cyclonedx' }, KEY);
    // The version, asked once before the first signature; then sign and attest.
    expect(calls.map((c) => c.args[0])).toEqual(['version', 'sign', 'attest']);
    for (const c of calls) {
      expect(c.opts.env).toMatchObject({ COSIGN_PASSWORD: PASSWORD, COSIGN_KEY: 'PRIVATE-KEY-PEM' });
      expect(c.args.join(' ')).not.toContain(PASSWORD);
      expect(c.args.join(' ')).not.toContain('PRIVATE-KEY-PEM');
    }
    expect(calls[1]!.args).toContain('--tlog-upload=false');
  });

  it('a password holding a token of a known form is masked whole in a failure (values before patterns)', async () => {
    const password = 'keep-ghp_0123456789abcdefghijABCDEFGHIJ-tail-XYZ';
    const { exec } = fakeExec((args) =>
      args[0] === 'version' ? ok(JSON.stringify({ gitVersion: 'v2.5.3' })) : fail(`decrypt: ${password}`),
    );
    const e = await thrown(createCosignSigner(exec, { password }).sign(LOCAL, KEY));
    expect(String(e)).toContain('[redacted]');
    for (const part of ['keep-', '-tail-XYZ', 'ghp_']) expect(String(e)).not.toContain(part);
  });

  it('a per-call tlog overrides the signer option', async () => {
    const { exec, calls } = fakeExec(() => ok());
    await createCosignSigner(exec).sign(REMOTE, KEY, { tlog: true });
    expect(calls[1]!.args).toEqual(expect.arrayContaining(['--tlog-upload=true', '--yes']));
  });

  it.each([
    ['v3.0.2', true],
    ['v2.5.3', false],
    ['devel', false],
  ])(
    'cosign %s: refused before it signs (cosign 3 writes bundles, not .sig/.att tags): %s',
    async (gitVersion, refused) => {
      const { exec, calls } = fakeExec((args) =>
        args[0] === 'version' ? ok(JSON.stringify({ gitVersion })) : ok(),
      );
      const s = createCosignSigner(exec);
      const err = await s.sign(LOCAL, KEY).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (refused) {
        expect(err).toBeInstanceOf(EnvironmentError);
        expect((err as Error).message).toBe(
          `cosign ${gitVersion} writes Sigstore bundles, not the .sig/.att tags this tool attaches and verifies (cosign 2.x)`,
        );
        expect(calls.map((c) => c.args[0])).toEqual(['version']);
      } else {
        expect(err).toBeUndefined();
        await s.attest(LOCAL, { predicatePath: '/p.json', type: 'cyclonedx' }, KEY);
        // Asked once.
        expect(calls.map((c) => c.args[0])).toEqual(['version', 'sign', 'attest']);
      }
    },
  );

  it('verify: the signatures when they name this digest', async () => {
    const { exec } = fakeExec(() => ok(SIG_JSON));
    const v = await createCosignSigner(exec).verify(LOCAL, PUB);
    expect(v).toMatchObject({ ok: true, items: [{ digest: `sha256:${HEX}` }] });
  });

  it('verify: a signature for another digest is not accepted', async () => {
    const { exec } = fakeExec(() => ok(SIG_JSON.replace(HEX, 'f'.repeat(64))));
    const v = await createCosignSigner(exec).verify(LOCAL, PUB);
    expect(v).toMatchObject({ ok: false, failure: { reason: 'invalid' } });
  });

  // cosign exited 0 and printed signatures not of cosign's type, or what is not JSON where JSON
  // belongs: the check fails saying so, quoting the start of it redacted (a ZodError or a plain
  // Error was "internal error", exit 1).
  it.each([
    [
      "signatures not of cosign's type",
      '[{"critical":{"type":"cosign container image signature"}}]',
      "it printed one that is not a simple-signing payload of cosign's type",
    ],
    ['not json', 'not json', 'it printed no JSON array of signatures: "not json"'],
    ['[oops', '[oops', 'the signatures it printed are not JSON: "[oops"'],
    [
      'a line, then the password after [',
      `Verified\n[{"critical": ${PASSWORD}`,
      `the signatures it printed are not JSON: "[{\\"critical\\": [redacted]"`,
    ],
    ['[ and 200 x', `[${'x'.repeat(200)}`, `the signatures it printed are not JSON: "[${'x'.repeat(78)}…"`],
  ])('verify: cosign printing %s fails the check (no crash)', async (_what, stdout, detail) => {
    const { exec } = fakeExec(() => ok(stdout));
    const v = await createCosignSigner(exec, { password: PASSWORD }).verify(LOCAL, PUB);
    expect(v).toEqual({
      ok: false,
      failure: {
        ref: LOCAL,
        what: 'signature',
        reason: 'invalid',
        message: `cosign verified the signature on ${LOCAL}, but ${detail}`,
      },
    });
  });

  it.each(['{"a":', '{oops \u001b[31m'])(
    'verifyAttestations: cosign printing a line %j that is not JSON fails the check (no crash)',
    async (line) => {
      const { exec } = fakeExec(() => ok(`${envelope(statement('https://cyclonedx.org/bom'))}\n${line}\n`));
      const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
      expect(v).toEqual({
        ok: false,
        failure: {
          ref: LOCAL,
          what: 'attestation',
          type: 'cyclonedx',
          reason: 'invalid',
          message: `cosign verified the cyclonedx attestation on ${LOCAL}, but it printed an attestation envelope that is not JSON: ${JSON.stringify(line)}`,
        },
      });
    },
  );

  it('verifyAttestations: statements whose subject is another digest are rejected', async () => {
    const { exec } = fakeExec(() => ok(envelope(statement('https://cyclonedx.org/bom', 'e'.repeat(64)))));
    const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: { what: 'attestation', type: 'cyclonedx', reason: 'invalid' },
    });
  });

  it('verifyAttestations: an envelope cosign verified whose payload is no statement fails the check (no crash)', async () => {
    const odd = { predicateType: 'https://cyclonedx.org/bom', subject: [{ digest: { sha256: 1 } }] };
    const { exec } = fakeExec(() => ok(envelope(odd)));
    const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: { reason: 'invalid', message: expect.stringMatching(/no in-toto statement/) },
    });
  });

  it('verifyAttestations: a wrapped envelope (a key cosign read another way) fails the check, also next to a good one', async () => {
    const good = envelope(statement('https://cyclonedx.org/bom'));
    const wrapped = JSON.stringify({ ...(JSON.parse(good) as object), PAYLOAD: 'x' });
    const { exec } = fakeExec(() => ok(`${good}\n${wrapped}\n`));
    const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: {
        reason: 'invalid',
        message: expect.stringMatching(/an envelope that is not exactly as cosign writes one/),
      },
    });
  });

  it('verifyAttestations: cosign finding only statements about another digest names that (exit 1, not 3)', async () => {
    const { exec } = fakeExec(() => ({
      exitCode: 1,
      stdout: '',
      stderr: 'Error: no matching attestations: no matching subject digest found\n',
    }));
    const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: { reason: 'invalid', message: expect.stringMatching(/is about another image/) },
    });
  });

  it.each<[string, string, 'missing' | 'invalid', RegExp]>([
    ['never signed', 'no signatures found', 'missing', /^no signature on localhost:5000\/ml\/app@sha256:/],
    [
      'wrong key',
      'no matching signatures: invalid signature',
      'invalid',
      /not signed by the public key \/k\/cosign\.pub/,
    ],
  ])('verify, %s -> a check failure, not an error', async (_n, line, reason, message) => {
    const { exec } = fakeExec(() => fail(line));
    const v = await createCosignSigner(exec).verify(LOCAL, PUB);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.failure).toMatchObject({ ref: LOCAL, what: 'signature', reason });
    expect(v.failure.message).toMatch(message);
  });

  it.each<[string, CosignExecResult | Error, typeof EnvironmentError | typeof InputError, RegExp, RegExp?]>([
    [
      'registry down',
      fail('Get "http://127.0.0.1:5999/v2/": dial tcp 127.0.0.1:5999: connect: connection refused'),
      EnvironmentError,
      /registry 127\.0\.0\.1:5999 is unreachable/,
      /^start the registry at 127\.0\.0\.1:5999, or, if that host or port is wrong, name the right one: image\.registry in the config \(ml-image\.yml[^]*\), or the image reference given to verify or export$/,
    ],
    [
      'wrong password',
      fail('getting signer: reading key: decrypt: encrypted: decryption failed'),
      InputError,
      /wrong password/,
    ],
    [
      'no password',
      fail('getting signer: reading key: inappropriate ioctl for device'),
      InputError,
      /set COSIGN_PASSWORD/,
    ],
    [
      'cosign missing',
      Object.assign(new Error('spawn cosign ENOENT'), { code: 'ENOENT' }),
      EnvironmentError,
      /cannot run cosign \(ENOENT\)/,
      /cosign-installer/,
    ],
    [
      'timed out',
      { exitCode: 137, stdout: '', stderr: '', timedOut: true },
      EnvironmentError,
      /did not finish within 1s/,
      /127\.0\.0\.1:5999/,
    ],
    ['unknown', fail('something new'), EnvironmentError, /failed \(exit 1\): something new/],
    // Audit: "failed (exit 137): (no output)" and "run it with --verbose" for cosign the OOM killer ended.
    [
      'killed by another',
      { exitCode: 137, stdout: '', stderr: '', signal: 'SIGKILL' },
      EnvironmentError,
      /cosign sign .*: cosign was killed by SIGKILL \(exit 137\), not by this run/,
      /out-of-memory killer/,
    ],
  ])('sign, %s -> %s', async (_n, reply, cls, message, fix) => {
    const { exec } = fakeExec(() => reply);
    const e = await thrown(
      createCosignSigner(exec, { timeoutMs: 1000 }).sign(`127.0.0.1:5999/x/y@sha256:${HEX}`, KEY),
    );
    expect(e).toBeInstanceOf(cls);
    expect((e as Error).message).toMatch(message);
    if (fix) expect((e as EnvironmentError).fix).toMatch(fix);
  });

  // The fix is for the operation that failed: a verify reads, and signs nothing.
  const TUF_DOWN =
    'getting ctlog public keys: updating local metadata and targets: error updating to TUF remote mirror: tuf: failed to download 12.root.json: Get "https://tuf-repo-cdn.sigstore.dev/12.root.json": dial tcp: lookup tuf-repo-cdn.sigstore.dev: no such host';
  const DENIED = 'GET https://ghcr.io/v2/org/app/manifests/sha256-x.sig: DENIED: permission_denied';
  it.each<[string, (s: ReturnType<typeof createCosignSigner>) => Promise<unknown>, string, RegExp, RegExp]>([
    [
      'verify, Sigstore unreachable',
      (s) => s.verify(REMOTE, GH),
      TUF_DOWN,
      /Sigstore services .* are unreachable/,
      /^verify needs sigstore\.dev \(TUF, Rekor\) for keyless images and --tlog: run where sigstore\.dev is reachable, or drop --tlog/,
    ],
    [
      'verify-attestation, Sigstore unreachable',
      (s) => s.verifyAttestations(REMOTE, 'cyclonedx', PUB, { tlog: true }),
      TUF_DOWN,
      /Sigstore services .* are unreachable/,
      /^verify needs sigstore\.dev/,
    ],
    [
      'sign, Sigstore unreachable',
      (s) => s.sign(REMOTE, { kind: 'keyless' }),
      TUF_DOWN,
      /Sigstore services .* are unreachable/,
      /^keyless signing needs network access to sigstore\.dev/,
    ],
    [
      'verify, the registry refuses the credentials',
      (s) => s.verify(REMOTE, PUB),
      DENIED,
      /registry ghcr\.io refused the credentials/,
      /^log in with a credential that may read the image/,
    ],
    [
      'sign, the registry refuses the credentials',
      (s) => s.sign(REMOTE, KEY),
      DENIED,
      /registry ghcr\.io refused the credentials/,
      /^log in with push rights/,
    ],
  ])('%s: exit 3, the fix for that operation', async (_n, act, line, message, fix) => {
    const { exec } = fakeExec((args) => (args[0] === 'version' ? ok('{"gitVersion":"v2.5.3"}') : fail(line)));
    const e = await thrown(act(createCosignSigner(exec)));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as Error).message).toMatch(message);
    expect((e as EnvironmentError).fix).toMatch(fix);
  });

  it('verifyAttestations: a layer whose blob is not the size its manifest declares says so (exit 1)', async () => {
    const { exec } = fakeExec(() =>
      fail(
        'no matching attestations: error verifying sha256 checksum after reading 55799 bytes; got "sha256:ad", want "sha256:39"',
      ),
    );
    const v = await createCosignSigner(exec).verifyAttestations(LOCAL, 'cyclonedx', PUB);
    expect(v).toMatchObject({
      ok: false,
      failure: {
        reason: 'invalid',
        message: expect.stringMatching(
          /^the cyclonedx attestation on .* is a layer whose blob does not match its descriptor \(size or digest\)/,
        ),
      },
    });
  });

  it('redacts cosign stderr (tokens, URL credentials, the password) in errors', async () => {
    const token = `ghp_${'a1B2'.repeat(8)}`;
    const { exec } = fakeExec(() =>
      fail(`unexpected: https://bob:${token}@ghcr.io/v2/ ${PASSWORD} ${token}`),
    );
    const e = await thrown(createCosignSigner(exec, { password: PASSWORD }).sign(REMOTE, KEY));
    const text = `${(e as Error).message} ${(e as EnvironmentError).fix ?? ''}`;
    expect(text).toContain('unexpected');
    expect(text).not.toContain(token);
    expect(text).not.toContain(PASSWORD);
  });

  it('redacts each line of a multi-line secret (a PEM key cosign quotes a line of)', async () => {
    const body = 'MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgxyz';
    const pem = `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${body}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n`;
    const { exec } = fakeExec(() => fail(`reading key: bad line "${body}"`));
    const e = await thrown(createCosignSigner(exec, { env: { COSIGN_KEY: pem } }).sign(REMOTE, KEY));
    expect((e as Error).message).toContain('reading key: bad line');
    expect((e as Error).message).not.toContain(body);
  });

  it('bad input never reaches cosign', async () => {
    const { exec, calls } = fakeExec(() => ok());
    await expect(createCosignSigner(exec).sign('ghcr.io/o/a:latest', KEY)).rejects.toThrow(InputError);
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['{"gitVersion":"v2.5.0","goVersion":"go1.24.4","platform":"linux/amd64"}', 'v2.5.0'],
    ['GitVersion:    devel\nGoVersion: go1.24.4\n', 'devel'],
  ])('version from %j', async (stdout, version) => {
    const { exec, calls } = fakeExec(() => ok(stdout));
    expect((await createCosignSigner(exec).version()).gitVersion).toBe(version);
    expect(calls[0]!.args).toEqual(['version', '--json']);
  });
});
