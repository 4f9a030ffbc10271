// The ML-aware SBOM: CycloneDX 1.6 JSON built with @cyclonedx/cyclonedx-library from an
// environment record (env.json). Every pip distribution (pkg:pypi), every apt package (pkg:deb,
// with its source package as upstream=), every conda package (pkg:conda, sbom-conda.ts), the OS,
// and the ML stack (CUDA runtime, cuDNN, NCCL, each with where it was read; torch and its CUDA
// build, NumPy, Python, the base image) as components with ml-image:* properties. Deterministic: the same record gives the same bytes on any machine
// (lists sorted in code-unit order, not the locale's; bom-refs from purls; a serial number from
// the content; the timestamp from the record's capture time).
// Nothing from the record's env, labels (except the OCI base-image name and digest) or collectEnv
// goes in, and every string is scrubbed.
// The record holds no file hashes (the probe reads RECORD only for sizes): components carry none.
import { createHash } from 'node:crypto';
import { ComponentType } from '@cyclonedx/cyclonedx-library/Enums';
import { Bom, Component, Property } from '@cyclonedx/cyclonedx-library/Models';
import { JSON as CdxJson, JsonSerializer } from '@cyclonedx/cyclonedx-library/Serialize';
import { Spec1dot6 } from '@cyclonedx/cyclonedx-library/Spec';
import cdxPackage from '@cyclonedx/cyclonedx-library/package.json' with { type: 'json' };
import type { EnvRecord } from '../capture/record.js';
import { REDACTION_RULES, redactText } from '../util/redact.js';
import { archOf } from '../config/platform.js';
import { clip } from '../util/text.js';
import { imageRefProblem, parseImageRef, repositoryOf } from '../oci/ref.js';
import { canonicalName } from '../requirements/parse.js';
import { VERSION } from '../version.js';
import { debPurl, localRef, ociPurl, pypiPurl } from './purl.js';
import { pythonCpe } from './cpe.js';
import { condaComponents } from './sbom-conda.js';
import { ordered, sortComponents } from './sbom-order.js';
import { captureTimestamp } from './sbom-time.js';
import { sha256Hex, TOOL_NAME } from './types.js';

export interface SbomInput {
  record: EnvRecord;
  /** Defaults: the record's image.variant, image.ref, image.digest and image.platform. */
  variant?: string | null;
  imageRef?: string;
  imageDigest?: string | null;
  platform?: string;
  /** Default: the OCI labels org.opencontainers.image.base.name / .base.digest, when set. */
  baseImage?: { ref: string; digest?: string | null } | null;
  /** The lowest NVIDIA driver the image's CUDA needs (from the plan). */
  driverFloor?: string | null;
  /** Default: this tool's version. */
  toolVersion?: string;
}

export const SBOM_PROPERTY_PREFIX = 'ml-image:';
/** The property that marks a component as part of the ML stack; its value says which part. */
export const ML_STACK_PROPERTY = `${SBOM_PROPERTY_PREFIX}ml-stack`;

const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';
const BASE_DIGEST_LABEL = 'org.opencontainers.image.base.digest';

// ---- Components ----

interface Ctx {
  record: EnvRecord;
  variant: string | null;
  imageRef: string;
  digest: string | undefined;
  platform: string;
  arch: string | undefined;
  base: { ref: string; digest: string | undefined } | undefined;
  driverFloor: string | null;
  toolVersion: string;
  osId: string | undefined;
  distro: string | undefined;
}

/** A lone UTF-16 surrogate (no JSON or URL can carry one): replaced by U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every string from the record: scrubbed, and well-formed text (a purl encodes it). */
const clean = (s: string) => redactText(s.replace(LONE_SURROGATE, '\uFFFD'));
/**
 * CycloneDX 1.6 allows versions up to 1024 characters (code points, as JSON Schema counts them): a
 * longer one (a hostile METADATA) is cut, before its purl is built from it: the component's version
 * and its purl's are one (the whole one in the purl told scanners another version than the SBOM).
 */
