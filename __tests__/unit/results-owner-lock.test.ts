// The result directory's owner lock: two runs given one --out wrote each other's files (one run's
// report and env-*.json held the other's image). The lock holds its writer's owner stamp; a writer
// that certainly still runs is refused (exit 2), one gone or that cannot be told is taken over.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { holdResultDir, RESULT_DIR_LOCK, takeOwnerLock, type Taker } from '../../src/results/owner-lock.js';
import { openResultDir } from '../../src/results/results.js';
import { runPendingCleanups } from '../../src/util/cleanup.js';
import { startOf } from '../../src/util/process-tree.js';
import { ownStamp, type OwnerStamp } from '../../src/util/temp-owner.js';
import { captureIo, fakeDocker, NOT_A_REPOSITORY } from '../helpers/fakes.js';

let base: string;
let dir: string;
beforeEach(async () => {
  await runPendingCleanups(); // what another file of this worker left registered
  base = mkdtempSync(path.join(tmpdir(), 'ml-image-lock-test-'));
  dir = path.join(base, 'results');
  mkdirSync(dir);
});
afterEach(async () => {
  await runPendingCleanups();
  rmSync(base, { recursive: true, force: true });
});

/** A fake /proc: this process in NS at BOOT, and PIDS (pid -> start time, or "Z start" for a zombie). */
function proc(pids: Record<number, string>, ns = 'pid:[1]', boot = 'b-1'): string {
  const at = path.join(base, 'proc');
  mkdirSync(path.join(at, 'self', 'ns'), { recursive: true });
  mkdirSync(path.join(at, 'sys', 'kernel', 'random'), { recursive: true });
  symlinkSync(ns, path.join(at, 'self', 'ns', 'pid'));
  writeFileSync(path.join(at, 'sys', 'kernel', 'random', 'boot_id'), `${boot}\n`);
  for (const [pid, given] of Object.entries({ [process.pid]: '100', ...pids })) {
    mkdirSync(path.join(at, pid));
    const [state, start] = given.includes(' ') ? given.split(' ') : ['S', given];
    const fields = [state!, '1', ...Array.from({ length: 17 }, () => '0'), start!, '0'];
    writeFileSync(path.join(at, pid, 'stat'), `${pid} (a (b) c) ${fields.join(' ')}\n`);
  }
  return at;
}

const lockFile = () => path.join(dir, RESULT_DIR_LOCK);
const holder = (over: Partial<OwnerStamp> = {}): OwnerStamp => ({
  pid: 4242,
  start: '500',
  pidNamespace: 'pid:[1]',
  boot: 'b-1',
  ...over,
});
const plant = (stamp: object | string) =>
  writeFileSync(lockFile(), typeof stamp === 'string' ? stamp : JSON.stringify(stamp));
const lockPid = () => (JSON.parse(readFileSync(lockFile(), 'utf8')) as OwnerStamp).pid;

function refusal(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('not refused');
}

describe('a result directory another run holds', () => {
  it('its holder certainly still runs: refused at once (exit 2), naming the directory, the holder and the fix', () => {
    plant({ ...holder(), since: '2025-05-01T10:00:00.000Z' });
    const e = refusal(() => holdResultDir(dir, { label: '--out results' }, proc({ 4242: '500' })));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`--out results: ${dir} is in use`);
    expect(e.message).toContain('pid 4242, since 2025-05-01T10:00:00.000Z');
    expect(e.fix).toBe('pass another --out DIR (or wait for that run)');
    expect(lockPid()).toBe(4242); // left as it was
  });

  it("the action's refusal names its result-dir input", () => {
    plant(holder());
    const e = refusal(() =>
      holdResultDir(dir, { label: 'result-dir', flag: 'the "result-dir" input' }, proc({ 4242: '500' })),
    );
    expect(e.message).toContain('(pid 4242)');
    expect(e.fix).toBe('set the "result-dir" input to another directory (or wait for that run)');
  });

  it("openResultDir of a directory a live process holds (this test's parent): refused before a file is written", () => {
    const parent = startOf(process.ppid);
    const own = ownStamp();
    if (parent === undefined || own === undefined) return; // no /proc here
    plant({ ...own, pid: process.ppid, start: parent });
    const e = refusal(() => openResultDir(dir, '--out results'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`pid ${process.ppid}`);
    expect(lockPid()).toBe(process.ppid);
    // A read-only open (report --results, export --from) takes none and is not refused.
    expect(() => openResultDir(dir, '--from results', { create: false })).not.toThrow();
  });

  it('resolve --out a directory a live process holds: refused before the engine is asked', async () => {
    const parent = startOf(process.ppid);
    const own = ownStamp();
    if (parent === undefined || own === undefined) return; // no /proc here
    plant({ ...own, pid: process.ppid, start: parent });
    writeFileSync(path.join(base, 'requirements.txt'), 'tqdm\n');
    let asked = 0;
    const docker = fakeDocker({
      ping: () => {
        asked += 1;
        return Promise.reject(new Error('the engine is asked'));
      },
    });
    const io = captureIo(base, docker, { ML_IMAGE_CACHE_DIR: path.join(base, '.cache') });
    const argv = ['resolve', '--image', 'python:3.12-slim', '--requirements', 'requirements.txt'];
    expect(await runCli([...argv, '--out', 'results'], io), io.err()).toBe(2);
    expect(io.err()).toContain(`pid ${process.ppid}`);
    expect(asked).toBe(0);
    expect(lockPid()).toBe(process.ppid);
  });

  it.each<[string, Partial<OwnerStamp>, Record<number, string>]>([
    ['its pid runs no process here', {}, {}],
    ['its pid now names another process (a later start)', {}, { 4242: '900' }],
    ['its process is a zombie', {}, { 4242: 'Z 500' }],
    ['it ran in another boot', { boot: 'b-0' }, { 4242: '500' }],
    // Cannot be told: never blocks a run.
    ['it ran in another pid namespace (cannot be told)', { pidNamespace: 'pid:[2]' }, { 4242: '500' }],
  ])('%s: taken over without a word', (_, over, running) => {
    plant(holder(over));
    holdResultDir(dir, { label: '--out results' }, proc(running));
    expect(lockPid()).toBe(process.pid);
  });

  it.each<[string, () => void]>([
    ['a malformed file', () => plant('{"pid": 4242')],
    ['an empty file', () => plant('')],
    ['a stamp missing a field', () => plant({ pid: 4242, start: '500' })],
    ['a link to /dev/zero', () => symlinkSync('/dev/zero', lockFile())],
  ])('%s (cannot be judged): taken over', (_, make) => {
    make();
    holdResultDir(dir, { label: '--out results' }, proc({ 4242: '500' }));
    expect(lockPid()).toBe(process.pid);
  });
});

