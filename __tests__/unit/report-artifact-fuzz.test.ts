// Properties of the fork-safe poster's input (src/report/artifact.ts, artifact-fit.ts,
// untrusted-model.ts, render/none.ts): any bytes, and any mutation of a real artifact's JSON, are
// either refused with an InputError or rendered, and what is rendered is escaped (no raw HTML, no
// forged marker, tables intact, no live mention or link) and within maxChars. report-render.test.ts
// covers models buildReportModel makes; here the model is whatever a fork's job wrote.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import he from 'he';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { COMMENT_ARTIFACT_FILE, readCommentArtifact } from '../../src/report/artifact.js';
import { restoreTrimmed, trimArtifact } from '../../src/report/artifact-fit.js';
import { buildReportModel } from '../../src/report/model.js';
import { type ReportModel, ReportModelSchema } from '../../src/report/model-schema.js';
import { EMITTED_TAGS } from '../../src/report/render.js';
import { renderRunOrNone } from '../../src/report/render/none.js';
import { constrainUntrusted } from '../../src/report/untrusted-model.js';
import { REDACTED } from '../../src/util/redact.js';
import { cudaUpgrade, numpyUpgrade, sampleRun } from '../helpers/report-scenarios.js';

const HEAD = 'a'.repeat(40);
const REPO = 'acme/model';
const KEY = 'acme/model:workflow-77';
const RUN = 'https://github.com/acme/model/actions/runs/4242';
const RUNS = Number(process.env.FC_RUNS ?? 120);
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261207);
const PROPS = { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-artifact-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A genuine artifact: a few reports, one of them with its package lists trimmed. */
function genuine(): Record<string, unknown> {
  const reports = [...sampleRun(), cudaUpgrade(), numpyUpgrade()].map((i) => buildReportModel(i));
  const payload = trimArtifact(
    { schemaVersion: 1, prNumber: 7, headSha: HEAD, repository: REPO, markerKey: KEY, reports },
    40,
  );
  return JSON.parse(JSON.stringify({ ...payload, unreported: ['gpu-extra'] })) as Record<string, unknown>;
}
const BASE = genuine();

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path in the value (objects' keys, arrays' indices): where a mutation may land. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}
const PATHS = paths(BASE as Json).filter((p) => p.length > 0);

const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '<!-- ml-image-report:acme/model:workflow-77 -->',
  '-->',
  '<!--',
  '|',
  '\\|',
  '`',
  '```',
  '@octocat',
  '@org/team',
  '#12',
  'GH-3',
  '[x](javascript:alert(1))',
  '](javascript:alert(1))',
  'javascript:alert(1)',
  '<https://evil.example>',
  'https://evil.example',
  'www.evil.example',
  '\n',
  '\r\n',
  '\u2028',
  '\u202e',
  '\u0000',
  '$$x$$',
  '# h',
  '&lt;',
  '&#60;',
  REDACTED,
  'linux/amd64',
  'pass',
  'fail',
  'major',
  'upgraded',
);
const text = fc
  .array(fc.oneof({ arbitrary: nasty, weight: 5 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 2 }), {
    maxLength: 5,
  })
  .map((xs) => xs.join(''));
const value: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: text, weight: 6 },
  {
    arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, weight: 2 },
);

type Mutation = { at: number; op: 'set' | 'delete' | 'dup'; v: Json };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(PATHS.length - 1),
  op: fc.constantFrom('set' as const, 'set' as const, 'delete' as const, 'dup' as const),
  v: value,
});

function mutate(base: Json, ms: readonly Mutation[]): Json {
  const doc = structuredClone(base);
  for (const m of ms) {
    const p = PATHS[m.at]!;
    let parent: Json = doc;
    for (const k of p.slice(0, -1)) {
      parent = (parent as Record<string | number, Json> | null)?.[k] ?? null;
      if (parent === null || typeof parent !== 'object') break;
    }
    if (parent === null || typeof parent !== 'object') continue;
    const last = p.at(-1)!;
    const obj = parent as Record<string | number, Json>;
    if (m.op === 'set') obj[last] = m.v;
    else if (m.op === 'delete') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete obj[last];
    } else if (Array.isArray(parent) && typeof last === 'number' && parent[last] !== undefined) {
      parent.push(structuredClone(parent[last]) as Json);
    }
  }
  return doc;
}

