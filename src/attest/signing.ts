// Which identity signs (pure): `sign: auto|key|keyless|off` with what the environment offers.
// Keyless needs GitHub's OIDC token (a job with `permissions: id-token: write`); a key comes from
// the `attest.key` file or COSIGN_KEY (its contents; cosign reads it as env://COSIGN_KEY, so the key
// never appears on a command line). Asking for a mode that cannot work is bad input (exit 2).
import path from 'node:path';
import type { AttestConfig } from '../config/attest.js';
import { asConfigProblem } from '../config/field-error.js';
import type { LoadedConfig } from '../config/load.js';
import { type SignIdentity, verifyAttestationArgs, type VerifyIdentity } from './cosign-args.js';
import { EnvironmentError, InputError } from '../errors.js';
import { onPath } from '../util/on-path.js';
import { isKeyReference, refuseKeyReferenceSecrets } from './verify-inputs.js';
import { MAX_KEY_FILE_BYTES } from './verify-inputs.js';
import { isEncryptedCosignKey } from './cosign-key.js';
import { readRegularText } from '../util/read-regular.js';
import { isOwnerRepo } from '../github/run.js';

/** The same identity cosign's argv builder takes. */
export type SigningIdentity = SignIdentity;

export interface SigningChoice {
  identity: SigningIdentity | null;
  /** One line for the log and the report: how it signs, or why it does not. */
  reason: string;
  /** Upload to the public transparency log (keyless always; a key only when asked). */
  tlog: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const hasOidc = (env: Env) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);

const OIDC_FIX =
  'give the job `permissions: id-token: write` (GitHub Actions), or sign with a key: `sign: key` and COSIGN_KEY / COSIGN_PASSWORD as secrets';
/** Off GitHub Actions (a laptop, another CI): a key is the way to sign; keyless needs an OIDC token. */
const LOCAL_KEY_FIX =
  'set COSIGN_KEY to the private key (cosign generate-key-pair) and COSIGN_PASSWORD to its password, or set attest.key to the key file; keyless signing needs a CI OIDC token (GitHub Actions: `permissions: id-token: write`)';
const KEY_FIX =
  'put the private key (cosign generate-key-pair) in the COSIGN_KEY secret and its password in COSIGN_PASSWORD, or set attest.key to the key file';
const COSIGN_FIX =
  'install cosign 2.x before this step (sigstore/cosign-installer, pinned by SHA, as the reusable workflow does)';

/** What the runner has for signing: cosign on PATH (keyless, KMS keys and the log need it). */
export interface SigningTools {
  cosign: boolean;
}

/** The runner's tools, from ENV's PATH. */
export const signingTools = (env: Env): SigningTools => ({ cosign: onPath('cosign', env) });

/**
 * The key to sign with: the config's file, else COSIGN_KEY; undefined when neither. The file is
 * read now: a missing one, one that is no regular file (a directory, a FIFO, a device) or no
 * encrypted cosign key is bad input before anything is built and pushed unsigned.
 */
function keyFrom(
  cfg: AttestConfig,
  env: Env,
  baseDir: string,
  tools: SigningTools,
): SigningIdentity | undefined {
  if (cfg.key !== undefined && isKeyReference(cfg.key)) {
    refuseKeyReferenceSecrets(cfg.key, 'attest.key:');
    // A KMS key (awskms://, gcpkms://, azurekms://, hashivault://) or a PKCS #11 token: cosign's.
    if (!tools.cosign)
      throw new EnvironmentError(
        `attest.key ${cfg.key} is a key that cosign signs with, and cosign is not on PATH`,
        COSIGN_FIX,
      );
    return { kind: 'key', key: cfg.key };
  }
  if (cfg.key !== undefined) return { kind: 'key', key: checkKeyFile(cfg.key, baseDir) };
  if (env.COSIGN_KEY?.trim()) return { kind: 'key', key: 'env://COSIGN_KEY' };
  return undefined;
}

