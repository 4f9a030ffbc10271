// GitHub shows at most 10 error annotations a step: the action's own failure (setFailed, the last)
// must be among them however many tests or config problems failed before it. Past a budget the
// rest go to the log, and one annotation says how many.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActionIo, capErrors, fail } from '../../src/action/io.js';
import { run } from '../../src/action/run.js';
import { ConfigError } from '../../src/errors.js';
import { STAGES } from '../../src/pipeline/pipeline.js';
import { failureAnnotations } from '../../src/smoke/output.js';
import { fakeDocker } from '../helpers/fakes.js';
import { makeSmoke } from '../helpers/records.js';

const GITHUB_MAX = 10;

/** An IO that records its annotations, log lines and failure in order. */
function recording(inputs: Record<string, string> = {}, cwd = '.') {
  const events: { kind: 'error' | 'failed' | 'info'; message: string; title?: string }[] = [];
  const io: ActionIo = {
    getInput: (n) => inputs[n] ?? '',
    setOutput: () => undefined,
    setFailed: (m) => events.push({ kind: 'failed', message: m }),
    error: (m, p) =>
      events.push({ kind: 'error', message: m, ...(p?.title !== undefined && { title: p.title }) }),
    warning: () => undefined,
    info: (m) => events.push({ kind: 'info', message: m }),
    group: (_n, fn) => fn(),
    cwd,
    env: {},
    docker: () => fakeDocker(),
  };
  return { io, events, errors: () => events.filter((e) => e.kind === 'error') };
}

/** The annotations of N failing tests spread over three targets, as the smoke stage writes them. */
function failingTests(n: number): { title: string; message: string }[] {
  const targets = ['cpu linux/amd64', 'cpu linux/arm64', 'cuda12.8 linux/amd64'];
  return targets.flatMap((target, i) => {
    const count = Math.floor(n / 3) + (i < n % 3 ? 1 : 0);
    const tests = Array.from({ length: count }, (_, k) => ({
      id: `custom:t${k}`,
      status: 'fail' as const,
      reason: `t${k} failed`,
    }));
    return failureAnnotations(target, makeSmoke(tests));
  });
}

describe('error annotations within what GitHub shows', () => {
  it.each([
    {
      label: '25 failing tests across targets',
      after: [],
      tests: 25,
      shown: 9,
      last: /^17 more failing tests in the log above/,
    },
    { label: '3 failing tests', after: [], tests: 3, shown: 3, last: /^t0 failed/ },
    { label: '8 failing tests: no summary needed', after: [], tests: 8, shown: 8, last: /^t\d failed/ },
    { label: '9 failing tests', after: [], tests: 9, shown: 9, last: /^1 more failing test in/ },
    {
      label: '20 failing tests, then stage errors',
      after: ['smoke cpu: the daemon went away', 'build cuda: no builder'],
      tests: 20,
      shown: 9,
      last: /^14 more errors \(12 of them failing tests\)/,
    },
  ])('$label: at most 9 before setFailed, the last saying how many more', ({ after, tests, shown, last }) => {
    const r = recording();
    const io = capErrors(r.io);
    for (const a of failingTests(tests)) io.error(a.message, { title: a.title });
    for (const m of after) io.error(m, { title: 'ml-image stage' });
    io.setFailed('smoke failed: ...');
    const failedAt = r.events.findIndex((e) => e.kind === 'failed');
    const annotated = r.events.slice(0, failedAt).filter((e) => e.kind === 'error');
    expect(annotated).toHaveLength(shown);
    expect(annotated.length + 1).toBeLessThanOrEqual(GITHUB_MAX);
    expect(annotated.at(-1)!.message).toMatch(last);
    expect(r.events.at(-1)).toEqual({ kind: 'failed', message: 'smoke failed: ...' });
    // Nothing is lost: what is not annotated is in the log.
    expect(r.events.filter((e) => e.kind === 'info')).toHaveLength(
      after.length + tests - Math.min(after.length + tests, 8),
    );
  });

  it('a run that does not fail still says how many more at its end (flush)', () => {
    const r = recording();
    const io = capErrors(r.io);
    for (let i = 0; i < 12; i += 1) io.error(`problem ${i}`);
    io.flush();
    io.flush();
    expect(r.errors()).toHaveLength(9);
    expect(r.errors().at(-1)!.message).toMatch(/^4 more errors in the log above/);
  });

  it('fail() with a config error of 25 problems: 9 annotations, then the failure', () => {
    const r = recording();
    const problems = Array.from({ length: 25 }, (_, i) => `line ${i + 1}: variants[${i}].cuda: bad`);
    fail(capErrors(r.io), new ConfigError('ml-image.yml', problems, { file: 'ml-image.yml' }));
    expect(r.errors()).toHaveLength(9);
    expect(r.events.at(-1)!.kind).toBe('failed');
  });

  it('the action caps its own annotations: a config of 25 problems', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-annotations-'));
    try {
      const variants = Array.from({ length: 25 }, (_, i) => `{cuda: cu${i}}`).join(', ');
      writeFileSync(path.join(dir, 'ml-image.yml'), `image: {name: a/b}\nvariants: [${variants}]\n`);
      const r = recording({ config: 'ml-image.yml', build: 'false', stages: STAGES.join(',') }, dir);
      await run(r.io);
      const failedAt = r.events.findIndex((e) => e.kind === 'failed');
      expect(failedAt).toBeGreaterThan(0);
      expect(r.events.slice(0, failedAt).filter((e) => e.kind === 'error')).toHaveLength(9);
      expect(r.errors().at(-1)!.message).toMatch(/^\d+ more errors/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
