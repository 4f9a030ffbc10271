// The verify sub-action (actions/verify): the bundle's entry selected by `command: verify`, with a
// scripted cosign and engine. Its outputs and job summary come before a failed check fails the
// step; bad inputs are named; its action.yml declares exactly the inputs the code reads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMAND_INPUT, VERIFY_INPUTS, VERIFY_OUTPUTS } from '../../src/action/verify.js';
import { type ActionIo, run } from '../../src/action/run.js';
import type { Signer, VerifyIdentity } from '../../src/attest/cosign.js';
import { SLSA_PROVENANCE_V1 } from '../../src/attest/provenance.js';
import { CYCLONEDX_PREDICATE_TYPE } from '../../src/attest/types.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker } from '../helpers/fakes.js';

const D = (c: string) => `sha256:${c.repeat(64)}`;
const INDEX = `ghcr.io/acme/model@${D('0')}`;
const AMD = `ghcr.io/acme/model@${D('1')}`;

/** Signs AMD only (unless told); every attestation is about the digest asked for. */
function signer(identities: VerifyIdentity[], signed = new Set([AMD]), failure = 'no signature'): Signer {
  return {
    version: async () => ({ gitVersion: 'v2.5.0' }),
    sign: async () => undefined,
    attest: async () => undefined,
    verify: async (ref, id) => {
      identities.push(id);
      return signed.has(ref)
        ? { ok: true, items: [{ dockerReference: ref, digest: ref.split('@')[1]!, type: 'x', optional: {} }] }
        : { ok: false, failure: { ref, what: 'signature', reason: 'missing', message: failure } };
    },
    verifyAttestations: async (ref, type) => ({
      ok: true,
      items: [
        {
          type: 'https://in-toto.io/Statement/v1',
          predicateType: type === 'cyclonedx' ? CYCLONEDX_PREDICATE_TYPE : SLSA_PROVENANCE_V1,
          subject: [{ name: 'm', digest: { sha256: ref.split('@sha256:')[1]! } }],
          predicate: {},
        },
      ],
    }),
  };
}

function actionIo(inputs: Record<string, string>, s: Signer, env: Record<string, string> = {}) {
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const summaries: string[] = [];
  const inspected: string[] = [];
  const io: ActionIo = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    setFailed: (m) => failed.push(m),
    error: () => undefined,
    warning: () => undefined,
    info: () => undefined,
    group: (_n, fn) => fn(),
    summary: async (md) => {
      summaries.push(md);
    },
    cwd: '/work/space',
    env,
    docker: () =>
      fakeDocker({
        imagetoolsInspect: async (ref) => {
          inspected.push(ref);
          return {
            mediaType: 'application/vnd.oci.image.index.v1+json',
            platforms: [
              { os: 'linux', architecture: 'amd64', digest: D('1') },
              { os: 'linux', architecture: 'arm64', digest: D('2') },
            ],
          };
        },
      }),
    signer: () => s,
  };
  return { io, outputs, failed, summaries, inspected };
}

