// Text files' bytes as UTF-8, decoded strictly: decoding with replacement turns a byte that is not
// UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD without a word, and a name or version
// read from the file then differs from what the file seems to say. Pure.

/**
 * The offset of the first byte of DATA where UTF-8 decoding fails (DATA is known not to decode: a
 * strict TextDecoder threw), by the WHATWG decoder's own rules (Unicode's well-formed sequences:
 * no overlong form, no surrogate, nothing past U+10FFFF): the lead byte of the first sequence that
 * is not one. A byte scan: reading the text back a character at a time took seconds for a bad
 * byte near the end of a file of hundreds of MiB.
 */
export function firstInvalidUtf8(data: Uint8Array): number {
  const n = data.length;
  for (let i = 0; i < n;) {
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The continuation bytes a lead byte takes, and the range of the first (Unicode Table 3-7).
    const [need, lo, hi] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, 0xbf]
        : b === 0xe0
          ? [2, 0xa0, 0xbf]
          : b === 0xed
            ? [2, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [2, 0x80, 0xbf]
              : b === 0xf0
                ? [3, 0x90, 0xbf]
                : b === 0xf4
                  ? [3, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [3, 0x80, 0xbf]
                    : [0, 0, 0];
    if (need === 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = data[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return 0;
}

/** The line and column (in characters) of byte AT of BYTES, valid UTF-8 before it. */
export function placeOfByte(bytes: Uint8Array, at: number): { line: number; column: number } {
  const before = bytes.subarray(0, at);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = [...new TextDecoder('utf-8').decode(before.subarray(lineStart))].length + 1;
  return { line, column };
}

/**
 * BYTES decoded as UTF-8 (a leading byte-order mark dropped, unless KEEP_BOM: a JSON reader names
 * it), or where the first byte that is not UTF-8 is: "line L, column C: byte 0xNN is not UTF-8".
 */
export function decodeUtf8Strictly(
  bytes: Uint8Array,
  keepBom = false,
): { text: string } | { problem: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = placeOfByte(bytes, at);
    return {
      problem: `line ${line}, column ${column}: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} is not UTF-8`,
    };
  }
}
