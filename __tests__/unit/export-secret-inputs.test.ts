// The secrets an export can see (the environment its config's ${NAME} references read: build.secrets,
// an index URL's login) never reach what it writes or prints: job.sbatch, job.yaml, the summary. The
// job's requirement names come from the requirements after ${NAME} is filled in, so a name or an
// #egg= built from a secret is where one could pass.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/commands/export.js';
import { captureIo } from '../helpers/fakes.js';
import { IMAGE } from '../helpers/export-fixtures.js';

const TOKEN = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const PASSWORD = 's3cr3t-Pa55w0rd-for-the-index';

describe('ml-image export: secrets from the environment stay out of the job and its summary', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [
      'an index URL with a login',
      '--extra-index-url https://user:${INDEX_PASSWORD}@pypi.example.com/simple\nnumpy\n',
    ],
    [
      'a direct URL with a token',
      'lib @ https://${HF_TOKEN}@files.example.com/lib-1.0-py3-none-any.whl\nnumpy\n',
    ],
    ['a VCS URL with a token and #egg=', 'git+https://${HF_TOKEN}@github.com/acme/lib.git#egg=lib\nnumpy\n'],
    ['an #egg= of a secret', 'git+https://github.com/acme/lib.git#egg=${HF_TOKEN}\nnumpy\n'],
  ])('%s', async (_n, requirements) => {
    writeFileSync(path.join(dir, 'requirements.txt'), requirements);
    const config = {
      image: { name: 'acme/train' },
      build: { secrets: ['HF_TOKEN', 'INDEX_PASSWORD'] },
      python: { requirements: ['requirements.txt'] },
      smoke: { suites: ['imports', 'pip-check'] },
    };
    writeFileSync(path.join(dir, 'ml-image.yml'), JSON.stringify(config));
    for (const target of ['--slurm', '--k8s']) {
      const io = captureIo(dir, undefined, {
        ML_IMAGE_CACHE_DIR: `${dir}/.ml-image-cache`,
        HF_TOKEN: TOKEN,
        INDEX_PASSWORD: PASSWORD,
      });
      const out = `job${target}`;
      const args = [target, '--image', IMAGE, '--config', 'ml-image.yml', '--out', out];
      expect(await exportCommand.run(args, io)).toBe(0);
      const written = readdirSync(path.join(dir, out)).map((f) =>
        readFileSync(path.join(dir, out, f), 'utf8'),
      );
      // The job was written, with the names it imports.
      expect(written.join('\n')).toMatch(/ imports .*numpy/);
      for (const text of [...written, io.out()]) {
        expect(text.toLowerCase()).not.toContain(TOKEN.toLowerCase());
        expect(text).not.toContain(PASSWORD);
      }
    }
  });
});