describe('verify sub-action', () => {
  it('every check holds: verdict pass, the checks as JSON, a summary table; the key is relative to the workspace', async () => {
    const ids: VerifyIdentity[] = [];
    const f = actionIo(
      { command: 'verify', image: INDEX, key: 'keys/cosign.pub', platform: 'linux/amd64' },
      signer(ids),
    );
    await run(f.io);
    expect(f.failed).toEqual([]);
    expect(f.inspected).toEqual([INDEX]);
    expect(f.outputs.verdict).toBe('pass');
    const checks = JSON.parse(f.outputs.checks!) as { platform: string; check: string; ok: boolean }[];
    expect(checks.map((c) => [c.platform, c.check, c.ok])).toEqual([
      ['linux/amd64', 'signature', true],
      ['linux/amd64', 'sbom attestation', true],
      ['linux/amd64', 'provenance attestation', true],
    ]);
    expect(ids).toEqual([{ kind: 'key', publicKey: '/work/space/keys/cosign.pub' }]);
    // A code span: the reference copied from the summary is the one checked (no word joiner).
    expect(f.summaries[0]).toMatch(/^### ml-image verify: `ghcr\.io\/acme\/model@sha256:0{64}`$/m);
    expect(f.summaries[0]).toContain('| ✅ | linux/amd64 | signature | 1 verified |');
  });

  it('a failed check: the outputs and summary first, then the step fails naming it', async () => {
    const f = actionIo(
      {
        command: 'verify',
        image: INDEX,
        'certificate-identity-regexp': '^https://github.com/acme/',
        'require-gpu-smoke': 'false',
      },
      signer([], new Set([AMD]), 'no signature | <img src=x> @acme/owners'),
    );
    await run(f.io);
    expect(f.outputs.verdict).toBe('fail');
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(/^verify: 1 of 6 checks failed for .*: linux\/arm64 signature$/);
    // The cosign message is escaped in the summary: no table break, no tag, no mention.
    const row = f.summaries[0]!.split('\n').find((l) => l.includes('linux/arm64 | signature'))!;
    expect(row).toMatch(
      /^\| ❌ \| linux\/arm64 \| signature \| no signature &#124; &lt;img src=x&gt; @\u2060acme\/owners \|$/,
    );
  });

  it('a platform the index does not have: a failed check, the outputs and summary set, then the step fails', async () => {
    const f = actionIo(
      { command: 'verify', image: INDEX, key: 'k.pub', platform: 'linux/s390x' },
      signer([]),
    );
    await run(f.io);
    expect(f.outputs.verdict).toBe('fail');
    expect(JSON.parse(f.outputs.checks!)).toEqual([
      {
        platform: 'linux/s390x',
        check: 'image',
        ok: false,
        detail: 'not in the index (it has: linux/amd64, linux/arm64)',
      },
    ]);
    expect(f.summaries[0]).toContain(
      '| ❌ | linux/s390x | image | not in the index &#40;it has: linux/amd64, linux/arm64&#41; |',
    );
    expect(f.failed).toEqual([`verify: 1 of 1 checks failed for ${INDEX}: linux/s390x image`]);
  });

  it.each([
    [{ image: INDEX }, /no identity to verify against.*\n?.*/, /input "key"/],
    [{ image: '', key: 'k.pub' }, /input "image": required/, /REGISTRY\/REPO@sha256/],
    [{ image: 'ghcr.io/acme/model:latest', key: 'k.pub' }, /input "image" .*digest/, undefined],
    [
      { image: INDEX, key: 'k.pub', 'require-gpu-smoke': 'maybe' },
      /input "require-gpu-smoke": expected true or false/,
      undefined,
    ],
    [{ image: INDEX, key: 'k.pub', require: 'vex' }, /input "require": unknown attestation vex/, undefined],
  ])(
    'bad input %j fails the step naming the input, before any registry call',
    async (inputs, message, fix) => {
      const f = actionIo({ command: 'verify', ...inputs }, signer([]));
      await run(f.io);
      expect(f.failed).toHaveLength(1);
      expect(f.failed[0]).toMatch(message);
      if (fix) expect(f.failed[0]).toMatch(fix);
      expect(f.inspected).toEqual([]);
      // The verdict is fail, never empty: a gate step with continue-on-error reads it (finding).
      expect(f.outputs).toEqual({ verdict: 'fail', checks: '[]' });
      expect(f.summaries).toHaveLength(1);
      expect(f.summaries[0]).toMatch(/^### ml-image verify: not checked\n\n/);
    },
  );

  // Finding: the summary quoted the refused image input unmasked, while the step's failure masked it.
  it.each([
    'deploy:Zq9xLmP2wR7tKv4s@reg.example/x:latest',
    'reg.example/x:latest?token=Zq9xLmP2wR7tKv4s',
    `deploy:Zq9xLmP2wR7tKv4s@reg.example/x@sha256:${'c'.repeat(63)}`,
  ])('a refused image %j: the summary masks its secret as the failure does', async (image) => {
    const f = actionIo({ command: 'verify', image, key: 'k.pub' }, signer([]));
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.summaries).toHaveLength(1);
    expect(f.summaries[0]).toMatch(
      /^### ml-image verify: not checked\n\ninput &quot;image&quot; .*\\\*\\\*\\\*/,
    );
    expect(f.summaries[0]).not.toContain('Zq9xLmP2wR7tKv4s');
    expect(f.inspected).toEqual([]);
  });

  it.each([
    // Finding: a misspelt policy input dropped its check, and the gate passed.
    [
      { INPUT_REQUIRE_SMOKE: 'pass' },
      /input "require_smoke" is no input of the verify action \(did you mean require-smoke\?\)/,
    ],
    [
      { 'INPUT_REQUIRE-GPU': 'true' },
      /input "require-gpu" is no input of the verify action \(did you mean require-gpu-smoke\?\)/,
    ],
  ])('an input the action does not have (%j): bad input, before any registry call', async (env, message) => {
    const f = actionIo({ command: 'verify', image: INDEX, key: 'k.pub' }, signer([]));
    await run({ ...f.io, env: { INPUT_IMAGE: INDEX, INPUT_KEY: 'k.pub', INPUT_COMMAND: 'verify', ...env } });
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(message);
    expect(f.inspected).toEqual([]);
    expect(f.outputs.verdict).toBe('fail');
  });

  it('the key input holding PEM text: bad input saying it takes a path, the key never shown', async () => {
    const pem =
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEPLANTED\n-----END PUBLIC KEY-----';
    const f = actionIo({ command: 'verify', image: INDEX, key: pem }, signer([]));
    await run(f.io);
    expect(f.failed[0]).toMatch(/input "key": holds PEM text; it takes the public key's file path/);
    expect(f.failed.join('\n')).not.toContain('PLANTED');
  });

  it.each(['pkcs11:token=x;slot-id=1', 'awskms:///alias/cosign', 'hashivault://cosign'])(
    'the key input %s is a key reference, as the CLI reads it, not a workspace path',
    async (key) => {
      const ids: VerifyIdentity[] = [];
      const f = actionIo({ command: 'verify', image: INDEX, key }, signer(ids));
      await run(f.io);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id).toEqual({ kind: 'key', publicKey: key });
    },
  );

  it('an unknown command is bad input, not the pipeline', async () => {
    const f = actionIo({ command: 'verfy', image: INDEX, key: 'k.pub' }, signer([]));
    await run(f.io);
    expect(f.failed[0]).toMatch(/input "command": selects the verify sub-action's entry .*"verfy"/);
    expect(f.outputs.verdict).toBe('fail');
    expect(f.inspected).toEqual([]);
  });

  it('a command emptied in the verify step (INPUT_COMMAND set, empty) is bad input, not the pipeline', async () => {
    // The runner sets INPUT_COMMAND for the input actions/verify/action.yml declares: '' when the
    // step's with: empties it. The pipeline would build and push with its defaults.
    const env = { INPUT_COMMAND: '', INPUT_IMAGE: INDEX, INPUT_KEY: 'k.pub' };
    const f = actionIo({ command: '', image: INDEX, key: 'k.pub' }, signer([]), env);
    await run(f.io);
    expect(f.failed).toHaveLength(1);
    expect(f.failed[0]).toMatch(
      /input "command": selects the verify sub-action's entry and must stay verify, got ""/,
    );
    expect(f.outputs.verdict).toBe('fail');
    expect(f.inspected).toEqual([]);
  });
});

describe('actions/verify/action.yml', () => {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'actions/verify/action.yml'), 'utf8'));
  const src = readFileSync(path.join(REPO_ROOT, 'src/action/verify.ts'), 'utf8');

  it('declares exactly the inputs the code reads, with command fixed to verify', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...Object.keys(VERIFY_INPUTS), COMMAND_INPUT].sort());
    expect(action.inputs[COMMAND_INPUT].default).toBe('verify');
    // Each is read where the inputs are read (not only named in the table of descriptions).
    const reading = src.slice(src.indexOf('function boolInput'));
    for (const name of Object.keys(VERIFY_INPUTS))
      expect(reading).toMatch(new RegExp(`\\(\\s*(io, )?'${name}'\\)`));
  });

  it('sets every output it declares', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.keys(VERIFY_OUTPUTS).sort());
    for (const name of Object.keys(action.outputs))
      expect(src).toMatch(new RegExp(`setOutput\\(\\s*'${name}'`));
  });

  it('runs the shared bundle, without a post step (verify leaves nothing to clean up)', () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../../dist/index.js' });
  });
});
