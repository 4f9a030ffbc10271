// The requirements against the plan, before any container runs (the pipeline, when it resolves or
// builds, and `validate`): what the files allow but the variants' builds cannot do as written.
// - pip's hash-checking mode (any --hash, or --require-hashes) with a variant the resolver dry-runs
//   with its torch: each dry run asks for torch==V, unhashed, which that mode refuses (every one
//   fails). Where no dry run runs (resolve mode off, the cuda template) a template's torch step
//   (`pip install torch==V`, its first pip step) still installs torch and its dependencies without
//   a hash, and the requirements step then finds them installed and checks nothing of them: a
//   warning naming the variants, the rest being checked.
// - a relative --find-links (./wheels, file:wheels) or a requirement by a relative path: a
//   template's pip step runs before the build context is copied in, and the resolver's container
//   has none of the repository either. pip ignores a missing --find-links location with a warning
//   and takes the project from the index instead (a private name: from whoever publishes it
//   there). With the user's own Dockerfile (which may COPY them first) a --find-links is a warning,
//   and a requirement by a relative path exit 2 only where the resolver dry-runs the variant (pip
//   there fails on it, after the base image's pull: now said before anything runs).
//   An absolute one (/opt/wheels, file:///opt/wheels) may be the base image's, where both pips run:
//   left to pip, as an absolute requirement path is.
// Structural types only: requirements/ imports no stage (plan) nor config.
import { ConfigError } from '../errors.js';
import { redactUrls } from '../util/redact.js';
import type { LineFacts } from './line-facts.js';
import type { GivenFileError } from './read.js';
import { readListedRequirements } from './references.js';

/** What the check reads of a planned variant (the plan's VariantPlan). */
export interface PlannedVariant {
  name: string;
  /** The template it is built from; none: the user's own Dockerfile. */
  template?: string;
  /** torch, and the index the build installs it from (none: the base image's own, not installed). */
  torch?: { version: string; indexUrl?: string };
}

/** What the check reads of the config (Config) and where it is (LoadedConfig). */
interface PlanRequirementsInput {
  config: {
    python: { requirements: readonly string[] };
    build: { secrets: readonly string[] };
    resolve: { mode: string };
  };
  baseDir: string;
}

const names = (vs: readonly PlannedVariant[]) => vs.map((v) => v.name).join(', ');
const plural = (vs: readonly unknown[], one: string, more: string) => (vs.length === 1 ? one : more);

/**
 * Whether the resolver dry-runs VARIANT in resolve MODE (resolve/stage.ts skips the others): not
 * with mode off, nor for the cuda template (nvidia/cuda carries no Python packages to conflict with).
 */
export const resolverDryRuns = (variant: { template?: string }, mode: string) =>
  mode !== 'off' && variant.template !== 'cuda';

/** The variants with their torch, as named in a problem or warning (their index's login masked). */
const withTorch = (vs: readonly PlannedVariant[]) =>
  vs.map((v) => `${v.name} torch ${v.torch!.version} from ${redactUrls(v.torch!.indexUrl!)}`).join('; ');

/** How torch itself gets checked: the requirements install it, hashed, with its index. */
const torchHashed = (vs: readonly PlannedVariant[]) =>
  `give ${names(vs)} no torch (no torch: on the variant nor at the top level; a CUDA variant given by cuda: always gets one, a variant given by base: an nvidia/cuda image with its cuda: gets none) and pin torch with its --hash in the requirements, its wheel index in the file (--extra-index-url ${redactUrls(vs[0]!.torch!.indexUrl!)})`;

/**
 * Hash-checking mode with the variants that install torch: the problem of those the resolver
 * dry-runs (undefined: none), and the warning of those only a template's torch step installs it on.
 */
function hashProblem(facts: LineFacts, variants: readonly PlannedVariant[], resolveMode: string) {
  const on = facts.hashChecking;
  const torch = on === undefined ? [] : variants.filter((v) => v.torch?.indexUrl !== undefined);
  // Every dry run asks for torch==V (resolve/stage.ts): refused in that mode.
  const resolved = torch.filter((v) => resolverDryRuns(v, resolveMode));
  // No dry run: the template's torch step installs it (the user's own Dockerfile: whatever it does).
  const unchecked = torch.filter((v) => !resolverDryRuns(v, resolveMode) && v.template !== undefined);
  const warning =
    unchecked.length === 0
      ? undefined
      : `${on!.origin}: ${on!.option} puts pip in hash-checking mode, but variant${plural(unchecked, '', 's')} ${withTorch(unchecked)} install${plural(unchecked, 's', '')} torch before the requirements, without a hash (the template's torch step): torch and its dependencies go in unchecked (the requirements step then finds them installed and checks nothing of them), the rest is checked. To check torch too, ${torchHashed(unchecked)}`;
  if (resolved.length === 0) return { warning };
  return {
    warning,
    problem: `${on!.origin}: ${on!.option} puts pip in hash-checking mode for every requirement, and variant${plural(resolved, '', 's')} ${withTorch(resolved)} install${plural(resolved, 's', '')} torch before the requirements, without a hash: the resolver's dry runs ask for that torch, unhashed, which pip refuses in that mode (every one would fail), and a template's torch step would install torch and its dependencies unchecked (the requirements step then finds them installed and checks nothing of them)`,
    fix: `either let the requirements install torch, with its hashes: ${torchHashed(resolved)}; or drop the --hash options (pip-compile / uv pip compile without --generate-hashes, poetry export --without-hashes)`,
  };
}

