// One index, one meaning (src/docker/index-keys.ts): a key given twice in one object is read as the
// last value by JSON.parse and merged by Go's encoding/json (containerd, Docker), so an index entry
// whose "platform" (or the index's "manifests") is given twice names one image to verify and
// another to the runtime that pulls it for a platform variant: refused, exit 1. Pure.
import { describe, expect, it } from 'vitest';
import { parseImageIndex } from '../../src/docker/buildx.js';
import { repeatedKey } from '../../src/docker/index-keys.js';
import { CheckFailedError } from '../../src/errors.js';

describe('repeatedKey', () => {
  it.each<[string, string | undefined]>([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":{"b":1},"b":2}', undefined],
    ['[{"a":1},{"a":1}]', undefined],
    ['{"a":[{"x":1,"x":2}]}', 'x'],
    ['{"a":[1,"a",{"a":1}],"b":2}', undefined],
    // Escapes are decoded as JSON reads the key.
    ['{"pl\\u0061tform":1,"platform":2}', 'platform'],
    // Quotes, braces and commas inside strings are text.
    ['{"s":"{\\"a\\":1,\\"a\\":2}","t":"}, \\"s\\":"}', undefined],
    ['{"k":"v\\\\","k":1}', 'k'],
    [' { "a" : 1 , "b" : { } , "a" : [ ] } ', 'a'],
    ['{}', undefined],
    ['"a"', undefined],
  ])('%s -> %j', (text, key) => {
    JSON.parse(text); // valid JSON
    expect(repeatedKey(text)).toBe(key);
  });
});

describe('an index that gives a key twice', () => {
  const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
  const D = (c: string) => `sha256:${c.repeat(64)}`;
  const entry = (digest: string, platform: string) =>
    `{"mediaType":"${MANIFEST}","size":1,"digest":"${digest}","platform":${platform}}`;
  const armV6 = '{"os":"linux","architecture":"arm","variant":"v6"}';
  const arm = '{"os":"linux","architecture":"arm"}';
  it.each([
    // Go decodes the second platform into the first: D(9) is linux/arm/v6 to a runtime, which
    // (containerd ranks both entries alike and keeps the index order) pulls it for linux/arm/v6.
    [
      'an entry\'s "platform"',
      `[${entry(D('9'), armV6).replace(/\}$/, `,"platform":${arm}}`)},${entry(D('1'), armV6)}]`,
      '"platform"',
    ],
    [
      'the index\'s "manifests" (Go decodes the second list into the first one\'s entries)',
      `[${entry(D('9'), armV6)}],"manifests":[${entry(D('9'), arm)},${entry(D('1'), armV6)}]`,
      '"manifests"',
    ],
  ])('%s: refused, exit 1', (_what, manifests, named) => {
    const raw = `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":${manifests}}`;
    JSON.parse(raw);
    let err: unknown;
    try {
      parseImageIndex(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CheckFailedError);
    expect((err as Error).message).toContain(`gives the key ${named} twice`);
  });

  it('the same index with each key once is read', () => {
    const raw = `{"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[${entry(D('1'), armV6)}]}`;
    expect(parseImageIndex(raw).platforms).toEqual([
      { os: 'linux', architecture: 'arm', variant: 'v6', digest: D('1') },
    ]);
  });
});
