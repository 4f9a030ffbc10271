// The one schema of ml-image.yml. Every default lives here (and nowhere else): docs/configuration.md's config
// reference is generated from this file (src/config/reference.ts; `npm run docs` rewrites it).
import path from 'node:path';
import { z } from 'zod';
import {
  BUILD_ARGS_FIX,
  buildArgNameProblem,
  buildArgSecretProblem,
  templateArgIssues,
} from './build-args.js';
import {
  imageRefProblem,
  mirrorProblem,
  nameLengthProblem,
  registryHostProblem,
  registryInName,
  tagSafeVersion,
} from '../oci/ref.js';
import { INDEX_PROTOCOL, indexUrlProblem } from '../util/pip-index-url.js';
import { shownUrl } from '../util/redact.js';
import { AttestConfigSchema } from './attest.js';
import { ProvenanceSchema } from './provenance.js';
import { SecretIdsSchema } from './secret-id.js';
import { shortName } from './short-name.js';
import { SizeConfigSchema } from './size.js';
import { SmokeConfigSchema } from './smoke-schema.js';
import { eachOnce } from './unique.js';
import { userMap } from './user-map.js';
import { recordInherited } from './variant-origin.js';

// The smoke block lives in smoke-schema.ts; its names are imported from here as before.
export { type CustomTestSpec, MAX_TIMEOUT_SECONDS, SMOKE_SUITES, type SmokeSuite } from './smoke-schema.js';

export const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
export const TEMPLATES = ['cpu', 'cuda', 'ngc'] as const;
const RESOLVE_MODES = ['auto', 'check', 'off'] as const;
const DEFAULT_PLATFORMS: Platform[] = ['linux/amd64', 'linux/arm64'];

export type Platform = (typeof PLATFORMS)[number];

// Docker's reference grammar, simplified: lowercase path components separated by '/'.
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const CUDA_VERSION = /^\d{1,2}\.\d{1,2}$/;

/** "/", "/.", "//", "/..", "C:\\": a path naming the root of a filesystem. */
function isFilesystemRoot(p: string): boolean {
  const n = path.posix.normalize(p.replace(/\\/g, '/'));
  return n === '/' || /^[A-Za-z]:\/*$/.test(n);
}

const cudaVersion = z.string({ error: 'expected a version like "12.8"' }).regex(CUDA_VERSION, {
  error: 'expected a version like "12.8"',
});
/**
 * A pip index: an http(s) or file URL (pip reads no other), with no blank or control character
 * inside (the URL parser would drop a line break silently: pip would get another URL than the one
 * written); blanks around it go. A refused one is shown with its login and query masked.
 */
const indexUrl = z
  .string({ error: 'expected a URL' })
  .superRefine((url, ctx) => {
    const problem = indexUrlProblem(url.trim());
    if (problem !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `not a pip index URL: ${problem} (got ${JSON.stringify(shownUrl(url))})`,
      });
  })
  .pipe(z.url({ protocol: INDEX_PROTOCOL, error: 'expected an http, https or file URL' }));

const pythonVersion = z
  .string({ error: 'expected a Python version like "3.11"' })
  .regex(/^3\.\d{1,2}$/, { error: 'expected a Python version like "3.11"' });
const torchVersion = z
  .string({ error: 'expected a torch version like "2.7" or "2.7.1"' })
  .regex(/^\d+\.\d+(?:\.\d+)?$/, { error: 'expected a torch version like "2.7" or "2.7.1"' });
const imageRef = z
  .string({ error: 'expected an image reference like "nvcr.io/nvidia/pytorch:25.03-py3"' })
  .refine((ref) => imageRefProblem(ref) === undefined, {
    error: (iss) => `invalid image reference: ${imageRefProblem(String(iss.input))}`,
  });
const mirror = (key: boolean) =>
  z
    .string({ error: 'expected a repository like "mirror.corp/python"' })
    .refine((ref) => mirrorProblem(ref, key) === undefined, {
      error: (iss) =>
        `expected a repository like "mirror.corp/python" or a registry like "mirror.corp": ${mirrorProblem(String(iss.input), key)}`,
    });
const relPath = (what: string) =>
  z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const stringList = (item: z.ZodString) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(item, { error: 'expected a list of strings' }),
  );