/**
 * KEY (attest.key, a file path) read and checked now: a missing file, one that is no regular file
 * (a directory, a FIFO, a device) or no encrypted cosign private key is bad input naming the field,
 * quoting none of it. Anywhere, on a runner too: a private key belongs outside the repository (a
 * self-hosted runner's fixed path, a file an earlier step wrote), never in the build context.
 * Its absolute path.
 */
export function checkKeyFile(key: string, baseDir: string): string {
  const file = path.resolve(baseDir, key);
  const text = readRegularText(
    file,
    MAX_KEY_FILE_BYTES,
    (e) =>
      new InputError(
        e.code === 'ENOENT'
          ? `attest.key: no key file at ${file}`
          : `attest.key: ${file} ${e.code !== undefined ? `cannot be read (${e.code})` : e.reason}`,
        `${KEY_FIX} (the path is relative to the config file)`,
      ),
  );
  if (!isEncryptedCosignKey(text))
    throw new InputError(
      `attest.key: ${file} is not an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)`,
      'give the cosign.key file that "cosign generate-key-pair" wrote (its password in COSIGN_PASSWORD)',
    );
  return file;
}

/**
 * The config's attest.key checked before any work (validate; run before the registry is asked),
 * as the attest stage would read it: the error names the field and the config file's line. A key
 * reference (KMS, PKCS #11) is cosign's, refused only when it holds a secret; only sign key and
 * auto read the file (keyless and off never do: a release job's key file a pull request's keyless
 * run lacks is no problem).
 */
export function checkConfigKey(loaded: LoadedConfig): void {
  const { key, sign } = loaded.config.attest;
  if (key === undefined || (sign !== 'key' && sign !== 'auto')) return;
  if (isKeyReference(key)) asConfigProblem(loaded, () => refuseKeyReferenceSecrets(key, 'attest.key:'));
  else asConfigProblem(loaded, () => checkKeyFile(key, loaded.baseDir));
}

function describeKey(identity: SigningIdentity): string {
  return identity.kind === 'key' && identity.key === 'env://COSIGN_KEY'
    ? 'with the key in COSIGN_KEY'
    : `with the key file ${identity.kind === 'key' ? identity.key : ''}`;
}

/**
 * How this run signs. `auto`: a key configured in attest.key first (it was asked for by name);
 * else keyless when the job has an OIDC token, cosign is on PATH and attest.tlog is not false
 * (keyless signatures are logged in the public Rekor); else the key in COSIGN_KEY; else not at all,
 * saying why. `key` and `keyless` without what they need are bad input (exit 2), or an environment
 * problem (exit 3) when cosign, which they run, is not on PATH.
 */
export function chooseSigning(
  cfg: AttestConfig,
  env: Env,
  baseDir: string,
  tools: SigningTools = signingTools(env),
): SigningChoice {
  const keyTlog = cfg.tlog ?? false;
  const keyless = (note = ''): SigningChoice => ({
    identity: { kind: 'keyless' },
    reason: `signed keyless (GitHub OIDC, Sigstore)${note}`,
    tlog: true,
  });
  switch (cfg.sign) {
    case 'off':
      return { identity: null, reason: 'not signed: attest.sign is off', tlog: false };
    case 'keyless':
      if (!hasOidc(env))
        throw new InputError('attest.sign: keyless, but this job has no OIDC token', OIDC_FIX);
      if (cfg.tlog === false)
        throw new InputError(
          'attest.sign: keyless, but attest.tlog is false: keyless signatures are logged in the public Rekor log',
          'leave attest.tlog out with keyless, or sign with a key (sign: key) to keep the log out',
        );
      if (!tools.cosign)
        throw new EnvironmentError(
          'attest.sign is keyless, which cosign signs, and cosign is not on PATH',
          COSIGN_FIX,
        );
      return keyless();
    case 'key': {
      const key = keyFrom(cfg, env, baseDir, tools);
      if (!key)
        throw new InputError(
          'attest.sign: key, but there is no key (COSIGN_KEY is empty, attest.key unset)',
          KEY_FIX,
        );
      return { identity: key, reason: `signed ${describeKey(key)}`, tlog: keyTlog };
    }
    case 'auto': {
      const signedWith = (key: SigningIdentity, note = ''): SigningChoice => ({
        identity: key,
        reason: `signed ${describeKey(key)}${note}`,
        tlog: keyTlog,
      });
      if (cfg.key !== undefined) return signedWith(keyFrom(cfg, env, baseDir, tools)!);
      const oidc = hasOidc(env);
      if (oidc && cfg.tlog !== false && tools.cosign)
        return keyless(
          env.COSIGN_KEY?.trim() ? ' (COSIGN_KEY is set and not used: sign: key signs with it)' : '',
        );
      // Why an OIDC token was not used, when there is one.
      const notKeyless = !oidc
        ? undefined
        : cfg.tlog === false
          ? 'attest.tlog is false, and keyless signatures are logged in the public Rekor log'
          : `keyless signing runs cosign, which is not on PATH (${COSIGN_FIX})`;
      const key = keyFrom(cfg, env, baseDir, tools);
      if (key) return signedWith(key, notKeyless ? ` (not keyless: ${notKeyless})` : '');
      return {
        identity: null,
        reason: notKeyless
          ? `not signed: ${notKeyless}; and no key (${KEY_FIX}); the attestations are written to the result directory only`
          : `not signed: no OIDC token and no key (${env.GITHUB_ACTIONS === 'true' ? OIDC_FIX : LOCAL_KEY_FIX}); the attestations are written to the result directory only`,
        tlog: false,
      };
    }
  }
}

