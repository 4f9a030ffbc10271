export const id = 385;
export const ids = [385];
export const modules = {

/***/ 14385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
  Z9: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: MAX_CONFIG_BYTES, parseYaml, parseYamlDocument, validateConfigData

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/read-bounded.ts
var read_bounded = __webpack_require__(30790);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/requirements/read.ts + 4 modules
var read = __webpack_require__(99679);
// EXTERNAL MODULE: ./src/requirements/read-file.ts
var read_file = __webpack_require__(39077);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
;// CONCATENATED MODULE: ./src/config/nul-strings.ts
// A config string holding U+0000 (YAML's "\0" escape): no command line, argument, file name, label
// or environment variable can carry one (a field used only in-process, a smoke output pattern, may).
// Refused where the config is read, naming each value (or key) and its line, rather than failing
// later in a process spawn or the engine's API.

const NUL_PROBLEM = 'holds a NUL character (U+0000, "\\0"): no command, argument, file name or label can carry one; remove it';
/**
 * Fields only used in-process, never passed to a spawned command or the engine: a custom test's
 * expectedOutput / excludedOutput patterns, matched by the smoke matcher's worker (a NUL in a
 * regex, "a\0b", matches one in the output).
 */
const inProcessOnly = (path) => path.length >= 4 &&
    path[0] === 'smoke' &&
    path[1] === 'tests' &&
    typeof path[2] === 'number' &&
    (path[3] === 'expectedOutput' || path[3] === 'excludedOutput');
/**
 * The problems of the strings (values and keys) in DATA that hold U+0000, at most MAX: each a
 * field that reaches a command, an argument, a file name or a label (not an in-process one).
 */
function nulStringProblems(data, origins, max = 100) {
    const out = [];
    const walk = (v, path) => {
        if (out.length >= max || inProcessOnly(path))
            return;
        if (typeof v === 'string') {
            if (v.includes('\0'))
                out.push((0,issues/* problemAt */.l4)(path, NUL_PROBLEM, origins));
            return;
        }
        if (Array.isArray(v)) {
            v.forEach((item, i) => walk(item, [...path, i]));
            return;
        }
        if (v !== null && typeof v === 'object')
            for (const [k, item] of Object.entries(v)) {
                if (k.includes('\0'))
                    out.push((0,issues/* problemAt */.l4)([...path, k], `the key ${NUL_PROBLEM}`, origins));
                else
                    walk(item, [...path, k]);
            }
    };
    walk(data, []);
    return out;
}

// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
;// CONCATENATED MODULE: ./src/config/overrides.ts
// Values from outside ml-image.yml (action inputs, CLI flags) that replace the file's: applied to
// the parsed data before validation, and the input each value came from, for messages.


/**
 * TARGET with VALUE at path P, each step an own property: a step named `__proto__` (or
 * `constructor`) is a key like any other, never the object's prototype, so that no path can set a
 * field of every object in the process (Object.prototype).
 */
function setAt(target, p, value) {
    let cur = target;
    const own = (v) => ({ value: v, writable: true, enumerable: true, configurable: true });
    p.forEach((seg, i) => {
        if (i === p.length - 1) {
            Object.defineProperty(cur, seg, own(value));
            return;
        }
        const next = Object.hasOwn(cur, seg) ? cur[seg] : undefined;
        if (next === null || typeof next !== 'object')
            Object.defineProperty(cur, seg, own({}));
        cur = cur[seg];
    });
}
function applyOverrides(data, overrides) {
    if (overrides.length === 0)
        return data;
    const base = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? structuredClone(data)
        : {};
    for (const o of overrides)
        setAt(base, o.path, selectVariants(base, o));
    return base;
}
/**
 * A variants override (the --variants flag, the variants input) names variants: a name the file's
 * list has selects that entry as written (a named base, a pinned torch), any other is shorthand
 * (cpu, cudaX.Y). Other overrides' values as given.
 */
function selectVariants(base, o) {
    if (o.path.length !== 1 || o.path[0] !== 'variants' || !Array.isArray(o.value))
        return o.value;
    const listed = Array.isArray(base.variants) ? base.variants : [];
    const byName = new Map(listed.map((entry) => [(0,schema/* variantEntryName */.D3)(entry), entry]));
    return o.value.map((name) => (typeof name === 'string' ? (byName.get(name) ?? name) : name));
}
/**
 * Where a field's value came from: the override (an action input, a CLI flag) that set it or one
 * of its parents, if any.
 */
function overrideSourceOf(overrides) {
    return (p) => {
        const shown = (0,issues/* formatPath */.jV)(p);
        const o = overrides.find((ov) => shown === (0,issues/* formatPath */.jV)(ov.path) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}[`) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}.`));
        return o?.source;
    };
}

// EXTERNAL MODULE: ./src/config/referenced-files.ts
var referenced_files = __webpack_require__(96845);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/config/yaml-depth.ts
// How deeply a YAML text nests, found by the yaml package's lexer before its parser runs: the parser
// read a file of lists inside lists thousands of levels deep to its end (`a: [[[[...` of 256 KiB
// took 4 to 11 s, `- a: - a: ...` minutes) before its composer ran out of call stack some 800
// levels in. The lexer reads the text once, and the count stops at the first opening past the limit.

/**
 * Lists or mappings inside each other a file may nest (a config nests a few levels): past what the
 * parser reads before its own stack runs out (about 800 levels of lists, 1000 of mappings, with
 * Node's default stack), so no file it read is refused for this.
 */
