// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.
import { closeSync, constants, existsSync, fstatSync, openSync } from 'node:fs';
import { readBounded } from '../util/read-bounded.js';
import {
  notRegularFile,
  openErrorFix,
  openErrorText,
  realPathOrSelf,
  statPath,
} from '../util/read-regular.js';
import { printable } from '../util/text.js';
import path from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { workspaceRoot } from '../requirements/read.js';
import { isInside } from '../requirements/read-file.js';
import { formatIssues, type Path, problemCount } from './issues.js';
import { nulStringProblems } from './nul-strings.js';
import { applyOverrides, type Override, overrideSourceOf } from './overrides.js';
import { checkReferencedFiles } from './referenced-files.js';
import type { LineOf } from './yaml-lines.js';
import { parseYamlDocument } from './yaml-parse.js';
import { type Config, ConfigFileSchema, normalizeConfig } from './schema.js';
import { decodeConfigText } from './utf8.js';
import { fileVariantIndex, pathInFile } from './variant-place.js';
import { outsideWorkspace } from './workspace-file.js';

// The YAML reading lives in yaml-parse.ts; its names are imported from here as before. The
// overrides are in overrides.ts, the check of the files a config names in referenced-files.ts.
export { parseYaml, parseYamlDocument } from './yaml-parse.js';
/** What LoadOptions.overrides holds. */
export type { Override } from './overrides.js';

export const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];

/** What to do when no config file was found. */
const NO_FILE_FIX =
  'create ml-image.yml (see docs/configuration.md), or pass --config PATH; in the action, check out the repository (actions/checkout) before this step, or pass the input "config"';

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, or undefined when the config came from overrides only. */
  file: string | undefined;
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
  /** The file as messages name it: relative to the directory it was looked up from when under it. */
  label?: string;
  /** The line of the file a field is on; undefined for a value an override set (or no file). */
  lineOf?: LineOf;
  /**
   * The override that set a field or one of its parents, as messages name it ('input "requirements"');
   * undefined for the file's values. Only when there were overrides.
   */
  sourceOf?: (path: Path) => string | undefined;
  /**
   * The variant names the file itself lists, before any override (a `variants` input or flag
   * replaces them): `cpu` when it lists none; undefined with no file or when they do not validate.
   */
  fileVariants?: string[];
  /**
   * The platforms the file itself lists, before any override (a `platforms` input or flag replaces
   * them): the default when it lists none; undefined with no file or when they do not validate.
   */
  filePlatforms?: string[];
  /**
   * On a GitHub runner, where the files the config names must lie (workspaceRoot: the workspace,
   * or the config's directory when it is outside): smoke.baseline is read there.
   */
  workspace?: string;
}

interface LoadOptions {
  /** Path given by the user; when undefined the default names are tried in cwd. */
  file?: string;
  cwd?: string;
  overrides?: readonly Override[];
  /** Check that files and directories the config names exist (default true). */
  checkFiles?: boolean;
  /**
   * The caller's environment: on a GitHub runner (GITHUB_ACTIONS, GITHUB_WORKSPACE) the files whose
   * content is read (smoke.baseline) must be in the workspace. Without it, no such check.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The largest config file read (a real ml-image.yml is a few KB). */
export const MAX_CONFIG_BYTES = 256 * 1024;
/**
 * Read a config file: a regular file only (never /dev/zero, a FIFO, a directory: those would hang
 * or never end), at most MAX_CONFIG_BYTES, opened without blocking, UTF-8 (decodeConfigText).
 * Problems are InputErrors naming the path.
 */
function readConfigText(file: string, label: string = file): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of blocking forever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw cannotRead(label, e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new InputError(
        `config path ${label} ${notRegularFile(st)}`,
        'pass --config PATH pointing at your ml-image.yml',
      );
    if (st.size > MAX_CONFIG_BYTES) throw tooBig(label, st.size);
    // Read at most one byte past the limit: a file that grows while read is still bounded.
    const buf = readBounded(fd, Math.min(st.size, MAX_CONFIG_BYTES) + 1);
    if (buf.length > MAX_CONFIG_BYTES) throw tooBig(label, buf.length);
    return decodeConfigText(buf, label);
  } catch (e) {
    // A read the system refuses (EIO: /proc/self/mem, a failing disk) as an open it refuses.
    throw (e as NodeJS.ErrnoException).code !== undefined && !(e instanceof InputError)
      ? cannotRead(label, e)
      : e;
  } finally {
    closeSync(fd);
  }
}

