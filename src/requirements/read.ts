// Reading requirements files at the door: only regular files, bounded in size, -r includes inlined
// (relative to the including file, as pip does), include loops refused with the chain, every line
// parsed strictly (parse.ts). A local -c file is read as constraints: its lines reach pip through
// the constraints file of the resolver and the build (RequirementsText.constraints). Refused:
// an editable install whose URL carries a login or a ${NAME} (editableCredentialWhy); a line, or a
// comment (commentCredentialProblems: the file is copied into the image, comments and all), that
// holds a credential written literally, or a reference pip does not fill in ($TOKEN)
// (literalCredentialProblem, credential-problems.ts); a constraint pip refuses (constraintLineWhy).
// A problem quotes a line masked and cut (quotedLine). The result is one text for pip plus the
// "file:line" of each line. Each file is read as read-file.ts allows: none from /proc, /sys or
// /dev, nor, given a root (the workspace), from outside it.
import path from 'node:path';
import { sha256 } from '../util/file-digest.js';
import { isRunnerOwnVariable, RUNNER_OWN_VARIABLE } from '../util/runner-env.js';
import {
  commentCredentialProblems,
  literalCredentialProblem,
  quotedLine,
  quotedWhy,
} from './credential-problems.js';
import { editableCredentialWhy } from './credentials.js';
import { lineFacts, type LineFacts } from './line-facts.js';
import {
  canonicalName,
  envReferences,
  type ParsedFile,
  type ParsedLine,
  parseRequirementsText,
} from './parse.js';
import {
  type GivenFileError,
  includeLoop,
  problemList,
  problemsError,
  readIncluded,
  type RefusedReference,
} from './read-problems.js';

import { refuseRequirementsUrls } from './read-file.js';
export { MAX_REQUIREMENTS_BYTES } from './read-file.js';
export type { GivenFileError, RefusedReference } from './read-problems.js';

export interface RequirementOrigin {
  /** Canonical project name, when the line names one. */
  name?: string;
  /**
   * Direct URL or path of the line (`name @ url`, a bare URL, `-e target`), as written: a
   * ${NAME} in it stays so (its value, a token in a query string say, is never shown).
   */
  url?: string;
  editable: boolean;
  /** "file:line" */
  origin: string;
}

export interface RequirementsText {
  text: string;
  /** "file:line" of each line of text, so pip's "line N" can be traced back to the user's file. */
  origins: string[];
  /** Every requirement line, with where it came from. */
  requirements: RequirementOrigin[];
  /**
   * `--index-url` / `--extra-index-url` given inside the files, as written (${NAME} not filled in;
   * they may carry credentials all the same).
   */
  indexes: { indexUrl?: string; extraIndexUrls: string[] };
  /** `${NAME}` references pip expands from its environment. */
  envReferences: string[];
  /**
   * The lines of the local -c files (and of the -c files they name), as one text with the
   * "file:line" of each: pip gets them as a constraints file (the resolver's dry runs, and the build's
   * ml_image_constraints mount), never inline, since a requirements file has no inline constraint.
   * A -c line naming a URL stays in `text`: pip fetches it.
   */
  constraints: { text: string; origins: string[] };
  /**
   * Every file read, in the order first read: the files given, their -r includes and -c files
   * (the build's inputs, which provenance names by digest). Absolute paths as resolved.
   */
  files: string[];
  /** The sha256 (hex) of the bytes read of each file of `files`, by its path there. */
  sha256?: Record<string, string>;
  /** pip's hash-checking mode and the lines naming local files (line-facts.ts; plan-check.ts). */
  facts?: LineFacts;
}

/** The -c files' lines as the text of one constraints file for pip ('' without any). Pure. */
export function constraintsFileText(constraints: { text: string } | undefined): string {
  const text = constraints?.text ?? '';
  return text === '' ? '' : `${text}\n`;
}

const EXPANDED_INCLUDE =
  'a -r/-c path holding a ${NAME} that is set is not supported: the file is read and checked here, before pip runs; write its path';

const FILE_URL_INCLUDE =
  "a -r/-c file: URL is not supported: pip would open it inside the resolver's container and the build, which do not have your files; name the file by a path relative to this file";

