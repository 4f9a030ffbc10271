// Property tests of the SBOM (src/attest/sbom.ts) and its SPDX conversion (spdx.ts): a real
// record (the H200 fixture) with its package names and versions, OS, CUDA stack, torch, image
// reference and capture time replaced by arbitrary text (unicode, purl delimiters, empty and long
// strings, names alike but for case or separators, secret-like values). Whatever the schema accepts
// gives a CycloneDX 1.6 document the strict validator accepts, unique bom-refs, purls that parse
// back (purl spec) to the record's name and version (cut as the component's: both the same), SPDX
// ids SPDX allows, the same purls in both, and the same bytes for the record's packages in any
// order. Deterministic: fixed seeds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSbom, SBOM_INPUTS_PROPERTY } from '../../src/attest/sbom.js';
import { spdxFromCycloneDx } from '../../src/attest/spdx.js';
import { type EnvRecord, EnvRecordSchema } from '../../src/capture/record.js';
import { canonicalName } from '../../src/requirements/parse.js';
import { redactText } from '../../src/util/redact.js';
import { clip } from '../../src/util/text.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

interface CdxComponent {
  name: string;
  version?: string;
  purl?: string;
  'bom-ref': string;
  properties?: { name: string; value: string }[];
}
interface CdxBom {
  serialNumber: string;
  metadata: { component: CdxComponent; tools: { components: CdxComponent[] }; properties?: unknown[] };
  components: CdxComponent[];
}

const BASE = EnvRecordSchema.parse(
  JSON.parse(readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/h200/record.json'), 'utf8')),
);

/** The purl spec's parsing (its "How to parse a purl string"), strict where a writer must be. */
function parsePurl(purl: string) {
  let rest = purl;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const qualifiers: Record<string, string> = {};
  if (q >= 0) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`qualifier without key=value: ${pair}`);
      const key = pair.slice(0, eq);
      if (!/^[a-z][a-z0-9._-]*$/.test(key)) throw new Error(`bad qualifier key ${key}`);
      qualifiers[key] = decodeURIComponent(pair.slice(eq + 1));
    }
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('pkg:')) throw new Error('no pkg: scheme');
  rest = rest.slice(4).replace(/^\/+/, '');
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new Error('no type');
  const type = rest.slice(0, slash);
  if (!/^[a-z][a-z0-9.+-]*$/.test(type)) throw new Error(`bad type ${type}`);
  rest = rest.slice(slash + 1).replace(/\/+$/, '');
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    version = decodeURIComponent(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const cut = rest.lastIndexOf('/');
  const name = decodeURIComponent(rest.slice(cut + 1));
  const namespace =
    cut < 0
      ? undefined
      : rest
          .slice(0, cut)
          .split('/')
          .filter((s) => s !== '')
          .map((s) => decodeURIComponent(s))
          .join('/');
  if (name === '') throw new Error(`no name: ${purl}`);
  if (version === '') throw new Error(`empty version: ${purl}`);
  // Each character outside the unreserved set, and the delimiters, percent-encoded.
  if (/[^A-Za-z0-9.\-_~:%/@?=&+]/.test(purl)) throw new Error(`unencoded character in ${purl}`);
  return { type, namespace, name, version, qualifiers };
}

// ---- Arbitraries ----

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What the SBOM makes of a record's string (sbom.ts's clean). */
const clean = (s: string) => redactText(s.replace(LONE_SURROGATE, '\uFFFD'));

const piece = fc.constantFrom(
  'torch',
  'Foo_Bar',
  'foo-bar',
  'foo.bar',
  'FOO',
  'a',
  '1.0',
  '2.7.0+cu128',
  '1:2.36-9',
  ' ',
  '@',
  '/',
  '?',
  '#',
  '%',
  '%20',
  ':',
  '&',
  '=',
  '+',
  '~',
  '!',
  '..',
  '.',
  '-',
  '_',
  'é',
  'ß',
  'İ',
  '\u0130',
  '😀',
  '\uD800',
  '\u200B',
  '\u0000',
  '\n',
  'ghp_0123456789abcdefghijABCDEFGHIJ012345',
  'https://u:p@h/',
  'AKIAIOSFODNN7EXAMPLE',
  'sha256:',
  'a'.repeat(300),
);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }).map((s) => s.repeat(700)) },
);
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('numpy', 'Torch', 'torch', 'foo_bar', 'Foo-Bar', 'foo.bar') },
  { weight: 3, arbitrary: text },
);
const version = fc.oneof(fc.constantFrom('1.0', '1.0.0', '2.7.0+cu128', '1!2.0'), text);
const maybeText = fc.option(text, { nil: undefined });

