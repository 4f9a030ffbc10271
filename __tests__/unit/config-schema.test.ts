import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INPUTS_DIGEST_ARG } from '../../src/build/inputs.js';
import { PLAN_BUILD_ARGS } from '../../src/config/build-args.js';
import { formatIssues } from '../../src/config/issues.js';
import { validateConfigData } from '../../src/config/load.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { ConfigError } from '../../src/errors.js';

function problemsOf(data: unknown): string[] {
  try {
    validateConfigData(data, 'ml-image.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).exitCode).toBe(2);
    return [...(e as ConfigError).problems];
  }
  throw new Error('expected the config to be rejected');
}

describe('config schema: valid input is normalized', () => {
  it.each([
    { 'docker.io/library/python': 'localhost:5000/ml-image-test/python' },
    { 'docker.io': 'localhost:5000' },
    { 'docker.io/library/': 'mirror.corp/hub/' },
    { 'nvcr.io/nvidia': 'mirror.corp:8443/nvidia' },
    { 'ghcr.io': '[::1]:5000' },
  ])('build.mirrors %j: a repository prefix or a whole registry is taken', (mirrors) => {
    expect(validateConfigData({ image: { name: 'a/b' }, build: { mirrors } }, 'x').build.mirrors).toEqual(
      mirrors,
    );
  });

  it('fills every default from the minimal config', () => {
    const c = validateConfigData({ image: { name: 'my-org/model' } }, 'x');
    expect(c.image).toEqual({ name: 'my-org/model', registry: 'ghcr.io' });
    expect(c.variants).toEqual([{ name: 'cpu', kind: 'cpu' }]);
    expect(c.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(c.build).toEqual({
      context: '.',
      args: {},
      mirrors: {},
      cache: 'auto',
      provenance: { mode: 'min' },
      network: 'default',
      pull: false,
      secrets: [],
    });
    expect(c.python).toEqual({ requirements: [], extraIndexUrls: [] });
    expect(c.resolve.mode).toBe('auto');
    expect(c.smoke.requireGpu).toBe(false);
    expect(c.smoke.suites).toContain('ddp');
    expect(c.smoke.gpuRunnerLabels).toEqual(['self-hosted', 'linux', 'x64', 'gpu']);
    expect(c.report).toEqual({ comment: true, summary: true });
  });

  it.each([
    ['cpu', { name: 'cpu', kind: 'cpu' }],
    ['cuda12.8', { name: 'cuda12.8', kind: 'cuda', cuda: '12.8' }],
    [
      { cuda: '13.0', torch: '2.9' },
      { name: 'cuda13.0', kind: 'cuda', cuda: '13.0', torch: '2.9' },
    ],
    [
      { cuda: '12.6', name: 'gpu' },
      { name: 'gpu', kind: 'cuda', cuda: '12.6' },
    ],
    [
      { name: 'ngc', base: 'nvcr.io/nvidia/pytorch:25.03-py3', template: 'ngc' },
      {
        name: 'ngc',
        kind: 'custom',
        base: 'nvcr.io/nvidia/pytorch:25.03-py3',
        template: 'ngc',
      },
    ],
    [{ python: '3.12' }, { name: 'cpu', kind: 'cpu', python: '3.12' }],
  ])('variant %j', (variant, expected) => {
    const c = validateConfigData({ image: { name: 'a/b' }, variants: [variant] }, 'x');
    expect(c.variants).toEqual([expected]);
  });

  it('applies top-level torch to variants without their own', () => {
    const c = validateConfigData(
      { image: { name: 'a/b' }, torch: '2.7', variants: ['cpu', { cuda: '12.8', torch: '2.8' }] },
      'x',
    );
    expect(c.variants.map((v) => v.torch)).toEqual(['2.7', '2.8']);
  });

  it('accepts a single requirements file as a string', () => {
    const c = validateConfigData(
      { image: { name: 'a/b' }, python: { requirements: 'requirements.txt' } },
      'x',
    );
    expect(c.python.requirements).toEqual(['requirements.txt']);
  });

  it('accepts all three kinds of custom test', () => {
    const c = validateConfigData(
      {
        image: { name: 'a/b' },
        smoke: {
          tests: [
            { name: 'cli', command: 'python -m app --help', expectedOutput: ['^usage'] },
            { name: 'weights', file: { path: '/models', mode: '0755' } },
            { name: 'meta', metadata: { user: 'app', env: { HF_HOME: '/cache/hf' } } },
          ],
        },
      },
      'x',
    );
    expect(c.smoke.tests.map((t) => t.exitCode)).toEqual([0, 0, 0]);
    expect(c.smoke.tests[1]!.file).toEqual({ path: '/models', exists: true, mode: '0755' });
  });
});

describe('config schema: every offending path is named with what was expected', () => {
  it.each([
    [
      { image: { name: 'a/b' }, variants: ['cpu', { cuda: 'cu128' }] },
      'variants[1].cuda: expected a version like "12.8", got "cu128"',
    ],
    [
      { image: { name: 'a/b' }, variants: ['cu128'] },
      'variants[0]: expected "cpu", "cudaX.Y" (like "cuda12.8") or an object like { cuda: "12.8" }, got "cu128"',
    ],
    [
      { image: { name: 'a/b' }, platforms: ['linux/ppc64le'] },
      'platforms[0]: expected one of "linux/amd64", "linux/arm64", got "linux/ppc64le"',
    ],
    [
      { image: { name: 'a/b' }, platforms: ['linux/amd64', 'linux/amd64'] },
      'platforms[1]: duplicate platform "linux/amd64"',
    ],
    [
      { image: { name: 'a/b' }, variants: ['cpu', 'cpu'] },
      'variants[1]: duplicate variant name "cpu" (also variants[0])',
    ],
    // A suite or an attestation given twice would run or attach twice.
    [
      { image: { name: 'a/b' }, smoke: { suites: ['imports', 'gpu', 'imports'] } },
      'smoke.suites[2]: duplicate suite "imports"',
    ],
    [
      { image: { name: 'a/b' }, attest: { types: ['sbom', 'sbom'] } },
      'attest.types[1]: duplicate attestation type "sbom"',
    ],
    [
      { image: { name: 'a/b' }, attest: { types: 'sbom, provenance,sbom' } },
      'attest.types[2]: duplicate attestation type "sbom"',
    ],
    // A name in the string form is named by its text (the string has no item [1] to show).
    [
      { image: { name: 'a/b' }, attest: { types: 'sbom,bogus' } },
      'attest.types: "bogus" is no attestation type: expected some of sbom, provenance, smoke (or none)',
    ],
    [
      { image: { name: 'a/b' }, attest: { types: ['sbom', 'bogus'] } },
      'attest.types[1]: expected one of "sbom", "provenance", "smoke", got "bogus"',
    ],
    [{ image: { name: 'a/b' }, variants: [] }, 'variants: expected at least one variant'],
    // A pull request cannot have the job's tokens or the action's inputs passed to buildx.
    [
      { image: { name: 'a/b' }, build: { secrets: ['HF_TOKEN', 'ACTIONS_RUNTIME_TOKEN'] } },
      `build.secrets[1]: "ACTIONS_RUNTIME_TOKEN" is one of the runner's own variables (ACTIONS_*, INPUT_*, STATE_*: the job's tokens and the action's inputs), never passed on`,
    ],
    // The action's secret inputs refuse these too: /run/secrets/.. is /run.
    [
      { image: { name: 'a/b' }, build: { secrets: ['HF_TOKEN', '..'] } },
      'build.secrets[1]: ".." is no secret id: dots only (a path, not a name)',
    ],
    [
      { image: { name: 'a/b' }, build: { secrets: ['.'] } },
      'build.secrets[0]: "." is no secret id: dots only (a path, not a name)',
    ],
    // Out of range: the value is named too.
    [
      { image: { name: 'a/b' }, smoke: { timeoutSeconds: 99999999 } },
      'smoke.timeoutSeconds: expected number to be <=86400, got 99999999',
    ],
    [
      { image: { name: 'a/b' }, smoke: { timeoutSeconds: 0 } },
      'smoke.timeoutSeconds: expected number to be >0, got 0',
    ],
    [
      { image: { name: 'a/b' }, variants: [{ base: 'x/y:1' }] },
      'variants[0].name: required when "base" is set (used in tags)',
    ],
    // A base image docker would refuse fails here, not in the build.
    [
      { image: { name: 'a/b' }, variants: [{ name: 'x', base: 'python:3.11:slim' }] },
      'variants[0].base: invalid image reference: expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu"',
    ],
    [
      { image: { name: 'a/b' }, variants: [{ name: 'x', base: 'nvcr.io/NVIDIA/pytorch:25.03-py3' }] },
      'variants[0].base: invalid image reference: the repository name must be lowercase',
    ],
    [
      { image: { name: 'a/b' }, variants: [{ name: 'x', base: 'python:3.11 slim' }] },
      'variants[0].base: invalid image reference: character " " is not allowed in an image reference',
    ],
    [
      { image: { name: 'a/b', registy: 'ghcr.io' } },
      'image.registy: unknown key (did you mean "registry"?); expected one of: name, registry, version',
    ],
    [
      { image: { name: 'a/b' }, smok: {} },
      'smok: unknown key (did you mean "smoke"?); expected one of: image, build, variants, platforms, torch, python, resolve, smoke, report, size, attest',
    ],
    [{}, 'image: required: expected a mapping'],
    [{ image: {} }, 'image.name: required: expected a repository name like "my-org/my-model"'],
    [
      { image: { name: 'My/Model' } },
      'image.name: expected a lowercase repository name like "my-org/my-model", got "My/Model"',
    ],
    [
      { image: { name: 'ghcr.io/my-org/x' } },
      'image.name: starts with the registry host "ghcr.io": the tags would be ghcr.io/ghcr.io/my-org/x; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("my-org/x")',
    ],
    [
      { image: { name: 'registry.corp.example/ml/x', registry: 'registry.corp.example' } },
      'image.name: starts with the registry host "registry.corp.example": the tags would be registry.corp.example/registry.corp.example/ml/x; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("ml/x")',
    ],
    [
      { image: { name: 'nvcr.io/acme/x', registry: 'localhost:5000' } },
      'image.name: starts with the registry host "nvcr.io": the tags would be localhost:5000/nvcr.io/acme/x; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("acme/x")',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { HF_TOKEN: 'hf_x' } } },
      'build.args.HF_TOKEN: its name says it holds a credential or an index URL; build arguments are recorded in the image history: pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { MIRROR: 'https://me:s3cret@pypi.corp/simple' } } },
      'build.args.MIRROR: its value carries URL credentials (user:password@ or token@ before the host); build arguments are recorded in the image history: pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls',
    ],
    [
      {
        image: { name: 'a/b' },
        build: {
          args: {
            MODEL_URL: 'https://acct.blob.core.windows.net/c/m.bin?sv=2022-11-02&sig=PLANTEDsas0123456789',
          },
        },
      },
      'build.args.MODEL_URL: its value holds a token in the query parameter sig; build arguments are recorded in the image history: pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { 'A B': 'x' } } },
      'build.args.A B: "A B" is not a build argument name: letters, digits and _, not starting with a digit',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { '': 'x' } } },
      'build.args."": "" is not a build argument name: letters, digits and _, not starting with a digit',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { BASE_IMAGE: 'someone/else:latest' } } },
      "build.args.BASE_IMAGE: BASE_IMAGE is set by the plan (the variant's base image, Python, torch or CUDA, which the resolver checked and the labels and attestations name): choose them in variants, not build.args",
    ],
    [
      { image: { name: 'a/b' }, resolve: { mode: 'fix' } },
      'resolve.mode: expected one of "auto", "check", "off", got "fix"',
    ],
    [
      { image: { name: 'a/b' }, smoke: { requireGpu: 'yes' } },
      'smoke.requireGpu: expected a boolean, got "yes"',
    ],
    [
      { image: { name: 'a/b' }, build: { dockerfile: 'D', template: 'cpu' } },
      'build.template: set "dockerfile" or "template", not both',
    ],
    [
      { image: { name: 'a/b' }, build: { template: 'rocm' } },
      'build.template: expected one of "cpu", "cuda", "ngc", got "rocm"',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { N: 3 } } },
      'build.args.N: expected a string, got number 3: quote it as written (unquoted, YAML reads it as a number: 3.10 becomes 3.1)',
    ],
    [
      { image: { name: 'a/b' }, python: { version: 3.1 } },
      'python.version: expected a Python version like "3.11", got number 3.1: quote it as written (unquoted, YAML reads it as a number: 3.10 becomes 3.1)',
    ],
    [
      { image: { name: 'a/b' }, build: { args: { ON: true } } },
      'build.args.ON: expected a string, got boolean true: quote it as written (unquoted, YAML reads it as a boolean)',
    ],
    [
      {
        image: { name: 'a/b' },
        build: { mirrors: { 'docker.io/library/python': 'mirror.corp/python:3.12' } },
      },
      'build.mirrors.docker.io/library/python: expected a repository like "mirror.corp/python" or a registry like "mirror.corp": a repository without a tag or digest (the image keeps its own), got "mirror.corp/python:3.12"',
    ],
    [
      {
        image: { name: 'a/b' },
        build: { mirrors: { 'docker.io/library/python': 'https://u:pw@mirror.corp/python' } },
      },
      'build.mirrors.docker.io/library/python: expected a repository like "mirror.corp/python" or a registry like "mirror.corp": expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu", got "https://[redacted]@mirror.corp/python"',
    ],
    [
      { image: { name: 'a/b' }, build: { mirrors: { 'Docker.io/Library': 'mirror.corp/python' } } },
      'build.mirrors.Docker.io/Library: as a key, expected a repository like "mirror.corp/python" or a registry like "mirror.corp": the repository name must be lowercase',
    ],
    [
      { image: { name: 'a/b' }, build: { mirrors: { 'u:S3CRETpw@x.example/p': 'mirror.corp/python' } } },
      'build.mirrors.***@x.example/p: as a key, expected a repository like "mirror.corp/python" or a registry like "mirror.corp": expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu"',
    ],
    [
      { image: { name: 'a/b' }, build: { mirrors: { '[::1]:5000': 'mirror.corp/hub' } } },
      'build.mirrors.[::1]:5000: as a key, expected a repository like "mirror.corp/python" or a registry like "mirror.corp": a registry with a port as a source never matches: name a repository under it (HOST:PORT/NAME)',
    ],
    [
      { image: { name: 'a/b' }, build: { mirrors: { 'localhost:5000': 'mirror.corp/hub' } } },
      'build.mirrors.localhost:5000: as a key, expected a repository like "mirror.corp/python" or a registry like "mirror.corp": a registry with a port as a source never matches: name a repository under it (HOST:PORT/NAME)',
    ],
    [
      {
        image: { name: 'a/b' },
        build: { mirrors: { 'docker.io/library/python@sha256:x': 'mirror.corp/python' } },
      },
      'build.mirrors.docker.io/library/python@sha256:x: as a key, expected a repository like "mirror.corp/python" or a registry like "mirror.corp": expected NAME[:TAG][@DIGEST], e.g. "ghcr.io/my-org/my-model:1.4.0-cpu"',
    ],
    [
      {
        image: { name: 'a/b' },
        smoke: {
          tests: [
            { name: 't', command: 'true' },
            { name: 'u', command: 'true' },
            { name: 't', command: 'false' },
          ],
        },
      },
      'smoke.tests[2].name: "t" is also the name of smoke.tests[0]: each test needs its own (the results name tests by it)',
    ],
    [
      { image: { name: 'a/b' }, python: { version: '3' } },
      'python.version: expected a Python version like "3.11", got "3"',
    ],
    [
      { image: { name: 'a/b' }, python: { indexUrl: 'not-a-url' } },
      'python.indexUrl: not a pip index URL: not a URL (got "not-a-url")',
    ],
    [
      { image: { name: 'a/b' }, python: { indexUrl: 'https://u:pw@a/simple\n[install]' } },
      'python.indexUrl: not a pip index URL: a blank or control character is in it (got "https://***@a/simple\\n[install]")',
    ],
    [
      { image: { name: 'a/b' }, python: { extraIndexUrls: ['mailto:x@y'] } },
      'python.extraIndexUrls[0]: not a pip index URL: pip reads an index over http, https or file only (got "***@y")',
    ],
    [
      { image: { name: 'a/b' }, python: { torchIndexUrl: 'wheels' } },
      'python.torchIndexUrl: not a pip index URL: not a URL (got "wheels")',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', command: 'x', file: { path: '/a' } }] } },
      'smoke.tests[0]: expected exactly one of "command", "file" or "metadata" (found 2)',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', command: 'x', expectedOutput: ['(oops'] }] } },
      'smoke.tests[0].expectedOutput[0]: expected a valid regular expression, got "(oops"',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', file: { path: 'rel' } }] } },
      'smoke.tests[0].file.path: expected an absolute path in the image, got "rel"',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', command: ['', '-c', 'true'] }] } },
      'smoke.tests[0].command[0]: the first item of an argv list is the program to run: it cannot be empty',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', metadata: { env: { 'A=B': 'c' } } }] } },
      'smoke.tests[0].metadata.env.A=B: as a key, expected a variable name: not empty, without "="',
    ],
    [
      { image: { name: 'a/b' }, smoke: { tests: [{ name: 't', metadata: { env: { '': 'c' } } }] } },
      'smoke.tests[0].metadata.env."": as a key, expected a variable name: not empty, without "="',
    ],
  ])('%j', (data, expected) => {
    expect(problemsOf(data)).toContain(expected);
  });

  it('a first path component with a dot that is no known registry stays a path component', () => {
    expect(validateConfigData({ image: { name: 'team.ai/model' } }, 'x').image.name).toBe('team.ai/model');
    // One component is a repository, whatever it looks like.
    expect(validateConfigData({ image: { name: 'ghcr.io' } }, 'x').image.name).toBe('ghcr.io');
  });

  it('lists every problem at once, not just the first', () => {
    const problems = problemsOf({
      image: { name: 'a/b', tagg: 1 },
      variants: ['cpu', { cuda: 'cu128' }],
      platforms: ['linux/s390x'],
      resolve: { mode: 'nope' },
    });
    expect(problems).toHaveLength(4);
  });

  it('rejects a document that is not a mapping', () => {
    expect(problemsOf(['a'])).toEqual(['(top level): expected a mapping of settings, got a list']);
  });
});