// A variant is "cpu", "cudaX.Y", or an object. Strings are expanded before the object schema runs,
// so that a bad string gets a message saying what strings are allowed.
const VARIANT_SHORTHAND = /^cuda(\d{1,2}\.\d{1,2})$/;
const VariantObject = z
  .strictObject({
    name: shortName('a tag-safe name')
      .optional()
      .describe(
        'Variant name used in tags (`1.4.0-<name>`): lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters. Default: `cpu`, `cuda<version>`; required with `base`.',
      ),
    cuda: cudaVersion.optional().describe('CUDA version of a GPU variant, e.g. `"12.8"`.'),
    base: imageRef
      .optional()
      .describe(
        "A custom base image: checked against its catalog family when it has one (platforms; an NGC release decides Python, CUDA and torch); `torch` is installed from the wheel index of the variant's `cuda` (else the CPU one).",
      ),
    torch: torchVersion.optional().describe('torch version for this variant (overrides top-level `torch`).'),
    python: pythonVersion
      .optional()
      .describe('Python version for this variant (overrides `python.version`).'),
    template: z
      .enum(TEMPLATES)
      .optional()
      .describe('Template for this variant (overrides `build.template`).'),
  })
  .superRefine((v, ctx) => {
    if (v.base !== undefined && v.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'required when "base" is set (used in tags)' });
    }
  });

const Variant = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  if (value === 'cpu') return {};
  const m = VARIANT_SHORTHAND.exec(value);
  if (m) return { cuda: m[1] };
  ctx.issues.push({
    code: 'custom',
    input: value,
    message: 'expected "cpu", "cudaX.Y" (like "cuda12.8") or an object like { cuda: "12.8" }',
  });
  return z.NEVER;
}, VariantObject);

/** The variants of a config that lists none (no file, or a file without `variants`). */
export const DEFAULT_VARIANTS: readonly string[] = ['cpu'];

