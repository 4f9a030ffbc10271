// Names and versions docker would refuse are refused when the config loads (exit 2, naming the
// field and its line), not when the build runs: a repository name over the 255 characters docker
// takes (registry host included), for image.name and a variant's base. image.version takes what a
// git tag's version takes: a "+" becomes "-" in both (a tag cannot hold "+"), and no cap but the
// tag's own 128 characters, which the plan checks. A config with lone carriage returns (an old
// Mac's line ends) is read as YAML 1.2 reads it, its lines counted right.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, parseYaml, validateConfigData } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { imageRefProblem, nameLengthProblem, tagSafeVersion } from '../../src/oci/ref.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { versionFromRef } from '../../src/plan/tags.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-names-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The problems of loading TEXT as ml-image.yml (exit 2), or the config. */
function load(text: string) {
  writeFileSync(path.join(dir, 'ml-image.yml'), text);
  return loadConfig({ cwd: dir, checkFiles: false });
}
function problemsOf(text: string): readonly string[] {
  try {
    load(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).exitCode).toBe(2);
    return (e as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

/** A repository path of N characters: components of 50 "a" joined by "/". */
const pathOf = (n: number) =>
  Array.from({ length: Math.ceil(n / 51) }, () => 'a'.repeat(50))
    .join('/')
    .slice(0, n)
    .replace(/\/$/, 'b');

describe('a repository name over 255 characters, registry host included', () => {
  it('image.name: refused at load with its line and the limit', () => {
    const name = pathOf(255 - 'ghcr.io/'.length + 1);
    expect(`ghcr.io/${name}`).toHaveLength(256);
    const problems = problemsOf(`image:\n  name: ${name}\n`);
    expect(problems).toEqual([expect.stringMatching(/^line 2: image\.name: .*256 characters.*at most 255/)]);
  });

  it('image.name: the registry counts (a name that fits ghcr.io is too long on a longer host)', () => {
    const name = pathOf(240);
    expect(() => load(`image:\n  name: ${name}\n`)).not.toThrow();
    const problems = problemsOf(`image:\n  name: ${name}\n  registry: registry.example.com:5000\n`);
    expect(problems).toEqual([expect.stringMatching(/^line 2: image\.name: .*266 characters/)]);
  });

  it('255 characters exactly is taken', () => {
    expect(() => load(`image:\n  name: ${pathOf(255 - 'ghcr.io/'.length)}\n`)).not.toThrow();
  });

  it('variants[].base: refused with its line and the limit', () => {
    const base = `nvcr.io/${pathOf(250)}:1`;
    const problems = problemsOf(`image:\n  name: a/b\nvariants:\n  - name: x\n    base: ${base}\n`);
    expect(problems).toEqual([
      expect.stringMatching(
        /^line 5: variants\[0\]\.base: invalid image reference: .*258 characters.*at most 255/,
      ),
    ]);
  });

  it.each([
    ['docker.io/library/ added: 264', `${'a'.repeat(246)}:1`],
    ['the digest does not count', `x.io/${'a'.repeat(251)}@sha256:${'0'.repeat(64)}`],
  ])('imageRefProblem refuses a long name: %s', (_what, ref) => {
    expect(imageRefProblem(ref)).toMatch(/characters .*at most 255/);
  });

  it.each([`x.io/${'a'.repeat(250)}:1`, `${'a'.repeat(237)}:1`])('imageRefProblem takes %#', (ref) => {
    expect(imageRefProblem(ref)).toBeUndefined();
  });

  it('nameLengthProblem counts Docker Hub as docker.io', () => {
    expect(nameLengthProblem(`index.docker.io/a/${'b'.repeat(243)}`)).toBeUndefined();
    expect(nameLengthProblem(`index.docker.io/a/${'b'.repeat(244)}`)).toMatch(/256 characters/);
  });
});

describe('image.version', () => {
  const plan = (version: string, ref = 'refs/heads/main') =>
    planBuild(
      validateConfigData(
        { image: { name: 'a/b', ...(version && { version }) }, platforms: ['linux/amd64'] },
        'ml-image.yml',
      ),
      {
        catalog: bundledCatalog(),
        git: { sha: 'a'.repeat(40), ref, isDefaultBranch: true },
        now: new Date(0),
      },
    );

  it('a 124-character version: its tag <version>-cpu is 128 characters, taken', () => {
    const version = `1.${'0'.repeat(122)}`;
    expect(plan(version).variants[0]!.tags).toContain(`ghcr.io/a/b:${version}-cpu`);
  });

  it('a version whose tag is over 128 characters: the plan names image.version and the tag', () => {
    expect(() => plan(`1.${'0'.repeat(123)}`)).toThrow(
      /image\.version: the tag "1\.0+-cpu" of variants\[0\] \(cpu\) is 129 characters/,
    );
  });

  it('1.0.0+build.5 is mapped as the git tag v1.0.0+build.5 is: 1.0.0-build.5', () => {
    expect(versionFromRef('refs/tags/v1.0.0+build.5')).toBe('1.0.0-build.5');
    expect(tagSafeVersion('1.0.0+build.5')).toBe('1.0.0-build.5');
    const fromConfig = plan('1.0.0+build.5').variants[0]!;
    const fromGit = plan('', 'refs/tags/v1.0.0+build.5').variants[0]!;
    expect(fromConfig.tags).toContain('ghcr.io/a/b:1.0.0-build.5-cpu');
    expect(fromGit.tags).toContain('ghcr.io/a/b:1.0.0-build.5-cpu');
    expect(fromConfig.labels['org.opencontainers.image.version']).toBe('1.0.0-build.5');
  });

  it.each(['-1.0', '.1', '1.0/2', '1 0'])('%j is refused, the characters said', (version) => {
    const problems = problemsOf(`image:\n  name: a/b\n  version: "${version}"\n`);
    expect(problems).toEqual([
      expect.stringMatching(/^line 3: image\.version: expected a tag-safe version like "1\.4\.0": letters/),
    ]);
  });
});

describe('line ends', () => {
  const FILE = ['image:', '  name: a/b', '  version: 1.2.0', 'variants:', '  - cpu', ''];

  it.each([
    ['a lone CR (old Mac)', '\r'],
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('%s: read as YAML 1.2 reads it', (_what, eol) => {
    expect(parseYaml(FILE.join(eol), 'ml-image.yml')).toEqual({
      image: { name: 'a/b', version: '1.2.0' },
      variants: ['cpu'],
    });
  });

  it('a BOM and lone CRs: loaded', () => {
    expect(load(`\uFEFF${FILE.join('\r')}`).config.image.version).toBe('1.2.0');
  });

  it('lone CRs: a problem names its line', () => {
    const text = ['image:', '  name: a/b', 'variants:', '  - cuda: 12.1', ''].join('\r');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^line 4: variants\[0\]\.cuda: /)]);
  });

  it('lone CRs: a YAML syntax error names its line', () => {
    const text = ['image:', '  name: a/b', 'build: [x', ''].join('\r');
    expect(() => load(text)).toThrow(/line [34], column/);
  });

  it('a CR inside a quoted value is a line break, as YAML folds one', () => {
    expect(parseYaml('a: "x\r  y"\r', 'f')).toEqual({ a: 'x y' });
  });
});
