// An RE2 pattern (Go's regexp/syntax, as cosign compiles --certificate-identity-regexp) in
// JavaScript's terms, for the checks that ask what it matches (verify-inputs.ts). JavaScript reads
// much of RE2's syntax otherwise, without an error: \A, \z, \pL and [[:alnum:]] are literals to it,
// so a pattern that matches an identity in cosign would match none here. Each RE2 construct is put
// in JavaScript's terms (with the u flag, where every escape is strict); what this does not know (a
// syntax RE2 refuses too: a lookahead, a backreference, \e) is no translation: the caller then
// assumes the worst.

/** The pattern in JavaScript's terms, or the syntax it holds that this does not read. */
type Translation = { source: string; flags: string } | { unread: string };

type Range = [number, number];
const MAX_RUNE = 0x10ffff;

/** Go's POSIX classes ([[:alnum:]] ...): ASCII only. */
const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0, 0x7f]],
  blank: [
    [9, 9],
    [0x20, 0x20],
  ],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [9, 0xd],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

/** Go's \s: [\t\n\f\r ] (JavaScript's also holds \v and Unicode spaces). */
const GO_SPACE: Range[] = [
  [9, 0xa],
  [0xc, 0xd],
  [0x20, 0x20],
];

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && /^[0-7]$/.test(c);
/** One character as a JavaScript literal: a letter or digit as is (case folds), else escaped. */
const literal = (cp: number) => (isAlnum(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp));
const rangesSource = (ranges: readonly Range[]) =>
  ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');

