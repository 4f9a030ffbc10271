// The provenance names every requirements file the build read by digest: python.requirements, their
// -r includes and their -c constraints files (a change to an included file changes what was built).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { runAttest } from '../../src/pipeline/attest.js';
import type { GitContext } from '../../src/plan/schema.js';
import { openResultDir } from '../../src/results/results.js';
import { fixture, FIXTURE_PASSWORD } from '../helpers/cosign-keys.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-attest-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The provenance's resolvedDependencies of one attest run of DIR's config (CHANGE: after it is loaded). */
async function dependencies(
  change: () => void = () => undefined,
  git?: GitContext,
  runEnv: Record<string, string> = {},
): Promise<{ uri?: string; name?: string; digest?: Record<string, string> }[]> {
  const loaded = loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') });
  change();
  const texts: string[] = [];
  await runAttest(
    {
      plan: { variants: [] } as never,
      ...(git && { git }),
      loaded,
      build: {
        schemaVersion: 1,
        variants: [
          {
            variant: 'cpu',
            repository: 'ghcr.io/o/m',
            tags: [],
            baseImage: 'python:3.12-slim',
            platforms: [
              { platform: 'linux/amd64', digest: DIGEST, durationMs: 1, attempts: 1, metadata: {} },
            ],
          },
        ],
      },
      smoke: [],
      resolved: {},
      results: openResultDir(path.join(dir, 'out')),
      env: { COSIGN_KEY: fixture('fixture.key'), COSIGN_PASSWORD: FIXTURE_PASSWORD, ...runEnv },
      now: new Date('2026-01-05T10:00:00Z'),
    },
    {
      signer: () => ({
        sign: async () => undefined,
        attest: async (_ref, p) => void texts.push(p.text ?? ''),
      }),
      progress: () => undefined,
      warning: () => undefined,
    },
  );
  const provenance = texts.map((t) => JSON.parse(t)).find((x) => 'buildDefinition' in x);
  expect(provenance).toBeDefined();
  return provenance.buildDefinition.resolvedDependencies;
}

const config = (requirements: string[]) =>
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    `image:\n  name: o/m\nvariants: [cpu]\nplatforms: [linux/amd64]\npython:\n  requirements: [${requirements.join(', ')}]\nattest: {sign: key, types: [provenance]}\n`,
  );

describe('provenance: the requirements files by digest', () => {
  it('names the -r includes and -c files too, each once, relative to the config', async () => {
    mkdirSync(path.join(dir, 'req'));
    const files = {
      'requirements.txt': 'numpy<2\n-r req/extra.txt\n-c req/pins.txt\n',
      'req/extra.txt': 'scipy\n-c pins.txt\n',
      'req/pins.txt': 'scipy<1.12\n',
    };
    for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
    config(['requirements.txt']);
    const deps = await dependencies();
    const named = deps.filter((d) => d.uri !== undefined && !d.uri.includes('python'));
    expect(named).toEqual(Object.entries(files).map(([f, t]) => ({ uri: f, digest: { sha256: sha(t) } })));
  });

  it('a file that no longer reads as requirements (changed since the build): the files the config names', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n-r gone.txt\n');
    config(['requirements.txt']);
    const deps = await dependencies();
    expect(deps.filter((d) => d.uri === 'requirements.txt')).toHaveLength(1);
    expect(deps.some((d) => d.uri?.includes('gone'))).toBe(false);
  });

  it('a named file that is a directory by the time it is attested: left out, the run goes on', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n');
    writeFileSync(path.join(dir, 'req'), 'scipy\n');
    config(['requirements.txt', 'req']);
    const deps = await dependencies(() => {
      rmSync(path.join(dir, 'req'));
      mkdirSync(path.join(dir, 'req'));
    });
    expect(deps.filter((d) => d.uri === 'requirements.txt')).toEqual([
      { uri: 'requirements.txt', digest: { sha256: sha('numpy<2\n') } },
    ]);
    expect(deps.some((d) => d.uri === 'req')).toBe(false);
  });
});

describe("provenance: the source off GitHub, from the run's git context", () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';
  it.each([
    [
      'a checkout of a branch',
      { sha: SHA, ref: 'refs/heads/dev', repositoryUrl: 'https://gitlab.corp/ml/model' },
      { uri: 'git+https://gitlab.corp/ml/model@refs/heads/dev', digest: { gitCommit: SHA } },
    ],
    [
      'a login in the URL: taken out',
      { sha: SHA, repositoryUrl: 'https://ci:s3cr3tPl4nted@gitlab.corp/ml/model' },
      { uri: 'git+https://gitlab.corp/ml/model', digest: { gitCommit: SHA } },
    ],
    ['no repository URL: none', { sha: SHA, ref: 'refs/heads/dev' }, undefined],
    ['no git context: none', undefined, undefined],
  ])('%s', async (_what, git, dep) => {
    config(['requirements.txt']);
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    const deps = await dependencies(undefined, git);
    expect(deps.filter((d) => d.digest?.gitCommit !== undefined)).toEqual(dep ? [dep] : []);
    expect(JSON.stringify(deps)).not.toContain('s3cr3tPl4nted');
  });

  it("in Actions, a git context that names no commit (a pull request's code, its checkout not read): no source, not GITHUB_SHA", async () => {
    config(['requirements.txt']);
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'issue_comment',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/model',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
    };
    const git = { ref: 'refs/heads/main', repositoryUrl: 'https://github.com/acme/model' };
    const deps = await dependencies(undefined, git, env);
    expect(deps.filter((d) => d.digest?.gitCommit !== undefined)).toEqual([]);
    // The same run with the checkout read: that commit, without the default branch's ref.
    const other = 'f'.repeat(40);
    const read = await dependencies(undefined, { ...git, sha: other }, env);
    expect(read.filter((d) => d.digest?.gitCommit !== undefined)).toEqual([
      { uri: 'git+https://github.com/acme/model', digest: { gitCommit: other } },
    ]);
  });
});
