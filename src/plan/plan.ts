// plan: expand variants x platforms into build targets and choose, with a stated reason, the base
// image, torch wheel index and driver floor of each variant. Pure: catalog and context passed in.
import { type Path, withFieldLine } from '../config/issues.js';
import { archOf } from '../config/platform.js';
import { type Config, DEFAULT_VARIANTS, type Platform, type Variant } from '../config/schema.js';
import { variantsAsInFile } from '../config/variant-place.js';
import { ConfigError } from '../errors.js';
import { type ChosenBase, chooseBase, Collector } from './base.js';
import type { Catalog } from './catalog.js';
import { applyMirrors, mirrorKeysOf, repositoryOf } from '../oci/ref.js';
import {
  type BaseChoice,
  type BuildTarget,
  PLAN_SCHEMA_VERSION,
  type Plan,
  type VariantPlan,
} from './schema.js';
import type { GitContext } from './schema.js';
import { computeLabels, computeTags, versionFromRef } from './tags.js';

export { PLAN_SCHEMA_VERSION, PlanSchema } from './schema.js';
export type { Plan } from './schema.js';

/** Default runner labels per platform (the reusable workflow maps targets onto them). */
const DEFAULT_RUNNERS: Record<Platform, string> = {
  'linux/amd64': 'ubuntu-latest',
  'linux/arm64': 'ubuntu-24.04-arm',
};

export interface PlanContext {
  catalog: Catalog;
  git: GitContext;
  now: Date;
  /** The config file as the user names it: a refused plan names it ("plan of ml-image.yml"). */
  configFile?: string | undefined;
  /** Where the config file holds a field (LoadedConfig.lineOf): a refused plan's problems name it. */
  lineOf?: ((path: Path) => number | undefined) | undefined;
  /**
   * The variant names the config file itself lists (LoadedConfig.fileVariants). When the variants
   * planned are a selection of them (the reusable workflow's build job plans one), `latest` still
   * goes to the file's first variant alone: see taggedVariants.
   */
  fileVariants?: readonly string[] | undefined;
}

/**
 * The variants whose order and count the tags follow: the config file's own list (a file listing
 * none: its default, cpu) whenever there is a file, so its first variant alone gets `latest` and
 * every variant of a file with several gets its suffix in whichever job builds it (--variants, the
 * variants input: a matrix job builds one). Planned variants the file does not list come after its
 * own, also when none of the planned is the file's: a matrix job of `cuda12.8` beside one of `cpu`
 * on a file of [cpu] must not push `latest` (or the tags input's plain tags) too. Never fewer than
 * are planned: two planned variants never share the tags input's tags. Without a file (the inputs
 * carry the whole config) the default, cpu, as for a file that lists none: a `cuda12.8` job beside
 * a `cpu` job must not push the plain tags either.
 */
export function taggedVariants(
  planned: readonly string[],
  fileVariants: readonly string[] | undefined,
): readonly string[] {
  const listed = fileVariants ?? DEFAULT_VARIANTS;
  return [...listed, ...planned.filter((n) => !listed.includes(n))];
}

/** An error for each platform of the config the chosen base image does not have. */
function checkPlatforms(chosen: ChosenBase, where: string, config: Config, out: Collector): void {
  for (const p of config.platforms) {
    if (chosen.base.platforms && !chosen.base.platforms.includes(p)) {
      out.errors.push(
        `${where}: ${chosen.base.canonical} has no ${p} image (${chosen.base.family ?? 'it'} is ${chosen.base.platforms.join(' + ')} only); use nvcr.io/nvidia/pytorch or the cuda template for ${p}, or drop ${p} from platforms`,
      );
    }
  }
}

/** A mirror key that is a registry's host alone (`nvcr.io`), no repository. */
const REGISTRY_ONLY = /^(?:[^/]*[.:][^/]*|localhost)\/?$/;

/**
 * A build.mirrors key that no planned base goes through is said (a typo, `docker.io/library/pytho`,
 * left the base pulled from its own registry without a word).
 */
function unusedMirrors(config: Config, variants: readonly VariantPlan[], out: Collector): void {
  // A key that matches a base counts, though a longer one wins; a registry's own name (`nvcr.io`,
  // an organisation's list of mirrors) is no typo to point out.
  const used = new Set(variants.flatMap((v) => mirrorKeysOf(v.base.canonical, config.build.mirrors)));
  for (const key of Object.keys(config.build.mirrors).filter((k) => !used.has(k) && !REGISTRY_ONLY.test(k)))
    out.warnings.push(
      `build.mirrors: "${key}" is the mirror of no base image planned (${[...new Set(variants.map((v) => repositoryOf(v.base.canonical)))].join(', ')}): check its spelling (a name alone, "python", is Docker Hub's docker.io/library/python)`,
    );
}

