// A config file's bytes as text: UTF-8 only, decoded strictly. Decoding with replacement would turn
// a byte that is not UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD silently: an image
// name, a tag or a build argument would then differ from what the file seems to say.
import { InputError } from '../errors.js';
import { SAVE_UTF8 } from '../requirements/decode.js';

/**
 * Where the first byte that is not part of valid UTF-8 is in BYTES (the WHATWG decoder's rules: no
 * overlong form, no surrogate, nothing above U+10FFFF, no sequence cut short), or -1 when none is.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The sequence's length and the range its second byte must be in (the rest: 80..BF).
    const [n, lo, hi] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (n === 0) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k < n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += n;
  }
  return -1;
}

/**
 * BYTES decoded as UTF-8 (a leading byte-order mark dropped); bytes that are not UTF-8 are an
 * InputError naming LABEL and the line and column (in characters) of the first of them.
 */
export function decodeConfigText(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(firstInvalidUtf8(bytes), 0);
    const before = bytes.subarray(0, at);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = [...new TextDecoder('utf-8').decode(before.subarray(lineStart))].length + 1;
    throw new InputError(
      `${label}: line ${line}, column ${column}: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} is not UTF-8; the config must be UTF-8 text`,
      SAVE_UTF8,
    );
  }
}
