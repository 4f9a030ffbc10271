// Text files' bytes as UTF-8, decoded strictly: decoding with replacement turns a byte that is not
// UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD without a word, and a name or version
// read from the file then differs from what the file seems to say. Pure.

/**
 * The offset of the first byte of DATA where UTF-8 decoding fails (DATA is known not to decode: a
 * strict TextDecoder threw), by the WHATWG decoder's own rules.
 */
export function firstInvalidUtf8(data: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    // U+FFFD where the bytes are not EF BF BD (one written in the file): where decoding failed.
    if (ch === '\uFFFD' && !(data[bytes] === 0xef && data[bytes + 1] === 0xbf && data[bytes + 2] === 0xbd))
      return bytes;
    bytes += n;
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
