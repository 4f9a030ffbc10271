// What ml-image.yml refuses when it is read (exit 2, naming file, line and value), so that `validate`
// catches it rather than a build that has already run the resolve stage: a build secret id given
// twice or one this tool mounts itself, a registry port past 65535, a `__proto__` key that a map
// would drop without a word. And what it takes as written: `build.provenance: false` unquoted. A
// build secret the environment lacks is the run's problem, not the file's: runPipeline refuses it
// before the resolve stage starts a container.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkBuildSecrets } from '../../src/build/input-secrets.js';
import { BUILD_SECRET_IDS } from '../../src/build/inputs.js';
import { parseInputValue } from '../../src/config/inputs.js';
import { loadConfig } from '../../src/config/load.js';
import { TOOL_SECRET_IDS } from '../../src/config/secret-id.js';
import { ConfigError, ExitCode, InputError } from '../../src/errors.js';
import { imageRefProblem, mirrorProblem, registryHostProblem } from '../../src/oci/ref.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { openResultDir } from '../../src/results/results.js';
import { fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-config-refusals-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = 'image:\n  name: my-org/model\n  registry: localhost:5000\nplatforms: [linux/amd64]\n';

/** loadConfig on TEXT as ml-image.yml: the config, or the ConfigError's problems. */
function load(text: string) {
  writeFileSync(path.join(dir, 'ml-image.yml'), text);
  return loadConfig({ cwd: dir, checkFiles: false });
}
function problemsOf(text: string): { source: string; problems: readonly string[]; exitCode: number } {
  try {
    load(text);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('build.secrets: refused when the config is read', () => {
  it.each([
    [
      'an id given twice',
      'build:\n  secrets:\n    - MY_SECRET\n    - MY_SECRET\n',
      'line 8: build.secrets[1]: secret id "MY_SECRET" is given twice (also build.secrets[0]): give each id once',
    ],
    [
      'an id the tool mounts itself',
      'build:\n  secrets: [HF_TOKEN, ml_image_requirements]\n',
      'line 6: build.secrets[1]: "ml_image_requirements" is a secret id this tool mounts itself (ml_image_requirements, ml_image_constraints, ml_image_pip_conf, ml_image_torch_index, ml_image_netrc, ml_image_env, ml_image_pip): use another id',
    ],
  ])('%s: exit 2 naming the file, line and value', (_n, build, problem) => {
    const e = problemsOf(`${HEAD}${build}`);
    expect(e.source).toBe('ml-image.yml');
    expect(e.exitCode).toBe(ExitCode.BadInput);
    expect(e.problems).toEqual([problem]);
  });

  it('distinct ids of its own are taken, in order', () => {
    expect(load(`${HEAD}build: {secrets: [HF_TOKEN, PIP_TOKEN, hf_token]}\n`).config.build.secrets).toEqual([
      'HF_TOKEN',
      'PIP_TOKEN',
      'hf_token',
    ]);
  });

  it("the config's list of the tool's own ids is the build stage's", () => {
    expect(BUILD_SECRET_IDS).toBe(TOOL_SECRET_IDS);
  });
});

describe('a registry port outside 1..65535', () => {
  it.each(['localhost:99999', 'localhost:0', 'registry.corp.example:65536', '[::1]:70000'])(
    'image.registry %s: exit 2 naming the field, line and value',
    (registry) => {
      const e = problemsOf(`image:\n  name: my-org/model\n  registry: "${registry}"\n`);
      const port = /:(\d+)$/.exec(registry)![1];
      expect(e.problems).toEqual([`line 3: image.registry: port ${port} is out of range (1 to 65535)`]);
    },
  );

  it.each(['localhost:5000', 'localhost:1', 'localhost:65535', '[::1]:5000', 'ghcr.io'])(
    'image.registry %s is taken',
    (registry) => {
      expect(load(`image:\n  name: my-org/model\n  registry: "${registry}"\n`).config.image.registry).toBe(
        registry,
      );
    },
  );

  it.each([
    ['ghcr.io', undefined],
    ['localhost:5000', undefined],
    ['localhost:99999', 'port 99999 is out of range (1 to 65535)'],
    ['[::1]:0', 'port 0 is out of range (1 to 65535)'],
    ['not a host', 'expected a registry host like "ghcr.io" or "localhost:5000"'],
  ])('registryHostProblem(%j) -> %j', (host, problem) => {
    expect(registryHostProblem(host)).toBe(problem);
  });

  it('a mirror and an image reference with such a port are refused too', () => {
    expect(mirrorProblem('localhost:99999', false)).toBe('port 99999 is out of range (1 to 65535)');
    expect(mirrorProblem('localhost:99999/python', false)).toBe('port 99999 is out of range (1 to 65535)');
    expect(imageRefProblem('localhost:99999/python:3.11')).toBe('port 99999 is out of range (1 to 65535)');
    expect(imageRefProblem('localhost:5000/python:3.11')).toBeUndefined();
    // A tag of digits is no port.
    expect(imageRefProblem('python:99999')).toBeUndefined();
    const e = problemsOf(`${HEAD}build:\n  mirrors:\n    docker.io/library/python: localhost:99999/python\n`);
    expect(e.problems).toEqual([
      'line 7: build.mirrors.docker.io/library/python: expected a repository like "mirror.corp/python" or a registry like "mirror.corp": port 99999 is out of range (1 to 65535), got "localhost:99999/python"',
    ]);
  });
});

describe('a registry host with a label that starts or ends with "-" (docker refuses its tags)', () => {
  const LABELS = ' (each dot-separated part starts and ends with a letter or digit)';
  it.each(['bad-.io', '-bad.io', 'my-registry.-example.com', 'a..io', 'bad-.io:5000'])(
    'image.registry %s: exit 2 naming the field, line and value',
    (registry) => {
      const e = problemsOf(`image:\n  name: my-org/model\n  registry: "${registry}"\n`);
      expect(e.exitCode).toBe(ExitCode.BadInput);
      expect(e.problems).toEqual([
        `line 3: image.registry: expected a registry host like "ghcr.io" or "localhost:5000"${LABELS}, got ${JSON.stringify(registry)}`,
      ]);
    },
  );

  it.each([
    'localhost',
    'localhost:5000',
    '127.0.0.1:5000',
    'my-registry.example.com',
    'xn--80ak6aa92e.com',
    'a.b-c--d.io',
    'Registry.Corp.Example',
    '[::1]',
    '[2001:db8::1]:5000',
  ])('%s is still a registry host, and a mirror', (host) => {
    expect(registryHostProblem(host)).toBeUndefined();
    expect(mirrorProblem(host, false)).toBeUndefined();
    expect(load(`image:\n  name: my-org/model\n  registry: "${host}"\n`).config.image.registry).toBe(host);
  });

  it('a mirror on such a host is refused too', () => {
    expect(mirrorProblem('bad-.io', false)).toBeDefined();
    expect(mirrorProblem('-bad.io/python', false)).toBeDefined();
  });
});

describe('a __proto__ key in a map: refused, never dropped', () => {
  const PROBLEM =
    '"__proto__" cannot be a key here (JavaScript reserves the name: the entry would be dropped without a word); rename it';
  it.each([
    ['build.args', 'build:\n  args:\n    A: "1"\n    __proto__: x\n', 'line 8: build.args.__proto__'],
    [
      'build.mirrors',
      'build:\n  mirrors:\n    __proto__: mirror.corp/python\n',
      'line 7: build.mirrors.__proto__',
    ],
    [
      'a metadata test env',
      'smoke:\n  tests:\n    - name: env\n      metadata:\n        env:\n          __proto__: x\n',
      'line 10: smoke.tests[0].metadata.env.__proto__',
    ],
  ])('%s: exit 2 naming the key and its line', (_n, block, at) => {
    expect(problemsOf(`${HEAD}${block}`).problems).toEqual([`${at}: ${PROBLEM}`]);
  });

  it('other names of Object.prototype are plain keys, kept', () => {
    const c = load(`${HEAD}build: {args: {constructor: y, toString: z, hasOwnProperty: w}}\n`).config;
    expect(c.build.args).toEqual({ constructor: 'y', toString: 'z', hasOwnProperty: 'w' });
  });

  it('the build-args input: a __proto__ line is bad input, not a lost argument', () => {
    const spec = { input: 'build-args', path: ['build', 'args'], kind: 'kv-list' } as const;
    expect(() => parseInputValue(spec, 'A=1\n__proto__=x')).toThrow(
      new InputError(`input "build-args": ${PROBLEM}`),
    );
    expect(parseInputValue(spec, 'A=1\nconstructor=x')).toEqual({ A: '1', constructor: 'x' });
  });
});

describe('build.provenance as YAML writes it', () => {
  it.each([
    ['false', { mode: 'false' }],
    ['"false"', { mode: 'false' }],
    ['true', { mode: 'min' }],
    ['min', { mode: 'min' }],
    ['max', { mode: 'max' }],
    // The mapping: the SLSA version BuildKit writes (its `version` attribute).
    ['{mode: max, version: v1}', { mode: 'max', version: 'v1' }],
    ['{mode: min, version: v0.2}', { mode: 'min', version: 'v0.2' }],
    ['{version: v1}', { mode: 'min', version: 'v1' }],
    ['{mode: max}', { mode: 'max' }],
    ['{mode: false, version: v1}', { mode: 'false', version: 'v1' }],
    ['{mode: true}', { mode: 'min' }],
    ['\n    mode: max\n    version: v1', { mode: 'max', version: 'v1' }],
  ])('%s -> %j', (written, provenance) => {
    expect(load(`${HEAD}build:\n  provenance: ${written}\n`).config.build.provenance).toEqual(provenance);
  });

  const EXPECTED =
    'expected false, true (min), "min" or "max" or a mapping like { mode: "max", version: "v1" }';
  it.each([
    ['full', [`line 6: build.provenance: ${EXPECTED}, got "full"`]],
    ['1', [`line 6: build.provenance: ${EXPECTED}, got number 1`]],
    ['[max]', [`line 6: build.provenance: ${EXPECTED}`]],
    // buildx's attributes are the action input's form: the config says how to write them here.
    [
      'mode=max,version=v1',
      [
        `line 6: build.provenance: ${EXPECTED} (buildx's attributes are the provenance input's form; here write them as a mapping), got "mode=max,version=v1"`,
      ],
    ],
    [
      '{mode: max, version: v2}',
      ['line 6: build.provenance.version: expected one of "v0.2", "v1", got "v2"'],
    ],
    ['{version: 1}', ['line 6: build.provenance.version: expected one of "v0.2", "v1", got number 1']],
    ['{mode: full}', ['line 6: build.provenance.mode: expected one of "false", "min", "max", got "full"']],
    [
      '{mode: max, versoin: v1}',
      [
        'line 6: build.provenance.versoin: unknown key (did you mean "version"?); expected one of: mode, version',
      ],
    ],
  ])('%s is refused, naming the values', (written, problems) => {
    expect(problemsOf(`${HEAD}build:\n  provenance: ${written}\n`)).toMatchObject({ problems, exitCode: 2 });
  });
});

describe('a build secret the environment lacks: exit 2 before any container runs', () => {
  const pipelineRun = (secrets: string, env: Record<string, string>, mergeFrom?: string) => {
    // With requirements, so that the resolve stage would run its containers.
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      `${HEAD}variants: [cpu]\npython: {requirements: [requirements.txt]}\nbuild: {secrets: [${secrets}]}\n`,
    );
    const progress: string[] = [];
    const engine = { asked: 0 };
    const run = runPipeline(
      {
        loaded: loadConfig({ cwd: dir, checkFiles: false }),
        stages: new Set(['plan', 'resolve', 'build'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: true,
        merge: true,
        ...(mergeFrom !== undefined && { mergeFrom }),
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        // Any call to the engine rejects: no stage may reach it first.
        docker: () => {
          engine.asked++;
          return fakeDocker();
        },
        env,
        progress: (stage, line) => progress.push(`${stage} ${line}`),
        error: () => undefined,
        warning: () => undefined,
      },
    );
    return { progress, engine, err: run.then(() => undefined).catch((e: unknown) => e) };
  };

  it('build.secrets names a variable that is not set: InputError after the plan, before resolve', async () => {
    const { progress, engine, err } = pipelineRun('MY_SET, MY_UNSET_SECRET', { MY_SET: 'abcdefgh' });
    const e = await err;
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).exitCode).toBe(ExitCode.BadInput);
    expect((e as Error).message).toBe('build.secrets: MY_UNSET_SECRET is not set in the environment');
    // The engine was never asked for: the resolve stage started nothing.
    expect(engine.asked).toBe(0);
    expect(progress.filter((l) => !l.startsWith('plan '))).toEqual([]);
    expect(progress.some((l) => l.startsWith('plan '))).toBe(true);
  });

  it('a merge job (merge-from) builds nothing: it does not need the secrets', async () => {
    const { err } = pipelineRun('MY_UNSET_SECRET', {}, path.join(dir, 'no-digests'));
    expect(String(await err)).not.toMatch(/MY_UNSET_SECRET/);
  });

  it.each([
    [
      'an input id that is a build.secrets id',
      { secrets: { HF_TOKEN: 'x' } },
      { HF_TOKEN: 'y' },
      'inputs "secrets"/"secret-envs": secret id HF_TOKEN is given twice (or is one this action mounts itself)',
    ],
    [
      "an input id that is one of the tool's own",
      { secretEnvs: { ml_image_env: 'X' } },
      { HF_TOKEN: 'y', X: 'z' },
      'inputs "secrets"/"secret-envs": secret id ml_image_env is given twice (or is one this action mounts itself)',
    ],
    [
      'a secret-envs variable that is not set',
      { secretEnvs: { pip: 'PIP_TOKEN' } },
      { HF_TOKEN: 'y' },
      'input "secret-envs": pip=PIP_TOKEN: PIP_TOKEN is not set in the environment',
    ],
  ])('checkBuildSecrets: %s', (_n, options, env, message) => {
    const { config } = load(`${HEAD}build: {secrets: [HF_TOKEN]}\n`);
    const e = (() => {
      try {
        checkBuildSecrets(options, config, env);
      } catch (caught) {
        return caught;
      }
    })();
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toBe(message);
  });

  it('checkBuildSecrets: all set, ids once: the secret-envs values by id', () => {
    const { config } = load(`${HEAD}build: {secrets: [HF_TOKEN]}\n`);
    expect(
      checkBuildSecrets({ secretEnvs: { pip: 'PIP_TOKEN' } }, config, { HF_TOKEN: 'a', PIP_TOKEN: 'b' }),
    ).toEqual({ pip: 'b' });
  });
});

describe('attest: keyless with the transparency log off', () => {
  // Keyless signatures are always logged in Rekor: the attest stage refused this pair only when a
  // run got there (with an OIDC token); validate called the file valid.
  it('is refused when the file is read, at the line of tlog', () => {
    const e = problemsOf(`${HEAD}attest:\n  sign: keyless\n  tlog: false\n`);
    expect(e.exitCode).toBe(ExitCode.BadInput);
    expect(e.problems).toEqual([
      'line 7: attest.tlog: false with sign: keyless, whose signatures are logged in the public Rekor log: leave tlog out with keyless, or sign with a key (sign: key) to keep the log out',
    ]);
  });

  it.each([
    ['auto (keyless is then not chosen)', 'attest:\n  tlog: false\n'],
    ['a key', 'attest:\n  sign: key\n  tlog: false\n'],
    ['keyless with tlog left out', 'attest:\n  sign: keyless\n'],
    ['keyless with tlog true', 'attest:\n  sign: keyless\n  tlog: true\n'],
  ])('%s is taken', (_what, block) => {
    expect(() => load(`${HEAD}${block}`)).not.toThrow();
  });
});

describe('smoke.tests: a setting the test never checks, or a test of nothing', () => {
  // Each was taken and dropped without a word: the test passed on what it did check, or on nothing.
  it.each([
    [
      'file: {path: /x}, expectedOutput: [foo]',
      'expectedOutput',
      'only a command test has output and an exit code to check: remove "expectedOutput" or add "command"',
    ],
    [
      'metadata: {user: app}, excludedOutput: [x]',
      'excludedOutput',
      'only a command test has output and an exit code to check: remove "excludedOutput" or add "command"',
    ],
    [
      'metadata: {user: app}, exitCode: 3',
      'exitCode',
      'only a command test has output and an exit code to check: remove "exitCode" or add "command"',
    ],
    [
      'file: {path: /x, exists: false, mode: "0755"}',
      'file.mode',
      'a path that must not exist has no mode to check: remove "mode" or "exists: false"',
    ],
    [
      'metadata: {}',
      'metadata',
      'checks nothing: give at least one of user, workdir, env, labels, entrypoint, cmd (env and labels not empty)',
    ],
    [
      'metadata: {env: {}, labels: {}}',
      'metadata',
      'checks nothing: give at least one of user, workdir, env, labels, entrypoint, cmd (env and labels not empty)',
    ],
    [
      'command: "  "',
      'command',
      'a command of blanks runs nothing (sh -c exits 0, so the test passed): give the command to run',
    ],
  ])('{%s}: exit 2 naming %s', (test, field, message) => {
    const e = problemsOf(`${HEAD}smoke:\n  tests:\n    - {name: t, ${test}}\n`);
    expect(e.exitCode).toBe(ExitCode.BadInput);
    expect(e.problems).toEqual([`line 7: smoke.tests[0].${field}: ${message}`]);
  });

  it.each([
    'command: x, exitCode: 3, expectedOutput: [a], excludedOutput: [b]',
    'file: {path: /x, exists: false}',
    'file: {path: /x, mode: "0755"}',
    'metadata: {user: ""}',
    'metadata: {entrypoint: []}',
    'metadata: {env: {}, user: app}',
  ])('{%s} is taken', (test) => {
    expect(() => load(`${HEAD}smoke:\n  tests:\n    - {name: t, ${test}}\n`)).not.toThrow();
  });
});

describe('attest.types: none beside a kind', () => {
  // It was '"none" is no attestation type: expected some of sbom, provenance, smoke (or none)'.
  it.each([
    ['"sbom, none"', '"sbom, none"'],
    ['[sbom, none]', '"sbom, none"'],
  ])('types: %s is refused saying none stands alone', (types, shown) => {
    const e = problemsOf(`${HEAD}attest:\n  types: ${types}\n`);
    expect(e.problems).toEqual([
      `line 6: attest.types: none (no attestations) stands alone, got ${shown}: give none alone, or some of sbom, provenance, smoke`,
    ]);
  });
});

describe('a key with a space that only looks like one, or a blank at an end', () => {
  // A no-break space pasted as indentation made "line 6:   name: unknown key": the key seemed
  // indented under image, which was null. Quoted, the space named.
  it.each([
    [`${HEAD}build:\n\u00a0 pull: true\n`, 'line 6: "\\u00a0 pull": unknown key'],
    [`${HEAD}"build ": {}\n`, 'line 5: "build ": unknown key (did you mean "build"?)'],
    [`${HEAD}build: {"pu\u00a0ll": true}\n`, 'line 5: build."pu\\u00a0ll": unknown key'],
  ])('%j names the key quoted', (text, start) => {
    const e = problemsOf(text);
    expect(e.problems.some((p) => p.startsWith(start))).toBe(true);
  });
});
