// The SBOM and provenance of a live-captured image (issue #12): the CPU-PyTorch test image, with
// secrets planted in its environment and in the run's, captured for real, then `ml-image sbom`
// and the provenance predicate made from that record. The SBOM lists torch 1.13 and numpy with
// their versions and purls, validates against CycloneDX 1.6 (the library's strict validator), its
// SPDX 2.3 form passes the SPDX project's validator (pyspdxtools), and no planted secret appears in
// any of the documents.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { predicateFor } from '../../src/attest/predicates.js';
import type { EnvRecord } from '../../src/capture/record.js';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';
import { missingTools } from '../helpers/tools.js';

const env = inject('dockerEnv');
const NO_SPDX_VALIDATOR = missingTools('the SPDX check of sbom-live.test.ts', ['pyspdxtools']);

interface Component {
  name: string;
  version?: string;
  purl?: string;
}

describe.skipIf(!env.available)('SBOM and provenance of a live-captured torch image', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-sbom-live-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('torch 1.13 and numpy with versions and purls, schema-valid, no planted secret anywhere', async () => {
    const planted = {
      HF_TOKEN: 'hf_PlantedSbomTokenAbcdefghijklmnop',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSBOMPLANTED',
      PIP_INDEX_URL: 'https://PlantedSbomUser:PlantedSbomPass99@pypi.example/simple',
    };
    const tag = `${images.registry}/ml-image-it/sbom-live:latest`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.torch}\nENV ${Object.entries(planted)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}\n`,
      tag,
      '--load',
    );
    const runSecret = 'ghp_PlantedSbomRunEnvAbcdefghijklmnop0123';
    const out = path.join(dir, 'capture');
    const io = captureIo(dir, docker, { MODEL_ACCESS: runSecret });
    expect(
      await runCli(['capture', '--image', tag, '--env', 'MODEL_ACCESS', '--out', out], io),
      io.err(),
    ).toBe(0);
    const recordFile = path.join(out, 'env.json');

    const sbomFile = path.join(dir, 'sbom.json');
    const sio = captureIo(dir, docker);
    expect(await runCli(['sbom', '--record', recordFile, '--out', sbomFile], sio), sio.err()).toBe(0);
    const text = readFileSync(sbomFile, 'utf8');
    expect(await new JsonStrictValidator(Version.v1dot6).validate(text)).toBeNull();
    const sbom = JSON.parse(text) as { components: Component[] };
    const torch = sbom.components.find((c) => c.name === 'torch');
    expect(torch?.version).toMatch(/^1\.13/);
    // The purl spec percent-encodes the version: 1.13.0a0+gitunknown -> 1.13.0a0%2Bgitunknown.
    expect(torch?.purl).toBe(`pkg:pypi/torch@${encodeURIComponent(torch!.version!)}`);
    const numpy = sbom.components.find((c) => c.name === 'numpy');
    expect(numpy?.version).toMatch(/^\d+\.\d+/);
    expect(numpy?.purl).toBe(`pkg:pypi/numpy@${encodeURIComponent(numpy!.version!)}`);
    // Debian packages too (the test image is Debian's torch): pkg:deb with the distribution.
    expect(sbom.components.some((c) => c.purl?.startsWith('pkg:deb/debian/'))).toBe(true);
    // With the source package a scanner matches Debian's advisories by: python3-torch's is pytorch.
    expect(sbom.components.find((c) => c.name === 'python3-torch')?.purl).toMatch(
      /[?&]upstream=pytorch(&|$)/,
    );

    // The same SBOM as SPDX 2.3, as a user writes it, and the SPDX project's validator on it.
    const spdxFile = path.join(dir, 'sbom.spdx.json');
    const xio = captureIo(dir, docker);
    const spdxArgs = ['sbom', '--record', recordFile, '--format', 'spdx', '--out', spdxFile];
    expect(await runCli(spdxArgs, xio), xio.err()).toBe(0);
    const spdx = readFileSync(spdxFile, 'utf8');
    expect(spdx).toContain(`"referenceLocator": "${torch!.purl!}"`);
    if (!NO_SPDX_VALIDATOR) {
      const v = spawnSync('pyspdxtools', ['-i', spdxFile], { encoding: 'utf8', timeout: 120_000 });
      expect(`${v.stdout}${v.stderr}`).toBe('');
      expect(v.status).toBe(0);
    }

    // The provenance of the same image, made with secrets in the job's environment as well.
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as EnvRecord;
    const provenance = predicateFor('provenance', {
      variant: 'cpu',
      platform: 'linux/amd64',
      repository: `${images.registry}/ml-image-it/sbom-live`,
      digest: `sha256:${'0'.repeat(64)}`,
      tags: [tag],
      baseImage: { ref: images.torch },
      record,
      inputs: [],
      buildDurationMs: 1,
      env: {
        GITHUB_TOKEN: 'ghs_PlantedJobTokenAbcdefghijklmnop0123',
        COSIGN_PASSWORD: 'PlantedCosignPassword',
      },
      now: new Date(),
      toolVersion: 'test',
    });
    expect('predicate' in provenance).toBe(true);
    const everything = `${text}\n${spdx}\n${JSON.stringify(provenance)}`;
    for (const v of [
      ...Object.values(planted),
      'PlantedSbomUser',
      runSecret,
      'ghs_PlantedJobTokenAbcdefghijklmnop0123',
      'PlantedCosignPassword',
    ])
      expect(everything).not.toContain(v);
  });
});