export const ConfigFileSchema = z
  .strictObject({
    image: z
      .strictObject({
        name: z
          .string({ error: 'expected a repository name like "my-org/my-model"' })
          .regex(REPOSITORY, { error: 'expected a lowercase repository name like "my-org/my-model"' })
          .describe(
            'Repository path, without registry or tag; with the registry host (`ghcr.io/...`) at most 255 characters.',
          ),
        registry: z
          .string({ error: 'expected a registry host like "ghcr.io" or "localhost:5000"' })
          .refine((host) => registryHostProblem(host) === undefined, {
            error: (iss) => registryHostProblem(String(iss.input)),
          })
          .default('ghcr.io')
          .describe(
            'Registry host the image is pushed to: a dotted name (each part starting and ending with a letter or digit), `localhost` or `[IPv6]` (Docker 26 and buildx 0.12 or later), with an optional port.',
          ),
        version: z
          .string()
          .regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/, {
            error:
              'expected a tag-safe version like "1.4.0": letters, digits, "_", ".", "-" or "+", not starting with "." or "-"',
          })
          .overwrite(tagSafeVersion)
          .optional()
          .describe(
            'Version used in tags (`<version>-<variant>`, at most 128 characters); default: from a `v1.2.3` git tag. A `+` (build metadata, `1.0.0+build.5`) becomes `-` in tags and labels, as in a git tag: a tag cannot hold `+`.',
          ),
      })
      .superRefine((image, ctx) => {
        const long = nameLengthProblem(`${image.registry}/${image.name}`);
        if (long !== undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], input: image.name, message: long });
        const host = registryInName(image.name, image.registry);
        if (host !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['name'],
            input: image.name,
            message: `starts with the registry host "${host}": the tags would be ${image.registry}/${image.name}; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("${image.name.slice(host.length + 1)}")`,
          });
      })
      .describe('What to build and where to push it.'),
    build: z
      .strictObject({
        context: relPath('a directory path')
          .refine((p) => !isFilesystemRoot(p), {
            error:
              'the filesystem root cannot be the build context (it would send the whole disk to the builder)',
          })
          .default('.')
          .describe('Build context, relative to the config file.'),
        dockerfile: relPath('a file path')
          .optional()
          .describe(
            'Your own Dockerfile, relative to the config file. Exclusive with `template`; unused (a plan warning) when every variant sets its own.',
          ),
        template: z
          .enum(TEMPLATES)
          .optional()
          .describe(
            "A Dockerfile template from images/. Default: `cpu` for cpu variants, `cuda` for CUDA ones, when `dockerfile` is not set either (a `Dockerfile` at the build context's root then draws a plan warning).",
          ),
        args: userMap(z.string(), z.string({ error: 'expected a string' }))
          .superRefine((args, ctx) => {
            for (const [name, value] of Object.entries(args)) {
              const secret = buildArgSecretProblem(name, value);
              const message = buildArgNameProblem(name) ?? (secret && `${secret}: ${BUILD_ARGS_FIX}`);
              if (message !== undefined) ctx.addIssue({ code: 'custom', path: [name], input: name, message });
            }
          })
          .default({})
          .describe('Extra build args (never secrets: use `secrets`).'),
        mirrors: userMap(mirror(true), mirror(false))
          .default({})
          .describe(
            'Pull base images through mirrors: `{"docker.io/library/python": "mirror.corp/python"}` (longest prefix wins; a key without a registry is Docker Hub\'s, `python`; a key no planned base goes through is a warning naming it).',
          ),
        cache: z
          .enum(['auto', 'gha', 'registry', 'none'])
          .default('auto')
          .describe(
            'Build cache per variant and platform. `auto`: GitHub Actions cache on a runner, else the registry (`<image>:cache-<variant>-<arch>`).',
          ),
        provenance: ProvenanceSchema.prefault('min').meta({
          description:
            "BuildKit's provenance attestation (not available with the docker driver on the classic image store): `false` (off), `min` or `max` (`true` is `min`, buildx's default), or a mapping with the SLSA version BuildKit writes: `{mode: max, version: v1}`.",
          // The reference's row: the shorthand most configs write, not only the mapping it becomes.
          docType: '`false` \\| `min` \\| `max` or mapping',
          docDefault: '`"min"`',
        }),
        network: z
          .enum(['default', 'host', 'none'])
          .default('default')
          .describe(
            "Network for RUN steps (`host` reaches indexes on the build machine). An engine in a VM (Docker Desktop, colima, OrbStack: macOS and Windows, Docker Desktop's `desktop-linux` context) has the VM's network as its host network, which does not reach this machine's loopback (Docker Desktop 4.34 and later does, with Settings > Resources > Network > Enable host networking): name such an index by `host.docker.internal:PORT` instead of `localhost:PORT`.",
          ),
        pull: z.boolean().default(false).describe('Always pull the newest base image.'),
        secrets: SecretIdsSchema.default([]).describe(
          "Secret ids passed to buildx by id (`--secret id=...,env=...`), each once; never the runner's own ACTIONS_*, INPUT_*, STATE_*, nor an id this tool mounts itself (`ml_image_requirements`, `ml_image_constraints`, `ml_image_pip_conf`, `ml_image_torch_index`, `ml_image_netrc`, `ml_image_env`, `ml_image_pip`). Each must be set in the environment of a run that builds (checked before the resolve stage starts).",
        ),
      })
      .superRefine((b, ctx) => {
        if (b.dockerfile !== undefined && b.template !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['template'],
            message: 'set "dockerfile" or "template", not both',
          });
        }
        // Without a Dockerfile of its own every variant builds a template (which reads APP_UID).
        if (b.dockerfile === undefined) templateArgIssues(b.args, ctx);
      })
      .prefault({})
      .describe('How to build.'),
    variants: z
      .array(Variant, { error: 'expected a list of variants' })
      .min(1, { error: 'expected at least one variant' })
      .superRefine((vs, ctx) => {
        const seen = new Map<string, number>();
        vs.forEach((v, i) => {
          const name = variantName(v);
          const first = seen.get(name);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [i],
              message: `duplicate variant name "${name}" (also variants[${first}])`,
            });
          } else seen.set(name, i);
        });
      })
      .prefault([...DEFAULT_VARIANTS])
      .describe('Image variants: `cpu`, `cuda12.8` or objects (see below).'),
    platforms: z
      .array(z.enum(PLATFORMS), { error: 'expected a list of platforms' })
      .min(1, { error: 'expected at least one platform' })
      .superRefine(eachOnce('platform'))
      .default(DEFAULT_PLATFORMS)
      .describe('Target platforms.'),
    torch: torchVersion
      .optional()
      .describe(
        'torch version for every variant that does not set its own: "2.7" installs the newest 2.7.x the catalog knows, "2.7.0" exactly that.',
      ),
    python: z
      .strictObject({
        version: pythonVersion
          .optional()
          .describe('Python version; default 3.12 (CUDA variants: the Ubuntu Python of the chosen image).'),
        requirements: stringList(relPath('a file path'))
          .default([])
          .describe(
            'requirements files, relative to the config file; their `-r` includes and `-c` constraints files (relative to the file naming them) are read and checked too, and reach pip in the resolver and the build.',
          ),
        indexUrl: indexUrl
          .optional()
          .describe(
            "pip index URL, http(s) or file (default: PIP_INDEX_URL, else PyPI); a login in it reaches pip by environment or secret mount only. Its login and a token in its query (`?token=`, `sig=` ...), Anaconda's `/t/<token>/` or Cloudsmith's `dl.cloudsmith.io/<token>/` are masked in the job's log, as are those of extraIndexUrls and torchIndexUrl.",
          ),
        torchIndexUrl: indexUrl
          .optional()
          .describe(
            'Base of the torch wheel indexes (default https://download.pytorch.org/whl); `/cu128`, `/cpu` ... is appended.',
          ),
        extraIndexUrls: z
          .array(indexUrl)
          .default([])
          .describe('Extra pip index URLs, http(s) or file (default: PIP_EXTRA_INDEX_URL).'),
      })
      .prefault({})
      .describe('Python environment.'),
    resolve: z
      .strictObject({
        mode: z
          .enum(RESOLVE_MODES)
          .default('auto')
          .describe('`auto` fixes conflicts with the base image, `check` fails on them, `off` skips.'),
      })
      .prefault({})
      .describe('Dependency-conflict resolution against the base image.'),
    smoke: SmokeConfigSchema,
    report: z
      .strictObject({
        comment: z.boolean().default(true).describe('Post/update one pull-request comment.'),
        summary: z.boolean().default(true).describe('Write the job summary.'),
        markerKey: z
          .string()
          .regex(/^[A-Za-z0-9._/:@-]{1,200}$/, { error: 'expected letters, digits and ._/:@- only' })
          .optional()
          .describe(
            'Key of the hidden comment marker (one comment per run); default: the image repository. Baselines stay keyed per variant.',
          ),
      })
      .prefault({})
      .describe('The pull-request report.'),
    size: SizeConfigSchema,
    attest: AttestConfigSchema,
  })
  .describe('ml-image.yml');

