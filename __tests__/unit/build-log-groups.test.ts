// Log groups of builds that run side by side (any driver but docker builds two platforms at once):
// GitHub does not nest groups, so each build's lines are held and written as a group of its own
// when that build ends, and the live progress lines stay outside every group.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildLogs } from '../../src/build/log-groups.js';
import { runBuildStage } from '../../src/build/stage.js';
import type { CommandRunner, ExecOptions } from '../../src/docker/adapter.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { loadConfig, validateConfigData } from '../../src/config/load.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openResultDir } from '../../src/results/results.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { fakeDocker } from '../helpers/fakes.js';

const NO_GIT: CommandRunner = {
  run: async () => ({ exitCode: 128, stdout: '', stderr: 'fatal: not a git repository' }),
};
const DIGEST = (n: number) => `sha256:${String(n).repeat(64)}`;
const tick = () => new Promise((r) => setTimeout(r, 1));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-loggroups-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Event =
  | { open: string }
  | { close: true }
  | { line: string; target: string }
  | { progress: string }
  | { error: string };

/** A build of ARCH: LINES lines, a tick apart, then done, failed (exit 1) or stopped by its signal. */
type Script = { lines: number; fail?: boolean };

/** buildx building each platform as SCRIPTS say; WRITTEN: the build lines in the order it wrote them. */
function fakeBuilds(scripts: Record<'amd64' | 'arm64', Script>, driver = 'docker-container') {
  const written: string[] = [];
  const docker = fakeDocker({
    buildxVersion: async () => '0.21.2',
    buildxInspect: async () => ({ name: 'ml', driver, platforms: ['linux/amd64', 'linux/arm64'] }),
    imageDigest: async () => DIGEST(9),
    buildx: async (args: readonly string[], options?: ExecOptions) => {
      const arch = args[args.indexOf('--platform') + 1]!.split('/')[1] as 'amd64' | 'arm64';
      const s = scripts[arch];
      for (let i = 0; i < s.lines; i++) {
        await tick();
        if (options?.signal?.aborted) return { exitCode: 143, stdout: '', stderr: 'ERROR: canceled' };
        written.push(`#${i} ${arch} step ${i}`);
        options?.onLine?.(`#${i} ${arch} step ${i}`, 'stderr');
      }
      if (s.fail) {
        const log = `ERROR: failed to solve: process "/bin/sh -c pip install" on ${arch} did not complete successfully: exit code: 1`;
        written.push(log);
        options?.onLine?.(log, 'stderr');
        return { exitCode: 1, stdout: '', stderr: log };
      }
      const meta = args[args.indexOf('--metadata-file') + 1]!;
      if (existsSync(path.dirname(meta)))
        writeFileSync(meta, JSON.stringify({ 'containerimage.digest': DIGEST(arch === 'amd64' ? 1 : 2) }));
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    imagetoolsCreate: async () => DIGEST(7),
  });
  return { docker, written };
}

function stage(scripts: Record<'amd64' | 'arm64', Script>, opts: { groups?: boolean; driver?: string } = {}) {
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n');
  const config = validateConfigData(
    { image: { name: 'o/m', registry: 'localhost:5000' }, python: { requirements: ['requirements.txt'] } },
    'x',
  );
  const plan = planBuild(config, { catalog: bundledCatalog(), git: { sha: 'abcdef1234' }, now: new Date(0) });
  const events: Event[] = [];
  const { docker, written } = fakeBuilds(scripts, opts.driver);
  const result = runBuildStage(
    { plan, config, baseDir: dir, imagesDir: findImagesDir(process.cwd()), push: true },
    {
      docker,
      exec: NO_GIT,
      env: {},
      progress: (l) => events.push({ progress: l }),
      output: (line, target) => events.push({ line, target }),
      // As core.group: the group opens, fn runs (awaited), the group closes.
      ...(opts.groups !== false && {
        group: async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
          events.push({ open: name });
          try {
            return await fn();
          } finally {
            events.push({ close: true });
          }
        },
      }),
      sleep: async () => {},
    },
  ).catch((e: Error) => {
    events.push({ error: e.message });
    throw e;
  });
  return { result, events, written };
}

/** The groups as written: each one's name and its lines; throws where groups overlap. */
function groupsOf(events: readonly Event[]): { name: string; lines: string[] }[] {
  const groups: { name: string; lines: string[] }[] = [];
  let open: { name: string; lines: string[] } | undefined;
  for (const e of events) {
    if ('open' in e) {
      expect(open, `group "${e.open}" opened inside "${open?.name}"`).toBeUndefined();
      open = { name: e.open, lines: [] };
    } else if ('close' in e) {
      expect(open).toBeDefined();
      groups.push(open!);
      open = undefined;
    } else if ('progress' in e) {
      expect(open, `progress line "${e.progress}" inside a group`).toBeUndefined();
    } else if ('line' in e) {
      expect(open, `build line "${e.line}" outside every group`).toBeDefined();
      open!.lines.push(`${e.target}: ${e.line}`);
    } else {
      expect(open, 'the error inside a group').toBeUndefined();
    }
  }
  expect(open).toBeUndefined();
  return groups;
}

