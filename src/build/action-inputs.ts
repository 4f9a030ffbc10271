// The action inputs that docker/build-push-action (BPA) users already pass, with BPA's names and
// list semantics (docker/actions-toolkit Util.getInputList): `tags`, `labels`, `annotations`,
// `secrets`, `secret-envs`, `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`,
// `shm-size`, `ulimit`, `cache-from`, `cache-to`, `target`, `builder`, `no-cache`, `sbom`, `load`.
// (`build-args`, `pull`, `provenance`, `network`, `platforms` and `push` override config keys:
// config/inputs.ts.)
// Parsed once at the edge into BuildInputOptions; the plan and the buildx argv take them from there.
// Their names are BUILD_INPUTS in config/inputs.ts (the table of every action input), the list
// reader parseBpaList is config/bpa-list.ts; the small parsers are in bpa-lists.ts, the tag rules
// and index annotations in bpa-tags.ts, the named contexts in bpa-contexts.ts.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseBpaList, specAttrs } from '../config/bpa-list.js';
import { archOf } from '../config/platform.js';
import { credentialInValue } from '../config/build-args.js';
import { InputError } from '../errors.js';
import { buildContextOptions } from './bpa-contexts.js';
import type { BuildRequest } from './buildx-args.js';
import { addHostProblem, shmSizeProblem, ulimitProblem } from './run-limits.js';
import {
  type BuildInputOptions,
  cacheSpecType,
  keyValue,
  parseAnnotation,
  parseBool,
  secretMap,
  splitTagRef,
} from './bpa-lists.js';

export * from './bpa-lists.js';
export * from './bpa-tags.js';

/** The options from the inputs (`get` returns '' for an unset input). */
export function buildOptionsFromInputs(
  get: (name: string) => string,
  cwd: string = process.cwd(),
  warn: (message: string) => void = () => undefined,
): BuildInputOptions {
  const opts: BuildInputOptions = {};
  const list = (name: string, ignoreComma: boolean) => parseBpaList(get(name), { input: name, ignoreComma });
  const tags = list('tags', false);
  if (tags.length) {
    for (const t of tags) splitTagRef(t);
    opts.tags = tags;
  }
  const labels = list('labels', true);
  if (labels.length)
    opts.labels = Object.fromEntries(
      labels.map((l) => keyValue('labels', l, 'a label (KEY=VALUE)', { emptyValue: true })),
    );
  const annotations = list('annotations', true);
  if (annotations.length) opts.annotations = annotations.map(parseAnnotation);
  // Both are written into the image (its config, its manifests) for anyone who pulls it.
  for (const [input, [key, value]] of [
    ...Object.entries(opts.labels ?? {}).map((kv) => ['labels', kv] as const),
    ...(opts.annotations ?? []).map((a) => ['annotations', [a.key, a.value]] as const),
  ]) {
    const why = credentialInValue(value);
    if (why !== undefined)
      throw new InputError(
        `input "${input}": ${key}: ${why}; ${input} are stored in the image for anyone who pulls it`,
        'leave credentials out of labels and annotations (a URL without its login, e.g. https://github.com/org/repo)',
      );
  }
  const secrets = parseBpaList(get('secrets'), { input: 'secrets', ignoreComma: true, trim: false });
  if (secrets.length) opts.secrets = secretMap('secrets', secrets, 'a secret (ID=VALUE)', warn);
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
    for (const s of specs) cacheSpecType(name, s);
    if (specs.length) opts[key] = specs;
  }
  const target = get('target').trim();
  if (target) opts.target = target;
  const builder = get('builder').trim();
  if (builder) opts.builder = builder;
  const noCache = parseBool('no-cache', get('no-cache'));
  if (noCache !== undefined) opts.noCache = noCache;
  // build-push-action passes any sbom value to buildx (--sbom=generator=IMAGE): attributes are
  // the SBOM attestation's, as attests would give them (type=sbom,ATTRS).
  const sbomAttrs = get('sbom').includes('=') ? get('sbom').trim() : undefined;
  const sbom = sbomAttrs === undefined ? parseBool('sbom', get('sbom')) : undefined;
  if (sbom !== undefined) opts.sbom = sbom;
  const load = parseBool('load', get('load'));
  if (load !== undefined) opts.load = load;
  Object.assign(opts, moreBuildOptions(get, opts, cwd));
  if (sbomAttrs !== undefined) opts.attests = [...(opts.attests ?? []), sbomAttest(sbomAttrs, opts.attests)];
  return opts;
}

/** A path of an input, relative to the workspace (the step's working directory) as BPA reads it. */
const resolvePath = (p: string, cwd: string) => path.resolve(cwd, p);