const MAX_YAML_DEPTH = 2000;
/** The lexer's tokens that mark no text of the file (they say what comes next). */
const MARKERS = new Set([dist/* CST */.DB.DOCUMENT, dist/* CST */.DB.FLOW_END, dist/* CST */.DB.SCALAR]);
/**
 * The offset of the first `[`, `{`, `-`, `?` or `:` of TEXT that opens a list or mapping more than
 * MAX_YAML_DEPTH levels deep, or undefined. A level is a flow collection open there, or a block
 * indicator before it on its line (`- - x`, `- a: x`, `? - x`). A block collection on a line of
 * its own is indented past the one it is in: indentation alone nests the largest config read (256
 * KiB) some 700 levels at most.
 */
function tooDeepAt(text) {
    let offset = 0;
    let flow = 0;
    let block = 0;
    let scalarNext = false;
    for (const token of new dist/* Lexer */.JG().lex(text)) {
        const start = offset;
        if (!MARKERS.has(token))
            offset += token.length;
        // A scalar's text ("-", "[" quoted) is no indicator, whatever it reads.
        if (scalarNext || token === dist/* CST */.DB.SCALAR) {
            scalarNext = token === dist/* CST */.DB.SCALAR;
            continue;
        }
        const type = dist/* CST */.DB.tokenType(token);
        if (type === 'newline')
            block = 0;
        else if (type === 'flow-error-end')
            flow = 0;
        else if (type === 'flow-seq-end' || type === 'flow-map-end')
            flow = Math.max(0, flow - 1);
        else if (type === 'flow-seq-start' || type === 'flow-map-start')
            flow += 1;
        else if (flow === 0 &&
            (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind'))
            block += 1;
        else
            continue;
        if (flow + block > MAX_YAML_DEPTH)
            return start;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/yaml-lines.ts
// Where a config field is written: the line of ml-image.yml a problem's path points at, so an
// error reads "line 5: variants[0].cuda: ..." and the action's annotation lands on that line.

/** A node's or a key's first offset (a scalar key, a value, a list item). */
function startOf(node) {
    const range = node?.range;
    return Array.isArray(range) ? range[0] : undefined;
}
/** Whether KEY is a merge key (`<<`, unquoted): the yaml package reads it as a symbol. */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}
/** How deep merges into merges are followed (a merge of its own mapping would never end). */
const MAX_MERGE_DEPTH = 20;
/**
 * The pair of MAP whose key is SEG: its own, else the one a merge key brings in (`<<: *base`, or
 * a list of them: the first that has it), as the yaml package merges them.
 */
function pairOf(doc, map, seg, depth = 0) {
    const own = map.items.find((p) => keyText(p.key) === seg);
    if (own !== undefined || depth >= MAX_MERGE_DEPTH)
        return own;
    for (const merge of map.items.filter((p) => isMergeKey(p.key))) {
        const value = (0,dist/* isAlias */.Vj)(merge.value) ? merge.value.resolve(doc) : merge.value;
        for (const source of (0,dist/* isSeq */.oP)(value) ? value.items : [value]) {
            const resolved = (0,dist/* isAlias */.Vj)(source) ? source.resolve(doc) : source;
            const found = (0,dist/* isMap */.jh)(resolved) ? pairOf(doc, resolved, seg, depth + 1) : undefined;
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
function keyText(key) {
    // A null key (`~:` or `:`) is the empty string in the parsed data, as the yaml package makes it.
    if ((0,dist/* isScalar */.jn)(key))
        return key.value === null ? '' : String(key.value);
    return typeof key === 'string' ? key : undefined;
}
/**
 * A locator for DOC: the line of the deepest part of a path the file holds. A mapping's field is
 * its key's line (a merged one's in the mapping it is merged from), a list's item the item's line. A path the file holds only in part (a required
 * field left out, a list the schema made from one string) is its nearest written parent; a path
 * whose first step is not in the file (a top-level field left out) has no line.
 */
function lineLocator(doc, lines) {
    return (path) => {
        let node = doc.contents;
        let offset;
        for (const seg of path) {
            if ((0,dist/* isAlias */.Vj)(node))
                node = node.resolve(doc);
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = pairOf(doc, node, String(seg));
                if (pair === undefined)
                    break;
                offset = startOf(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
                const item = node.items[seg];
                if (item === undefined)
                    break;
                offset = startOf(item) ?? offset;
                node = item;
            }
            else
                break;
        }
        return offset === undefined ? undefined : lines.linePos(offset).line;
    };
}

;// CONCATENATED MODULE: ./src/config/yaml-parse.ts
// YAML text to data for ml-image.yml: one document, merge keys (`<<: *base`) taken, every problem a
// ConfigError naming the file and the line (a syntax error, a second document, a duplicate key, an
// alias to no anchor, an alias or merge inside the node it names, a merge of no mapping); an alias
// bomb names the file.






/** YAML aliases allowed in one config ("billion laughs" expansion is refused past this). */
const MAX_YAML_ALIASES = 100;
/** Parse YAML text (see parseYamlDocument). */
function parseYaml(text, fileLabel) {
    return parseYamlDocument(text, fileLabel).data;
}
/** Said where the YAML nests past MAX_YAML_DEPTH, or where the parser's own stack ran out. */
const TOO_DEEP = 'the YAML is nested too deeply to read there (lists or mappings inside each other thousands of levels deep); a config nests a few levels';
/** "line 5, column 3: " for OFFSET of TEXT (the parser's LineCounter counts no lines before it runs). */
function placeOf(text, offset) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return `line ${text.slice(0, lineStart).split('\n').length}, column ${offset - lineStart + 1}: `;
}
/** A node's first offset. */
const yaml_parse_startOf = (node) => node?.range?.[0];
/**
 * The problems of DOC's structure that the yaml package would throw at (or take) without a line,
 * in document order: a duplicate key, a list or mapping as a key, an alias to no anchor before it,
 * an alias inside the node it names (a cycle: `<<: *i` in the mapping &i), a merge key (`<<`)
 * whose value is no mapping, alias to one or list of them. TARGETS gets the node each other alias names.
 */
function structureProblems(doc, at, targets) {
    const problems = [];
    // An alias names the last anchor before it (in this visit's order, the yaml package's own).
    const anchors = new Map();
    const target = (node) => ((0,dist/* isAlias */.Vj)(node) ? anchors.get(node.source) : node);
    (0,dist/* visit */.YR)(doc, (_key, node, path) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            if (!anchors.has(node.source))
                problems.push(`${at(yaml_parse_startOf(node))}unknown alias *${node.source}: no anchor &${node.source} is set before it`);
            else if (path.includes(anchors.get(node.source)))
                problems.push(`${at(yaml_parse_startOf(node))}${cycleProblem(node, anchors.get(node.source), path)}`);
            else
                targets.set(node, anchors.get(node.source));
            return;
        }
        if (!(0,dist/* isPair */.tO)(node)) {
            const anchor = node?.anchor;
            if (anchor !== undefined)
                anchors.set(anchor, node);
            if ((0,dist/* isMap */.jh)(node))
                problems.push(...keyProblems(node.items, at));
            return;
        }
        if (!isMergeKey(node.key))
            return;
        const value = target(node.value);
        const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [node.value];
        // An alias to no anchor is said above; anything else that is not a mapping is said here.
        if (sources.some((s) => !((0,dist/* isAlias */.Vj)(s) && !anchors.has(s.source)) && !(0,dist/* isMap */.jh)(target(s))))
            problems.push(`${at(yaml_parse_startOf(node.key))}a merge key (<<) takes a mapping, an alias to one (<<: *base) or a list of them`);
    });
    return problems;
}
/**
 * ALIAS (*NAME) inside the node TARGET it names (PATH: its ancestors), a cycle: as a merge
 * (`<<: *i` in the mapping anchored &i) the mapping would take its own keys, the yaml package
 * reading that as an alias bomb; as a value the data would hold itself.
 */
function cycleProblem(alias, target, path) {
    const name = alias.source;
    const what = (0,dist/* isSeq */.oP)(target) ? 'list' : 'mapping';
    // The merge key the alias is the value of, directly or in a list (`<<: [*a, *b]`).
    const parent = path.at(-1);
    const pair = (0,dist/* isSeq */.oP)(parent) ? path.at(-2) : parent;
    if ((0,dist/* isPair */.tO)(pair) && isMergeKey(pair.key) && pair.value === ((0,dist/* isSeq */.oP)(parent) ? parent : alias))
        return `<<: *${name} merges the ${what} it is in (anchored &${name}): a mapping cannot merge itself; merge another mapping, anchored outside it`;
    return `*${name} is inside the ${what} it names (anchored &${name}): a value cannot hold itself`;
}
/**
 * Where the quoted scalar that runs to END unclosed starts (a MISSING_CHAR error's offset), for
 * every END of DOC: one walk of the document, however many such errors (a walk for each took 14 s
 * for a 9 KB file of 27 of them, nested deep).
 */
function unclosedQuoteStarts(doc) {
    let starts;
    return (end) => {
        if (starts === undefined) {
            const found = new Map();
            (0,dist/* visit */.YR)(doc, {
                Scalar(_key, node) {
                    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
                    // The last scalar to end there, as the walk for each error found.
                    if (quoted && node.range)
                        found.set(node.range[1], node.range[0]);
                },
            });
            starts = found;
        }
        return starts.get(end);
    };
}
/** A mapping's keys: each a name (no list or mapping), each once. */
function keyProblems(items, at) {
    const problems = [];
    const seen = new Set();
    for (const pair of items) {
        const k = pair.key;
        const id = k !== null && typeof k === 'object' && 'value' in k ? k.value : k;
        // A list or mapping as a key (`? [a, b]`): no config field is named so, and JavaScript
        // would turn it into its text with a warning on stderr. Refused here with its line.
        if (id !== null && typeof id === 'object') {
            problems.push(`${at(yaml_parse_startOf(k))}a key must be a name, not a list or mapping`);
            continue;
        }
        // Merge keys are each a symbol of their own: never a duplicate of another.
        if (seen.has(id))
            problems.push(`${at(yaml_parse_startOf(k))}duplicate key ${(0,util_text/* printable */.g$)(JSON.stringify(String(id)))} (map keys must be unique)`);
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
const withLineFeeds = (text) => text.replace(/\r(?!\n)/g, '\n');
/** YAML's own tags (1.1 and 1.2): each leaves its value as text or what it says (resolveKnownTags). */
const YAML_TAG = /^tag:yaml\.org,2002:(?:binary|timestamp|set|omap|pairs|str|int|float|bool|null|seq|map|merge|value)$/;
/**
 * A tag the yaml package cannot resolve (`!foo bar`, `!!js/function x`): it dropped the tag and
 * kept the text, so a value meant as something else was read as a string without a word. Refused,
 * naming its line; YAML's own (`!!binary`) stay the text they tag.
 */
function tagProblems(doc, at) {
    return doc.warnings.flatMap((w) => {
        const tag = w.code === 'TAG_RESOLVE_FAILED' ? /Unresolved tag: (\S+)/.exec(w.message)?.[1] : undefined;
        if (tag === undefined || YAML_TAG.test(tag))
            return [];
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
function pinAliases(targets) {
    for (const [alias, target] of targets) {
        const own = alias.resolve.bind(alias);
        alias.resolve = (doc, ctx) => (ctx === undefined ? target : own(doc, ctx));
    }
}
/** Where the yaml package says ERROR is (its first offset), or undefined where it says none (-1). */
const placed = (error) => (error.pos[0] === -1 ? undefined : error.pos[0]);
/**
 * The yaml package's document of TEXT, its errors and warnings placed by offset only. Its own
 * placing (prettyErrors) copied and searched the whole line for each error, and a line of 256 KiB
 * of "]" has an error at every character: minutes. Each error an Error, its stack trace taken
 * (halving the parse of such a line) and never shown: none is taken while it parses.
 */
function parseQuietly(text, lineCounter, fileLabel) {
    const traces = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        // resolveKnownTags: false: an explicit !!binary, !!timestamp, !!set ... stays the text it tags
        // (a config has strings, numbers, booleans, lists and mappings only), not a Buffer or a Date
        // whose methods the schema would list as unknown keys.
        return (0,dist/* parseDocument */.Tp)(text, {
            prettyErrors: false,
            uniqueKeys: false,
            lineCounter,
            resolveKnownTags: false,
            merge: true,
        });
    }
    catch (e) {
        // Its parser's own stack ran out where tooDeepAt counts no level (`a: [x: x: x: ...`, implicit
        // keys in a flow list): the line it had read to, not an internal error.
        if (!(e instanceof RangeError))
            throw e;
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, [`line ${lineCounter.lineStarts.filter((start) => start < text.length).length}: ${TOO_DEEP}`], { file: fileLabel });
    }
    finally {
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
function parseYamlDocument(raw, fileLabel) {
    const text = withLineFeeds(raw);
    // Refused before the parser reads it: a file nested thousands deep took it seconds.
    const deep = tooDeepAt(text);
    if (deep !== undefined)
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, [`${placeOf(text, deep)}${TOO_DEEP}`], {
            file: fileLabel,
        });
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = parseQuietly(text, lineCounter, fileLabel);
    const at = (offset) => {
        if (offset === undefined)
            return '';
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
        if (/Maximum call stack size exceeded/.test(message))
            return `${where}${TOO_DEEP}`;
        const opened = e.code === 'MISSING_CHAR' ? quoteStart(e.pos[0]) : undefined;
        // A quote never closed: where it opens, not where the parser gave up (the file's end, or a
        // later line it read as part of the value).
        if (opened !== undefined && /quote/.test(message)) {
            const upTo = where === '' ? '' : ` (read on to ${where.slice(0, -2)})`;
            return `${at(opened)}${message}: the quoted value that opens here is not closed${upTo}`;
        }
        return `${where}${message}`;
    });
    const targets = new Map();
    problems.push(...tagProblems(doc, at), ...structureProblems(doc, at, targets));
    // A file of garbage has a problem at nearly every character: the first 100, and how many more.
    const shown = (0,issues/* capProblems */.Pe)(problems);
    if (shown.length > 0)
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, shown, {
            file: fileLabel,
            count: (0,issues/* problemCount */.bS)(shown),
        });
    pinAliases(targets);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (e) {
        // Every alias has its anchor, none is inside the node it names, and every merge a mapping
        // (checked above): what is left is yaml's ReferenceError for "Excessive alias count", an alias
        // bomb.
        const msg = e.message.split('\n')[0] ?? String(e);
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, [
            /alias/i.test(msg)
                ? `aliases expand too far (one anchor's aliases expand to ${MAX_YAML_ALIASES} copies or more, a "billion laughs" pattern): ${msg}`
                : msg,
        ], { file: fileLabel });
    }
    return { data: data ?? {}, lineOf: lineLocator(doc, lineCounter) };
}

// EXTERNAL MODULE: ./src/requirements/decode.ts
var decode = __webpack_require__(30744);
// EXTERNAL MODULE: ./src/util/strict-utf8.ts
var strict_utf8 = __webpack_require__(42015);
;// CONCATENATED MODULE: ./src/config/utf8.ts
// A config file's bytes as text: UTF-8 only, decoded strictly. Decoding with replacement would turn
// a byte that is not UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD silently: an image
// name, a tag or a build argument would then differ from what the file seems to say.



/**
 * BYTES decoded as UTF-8 (a leading byte-order mark dropped); bytes that are not UTF-8 are an
 * InputError naming LABEL and the line and column (in characters) of the first of them.
 */
function decodeConfigText(bytes, label) {
    // UTF-16 (PowerShell 5's `>` and Out-File write it): named as what it is, with or without its
    // byte-order mark; without one its ASCII is valid UTF-8, every other byte a NUL.
    const mark = bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'FF FE'
        : bytes[0] === 0xfe && bytes[1] === 0xff
            ? 'FE FF'
            : undefined;
    if (mark !== undefined)
        throw new errors/* InputError */.dz(`${label}: the file is UTF-16 (it starts with ${mark}); the config must be UTF-8 text`, decode/* SAVE_UTF8 */.om);
    const decoded = (0,strict_utf8/* decodeUtf8Strictly */.Cz)(bytes);
    if ('problem' in decoded)
        throw new errors/* InputError */.dz(`${label}: ${decoded.problem}; the config must be UTF-8 text`, decode/* SAVE_UTF8 */.om);
    const { text } = decoded;
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        const { line, column } = (0,strict_utf8/* placeOfByte */.hf)(bytes, nul);
        const utf16 = (bytes[1] === 0 && bytes[0] !== 0) || (bytes[0] === 0 && bytes[1] !== 0);
        throw new errors/* InputError */.dz(`${label}: line ${line}, column ${column}: a NUL byte${utf16 ? ' (the file looks like UTF-16: every other byte is NUL)' : ''}; the config must be UTF-8 text`, decode/* SAVE_UTF8 */.om);
    }
    return text;
}

// EXTERNAL MODULE: ./src/config/variant-place.ts
var variant_place = __webpack_require__(23549);
// EXTERNAL MODULE: ./src/config/workspace-file.ts
var workspace_file = __webpack_require__(7946);
;// CONCATENATED MODULE: ./src/config/load.ts
// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.

















// The YAML reading lives in yaml-parse.ts; its names are imported from here as before. The
// overrides are in overrides.ts, the check of the files a config names in referenced-files.ts.

const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];
/** What to do when no config file was found. */
const NO_FILE_FIX = 'create ml-image.yml (see docs/configuration.md), or pass --config PATH; in the action, check out the repository (actions/checkout) before this step, or pass the input "config"';
/** The largest config file read (a real ml-image.yml is a few KB). */
const MAX_CONFIG_BYTES = 256 * 1024;
/**
 * Read a config file: a regular file only (never /dev/zero, a FIFO, a directory: those would hang
 * or never end), at most MAX_CONFIG_BYTES, opened without blocking, UTF-8 (decodeConfigText).
 * Problems are InputErrors naming the path.
 */
function readConfigText(file, label = file) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of blocking forever.
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        throw cannotRead(label, e);
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw new errors/* InputError */.dz(`config path ${label} ${(0,read_regular/* notRegularFile */.s5)(st)}`, 'pass --config PATH pointing at your ml-image.yml');
        if (st.size > MAX_CONFIG_BYTES)
            throw tooBig(label, st.size);
        // Read at most one byte past the limit: a file that grows while read is still bounded.
        const buf = (0,read_bounded/* readBounded */.C)(fd, Math.min(st.size, MAX_CONFIG_BYTES) + 1);
        if (buf.length > MAX_CONFIG_BYTES)
            throw tooBig(label, buf.length);
        return decodeConfigText(buf, label);
    }
    catch (e) {
        // A read the system refuses (EIO: /proc/self/mem, a failing disk) as an open it refuses.
        throw e.code !== undefined && !(e instanceof errors/* InputError */.dz)
            ? cannotRead(label, e)
            : e;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function cannotRead(label, e) {
    const code = e.code;
    return new errors/* InputError */.dz(`config file ${label}: cannot read${code !== undefined ? `: ${(0,read_regular/* openErrorText */.OV)(code)}` : ` (${e.message})`}`, code === undefined
        ? undefined
        : (0,read_regular/* openErrorFix */.SU)(code, code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined));
}
function tooBig(label, size) {
    return new errors/* InputError */.dz(`${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`, 'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names');
}
/**
 * Validate already-parsed data. `label` names the source in errors (a file path or "inputs");
 * `lineOf` (from parseYamlDocument) puts the file's line first in each problem about a value
 * the file holds. `opts.noFile`: no config file was found (said first, with how to give one).
 */
function validateConfigData(data, label, overrides = [], lineOf, opts = {}) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* ConfigError */.xL(label, [
            `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
        ]);
    }
    const merged = applyOverrides(data, overrides);
    const nul = nulStringProblems(merged, { sourceOf: overrideSourceOf(overrides), ...(lineOf && { lineOf }) });
    if (nul.length > 0)
        throw new errors/* ConfigError */.xL(label, nul);
    const result = schema/* ConfigFileSchema */.Kx.safeParse(merged);
    if (!result.success) {
        // What is in a variant the variants override selected from the file is the file's: its
        // problems name their place and line there. The selection itself (variants[i]: a name given
        // twice) is the override's.
        const index = (0,variant_place/* fileVariantIndex */.OK)(data, overrides);
        const fromFile = (p) => {
            const inFile = p.length > 2 ? (0,variant_place/* pathInFile */.FD)(p, index) : p;
            return inFile === p ? undefined : inFile;
        };
        const bySource = overrideSourceOf(overrides);
        const problems = (0,issues/* formatIssues */.og)(result.error, merged, schema/* ConfigFileSchema */.Kx, {
            sourceOf: (p) => (fromFile(p) !== undefined ? undefined : bySource(p)),
            filepath: fromFile,
            ...(lineOf && { lineOf }),
            yaml: true,
        });
        if (opts.noFile === undefined)
            throw new errors/* ConfigError */.xL(label, problems, { count: (0,issues/* problemCount */.bS)(problems) });
        throw new errors/* ConfigError */.xL(`${opts.noFile}; the flags or inputs given are not a whole config`, problems, {
            count: (0,issues/* problemCount */.bS)(problems),
            fix: NO_FILE_FIX,
        });
    }
    return (0,schema/* normalizeConfig */.I6)(result.data);
}
/** The config file in CWD; two of them (ml-image.yml and ml-image.yaml) are bad input: which one? */
function findDefaultFile(cwd) {
    const found = DEFAULT_CONFIG_FILES.map((f) => external_node_path_default().join(cwd, f)).filter((f) => (0,external_node_fs_.existsSync)(f));
    if (found.length > 1)
        throw new errors/* InputError */.dz(`two config files in ${(0,util_text/* printable */.g$)(cwd)}: ${DEFAULT_CONFIG_FILES.join(' and ')}; which one is meant is not clear`, 'remove one of them, or pass --config PATH (in the action, the input "config")');
    return found[0];
}
/**
 * On a runner, a config named inside the workspace is read only when it really is there: a pull
 * request's ml-image.yml that links out of the checkout (another repository's checkout on the same
 * runner, the runner's home) is refused unread, as the files a config names are (workspace-file.ts).
 * A config the workflow names outside the workspace is its own choice.
 */
function refuseLinkOutOfWorkspace(file, label, env) {
    if (env?.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE)
        return;
    const ws = external_node_path_default().resolve(env.GITHUB_WORKSPACE);
    // Named inside it as written, or through the workspace's real path (a linked _work, cwd physical).
    const named = (0,read_file/* isInside */.FK)(file, ws) || (0,read_file/* isInside */.FK)(file, (0,read_regular/* realPathOrSelf */.rX)(ws));
    if (!named || (0,workspace_file/* outsideWorkspace */.t)(file, ws) === undefined)
        return;
    throw new errors/* InputError */.dz(`config file ${label} is a link to ${(0,read_regular/* realPathOrSelf */.rX)(file)}, outside the workspace ${(0,read_regular/* realPathOrSelf */.rX)(ws)}: on a runner the config is read from the repository only`, 'commit the config file itself, not a link out of the checkout');
}
/**
 * Load the config: the file (when given or found), then overrides, then validation.
 * With no file and no overrides it is an error: there is nothing to build.
 */
function loadConfig(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const overrides = opts.overrides ?? [];
    let file;
    if (opts.file !== undefined) {
        file = external_node_path_default().resolve(cwd, opts.file);
        // A link loop or a path that cannot be looked at is named as such, not as "not found".
        const st = (0,read_regular/* statPath */.qW)(file);
        if (st === undefined || typeof st === 'string') {
            throw new errors/* InputError */.dz(`config file ${st === undefined ? 'not found: ' : ''}${(0,util_text/* printable */.g$)(file)}${st ? `: ${st}` : ''}`, 'pass --config PATH (or the action input "config") pointing at your ml-image.yml');
        }
    }
    else {
        file = findDefaultFile(cwd);
    }
    const noFile = `no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`;
    if (file === undefined && overrides.length === 0)
        throw new errors/* InputError */.dz(noFile, NO_FILE_FIX);
    const rel = file ? external_node_path_default().relative(cwd, file) : '';
    const label = file ? (0,util_text/* printable */.g$)(rel && !rel.startsWith('..') ? rel : file) : 'inputs';
    if (file !== undefined)
        refuseLinkOutOfWorkspace(file, label, opts.env);
    const parsed = file ? parseYamlDocument(readConfigText(file, label), label) : undefined;
    // A value an override set names its input, else the line of the file it is on; a variant the
    // variants override selected from the file (and what is in it), that entry's: the plan's problems
    // name it by its place in the file (variantsAsInFile).
    const variantIndex = parsed && (0,variant_place/* fileVariantIndex */.OK)(parsed.data, overrides);
    const sourceOf = overrideSourceOf(overrides);
    const lineOf = parsed &&
        ((p) => {
            const selected = p[0] === 'variants' && typeof p[1] === 'number' && variantIndex?.[p[1]] !== undefined;
            const inFile = selected || sourceOf(p) === undefined ? (0,variant_place/* pathInFile */.FD)(p, variantIndex) : undefined;
            return inFile && parsed.lineOf(inFile);
        });
    const config = validateConfigData(parsed?.data ?? {}, label, overrides, lineOf, {
        // Flags or inputs alone that are no whole config: most likely the file was not found (the
        // action's step before actions/checkout), which is said first.
        ...(file === undefined && { noFile }),
    });
    const baseDir = file ? external_node_path_default().dirname(file) : cwd;
    const { root: workspace } = opts.env ? (0,read/* workspaceRoot */.oS)(opts.env, baseDir) : {};
    if (opts.checkFiles !== false) {
        const origins = { sourceOf, ...(lineOf && { lineOf }) };
        const problems = (0,referenced_files/* checkReferencedFiles */.d$)(config, baseDir, origins, workspace);
        if (problems.length > 0)
            throw new errors/* ConfigError */.xL(label, problems);
    }
    const fileVariants = parsed && variantNamesOf(parsed.data);
    const filePlatforms = parsed && platformsOf(parsed.data);
    return {
        config,
        file,
        baseDir,
        ...(file !== undefined && { label }),
        ...(lineOf && { lineOf }),
        ...(overrides.length > 0 && { sourceOf }),
        ...(fileVariants && { fileVariants }),
        ...(filePlatforms && { filePlatforms }),
        ...(workspace !== undefined && { workspace }),
    };
}
/** DATA's own top-level KEY, as written (undefined when DATA is not a mapping). */
function topLevel(data, key) {
    return data !== null && typeof data === 'object' && !Array.isArray(data)
        ? data[key]
        : undefined;
}
/** DATA's own platforms (the default when it lists none); undefined when they do not validate. */
function platformsOf(data) {
    const parsed = schema/* ConfigFileSchema */.Kx.shape.platforms.safeParse(topLevel(data, 'platforms'));
    return parsed.success ? [...parsed.data] : undefined;
}
/** The names of DATA's own variants as the schema names them (name, else cuda<version>, else cpu). */
function variantNamesOf(data) {
    const parsed = schema/* ConfigFileSchema */.Kx.shape.variants.safeParse(topLevel(data, 'variants'));
    return parsed.success
        ? parsed.data.map((v) => v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu'))
        : undefined;
}


/***/ }),

/***/ 96845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d$: () => (/* binding */ checkReferencedFiles),
/* harmony export */   x: () => (/* binding */ withContextWarnings)
/* harmony export */ });
/* unused harmony export unusedDockerfile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _requirements_read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39077);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23387);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49997);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11012);
/* harmony import */ var _workspace_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7946);
// The files and directories a config names (build.context, build.dockerfile, python.requirements,
// smoke.baseline): there, of the right kind, inside the repository or workspace where they must be.







/**
 * Pseudo filesystems: no build context outside the repository (the builder would read /proc/kcore,
 * /dev/zero ...). /dev/shm is a tmpfs of real files, where a checkout may live.
 */
const PSEUDO_DIRS = ['/proc', '/sys', '/dev'];
const under = (p, d) => p === d || p.startsWith(`${d}/`);
const pseudoDirOf = (p) => (under(p, '/dev/shm') ? undefined : PSEUDO_DIRS.find((d) => under(p, d)));
/**
 * Problems with files the config names, each naming the field and the path looked for (and,
 * with `lineOf`, the line of the file that names it first).
 */
function checkReferencedFiles(config, baseDir, origins = {}, workspace) {
    const problems = [];
    const push = (field, text) => problems.push((0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .problemAt */ .l4)(field, text, origins));
    const at = (p) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, p);
    /** What is wrong with P (escaped) as a directory: missing, unreachable (a link loop), or not one. */
    const dirProblem = (p) => {
        const st = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .statPath */ .qW)(p);
        if (st === undefined)
            return `directory not found: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)}`;
        if (typeof st === 'string')
            return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)}: ${st}`;
        return st.isDirectory() ? undefined : `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)} is not a directory`;
    };
    /** What is wrong with P as an input file: missing, unreachable, or not a regular file. */
    const fileProblem = (p) => {
        const st = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .statPath */ .qW)(p);
        if (st === undefined)
            return `file not found: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)}`;
        if (typeof st === 'string')
            return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)}: ${st}`;
        return st.isFile() ? undefined : `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(p)} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .notRegularFile */ .s5)(st)}`;
    };
    // Judged by where they really are: buildx follows a link (a committed `ctx -> /` is the root).
    const context = at(config.build.context);
    const realContext = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOrSelf */ .rX)(context);
    const shown = realContext === context ? context : `${context} (a link to ${realContext})`;
    const repo = repositoryRootOf(baseDir);
    const realRepo = repo === undefined ? undefined : (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOrSelf */ .rX)(repo);
    const outside = (p) => realRepo !== undefined && node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(realRepo, p).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep))[0] === '..';
    if (realContext === node_path__WEBPACK_IMPORTED_MODULE_1___default().parse(realContext).root)
        push(['build', 'context'], `${shown} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`);
    else if ((realRepo === undefined || outside(realContext)) && pseudoDirOf(realContext) !== undefined)
        push(['build', 'context'], `${shown} is under ${pseudoDirOf(realContext)}, a pseudo filesystem (the builder would read its endless or blocking files); use the directory of your Dockerfile, e.g. "."`);
    else if (outside(realContext))
        push(['build', 'context'], `${shown} is outside the repository ${repo}; use a directory inside it`);
    else {
        const problem = dirProblem(context);
        if (problem !== undefined)
            push(['build', 'context'], problem);
    }
    if (config.build.dockerfile !== undefined) {
        const f = at(config.build.dockerfile);
        const problem = fileProblem(f);
        const real = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .realPathOrSelf */ .rX)(f);
        if (problem !== undefined)
            push(['build', 'dockerfile'], problem);
        else if (outside(real))
            push(['build', 'dockerfile'], `${real === f ? f : `${f} (a link to ${real})`} is outside the repository ${repo}; use a file inside it`);
    }
    config.python.requirements.forEach((r, i) => {
        const f = at(r);
        const problem = (0,_requirements_read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsUrlProblem */ .Nc)(r) ?? fileProblem(f);
        if (problem !== undefined)
            push(['python', 'requirements', i], problem);
    });
    // Read and checked later (the floors): on a runner only from the workspace. attest.key is read
    // wherever it is (src/attest/signing.ts checkKeyFile: a private key is no file of the repository).
    if (config.smoke.baseline !== undefined) {
        const f = at(config.smoke.baseline);
        const problem = (0,_workspace_file_js__WEBPACK_IMPORTED_MODULE_6__/* .outsideWorkspace */ .t)(f, workspace) ?? fileProblem(f);
        if (problem !== undefined)
            push(['smoke', 'baseline'], problem);
    }
    return problems;
}
/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir) {
    for (let d = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir);; d = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(d, '.git')))
            return d;
        if (node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(d) === d)
            return undefined;
    }
}
/**
 * PLAN with the warnings of the Dockerfile no variant builds added: one in the build context
 * (unbuiltDockerfile), or build.dockerfile itself (unusedDockerfile).
 */
function withContextWarnings(plan, loaded) {
    const added = [
        unbuiltDockerfile(loaded.config, loaded.baseDir),
        unusedDockerfile(loaded.config, loaded.lineOf),
    ];
    const warnings = added.filter((w) => w !== undefined);
    return warnings.length === 0 ? plan : { ...plan, warnings: [...plan.warnings, ...warnings] };
}
/**
 * build.dockerfile when every variant sets a template of its own (variants[].template): each builds
 * its template, and the Dockerfile the config names is built by none, without a word. A warning
 * naming the field's line (LINEOF), not an error: a config may keep it for a variant to come.
 */
function unusedDockerfile(config, lineOf) {
    const file = config.build.dockerfile;
    if (file === undefined || config.variants.length === 0)
        return undefined;
    if (!config.variants.every((v) => v.template !== undefined))
        return undefined;
    const templates = config.variants.map((v) => `${v.name}: ${v.template}`).join(', ');
    return (0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .withFieldLine */ .d0)(`build.dockerfile: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(file)} is built by no variant: each sets a template of its own (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(templates)}), which it builds instead. Remove build.dockerfile (the action's dockerfile input), or the template of the variants that should build it`, lineOf);
}
/**
 * A Dockerfile at the build context's root that no variant builds: with neither build.dockerfile
 * nor a template set anywhere, each variant builds its kind's template (cpu, cuda), not the file a
 * docker/build-push-action user expects (its `file` defaults to <context>/Dockerfile), and the
 * template's image would be pushed under their tags. A warning (the plan's), with both ways to say
 * which is meant: a context may hold a Dockerfile of another image.
 */
