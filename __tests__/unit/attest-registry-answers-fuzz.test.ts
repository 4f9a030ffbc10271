// What a registry answers is the pusher's to choose (anyone who may push to the repository writes
// its index, its `.sig` and `.att` tags): the readers of those answers (src/docker/index-keys.ts,
// src/docker/buildx.ts parseImageIndex, src/attest/cosign-image.ts, read-limits.ts) take any JSON
// or bytes without a raw exception: a value, nothing, or an MlImageError whose exit code says a
// check failed (1) or the registry is at fault (3).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  envelopePredicateType,
  parseSimpleSigning,
  parseStatement,
  readLayers,
} from '../../src/attest/cosign-image.js';
import { readableLayers } from '../../src/attest/read-limits.js';
import { readCertificate } from '../../src/attest/workflow-claims.js';
import { parseImageIndex } from '../../src/docker/buildx.js';
import { repeatedKey } from '../../src/docker/index-keys.js';
import { MlImageError } from '../../src/errors.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261207);
const PROPS = { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }) };
const D = (c: string) => `sha256:${c.repeat(64)}`;

/** A JSON document whose objects may give a key twice, written out, with the first key given twice. */
type Doc = { obj: [string, Doc][] } | { arr: Doc[] } | { leaf: string | number | boolean | null };
const key = fc.constantFrom('a', 'platform', 'manifests', 'digest', 'os', '"', '\\', 'pl\u0061tform', '');
const doc: fc.Arbitrary<Doc> = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ leaf: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null)) }),
    fc.record({ obj: fc.array(fc.tuple(key, tie('doc')), { maxLength: 4 }) }),
    fc.record({ arr: fc.array(tie('doc'), { maxLength: 3 }) }),
  ),
})).doc;

/** The text, escaping keys now and then as \u sequences, and the first key repeated in reading order. */
function write(d: Doc, escape: boolean): { text: string; first: string | undefined } {
  let first: string | undefined;
  const quote = (k: string) =>
    escape
      ? `"${[...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
      : JSON.stringify(k);
  const go = (x: Doc): string => {
    if ('leaf' in x) return JSON.stringify(x.leaf);
    if ('arr' in x) return `[${x.arr.map(go).join(',')}]`;
    const seen = new Set<string>();
    const parts: string[] = [];
    for (const [k, v] of x.obj) {
      if (seen.has(k) && first === undefined) first = k;
      seen.add(k);
      // The key's repetition is seen before anything in its value.
      parts.push(`${quote(k)}: ${go(v)}`);
    }
    return `{ ${parts.join(' , ')} }`;
  };
  // `first` must be the first repetition in reading order: a value's own before a later key of
  // its object. Computed by reading order, as go() visits keys and values in that order.
  const text = go(d);
  return { text, first };
}

describe('repeatedKey: the first key given twice in one object, as JSON reads it', () => {
  it('matches a reading of the document that knows its keys, on any document', () => {
    fc.assert(
      fc.property(doc, fc.boolean(), (d, escape) => {
        const { text, first } = write(d, escape);
        JSON.parse(text); // valid JSON
        expect(repeatedKey(text)).toBe(first);
      }),
      PROPS,
    );
  });
});

const descriptor = fc.record(
  {
    mediaType: fc.oneof(
      fc.constantFrom(
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.docker.distribution.manifest.list.v2+json',
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    digest: fc.oneof(fc.constantFrom(D('1'), D('2'), 'sha512:ab', ''), fc.jsonValue({ maxDepth: 1 })),
    size: fc.oneof(fc.constantFrom(0, 1, -1, 1e308, 2 ** 53, 0.5), fc.jsonValue({ maxDepth: 1 })),
    platform: fc.oneof(
      fc.record(
        {
          os: fc.constantFrom('linux', 'unknown', ''),
          architecture: fc.constantFrom('amd64', 'arm64', 'unknown'),
          variant: fc.constantFrom('v8', ''),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    annotations: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const indexDoc = fc.record(
  {
    schemaVersion: fc.constantFrom(2, 1, '2'),
    mediaType: fc.oneof(
      fc.constantFrom(
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
      ),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    manifests: fc.oneof(fc.array(descriptor, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    layers: fc.oneof(fc.array(descriptor, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
    config: fc.oneof(descriptor, fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
const anyAnswer = fc.oneof(
  indexDoc.map((x) => JSON.stringify(x)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
);

/** F's answer, or an MlImageError exiting 1 (a failed check) or 3 (the registry's): never another exception. */
function typed<T>(f: () => T): T | MlImageError {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof MlImageError)) throw e;
    expect([1, 3]).toContain(e.exitCode);
    return e;
  }
}

describe("a registry's answers, whatever the pusher wrote", () => {
  it('parseImageIndex: platforms with string digests, or a failed check or registry error', () => {
    fc.assert(
      fc.property(anyAnswer, (raw) => {
        const r = typed(() => parseImageIndex(raw));
        if (r instanceof MlImageError) return;
        for (const p of r.platforms) expect(typeof p.digest).toBe('string');
        for (const d of r.unplatformed ?? []) expect(typeof d).toBe('string');
      }),
      PROPS,
    );
  });

  it("readLayers and readableLayers: a cosign image's layers, or an error before any blob is read", () => {
    fc.assert(
      fc.property(indexDoc, (m) => {
        const bytes = Buffer.from(JSON.stringify(m));
        const layers = readLayers({
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: D('9'),
          bytes,
        });
        for (const l of layers) {
          expect(typeof l.digest).toBe('string');
          expect(typeof l.size).toBe('number');
        }
        const ok = typed(() => readableLayers(layers, 'r.example', 'acme/x:sha256-1.sig', 'signature'));
        if (!(ok instanceof MlImageError)) {
          // What is read is bounded whatever the layers declare.
          const total = ok.reduce((n, l) => n + l.size, 0);
          expect(Number.isSafeInteger(total)).toBe(true);
          expect(total).toBeLessThanOrEqual(256 * 1024 * 1024);
        }
      }),
      PROPS,
    );
  });

  it('envelopes, statements, simple-signing payloads and certificates: read or undefined, never an exception', () => {
    const envelope = fc.oneof(
      fc
        .jsonValue({ maxDepth: 2 })
        .map((st) => ({ payload: Buffer.from(JSON.stringify(st)).toString('base64') })),
      fc.record({ payload: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(
        envelope,
        fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 40 })),
        fc.uint8Array({ maxLength: 64 }),
        (env, text, der) => {
          const t = envelopePredicateType(Buffer.from(JSON.stringify(env)));
          expect(t === undefined || typeof t === 'string').toBe(true);
          const st = parseStatement(Buffer.from(text));
          if (st) expect(Array.isArray(st.subject)).toBe(true);
          const sig = parseSimpleSigning(Buffer.from(text));
          if (sig) expect(typeof sig.digest).toBe('string');
          const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`;
          expect(readCertificate(pem)).toBeUndefined();
        },
      ),
      PROPS,
    );
  });
});