type ParsedConfig = z.output<typeof ConfigFileSchema>;
type ParsedVariant = z.output<typeof VariantObject>;

export type VariantKind = 'cpu' | 'cuda' | 'custom';
export interface Variant {
  name: string;
  kind: VariantKind;
  cuda?: string;
  base?: string;
  torch?: string;
  /** Unset: the plan chooses (3.12; for CUDA variants the Python of the chosen Ubuntu image). */
  python?: string;
  template?: (typeof TEMPLATES)[number];
}

/** The normalized, typed config every stage receives. */
export type Config = Omit<ParsedConfig, 'variants'> & { variants: Variant[] };

function variantName(v: ParsedVariant): string {
  return v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu');
}

/**
 * The name of one entry of a file's variants list (name, else cuda<version>, else cpu); an invalid
 * one's `name` if a string (`--variants gpu` then selects it: its own problem is said at its line).
 */
export function variantEntryName(entry: unknown): string | undefined {
  const parsed = Variant.safeParse(entry);
  if (parsed.success) return variantName(parsed.data);
  const name = entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

export function normalizeConfig(parsed: ParsedConfig): Config {
  return {
    ...parsed,
    variants: parsed.variants.map((v): Variant => {
      const kind: VariantKind = v.base !== undefined ? 'custom' : v.cuda !== undefined ? 'cuda' : 'cpu';
      const torch = v.torch ?? parsed.torch;
      const python = v.python ?? parsed.python.version;
      const variant: Variant = {
        name: variantName(v),
        kind,
        ...(v.cuda !== undefined && { cuda: v.cuda }),
        ...(v.base !== undefined && { base: v.base }),
        ...(torch !== undefined && { torch }),
        ...(python !== undefined && { python }),
        ...(v.template !== undefined && { template: v.template }),
      };
      return recordInherited(variant, { torch: v.torch !== undefined, python: v.python !== undefined });
    }),
  };
}
