// The --out files of the commands about one image (src/results/out-dir.ts): resolve's
// requirements.txt and constraints.txt are the build's inputs, so a ${NAME} reference in a URL
// stays as written there, while anything literal in a credential's place is masked, as in every
// other file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutDir, redactBuildInput } from '../../src/results/out-dir.js';
import { RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('redactBuildInput', () => {
  it.each([
    // References only: kept, the file works as the build's input (pip fills them in).
    ['${NAME} as the password', '--extra-index-url http://u:${MYTOK}@host/simple'],
    ['${NAME} as the user name', 'pkg @ git+https://${GH_TOKEN}@github.com/org/pkg.git'],
    ['${NAME} as both', '--index-url https://${USER_1}:${PASS_1}@host/simple'],
    ['${NAME} before a public password', 'pkg @ git+https://${GH_TOKEN}:x-oauth-basic@github.com/o/p.git'],
    ['${NAME} in the query', 'foo @ https://host/x.whl?sig=${SAS}&sv=2024'],
    ['$NAME as the password', '--extra-index-url http://u:$MYTOK@host/simple'],
    ['no credential', 'numpy==1.26.4\ntorch @ https://download.pytorch.org/whl/cpu/torch-2.5.1.whl'],
    ['a user name without @', 'numpy==1.26.4 ; python_version >= "3.8"'],
  ])('keeps %s', (_what, text) => {
    expect(redactBuildInput(text)).toBe(text);
  });

  it.each([
    // Anything literal in a credential's place: masked as redactUrls masks it.
    ['a literal password', '--extra-index-url http://u:pw1@host/simple', 'http://u:***@host/simple'],
    [
      'a literal token as the user',
      'pkg @ git+https://tok1@github.com/o/p.git',
      'git+https://***@github.com',
    ],
    ['a reference and a literal', 'http://u:${A}x@host/simple', 'http://u:***@host/simple'],
    ['a literal query value', 'foo @ https://host/x.whl?sig=abc123', 'x.whl?sig=***'],
    [
      'a literal next to a reference in one URL',
      'https://u:${A}@host/simple?token=abc123',
      'https://u:***@host/simple?token=***',
    ],
    [
      'an old GitHub token (40 hex digits) before a public password',
      `git+https://${'0a'.repeat(20)}:x-oauth-basic@github.com/o/p.git`,
      'git+https://***:***@github.com',
    ],
  ])('masks %s', (_what, text, shown) => {
    const out = redactBuildInput(text);
    expect(out).toContain(shown);
    expect(out).not.toMatch(/pw1|tok1|\}x@|abc123|0a0a0a/);
  });

  it('judges each URL on its own: one literal does not mask a reference elsewhere', () => {
    expect(
      redactBuildInput('--index-url https://u:${T}@a/simple\n--extra-index-url https://u:pw1@b/simple\n'),
    ).toBe('--index-url https://u:${T}@a/simple\n--extra-index-url https://u:***@b/simple\n');
  });
});

describe('openOutDir: resolve --out', () => {
  const resolution: Resolution = {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'auto',
    status: 'clean',
    python: '3.11.2',
    naive: { install: [], replaces: [] },
    hazards: [],
    constraints: { pinned: 0, skipped: [] },
    durationMs: 0,
  };

  it('writes requirements.txt and constraints.txt with their ${NAME} references, the rest redacted', () => {
    const requirements =
      'tqdm\n--extra-index-url http://u:${MYTOK}@host/simple\nbar @ https://u:pw1@h/bar.whl';
    openOutDir(dir, 'out').writeResolve({
      requirements,
      constraints: 'numpy==1.26.4\nbaz @ https://h/baz.whl?sig=${SAS}\n',
      resolution,
      explanation: 'see http://u:${MYTOK}@host/simple',
    });
    const read = (f: string) => readFileSync(path.join(dir, 'out', f), 'utf8');
    expect(read('requirements.txt')).toBe(
      'tqdm\n--extra-index-url http://u:${MYTOK}@host/simple\nbar @ https://u:***@h/bar.whl\n',
    );
    expect(read('constraints.txt')).toBe('numpy==1.26.4\nbaz @ https://h/baz.whl?sig=${SAS}\n');
    // The explanation is for people: every login masked, as before.
    expect(read('explanation.md')).toBe('see http://u:***@host/simple');
  });
});