const LOCAL_WHY: Record<'find-links' | 'path', string> = {
  'find-links':
    "a relative --find-links (a path, a file: URL) names a directory of your repository, which the build's pip does not have: pip ignores a missing --find-links location with a warning and takes the project from the index instead, a private name from whoever publishes it there",
  path: "a requirement by a relative path names a file of your repository, which the build's pip does not have (pip fails on it)",
};

/** The way out of a requirement by a relative path that the resolver lacks (OFF: how to turn it off). */
const resolverPathFix = (off: string) =>
  `install the project in your Dockerfile after copying it in (COPY, then pip install), not through the requirements; serve it from an index or a URL (name @ https://host/name-1.0-py3-none-any.whl); or ${off}`;

/**
 * The problems of the requirements by a relative path (`-e .`, `./x.whl`), for a resolver run
 * against a base image (WHAT: what runs it; OFF: the last way out, not resolving it): pip there
 * works in a directory of the tool's own files (resolve/workdir.ts), where no relative path of the
 * repository is, and fails on each.
 */
export function resolverPathProblems(facts: LineFacts | undefined, what: string, off: string) {
  const paths = (facts?.localFiles ?? []).filter((f) => f.kind === 'path');
  if (paths.length === 0) return undefined;
  return {
    problems: paths.map(
      (f) =>
        `${f.origin}: "${f.line}": a requirement by a relative path names a file of your repository, which the resolver's container does not have (pip there fails on it): ${what}`,
    ),
    fix: resolverPathFix(off),
  };
}

/**
 * The problems of lines naming local files: every such line when a template builds some variant;
 * with only the user's own Dockerfile, a requirement by a relative path when the resolver dry-runs
 * one of them (RESOLVED; a relative --find-links is then a warning: pip ignores it).
 */
function localProblems(
  facts: LineFacts,
  templated: readonly PlannedVariant[],
  resolved: readonly PlannedVariant[],
  mode: string,
) {
  if (templated.length === 0)
    return resolved.length === 0
      ? undefined
      : resolverPathProblems(
          facts,
          `variant${plural(resolved, '', 's')} ${names(resolved)} ${plural(resolved, 'is', 'are')} resolved against ${plural(resolved, 'its', 'their')} base image first (resolve.mode: ${mode})`,
          'set resolve.mode: off (the resolver then checks nothing)',
        );
  if (facts.localFiles.length === 0) return undefined;
  const where = `variant${plural(templated, '', 's')} ${names(templated)} ${plural(templated, 'is', 'are')} built from a template, whose pip step runs before the build context is copied in, and the resolver's container has none of your files either`;
  return {
    problems: facts.localFiles.map((f) => `${f.origin}: "${f.line}": ${LOCAL_WHY[f.kind]}: ${where}`),
    fix: 'serve the wheels from an index or a URL (--extra-index-url, --find-links https://host/wheels/, or name @ https://host/name-1.0-py3-none-any.whl), put them in the base image and name them by their absolute path there (--find-links /opt/wheels), or build from your own Dockerfile (build.dockerfile, no template) that copies them in before its pip install',
  };
}

/**
 * The requirements (read as the stages read them: readListedRequirements) against the plan's
 * VARIANTS: hash-checking mode with a variant the resolver dry-runs with its torch, and a line
 * naming files of the repository when a template builds a variant, are exit 2 naming each line,
 * with the way out, as is a requirement by a relative path when the resolver dry-runs a variant
 * built from the user's own Dockerfile. Hash-checking mode with a template's torch step and no dry
 * run, and a relative --find-links with only the user's own Dockerfile (the resolver's container
 * still lacks it), are WARNings. Nothing without requirements. RESOLVING: whether the run has the resolve stage (without
 * it no dry run runs, whatever resolve.mode says). GIVEN: how a file python.requirements names that
 * cannot be read is said (the config's field and line: config/field-error.ts requirementsFieldError).
 */
export function checkPlanRequirements(
  variants: readonly PlannedVariant[],
  loaded: PlanRequirementsInput,
  env: Readonly<Record<string, string | undefined>>,
  warn: (message: string, props?: { title?: string }) => void,
  resolving = true,
  given?: GivenFileError,
): void {
  const { python, build } = loaded.config;
  const resolve = { mode: resolving ? loaded.config.resolve.mode : 'off' };
  if (python.requirements.length === 0) return;
  const facts = readListedRequirements(python.requirements, build.secrets, loaded.baseDir, env, given).facts;
  if (facts === undefined) return;
  const templated = variants.filter((v) => v.template !== undefined);
  const hash = hashProblem(facts, variants, resolve.mode);
  const resolved = variants.filter((v) => resolverDryRuns(v, resolve.mode));
  const local = localProblems(facts, templated, resolved, resolve.mode);
  if (hash.problem === undefined && local === undefined) {
    const findLinks = facts.localFiles.filter((x) => x.kind === 'find-links');
    for (const w of [
      ...(hash.warning === undefined ? [] : [hash.warning]),
      ...findLinks.map(
        (f) =>
          `${f.origin}: "${f.line}": a relative --find-links names a directory of your repository: the resolver's container does not have it (pip there ignores it, with a warning, and resolves the project from the index), so copy it into the image before your Dockerfile's pip install, or serve the wheels from a URL`,
      ),
    ])
      warn(w, { title: 'ml-image requirements' });
    return;
  }
  const problems = [...(hash.problem ? [hash.problem] : []), ...(local?.problems ?? [])];
  const fix = [hash.fix, local?.fix].filter((x) => x !== undefined).join('; and ');
  throw new ConfigError(python.requirements.join(', '), problems, { fix, problemsNameFiles: true });
}