const MANY_INCLUDES =
  'more than one -r/-c on a line: pip reads only one of them (the first -r, else the first -c) and drops the others, whose requirements would be missing from the image; write each -r/-c on a line of its own';

/** Why a line of a constraints file (-c) is refused: what pip itself refuses there, said before it runs. */
function constraintLineWhy(l: ParsedLine): string | undefined {
  if (l.kind !== 'requirement') return undefined;
  if (l.editable)
    return 'an editable (-e) line cannot be a constraint (pip refuses it): move it to a requirements file';
  const shown = shownLine(l);
  const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
  if (name === undefined)
    return 'a constraint must name its project (pip refuses unnamed constraints): write "name @ URL"';
  // PEP 508: extras follow the name at once.
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*\[/.test(l.text))
    return 'a constraint cannot name extras (pip refuses it): drop the [...] part; the bound holds for the project whatever extras a requirement asks for';
  return undefined;
}

const isUrl = (p: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p);

/**
 * Where requirements files may be on a GitHub runner: the workspace (a pull request's file naming
 * a path outside it, ~/.pypirc say, would have it read and quoted), or the config's own directory
 * when the config is not in the workspace. Anywhere elsewhere.
 */
export function workspaceRoot(
  env: Readonly<Record<string, string | undefined>>,
  baseDir: string,
): { root?: string } {
  if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE) return {};
  const ws = path.resolve(env.GITHUB_WORKSPACE);
  const base = path.resolve(baseDir);
  return { root: base === ws || base.startsWith(`${ws}${path.sep}`) ? ws : base };
}

/**
 * How many files deep -r/-c includes may nest (a deeper chain once overflowed the stack: an internal
 * error, exit 1). pip itself stops far short of a thousand.
 */
export const MAX_INCLUDE_DEPTH = 64;
const TOO_DEEP = `includes nest ${MAX_INCLUDE_DEPTH} files deep here: flatten them (at most ${MAX_INCLUDE_DEPTH} files from the top one to the deepest)`;

/**
 * The environment a line is checked with: ${NAME} filled in as pip will, but never with one of the
 * runner's own variables (refused), nor, given `expandable` (build.secrets), with one not listed
 * there (refused by the caller): such a line is checked as written.
 */
function checkingEnv(
  env: Readonly<Record<string, string | undefined>>,
  expandable: readonly string[] | undefined,
): Record<string, string> {
  const may = (n: string) => !isRunnerOwnVariable(n) && (expandable === undefined || expandable.includes(n));
  return Object.fromEntries(
    Object.entries(env).flatMap(([n, v]) => (v !== undefined && may(n) ? [[n, v] as const] : [])),
  );
}

/** What a line shows: the line as written where ${NAME} was filled in (ParsedLine.written). */
const shownLine = (l: ParsedLine) => (l.expanded ? l.written : l);

/**
 * Read and check requirements files (relative to baseDir) with their -r includes and -c files (the
 * latter's lines go to `constraints`; an editable URL with a login or a ${NAME}, a URL holding a
 * credential written literally, in a line or a comment, and a constraint pip refuses, are refused,
 * exit 2, naming their line). `opts.root`:
 * every file's real path must lie inside it (the workspace, in GitHub Actions), else exit 2.
 * `opts.expandable`: the only variables a line is checked with filled in (build.secrets; the caller
 * refuses the others, by `opts.refused`: each line naming one a problem). Every problem is listed
 * at once, an include that cannot be read among them (its file's lines unread); a file of FILES
 * that cannot be read is refused at once, said by `opts.given` (the config field naming it). No
 * message quotes a line with a value filled in.
 */
