// Text from an image (a dist's top_level.txt, a test's reason or output, an ENTRYPOINT path) never
// reaches the CLI's terminal as a control sequence: an OSC 52 clipboard write, an erase-line, a
// carriage return that draws over a FAIL, a line break that forges a progress line. renderSmoke,
// the progress, warning and error lines of `ml-image smoke` and `ml-image run`, and the final error
// escape them as JSON does (\u001b); line breaks of a message of several lines are kept. Found by
// a review of image-derived text (ml-image capture and diff escaped already).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { processIo, runCli } from '../../src/cli/main.js';
import { renderSmoke } from '../../src/cli/commands/smoke.js';
import { printableLines } from '../../src/util/text.js';
import { captureIo, fakeDocker, fakeSession, imageDetails } from '../helpers/fakes.js';
import { makeSmoke } from '../helpers/records.js';

const OSC52 = '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2gK\u0007\u001b[2K\u001b[1Gfoo';
// What images/probe/ml_image_smoke.py prints for a dist whose top_level.txt holds OSC52.
const PROBE = `${JSON.stringify({ status: 'fail', reason: `cannot import ${OSC52} (evil-pkg)`, details: [] })}\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-cli-esc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('control sequences from the image, on the terminal', () => {
  it.each<[string, string]>([
    ['ESC and BEL', 'a\u001b[2Kb\u0007c'],
    ['a lone carriage return', 'FAIL\rok  '],
    ['a bidi override', 'x\u202eevil'],
    ['a line separator', 'a\u2028b'],
  ])('printableLines escapes %s', (_n, text) => {
    for (const c of ['\u001b', '\u0007', '\r', '\u202e', '\u2028'])
      expect(printableLines(text)).not.toContain(c);
  });

  it('printableLines keeps the line breaks (also CRLF) and tabs of a message', () => {
    expect(printableLines('a\n\tb\r\nc')).toBe('a\n\tb\r\nc');
  });

  it('renderSmoke escapes a test id, reason, metric, cause and output line', () => {
    const text = renderSmoke(
      makeSmoke([
        {
          id: `imports${OSC52}`,
          status: 'fail',
          reason: `cannot import ${OSC52}`,
          metrics: { note: OSC52 } as never,
          cause: { id: 'x', cause: OSC52, fix: OSC52 } as never,
          output: `Traceback\n${OSC52}\n`,
        },
      ]),
    );
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('\\u001b]52;c;');
  });

  it('a line break in what the image said forges no progress line (finding)', async () => {
    const forged = '[   0.4s] smoke   cpu/amd64: 12 passed, 0 failed, 0 skipped in 0.4s';
    const probe = `${JSON.stringify({ status: 'fail', reason: `cannot import x\n${forged}\n(evil-pkg)`, details: [] })}\n`;
    writeFileSync(path.join(dir, 'requirements.txt'), 'evil-pkg\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, python: { requirements: ['requirements.txt'] } }),
    );
    const docker = fakeDocker({
      daemonFeatures: async () => ({ runtimes: ['runc'], cdiSpecDirs: [], cdiDevices: [] }),
      inspectImage: async () => ({ ...imageDetails(), entrypoint: [`/opt/v\n${forged}\nx/bin/python3`] }),
      runContainer: async () => ({
        containerId: 'c',
        exitCode: 1,
        timedOut: false,
        stdout: probe,
        stderr: '',
        durationMs: 1,
      }),
      startSession: async () => fakeSession(() => ({ exitCode: 1, stdout: probe, stderr: '' })),
    } as never);
    const io = captureIo(dir, docker);
    await runCli(['smoke', '--image', 'o/m:1', '--suites', 'imports', '--config', 'ml-image.yml'], io);
    expect(io.err()).toContain('cannot import x');
    expect(io.err().split('\n')).not.toContain(forged);
    expect(io.out().split('\n')).not.toContain(forged);
  });

  it('ml-image smoke: neither stdout nor stderr carries the sequence', async () => {
    writeFileSync(path.join(dir, 'requirements.txt'), 'evil-pkg\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, python: { requirements: ['requirements.txt'] } }),
    );
    const docker = fakeDocker({
      daemonFeatures: async () => ({ runtimes: ['runc'], cdiSpecDirs: [], cdiDevices: [] }),
      inspectImage: async () => imageDetails(),
      runContainer: async () => ({
        containerId: 'c',
        exitCode: 1,
        timedOut: false,
        stdout: PROBE,
        stderr: '',
        durationMs: 1,
      }),
      startSession: async () => fakeSession(() => ({ exitCode: 1, stdout: PROBE, stderr: '' })),
    } as never);
    const io = captureIo(dir, docker);
    await runCli(['smoke', '--image', 'o/m:1', '--suites', 'imports', '--config', 'ml-image.yml'], io);
    expect(io.out()).toContain('cannot import');
    expect(io.out()).not.toContain('\u001b');
    expect(io.err()).not.toContain('\u001b');
  });
});

describe("processIo's stderr: what builds and images stream (finding)", () => {
  it('escapes a control sequence in a buildx or container line, keeps line breaks and tabs', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      written.push(String(s));
      return true;
    });
    try {
      // `ml-image build` and `run` print buildx's RUN output, `smoke --verbose` a test's, as given.
      processIo().stderr(`  [cpu/amd64] #7 0.412 ${OSC52}\n\tFAIL\rok  \n`);
    } finally {
      spy.mockRestore();
    }
    const text = written.join('');
    for (const c of ['\u001b', '\u0007', '\r']) expect(text).not.toContain(c);
    expect(text).toContain('\\u001b]52;c;');
    expect(text).toContain('\n\tFAIL\\rok  \n');
  });
});
