// docker/build-push-action's list inputs: the types they become, and the small parsers the build
// inputs share (the list reader itself, parseBpaList, is config/bpa-list.ts).
import { csvFields, specAttrs } from '../config/bpa-list.js';
import { credentialInValue } from '../config/build-args.js';
import { parseBooleanInput } from '../config/inputs.js';
import { InputError } from '../errors.js';
import { imageRefProblem, isTag } from '../oci/ref.js';
import { redactEnvValue } from '../util/redact.js';
import { unknownCacheType } from './cache-types.js';

/** An OCI annotation as buildx takes it: `[type[,type...][platform]:]key=value`. */
export interface Annotation {
  /** manifest, index, manifest-descriptor, index-descriptor (none given: manifest, as buildx). */
  types: string[];
  /** `[linux/amd64]` after the types, as given (without brackets). */
  platform?: string;
  key: string;
  value: string;
}

export interface BuildInputOptions {
  /** Full image references (metadata-action's `tags` output), before the per-variant rule. */
  tags?: string[];
  /** OCI labels that replace the plan's labels of the same key. */
  labels?: Record<string, string>;
  annotations?: Annotation[];
  /** `secrets`: id -> value, mounted from a 0600 file (`--secret id=ID,src=FILE`). */
  secrets?: Record<string, string>;
  /** `secret-envs`: id -> environment variable name (`--secret id=ID,env=NAME`). */
  secretEnvs?: Record<string, string>;
  /** CSV cache specs passed as given; they replace the per-variant cache. */
  cacheFrom?: string[];
  cacheTo?: string[];
  target?: string;
  /** A buildx builder name (`--builder NAME`). */
  builder?: string;
  noCache?: boolean;
  /** `--sbom=true|false` (BuildKit's SBOM attestation, besides the attest stage's own). */
  sbom?: boolean;
  /** Also load the built image into the engine when pushing. */
  load?: boolean;
  /** `secret-files`: id -> absolute path of an existing file (`--secret id=ID,src=PATH`). */
  secretFiles?: Record<string, string>;
  /** `ssh`: `default`, `default=SOCKET` or `ID=PATH[,PATH]` items (`--ssh`). */
  ssh?: string[];
  /** `build-contexts`: name -> path, URL or `docker-image://REF` (`--build-context NAME=VALUE`). */
  buildContexts?: Record<string, string>;
  /** `outputs`: extra exporters (local, tar, oci, docker with dest), `{variant}`/`{arch}` in dest. */
  outputs?: string[];
  /** `attests`: `--attest` specs (type=sbom,... and other types; provenance has its own input). */
  attests?: string[];
  /** `add-hosts`: `HOST:IP` or `HOST=IP` (`--add-host`). */
  addHosts?: string[];
  /** `shm-size`: /dev/shm of RUN steps (`--shm-size`, e.g. 2g). */
  shmSize?: string;
  /** `ulimit`: `TYPE=SOFT[:HARD]` (`--ulimit`). */
  ulimits?: string[];
  /** `allow`: extra entitlements (`--allow network.host`, `security.insecure`). */
  allow?: string[];
  /** `cgroup-parent`: the parent cgroup of RUN steps (`--cgroup-parent`). */
  cgroupParent?: string;
  /** `no-cache-filters`: stages built without the cache (`--no-cache-filter`). */
  noCacheFilters?: string[];
}

/**
 * `KEY=VALUE` split at the first `=`; both sides non-empty (BPA's parseSecretKvp), or with
 * EMPTY_VALUE a `KEY=` too: a label or annotation docker/metadata-action writes for a repository
 * without a description or license (`org.opencontainers.image.description=`), as buildx takes it.
 */
export function keyValue(
  input: string,
  item: string,
  what: string,
  { emptyValue = false }: { emptyValue?: boolean } = {},
): [string, string] {
  const at = item.indexOf('=');
  const key = at > 0 ? item.slice(0, at).trim() : '';
  const value = at > 0 ? item.slice(at + 1) : '';
  if (key === '' || (value === '' && !emptyValue))
    throw new InputError(
      `input "${input}": ${JSON.stringify(redactValue(input, item))} is not ${what}`,
      `write one ${what} a line`,
    );
  return [key, value];
}

