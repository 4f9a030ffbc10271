// The verify flags, parsed here once for every caller: `ml-image verify`, `ml-image export --verify`
// and the verify sub-action (whose inputs have the flags' names). Bad input names the flag (exit 2)
// before any registry or cosign is asked.
import { ATTESTATION_KINDS, type AttestationKind } from '../config/attest.js';
import { unknownPlatformPart } from '../config/platform.js';
import { PLATFORMS } from '../config/schema.js';
import { InputError } from '../errors.js';
import { isOwnerRepo } from '../github/run.js';
import { clip, closestWord } from '../util/text.js';
import type { VerifyIdentity } from './cosign-args.js';
import { GITHUB_ISSUER } from './signing.js';
import { acceptsSharedWorkflow, regexpProblem } from './verify-inputs.js';
import { WORKFLOW_CLAIMS, type WorkflowClaim, type WorkflowPins } from './workflow-claims.js';

export interface VerifyPolicy {
  /** Attestations that must exist (verified) on every platform. */
  require: readonly AttestationKind[];
  /** The smoke attestation must say pass (no failed test). */
  requireSmokePass: boolean;
  /** The smoke tests ran on at least one GPU, and the GPU suite passed. */
  requireGpuSmoke: boolean;
  /** Throughput floors in TFLOP/s by dtype ("bf16" -> the compute suite's bf16_tflops). */
  minTflops: Readonly<Record<string, number>>;
}

/** The dtypes the compute suite measures on a GPU (its `<dtype>_tflops` metrics). */
const TFLOPS_DTYPES = ['bf16', 'fp16', 'tf32', 'fp32'] as const;

/**
 * "bf16=600,fp32=40" -> { bf16: 600, fp32: 40 }; bad input names the flag and the item: a dtype
 * the compute suite does not measure, one given twice, or a floor too big to be a number.
 */
export function parseMinTflops(raw: string | undefined, flag = '--min-tflops'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9]+)=(\d+(?:\.\d+)?)$/i.exec(item);
    if (!m) throw new InputError(`${flag}: expected DTYPE=TFLOPS like bf16=600, got ${JSON.stringify(item)}`);
    const dtype = m[1]!.toLowerCase();
    if (!(TFLOPS_DTYPES as readonly string[]).includes(dtype))
      throw new InputError(
        `${flag}: ${JSON.stringify(item)}: the compute suite measures ${TFLOPS_DTYPES.join(', ')}, not ${dtype}`,
      );
    if (dtype in out) throw new InputError(`${flag}: ${dtype} is given twice`);
    // Digits only, but so many that they make no number (Infinity): no floor anything meets.
    const tflops = Number(m[2]);
    if (!Number.isFinite(tflops))
      throw new InputError(
        `${flag}: ${dtype}=${m[2]!.slice(0, 20)}... (${m[2]!.length} characters) is too large to be a number of TFLOP/s`,
        'give floors like bf16=600',
      );
    out[dtype] = tflops;
  }
  // Only commas (an input built of unset variables): no floor would hold, which is not "none".
  if (Object.keys(out).length === 0 && (raw ?? '').trim() !== '')
    throw new InputError(
      `${flag}: no DTYPE=TFLOPS in ${JSON.stringify(raw)}`,
      'give floors like bf16=600, or leave it out',
    );
  return out;
}

/** The verify flags as given (CLI values, or the sub-action's inputs of the same names). */
export interface VerifyFlags {
  key?: string | undefined;
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
  'certificate-github-workflow-repository'?: string | undefined;
  'certificate-github-workflow-ref'?: string | undefined;
  'certificate-github-workflow-trigger'?: string | undefined;
  'certificate-github-workflow-sha'?: string | undefined;
  'certificate-github-workflow-name'?: string | undefined;
  require?: string | undefined;
  'require-smoke'?: string | undefined;
  'require-gpu-smoke'?: boolean | undefined;
  'min-tflops'?: string | undefined;
  platform?: string | undefined;
  tlog?: boolean | undefined;
  /** Seconds the whole verify may take (default VERIFY_TIMEOUT_DEFAULT_S). */
  timeout?: string | undefined;
}

/** Every verify flag by name (a CLI option, and an input of the verify sub-action). */
export const VERIFY_FLAGS = [
  'key',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'certificate-github-workflow-repository',
  'certificate-github-workflow-ref',
  'certificate-github-workflow-trigger',
  'certificate-github-workflow-sha',
  'certificate-github-workflow-name',
  'require',
  'require-smoke',
  'require-gpu-smoke',
  'min-tflops',
  'platform',
  'tlog',
  'timeout',
] as const satisfies readonly (keyof VerifyFlags)[];