const cut = (s: string) => clip(s, 1024);
const nonEmpty = (s: string | null | undefined): s is string => typeof s === 'string' && s !== '';

function prop(c: Component, name: string, value: string | null | undefined): void {
  if (nonEmpty(value)) c.properties.add(new Property(`${SBOM_PROPERTY_PREFIX}${name}`, clean(value)));
}

function context(input: SbomInput): Ctx {
  const { record } = input;
  const labels = record.image.labels;
  // Scrubbed as every string from the record: its arch goes into the image's purl (encoded).
  const platform = clean(input.platform ?? record.image.platform);
  const osRelease = record.os.osRelease;
  const osId = nonEmpty(osRelease.ID) ? osRelease.ID.toLowerCase() : undefined;
  const osVersion = osRelease.VERSION_ID ?? osRelease.VERSION_CODENAME;
  // From the labels (a record alone): only an image reference (a login written into the label,
  // user:password@host/..., is none, and would have put the password in the SBOM as the version).
  const labelled = labels[BASE_NAME_LABEL];
  const base =
    input.baseImage === undefined
      ? nonEmpty(labelled) && imageRefProblem(labelled) === undefined
        ? { ref: labelled, digest: labels[BASE_DIGEST_LABEL] }
        : undefined
      : (input.baseImage ?? undefined);
  // A base pinned by digest in its reference needs no separate digest.
  const baseDigest = sha256Hex(base?.digest ?? (base && parseImageRef(base.ref).digest));
  return {
    record,
    variant: input.variant === undefined ? record.image.variant : input.variant,
    imageRef: clean(input.imageRef ?? record.image.ref),
    digest: sha256Hex(input.imageDigest === undefined ? record.image.digest : input.imageDigest),
    platform,
    arch: archOf(platform),
    base: base && { ref: clean(base.ref), digest: baseDigest && `sha256:${baseDigest}` },
    driverFloor: input.driverFloor ?? null,
    toolVersion: input.toolVersion ?? VERSION,
    osId: osId === undefined ? undefined : clean(osId),
    distro: osId !== undefined && nonEmpty(osVersion) ? clean(`${osId}-${osVersion}`) : undefined,
  };
}

/** The image by digest (or tag): the SBOM's subject, with the ML stack summed up as properties. */
function imageComponent(ctx: Ctx): Component {
  const digest = ctx.digest && `sha256:${ctx.digest}`;
  const ref = parseImageRef(ctx.imageRef);
  const purl = ociPurl(ctx.imageRef, digest, ctx.arch);
  // Its tag is cut as any version: a record's reference is not read by the reference grammar.
  const version = digest ?? ref.tag;
  const c = new Component(ComponentType.Container, repositoryOf(ref), {
    bomRef: purl ?? `${SBOM_PROPERTY_PREFIX}image`,
    ...(purl !== undefined && { purl }),
    ...(version !== undefined && { version: cut(version) }),
  });
  const { record } = ctx;
  const pip = (n: string) => record.python.packages.find((p) => canonicalName(p.name) === n)?.version;
  prop(c, 'variant', ctx.variant);
  prop(c, 'platform', ctx.platform);
  prop(c, 'image.ref', ctx.imageRef);
  prop(c, 'base.image', ctx.base?.ref);
  prop(c, 'base.digest', ctx.base?.digest);
  prop(c, 'driver.floor', ctx.driverFloor);
  prop(c, 'cuda.runtime', record.cuda.runtime);
  prop(c, 'cudnn', record.cuda.cudnn);
  prop(c, 'nccl', record.cuda.nccl);
  prop(c, 'torch', record.torch?.version ?? pip('torch'));
  if (record.torch) prop(c, 'torch.cuda', record.torch.cuda ?? 'none');
  prop(c, 'numpy', pip('numpy'));
  prop(c, 'python', record.python.version);
  return c;
}

