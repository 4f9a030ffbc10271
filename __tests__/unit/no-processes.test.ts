// The unit project's guard (no-processes.setup.ts) really refuses to start processes: from a test
// file, from src code (the CommandRunner every docker/buildx call goes through), from a module that
// loads node:child_process through require(), and where the caller catches the error.
import * as childProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';
import { GUARDED, NO_PROCESSES, takeSpawnAttempts } from './no-processes.setup.js';

describe('unit tests start no processes', () => {
  // Each case empties the list of refused calls itself, so the setup file's afterEach passes.
  afterEach(() => expect(takeSpawnAttempts()).toEqual([]));

  it.each(GUARDED)('child_process.%s throws and is recorded', (name) => {
    const fn = childProcess[name] as (cmd: string, args: string[]) => unknown;
    expect(() => fn('true', [])).toThrow(NO_PROCESSES);
    expect(takeSpawnAttempts()).toEqual([`${name}(true)`]);
  });

  it('names the command and its arguments', () => {
    expect(() => childProcess.spawnSync('python3', ['-c', 'print(1)'])).toThrow(
      `${NO_PROCESSES} (spawnSync(python3 -c print(1)))`,
    );
    takeSpawnAttempts();
  });

  it('catches src code: the CommandRunner behind every docker call', async () => {
    await expect(new ActionsExecRunner().run('docker', ['version'])).rejects.toThrow(NO_PROCESSES);
    expect(takeSpawnAttempts()).toEqual(['spawn(docker version)']);
  });

  it('catches CommonJS callers (dependencies that require child_process) and promisify', async () => {
    const cjs = createRequire(import.meta.url)('child_process') as typeof childProcess;
    expect(() => cjs.execFileSync('bash', ['-c', 'true'])).toThrow(NO_PROCESSES);
    await expect(promisify(cjs.execFile)('git', ['--version'])).rejects.toThrow(NO_PROCESSES);
    expect(takeSpawnAttempts()).toEqual(['execFileSync(bash -c true)', 'execFile(git --version)']);
  });

  it('records a call even when the caller swallows the error (the test then fails in afterEach)', () => {
    try {
      childProcess.execSync('docker info');
    } catch {
      // code under test that hides the failure
    }
    expect(takeSpawnAttempts()).toEqual(['execSync(docker info)']);
  });
});