/** A secret value never goes into an error message. */
function redactValue(input: string, item: string): string {
  if (input !== 'secrets') return item;
  const at = item.indexOf('=');
  return at < 0 ? '***' : `${item.slice(0, at)}=***`;
}

const ANNOTATION_TYPES = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];

/** `index,manifest[linux/amd64]:key=value`, `manifest:key=value` or `key=value` (type manifest). */
export function parseAnnotation(item: string): Annotation {
  const [keyPart, value] = keyValue('annotations', item, 'an annotation (KEY=VALUE)', { emptyValue: true });
  const m = /^(?:([a-z,-]+)(?:\[([^\]]+)\])?:)?([^:=]+)$/.exec(keyPart);
  const types = m?.[1]?.split(',') ?? [];
  const bad = types.filter((t) => !ANNOTATION_TYPES.includes(t));
  if (!m || bad.length > 0)
    throw new InputError(
      `input "annotations": ${JSON.stringify(item)} has ${bad.length ? `an unknown type ${bad.join(', ')}` : 'no valid key'}`,
      `write [TYPE:]KEY=VALUE, TYPE one of ${ANNOTATION_TYPES.join(', ')} (comma-separated)`,
    );
  if (types.includes('index-descriptor'))
    throw new InputError(
      `input "annotations": ${JSON.stringify(`${keyPart}=...`)}: index-descriptor annotates the descriptor of an index in an OCI layout's index.json, which this action never writes (it pushes each platform's image, then merges them into a list in the registry): the annotation would be dropped`,
      'use index: to annotate the merged multi-arch list, or manifest: (the default) for each platform image',
    );
  return { types, ...(m[2] !== undefined && { platform: m[2] }), key: m[3]!.trim(), value };
}

/** The annotation as buildx writes it on the command line. */
export function annotationArg(a: Annotation): string {
  const prefix = a.types.length ? `${a.types.join(',')}${a.platform ? `[${a.platform}]` : ''}:` : '';
  return `${prefix}${a.key}=${a.value}`;
}

/**
 * What a per-platform build takes of an annotation: its manifest and manifest-descriptor types (none
 * given: manifest, as buildx), or undefined when it has neither. BuildKit refuses an index type on a
 * single-platform export ("index annotations not supported for single platform export"), so
 * `index,manifest:k=v` gives each build `manifest:k=v`; the merge applies `index:k=v`
 * (indexAnnotations).
 */
export function manifestPart(a: Annotation): Annotation | undefined {
  if (a.types.length === 0) return a;
  const types = a.types.filter((t) => t === 'manifest' || t === 'manifest-descriptor');
  return types.length === 0 ? undefined : { ...a, types };
}

/**
 * The type of a `cache-from` / `cache-to` spec as buildx reads it (buildflags.ParseCacheEntry): a
 * spec without `=` is image references (registry cache), else the `type=` of specAttrs. Whether a
 * run may write a cache turns on this type, so a spec buildx could read as another type (a key
 * given twice: buildx takes the last `type=`; a line break) is refused, as is one without a type
 * or of a type that is no cache backend (cache-types.ts).
 */
