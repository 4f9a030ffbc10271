// YAML text to data for ml-image.yml: one document, merge keys (`<<: *base`) taken, every problem a
// ConfigError naming the file and the line (a syntax error, a second document, a duplicate key, an
// alias to no anchor, an alias or merge inside the node it names, a merge of no mapping); an alias
// bomb names the file.
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import { ConfigError } from '../errors.js';
import { printable } from '../util/text.js';
import { capProblems, problemCount } from './issues.js';
import { tooDeepAt } from './yaml-depth.js';
import { isMergeKey, type LineOf, lineLocator } from './yaml-lines.js';

/** YAML aliases allowed in one config ("billion laughs" expansion is refused past this). */
export const MAX_YAML_ALIASES = 100;

/** Parse YAML text (see parseYamlDocument). */
export function parseYaml(text: string, fileLabel: string): unknown {
  return parseYamlDocument(text, fileLabel).data;
}

/** Said where the YAML nests past MAX_YAML_DEPTH, or where the parser's own stack ran out. */
const TOO_DEEP =
  'the YAML is nested too deeply to read there (lists or mappings inside each other thousands of levels deep); a config nests a few levels';

/** "line 5, column 3: " for OFFSET of TEXT (the parser's LineCounter counts no lines before it runs). */
function placeOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return `line ${text.slice(0, lineStart).split('\n').length}, column ${offset - lineStart + 1}: `;
}

/** The node an alias names (its anchored scalar, mapping or list). */
type Resolved = ReturnType<Alias['resolve']>;

/** "line 5, column 3: " for OFFSET of the text LINES counted; nothing without one. */
type At = (offset: number | undefined) => string;

/** A node's first offset. */
const startOf = (node: unknown): number | undefined =>
  (node as { range?: readonly number[] } | null)?.range?.[0];

/**
 * The problems of DOC's structure that the yaml package would throw at (or take) without a line,
 * in document order: a duplicate key, a list or mapping as a key, an alias to no anchor before it,
 * an alias inside the node it names (a cycle: `<<: *i` in the mapping &i), a merge key (`<<`)
 * whose value is no mapping, alias to one or list of them. TARGETS gets the node each other alias names.
 */
function structureProblems(doc: Document, at: At, targets: Map<Alias, Resolved>): string[] {
  const problems: string[] = [];
  // An alias names the last anchor before it (in this visit's order, the yaml package's own).
  const anchors = new Map<string, unknown>();
  const target = (node: unknown): unknown => (isAlias(node) ? anchors.get(node.source) : node);
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source))
        problems.push(
          `${at(startOf(node))}unknown alias *${node.source}: no anchor &${node.source} is set before it`,
        );
      else if (path.includes(anchors.get(node.source) as Node))
        problems.push(`${at(startOf(node))}${cycleProblem(node, anchors.get(node.source), path)}`);
      else targets.set(node, anchors.get(node.source) as Resolved);
      return;
    }
    if (!isPair(node)) {
      const anchor = (node as { anchor?: string } | null)?.anchor;
      if (anchor !== undefined) anchors.set(anchor, node);
      if (isMap(node)) problems.push(...keyProblems(node.items, at));
      return;
    }
    if (!isMergeKey(node.key)) return;
    const value = target(node.value);
    const sources = isSeq(value) ? value.items : [node.value];
    // An alias to no anchor is said above; anything else that is not a mapping is said here.
    if (sources.some((s) => !(isAlias(s) && !anchors.has(s.source)) && !isMap(target(s))))
      problems.push(
        `${at(startOf(node.key))}a merge key (<<) takes a mapping, an alias to one (<<: *base) or a list of them`,
      );
  });
  return problems;
}

/**
 * ALIAS (*NAME) inside the node TARGET it names (PATH: its ancestors), a cycle: as a merge
 * (`<<: *i` in the mapping anchored &i) the mapping would take its own keys, the yaml package
 * reading that as an alias bomb; as a value the data would hold itself.
 */
function cycleProblem(alias: Alias, target: unknown, path: readonly unknown[]): string {
  const name = alias.source;
  const what = isSeq(target) ? 'list' : 'mapping';
  // The merge key the alias is the value of, directly or in a list (`<<: [*a, *b]`).
  const parent = path.at(-1);
  const pair = isSeq(parent) ? path.at(-2) : parent;
  if (isPair(pair) && isMergeKey(pair.key) && pair.value === (isSeq(parent) ? parent : alias))
    return `<<: *${name} merges the ${what} it is in (anchored &${name}): a mapping cannot merge itself; merge another mapping, anchored outside it`;
  return `*${name} is inside the ${what} it names (anchored &${name}): a value cannot hold itself`;
}

