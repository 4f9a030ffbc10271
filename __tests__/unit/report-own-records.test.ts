// The report reads env-<variant>-<arch>.json and smoke-<variant>-<arch>.json by their file names: a
// record whose own variant or platform is another target's (a file copied under another's name, an
// edited artifact) is refused, exit 2, naming the file and both values, as `ml-image diff` names two
// records of different images; linux/arm64/v8 is linux/arm64. The baseline's such record makes the
// baseline unreadable: the report goes on without it, with a warning.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { validateConfigData } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { dirBaselineStore } from '../../src/report/baseline.js';
import { reportStage } from '../../src/report/stage.js';
import { openResultDir } from '../../src/results/results.js';
import { captureIo } from '../helpers/fakes.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-report-own-'));
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image: {name: acme/model}\nvariants: [cpu]\nplatforms: [linux/amd64, linux/arm64]\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const AMD64 = 'linux/amd64';
const ARM64 = 'linux/arm64';
const pass = (platform: string) => makeSmoke([{ id: 'import', status: 'pass' }], { platform });

/** cpu's records of both platforms in DIR/res, the amd64 one's record and smoke result as given. */
function results(amd64: { platform?: string; variant?: string | null; smokePlatform?: string } = {}) {
  const res = openResultDir(path.join(dir, 'res'));
  res.writeEnv(
    'cpu',
    AMD64,
    makeRecord({ platform: amd64.platform ?? AMD64, variant: amd64.variant ?? 'cpu' }),
  );
  res.writeSmoke('cpu', AMD64, pass(amd64.smokePlatform ?? AMD64));
  res.writeEnv('cpu', ARM64, makeRecord({ platform: `${ARM64}/v8`, variant: 'cpu' }));
  res.writeSmoke('cpu', ARM64, pass(`${ARM64}/v8`));
  return res.dir!;
}

/** `ml-image report --results res` on a runner (no git process to start), no pull request. */
async function report(...flags: string[]) {
  const io = captureIo(dir, undefined, {
    ML_IMAGE_CACHE_DIR: path.join(dir, 'cache'),
    GITHUB_ACTIONS: 'true',
    GITHUB_SHA: 'c'.repeat(40),
  });
  const code = await runCli(['report', '--results', 'res', ...flags], io);
  return { code, out: io.out(), err: io.err() };
}

describe("ml-image report: a record whose own target is not its file name's", () => {
  it.each<[string, Parameters<typeof results>[0], string]>([
    [
      "the amd64 record is arm64's",
      { platform: ARM64 },
      "env-cpu-amd64.json: the environment record is of platform linux/arm64 (its file name says linux/amd64): another image's, which the report would show as cpu on linux/amd64",
    ],
    [
      "cpu's record is another variant's",
      { variant: 'cuda12.8' },
      "env-cpu-amd64.json: the environment record is of variant cuda12.8 (its file name says cpu): another image's, which the report would show as cpu on linux/amd64",
    ],
    [
      'both',
      { platform: `${ARM64}/v8`, variant: 'cuda12.8' },
      "env-cpu-amd64.json: the environment record is of variant cuda12.8 (its file name says cpu) and platform linux/arm64/v8 (its file name says linux/amd64): another image's",
    ],
    [
      "the amd64 smoke result is arm64's",
      { smokePlatform: ARM64 },
      "smoke-cpu-amd64.json: the smoke result is of platform linux/arm64 (its file name says linux/amd64): another image's, which the report would show as cpu on linux/amd64",
    ],
  ])('%s: exit 2 naming the file and both values', async (_what, amd64, message) => {
    const res = results(amd64);
    const r = await report();
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(`error: ${path.join(res, message)}`);
    expect(r.err).toContain('fix: put each record under its own name');
    const json = await report('--json');
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.out) as { error: { message: string } };
    expect(error.message).toContain(path.join(res, message));
    // Nothing reported as cpu's.
    expect(readdirSync(res).filter((f) => f.startsWith('report'))).toEqual([]);
  });

  it('linux/arm64/v8 is linux/arm64, and a record naming no variant is not checked on it: reported', async () => {
    results({ variant: null });
    const r = await report();
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/its file name says/);
  });
});

describe('ml-image report --results DIR without --out: the reports are written there', () => {
  it('a linked comment/ there is refused before the report (as for --out), exit 2 naming it', async () => {
    const res = results();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'ml-image-report-elsewhere-'));
    try {
      symlinkSync(elsewhere, path.join(res, 'comment'));
      const r = await report();
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`${path.join(res, 'comment')} is a link (to ${elsewhere})`);
      expect(readdirSync(res).filter((f) => f.startsWith('report'))).toEqual([]);
      // With --out the records are only read: the link is not written through, and not refused.
      const out = await report('--out', 'out');
      expect(out.code, out.err).toBe(0);
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("the baseline's record of another target: reported without the baseline, with a warning", () => {
  it('the base branch saved an amd64 record that is arm64s', async () => {
    const config = validateConfigData(
      { image: { name: 'acme/model' }, variants: ['cpu'], platforms: [AMD64] },
      'ml-image.yml',
    );
    const git = { sha: 'a'.repeat(40), ref: 'refs/heads/main', isDefaultBranch: true };
    const plan = planBuild(config, { catalog: bundledCatalog(), git, now: new Date(0) });
    const res = openResultDir(path.join(dir, 'res'));
    res.writeEnv('cpu', AMD64, makeRecord({ variant: 'cpu' }));
    res.writeSmoke('cpu', AMD64, pass(AMD64));
    const store = dirBaselineStore(path.join(dir, 'baselines'));
    const warnings: string[] = [];
    const io = { env: {}, progress: () => undefined, warning: (m: string) => warnings.push(m) };
    const options = { mode: 'off' as const, baseline: store, baseBranch: 'main' };
    // The default branch's run saves its records; one of them is then edited to arm64's.
    await reportStage(
      { plan, config, results: res, git, options: { ...options, saveAs: { branch: 'main', sha: git.sha } } },
      io,
    );
    const saved = readdirSync(path.join(dir, 'baselines'), { recursive: true, encoding: 'utf8' })
      .map((f) => path.join(dir, 'baselines', f))
      .filter((f) => f.endsWith('env-cpu-amd64.json'));
    expect(saved.length).toBeGreaterThan(0);
    for (const f of saved) writeFileSync(f, JSON.stringify(makeRecord({ platform: ARM64, variant: 'cpu' })));
    const r = await reportStage(
      { plan, config, results: res, git: { ...git, isDefaultBranch: false }, options },
      io,
    );
    expect(r.failure).toBeUndefined();
    expect(r.outcomes[0]!.hasBaseline).toBe(false);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^cpu: the baseline could not be read, reporting without it: \S+env-cpu-amd64\.json: the environment record is of platform linux\/arm64 \(its file name says linux\/amd64\)/,
      ),
    );
  });
});

// Audit: report.md a directory in --out: report-cpu.md and .json were written, then exit 2.
describe('ml-image report --out with a directory where report.md goes', () => {
  it('exit 2 naming it, and no report of a variant written before it', async () => {
    results();
    mkdirSync(path.join(dir, 'o1', 'report.md'), { recursive: true });
    const r = await report('--out', 'o1');
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/o1\/report\.md: a directory is in its place/);
    expect(readdirSync(path.join(dir, 'o1'))).toEqual(['report.md']);
  });
});
