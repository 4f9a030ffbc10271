// The ML-aware SBOM (src/attest/sbom.ts) and `ml-image sbom`: CycloneDX 1.6 that the library's own
// strict validator accepts, purls as the purl spec writes them, the ML stack as components with
// properties, the same bytes for the same record, and no secret from the record in it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { condaPurl, debPurl, dockerPurl, ociPurl, pypiPurl, purlEncode } from '../../src/attest/purl.js';
import { buildSbom, ML_STACK_PROPERTY } from '../../src/attest/sbom.js';
import { utcCaptureTime } from '../../src/attest/sbom-time.js';
import { buildSpdx, type SpdxDocument, type SpdxPackage } from '../../src/attest/spdx.js';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';
import { asV1, cudaRecord, makeRecord, pipEntry, torchCpuRecord } from '../helpers/records.js';

interface CdxComponent {
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  cpe?: string;
  'bom-ref': string;
  properties?: { name: string; value: string }[];
}
interface CdxBom {
  specVersion: string;
  serialNumber: string;
  metadata: { timestamp: string; component: CdxComponent; tools: { components: CdxComponent[] } };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}

const sbomOf = (input: Parameters<typeof buildSbom>[0]) => buildSbom(input) as unknown as CdxBom;
const props = (c: CdxComponent | undefined) =>
  Object.fromEntries((c?.properties ?? []).map((p) => [p.name, p.value]));
const byName = (bom: CdxBom, name: string) => bom.components.filter((c) => c.name === name);
/** A version past CycloneDX's 1024 code points (a hostile METADATA's). */
const LONG = `1.0+${'x'.repeat(3000)}`;

async function validate(sbom: unknown): Promise<unknown> {
  return new JsonStrictValidator(Version.v1dot6).validate(JSON.stringify(sbom));
}

const HEX = (c: string) => c.repeat(64);

describe('purls (https://github.com/package-url/purl-spec)', () => {
  it.each([
    ['torch', '2.7.0+cu128', 'pkg:pypi/torch@2.7.0%2Bcu128'],
    // The purl spec's pypi type: lowercased, '_' -> '-'; dots and runs of dashes stay.
    ['Foo_Bar.baz', '1.0', 'pkg:pypi/foo-bar.baz@1.0'],
    ['zope.interface', '7.2', 'pkg:pypi/zope.interface@7.2'],
    ['ruamel.yaml.clib', '0.2.12', 'pkg:pypi/ruamel.yaml.clib@0.2.12'],
    ['Typing_Extensions', '4.4.0', 'pkg:pypi/typing-extensions@4.4.0'],
    ['a__b--c', '1', 'pkg:pypi/a--b--c@1'],
    ['a_-b', '1', 'pkg:pypi/a--b@1'],
    ['foo', '1!2.0.post1', 'pkg:pypi/foo@1%212.0.post1'],
    ['numpy', '2.2.6', 'pkg:pypi/numpy@2.2.6'],
    ['weird', '1.0 beta', 'pkg:pypi/weird@1.0%20beta'],
    ['noversion', '', 'pkg:pypi/noversion'],
  ])('pypi %s %s -> %s', (name, version, purl) => {
    expect(pypiPurl(name, version)).toBe(purl);
  });

  it.each([
    [
      'debian',
      { name: 'python3-numpy', version: '1:1.24.2-1', arch: 'amd64' },
      'debian-12',
      'pkg:deb/debian/python3-numpy@1:1.24.2-1?arch=amd64&distro=debian-12',
    ],
    [
      'debian',
      { name: 'libc6', version: '2.36-9+deb12u7', arch: 'arm64' },
      'debian-12',
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u7?arch=arm64&distro=debian-12',
    ],
    [
      'Ubuntu',
      { name: 'libstdc++6', version: '14.2.0-4ubuntu2~24.04', arch: 'amd64' },
      'ubuntu-24.04',
      'pkg:deb/ubuntu/libstdc%2B%2B6@14.2.0-4ubuntu2~24.04?arch=amd64&distro=ubuntu-24.04',
    ],
    [
      'debian',
      { name: 'tzdata', version: '2024a-0', arch: 'all' },
      null,
      'pkg:deb/debian/tzdata@2024a-0?arch=all',
    ],
    // The source package as upstream= (syft's form, which grype reads): its name when it differs
    // from the binary's, with @version when the version differs too (percent-encoded: one value).
    [
      'debian',
      { name: 'libssl3', version: '3.0.15-1~deb12u1', arch: 'amd64', source: 'openssl' },
      'debian-12',
      'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
    ],
    [
      'debian',
      {
        name: 'libc6',
        version: '2.36-9+deb12u7+b1',
        arch: 'amd64',
        source: 'glibc',
        sourceVersion: '2.36-9+deb12u7',
      },
      'debian-12',
      'pkg:deb/debian/libc6@2.36-9%2Bdeb12u7%2Bb1?arch=amd64&distro=debian-12&upstream=glibc%402.36-9%2Bdeb12u7',
    ],
    [
      'debian',
      { name: 'cpp', version: '4:12.2.0-3', arch: 'amd64', source: 'gcc-defaults', sourceVersion: '1.203' },
      null,
      'pkg:deb/debian/cpp@4:12.2.0-3?arch=amd64&upstream=gcc-defaults%401.203',
    ],
    [
      'ubuntu',
      {
        name: 'libssl3t64',
        version: '3.0.13-0ubuntu3.5',
        arch: 'arm64',
        source: 'openssl',
        sourceVersion: '3.0.13-0ubuntu3.5',
      },
      'ubuntu-24.04',
      'pkg:deb/ubuntu/libssl3t64@3.0.13-0ubuntu3.5?arch=arm64&distro=ubuntu-24.04&upstream=openssl',
    ],
    // The binary package is its own source (a binNMU of bash): no upstream=.
    [
      'debian',
      { name: 'bash', version: '5.2.15-2+b8', arch: 'amd64', source: 'bash', sourceVersion: '5.2.15-2' },
      'debian-12',
      'pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12',
    ],
    [
      'debian',
      { name: 'zlib1g', version: '1:1.2.13', arch: 'amd64', source: '', sourceVersion: null },
      'debian-12',
      'pkg:deb/debian/zlib1g@1:1.2.13?arch=amd64&distro=debian-12',
    ],
  ])('deb %s %o -> %s', (os, pkg, distro, purl) => {
    expect(debPurl(os, pkg, distro)).toBe(purl);
  });

  it.each([
    [
      'ghcr.io/acme/Model:pr-12',
      `sha256:${HEX('a')}`,
      'amd64',
      `pkg:oci/model@sha256:${HEX('a')}?arch=amd64&repository_url=ghcr.io%2Facme%2FModel&tag=pr-12`,
    ],
    [
      'python:3.11-slim',
      `sha256:${HEX('B')}`,
      'arm64',
      `pkg:oci/python@sha256:${HEX('b')}?arch=arm64&repository_url=docker.io%2Flibrary%2Fpython&tag=3.11-slim`,
    ],
    [
      `localhost:5000/x@sha256:${HEX('c')}`,
      `sha256:${HEX('c')}`,
      undefined,
      `pkg:oci/x@sha256:${HEX('c')}?repository_url=localhost:5000%2Fx`,
    ],
  ])('oci %s -> %s', (ref, digest, arch, purl) => {
    expect(ociPurl(ref, digest, arch)).toBe(purl);
  });

  it.each([[null], [undefined], ['sha256:abc'], ['md5:' + HEX('a')]])(
    'no oci purl without a sha256 digest (%s)',
    (d) => {
      expect(ociPurl('ghcr.io/acme/model:1', d)).toBeUndefined();
    },
  );

  it.each([
    ['a.b-c_d~e', 'a.b-c_d~e'],
    ['1:2+3', '1:2%2B3'],
    ["(x)!*'", '%28x%29%21%2A%27'],
    ['a/b@c?d#e&f=g', 'a%2Fb%40c%3Fd%23e%26f%3Dg'],
    ['é', '%C3%A9'],
  ])('percent-encodes %s as %s (colon never encoded)', (raw, encoded) => {
    expect(purlEncode(raw)).toBe(encoded);
  });
});

