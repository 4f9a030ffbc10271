// Bad input at the edges of the exit-code contract (found by a review; each failed before its fix):
// each row is what a user may give; each expectation is the contract (exit 2 naming the file or
// field for bad input, 3 for the environment, never "internal error", never a hang, never a value
// that may be a secret echoed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { testWithin } from '../../src/util/bounded-regex.js';
import { identityMatcher } from '../../src/attest/verify-inputs.js';
import { makeRecord } from '../helpers/records.js';
import { findCredential } from '../../src/docker/registry-auth.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-review-'));
  mkdirSync(path.join(dir, '.git'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (files: Record<string, string>) => {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
};

const CPU = 'image:\n  name: my-org/model\nvariants: [cpu]\nplatforms: [linux/amd64]\n';

describe('size.budget the schema takes, the report cannot carry', () => {
  // The report model takes at most 40 characters (src/report/model-schema.ts): a longer budget
  // passed validate, then failed writing report-<variant>.json as an internal error (exit 1).
  it.each([
    ['a long absolute size', `${'9'.repeat(40)}GB`],
    ['a long growth', `+${'5'.repeat(40)}%`],
    ['a size with many blanks', `8${' '.repeat(40)}GB`],
  ])('%s: refused with exit 2 naming size.budget, by validate and by report alike', async (_n, budget) => {
    write({
      'ml-image.yml': `${CPU}size:\n  budget: ${JSON.stringify(budget)}\n`,
      'r/env-cpu-amd64.json': JSON.stringify(makeRecord()),
    });
    const validate = captureIo(dir);
    const validated = await runCli(['validate'], validate);
    const report = captureIo(dir);
    const reported = await runCli(['report', '--results', 'r', '--json'], report);
    expect(report.err()).not.toMatch(/internal error/);
    expect(() => JSON.parse(report.out())).not.toThrow();
    // Bad input is said at the door (validate, and report itself), naming the field.
    expect(validated).toBe(2);
    expect(validate.err()).toMatch(/size\.budget/);
    expect(reported).toBe(2);
    expect(report.err()).toMatch(/size\.budget/);
  });
});

describe('--variants naming a variant the file lists, whose entry is invalid', () => {
  // An entry that does not validate had no name: "gpu" then read as shorthand and was refused as a
  // name of its own, with no line; the file's real problem (cuda: 12.8 unquoted) was not said.
  const CONFIG =
    'image:\n  name: my-org/model\nvariants:\n  - cpu\n  - name: gpu\n    cuda: 12.8\nplatforms: [linux/amd64]\n';
  it.each([['validate'], ['plan'], ['build']])(
    '%s --variants gpu names the file line and field',
    async (cmd) => {
      write({ 'ml-image.yml': CONFIG });
      const io = captureIo(dir);
      expect(await runCli([cmd, '--variants', 'gpu'], io)).toBe(2);
      expect(io.err()).toMatch(
        /line 6: variants\[1\]\.cuda: expected a version like "12\.8", got number 12\.8/,
      );
      expect(io.err()).not.toMatch(/got "gpu" \(from flag --variants\)/);
    },
  );
});

describe("doctor --registry with a Docker config.json that parses but is not docker's", () => {
  // findCredential read config.credHelpers of a `null` config and Buffer.from()ed a non-string
  // auth: a TypeError, which doctor rethrew (only EnvironmentErrors are failed checks): exit 1.
  const healthy = {
    ping: async () => ({ version: '27.0.0', apiVersion: '1.46', os: 'linux', arch: 'amd64' }),
    buildxVersion: async () => '0.13.1',
    buildxInspect: async () => ({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/arm64'],
    }),
  };
  it.each([
    ['null', 'null'],
    ['an auth that is a number', '{"auths": {"127.0.0.1:1": {"auth": 5}}}'],
  ])('config.json %s: exit 3 naming the file, not an internal error', async (_n, text) => {
    write({ 'docker/config.json': text });
    const io = captureIo(dir, fakeDocker(healthy as never), {
      DOCKER_CONFIG: path.join(dir, 'docker'),
      HOME: dir,
    });
    const code = await runCli(['doctor', '--registry', '127.0.0.1:1/acme/model', '--json'], io);
    expect(io.err()).not.toMatch(/internal error/);
    expect(code).toBe(3);
    expect(io.out()).toContain('config.json');
  });
});

describe('a keyless identity regexp that backtracks for good in JavaScript (RE2 runs it in linear time)', () => {
  // Tried on the main thread without a bound, "^(.*)*X$" takes about 2^88 steps: no timer, signal
  // or --timeout could end it. A hang here fails the test by its own timeout.
  it('testWithin gives up on it, and answers a quick one', () => {
    expect(testWithin(/^(.*)*X$/, `https://github.com/${'a'.repeat(60)}`, 50)).toBeUndefined();
    expect(testWithin(/^https:\/\/github\.com\/acme\//, 'https://github.com/acme/x', 50)).toBe(true);
    expect(testWithin(/^https:\/\/github\.com\/acme\//, 'https://github.com/other/x', 50)).toBe(false);
  });

  it('verify: exit 2, the pattern named as one whose reach this check cannot tell', async () => {
    const io = captureIo(dir);
    const code = await runCli(
      ['verify', `ghcr.io/a/b@sha256:${'a'.repeat(64)}`, '--certificate-identity-regexp', '^(.*)*X$'],
      io,
    );
    expect(code, io.err()).toBe(2);
    expect(io.err()).toMatch(/did not finish trying within 250 ms/);
  });

  it('a SAN it backtracks on for good is taken as matching (only to pick which claims to report)', () => {
    const matches = identityMatcher({ certificateIdentityRegexp: '^(.*)*X$' });
    expect(matches(`https://github.com/${'a'.repeat(60)}`)).toBe(true);
    expect(
      identityMatcher({ certificateIdentityRegexp: '^https://github\\.com/acme/' })('https://github.com/b/x'),
    ).toBe(false);
  });
});

describe('the build-args input: a line that is no KEY=VALUE', () => {
  // The line was quoted whole; like the secrets input, the item is named by its place (and a YAML
  // `NAME: value`, the likely slip, by its name). build-args is where a token goes by mistake.
  it.each([
    ['YAML form', 'HF_TOKEN: hunter2-very-secret'],
    ['no separator', 'hunter2-very-secret'],
  ])('%s: refused without echoing the value', async (_n, line) => {
    const { overridesFromInputs } = await import('../../src/config/inputs.js');
    const { redactMessage } = await import('../../src/util/redact.js');
    let message = '';
    try {
      overridesFromInputs((n) => (n === 'build-args' ? `A=1\n${line}` : ''));
    } catch (e) {
      // As the action's setFailed shows it (src/action/io.ts coreIo).
      message = redactMessage((e as Error).message);
    }
    expect(message).toMatch(/input "build-args"/);
    expect(message).not.toContain('hunter2-very-secret');
  });
});

describe("Docker Desktop's config.json: a null field is an absent one, as Go reads it (finding: exit 3)", () => {
  const deps = (text: string) => ({
    dockerConfig: () => ({ file: '/home/u/.docker/config.json', text }),
    helper: async () => ({ username: 'u', secret: 's' }),
  });
  it.each<[string, string, string]>([
    ['"auths": null (what Docker Desktop writes)', '{"auths": null, "credsStore": "desktop"}', 'store'],
    ['"credHelpers": null', '{"credHelpers": null, "credsStore": "desktop"}', 'store'],
    ['"credsStore": null', '{"auths": {}, "credsStore": null}', 'none'],
    ['an auths entry null', '{"auths": {"ghcr.io": null}, "credsStore": "desktop"}', 'store'],
    ["an entry's auth null", '{"auths": {"ghcr.io": {"auth": null, "identitytoken": null}}}', 'none'],
    [
      "a null entry before the host's own",
      '{"auths": {"ghcr.io": null, "https://ghcr.io": {"auth": "dTpw"}}}',
      'login',
    ],
    [
      "a null helper before the host's own",
      '{"credHelpers": {"ghcr.io": null, "https://ghcr.io": "gh"}}',
      'helper',
    ],
  ])('%s: %s', (_n, text, kind) => {
    expect(findCredential('ghcr.io', deps(text)).kind).toBe(kind);
  });
});
