// Where UTF-8 decoding of a file's bytes fails first (src/util/strict-utf8.ts): a byte scan, which
// must name the same offset as the WHATWG decoder's first U+FFFD (the lead byte of the first
// sequence that is not well-formed), and the line and column people read.
import { describe, expect, it } from 'vitest';
import { decodeUtf8Strictly, firstInvalidUtf8 } from '../../src/util/strict-utf8.js';

/** The offset of the decoder's first U+FFFD that the bytes do not spell (EF BF BD). */
function decoderSays(data: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
  let bytes = 0;
  for (const ch of text) {
    if (ch === '\uFFFD' && !(data[bytes] === 0xef && data[bytes + 1] === 0xbf && data[bytes + 2] === 0xbd))
      return bytes;
    bytes += Buffer.byteLength(ch);
  }
  return -1;
}

describe('firstInvalidUtf8', () => {
  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong form', [0x61, 0x62, 0xc0, 0xaf], 2],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut at the end', [0x61, 0xe2, 0x82], 1],
    ['a Latin-1 byte after valid text and a U+FFFD written in it', [0xef, 0xbf, 0xbd, 0xe9], 3],
  ])('%s', (_n, bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });

  it("the decoder's offset, on 20,000 arrays of lead, continuation and random bytes", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const picks = [
      0x41, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xc0, 0xff,
    ];
    let invalid = 0;
    for (let t = 0; t < 20_000; t++) {
      const b = Uint8Array.from({ length: 1 + (rnd() % 12) }, () =>
        rnd() % 3 === 0 ? rnd() % 256 : picks[rnd() % picks.length]!,
      );
      const at = decoderSays(b);
      if (at < 0) continue;
      invalid++;
      expect(firstInvalidUtf8(b), Buffer.from(b).toString('hex')).toBe(at);
    }
    expect(invalid).toBeGreaterThan(10_000);
  });

  it('decodeUtf8Strictly names the line and column in characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('{\n  "näme": "nump', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);
    expect(decodeUtf8Strictly(bytes)).toEqual({ problem: 'line 2, column 16: byte 0xff is not UTF-8' });
    expect(decodeUtf8Strictly(Buffer.from('\ufeff{}', 'utf8'))).toEqual({ text: '{}' });
    expect(decodeUtf8Strictly(Buffer.from('\ufeff{}', 'utf8'), true)).toEqual({ text: '\ufeff{}' });
  });
});
