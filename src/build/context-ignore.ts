// Keep the run's own files out of the image. The result directory (plan.json, resolution-*.json,
// an earlier run's records) usually sits inside the build context (`ml-image-results` beside
// ml-image.yml, context "."), and the templates' `COPY . /app` would copy it into every image: a
// new last layer, and a new digest, on every run with the same inputs. The config itself (an index
// URL's login is written in it) and the files read as secrets (the signing key, `secret-files`)
// would be pushed with the image. BuildKit reads a
// Dockerfile-specific ignore file (`<Dockerfile>.dockerignore` beside the Dockerfile) instead of
// the context's `.dockerignore`, so the build uses a copy of the Dockerfile in its private work
// directory beside such a file: the ignore file BuildKit would have read, then one line per path
// kept out. The user's files are never written to.
import { copyFileSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { realPathOrSelf, statOrAbsent, statPath } from '../util/read-regular.js';
import { printable } from '../util/text.js';

/** What the build builds with, and what it says about it (once per stage). */
interface IgnoringDockerfile {
  dockerfile: string;
  /** The paths kept out, relative to the context ("ml-image-results"); empty: the Dockerfile as is. */
  keptOut: string[];
}

/** Whether a path.relative() result leaves its base ("..", "../x"; not a name like "..x"). */
const outside = (rel: string) => rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);

/**
 * PATH (absolute) relative to CONTEXT when it lies strictly inside it, else undefined; with
 * LINEBREAKS false (the default), a path with a line break is left out too (it cannot be named on
 * one line of a message).
 */
export function insideContext(context: string, p: string, linebreaks = false): string | undefined {
  const rel = path.relative(realPathOrSelf(context), realPathOrSelf(p));
  if (rel === '' || outside(rel) || (!linebreaks && /[\r\n]/.test(rel))) return undefined;
  return rel.split(path.sep).join('/');
}

// What Go's strings.TrimSpace trims (unicode.IsSpace): patternmatcher trims each pattern so, after
// BuildKit's reader has dropped the leading "/".
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGE_SPACES = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'gu');

/**
 * One ignore-file line that excludes exactly REL (a context-relative path, "/" separated): anchored
 * at the context's root, with the pattern characters of Go's filepath.Match escaped. BuildKit trims
 * each line and drops the leading "/" only after it has looked for a leading "!": a name that starts
 * with "!" is escaped (else it would re-include), and blanks at either end (Go's, NEL and U+3000
 * among them) are written as classes. A line break, which would end the line, matches as "?". A
 * "^" is escaped too: patternmatcher copies it as it is into the regexp it makes of a line with
 * an escape or a class, where it is an anchor (`/a^b\*` matched no path, `a^b*` went in the image).
 */
export function ignoreLine(rel: string): string {
  const escaped = rel.replace(/[\\*?[\]^]/g, (c) => `\\${c}`).replace(/^!/, '\\!');
  const edges = escaped.replace(EDGE_SPACES, (blanks) =>
    [...blanks].map((c) => (c === '\n' || c === '\r' ? '?' : `[${c}]`)).join(''),
  );
  return `/${edges.replace(/[\r\n]/g, '?')}`;
}

/** A file's lstat; undefined when there is none, or its name is too long to be one (ENAMETOOLONG). */
function lstatOrAbsent(f: string) {
  try {
    return statOrAbsent(f, true);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return undefined;
    throw e;
  }
}

/** The longest file name (bytes) of the file systems the work directory is on (NAME_MAX). */
const NAME_MAX = 255;
const IGNORE_SUFFIX = '.dockerignore';

/**
 * The name of the Dockerfile's copy: the user's own (BuildKit's messages name it), unless the
 * ignore file beside it would be too long a name; then "Dockerfile".
 */
function copyName(dockerfile: string): string {
  const base = path.basename(dockerfile);
  return Buffer.byteLength(base + IGNORE_SUFFIX) <= NAME_MAX ? base : 'Dockerfile';
}

/**
 * The ignore file BuildKit reads for DOCKERFILE and CONTEXT, as text ('' when there is none). As
 * BuildKit reads it: from inside the directory it is in (the Dockerfile's, the context), so a link
 * that points out of that directory is no ignore file, never a file of this machine read for it.
 */
