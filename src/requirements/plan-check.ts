// The requirements against the plan, before any container runs (the pipeline, when it resolves or
// builds, and `validate`): what the files allow but the variants' builds cannot do as written.
// - pip's hash-checking mode (any --hash, or --require-hashes) with a variant that installs torch:
//   the build's torch step (`pip install torch==V`, the templates' first pip step) installs torch and
//   its dependencies without a hash, and the requirements step then finds them installed and checks
//   nothing; the resolver's dry runs ask for the same torch==V, unhashed, which that mode refuses.
// - a local --find-links (a path, a file: URL) or a requirement by a relative path: a template's
//   pip step runs before the build context is copied in, and the resolver's container has none of
//   the repository either. pip ignores a missing --find-links location with a warning and takes the
//   project from the index instead (a private name: from whoever publishes it there). With the
//   user's own Dockerfile (which may COPY them first) a --find-links is a warning.
// Structural types only: requirements/ imports no stage (plan) nor config.
import { ConfigError } from '../errors.js';
import { redactUrls } from '../util/redact.js';
import type { LineFacts } from './line-facts.js';
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
export interface PlanRequirementsInput {
  config: {
    python: { requirements: readonly string[] };
    build: { secrets: readonly string[] };
    resolve: { mode: string };
  };
  baseDir: string;
}

const names = (vs: readonly PlannedVariant[]) => vs.map((v) => v.name).join(', ');

/** The problem of hash-checking mode with the variants that install torch (undefined: none). */
function hashProblem(facts: LineFacts, variants: readonly PlannedVariant[], resolveMode: string) {
  const on = facts.hashChecking;
  // Installed by the templates' torch step, and asked for by every dry run (off: none runs).
  const torch = variants.filter(
    (v) => v.torch?.indexUrl !== undefined && (v.template !== undefined || resolveMode !== 'off'),
  );
  if (on === undefined || torch.length === 0) return undefined;
  const each = torch.map((v) => `${v.name} torch ${v.torch!.version} from ${redactUrls(v.torch!.indexUrl!)}`);
  const index = redactUrls(torch[0]!.torch!.indexUrl!);
  return {
    problem: `${on.origin}: ${on.option} puts pip in hash-checking mode for every requirement, and variant${torch.length === 1 ? '' : 's'} ${each.join('; ')} install${torch.length === 1 ? 's' : ''} torch before the requirements, without a hash: the build's torch step would install torch and its dependencies unchecked (the requirements step then finds them installed and checks nothing), and where the resolver runs, its dry runs ask for that torch too, unhashed, which pip refuses in that mode`,
    fix: `either let the requirements install torch, with its hashes: give ${names(torch)} no torch (no torch: on the variant nor at the top level; a CUDA variant given by cuda: always gets one, a variant given by base: an nvidia/cuda image with its cuda: gets none) and pin torch with its --hash in the requirements, its wheel index in the file (--extra-index-url ${index}); or drop the --hash options (pip-compile / uv pip compile without --generate-hashes, poetry export --without-hashes)`,
  };
}

const LOCAL_WHY: Record<'find-links' | 'path', string> = {
  'find-links':
    "--find-links names a directory (or file: URL) on this machine, which the build's pip does not have: pip ignores a missing --find-links location with a warning and takes the project from the index instead, a private name from whoever publishes it there",
  path: "a requirement by a relative path names a file of your repository, which the build's pip does not have (pip fails on it)",
};

/** The problems of lines naming local files, when a template builds some variant. */
function localProblems(facts: LineFacts, templated: readonly PlannedVariant[]) {
  if (templated.length === 0 || facts.localFiles.length === 0) return undefined;
  const where = `variant${templated.length === 1 ? '' : 's'} ${names(templated)} ${templated.length === 1 ? 'is' : 'are'} built from a template, whose pip step runs before the build context is copied in, and the resolver's container has none of your files either`;
  return {
    problems: facts.localFiles.map((f) => `${f.origin}: "${f.line}": ${LOCAL_WHY[f.kind]}: ${where}`),
    fix: 'serve the wheels from an index or a URL (--extra-index-url, --find-links https://host/wheels/, or name @ https://host/name-1.0-py3-none-any.whl), or build from your own Dockerfile (build.dockerfile, no template) that copies them in before its pip install',
  };
}

/**
 * The requirements (read as the stages read them: readListedRequirements) against the plan's
 * VARIANTS: hash-checking mode with a variant that installs torch, and a line naming local files
 * when a template builds a variant, are exit 2 naming each line, with the way out. A local
 * --find-links with only the user's own Dockerfile is a WARNing (the resolver's container still
 * lacks it). Nothing without requirements.
 */
export function checkPlanRequirements(
  variants: readonly PlannedVariant[],
  loaded: PlanRequirementsInput,
  env: Readonly<Record<string, string | undefined>>,
  warn: (message: string, props?: { title?: string }) => void,
): void {
  const { python, build, resolve } = loaded.config;
  if (python.requirements.length === 0) return;
  const facts = readListedRequirements(python.requirements, build.secrets, loaded.baseDir, env).facts;
  if (facts === undefined) return;
  const templated = variants.filter((v) => v.template !== undefined);
  const hash = hashProblem(facts, variants, resolve.mode);
  const local = localProblems(facts, templated);
  if (hash === undefined && local === undefined) {
    for (const f of facts.localFiles.filter((x) => x.kind === 'find-links'))
      warn(
        `${f.origin}: "${f.line}": --find-links names a directory on this machine: the resolver's container does not have it (pip there ignores it, with a warning, and resolves the project from the index), so copy it into the image before your Dockerfile's pip install, or serve the wheels from a URL`,
        { title: 'ml-image requirements' },
      );
    return;
  }
  const problems = [...(hash ? [hash.problem] : []), ...(local?.problems ?? [])];
  const fix = [hash?.fix, local?.fix].filter((x) => x !== undefined).join('; and ');
  throw new ConfigError(python.requirements.join(', '), problems, { fix, problemsNameFiles: true });
}
