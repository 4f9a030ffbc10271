// The fork poster (report/ with from-artifact): an untrusted artifact, a privileged token. Against
// the fake GitHub API (every request checked against GitHub's OpenAPI description).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { writeCommentArtifact } from '../../src/report/artifact.js';
import { buildReportModel } from '../../src/report/model.js';
import { postFromArtifact } from '../../src/report/poster.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord } from '../helpers/records.js';

const HEAD = 'a'.repeat(40);
let dir: string;
let api: GitHubApi;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-poster-'));
  api = await startGitHubApi();
});
afterEach(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

function model(pip: Record<string, string>) {
  return buildReportModel({
    image: 'ghcr.io/acme/model',
    variant: 'cpu',
    entries: [
      {
        platform: 'linux/amd64',
        head: makeRecord({ pip }),
        base: makeRecord({ pip: { numpy: '1.26.4' } }),
      },
    ],
    baseline: { ref: 'main' },
  });
}

function setup(opts: { workflowRunSha?: string; prHead?: string; artifactSha?: string } = {}) {
  writeCommentArtifact(dir, {
    schemaVersion: 1,
    prNumber: 7,
    headSha: opts.artifactSha ?? HEAD,
    repository: 'acme/model',
    reports: [model({ numpy: '2.1.0', '<script>alert(1)</script>': '1.0', '@octocat-pkg': '2.0' })],
  });
  api.seedPull({
    owner: 'acme',
    repo: 'model',
    number: 7,
    headSha: opts.prHead ?? HEAD,
    headRepo: 'someone/model',
  });
  const eventFile = path.join(dir, 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({
      workflow_run: {
        head_sha: opts.workflowRunSha ?? HEAD,
        pull_requests: [],
        head_repository: { full_name: 'someone/model' },
      },
    }),
  );
  const warnings: string[] = [];
  const io = {
    env: { GITHUB_REPOSITORY: 'acme/model', GITHUB_EVENT_PATH: eventFile, GITHUB_API_URL: api.url },
    token: 'ghs_posterTOKEN',
    // Writes not spaced (the first test posts through the default client, spaced as on GitHub).
    client: (token: string, baseUrl: string) =>
      createGitHubClient({ token, baseUrl, retry: { msPerSecond: 1, paceWrites: false } }),
    info: () => undefined,
    warning: (m: string) => warnings.push(m),
  };
  return { io, warnings };
}

describe('fork poster', () => {
  it('re-validates, re-renders and posts one comment on the pull request the run built', async () => {
    const { io: fast } = setup();
    const io = { ...fast, client: undefined };
    const r = await postFromArtifact(dir, io);
    expect(r.verdicts[0]).toMatch(/^cpu: .*numpy/i);
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.split('\n')[0]).toMatch(/^<!-- ml-image-report:ghcr\.io\/acme\/model -->$/);
    // Hostile package names from the fork arrive escaped, never live.
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/(^|[^\w`])@octocat/);
    expect(api.state.violations).toEqual([]);
    // A second delivery of the same artifact updates, never duplicates.
    await postFromArtifact(dir, io);
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(1);
  });

  it("posts nothing when the pull request is at another commit (a newer push, or a fork aiming at someone else's PR)", async () => {
    const { io, warnings } = setup({ prHead: 'b'.repeat(40) });
    expect((await postFromArtifact(dir, io)).verdicts).toEqual([]);
    expect(warnings.join('\n')).toMatch(
      /pull request #7 is at b{40}, not at the artifact's a{40}: not posted/,
    );
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(0);
  });

  it('refuses to run outside a workflow_run job', async () => {
    const { io } = setup();
    await expect(postFromArtifact(dir, { ...io, env: { ...io.env, GITHUB_EVENT_PATH: '' } })).rejects.toThrow(
      /workflow_run job/,
    );
  });

  it('refuses an artifact for another commit than the triggering run built', async () => {
    const { io } = setup({ workflowRunSha: 'c'.repeat(40) });
    await expect(postFromArtifact(dir, io)).rejects.toThrow(/headSha/);
    expect(api.state.requests).toHaveLength(0);
  });

  it('refuses a report that does not match the model schema', async () => {
    const { io } = setup();
    writeCommentArtifact(dir, {
      schemaVersion: 1,
      prNumber: 7,
      headSha: HEAD,
      repository: 'acme/model',
      reports: [{ markdown: '<img src=x onerror=alert(1)>' }],
    });
    await expect(postFromArtifact(dir, io)).rejects.toThrow(/ml-image-comment\.json/);
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(0);
  });

  it('never prints the token', async () => {
    const { io } = setup();
    const lines: string[] = [];
    await postFromArtifact(dir, { ...io, info: (m) => lines.push(m), warning: (m) => lines.push(m) });
    expect(lines.join('\n')).not.toContain('ghs_posterTOKEN');
  });
});