function ignoreFileOf(dockerfile: string, context: string): string {
  const candidates: [string, string][] = [
    [`${dockerfile}${IGNORE_SUFFIX}`, path.dirname(dockerfile)],
    [path.join(context, '.dockerignore'), context],
  ];
  for (const [f, within] of candidates) {
    if (lstatOrAbsent(f) === undefined) continue;
    const target = realPathOrSelf(f);
    const rel = path.relative(realPathOrSelf(within), target);
    if (outside(rel)) continue;
    const st = statPath(target);
    // A link loop: BuildKit cannot read it either; say so rather than end in an internal error.
    if (typeof st === 'string')
      throw new InputError(
        `${f}: ${st}, and the build needs it: it says what stays out of the image`,
        'make it a regular file or remove it',
      );
    if (!st?.isFile()) continue;
    try {
      return readFileSync(target, 'utf8');
    } catch (e) {
      throw new InputError(
        `${f}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)}), and the build needs it: it says what stays out of the image`,
        'make it readable by the user that runs ml-image',
      );
    }
  }
  return '';
}

/**
 * The Dockerfile that builds CONTEXT without KEEPOUT's paths and what PATTERNS (ignore-file lines,
 * written as they are) match: DOCKERFILE itself when there are no patterns and none of the paths is
 * inside the context, else a copy under WORK/NAME/ with its own ignore file.
 */
export function dockerfileKeepingOut(
  dockerfile: string,
  context: string,
  keepOut: readonly string[],
  work: string,
  name: string,
  patterns: readonly string[] = [],
): IgnoringDockerfile {
  const keptOut = keepOut.flatMap((p) => insideContext(context, p, true) ?? []);
  if (keptOut.length === 0 && patterns.length === 0) return { dockerfile, keptOut };
  const dir = path.join(work, `dockerfile-${name}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = path.join(dir, copyName(dockerfile));
  copyFileSync(dockerfile, copy);
  const own = ignoreFileOf(dockerfile, context);
  const sep = own === '' || own.endsWith('\n') ? '' : '\n';
  const added = [...keptOut.map(ignoreLine), ...patterns].map((line) => `${line}\n`).join('');
  writeFileSync(
    `${copy}${IGNORE_SUFFIX}`,
    `${own}${sep}# kept out by ml-image (its config, records and secret files)\n${added}`,
    {
      mode: 0o600,
    },
  );
  return { dockerfile: copy, keptOut };
}

/** A named build context's value that is a directory of this machine (not an image, URL or target). */
const LOCAL_CONTEXT = (v: string) =>
  !/^[a-z][a-z0-9+.-]*:\/\/|^target:|^git@|^[a-z0-9.-]+\.[a-z]+:[^/]/i.test(v);

/**
 * What the build says of what it kept out: a note naming KEPTOUT (context-relative), and a warning
 * for each named local build context (`--build-context NAME=PATH`, PATH read against CWD) that holds
 * a path of KEEPOUT or a `.git`: BuildKit reads only that directory's own .dockerignore, so nothing
 * can be kept out of it from here, and a `COPY --from=NAME` would copy them.
 */
export function keepOutLines(
  keptOut: readonly string[],
  keepOut: readonly string[],
  named: Readonly<Record<string, string>> | undefined,
  cwd: string,
): string[] {
  const note = keptOut.length
    ? [
        `note: ${keptOut.map(printable).join(', ')} kept out of the build context (this tool's config, records and files, the files read as secrets, git's, the credential files the environment names, files that hold secrets by convention such as .env and .netrc, and the outputs' destinations: never copied into the image)`,
      ]
    : [];
  const warnings = Object.entries(named ?? {}).flatMap(([name, value]) => {
    if (!LOCAL_CONTEXT(value)) return [];
    const dir = path.resolve(cwd, value);
    const git = path.join(dir, '.git');
    let hasGit = false;
    try {
      hasGit = lstatSync(git).isDirectory();
    } catch {
      hasGit = false;
    }
    const held = [...keepOut, ...(hasGit ? [git] : [])].flatMap((p) => insideContext(dir, p) ?? []);
    const unique = [...new Set(held)];
    return unique.length === 0
      ? []
      : [
          `warning: build context ${name} (${value}) holds ${unique.join(', ')}: BuildKit reads only that directory's own .dockerignore, so they are not kept out of it (a COPY --from=${name} copies them into the image); list them in ${path.join(value, '.dockerignore')}`,
        ];
  });
  return [...note, ...warnings];
}
