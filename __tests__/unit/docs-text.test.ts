// Prose that names code: the sub-actions by their folders (actions/NAME), the README's command
// summary as docs/cli.md's, docs/smoke.md's sample of `ml-image run` in the format run prints, and
// the OCI labels the merged index gets, as src/build/bpa-tags.ts copies them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { indexAnnotations } from '../../src/build/bpa-tags.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const docs = readdirSync(path.join(REPO_ROOT, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

/** The first fenced block after `after` (a heading or other text), without its fences. */
function blockAfter(text: string, after: string, fence = '```'): string[] {
  const from = text.indexOf(after);
  expect(from, `${after} not found`).toBeGreaterThanOrEqual(0);
  const open = text.indexOf(`\n${fence}`, from);
  const start = text.indexOf('\n', open + 1) + 1;
  return text.slice(start, text.indexOf(`\n${fence}\n`, start)).split('\n');
}

describe('the sub-actions are named by their folders', () => {
  const subActions = readdirSync(path.join(REPO_ROOT, 'actions'));

  it("action.yml's description names every folder of actions/ as actions/NAME, and no other", () => {
    const description = (parse(read('action.yml')) as { description: string }).description;
    for (const name of subActions) expect(description).toContain(`actions/${name}`);
    for (const m of description.matchAll(/actions\/([a-z-]+)/g)) expect(subActions).toContain(m[1]);
    // A bare "report/" is no folder of this repository.
    expect(description).not.toMatch(/(^|[\s,])(plan|build|smoke|attest|report|verify)\/(?!\w)/);
  });

  it.each(['README.md', ...docs])('%s names no sub-action as a top-level `NAME/`', (file) => {
    // `attest/` is also a folder of the result directory (the predicates), so it is not checked.
    expect(read(file)).not.toMatch(/`(plan|build|smoke|report|verify)\/`/);
  });
});

describe('the OCI labels that also annotate the merged index (src/build/bpa-tags.ts)', () => {
  // Every OCI label key: indexAnnotations keeps those it copies onto the index.
  const OCI = [
    'created',
    'authors',
    'url',
    'documentation',
    'source',
    'version',
    'revision',
    'vendor',
    'licenses',
    'ref.name',
    'title',
    'description',
    'base.digest',
    'base.name',
  ];
  const copied = indexAnnotations(Object.fromEntries(OCI.map((k) => [`org.opencontainers.image.${k}`, 'v'])))
    .map((a) => /^index:org\.opencontainers\.image\.([\w.]+)=v$/.exec(a)?.[1])
    .sort();
  /** The names of "the OCI a, b and c labels" in TEXT, code spans unwrapped. */
  const named = (text: string) => {
    const list = /the OCI ([^.]+?) labels/.exec(text.replace(/`/g, '').replace(/\s+/g, ' '))?.[1] ?? '';
    return list.split(/, | and /).sort();
  };

  it('the reader is real', () => {
    expect(copied).toContain('title');
    expect(named('plus the OCI `title`, `url` and `created` labels of')).toEqual(['created', 'title', 'url']);
  });

  it("action.yml's annotations input names each of them", () => {
    const inputs = (parse(read('action.yml')) as { inputs: Record<string, { description: string }> }).inputs;
    expect(named(inputs.annotations!.description)).toEqual(copied);
  });

  it('docs/action.md (Index annotations) names each of them', () => {
    const doc = read('docs/action.md');
    expect(named(doc.slice(doc.indexOf('### Index annotations')))).toEqual(copied);
  });
});

it("docs/configuration.md gives the catalog's minor-version-compatibility floor of each CUDA major", () => {
  const catalog = JSON.parse(read('src/plan/catalog.json')) as {
    cudaDrivers: { cuda: string; minorCompatDriverMin: string }[];
  };
  const floors = new Map<string, Set<string>>();
  for (const d of catalog.cudaDrivers) {
    const major = d.cuda.split('.')[0]!;
    floors.set(major, (floors.get(major) ?? new Set()).add(d.minorCompatDriverMin));
  }
  const text = read('docs/configuration.md').replace(/\s+/g, ' ');
  const said = /minor-version-compatibility floor \(([^)]*)\)/.exec(text)?.[1];
  expect(said).toBe([...floors].map(([major, f]) => `${[...f].join(' or ')} for ${major}.x`).join(', '));
});

it("the README's command summary is docs/cli.md's", () => {
  expect(blockAfter(read('README.md'), 'The same stages run locally')).toEqual(
    blockAfter(read('docs/cli.md'), '## Commands'),
  );
});

describe("docs/smoke.md's sample of ml-image run", () => {
  const sample = blockAfter(read('docs/smoke.md'), '## Run: the whole pipeline in one command');

  it('is in the format run prints: [elapsed] stage, padded to 7, then the line', () => {
    expect(sample.length).toBeGreaterThan(5);
    for (const line of sample)
      expect(line).toMatch(
        /^\[[ \d]{3}\d\.\ds\] ((plan|resolve|build|smoke|attest|report) +\S|done: results in )/,
      );
    for (const line of sample.filter((l) => !l.includes('done: ')))
      expect(line.slice(10, 18), line).toMatch(/^[a-z]+ +$/);
  });

  it("holds each stage's summary line as its code writes it", () => {
    const text = sample.join('\n');
    expect(text).toMatch(/ plan {4}cpu: \S+ \(.*\) -> linux\/amd64, linux\/arm64\n/);
    expect(text).toMatch(/ resolve resolve cpu linux\/(amd64|arm64): clean in \d+\.\ds\n/);
    expect(text).toMatch(/ build {3}build cpu\/(amd64|arm64): done in \d+\.\ds \(sha256:[0-9a-f]{12}\)\n/);
    expect(text).toMatch(
      / build {3}merge cpu: 2 platform\(s\) -> \S+:0\.1\.0-cpu \(sha256:[0-9a-f]{12}\) in \d+\.\ds\n/,
    );
    expect(text).toMatch(
      / smoke {3}cpu linux\/(amd64|arm64): \d+ passed, \d+ failed, \d+ skipped in \d+\.\ds\n/,
    );
    expect(text).toMatch(/ report {2}cpu: \S+ .* -> \S+\/report-cpu\.md\n/);
    expect(text).toMatch(/\] done: results in \S+$/);
  });
});
