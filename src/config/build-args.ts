// What build.args may hold: they end up in the image history (`docker history --no-trunc`) for
// anyone who can pull the image, so a credential is refused where the config is read (the plan, the
// action's config output), not only when the build starts. What a credential in a value is, is the
// rule a requirements file's URLs are judged by (requirements/credentials.ts literalCredentials):
// a placeholder (`<token>`, `YOUR_KEY`), a mask, a whole `${NAME}` or a short value is none. Pure.
import type { z } from 'zod';
import { literalCredentials } from '../requirements/credentials.js';
import { holdsToken, redactText } from '../util/redact.js';
import { writtenCredential } from '../util/written-credential.js';
import { printable } from '../util/text.js';

/**
 * A build-arg name that says it holds a credential or an index URL: the keys that are credentials
 * by name, also without "_" (APIKEY, HFKEY), at the name's end (SIGNING_KEY, not
 * PKG_SIGNING_KEY_URL); a password also as PWD at the end (DB_PWD, MYSQL_ROOT_PWD); PASS and PAT
 * only as words of their own. Any other `<word>_KEY`: KEY_NAME.
 */
const SECRET_ARG_NAME = new RegExp(
  [
    'TOKEN|PASSW(?:OR)?D|PASSPHRASE|SECRET|CREDENTIAL|CREDS|INDEX_URL|NETRC|COOKIE',
    '(?:API|ACCESS|PRIVATE|SSH|SIGNING|ENCRYPTION|LICEN[CS]E|MASTER|WANDB|HF|OPENAI)_?KEY$',
    '_PWD$',
    '(?:^|_)(?:AUTH|AUTHORIZATION|PASS|PAT|SESSION(?:_?ID)?)(?:$|_)',
  ].join('|'),
  'i',
);
/**
 * Any `<word>_KEY` is a credential's name too (AZURE_STORAGE_KEY, KAGGLE_KEY, NGC_KEY), as any KEY
 * is to the shared redaction rules' secretName (images/probe/redaction-rules.json), but only at
 * the name's end (SSH_KEYSCAN_HOSTS, HF_KEYWORD, NVIDIA_GPGKEY_FPR are none), and not the few
 * common ones that hold no secret (NON_SECRET_KEY_NAME).
 */
const KEY_NAME = /_KEY$/i;
/**
 * `<word>_KEY` names that hold no secret: a cache key (CCACHE_KEY, SCCACHE_KEY too), a sort key, a
 * GPG key's id (GPG_KEY, as the official Python images set it), a public key, a table's partition,
 * primary or foreign key, an object store's object key (S3_KEY, MODEL_S3_KEY), a hash, shard or
 * routing key, a model's key in a registry or hub.
 */
const NON_SECRET_KEY_NAME = new RegExp(
  [
    'CACHE_KEY$',
    '(?:^|_)(?:SORT|GPG|PUBLIC|PUB|PARTITION|PRIMARY|FOREIGN|COMPOSITE|LOOKUP|S3|OBJECT|BLOB|BUCKET|HASH|SHARD|ROUTING|DEDUPE?|IDEMPOTENCY|MODEL)_KEY$',
  ].join('|'),
  'i',
);
/**
 * Credentials by their shape the shared patterns do not hold (their message would quote the
 * value around the token, and a key block is all secret): a PEM private key block (RSA, EC,
 * OPENSSH, ENCRYPTED, PGP ...).
 */
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/**
 * A URL with userinfo (user:password@ or token@); `git@` (SSH's fixed user) is no secret. The
 * scheme is bounded as the shared redaction rule's is: a long value is scanned in linear time.
 */
const URL_USERINFO = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/(?!git@)[^\s/@]+@/;
/** What a Dockerfile's ARG (BuildKit's variable names) can be. */
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where a credential goes instead. */
export const BUILD_ARGS_FIX =
  'pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls';

