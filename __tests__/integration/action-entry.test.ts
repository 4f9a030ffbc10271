// What each step of the bundled action loads. dist/index.js is every step's entry: the pipeline's
// main step, the verify sub-action's main step (a deploy job's gate) and every post step. The last
// two must start without the pipeline (src/main.ts imports it only for the pipeline's main step):
// they are run here from a copy of dist/ whose pipeline chunk is deleted. The pipeline's main step
// run from that copy fails to load it, which shows the chunk deleted is the one it needs.
// No engine or registry: the verify step stops at its missing image input.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from '../helpers/action-bundle.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const NOT_LOADED = /Cannot find module|ERR_MODULE_NOT_FOUND/;

describe('the bundled action loads the pipeline for its main step only', () => {
  let ws: string;
  let bundle: string;
  let removed: string[];
  beforeAll(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-entry-it-'));
    const copy = path.join(ws, 'dist');
    cpSync(path.join(REPO_ROOT, 'dist'), copy, { recursive: true });
    removed = readdirSync(copy).filter(
      (f) =>
        f.endsWith('.index.js') && readFileSync(path.join(copy, f), 'utf8').includes('function runPipeline('),
    );
    for (const f of removed) rmSync(path.join(copy, f));
    bundle = path.join(copy, 'index.js');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('dist/ has one pipeline chunk, apart from the entry', () => {
    expect(removed).toHaveLength(1);
  });

  it('the verify sub-action runs its checks without it (here: the missing image input, exit 2)', async () => {
    const r = await runBundle(ws, { command: 'verify', image: '' }, {}, {}, bundle);
    expect(r.stdout).not.toMatch(NOT_LOADED);
    expect(r.stdout).toContain('::error::input "image": required');
    expect(r.code).toBe(2);
  });

  it('a post step runs without it (nothing to clean: no warning, exit 0)', async () => {
    const r = await runBundle(ws, {}, {}, { STATE_isPost: 'true' }, bundle);
    expect(r.stdout).not.toMatch(NOT_LOADED);
    expect(r.stdout).not.toContain('::warning::');
    expect(r.code).toBe(0);
  });

  it("the pipeline's main step needs it: from the copy, it cannot load it", async () => {
    const r = await runBundle(ws, { config: 'none.yml' }, {}, {}, bundle);
    expect(r.stdout).toMatch(NOT_LOADED);
    expect(r.code).not.toBe(0);
  });
});
