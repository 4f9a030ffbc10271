// `ml-image doctor` stopped by SIGINT/SIGTERM: a check whose docker CLI the cleanup killed is the
// interrupt's (exit 130/143, "interrupted by ..."), not a failed check with a fix that does not apply
// ("the builder cannot build for ... (it supports: nothing)": register QEMU binfmt handlers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { EnvironmentError } from '../../src/errors.js';
import { clearInterruptedForTests, markInterrupted } from '../../src/util/cleanup.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

const ping = async () => ({ version: '27.0.0', apiVersion: '1.46', os: 'linux', arch: 'amd64' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-doctor-int-'));
});
afterEach(() => {
  clearInterruptedForTests();
  rmSync(dir, { recursive: true, force: true });
});

describe('ml-image doctor after SIGINT/SIGTERM', () => {
  it('a builder inspect killed by the cleanup (no platforms read) is the interrupt, not a missing QEMU', async () => {
    const docker = fakeDocker({
      ping,
      buildxVersion: async () => '0.13.1',
      buildxInspect: async () => {
        // The signal came while `docker buildx inspect` ran: killed, it printed nothing.
        markInterrupted('SIGTERM');
        return { name: 'default', driver: 'docker', platforms: [] };
      },
    });
    const io = captureIo(dir, docker, {});
    const code = await runCli(['doctor'], io);
    expect(code, io.out() + io.err()).toBe(143);
    expect(io.err()).toMatch(/interrupted by SIGTERM: the platforms check was stopped/);
    expect(io.out() + io.err()).not.toMatch(/binfmt|checks failed/);
  });

  it('a buildx version killed by the cleanup: exit 130, no "checks failed: buildx"', async () => {
    const docker = fakeDocker({
      ping,
      buildxVersion: async () => {
        markInterrupted('SIGINT');
        throw new EnvironmentError('docker buildx version failed (exit 137)', 'install buildx');
      },
    });
    const io = captureIo(dir, docker, {});
    const code = await runCli(['doctor'], io);
    expect(code, io.out() + io.err()).toBe(130);
    expect(io.err()).toMatch(/interrupted by SIGINT: the buildx check was stopped/);
    expect(io.out() + io.err()).not.toMatch(/checks failed|install buildx/);
  });
});