export function cacheSpecType(input: 'cache-from' | 'cache-to', spec: string): string {
  if (!spec.includes('=') && !/[\r\n]/.test(spec)) {
    // Image references, as ref= of a registry cache: no login on the command line either.
    if (csvFields(spec).some(holdsLogin)) throw cacheLogin(input);
    return 'registry';
  }
  // Before any message quotes the spec: a ',' inside a value splits it (ref=user:pa,ss@host/o/cache),
  // and the rest of a password is then a field without '=' (which buildx refuses, quoting it) or a
  // field whose value holds the '@' of the login. Neither is quoted, whatever else is wrong.
  const fields = csvFields(spec.replace(/[\r\n]+/g, ' '));
  if (fields.some((f) => !f.includes('=')))
    throw new InputError(
      `input "${input}": a spec holds a field without '=' (buildx takes KEY=VALUE fields only; a ',' inside a value splits it, a password's too); not quoted: the rest of a split password would be on buildx's command line and in its error`,
      `write one spec a line, each field KEY=VALUE, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE; ${LOGIN_FIX}`,
    );
  const { attrs, problem } = specAttrs(spec);
  const type = attrs.get('type');
  if (fields.some(loginInField)) throw cacheLogin(input);
  if (problem === undefined && type) {
    const unknown = unknownCacheType(input, type);
    if (unknown !== undefined) throw unknown;
    checkCacheCredentials(input, spec, type, attrs);
    return type;
  }
  throw new InputError(
    `input "${input}": ${JSON.stringify(shownSpec(spec))} ${problem ?? 'has no type='}`,
    'write one spec a line, each key once, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE',
  );
}

/**
 * The keys of buildx's cache backends (registry, inline, local, gha, s3, azblob): a value of one
 * of them may hold an '@' (a gha scope of a branch named feat@v2, a local path, an s3 name); a URL's
 * login there is refused by checkCacheCredentials, naming its key.
 */
const CACHE_KEYS = new Set(
  `type ref mode oci-mediatypes image-manifest compression compression-level force-compression ignore-error src dest digest tag scope url url_v2 token timeout repository ghtoken region bucket name prefix blobs_prefix manifests_prefix endpoint_url use_path_style access_key_id secret_access_key session_token upload_parallelism touch_refresh account_url store`.split(
    ' ',
  ),
);

/**
 * A KEY=VALUE field with a login's '@': a ref= that is no digest reference (ref=user:pw@host/o/c),
 * or a key no cache backend has, which is the rest of a password a ',' split off
 * (ref=user:pa,ss=rd@host/o/c).
 */
function loginInField(field: string): boolean {
  const at = field.indexOf('=');
  const key = field.slice(0, at).trim().toLowerCase();
  const value = field.slice(at + 1);
  return value.includes('@') && (key === 'ref' ? holdsLogin(value) : !CACHE_KEYS.has(key));
}

/** Cache keys whose value is a credential: s3's and azblob's secret key, s3's session token, gha's token. */
const CACHE_SECRET_KEYS = new Set(['secret_access_key', 'session_token', 'token']);

/** Where the builder takes a cache backend's credentials from when the spec gives none. */
const CACHE_CREDENTIALS_ELSEWHERE: Readonly<Record<string, string>> = {
  s3: 'leave access_key_id, secret_access_key and session_token out: buildx reads the AWS credentials of its environment or ~/.aws (aws-actions/configure-aws-credentials sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN for the job)',
  azblob:
    "leave secret_access_key out: BuildKit then signs in with the Azure credentials of the builder's own environment (AZURE_* variables, a managed identity)",
  gha: "leave token and url out: buildx takes the runner's own (ACTIONS_RUNTIME_TOKEN and ACTIONS_CACHE_URL, which this action's step has)",
};

/**
 * A credential in a cache spec (a key of CACHE_SECRET_KEYS, or a value credentialInValue knows: a
 * URL's login, a token by its shape) is refused: the spec is on buildx's command line, which any
 * user of the machine can read, and in the build's log. The message never holds the value.
 */
function checkCacheCredentials(
  input: 'cache-from' | 'cache-to',
  spec: string,
  type: string,
  attrs: ReadonlyMap<string, string>,
): void {
  const key = [...attrs.keys()].find((k) => CACHE_SECRET_KEYS.has(k));
  const why =
    key !== undefined
      ? `gives ${key}=`
      : [...attrs.values()].map((v) => credentialInValue(v)).find((w) => w !== undefined);
  if (why === undefined) return;
  throw new InputError(
    `input "${input}": ${JSON.stringify(shownSpec(spec))}: ${why}; a cache spec is on buildx's command line, which any user of the machine can read, and in the build's log`,
    CACHE_CREDENTIALS_ELSEWHERE[type] ??
      'give the builder its credentials another way (its environment, a credentials file), not in the spec',
  );
}