const pip = fc.record({
  name,
  version,
  requires: fc.array(fc.oneof(name, fc.constantFrom('numpy>=1', 'torch ; extra == "x"')), { maxLength: 2 }),
  installer: fc.oneof(fc.constantFrom('pip', 'uv'), text),
  location: text,
});
const apt = fc.record(
  {
    name,
    version,
    arch: fc.oneof(fc.constantFrom('amd64', 'all'), text),
    source: maybeText,
    sourceVersion: maybeText,
  },
  { requiredKeys: ['name', 'version', 'arch'] },
);
const conda = fc.record(
  { name, version, build: maybeText, channel: maybeText, subdir: maybeText, prefix: maybeText },
  { requiredKeys: ['name', 'version'] },
);

/** The object without its undefined fields (as a record read from JSON has none). */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const record: fc.Arbitrary<EnvRecord> = fc
  .record({
    pip: fc.array(pip, { maxLength: 6 }),
    apt: fc.array(apt, { maxLength: 5 }),
    conda: fc.option(fc.array(conda, { maxLength: 5 }), { nil: undefined }),
    os: fc.record({
      ID: maybeText,
      VERSION_ID: maybeText,
      VERSION_CODENAME: maybeText,
      PRETTY_NAME: maybeText,
    }),
    cuda: fc.record({
      runtime: fc.option(text),
      cudnn: fc.option(text),
      nccl: fc.option(text),
      nvcc: fc.option(text),
    }),
    sources: fc.dictionary(fc.constantFrom('runtime', 'cudnn', 'nccl'), text),
    torch: fc.option(fc.record({ version, cuda: fc.option(text), hip: fc.option(text) })),
    python: fc.record({
      version: fc.oneof(fc.constantFrom('3.11.9', '3.13.0rc1'), text),
      implementation: fc.oneof(fc.constant('CPython'), text),
    }),
    image: fc.record({
      ref: fc.oneof(fc.constantFrom('python:3.11', 'reg.io:5000/a/b:t', '', '/', 'a/', 'A/b'), text),
      digest: fc.option(
        fc.constantFrom(`sha256:${'a'.repeat(64)}`, 'sha256:bad', `sha256:${'B'.repeat(64)}`),
      ),
      platform: fc.oneof(fc.constantFrom('linux/amd64', 'linux/arm64/v8', 'linux'), text),
      base: fc.option(fc.oneof(fc.constantFrom(`python@sha256:${'c'.repeat(64)}`, 'ubuntu:24.04'), text)),
      baseDigest: fc.option(fc.oneof(fc.constantFrom(`sha256:${'d'.repeat(64)}`), text), { nil: undefined }),
    }),
    time: fc.oneof(
      fc.constantFrom(
        '2026-01-05T10:00:00Z',
        '9999-12-31T23:59:59-01:00',
        '0000-01-01T00:00:00+01:00',
        '2026-01-05',
      ),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      text,
    ),
  })
  .map((g) => {
    const r = structuredClone(BASE);
    r.python.packages = g.pip;
    r.apt = g.apt.map(defined);
    if (g.conda) r.conda = g.conda.map(defined);
    for (const [k, v] of Object.entries(g.os)) {
      if (v === undefined) delete r.os.osRelease[k];
      else r.os.osRelease[k] = v;
    }
    r.cuda = { ...r.cuda, ...g.cuda, sources: g.sources };
    r.torch = g.torch && { ...BASE.torch!, ...g.torch };
    r.python.version = g.python.version;
    r.python.implementation = g.python.implementation;
    r.image.ref = g.image.ref;
    r.image.digest = g.image.digest;
    r.image.platform = g.image.platform;
    if (g.image.base !== null) r.image.labels = { 'org.opencontainers.image.base.name': g.image.base };
    if (g.image.baseDigest !== undefined)
      r.image.labels['org.opencontainers.image.base.digest'] = g.image.baseDigest;
    r.capture.time = g.time;
    return EnvRecordSchema.parse(r);
  });

