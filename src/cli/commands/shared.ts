// Flags several commands share: config overrides, the same ones the action takes as inputs.
import { toTerminal, wantsColor } from '../../report/render/terminal.js';
import type { LoadedConfig } from '../../config/load.js';
import type { Override } from '../../config/overrides.js';
import { withContextWarnings } from '../../config/referenced-files.js';
import { ActionsExecRunner } from '../../docker/exec-runner.js';
import { checkoutHead } from '../../docker/git-head.js';
import { type GitHubEvent, readGitHubEventFile } from '../../github/event.js';
import { gitContextFromCheckout, gitContextFromGitHubEnv, checkedOutCommit } from '../../plan/git-context.js';
import { bundledCatalog } from '../../plan/catalog.js';
import { type Plan, planBuild } from '../../plan/plan.js';
import type { GitContext } from '../../plan/schema.js';
import type { CliIo } from '../io.js';

export const configOverrideFlags = `  --platforms LIST   override "platforms" (comma-separated), as the action input does
  --variants LIST    only these variants (comma-separated names): a name the config lists is
                     that variant as written there; another is shorthand (cpu, cuda12.8, ...)`;

export function overridesFromFlags(values: {
  platforms?: string | undefined;
  variants?: string | undefined;
}): Override[] {
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const overrides: Override[] = [];
  if (values.platforms !== undefined)
    overrides.push({ path: ['platforms'], value: list(values.platforms), source: 'flag --platforms' });
  if (values.variants !== undefined)
    overrides.push({ path: ['variants'], value: list(values.variants), source: 'flag --variants' });
  return overrides;
}

/**
 * Commit, ref and PR for tags and reports: GitHub's environment on a runner, else the checkout.
 * EVENT: the runner's event payload, where the command has read it already (default: read here).
 */
export async function gitContextFor(
  io: CliIo,
  event: GitHubEvent = readGitHubEventFile(io.env.GITHUB_EVENT_PATH),
): Promise<GitContext> {
  const exec = io.git ?? new ActionsExecRunner();
  const head = () => checkoutHead(exec, io.cwd);
  const checkedOut = await checkedOutCommit(io.env, event, head);
  return (
    gitContextFromGitHubEnv(io.env, event, checkedOut) ?? (await gitContextFromCheckout(exec, io.cwd, head))
  );
}

/**
 * The plan of a loaded config, as the pipeline plans it (the bundled catalog, now): a refused plan
 * names the config file and its lines, and a --variants selection tags as the file's variants.
 */
export function planOfConfig(loaded: LoadedConfig, git: GitContext): Plan {
  const plan = planBuild(loaded.config, {
    catalog: bundledCatalog(),
    git,
    now: new Date(),
    configFile: loaded.label,
    lineOf: loaded.lineOf,
    fileVariants: loaded.fileVariants,
  });
  return withContextWarnings(plan, loaded);
}

/**
 * The git context, while REGISTRY (the registry check, when one is asked) runs beside it; the
 * config is planned before the registry's answer is said, so that bad input the plan refuses
 * (exit 2: a tag two variants push) is never hidden behind an unreachable registry (exit 3).
 */
export async function gitPlannedBeforeRegistry(
  io: CliIo,
  loaded: LoadedConfig,
  registry: Promise<unknown> | undefined,
  event?: GitHubEvent,
): Promise<GitContext> {
  const [git, reg] = await Promise.allSettled([gitContextFor(io, event), registry]);
  if (git.status === 'rejected') throw git.reason;
  planOfConfig(loaded, git.value);
  if (reg.status === 'rejected') throw reg.reason;
  return git.value;
}

/** The run's report (report.md) as printed: plain text for a terminal, bold only on a TTY. */
export function printedReport(io: CliIo, markdown: string): string {
  return toTerminal(markdown, { color: wantsColor(io.stdoutIsTTY, io.env) });
}
