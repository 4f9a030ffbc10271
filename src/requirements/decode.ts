// A requirements file's bytes as text, decoded as pip decodes it (pip's utils/encoding.py
// auto_decode, on a little-endian machine, as every build platform is): by a byte-order mark,
// in pip's order (UTF-8; then FF FE, UTF-16's own mark, before UTF-32 LE's FF FE 00 00, so pip reads
// a UTF-32 LE file as UTF-16 and fails: refused here, saying so; FE FF, UTF-16 BE; 00 00 FE FF,
// UTF-32 BE), else by a PEP 263 `coding:` comment on one of the first two lines, else as UTF-8 (the
// locale's encoding, UTF-8 in the resolver's container and the build). Windows PowerShell 5's
// `pip freeze > requirements.txt` writes UTF-16 LE with its mark. Bytes pip cannot decode are
// refused, as pip refuses them. Pure.
import { firstInvalidUtf8 } from '../util/strict-utf8.js';

/** pip's ENCODING_RE: `coding:` or `coding=`, then the encoding's name. */
const CODING = /coding[:=][ \t\n\r\f\v]*([-\w.]+)/;

/** The encodings a `coding:` line may name here, by Python's codec name. */
type Codec = 'utf_8' | 'latin_1' | 'ascii';

/**
 * Python's names (its codec modules and encodings.aliases) of the codecs read here: `coding: UTF-8`,
 * `latin-1`, `iso-8859-1`, `us-ascii` ... (normalized).
 */
const ALIASES: Record<string, Codec> = Object.fromEntries(
  (
    [
      ['utf_8', 'utf_8 utf8 u8 utf utf8_ucs2 utf8_ucs4 cp65001 utf_8_sig'],
      [
        'latin_1',
        'latin_1 latin1 latin l1 iso_8859_1 iso8859_1 iso_8859_1_1987 iso8859 8859 cp819 iso_ir_100 csisolatin1 ibm819',
      ],
      [
        'ascii',
        'ascii us_ascii us 646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6',
      ],
    ] as const
  ).flatMap(([codec, all]) => all.split(' ').map((n) => [n, codec])),
);

/** Python's normalize_encoding: lower case, each run of characters other than letters, digits and '.' one '_'. */
const normalized = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** The codec a `coding:` NAME is read with here, as Python looks it up ('.' also as '_'). */
function codecOf(name: string): Codec | undefined {
  const n = normalized(name);
  return ALIASES[n] ?? ALIASES[n.replace(/\./g, '_')];
}

const strict = (label: string, bytes: Uint8Array) =>
  new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);

/** UTF-32 BE, strictly (a length not a multiple of 4, a surrogate or a value past U+10FFFF: none). */
function utf32be(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new TypeError('truncated data');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) throw new TypeError(`code point ${cp} at byte ${i}`);
    out.push(String.fromCodePoint(cp));
  }
  return out.join('');
}

const startsWith = (data: Uint8Array, bom: number[]) => bom.every((b, i) => data[i] === b);

/** Why a file is refused, or its text. */
type Decoded = { text: string } | { why: string; fix: string };

export const SAVE_UTF8 =
  'save the file as UTF-8 (in PowerShell: Get-Content FILE | Set-Content -Encoding utf8 FILE)';

/** DATA decoded by its byte-order mark, as pip does; undefined without one. */
function byBom(data: Uint8Array): Decoded | undefined {
  const rest = (n: number) => data.subarray(n);
  const decode = (what: string, f: () => string): Decoded => {
    try {
      return { text: f() };
    } catch {
      return {
        why: `starts with the ${what} byte-order mark but is not valid ${what}: pip cannot read it`,
        fix: SAVE_UTF8,
      };
    }
  };
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return decode('UTF-8', () => strict('utf-8', rest(3)));
  if (startsWith(data, [0xff, 0xfe, 0, 0]))
    return {
      why: 'is UTF-32 LE (it starts with FF FE 00 00): pip takes FF FE for UTF-16 and reads it as that, every other character a U+0000, and fails',
      fix: SAVE_UTF8,
    };
  // pip's "utf-16" codec: after the mark, a second one (FF FE or FE FF) is read as one too.
  if (startsWith(data, [0xff, 0xfe]))
    return decode('UTF-16', () => {
      const r = rest(2);
      if (startsWith(r, [0xfe, 0xff])) return strict('utf-16be', r.subarray(2));
      return strict('utf-16le', startsWith(r, [0xff, 0xfe]) ? r.subarray(2) : r);
    });
  if (startsWith(data, [0xfe, 0xff])) return decode('UTF-16', () => strict('utf-16be', rest(2)));
  if (startsWith(data, [0, 0, 0xfe, 0xff])) return decode('UTF-32', () => utf32be(rest(4)));
  return undefined;
}

/** The encoding a `coding:` comment on one of DATA's first two lines names (pip's rule), if any. */
function codingLine(data: Uint8Array): { name: string; line: number } | undefined {
  let start = 0;
  for (let line = 1; line <= 2 && start <= data.length; line++) {
    let end = data.indexOf(0x0a, start);
    if (end < 0) end = data.length;
    // The line's bytes as Latin-1: one character a byte, as Python's bytes regex reads them.
    const text = Buffer.from(data.subarray(start, end)).toString('latin1');
    const m = text.startsWith('#') ? CODING.exec(text) : null;
    if (m) return { name: m[1]!, line };
    start = end + 1;
  }
  return undefined;
}

/**
 * A requirements file's bytes as pip reads them: by byte-order mark, else by a `coding:` comment
 * (UTF-8, Latin-1 or ASCII here; another is refused, saying so), else as UTF-8; bytes not valid in
 * that encoding are refused (pip fails on them), as is a UTF-32 LE file (pip misreads it).
 */
export function decodeRequirements(data: Uint8Array): Decoded {
  const bom = byBom(data);
  if (bom !== undefined) return bom;
  const coding = codingLine(data);
  const codec = coding === undefined ? 'utf_8' : codecOf(coding.name);
  if (codec === undefined)
    return {
      why: `declares its encoding "${coding!.name}" on line ${coding!.line} (a PEP 263 "coding:" comment, which pip honours): only UTF-8, Latin-1 and ASCII are read here`,
      fix: `${SAVE_UTF8} and make that comment say utf-8 (or drop it)`,
    };
  if (codec === 'latin_1') return { text: Buffer.from(data).toString('latin1') };
  const bad = codec === 'ascii' ? data.findIndex((b) => b > 0x7f) : -1;
  if (bad < 0)
    try {
      return { text: strict('utf-8', data) };
    } catch {
      // Below: where it fails.
    }
  const at = bad >= 0 ? bad : firstInvalidUtf8(data);
  const what = codec === 'ascii' ? 'ASCII (its coding: comment)' : 'UTF-8';
  return {
    why: `is not valid ${what}: byte 0x${data[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at} (pip cannot decode it)`,
    fix: codec === 'ascii' ? `${SAVE_UTF8} and make that comment say utf-8` : SAVE_UTF8,
  };
}

/** Where UTF-8 decoding of DATA fails first (util/strict-utf8.ts); the config reader says it too. */
export { firstInvalidUtf8 };
