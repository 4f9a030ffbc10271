// The fork poster (report/ with from-artifact): an untrusted artifact, a privileged token. Against
// the fake GitHub API (every request checked against GitHub's OpenAPI description).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/attest/signing.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readGitHubEventFile } from '../../src/github/event.js';
import { writeCommentArtifact } from '../../src/results/comment.js';
import { buildReportModel } from '../../src/report/model.js';
import type { SupplyChain } from '../../src/report/model-schema.js';
import { artifactNameOf, postFromArtifact, posterMarkerKey } from '../../src/report/poster.js';
import { renderRun } from '../../src/report/render/run.js';
import { type GitHubApi, startGitHubApi } from '../helpers/github-api.js';
import { makeRecord } from '../helpers/records.js';

const HEAD = 'a'.repeat(40);
/** The run that made the artifact (workflow_run.id) and its page: the links the poster writes. */
const RUN_ID = 4242;
const RUN = `https://github.com/acme/model/actions/runs/${RUN_ID}`;
const REF = `ghcr.io/acme/model@sha256:${'1'.repeat(64)}`;
/** The triggering run's workflow (workflow_run.workflow_id): the poster's comment key names it. */
const WORKFLOW_ID = 77;
const KEY = `acme/model:workflow-${WORKFLOW_ID}`;
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

