// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError, InputError } from '../errors.js';
import { formatIssues, formatPath, type Path } from './issues.js';
import { type Config, ConfigFileSchema, normalizeConfig } from './schema.js';

export const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];

/** A value from outside the file (an action input, a CLI flag) replacing the file's value at `path`. */
export interface Override {
  path: readonly (string | number)[];
  value: unknown;
  /** Named in errors, e.g. 'input "platforms"'. */
  source: string;
}

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, or undefined when the config came from overrides only. */
  file: string | undefined;
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
}

export interface LoadOptions {
  /** Path given by the user; when undefined the default names are tried in cwd. */
  file?: string;
  cwd?: string;
  overrides?: readonly Override[];
  /** Check that files and directories the config names exist (default true). */
  checkFiles?: boolean;
}

/** Parse YAML text; syntax errors name the file, line and column. */
export function parseYaml(text: string, fileLabel: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`;
    });
    throw new ConfigError(`${fileLabel}: invalid YAML`, problems);
  }
  const data = doc.toJS() as unknown;
  return data ?? {};
}

function setAt(target: Record<string, unknown>, p: readonly (string | number)[], value: unknown): void {
  let cur: Record<string | number, unknown> = target;
  p.forEach((seg, i) => {
    if (i === p.length - 1) {
      cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (next === null || typeof next !== 'object') cur[seg] = {};
    cur = cur[seg] as Record<string | number, unknown>;
  });
}

export function applyOverrides(data: unknown, overrides: readonly Override[]): unknown {
  if (overrides.length === 0) return data;
  const base: Record<string, unknown> =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (structuredClone(data as object) as Record<string, unknown>)
      : {};
  for (const o of overrides) setAt(base, o.path, o.value);
  return base;
}

/** Validate already-parsed data. `label` names the source in errors (a file path or "inputs"). */
export function validateConfigData(
  data: unknown,
  label: string,
  overrides: readonly Override[] = [],
): Config {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(label, [
      `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
    ]);
  }
  const merged = applyOverrides(data, overrides);
  const result = ConfigFileSchema.safeParse(merged);
  if (!result.success) {
    const sourceOf = (p: Path): string | undefined => {
      const shown = formatPath(p);
      const o = overrides.find(
        (ov) =>
          shown === formatPath(ov.path) ||
          shown.startsWith(`${formatPath(ov.path)}[`) ||
          shown.startsWith(`${formatPath(ov.path)}.`),
      );
      return o?.source;
    };
    throw new ConfigError(label, formatIssues(result.error, merged, ConfigFileSchema, sourceOf));
  }
  return normalizeConfig(result.data);
}

/** Problems with files the config names, each naming the field and the path looked for. */
export function checkReferencedFiles(config: Config, baseDir: string): string[] {
  const problems: string[] = [];
  const at = (p: string) => path.resolve(baseDir, p);
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  const context = at(config.build.context);
  if (!isDir(context)) problems.push(`build.context: directory not found: ${context}`);
  if (config.build.dockerfile !== undefined) {
    const f = at(config.build.dockerfile);
    if (!isFile(f)) problems.push(`build.dockerfile: file not found: ${f}`);
  }
  config.python.requirements.forEach((r, i) => {
    const f = at(r);
    if (!isFile(f)) problems.push(`python.requirements[${i}]: file not found: ${f}`);
  });
  if (config.smoke.baseline !== undefined) {
    const f = at(config.smoke.baseline);
    if (!isFile(f)) problems.push(`smoke.baseline: file not found: ${f}`);
  }
  return problems;
}

function findDefaultFile(cwd: string): string | undefined {
  return DEFAULT_CONFIG_FILES.map((f) => path.join(cwd, f)).find((f) => existsSync(f));
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
    if (!existsSync(file)) {
      throw new InputError(
        `config file not found: ${file}`,
        'pass --config PATH (or the action input "config") pointing at your ml-image.yml',
      );
    }
    if (statSync(file).isDirectory()) throw new InputError(`config path is a directory, not a file: ${file}`);
  } else {
    file = findDefaultFile(cwd);
  }
  if (file === undefined && overrides.length === 0) {
    throw new InputError(
      `no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`,
      'create ml-image.yml (see README "Configuration"), or pass --config PATH',
    );
  }
  const label = file ? path.relative(cwd, file) || file : 'inputs';
  const data = file ? parseYaml(readFileSync(file, 'utf8'), label) : {};
  const config = validateConfigData(data, label, overrides);
  const baseDir = file ? path.dirname(file) : cwd;
  if (opts.checkFiles !== false) {
    const problems = checkReferencedFiles(config, baseDir);
    if (problems.length > 0) throw new ConfigError(label, problems);
  }
  return { config, file, baseDir };
}
