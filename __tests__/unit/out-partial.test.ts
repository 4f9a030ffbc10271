// A command that writes several files wrote the first ones and then failed on a directory in a
// later one's place (audit): plan.json without matrix.json, some variants' reports. Each group is
// checked first: none is written when one cannot be.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { openResultDir } from '../../src/results/results.js';
import { captureIo, NOT_A_REPOSITORY } from '../helpers/fakes.js';
import { makeSmoke } from '../helpers/records.js';
import { RESULT_DIR_LOCK } from '../../src/results/owner-lock.js';

/** The files of a result directory: its owner lock (this process's, held to its end) left out. */
const listed = (d: string): string[] => readdirSync(d).filter((n) => n !== RESULT_DIR_LOCK);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-out-partial-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('plan --out with a directory where matrix.json goes', () => {
  it('exit 2 naming it, and no plan.json written', async () => {
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: acme/m}\n');
    mkdirSync(path.join(dir, 'o', 'matrix.json'), { recursive: true });
    const io = { ...captureIo(dir), git: NOT_A_REPOSITORY };
    expect(await runCli(['plan', '--out', 'o'], io)).toBe(2);
    expect(io.err()).toMatch(/--out o: cannot write .*o\/matrix\.json: a directory is in its place/);
    expect(readdirSync(path.join(dir, 'o'))).toEqual(['matrix.json']);
  });
});

describe("the report stage's files", () => {
  it.each(['report.md', 'report-cuda12.8.json', 'comment/ml-image-comment.json'])(
    'a directory at %s: refused before any report is written',
    (name) => {
      const root = path.join(dir, 'r');
      mkdirSync(path.join(root, name), { recursive: true });
      const out = openResultDir(root);
      let e: unknown;
      try {
        out.checkReportTargets(['cpu', 'cuda12.8']);
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toContain(`${path.join(root, name)}: a directory is in its place`);
      expect(existsSync(path.join(root, 'report-cpu.md'))).toBe(false);
    },
  );

  it('files, links or nothing in their places: fine', () => {
    const root = path.join(dir, 'r');
    mkdirSync(root);
    writeFileSync(path.join(root, 'report.md'), 'old');
    expect(() => openResultDir(root).checkReportTargets(['cpu'])).not.toThrow();
  });
});

// Review: the result directory's multi-file writes had no such check.
describe("the result directory's writes of several files", () => {
  const smoke = () => makeSmoke([{ id: 'import', status: 'pass' }]);

  it('writeSmoke: a directory where junit goes: nothing written, not the smoke result either', () => {
    const root = path.join(dir, 'r');
    mkdirSync(path.join(root, 'junit-cpu-amd64.xml'), { recursive: true });
    expect(() => openResultDir(root).writeSmoke('cpu', 'linux/amd64', smoke())).toThrow(
      /junit-cpu-amd64\.xml: a directory is in its place/,
    );
    expect(listed(root)).toEqual(['junit-cpu-amd64.xml']);
  });

  it('a file named comment where the comment directory goes: refused before any report', () => {
    const root = path.join(dir, 'r');
    mkdirSync(root);
    writeFileSync(path.join(root, 'comment'), 'x');
    expect(() => openResultDir(root).checkReportTargets(['cpu'])).toThrow(
      /comment\/ml-image-comment\.json: a file is where a directory on its way should be/,
    );
  });
});
