// A config file's bytes as text: UTF-8 only, decoded strictly. Decoding with replacement would turn
// a byte that is not UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD silently: an image
// name, a tag or a build argument would then differ from what the file seems to say.
import { InputError } from '../errors.js';
import { firstInvalidUtf8, SAVE_UTF8 } from '../requirements/decode.js';

/**
 * BYTES decoded as UTF-8 (a leading byte-order mark dropped); bytes that are not UTF-8 are an
 * InputError naming LABEL and the line and column (in characters) of the first of them.
 */
export function decodeConfigText(bytes: Uint8Array, label: string): string {
  // UTF-16 (PowerShell 5's `>` and Out-File write it): named as what it is, with or without its
  // byte-order mark; without one its ASCII is valid UTF-8, every other byte a NUL.
  const mark =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'FF FE'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'FE FF'
        : undefined;
  if (mark !== undefined)
    throw new InputError(
      `${label}: the file is UTF-16 (it starts with ${mark}); the config must be UTF-8 text`,
      SAVE_UTF8,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = placeOf(bytes, at);
    throw new InputError(
      `${label}: line ${line}, column ${column}: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} is not UTF-8; the config must be UTF-8 text`,
      SAVE_UTF8,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = placeOf(bytes, nul);
    const utf16 = (bytes[1] === 0 && bytes[0] !== 0) || (bytes[0] === 0 && bytes[1] !== 0);
    throw new InputError(
      `${label}: line ${line}, column ${column}: a NUL byte${utf16 ? ' (the file looks like UTF-16: every other byte is NUL)' : ''}; the config must be UTF-8 text`,
      SAVE_UTF8,
    );
  }
  return text;
}

/** The line and column (in characters) of byte AT of BYTES, valid UTF-8 before it. */
function placeOf(bytes: Uint8Array, at: number): { line: number; column: number } {
  const before = bytes.subarray(0, at);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.filter((b) => b === 0x0a).length + 1;
  const column = [...new TextDecoder('utf-8').decode(before.subarray(lineStart))].length + 1;
  return { line, column };
}
