// The `tags`, `labels` and `annotations` inputs applied: per-variant tags, the plan with them, one
// `imagetools create` per repository, and the annotations of the merged multi-arch index.
import { InputError } from '../errors.js';
import { isTag } from '../oci/ref.js';
import type { Plan, VariantPlan } from '../plan/schema.js';
import { type Annotation, type BuildInputOptions, splitTagRef } from './bpa-lists.js';

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
      add(`${repository}:${checkedTag(ref, variant, variant)}`);
      if (index === 0) add(`${repository}:latest`);
    } else add(`${repository}:${checkedTag(ref, `${tag}-${variant}`, variant)}`);
  }
  return out;
}

/**
 * TAG, the tag REF of the `tags` input gives VARIANT, when it is a valid tag: a tag at most 128
 * characters long, as the input's own was, may be too long once `-<variant>` is added. Checked
 * here, when the plan is made, rather than by the merge after every platform was built and pushed.
 */
function checkedTag(ref: string, tag: string, variant: string): string {
  if (isTag(tag)) return tag;
  const long = tag.length > 128;
  const room = 128 - 1 - variant.length;
  throw new InputError(
    `input "tags": ${JSON.stringify(ref)} gives variant ${variant} the tag ${JSON.stringify(tag)}, ${long ? `${tag.length} characters long (a tag is at most 128)` : 'which is not a valid tag'}`,
    tag === variant
      ? 'name the variant as a tag may be named (letters, digits, "_", "." and "-"), or give tags other than latest'
      : `shorten the tag to at most ${room} characters: with several variants each variant's tags get "-${variant}" added`,
  );
}

/**
 * The registry host of a repository (`ghcr.io/o/r` -> ghcr.io; `o/r` is on Docker Hub), as
 * distribution/reference splits it (and parseImageRef, and buildx when it pushes): a first
 * component with "." or ":", localhost, or capitals names the registry (`MyOrg/model` is the host
 * MyOrg, where buildx would push, not Docker Hub).
 */
export function registryHost(repository: string): string {
  const first = repository.split('/')[0]!;
  return repository.includes('/') &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
    ? first
    : 'docker.io';
}

/**
 * The plan with the `tags` and `labels` inputs applied (plan.json, build, merge and report see
 * them). With `tags`, the images are pushed (by digest) to the first tag's repository, not to
 * image.registry/image.name: nothing is pushed where no tag points. TAGGED: the variants the tags
 * follow (taggedVariants: the config file's own list first, then any planned variant it does not
 * list, as in a matrix job that builds one), so each variant of a file with several gets its suffix
 * and only the file's first keeps plain `latest`.
 */
export function applyToPlan(
  plan: Plan,
  opts: BuildInputOptions | undefined,
  tagged: readonly string[] = plan.variants.map((v) => v.name),
): Plan {
  checkOutputTargets(plan, opts);
  if (!opts?.tags && !opts?.labels) return plan;
  const variants = plan.variants.map((v: VariantPlan): VariantPlan => ({
    ...v,
    ...(opts.tags && { tags: variantTags(opts.tags, v.name, tagged.indexOf(v.name), tagged.length) }),
    ...(opts.labels && { labels: { ...v.labels, ...opts.labels } }),
  }));
  return {
    ...plan,
    ...(opts.tags?.[0] !== undefined && { repository: splitTagRef(opts.tags[0]).repository }),
    variants,
  };
}

/**
 * Several targets (variants x platforms) each export to `outputs`: a dest without `{variant}`
 * (several variants) or `{arch}` (several platforms) would be overwritten by the next target.
 */
function checkOutputTargets(plan: Plan, opts: BuildInputOptions | undefined): void {
  const platforms = new Set(plan.variants.flatMap((v) => v.platforms));
  for (const spec of opts?.outputs ?? []) {
    const missing = [
      ...(plan.variants.length > 1 && !spec.includes('{variant}') ? ['{variant}'] : []),
      ...(platforms.size > 1 && !spec.includes('{arch}') ? ['{arch}'] : []),
    ];
    if (missing.length)
      throw new InputError(
        `input "outputs": ${JSON.stringify(spec)}: ${plan.variants.length} variants x ${platforms.size} platforms are built one at a time, and each would overwrite dest`,
        `put ${missing.join(' and ')} in dest (e.g. dest=out/{variant}-{arch})`,
      );
  }
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
