// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name, extras, URL and marker out, or a
// Syntax error.

/**
 * PEP 503 normalised distribution name: lowercase, each run of '-', '_' and '.' one '-'
 * ("Foo_Bar.baz" -> "foo-bar-baz"). The one copy of the rule: the resolver, the diff, the SBOM's
 * purls and the dev container all compare names through it (requirements/parse.ts exports it).
 */
export const canonicalName = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

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

/**
 * The deepest marker group read: a deeper one is refused (pip's own parser, recursive, fails past
 * about 400 levels; this one would overflow the stack near 5,000).
 */
const MAX_MARKER_DEPTH = 100;

/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
  i = 0;
  /** The marker groups open at i. */
  depth = 0;
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
    const bom = this.s.includes('\ufeff')
      ? ': the line holds U+FEFF, an invisible byte-order mark (from a file joined to this one?), which pip reads as part of it; remove it'
      : '';
    throw new Syntax(
      `${why} at position ${this.i + 1}${this.done() ? ' (end of line)' : ` ("${this.s.slice(this.i, this.i + 12)}")`}${bom}`,
    );
  }
}

/** Refuse VERSION after OP where packaging's pattern for OP does not take it, saying why. */
function checkVersion(op: string, version: string): void {
  const re = VERSION_BY_OP[op] ?? VERSION_BY_OP.other!;
  if (re.test(version)) return;
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

/**
 * What follows "===" up to white space, ";" or ")", commas included, as packaging's tokenizer reads
 * it: `===1,>=2` is two clauses, `===1, >=2` one ("===1,") and then text pip refuses. Each clause
 * after a comma is checked on its own, as packaging's SpecifierSet does.
 */
function checkArbitrary(text: string): void {
  // The first clause is ==='s own version: anything goes.
  for (const clause of text.split(',').slice(1)) {
    if (clause === '') continue;
    OPERATOR.lastIndex = 0;
    const op = OPERATOR.exec(clause)?.[0];
    if (op === undefined || op === clause)
      throw new Syntax(
        `"${clause}" is not a version specifier: after "===", pip reads up to the next space as one ("===${text}")`,
      );
    checkVersion(op, clause.slice(op.length));
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
    // Between operator and version packaging's pattern takes Python's \s: any Unicode blank.
    c.match(/[^\S\ufeff]*/y);
    const start = c.i;
    const stop = op === '===' ? /[\s;)]/ : /[\s,;)]/;
    while (!c.done() && !stop.test(c.s[c.i]!)) c.i++;
    const version = c.s.slice(start, c.i);
    if (version === '' || version.startsWith(',')) {
      c.i = start;
      c.fail(`expected a version after "${op}"`);
    }
    if (op === '===') checkArbitrary(version);
    else checkVersion(op, version);
  }
}

/**
 * A marker as packaging parses it: comparisons (LHS OP RHS, each side a variable or a quoted
 * string) joined by "and"/"or", a parenthesised group a nested list.
 */
export type MarkerNode = { lhs: string; op: string; rhs: string } | MarkerNode[] | 'and' | 'or';

/** A marker variable or a quoted string, as packaging writes it back (str(Marker)). */
function parseMarkerVar(c: Cursor): string {
  c.ws();
  const q = c.s[c.i];
  if (q === '"' || q === "'") {
    const end = c.s.indexOf(q, c.i + 1);
    if (end < 0) c.fail('unterminated string in marker');
    const value = c.s.slice(c.i + 1, end);
    c.i = end + 1;
    return `"${value}"`;
  }
  const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
  if (v === undefined) c.fail('expected a marker variable or a quoted string');
  if (!MARKER_VARIABLES.has(v)) {
    c.i -= v.length;
    c.fail(`unknown marker variable "${v}"`);
  }
  // packaging's spelling of the legacy names: os.name is os_name, python_implementation
  // platform_python_implementation.
  const name = v.replace(/\./g, '_');
  return name === 'python_implementation' ? 'platform_python_implementation' : name;
}

/** A quoted value compared with `extra`, as packaging compares it: its PEP 503 name. */
function extraValue(value: string, other: string): string {
  return other === 'extra' && value.startsWith('"') ? `"${canonicalName(value.slice(1, -1))}"` : value;
}

