// The SPDX 2.3 SBOM (src/attest/spdx.ts) against the SPDX project's own validator: pyspdxtools
// (spdx-tools), which scripts/test-env.sh unpacks from Debian 13's backports. The test bed's
// CPU-PyTorch record, a CUDA record on its base image, a record without an OS id and one of awkward
// package names all validate, through `ml-image sbom --format spdx` as a user runs it; broken
// documents do not, named by the validator (it is real).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSpdx, type SpdxDocument } from '../../src/attest/spdx.js';
import type { EnvRecord } from '../../src/capture/record.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';
import { cudaRecord, makeRecord, pipEntry, torchCpuRecord } from '../helpers/records.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools('the SPDX validation tests (spdx-validator.test.ts)', ['pyspdxtools']);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-spdx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** pyspdxtools on FILE (it reads the format from the name: .json); its exit status and output. */
function pyspdxtools(file: string): { status: number | null; output: string } {
  const r = spawnSync('pyspdxtools', ['-i', file], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function validate(doc: unknown, name = 'sbom.spdx.json') {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return pyspdxtools(file);
}

function awkward(): EnvRecord {
  return makeRecord({
    pip: [
      pipEntry('Foo_Bar.baz', '1!2.0.post1'),
      pipEntry('torch', '2.7.0+cu128'),
      pipEntry('six', '1.16.0'),
      pipEntry('Six', '1.16.1'),
      { ...pipEntry('weird', '1.0 beta'), requires: ['six', 'torch; extra == "gpu"'] },
    ],
    apt: [
      { name: 'libc6', version: '2.36-9+deb12u7', arch: 'amd64' },
      { name: 'libc6', version: '2.36-9+deb12u7', arch: 'arm64' },
    ],
  });
}

describe.skipIf(SKIP)('the SPDX SBOM and the SPDX project validator (pyspdxtools)', () => {
  it('`ml-image sbom --format spdx` of the CPU-PyTorch record validates', async () => {
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(torchCpuRecord()));
    const io = captureIo(dir);
    const args = ['sbom', '--record', 'env.json', '--format', 'spdx', '--out', 'torch.spdx.json'];
    expect(await runCli(args, io)).toBe(0);
    const file = path.join(dir, 'torch.spdx.json');
    expect(pyspdxtools(file)).toEqual({ status: 0, output: '' });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as SpdxDocument;
    expect(doc.packages.find((p) => p.name === 'torch')?.versionInfo).toBe('1.13.1');
  });

  it.each([
    [
      'a CUDA record on its base image',
      () => cudaRecord(),
      { ref: 'nvcr.io/nvidia/cuda:12.8.0-runtime-ubuntu22.04' },
    ],
    [
      'a record without an OS id (apt packages without purls)',
      () => {
        const r = makeRecord();
        r.os.osRelease = {};
        return r;
      },
      undefined,
    ],
    ['awkward names and versions, a package twice, two architectures', awkward, undefined],
  ])('%s validates', (_what, record, baseImage) => {
    const doc = buildSpdx({ record: record(), ...(baseImage && { baseImage }) });
    expect(validate(doc)).toEqual({ status: 0, output: '' });
  });

  it.each([
    [
      'an SPDX id with a character SPDX does not allow',
      (d: SpdxDocument) => {
        d.packages[1]!.SPDXID = 'SPDXRef-a_b';
      },
      'SPDXRef-a_b',
    ],
    [
      'a relationship to a package that is not there',
      (d: SpdxDocument) => {
        d.relationships.push({ ...d.relationships[1]!, relatedSpdxElement: 'SPDXRef-missing' });
      },
      'SPDXRef-missing',
    ],
    [
      'a purl that is not one',
      (d: SpdxDocument) => {
        d.packages[1]!.externalRefs = [
          { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'not a purl' },
        ];
      },
      'not a purl',
    ],
  ])('the validator is real: %s is refused, named', (_what, breakIt, named) => {
    const doc = buildSpdx({ record: torchCpuRecord() });
    breakIt(doc);
    const r = validate(doc);
    expect(r.status).toBe(1);
    expect(r.output).toContain(named);
  });
});
