// `--out FILE` (sbom, diff, devcontainer) names a file: a device, a pseudo filesystem or a file
// where its directory should be is exit 2 with a message and a fix about a FILE, never the
// directory flag's "result files need a real directory" / "pass --out DIR".
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-out-file-'));
  mkdirSync(path.join(dir, 'd'));
  writeFileSync(path.join(dir, 'd', 'env.json'), JSON.stringify(makeRecord()));
  writeFileSync(path.join(dir, 'afile'), 'x');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const io = captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') });
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const COMMANDS = {
  sbom: (out: string) => ['sbom', '--record', 'd/env.json', '--out', out],
  diff: (out: string) => ['diff', 'd/env.json', 'd/env.json', '--out', out],
};

describe('--out FILE messages are about a file', () => {
  it.each(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[])(
    '%s --out /dev/null: a character device, fix: a new or regular file',
    async (command) => {
      const r = await cli(COMMANDS[command]('/dev/null'));
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain('--out /dev/null: /dev/null is a character device, not a regular file');
      expect(r.err).toContain('pass --out FILE naming a new file, or a regular file to replace');
      expect(r.err).not.toMatch(/result files need a real directory|--out DIR|internal error/);
    },
  );

  it.each(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[])(
    '%s --out under /proc, or under a file: the directory of the FILE',
    async (command) => {
      const proc = await cli(COMMANDS[command]('/proc/ml-image-none/x.json'));
      expect(proc.code, proc.err).toBe(2);
      expect(proc.err).toMatch(
        /--out \/proc\/ml-image-none\/x\.json: \/proc\/ml-image-none is on a pseudo filesystem .*the file needs a real directory/,
      );
      expect(proc.err).toContain('pass --out FILE naming a file on disk');
      expect(proc.err).not.toMatch(/result files|--out DIR/);
      const under = await cli(COMMANDS[command]('afile/x.json'));
      expect(under.code, under.err).toBe(2);
      expect(under.err).toMatch(/--out afile\/x\.json: .*afile.*not a directory/);
      expect(under.err).not.toMatch(/--out DIR|internal error/);
    },
  );
});

// A path ending in "/" names a directory: `devcontainer --out dcdir/` once wrote a file named dcdir
// (exit 0). Refused before any work, the file not written, as for sbom and diff.
describe('--out FILE ending in "/" (or "/.", "/..") is refused: it names a directory', () => {
  it.each([
    ['devcontainer', 'dcdir/', ['devcontainer', '--from', 'd', '--out', 'dcdir/']],
    ['sbom', 'dcdir/', COMMANDS.sbom('dcdir/')],
    ['diff', 'dcdir/', COMMANDS.diff('dcdir/')],
    ['diff', 'd/.', COMMANDS.diff('d/.')],
    ['sbom', '..', COMMANDS.sbom('..')],
  ])('%s --out %s: exit 2, nothing written', async (command, out, argv) => {
    const r = await cli(argv as string[]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      `error: ${command}: --out ${out} names a directory (a path ending in "/", "/." or "/.." does), and --out names the file to write`,
    );
    expect(r.err).toContain(`fix: pass --out FILE, e.g. --out ${path.join(out as string, 'FILE')}`);
    expect(existsSync(path.join(dir, 'dcdir'))).toBe(false);
  });
});