/** `secret-files`: id -> the absolute path of an existing file (BPA: "secret file ... not found"). */
function secretFileOptions(
  raw: string,
  given: BuildInputOptions,
  cwd: string,
): Record<string, string> | undefined {
  const secretFiles = parseBpaList(raw, { input: 'secret-files', ignoreComma: true });
  if (!secretFiles.length) return undefined;
  const files = secretMap('secret-files', secretFiles, 'a secret file (ID=PATH)');
  for (const [id, file] of Object.entries(files)) {
    const abs = resolvePath(file.trim(), cwd);
    if (!existsSync(abs) || !statSync(abs).isFile())
      throw new InputError(
        `input "secret-files": ${id}=${file}: secret file ${abs} ${existsSync(abs) ? 'is no regular file (a directory?)' : 'not found'}`,
        'give the path of an existing file, relative to the workspace (write it in an earlier step)',
      );
    files[id] = abs;
  }
  const twice = Object.keys(files).filter(
    (id) => Object.hasOwn(given.secrets ?? {}, id) || Object.hasOwn(given.secretEnvs ?? {}, id),
  );
  if (twice.length)
    throw new InputError(
      `inputs "secrets"/"secret-envs"/"secret-files": secret id ${twice.join(', ')} is given twice`,
      'give each secret id once',
    );
  return files;
}

/** What BuildKit's SBOM attestation takes (buildx --sbom / --attest type=sbom). */
const SBOM_ATTRIBUTES = ['generator', 'scan-context', 'scan-stage', 'disabled'];

/**
 * The `sbom` input's attributes (generator=IMAGE, ...) as an --attest spec, refused with a line
 * break, an attribute the SBOM attestation does not take, or with `attests` setting it too.
 */
function sbomAttest(sbomAttrs: string, attests: readonly string[] | undefined): string {
  if (/[\r\n]/.test(sbomAttrs))
    throw new InputError(
      `input "sbom": ${JSON.stringify(sbomAttrs)} holds a line break (buildx reads one line)`,
    );
  const key = sbomAttrs
    .split(',')
    .map((kv) => kv.split('=')[0]!.trim())
    .find((k) => !SBOM_ATTRIBUTES.includes(k));
  if (key !== undefined)
    throw new InputError(
      `input "sbom": ${JSON.stringify(key)} is no attribute of the SBOM attestation (${SBOM_ATTRIBUTES.join(', ')})`,
      'give true, false, or attributes such as generator=IMAGE; another attestation goes in attests',
    );
  if (attests?.some((a) => /(?:^|,)\s*type=sbom\s*(?:,|$)/.test(a)))
    throw new InputError(
      `inputs "sbom" and "attests": both set the SBOM attestation (sbom: ${JSON.stringify(sbomAttrs)})`,
      'keep one of them',
    );
  return `type=sbom,${sbomAttrs}`;
}

/** `attests`: each with a type; provenance has its own input, and sbom is set once. */
function attestOptions(raw: string, given: BuildInputOptions): string[] {
  const attests = parseBpaList(raw, { input: 'attests', ignoreComma: true });
  for (const a of attests) {
    // A quoted item may span lines: buildx reads its --attest as one line (go-csvvalue).
    if (/[\r\n]/.test(a))
      throw new InputError(
        `input "attests": ${JSON.stringify(a)} holds a line break (buildx reads one line)`,
      );
    const type = /(?:^|,)\s*type=([^,]*)/.exec(a)?.[1]?.trim();
    if (!type)
      throw new InputError(
        `input "attests": ${JSON.stringify(a)} has no type= (e.g. type=sbom,generator=IMAGE)`,
      );
    if (type === 'provenance') {
      const attrs = a.split(',').filter((f) => !/^\s*type=/.test(f));
      throw new InputError(
        `input "attests": ${JSON.stringify(a)}: provenance is set by the provenance input (true, false, or attributes mode=min|max and version=v0.2|v1)`,
        `move it to the provenance input${attrs.length > 0 ? `: provenance: ${attrs.join(',').trim()}` : ''}`,
      );
    }
    if (type === 'sbom' && given.sbom !== undefined)
      throw new InputError(
        `inputs "sbom" and "attests": ${JSON.stringify(a)} sets the SBOM attestation twice`,
        'keep one of them (build-push-action lets the sbom input win)',
      );
  }
  return attests;
}

/**
 * An `ssh` item with its path (ID=PATH, default=SOCKET) made absolute; `default` as given. A path
 * that is not there is bad input now: buildx fails on it only at the build (after the resolve
 * stage), exit 1 with "fix the Dockerfile".
 */
