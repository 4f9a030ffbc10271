// What resolving one base image for one platform takes, and the views of it the steps share.
import {
  type NetrcIndexes,
  netrcIndexes,
  outputMasker,
  type PipIndexes,
  pipIndexEnv,
  withExtraIndex,
} from '../python/indexes.js';
import { constraintsFileText, type RequirementOrigin } from '../requirements/read.js';
import { proxyUrlText, urlSecret, valueMasks } from '../util/redact.js';
import type { FailureContext } from './failure.js';
import { DIR, NETRC_FILE } from './workdir.js';

export interface ResolveInput {
  image: string;
  platform: string;
  /** Requirements as one text, and where each of its lines came from ("file:line"). */
  requirements: {
    text: string;
    origins: readonly string[];
    /** Requirement lines with their direct URLs (from readRequirements), to blame the right one. */
    requirements?: readonly RequirementOrigin[];
    /** --index-url / --extra-index-url lines inside the requirements files. */
    indexes?: { indexUrl?: string; extraIndexUrls: readonly string[] };
    /**
     * The lines of the requirements' local -c files, and where each came from: every dry run takes
     * them as a constraints file (USER_CONSTRAINTS_FILE), and so does the build (ResolveOutput's).
     */
    constraints?: { text: string; origins: readonly string[] };
  };
  /** Where pip looks (config or environment): reaches pip through its environment, never argv. */
  indexes?: PipIndexes;
  /** More environment for pip (e.g. the variables requirement lines reference as ${NAME}). */
  pipEnv?: Readonly<Record<string, string>>;
  mode: 'auto' | 'check';
  /** The container's network; undefined: bridge unless pip must reach this machine's loopback (network.ts). */
  network?: 'host' | 'bridge';
  /**
   * The build resolves the base's tag in the registry (build.pull, or a builder without this
   * engine's images): the container runs the registry's image by digest. Default: the image this
   * engine holds under the tag for the platform, as dockerd's own builder uses it (base.ts).
   */
  pull?: boolean;
  /**
   * A CUDA variant, and where torch comes from: with both torchIndexUrl and torchVersion, the build
   * installs torch==torchVersion from that index before the requirements (the cpu and cuda
   * templates), so the resolver asks for it too (preinstalled). Also for hazards.
   */
  variant?: { cuda?: string; torchIndexUrl?: string; torchVersion?: string };
}

/**
 * What the build installs before the requirements, under the same constraints: `torch==VERSION`
 * from the torch index (the templates' first pip step), when the variant has both. Every dry run
 * asks for it as a requirement (preinstalledArgs), with the torch index as one more index
 * (torchIndexArgs: whatever index lines the requirements hold, as the build's torch step, which
 * runs without them, always has it): so
 * torch's own dependencies (sympy, fsspec ...) are resolved with the requirements and pinned in the
 * constraints consistently with it (else a requirement pulling sympy resolves the newest, pinned,
 * and the build's torch step, `pip install torch==V -c constraints`, cannot meet that pin), and a
 * requirement that pulls torch (torchvision, lightning) resolves against that torch instead of the
 * newest (the build's two pip steps use the same indexes: build/inputs.ts buildPipConf). A version
 * that is not a plain version is left out.
 */
export function preinstalled(input: ResolveInput): string[] {
  const v = input.variant;
  if (v?.torchIndexUrl === undefined || v.torchVersion === undefined) return [];
  return /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(v.torchVersion) ? [`torch==${v.torchVersion}`] : [];
}

/**
 * pip's arguments for what the build installs first (before each dry run's own): the constraints
 * file (FILE, holding the preinstalled lines: pip then names "(constraint) torch==V" in a conflict)
 * and the same lines as requirements, positional (never a second -r: the helper's held run keeps
 * every argument and adds its -c). Empty when the build installs nothing first. Pure.
 */
export function preinstalledArgs(input: ResolveInput, file: string): string[] {
  const first = preinstalled(input);
  return first.length > 0 ? ['-c', file, ...first] : [];
}

/** The variable that hands the torch index to pip in the torch index file (never argv, never a file). */
const TORCH_INDEX_ENV = 'ML_IMAGE_TORCH_INDEX_URL';

/**
 * The torch index file's text: one option line that pip fills in from its environment
 * (pipRunEnv), so the URL and its login stay out of the file.
 */
export const TORCH_INDEX_FILE_TEXT = `--extra-index-url \${${TORCH_INDEX_ENV}}\n`;

/**
 * pip's arguments that add the torch index (when torch is preinstalled), after every dry run's
 * own: `-r FILE`, FILE holding TORCH_INDEX_FILE_TEXT. pip reads requirements files in order, and a
 * `--index-url` line in one replaces the whole list of indexes, the extra ones from the environment
 * included (req_file.py handle_option_line); an `--extra-index-url` line in a later file adds to the
 * list. So the torch index reaches pip whatever the user's requirements say, as it reaches the
 * build's torch step (which runs without them). Empty otherwise. Pure.
 */
export function torchIndexArgs(input: ResolveInput, file: string): string[] {
  return torchIndexOf(input) !== undefined ? ['-r', file] : [];
}