describe('packages without a purl (an empty name; a deb of an OS without an ID)', () => {
  // The purl spec requires a name: "pkg:pypi/@1.0" is no purl (a parser refuses it).
  it.each([
    ['pypi', () => pypiPurl('', '1.0')],
    ['deb', () => debPurl('debian', { name: '', version: '1', arch: 'amd64' }, 'debian-12')],
    ['conda', () => condaPurl({ name: '', version: '1', channel: 'conda-forge' })],
    ['oci', () => ociPurl('ghcr.io/acme/', `sha256:${HEX('a')}`)],
    // The provenance's base image, likewise (provenance.ts).
    ['docker', () => dockerPurl('ghcr.io/acme/:1.0', `sha256:${HEX('a')}`)],
  ])('no %s purl without a name', (_, purl) => {
    expect(purl()).toBeUndefined();
  });

  it.each([
    ['pip', { pip: [pipEntry('', '1.0')] }, 'ml-image:pypi:@1.0'],
    ['apt', { apt: [{ name: '', version: '1', arch: 'amd64' }] }, 'ml-image:deb:@1:amd64'],
    [
      'conda',
      { conda: [{ name: '', version: '1', channel: 'conda-forge' }] },
      'ml-image:conda:@1::conda-forge:',
    ],
  ] as const)('a %s package with an empty name: a component without a purl', async (_, spec, ref) => {
    const record = {
      ...makeRecord({ pip: {}, apt: {} }),
      ...('conda' in spec && { conda: [...spec.conda] }),
    };
    if ('pip' in spec) record.python.packages = [...spec.pip];
    if ('apt' in spec) record.apt = [...spec.apt];
    const sbom = sbomOf({ record });
    expect(await validate(sbom)).toBeNull();
    expect(sbom.components.find((c) => c['bom-ref'] === ref)).toMatchObject({ name: '' });
    expect(JSON.stringify(sbom)).not.toMatch(/pkg:(pypi|deb|conda)\/[^"]*\/?@/);
  });

  it.each([
    // name@version:arch with "@" or ":" in a part made one bom-ref of two packages: one was lost.
    [
      { name: 'a@b', version: 'c', arch: 'd' },
      { name: 'a', version: 'b@c', arch: 'd' },
    ],
    [
      { name: 'a', version: 'b:c', arch: 'd' },
      { name: 'a', version: 'b', arch: 'c:d' },
    ],
  ])('debs of an OS without an ID keep one component each (%o, %o)', (one, two) => {
    const record = makeRecord({ apt: [one, two] });
    delete record.os.osRelease.ID;
    const debs = sbomOf({ record }).components.filter((c) => c['bom-ref'].startsWith('ml-image:deb:'));
    expect(debs.map((c) => [c.name, c.version])).toEqual(
      expect.arrayContaining([
        [one.name, one.version],
        [two.name, two.version],
      ]),
    );
    expect(new Set(debs.map((c) => c['bom-ref'])).size).toBe(2);
  });
});

describe('buildSbom', () => {
  it('the CPU-PyTorch image: valid CycloneDX 1.6 listing torch 1.13 and numpy with versions and purls', async () => {
    const sbom = sbomOf({ record: torchCpuRecord() });
    expect(await validate(sbom)).toBeNull();
    expect(sbom.specVersion).toBe('1.6');
    const [torch] = byName(sbom, 'torch');
    expect(torch).toMatchObject({ type: 'framework', version: '1.13.1', purl: 'pkg:pypi/torch@1.13.1' });
    expect(props(torch)).toMatchObject({ [ML_STACK_PROPERTY]: 'torch', 'ml-image:torch.cuda': 'none' });
    const [numpy] = byName(sbom, 'numpy');
    expect(numpy).toMatchObject({ type: 'library', version: '1.24.2', purl: 'pkg:pypi/numpy@1.24.2' });
    expect(props(numpy)[ML_STACK_PROPERTY]).toBe('numpy');
    expect(byName(sbom, 'python3-numpy')[0]?.purl).toBe(
      'pkg:deb/debian/python3-numpy@1:1.24.2-1?arch=amd64&distro=debian-12',
    );
    expect(byName(sbom, 'typing_extensions')[0]?.purl).toBe('pkg:pypi/typing-extensions@4.4.0');
    expect(byName(sbom, 'debian')[0]).toMatchObject({ type: 'operating-system', version: '12' });
    expect(byName(sbom, 'cpython')[0]).toMatchObject({ type: 'application', version: '3.11.9' });
    // no CUDA in a CPU image: no NVIDIA components
    expect(sbom.components.filter((c) => c.group === 'nvidia')).toEqual([]);
    const image = sbom.metadata.component;
    expect(image).toMatchObject({ type: 'container', name: '127.0.0.1:5000/ml-image-test/torch-cpu' });
    expect(props(image)).toMatchObject({ 'ml-image:torch': '1.13.1', 'ml-image:numpy': '1.24.2' });
    expect(sbom.metadata.tools.components[0]).toMatchObject({ name: 'ml-image-action' });
  });

  it('the validator is real: a broken SBOM is rejected', async () => {
    const sbom = sbomOf({ record: torchCpuRecord() });
    expect(
      await validate({ ...sbom, components: [{ ...sbom.components[0], type: 'gadget' }] }),
    ).not.toBeNull();
    expect(await validate({ ...sbom, serialNumber: 'not-a-urn' })).not.toBeNull();
  });

  it('records installed requirements as dependencies, leaving out extras and what is not installed', () => {
    const sbom = sbomOf({ record: torchCpuRecord() });
    const torchDeps = sbom.dependencies.find((d) => d.ref === 'pkg:pypi/torch@1.13.1');
    expect(torchDeps?.dependsOn).toEqual(['pkg:pypi/typing-extensions@4.4.0']);
  });

  it.each([
    ['2026-11-30T17:20:00', '2026-11-30T17:20:00Z'],
    ['2026-11-30T17:20', '2026-11-30T17:20Z'],
    ['2026-11-30T17:20:00.123', '2026-11-30T17:20:00.123Z'],
    ['2026-11-30T17:20:00Z', '2026-11-30T17:20:00Z'],
    ['2026-11-30T17:20:00+09:00', '2026-11-30T17:20:00+09:00'],
    ['2026-11-30', '2026-11-30'],
    // A space for the T (Python's str(datetime)): UTC too, not the machine's zone.
    ['2026-11-30 17:20:00', '2026-11-30T17:20:00Z'],
    ['2026-11-30 17:20:00.123456', '2026-11-30T17:20:00.123456Z'],
    ['2026-11-30t17:20:00z', '2026-11-30T17:20:00Z'],
    // Text Date reads in the machine's zone, or as a year RFC 3339 has not: none.
    ['30 Nov 2026 17:20', undefined],
    ['+010000-01-01T00:00:00Z', undefined],
    ['not a time', undefined],
  ])(
    'a capture time %s is read as %s: without an offset, UTC, whatever the zone of the machine',
    (given, read) => {
      expect(utcCaptureTime(given)).toBe(read);
    },
  );

  it('a capture time CycloneDX cannot write (a five-digit year, also through an offset) is no timestamp: still valid', async () => {
    for (const time of ['+010000-01-01T00:00:00Z', '9999-12-31T23:30:00-01:00']) {
      const r = makeRecord();
      r.capture.time = time;
      const sbom = sbomOf({ record: r });
      expect(sbom.metadata.timestamp).toBeUndefined();
      expect(await validate(sbom)).toBeNull();
    }
  });

  it("a distribution installed twice: each copy's requirements stay on its own component", () => {
    const entry = (name: string, version: string, requires: string[]) => ({
      name,
      version,
      requires,
      installer: 'pip',
      location: '/usr/lib/python3/dist-packages',
    });
    const sbom = sbomOf({
      record: makeRecord({
        pip: [
          entry('Foo_Bar', '1.0', ['six']),
          entry('foo-bar', '2.0', ['requests']),
          entry('six', '1.16.0', []),
          entry('requests', '2.32.0', []),
        ],
      }),
    });
    const deps = (ref: string) => sbom.dependencies.find((d) => d.ref === ref)?.dependsOn;
    expect(deps('pkg:pypi/foo-bar@1.0')).toEqual(['pkg:pypi/six@1.16.0']);
    expect(deps('pkg:pypi/foo-bar@2.0')).toEqual(['pkg:pypi/requests@2.32.0']);
  });

  it('the dependency graph: the image reaches every component; only pip distributions (whose requirements the record lists) declare theirs, the rest are left unknown', async () => {
    const sbom = sbomOf({ record: torchCpuRecord() });
    const root = sbom.metadata.component['bom-ref'];
    const refs = sbom.components.map((c) => c['bom-ref']);
    const entry = (ref: string) => sbom.dependencies.find((d) => d.ref === ref);
    expect([...entry(root)!.dependsOn!].sort()).toEqual([...refs].sort());
    const debs = refs.filter((r) => r.startsWith('pkg:deb/'));
    expect(debs.length).toBeGreaterThan(0);
    // No entry for a deb: an entry without dependsOn would declare it has none.
    for (const r of debs) expect(entry(r)).toBeUndefined();
    // A pip distribution without requirements says so; one with them lists them.
    const pips = refs.filter((r) => r.startsWith('pkg:pypi/'));
    for (const r of pips) expect(entry(r)).toBeDefined();
    expect(entry('pkg:pypi/typing-extensions@4.4.0')!.dependsOn).toBeUndefined();
    expect(await validate(sbom)).toBeNull();
  });

  it('a CUDA image: CUDA runtime, cuDNN, NCCL, torch with its CUDA build, the driver floor and the base image', async () => {
    const baseDigest = `sha256:${HEX('e')}`;
    const sbom = sbomOf({
      record: cudaRecord(),
      driverFloor: '570.26',
      baseImage: { ref: 'nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04', digest: baseDigest },
      imageRef: `ghcr.io/acme/model@sha256:${HEX('d')}`,
      imageDigest: `sha256:${HEX('d')}`,
      platform: 'linux/arm64',
      toolVersion: '9.9.9',
    });
    expect(await validate(sbom)).toBeNull();
    const nvidia = Object.fromEntries(
      sbom.components.filter((c) => c.group === 'nvidia').map((c) => [c.name, c.version]),
    );
    expect(nvidia).toEqual({ 'cuda-runtime': '12.8', cudnn: '9.7.1', nccl: '2.26.2' });
    const [cuda] = byName(sbom, 'cuda-runtime');
    expect(props(cuda)).toMatchObject({
      [ML_STACK_PROPERTY]: 'cuda.runtime',
      'ml-image:driver.floor': '570.26',
      'ml-image:cuda.nvcc': '12.8.93',
    });
    const [torch] = byName(sbom, 'torch');
    expect(torch).toMatchObject({ type: 'framework', purl: 'pkg:pypi/torch@2.7.0%2Bcu128' });
    expect(props(torch)['ml-image:torch.cuda']).toBe('12.8');
    const base = sbom.components.find((c) => props(c)[ML_STACK_PROPERTY] === 'base.image');
    expect(base).toMatchObject({
      type: 'container',
      name: 'docker.io/nvidia/cuda',
      version: baseDigest,
      purl: `pkg:oci/cuda@sha256:${HEX('e')}?arch=arm64&repository_url=docker.io%2Fnvidia%2Fcuda&tag=12.8.1-cudnn-runtime-ubuntu24.04`,
    });
    const image = sbom.metadata.component;
    expect(image.purl).toBe(
      `pkg:oci/model@sha256:${HEX('d')}?arch=arm64&repository_url=ghcr.io%2Facme%2Fmodel`,
    );
    expect(props(image)).toMatchObject({
      'ml-image:variant': 'cuda12.8',
      'ml-image:cuda.runtime': '12.8',
      'ml-image:cudnn': '9.7.1',
      'ml-image:nccl': '2.26.2',
      'ml-image:torch.cuda': '12.8',
      'ml-image:numpy': '2.2.6',
      'ml-image:driver.floor': '570.26',
      'ml-image:base.image': 'nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04',
      'ml-image:base.digest': baseDigest,
    });
    expect(sbom.metadata.tools.components[0]?.version).toBe('9.9.9');
  });

  const HF = 'hf_PLANTEDplantedPLANTEDplanted1234';
  it.each<[string, Record<string, string> | undefined, Record<string, string | undefined>]>([
    [
      "torch's wheels (CUDA 12)",
      {
        runtime: 'torch: nvidia/cuda_runtime/lib/libcudart.so.12',
        cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9',
        nccl: 'torch: nvidia/nccl/lib/libnccl.so.2',
      },
      {
        'cuda-runtime': 'torch: nvidia/cuda_runtime/lib/libcudart.so.12',
        cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9',
        nccl: 'torch: nvidia/nccl/lib/libnccl.so.2',
      },
    ],
    [
      "the system's (a CUDA base image without torch's wheels)",
      { runtime: 'system', cudnn: 'system', nccl: 'system' },
      { 'cuda-runtime': 'system', cudnn: 'system', nccl: 'system' },
    ],
    [
      'some read, some not (only cuDNN said where)',
      { cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9' },
      { 'cuda-runtime': undefined, cudnn: 'torch: nvidia/cudnn/lib/libcudnn.so.9', nccl: undefined },
    ],
    [
      'a record without cuda.sources (an older probe)',
      undefined,
      { 'cuda-runtime': undefined, cudnn: undefined, nccl: undefined },
    ],
    [
      'a secret in a path is scrubbed as every string is',
      { runtime: 'system', cudnn: `torch: ${HF}/libcudnn.so.9`, nccl: 'system' },
      { 'cuda-runtime': 'system', cudnn: 'torch: [redacted]/libcudnn.so.9', nccl: 'system' },
    ],
  ])(
    'each CUDA library says where the probe read it (ml-image:cuda.source), in CycloneDX and SPDX: %s',
    async (_name, sources, want) => {
      const record = cudaRecord();
      if (sources) record.cuda.sources = sources;
      else delete record.cuda.sources;
      const sbom = sbomOf({ record });
      expect(await validate(sbom)).toBeNull();
      const got = Object.fromEntries(
        ['cuda-runtime', 'cudnn', 'nccl'].map((n) => [n, props(byName(sbom, n)[0])['ml-image:cuda.source']]),
      );
      expect(got).toEqual(want);
      expect(JSON.stringify(sbom)).not.toContain(HF);
      const spdx = buildSpdx({ record });
      const spdxCudnn = spdx.packages.find((p) => p.name === 'cudnn');
      const note = spdxCudnn?.annotations?.find((a) => a.comment.startsWith('ml-image:cuda.source='));
      expect(note?.comment).toBe(want.cudnn === undefined ? undefined : `ml-image:cuda.source=${want.cudnn}`);
    },
  );

  it('takes the base image from the OCI labels when none is given', () => {
    const r = makeRecord({
      labels: {
        'org.opencontainers.image.base.name': 'python:3.11-slim',
        'org.opencontainers.image.base.digest': `sha256:${HEX('f')}`,
      },
    });
    const base = sbomOf({ record: r }).components.find((c) => props(c)[ML_STACK_PROPERTY] === 'base.image');
    expect(base).toMatchObject({ name: 'docker.io/library/python', version: `sha256:${HEX('f')}` });
  });

  it('a base label that is no image reference (a login written into it) is not taken: no password in the SBOM', () => {
    const r = makeRecord({
      labels: { 'org.opencontainers.image.base.name': 'deploy:S3cr3tPassw0rd@registry.corp.example/base:1' },
    });
    const sbom = sbomOf({ record: r });
    expect(JSON.stringify(sbom)).not.toContain('S3cr3tPassw0rd');
    expect(sbom.components.find((c) => props(c)[ML_STACK_PROPERTY] === 'base.image')).toBeUndefined();
  });

  it('a base pinned by digest in its reference: the digest is in the SBOM without a separate one', () => {
    const base = sbomOf({
      record: makeRecord(),
      baseImage: { ref: `nvcr.io/nvidia/cuda@sha256:${HEX('e')}` },
    }).components.find((c) => props(c)[ML_STACK_PROPERTY] === 'base.image');
    expect(base?.version).toBe(`sha256:${HEX('e')}`);
    expect(base?.purl).toContain(`@sha256:${HEX('e')}`);
  });

  it('a base label naming the image itself: distinct bom-refs, and the same bytes on every build', async () => {
    const r = makeRecord();
    const input = {
      record: r,
      imageRef: `ghcr.io/acme/model@sha256:${HEX('a')}`,
      imageDigest: `sha256:${HEX('a')}`,
      baseImage: { ref: 'ghcr.io/acme/model', digest: `sha256:${HEX('a')}` },
    };
    const a = JSON.stringify(buildSbom(input));
    expect(JSON.stringify(buildSbom(input))).toBe(a);
    expect(await validate(JSON.parse(a))).toBeNull();
    const bom = JSON.parse(a) as CdxBom & { metadata: { component: { 'bom-ref': string } } };
    const base = bom.components.find((c) => props(c)[ML_STACK_PROPERTY] === 'base.image') as
      (CdxComponent & { 'bom-ref': string }) | undefined;
    expect(base?.['bom-ref']).toBe('ml-image:base.image');
    expect(bom.metadata.component['bom-ref']).not.toBe(base?.['bom-ref']);
  });

  it("hostile package metadata: an over-long version is cut to CycloneDX's limit, a lone surrogate replaced", async () => {
    const long = `1.0+${'x'.repeat(3000)}`;
    // An emoji (two UTF-16 units) at the cut: kept whole (the limit counts code points).
    const emoji = `${'y'.repeat(1022)}\u{1F600}${'y'.repeat(100)}`;
    const r = makeRecord({
      pip: [
        pipEntry('long-version', long),
        pipEntry('emoji-version', emoji),
        pipEntry('odd\uD800name', '1.0'),
      ],
    });
    r.python.implementation = 'https://u:tok3nPl4nted@evil/x';
    r.python.version = long;
    r.os.osRelease = { ...r.os.osRelease, VERSION_ID: long };
    r.cuda.runtime = long;
    const sbom = sbomOf({ record: r });
    expect(await validate(sbom)).toBeNull();
    expect(byName(sbom, 'long-version')[0]?.version).toHaveLength(1024);
    const cutEmoji = byName(sbom, 'emoji-version')[0]?.version ?? '';
    expect(cutEmoji.endsWith('\u{1F600}…')).toBe(true);
    expect(Array.from(cutEmoji)).toHaveLength(1024);
    expect((cutEmoji as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
    for (const c of [...sbom.components, sbom.metadata.component])
      expect(Array.from((c as { version?: string } | undefined)?.version ?? '').length).toBeLessThanOrEqual(
        1024,
      );
    expect(byName(sbom, 'odd\uFFFDname')).toHaveLength(1);
    expect(JSON.stringify(sbom)).not.toContain('tok3nPl4nted');
  });

  it.each([
    ['pip', 'long-version', () => makeRecord({ pip: [pipEntry('long-version', LONG)] })],
    [
      'apt',
      'long-version',
      () => makeRecord({ apt: [{ name: 'long-version', version: LONG, arch: 'amd64' }] }),
    ],
    [
      'conda',
      'long-version',
      () => ({ ...makeRecord(), conda: [{ name: 'long-version', version: LONG, channel: 'conda-forge' }] }),
    ],
    ['torch (not a pip distribution)', 'torch', () => makeRecord({ pip: {}, torch: LONG })],
  ] as const)(
    "an over-long %s version: its purl names the component's version, cut the same (not the whole one)",
    async (_, name, record) => {
      const sbom = sbomOf({ record: record() });
      expect(await validate(sbom)).toBeNull();
      const [c] = byName(sbom, name);
      expect(Array.from(c?.version ?? '')).toHaveLength(1024);
      const purl = c?.purl ?? '';
      expect(decodeURIComponent(purl.replace(/\?.*$/, '').slice(purl.lastIndexOf('@') + 1))).toBe(c?.version);
      const spdx = buildSpdx({ record: record() }).packages.find((p) => p.name === name);
      expect(spdx?.versionInfo).toBe(c?.version);
      expect(spdx?.externalRefs?.[0]?.referenceLocator).toBe(purl);
    },
  );

  it.each([
    ['image', { imageRef: `ghcr.io/acme/model:${'t'.repeat(2000)}`, imageDigest: null }],
    ['base image', { baseImage: { ref: `nvidia/cuda:${'t'.repeat(2000)}` } }],
  ] as const)(
    "an over-long tag of the %s (no digest): its version is cut to CycloneDX's limit",
    async (what, over) => {
      const sbom = sbomOf({ record: makeRecord(), ...over });
      expect(await validate(sbom)).toBeNull();
      const c =
        what === 'image'
          ? sbom.metadata.component
          : sbom.components.find((x) => props(x)[ML_STACK_PROPERTY] === 'base.image');
      expect(Array.from(c?.version ?? '')).toEqual([...'t'.repeat(1023), '…']);
    },
  );

  it("a lone surrogate in the image's platform: replaced, not an internal error from the purl's encoding", async () => {
    const r = makeRecord();
    r.image.platform = 'linux/a\uD800md64';
    const sbom = sbomOf({ record: r });
    expect(await validate(sbom)).toBeNull();
    expect(sbom.metadata.component.purl).toContain('?arch=a%EF%BF%BDmd64&');
    expect(props(sbom.metadata.component)['ml-image:platform']).toBe('linux/a\uFFFDmd64');
    expect(buildSpdx({ record: r }).packages[0]?.externalRefs?.[0]?.referenceLocator).toBe(
      sbom.metadata.component.purl,
    );
  });

  it('is deterministic: the same record gives the same bytes, a different one another serial number', () => {
    const a = JSON.stringify(buildSbom({ record: torchCpuRecord() }));
    expect(JSON.stringify(buildSbom({ record: torchCpuRecord() }))).toBe(a);
    const bom = JSON.parse(a) as CdxBom;
    expect(bom.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(bom.metadata.timestamp).toBe('2026-01-05T10:05:00.000Z');
    const other = makeRecord({ pip: { numpy: '2.0.0' } });
    expect((buildSbom({ record: other }) as unknown as CdxBom).serialNumber).not.toBe(bom.serialNumber);
    // the packages' order in the record does not matter
    const shuffled = torchCpuRecord();
    shuffled.python.packages.reverse();
    shuffled.apt.reverse();
    expect((buildSbom({ record: shuffled }) as unknown as CdxBom).components).toEqual(bom.components);
  });

  it('lists a distribution found twice once, and apt packages of two architectures both', async () => {
    const r = makeRecord({
      pip: [pipEntry('six', '1.16.0'), pipEntry('six', '1.16.0', '/usr/lib/python3/dist-packages')],
      apt: [
        { name: 'libc6', version: '2.36-9', arch: 'amd64' },
        { name: 'libc6', version: '2.36-9', arch: 'arm64' },
      ],
    });
    const sbom = sbomOf({ record: r });
    expect(await validate(sbom)).toBeNull();
    expect(byName(sbom, 'six')).toHaveLength(1);
    expect(byName(sbom, 'libc6').map((c) => c.purl)).toEqual([
      'pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12',
      'pkg:deb/debian/libc6@2.36-9?arch=arm64&distro=debian-12',
    ]);
  });

  it("apt packages built from another source package: its name (and version) as the purl's upstream=, in CycloneDX and SPDX; still valid CycloneDX", async () => {
    const hf = 'hf_PLANTEDplantedPLANTEDplanted1234';
    const record = makeRecord({
      apt: [
        {
          name: 'libssl3',
          version: '3.0.15-1~deb12u1',
          arch: 'amd64',
          sizeBytes: 6_000_000,
          source: 'openssl',
        },
        {
          name: 'libc6',
          version: '2.36-9+deb12u7+b1',
          arch: 'amd64',
          source: 'glibc',
          sourceVersion: '2.36-9+deb12u7',
        },
        { name: 'bash', version: '5.2.15-2+b8', arch: 'amd64', source: 'bash', sourceVersion: '5.2.15-2' },
        { name: 'zlib1g', version: '1:1.2.13.dfsg-1', arch: 'amd64' },
        { name: 'evil', version: '1.0', arch: 'amd64', source: `evil-${hf}`, sourceVersion: hf },
      ],
    });
    const sbom = sbomOf({ record });
    expect(await validate(sbom)).toBeNull();
    const purls = Object.fromEntries(
      ['libssl3', 'libc6', 'bash', 'zlib1g'].map((n) => [n, byName(sbom, n).map((c) => c.purl)]),
    );
    expect(purls).toEqual({
      libssl3: ['pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl'],
      libc6: [
        'pkg:deb/debian/libc6@2.36-9%2Bdeb12u7%2Bb1?arch=amd64&distro=debian-12&upstream=glibc%402.36-9%2Bdeb12u7',
      ],
      bash: ['pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12'],
      zlib1g: ['pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12'],
    });
    // The bom-ref is the purl: the graph's root reaches the component by it.
    const [libc6] = byName(sbom, 'libc6');
    expect(libc6?.['bom-ref']).toBe(libc6?.purl);
    const spdx = buildSpdx({ record });
    const locator = (n: string) =>
      spdx.packages.find((p) => p.name === n)?.externalRefs?.map((r) => r.referenceLocator);
    expect(locator('libssl3')).toEqual(purls.libssl3);
    expect(locator('libc6')).toEqual(purls.libc6);
    // The source fields are scrubbed as every string from the record is.
    const text = JSON.stringify(sbom) + JSON.stringify(spdx);
    expect(text).not.toContain(hf);
    expect(byName(sbom, 'evil')[0]?.purl).toMatch(/&upstream=evil-%5Bredacted%5D%40%5Bredacted%5D$/);
  });

  it('a distribution whose METADATA has no Version (the probe records ""): listed without a version, in CycloneDX and SPDX', async () => {
    const record = makeRecord({ pip: [pipEntry('noversion', ''), pipEntry('six', '1.16.0')] });
    const sbom = sbomOf({ record });
    expect(await validate(sbom)).toBeNull();
    const [c, ...more] = byName(sbom, 'noversion');
    expect(more).toEqual([]);
    expect(c?.purl).toBe('pkg:pypi/noversion');
    expect(c).not.toHaveProperty('version');
    const spdx = buildSpdx({ record }).packages.find((p) => p.name === 'noversion');
    expect(spdx?.externalRefs?.[0]?.referenceLocator).toBe('pkg:pypi/noversion');
    expect(spdx).not.toHaveProperty('versionInfo');
  });

  it('lists packages whose names hold token prefixes ("sk-" inside a word) under their names', async () => {
    const names = [
      'aws-msk-iam-sasl-signer-python',
      'flask-bootstrap-components',
      'ask-sdk-webservice-support',
    ];
    const sbom = sbomOf({ record: makeRecord({ pip: names.map((n) => pipEntry(n, '1.0.1')) }) });
    expect(await validate(sbom)).toBeNull();
    for (const n of names) expect(byName(sbom, n).map((c) => c.purl)).toEqual([`pkg:pypi/${n}@1.0.1`]);
  });

  it('without an OS id: apt packages have no purl (none is invented) and the SBOM is still valid', async () => {
    const r = makeRecord();
    r.os.osRelease = {};
    const sbom = sbomOf({ record: r });
    expect(await validate(sbom)).toBeNull();
    expect(byName(sbom, 'libc6')[0]?.purl).toBeUndefined();
    expect(byName(sbom, 'linux')[0]?.type).toBe('operating-system');
  });

  it('carries no secret from the record: env, labels, collect_env, URLs in requirements', () => {
    const hf = 'hf_PLANTEDplantedPLANTEDplanted1234';
    const pw = 'tok3nPl4nted';
    const r = torchCpuRecord();
    r.image.env = { HF_TOKEN: hf, PIP_INDEX_URL: `https://ci:${pw}@pypi.corp/simple` };
    r.env = { HF_TOKEN: hf, PIP_EXTRA_INDEX_URL: `https://ci:${pw}@pypi.corp/simple` };
    r.image.labels = { ...r.image.labels, 'io.example.note': hf };
    r.collectEnv = { pip_packages: `torch @ https://ci:${pw}@pypi.corp/torch.whl ${hf}` };
    r.python.packages.push({
      ...pipEntry('private-pkg', '1.0'),
      location: `https://ci:${pw}@pypi.corp/private`,
      requires: [`torch @ https://ci:${pw}@pypi.corp/torch.whl`],
    });
    r.python.packages.push(pipEntry(`evil-${hf}`, '1.0'));
    const text = JSON.stringify(buildSbom({ record: r }));
    expect(text).toContain('private-pkg');
    expect(text).toContain('evil-[redacted]');
    expect(text).not.toContain(hf);
    expect(text).not.toContain(pw);
    expect(text).not.toContain('HF_TOKEN');
    expect(text).not.toContain('pypi.corp');
  });
});

describe('the Python interpreter: a CPE where no deb holds it (python:* images build it)', () => {
  const CPE = (v: string, update = '*') => `cpe:2.3:a:python:python:${v}:${update}:*:*:*:*:*:*`;
  it.each([
    ['python:3.11 (built into /usr/local, no python debs)', 'CPython', '3.11.9', [], CPE('3.11.9')],
    ['a release candidate', 'CPython', '3.13.0rc1', [], CPE('3.13.0', 'rc1')],
    ['an alpha', 'CPython', '3.14.0a2', [], CPE('3.14.0', 'alpha2')],
    ['a beta', 'CPython', '3.12.0b4', [], CPE('3.12.0', 'beta4')],
    [
      "Debian's python3.11-minimal holds it: the deb's purl",
      'CPython',
      '3.11.2',
      ['python3.11-minimal'],
      undefined,
    ],
    [
      "Ubuntu's python3.10 holds it",
      'CPython',
      '3.10.12',
      ['python3.10', 'libpython3.10-minimal'],
      undefined,
    ],
    [
      'a deb of another Python (3.11) beside /usr/local 3.12',
      'CPython',
      '3.12.7',
      ['python3.11-minimal'],
      CPE('3.12.7'),
    ],
    [
      'python3-minimal alone (no interpreter of its own)',
      'CPython',
      '3.12.7',
      ['python3-minimal'],
      CPE('3.12.7'),
    ],
    ['PyPy: no CPython CPE', 'PyPy', '3.10.14', [], undefined],
    ['a development build: no version NVD names', 'CPython', '3.14.0a1+', [], undefined],
  ])('%s', async (_what, implementation, version, debs, cpe) => {
    const r = makeRecord({
      python: version,
      apt: debs.map((name) => ({ name, version: '1', arch: 'amd64' })),
    });
    r.python.implementation = implementation;
    const sbom = sbomOf({ record: r });
    expect(await validate(sbom)).toBeNull();
    const python = sbom.components.find((c) => props(c)[ML_STACK_PROPERTY] === 'python');
    expect(python).toMatchObject({ type: 'application', name: implementation.toLowerCase(), version });
    expect(python?.cpe).toBe(cpe);
    expect(python?.purl).toBeUndefined();
    const spdx = buildSpdx({ record: r }).packages.find((p) => p.name === implementation.toLowerCase());
    expect(spdx?.externalRefs).toEqual(
      cpe === undefined
        ? undefined
        : [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: cpe }],
    );
  });
});

describe('ml-image sbom', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-sbom-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the SBOM of a record (an older record version too)', async () => {
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(asV1(torchCpuRecord())));
    const io = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--variant', 'cpu-torch'], io)).toBe(0);
    const bom = JSON.parse(io.out()) as CdxBom;
    expect(await validate(bom)).toBeNull();
    expect(props(bom.metadata.component)['ml-image:variant']).toBe('cpu-torch');
    expect(byName(bom, 'torch')[0]?.version).toBe('1.13.1');
  });

  it("keeps what the record says of an apt package's source (the record's schema reads it): upstream= in the purl", async () => {
    const record = makeRecord();
    record.apt = [{ name: 'libssl3', version: '3.0.15-1~deb12u1', arch: 'amd64', source: 'openssl' }];
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(record));
    const io = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json'], io)).toBe(0);
    const bom = JSON.parse(io.out()) as CdxBom;
    expect(byName(bom, 'libssl3')[0]?.purl).toBe(
      'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
    );
  });

  it('writes --out FILE, the same bytes as printed, and says so (--json: as JSON)', async () => {
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(torchCpuRecord()));
    const printed = captureIo(dir);
    await runCli(['sbom', '--record', 'env.json'], printed);
    const io = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--out', 'out/sbom.cdx.json', '--json'], io)).toBe(
      0,
    );
    const file = path.join(dir, 'out', 'sbom.cdx.json');
    expect(readFileSync(file, 'utf8')).toBe(printed.out());
    const summary = JSON.parse(io.out()) as { file: string; components: number; serialNumber: string };
    expect(summary.file).toBe(file);
    expect(summary.components).toBe((JSON.parse(printed.out()) as CdxBom).components.length);
    const quiet = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--out', 'b.json'], quiet)).toBe(0);
    expect(quiet.err()).toMatch(/wrote .*b\.json \(CycloneDX 1\.6, \d+ components\)/);
    // --out names a file: writing it again replaces it (it is not checked as a result directory).
    const again = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--out', 'b.json'], again)).toBe(0);
    expect(again.err()).not.toMatch(/not a directory/);
  });

  it('--format spdx: the same SBOM as SPDX 2.3, printed or written (--json says what)', async () => {
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(torchCpuRecord()));
    const printed = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--format', 'spdx'], printed)).toBe(0);
    const doc = JSON.parse(printed.out()) as SpdxDocument;
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    expect(doc).toEqual(buildSpdx({ record: torchCpuRecord() }));
    const io = captureIo(dir);
    const args = ['sbom', '--record', 'env.json', '--format', 'spdx', '--out', 'o/sbom.spdx.json', '--json'];
    expect(await runCli(args, io)).toBe(0);
    expect(readFileSync(path.join(dir, 'o', 'sbom.spdx.json'), 'utf8')).toBe(printed.out());
    expect(JSON.parse(io.out())).toEqual({
      file: path.join(dir, 'o', 'sbom.spdx.json'),
      format: 'spdx',
      packages: doc.packages.length,
      documentNamespace: doc.documentNamespace,
    });
    const quiet = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'env.json', '--format', 'spdx', '--out', 'b.json'], quiet)).toBe(
      0,
    );
    expect(quiet.err()).toMatch(/wrote .*b\.json \(SPDX 2\.3, \d+ packages\)/);
  });

  it.each([
    [['--record', 'missing.json'], 'missing.json', 'ENOENT'],
    [['--record', 'bad.json'], 'bad.json', 'not JSON'],
    [['--record', 'smoke.json'], 'smoke.json', 'not a valid environment record'],
    [[], '--record is required', ''],
    [['--record', 'env.json', '--variant', ''], '--variant', ''],
    [
      ['--record', 'env.json', '--format', 'spdx-tv'],
      '--format: expected cyclonedx or spdx, got "spdx-tv"',
      '',
    ],
  ])('exits 2 naming the problem: %j', async (args, names, detail) => {
    writeFileSync(path.join(dir, 'bad.json'), '{"schemaVersion": 2,');
    writeFileSync(path.join(dir, 'smoke.json'), JSON.stringify({ schemaVersion: 1, tests: [] }));
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(makeRecord()));
    const io = captureIo(dir);
    expect(await runCli(['sbom', ...args], io)).toBe(2);
    expect(io.err()).toContain(names);
    expect(io.err()).toContain(detail);
    expect(io.out()).toBe('');
  });
});

