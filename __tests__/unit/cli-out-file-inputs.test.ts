// `--out FILE` (sbom, diff) naming a file the command reads, by its name, another path or a link to
// it, or `resolve --out DIR` where it would write over a requirements file it reads: refused (exit
// 2, naming the input) before any work, and the input kept; the output would have replaced it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('resolve --out DIR holding a requirements file it reads', () => {
  const resolve = ['resolve', '--image', 'python:3.12-slim'];
  beforeEach(() => {
    mkdirSync(path.join(dir, 'base'));
    writeFileSync(path.join(dir, 'base', 'requirements.txt'), '# pinned by hand\nnumpy<2\n');
    writeFileSync(path.join(dir, 'requirements.txt'), '-r base/requirements.txt\ntqdm>=4\n');
    writeFileSync(path.join(dir, 'constraints.txt'), 'numpy==1.26.4\n');
    writeFileSync(path.join(dir, 'own.txt'), '-c constraints.txt\ntqdm\n');
  });

  it.each([
    [['--requirements', 'requirements.txt', '--out', '.'], 'requirements.txt'],
    [['--requirements', 'requirements.txt', '--out', 'base'], 'base/requirements.txt'],
    [['--requirements', 'own.txt', '--out', './sub/..'], 'constraints.txt'],
  ])('%j: exit 2 before the engine is asked, %s kept', async (args, input) => {
    const before = readFileSync(path.join(dir, input), 'utf8');
    const io = captureIo(dir);
    expect(await runCli([...resolve, ...args, '--json'], io)).toBe(2);
    const { error } = JSON.parse(io.out()) as { error: { message: string; fix: string } };
    expect(error.message).toBe(
      `resolve: --out ${args.at(-1)}: ${path.join(dir, input)} is a requirements file (--requirements, -r or -c), which this command reads: the output would replace it`,
    );
    expect(error.fix).toBe('pass --out DIR naming another directory');
    expect(io.err()).not.toContain('the Docker engine');
    expect(readFileSync(path.join(dir, input), 'utf8')).toBe(before);
  });

  it('another directory is not refused for it', async () => {
    const io = captureIo(dir);
    await runCli([...resolve, '--requirements', 'requirements.txt', '--out', 'out'], io);
    expect(io.err()).not.toContain('which this command reads');
  });
});
