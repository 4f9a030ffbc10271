// The action inputs that docker/build-push-action (BPA) users already pass, with BPA's names and
// list semantics (docker/actions-toolkit Util.getInputList): `tags`, `labels`, `annotations`,
// `secrets`, `secret-envs`, `cache-from`, `cache-to`, `target`, `builder`, `no-cache`, `sbom`, `load`.
// (`build-args`, `pull`, `provenance`, `platforms` and `push` override config keys: config/inputs.ts.)
// Parsed once at the edge into BuildInputOptions; the plan and the buildx argv take them from there.
import { InputError } from '../errors.js';
import type { Plan, VariantPlan } from '../plan/plan.js';

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
}

/** The names of the inputs read here (action.yml declares each). */
export const BUILD_INPUTS = [
  'tags',
  'labels',
  'annotations',
  'secrets',
  'secret-envs',
  'cache-from',
  'cache-to',
  'target',
  'builder',
  'no-cache',
  'sbom',
  'load',
] as const;

/**
 * The records of a CSV text as csv-parse reads them (columns: false, relaxQuotes): records end at a
 * newline outside quotes, fields at a comma; a field that starts with `"` runs to the closing quote
 * (newlines and commas included, `""` is a quote); a quote anywhere else is a plain character.
 * Empty lines are skipped.
 */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      let j = i + 1;
      let quoted = '';
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j++;
          } else break;
        } else quoted += text[j];
      }
      field = quoted;
      i = j + 1;
      // Text after the closing quote stays in the field (relaxQuotes).
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += c;
    i++;
  }
  endRecord();
  return records;
}

/**
 * BPA's list inputs (actions-toolkit Util.getInputList): the input is CSV, one record a line, and a
 * quoted field may span lines (`"KEY=line1\nline2"`, its quotes removed). With ignoreComma (labels,
 * annotations, build-args, secrets, cache specs) a record's fields are joined back with commas;
 * without it (tags, platforms, secret-envs) each field is an item. Blank items are dropped, items
 * trimmed unless `trim` is false (secrets keep their whitespace, as BPA's).
 */
export function parseBpaList(raw: string, opts: { ignoreComma: boolean; trim?: boolean }): string[] {
  const text = opts.trim === false ? raw : raw.trim();
  if (text === '') return [];
  const out: string[] = [];
  for (const record of csvRecords(text)) {
    if (record.length === 1) out.push(...(opts.ignoreComma ? record : record[0]!.split(',')));
    else if (!opts.ignoreComma) out.push(...record);
    else out.push(record.join(','));
  }
  return out.map((s) => (opts.trim === false ? s : s.trim())).filter((s) => s !== '');
}

/** `KEY=VALUE` split at the first `=`; both sides non-empty (BPA's parseSecretKvp). */
function keyValue(input: string, item: string, what: string): [string, string] {
  const at = item.indexOf('=');
  const key = at > 0 ? item.slice(0, at).trim() : '';
  const value = at > 0 ? item.slice(at + 1) : '';
  if (key === '' || value === '')
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
  const [keyPart, value] = keyValue('annotations', item, 'an annotation (KEY=VALUE)');
  const m = /^(?:([a-z,-]+)(?:\[([^\]]+)\])?:)?([^:=]+)$/.exec(keyPart);
  const types = m?.[1]?.split(',') ?? [];
  const bad = types.filter((t) => !ANNOTATION_TYPES.includes(t));
  if (!m || bad.length > 0)
    throw new InputError(
      `input "annotations": ${JSON.stringify(item)} has ${bad.length ? `an unknown type ${bad.join(', ')}` : 'no valid key'}`,
      `write [TYPE:]KEY=VALUE, TYPE one of ${ANNOTATION_TYPES.join(', ')} (comma-separated)`,
    );
  return { types, ...(m[2] !== undefined && { platform: m[2] }), key: m[3]!.trim(), value };
}

/** The annotation as buildx writes it on the command line. */
export function annotationArg(a: Annotation): string {
  const prefix = a.types.length ? `${a.types.join(',')}${a.platform ? `[${a.platform}]` : ''}:` : '';
  return `${prefix}${a.key}=${a.value}`;
}