/**
 * Where the quoted scalar that runs to END unclosed starts (a MISSING_CHAR error's offset), for
 * every END of DOC: one walk of the document, however many such errors (a walk for each took 14 s
 * for a 9 KB file of 27 of them, nested deep).
 */
function unclosedQuoteStarts(doc: Document): (end: number) => number | undefined {
  let starts: Map<number, number> | undefined;
  return (end) => {
    if (starts === undefined) {
      const found = new Map<number, number>();
      visit(doc, {
        Scalar(_key, node) {
          const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
          // The last scalar to end there, as the walk for each error found.
          if (quoted && node.range) found.set(node.range[1], node.range[0]);
        },
      });
      starts = found;
    }
    return starts.get(end);
  };
}

/** A mapping's keys: each a name (no list or mapping), each once. */
function keyProblems(items: readonly { key: unknown }[], at: At): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  for (const pair of items) {
    const k = pair.key as { value?: unknown } | null;
    const id = k !== null && typeof k === 'object' && 'value' in k ? k.value : k;
    // A list or mapping as a key (`? [a, b]`): no config field is named so, and JavaScript
    // would turn it into its text with a warning on stderr. Refused here with its line.
    if (id !== null && typeof id === 'object') {
      problems.push(`${at(startOf(k))}a key must be a name, not a list or mapping`);
      continue;
    }
    // Merge keys are each a symbol of their own: never a duplicate of another.
    if (seen.has(id))
      problems.push(
        `${at(startOf(k))}duplicate key ${printable(JSON.stringify(String(id)))} (map keys must be unique)`,
      );
    seen.add(id);
  }
  return problems;
}

/**
 * TEXT with each lone carriage return (an old Mac's line end) made a line feed: YAML 1.2 breaks a
 * line at either (and reads a break inside a scalar as a line feed), the yaml package at "\n" and
 * "\r\n" only, and read the whole file as one line. The same length, so every offset, and the
 * lines counted (an editor's), stay right; "\r\n" is kept.
 */
const withLineFeeds = (text: string): string => text.replace(/\r(?!\n)/g, '\n');

/** YAML's own tags (1.1 and 1.2): each leaves its value as text or what it says (resolveKnownTags). */
const YAML_TAG =
  /^tag:yaml\.org,2002:(?:binary|timestamp|set|omap|pairs|str|int|float|bool|null|seq|map|merge|value)$/;

/**
 * A tag the yaml package cannot resolve (`!foo bar`, `!!js/function x`): it dropped the tag and
 * kept the text, so a value meant as something else was read as a string without a word. Refused,
 * naming its line; YAML's own (`!!binary`) stay the text they tag.
 */
function tagProblems(doc: ReturnType<typeof parseDocument>, at: At): string[] {
  return doc.warnings.flatMap((w) => {
    const tag = w.code === 'TAG_RESOLVE_FAILED' ? /Unresolved tag: (\S+)/.exec(w.message)?.[1] : undefined;
    if (tag === undefined || YAML_TAG.test(tag)) return [];
    const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
    return [
      `${at(placed(w))}the tag ${JSON.stringify(shown)} is none this tool reads (a config holds strings, numbers, booleans, lists and mappings): remove it`,
    ];
  });
}

/**
 * Each alias's own resolve(doc) without a context (how the yaml package counts an anchor's aliases
 * in toJS, and how lineLocator follows a merge) answers the node TARGETS found for it, the one the
 * package would find: the last anchor of its name before it. The package's own walks the whole
 * document for every alias, each walk copying the path to every node: 200 aliases in an anchored
 * list and a mapping nested 1000 deep took 24 seconds, 5000 aliases 10. With a context (toJS's own
 * resolving, its count of copies) the package's, which walks the document once.
 */
function pinAliases(targets: ReadonlyMap<Alias, Resolved>): void {
  for (const [alias, target] of targets) {
    const own = alias.resolve.bind(alias);
    alias.resolve = (doc, ctx) => (ctx === undefined ? target : own(doc, ctx));
  }
}

/** Where the yaml package says ERROR is (its first offset), or undefined where it says none (-1). */
const placed = (error: YAMLError): number | undefined => (error.pos[0] === -1 ? undefined : error.pos[0]);

/**
 * The yaml package's document of TEXT, its errors and warnings placed by offset only. Its own
 * placing (prettyErrors) copied and searched the whole line for each error, and a line of 256 KiB
 * of "]" has an error at every character: minutes. Each error an Error, its stack trace taken
 * (halving the parse of such a line) and never shown: none is taken while it parses.
 */