describe('ml-image sbom --record naming another file ml-image writes: named as what it is (exit 2)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-sbom-other-'));
    writeFileSync(path.join(dir, 'env.json'), JSON.stringify(torchCpuRecord()));
    for (const [format, out] of [
      ['cyclonedx', 'sbom.cdx.json'],
      ['spdx', 'sbom.spdx.json'],
    ])
      expect(
        await runCli(['sbom', '--record', 'env.json', '--format', format!, '--out', out!], captureIo(dir)),
      ).toBe(0);
    // The top-level keys plan.json and resolution.json have, as plan --out and resolve --out write them.
    const plan = {
      schemaVersion: 1,
      repository: 'ghcr.io/o/m',
      variants: [],
      targets: [],
      warnings: [],
      matrix: {},
    };
    writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const resolution = { schemaVersion: 2, image: 'python:3.12-slim', platform: 'linux/amd64', mode: 'auto' };
    const rest = { python: '3.12.7', naive: {}, constraints: [], status: 'clean', resolved: {}, hazards: [] };
    writeFileSync(path.join(dir, 'resolution.json'), JSON.stringify({ ...resolution, ...rest }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['plan.json', 'a plan (plan.json)'],
    ['resolution.json', 'a resolution (resolution.json)'],
    ['sbom.cdx.json', 'a CycloneDX SBOM'],
    ['sbom.spdx.json', 'an SPDX SBOM'],
  ])('%s: "it is %s"', async (file, what) => {
    const io = captureIo(dir);
    expect(await runCli(['sbom', '--record', file, '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { message: string } };
    expect(error.message).toBe(`${file}: not an environment record (env.json): it is ${what}`);
  });

  it('a JSON object of no kind it knows: asked whether it is an environment record', async () => {
    writeFileSync(path.join(dir, 'matrix.json'), JSON.stringify({ include: [] }));
    const io = captureIo(dir);
    expect(await runCli(['sbom', '--record', 'matrix.json'], io)).toBe(2);
    expect(io.err()).toContain(
      'matrix.json: schemaVersion: expected a positive integer, got nothing (is this an environment record (env.json)?)',
    );
  });
});

describe('the SPDX 2.3 form (ml-image sbom --format spdx): the same SBOM', () => {
  const ID = /^SPDXRef-[A-Za-z0-9.-]+$/;
  const pkgs = (doc: SpdxDocument, name: string) => doc.packages.filter((p) => p.name === name);
  const notes = (p: SpdxPackage | undefined) => (p?.annotations ?? []).map((a) => a.comment);
  const rel = (doc: SpdxDocument, from: string | undefined, type: string, to: string | undefined) =>
    doc.relationships.some(
      (r) => r.spdxElementId === from && r.relationshipType === type && r.relatedSpdxElement === to,
    );

  it('lists every CycloneDX component as a package: purl, version, purpose, ML properties', () => {
    const record = torchCpuRecord();
    const cdx = sbomOf({ record });
    const doc = buildSpdx({ record });
    expect(doc).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
    });
    expect(doc.packages).toHaveLength(cdx.components.length + 1);
    const torch = pkgs(doc, 'torch')[0];
    expect(torch).toMatchObject({
      versionInfo: '1.13.1',
      primaryPackagePurpose: 'FRAMEWORK',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      externalRefs: [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: 'pkg:pypi/torch@1.13.1',
        },
      ],
    });
    expect(notes(torch)).toEqual(
      expect.arrayContaining(['ml-image:ml-stack=torch', 'ml-image:torch.cuda=none']),
    );
    expect(notes(pkgs(doc, 'numpy')[0])).toContain('ml-image:ml-stack=numpy');
    expect(pkgs(doc, 'python3-torch')[0]?.externalRefs?.[0]?.referenceLocator).toBe(
      'pkg:deb/debian/python3-torch@1.13.1%2Bdfsg-4?arch=amd64&distro=debian-12',
    );
    expect(pkgs(doc, 'debian')[0]?.primaryPackagePurpose).toBe('OPERATING-SYSTEM');
  });

  it('says what the image is: described by the document, containing the packages, from its base', () => {
    const doc = buildSpdx({
      record: cudaRecord(),
      baseImage: { ref: 'nvcr.io/nvidia/cuda:12.8.0-runtime-ubuntu22.04', digest: `sha256:${HEX('b')}` },
    });
    const image = doc.packages[0]!;
    expect(image.primaryPackagePurpose).toBe('CONTAINER');
    expect(rel(doc, 'SPDXRef-DOCUMENT', 'DESCRIBES', image.SPDXID)).toBe(true);
    const cuda = pkgs(doc, 'cuda-runtime')[0];
    expect(cuda).toMatchObject({ versionInfo: '12.8', supplier: 'Organization: nvidia' });
    expect(notes(cuda)).toContain('ml-image:ml-stack=cuda.runtime');
    expect(rel(doc, image.SPDXID, 'CONTAINS', cuda?.SPDXID)).toBe(true);
    const base = doc.packages.find((p) => notes(p).includes('ml-image:ml-stack=base.image'));
    expect(base?.versionInfo).toBe(`sha256:${HEX('b')}`);
    expect(rel(doc, image.SPDXID, 'DESCENDANT_OF', base?.SPDXID)).toBe(true);
    expect(rel(doc, image.SPDXID, 'CONTAINS', base?.SPDXID)).toBe(false);
    expect(notes(image)).toEqual(
      expect.arrayContaining(['ml-image:cuda.runtime=12.8', 'ml-image:torch.cuda=12.8']),
    );
  });

  it("keeps pip's requirements as DEPENDS_ON (not those behind an extra)", () => {
    const doc = buildSpdx({ record: torchCpuRecord() });
    const id = (name: string) => pkgs(doc, name)[0]?.SPDXID;
    expect(rel(doc, id('torch'), 'DEPENDS_ON', id('typing_extensions'))).toBe(true);
    expect(rel(doc, id('torch'), 'DEPENDS_ON', id('numpy'))).toBe(false);
  });

  it('has valid, unique SPDX ids, relationships between them, and times in whole seconds', () => {
    // a@1.0+x and a@1.0-2Bx: their purls (pkg:pypi/a@1.0%2Bx, pkg:pypi/a@1.0-2Bx) make one id.
    const r = makeRecord({
      pip: [
        pipEntry('six', '1.16.0'),
        pipEntry('a', '1.0+x'),
        pipEntry('a', '1.0-2Bx'),
        pipEntry('a_b', '1'),
      ],
    });
    const doc = buildSpdx({ record: r });
    const ids = doc.packages.map((p) => p.SPDXID);
    for (const id of ids) expect(id).toMatch(ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pkgs(doc, 'a').map((p) => p.SPDXID)).toEqual([
      'SPDXRef-pkg-pypi-a-1.0-2Bx',
      'SPDXRef-pkg-pypi-a-1.0-2Bx-2',
    ]);
    const known = new Set([...ids, 'SPDXRef-DOCUMENT']);
    for (const x of doc.relationships) {
      expect(known.has(x.spdxElementId)).toBe(true);
      expect(known.has(x.relatedSpdxElement)).toBe(true);
    }
    expect(doc.creationInfo.created).toBe('2026-01-05T10:05:00Z');
    expect(doc.creationInfo.creators).toEqual([expect.stringMatching(/^Tool: ml-image-action-\d/)]);
    expect(doc.documentNamespace).toMatch(
      /^https:\/\/ml-image-action\.github\.io\/spdx\/[A-Za-z0-9._-]+-[0-9a-f-]{36}$/,
    );
  });

  it('a record without a readable capture time: the time of writing, named in the namespace too', () => {
    const r = torchCpuRecord();
    r.capture.time = 'garbage';
    const a = buildSpdx({ record: r }, new Date('2026-11-30T12:00:00.123Z'));
    const b = buildSpdx({ record: r }, new Date('2026-11-30T12:00:01Z'));
    expect(a.creationInfo.created).toBe('2026-11-30T12:00:00Z');
    expect(a.documentNamespace).toMatch(/-20261130T120000Z$/);
    expect(b.documentNamespace).not.toBe(a.documentNamespace);
    // a year SPDX cannot write (five digits) is not a capture time either
    r.capture.time = '+010000-01-01T00:00:00Z';
    expect(buildSpdx({ record: r }, new Date('2026-11-30T12:00:00Z')).creationInfo.created).toBe(
      '2026-11-30T12:00:00Z',
    );
    // with one, the time of writing changes nothing
    const good = torchCpuRecord();
    expect(buildSpdx({ record: good }, new Date(0))).toEqual(buildSpdx({ record: good }, new Date()));
  });

  it('is the same bytes for the same record, and another namespace for another', () => {
    const a = JSON.stringify(buildSpdx({ record: torchCpuRecord() }));
    expect(JSON.stringify(buildSpdx({ record: torchCpuRecord() }))).toBe(a);
    const other = buildSpdx({ record: makeRecord({ pip: { numpy: '2.0.0' } }) });
    expect(other.documentNamespace).not.toBe((JSON.parse(a) as SpdxDocument).documentNamespace);
  });

  it('carries no secret from the record', () => {
    const hf = 'hf_PLANTEDplantedPLANTEDplanted1234';
    const pw = 'tok3nPl4nted';
    const r = torchCpuRecord();
    r.image.env = { HF_TOKEN: hf };
    r.env = { PIP_EXTRA_INDEX_URL: `https://ci:${pw}@pypi.corp/simple` };
    r.python.packages.push({ ...pipEntry(`evil-${hf}`, '1.0'), location: `https://ci:${pw}@pypi.corp/p` });
    const text = JSON.stringify(buildSpdx({ record: r }));
    expect(text).toContain('evil-[redacted]');
    expect(text).not.toContain(hf);
    expect(text).not.toContain(pw);
  });
});

