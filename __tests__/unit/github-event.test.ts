// The runner's event payload is parsed with a schema of the fields used (src/github/event.ts):
// unknown fields dropped, a section of the wrong shape left out, an unusable file an empty event.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GitHubEvent, parseGitHubEvent, readGitHubEventFile } from '../../src/github/event.js';

describe('parseGitHubEvent', () => {
  it.each<[string, unknown, GitHubEvent]>([
    [
      'a pull_request event: the fields used, nothing else',
      {
        action: 'synchronize',
        pull_request: {
          number: 12,
          title: 'x',
          head: { sha: 'abc', repo: { full_name: 'fork/model', fork: true, private: false } },
          base: { ref: 'main', repo: { full_name: 'acme/model' } },
        },
        repository: { full_name: 'acme/model', default_branch: 'main', private: false },
        sender: { login: 'octocat' },
      },
      {
        pull_request: {
          number: 12,
          head: { sha: 'abc', repo: { full_name: 'fork/model', fork: true } },
          base: { ref: 'main', repo: { full_name: 'acme/model' } },
        },
        repository: { full_name: 'acme/model', default_branch: 'main' },
      },
    ],
    [
      'a deleted fork: head.repo null',
      { pull_request: { number: 3, head: { sha: 'abc', repo: null } } },
      { pull_request: { number: 3, head: { sha: 'abc', repo: null } } },
    ],
    [
      'a push deleting a branch: head_commit null',
      { head_commit: null, repository: { default_branch: 'main' } },
      { head_commit: null, repository: { default_branch: 'main' } },
    ],
    [
      'a push',
      { head_commit: { timestamp: '2026-01-02T03:04:05Z', id: 'abc' } },
      { head_commit: { timestamp: '2026-01-02T03:04:05Z' } },
    ],
    [
      'a push whose timestamp is no date: the timestamp left out, as when absent',
      { head_commit: { timestamp: 'not a date', id: 'abc' }, repository: { default_branch: 'main' } },
      { head_commit: {}, repository: { default_branch: 'main' } },
    ],
    [
      'a workflow_run event',
      {
        workflow_run: {
          head_sha: 'abc',
          pull_requests: [{ number: 7, url: 'u' }],
          head_repository: { full_name: 'fork/model' },
        },
      },
      {
        workflow_run: {
          head_sha: 'abc',
          pull_requests: [{ number: 7 }],
          head_repository: { full_name: 'fork/model' },
        },
      },
    ],
    [
      'a section of the wrong shape is left out, the rest kept',
      { pull_request: { number: '12' }, repository: { default_branch: 'main' } },
      { repository: { default_branch: 'main' } },
    ],
    ['not an object', null, {}],
    ['an array', [1, 2], {}],
  ])('%s', (_name, json, want) => {
    expect(parseGitHubEvent(json)).toEqual(want);
  });
});

describe('readGitHubEventFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gh-event-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it.each([
    ['no path', undefined],
    ['an empty path', ''],
    ['a missing file', path.join(dir, 'missing.json')],
    ['not JSON', file('bad.json', '{ not json')],
    ['JSON null', file('null.json', 'null')],
    // Refused by what they are, never read: a FIFO there would block, /dev/zero never end.
    ['a directory', dir],
    ['/dev/zero', '/dev/zero'],
  ])('%s: an empty event', (_name, p) => {
    expect(readGitHubEventFile(p)).toEqual({});
  });

  it('reads and parses the payload', () => {
    const p = file('event.json', JSON.stringify({ pull_request: { number: 5, extra: 1 } }));
    expect(readGitHubEventFile(p)).toEqual({ pull_request: { number: 5 } });
  });
});
