// CommandRunner over @actions/exec (the same process runner actions use, with line listeners).
import { getExecOutput } from '@actions/exec';
import type { CommandRunner, ExecOptions, ExecResult } from './adapter.js';

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
  async run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const out = lineSplitter((l) => options.onLine?.(l, 'stdout'));
    const err = lineSplitter((l) => options.onLine?.(l, 'stderr'));
    const env = options.env ? { ...(process.env as Record<string, string>), ...options.env } : undefined;
    const result = await getExecOutput(command, [...args], {
      ignoreReturnCode: true,
      silent: true,
      ...(options.cwd !== undefined && { cwd: options.cwd }),
      ...(env !== undefined && { env }),
      ...(options.input !== undefined && { input: Buffer.from(options.input) }),
      listeners: {
        stdout: (b: Buffer) => out.push(b),
        stderr: (b: Buffer) => err.push(b),
      },
    });
    out.flush();
    err.flush();
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }
}
