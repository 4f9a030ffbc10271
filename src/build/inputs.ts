// What pip inside the build needs: requirements, constraints, index URLs (often with credentials)
// and build.secrets reach the build only as BuildKit secret mounts of 0600 files in a 0700 temp
// directory, never as build arguments (which the image history keeps for anyone who can pull it,
// and which hit E2BIG when large). Their digest, without credentials, is the cache key.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { redactUrls } from '../util/redact.js';
import { TOOL_SECRET_IDS } from '../config/secret-id.js';
import { PIP_PY } from '../python/py/pip.generated.js';
import { InputError } from '../errors.js';
import {
  type NetrcIndexes,
  netrcIndexes,
  type PipIndexes,
  pipConf,
  warnKeptLogins,
  withExtraIndex,
} from '../python/indexes.js';

/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>: one
 * list with the config's, which refuses them as build.secrets ids.
 */
export const BUILD_SECRET_IDS = TOOL_SECRET_IDS;

/** Build argument carrying the digest of the secret inputs: secret mounts are not in the cache key. */
export const INPUTS_DIGEST_ARG = 'ML_IMAGE_INPUTS_SHA256';

/** Plan build args that travel as secrets instead (the torch index URL may carry credentials). */
const SECRET_PLAN_ARGS = new Set(['TORCH_INDEX_URL']);

/** Index variables that the pip.conf secret carries (config first, else the environment). */
const INDEX_ENV = new Set(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL']);

/** What pip inside the build needs, all of it passed as secret files. */
export interface BuildInputs {
  requirements: string;
  constraints: string;
  indexes: PipIndexes;
  torchIndexUrl?: string;
  /** build.secrets by name -> value, for the templates' install step (ml_image_env). */
  secretEnv: Readonly<Record<string, string>>;
}

/** The plan's build args that may be build arguments (those that travel as secrets removed). */
export function publicPlanArgs(args: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).filter(([k]) => !SECRET_PLAN_ARGS.has(k)));
}

/** build.secrets by name -> value from the environment; each must be set. */
export function secretEnvFrom(
  secrets: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of secrets) {
    const value = env[id];
    if (value === undefined) {
      throw new InputError(
        `build.secrets: ${id} is not set in the environment`,
        `export ${id} (or pass it from a repository secret) before building`,
      );
    }
    out[id] = value;
  }
  return out;
}

/** A POSIX shell single-quoted word: safe for any value (newlines, quotes, $, backticks). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Names the install step itself uses, or that would change how its shell runs: never exported
 * from build.secrets (they still reach a user's own Dockerfile as `--secret id=NAME`).
 */
const RESERVED_ENV = new Set([
  's',
  'c',
  'ti',
  'PATH',
  'IFS',
  'HOME',
  'SHELL',
  'ENV',
  'PS4',
  'TORCH_VERSION',
  'ML_IMAGE_CUDA',
]);

/**
 * A value as the install step sources it: shell-quoted, each run of line breaks in double quotes
 * ('a'"<LF>"'export X=' is a<LF>export X=), so that only a NAME's own line starts with "export ":
 * the templates' check of direct_url.json reads the build.secrets names from those lines (^export
 * with re.M, in the text Python's read_text makes of \r too a line break), and a value's line
 * "export X=" gave it a name that was no secret.
 */
const envValue = (value: string) => shellQuote(value).replace(/[\r\n]+/g, (breaks) => `'"${breaks}"'`);

/** `export NAME='value'` lines the templates' install step sources (build.secrets inside pip's RUN). */
export function secretEnvScript(env: Readonly<Record<string, string>>): string {
  return (
    Object.entries(env)
      .filter(([name]) => !INDEX_ENV.has(name) && !RESERVED_ENV.has(name))
      // An id that is no shell variable name (pip-token) is mounted by id only, never exported.
      .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      .map(([name, value]) => `export ${name}=${envValue(value)}\n`)
      .join('')
  );
}

/**
 * The indexes and the torch index the build's pip is given, their logins in a netrc file (the
 * ml_image_netrc secret, which the templates name in NETRC), as in the resolver (runIndexes).
 */
function buildIndexes(i: BuildInputs): NetrcIndexes {
  return netrcIndexes(i.indexes, i.torchIndexUrl);
}

