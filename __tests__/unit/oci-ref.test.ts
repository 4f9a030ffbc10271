// src/oci/ref.ts: the one grammar of image references and digests that every caller shares (the
// reference grammar itself is tabled in bad-input.test.ts, parsing and mirrors in plan.test.ts).
import { describe, expect, it } from 'vitest';
import { splitImageRef } from '../../src/docker/registry.js';
import { InputError } from '../../src/errors.js';
import {
  DIGEST_RE,
  isDigest,
  isTag,
  parseDigestRef,
  parseImageRef,
  repositoryOf,
} from '../../src/oci/ref.js';
import { inputErrorOf } from '../helpers/errors.js';

const HEX = '93471452c966adbc707ff59a0f0dbbd4ae8b462e0d2663696c1c15d46bab81fd';
const D = `sha256:${HEX}`;

describe('DIGEST_RE / isDigest', () => {
  it.each([
    [D, true],
    [`sha256:${HEX.toUpperCase()}`, false],
    [`sha256:${HEX.slice(1)}`, false],
    [`sha256:${HEX}0`, false],
    [`x${D}`, false],
    [`${D}\n`, false],
    [`sha512:${HEX}${HEX}`, false],
    ['', false],
  ])('%j -> %s', (s, want) => {
    expect(DIGEST_RE.test(s)).toBe(want);
    expect(isDigest(s)).toBe(want);
  });

  it('isDigest takes null and undefined', () => {
    expect(isDigest(undefined)).toBe(false);
    expect(isDigest(null)).toBe(false);
  });
});

