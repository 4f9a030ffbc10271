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

export async function runPendingCleanups(): Promise<void> {
  const fns = [...pending];
  pending.clear();
  await Promise.allSettled(fns.map(async (fn) => fn()));
}

/** On SIGINT/SIGTERM: run the registered cleanups, then exit 130/143 as shells expect. */
export function installSignalCleanup(write: (text: string) => void = (t) => process.stderr.write(t)): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    write(`\n${signal}: cleaning up ${pending.size} resource(s) before exit\n`);
    void runPendingCleanups().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
}