function parseQuietly(
  text: string,
  lineCounter: LineCounter,
  fileLabel: string,
): ReturnType<typeof parseDocument> {
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // resolveKnownTags: false: an explicit !!binary, !!timestamp, !!set ... stays the text it tags
    // (a config has strings, numbers, booleans, lists and mappings only), not a Buffer or a Date
    // whose methods the schema would list as unknown keys.
    return parseDocument(text, {
      prettyErrors: false,
      uniqueKeys: false,
      lineCounter,
      resolveKnownTags: false,
      merge: true,
    });
  } catch (e) {
    // Its parser's own stack ran out where tooDeepAt counts no level (`a: [x: x: x: ...`, implicit
    // keys in a flow list): the line it had read to, not an internal error.
    if (!(e instanceof RangeError)) throw e;
    throw new ConfigError(
      `${fileLabel}: invalid YAML`,
      [`line ${lineCounter.lineStarts.filter((start) => start < text.length).length}: ${TOO_DEEP}`],
      { file: fileLabel },
    );
  } finally {
    Error.stackTraceLimit = traces;
  }
}

/**
 * Parse YAML text: the data, and where each field is written (`lineOf`). Syntax errors name the
 * file, line and column. Linear in the size of the text: duplicate keys are found with one Set per
 * mapping (the yaml package's own `uniqueKeys` check compares every pair, which made a 1 MB config
 * take most of a minute), and alias expansion is bounded (an alias bomb is a ConfigError naming
 * the file, not a crash). A merge key (`<<: *base`, YAML 1.1's) brings in the keys of the mapping
 * it names that the mapping it is in does not set itself.
 */
export function parseYamlDocument(raw: string, fileLabel: string): { data: unknown; lineOf: LineOf } {
  const text = withLineFeeds(raw);
  // Refused before the parser reads it: a file nested thousands deep took it seconds.
  const deep = tooDeepAt(text);
  if (deep !== undefined)
    throw new ConfigError(`${fileLabel}: invalid YAML`, [`${placeOf(text, deep)}${TOO_DEEP}`], {
      file: fileLabel,
    });
  const lineCounter = new LineCounter();
  const doc = parseQuietly(text, lineCounter, fileLabel);
  const at: At = (offset) => {
    if (offset === undefined) return '';
    const pos = lineCounter.linePos(offset);
    return `line ${pos.line}, column ${pos.col}: `;
  };
  const quoteStart = unclosedQuoteStarts(doc);
  const problems = doc.errors.map((e) => {
    const where = at(placed(e));
    const message = e.message;
    // The yaml package's advice names its own API: say what to change in the file.
    if (e.code === 'MULTIPLE_DOCS')
      return `${where}the file holds more than one YAML document (---); give one`;
    // The parser's own stack ran out (lists in lists thousands deep): where it did, not a JS error.
    if (/Maximum call stack size exceeded/.test(message)) return `${where}${TOO_DEEP}`;
    const opened = e.code === 'MISSING_CHAR' ? quoteStart(e.pos[0]) : undefined;
    // A quote never closed: where it opens, not where the parser gave up (the file's end, or a
    // later line it read as part of the value).
    if (opened !== undefined && /quote/.test(message)) {
      const upTo = where === '' ? '' : ` (read on to ${where.slice(0, -2)})`;
      return `${at(opened)}${message}: the quoted value that opens here is not closed${upTo}`;
    }
    return `${where}${message}`;
  });
  const targets = new Map<Alias, Resolved>();
  problems.push(...tagProblems(doc, at), ...structureProblems(doc, at, targets));
  // A file of garbage has a problem at nearly every character: the first 100, and how many more.
  const shown = capProblems(problems);
  if (shown.length > 0)
    throw new ConfigError(`${fileLabel}: invalid YAML`, shown, {
      file: fileLabel,
      count: problemCount(shown),
    });
  pinAliases(targets);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
  } catch (e) {
    // Every alias has its anchor, none is inside the node it names, and every merge a mapping
    // (checked above): what is left is yaml's ReferenceError for "Excessive alias count", an alias
    // bomb.
    const msg = (e as Error).message.split('\n')[0] ?? String(e);
    throw new ConfigError(
      `${fileLabel}: invalid YAML`,
      [
        /alias/i.test(msg)
          ? `aliases expand too far (one anchor's aliases expand to ${MAX_YAML_ALIASES} copies or more, a "billion laughs" pattern): ${msg}`
          : msg,
      ],
      { file: fileLabel },
    );
  }
  return { data: data ?? {}, lineOf: lineLocator(doc, lineCounter) };
}
