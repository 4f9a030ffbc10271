// CommandRunner over node's child_process: line listeners for progress, and every running child
// (a `docker buildx build`, an imagetools push) registered for cleanup, so that SIGINT/SIGTERM of
// this process stops it too instead of leaving it to run on.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { registerCleanup, throwIfInterrupted } from '../util/cleanup.js';
import { killFound, processesUnder, signalExitCode, stopChild } from '../util/process-tree.js';
import { RUN_ID } from '../util/run-id.js';
import type { CommandRunner, ExecOptions, ExecResult } from './adapter.js';

/** Every child carries the run's id in its environment, so the post step can find leftovers. */
export const RUN_ID_ENV = 'ML_IMAGE_RUN_ID';

/** How long a child has to end after SIGTERM before it is killed. */
const KILL_GRACE_MS = 3000;

/** Split a byte stream into lines for onLine, keeping the unfinished tail between chunks. */
function lineSplitter(emit: (line: string) => void) {
  let tail = '';
  return {
    push(chunk: Buffer) {
      const text = tail + chunk.toString('utf8');
      const lines = text.split(/\r?\n/);
      tail = lines.pop() ?? '';
      for (const l of lines) emit(l);
    },
    flush() {
      if (tail !== '') emit(tail);
      tail = '';
    },
  };
}

export class ActionsExecRunner implements CommandRunner {
  run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const out = lineSplitter((l) => options.onLine?.(l, 'stdout'));
    const err = lineSplitter((l) => options.onLine?.(l, 'stderr'));
    return new Promise<ExecResult>((resolve, reject) => {
      throwIfInterrupted(path.basename(command));
      if (options.signal?.aborted) {
        reject(options.signal.reason);
        return;
      }
      const child = spawn(command, [...args], {
        ...(options.cwd !== undefined && { cwd: options.cwd }),
        env: { ...process.env, ...options.env, [RUN_ID_ENV]: RUN_ID },
        stdio: [options.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let killTimer: NodeJS.Timeout | undefined;
      // This runner stopped it (its abort, the process's cleanup): no signal of another's to report.
      let stopping = false;
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          stopping = true;
          child.once('close', () => done());
          if (killTimer !== undefined) return; // being stopped already
          // What it started, found while they are still its: one it leaves running when it ends
          // first (a double fork, re-parented to init) is killed with the rest.
          const started = child.pid === undefined ? [] : processesUnder(child.pid);
          // SIGTERM to the child alone: a Docker CLI from 25.0 hands it on to its plugin, which
          // cancels the build in BuildKit. What is still running after the grace is killed, and
          // the pipes are closed on our side: a program holding them cannot keep 'close' away.
          child.kill('SIGTERM');
          killTimer = setTimeout(() => {
            stopChild(child);
            killFound(started);
          }, KILL_GRACE_MS);
        });
      const unregister = registerCleanup(stop);
      const onAbort = () => void stop();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        unregister();
        options.signal?.removeEventListener('abort', onAbort);
        if (killTimer) clearTimeout(killTimer);
      };
      child.stdout!.on('data', (b: Buffer) => {
        stdout.push(b);
        out.push(b);
      });
      child.stderr!.on('data', (b: Buffer) => {
        stderr.push(b);
        err.push(b);
      });
      if (options.input !== undefined && child.stdin) {
        child.stdin.on('error', () => undefined); // the program may exit without reading it all
        child.stdin.end(options.input);
      }
      child.once('error', (e) => {
        settle();
        reject(e); // could not start (ENOENT, EACCES): the caller says what to install
      });
      child.once('close', (code, signal) => {
        settle();
        out.flush();
        err.flush();
        resolve({
          // Killed by a signal: the shell's convention, 128 + the signal number.
          exitCode: code ?? signalExitCode(signal, 'SIGTERM'),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          ...(code === null && signal && !stopping && { signal }),
        });
      });
    });
  }
}
