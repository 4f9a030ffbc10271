// A secret value printed over several lines, in a program's output (redactOutput masks the first
// line of each by its NAME; this masks the lines that follow it). One pass over the lines, each
// looked at once: linear in the length of the text.
import { REDACTED } from './redact.js';
import {
  AUTHORIZATION,
  COOKIE,
  COOKIES_HEAD,
  credentialOrAuthorization,
  HEADER_HEAD,
  HEADER_VALUE,
  listValue,
} from './redact-output-headers.js';
import { BLOCK_SCALAR, namedSecret, yamlNamedValue, yamlNameHead } from './redact-output-named.js';
import { PEM_PRIVATE_BEGIN, secretKey, secretName, secretQuotedKey } from './redact-output-pairs.js';
import { optionItem, optionValue } from './redact-output-options.js';
import { closingQuote, openQuote, type Quote } from './redact-output-shell.js';
import { traceGoesOn, traceHead } from './redact-output-trace.js';

/**
 * A YAML key at a line's start (after blanks and a sequence's `- `), bare or quoted, a secret's as
 * secretKey judges it, as redactOutput's YAML pair (WANDB_API_KEY, api_key: a `KEY:` or `AUTHORS:`
 * line is a program's own text), followed by its value, or by nothing: a block scalar (`|`, `>-`),
 * a nested mapping, or a scalar that goes on over the lines below (yaml.dump folds a long one,
 * and writes one that holds a line break as a quoted scalar over several lines).
 */