/** A registry cache reference with a login: refused, the spec never quoted. */
const cacheLogin = (input: 'cache-from' | 'cache-to') =>
  new InputError(
    `input "${input}": a registry cache reference or spec value holds a login (an '@' not before a digest: USER:PASSWORD@ before the registry); a cache spec is on buildx's command line, which any user of the machine can read, and in the build's log`,
    `${LOGIN_FIX}: buildx reads the registry's credentials from Docker's config`,
  );

/** A `KEY=VALUE,...` spec for an error: the value of a key that names a secret (token=) masked. */
function shownSpec(spec: string): string {
  return csvFields(spec.replace(/[\r\n]+/g, ' '))
    .map((f) => {
      const at = f.indexOf('=');
      if (at < 0) return redactEnvValue('', f);
      const key = f.slice(0, at);
      return `${redactEnvValue('', key)}=${redactEnvValue(key, f.slice(at + 1))}`;
    })
    .join(',');
}

/** A build-push-action boolean input (parseBooleanInput); undefined when it is blank (not set). */
export const parseBool = (input: string, raw: string): boolean | undefined =>
  raw.trim() === '' ? undefined : parseBooleanInput(input, raw);

/** A secret id as buildx accepts it. */
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

/**
 * How BPA reads a multi-line `secrets` value: one CSV field in double quotes that runs over lines
 * (actions-toolkit's getInputList, config/bpa-list.ts).
 */
const SECRETS_FIX =
  'write one ID=VALUE a line; put a multi-line value in double quotes from before its ID to after its last line ("ID=line1<newline>line2", a " inside it doubled), as docker/build-push-action reads it';

export function secretMap(
  input: string,
  items: readonly string[],
  what: string,
  warn: (message: string) => void = () => undefined,
): Record<string, string> {
  if (input === 'secrets') return valueSecrets(items, what, warn);
  // No prototype: an id `__proto__` (letters and _) is a key like any other, never dropped.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const [id, value] = keyValue(input, item, what);
    if (!SECRET_ID.test(id) || /^\.+$/.test(id))
      throw new InputError(
        `input "${input}": secret id ${JSON.stringify(id)} may hold only letters, digits, _ . - (and is not . or ..)`,
      );
    if (Object.hasOwn(out, id))
      throw new InputError(`input "${input}": secret id ${id} is given twice`, 'give each secret id once');
    out[id] = value;
  }
  return out;
}

/**
 * An id that reads as a name (HF_TOKEN, npm_token, s2, myToken), not as base64 text: a line after
 * the first that ends with one "=" (`V1Y5Cg=`, the last line of an unquoted base64 value) would
 * else be skipped as an empty secret and the value before it mounted cut short.
 */
const nameLike = (id: string) => !(/[a-z]/.test(id) && /[A-Z]/.test(id) && /\d/.test(id));

/**
 * The `secrets` input: id -> value. An error names the item by its position and never shows its
 * text: a line of an unquoted multi-line value (a PEM key, a JSON key file) reads as an item of its
 * own, so an item's "id" may be part of a secret. Such a line after a good item is said to be one.
 */