describe('buildSbom: the same bytes on any machine', () => {
  it("lists in code-unit order, not the locale's: components, properties, dependencies", () => {
    const names = ['libz', 'libå', 'liba', 'lib-a', 'libaa', 'libä'];
    const r = makeRecord({
      pip: [
        { ...pipEntry('Zeta', '1'), requires: ['alpha', 'Beta'] },
        pipEntry('alpha', '1'),
        pipEntry('Beta', '1'),
      ],
      apt: names.map((name) => ({ name, version: '1', arch: 'amd64' })),
    });
    const bom = sbomOf({ record: r });
    const purls = bom.components.map((c) => c.purl ?? '').filter((p) => p !== '');
    expect(purls).toEqual([...purls].sort());
    // By purl: percent-encoded letters ('%', 0x25) before '-' (0x2d) before letters. en-US
    // collation would put lib-a first, and libå and libä among the a's.
    const debs = bom.components.filter((c) => c.purl?.startsWith('pkg:deb/')).map((c) => c.name);
    expect(debs).toEqual(['libä', 'libå', 'lib-a', 'liba', 'libaa', 'libz']);
    for (const c of [bom.metadata.component, ...bom.components]) {
      const keys = (c.properties ?? []).map((p) => `${p.name}\u0000${p.value}`);
      expect(keys).toEqual([...keys].sort());
    }
    const zeta = bom.dependencies.find((d) => d.ref.startsWith('pkg:pypi/zeta@'));
    expect(zeta?.dependsOn).toEqual(['pkg:pypi/alpha@1', 'pkg:pypi/beta@1']);
  });
});