/** The base through the config's mirrors; the reason says so when a mirror applies. */
function mirroredBase(chosen: ChosenBase, config: Config): BaseChoice {
  const mirrored = applyMirrors(chosen.base.ref, config.build.mirrors);
  return {
    ...chosen.base,
    ref: mirrored,
    ...(mirrored !== chosen.base.ref && { reason: `${chosen.base.reason} (via mirror ${mirrored})` }),
  };
}

function buildArgsOf(v: Variant, chosen: ChosenBase, base: BaseChoice): Record<string, string> {
  return {
    BASE_IMAGE: base.ref,
    PYTHON_VERSION: chosen.python,
    ML_IMAGE_VARIANT: v.name,
    ...(chosen.torch?.indexUrl !== undefined && {
      TORCH_VERSION: chosen.torch.version,
      TORCH_INDEX_URL: chosen.torch.indexUrl,
    }),
    ...(chosen.cuda && { ML_IMAGE_CUDA: chosen.cuda.version }),
  };
}

interface Naming {
  repository: string;
  version: string | undefined;
  /** The variant that gets `latest` on the default branch (taggedVariants' first). */
  primary: string | undefined;
}

/** One variant's plan: its base (checked against the platforms), build args, tags and labels. */
function planVariant(
  v: Variant,
  i: number,
  config: Config,
  ctx: PlanContext,
  naming: Naming,
  out: Collector,
): VariantPlan {
  const { repository, version, primary } = naming;
  const chosen = chooseBase(v, i, config, ctx.catalog, out);
  checkPlatforms(chosen, `variants[${i}] (${v.name})`, config, out);
  const base = mirroredBase(chosen, config);
  const tags = computeTags({
    repository,
    variant: v.name,
    primary: v.name === primary,
    ...(version !== undefined && { version }),
    git: ctx.git,
  });
  for (const tag of tags.map((t) => t.slice(t.lastIndexOf(':') + 1)))
    if (tag.length > MAX_TAG_LENGTH)
      out.errors.push(longTagProblem(tag, [i, v.name], version, config, ctx.git.ref));
  return {
    ...chosen,
    base,
    primary: v.name === primary,
    platforms: [...config.platforms],
    buildArgs: buildArgsOf(v, chosen, base),
    tags,
    labels: computeLabels({
      title: config.image.name,
      variant: v.name,
      python: chosen.python,
      ...(chosen.cuda && { cuda: chosen.cuda.version }),
      ...(chosen.torch && { torch: chosen.torch.version }),
      baseImage: chosen.base.canonical,
      ...(version !== undefined && { version }),
      git: ctx.git,
      created: ctx.now,
    }),
  };
}

/** Docker's longest tag (the distribution spec's tag grammar: 128 characters). */
const MAX_TAG_LENGTH = 128;
/** The most jobs a GitHub Actions matrix runs: the build targets are the reusable workflow's matrix. */
const MAX_TARGETS = 256;

/**
 * Why TAG, a tag of variants[I] (named NAME), is refused: over MAX_TAG_LENGTH. Only
 * `<version>-<variant>` can be (a variant's name is at most 64 characters, a version has no bound of
 * its own): it names image.version first when the config sets it (CONFIG), so the problem is put on
 * that line; else the variant, the version being the git tag's (REF).
 */
