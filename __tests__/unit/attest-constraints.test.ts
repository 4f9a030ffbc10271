// Provenance names the resolver's constraints by digest ("constraints (resolver)"). In the job that
// resolved and built, the attest stage has them in memory; in another job (the reusable workflow's
// attest job, the attest sub-action, `ml-image run --stages attest`) it has only the result
// directory: the digest the target's resolution file records. Both give the same entry.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runAttest } from '../../src/pipeline/attest.js';
import type { Resolved } from '../../src/resolve/stage.js';
import { RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';
import { openResultDir, resolutionFile, type ResultDir } from '../../src/results/results.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const CONSTRAINTS = 'numpy==1.26.4\nscipy==1.13.1\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-attest-constraints-'));
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\nattest: {sign: key, types: [provenance]}\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const resolution = (over: Partial<Resolution['constraints']> = {}): Resolution => ({
  schemaVersion: RESOLUTION_SCHEMA_VERSION,
  image: 'python:3.12-slim',
  platform: 'linux/amd64',
  mode: 'auto',
  status: 'fixed',
  python: '3.12.8',
  naive: { install: [], replaces: [] },
  hazards: [],
  constraints: { pinned: 42, skipped: [], ...over },
  durationMs: 1,
});

/** The provenance's resolvedDependencies of the one target, as the attest stage attaches them. */
async function dependencies(results: ResultDir, resolved: Resolved) {
  const texts: string[] = [];
  await runAttest(
    {
      plan: { variants: [] } as never,
      loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
      build: {
        schemaVersion: 1,
        variants: [
          {
            variant: 'cpu',
            repository: 'ghcr.io/o/m',
            tags: [],
            baseImage: 'python:3.12-slim',
            platforms: [
              { platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} },
            ],
          },
        ],
      },
      smoke: [],
      resolved,
      results,
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: FIXTURE_PASSWORD },
      now: new Date('2026-01-05T10:00:00Z'),
    },
    {
      signer: () => ({
        sign: async () => undefined,
        attest: async (_ref, p) => void texts.push(p.text ?? ''),
      }),
      progress: () => undefined,
      warning: () => undefined,
    },
  );
  const provenance = texts
    .map((t) => JSON.parse(t) as { buildDefinition?: { resolvedDependencies: { name?: string }[] } })
    .find((x) => x.buildDefinition !== undefined);
  return provenance!.buildDefinition!.resolvedDependencies;
}

const constraintsEntry = (deps: { name?: string }[]) => deps.find((d) => d.name === 'constraints (resolver)');

describe("provenance's resolver constraints", () => {
  const inMemory: Resolved = {
    'cpu/linux/amd64': {
      resolution: resolution({ sha256: sha256(CONSTRAINTS) }),
      constraints: CONSTRAINTS,
      requirements: 'numpy\n',
      explanation: '',
    },
  };

  it('the same entry in the job that resolved and in a separate attest job (the resolution file)', async () => {
    const sameJob = await dependencies(openResultDir(path.join(dir, 'same')), inMemory);
    const separate = openResultDir(path.join(dir, 'separate'));
    separate.writeResolution('cpu', 'linux/amd64', inMemory['cpu/linux/amd64']!.resolution);
    const separateJob = await dependencies(separate, {});
    expect(constraintsEntry(sameJob)).toEqual({
      name: 'constraints (resolver)',
      digest: { sha256: sha256(CONSTRAINTS) },
    });
    expect(separateJob).toEqual(sameJob);
  });

  it.each([
    ['no resolution file (the resolver did not run for the target)', undefined],
    ['a file of schemaVersion 1 (no constraints.sha256)', { ...resolution(), schemaVersion: 1 }],
    [
      "another platform's resolution under this target's name",
      { ...resolution({ sha256: 'c'.repeat(64) }), platform: 'linux/arm64' },
    ],
  ])('none in a separate job with %s', async (_name, file) => {
    const results = openResultDir(path.join(dir, 'out'));
    if (file !== undefined)
      writeFileSync(path.join(dir, 'out', resolutionFile('cpu', 'linux/amd64')), JSON.stringify(file));
    const deps = await dependencies(results, {});
    expect(constraintsEntry(deps)).toBeUndefined();
    expect(deps).toHaveLength(2); // the base image and requirements.txt
  });
});
