// The processes a child started (src/util/process-tree.ts), which a stop kills after its grace: the
// stat line's parent pid, and the descendants of a pid in a /proc tree (a directory of stat files
// made here: no process is started).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  descendantsIn,
  descendantsOf,
  killFound,
  killTree,
  parentInStat,
  processesUnder,
  startOf,
} from '../../src/util/process-tree.js';

describe('parentInStat', () => {
  it.each<[string, number | undefined]>([
    ['4242 (docker) S 100 4242 4242 0 -1 4194304', 100],
    ['4243 (docker-buildx) S 4242 4242 4242 0 -1', 4242],
    // comm may hold spaces and ") ": the parent follows the last ")".
    ['77 (a) S 9 (b)) R 4242 1 1', 4242],
    ['1 (init) S 0 1 1', undefined],
    ['garbage', undefined],
  ])('%j -> %j', (stat, expected) => {
    expect(parentInStat(stat)).toBe(expected);
  });
});

describe('descendantsIn', () => {
  const tree = new Map([
    [10, 1], // docker, started by this process (1)
    [11, 10], // its plugin
    [12, 11], // the plugin's helper
    [20, 1], // another child of this process: not 10's
    [13, 10],
  ]);
  it.each<[number, number[]]>([
    [10, [11, 13, 12]],
    [11, [12]],
    [12, []],
    [99, []],
  ])('%j -> %j', (pid, expected) => {
    expect(descendantsIn(pid, tree)).toEqual(expected);
  });

  it('a loop in the table (pids reused while read) ends', () => {
    expect(
      descendantsIn(
        1,
        new Map([
          [2, 1],
          [1, 2],
        ]),
      ),
    ).toEqual([2]);
  });
});

describe('descendantsOf a /proc directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-proc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const proc = (pid: number, stat: string | undefined) => {
    mkdirSync(path.join(dir, String(pid)));
    if (stat !== undefined) writeFileSync(path.join(dir, String(pid), 'stat'), stat);
  };

  it('reads each stat file; a process that ended while read (no stat) and other entries are skipped', () => {
    proc(10, '10 (docker) S 1 10 10');
    proc(11, '11 (docker-buildx) S 10 10 10');
    proc(12, undefined);
    mkdirSync(path.join(dir, 'self'));
    writeFileSync(path.join(dir, 'uptime'), '1 2');
    expect(descendantsOf(10, dir)).toEqual([11]);
  });

  it('no /proc (macOS): none', () => {
    expect(descendantsOf(10, path.join(dir, 'absent'))).toEqual([]);
  });

  it('killTree: the child first, then what it started as it was before (a shell whose job dies cannot exit 0 in between)', () => {
    proc(10, '10 (bash) S 1 10 10');
    proc(11, '11 (sleep) S 10 10 10');
    proc(12, '12 (sleep) S 11 10 10');
    const kills: string[] = [];
    const spy = vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
      kills.push(`${pid} ${String(signal)}`);
      return true;
    });
    try {
      killTree({ pid: 10, kill: (signal) => kills.push(`child ${signal}`) > 0 }, dir);
    } finally {
      spy.mockRestore();
    }
    expect(kills).toEqual(['child SIGKILL', '11 SIGKILL', '12 SIGKILL']);
  });
  /** A stat line as the kernel writes it: pid (comm) state ppid pgrp session ... starttime (field 22). */
  const stat = (pid: number, ppid: number, start: number) =>
    `${pid} (sh) S ${ppid} ${pid} ${pid} 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 ${start} 0 0`;

  it('processesUnder and killFound: only what still runs as the process found (a pid reused is spared)', () => {
    proc(10, stat(10, 1, 500));
    proc(11, stat(11, 10, 600));
    proc(12, stat(12, 11, 700));
    const found = processesUnder(10, dir);
    expect(found).toEqual([
      { pid: 11, start: '600' },
      { pid: 12, start: '700' },
    ]);
    // The child ended: 11 went with it, 12 runs on under init, and 11's pid is another process's now.
    rmSync(path.join(dir, '10'), { recursive: true });
    writeFileSync(path.join(dir, '11', 'stat'), stat(11, 1, 900));
    writeFileSync(path.join(dir, '12', 'stat'), stat(12, 1, 700));
    const kills: string[] = [];
    const spy = vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
      kills.push(`${pid} ${String(signal)}`);
      return true;
    });
    try {
      killFound(found, dir);
    } finally {
      spy.mockRestore();
    }
    expect(kills).toEqual(['12 SIGKILL']);
  });

  it('startOf: a zombie has ended, but not one whose main thread ended while its other threads run', () => {
    const zombie = (pid: number, threads: number) => {
      proc(pid, stat(pid, 1, 500).replace(' S ', ' Z '));
      for (let t = 0; t < threads; t++)
        mkdirSync(path.join(dir, String(pid), 'task', String(pid + t)), { recursive: true });
    };
    zombie(20, 1); // killed, not yet reaped
    zombie(21, 0); // no task directory to read
    zombie(30, 2); // pthread_exit in main: the kernel shows Z while thread 31 runs
    expect(startOf(20, dir)).toBeUndefined();
    expect(startOf(21, dir)).toBeUndefined();
    expect(startOf(30, dir)).toBe('500');
  });
});