export function readRequirements(
  files: readonly string[],
  baseDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  opts: {
    root?: string;
    expandable?: readonly string[];
    refused?: RefusedReference;
    given?: GivenFileError;
  } = {},
): RequirementsText {
  const checkEnv = checkingEnv(env, opts.expandable);
  const done = new Set<string>();
  /** Every file read, once, in the order first read, with the sha256 of its bytes. */
  const read = new Map<string, string>();
  const into = readInto();
  const refs = new Set<string>();
  const loops = new Set<string>();
  const { problems, credentials, others, literalProblem, otherProblem } = problemList();
  const reference = (name: string, origin: string) => {
    refs.add(name);
    const why = opts.refused?.why(name);
    if (why !== undefined) otherProblem(`${origin}: \${${name}} ${why}`, opts.refused!.fix);
  };

  // chain: the files being read, outermost first, with the line that includes the next.
  // asConstraints: named by a -c line (a -r inside such a file is requirements again, as in pip).
  // given: the index of a file of FILES (not included), whose error opts.given says.
  const visit = (
    abs: string,
    chain: { file: string; line?: number }[],
    asConstraints: boolean,
    given?: number,
  ) => {
    const loopAt = chain.findIndex((c) => c.file === abs);
    if (loopAt >= 0) {
      const loop = includeLoop(chain.slice(loopAt), abs, loops);
      if (loop) otherProblem(loop.problem, loop.fix, loop.alone);
      return;
    }
    // The same file reached through two parents: once is enough (once as each, requirements and
    // constraints: pip reads it as both then).
    const key = `${asConstraints ? 'c' : 'r'}:${abs}`;
    if (done.has(key)) return;
    const parent = chain.at(-1);
    const from = parent ? `${parent.file}:${parent.line}` : undefined;
    const text = readIncluded(abs, from, opts.root, otherProblem, {
      index: given ?? 0,
      error: opts.given,
      bytes: (data) => read.set(abs, sha256(data)),
    });
    if (text === undefined) return;
    const parsed = parseRequirementsText(text, checkEnv);
    // pip ignores comments, but the file, comments and all, is copied into the image.
    commentCredentialProblems(abs, text).forEach(literalProblem);
    const refused = checkLines(abs, parsed, reference, problems);
    for (const l of parsed.lines) {
      if (refused.has(l.line)) continue;
      const origin = `${abs}:${l.line}`;
      const include = includeOf(l);
      const refusedWhy =
        (includeCount(l) > 1 && MANY_INCLUDES) ||
        (include && refusedInclude(include, l.expanded === true, chain.length + 1)) ||
        (asConstraints && constraintLineWhy(l));
      if (refusedWhy) {
        problems.push(`${origin}: "${quotedLine(l.text)}": ${refusedWhy}`);
        continue;
      }
      if (include && !isUrl(include.path)) {
        const next = [...chain, { file: abs, line: l.line }];
        // As pip: a -c file's lines are constraints, a -r file's requirements, wherever it is named.
        visit(path.resolve(path.dirname(abs), include.path), next, include.constraint);
        continue;
      }
      // As written: a ${NAME} is how a credential is passed, its value never judged here. An
      // editable line may be refused for both (a literal token to revoke, and -e to drop).
      const literal = literalCredentialProblem(origin, l.text);
      if (literal !== undefined) literalProblem(literal);
      const leak = editableLeak(l);
      if (leak !== undefined) problems.push(`${origin}: "${quotedLine(l.text)}": ${leak}`);
      if (literal !== undefined || leak !== undefined) continue;
      into.line(l, origin, asConstraints);
    }
    done.add(key);
  };
  // A URL first: resolved as a path, it would be reported as a missing ./https:/host/... file.
  refuseRequirementsUrls(files).forEach((f, i) => visit(path.resolve(baseDir, f), [], false, i));
  if (problems.length > 0) throw problemsError(files, problems, credentials, others);
  return { ...into.result(), envReferences: [...refs], ...filesRead(read) };
}

/** The files read, in the order first read, and the sha256 of each (READ: the one by the other). */
const filesRead = (read: ReadonlyMap<string, string>) => ({
  files: [...read.keys()],
  sha256: Object.fromEntries(read),
});

/**
 * Where the lines read go: a requirement line of a constraints file, and a -c URL in one, to the
 * constraints; every other line to the requirements text (a -r URL is requirements wherever pip
 * reads it, and an option such as --index-url is global in pip, whichever file holds it).
 */
