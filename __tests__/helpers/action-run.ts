// The root action (src/action/run.ts) run in a project folder with a fake engine, as a workflow step
// runs it, for what it fails with and the error annotations it writes.
import { type ActionIo, run } from '../../src/action/run.js';
import { fakeDocker } from './fakes.js';

/** An error annotation as the action writes it: its message, and the file and line it is on, if any. */
export interface Annotation {
  message: string;
  file?: string;
  startLine?: number;
}

/** The action run in DIR with INPUTS (any other input empty, no environment): its failures and error annotations. */
export async function runActionIn(
  dir: string,
  inputs: Record<string, string>,
): Promise<{ errors: Annotation[]; failed: string[] }> {
  const errors: Annotation[] = [];
  const failed: string[] = [];
  const io: ActionIo = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: () => undefined,
    setFailed: (m) => failed.push(m),
    error: (m, p) =>
      errors.push({
        message: m,
        ...(p?.file && { file: p.file }),
        ...(p?.startLine && { startLine: p.startLine }),
      }),
    warning: () => undefined,
    info: () => undefined,
    group: (_n, fn) => fn(),
    cwd: dir,
    env: {},
    docker: () => fakeDocker(),
  };
  await run(io);
  return { errors, failed };
}
