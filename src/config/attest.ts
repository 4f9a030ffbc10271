// The `attest` block of ml-image.yml: which attestations each pushed platform digest carries and
// how they are signed (issue "Supply chain"). Its own file so that schema.ts stays one screenful
// per block.
import { z } from 'zod';
import { describeValue } from './issues.js';
import { eachOnce } from './unique.js';

export const ATTESTATION_KINDS = ['sbom', 'provenance', 'smoke'] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

const SIGN_MODES = ['auto', 'key', 'keyless', 'off'] as const;

const EXPECTED_KINDS = `expected some of ${ATTESTATION_KINDS.join(', ')}`;

/**
 * attest.types as a list: "sbom, provenance" split, `none` (the only way an action input can say
 * "no attestations") none. A name in such a string that is no kind is said here, by its text: the
 * list's own issues would point at an item of a string, which holds nothing.
 */
function typesList(v: unknown, ctx: z.RefinementCtx): unknown {
  const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v;
  if (Array.isArray(list) && list.length === 1 && list[0] === 'none') return [];
  // Beside a kind, "none" was "no attestation type ... (or none)": a message against itself.
  if (Array.isArray(list) && list.length > 1 && list.includes('none')) {
    ctx.addIssue({
      code: 'custom',
      input: v,
      message: `none (no attestations) stands alone, got ${describeValue(list.join(', '))}: give none alone, or some of ${ATTESTATION_KINDS.join(', ')}`,
    });
    return z.NEVER;
  }
  if (typeof v !== 'string' || !Array.isArray(list)) return list;
  const unknown = list.filter((x) => !(ATTESTATION_KINDS as readonly string[]).includes(x));
  for (const name of unknown)
    ctx.addIssue({
      code: 'custom',
      input: v,
      message: `${describeValue(name)} is no attestation type: ${EXPECTED_KINDS} (or none)`,
    });
  return unknown.length > 0 ? z.NEVER : list;
}

export const AttestConfigSchema = z
  .strictObject({
    types: z
      .preprocess(
        typesList,
        z
          .array(z.enum(ATTESTATION_KINDS), { error: EXPECTED_KINDS })
          .superRefine(eachOnce('attestation type')),
      )
      .default([...ATTESTATION_KINDS])
      .describe(
        'Attestations for each pushed platform digest: `sbom` (CycloneDX 1.6), `provenance` (SLSA v1), `smoke` (the smoke results). `none` or `[]`: none. Each named once.',
      ),
    sign: z
      .enum(SIGN_MODES)
      .default('auto')
      .describe(
        'How to sign with cosign. `auto`: the `key` file when set, else keyless in GitHub Actions with `id-token: write` (cosign on PATH, `tlog` not false), else the key in `COSIGN_KEY`, else unsigned (said in the log and the report). `key`, `keyless`: only that way. `off`: never.',
      ),
    key: z
      .string()
      .min(1, { error: 'expected a file path' })
      .optional()
      .describe(
        'Private key file for `sign: key` (relative to the config file; keep it outside the repository and the build context, e.g. a fixed path on a self-hosted runner); its password in `COSIGN_PASSWORD`. Default: the key in `COSIGN_KEY` (its text: the way on GitHub-hosted runners).',
      ),
    spdx: z
      .boolean()
      .default(false)
      .describe(
        'Also write each SBOM as SPDX 2.3 JSON in the result directory, beside the CycloneDX one (`attest/<variant>-<arch>.sbom.spdx.json`, named in attest.json). Not attached: the CycloneDX SBOM is the signed one.',
      ),
    tlog: z
      .boolean()
      .optional()
      .describe(
        'Upload key-signed entries to the public Rekor transparency log. Default: on for keyless (required: `false` with `sign: keyless` is refused), off for a key (a private image name stays private).',
      ),
  })
  // Whatever the environment, keyless with the log off cannot sign (the attest stage refused it
  // only when a run got there): said by validate, at the line of tlog.
  .superRefine((a, ctx) => {
    if (a.sign === 'keyless' && a.tlog === false)
      ctx.addIssue({
        code: 'custom',
        path: ['tlog'],
        input: a.tlog,
        message:
          'false with sign: keyless, whose signatures are logged in the public Rekor log: leave tlog out with keyless, or sign with a key (sign: key) to keep the log out',
      });
  })
  .prefault({})
  .describe('Signed SBOM, provenance and smoke attestations (cosign).');

export type AttestConfig = z.output<typeof AttestConfigSchema>;