/** Every line of a group is its own build's, all of that build's lines, in order. */
function expectOwnLines(groups: ReturnType<typeof groupsOf>, written: readonly string[]) {
  for (const g of groups) {
    const arch = /linux\/(\w+)$/.exec(g.name)![1]!;
    const own = written.filter((l) => l.includes(` ${arch} `)).map((l) => `cpu/${arch}: ${l}`);
    expect(g.lines).toEqual(own);
  }
}

describe('build log groups, two platforms built side by side', () => {
  it('one group per build, never overlapping, holding only its lines; the first finished first', async () => {
    const r = stage({ amd64: { lines: 4 }, arm64: { lines: 9 } });
    await r.result;
    const groups = groupsOf(r.events);
    expect(groups.map((g) => g.name)).toEqual(['build cpu linux/amd64', 'build cpu linux/arm64']);
    expectOwnLines(groups, r.written);
    // The builds' lines did arrive interleaved.
    expect(r.written.findIndex((l) => l.includes('arm64'))).toBeLessThan(
      r.written.findLastIndex((l) => l.includes('amd64')),
    );
    // Live progress outside the groups: both builds started before the first group was written.
    const firstOpen = r.events.findIndex((e) => 'open' in e);
    const started = r.events.flatMap((e, i) => ('progress' in e && /: started/.test(e.progress) ? [i] : []));
    expect(started).toHaveLength(2);
    expect(Math.max(...started)).toBeLessThan(firstOpen);
  });

  it("a failing arm64 build's group, with its error line, is written whole before the stage's error", async () => {
    const r = stage({ amd64: { lines: 3 }, arm64: { lines: 6, fail: true } });
    await expect(r.result).rejects.toThrow(/build cpu\/arm64 failed/);
    const groups = groupsOf(r.events);
    expect(groups.map((g) => g.name)).toEqual(['build cpu linux/amd64', 'build cpu linux/arm64']);
    expectOwnLines(groups, r.written);
    expect(groups[1]!.lines.at(-1)).toContain('ERROR: failed to solve');
    const closed = r.events.findLastIndex((e) => 'close' in e);
    expect(r.events.findIndex((e) => 'error' in e)).toBeGreaterThan(closed);
  });

  it('arm64 failing while amd64 still builds: both groups whole (amd64 stopped), before the error', async () => {
    const r = stage({ amd64: { lines: 40 }, arm64: { lines: 3, fail: true } });
    await expect(r.result).rejects.toThrow(/build cpu\/arm64 failed/);
    const groups = groupsOf(r.events);
    expect(groups.map((g) => g.name)).toEqual(['build cpu linux/arm64', 'build cpu linux/amd64']);
    expectOwnLines(groups, r.written);
    expect(r.written.filter((l) => l.includes('amd64')).length).toBeLessThan(40);
    expect(r.events.at(-1)).toHaveProperty('error');
  });

  it('without log groups (the command line) the lines are shown live, as they come', async () => {
    const r = stage({ amd64: { lines: 4 }, arm64: { lines: 9 } }, { groups: false });
    await r.result;
    const lines = r.events.flatMap((e) => ('line' in e ? [e.line] : []));
    expect(lines).toEqual(r.written);
    // Live: amd64's done comes after arm64's first line, before arm64's last.
    const at = (p: (e: Event) => boolean) => r.events.findIndex(p);
    const done = at((e) => 'progress' in e && e.progress.startsWith('build cpu/amd64: done'));
    expect(done).toBeGreaterThan(at((e) => 'line' in e && e.line.includes('arm64')));
    expect(done).toBeLessThan(r.events.findLastIndex((e) => 'line' in e && e.line.includes('arm64')));
  });

  it('the docker driver builds one at a time: each group live around its build', async () => {
    const r = stage({ amd64: { lines: 3 }, arm64: { lines: 3 } }, { driver: 'docker' });
    await r.result;
    const groups = groupsOf(r.events.filter((e) => !('progress' in e)));
    expectOwnLines(groups, r.written);
    // Its progress lines inside its group, as they come.
    const started = r.events.findIndex((e) => 'progress' in e && e.progress === 'build cpu/amd64: started');
    expect(r.events.findIndex((e) => 'open' in e)).toBeLessThan(started);
    expect(r.events.findIndex((e) => 'close' in e)).toBeGreaterThan(started);
  });
});