const YAML_KEY = /^([ \t-]*)(["']?)([A-Za-z_][A-Za-z0-9_-]*)\2:(?:[ \t]|$)/;
const INDENT = /^[ \t]*/;
/** A sequence's item marker at a line's start (after its indentation), and the blanks after it. */
const SEQ_ITEM = /^-(?:[ \t]+|$)/;
/** A sequence's item that is a mapping's pair of a variable's NAME (`- HOME: /root`). */
const ITEM_KEY = /^-[ \t]+(["']?)[A-Z_][A-Z0-9_]*\1:(?:[ \t]|$)/;
/** Python's string or bytes literal, its escaped characters part of it. */
const LITERAL = `b?(?:"(?:\\\\.|[^"\\\\])*"|'(?:\\\\.|[^'\\\\])*')`;
/**
 * A secret name's quoted pair whose value pprint goes on with on the next line, the line ending
 * with its first literal (`'SSH_KEY': '-----BEGIN KEY-----\n'`), or a tuple of items() with the
 * value on the next line (`('SSH_KEY',`), or a quoted key and `:` or `=` that end the line
 * (`{'SSH_KEY':`, the value on the next). In a list of names (`['DB_PASSWORD',`) no value follows.
 */
const LITERAL_HEAD = new RegExp(
  `(?:\\(b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\1,[ \\t]*(?:${LITERAL})?|b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\3\\]?[ \\t]*[:=][ \\t]*${LITERAL}|b?(["'])([A-Za-z_][A-Za-z0-9_-]*)\\5\\]?[ \\t]*[:=])[ \\t]*$`,
);
/** A line that goes on with a literal (pprint's next part of a long value), and what follows it. */
const LITERAL_LINE = /^([ \t]*b?)(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')(.*)$/;

/**
 * What the lines read so far leave open: the value of a secret YAML key, at the key's column; a
 * secret's value that pprint writes as literals over several lines.
 */
type Open =
  | { kind: 'block'; column: number; from: number; seq: boolean }
  | { kind: 'literal'; from: number; list?: boolean }
  | { kind: 'quote'; quote: Quote; from: number; lines: number }
  | { kind: 'env'; until: RegExp; from: number; lines: number }
  | { kind: 'pem'; from: number; lines: number }
  | { kind: 'header'; name: string; keyed: boolean; from: number }
  | { kind: 'named'; name: string; from: number }
  | { kind: 'trace'; next: number; from: number }
  | { kind: 'option'; from: number };

/** The most lines a shell's quoted value is masked over when its quote is not closed. */
const MAX_QUOTED_LINES = 256;
/**
 * A line as `env` prints a variable whose value holds line breaks, its value's first line: a PEM
 * block (`SSH_KEY=-----BEGIN OPENSSH PRIVATE KEY-----`), or a JSON object left open (`{`); or as
 * Python's print(k, v) prints it (`SSH_KEY -----BEGIN ...`, `SSH_KEY {`; or aligned in columns, the
 * blanks or tabs several, a PEM block's only); or a PEM block's, indented (`  SSH_KEY=-----BEGIN ...`, a program's list of its
 * variables); or a PEM block's after a key
 * and a colon (`print("SSH_KEY:", key)`, `private_key: -----BEGIN ...`), or after a lower-case
 * key (`private_key=-----BEGIN ...`, `private_key -----BEGIN ...`), its body not indented, so
 * no YAML key's block takes it.
 */
const ENV_HEAD = /^([ \t]*)([A-Za-z_][A-Za-z0-9_-]*)(=|[ \t]+|:[ \t]+)(?:(-----BEGIN )|(\{))/;
const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** The last line of such a value: the PEM block's end line (indented or not), the JSON object's `}` at column 0. */
const PEM_END = /^[ \t]*-----END [^\r\n]*-----[ \t]*$/;
const JSON_END = /^\}[ \t]*$/;
/**
 * A line of a PEM block's body: base64 (`=` padding, PGP's `=` checksum), a header (`Proc-Type:
 * 4,ENCRYPTED`, `DEK-Info: ...`, PGP's `Version: ...`), or one masked already (read again).
 */
const PEM_BODY = /^[ \t]*(?:[A-Za-z0-9+/=]+|[A-Za-z][A-Za-z-]*: [^\r\n]*)[ \t]*$/;

/** A line masked from START to END (its end when absent), or kept (undefined). */
type Step = { open?: Open; mask?: number; end?: number };

/**
 * One line, LINE (its line end taken off) at index AT of the lines, after OPEN: what of it is masked,
 * and what is open after it. Inside a secret YAML key's block, a blank line is part of it and a
 * line indented more than the key is masked after its indentation; the first line indented no
 * more than the key ends it (and is read as any other). After a secret's pprint literal, a line
 * that begins with a literal (not a key's) has its text masked, and goes on when nothing follows it.
 * After a secret's shell-quoted value that its line leaves open, each line is masked up to the
 * closing quote (an empty one kept), for at most MAX_QUOTED_LINES lines. After a secret's `env`
 * line whose value is a PEM block or a JSON object it leaves open, each line is masked whole (an
 * empty one kept) through the block's end line or the object's `}` at column 0, for at most as many.
 * After a line with a private key's PEM start (PEM_PRIVATE_BEGIN, whatever precedes it, its END not
 * on it), each base64 or header line (PEM_BODY) is masked whole (an empty one kept) through the END
 * line (kept), for at most as many; any other line ends it, and is read as any other. After a line
 * that names a credential header alone (HEADER_HEAD), the next line's literal is masked where it is
 * the header's value (a pair's `value`, or a list's item that listValue takes); after a YAML pair's
 * secret `name:` alone (yamlNameHead), its `value:` on the next line (yamlNamedValue: a block
 * scalar's lines as a secret key's block). After a list of cookies opened at a line's end, each
 * item that holds a cookie is masked, up to the list's end. After curl's --trace-ascii line of a
 * credential header that goes on below it (traceHead), the data of each line that goes on with it.
 */
function step(line: string, at: number, open: Open | undefined): Step {
  if (open?.kind === 'block') {
    const indent = INDENT.exec(line)![0].length;
    if (indent === line.length) return { open };
    if (indent > open.column) return { open, mask: indent };
    // PyYAML's default: a key with no value on its line, its sequence at the key's own column
    // (`API_KEYS:` then `- abc`); an item that is a variable's pair (`- HOME: /root`) is the next
    // item of a parent's list of mappings, not the value's.
    const item = indent === open.column && open.seq ? SEQ_ITEM.exec(line.slice(indent)) : null;
    if (item && !ITEM_KEY.test(line.slice(indent))) {
      const at = indent + item[0].length;
      return at === line.length ? { open } : { open, mask: at };
    }
  } else if (open?.kind === 'literal') {
    const lit = LITERAL_LINE.exec(line);
    // A literal followed by ':' or '=' is the next key (`'HOME': '/root'`), not a part of the value.
    if (lit && !/^[ \t]*[:=\]]/.test(lit[4]!)) {
      const start = lit[1]!.length + 1;
      const text = lit[2] ?? lit[3]!;
      const end = start + text.length;
      // pprint's parts go on after a bare literal; a list's items after one and a comma.
      const rest = lit[4]!.trim();
      const more = rest === '' || (open.list === true && rest === ',');
      // A list of cookies' item that is no cookie (`'analytics'`, a consent setting's) is kept.
      if (open.list === true && !listValue('cookie', text)) return more ? { open } : {};
      return { ...(more && { open }), mask: start, end };
    }
  } else if (open?.kind === 'quote' && open.lines < MAX_QUOTED_LINES) {
    const end = closingQuote(line, 0, open.quote);
    if (end >= 0) return end > 0 ? { mask: 0, end } : {};
    const more = { open: { ...open, lines: open.lines + 1 } };
    return line === '' ? more : { ...more, mask: 0 };
  } else if (open?.kind === 'env' && open.lines < MAX_QUOTED_LINES) {
    // Its end line (`-----END ...-----`, `}`) holds no secret and is kept: masked text read again
    // (a live view's lines, redactOutput after the scanner) ends the value at the same line.
    if (open.until.test(line)) return {};
    const more = { open: { ...open, lines: open.lines + 1 } };
    return line === '' ? more : { ...more, mask: 0 };
  } else if (
    open?.kind === 'header' ||
    open?.kind === 'named' ||
    open?.kind === 'trace' ||
    open?.kind === 'option'
  ) {
    const s = pairGoesOn(line, at, open);
    if (s) return s;
  } else if (open?.kind === 'pem' && open.lines < MAX_QUOTED_LINES) {
    // Its END line is kept, as an env value's; a line not a body's ends it and is read as any other.
    if (PEM_END.test(line)) return {};
    const more = { open: { ...open, lines: open.lines + 1 } };
    if (line === '') return more;
    if (PEM_BODY.test(line) || line.trim() === REDACTED) return { ...more, mask: 0 };
  }
  const env = envHead(line);
  if (env) return { open: { kind: 'env', until: env, from: at, lines: 0 } };
  const quote = openQuote(line);
  if (quote) return { open: { kind: 'quote', quote, from: at, lines: 0 } };
  // A quoted pair that ends its line with a literal is pprint's (`'SSH_KEY': '...\n'`), whose next
  // lines are literals, not the more indented block of a YAML key (`"SSH_KEY": |`, `"K": "x\`).
  if (literalHead(line)) return { open: { kind: 'literal', from: at } };
  if (pemHead(line)) return { open: { kind: 'pem', from: at, lines: 0 } };
  if (COOKIES_HEAD.test(line)) return { open: { kind: 'literal', from: at, list: true } };
  if (optionItem(line)) return { open: { kind: 'option', from: at } };
  const next = traceHead(line);
  if (next >= 0) return { open: { kind: 'trace', next, from: at } };
  const named = yamlNameHead(line);
  if (named !== undefined) return { open: { kind: 'named', name: named, from: at } };
  const header = HEADER_HEAD.exec(line);
  if (header) {
    const [keyed, name] = [header[1] !== undefined, header[3]!];
    // A list's item: a cookie's, an Authorization's or a hyphenated header's name only (`'password',`
    // may be a list of words).
    const listed = AUTHORIZATION.test(name) || COOKIE.test(name) || name.includes('-');
    // A pair's `name` (`"name": "HF_TOKEN",`) is a name whatever it is: a variable's too.
    if (keyed ? namedSecret(name) : listed && credentialOrAuthorization(name))
      return { open: { kind: 'header', name, keyed, from: at } };
  }
  const key = YAML_KEY.exec(line);
  // A credential header's key too where a block scalar follows it (`authorization: |`).
  if (
    key &&
    (secretKey(key[3]!) ||
      (credentialOrAuthorization(key[3]!) && BLOCK_SCALAR.test(line.slice(key[0].length))))
  ) {
    const seq = /^[ \t]*(?:#.*)?$/.test(line.slice(key[0].length));
    return { open: { kind: 'block', column: key[1]!.length, from: at, seq } };
  }
  return {};
}

/**
 * LINE after a line that named a header or a pair alone, or began a trace's credential (OPEN):
 * the step where LINE goes on with its value, else undefined (LINE is read as any other).
 */
function pairGoesOn(
  line: string,
  at: number,
  open: Extract<Open, { kind: 'header' | 'named' | 'trace' | 'option' }>,
): Step | undefined {
  if (open.kind === 'option') {
    // An argv list's item after a secret option's (docker inspect's `"Args"`, pprint's list).
    const v = HEADER_VALUE.exec(line);
    if (!v || v[2] !== undefined || !optionValue(v[4]!)) return undefined;
    return { mask: v[1]!.length + 1, end: v[1]!.length + 1 + v[4]!.length };
  }
  if (open.kind === 'header') {
    // The value of a pair (`"value": "x"`), or a list's next item that holds a credential (not the
    // next name of a list of names, `'Content-Type',`).
    const v = HEADER_VALUE.exec(line);
    const keyed = v !== null && v[2] !== undefined && /value/.test(v[1]!);
    if (!v || keyed !== open.keyed || (!keyed && !listValue(open.name, v[4]!))) return undefined;
    const start = v[1]!.length + 1;
    if (v[4] === '' || v[4] === REDACTED) return {};
    // pprint goes on with a long value's literals on the lines below (`'Bearer '` then `'eyJ...'`).
    const more = line.slice(v[0].length).trim() === '';
    return { ...(more && { open: { kind: 'literal', from: at } }), mask: start, end: start + v[4]!.length };
  }
  if (open.kind === 'named') {
    // YAML's pair over two lines: its `value:`, and the lines indented more below it (as a secret key's block).
    const v = yamlNamedValue(line, open.name);
    if (!v) return undefined;
    const block =
      v.column === undefined
        ? undefined
        : ({ kind: 'block', column: v.column, from: open.from, seq: false } as const);
    return v.mask ? { open: block, mask: v.mask[0], end: v.mask[1] } : { open: block };
  }
  // curl's --trace-ascii: a credential header's line that goes on, 64 characters a line.
  const t = traceGoesOn(line, open.next);
  return t && { ...(t.next >= 0 && { open: { ...open, next: t.next } }), mask: t.mask };
}

/**
 * The line that ends the value a secret's `env` line begins and leaves open (ENV_HEAD): a PEM
 * block not ended on the line, a JSON object with more `{` than `}` on it; else undefined.
 */
function envHead(line: string): RegExp | undefined {
  const m = ENV_HEAD.exec(line);
  // Indented: a PEM block only (a `{` there may be a program's own text); printed: as secretKey judges NAME.
  if (!m || (m[1] && !m[4])) return undefined;
  const [lead, name, sep] = [m[1]!, m[2]!, m[3]!];
  // A lower-case name, a key and a colon, or a name aligned in a column (several blanks or a tab:
  // `AUTH_CONFIG    {`, a table's row): a PEM block only (a `{` there may be a program's own text).
  const upper = UPPER_NAME.test(name);
  const column = sep !== '=' && !sep.startsWith(':') && sep !== ' ';
  if ((!upper || sep.startsWith(':') || column) && !m[4]) return undefined;
  if (
    sep !== '=' && !sep.startsWith(':')
      ? lead !== '' || !secretKey(name)
      : sep === '=' && upper
        ? !secretName(name)
        : !secretKey(name)
  )
    return undefined;
  const value = line.slice(lead.length + name.length + sep.length);
  if (m[4]) return value.includes('-----END ') ? undefined : PEM_END;
  return value.split('{').length > value.split('}').length ? JSON_END : undefined;
}

/**
 * Whether LINE starts a private key's PEM block that it does not end (PEM_PRIVATE_BEGIN, no
 * `-----END ` after it): whatever names it, or nothing (a bare block, a key secretKey rejects).
 */
function pemHead(line: string): boolean {
  const m = PEM_PRIVATE_BEGIN.exec(line);
  return m !== null && !line.includes('-----END ', m.index + m[0].length);
}

/** Whether LINE ends with the start of a secret's value that pprint goes on with (LITERAL_HEAD). */
function literalHead(line: string): boolean {
  const last = line.trimEnd().slice(-1);
  if (last !== "'" && last !== '"' && last !== ',' && last !== ':' && last !== '=') return false;
  const m = LITERAL_HEAD.exec(line);
  if (m === null) return false;
  // A quoted key and `:` or `=` that end the line, the value on the next (`{'DB_PASSWORD':` then
  // `'x'}`), as redactOutput's QUOTED_PAIR reads it over the line break: held open here so that a
  // live view cut between the lines masks it too. One at a line's start is a YAML key's (its block).
  if (m[6] !== undefined && YAML_KEY.test(line)) return false;
  return secretQuotedKey(m[2] ?? m[4] ?? m[6]!);
}

/** A line's end: CRLF, LF, or a bare CR (a program that ends its lines as old Macs did). */
const LINE_END = /\r\n|\r|\n/g;

/** The lines of TEXT, each with the line end that follows it ('' for the last). */
function linesOf(text: string): { body: string; end: string }[] {
  const lines: { body: string; end: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_END)) {
    lines.push({ body: text.slice(start, m.index), end: m[0] });
    start = m.index + m[0].length;
  }
  lines.push({ body: text.slice(start), end: '' });
  return lines;
}

/**
 * TEXT with the lines that go on a secret's value masked after their indentation: those indented
 * more than a secret-named YAML key (`DB_PASSWORD: |`, `>-`, a folded or quoted scalar, a nested
 * mapping) up to the first line indented no more than the key (blank lines are kept as they are);
 * the text of each literal that pprint writes on the lines after a secret's quoted pair
 * (`'SSH_KEY': '...\n'` then `'...'` below it, as a value longer than its width is printed);
 * the lines of a secret's shell-quoted value up to its closing quote (`SSH_KEY='-----BEGIN ...`);
 * the body of a private key's PEM block, whatever names it (`-----BEGIN PRIVATE KEY-----`); a
 * credential header's value on the line below its name (Node's `'Set-Cookie',` then its value, a
 * HAR's `"name": "Cookie",` then `"value": "..."`, undici's `cookies: [` list); a YAML pair's value
 * below its secret name (`- name: DB_PASSWORD` then `value: ...`, a Kubernetes env's or probe
 * header's); curl's --trace-ascii lines that go on with a credential header's.
 * The line that names the secret is left to redactOutput. Idempotent.
 */
export function maskContinuations(text: string): string {
  // Nothing opens a value without one of these (print(k, v)'s `SSH_KEY -----BEGIN` holds no `=`).
  if (!/[:,={]|-----BEGIN /.test(text)) return text;
  const lines = linesOf(text);
  let open: Open | undefined;
  let changed = false;
  const out = lines.map(({ body, end }, at) => {
    const s = step(body, at, open);
    open = s.open;
    if (s.mask === undefined) return body + end;
    changed = true;
    return `${body.slice(0, s.mask)}${REDACTED}${s.end === undefined ? '' : body.slice(s.end)}${end}`;
  });
  return changed ? out.join('') : text;
}

/**
 * maskContinuations over a stream, a piece at a time (a live view): each line stepped over once,
 * whatever the pieces, with what the lines so far leave open kept between them. `visited`: the
 * characters stepped over (the work done, linear in the stream).
 */
export interface ContinuationScanner {
  /**
   * TEXT, the next lines of the stream (from a line start; the last one ends the stream or is
   * ended by the next piece when it ends without a newline, as a line of its own), as
   * maskContinuations masks them in the whole stream.
   */
  mask(text: string): string;
  /** Where the secret value the lines so far leave open began: the offset of the line that named it in the masked stream, or -1. */
  readonly openAt: number;
  readonly visited: number;
}

export function continuationScanner(): ContinuationScanner {
  let open: Open | undefined;
  let line = 0;
  let offset = 0;
  let openAt = -1;
  let visited = 0;
  return {
    mask(text) {
      // Lines as maskContinuations reads them (linesOf: LF, CRLF or a bare CR ends one), each
      // keeping its own end; the last, unended, is read too unless it is empty.
      let out = '';
      for (const { body, end } of linesOf(text)) {
        if (body === '' && end === '') break;
        visited += body.length + end.length;
        const s = step(body, line, open);
        if (s.open && s.open.from === line) openAt = offset;
        open = s.open;
        if (!open) openAt = -1;
        line++;
        const masked =
          s.mask === undefined
            ? body
            : `${body.slice(0, s.mask)}${REDACTED}${s.end === undefined ? '' : body.slice(s.end)}`;
        out += masked + end;
        offset += masked.length + end.length;
      }
      return out;
    },
    get openAt() {
      return openAt;
    },
    get visited() {
      return visited;
    },
  };
}
