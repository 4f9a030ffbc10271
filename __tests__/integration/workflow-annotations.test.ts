// The reusable workflows' own error annotations, run by a real bash: a workflow command's message
// ends at its first newline and reads %XX escapes, so an input quoted in it (a `runners:` map
// written as a multi-line YAML block, a value with a percent sign) is escaped as @actions/core
// escapes one: the whole value stays in the one annotation, and "%0A" in it stays text.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { missingTools } from '../helpers/tools.js';

const SKIP = missingTools("the workflows' fail() (workflow-annotations.test.ts)", ['bash']);

/** The fail() definition of a reusable workflow's step script (one line). */
function failOf(file: string): string {
  const text = readFileSync(path.join(REPO_ROOT, '.github', 'workflows', file), 'utf8');
  const lines = text.split('\n').filter((l) => /^\s*fail\(\) \{/.test(l));
  expect(lines, file).toHaveLength(1);
  return lines[0]!.trim();
}

describe.skipIf(SKIP)("the reusable workflows' fail(): one annotation whatever the input", () => {
  it.each(['ml-image.yml', 'ml-image-verify.yml'])('%s', (file) => {
    const value =
      'input runners must be a JSON object of platform to runs-on, got: {\n  "linux/amd64": "x",\r\n}  100%0A';
    const r = spawnSync('bash', ['-c', `${failOf(file)}\nfail "$VALUE"`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', VALUE: value },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '::error title=ml-image::input runners must be a JSON object of platform to runs-on, got: {%0A  "linux/amd64": "x",%0D%0A}  100%250A\n',
    );
  });
});