/** Every pip distribution once (by purl), with its installed requirements as dependencies. */
function pipComponents(record: EnvRecord): { list: Component[]; byName: Map<string, Component> } {
  const list: Component[] = [];
  const byName = new Map<string, Component>();
  const byPurl = new Map<string, Component>();
  // Each record entry's own component: a distribution installed twice (two versions, in two
  // places) keeps each copy's requirements on its own component.
  const own: Component[] = [];
  for (const p of record.python.packages) {
    const name = clean(p.name);
    const version = cut(clean(p.version));
    const purl = pypiPurl(name, version);
    const bomRef = purl ?? localRef('pypi', name, version);
    let c = byPurl.get(bomRef);
    if (!c) {
      c = new Component(ComponentType.Library, name, { bomRef, purl, version });
      prop(c, 'pip.installer', p.installer);
      byPurl.set(bomRef, c);
      list.push(c);
      if (!byName.has(canonicalName(name))) byName.set(canonicalName(name), c);
    }
    own.push(c);
  }
  for (const [i, p] of record.python.packages.entries()) {
    const c = own[i];
    for (const req of p.requires) {
      if (/\bextra\s*==/.test(req)) continue; // only with an extra: not necessarily in use
      const dep = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
      const target = dep === undefined ? undefined : byName.get(canonicalName(dep));
      if (c && target && target !== c) c.dependencies.add(target.bomRef);
    }
  }
  return { list, byName };
}

function aptComponents(ctx: Ctx): Component[] {
  const out = new Map<string, Component>();
  for (const a of ctx.record.apt) {
    const pkg = { name: clean(a.name), version: cut(clean(a.version)), arch: clean(a.arch) };
    // Its source package, in the purl's upstream= (scanners match Debian's advisories by it); its
    // version cut as the package's is, which it is compared with (debUpstream).
    const source = {
      source: a.source && clean(a.source),
      sourceVersion: a.sourceVersion && cut(clean(a.sourceVersion)),
    };
    const purl = ctx.osId === undefined ? undefined : debPurl(ctx.osId, { ...pkg, ...source }, ctx.distro);
    const bomRef = purl ?? localRef('deb', pkg.name, pkg.version, pkg.arch);
    if (out.has(bomRef)) continue;
    const c = new Component(ComponentType.Library, pkg.name, {
      bomRef,
      ...(purl !== undefined && { purl }),
      ...(pkg.version !== '' && { version: pkg.version }),
    });
    prop(c, 'deb.arch', pkg.arch);
    out.set(bomRef, c);
  }
  return [...out.values()];
}

function osComponent(ctx: Ctx): Component {
  const rel = ctx.record.os.osRelease;
  const c = new Component(ComponentType.OperatingSystem, ctx.osId ?? 'linux', {
    bomRef: `${SBOM_PROPERTY_PREFIX}os`,
    ...(nonEmpty(rel.VERSION_ID) && { version: cut(clean(rel.VERSION_ID)) }),
    ...(nonEmpty(rel.PRETTY_NAME) && { description: clean(rel.PRETTY_NAME) }),
  });
  prop(c, 'os.glibc', ctx.record.os.glibc);
  prop(c, 'os.distro', ctx.distro);
  return c;
}

/** One ML-stack component that is not a pip distribution (CUDA, cuDNN, NCCL, Python, base). */
function stackComponent(
  type: ComponentType,
  role: string,
  name: string,
  version: string | null | undefined,
  extra: { group?: string; purl?: string | undefined; bomRef?: string; cpe?: string | undefined } = {},
): Component {
  const c = new Component(type, name, {
    bomRef: extra.bomRef ?? extra.purl ?? `${SBOM_PROPERTY_PREFIX}${role}`,
    ...(nonEmpty(version) && { version: cut(clean(version)) }),
    ...(extra.group !== undefined && { group: extra.group }),
    ...(extra.purl !== undefined && { purl: extra.purl }),
    ...(extra.cpe !== undefined && { cpe: extra.cpe }),
  });
  c.properties.add(new Property(ML_STACK_PROPERTY, role));
  return c;
}

