// Without --config, `ml-image export` reads no smoke setting of the project (its requirements,
// smoke.suites, timeout, floors): the job's imports suite then skips, while the summary's `runs:`
// line lists it. The summary says so, as the documented flow (run, then export --from) meets it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/commands/export.js';
import { exportSummary, summaryLines } from '../../src/cli/commands/export-summary.js';
import { captureIo } from '../helpers/fakes.js';
import { IMAGE, spec } from '../helpers/export-fixtures.js';

const written = {
  files: ['o/job.sbatch'],
  submit: 'sbatch o/job.sbatch',
  results: 'o/results/<job id>/<suite>.json',
  collect: 'ml-image collect --slurm o/results/<job id> --out build',
};
const NOTE = /^note: +no --config: no smoke settings were read/;

describe('export summary without --config', () => {
  it('says that no smoke setting was read, and that imports skips', () => {
    const lines = summaryLines(exportSummary({ image: IMAGE }, spec(), true, written), { config: false });
    const note = lines.filter((l) => NOTE.test(l));
    expect(note).toEqual([
      'note:    no --config: no smoke settings were read, so imports skips (no requirements to import); pass --config ml-image.yml for its requirements, smoke.suites, timeout and floors',
    ]);
  });

  it('leaves imports out of the note when the suites leave it out', () => {
    const lines = summaryLines(
      exportSummary({ image: IMAGE }, spec({ suites: ['pip-check'] }), true, written),
      { config: false },
    );
    expect(lines.filter((l) => NOTE.test(l))).toEqual([
      'note:    no --config: no smoke settings were read; pass --config ml-image.yml for its requirements, smoke.suites, timeout and floors',
    ]);
  });

  it('has no such note with a config', () => {
    const lines = summaryLines(exportSummary({ image: IMAGE }, spec(), true, written));
    expect(lines.some((l) => NOTE.test(l))).toBe(false);
  });
});

describe('ml-image export prints it', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (...argv: string[]) => {
    const io = captureIo(dir);
    const code = await exportCommand.run(argv, io);
    return { code, out: io.out() };
  };

  it('without --config, not with it', async () => {
    const bare = await run('--slurm', '--image', IMAGE, '--out', 'a');
    expect(bare.code).toBe(0);
    expect(bare.out).toMatch(/^note: +no --config: no smoke settings were read, so imports skips/m);
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/train}\nplatforms: [linux/amd64]\npython: {requirements: [req.txt]}\n',
    );
    writeFileSync(path.join(dir, 'req.txt'), 'numpy\n');
    const withConfig = await run('--slurm', '--image', IMAGE, '--config', 'ml-image.yml', '--out', 'b');
    expect(withConfig.code).toBe(0);
    expect(withConfig.out).not.toMatch(/no --config/);
  });
});