/** Why build arg NAME=VALUE is refused (a credential, by its name or value), or undefined. */
export function buildArgSecretProblem(name: string, value: string): string | undefined {
  const why =
    SECRET_ARG_NAME.test(name) || (KEY_NAME.test(name) && !NON_SECRET_KEY_NAME.test(name))
      ? 'its name says it holds a credential or an index URL'
      : credentialInValue(value);
  return why === undefined ? undefined : `${why}; build arguments are recorded in the image history`;
}

/**
 * Why VALUE (of a build arg, a label, an annotation: text anyone who pulls the image reads) holds
 * a credential: URL credentials, a token by its shape, or what the shared rules mask in a URL and
 * a requirements file may not hold literally (literalCredentials, as in a comment: a login's
 * secret, also percent-encoded; the value of a query or fragment parameter named for a secret,
 * `?token=`, `&sig=`, `X-Amz-Signature=`; an Anaconda host's `/t/<token>/`), or a credential
 * written in a form of its own that the logs mask (util/written-credential.ts: a connection
 * string's `Password=`, an Authorization header's, `api_key=`); undefined when it does not. The
 * message names what, never the value.
 */
export function credentialInValue(value: string): string | undefined {
  if (PEM_PRIVATE_KEY.test(value)) return 'its value holds a PEM private key block';
  if (URL_USERINFO.test(value))
    return 'its value carries URL credentials (user:password@ or token@ before the host)';
  if (holdsToken(value)) return `its value holds a token (${redactText(value).slice(0, 200)})`;
  const found = literalCredentials(value, false)[0];
  if (found) return `its value holds ${found.what}`;
  // What the logs mask by its form: the gate refuses it too, so no such value reaches the image.
  const written = writtenCredential(value);
  return written && `its value holds ${written}`;
}

/** Why NAME cannot be a build argument's name, or undefined. */
export function buildArgNameProblem(name: string): string | undefined {
  if (!ARG_NAME.test(name))
    return `${printable(JSON.stringify(name))} is not a build argument name: letters, digits and _, not starting with a digit`;
  if (PLAN_BUILD_ARGS.has(name))
    return `${name} is set by the plan (the variant's base image, Python, torch or CUDA, which the resolver checked and the labels and attestations name): choose them in variants, not build.args`;
  return undefined;
}

/**
 * The build args the plan sets for the templates (src/plan/plan.ts buildArgsOf) and the build stage
 * adds (ML_IMAGE_INPUTS_SHA256): one in build.args would build another image than the one planned,
 * resolved against and attested (`FROM ${BASE_IMAGE}`).
 */
export const PLAN_BUILD_ARGS: ReadonlySet<string> = new Set([
  'BASE_IMAGE',
  'PYTHON_VERSION',
  'ML_IMAGE_VARIANT',
  'TORCH_VERSION',
  'TORCH_INDEX_URL',
  'ML_IMAGE_CUDA',
  'ML_IMAGE_INPUTS_SHA256',
]);

/** The largest user ID the templates' `useradd --uid` takes ((uid_t)-1 is no user's). */
const MAX_UID = 4294967294;

/**
 * Why VALUE cannot be build arg NAME of the templates (images/), which declare one a config may set
 * besides the plan's: APP_UID, app's user ID (`useradd --uid`): a decimal number. Anything else
 * failed inside the build, after the resolve stage. Undefined when it can (or NAME is no such arg).
 */
export function templateArgProblem(name: string, value: string): string | undefined {
  if (name !== 'APP_UID') return undefined;
  if (/^(?:0|[1-9]\d{0,9})$/.test(value) && Number(value) <= MAX_UID) return undefined;
  return `${printable(JSON.stringify(value.slice(0, 40)))} is not a user ID: the templates create app with useradd --uid APP_UID, a decimal number from 0 to ${MAX_UID}`;
}

/** templateArgProblem's issues of build.args ARGS, each at its path (build.args.NAME). */
export function templateArgIssues(args: Readonly<Record<string, string>>, ctx: z.RefinementCtx): void {
  for (const [name, value] of Object.entries(args)) {
    const message = templateArgProblem(name, value);
    if (message) ctx.addIssue({ code: 'custom', path: ['args', name], input: value, message });
  }
}