describe('isTag', () => {
  it.each([
    ['v1', true],
    ['1.4.0-cpu', true],
    ['_x', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['-v1', false],
    ['.v1', false],
    ['v 1', false],
    ['', false],
  ])('%j -> %s', (tag, want) => {
    expect(isTag(tag)).toBe(want);
  });
});

describe('a first component with capitals names a registry, as docker reads it', () => {
  it('MYREG/team/python:3.12 is on the registry MYREG', () => {
    expect(parseImageRef('MYREG/team/python:3.12')).toMatchObject({
      registry: 'MYREG',
      path: 'team/python',
      tag: '3.12',
    });
    expect(parseImageRef('team/python:3.12')).toMatchObject({ registry: 'docker.io', path: 'team/python' });
  });
});

describe('Docker Hub by any of its names: official images under library/', () => {
  it.each([
    ['python', 'docker.io', 'library/python'],
    ['docker.io/python', 'docker.io', 'library/python'],
    ['index.docker.io/python:3', 'index.docker.io', 'library/python'],
    [`registry-1.docker.io/python@${D}`, 'registry-1.docker.io', 'library/python'],
    ['registry-1.docker.io/org/app', 'registry-1.docker.io', 'org/app'],
    ['ghcr.io/python', 'ghcr.io', 'python'],
  ])('%s', (ref, registry, path) => {
    expect(parseImageRef(ref)).toMatchObject({ registry, path });
    expect(repositoryOf(ref)).toBe(`${registry}/${path}`);
    // The registry client reads a reference the same way.
    expect(splitImageRef(ref)).toMatchObject({ host: registry, repository: path });
  });
});

describe('parseDigestRef', () => {
  it.each([
    [`localhost:5000/ml/app@${D}`, `localhost:5000/ml/app@${D}`, 'localhost:5000', 'ml/app'],
    [`ghcr.io/org/app@${D}`, `ghcr.io/org/app@${D}`, 'ghcr.io', 'org/app'],
    [`org/app@${D}`, `org/app@${D}`, 'docker.io', 'org/app'],
    [`python@${D}`, `python@${D}`, 'docker.io', 'library/python'],
    [`127.0.0.1:5999/x/y@${D}`, `127.0.0.1:5999/x/y@${D}`, '127.0.0.1:5999', 'x/y'],
    // A tag before the digest, as docker and cosign take it: dropped, the digest decides.
    [`ghcr.io/org/app:1.0@${D}`, `ghcr.io/org/app@${D}`, 'ghcr.io', 'org/app'],
    [`localhost:5000/ml/app:v1@${D}`, `localhost:5000/ml/app@${D}`, 'localhost:5000', 'ml/app'],
    [`python:3.11-slim@${D}`, `python@${D}`, 'docker.io', 'library/python'],
  ])('%s -> %s on %s', (given, ref, registry, path) => {
    expect(parseDigestRef(given)).toEqual({ ref, registry, path, digest: D });
  });

  it.each<[string, RegExp]>([
    ['ghcr.io/org/app:1.0', /^image ".*" has no @sha256:<64 hex> digest \(pin by digest\)/],
    ['ghcr.io/org/app', /has no @sha256/],
    ['ghcr.io/org/app@sha256:abc', /is not pinned by a whole digest: the digest has 3 hex digits/],
    [`ghcr.io/org/app@sha512:${HEX}${HEX}`, /is not pinned by a whole digest: its digest is sha512:/],
    [`ghcr.io/org/app@sha256:${HEX.toUpperCase()}`, /a sha256 digest is 64 lowercase hex digits/],
    [`ghcr.io/Org/app@${D}`, /is not a valid image reference: the repository name must be lowercase/],
    ['', /is not a valid image reference: empty image reference/],
    [`ghcr.io/org/app@${D};rm -rf /`, /character ";" is not allowed/],
    [`ghcr.io/org/app:-1@${D}`, /is not a valid image reference: expected NAME/],
    [`ghcr.io/org/app:1@${D}@${D}`, /is not a valid image reference/],
    // build.json's digest alone: the repository is missing, not the digest.
    [D, /^image ".*" is a digest without its repository: pass REPOSITORY@sha256:/],
  ])('%j -> InputError naming the value', (ref, why) => {
    const e = inputErrorOf(() => parseDigestRef(ref));
    expect(e).toBeInstanceOf(InputError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(JSON.stringify(ref));
    expect(e.message).toMatch(why);
  });

  // Finding: a cut-off digest got the fix of a reference without one ("a tag can move").
  it.each([
    [
      'sha256:1234',
      'the digest has 4 hex digits after "sha256:", where a sha256 digest has 64 (cut off when copied?)',
    ],
    [
      'sha256:1',
      'the digest has 1 hex digit after "sha256:", where a sha256 digest has 64 (cut off when copied?)',
    ],
    [
      'sha256:',
      'the digest has 0 hex digits after "sha256:", where a sha256 digest has 64 (cut off when copied?)',
    ],
    [`sha256:${HEX}0`, 'the digest has 65 hex digits after "sha256:", where a sha256 digest has 64'],
    [`sha256:${'A'.repeat(64)}`, 'a sha256 digest is 64 lowercase hex digits'],
    [`sha512:${HEX}`, 'its digest is sha512:..., and an image is pinned by its sha256 digest'],
    [`SHA256:${HEX}`, 'its digest is SHA256:..., and the algorithm is written in lower case (sha256:)'],
  ])('REPO@%s: what the digest lacks, and how to copy it whole', (digest, why) => {
    const ref = `localhost:5000/acme/model@${digest}`;
    const e = inputErrorOf(() => parseDigestRef(ref, { field: 'verify: IMAGE@DIGEST' }));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(
      `verify: IMAGE@DIGEST ${JSON.stringify(ref)} is not pinned by a whole digest: ${why}`,
    );
    expect(e.fix).toMatch(
      /^pass REPOSITORY@sha256: and the 64 lowercase hex digits of the digest, copied whole/,
    );
    expect(e.fix).not.toContain('a tag can move');
  });

  // Finding: a reference pasted from the PR comment (a U+2060 after "@", which stops a GitHub
  // mention) was refused as 'character "\u2060" is not allowed' with no fix.
  it.each([
    ['\u2060', 'WORD JOINER', `localhost:5000/acme/model@\u2060${D}`, ' after "ost:5000/acme/model@"'],
    ['\u200b', 'ZERO WIDTH SPACE', `ghcr.io/org/app\u200b@${D}`, ' after "ghcr.io/org/app"'],
    ['\u200c', 'ZERO WIDTH NON-JOINER', `ghcr.io/org/app@${D}\u200c`, ` after "${D.slice(-20)}"`],
    ['\u200d', 'ZERO WIDTH JOINER', `ghcr.io/org/\u200dapp@${D}`, ' after "ghcr.io/org/"'],
    ['\ufeff', 'ZERO WIDTH NO-BREAK SPACE', `\ufeffghcr.io/org/app@${D}`, ''],
  ])('an invisible %j (%s): named as such, with the fix, never stripped', (char, name, ref, after) => {
    const e = inputErrorOf(() => parseDigestRef(ref, { field: 'verify: IMAGE@DIGEST' }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.exitCode).toBe(2);
    const code = char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    expect(e.message).toBe(
      `verify: IMAGE@DIGEST ${JSON.stringify(ref)} is not a valid image reference: it holds an invisible character U+${code} (${name})${after}, as text copied from a rendered report may`,
    );
    expect(e.fix).toBe('type the reference again or remove it');
  });

  it('allowTag: false refuses a tag before the digest', () => {
    const ref = `ghcr.io/org/app:1.0@${D}`;
    const e = inputErrorOf(() => parseDigestRef(ref, { allowTag: false, field: '--image' }));
    expect(e.message).toBe(
      `--image "${ref}" names a tag and a digest: pass REPOSITORY@sha256:<digest>, without the tag`,
    );
    expect(parseDigestRef(`ghcr.io/org/app@${D}`, { allowTag: false }).ref).toBe(`ghcr.io/org/app@${D}`);
  });

  it('names the field, and says where else a digest comes from', () => {
    const e = inputErrorOf(() =>
      parseDigestRef('a/b:c', { field: 'input "image"', orElse: 'the build output', fix: 'FIX' }),
    );
    expect(e.message).toBe(
      'input "image" "a/b:c" has no @sha256:<64 hex> digest (pin by digest): pass REPOSITORY@sha256:<digest>, or the build output',
    );
    expect(e.fix).toBe('FIX');
    expect(inputErrorOf(() => parseDigestRef('a/b:c')).fix).toMatch(/docker buildx imagetools inspect/);
  });
});
