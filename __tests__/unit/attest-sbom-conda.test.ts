// Conda packages (record.conda, from the probe's reading of conda-meta/*.json) in the SBOM: each a
// pkg:conda library component, none duplicating the pip component of a Python package conda
// installed, a token in a channel URL masked; still valid CycloneDX 1.6; old records unchanged.
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { describe, expect, it } from 'vitest';
import { condaPurl } from '../../src/attest/purl.js';
import { versionKey } from '../../src/attest/sbom-conda.js';
import { buildSbom } from '../../src/attest/sbom.js';
import { buildSpdx } from '../../src/attest/spdx.js';
import { EnvRecordSchema, type EnvRecord } from '../../src/capture/record.js';
import { makeRecord, pipEntry } from '../helpers/records.js';

interface CdxComponent {
  name: string;
  type: string;
  version?: string;
  purl?: string;
  'bom-ref': string;
  properties?: { name: string; value: string }[];
}
const components = (r: EnvRecord) => (buildSbom({ record: r }) as { components: CdxComponent[] }).components;
const props = (c: CdxComponent | undefined) =>
  Object.fromEntries((c?.properties ?? []).map((p) => [p.name, p.value]));
const validate = (sbom: unknown) => new JsonStrictValidator(Version.v1dot6).validate(JSON.stringify(sbom));

const TOKEN = 'tk-0123456789abcdef0123456789abcdef';
const CONDA: NonNullable<EnvRecord['conda']> = [
  {
    name: 'mkl',
    version: '2023.1.0',
    build: 'h213fc3f_46344',
    channel: 'https://repo.anaconda.com/pkgs/main',
    subdir: 'linux-64',
  },
  // numpy from conda: its dist-info makes it a pip distribution too.
  {
    name: 'numpy',
    version: '1.26.4',
    build: 'py311h64a7726_0',
    channel: 'https://conda.anaconda.org/conda-forge',
    subdir: 'linux-64',
  },
  // A private channel behind a token (as a record made by another tool may still hold it).
  {
    name: 'pytorch-cuda',
    version: '12.1',
    build: 'ha16c6d3_5',
    channel: `https://conda.anaconda.org/t/${TOKEN}/pytorch`,
    subdir: 'noarch',
  },
  { name: 'cuda-cudart', version: '12.1.105', build: '0', channel: 'https://conda.anaconda.org/nvidia' },
];

function condaRecord(): EnvRecord {
  const r = makeRecord({ pip: [pipEntry('numpy', '1.26.4', '/opt/conda/lib/python3.11/site-packages')] });
  r.python.packages[0]!.installer = 'conda';
  return { ...r, conda: CONDA };
}

