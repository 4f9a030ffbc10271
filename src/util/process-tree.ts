// The processes a child started, read from /proc (Linux): what a stop must also end when the child
// itself does not hand its signal on (a Docker CLI before 25.0 and its docker-buildx plugin; cosign
// and credential helpers, whose own children a kill of theirs leaves to run on under init).
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';

/** The fields after comm in a /proc/<pid>/stat line ("pid (comm) state ppid pgrp session ..."). */
const statFields = (stat: string): string[] => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** The parent pid in a /proc/<pid>/stat line (comm may hold ") "). */
export function parentInStat(stat: string): number | undefined {
  const ppid = Number(statFields(stat)[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
}

/** Whether a /proc/<pid>/stat line is its session's leader (it called setsid: a daemon). */
export function sessionLeaderInStat(stat: string): boolean {
  const pid = Number(stat.slice(0, stat.indexOf(' ')));
  return Number.isInteger(pid) && pid > 0 && Number(statFields(stat)[3]) === pid;
}

/** The descendants of PID in PARENTS (pid -> parent pid), nearest first. */
export function descendantsIn(pid: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [p, parent] of parents) children.set(parent, [...(children.get(parent) ?? []), p]);
  const out: number[] = [];
  const queue = [pid];
  const seen = new Set(queue);
  while (queue.length > 0) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** The running descendants of PID; none where there is no /proc (macOS) or it cannot be read. */
export function descendantsOf(pid: number, procDir = '/proc'): number[] {
  let entries: string[];
  try {
    entries = readdirSync(procDir).filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const parents = new Map<number, number>();
  for (const e of entries) {
    try {
      const parent = parentInStat(readFileSync(path.join(procDir, e, 'stat'), 'utf8'));
      if (parent !== undefined) parents.set(Number(e), parent);
    } catch {
      // ended while being read
    }
  }
  return descendantsIn(pid, parents);
}

/** A process as found: its pid and its start time (/proc/<pid>/stat field 22), which a later process under a reused pid does not share. */
interface FoundProcess {
  pid: number;
  start: string;
}

/**
 * The exit status a shell gives a program SIGNAL ended: 128 + its number (137 for SIGKILL); with
 * no signal (or one node cannot number), 128 + FALLBACK's.
 */
export function signalExitCode(signal: NodeJS.Signals | null, fallback: NodeJS.Signals): number {
  return 128 + ((signal ? constants.signals[signal] : undefined) ?? constants.signals[fallback]);
}

/** The start time in a /proc/<pid>/stat line (field 22; the 20th after comm). */
const startInStat = (stat: string): string | undefined => statFields(stat)[19];

/**
 * The start time of PID (/proc/<pid>/stat field 22); undefined when it runs no more: no such pid,
 * or a zombie (state Z, or X while it is reaped; not a Z whose other threads run: threadsRun). A
 * process killed with SIGKILL stays a zombie until its parent waits for it, which may be never (a
 * parent that does not reap): it holds none of its files then, and a run started meanwhile must
 * see it gone (temp-owner.ts).
 */
export function startOf(pid: number, procDir = '/proc'): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(path.join(procDir, String(pid), 'stat'), 'utf8');
  } catch {
    return undefined; // ended
  }
  const state = statFields(stat)[0];
  return state === 'X' || (state === 'Z' && !threadsRun(pid, procDir)) ? undefined : startInStat(stat);
}

/**
 * Whether PID (a Z in its stat line) still has threads that run: a process whose main thread
 * ended (pthread_exit) reads Z while its other threads run on, and a kill of it ends them all.
 */
function threadsRun(pid: number, procDir: string): boolean {
  try {
    return readdirSync(path.join(procDir, String(pid), 'task')).length > 1;
  } catch {
    return false;
  }
}

/** The running descendants of PID, each with its start time; none where there is no /proc. */
export function processesUnder(pid: number, procDir = '/proc'): FoundProcess[] {
  return descendantsOf(pid, procDir).flatMap((p) => {
    const start = startOf(p, procDir);
    return start === undefined ? [] : [{ pid: p, start }];
  });
}

/**
 * SIGKILL to each of FOUND that still runs as the same process (its start time: the pid was not
 * reused): what a child started and left running when it ended first (a double fork, re-parented
 * to init), which a scan under the child's pid no longer finds.
 */
export function killFound(found: readonly FoundProcess[], procDir = '/proc'): void {
  for (const f of found) {
    if (startOf(f.pid, procDir) !== f.start) continue;
    try {
      process.kill(f.pid, 'SIGKILL');
    } catch {
      // ended already
    }
  }
}

/**
 * SIGKILL to CHILD and every process it started (found before any is killed, while they are still
 * its: a killed child's are handed on to init), CHILD first: killed before its own, it cannot end
 * by itself with a status of its choosing when one of them dies (a shell's `wait` returns 0), so
 * a stopped program always reads as killed. A Docker CLI before 25.0 takes SIGTERM without passing it
 * on to its docker-buildx plugin (docker/cli#4332), which then builds on, holding the output
 * pipes, so the child never closed; a credential helper that is a script leaves the program it ran.
 * The children stay in this process's group: a terminal's Ctrl-C or a supervisor's signal to the
 * group still reaches them as it reaches this process.
 */
export function killTree(
  child: { readonly pid?: number | undefined; kill(signal: NodeJS.Signals): boolean },
  procDir = '/proc',
): void {
  const descendants = child.pid === undefined ? [] : descendantsOf(child.pid, procDir);
  child.kill('SIGKILL');
  for (const pid of descendants) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended already
    }
  }
}

/**
 * Stop a child the caller waits on: killTree while it still runs (never a scan under a pid that
 * ended and may be reused), then its pipes on our side, so a program it left holding them (a double
 * fork, a daemon) cannot keep its 'close' from coming.
 */
export function stopChild(child: {
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  readonly stdout: { destroy(): unknown } | null;
  readonly stderr: { destroy(): unknown } | null;
  kill(signal: NodeJS.Signals): boolean;
}): void {
  if (child.exitCode === null && child.signalCode === null) killTree(child);
  child.stdout?.destroy();
  child.stderr?.destroy();
}