/** What the poster does with the folder (postFromArtifact, without the GitHub API). */
function post(maxChars = 65_536) {
  const artifact = readCommentArtifact(dir, {
    repository: REPO,
    headSha: HEAD,
    reportSchema: ReportModelSchema,
  });
  const reports = restoreTrimmed(artifact, path.join(dir, COMMENT_ARTIFACT_FILE));
  const models: ReportModel[] = reports.map((m) => ({
    ...constrainUntrusted(m, { repository: REPO, runUrl: RUN }).model,
    markerKey: KEY,
  }));
  const unreported = artifact.unreported ?? [];
  if (models.length === 0 && unreported.length === 0) return null;
  return renderRunOrNone(models, unreported, {
    markerKey: KEY,
    headSha: artifact.headSha,
    runUrl: RUN,
    maxChars,
  });
}

/** The comment's text with the marker line and our own tags removed: what the artifact could have become. */
function withoutOwnMarkup(markdown: string): string {
  let t = markdown.split('\n').slice(1).join('\n');
  for (const tag of EMITTED_TAGS) t = t.split(tag).join('');
  return t;
}

function tableProblems(markdown: string): string[] {
  const problems: string[] = [];
  const lines = markdown.split('\n');
  const cells = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2;
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|(---\|)+$/.test(lines[i + 1] ?? '')) continue;
    const want = cells(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
      if (!lines[j]!.endsWith('|')) problems.push(`line ${j + 1} does not end its row`);
      if (cells(lines[j]!) !== want)
        problems.push(`line ${j + 1} has ${cells(lines[j]!)} cells, want ${want}`);
    }
  }
  return problems;
}

function checkRendered(markdown: string, maxChars: number) {
  expect(markdown.length).toBeLessThanOrEqual(maxChars);
  const lines = markdown.split('\n');
  expect(lines[0]).toBe(`<!-- ml-image-report:${KEY} -->`);
  const body = withoutOwnMarkup(markdown);
  // No raw HTML: no tag, no comment that could forge the sticky comment's marker (sticky.ts finds
  // its comment by the first line; an escaped `&lt;!-- ml-image-report:…` elsewhere is text).
  expect(body).not.toContain('<');
  // `>` only in a Mermaid chart's axis range (`0 --> 9`, the renderer's own), never in a value.
  expect(body.replace(/^```mermaid\n[^`]*?\n```$/gm, '')).not.toContain('>');
  expect(tableProblems(markdown)).toEqual([]);
  // The only link targets are the poster's own run links.
  for (const m of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(m[1]!.startsWith(RUN)).toBe(true);
  const shown = he.decode(body.replace(/\]\([^)]*\)/g, ']'));
  expect(shown).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/);
  // No link of the fork's: text such as `javascript:alert(1)` may be shown, never as a link.
  expect(markdown).not.toMatch(/\]\(\s*javascript:/i);
}

/** Refused with an InputError (a message a reader can act on), or rendered and checked. */
function refusedOrRendered(maxChars: number) {
  let r: ReturnType<typeof post>;
  try {
    r = post(maxChars);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message).toMatch(/ml-image-comment\.json/);
    return 'refused';
  }
  if (r) checkRendered(r.markdown, maxChars);
  return 'rendered';
}

describe('the fork-safe artifact, whatever a fork wrote', () => {
  it('the genuine artifact renders (the mutations below start from a valid one)', () => {
    writeFileSync(path.join(dir, COMMENT_ARTIFACT_FILE), JSON.stringify(BASE));
    expect(refusedOrRendered(65_536)).toBe('rendered');
  });

  it('any bytes: refused with an InputError, never a raw exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        writeFileSync(path.join(dir, COMMENT_ARTIFACT_FILE), bytes);
        expect(refusedOrRendered(65_536)).toBe('refused');
      }),
      PROPS,
    );
  });

  it('any mutation of a real artifact: refused with an InputError, or rendered escaped and within maxChars', () => {
    const seen = { refused: 0, rendered: 0 };
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(2_000, 65_536),
        (ms, maxChars) => {
          writeFileSync(path.join(dir, COMMENT_ARTIFACT_FILE), JSON.stringify(mutate(BASE as Json, ms)));
          seen[refusedOrRendered(maxChars)]++;
        },
      ),
      PROPS,
    );
    // Both outcomes are exercised: the mutations are neither all fatal nor all harmless.
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.rendered).toBeGreaterThan(0);
  });
});