describe('conda packages in the SBOM', () => {
  it('the record schema takes conda packages, and a record without them as before', () => {
    expect(EnvRecordSchema.safeParse(condaRecord()).data?.conda).toEqual(CONDA);
    const old = makeRecord();
    expect('conda' in old).toBe(false);
    expect(EnvRecordSchema.safeParse(old).success).toBe(true);
  });

  it('pkg:conda as the purl spec writes it: no namespace, build, channel and subdir qualifiers sorted', () => {
    expect(
      condaPurl({
        name: 'absl-py',
        version: '0.4.1',
        build: 'py36h06a4308_0',
        channel: 'main',
        subdir: 'linux-64',
      }),
    ).toBe('pkg:conda/absl-py@0.4.1?build=py36h06a4308_0&channel=main&subdir=linux-64');
    expect(condaPurl({ name: 'mkl', version: '' })).toBe('pkg:conda/mkl');
  });

  it('lists each conda-only package as a library with its pkg:conda purl; valid CycloneDX 1.6', async () => {
    const sbom = buildSbom({ record: condaRecord() });
    expect(await validate(sbom)).toBeNull();
    const list = components(condaRecord());
    const mkl = list.find((c) => c.name === 'mkl');
    expect(mkl).toMatchObject({
      type: 'library',
      version: '2023.1.0',
      purl: 'pkg:conda/mkl@2023.1.0?build=h213fc3f_46344&channel=https:%2F%2Frepo.anaconda.com%2Fpkgs%2Fmain&subdir=linux-64',
    });
    expect(mkl?.['bom-ref']).toBe(mkl?.purl);
    expect(list.find((c) => c.name === 'cuda-cudart')?.purl).toBe(
      'pkg:conda/cuda-cudart@12.1.105?build=0&channel=https:%2F%2Fconda.anaconda.org%2Fnvidia',
    );
    expect(props(mkl)).toMatchObject({
      'ml-image:conda.build': 'h213fc3f_46344',
      'ml-image:conda.subdir': 'linux-64',
    });
  });

  it('a Python package conda installed is one component, the pip one, with the conda build as properties', () => {
    const numpy = components(condaRecord()).filter((c) => c.name === 'numpy');
    expect(numpy).toHaveLength(1);
    expect(numpy[0]!.purl).toBe('pkg:pypi/numpy@1.26.4');
    expect(props(numpy[0])).toMatchObject({
      'ml-image:conda.build': 'py311h64a7726_0',
      'ml-image:conda.channel': 'https://conda.anaconda.org/conda-forge',
      'ml-image:pip.installer': 'conda',
    });
    expect(props(numpy[0])['ml-image:conda.version']).toBeUndefined();
  });

  it("masks a channel's /t/<token>/: in the purl, the properties and the SPDX form", () => {
    const r = condaRecord();
    const text = JSON.stringify(buildSbom({ record: r }));
    expect(text).not.toContain(TOKEN);
    const cuda = components(r).find((c) => c.name === 'pytorch-cuda');
    expect(cuda?.purl).toMatch(
      /^pkg:conda\/pytorch-cuda@12\.1\?build=ha16c6d3_5&channel=.*%2Ft%2F.*redacted.*pytorch&subdir=noarch$/,
    );
    expect(JSON.stringify(buildSpdx({ record: r }, new Date(0)))).not.toContain(TOKEN);
    expect(JSON.stringify(buildSpdx({ record: r }, new Date(0)))).toContain('pkg:conda/mkl@2023.1.0');
  });

  it("one install spelt two ways (conda-forge's certifi 2024.02.02, pip's 2024.2.2) is still one component", () => {
    const r = makeRecord({
      pip: [pipEntry('certifi', '2024.2.2', '/opt/conda/lib/python3.11/site-packages')],
    });
    const record = { ...r, conda: [{ name: 'certifi', version: '2024.02.02', build: 'pyhd8ed1ab_0' }] };
    const certifi = components(record).filter((c) => c.name === 'certifi');
    expect(certifi.map((c) => c.purl)).toEqual(['pkg:pypi/certifi@2024.2.2']);
    expect(props(certifi[0])['ml-image:conda.build']).toBe('pyhd8ed1ab_0');
  });

  it.each([
    ['2024.02.02', '2024.2.2'],
    ['1.0', '1'],
    ['1.0.0', '1'],
    ['v2.1.0', '2.1'],
    ['2.1.0rc1', '2.1rc1'],
    ['1.26.4', '1.26.4'],
    ['1.10', '1.10'],
    ['2024.1', '2024.1'],
    ['abc', 'abc'],
    // A long number keeps every digit (a Number would round it).
    ['20240202123456789012', '20240202123456789012'],
    ['20240202123456789013.0', '20240202123456789013'],
  ])('versionKey(%s) is %s', (v, key) => {
    expect(versionKey(v)).toBe(key);
  });

  it('a package found twice (two environments, same build) is listed once', () => {
    const r = condaRecord();
    r.conda = [...CONDA, CONDA[0]!];
    expect(components(r).filter((c) => c.name === 'mkl')).toHaveLength(1);
  });

  it('a package alike in both environments (probe 6: an entry in each) is one component, each property once', () => {
    const r = condaRecord();
    r.conda = CONDA.flatMap((p) => [
      { ...p, prefix: '/opt/conda' },
      { ...p, prefix: '/opt/conda/envs/ml' },
    ]);
    const list = components(r);
    for (const name of ['mkl', 'numpy']) {
      const found = list.filter((c) => c.name === name);
      expect(found).toHaveLength(1);
      const names = (found[0]!.properties ?? []).map((p) => p.name);
      expect(names).toEqual([...new Set(names)]);
    }
    expect(list.filter((c) => c.name === 'mkl')[0]).toEqual(
      components(condaRecord()).filter((c) => c.name === 'mkl')[0],
    );
  });

  it('one name at two versions in the two environments: a component of each', () => {
    const r = condaRecord();
    r.conda = [
      { ...CONDA[0]!, prefix: '/opt/conda' },
      { ...CONDA[0]!, version: '2024.0.0', prefix: '/opt/conda/envs/ml' },
    ];
    expect(
      components(r)
        .filter((c) => c.name === 'mkl')
        .map((c) => c.version),
    ).toEqual(['2023.1.0', '2024.0.0']);
  });
});

