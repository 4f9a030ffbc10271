// Cleanups that must run even when the process is interrupted (containers, temp dirs).
// Each side effect that creates something registers its removal and unregisters when done.
type Cleanup = () => Promise<void> | void;

const pending = new Set<Cleanup>();
let handlersInstalled = false;

export function registerCleanup(fn: Cleanup): () => void {
  pending.add(fn);
  return () => {
    pending.delete(fn);
  };
}

/** Run every registered cleanup, and those registered meanwhile (a container created just then). */
export async function runPendingCleanups(): Promise<void> {
  while (pending.size > 0) {
    const fns = [...pending];
    pending.clear();
    await Promise.allSettled(fns.map(async (fn) => fn()));
  }
}

/** The most a signal waits for the cleanups before exiting anyway (a hung daemon call). */
export const SIGNAL_CLEANUP_LIMIT_MS = 20_000;

/**
 * On SIGINT/SIGTERM: run the registered cleanups (remove containers and sessions, stop child
 * processes such as a running `docker buildx build`, delete temp dirs), then exit 130/143 as shells
 * expect. A second signal while cleaning up exits at once (a second Ctrl-C; on a runner the post
 * step removes what was left). Used by the CLI and the action's main step alike.
 */
export function installSignalCleanup(
  write: (text: string) => void = (t) => process.stderr.write(t),
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let cleaning = false;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (cleaning) {
      write(`\n${signal}: exiting without waiting for the cleanup\n`);
      exit(code);
      return;
    }
    cleaning = true;
    write(`\n${signal}: cleaning up ${pending.size} resource(s) before exit\n`);
    let limit: NodeJS.Timeout | undefined;
    void Promise.race([
      runPendingCleanups(),
      new Promise<void>((resolve) => {
        limit = setTimeout(resolve, SIGNAL_CLEANUP_LIMIT_MS);
      }),
    ]).finally(() => {
      if (limit) clearTimeout(limit);
      exit(code);
    });
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
}
