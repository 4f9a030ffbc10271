// The templates' shared user block (images/*/Dockerfile "user-and-caches") run for real in the test
// bed's Python image: app gets APP_UID where the base has none there, and where a base ships
// Ubuntu 24.04's user "ubuntu" at that UID (nvidia/cuda and NGC images on Ubuntu 24.04); another
// user at that UID keeps it, and app takes the next one. A base that has app already (one built
// from a template) keeps it at its UID; a group app is app's group.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';

const env = inject('dockerEnv');

/** The RUN of the shared block, as a shell script (its line continuations joined). */
function userBlock(): string {
  const text = readFileSync(path.join(REPO_ROOT, 'images/cuda/Dockerfile'), 'utf8');
  const block = text.slice(
    text.indexOf('# --- shared: user-and-caches ---'),
    text.indexOf('# --- end shared ---'),
  );
  const run = block.slice(block.indexOf('RUN ') + 4);
  return run.replace(/\\\n/g, ' ').trim();
}

describe.skipIf(!env.available)('templates: the app user', () => {
  const uids = (before: string) =>
    execFileSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'none',
        '--entrypoint',
        'sh',
        env.images!.pythonAmd64,
        '-c',
        `set -e; ${before} APP_UID=1000; ${userBlock()}; echo "$(id -u app) $(id -g app) $(getent passwd ubuntu | cut -d: -f3) $(getent passwd other | cut -d: -f3)"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    ).trim();

  // "UID GID-of-app UID-of-ubuntu UID-of-other"
  it.each([
    ['a base with no user at 1000', '', '1000 1000'],
    ["a base with Ubuntu 24.04's user ubuntu at 1000", 'useradd -m -u 1000 ubuntu;', '1000 1000'],
    ['a base with another user at 1000', 'useradd -m -u 1000 other;', '1001 1001  1000'],
    // An image built from a template, as a variant's base: its app is kept, at its UID.
    ['a base built from a template (the block run twice)', `APP_UID=1000; ${userBlock()};`, '1000 1000'],
    ['a base with a user app at another UID', 'useradd -m -u 1234 app;', '1234 1234'],
    ['a base with a group app', 'groupadd -g 1500 app;', '1000 1500'],
    [
      'a base with a group app and another user at 1000',
      'groupadd -g 1500 app; useradd -m -u 1000 other;',
      '1001 1500  1000',
    ],
  ])('%s', (_what, before, want) => {
    expect(uids(before)).toBe(want);
  });

  it('a base whose user app is root is refused', () => {
    expect(() => uids('useradd -o -u 0 -g 0 -M app;')).toThrow(/user app is root/);
  });
});
