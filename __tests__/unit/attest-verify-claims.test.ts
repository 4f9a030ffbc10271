// Keyless verification pinned to the signing run: `--certificate-github-workflow-{ref,trigger,sha,
// name,repository}` (cosign's flags). The Fulcio extensions read from certificates made here (DER,
// __tests__/helpers/fulcio-cert.ts) and compared as cosign compares them (the raw .1.2-.1.6 value,
// exactly; the v2 extensions do not stand in); the flags' bad input (exit 2); the argv cosign gets;
// a refused check that names the flag and what the certificate holds, in the CLI and the sub-action.
// The real cosign on such certificates: __tests__/integration/cosign.test.ts.
import { describe, expect, it } from 'vitest';
import { checksMarkdown, pinsLine, runVerify, type VerifyActionIo } from '../../src/action/verify.js';
import type { CheckFailure, Signer, VerifyIdentity } from '../../src/attest/cosign.js';
import { verifyArgs, verifyAttestationArgs } from '../../src/attest/cosign-args.js';
import { OCI_MANIFEST } from '../../src/attest/cosign-image.js';
import { cliFlagNaming, parseVerifyFlags, verifyImage } from '../../src/attest/verify.js';
import {
  CERTIFICATE_ANNOTATION,
  type CertificateReader,
  registryCertificates,
} from '../../src/attest/verify-certificates.js';
import {
  certificateExtensions,
  claimValues,
  explainRefusal,
  readCertificate,
  refusedClaim,
  unmetClaims,
  WORKFLOW_CLAIMS,
} from '../../src/attest/workflow-claims.js';
import { runCli } from '../../src/cli/main.js';
import { sha256Digest } from '../../src/docker/oci-client.js';
import { EnvironmentError, InputError } from '../../src/errors.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { fulcioCa, OID, type RunClaims } from '../helpers/fulcio-cert.js';
import { MemoryRegistry } from '../helpers/oci-memory.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const ID = 'https://github.com/ml-image-action/ml-image-action/.github/workflows/ml-image.yml@refs/tags/v0';
const ID_RE = '^https://github\\.com/ml-image-action/ml-image-action/';
const MAIN: RunClaims = {
  trigger: 'push',
  sha: 'a'.repeat(40),
  name: 'Release',
  repository: 'acme/model',
  ref: 'refs/heads/main',
};
const PR: RunClaims = { ...MAIN, trigger: 'pull_request', sha: 'b'.repeat(40), ref: 'refs/pull/7/merge' };
const ca = fulcioCa();
const main = ca.leaf(ID, MAIN);
const pr = ca.leaf(ID, PR);
const extsOf = (der: Buffer) => certificateExtensions(der);
const claim = (flag: string) => WORKFLOW_CLAIMS.find((c) => c.flag === flag)!;
const REF = claim('certificate-github-workflow-ref');
const cosignRefused = (name: string, what = 'signatures') =>
  `the signature on r is not signed by identities matching ${ID_RE} (issuer https://token.actions.githubusercontent.com) (cosign: no matching ${what}: expected GitHub Workflow ${name} not found in certificate)`;