/** What to verify against and what must hold, parsed from the flags. */
export interface VerifyRequest {
  identity: VerifyIdentity;
  policy: VerifyPolicy;
  /** Only this platform image of an index. */
  platform?: string;
  /** Key-signed entries are in Rekor too: check them there. */
  tlog: boolean;
  /** The deadline of the whole verify, in seconds: every read and cosign run ends by then (exit 3). */
  timeoutSeconds: number;
}

/** How the caller names things in messages: `verify: ` + `--key`, or `` + `input "key"`. */
export interface FlagNaming {
  prefix: string;
  flag: (name: keyof VerifyFlags) => string;
}

/**
 * The CLI's naming: `--NAME`, or the name a command gives a flag in RENAMED (export's own
 * --timeout is the smoke tests', so its verify deadline is --verify-timeout).
 */
export const cliFlagNaming = (
  command: string,
  renamed: Partial<Record<keyof VerifyFlags, string>> = {},
): FlagNaming => ({
  prefix: `${command}: `,
  flag: (name) => `--${renamed[name] ?? name}`,
});

/** A pattern as a message quotes it: cut at 200 characters, so that the line's reason is not cut off. */
const quotedPattern = (p: string) => JSON.stringify(clip(p, 200));

const given = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

/**
 * What is wrong with VALUE as what CLAIM pins, or undefined: the shape each GitHub claim has, so
 * that a value no certificate can hold (a branch name for a ref, a short SHA) is named now instead
 * of failing every check later.
 */
function pinProblem(claim: WorkflowClaim, value: string): string | undefined {
  const got = `, got ${JSON.stringify(value)}`;
  switch (claim.flag) {
    case 'certificate-github-workflow-repository':
      return isOwnerRepo(value) ? undefined : `expected OWNER/REPO${got}`;
    case 'certificate-github-workflow-ref':
      return value.startsWith('refs/')
        ? undefined
        : `expected a full ref like refs/heads/main or refs/tags/v1.2.3${got}`;
    case 'certificate-github-workflow-trigger':
      return /^[a-z][a-z_]*$/.test(value)
        ? undefined
        : `expected an event name like push or workflow_dispatch${got}`;
    case 'certificate-github-workflow-sha':
      return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
        ? undefined
        : `expected the full commit SHA (40 lower-case hex digits, or 64 in a SHA-256 repository)${got}`;
    case 'certificate-github-workflow-name':
      return undefined;
  }
}

/**
 * The run claims a keyless identity pins: given, not empty, no control character, of their shape.
 * A flag given empty (`--certificate-github-workflow-ref ""`) is bad input, not "no pin": a deploy
 * gate whose variable is unset would otherwise pin nothing. (The sub-action's unset inputs do not
 * reach here: its empty inputs are no flags.) Surrounding blanks are dropped, as of every flag.
 */
function pinsFrom(values: VerifyFlags, { prefix, flag }: FlagNaming): WorkflowPins {
  const pins: WorkflowPins = {};
  for (const claim of WORKFLOW_CLAIMS) {
    const raw = values[claim.flag];
    if (raw === undefined) continue;
    const value = raw.trim();
    const problem = /\p{Cc}/u.test(raw)
      ? `${JSON.stringify(raw)} holds a control character`
      : value === ''
        ? 'empty'
        : pinProblem(claim, value);
    if (problem !== undefined)
      throw new InputError(
        `${prefix}${flag(claim.flag)}: ${problem}`,
        `give the ${claim.name} the certificate must hold (its extension ${claim.oid}), or leave the flag out`,
      );
    pins[claim.field] = value;
  }
  return pins;
}