describe('a conda package whose name pip has too: one component only when the versions agree', () => {
  const conda = (name: string, version: string) => ({
    name,
    version,
    build: 'h0_1',
    channel: 'https://conda.anaconda.org/nvidia',
    subdir: 'linux-64',
  });
  const pkg = (name: string, version: string) =>
    `pkg:conda/${name}@${version}?build=h0_1&channel=https:%2F%2Fconda.anaconda.org%2Fnvidia&subdir=linux-64`;
  it.each([
    ['the same version: the pip component only', 'numpy', '1.26.4', '1.26.4', ['pkg:pypi/numpy@1.26.4']],
    [
      "cuda-toolkit at another version: pip's and conda's",
      'cuda-toolkit',
      '13.0.2',
      '12.4.1',
      ['pkg:conda/cuda-toolkit@12.4.1', 'pkg:pypi/cuda-toolkit@13.0.2'],
    ],
    [
      'mkl at another version',
      'mkl',
      '2025.1.0',
      '2024.0.0',
      ['pkg:conda/mkl@2024.0.0', 'pkg:pypi/mkl@2025.1.0'],
    ],
    ['another spelling, same version', 'Foo_Bar', '1.0', '1.0', ['pkg:pypi/foo-bar@1.0']],
  ])('%s', async (_what, name, pipVersion, condaVersion, purls) => {
    const r = makeRecord({ pip: [pipEntry(name, pipVersion, '/opt/conda/lib/python3.11/site-packages')] });
    const condaName = name.toLowerCase().replace(/_/g, '-');
    r.conda = [conda(condaName, condaVersion)];
    expect(await validate(buildSbom({ record: r }))).toBeNull();
    const found = components(r).filter((c) => c.name.toLowerCase().replace(/_/g, '-') === condaName);
    expect(found.map((c) => c.purl?.replace(/\?.*$/, '')).sort()).toEqual(purls);
    const own = found.find((c) => c.purl?.startsWith('pkg:conda/'));
    if (own) {
      expect(own).toMatchObject({ version: condaVersion, purl: pkg(condaName, condaVersion) });
      expect(own['bom-ref']).toBe(own.purl);
    }
    // No conda version hidden as a property of the pip component.
    for (const c of found) expect(props(c)['ml-image:conda.version']).toBeUndefined();
    const withBuild = found.filter((c) => props(c)['ml-image:conda.build'] === 'h0_1');
    expect(withBuild).toHaveLength(1);
    const spdx = JSON.stringify(buildSpdx({ record: r }, new Date(0)));
    for (const p of purls) expect(spdx).toContain(p);
  });
});