// The suggestion for an unknown key: the nearest allowed key within a third of the key's length
// (at least 2 edits). A key longer or shorter than that by itself is never compared letter by letter.
describe('config errors: did you mean', () => {
  const TOP = 'image, build, variants, platforms, torch, python, resolve, smoke, report, size, attest';
  it.each([
    ['smok', 'smoke'],
    // Two letters shorter, two edits: still suggested.
    ['smo', 'smoke'],
    ['platfroms', 'platforms'],
    ['Variant', 'variants'],
    ['reslve', 'resolve'],
    ['sz', 'size'],
    ['x', undefined],
    ['variantsvariants', undefined],
    ['attestations', undefined],
  ])('%j: %s', (key, hint) => {
    expect(problemsOf({ image: { name: 'a/b' }, [key]: {} })).toEqual([
      `${key}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${TOP}`,
    ]);
  });

  // Each candidate was compared with the key letter by letter: a 5 MB key in the fork poster's
  // artifact took half a minute; the more and the longer the allowed keys, the longer.
  it('a huge unknown key is named by its start (clipped), without being compared with each allowed key', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `setting_number_${i}_with_a_long_name`);
    const schema = z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number().optional()])));
    const key = 'x'.repeat(2_000_000);
    const data = { [key]: 1, setting_number_1_with_a_long_nam: 2 };
    const error = schema.safeParse(data).error!;
    const ctx = vm.createContext({ formatIssues, error, data, schema });
    const lines = vm.runInContext('formatIssues(error, data, schema)', ctx, { timeout: 20_000 }) as string[];
    const allowed = `expected one of: ${keys.join(', ')}`;
    expect(lines).toEqual([`${'x'.repeat(119)}…: unknown key; ${allowed}`, expect.any(String)]);
    expect(lines[1]).toBe(
      `setting_number_1_with_a_long_nam: unknown key (did you mean "setting_number_1_with_a_long_name"?); ${allowed}`,
    );
  });
});