function complement(ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const ANY = `[${hex(0)}-${hex(MAX_RUNE)}]`;
const NOT_NEWLINE = `[^${hex(0xa)}]`;
// ^ and $ as RE2 reads them: the text's ends, or with (?m) a line's (wrapped: RE2 lets them repeat).
const BEGIN_TEXT = `(?:(?<!${ANY}))`;
const END_TEXT = `(?:(?!${ANY}))`;
const BEGIN_LINE = `(?:(?<!${NOT_NEWLINE}))`;
const END_LINE = `(?:(?!${NOT_NEWLINE}))`;

/** Syntax that is not translated: RE2 refuses most of it too. */
class Unread extends Error {}

/**
 * A Unicode class, \pL, \p{Greek}, \p{^Greek} or \PL, as a JavaScript property escape: a general
 * category by its short name, else a script (or a name JavaScript knows alone); what JavaScript
 * does not know is unread.
 */
function unicodeClass(negated: boolean, spelled: string): string {
  // Each class compiled once: a pattern of thousands of \pL compiled a regexp for each (seconds).
  const key = `${negated ? 'P' : 'p'}${spelled}`;
  const known = UNICODE_CLASSES.get(key);
  if (known !== undefined) return known;
  const source = unicodeClassSource(negated, spelled);
  UNICODE_CLASSES.set(key, source);
  return source;
}

const UNICODE_CLASSES = new Map<string, string>();

function unicodeClassSource(negated: boolean, spelled: string): string {
  let name = spelled.startsWith('{') ? spelled.slice(1, -1) : spelled;
  if (name.startsWith('^')) [negated, name] = [!negated, name.slice(1)];
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Unread(`\\${negated ? 'P' : 'p'}${spelled}`);
  const candidates = /^[A-Z][a-z]?$/.test(name) ? [`General_Category=${name}`] : [`Script=${name}`, name];
  for (const c of candidates) {
    const source = `\\${negated ? 'P' : 'p'}{${c}}`;
    try {
      new RegExp(source, 'u');
      return source;
    } catch {
      // the next spelling
    }
  }
  throw new Unread(`\\p${spelled}`);
}

class Translator {
  private readonly chars: string[];
  private i = 0;
  private flags = { m: false, s: false };
  private readonly groups: { m: boolean; s: boolean }[] = [];
  /** Whether (?i) is asked anywhere: JavaScript folds case in the whole pattern then (more matches). */
  folds = false;

  /** Where each code point of the pattern starts in it (and its end): rest() slices, not joins. */
  private readonly offsets: number[] = [];

  constructor(private readonly pattern: string) {
    this.chars = [...pattern];
    let at = 0;
    for (const c of this.chars) {
      this.offsets.push(at);
      at += c.length;
    }
    this.offsets.push(at);
  }

  private get peek(): string | undefined {
    return this.chars[this.i];
  }

  /**
   * The pattern from code point FROM (the cursor): a slice of the string, not the code points
   * joined again, which made every construct cost the length of the rest (a pattern of 8,000
   * classes took 24 s, one of 20,000 minutes).
   */
  private rest(from = this.i): string {
    return this.pattern.slice(this.offsets[Math.min(from, this.chars.length)]);
  }

  /** The pattern, from the start (RE2's parse loop, one construct at a time). */
  translate(): string {
    let out = '';
    while (this.i < this.chars.length) {
      const c = this.chars[this.i]!;
      if (c === '(') out += this.group();
      else if (c === ')') out += this.close();
      else if (c === '[') out += this.charClass();
      else if (c === '\\') out += this.escape();
      else if (c === '{') out += this.repeat();
      else {
        this.i++;
        if ('|*+?'.includes(c)) out += c;
        else if (c === '.') out += this.flags.s ? ANY : NOT_NEWLINE;
        else if (c === '^') out += this.flags.m ? BEGIN_LINE : BEGIN_TEXT;
        else if (c === '$') out += this.flags.m ? END_LINE : END_TEXT;
        else out += literal(c.codePointAt(0)!);
      }
    }
    if (this.groups.length > 0) throw new Unread('a ( without its )');
    return out;
  }

  /** {n}, {n,}, {n,m} repeat; any other { is a literal, as in RE2. */
  private repeat(): string {
    const m = /^\{\d+(?:,\d*)?\}/.exec(this.rest());
    if (!m) {
      this.i++;
      return literal(0x7b);
    }
    this.i += m[0].length;
    return m[0];
  }

  /** A group: (, (?:, (?P<name>, (?<name>, (?flags) and (?flags:. */
  private group(): string {
    const rest = this.rest();
    if (!rest.startsWith('(?')) {
      this.i++;
      this.groups.push({ ...this.flags });
      return '(?:';
    }
    const named = /^\(\?P?<[A-Za-z0-9_]+>/.exec(rest);
    const flags = /^\(\?([imsU]*)(?:-([imsU]+))?([:)])/.exec(rest);
    if (!named && !flags) throw new Unread([...rest].slice(0, 3).join(''));
    this.i += (named ?? flags)![0].length;
    if (named || flags![3] === ':') this.groups.push({ ...this.flags });
    if (flags) {
      const [, on = '', off = ''] = flags;
      for (const f of on) if (f === 'm' || f === 's') this.flags[f] = true;
      for (const f of off) if (f === 'm' || f === 's') this.flags[f] = false;
      // (?i) anywhere folds the whole pattern: it matches more, never less.
      if (on.includes('i')) this.folds = true;
      if (flags[3] === ')') return '';
    }
    return '(?:';
  }

  private close(): string {
    const saved = this.groups.pop();
    if (saved === undefined) throw new Unread('a ) without its (');
    this.i++;
    this.flags = saved;
    return ')';
  }

  /** An escape outside a class: \A, \z, \b, \B, \Q...\E, \pL, \d, \s, ..., or one character. */
  private escape(): string {
    const c = this.chars[this.i + 1];
    const simple: Record<string, string> = {
      A: BEGIN_TEXT,
      z: END_TEXT,
      b: '\\b',
      B: '\\B',
      d: '\\d',
      D: '\\D',
      w: '\\w',
      W: '\\W',
      s: `[${rangesSource(GO_SPACE)}]`,
      S: `[^${rangesSource(GO_SPACE)}]`,
    };
    if (c !== undefined && Object.hasOwn(simple, c)) {
      this.i += 2;
      return simple[c]!;
    }
    if (c === 'Q') {
      const body = this.rest(this.i + 2);
      const end = body.indexOf('\\E');
      const text = end < 0 ? body : body.slice(0, end);
      this.i += 2 + [...text].length + (end < 0 ? 0 : 2);
      return [...text].map((ch) => literal(ch.codePointAt(0)!)).join('');
    }
    if (c === 'p' || c === 'P') return this.unicode();
    this.i++;
    return literal(this.escapedChar());
  }

  /** \pL, \p{Name} at the cursor (on the backslash). */
  private unicode(): string {
    const negated = this.chars[this.i + 1] === 'P';
    this.i += 2;
    const rest = this.rest();
    const spelled = rest.startsWith('{') ? /^\{[^}]*\}/.exec(rest)?.[0] : this.peek;
    if (spelled === undefined) throw new Unread(`\\${negated ? 'P' : 'p'} without its class`);
    this.i += [...spelled].length;
    return unicodeClass(negated, spelled);
  }

  /**
   * The character an escape stands for (cursor after the backslash): punctuation as itself, an
   * octal or hex code, \a \f \n \r \t \v. RE2 refuses any other, as does this.
   */
  private escapedChar(): number {
    const c = this.chars[this.i++];
    if (c === undefined) throw new Unread('a \\ at the end');
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 && !isAlnum(c)) return cp;
    if (isOctal(c) && (c === '0' || isOctal(this.peek))) {
      let v = cp - 0x30;
      for (let k = 1; k < 3 && isOctal(this.peek); k++)
        v = v * 8 + this.chars[this.i++]!.charCodeAt(0) - 0x30;
      return v;
    }
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(this.rest());
      const v = m ? parseInt(m[1] ?? m[2]!, 16) : NaN;
      if (!(v <= MAX_RUNE)) throw new Unread(`\\x${this.rest().slice(0, 4)}`);
      this.i += m![0].length;
      return v;
    }
    const controls: Record<string, number> = { a: 7, f: 0xc, n: 0xa, r: 0xd, t: 9, v: 0xb };
    if (Object.hasOwn(controls, c)) return controls[c]!;
    throw new Unread(`\\${c}`);
  }

  /** A bracketed class: ranges, [:alnum:] and [:^alnum:], \pL, \d, \s, ... (] first is literal). */
  private charClass(): string {
    this.i++;
    const negated = this.peek === '^';
    if (negated) this.i++;
    const items: string[] = [];
    for (let first = true; ; first = false) {
      if (this.peek === undefined) throw new Unread('a [ without its ]');
      if (this.peek === ']' && !first) break;
      const rest = this.rest();
      const posix = rest.startsWith('[:') ? rest.indexOf(':]', 2) : -1;
      if (posix >= 0) {
        const name = rest.slice(2, posix);
        const ranges = POSIX[name.replace(/^\^/, '')];
        if (ranges === undefined) throw new Unread(`[:${name}:]`);
        items.push(rangesSource(name.startsWith('^') ? complement(ranges) : ranges));
        this.i += posix + 2;
      } else if (/^\\[pP]/.test(rest)) items.push(this.unicode());
      else if (/^\\[dDwW]/.test(rest)) {
        items.push(rest.slice(0, 2));
        this.i += 2;
      } else if (/^\\[sS]/.test(rest)) {
        items.push(rangesSource(rest[1] === 's' ? GO_SPACE : complement(GO_SPACE)));
        this.i += 2;
      } else items.push(this.classRange());
    }
    this.i++;
    return `[${negated ? '^' : ''}${items.join('')}]`;
  }

  /** A character or a range of them in a class ([a-] is a and -, as in RE2). */
  private classRange(): string {
    const lo = this.classChar();
    if (this.peek !== '-' || this.chars[this.i + 1] === undefined || this.chars[this.i + 1] === ']')
      return rangesSource([[lo, lo]]);
    this.i++;
    const hi = this.classChar();
    if (hi < lo) throw new Unread(`the range ${hex(lo)}-${hex(hi)}`);
    return rangesSource([[lo, hi]]);
  }

  private classChar(): number {
    const c = this.chars[this.i++]!;
    return c === '\\' ? this.escapedChar() : c.codePointAt(0)!;
  }
}

/**
 * PATTERN, as RE2 reads it, in JavaScript's terms (source and flags, u always), or the syntax it
 * holds that this does not read (then nothing can be said of what it matches). Dots, ^ and $ are
 * RE2's (with (?s) and (?m) where they are in force); (?i) anywhere folds case in the whole.
 */
export function re2ToJs(pattern: string): Translation {
  try {
    const t = new Translator(pattern);
    const source = t.translate();
    const flags = t.folds ? 'iu' : 'u';
    new RegExp(source, flags);
    return { source, flags };
  } catch (e) {
    if (e instanceof Unread) return { unread: e.message };
    if (e instanceof SyntaxError)
      return {
        unread: `what JavaScript cannot compile (${e.message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '')})`,
      };
    throw e;
  }
}