/**
 * The entries in another order, but those of one name (KEY) in theirs: the record lists the copies
 * of one distribution in sys.path order, the one Python imports first (the SBOM resolves a
 * requirement to it), and the probe sorts by name.
 */
function shuffle<T>(xs: T[], key: (x: T) => string, seed: number): T[] {
  const groups = new Map<string, T[]>();
  for (const x of xs) groups.set(key(x), [...(groups.get(key(x)) ?? []), x]);
  const order = [...groups.values()].map((g, i) => ({ g, k: (i * 7919 + seed) % 104729 }));
  return order
    .sort((a, b) => a.k - b.k)
    .reverse()
    .flatMap((e) => e.g);
}

const validator = new JsonStrictValidator(Version.v1dot6);
const sbomOf = (r: EnvRecord) => buildSbom({ record: r, toolVersion: '0.0.0-test' }) as unknown as CdxBom;
const pypiName = (n: string) => n.toLowerCase().replace(/_/g, '-');
/** A record's version as the SBOM writes it: scrubbed, and cut to CycloneDX's limit (sbom.ts cut). */
const versionOf = (v: string) => clip(clean(v), 1024);
const NOW = new Date('2026-02-03T04:05:06Z');

function checkPurls(r: EnvRecord, bom: CdxBom): void {
  const pips = new Set(
    r.python.packages.map((p) => JSON.stringify([pypiName(clean(p.name)), versionOf(p.version)])),
  );
  if (r.torch) pips.add(JSON.stringify(['torch', versionOf(r.torch.version)]));
  const debs = new Set(r.apt.map((a) => JSON.stringify([clean(a.name).toLowerCase(), versionOf(a.version)])));
  const condas = new Set((r.conda ?? []).map((c) => JSON.stringify([clean(c.name), versionOf(c.version)])));
  const seen = { pypi: new Set<string>(), deb: new Set<string>(), conda: new Set<string>() };
  for (const c of [bom.metadata.component, ...bom.components]) {
    if (c.purl === undefined) continue;
    const p = parsePurl(c.purl);
    const key = JSON.stringify([p.name, p.version ?? '']);
    // The version its purl names is the component's: a long one cut in both, not in one.
    expect(p.version ?? '', c.purl).toBe(c.version ?? '');
    if (p.type === 'pypi') expect(pips, c.purl).toContain(key);
    else if (p.type === 'deb') expect(debs, c.purl).toContain(key);
    else if (p.type === 'conda') expect(condas, c.purl).toContain(key);
    else expect(p.type).toBe('oci');
    if (p.type in seen) seen[p.type as keyof typeof seen].add(key);
  }
  // Each of the record's pip distributions is in the SBOM under its purl.
  for (const p of r.python.packages)
    if (p.name !== '')
      expect(seen.pypi).toContain(JSON.stringify([pypiName(clean(p.name)), versionOf(p.version)]));
}

/** Each apt package of the record is a component (alike but for the case of its name: one). */
function checkPackages(r: EnvRecord, bom: CdxBom): void {
  const key = (name: string, version: string) => JSON.stringify([name.toLowerCase(), version]);
  const have = new Set(bom.components.map((c) => key(c.name, c.version ?? '')));
  for (const p of r.apt) {
    expect(have).toContain(key(clean(p.name), versionOf(p.version)));
  }
}

/** Secret-like values of the arbitraries (the redaction rules mask them): none in the SBOM. */
const SECRETS = ['ghp_0123456789abcdefghijABCDEFGHIJ012345', 'AKIAIOSFODNN7EXAMPLE', 'u:p@h'];