function sshItem(item: string, cwd: string): string {
  const eq = item.indexOf('=');
  if (eq < 0) return item;
  const abs = resolvePath(item.slice(eq + 1).trim(), cwd);
  if (!existsSync(abs))
    throw new InputError(
      `input "ssh": ${item}: ${abs} not found (an SSH agent socket or a key file)`,
      'give the path of the agent socket or the key file, relative to the workspace (write or start it in an earlier step)',
    );
  return `${item.slice(0, eq)}=${abs}`;
}

/** `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`, `shm-size`, `ulimit`. */
function moreBuildOptions(
  get: (name: string) => string,
  given: BuildInputOptions,
  cwd: string,
): BuildInputOptions {
  const opts: BuildInputOptions = {};
  const secretFiles = secretFileOptions(get('secret-files'), given, cwd);
  if (secretFiles) opts.secretFiles = secretFiles;
  const ssh = parseBpaList(get('ssh'), { input: 'ssh', ignoreComma: false });
  for (const item of ssh)
    if (!/^[A-Za-z0-9_.-]+(=.+)?$/.test(item))
      throw new InputError(
        `input "ssh": ${JSON.stringify(item)} is not default, default=SOCKET or ID=PATH`,
        'write one SSH agent socket or key a line (e.g. default, or github=/home/runner/.ssh/id_ed25519)',
      );
  // A key's path, relative to the workspace as buildx reads it, made absolute: the build keeps the
  // file out of its context (src/pipeline/keep-out.ts), which needs to know where it is.
  if (ssh.length) opts.ssh = ssh.map((item) => sshItem(item, cwd));
  const contexts = buildContextOptions(get('build-contexts'));
  if (contexts) opts.buildContexts = contexts;
  const outputs = parseBpaList(get('outputs'), { ignoreComma: true, quote: false });
  if (outputs.length) opts.outputs = outputs.map(checkOutput);
  const attests = attestOptions(get('attests'), given);
  if (attests.length) opts.attests = attests;
  const hosts = parseBpaList(get('add-hosts'), { input: 'add-hosts', ignoreComma: false });
  for (const h of hosts) {
    const problem = addHostProblem(h);
    if (problem !== undefined) throw new InputError(`input "add-hosts": ${JSON.stringify(h)} ${problem}`);
  }
  if (hosts.length) opts.addHosts = hosts;
  const shm = get('shm-size').trim();
  if (shm) {
    const problem = shmSizeProblem(shm);
    if (problem !== undefined) throw new InputError(`input "shm-size": ${JSON.stringify(shm)} ${problem}`);
    opts.shmSize = shm;
  }
  const ulimits = parseBpaList(get('ulimit'), { input: 'ulimit', ignoreComma: true });
  for (const u of ulimits) {
    const problem = ulimitProblem(u);
    if (problem !== undefined) throw new InputError(`input "ulimit": ${JSON.stringify(u)} ${problem}`);
  }
  if (ulimits.length) opts.ulimits = ulimits;
  return { ...opts, ...privilegedOptions(get) };
}

/** `allow`, `cgroup-parent`, `no-cache-filters`, and `call` (only `build`: this action needs the image). */
function privilegedOptions(get: (name: string) => string): BuildInputOptions {
  const opts: BuildInputOptions = {};
  const allow = parseBpaList(get('allow'), { input: 'allow', ignoreComma: false });
  for (const a of allow)
    if (!/^[a-z]+(\.[a-z-]+)*$/.test(a))
      throw new InputError(
        `input "allow": ${JSON.stringify(a)} is not an entitlement`,
        'e.g. network.host or security.insecure (the builder must allow it too)',
      );
  if (allow.length) opts.allow = allow;
  const cgroup = get('cgroup-parent').trim();
  if (cgroup) {
    if (/\s/.test(cgroup))
      throw new InputError(`input "cgroup-parent": ${JSON.stringify(cgroup)} holds a space`);
    opts.cgroupParent = cgroup;
  }
  const filters = parseBpaList(get('no-cache-filters'), { input: 'no-cache-filters', ignoreComma: false });
  if (filters.length) opts.noCacheFilters = filters;
  const call = get('call').trim();
  if (call !== '' && call !== 'build')
    throw new InputError(
      `input "call": ${JSON.stringify(call)} makes buildx evaluate the Dockerfile instead of building the image, and this action pushes and smoke-tests the image`,
      `run "docker buildx build --call ${call.replace(/[^A-Za-z0-9=,._-]/g, '')}" in a step of its own (or leave call unset: build)`,
    );
  return opts;
}