function longTagProblem(
  tag: string,
  [i, name]: [number, string],
  version: string | undefined,
  config: Config,
  ref: string | undefined,
): string {
  const where = `variants[${i}] (${name})`;
  const long = `is ${tag.length} characters, over the ${MAX_TAG_LENGTH} a registry takes`;
  if (version === undefined || tag !== `${version}-${name}`)
    return `${where}: the tag "${tag}" ${long}: shorten the variant's name`;
  const most = `at most ${MAX_TAG_LENGTH - name.length - 1} characters beside this variant's name`;
  if (config.image.version !== undefined)
    return `image.version: the tag "${tag}" of ${where} ${long}: shorten image.version (${most}) or the variant's name`;
  const gitTag = ref?.replace(/^refs\/tags\//, '') ?? '';
  return `${where}: the tag "${tag}" ${long}: its version comes from the git tag ${gitTag}: set a shorter image.version (${most}) or shorten the variant's name`;
}

/** One build target per variant and platform, on the platform's default runner. */
function targetsOf(variants: readonly VariantPlan[]): BuildTarget[] {
  return variants.flatMap((v) =>
    v.platforms.map((p) => ({
      id: `${v.name}-${archOf(p)}`,
      variant: v.name,
      platform: p,
      arch: archOf(p),
      runner: DEFAULT_RUNNERS[p],
    })),
  );
}

/**
 * Two variants must never push one tag: the second push would move the first variant's tag (a
 * variant named "latest", or "1.0.0-cpu" beside a variant "cpu" at version 1.0.0). Checked in the
 * run's own git context, in that of a push to the default branch and in that of a pull request,
 * so a local plan finds what CI would push.
 */
function checkTagCollisions(config: Config, git: GitContext, naming: Naming, out: Collector): void {
  const contexts: GitContext[] = [
    git,
    { ...git, isDefaultBranch: true, prNumber: undefined },
    { ...git, isDefaultBranch: false, prNumber: git.prNumber ?? 1 },
  ];
  const reported = new Set<string>();
  for (const context of contexts) {
    const owner = new Map<string, number>();
    config.variants.forEach((v, i) => {
      for (const full of computeTags({
        repository: naming.repository,
        variant: v.name,
        primary: v.name === naming.primary,
        ...(naming.version !== undefined && { version: naming.version }),
        git: context,
      })) {
        const tag = full.slice(full.lastIndexOf(':') + 1);
        const first = owner.get(tag);
        if (first === undefined) owner.set(tag, i);
        else if (!reported.has(tag)) {
          reported.add(tag);
          const other = config.variants[first]!;
          out.errors.push(
            `variants[${i}] (${v.name}): it would push the tag "${tag}" that variants[${first}] (${other.name}) pushes${context === git ? '' : ' on the default branch or a pull request'}: rename one of them`,
          );
        }
      }
    });
  }
}

/**
 * PROBLEM with the variants it names that the config file does not list said to come from the
 * variants selection (--variants, the action's variants input): shorthand it made, named by its
 * index in that list ("variants[1] (cuda12.4)" where the file's variants[1] is another).
 */
function withSelectionNamed(problem: string, ctx: PlanContext): string {
  const listed = ctx.fileVariants;
  if (listed === undefined) return problem;
  const named = [...problem.matchAll(/\bvariants\[\d+\] \(([^()\s]+)\)|\(variants\[\d+\] ([^()\s]+)\)/g)];
  const made = [...new Set(named.map((m) => (m[1] ?? m[2])!).filter((n) => !listed.includes(n)))];
  if (made.length === 0) return problem;
  return `${problem} (from --variants or the variants input: ${ctx.configFile ?? 'the config file'} lists no ${made.map((n) => `"${n}"`).join(' or ')})`;
}

export function planBuild(config: Config, ctx: PlanContext): Plan {
  const out = new Collector();
  const repository = `${config.image.registry}/${config.image.name}`;
  const version = config.image.version ?? versionFromRef(ctx.git.ref);
  const primary = taggedVariants(
    config.variants.map((v) => v.name),
    ctx.fileVariants,
  )[0];
  const naming = { repository, version, primary };
  const variants = config.variants.map((v, i) => planVariant(v, i, config, ctx, naming, out));
  checkTagCollisions(config, ctx.git, naming, out);
  unusedMirrors(config, variants, out);
  const count = variants.length * config.platforms.length;
  if (count > MAX_TARGETS)
    out.errors.push(
      `variants x platforms: ${count} build targets (${variants.length} x ${config.platforms.length}); a GitHub Actions matrix runs at most ${MAX_TARGETS} jobs: split the variants over several config files`,
    );
  if (out.errors.length > 0)
    throw new ConfigError(
      ctx.configFile === undefined ? 'plan' : `plan of ${ctx.configFile}`,
      // The line first (ctx.lineOf takes the config's paths), then a variant the file lists named
      // by its index there (a --variants selection plans [old] from [cpu, cuda12.8, old]), and one
      // it does not list as the selection's.
      out.errors.map((e) =>
        withSelectionNamed(
          variantsAsInFile(
            withFieldLine(e, ctx.lineOf),
            ctx.fileVariants,
            (i) => ctx.lineOf?.(['variants', i]) !== undefined,
          ),
          ctx,
        ),
      ),
      { ...(ctx.configFile !== undefined && { file: ctx.configFile }) },
    );
  const targets = targetsOf(variants);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    repository,
    ...(version !== undefined && { version }),
    variants,
    targets,
    warnings: out.warnings,
    matrix: {
      include: targets.map((t) => ({
        variant: t.variant,
        platform: t.platform,
        arch: t.arch,
        runner: t.runner,
      })),
    },
  };
}
