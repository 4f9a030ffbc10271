// The three predicates the signing integration tests attach (cosign.test.ts, native-signer.test.ts):
// one of cosign's named types it re-encodes through its structs (cyclonedx, a SLSA v1 body that
// survives that), and a custom predicate type (smoke). Each is written to a file in a test's dir.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Signer, VerifyIdentity } from '../../src/attest/cosign.js';

export const SMOKE_TYPE = 'https://ml-image-action.github.io/attestations/smoke/v1';

export const PREDICATES = [
  {
    type: 'cyclonedx',
    uri: 'https://cyclonedx.org/bom',
    body: { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [] },
  },
  {
    type: 'slsaprovenance1',
    uri: 'https://slsa.dev/provenance/v1',
    body: {
      buildDefinition: {
        buildType: 'https://ml-image-action.github.io/build/v1',
        externalParameters: { config: 'ml-image.yml' },
        internalParameters: {},
        resolvedDependencies: [{ uri: 'pkg:docker/busybox@1', digest: { sha256: 'a'.repeat(64) } }],
      },
      runDetails: {
        builder: { id: 'https://github.com/o/r/actions/runs/1' },
        metadata: { invocationID: 'run-1' },
      },
    },
  },
  { type: SMOKE_TYPE, uri: SMOKE_TYPE, body: { suites: [{ name: 'import', passed: 3, failed: 0 }] } },
] as const;

/** Where the predicate of TYPE sits in DIR. */
export const predicateFile = (dir: string, type: string) =>
  path.join(dir, `${type.replace(/\W/g, '_')}.json`);

/** Write each predicate (and any EXTRA ones) to its file in DIR. */
export function writePredicates(dir: string, extra: readonly { type: string; body: unknown }[] = []): void {
  for (const p of [...PREDICATES, ...extra])
    writeFileSync(predicateFile(dir, p.type), JSON.stringify(p.body));
}

/**
 * Each predicate verifies on REF through SIGNER exactly once, about REF's digest in REPOSITORY.
 * cosign re-encodes its named types through its own structs (SLSA v1 gains "metadata": {}); a custom
 * type (a URI) comes back exactly as written.
 */
export async function expectEachAttestedOnce(
  signer: Pick<Signer, 'verifyAttestations'>,
  ref: string,
  repository: string,
  identity: VerifyIdentity,
): Promise<void> {
  const hex = ref.slice(ref.indexOf('@sha256:') + '@sha256:'.length);
  for (const p of PREDICATES) {
    const a = await signer.verifyAttestations(ref, p.type, identity);
    if (!a.ok) throw new Error(a.failure.message);
    expect(a.items).toHaveLength(1);
    expect(a.items[0]!.predicateType).toBe(p.uri);
    expect(a.items[0]!.subject).toEqual([{ name: repository, digest: { sha256: hex } }]);
    if (p.type === p.uri) expect(a.items[0]!.predicate).toEqual(p.body);
    else expect(a.items[0]!.predicate).toMatchObject(p.body);
  }
}
