// The report's supply chain (attest.json) is shown for the images reported only: attest.json stays in
// a result directory until the attest stage runs there again, so an earlier run's (another digest)
// must not be reported as this image's "signed". A target is kept when its digest is the one this
// run's record of the platform names (else build.json's, for a platform without a record), and
// left out with a warning otherwise.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttestResult, AttestTarget } from '../../src/attest/result.js';
import type { BuildResult } from '../../src/build/result.js';
import { validateConfigData } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import type { ReportModel } from '../../src/report/model-schema.js';
import { runReportStage } from '../../src/report/stage.js';
import { refDigest } from '../../src/oci/ref.js';
import { supplyChainOf } from '../../src/report/supply-chain.js';
import { openResultDir } from '../../src/results/results.js';
import { makeRecord } from '../helpers/records.js';

const REPO = 'localhost:5000/acme/model';
const D = (c: string) => `sha256:${c.repeat(64)}`;
const OLD = D('a');
const NEW = D('b');

const target = (platform: string, ref: string): AttestTarget => ({
  variant: 'cpu',
  platform,
  ref,
  signed: true,
  notes: [],
  attestations: [
    {
      kind: 'sbom',
      predicateType: 'https://cyclonedx.org/bom',
      file: 'attest/cpu-amd64.sbom.json',
      attached: true,
      verify: `cosign verify-attestation --key cosign.pub ${ref}`,
    },
  ],
});

const attest = (...targets: AttestTarget[]): AttestResult => ({
  schemaVersion: 1,
  signing: { mode: 'key', reason: 'signed with attest.key', tlog: false },
  targets,
});

describe('supplyChainOf', () => {
  const digests: Record<string, string> = { 'linux/amd64': NEW };
  it.each([
    ['the reported digest: kept', target('linux/amd64', `${REPO}@${NEW}`), true, []],
    [
      "an earlier run's digest: left out",
      target('linux/amd64', `${REPO}@${OLD}`),
      false,
      [
        "attest.json's cpu linux/amd64 image (sha256:aaaaaaaaaaaa) is not the one reported (sha256:bbbbbbbbbbbb): left out of the supply chain (an earlier run's attest stage?)",
      ],
    ],
    [
      'a platform no record or build.json names: left out',
      target('linux/arm64', `${REPO}@${NEW}`),
      false,
      [
        "attest.json's cpu linux/arm64 image (sha256:bbbbbbbbbbbb) is not one this run's record or build.json names: left out of the supply chain (an earlier run's attest stage?)",
      ],
    ],
    [
      'a reference without a digest: left out',
      target('linux/amd64', `${REPO}:1.0`),
      false,
      [
        `attest.json's cpu linux/amd64 image (${REPO}:1.0, no digest) is not the one reported (sha256:bbbbbbbbbbbb): left out of the supply chain (an earlier run's attest stage?)`,
      ],
    ],
  ])('%s', (_what, t, kept, dropped) => {
    const r = supplyChainOf(attest(t), 'cpu', (p) => digests[p]);
    expect(r.supplyChain?.targets.map((x) => x.ref) ?? []).toEqual(kept ? [t.ref] : []);
    expect(r.dropped).toEqual(dropped);
  });

  it("another variant's targets are not this report's (and not said)", () => {
    const other = { ...target('linux/amd64', `${REPO}@${OLD}`), variant: 'cu128' };
    expect(supplyChainOf(attest(other), 'cpu', () => NEW)).toEqual({ dropped: [] });
  });

  it.each([
    [`${REPO}@${NEW}`, NEW],
    [`${REPO}:1.0@${NEW}`, NEW],
    [`${REPO}:1.0`, undefined],
    [`${REPO}@sha256:short`, undefined],
  ])('refDigest(%s) -> %s', (ref, digest) => {
    expect(refDigest(ref)).toBe(digest);
  });
});

describe('the report stage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-report-supply-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (digest: string): BuildResult => ({
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: REPO,
        tags: [],
        baseImage: 'python:3.12-slim',
        platforms: [
          { platform: 'linux/amd64', digest: NEW, durationMs: 1, attempts: 1, metadata: {} },
          { platform: 'linux/arm64', digest, durationMs: 1, attempts: 1, metadata: {} },
        ],
      },
    ],
  });

  /** The report of a run whose amd64 record is of NEW (arm64 has none), with ATTEST and BUILD there. */
  async function report(result: AttestResult, built?: BuildResult) {
    const config = validateConfigData(
      { image: { name: 'acme/model' }, variants: ['cpu'], platforms: ['linux/amd64', 'linux/arm64'] },
      'ml-image.yml',
    );
    const git = { sha: 'c'.repeat(40), ref: 'refs/heads/main', isDefaultBranch: true };
    const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date('2026-11-30T00:00:00Z') });
    const results = openResultDir(path.join(dir, 'res'));
    results.writeEnv('cpu', 'linux/amd64', makeRecord({ ref: `${REPO}@${NEW}` }));
    results.writeAttest(result);
    if (built) results.writeBuild(built);
    const warnings: string[] = [];
    await runReportStage(
      { plan, config, results, git, options: { mode: 'off', baseline: null } },
      { env: {}, progress: () => undefined, warning: (m) => void warnings.push(m) },
    );
    const model = JSON.parse(readFileSync(path.join(dir, 'res', 'report-cpu.json'), 'utf8')) as ReportModel;
    const markdown = readFileSync(path.join(dir, 'res', 'report-cpu.md'), 'utf8');
    return { platforms: model.supplyChain?.targets.map((t) => t.platform) ?? [], markdown, warnings };
  }

  it.each([
    [
      "an earlier run's attest.json (another digest): no supply chain",
      attest(target('linux/amd64', `${REPO}@${OLD}`)),
      undefined,
      [],
      1,
    ],
    ["this image's: shown", attest(target('linux/amd64', `${REPO}@${NEW}`)), undefined, ['linux/amd64'], 0],
    [
      "a platform without a record: build.json's digest decides",
      attest(target('linux/amd64', `${REPO}@${NEW}`), target('linux/arm64', `${REPO}@${D('c')}`)),
      build(D('c')),
      ['linux/amd64', 'linux/arm64'],
      0,
    ],
    [
      'a platform without a record, another digest in build.json: left out',
      attest(target('linux/amd64', `${REPO}@${NEW}`), target('linux/arm64', `${REPO}@${OLD}`)),
      build(D('c')),
      ['linux/amd64'],
      1,
    ],
    [
      'a platform without a record, no build.json: left out',
      attest(target('linux/amd64', `${REPO}@${NEW}`), target('linux/arm64', `${REPO}@${OLD}`)),
      undefined,
      ['linux/amd64'],
      1,
    ],
  ])('%s', async (_what, result, built, shown, warned) => {
    const r = await report(result, built);
    expect(r.platforms).toEqual(shown);
    expect(r.warnings.filter((w) => w.startsWith("attest.json's"))).toHaveLength(warned);
    if (shown.length === 0) expect(r.markdown).not.toContain('Supply chain');
    else expect(r.markdown).toContain('Supply chain: signed');
  });
});