function unbuiltDockerfile(config, baseDir) {
    const templated = config.build.template !== undefined || config.variants.some((v) => v.template !== undefined);
    if (config.build.dockerfile !== undefined || templated)
        return undefined;
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, config.build.context), 'Dockerfile');
    const st = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .statPath */ .qW)(file);
    if (st === undefined || typeof st === 'string' || !st.isFile())
        return undefined;
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(baseDir, file);
    return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(file)} is in the build context, and no variant builds it: with neither build.dockerfile nor a template set, each variant builds the template of its kind (cpu, cuda), pushed under its tags. Set build.dockerfile: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(rel)} (the action's dockerfile input) to build yours, or build.template (the template input; per variant, template) to say the template is meant`;
}


/***/ }),

/***/ 23549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ pathInFile),
/* harmony export */   Mg: () => (/* binding */ variantsAsInFile),
/* harmony export */   OK: () => (/* binding */ fileVariantIndex)
/* harmony export */ });
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90131);

/**
 * For each variant of the config (the override's list, in order), the index of the file's entry it
 * is (selected by name, as applyOverrides selects it: the last entry of that name), or undefined
 * for one the override made (shorthand the file does not list). Undefined without such an override.
 */
function fileVariantIndex(data, overrides) {
    const o = overrides.findLast((ov) => ov.path.length === 1 && ov.path[0] === 'variants');
    if (o === undefined || !Array.isArray(o.value))
        return undefined;
    const listed = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? data.variants
        : undefined;
    const names = Array.isArray(listed) ? listed.map((entry) => (0,_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .variantEntryName */ .D3)(entry)) : [];
    return o.value.map((name) => {
        const j = typeof name === 'string' ? names.lastIndexOf(name) : -1;
        return j >= 0 ? j : undefined;
    });
}
/** PATH (the config's) as the file's: a selected variant's ['variants', i, ...] as ['variants', j, ...]. */
function pathInFile(p, index) {
    if (index === undefined || p[0] !== 'variants' || typeof p[1] !== 'number')
        return p;
    const j = index[p[1]];
    return j === undefined ? undefined : ['variants', j, ...p.slice(2)];
}
/**
 * PROBLEM (the plan's) with each `variants[i] (NAME)` and `(variants[i] NAME)` whose NAME the file
 * lists (FILE_VARIANTS) said by its index there. IN_FILE: whether the config's variants[i] is an
 * entry of the file (LoadedConfig.lineOf knows its line); one that is not (a file that lists no
 * variants: FILE_VARIANTS is then the default's) keeps the override list's index.
 */