describe("this process's lock", () => {
  it('is re-entrant: the pipeline opens its directory more than once', () => {
    const at = proc({});
    holdResultDir(dir, { label: '--out results' }, at);
    expect(() => holdResultDir(dir, { label: '--out results' }, at)).not.toThrow();
    // Through openResultDir too (this process's real stamp).
    const other = path.join(base, 'other');
    openResultDir(other, '--out other');
    expect(() => openResultDir(other, '--out other')).not.toThrow();
    expect(lockPid()).toBe(process.pid);
  });

  it('is released by the cleanups (exit, failure, signal), and taken again after', async () => {
    openResultDir(dir, '--out results');
    if (ownStamp() === undefined) return; // no /proc here: no lock
    expect(lockPid()).toBe(process.pid);
    await runPendingCleanups();
    expect(existsSync(lockFile())).toBe(false);
    openResultDir(dir, '--out results');
    expect(lockPid()).toBe(process.pid);
  });

  it("the release removes only its own: another run's that took it over stays", async () => {
    holdResultDir(dir, { label: '--out results' }, proc({}));
    plant(holder());
    await runPendingCleanups();
    expect(lockPid()).toBe(4242);
  });

  it('a command leaves none behind: the end of runCli releases it (a process that goes on, a test)', async () => {
    if (ownStamp() === undefined) return; // no /proc here: no lock
    writeFileSync(
      path.join(base, 'ml-image.yml'),
      'image: {name: a/b}\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const io = {
      ...captureIo(base, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(base, '.cache') }),
      git: NOT_A_REPOSITORY,
    };
    expect(await runCli(['plan', '--out', 'results'], io)).toBe(0);
    expect(existsSync(path.join(dir, 'plan.json'))).toBe(true);
    expect(existsSync(lockFile())).toBe(false);
    // And the directory is not held on: another process could take it.
    plant(holder());
    expect(() => holdResultDir(dir, { label: '--out results' }, proc({ 4242: '500' }))).toThrow(InputError);
  });

  it('a read-only open takes none; a writing one does', () => {
    openResultDir(dir, '--results results', { create: false });
    expect(existsSync(lockFile())).toBe(false);
    if (ownStamp() === undefined) return; // no /proc here: no lock
    openResultDir(dir, '--out results');
    expect(lockPid()).toBe(process.pid);
  });

  it('without /proc, none is taken and nothing is refused', () => {
    plant(holder());
    expect(() => holdResultDir(dir, { label: '--out results' }, proc({ 4242: '500' }))).toThrow(InputError);
    expect(() => holdResultDir(dir, { label: '--out results' }, path.join(base, 'no-proc'))).not.toThrow();
    expect(lockPid()).toBe(4242);
  });
});

describe('two takes at the same moment', () => {
  const taker = (pid: number, at: string, step?: Taker['step']): Taker => ({
    stamp: { pid, start: String(pid), pidNamespace: 'pid:[1]', boot: 'b-1' },
    procDir: at,
    ...(step && { step }),
  });

  it('in an empty directory: the one that links first wins, the other is refused', () => {
    const at = proc({ 300: '300', 400: '400' });
    let inner: boolean | undefined;
    const first = taker(300, at, (step) => {
      // 400 starts and takes the lock between 300's stamp and its link.
      if (step === 'link' && inner === undefined)
        inner = takeOwnerLock(dir, { label: '--out results' }, taker(400, at));
    });
    const e = refusal(() => takeOwnerLock(dir, { label: '--out results' }, first));
    expect(inner).toBe(true);
    expect(e.message).toContain('pid 400');
    expect(lockPid()).toBe(400);
  });

  it("over a gone holder's lock: the one that took it over first keeps it, the other is refused", () => {
    plant(holder()); // 4242: gone
    const at = proc({ 300: '300', 400: '400' });
    let inner: boolean | undefined;
    const first = taker(300, at, (step) => {
      // Both judged 4242 gone; 400 removes its lock and links its own before 300 removes "4242's".
      if (step === 'take-over' && inner === undefined)
        inner = takeOwnerLock(dir, { label: '--out results' }, taker(400, at));
    });
    const e = refusal(() => takeOwnerLock(dir, { label: '--out results' }, first));
    expect(inner).toBe(true);
    expect(e.message).toContain('pid 400');
    expect(lockPid()).toBe(400);
  });
});