function cannotRead(label: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(
    `config file ${label}: cannot read${code !== undefined ? `: ${openErrorText(code)}` : ` (${(e as Error).message})`}`,
    code === undefined
      ? undefined
      : openErrorFix(
          code,
          code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined,
        ),
  );
}

function tooBig(label: string, size: number): InputError {
  return new InputError(
    `${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`,
    'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names',
  );
}

/**
 * Validate already-parsed data. `label` names the source in errors (a file path or "inputs");
 * `lineOf` (from parseYamlDocument) puts the file's line first in each problem about a value
 * the file holds. `opts.noFile`: no config file was found (said first, with how to give one).
 */
export function validateConfigData(
  data: unknown,
  label: string,
  overrides: readonly Override[] = [],
  lineOf?: LineOf,
  opts: { noFile?: string } = {},
): Config {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(label, [
      `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
    ]);
  }
  const merged = applyOverrides(data, overrides);
  const nul = nulStringProblems(merged, { sourceOf: overrideSourceOf(overrides), ...(lineOf && { lineOf }) });
  if (nul.length > 0) throw new ConfigError(label, nul);
  const result = ConfigFileSchema.safeParse(merged);
  if (!result.success) {
    // What is in a variant the variants override selected from the file is the file's: its
    // problems name their place and line there. The selection itself (variants[i]: a name given
    // twice) is the override's.
    const index = fileVariantIndex(data, overrides);
    const fromFile = (p: Path) => {
      const inFile = p.length > 2 ? pathInFile(p, index) : p;
      return inFile === p ? undefined : inFile;
    };
    const bySource = overrideSourceOf(overrides);
    const problems = formatIssues(result.error, merged, ConfigFileSchema, {
      sourceOf: (p) => (fromFile(p) !== undefined ? undefined : bySource(p)),
      filepath: fromFile,
      ...(lineOf && { lineOf }),
      yaml: true,
    });
    if (opts.noFile === undefined) throw new ConfigError(label, problems, { count: problemCount(problems) });
    throw new ConfigError(`${opts.noFile}; the flags or inputs given are not a whole config`, problems, {
      count: problemCount(problems),
      fix: NO_FILE_FIX,
    });
  }
  return normalizeConfig(result.data);
}

/** The config file in CWD; two of them (ml-image.yml and ml-image.yaml) are bad input: which one? */
function findDefaultFile(cwd: string): string | undefined {
  const found = DEFAULT_CONFIG_FILES.map((f) => path.join(cwd, f)).filter((f) => existsSync(f));
  if (found.length > 1)
    throw new InputError(
      `two config files in ${printable(cwd)}: ${DEFAULT_CONFIG_FILES.join(' and ')}; which one is meant is not clear`,
      'remove one of them, or pass --config PATH (in the action, the input "config")',
    );
  return found[0];
}

/**
 * On a runner, a config named inside the workspace is read only when it really is there: a pull
 * request's ml-image.yml that links out of the checkout (another repository's checkout on the same
 * runner, the runner's home) is refused unread, as the files a config names are (workspace-file.ts).
 * A config the workflow names outside the workspace is its own choice.
 */
function refuseLinkOutOfWorkspace(file: string, label: string, env: LoadOptions['env']): void {
  if (env?.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE) return;
  const ws = path.resolve(env.GITHUB_WORKSPACE);
  // Named inside it as written, or through the workspace's real path (a linked _work, cwd physical).
  const named = isInside(file, ws) || isInside(file, realPathOrSelf(ws));
  if (!named || outsideWorkspace(file, ws) === undefined) return;
  throw new InputError(
    `config file ${label} is a link to ${realPathOrSelf(file)}, outside the workspace ${realPathOrSelf(ws)}: on a runner the config is read from the repository only`,
    'commit the config file itself, not a link out of the checkout',
  );
}

/**
 * Load the config: the file (when given or found), then overrides, then validation.
 * With no file and no overrides it is an error: there is nothing to build.
 */
export function loadConfig(opts: LoadOptions = {}): LoadedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const overrides = opts.overrides ?? [];
  let file: string | undefined;
  if (opts.file !== undefined) {
    file = path.resolve(cwd, opts.file);
    // A link loop or a path that cannot be looked at is named as such, not as "not found".
    const st = statPath(file);
    if (st === undefined || typeof st === 'string') {
      throw new InputError(
        `config file ${st === undefined ? 'not found: ' : ''}${printable(file)}${st ? `: ${st}` : ''}`,
        'pass --config PATH (or the action input "config") pointing at your ml-image.yml',
      );
    }
  } else {
    file = findDefaultFile(cwd);
  }
  const noFile = `no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`;
  if (file === undefined && overrides.length === 0) throw new InputError(noFile, NO_FILE_FIX);
  const rel = file ? path.relative(cwd, file) : '';
  const label = file ? printable(rel && !rel.startsWith('..') ? rel : file) : 'inputs';
  if (file !== undefined) refuseLinkOutOfWorkspace(file, label, opts.env);
  const parsed = file ? parseYamlDocument(readConfigText(file, label), label) : undefined;
  // A value an override set names its input, else the line of the file it is on; a variant the
  // variants override selected from the file (and what is in it), that entry's: the plan's problems
  // name it by its place in the file (variantsAsInFile).
  const variantIndex = parsed && fileVariantIndex(parsed.data, overrides);
  const sourceOf = overrideSourceOf(overrides);
  const lineOf: LineOf | undefined =
    parsed &&
    ((p) => {
      const selected = p[0] === 'variants' && typeof p[1] === 'number' && variantIndex?.[p[1]] !== undefined;
      const inFile = selected || sourceOf(p) === undefined ? pathInFile(p, variantIndex) : undefined;
      return inFile && parsed.lineOf(inFile);
    });
  const config = validateConfigData(parsed?.data ?? {}, label, overrides, lineOf, {
    // Flags or inputs alone that are no whole config: most likely the file was not found (the
    // action's step before actions/checkout), which is said first.
    ...(file === undefined && { noFile }),
  });
  const baseDir = file ? path.dirname(file) : cwd;
  const { root: workspace } = opts.env ? workspaceRoot(opts.env, baseDir) : {};
  if (opts.checkFiles !== false) {
    const origins = { sourceOf, ...(lineOf && { lineOf }) };
    const problems = checkReferencedFiles(config, baseDir, origins, workspace);
    if (problems.length > 0) throw new ConfigError(label, problems);
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
function topLevel(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/** DATA's own platforms (the default when it lists none); undefined when they do not validate. */
function platformsOf(data: unknown): string[] | undefined {
  const parsed = ConfigFileSchema.shape.platforms.safeParse(topLevel(data, 'platforms'));
  return parsed.success ? [...parsed.data] : undefined;
}

/** The names of DATA's own variants as the schema names them (name, else cuda<version>, else cpu). */
function variantNamesOf(data: unknown): string[] | undefined {
  const parsed = ConfigFileSchema.shape.variants.safeParse(topLevel(data, 'variants'));
  return parsed.success
    ? parsed.data.map((v) => v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu'))
    : undefined;
}