function readInto() {
  const out: string[] = [];
  const origins: string[] = [];
  const constraints = { lines: [] as string[], origins: [] as string[] };
  const requirements: RequirementOrigin[] = [];
  const indexes: RequirementsText['indexes'] = { extraIndexUrls: [] };
  const facts = lineFacts();
  return {
    line(l: ParsedLine, origin: string, asConstraints: boolean) {
      facts.line(l, origin);
      if (asConstraints && (l.kind === 'requirement' || includeOf(l)?.constraint === true)) {
        constraints.lines.push(l.text);
        constraints.origins.push(origin);
        return;
      }
      out.push(l.text);
      origins.push(origin);
      const shown = shownLine(l);
      if (l.kind === 'requirement') {
        const url = shown?.kind === 'requirement' ? shown.url : undefined;
        // The name as written: a ${NAME} filled in is never a requirement's name here.
        const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
        requirements.push({
          ...(name !== undefined && { name: canonicalName(name) }),
          ...(url !== undefined && { url }),
          editable: l.editable,
          origin,
        });
      } else if (shown?.kind === 'option') {
        for (const o of shown.options) {
          if (o.option === 'index-url' && o.value) indexes.indexUrl = o.value;
          if (o.option === 'extra-index-url' && o.value) indexes.extraIndexUrls.push(o.value);
        }
      }
    },
    result: (): Omit<RequirementsText, 'envReferences' | 'files' | 'sha256'> => ({
      text: out.join('\n'),
      origins,
      requirements,
      indexes,
      constraints: { text: constraints.lines.join('\n'), origins: constraints.origins },
      facts: facts.result(),
    }),
  };
}

/** Why a requirement line is refused for its editable URL (editableCredentialWhy), as written. */
function editableLeak(l: ParsedLine): string | undefined {
  if (l.kind !== 'requirement' || !l.editable) return undefined;
  const shown = shownLine(l);
  // A line that parses only once filled in holds a ${NAME}: its text is what is checked.
  return editableCredentialWhy((shown?.kind === 'requirement' ? shown.url : undefined) ?? l.text);
}

/**
 * Why an include line is refused; undefined for one that is kept: a remote URL (pip fetches it,
 * nothing is read here; a ${NAME} in it, a signed query say, is pip's to fill in) or a -r/-c file
 * (read here). A file: URL names a file neither the resolver's container nor the build has; a local
 * path holding a set ${NAME} would be quoted with its value (not found, outside the workspace).
 * DEPTH: how many files deep the included one would be.
 */
function refusedInclude(
  include: { path: string; constraint: boolean },
  expanded: boolean,
  depth: number,
): string | undefined {
  if (/^file:/i.test(include.path)) return FILE_URL_INCLUDE;
  if (isUrl(include.path)) return undefined;
  if (expanded) return EXPANDED_INCLUDE;
  return depth >= MAX_INCLUDE_DEPTH ? TOO_DEEP : undefined;
}

/**
 * The problems of one file's parsed lines, added to PROBLEMS, and its ${NAME} references to REFS.
 * The runner's own variables are refused first: a line naming one (checked without it filled in)
 * is not checked further; the lines returned.
 */
function checkLines(
  abs: string,
  parsed: ParsedFile,
  reference: (name: string, origin: string) => void,
  problems: string[],
): Set<number> {
  const refused = new Set<number>();
  // What pip expands: the lines without their comments.
  for (const l of [...parsed.lines, ...parsed.errors].sort((a, b) => a.line - b.line))
    for (const r of envReferences(l.text)) {
      if (isRunnerOwnVariable(r)) {
        problems.push(`${abs}:${l.line}: \${${r}} ${RUNNER_OWN_VARIABLE}`);
        refused.add(l.line);
      } else reference(r, `${abs}:${l.line}`);
    }
  for (const e of parsed.errors) {
    if (refused.has(e.line)) continue;
    const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
    problems.push(`${abs}:${e.line}: ${what} "${quotedLine(e.text)}": ${quotedWhy(e.why)}`);
  }
  return refused;
}

/** How many -r/-c values an option line gives (pip follows one of them). */
const includeCount = (l: ParsedLine) =>
  l.kind === 'option'
    ? l.options.filter((o) => o.option === 'requirement' || o.option === 'constraint').length
    : 0;

function includeOf(l: ParsedLine): { path: string; constraint: boolean } | undefined {
  if (l.kind !== 'option') return undefined;
  const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
  return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
}