/** The OIDC issuer of GitHub Actions' tokens (what keyless signatures from a workflow carry). */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** Quote one shell word when it needs it (the command is shown for copying, never run by us). */
const shellWord = (w: string) => (/^[A-Za-z0-9_./:=@,+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

const ownerRepo = (r: string | undefined) => (r !== undefined && isOwnerRepo(r) ? r : undefined);
const reEscape = (r: string) => r.replace(/\./g, '\\.');

/** A branch or tag ref a shown command can pin as it is (the renderer keeps only plain words). */
const pinnableRef = (r: string | undefined) =>
  r !== undefined && /^refs\/(?:heads|tags)\/[A-Za-z0-9._/-]{1,200}$/.test(r) ? r : undefined;

/**
 * The `cosign verify-attestation` command that checks one attestation: the public key is named
 * cosign.pub (the verifier holds it). Keyless: a workflow of RUN.workflowRepository signed (the
 * certificate's identity is the signing workflow file: a reusable workflow's own, in its own
 * repository; default RUN.repository), in a run of RUN.repository (the workflow-repository extension), on
 * RUN.workflowRef (GITHUB_REF of the signing run: refs/heads/main, refs/tags/v1.2.3; the workflow-ref
 * extension), so that a run of another branch's workflow, which could sign too, does not pass.
 */
export function verifyCommand(
  ref: string,
  cosignType: string,
  identity: SigningIdentity,
  tlog: boolean,
  run: {
    repository?: string | undefined;
    workflowRepository?: string | undefined;
    workflowRef?: string | undefined;
  },
): string {
  const repo = ownerRepo(run.repository) ?? 'OWNER/REPO';
  const signer = ownerRepo(run.workflowRepository) ?? repo;
  const gitRef = pinnableRef(run.workflowRef);
  const verifier: VerifyIdentity =
    identity.kind === 'key'
      ? { kind: 'key', publicKey: 'cosign.pub' }
      : {
          kind: 'keyless',
          certificateIdentityRegexp: `^https://github\\.com/${reEscape(signer)}/\\.github/workflows/`,
          certificateOidcIssuer: GITHUB_ISSUER,
          certificateGithubWorkflowRepository: repo,
          ...(gitRef !== undefined && { certificateGithubWorkflowRef: gitRef }),
        };
  const argv = verifyAttestationArgs(ref, cosignType, verifier, { tlog }).filter(
    (a, i, all) => a !== '--output' && all[i - 1] !== '--output',
  );
  return ['cosign', ...argv].map(shellWord).join(' ');
}