describe('build output of a run on the command line (no log groups)', () => {
  it("is live: each line as buildx writes it, two builds' lines interleaved", async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: o/m\n  registry: localhost:5000\nvariants: [cpu]\nplatforms: [linux/amd64, linux/arm64]\npython:\n  requirements: [requirements.txt]\n',
    );
    const { docker, written } = fakeBuilds({ amd64: { lines: 4 }, arm64: { lines: 9 } });
    const shown: string[] = [];
    await runPipeline(
      {
        loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
        stages: new Set(['build'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: true,
        merge: false,
        gpus: 'none',
        imagesDir: findImagesDir(process.cwd()),
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: () => docker,
        env: { SOURCE_DATE_EPOCH: '0' },
        progress: () => undefined,
        output: (line) => shown.push(line),
        error: () => undefined,
        warning: () => undefined,
      },
    );
    expect(written.findIndex((l) => l.includes('arm64'))).toBeLessThan(
      written.findLastIndex((l) => l.includes('amd64')),
    );
    expect(shown).toEqual(written);
  });
});

describe("the build stage's git", () => {
  it("is the caller's (PipelineIo.git): the context's commit time is asked of it, no process started", async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image:\n  name: o/m\n  registry: localhost:5000\nvariants: [cpu]\nplatforms: [linux/amd64]\n',
    );
    const { docker } = fakeBuilds({ amd64: { lines: 1 }, arm64: { lines: 1 } });
    const asked: string[][] = [];
    const git: CommandRunner = {
      run: (cmd, args) => {
        asked.push([cmd, ...args]);
        return Promise.resolve({ exitCode: 0, stdout: '1700000000\n', stderr: '' });
      },
    };
    await runPipeline(
      {
        loaded: loadConfig({ cwd: dir, file: path.join(dir, 'ml-image.yml') }),
        stages: new Set(['build'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: true,
        merge: false,
        gpus: 'none',
        imagesDir: findImagesDir(process.cwd()),
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: () => docker,
        git,
        env: {},
        progress: () => undefined,
        error: () => undefined,
        warning: () => undefined,
      },
    );
    expect(asked).toEqual([['git', '-C', expect.any(String), 'log', '-1', '--format=%ct']]);
  });
});

describe('BuildLogs', () => {
  /** WHILEOPEN: something else writing live while a group is open (core.group awaits fn). */
  const sink = (whileOpen?: () => void) => {
    const events: string[] = [];
    const logs: BuildLogs = new BuildLogs(
      {
        group: async (name, fn) => {
          events.push(`open ${name}`);
          try {
            const r = fn();
            whileOpen?.();
            return await r;
          } finally {
            events.push('close');
          }
        },
        output: (line, target) => events.push(`${target}: ${line}`),
        progress: (line) => events.push(`progress ${line}`),
      },
      1000,
    );
    return { logs, events };
  };

  it("keeps the last of a long build's lines, and says how much was cut", async () => {
    const { logs, events } = sink();
    await logs.group('build a', true, async (out) => {
      for (let i = 0; i < 1000; i++) out!(`line ${i} ${'x'.repeat(40)}`, 'a');
    });
    expect(events[0]).toBe('open build a');
    expect(events[1]).toMatch(
      /^a: \[\d+ lines \(\d+ KB\) cut: only the last 1 KB of this build's log are kept\]$/,
    );
    expect(events.at(-2)).toBe(`a: line 999 ${'x'.repeat(40)}`);
    const kept = events
      .slice(2, -1)
      .map((e) => e.slice('a: '.length))
      .join('\n').length;
    expect(kept).toBeLessThanOrEqual(1000);
    expect(kept).toBeGreaterThan(900);
  });

  it('holds live lines while a group is being written, and writes them after it closes', async () => {
    const { logs, events } = sink(() => logs.progress('during'));
    await logs.group('build a', true, async (out) => {
      out!('a1', 'a');
      logs.progress('live');
    });
    logs.progress('after');
    expect(events).toEqual([
      'progress live',
      'open build a',
      'a: a1',
      'close',
      'progress during',
      'progress after',
    ]);
  });

  it('one group written at a time, in the order the builds ended', async () => {
    const { logs, events } = sink();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a = logs.group('build a', true, async (out) => {
      out!('a1', 'a');
      await gate;
    });
    const b = logs.group('build b', true, async (out) => {
      out!('b1', 'b');
      release();
    });
    await Promise.all([a, b]);
    expect(events).toEqual(['open build b', 'b: b1', 'close', 'open build a', 'a: a1', 'close']);
  });

  it("a failed build's group is written before its error reaches the caller", async () => {
    const { logs, events } = sink();
    const e = await logs
      .group('build a', true, async (out) => {
        out!('ERROR: pip', 'a');
        throw new Error('build a failed');
      })
      .catch((x: Error) => x.message);
    events.push(String(e));
    expect(events).toEqual(['open build a', 'a: ERROR: pip', 'close', 'build a failed']);
  });
});