function identityFrom(values: VerifyFlags, naming: FlagNaming): VerifyIdentity {
  const { prefix, flag } = naming;
  const key = given(values.key);
  const exact = given(values['certificate-identity']);
  const regexp = given(values['certificate-identity-regexp']);
  const issuer = given(values['certificate-oidc-issuer']) ?? GITHUB_ISSUER;
  if (!/^https:\/\/[^\s/?#@]+(\/[^\s]*)?$/.test(issuer))
    throw new InputError(
      `${prefix}${flag('certificate-oidc-issuer')}: expected the issuer's https URL, got ${JSON.stringify(issuer.slice(0, 200))}`,
      `GitHub Actions' is ${GITHUB_ISSUER} (the default)`,
    );
  const pinned = WORKFLOW_CLAIMS.filter((c) => values[c.flag] !== undefined).map((c) => flag(c.flag));
  if (key !== undefined && (exact ?? regexp) !== undefined)
    throw new InputError(
      `${prefix}give ${flag('key')} or ${flag('certificate-identity')} / ${flag('certificate-identity-regexp')}, not both`,
    );
  if (key !== undefined && given(values['certificate-oidc-issuer']) !== undefined)
    throw new InputError(
      `${prefix}${flag('certificate-oidc-issuer')} is for keyless signatures; a key has no certificate`,
      `leave it out with ${flag('key')}, or verify keyless with ${flag('certificate-identity-regexp')}`,
    );
  if (key !== undefined && pinned.length > 0)
    throw new InputError(
      `${prefix}${pinned.join(', ')} ${pinned.length === 1 ? 'is' : 'are'} for keyless signatures; a key has no certificate`,
      `leave ${pinned.length === 1 ? 'it' : 'them'} out with ${flag('key')}, or verify keyless with ${flag('certificate-identity-regexp')}`,
    );
  if (key !== undefined) return { kind: 'key', publicKey: key };
  // One identity: with both, one of them would be silently ignored (a regexp the user meant to hold).
  if (exact !== undefined && regexp !== undefined)
    throw new InputError(
      `${prefix}give ${flag('certificate-identity')} or ${flag('certificate-identity-regexp')}, not both`,
      `the exact identity when you know it (the workflow file at its ref), else the regexp`,
    );
  const pins = pinsFrom(values, naming);
  const shared =
    pins.certificateGithubWorkflowRepository === undefined && regexpProblem(regexp ?? '') === undefined
      ? acceptsSharedWorkflow(exact, regexp)
      : undefined;
  if (shared !== undefined) {
    const which = flag(exact !== undefined ? 'certificate-identity' : 'certificate-identity-regexp');
    // A pattern whose syntax the check cannot read may accept them: the repository is asked for too.
    const how =
      shared.why === 'accepts'
        ? 'accepts'
        : shared.why === 'open'
          ? `${quotedPattern(regexp!)} does not start with ^https://github\\.com/OWNER/ (an owner other than ml-image-action and its /, nothing repeating that /, and no top-level |), so it may accept`
          : `${quotedPattern(regexp!)} holds ${shared.syntax}, which this check does not read as cosign (Go's RE2) does: it may accept`;
    throw new InputError(
      `${prefix}${which} ${how} the reusable workflow's signatures, which any repository that calls it can make: say whose run signed`,
      `add ${flag('certificate-github-workflow-repository')} OWNER/REPO (your repository)`,
    );
  }
  if (exact !== undefined)
    return { kind: 'keyless', certificateIdentity: exact, certificateOidcIssuer: issuer, ...pins };
  if (regexp !== undefined) {
    // Compiled now: a pattern that is none is bad input before any registry or cosign is asked.
    const problem = regexpProblem(regexp);
    if (problem !== undefined)
      throw new InputError(
        `${prefix}${flag('certificate-identity-regexp')}: ${quotedPattern(regexp!)} is not a valid regular expression (${problem})`,
        `escape ( ) [ ] { } . * + ? with a backslash to match them literally, or give the exact identity with ${flag('certificate-identity')}`,
      );
    return { kind: 'keyless', certificateIdentityRegexp: regexp, certificateOidcIssuer: issuer, ...pins };
  }
  throw new InputError(
    `${prefix}no identity to verify against`,
    `give ${flag('key')} cosign.pub (key-signed), or keyless from GitHub Actions ${flag('certificate-identity-regexp')} with the signing workflow's repository ("^https://github\\.com/ml-image-action/ml-image-action/" for the reusable workflow, else "^https://github\\.com/OWNER/REPO/") and ${flag('certificate-github-workflow-repository')} OWNER/REPO`,
  );
}

function requireFrom(raw: string | undefined, { prefix, flag }: FlagNaming): AttestationKind[] {
  if (given(raw) === undefined) return ['sbom', 'provenance'];
  const items = raw!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0)
    throw new InputError(
      `${prefix}${flag('require')}: no attestation named in ${JSON.stringify(raw)}`,
      `expected some of ${ATTESTATION_KINDS.join(', ')}, or none`,
    );
  if (items.length === 1 && items[0] === 'none') return [];
  // "none" is a word of its own: beside a kind it was called an unknown attestation, while the
  // fix offered it.
  if (items.includes('none'))
    throw new InputError(
      `${prefix}${flag('require')}: none (no attestation required) stands alone, got ${JSON.stringify(raw)}`,
      `give none alone, or some of ${ATTESTATION_KINDS.join(', ')}`,
    );
  const bad = items.filter((i) => !(ATTESTATION_KINDS as readonly string[]).includes(i));
  if (bad.length)
    throw new InputError(
      `${prefix}${flag('require')}: unknown attestation ${bad.join(', ')}`,
      `expected some of ${ATTESTATION_KINDS.join(', ')}, or none`,
    );
  return items as AttestationKind[];
}

function smokeFrom(raw: string | undefined, { prefix, flag }: FlagNaming): boolean {
  const v = given(raw);
  if (v === undefined) return false;
  if (v !== 'pass')
    throw new InputError(`${prefix}${flag('require-smoke')}: expected "pass", got ${JSON.stringify(raw)}`);
  return true;
}

/**
 * The default deadline of one verify. A key-signed two-platform image verifies in well under a
 * second (the built-in verifier, docs/performance.md); keyless runs cosign once per check, one at
 * a time, a few seconds each (Sigstore's TUF root, the registry's .sig/.att reads), so four
 * platforms' sixteen checks take about a minute at worst. 120 s leaves that twice over, and a
 * registry that accepts connections but never answers fails the gate in two minutes, not after
 * 30 s per registry request and 180 s per cosign run, one after the other, as before.
 */
export const VERIFY_TIMEOUT_DEFAULT_S = 120;
/** The longest deadline a verify takes (an hour: past that a gate is waiting on nothing). */
export const VERIFY_TIMEOUT_MAX_S = 3600;

/** --timeout SECONDS: a number above 0, at most VERIFY_TIMEOUT_MAX_S (fractions allowed). */
export function parseVerifyTimeout(raw: string | undefined, { prefix, flag }: FlagNaming): number {
  const v = given(raw);
  if (v === undefined) return VERIFY_TIMEOUT_DEFAULT_S;
  const seconds = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!(seconds > 0) || seconds > VERIFY_TIMEOUT_MAX_S)
    throw new InputError(
      `${prefix}${flag('timeout')}: expected seconds, a number above 0 and at most ${VERIFY_TIMEOUT_MAX_S}, got ${JSON.stringify(raw!.slice(0, 100))}`,
      `give how long the whole verify may take, e.g. ${flag('timeout')} ${VERIFY_TIMEOUT_DEFAULT_S} (the default)`,
    );
  return seconds;
}

