// On a runner, a pull request's config file that is a link out of the workspace is refused unread:
// ml-image.yml runs plan and report for a fork's pull request on control-runner (which may be
// self-hosted and hold credentials), and a file read as the config is quoted in the public log
// ("image: expected a mapping, got ..."). The files a config names are held to the workspace
// (workspace-file.ts); the config itself now is too. Off a runner, or named outside the workspace
// by the workflow itself, it is read.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';

let root: string;
let workspace: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'rv-config-link-'));
  workspace = path.join(root, '_work', 'model', 'model');
  // Another repository's checkout on the same persistent runner (or the runner user's home).
  outside = path.join(root, '_work', 'private-repo', 'private-repo');
  mkdirSync(workspace, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(
    path.join(outside, 'secrets.yml'),
    'image: internal-registry-password-s3cr3t\nplatforms: [deploy-key-AKIAEXAMPLE]\n',
  );
  // What a fork's pull request commits in place of ml-image.yml.
  symlinkSync('../../private-repo/private-repo/secrets.yml', path.join(workspace, 'ml-image.yml'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = () => ({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace });

describe('a config file that links out of the workspace, on a runner', () => {
  it('is refused without reading it (the default name)', () => {
    let message = '';
    try {
      loadConfig({ cwd: workspace, env: env() });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('s3cr3t');
    expect(message).not.toContain('AKIAEXAMPLE');
    expect(message).toMatch(/outside the workspace/);
  });

  it('is refused without reading it (config input given)', () => {
    let message = '';
    try {
      loadConfig({ cwd: workspace, file: 'ml-image.yml', env: env() });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('s3cr3t');
    expect(message).toMatch(/outside the workspace/);
  });

  it("off a runner it is read (a link is the user's own)", () => {
    expect(() => loadConfig({ cwd: workspace, env: {} })).toThrow(/image: expected a mapping/);
  });

  it('a config the workflow names outside the workspace is read', () => {
    writeFileSync(path.join(outside, 'ml-image.yml'), 'image: {name: acme/model}\n');
    const loaded = loadConfig({ cwd: workspace, file: path.join(outside, 'ml-image.yml'), env: env() });
    expect(loaded.config.image.name).toBe('acme/model');
  });

  it('is refused when GITHUB_WORKSPACE is given through a link and the CLI runs from the real path (finding)', () => {
    // The runner's _work on a bigger disk, linked: process.cwd() is the physical path.
    const linked = path.join(root, 'work-link');
    symlinkSync(path.join(root, '_work'), linked);
    const linkedEnv = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: path.join(linked, 'model', 'model') };
    let message = '';
    try {
      loadConfig({ cwd: workspace, env: linkedEnv });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('s3cr3t');
    expect(message).toMatch(/outside the workspace/);
  });
});
