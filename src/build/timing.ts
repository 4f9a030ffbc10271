// Where the build stage's time goes, for --verbose: one "timing:" line per step (process start,
// the builder and base-digest checks, each build, each merge) and a last one with the totals.
import { performance } from 'node:perf_hooks';

/** When this module was evaluated: about when the bundle's modules had loaded. */
const LOADED_AT_MS = performance.now();

const s = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

export class StepTimer {
  private readonly started = performance.now();

  constructor(private readonly emit: ((line: string) => void) | undefined) {}

  /** Process start up to this stage: node's own start, the modules, then config, plan and checks. */
  startup(): void {
    const boot = performance.nodeTiming.bootstrapComplete;
    this.emit?.(
      `timing: node started in ${s(boot)}, modules loaded by ${s(LOADED_AT_MS)}, build stage started at ${s(this.started)} (config, plan, git context, registry check and resolve in between)`,
    );
  }

  /** Runs fn, then says how long it took, with a note made of its result. */
  async step<T>(label: string, fn: () => Promise<T>, note?: (result: T) => string): Promise<T> {
    const t0 = performance.now();
    const result = await fn();
    const n = note?.(result);
    this.emit?.(`timing: ${label} ${s(performance.now() - t0)}${n ? ` (${n})` : ''}`);
    return result;
  }

  say(text: string): void {
    this.emit?.(`timing: ${text}`);
  }

  done(): void {
    const now = performance.now();
    this.emit?.(`timing: build stage ${s(now - this.started)}, ${s(now)} since the process started`);
  }
}
