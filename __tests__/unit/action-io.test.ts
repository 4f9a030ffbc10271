// What the action and the CLI write to the runner's log and stderr: URL userinfo and tokens of a
// known form never get through, whatever a message quotes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreIo } from '../../src/action/io.js';
import { processIo } from '../../src/cli/main.js';

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}abcdef`;
const MESSAGE = `input "secret-envs": GH=${TOKEN}: ${TOKEN} is not set; index https://ci:Pw-9x@pypi.corp/simple`;

afterEach(() => vi.restoreAllMocks());

function captured(stream: NodeJS.WriteStream): () => string {
  const chunks: string[] = [];
  vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

describe("the action's log lines and annotations", () => {
  it.each([
    ['setFailed', (m: string) => coreIo().setFailed(m)],
    ['error', (m: string) => coreIo().error(m)],
    ['warning', (m: string) => coreIo().warning(m)],
    ['info', (m: string) => coreIo().info(m)],
  ])('%s: no token, no password', (_what, write) => {
    const out = captured(process.stdout);
    write(MESSAGE);
    process.exitCode = undefined; // setFailed sets it
    expect(out()).toContain('is not set');
    expect(out()).not.toContain(TOKEN);
    expect(out()).not.toContain('Pw-9x');
  });
});

describe("the CLI's stderr", () => {
  it('no token, no password; stdout (machine output) keeps its values but no password', () => {
    const err = captured(process.stderr);
    const out = captured(process.stdout);
    const io = processIo();
    io.stderr(`error: ${MESSAGE}\n`);
    io.stdout(`{"url":"https://ci:Pw-9x@pypi.corp/simple"}\n`);
    expect(err()).toContain('is not set');
    expect(err()).not.toContain(TOKEN);
    expect(err()).not.toContain('Pw-9x');
    expect(out()).toBe('{"url":"https://ci:***@pypi.corp/simple"}\n');
  });
});
