// The bundled action (dist/index.js) run as a GitHub runner runs it: INPUT_* variables, the
// GITHUB_OUTPUT file, against the real engine, buildx and local registry.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { runBundle } from '../helpers/action-bundle.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { startGitHubApi } from '../helpers/github-api.js';
import { startWheelIndex, type WheelIndex } from '../helpers/wheel-index.js';

const env = inject('dockerEnv');
const PLANTED = 'plantedE2Etok3n7x9q2';

interface RunOptions {
  event?: object;
  eventName?: string;
  ref?: string;
  env?: Record<string, string>;
}

function runAction(inputs: Record<string, string>, workspace: string, opts: RunOptions = {}) {
  // A push event to the default branch unless told otherwise, as the runner writes it.
  return runBundle(
    workspace,
    inputs,
    opts.event ?? { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
    {
      GITHUB_SHA: 'feedc0de1234567890',
      GITHUB_REF: opts.ref ?? 'refs/heads/main',
      GITHUB_EVENT_NAME: opts.eventName ?? 'push',
      GITHUB_REPOSITORY: 'o/hello-ml',
      GITHUB_RUN_ID: '4242',
      ...opts.env,
    },
  );
}

describe.skipIf(!env.available)('the bundled action on a runner-like environment', () => {
  const images = env.images!;
  let index: WheelIndex;
  let ws: string;
  beforeAll(async () => {
    index = await startWheelIndex([{ name: 'tqdm', version: '4.66.0' }]);
    ws = mkdtempSync(path.join(tmpdir(), 'ml-image-action-it-'));
  });
  afterAll(async () => {
    await index?.close();
    rmSync(ws, { recursive: true, force: true });
  });

  it('validates, plans and builds the example for both platforms, publishing digests and tags', async () => {
    const example = path.join(REPO_ROOT, 'examples', 'hello-ml');
    // On a runner the requirements must be in the workspace.
    copyFileSync(path.join(example, 'requirements.txt'), path.join(ws, 'requirements.txt'));
    writeFileSync(
      path.join(ws, 'ml-image.yml'),
      stringify({
        image: { name: 'ml-image-it/action-hello', registry: images.registry, version: '0.2.0' },
        variants: [{ python: '3.11' }],
        python: { requirements: ['requirements.txt'], indexUrl: index.url },
        build: {
          context: example,
          network: 'host',
          mirrors: { 'docker.io/library/python': `${images.registry}/ml-image-test/python` },
        },
      }),
    );
    const r = await runAction({ config: 'ml-image.yml', 'result-dir': 'results' }, ws);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('::group::build cpu linux/arm64');
    const digests = JSON.parse(r.outputs.digests!);
    expect(digests.cpu).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tags = JSON.parse(r.outputs.tags!).cpu as string[];
    const repo = `${images.registry}/ml-image-it/action-hello`;
    // On the default branch: version, sha, the variant's moving tag and latest (first variant).
    expect(tags).toEqual([`${repo}:0.2.0-cpu`, `${repo}:sha-feedc0d-cpu`, `${repo}:cpu`, `${repo}:latest`]);
    expect(JSON.parse(r.outputs.matrix!).include).toHaveLength(2);
    const build = JSON.parse(readFileSync(path.join(ws, 'results', 'build.json'), 'utf8'));
    expect(build.variants[0].digest).toBe(digests.cpu);
  });

  it('runs plan -> resolve -> build -> smoke -> report end to end: baseline on main, one sticky comment on the PR', async () => {
    const api = await startGitHubApi();
    const e2e = mkdtempSync(path.join(tmpdir(), 'ml-image-e2e-'));
    try {
      const config = path.join(REPO_ROOT, 'examples', 'hello-ml', 'ml-image.yml');
      const inputs = {
        config,
        image: 'ml-image-it/e2e-hello',
        'result-dir': 'results',
        baseline: 'baselines',
        'github-token': 'ghs_e2eSECRETtoken0123456789',
      };
      // 1. A push to main: everything runs; no baseline yet; the records become main's baseline.
      const main = await runAction(inputs, e2e);
      expect(main.code, main.stdout).toBe(0);
      expect(main.outputs['smoke-status']).toBe('pass');
      expect(main.stdout).toContain('::group::smoke cpu linux/arm64');
      expect(main.outputs.verdict).toMatch(/^cpu: .*first run/i);
      for (const f of [
        'env-cpu-amd64.json',
        'env-cpu-arm64.json',
        'smoke-cpu-arm64.json',
        'junit-cpu-amd64.xml',
        'report-cpu.md',
      ])
        expect(existsSync(path.join(e2e, 'results', f)), f).toBe(true);
      expect(readdirSync(path.join(e2e, 'baselines'))).toHaveLength(1);
      expect(api.state.requests).toHaveLength(0);

      // 2. A pull request (same repository): diffed against main, posted as one comment.
      const prRun = (extra: Record<string, string> = {}) =>
        runAction({ ...inputs, ...extra }, e2e, {
          eventName: 'pull_request',
          ref: 'refs/pull/7/merge',
          event: {
            pull_request: {
              number: 7,
              head: { sha: 'a'.repeat(40), repo: { full_name: 'o/hello-ml', fork: false } },
              base: { ref: 'main' },
            },
            repository: { default_branch: 'main' },
          },
          env: {
            GITHUB_API_URL: api.url,
            GITHUB_BASE_REF: 'main',
            GITHUB_HEAD_REF: 'feature',
            // A private index with a token in its URL, as a runner's environment would carry it.
            PIP_EXTRA_INDEX_URL: `http://mlimg:${PLANTED}@127.0.0.1:5001/simple`,
          },
        });
      const pr = await prRun();
      expect(pr.code, pr.stdout).toBe(0);
      const comments = api.commentsOn('o', 'hello-ml', 7);
      expect(comments).toHaveLength(1);
      const body = comments[0]!.body;
      expect(body.split('\n')[0]).toMatch(/^<!-- ml-image-report:\S*e2e-hello\S* -->$/);
      expect(body).not.toMatch(/first run/i);
      expect(pr.summary.split('\n')[0]).toBe(body.split('\n')[0]);
      expect(api.state.violations).toEqual([]);

      // The planted index token reached pip (the build passed) and nothing that can be read:
      // the log (beyond the runner's ::add-mask::), the job summary, the comment, the result files,
      // and the pushed image (history, config, labels).
      expect(pr.stdout).toMatch(new RegExp(`^::add-mask::${PLANTED}$`, 'm'));
      expect(pr.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(PLANTED);
      expect(pr.summary).not.toContain(PLANTED);
      expect(body).not.toContain(PLANTED);
      for (const f of readdirSync(path.join(e2e, 'results'), { recursive: true, withFileTypes: true }))
        if (f.isFile())
          expect(readFileSync(path.join(f.parentPath, f.name), 'utf8'), f.name).not.toContain(PLANTED);
      const pushed = JSON.parse(pr.outputs['platform-digests']!).cpu['linux/amd64'] as string;
      const ref = `${images.registry}/ml-image-it/e2e-hello@${pushed}`;
      for (const args of [
        ['history', '--no-trunc', ref],
        ['image', 'inspect', ref],
      ]) {
        const d = spawnSync('docker', args, { encoding: 'utf8' });
        expect(d.status, d.stderr).toBe(0);
        expect(d.stdout).not.toContain(PLANTED);
      }

      // 3. The report again (a re-run): the same comment is updated in place, never a second one.
      const again = await prRun({ stages: 'report' });
      expect(again.code, again.stdout).toBe(0);
      expect(api.commentsOn('o', 'hello-ml', 7).map((c) => c.id)).toEqual([comments[0]!.id]);
      expect(api.state.violations).toEqual([]);
      // The token is masked (the runner consumes ::add-mask:: and never shows it) and printed nowhere else.
      for (const r of [main, pr, again]) {
        expect(r.stdout).toMatch(/^::add-mask::ghs_e2eSECRETtoken0123456789$/m);
        expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('ghs_e2eSECRETtoken0123456789');
      }
    } finally {
      await api.close();
      rmSync(e2e, { recursive: true, force: true });
    }
  });

  it('fails the step with an annotation per config problem', async () => {
    writeFileSync(path.join(ws, 'bad.yml'), 'image: {name: a/b}\nvariants: [{cuda: cu128}]\n');
    const r = await runAction({ config: 'bad.yml' }, ws);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '::error title=ml-image config,file=bad.yml,line=2::line 2: variants[0].cuda: expected a version like "12.8", got "cu128"',
    );
  });
});