/** An annotation of the image index (the merged multi-arch manifest list). */
export const isIndexAnnotation = (a: Annotation) =>
  a.types.some((t) => t === 'index' || t === 'index-descriptor');
/** An annotation of the per-platform image (manifest; the default when no type is given). */
export const isManifestAnnotation = (a: Annotation) =>
  a.types.length === 0 || a.types.some((t) => t === 'manifest' || t === 'manifest-descriptor');

function parseBool(input: string, raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '') return undefined;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new InputError(`input "${input}": expected true or false, got ${JSON.stringify(raw)}`);
}

/** A secret id as buildx accepts it. */
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

function secretMap(input: string, items: readonly string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const [id, value] = keyValue(input, item, what);
    if (!SECRET_ID.test(id) || /^\.+$/.test(id))
      throw new InputError(
        `input "${input}": secret id ${JSON.stringify(id)} may hold only letters, digits, _ . - (and is not . or ..)`,
      );
    out[id] = value;
  }
  return out;
}

/** `ghcr.io/o/r:1.2.0` (a tag without `:TAG` means `:latest`, as docker reads it). */
export function splitTagRef(ref: string): { repository: string; tag: string } {
  if (ref.includes('@'))
    throw new InputError(
      `input "tags": ${JSON.stringify(ref)} is a digest reference`,
      'tags are NAME:TAG; the digest is an output',
    );
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const [repository, tag] = colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
  if (
    !/^[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(
      repository,
    )
  )
    throw new InputError(
      `input "tags": ${JSON.stringify(ref)} is not a valid image name (lowercase REPOSITORY:TAG)`,
    );
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag))
    throw new InputError(`input "tags": ${JSON.stringify(ref)} has an invalid tag ${JSON.stringify(tag)}`);
  return { repository, tag };
}

/** The options from the inputs (`get` returns '' for an unset input). */
export function buildOptionsFromInputs(get: (name: string) => string): BuildInputOptions {
  const opts: BuildInputOptions = {};
  const list = (name: string, ignoreComma: boolean) => parseBpaList(get(name), { ignoreComma });
  const tags = list('tags', false);
  if (tags.length) {
    for (const t of tags) splitTagRef(t);
    opts.tags = tags;
  }
  const labels = list('labels', true);
  if (labels.length)
    opts.labels = Object.fromEntries(labels.map((l) => keyValue('labels', l, 'a label (KEY=VALUE)')));
  const annotations = list('annotations', true);
  if (annotations.length) opts.annotations = annotations.map(parseAnnotation);
  const secrets = parseBpaList(get('secrets'), { ignoreComma: true, trim: false });
  if (secrets.length) opts.secrets = secretMap('secrets', secrets, 'a secret (ID=VALUE)');
  const secretEnvs = list('secret-envs', false);
  if (secretEnvs.length) {
    opts.secretEnvs = secretMap('secret-envs', secretEnvs, 'a secret env (ID=ENVNAME)');
    for (const [id, env] of Object.entries(opts.secretEnvs))
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
        throw new InputError(
          `input "secret-envs": ${id}=${env}: ${JSON.stringify(env)} is no environment variable name`,
        );
  }
  for (const [name, key] of [
    ['cache-from', 'cacheFrom'],
    ['cache-to', 'cacheTo'],
  ] as const) {
    const specs = list(name, true);
    for (const s of specs)
      if (!/(^|,)\s*type=/.test(s) && s.includes('='))
        throw new InputError(
          `input "${name}": ${JSON.stringify(s)} has no type= (e.g. type=gha,scope=x,mode=max)`,
        );
    if (specs.length) opts[key] = specs;
  }
  const target = get('target').trim();
  if (target) opts.target = target;
  const builder = get('builder').trim();
  if (builder) opts.builder = builder;
  const noCache = parseBool('no-cache', get('no-cache'));
  if (noCache !== undefined) opts.noCache = noCache;
  const sbom = parseBool('sbom', get('sbom'));
  if (sbom !== undefined) opts.sbom = sbom;
  const load = parseBool('load', get('load'));
  if (load !== undefined) opts.load = load;
  return opts;
}