function parseMarkerAtom(c: Cursor): MarkerNode {
  c.ws();
  if (c.eat('(')) {
    if (++c.depth > MAX_MARKER_DEPTH) {
      c.i--;
      c.fail(`more than ${MAX_MARKER_DEPTH} nested parentheses in the marker`);
    }
    const group = parseMarker(c);
    c.ws();
    if (!c.eat(')')) c.fail('expected ")" to close the marker group');
    c.depth--;
    return group;
  }
  const lhs = parseMarkerVar(c);
  c.ws();
  let op = c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined ? undefined : 'not in';
  op ??= c.match(/in(?![A-Za-z0-9_])/y) ?? c.match(OPERATOR);
  if (op === undefined) c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
  const rhs = parseMarkerVar(c);
  return { lhs: extraValue(lhs, rhs), op, rhs: extraValue(rhs, lhs) };
}

function parseMarker(c: Cursor): MarkerNode[] {
  const nodes: MarkerNode[] = [parseMarkerAtom(c)];
  for (;;) {
    c.ws();
    const op = c.match(/(and|or)(?![A-Za-z0-9_])/y);
    if (op === undefined) return nodes;
    nodes.push(op === 'and' ? 'and' : 'or', parseMarkerAtom(c));
  }
}

/**
 * A marker as packaging's str(Marker) writes it (_format_marker): one space between tokens,
 * strings in double quotes, a group of one item or the whole marker without parentheses. Unlike
 * packaging, a group inside doubled parentheses keeps one pair: packaging writes
 * `a and ((b or c))` as `a and b or c`, which reads as `(a and b) or c`.
 */
function formatMarker(m: MarkerNode, first = true): string {
  if (typeof m === 'string') return m;
  if (!Array.isArray(m)) return `${m.lhs} ${m.op} ${m.rhs}`;
  if (m.length === 1) return formatMarker(m[0]!, first);
  const inner = m.map((n) => formatMarker(n, false)).join(' ');
  return first ? inner : `(${inner})`;
}

/** The extras of a requirement, as written (after its name; none without "["). */
function parseExtras(c: Cursor): string[] {
  const extras: string[] = [];
  if (!c.eat('[')) return extras;
  c.ws();
  if (c.eat(']')) return extras;
  for (;;) {
    c.ws();
    const extra = c.match(NAME);
    if (extra === undefined) c.fail('expected an extra name');
    extras.push(extra);
    c.ws();
    if (c.eat(']')) return extras;
    if (!c.eat(',')) c.fail('expected "," or "]" in the extras');
  }
}

/** A parsed requirement: its name as written, its extras, URL and marker. */
export interface Pep508 {
  name: string;
  /** The extras as written (not canonicalized), in order; [] without any. */
  extras: string[];
  url?: string;
  /**
   * The marker after ";" as packaging's str(Marker) writes it: one space between tokens, strings
   * in double quotes, legacy variable names respelled (os.name is os_name), values compared with
   * `extra` canonicalized, redundant parentheses dropped (formatMarker: never a needed pair). Two
   * markers that packaging reads alike compare equal here. Absent without a marker.
   */
  marker?: string;
}

/** One PEP 508 requirement, as packaging parses it, or a Syntax error. */
export function parsePep508(s: string): Pep508 {
  return parseWithTree(s).req;
}

/**
 * The marker of a PEP 508 requirement as a tree (comparisons, with strings in double quotes and
 * variables bare, joined by "and"/"or"; a group a nested list), for evaluation (markers.ts);
 * undefined without a marker. A Syntax error as parsePep508.
 */
export function pep508MarkerTree(s: string): MarkerNode[] | undefined {
  return parseWithTree(s).tree;
}

/** A whole marker string (what follows ";") as a tree, or a Syntax error. */
export function parseMarkerText(s: string): MarkerNode[] {
  const c = new Cursor(s);
  const tree = parseMarker(c);
  c.ws();
  if (!c.done()) c.fail('unexpected text after the marker');
  return tree;
}

function parseWithTree(s: string): { req: Pep508; tree?: MarkerNode[] } {
  const c: Cursor = new Cursor(s);
  c.ws();
  const name = c.match(NAME);
  if (name === undefined) c.fail('expected a project name');
  c.ws();
  const extras = parseExtras(c);
  c.ws();
  let url: string | undefined;
  if (c.eat('@')) {
    c.ws();
    url = c.match(/[^ \t]+/y);
    if (url === undefined) c.fail('expected a URL after "@"');
    const afterUrl = c.i;
    c.ws();
    if (c.done()) return { req: { name, extras, url } };
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
    if (c.done()) return { req: { name, extras } };
    if (!c.eat(';')) {
      if (/[<>=!~]/.test(c.s[c.i]!)) c.fail('invalid version specifier');
      c.fail('expected a version specifier, ";" and a marker, or the end of the line');
    }
  }
  const tree = parseMarker(c);
  c.ws();
  if (!c.done()) c.fail('unexpected text after the marker');
  return { req: { name, extras, ...(url !== undefined && { url }), marker: formatMarker(tree) }, tree };
}