/** The exporters `outputs` may add: the action itself pushes (`tags`, `push`) or loads (`load`). */
const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker'];

/**
 * One `outputs` item checked: a bare path is `type=local,dest=PATH` (as buildx reads it). The
 * action always exports the image itself (pushed by digest for the merge, or loaded for the
 * smoke stage), so `outputs` adds a second exporter: image/registry (use `tags` and `push`),
 * docker without dest (use `load`), cacheonly and stdout (`-`, the log) cannot work and are refused.
 */
export function checkOutput(item: string): string {
  const spec = item.includes('=') ? item : `type=local,dest=${item}`;
  const refuse = (why: string, fix: string) =>
    new InputError(`input "outputs": ${JSON.stringify(item)} ${why}`, fix);
  // As buildx reads it (specAttrs); a key given twice is refused: the check and buildx would read two specs.
  const { attrs, problem } = specAttrs(spec);
  if (problem !== undefined)
    throw refuse(problem, 'give each key once, on one line, e.g. type=local,dest=DIR');
  const type = attrs.get('type');
  const dest = attrs.get('dest');
  if (item === '-' || dest === '-')
    throw refuse('writes to stdout, which is the build log', 'give dest=FILE');
  if (type === undefined) throw refuse('has no type=', 'write type=local,dest=DIR (or tar, oci, docker)');
  if (type === 'image' || type === 'registry')
    throw refuse(
      'pushes an image; the action pushes the built images itself',
      'use the tags input with push: true (outputs takes local, tar, oci and docker with dest=)',
    );
  if (type === 'cacheonly') throw refuse('exports nothing; the action always exports the image', 'drop it');
  if (type === 'docker' && dest === undefined)
    throw refuse(
      'loads the image into the engine',
      'use load: true (with push: false the images are always loaded)',
    );
  if (!OUTPUT_TYPES.includes(type))
    throw refuse(`has an unknown type ${type}`, `use one of ${OUTPUT_TYPES.join(', ')}`);
  if (dest === undefined || dest === '') throw refuse('has no dest=', `write type=${type},dest=PATH`);
  return spec;
}

/**
 * `{variant}` and `{arch}` in an outputs, cache-from or cache-to spec replaced by the target's (a
 * gha scope or a registry cache ref of its own: one shared by all targets is overwritten by each).
 */
function specFor(spec: string, variant: string, arch: string): string {
  return spec.replaceAll('{variant}', variant).replaceAll('{arch}', arch);
}

/**
 * Where `outputs` writes for every target (each variant's platforms): DEST with its placeholders replaced,
 * read against CWD as buildx reads it.
 */
export function outputDests(
  outputs: readonly string[] | undefined,
  variants: readonly { name: string; platforms: readonly string[] }[],
  cwd: string,
): string[] {
  const dests = (outputs ?? []).flatMap((spec) => specAttrs(spec).attrs.get('dest') ?? []);
  const targets = variants.flatMap((v) =>
    v.platforms.map((p) => ({ variant: v.name, arch: archOf(p) ?? p })),
  );
  const all = dests.flatMap((d) => targets.map((t) => path.resolve(cwd, specFor(d, t.variant, t.arch))));
  return [...new Set(all)];
}

/**
 * The BuildRequest fields these inputs add for the target `variant`/`arch` (target.ts spreads
 * them into the request; buildx-args.ts turns them into argv).
 */
export function requestFromOptions(
  o: BuildInputOptions | undefined,
  variant: string,
  arch: string,
): Partial<BuildRequest> {
  if (!o) return {};
  return {
    ...(o.secretFiles && { secretFiles: o.secretFiles }),
    ...(o.ssh && { ssh: o.ssh }),
    ...(o.buildContexts && { buildContexts: o.buildContexts }),
    ...(o.outputs && { outputs: o.outputs.map((s) => specFor(s, variant, arch)) }),
    ...(o.cacheFrom && { cacheFrom: o.cacheFrom.map((s) => specFor(s, variant, arch)) }),
    ...(o.cacheTo && { cacheTo: o.cacheTo.map((s) => specFor(s, variant, arch)) }),
    ...(o.attests && { attests: o.attests }),
    ...(o.addHosts && { addHosts: o.addHosts }),
    ...(o.shmSize !== undefined && { shmSize: o.shmSize }),
    ...(o.ulimits && { ulimits: o.ulimits }),
    ...(o.allow && { allow: o.allow }),
    ...(o.cgroupParent !== undefined && { cgroupParent: o.cgroupParent }),
    ...(o.noCacheFilters && { noCacheFilters: o.noCacheFilters }),
  };
}