describe('config errors show no credentials', () => {
  const token = 'cmVmdGtuOjAxOjE3MzQ1Njc4OTA6UmV2aWV3MTIzNDU2Nzg5MHJldmlldzEyMzQ1Njc4OTAxMjM0NTY3ODkw';
  it.each<[string, unknown, string]>([
    [
      'a long URL with a token, cut short in the message (the cut would drop its "@")',
      {
        image: { name: 'a/b' },
        python: { extraIndexUrls: `https://ci-bot:${token}@acme.jfrog.io/artifactory/api/pypi/simple` },
      },
      'python.extraIndexUrls',
    ],
    [
      'a password with "#" that no URL takes',
      { image: { name: 'a/b' }, python: { indexUrl: 'https://deploy:s3cr#tPassw0rd@host.example/simple' } },
      'python.indexUrl',
    ],
    [
      'a login before a blank, in the torch index',
      { image: { name: 'a/b' }, python: { torchIndexUrl: 'https://u:s3cr3t pw@h/whl' } },
      'python.torchIndexUrl',
    ],
    [
      'a login without a scheme',
      { image: { name: 'a/b' }, python: { indexUrl: 'deploy:s3cr3tPassw0rd@pypi.example/simple' } },
      'python.indexUrl',
    ],
    [
      'a token in the query, with a blank',
      {
        image: { name: 'a/b' },
        python: { extraIndexUrls: ['https://h/simple?access_token=s3cr3tPassw0rd x'] },
      },
      'python.extraIndexUrls[0]',
    ],
    [
      'a token among other words',
      { image: { name: 'a/b' }, platforms: 'linux/amd64 ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
      'platforms',
    ],
  ])('%s', (_what, data, field) => {
    const problems = problemsOf(data).join('\n');
    expect(problems).toContain(field);
    for (const secret of [token.slice(0, 12), token.slice(30, 42), 's3cr', 'tPassw0rd', 'ghp_'])
      expect(problems).not.toContain(secret);
  });
});

describe('build.args may not set what the plan sets', () => {
  it('PLAN_BUILD_ARGS names every build arg the plan and the build stage set', () => {
    const plan = planBuild(
      validateConfigData(
        {
          image: { name: 'a/b' },
          variants: [{ cuda: '12.8', torch: '2.7' }, 'cpu'],
          platforms: ['linux/amd64'],
        },
        'ml-image.yml',
      ),
      { catalog: bundledCatalog(), git: { sha: 'a'.repeat(40), ref: 'refs/heads/main' }, now: new Date(0) },
    );
    const names = new Set([...plan.variants.flatMap((v) => Object.keys(v.buildArgs)), INPUTS_DIGEST_ARG]);
    expect(names.size).toBeGreaterThanOrEqual(6);
    for (const n of names) expect(PLAN_BUILD_ARGS.has(n), n).toBe(true);
  });
});

// The hint to quote a value is YAML's (3.10 reads as 3.1 unquoted): a JSON file's problem (a
// record, build.json) got it too, where JSON quotes what it means.
describe('formatIssues: the quoting hint is for YAML only', () => {
  const schema = z.object({ version: z.string(), on: z.string() });
  const data = { version: 3.1, on: true };
  const error = schema.safeParse(data).error!;
  it('from the config (yaml: true): hinted', () => {
    expect(formatIssues(error, data, schema, { yaml: true })).toEqual([
      'version: expected a string, got number 3.1: quote it as written (unquoted, YAML reads it as a number: 3.10 becomes 3.1)',
      'on: expected a string, got boolean true: quote it as written (unquoted, YAML reads it as a boolean)',
    ]);
  });
  it('from a JSON file: not', () => {
    expect(formatIssues(error, data, schema)).toEqual([
      'version: expected a string, got number 3.1',
      'on: expected a string, got boolean true',
    ]);
  });
});
