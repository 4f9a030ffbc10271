// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name (and URL) out, or a Syntax error.

const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;

/** Whether TEXT is a whole PEP 508 distribution name. */
export function isDistName(text: string): boolean {
  NAME.lastIndex = 0;
  return NAME.exec(text)?.[0] === text;
}
const OPERATOR = /(===|~=|==|!=|<=|>=|<|>)/y;
const WS = /[ \t]*/y;
// packaging's Specifier._regex, one per operator family (case-insensitive, like packaging).
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const EPOCH_RELEASE = 'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const VERSION_BY_OP: Record<string, RegExp> = {
  '===': /^[^\s;)]*$/i,
  '==': new RegExp(`^${EPOCH_RELEASE}(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?$`, 'i'),
  '~=': new RegExp(`^v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV}$`, 'i'),
  other: new RegExp(`^${EPOCH_RELEASE}${PRE}${POST}${DEV}$`, 'i'),
};
VERSION_BY_OP['!='] = VERSION_BY_OP['==']!;

const MARKER_VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  // legacy spellings packaging still accepts
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);

/** A requirement that packaging would reject; the message says where and why. */
export class Syntax extends Error {}

/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
  i = 0;
  constructor(readonly s: string) {}
  ws() {
    WS.lastIndex = this.i;
    WS.exec(this.s);
    this.i = WS.lastIndex;
  }
  eat(lit: string): boolean {
    if (this.s.startsWith(lit, this.i)) {
      this.i += lit.length;
      return true;
    }
    return false;
  }
  match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return undefined;
    this.i = re.lastIndex;
    return m[0];
  }
  done() {
    return this.i >= this.s.length;
  }
  fail(why: string): never {
    throw new Syntax(
      `${why} at position ${this.i + 1}${this.done() ? ' (end of line)' : ` ("${this.s.slice(this.i, this.i + 12)}")`}`,
    );
  }
}

function parseSpecifierList(c: Cursor): void {
  for (let first = true; ; first = false) {
    c.ws();
    if (!first) {
      if (!c.eat(',')) return;
      c.ws();
    }
    const op = c.match(OPERATOR);
    // An empty specifier list is allowed, and so is a trailing comma (packaging accepts both).
    if (op === undefined) return;
    c.ws();
    const start = c.i;
    while (!c.done() && !/[\s,;)]/.test(c.s[c.i]!)) c.i++;
    const version = c.s.slice(start, c.i);
    if (version === '') c.fail(`expected a version after "${op}"`);
    const re = VERSION_BY_OP[op] ?? VERSION_BY_OP.other!;
    if (!re.test(version)) {
      const hint = /^[<>=!~]+$/.test(version)
        ? `expected a version after "${op}", got "${version}"`
        : /^[<>=!~]/.test(version)
          ? `"${op}${version}" is not an operator: use one of ~= == != <= >= < > ===`
          : version.includes('*') && op !== '==' && op !== '!='
            ? `a wildcard version ("${version}") is only allowed with == and !=`
            : op === '~=' && /^v?[0-9]+$/.test(version)
              ? `~= needs at least two release segments (e.g. ~=${version}.0)`
              : version.includes('+') && op !== '==' && op !== '!=' && op !== '==='
                ? `a local version label ("${version}") is only allowed with == and !=`
                : `"${version}" is not a valid PEP 440 version`;
      throw new Syntax(hint);
    }
  }
}

function parseMarkerVar(c: Cursor): void {
  c.ws();
  const q = c.s[c.i];
  if (q === '"' || q === "'") {
    const end = c.s.indexOf(q, c.i + 1);
    if (end < 0) c.fail('unterminated string in marker');
    c.i = end + 1;
    return;
  }
  const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
  if (v === undefined) c.fail('expected a marker variable or a quoted string');
  if (!MARKER_VARIABLES.has(v)) {
    c.i -= v.length;
    c.fail(`unknown marker variable "${v}"`);
  }
}

function parseMarkerAtom(c: Cursor): void {
  c.ws();
  if (c.eat('(')) {
    parseMarker(c);
    c.ws();
    if (!c.eat(')')) c.fail('expected ")" to close the marker group');
    return;
  }
  parseMarkerVar(c);
  c.ws();
  if (c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined && c.match(/in(?![A-Za-z0-9_])/y) === undefined) {
    if (c.match(OPERATOR) === undefined)
      c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
  }
  parseMarkerVar(c);
}

function parseMarker(c: Cursor): void {
  parseMarkerAtom(c);
  for (;;) {
    c.ws();
    if (c.match(/(and|or)(?![A-Za-z0-9_])/y) === undefined) return;
    parseMarkerAtom(c);
  }
}

/**
 * One PEP 508 requirement, as packaging parses it. Returns the project name, or throws Syntax.
 */
export function parsePep508(s: string): { name: string; url?: string } {
  const c: Cursor = new Cursor(s);
  c.ws();
  const name = c.match(NAME);
  if (name === undefined) c.fail('expected a project name');
  c.ws();
  if (c.eat('[')) {
    c.ws();
    if (!c.eat(']')) {
      for (;;) {
        c.ws();
        if (c.match(NAME) === undefined) c.fail('expected an extra name');
        c.ws();
        if (c.eat(']')) break;
        if (!c.eat(',')) c.fail('expected "," or "]" in the extras');
      }
    }
    c.ws();
  }
  let url: string | undefined;
  if (c.eat('@')) {
    c.ws();
    url = c.match(/[^ \t]+/y);
    if (url === undefined) c.fail('expected a URL after "@"');
    const afterUrl = c.i;
    c.ws();
    if (c.done()) return { name, url };
    if (c.i === afterUrl) c.fail('expected whitespace after the URL');
    if (!c.eat(';')) c.fail('expected ";" and a marker after the URL');
  } else {
    if (c.eat('(')) {
      parseSpecifierList(c);
      c.ws();
      if (!c.eat(')')) c.fail('expected ")" to close the version specifiers');
    } else {
      parseSpecifierList(c);
    }
    c.ws();
    if (c.done()) return { name };
    if (!c.eat(';')) {
      if (/[<>=!~]/.test(c.s[c.i]!)) c.fail('invalid version specifier');
      c.fail('expected a version specifier, ";" and a marker, or the end of the line');
    }
  }
  parseMarker(c);
  c.ws();
  if (!c.done()) c.fail('unexpected text after the marker');
  return { name, ...(url !== undefined && { url }) };
}