/**
 * --platform OS/ARCH[/VARIANT] of a known OS and architecture: a typo (linux/arm46) is bad input
 * naming the flag, with the nearest platform a build builds, not a check that fails (exit 1) as a
 * well-formed platform the index does not hold is.
 */
function platformFrom(raw: string | undefined, { prefix, flag }: FlagNaming): string | undefined {
  const platform = given(raw);
  if (platform === undefined) return undefined;
  const got = JSON.stringify(platform.slice(0, 100));
  if (!/^[a-z0-9]+\/[a-z0-9_-]+(\/[a-z0-9.]+)?$/i.test(platform))
    throw new InputError(
      `${prefix}${flag('platform')}: expected OS/ARCH[/VARIANT] like linux/arm64, got ${got}`,
    );
  const unknown = unknownPlatformPart(platform);
  if (unknown === undefined) return platform;
  const hint = closestWord(platform, PLATFORMS);
  throw new InputError(
    `${prefix}${flag('platform')}: ${got} is not a platform an image is built for: ${unknown}${hint !== undefined ? ` (did you mean ${hint}?)` : ''}`,
    `give OS/ARCH[/VARIANT] of a known OS and architecture, e.g. ${hint ?? PLATFORMS.join(' or ')}`,
  );
}

/** The identity, policy and options of the verify flags; bad input names the flag (exit 2). */
export function parseVerifyFlags(values: VerifyFlags, naming: FlagNaming): VerifyRequest {
  const platform = platformFrom(values.platform, naming);
  return {
    identity: identityFrom(values, naming),
    policy: {
      require: requireFrom(values.require, naming),
      requireSmokePass: smokeFrom(values['require-smoke'], naming),
      requireGpuSmoke: values['require-gpu-smoke'] === true,
      minTflops: parseMinTflops(values['min-tflops'], `${naming.prefix}${naming.flag('min-tflops')}`),
    },
    ...(platform !== undefined && { platform }),
    tlog: values.tlog === true,
    timeoutSeconds: parseVerifyTimeout(values.timeout, naming),
  };
}