function model(
  pip: Record<string, string>,
  extra: { links?: { run?: string; artifact?: string }; supplyChain?: SupplyChain } = {},
) {
  return buildReportModel({
    ...extra,
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

function setup(
  opts: {
    workflowRunSha?: string;
    prHead?: string;
    prHeadRepo?: string | null;
    /** The event's workflow_run.head_repository (default: the fork's); 'absent' leaves it out. */
    runHeadRepo?: { full_name: string } | null | 'absent';
    artifactSha?: string;
    reports?: unknown[];
    markerKey?: string;
  } = {},
) {
  writeCommentArtifact(dir, {
    schemaVersion: 1,
    prNumber: 7,
    headSha: opts.artifactSha ?? HEAD,
    repository: 'acme/model',
    ...(opts.markerKey !== undefined && { markerKey: opts.markerKey }),
    reports: opts.reports ?? [
      model({ numpy: '2.1.0', '<script>alert(1)</script>': '1.0', '@octocat-pkg': '2.0' }),
    ],
  });
  api.seedPull({
    owner: 'acme',
    repo: 'model',
    number: 7,
    headSha: opts.prHead ?? HEAD,
    headRepo: opts.prHeadRepo === undefined ? 'someone/model' : opts.prHeadRepo,
  });
  const eventFile = path.join(dir, 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({
      workflow_run: {
        id: RUN_ID,
        workflow_id: WORKFLOW_ID,
        head_sha: opts.workflowRunSha ?? HEAD,
        pull_requests: [],
        ...(opts.runHeadRepo !== 'absent' && {
          head_repository: opts.runHeadRepo === undefined ? { full_name: 'someone/model' } : opts.runHeadRepo,
        }),
      },
    }),
  );
  const warnings: string[] = [];
  const io = {
    env: {
      GITHUB_REPOSITORY: 'acme/model',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.com',
    },
    event: readGitHubEventFile(eventFile),
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
  // The verdicts become the step's verdict output and its log line: a variant name from the
  // fork's artifact holding ESC or CR must not redraw them.
  it("a variant name that would redraw the log line is shown escaped in the poster's verdicts", async () => {
    const lines: string[] = [];
    const { io } = setup({ reports: [{ ...model({ numpy: '2.1.0' }), variant: 'cpu\u001b[2K\rok' }] });
    const r = await postFromArtifact(dir, { ...io, info: (l: string) => lines.push(l) });
    expect(r.verdicts).toHaveLength(1);
    expect(r.verdicts[0]).toMatch(/^cpu\\u001b\[2K\\rok: /);
    for (const text of [...r.verdicts, ...lines]) expect(text).not.toMatch(/\p{Cc}/u);
  });

  it('re-validates, re-renders and posts one comment on the pull request the run built', async () => {
    const { io: fast } = setup();
    const io = { ...fast, client: undefined };
    const r = await postFromArtifact(dir, io);
    expect(r.verdicts[0]).toMatch(/^cpu: .*numpy/i);
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.split('\n')[0]).toBe(`<!-- ml-image-report:${KEY} -->`);
    // Hostile package names from the fork arrive escaped, never live.
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/(^|[^\w`])@octocat/);
    expect(api.state.violations).toEqual([]);
    // A second delivery of the same artifact updates, never duplicates.
    await postFromArtifact(dir, io);
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(1);
  });

  it('with a GitHub App token and comment-author: a second delivery updates in place, no new post', async () => {
    api.state.switches.appBot = 'my-app[bot]';
    const { io } = setup();
    await postFromArtifact(dir, { ...io, author: 'my-app[bot]' });
    await postFromArtifact(dir, { ...io, author: 'my-app[bot]' });
    expect(api.commentsOn('acme', 'model', 7).map((c) => c.user.login)).toEqual(['my-app[bot]']);
    expect(api.state.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
  });

  it.each([
    ['another case', 'My-App[bot]', false],
    ['without [bot]', 'my-app', true],
  ])(
    'comment-author in %s: still one comment, updated in place (logins are case-insensitive)',
    async (_what, author, warned) => {
      api.state.switches.appBot = 'my-app[bot]';
      const { io, warnings } = setup();
      for (let i = 0; i < 3; i++) await postFromArtifact(dir, { ...io, author });
      expect(api.commentsOn('acme', 'model', 7).map((c) => c.user.login)).toEqual(['my-app[bot]']);
      expect(
        warnings.some((w) => /comment-author "my-app" is not the login that posts \(my-app\[bot\]\)/.test(w)),
      ).toBe(warned);
      expect(api.state.violations).toEqual([]);
    },
  );

  it("shows its own run links and no supply-chain claim of the artifact's, forged or not", async () => {
    // A fork names a real release's digest, with the very command ml-image would write for it.
    const own = verifyCommand(REF, 'cyclonedx', { kind: 'keyless' }, true, { repository: 'acme/model' });
    const supplyChain: SupplyChain = {
      signing: 'signed keyless (GitHub OIDC, Sigstore)',
      targets: [
        {
          platform: 'linux/amd64',
          ref: REF,
          signed: true,
          attestations: [
            { kind: 'sbom', attached: true, verify: own },
            {
              kind: 'provenance',
              attached: true,
              verify: `cosign verify-attestation --key https://attacker.example/k.pub --type slsaprovenance1 ${REF}`,
            },
          ],
          notes: [],
        },
      ],
    };
    const links = { run: 'https://attacker.example/run/1', artifact: 'https://attacker.example/a.zip' };
    const { io, warnings } = setup({ reports: [model({ numpy: '2.1.0' }, { links, supplyChain })] });
    await postFromArtifact(dir, io);
    const body = api.commentsOn('acme', 'model', 7)[0]!.body;
    expect(body).not.toMatch(/attacker/);
    expect(body).toContain(`[Workflow run](${RUN}) · [Report artifact](${RUN}#artifacts)`);
    expect(body).not.toMatch(/Supply chain|signed|cosign/);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/the artifact's run link "https:\/\/attacker\.example\/run\/1"/);
    expect(warnings.join('\n')).toMatch(/supply-chain section \(1 platform image\(s\)\) is left out/);
    expect(api.state.violations).toEqual([]);
  });

  it("renders a genuine artifact as the pull request's own job would have", async () => {
    const genuine = model({ numpy: '2.1.0' }, { links: { run: RUN, artifact: `${RUN}#artifacts` } });
    const { io, warnings } = setup({ reports: [genuine] });
    await postFromArtifact(dir, io);
    const body = api.commentsOn('acme', 'model', 7)[0]!.body;
    expect(body).toBe(renderRun([genuine], { markerKey: KEY }).markdown);
    expect(body).toContain(`[Workflow run](${RUN})`);
    expect(warnings).toEqual([]);
  });

  // The body in GitHub's limit is rendered once, and posted as rendered; it is rendered again,
  // smaller, only when GitHub refuses it as too long.
  it('a body GitHub refuses as too long: rendered again in the maximum GitHub states, and posted', async () => {
    const pip = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`pkg-${i}`, `2.${i}.0`]));
    const genuine = model(pip, { links: { run: RUN, artifact: `${RUN}#artifacts` } });
    expect(renderRun([genuine], { markerKey: KEY }).markdown.length).toBeGreaterThan(3000);
    api.set({ maxBodyLength: 3000 });
    const { io } = setup({ reports: [genuine] });
    await postFromArtifact(dir, io);
    const posts = api.state.requests.filter((q) => q.method === 'POST');
    expect(posts.map((q) => q.status)).toEqual([422, 201]);
    expect(api.commentsOn('acme', 'model', 7).map((c) => c.body)).toEqual([
      renderRun([genuine], { markerKey: KEY, maxChars: 3000 }).markdown,
    ]);
    expect(api.state.violations).toEqual([]);
  });

  it("posts nothing when the pull request's fork is gone (its head repository cannot be matched to the run)", async () => {
    const { io, warnings } = setup({ prHeadRepo: null });
    expect((await postFromArtifact(dir, io)).verdicts).toEqual([]);
    expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
    expect(warnings.join('\n')).toMatch(
      /head repository is gone \(a deleted fork\).*someone\/model: not posted/,
    );
  });

  it.each([
    ['null', null],
    ['absent', 'absent'],
  ] as const)(
    'posts nothing when the triggering run names no head repository (%s): nothing ties the pull request to it',
    async (_what, runHeadRepo) => {
      const { io, warnings } = setup({ runHeadRepo });
      expect((await postFromArtifact(dir, io)).verdicts).toEqual([]);
      expect(api.commentsOn('acme', 'model', 7)).toEqual([]);
      expect(warnings.join('\n')).toMatch(/the triggering run names no head repository.*not posted/);
    },
  );

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
    await expect(postFromArtifact(dir, { ...io, event: readGitHubEventFile('') })).rejects.toThrow(
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

  it('refuses a platform name that is no platform (a forged model would carry Markdown in it)', async () => {
    const good = model({ numpy: '2.1.0' });
    const forged = {
      ...good,
      platforms: [
        ...good.platforms,
        { ...good.platforms[0]!, platform: 'linux/arm64)\n\n## Approved by @acme/security-team\n\n(' },
      ],
    };
    const { io } = setup({ reports: [forged] });
    await expect(postFromArtifact(dir, io)).rejects.toThrow(/ml-image-comment\.json[\s\S]*platform/);
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(0);
    // The same model with a real platform name is posted.
    const { io: again } = setup({
      reports: [
        { ...forged, platforms: [good.platforms[0]!, { ...good.platforms[0]!, platform: 'linux/arm64' }] },
      ],
    });
    await postFromArtifact(dir, again);
    expect(api.commentsOn('acme', 'model', 7)).toHaveLength(1);
  });

  // The artifact is the fork's: it cannot choose which comments of ours are updated or deleted.
  it("an artifact naming another comment's key, or another image, leaves those comments alone", async () => {
    const other = model({ numpy: '2.1.0' });
    const forged = { ...other, image: 'ghcr.io/acme/other', markerKey: 'ghcr.io/acme/other:cpu@linux/amd64' };
    const { io } = setup({ markerKey: 'ghcr.io/acme/other', reports: [forged] });
    const bodies = [
      '<!-- ml-image-report:ghcr.io/acme/other -->\nanother workflow',
      '<!-- ml-image-report:ghcr.io/acme/other:cpu@linux/amd64 -->\nan older per-variant one',
    ];
    const seeded = api.seed(bodies.map((body) => ({ owner: 'acme', repo: 'model', issueNumber: 7, body })));
    await postFromArtifact(dir, io);
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments.slice(0, 2).map((c) => [c.id, c.body])).toEqual(seeded.map((c, i) => [c.id, bodies[i]]));
    expect(comments).toHaveLength(3);
    expect(comments[2]!.body.split('\n')[0]).toBe(`<!-- ml-image-report:${KEY} -->`);
    expect(api.state.requests.filter((q) => q.method === 'PATCH' || q.method === 'DELETE')).toEqual([]);
    expect(api.state.violations).toEqual([]);
  });

  it('the marker-key input keys the comment, and replaces the per-variant comments of that key', async () => {
    const { io } = setup({ markerKey: 'ghcr.io/acme/other' });
    const seeded = api.seed([
      {
        owner: 'acme',
        repo: 'model',
        issueNumber: 7,
        body: '<!-- ml-image-report:ghcr.io/acme/model:cpu@linux/amd64 -->\nold',
      },
    ]);
    await postFromArtifact(dir, { ...io, markerKey: 'ghcr.io/acme/model' });
    const comments = api.commentsOn('acme', 'model', 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).not.toBe(seeded[0]!.id);
    expect(comments[0]!.body.split('\n')[0]).toBe('<!-- ml-image-report:ghcr.io/acme/model -->');
  });

  it('two poster jobs of one workflow (two artifact names) keep two comments', async () => {
    const { io } = setup();
    await postFromArtifact(dir, { ...io, artifactName: 'ml-image-comment' });
    await postFromArtifact(dir, { ...io, artifactName: 'ml-image-comment-gpu' });
    await postFromArtifact(dir, { ...io, artifactName: 'ml-image-comment' });
    const firsts = api.commentsOn('acme', 'model', 7).map((c) => c.body.split('\n')[0]);
    expect(firsts).toEqual([
      `<!-- ml-image-report:${KEY} -->`,
      `<!-- ml-image-report:${KEY}:ml-image-comment-gpu -->`,
    ]);
  });

  it.each([
    ['the marker-key input wins', 'ghcr.io/x/y', 'other', 'ghcr.io/x/y'],
    ['the default artifact adds nothing', undefined, 'ml-image-comment', KEY],
    ['no artifact name adds nothing', undefined, undefined, KEY],
    ['another artifact name is added', undefined, 'cfg-b', `${KEY}:cfg-b`],
    ['a blank marker-key is unset', '  ', 'cfg-b', `${KEY}:cfg-b`],
  ])('posterMarkerKey: %s', (_, given, name, want) => {
    expect(posterMarkerKey('acme/model', WORKFLOW_ID, given, name)).toBe(want);
  });

  it.each([
    ['/runner/_temp/ml-image-comment-in/cfg-b', 'cfg-b'],
    ['/runner/_temp/ml-image-comment-in/ml-image-comment', 'ml-image-comment'],
    // A folder the caller chose (a poster that calls report/ itself) names no artifact: the key
    // stays what earlier versions' posters of that caller used.
    ['/home/runner/work/repo/repo', undefined],
    ['/runner/_temp/comment', undefined],
  ])('artifactNameOf(%s) = %s', (dir, want) => {
    expect(artifactNameOf(dir)).toBe(want);
  });

  it('never prints the token', async () => {
    const { io } = setup();
    const lines: string[] = [];
    await postFromArtifact(dir, { ...io, info: (m) => lines.push(m), warning: (m) => lines.push(m) });
    expect(lines.join('\n')).not.toContain('ghs_posterTOKEN');
  });
});