/**
 * The tags of variant `index` of `count` from the `tags` input. One variant: the tags as given.
 * Several: every tag gets the suffix `-<variant>` (`ghcr.io/o/r:1.2.0` -> `ghcr.io/o/r:1.2.0-cpu`),
 * except `latest`: it becomes `<variant>` on every variant (the variant's moving tag, as the
 * config's own default-branch rule), and the first variant also keeps plain `latest`
 * (metadata-action's `flavor: latest` on the default variant only).
 */
export function variantTags(
  tags: readonly string[],
  variant: string,
  index: number,
  count: number,
): string[] {
  if (count === 1) return [...new Set(tags)];
  const out: string[] = [];
  const add = (t: string) => {
    if (!out.includes(t)) out.push(t);
  };
  for (const ref of tags) {
    const { repository, tag } = splitTagRef(ref);
    if (tag === 'latest') {
      add(`${repository}:${variant}`);
      if (index === 0) add(`${repository}:latest`);
    } else add(`${repository}:${tag}-${variant}`);
  }
  return out;
}

/** The registry host of a repository (`ghcr.io/o/r` -> ghcr.io; `o/r` is on Docker Hub). */
export function registryHost(repository: string): string {
  const first = repository.split('/')[0]!;
  return repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
    ? first
    : 'docker.io';
}

/**
 * The plan with the `tags` and `labels` inputs applied (plan.json, build, merge and report see
 * them). With `tags`, the images are pushed (by digest) to the first tag's repository, not to
 * image.registry/image.name: nothing is pushed where no tag points.
 */
export function applyToPlan(plan: Plan, opts: BuildInputOptions | undefined): Plan {
  if (!opts?.tags && !opts?.labels) return plan;
  const variants = plan.variants.map((v: VariantPlan, i): VariantPlan => ({
    ...v,
    ...(opts.tags && { tags: variantTags(opts.tags, v.name, i, plan.variants.length) }),
    ...(opts.labels && { labels: { ...v.labels, ...opts.labels } }),
  }));
  return {
    ...plan,
    ...(opts.tags?.[0] !== undefined && { repository: splitTagRef(opts.tags[0]).repository }),
    variants,
  };
}

/**
 * The tags in the order of `imagetools create` calls: those of the build repository together,
 * then per other repository one tag alone (its blobs are copied there) and then the rest.
 */
export function tagsByRepository(buildRepository: string, tags: readonly string[]): string[][] {
  const groups = new Map<string, string[]>([[buildRepository, []]]);
  for (const t of tags) {
    const { repository } = splitTagRef(t);
    groups.set(repository, [...(groups.get(repository) ?? []), t]);
  }
  return [...groups]
    .flatMap(([repo, group]) =>
      repo === buildRepository || group.length < 2 ? [group] : [group.slice(0, 1), group.slice(1)],
    )
    .filter((g) => g.length > 0);
}

/** OCI keys that, as labels of a variant, also annotate its merged index (registries show them). */
const INDEX_LABEL_KEYS = [
  'org.opencontainers.image.title',
  'org.opencontainers.image.description',
  'org.opencontainers.image.source',
  'org.opencontainers.image.url',
  'org.opencontainers.image.version',
  'org.opencontainers.image.revision',
  'org.opencontainers.image.licenses',
  'org.opencontainers.image.created',
];

/**
 * `--annotation index:KEY=VALUE` arguments for `imagetools create`: the `index:` annotations given,
 * then the variant's OCI labels (title, description, source ...) not already given, so a registry
 * shows a description for the multi-arch image too.
 */
export function indexAnnotations(
  labels: Readonly<Record<string, string>>,
  given: readonly Annotation[] = [],
): string[] {
  const out = new Map<string, string>();
  for (const a of given.filter((x) => x.types.includes('index'))) out.set(a.key, a.value);
  for (const k of INDEX_LABEL_KEYS) if (labels[k] !== undefined && !out.has(k)) out.set(k, labels[k]);
  return [...out].map(([k, v]) => `index:${k}=${v}`);
}