/** The ML stack: new components, and properties on the pip components of torch and NumPy. */
function mlStack(ctx: Ctx, pipByName: Map<string, Component>): Component[] {
  const { record } = ctx;
  const out: Component[] = [];
  // Each CUDA library with where the probe read it (record.cuda.sources, by the library's key):
  // "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads, from its wheels) or "system".
  const nvidia = (role: string, name: string, key: 'runtime' | 'cudnn' | 'nccl') => {
    const version = record.cuda[key];
    if (!nonEmpty(version)) return undefined;
    const c = stackComponent(ComponentType.Library, role, name, version, { group: 'nvidia' });
    prop(c, 'cuda.source', record.cuda.sources?.[key]);
    out.push(c);
    return c;
  };
  const cuda = nvidia('cuda.runtime', 'cuda-runtime', 'runtime');
  if (cuda) {
    prop(cuda, 'cuda.nvcc', record.cuda.nvcc);
    prop(cuda, 'driver.floor', ctx.driverFloor);
  }
  nvidia('cudnn', 'cudnn', 'cudnn');
  nvidia('nccl', 'nccl', 'nccl');
  if (record.torch) {
    let torch = pipByName.get('torch');
    if (!torch) {
      torch = stackComponent(ComponentType.Framework, 'torch', 'torch', record.torch.version, {
        purl: pypiPurl('torch', cut(clean(record.torch.version))),
      });
      out.push(torch);
    } else torch.properties.add(new Property(ML_STACK_PROPERTY, 'torch'));
    torch.type = ComponentType.Framework;
    prop(torch, 'torch.cuda', record.torch.cuda ?? 'none');
    prop(torch, 'torch.hip', record.torch.hip);
    prop(torch, 'torch.version', record.torch.version);
  }
  pipByName.get('numpy')?.properties.add(new Property(ML_STACK_PROPERTY, 'numpy'));
  const python = clean(record.python.implementation).toLowerCase() || 'python';
  // No purl (none names a CPython built from source), a CPE unless a deb holds it (cpe.ts).
  const cpe = pythonCpe(record);
  out.push(stackComponent(ComponentType.Application, 'python', python, record.python.version, { cpe }));
  if (ctx.base) {
    const ref = parseImageRef(ctx.base.ref);
    const purl = ociPurl(ctx.base.ref, ctx.base.digest, ctx.arch);
    // A base that is the image itself (its label says so) shares its purl: the bom-refs must differ
    // (the library would make one up at random, and the SBOM would change from run to run).
    const image = ociPurl(ctx.imageRef, ctx.digest && `sha256:${ctx.digest}`, ctx.arch);
    const bomRef = purl !== undefined && purl === image ? `${SBOM_PROPERTY_PREFIX}base.image` : undefined;
    const base = stackComponent(ComponentType.Container, 'base.image', repositoryOf(ref), null, {
      purl,
      ...(bomRef !== undefined && { bomRef }),
    });
    // Its tag cut as the image's.
    const version = ctx.base.digest ?? ref.tag;
    if (version) base.version = cut(version);
    prop(base, 'base.image', ctx.base.ref);
    out.push(base);
  }
  return out;
}