describe("a Fulcio certificate's GitHub extensions", () => {
  it('reads the raw v1 values (.1.2-.1.6) and the DER UTF8String v2 ones (.1.12, .1.13, .1.14, .1.20)', () => {
    const exts = extsOf(main.der);
    expect(exts.get(OID.ref)?.toString()).toBe('refs/heads/main');
    expect(exts.get(OID.sourceRepositoryRef)?.[0]).toBe(0x0c); // a UTF8String, not raw text
    expect(Object.fromEntries(WORKFLOW_CLAIMS.map((c) => [c.flag, claimValues(exts, c)]))).toEqual({
      'certificate-github-workflow-trigger': { v1: 'push', v2: 'push' },
      'certificate-github-workflow-sha': { v1: 'a'.repeat(40), v2: 'a'.repeat(40) },
      'certificate-github-workflow-name': { v1: 'Release' }, // no v2 extension names the workflow
      'certificate-github-workflow-repository': { v1: 'acme/model', v2: 'https://github.com/acme/model' },
      'certificate-github-workflow-ref': { v1: 'refs/heads/main', v2: 'refs/heads/main' },
    });
    expect(exts.get('2.5.29.17')).toBeDefined(); // the SAN, among the standard extensions
  });

  it('reads long DER lengths (a 300-character workflow name) and the SAN URI', () => {
    const long = ca.leaf(ID, { ...MAIN, name: 'w'.repeat(300) });
    expect(claimValues(extsOf(long.der), claim('certificate-github-workflow-name')).v1).toBe('w'.repeat(300));
    expect(readCertificate(long.pem)?.sans).toEqual([ID]);
  });

  it('a certificate without v1 or without v2 extensions: only what it has', () => {
    expect(claimValues(extsOf(ca.leaf(ID, { ...MAIN, noV1: true }).der), REF)).toEqual({
      v2: 'refs/heads/main',
    });
    expect(claimValues(extsOf(ca.leaf(ID, { ...MAIN, noV2: true }).der), REF)).toEqual({
      v1: 'refs/heads/main',
    });
  });

  it('what is no certificate reads as none', () => {
    expect(readCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toBeUndefined();
    expect(readCertificate('not pem')).toBeUndefined();
    expect(() => certificateExtensions(Buffer.from([0x30, 0x05, 0x02]))).toThrow(/truncated/);
  });
});

describe('comparing as cosign does: the raw value, exactly; one that is missing fails', () => {
  const pins = { certificateGithubWorkflowRef: 'refs/heads/main', certificateGithubWorkflowTrigger: 'push' };
  it.each<[string, Buffer, Record<string, string>, string[]]>([
    ['a push to main', main.der, pins, []],
    ["a pull request's run of the same workflow", pr.der, pins, ['trigger', 'ref']],
    ['nothing pinned', pr.der, {}, []],
    ['a prefix of the ref', main.der, { certificateGithubWorkflowRef: 'refs/heads/mai' }, ['ref']],
    ['another case', main.der, { certificateGithubWorkflowTrigger: 'Push' }, ['trigger']],
    [
      'only the v2 extensions (cosign reads v1 only)',
      ca.leaf(ID, { ...MAIN, noV1: true }).der,
      pins,
      ['trigger', 'ref'],
    ],
    [
      'the sha, name and repository',
      main.der,
      {
        certificateGithubWorkflowSha: 'a'.repeat(40),
        certificateGithubWorkflowName: 'Release',
        certificateGithubWorkflowRepository: 'acme/other',
      },
      ['repository'],
    ],
  ])('%s', (_what, der, p, unmet) => {
    expect(
      unmetClaims(extsOf(der), p).map((c) => c.flag.replace('certificate-github-workflow-', '')),
    ).toEqual(unmet);
  });

  it("names the flag of each of cosign's refusals, and no other message", () => {
    expect(
      ['Trigger', 'SHA', 'Name', 'Repository', 'Ref'].map((n) => refusedClaim(cosignRefused(n))?.flag),
    ).toEqual(WORKFLOW_CLAIMS.map((c) => c.flag));
    expect(
      refusedClaim('none of the expected identities matched what was in the certificate'),
    ).toBeUndefined();
  });
});

describe('explaining a refusal: the flag, its value, what the certificate holds', () => {
  const pins = { certificateGithubWorkflowRef: 'refs/heads/main' };
  const byId = (san: string) => san === ID;
  const flag = (n: string) => `--${n}`;

  it("a pull request's run", () => {
    expect(explainRefusal(cosignRefused('Ref'), pins, byId, [pr.pem], flag)).toBe(
      '--certificate-github-workflow-ref "refs/heads/main": the certificate on the tag (not verified) holds "refs/pull/7/merge" (GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6)',
    );
  });

  it('an extension that is missing, with the v2 value it has', () => {
    const v2only = ca.leaf(ID, { ...MAIN, noV1: true });
    expect(explainRefusal(cosignRefused('Ref'), pins, byId, [v2only.pem], flag)).toBe(
      '--certificate-github-workflow-ref "refs/heads/main": the certificate on the tag (not verified) holds no GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6 extension; its Source Repository Ref (1.3.6.1.4.1.57264.1.14) is "refs/heads/main"',
    );
  });

  it('a tag flooded with planted certificates: at most 20 read, 5 values shown, bidi escaped, 1,000 characters', () => {
    const planted = Array.from(
      { length: 30 },
      (_, i) =>
        ca.leaf(ID, { ...MAIN, ref: `refs/heads/\u202e${String(i).padStart(2, '0')}${'x'.repeat(150)}` }).pem,
    );
    const text = explainRefusal(cosignRefused('Ref'), pins, byId, planted, (n) => `--${n}`)!;
    expect(text).toContain('the 20 certificates on the tag (not verified) hold');
    expect(text).toContain('\\u202e00');
    expect(text).not.toContain('\u202e');
    expect(text.length).toBeLessThanOrEqual(1003);
    expect(text.endsWith('...')).toBe(true);
  });

  it.each([
    ['a line separator', 'refs/heads/a\u2028b', '"refs/heads/a\\u2028b"'],
    ['a paragraph separator', 'refs/heads/a\u2029b', '"refs/heads/a\\u2029b"'],
    ['an astral tag character', 'refs/heads/a\u{e0041}b', '"refs/heads/a\\u{e0041}b"'],
    ['a C1 control', 'refs/heads/a\u0085b', '"refs/heads/a\\u0085b"'],
  ])('a value holding %s is shown escaped, each character whole', (_, ref, expected) => {
    const odd = ca.leaf(ID, { ...MAIN, ref });
    const text = explainRefusal(cosignRefused('Ref'), pins, byId, [odd.pem], flag)!;
    expect(text).toContain(`holds ${expected} (GitHub Workflow Ref`);
    expect(text).not.toMatch(/[\u0085\u2028\u2029]|\p{Cf}|[\ud800-\udfff]/u);
  });

  it("only the certificates of the identity, the sub-action's naming, values escaped", () => {
    const other = ca.leaf('https://github.com/acme/model/.github/workflows/x.yml@refs/heads/main', MAIN);
    const odd = ca.leaf(ID, { ...MAIN, ref: 'refs/heads/x\n::error::boom' });
    const text = explainRefusal(
      cosignRefused('Ref'),
      pins,
      byId,
      [other.pem, pr.pem, odd.pem],
      (n) => `input "${n}"`,
    );
    expect(text).toBe(
      'input "certificate-github-workflow-ref" "refs/heads/main": the 2 certificates on the tag (not verified) hold "refs/pull/7/merge", "refs/heads/x\\n::error::boom" (GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6)',
    );
  });

  it('certificates that could not be read; a refusal of something else', () => {
    expect(explainRefusal(cosignRefused('Ref'), pins, byId, undefined, flag)).toBe(
      '--certificate-github-workflow-ref "refs/heads/main": the certificate holds another GitHub Workflow Ref (1.3.6.1.4.1.57264.1.6) or none',
    );
    expect(
      explainRefusal('no matching signatures: invalid signature', pins, byId, [pr.pem], flag),
    ).toBeUndefined();
  });
});

describe('the argv cosign gets', () => {
  const REMOTE = `ghcr.io/acme/model@${D('1')}`;
  const identity: VerifyIdentity = {
    kind: 'keyless',
    certificateIdentityRegexp: ID_RE,
    certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
    certificateGithubWorkflowRepository: 'acme/model',
    certificateGithubWorkflowRef: 'refs/heads/main',
    certificateGithubWorkflowTrigger: 'push',
    certificateGithubWorkflowSha: 'a'.repeat(40),
    certificateGithubWorkflowName: 'Release build',
  };
  const pinned = [
    '--certificate-github-workflow-trigger',
    'push',
    '--certificate-github-workflow-sha',
    'a'.repeat(40),
    '--certificate-github-workflow-name',
    'Release build',
    '--certificate-github-workflow-repository',
    'acme/model',
    '--certificate-github-workflow-ref',
    'refs/heads/main',
  ];

  it("cosign's own flags, for signatures and attestations", () => {
    const head = [
      '--certificate-identity-regexp',
      ID_RE,
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
    ];
    expect(verifyArgs(REMOTE, identity)).toEqual([
      'verify',
      ...head,
      ...pinned,
      '--new-bundle-format=false',
      '--output',
      'json',
      REMOTE,
    ]);
    expect(verifyAttestationArgs(REMOTE, 'cyclonedx', identity).slice(0, 15)).toEqual([
      'verify-attestation',
      ...head,
      ...pinned,
    ]);
  });

  it.each(['', ' ', 'refs/heads/main\n'])('an empty value or a control character is refused: %j', (v) => {
    expect(() => verifyArgs(REMOTE, { ...identity, certificateGithubWorkflowRef: v })).toThrow(InputError);
  });
});

/** A signer that records the identities asked for; its keyless checks refuse as cosign does. */
function refusing(ids: VerifyIdentity[], refusal?: { sig: string; att: string }): Signer {
  const fail = (ref: string, what: CheckFailure['what'], message: string) => ({
    ok: false as const,
    failure: { ref, what, reason: 'invalid' as const, message },
  });
  return {
    version: async () => ({ gitVersion: 'v2.5.0' }),
    sign: async () => undefined,
    attest: async () => undefined,
    verify: async (ref, id) => {
      ids.push(id);
      if (refusal) return fail(ref, 'signature', refusal.sig);
      return {
        ok: true,
        items: [{ dockerReference: ref, digest: ref.split('@')[1]!, type: 'x', optional: {} }],
      };
    },
    verifyAttestations: async (ref, type) =>
      refusal
        ? {
            ...fail(ref, 'attestation', refusal.att),
            failure: { ...fail(ref, 'attestation', refusal.att).failure, type },
          }
        : {
            ok: true,
            items: [
              {
                type: 't',
                predicateType: type,
                subject: [{ digest: { sha256: ref.split('@sha256:')[1]! } }],
                predicate: {},
              },
            ],
          },
  };
}

const single = fakeDocker({
  imagetoolsInspect: async () => ({ mediaType: 'application/vnd.oci.image.manifest.v1+json', platforms: [] }),
});
const IMAGE = `ghcr.io/acme/model@${D('1')}`;

describe('ml-image verify with the pins', () => {
  const keyless = [
    '--certificate-identity-regexp',
    ID_RE,
    '--certificate-github-workflow-repository',
    'acme/model',
  ];
  async function cli(args: string[], signer: Signer) {
    const io = { ...captureIo('/tmp', single), signer: () => signer };
    const code = await runCli(['verify', IMAGE, ...args], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('the pins reach the signer (cosign) with the identity', async () => {
    const ids: VerifyIdentity[] = [];
    const r = await cli(
      [
        ...keyless,
        '--certificate-github-workflow-ref',
        'refs/heads/main',
        '--certificate-github-workflow-trigger',
        'push',
        '--require',
        'none',
      ],
      refusing(ids),
    );
    expect(r.code, r.err).toBe(0);
    expect(ids).toEqual([
      {
        kind: 'keyless',
        certificateIdentityRegexp: ID_RE,
        certificateOidcIssuer: 'https://token.actions.githubusercontent.com',
        certificateGithubWorkflowRepository: 'acme/model',
        certificateGithubWorkflowRef: 'refs/heads/main',
        certificateGithubWorkflowTrigger: 'push',
      },
    ]);
  });

  it.each<[string[], RegExp]>([
    [[...keyless, '--certificate-github-workflow-ref', ''], /--certificate-github-workflow-ref is empty/],
    [[...keyless, '--certificate-github-workflow-ref', '  '], /--certificate-github-workflow-ref is empty/],
    [
      [...keyless, '--certificate-github-workflow-trigger', 'push\u001b[31m'],
      /--certificate-github-workflow-trigger: "push\\u001b\[31m" holds a control character/,
    ],
    [
      [...keyless, '--certificate-github-workflow-name', 'a\tb'],
      /--certificate-github-workflow-name: .* holds a control character/,
    ],
    [
      [...keyless, '--certificate-github-workflow-ref', 'main'],
      /--certificate-github-workflow-ref: expected a full ref like refs\/heads\/main .*got "main"/,
    ],
    [
      [...keyless, '--certificate-github-workflow-sha', 'abc1234'],
      /--certificate-github-workflow-sha: expected the full commit SHA/,
    ],
    [
      [...keyless, '--certificate-github-workflow-trigger', 'Push'],
      /--certificate-github-workflow-trigger: expected an event name/,
    ],
    [
      ['--key', 'k.pub', '--certificate-github-workflow-ref', 'refs/heads/main'],
      /--certificate-github-workflow-ref is for keyless signatures; a key has no certificate/,
    ],
    [
      [
        '--key',
        'k.pub',
        '--certificate-github-workflow-ref',
        'refs/heads/main',
        '--certificate-github-workflow-trigger',
        'push',
      ],
      /--certificate-github-workflow-trigger, --certificate-github-workflow-ref are for keyless signatures/,
    ],
  ])('exit 2 before cosign is asked: %j', async (args, message) => {
    const ids: VerifyIdentity[] = [];
    const r = await cli(args, refusing(ids));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(ids).toEqual([]);
  });

  it.each<[Record<string, string>, RegExp]>([
    [
      { 'certificate-oidc-issuer': 'notaurl' },
      /--certificate-oidc-issuer: expected the issuer's https URL, got "notaurl"/,
    ],
    [
      { 'certificate-oidc-issuer': 'http://issuer.example' },
      /--certificate-oidc-issuer: expected the issuer's https URL/,
    ],
    [
      { platform: 'linux arm64' },
      /--platform: expected OS\/ARCH\[\/VARIANT\] like linux\/arm64, got "linux arm64"/,
    ],
    [{ platform: 'arm64' }, /--platform: expected OS\/ARCH/],
    // Finding: a typo was a failed check (exit 1, "not in the index"), not bad input.
    [
      { platform: 'linux/arm46' },
      /^verify: --platform: "linux\/arm46" is not a platform an image is built for: unknown architecture "arm46" \(did you mean linux\/arm64\?\)$/,
    ],
    [{ platform: 'linux/amd46' }, /unknown architecture "amd46" \(did you mean linux\/amd64\?\)$/],
    [{ platform: 'linx/arm64' }, /unknown OS "linx" \(did you mean linux\/arm64\?\)$/],
    [{ platform: 'linux/sparcc' }, /"linux\/sparcc" is not a platform .*: unknown architecture "sparcc"/],
  ])('%j is bad input naming the flag', (flags, message) => {
    expect(() =>
      parseVerifyFlags(
        {
          'certificate-identity-regexp': '^https://github\\.com/acme/m/',
          'certificate-github-workflow-repository': 'acme/m',
          ...flags,
        },
        cliFlagNaming('verify'),
      ),
    ).toThrow(message);
  });

  it.each([
    'linux/s390x',
    'linux/arm64/v8',
    'linux/aarch64',
    'linux/x86_64',
    'windows/amd64',
    'linux/amd64/v3',
    // Go's less common ones, and BuildKit's attestation entries (review finding: refused).
    'zos/s390x',
    'linux/sparc64',
    'hurd/386',
    'unknown/unknown',
  ])(
    'a known platform %s passes (one the index does not hold is a failed check, not bad input)',
    (platform) => {
      const r = parseVerifyFlags(
        {
          'certificate-identity-regexp': '^https://github\\.com/acme/m/',
          'certificate-github-workflow-repository': 'acme/m',
          platform,
        },
        cliFlagNaming('verify'),
      );
      expect(r.platform).toBe(platform);
    },
  );

  it('a typo in --platform: exit 2 before the registry is asked, with the fix', async () => {
    const io = captureIo('/tmp');
    const code = await runCli(
      ['verify', `r.example/a@sha256:${'0'.repeat(64)}`, '--key', 'k.pub', '--platform', 'linux/arm46'],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toMatch(
      /--platform: "linux\/arm46" is not a platform .*\(did you mean linux\/arm64\?\)\nfix: give OS\/ARCH\[\/VARIANT\] of a known OS and architecture, e.g. linux\/arm64$/m,
    );
    expect(io.out()).toBe('');
  });

  it('a well-formed platform and issuer pass', () => {
    const r = parseVerifyFlags(
      {
        'certificate-identity-regexp': '^https://github\\.com/acme/m/',
        'certificate-github-workflow-repository': 'acme/m',
        'certificate-oidc-issuer': 'https://issuer.example/realms/ci',
        platform: 'linux/arm/v7',
      },
      cliFlagNaming('verify'),
    );
    expect(r.platform).toBe('linux/arm/v7');
  });

  it('the pins with the reusable workflow still need the repository', () => {
    expect(() =>
      parseVerifyFlags(
        { 'certificate-identity-regexp': ID_RE, 'certificate-github-workflow-ref': 'refs/heads/main' },
        cliFlagNaming('verify'),
      ),
    ).toThrow(/accepts the reusable workflow's signatures/);
  });

  it('--help lists them; export takes them with --verify only', async () => {
    const io = captureIo('/tmp', single);
    await runCli(['verify', '--help'], io);
    for (const f of ['ref REF', 'trigger EVENT', 'sha SHA', 'name NAME'])
      expect(io.out()).toContain(`--certificate-github-workflow-${f}`);
    const ex = captureIo('/tmp', single);
    expect(
      await runCli(
        [
          'export',
          '--k8s',
          '--image',
          IMAGE,
          '--out',
          '/nonexistent/out',
          '--certificate-github-workflow-ref',
          'refs/heads/main',
        ],
        ex,
      ),
    ).toBe(2);
    expect(ex.err()).toMatch(/--certificate-github-workflow-ref is a --verify option/);
  });
});

describe('a refused check names the flag and what the certificate holds', () => {
  const registry = new MemoryRegistry();
  /** The .sig and .att tags of IMAGE, each with one layer whose certificate is PEM. */
  const tag = (suffix: 'sig' | 'att', pem: string) => {
    const blob = Buffer.from('{}');
    const layer = {
      mediaType: 'x',
      size: blob.length,
      digest: sha256Digest(blob),
      annotations: { [CERTIFICATE_ANNOTATION]: pem },
    };
    registry.put(
      'ghcr.io',
      'acme/model',
      `${D('1').replace(':', '-')}.${suffix}`,
      OCI_MANIFEST,
      Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [layer] })),
    );
  };
  tag('sig', pr.pem);
  tag('att', pr.pem);
  const reader = registryCertificates((host) => registry.client(host));
  const refusal = { sig: cosignRefused('Ref'), att: cosignRefused('Trigger', 'attestations') };

  it('the registry reader finds the certificates of both tags', async () => {
    expect(await reader(IMAGE, 'sig')).toEqual([pr.pem]);
    expect(await reader(IMAGE, 'att')).toEqual([pr.pem]);
  });

  it('verifyImage: the signature and an attestation, each by the claim cosign refused', async () => {
    const request = parseVerifyFlags(
      {
        'certificate-identity-regexp': ID_RE,
        'certificate-github-workflow-repository': 'acme/model',
        'certificate-github-workflow-ref': 'refs/heads/main',
        'certificate-github-workflow-trigger': 'push',
        require: 'sbom',
      },
      cliFlagNaming('verify'),
    );
    const outcome = await verifyImage(
      { docker: single, signer: refusing([], refusal), certificates: reader },
      IMAGE,
      request,
    );
    expect(outcome.failed.map((c) => [c.check, c.detail])).toEqual([
      [
        'signature',
        `--certificate-github-workflow-ref "refs/heads/main": the certificate on the tag (not verified) holds "refs/pull/7/merge" (GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6) (${refusal.sig})`,
      ],
      [
        'sbom attestation',
        `--certificate-github-workflow-trigger "push": the certificate on the tag (not verified) holds "pull_request" (GitHub Workflow Trigger, 1.3.6.1.4.1.57264.1.2) (${refusal.att})`,
      ],
    ]);
  });

  it('a registry that fails while reading: the check says less, and still fails (exit 1, not 3)', async () => {
    const request = parseVerifyFlags(
      {
        'certificate-identity': ID,
        'certificate-github-workflow-repository': 'acme/model',
        'certificate-github-workflow-ref': 'refs/heads/main',
        require: 'none',
      },
      cliFlagNaming('verify'),
    );
    const broken: CertificateReader = async () => {
      throw new EnvironmentError('registry ghcr.io is unreachable', 'x');
    };
    const outcome = await verifyImage(
      { docker: single, signer: refusing([], refusal), certificates: broken },
      IMAGE,
      request,
    );
    expect(outcome.failed[0]?.detail).toMatch(
      /^--certificate-github-workflow-ref "refs\/heads\/main": the certificate holds another GitHub Workflow Ref \(1\.3\.6\.1\.4\.1\.57264\.1\.6\) or none \(the signature/,
    );
  });

  it('the sub-action: its inputs are the pins, its failure names the input', async () => {
    const ids: VerifyIdentity[] = [];
    const outputs: Record<string, string> = {};
    const inputs: Record<string, string> = {
      image: IMAGE,
      'certificate-identity-regexp': ID_RE,
      'certificate-github-workflow-repository': 'acme/model',
      'certificate-github-workflow-ref': ' refs/heads/main ',
      'certificate-github-workflow-trigger': 'push',
      'certificate-github-workflow-sha': '',
      require: 'none',
    };
    const io: VerifyActionIo = {
      getInput: (n) => inputs[n] ?? '',
      setOutput: (n, v) => void (outputs[n] = v),
      info: () => undefined,
      cwd: '/w',
      docker: () => single,
      signer: () => refusing(ids, refusal),
      certificates: reader,
      env: {},
    };
    await expect(runVerify(io)).rejects.toThrow(/1 of 1 checks failed .*signature/);
    expect(ids[0]).toMatchObject({
      certificateGithubWorkflowRef: 'refs/heads/main',
      certificateGithubWorkflowTrigger: 'push',
    });
    expect(ids[0]).not.toHaveProperty('certificateGithubWorkflowSha'); // an unset input pins nothing
    const [check] = JSON.parse(outputs.checks!) as { detail: string }[];
    expect(check!.detail).toMatch(
      /^input "certificate-github-workflow-ref" "refs\/heads\/main": the certificate on the tag \(not verified\) holds "refs\/pull\/7\/merge"/,
    );
    inputs['certificate-github-workflow-sha'] = 'HEAD';
    await expect(runVerify(io)).rejects.toThrow(
      /^input "certificate-github-workflow-sha": expected the full commit SHA/,
    );
  });
});

describe('the sub-action says which claims of the signing run it pins', () => {
  it.each([
    [{ kind: 'key' }, undefined],
    [
      { kind: 'keyless', certificateGithubWorkflowRef: 'refs/heads/main' },
      'the signing run: trigger not pinned, sha not pinned, name not pinned, repository not pinned, ref "refs/heads/main"',
    ],
    [
      {
        kind: 'keyless',
        certificateGithubWorkflowRepository: 'acme/model',
        certificateGithubWorkflowTrigger: 'push',
      },
      'the signing run: trigger "push", sha not pinned, name not pinned, repository "acme/model", ref not pinned',
    ],
  ])('%j -> %s', (identity, line) => {
    expect(pinsLine(identity)).toBe(line);
  });

  it('the job summary carries the line, escaped', () => {
    const text = checksMarkdown(
      'r@sha256:x',
      [],
      pinsLine({ kind: 'keyless', certificateGithubWorkflowRef: 'a|b' }),
    );
    expect(text).toContain('ref &quot;a&#124;b&quot;');
  });
});