describe('the purl parser of these tests is real', () => {
  it.each([
    ['pkg:pypi/foo-bar@2.7.0%2Bcu128', { type: 'pypi', name: 'foo-bar', version: '2.7.0+cu128' }],
    [
      'pkg:deb/debian/libc6@1:2.36?arch=amd64',
      { type: 'deb', namespace: 'debian', name: 'libc6', version: '1:2.36' },
    ],
    ['pkg:conda/a%40b%2Fc', { type: 'conda', name: 'a@b/c', version: undefined }],
  ])('%s parses', (purl, parts) => {
    expect(parsePurl(purl)).toMatchObject(parts);
  });

  it.each([
    'pkg:pypi/@1.0',
    'pkg:deb/debian/@1',
    'pkg:pypi/a b@1',
    'pkg:pypi/a@',
    'pypi/a@1',
    'pkg:pypi/a?Bad=1',
  ])('%s is refused', (purl) => {
    expect(() => parsePurl(purl)).toThrow();
  });
});

describe('SBOM and SPDX of arbitrary records', () => {
  it('validate as CycloneDX 1.6, with unique bom-refs and purls that parse back to the record', async () => {
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        const bom = sbomOf(r);
        expect(await validator.validate(JSON.stringify(bom))).toBeNull();
        const refs = [bom.metadata.component, ...bom.metadata.tools.components, ...bom.components].map(
          (c) => c['bom-ref'],
        );
        expect(new Set(refs).size).toBe(refs.length);
        checkPurls(r, bom);
        checkPackages(r, bom);
        const text = JSON.stringify(bom);
        for (const secret of SECRETS) expect(text).not.toContain(secret);
      }),
      { seed: 20261207, numRuns: 120 },
    );
  });

  it('give SPDX ids SPDX allows, unique, and the same purls as the CycloneDX document', () => {
    fc.assert(
      fc.property(record, (r) => {
        const bom = sbomOf(r);
        const spdx = spdxFromCycloneDx(bom, NOW);
        const ids = spdx.packages.map((p) => p.SPDXID);
        for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
        expect(new Set([...ids, spdx.SPDXID]).size).toBe(ids.length + 1);
        const purls = (xs: (string | undefined)[]) => xs.filter((x) => x !== undefined).sort();
        expect(
          purls(
            spdx.packages.flatMap((p) =>
              (p.externalRefs ?? []).filter((e) => e.referenceType === 'purl').map((e) => e.referenceLocator),
            ),
          ),
        ).toEqual(purls([bom.metadata.component, ...bom.components].map((c) => c.purl)));
        // Each package's version is the one its purl names, as in the CycloneDX document.
        for (const p of spdx.packages)
          for (const e of p.externalRefs ?? [])
            if (e.referenceType === 'purl')
              expect(parsePurl(e.referenceLocator).version ?? '', e.referenceLocator).toBe(
                p.versionInfo ?? '',
              );
      }),
      { seed: 20261208, numRuns: 150 },
    );
  });

  it('are the same bytes for the same packages in any order (but for the digest of the input)', () => {
    const withoutInputs = (bom: CdxBom) => {
      const { serialNumber: _, ...rest } = bom;
      return JSON.stringify({
        ...rest,
        metadata: {
          ...bom.metadata,
          properties: bom.metadata.properties?.filter(
            (p) => (p as { name: string }).name !== SBOM_INPUTS_PROPERTY,
          ),
        },
      });
    };
    fc.assert(
      fc.property(record, fc.integer(), (r, seed) => {
        const shuffled = structuredClone(r);
        shuffled.python.packages = shuffle(r.python.packages, (p) => canonicalName(clean(p.name)), seed);
        shuffled.apt = shuffle(r.apt, (a) => clean(a.name).toLowerCase(), seed);
        if (r.conda) shuffled.conda = shuffle(r.conda, (c) => canonicalName(clean(c.name)), seed);
        expect(JSON.stringify(sbomOf(r))).toBe(JSON.stringify(sbomOf(r)));
        expect(withoutInputs(sbomOf(shuffled))).toBe(withoutInputs(sbomOf(r)));
      }),
      { seed: 20261209, numRuns: 100 },
    );
  });
});