/** A UUID (version 5 layout, RFC 4122 variant) from a SHA-256: the same content, the same serial. */
function serialFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The SBOM of one image (one platform) as CycloneDX 1.6 JSON. */
export function buildSbom(input: SbomInput): Record<string, unknown> {
  const ctx = context(input);
  const bom = new Bom();
  bom.metadata.properties.add(new Property(SBOM_INPUTS_PROPERTY, sbomInputsDigest(input)));
  const time = captureTimestamp(ctx.record.capture.time);
  if (time !== undefined) bom.metadata.timestamp = time;
  bom.metadata.tools.components.add(
    new Component(ComponentType.Application, TOOL_NAME, {
      bomRef: `${SBOM_PROPERTY_PREFIX}tool`,
      version: clean(ctx.toolVersion),
    }),
  );
  const image = imageComponent(ctx);
  bom.metadata.component = image;
  const pip = pipComponents(ctx.record);
  const conda = condaComponents(ctx.record, pip.list, { clean, cut, prop });
  const components = [
    osComponent(ctx),
    ...pip.list,
    ...aptComponents(ctx),
    ...conda,
    ...mlStack(ctx, pip.byName),
  ];
  // The image holds every component: the graph's root reaches each of them.
  for (const c of components) image.dependencies.add(c.bomRef);
  for (const c of [image, ...components]) ordered(c);
  for (const c of sortComponents(components)) bom.components.add(c);
  serializer ??= new JsonSerializer(new CdxJson.Normalize.Factory(Spec1dot6));
  // The lists are in the order given above: the library's own sorting (sortLists) compares with
  // localeCompare, which follows the runner's locale, so the same record would give other bytes
  // on another machine.
  const parsed = JSON.parse(serializer.serialize(bom, { sortLists: false })) as Record<string, unknown>;
  // An entry without dependsOn declares "depends on nothing" (CycloneDX 1.6): only a pip
  // distribution's requirements are recorded; a deb, the OS or CUDA get no entry (unknown).
  const known = new Set([image.bomRef.toString(), ...pip.list.map((c) => c.bomRef.toString())]);
  if (Array.isArray(parsed.dependencies))
    parsed.dependencies = (parsed.dependencies as { ref: string; dependsOn?: unknown[] }[]).filter(
      (d) => known.has(d.ref) || (d.dependsOn?.length ?? 0) > 0,
    );
  // The serial number: a hash of the BOM without it, after "version" (where the library puts it).
  const text = JSON.stringify(parsed);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) {
    out[k] = v;
    if (k === 'version') out.serialNumber = serialFrom(text);
  }
  return out;
}

/**
 * What buildSbom makes, in one number: bump it with any change to the SBOM's bytes for the same
 * input (the test that pins an SBOM's digest says when). It is part of sbomInputsDigest: an SBOM
 * an earlier run made with other code is not attached again as this code's.
 */
export const SBOM_FORMAT = 21;

/** The CycloneDX library's version (its serializer writes the SBOM). */
const CDX_LIBRARY_VERSION = cdxPackage.version;

/** The SBOM's metadata property that holds sbomInputsDigest of what it was made from. */
export const SBOM_INPUTS_PROPERTY = `${SBOM_PROPERTY_PREFIX}sbom.inputs`;

/**
 * `sha256:<hex>` of everything buildSbom reads (the record, the image, the defaults it takes, the
 * tool's version, SBOM_FORMAT, the CycloneDX library's version and the redaction rules): two
 * inputs with one digest make the same SBOM. The attest stage
 * attaches an earlier run's signed SBOM again when it carries this digest, instead of making it.
 */
export function sbomInputsDigest(input: SbomInput): string {
  // An object: a field left out (undefined: the record's default) and null (none) differ.
  const text = JSON.stringify({
    format: SBOM_FORMAT,
    tool: input.toolVersion ?? VERSION,
    // What else shapes its bytes: the library that writes it, and the rules that scrub each string.
    library: CDX_LIBRARY_VERSION,
    redaction: REDACTION_RULES,
    variant: input.variant,
    imageRef: input.imageRef,
    imageDigest: input.imageDigest,
    platform: input.platform,
    baseImage: input.baseImage,
    driverFloor: input.driverFloor,
    record: input.record,
  });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** One serializer per process: making its normalizers is a good part of a BOM's time. */
let serializer: JsonSerializer | undefined;
