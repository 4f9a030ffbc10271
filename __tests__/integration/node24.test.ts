// dist/ on the runners' node24. The action runs on node24 on GitHub's runners and this machine's
// Node is 20: each command below is run from dist/ by both (the test bed's Node 24 from
// scripts/test-env.sh), and must end alike: the same exit code and the same output, but for the
// Node version, the temp paths and the times. Node 24 changed what a few calls answer (statSync's
// throwIfNoEntry: false returns undefined for ENOTDIR, which Node 20 throws): the bad-input cases
// here are the ones that difference broke. The verify of an image that is not there goes to the
// test bed's registry over node:http on both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundle } from '../helpers/action-bundle.js';
import { readCosignFacts, readNode24, readTestImages, REPO_ROOT } from '../helpers/docker-env.js';
import { makeRecord, pipEntry } from '../helpers/records.js';
import { cannotRun } from '../helpers/tools.js';

const node24 = readNode24();
const cosign = readCosignFacts();
const images = readTestImages();
const missing = 'missing' in node24 ? node24.missing : 'missing' in cosign ? cosign.missing : undefined;
const skip =
  missing !== undefined &&
  cannotRun('the Node 24 runs of dist/', missing, 'run scripts/test-env.sh (it fetches Node 24)');

const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');

describe.skipIf(skip)('dist/ on Node 24 ends as on this Node', () => {
  let ws: string;
  beforeAll(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-node24-it-'));
    writeFileSync(path.join(ws, 'afile'), 'not a directory\n');
    mkdirSync(path.join(ws, 'proj'));
    writeFileSync(
      path.join(ws, 'proj', 'ml-image.yml'),
      [
        'image: {name: o/m, registry: localhost:5000}',
        'variants: [cpu]',
        "python: {version: '3.11', requirements: [../afile/requirements.txt]}",
      ].join('\n'),
    );
    const record = makeRecord({ pip: [pipEntry('torch', '1.13.1'), pipEntry('numpy', '1.26.4')] });
    writeFileSync(path.join(ws, 'env.json'), JSON.stringify(record));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  /** The command run from dist/ by NODE in the workspace: its exit code and output, made comparable. */
  const run = (node: string, args: string[]) => {
    const r = spawnSync(node, [CLI, ...args], {
      cwd: ws,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', CI: '', GITHUB_ACTIONS: '' },
      timeout: 60_000,
    });
    const text = `${r.stdout}${r.stderr}`
      .replaceAll(ws, '<ws>')
      .replace(/\bv2\d\.\d+\.\d+\b/g, '<node>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>');
    return { code: r.status, text };
  };
  const both = (args: string[]) => {
    const here = run(process.execPath, args);
    const there = run((node24 as { node: string }).node, args);
    expect(there).toEqual(here);
    return there;
  };

  it('runs on Node 24 at all', () => {
    const r = spawnSync((node24 as { node: string }).node, ['--version'], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^v24\./);
    expect(both(['--version']).code).toBe(0);
  });

  it('plan of the bundled example: the same targets', () => {
    const r = both([
      'plan',
      '--config',
      path.join(REPO_ROOT, 'examples', 'hello-ml', 'ml-image.yml'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.text).toContain('linux/arm64');
  });

  it('a requirements file under a file (ENOTDIR): exit 2 naming why, not "file not found"', () => {
    const r = both(['plan', '--config', path.join(ws, 'proj', 'ml-image.yml')]);
    expect(r.code).toBe(2);
    expect(r.text).toContain('a path component is not a directory (ENOTDIR)');
  });

  it('verify --key under a file (ENOTDIR): exit 2 naming it, no registry asked', () => {
    const r = both([
      'verify',
      '--key',
      path.join(ws, 'afile', 'cosign.pub'),
      `localhost:5000/o/m@sha256:${'0'.repeat(64)}`,
    ]);
    expect(r.code).toBe(2);
    expect(r.text).toContain('a path component is not a directory (ENOTDIR)');
  });

  it("verify of a digest the test bed's registry does not hold: the same answer over node:http", () => {
    const registry = 'missing' in images ? 'localhost:5000' : images.registry;
    const pub = (cosign as { pub: string }).pub;
    const r = both(['verify', '--key', pub, `${registry}/ml-image-it/node24-none@sha256:${'1'.repeat(64)}`]);
    expect(r.code).not.toBe(0);
    expect(r.text).toContain('node24-none');
  });

  it('sbom of a record: the same components (CycloneDX)', () => {
    const sbom = (node: string) => {
      const r = spawnSync(node, [CLI, 'sbom', '--record', path.join(ws, 'env.json')], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const doc = JSON.parse(r.stdout) as { components: { purl?: string }[] };
      return doc.components.map((c) => c.purl ?? '').sort();
    };
    const there = sbom((node24 as { node: string }).node);
    expect(there).toEqual(sbom(process.execPath));
    expect(there).toContain('pkg:pypi/torch@1.13.1');
  });

  it("the action's post step with nothing to clean: exit 0, no warning", async () => {
    const r = await runBundle(
      ws,
      {},
      {},
      { STATE_isPost: 'true' },
      undefined,
      (node24 as { node: string }).node,
    );
    expect(r.stdout).not.toContain('::warning::');
    expect(r.code).toBe(0);
  });

  it("the verify sub-action's missing image input: exit 2, as on this Node", async () => {
    const r = await runBundle(
      ws,
      { command: 'verify', image: '' },
      {},
      {},
      undefined,
      (node24 as { node: string }).node,
    );
    expect(r.stdout).toContain('::error::input "image": required');
    expect(r.code).toBe(2);
  });
});
