// The resolve stage inside a build: per variant and platform, before any image is built.
import type { Config } from '../config/schema.js';
import { CheckFailedError, InputError } from '../errors.js';
import { pipIndexes } from '../python/indexes.js';
import type { Plan } from '../plan/schema.js';
import { type ResolveDeps, type ResolveInput, resolveAgainstBase } from './resolve.js';
import { chooseNetwork } from './network-lookup.js';
import { loopbackUrl, type ResolverNetwork } from './network.js';
import type { ResolveOutput } from './result.js';
import { readListedRequirements } from '../requirements/references.js';
import { resolverDryRuns } from '../requirements/plan-check.js';

export type Resolved = Record<string, ResolveOutput>;

export const resolvedKey = (variant: string, platform: string) => `${variant}/${platform}`;

/** The resolver's own dependencies (ResolveDeps), with the stage's progress and its build's facts. */
interface ResolveStageDeps extends ResolveDeps {
  progress: (line: string) => void;
  /**
   * The build's builder holds no images of this engine (a docker-container, kubernetes or remote
   * driver): it resolves the base's tag in the registry whatever this engine holds, as build.pull
   * does, and so does the resolver then (base.ts). Default false: dockerd's own builder.
   */
  registryBase?: boolean;
  /**
   * Whether a build follows in this run (the pipeline's stages): without one, pip needing this
   * machine's loopback on another build.network is a warning, not exit 2. Default true.
   */
  buildFollows?: boolean;
}

export async function runResolveStage(
  plan: Plan,
  config: Config,
  baseDir: string,
  deps: ResolveStageDeps,
): Promise<Resolved> {
  const mode = config.resolve.mode;
  if (mode === 'off' || config.python.requirements.length === 0) return {};
  const { env } = deps;
  // Lines are checked with only build.secrets filled in: the others are refused just below.
  const requirements = readListedRequirements(config.python.requirements, config.build.secrets, baseDir, env);
  const indexes = pipIndexes(config.python, env);
  const pipEnv = referencedEnv(requirements.envReferences, env);
  const targets: Target[] = [];
  for (const v of plan.variants) {
    // plan-check.ts refuses hashed requirements only for the variants dry-run here: one predicate.
    if (!resolverDryRuns(v, mode)) {
      // nvidia/cuda carries no Python: requirements install into a fresh environment next to torch.
      deps.progress(`resolve ${v.name}: skipped (${v.base.ref} has no Python packages to conflict with)`);
      continue;
    }
    for (const platform of v.platforms) {
      const input: ResolveInput = {
        image: v.base.ref,
        platform,
        requirements,
        indexes,
        pipEnv,
        mode,
        // The base the build starts from (base.ts): the registry's when it pulls, else this engine's.
        ...((config.build.pull || deps.registryBase === true) && { pull: true }),
        variant: {
          ...(v.cuda && { cuda: v.cuda.version }),
          // The build installs torch==version from that index first: the resolver asks for it too.
          ...(v.torch?.indexUrl && { torchIndexUrl: v.torch.indexUrl, torchVersion: v.torch.version }),
        },
      };
      // bridge unless the build itself uses the host's network or pip must reach this machine's
      // loopback (network.ts), a host name this machine resolves to it included (network-lookup.ts).
      const { network, reason } = await chooseNetwork(input, config.build.network, deps.lookupHost);
      targets.push({
        id: `${v.name} ${platform}`,
        key: resolvedKey(v.name, platform),
        input,
        network,
        reason,
      });
    }
  }
  // Every target's, before any container starts.
  for (const t of targets) checkBuildReach(t, config.build.network, deps);
  const resolved: Resolved = {};
  for (const t of targets) resolved[t.key] = await resolveTarget(t, mode, deps);
  return resolved;
}

/** One variant and platform to resolve, and the network its resolver runs on (and why). */
interface Target {
  id: string;
  key: string;
  input: ResolveInput;
  network: ResolverNetwork;
  reason: string;
}

/**
 * The build's RUN steps reach this machine's loopback only on the host's network: where pip must
 * reach it (a literal localhost, 127.0.0.0/8 or ::1 URL) and build.network is not host, the
 * resolver would pass and the build's pip be refused (five retries, then what reads as a
 * conflict): exit 2. Only a warning where no build of dockerd's own follows (`--stages
 * plan,resolve`; a docker-container builder, which may run on the host's network itself), or where
 * the loopback is a name this machine resolves (the build may map it: add-hosts).
 */
function checkBuildReach(
  t: Target,
  buildNetwork: Config['build']['network'],
  deps: Pick<ResolveStageDeps, 'progress' | 'registryBase' | 'buildFollows'>,
): void {
  if (t.network !== 'host' || buildNetwork === 'host') return;
  const what = `resolve ${t.id}: ${t.reason}; the build's RUN steps reach it only on the host's network (build.network is ${buildNetwork ?? 'default'})`;
  const fix =
    "set build.network: host in the config (the bundled example does, for the test bed's index); an engine in a VM (Docker Desktop, colima) has its own loopback: name the index by host.docker.internal:PORT there";
  if (deps.buildFollows === false || deps.registryBase === true || loopbackUrl(t.input) === undefined)
    deps.progress(`warning: ${what} (fix: ${fix})`);
  else throw new InputError(what, fix);
}

/** TARGET resolved, its moves and hazards said; a conflict (or, in check mode, any change) stops the stage. */
async function resolveTarget(
  t: Target,
  mode: Config['resolve']['mode'],
  deps: ResolveStageDeps,
): Promise<ResolveOutput> {
  const out = await resolveAgainstBase({ ...t.input, network: t.network }, deps);
  const r = out.resolution;
  for (const m of r.resolved?.moved ?? [])
    deps.progress(`resolve ${t.id}: ${m.name} ${m.naive} -> ${m.resolved}, ${m.reason}`);
  for (const h of r.hazards) deps.progress(`warning: ${t.id}: ${h.message} (fix: ${h.fix})`);
  if (r.status === 'conflict' || (mode === 'check' && r.status !== 'clean')) {
    throw new CheckFailedError(
      `resolve ${t.id}: ${r.status === 'conflict' ? 'a conflict with the base image' : 'the requirements would change the base image'}\n${out.explanation}`,
      mode === 'check' ? 'fix the requirements, or use resolve mode "auto"' : 'pick one of the options above',
    );
  }
  deps.progress(`resolve ${t.id}: ${r.status} in ${(r.durationMs / 1000).toFixed(1)}s`);
  return out;
}

/** The variables requirement lines reference as ${NAME}, for pip's environment (never argv). */
export function referencedEnv(
  names: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  return Object.fromEntries(names.flatMap((n) => (env[n] !== undefined ? [[n, env[n]]] : [])));
}