/** The requirements' own -c lines, as a file's text ('' without any). Pure. */
export function userConstraintsText(input: Pick<ResolveInput, 'requirements'>): string {
  return constraintsFileText(input.requirements.constraints);
}

/**
 * Everything of the requirements pip reads, the -c lines included: for what scans them (the URLs
 * pip may fetch, remote includes, ${NAME} references). Pure.
 */
export function pipReadText(input: Pick<ResolveInput, 'requirements'>): string {
  const c = input.requirements.constraints?.text ?? '';
  return c === '' ? input.requirements.text : `${input.requirements.text}\n${c}`;
}

/**
 * The constraints the build installs with: the resolver's (CONSTRAINTS, the base's pins and what it
 * resolved) and then the requirements' own -c lines, which pip applies together. Pure.
 */
export function withUserConstraints(constraints: string, input: Pick<ResolveInput, 'requirements'>): string {
  const own = userConstraintsText(input);
  if (own === '') return constraints;
  const sep = constraints === '' || constraints.endsWith('\n') ? '' : '\n';
  return `${constraints}${sep}# the requirements' own constraints (-c files)\n${own}`;
}

/** The torch index when it reaches pip (torch is preinstalled: torchIndexArgs), else undefined. */
function torchIndexOf(input: ResolveInput): string | undefined {
  return preinstalled(input).length > 0 ? input.variant?.torchIndexUrl : undefined;
}

/**
 * The indexes pip will use, the torch index included when it reaches pip (for failure messages,
 * the cache volume, the network check), as pip puts them together: a `--index-url` line in the
 * requirements replaces the configured (or environment's) index and extra indexes alike, their
 * `--extra-index-url` lines add to what is left, and the torch index file comes last
 * (torchIndexArgs). Shown through redactUrls.
 */
export function shownIndexes(input: ResolveInput): PipIndexes {
  const own = input.requirements.indexes;
  const given = own?.indexUrl !== undefined ? { indexUrl: own.indexUrl, extraIndexUrls: [] } : input.indexes;
  const ix = {
    ...(given?.indexUrl !== undefined && { indexUrl: given.indexUrl }),
    extraIndexUrls: [...(given?.extraIndexUrls ?? []), ...(own?.extraIndexUrls ?? [])],
  };
  return withExtraIndex(ix, torchIndexOf(input));
}

/** What a failed pip run is blamed on: the user's lines and the indexes (redacted when shown). */
export function failureContext(input: ResolveInput): FailureContext {
  return {
    image: input.image,
    origins: input.requirements.origins,
    lines: input.requirements.text.split('\n'),
    requirements: input.requirements.requirements ?? [],
    ...(input.requirements.constraints && { constraintOrigins: input.requirements.constraints.origins }),
    indexes: shownIndexes(input),
  };
}

/**
 * The indexes pip is given, their logins in a netrc file (netrcIndexes): a configured extra index
 * that is the torch index comes by the torch index file (not twice). Pure.
 */
export function runIndexes(input: ResolveInput): NetrcIndexes {
  const torch = torchIndexOf(input);
  const ix = input.indexes ?? { extraIndexUrls: [] };
  return netrcIndexes({ ...ix, extraIndexUrls: ix.extraIndexUrls.filter((u) => u !== torch) }, torch);
}

/**
 * pip's environment for every run: the index URLs without the logins the netrc file (NETRC_FILE,
 * written into the workspace: runIndexes' netrc) carries, and ${NAME} values; the torch index,
 * when torch is preinstalled (the build takes torch from it), as TORCH_INDEX_ENV for the torch
 * index file (torchIndexArgs) only.
 */
export function pipRunEnv(input: ResolveInput): Record<string, string> {
  const ix = runIndexes(input);
  return {
    ...pipIndexEnv(ix.indexes),
    ...input.pipEnv,
    ...(ix.torchIndexUrl !== undefined && { [TORCH_INDEX_ENV]: ix.torchIndexUrl }),
    ...(ix.netrc !== '' && { NETRC: `${DIR}/${NETRC_FILE}` }),
  };
}

/**
 * Masks what pip prints: the ${NAME} values (build.secrets, which a requirement line may put in a
 * URL's query, `?sig=${SAS}`), the index and torch index credentials, as the build masks its
 * output, and the logins of PROXIES (workdir.ts proxyEnv: `http://u:pw@proxy:3128`, or
 * `u:pw@proxy:3128` without a scheme, which pip reads as http://). pip prints each URL it fetched
 * in its errors, which then reach messages and records.
 */
export function pipOutputMask(
  input: ResolveInput,
  proxies: Readonly<Record<string, string>> = {},
): (text: string) => string {
  const torch = input.variant?.torchIndexUrl;
  const mask = outputMasker(
    input.pipEnv ?? {},
    input.indexes ?? { extraIndexUrls: [] },
    torch ? [torch] : [],
  );
  const logins = valueMasks(Object.values(proxies).flatMap(proxyLogin));
  return (text: string) => mask(logins.reduce((t, m) => t.split(m).join('***'), text));
}

/** A proxy URL's password (else its user name, a token), decoded and as written; none without. */
function proxyLogin(value: string): string[] {
  const url = proxyUrlText(value);
  return [urlSecret(url), urlSecret(url, 'raw')].filter((s) => s !== '');
}
