// The action on a pull request whose run reports no variant (no environment record of any: every
// capture failed, or the build before it): report.md still says so (report-none-reported.test.ts),
// and the outputs name it as they name a run with reports: report-path the run's report.md, verdict
// each variant as not reported, as the comment and the job summary do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type ActionIo, run } from '../../src/action/run.js';
import { UNREPORTED_VERDICT } from '../../src/report/render/run.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-action-none-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a pull request run with no variant reported: report-path and verdict name its report.md and each variant', async () => {
  writeFileSync(
    path.join(dir, 'ml-image.yml'),
    'image: {name: acme/model}\nvariants: [cpu, cuda12.8]\nplatforms: [linux/amd64]\n',
  );
  const head = 'c'.repeat(40);
  const event = path.join(dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: head, repo: { full_name: 'acme/model' } },
        base: { ref: 'main' },
      },
      repository: { full_name: 'acme/model', default_branch: 'main' },
    }),
  );
  const inputs: Record<string, string> = {
    config: 'ml-image.yml',
    stages: 'report',
    build: 'false',
    baseline: 'none',
    'comment-mode': 'off',
  };
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const io: ActionIo = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => void (outputs[n] = v),
    setFailed: (m) => void failed.push(m),
    error: () => undefined,
    warning: () => undefined,
    info: () => undefined,
    group: (_n, fn) => fn(),
    cwd: dir,
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REPOSITORY: 'acme/model',
    },
    docker: () => fakeDocker(),
  };
  await run(io);
  expect(failed).toEqual([]);
  const report = path.join(dir, 'ml-image-results', 'report.md');
  expect(readFileSync(report, 'utf8')).toContain('No variant of this run was reported');
  expect(outputs['report-path']).toBe(report);
  expect(outputs.verdict!.split('\n')).toEqual([
    `cpu: ${UNREPORTED_VERDICT}`,
    `cuda12.8: ${UNREPORTED_VERDICT}`,
  ]);
});
