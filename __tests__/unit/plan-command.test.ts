// `ml-image plan`: its text prints the labels its help promises, and a problem with a variant the
// variants selection made (shorthand the config file does not list) names the selection, not only
// an index the file's own variants[i] has too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-plan-command-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const SHA = 'a'.repeat(40);
const ON_RUNNER = {
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/heads/feat',
};

async function plan(file: string, ...argv: string[]) {
  writeFileSync(path.join(dir, 'ml-image.yml'), file);
  const io = captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache'), ...ON_RUNNER });
  const code = await runCli(['plan', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe('ml-image plan prints the labels', () => {
  it('per variant, one line per label group', async () => {
    const r = await plan('image:\n  name: acme/model\n  version: "1.0.0"\nplatforms: [linux/amd64]\n');
    expect(r.code, r.err).toBe(0);
    const base = 'docker.io/library/python:3.12-slim';
    expect(r.out).toContain(
      [
        // A branch that is not the default: no version tag (a release build's), the version label still.
        `  tags:     ghcr.io/acme/model:sha-aaaaaaa-cpu`,
        `  labels:   org.opencontainers.image.{title=acme/model, created=`,
      ].join('\n'),
    );
    expect(r.out).toMatch(
      new RegExp(
        `, revision=${SHA}, version=1\\.0\\.0, base\\.name=${base.replace(/\./g, '\\.')}\\}\\n {12}io\\.github\\.ml-image-action\\.\\{variant=cpu, python=3\\.12, base-image=${base.replace(/\./g, '\\.')}\\}\\n`,
      ),
    );
  });

  it('its help says what the text prints', async () => {
    const r = await plan('image:\n  name: acme/model\n', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tags and labels');
  });
});

describe('a problem with a variant the selection made names --variants', () => {
  // The file's variants[1] is "old" (CUDA 12.4); --variants cpu,cuda12.4 makes its variants[1].
  const FILE =
    'image:\n  name: acme/model\nvariants:\n  - cpu\n  - name: old\n    cuda: "12.4"\n    torch: "2.5"\nplatforms: [linux/amd64, linux/arm64]\n';

  it.each<[string, string[], RegExp, boolean]>([
    [
      'shorthand the file does not list: the selection named',
      ['--variants', 'cpu,cuda12.4'],
      /^ {2}- variants\[1\] \(cuda12\.4\): torch 2\.\d+ has no aarch64 CUDA 12\.4 wheels.* \(from --variants or the variants input: ml-image\.yml lists no "cuda12\.4"\)$/m,
      true,
    ],
    [
      "the file's own variant: its line and index, no selection named",
      ['--variants', 'old'],
      /^ {2}- line 5: variants\[1\] \(old\): torch 2\.5 has no aarch64 CUDA 12\.4 wheels/m,
      false,
    ],
  ])('%s', async (_, flags, expected, named) => {
    const r = await plan(FILE, ...flags);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(expected);
    expect(r.err.includes('--variants or the variants input')).toBe(named);
  });

  it('a file listing no variants: a shorthand variant besides its default cpu is the selection', async () => {
    const r = await plan(
      'image:\n  name: acme/model\nplatforms: [linux/amd64]\ntorch: "2.5"\n',
      '--variants',
      'cpu,cuda12.8',
    );
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      '(variants[1] cuda12.8): torch 2.5 has no CUDA 12.8 wheels (it has 11.8, 12.1, 12.4); nearest valid: torch 2.7 or 2.8 with CUDA 12.8 (from --variants or the variants input: ml-image.yml lists no "cuda12.8")',
    );
  });
});