/**
 * The pip.conf of both pip steps (torch, then the requirements): the configured indexes, and the
 * torch index as one more extra index where the build installs torch, as every resolver dry run
 * sees them (pipRunEnv, torchIndexArgs; the templates' requirements step also names it in a file
 * after the requirements, as the dry runs do): torch==V takes its +cpu / +cuXYZ wheel from it,
 * torch's own dependencies come from where the resolver found them, and a pin it took from the torch index
 * (torchvision==0.20.1+cpu) is one the build can meet. Without configured indexes, the base
 * image's own (its pip.conf or PIP_INDEX_URL) stay the main one, as in the resolver. The URLs
 * carry no login the netrc file carries (buildIndexes).
 */
function buildPipConf(i: BuildInputs): string {
  return pipConfOf(buildIndexes(i));
}

const pipConfOf = (ix: NetrcIndexes) => pipConf(withExtraIndex(ix.indexes, ix.torchIndexUrl));

/**
 * sha256 of what the secret files hold, with URL credentials removed: the pip layer rebuilds when
 * requirements, constraints or indexes change, and not when only a token is rotated.
 */
export function inputsDigest(i: BuildInputs): string {
  const text = JSON.stringify({
    requirements: redactUrls(i.requirements),
    constraints: redactUrls(i.constraints),
    indexUrl: i.indexes.indexUrl !== undefined ? redactUrls(i.indexes.indexUrl) : null,
    extraIndexUrls: i.indexes.extraIndexUrls.map((u) => redactUrls(u)),
    torchIndexUrl: i.torchIndexUrl !== undefined ? redactUrls(i.torchIndexUrl) : null,
    // What the pip.conf secret holds, as written (it derives from the fields above; stated so that
    // a change in how it is written rebuilds the layer too).
    pipConfs: i.torchIndexUrl !== undefined ? [redactUrls(buildPipConf(i))] : undefined,
    secrets: Object.keys(i.secretEnv).sort(),
  });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes the secret files of one target into DIR (created 0700, files 0600); returns id -> path.
 * A login that stays in its index URL (buildIndexes) is a warning through SAY, once per host.
 */
export function writeBuildInputs(
  dir: string,
  i: BuildInputs,
  say: (line: string) => void = () => undefined,
): Record<string, string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ix = buildIndexes(i);
  warnKeptLogins(ix.kept, say);
  const files: Record<string, string> = {
    [BUILD_SECRET_IDS.requirements]: i.requirements === '' ? '' : `${i.requirements}\n`,
    [BUILD_SECRET_IDS.constraints]: i.constraints === '' ? '' : `${i.constraints}\n`,
    [BUILD_SECRET_IDS.pipConf]: pipConfOf(ix),
    [BUILD_SECRET_IDS.torchIndex]: ix.torchIndexUrl ?? '',
    [BUILD_SECRET_IDS.netrc]: ix.netrc,
    [BUILD_SECRET_IDS.env]: secretEnvScript(i.secretEnv),
    // No secret: pip, run through it, gives the pip it starts the index URLs in its environment.
    [BUILD_SECRET_IDS.pip]: PIP_PY,
  };
  const out: Record<string, string> = {};
  for (const [id, content] of Object.entries(files)) {
    const file = path.join(dir, id);
    writeFileSync(file, content, { mode: 0o600 });
    out[id] = file;
  }
  return out;
}

/**
 * A warning where DOCKERFILE (TEXT: its text) mounts the pip.conf secret but not the netrc file the
 * indexes' logins (INDEXES and the torch index) travel in: a Dockerfile of the user's own written
 * for an earlier version, whose pip would get 401 from a private index. Undefined where there is
 * no login to carry or the netrc file is mounted.
 */
export function netrcUnmountedWarning(
  dockerfile: string,
  text: string,
  indexes: PipIndexes,
  torchIndexUrl: string | undefined,
): string | undefined {
  if (netrcIndexes(indexes, torchIndexUrl).netrc === '') return undefined;
  if (!text.includes(BUILD_SECRET_IDS.pipConf) || text.includes(BUILD_SECRET_IDS.netrc)) return undefined;
  return `${dockerfile} mounts the ${BUILD_SECRET_IDS.pipConf} secret but not ${BUILD_SECRET_IDS.netrc}: the indexes' logins travel in that one (the pip.conf URLs carry none), so a private index answers pip 401; mount it in the RUN that installs and export NETRC=/run/secrets/${BUILD_SECRET_IDS.netrc} there (docs/build.md, "Your own Dockerfile")`;
}