function variantsAsInFile(problem, fileVariants, inFile = () => true) {
    if (fileVariants === undefined)
        return problem;
    const place = (i, name) => {
        const j = fileVariants.lastIndexOf(name);
        return j >= 0 && inFile(Number(i)) ? String(j) : i;
    };
    return problem
        .replace(/\bvariants\[(\d+)\] \(([^()\s]+)\)/g, (_m, i, n) => `variants[${place(i, n)}] (${n})`)
        .replace(/\(variants\[(\d+)\] ([^()\s]+)\)/g, (_m, i, n) => `(variants[${place(i, n)}] ${n})`);
}


/***/ }),

/***/ 7946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ outsideWorkspace)
/* harmony export */ });
/* harmony import */ var _requirements_read_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39077);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23387);
// The files the config names whose content is read and checked (smoke.baseline's floors), kept
// inside the workspace on a GitHub runner as requirements files are (src/requirements/read.ts): a
// pull request's config naming ~/.docker/config.json or another job's file would have it read, and
// a message saying what it holds. Anywhere else, anywhere. attest.key is not one: a private key
// belongs outside the repository, and its reader quotes nothing of a file that is no key.


/**
 * Why FILE (absolute) may not be read on a runner whose workspace is ROOT (workspaceRoot: the
 * workspace, or the config's own directory when the config is outside it), judged by where its
 * links lead; undefined when it may (no ROOT: not on a runner).
 */
function outsideWorkspace(file, root) {
    if (root === undefined)
        return undefined;
    const real = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .realPathOrSelf */ .rX)(file);
    const realRoot = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .realPathOrSelf */ .rX)(root);
    if ((0,_requirements_read_file_js__WEBPACK_IMPORTED_MODULE_0__/* .isInside */ .FK)(real, realRoot))
        return undefined;
    return `${real === file ? file : `${file} (a link to ${real})`} is outside the workspace ${realRoot}; on a runner the config names files of the repository only: put it in the repository`;
}


/***/ })

};