function valueSecrets(
  items: readonly string[],
  what: string,
  warn: (message: string) => void,
): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const itemOf = new Map<string, number>();
  items.forEach((item, i) => {
    const at = item.indexOf('=');
    const id = at > 0 ? item.slice(0, at).trim() : '';
    const value = at > 0 ? item.slice(at + 1) : '';
    // `ID=` with nothing after it: a secret the run does not have (`${{ secrets.X }}` on a fork's
    // or Dependabot's run is empty). Skipped with a warning, as docker/build-push-action does; the
    // item is named by its place only (a line of an unquoted base64 text may end with "=").
    if (id !== '' && value === '' && SECRET_ID.test(id) && !/^\.+$/.test(id) && (i === 0 || nameLike(id))) {
      warn(
        `input "secrets": item ${i + 1} has an empty value (a secret this run does not have, as \${{ secrets.NAME }} is on a fork's run?): not mounted, as docker/build-push-action skips it`,
      );
      return;
    }
    const problem =
      id === '' || value === ''
        ? `is not ${what}`
        : // `"gcp={"type": ...}"`: text after the closing quote, so the quotes are kept (csv-parse).
          id.startsWith('"')
          ? 'starts with a quote that text follows after its closing quote, so the quotes are kept as written (a " inside a quoted value is written "")'
          : !SECRET_ID.test(id) || /^\.+$/.test(id)
            ? 'has an id with characters other than letters, digits, _ . - (or is . or ..)'
            : // `AbCd12==`, the last line of a base64 value, would be id AbCd12 with the value "=".
              /^\s*=+\s*$/.test(value)
              ? 'has a value of only "=" (the end of a base64 text?)'
              : undefined;
    const first = itemOf.get(id);
    if (problem === undefined && first !== undefined)
      throw new InputError(
        `input "secrets": item ${i + 1} gives the secret id of item ${first} again`,
        'give each secret id once',
      );
    if (problem === undefined) {
      itemOf.set(id, i + 1);
      out[id] = value;
      return;
    }
    const multiLine =
      i > 0 && !id.startsWith('"')
        ? '; it looks like a line of a multi-line value, which must be quoted as in docker/build-push-action'
        : '';
    throw new InputError(`input "secrets": item ${i + 1} ${problem}${multiLine}`, SECRETS_FIX);
  });
  return out;
}

/**
 * A digest after a reference's last '@', as Docker's reference grammar takes it (algorithm, then an
 * encoded part of 32 hex digits or more): never a registry's host:port or host:tag after a login
 * (`user:pw@registry.local:5000`, `TOKEN@registry.example.com:latest`).
 */
const DIGEST_TAIL = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const LOGIN_FIX =
  'log in with docker/login-action (or docker login) and give the reference as REGISTRY/NAME:TAG';

/**
 * Whether an image reference holds a login (USER:PASSWORD@, TOKEN@, a scheme's): any '@' but one
 * before a digest (NAME@sha256:...). A password may hold '/' and ':', so where the first '/' is
 * says nothing.
 */
function holdsLogin(ref: string): boolean {
  const at = ref.lastIndexOf('@');
  if (at < 0) return false;
  return ref.indexOf('@') !== at || !DIGEST_TAIL.test(ref.slice(at + 1));
}

/** `ghcr.io/o/r:1.2.0` (a tag without `:TAG` means `:latest`, as docker reads it). */
export function splitTagRef(ref: string): { repository: string; tag: string } {
  // USER:PASSWORD@ before the registry: never quoted (a password), said as what it is.
  if (holdsLogin(ref))
    throw new InputError(
      `input "tags": a tag holds a login (an '@' not before a digest: USER:PASSWORD@ before the registry); a tag never carries credentials`,
      LOGIN_FIX,
    );
  if (ref.includes('@'))
    throw new InputError(
      `input "tags": ${JSON.stringify(ref)} is a digest reference`,
      'tags are NAME:TAG; the digest is an output',
    );
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const [repository, tag] = colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
  // Docker's reference grammar (src/oci/ref.ts), as for every other image reference.
  // A NAME:TAG would pass the grammar as a name: a second tag is refused here.
  const problem = repository.slice(repository.lastIndexOf('/') + 1).includes(':')
    ? 'more than one tag'
    : imageRefProblem(repository);
  if (problem !== undefined)
    throw new InputError(
      `input "tags": ${JSON.stringify(ref)} is not a valid image name (lowercase REPOSITORY:TAG): ${problem}`,
    );
  if (!isTag(tag))
    throw new InputError(`input "tags": ${JSON.stringify(ref)} has an invalid tag ${JSON.stringify(tag)}`);
  return { repository, tag };
}
