// `--out FILE` (sbom, diff) naming a file the command reads, by its name, another path or a link to
// it: refused (exit 2, naming the input), and the input kept; the output would have replaced it.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo } from '../helpers/fakes.js';
import { makeRecord, makeSmoke } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-out-inputs-'));
  writeFileSync(path.join(dir, 'env.json'), JSON.stringify(makeRecord()));
  writeFileSync(path.join(dir, 'head.json'), JSON.stringify(makeRecord({ pip: { numpy: '2.1.0' } })));
  writeFileSync(path.join(dir, 'smoke.json'), JSON.stringify(makeSmoke([{ id: 'train', status: 'pass' }])));
  symlinkSync('env.json', path.join(dir, 'link.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('--out FILE naming an input', () => {
  it.each([
    [['sbom', '--record', 'env.json', '--out', 'env.json'], 'env.json', 'the record (--record)'],
    [['sbom', '--record', 'env.json', '--out', './sub/../env.json'], 'env.json', 'the record (--record)'],
    [['sbom', '--record', 'env.json', '--out', 'link.json'], 'env.json', 'the record (--record)'],
    [['sbom', '--record', 'link.json', '--out', 'env.json'], 'env.json', 'the record (--record)'],
    [['diff', 'env.json', 'head.json', '--out', 'env.json'], 'env.json', 'the base record (BASE.json)'],
    [['diff', 'env.json', 'head.json', '--out', 'head.json'], 'head.json', 'the head record (HEAD.json)'],
    [
      ['diff', 'env.json', 'head.json', '--head-smoke', 'smoke.json', '--out', 'smoke.json'],
      'smoke.json',
      'the head smoke result (--head-smoke)',
    ],
  ])('%j: exit 2, %s kept', async (argv, input, what) => {
    const before = readFileSync(path.join(dir, input), 'utf8');
    const io = captureIo(dir);
    expect(await runCli([...argv, '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix: string } };
    expect(error.message).toContain(`: --out ${argv.at(-1)}: `);
    expect(error.message).toContain(` is ${what}, which this command reads`);
    expect(error.fix).toBe('pass --out FILE naming another file');
    expect(readFileSync(path.join(dir, input), 'utf8')).toBe(before);
  });

  it('another file is written as before', async () => {
    for (const argv of [
      ['sbom', '--record', 'link.json', '--out', 'sbom.json'],
      ['diff', 'env.json', 'head.json', '--head-smoke', 'smoke.json', '--out', 'diff.md'],
    ])
      expect(await runCli(argv, captureIo(dir)), argv.join(' ')).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'sbom.json'), 'utf8'))).toMatchObject({
      bomFormat: 'CycloneDX',
    });
    expect(readFileSync(path.join(dir, 'diff.md'), 'utf8')).toContain('numpy');
  });
});
