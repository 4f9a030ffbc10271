// The templates' shared user block (images/*/Dockerfile "user-and-caches") run for real in the test
// bed's Python image: app gets APP_UID where the base has none there, and where a base ships
// Ubuntu 24.04's user "ubuntu" at that UID (nvidia/cuda and NGC images on Ubuntu 24.04); another
// user at that UID keeps it, and app takes the next one.
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
        `set -e; ${before} APP_UID=1000; ${userBlock()}; echo "$(id -u app) $(getent passwd ubuntu | cut -d: -f3) $(getent passwd other | cut -d: -f3)"`,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    ).trim();

  it.each([
    ['a base with no user at 1000', '', '1000'],
    ["a base with Ubuntu 24.04's user ubuntu at 1000", 'useradd -m -u 1000 ubuntu;', '1000'],
    ['a base with another user at 1000', 'useradd -m -u 1000 other;', '1001  1000'],
  ])('%s', (_what, before, want) => {
    expect(uids(before)).toBe(want);
  });
});
