// `ml-image run` and `ml-image build` in CI keep to what the action keeps to: never a stage on
// pull_request_target (a write token and secrets beside the checked-out code), and a run that may
// build a pull request's code (an /ok-to-test run, whose GITHUB_REF is the default branch's) saves
// no baseline. Found by a review of cache and state poisoning: the CLI saved every run's records.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { baselineSave } from '../../src/cli/commands/run.js';
import { captureIo } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cli-untrusted-'));
  writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: acme/model}\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const RUNNER = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/model', GITHUB_REF: 'refs/heads/main' };

describe('the CLI on pull_request_target', () => {
  it.each(['run', 'build'])('ml-image %s: exit 2 before anything runs', async (command) => {
    const io = captureIo(dir, undefined, { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request_target' });
    const code = await runCli([command, '--json'], io);
    expect(code).toBe(2);
    expect(JSON.parse(io.out()).error.message).toMatch(
      new RegExp(`^ml-image ${command} does not run its stages on pull_request_target: `),
    );
  });
});

describe("ml-image run's baseline", () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['a push', { ...RUNNER, GITHUB_EVENT_NAME: 'push' }, true],
    ['off GitHub', {}, true],
    ['an issue_comment (/ok-to-test) run', { ...RUNNER, GITHUB_EVENT_NAME: 'issue_comment' }, false],
    ["a pull request's run", { ...RUNNER, GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'f' }, false],
    ["Dependabot's push", { ...RUNNER, GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'dependabot[bot]' }, false],
  ])('%s: saved %s', (_n, env, saved) => {
    expect(baselineSave(env, {}, 'main', 'f'.repeat(40))).toEqual(
      saved ? { saveAs: { branch: 'main', sha: 'f'.repeat(40) } } : {},
    );
  });

  // The event the command read once (no second read of GITHUB_EVENT_PATH): a workflow_run's trust
  // is its payload's.
  it.each<[string, string, boolean]>([
    ["after this repository's push", 'acme/model', true],
    ["after a fork's pull request", 'someone/model', false],
  ])('a workflow_run %s: saved %s', (_n, head, saved) => {
    const env = { ...RUNNER, GITHUB_EVENT_NAME: 'workflow_run', GITHUB_REPOSITORY: 'acme/model' };
    const event = {
      workflow_run: {
        event: head === 'acme/model' ? 'push' : 'pull_request',
        head_repository: { full_name: head },
      },
    };
    expect('saveAs' in baselineSave(env, event, 'main', 'f'.repeat(40))).toBe(saved);
  });
});
