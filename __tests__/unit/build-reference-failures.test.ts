// A build whose image reference buildx, BuildKit or the engine refused is not a Dockerfile's fault:
// a refused tag or name (made of image.registry, image.name, image.version and the variant names)
// is the config's (exit 2, the fix naming those fields); "invalid reference format" with an [IPv6]
// registry is an engine or builder older than IPv6 registry hosts (exit 3, naming the registry and
// what to upgrade). The logs are buildx's own lines; no process is started.
import { describe, expect, it } from 'vitest';
import { referenceFailure } from '../../src/build/retry.js';
import { exitCodeOf } from '../../src/errors.js';
import { attemptError } from '../helpers/failed-attempt.js';

const LONG = `localhost:5000/${'a'.repeat(250)}:1.0.0-cpu`;

const thrown = (log: string, registries: { write: string; read?: string }) =>
  attemptError(log, { registries, platform: 'linux/amd64' });

describe('a refused reference', () => {
  it.each<[string, string, { write: string; read?: string }, number, RegExp, RegExp]>([
    [
      'a name over 255 characters (buildx)',
      `ERROR: invalid tag "${LONG}": repository name must not be more than 255 characters`,
      { write: 'localhost:5000' },
      2,
      /refused the image's name or a tag: invalid tag .*255 characters/,
      /image\.registry\/image\.name.*image\.version.*255 characters/,
    ],
    [
      'an uppercase name',
      'ERROR: invalid tag "ghcr.io/A/b:1-cpu": invalid reference format: repository name must be lowercase',
      { write: 'ghcr.io' },
      2,
      /must be lowercase/,
      /image\.registry\/image\.name/,
    ],
    [
      'a bad tag',
      'ERROR: failed to solve: invalid tag format',
      { write: 'ghcr.io' },
      2,
      /invalid tag format/,
      /image\.version/,
    ],
    [
      'an [IPv6] registry on an older engine (BuildKit in dockerd 20.10, buildx 0.13)',
      '#1 [internal] load build definition from Dockerfile\nERROR: failed to solve: invalid reference format',
      { write: '[::1]:5000', read: 'docker.io' },
      3,
      /\[IPv6\] registry \[::1\]:5000 \(failed to solve: invalid reference format\)/,
      /Docker 26 or later.*image\.registry/,
    ],
    [
      'an [IPv6] registry on an older buildx',
      'ERROR: invalid tag "[::1]:5000/a/b:1-cpu": invalid reference format',
      { write: '[::1]:5000' },
      3,
      /\[IPv6\] registry \[::1\]:5000/,
      /buildx 0\.12 or later/,
    ],
    [
      "an [IPv6] base's registry (the FROM)",
      'ERROR: failed to solve: failed to parse stage name "[fd00::1]:5000/py:3": invalid reference format',
      { write: 'ghcr.io', read: '[fd00::1]:5000' },
      3,
      /\[IPv6\] registry \[fd00::1\]:5000/,
      /build\.mirrors or the variant's base/,
    ],
  ])('%s', (_what, log, registries, code, message, fix) => {
    const e = thrown(log, registries);
    expect(exitCodeOf(e)).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.fix).toMatch(fix);
    expect(e.fix).not.toContain('Dockerfile');
  });

  it.each([
    [
      "the Dockerfile's own FROM",
      'ERROR: failed to solve: failed to parse stage name "${BASE": invalid reference format',
    ],
    [
      'a pip conflict',
      'ERROR: failed to solve: process "/bin/sh -c pip install" did not complete: exit code: 1',
    ],
  ])('%s: the build\'s own (exit 1, "fix the Dockerfile")', (_what, log) => {
    expect(referenceFailure({ id: 'cpu/amd64', log, registries: { write: 'ghcr.io' } })).toBeUndefined();
    const e = thrown(log, { write: 'ghcr.io' });
    expect(exitCodeOf(e)).toBe(1);
    expect(e.fix).toContain('fix the Dockerfile or requirements');
  });

  // The [IPv6] registry is blamed only for a reference on it: a FROM typo stays the Dockerfile's.
  it.each([
    [
      'an unclosed build arg',
      'ERROR: failed to solve: failed to parse stage name "${BASE": invalid reference format',
    ],
    [
      'a short digest',
      'ERROR: failed to solve: failed to parse stage name "busybox@sha256:abc": invalid reference format',
    ],
  ])("with an [IPv6] registry, the Dockerfile's own FROM (%s): exit 1, not the engine", (_what, log) => {
    const registries = { write: '[::1]:5000', read: 'docker.io' };
    expect(referenceFailure({ id: 'cpu/amd64', log, registries })).toBeUndefined();
    const e = thrown(log, registries);
    expect(exitCodeOf(e)).toBe(1);
    expect(e.fix).toContain('fix the Dockerfile or requirements');
  });
});
