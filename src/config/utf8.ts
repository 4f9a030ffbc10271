// A config file's bytes as text: UTF-8 only, decoded strictly. Decoding with replacement would turn
// a byte that is not UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD silently: an image
// name, a tag or a build argument would then differ from what the file seems to say.
import { InputError } from '../errors.js';
import { SAVE_UTF8 } from '../requirements/decode.js';
import { decodeUtf8Strictly, placeOfByte } from '../util/strict-utf8.js';

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
  const decoded = decodeUtf8Strictly(bytes);
  if ('problem' in decoded)
    throw new InputError(`${label}: ${decoded.problem}; the config must be UTF-8 text`, SAVE_UTF8);
  const { text } = decoded;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = placeOfByte(bytes, nul);
    const utf16 = (bytes[1] === 0 && bytes[0] !== 0) || (bytes[0] === 0 && bytes[1] !== 0);
    throw new InputError(
      `${label}: line ${line}, column ${column}: a NUL byte${utf16 ? ' (the file looks like UTF-16: every other byte is NUL)' : ''}; the config must be UTF-8 text`,
      SAVE_UTF8,
    );
  }
  return text;
}
