// The files and directories a config names (build.context, build.dockerfile, python.requirements,
// smoke.baseline): there, of the right kind, inside the repository or workspace where they must be.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { requirementsUrlProblem } from '../requirements/read-file.js';
import { notRegularFile, realPathOrSelf, statPath } from '../util/read-regular.js';
import { printable } from '../util/text.js';
import { type IssueOrigins, type Path, problemAt, withFieldLine } from './issues.js';
import type { LineOf } from './yaml-lines.js';
import type { Config } from './schema.js';
import { outsideWorkspace } from './workspace-file.js';

/**
 * Pseudo filesystems: no build context outside the repository (the builder would read /proc/kcore,
 * /dev/zero ...). /dev/shm is a tmpfs of real files, where a checkout may live.
 */
const PSEUDO_DIRS = ['/proc', '/sys', '/dev'];
const under = (p: string, d: string) => p === d || p.startsWith(`${d}/`);
const pseudoDirOf = (p: string) => (under(p, '/dev/shm') ? undefined : PSEUDO_DIRS.find((d) => under(p, d)));

/**
 * Problems with files the config names, each naming the field and the path looked for (and,
 * with `lineOf`, the line of the file that names it first).
 */
export function checkReferencedFiles(
  config: Config,
  baseDir: string,
  origins: IssueOrigins = {},
  workspace?: string,
): string[] {
  const problems: string[] = [];
  const push = (field: Path, text: string) => problems.push(problemAt(field, text, origins));
  const at = (p: string) => path.resolve(baseDir, p);
  /** What is wrong with P (escaped) as a directory: missing, unreachable (a link loop), or not one. */
  const dirProblem = (p: string): string | undefined => {
    const st = statPath(p);
    if (st === undefined) return `directory not found: ${printable(p)}`;
    if (typeof st === 'string') return `${printable(p)}: ${st}`;
    return st.isDirectory() ? undefined : `${printable(p)} is not a directory`;
  };
  /** What is wrong with P as an input file: missing, unreachable, or not a regular file. */
  const fileProblem = (p: string): string | undefined => {
    const st = statPath(p);
    if (st === undefined) return `file not found: ${printable(p)}`;
    if (typeof st === 'string') return `${printable(p)}: ${st}`;
    return st.isFile() ? undefined : `${printable(p)} ${notRegularFile(st)}`;
  };
  // Judged by where they really are: buildx follows a link (a committed `ctx -> /` is the root).
  const context = at(config.build.context);
  const realContext = realPathOrSelf(context);
  const shown = realContext === context ? context : `${context} (a link to ${realContext})`;
  const repo = repositoryRootOf(baseDir);
  const realRepo = repo === undefined ? undefined : realPathOrSelf(repo);
  const outside = (p: string) =>
    realRepo !== undefined && path.relative(realRepo, p).split(path.sep)[0] === '..';
  if (realContext === path.parse(realContext).root)
    push(
      ['build', 'context'],
      `${shown} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`,
    );
  else if ((realRepo === undefined || outside(realContext)) && pseudoDirOf(realContext) !== undefined)
    push(
      ['build', 'context'],
      `${shown} is under ${pseudoDirOf(realContext)}, a pseudo filesystem (the builder would read its endless or blocking files); use the directory of your Dockerfile, e.g. "."`,
    );
  else if (outside(realContext))
    push(['build', 'context'], `${shown} is outside the repository ${repo}; use a directory inside it`);
  else {
    const problem = dirProblem(context);
    if (problem !== undefined) push(['build', 'context'], problem);
  }
  if (config.build.dockerfile !== undefined) {
    const f = at(config.build.dockerfile);
    const problem = fileProblem(f);
    const real = realPathOrSelf(f);
    if (problem !== undefined) push(['build', 'dockerfile'], problem);
    else if (outside(real))
      push(
        ['build', 'dockerfile'],
        `${real === f ? f : `${f} (a link to ${real})`} is outside the repository ${repo}; use a file inside it`,
      );
  }
  config.python.requirements.forEach((r, i) => {
    const f = at(r);
    const problem = requirementsUrlProblem(r) ?? fileProblem(f);
    if (problem !== undefined) push(['python', 'requirements', i], problem);
  });
  // Read and checked later (the floors): on a runner only from the workspace. attest.key is read
  // wherever it is (src/attest/signing.ts checkKeyFile: a private key is no file of the repository).
  if (config.smoke.baseline !== undefined) {
    const f = at(config.smoke.baseline);
    const problem = outsideWorkspace(f, workspace) ?? fileProblem(f);
    if (problem !== undefined) push(['smoke', 'baseline'], problem);
  }
  return problems;
}

/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/**
 * PLAN with the warnings of the Dockerfile no variant builds added: one in the build context
 * (unbuiltDockerfile), or build.dockerfile itself (unusedDockerfile).
 */
export function withContextWarnings<P extends { warnings: string[] }>(
  plan: P,
  loaded: { config: Config; baseDir: string; lineOf?: LineOf | undefined },
): P {
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
export function unusedDockerfile(config: Config, lineOf?: LineOf): string | undefined {
  const file = config.build.dockerfile;
  if (file === undefined || config.variants.length === 0) return undefined;
  if (!config.variants.every((v) => v.template !== undefined)) return undefined;
  const templates = config.variants.map((v) => `${v.name}: ${v.template}`).join(', ');
  return withFieldLine(
    `build.dockerfile: ${printable(file)} is built by no variant: each sets a template of its own (${printable(templates)}), which it builds instead. Remove build.dockerfile (the action's dockerfile input), or the template of the variants that should build it`,
    lineOf,
  );
}

/**
 * A Dockerfile at the build context's root that no variant builds: with neither build.dockerfile
 * nor a template set anywhere, each variant builds its kind's template (cpu, cuda), not the file a
 * docker/build-push-action user expects (its `file` defaults to <context>/Dockerfile), and the
 * template's image would be pushed under their tags. A warning (the plan's), with both ways to say
 * which is meant: a context may hold a Dockerfile of another image.
 */
function unbuiltDockerfile(config: Config, baseDir: string): string | undefined {
  const templated =
    config.build.template !== undefined || config.variants.some((v) => v.template !== undefined);
  if (config.build.dockerfile !== undefined || templated) return undefined;
  const file = path.join(path.resolve(baseDir, config.build.context), 'Dockerfile');
  const st = statPath(file);
  if (st === undefined || typeof st === 'string' || !st.isFile()) return undefined;
  const rel = path.relative(baseDir, file);
  return `${printable(file)} is in the build context, and no variant builds it: with neither build.dockerfile nor a template set, each variant builds the template of its kind (cpu, cuda), pushed under its tags. Set build.dockerfile: ${printable(rel)} (the action's dockerfile input) to build yours, or build.template (the template input; per variant, template) to say the template is meant`;
}
