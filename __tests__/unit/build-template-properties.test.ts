// Properties of what a config puts into a build: the templates' Dockerfiles (read with a model of
// BuildKit's Dockerfile parser and of sh's quoting, never run), the build arguments that reach them
// and the buildx argv. Any config the loader accepts leaves each template's instructions as they are
// and each value one argv entry that reads back literally; a value that cannot be written safely is
// refused by the loader. Deterministic (fixed seeds); no process is started.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BuilderInfo, type BuildRequest, buildxBuildArgs } from '../../src/build/buildx-args.js';
import { cacheFor } from '../../src/build/cache-scope.js';
import { publicPlanArgs, secretEnvScript } from '../../src/build/inputs.js';
import { PLAN_BUILD_ARGS } from '../../src/config/build-args.js';
import { validateConfigData } from '../../src/config/load.js';
import { type Config, TEMPLATES } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

interface Instruction {
  keyword: string;
  body: string;
}

/**
 * The Dockerfile as BuildKit's parser reads it (default escape `\`): parser directives at the top
 * (`# syntax=`, `# escape=`, `# check=`) until the first other line, then instructions, a line
 * ending in `\` continued on the next, comment and blank lines inside a continuation skipped.
 */
function parseDockerfile(text: string): { directives: string[]; instructions: Instruction[] } {
  const lines = text.split(/\r?\n/);
  const directives: string[] = [];
  let i = 0;
  for (; i < lines.length && /^#\s*[A-Za-z][A-Za-z0-9]*\s*=/.test(lines[i]!); i++) directives.push(lines[i]!);
  const instructions: Instruction[] = [];
  let current: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*#/.test(line) || (current !== undefined && line.trim() === '')) continue;
    if (current === undefined && line.trim() === '') continue;
    const continued = /\\\s*$/.test(line);
    const part = continued ? line.replace(/\\\s*$/, '') : line;
    current = current === undefined ? part : `${current}${part}`;
    if (continued) continue;
    const m = /^\s*(\S+)\s*(.*)$/s.exec(current)!;
    instructions.push({ keyword: m[1]!.toUpperCase(), body: m[2]! });
    current = undefined;
  }
  return { directives, instructions };
}

type Quoting = 'unquoted' | 'single' | 'double' | 'code';
interface Expansion {
  name: string;
  quoting: Quoting;
}

/**
 * The variables a RUN's shell form expands and how each is quoted (sh's rules): nothing inside
 * '...'; inside "..." one word, never split or globbed; 'code' a double-quoted word that is the
 * program of `-c` (python3 -c "...${X}..."), where the value becomes source text. A `$(...)` starts
 * its quoting afresh (`"$(getent passwd "${X}")"`: X is double-quoted).
 */
function shellExpansions(script: string): Expansion[] {
  const out: Expansion[] = [];
  type Frame = { state: 'none' | 'single' | 'double'; code: boolean; subst: boolean };
  const frames: Frame[] = [{ state: 'none', code: false, subst: false }];
  for (let i = 0; i < script.length; i++) {
    const f = frames[frames.length - 1]!;
    const ch = script[i]!;
    if (f.state === 'single') {
      if (ch === "'") f.state = 'none';
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === "'" && f.state === 'none') f.state = 'single';
    else if (ch === '"') {
      if (f.state === 'double') Object.assign(f, { state: 'none', code: false });
      else Object.assign(f, { state: 'double', code: /(?:^|\s)-c\s*$/.test(script.slice(0, i)) });
    } else if (ch === ')' && f.state === 'none' && f.subst) frames.pop();
    else if (ch === '$' && script[i + 1] === '(') {
      frames.push({ state: 'none', code: false, subst: true });
      i++;
    } else if (ch === '$') {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))/.exec(script.slice(i));
      if (m)
        out.push({
          name: (m[1] ?? m[2])!,
          quoting: f.state === 'none' ? 'unquoted' : f.code ? 'code' : 'double',
        });
    }
  }
  return out;
}

const templateText = (t: string) => readFileSync(path.join(REPO_ROOT, 'images', t, 'Dockerfile'), 'utf8');
const TEMPLATE_FILES = TEMPLATES.map((t) => [t, parseDockerfile(templateText(t))] as const);

/** The build arguments each template declares (ARG NAME[=default]). */
const declared = (instructions: Instruction[]) =>
  instructions.filter((i) => i.keyword === 'ARG').map((i) => /^([A-Za-z_][A-Za-z0-9_]*)/.exec(i.body)![1]!);

/** Build args whose value a RUN's `-c` program holds as source text: the plan's only, digits and dots. */
const CODE_ARGS = new Set(['ML_IMAGE_CUDA']);

describe('the templates, read as BuildKit and sh read them', () => {
  it.each(TEMPLATE_FILES)('%s: no parser directive; each build argument a RUN reads is quoted', (_t, df) => {
    expect(df.directives).toEqual([]);
    const args = new Set(declared(df.instructions));
    expect(args.size).toBeGreaterThan(0);
    const runs = df.instructions.filter((i) => i.keyword === 'RUN');
    expect(runs.length).toBeGreaterThan(1);
    const expansions = runs.flatMap((r) => shellExpansions(r.body)).filter((e) => args.has(e.name));
    expect(expansions.length).toBeGreaterThan(0);
    for (const e of expansions) {
      expect(e.quoting, e.name).not.toBe('unquoted');
      if (e.quoting === 'code') expect([...CODE_ARGS], e.name).toContain(e.name);
    }
    // Which build.args can set (the plan's own are refused there), beside the plan's.
    expect([...args].filter((a) => !PLAN_BUILD_ARGS.has(a))).toEqual(['APP_UID']);
  });

  it('the quoting model tells the cases apart', () => {
    expect(
      shellExpansions(`a $X "b \${Y}" 'c $Z' python3 -c "d \${W:-}" "e \\"\${V}\\"" "$(f "$U" $T)"`),
    ).toEqual([
      { name: 'X', quoting: 'unquoted' },
      { name: 'Y', quoting: 'double' },
      { name: 'W', quoting: 'code' },
      { name: 'V', quoting: 'double' },
      { name: 'U', quoting: 'double' },
      { name: 'T', quoting: 'unquoted' },
    ]);
    expect(parseDockerfile('# syntax=evil/fe\nFROM a\nRUN a \\\n# c\n  b\n').directives).toEqual([
      '# syntax=evil/fe',
    ]);
    expect(parseDockerfile('FROM a\nRUN a \\\n# c\n\n  b\n').instructions).toEqual([
      { keyword: 'FROM', body: 'a' },
      { keyword: 'RUN', body: 'a   b' },
    ]);
  });
});

const container: BuilderInfo = { buildxVersion: '0.21.2', driver: 'docker-container' };
const request = (buildArgs: Record<string, string>, secrets: string[] = []): BuildRequest => ({
  context: '/src',
  dockerfile: '/images/cpu/Dockerfile',
  platform: 'linux/amd64',
  repository: 'ghcr.io/o/m',
  pushTag: 'ml-image-build-cpu-amd64',
  push: true,
  labels: {},
  buildArgs,
  cache: { type: 'registry', ref: 'ghcr.io/o/m:cache-cpu-amd64' },
  metadataFile: '/tmp/meta.json',
  provenance: 'min',
  secrets,
});

/** buildx's argv walked as its flag parser does: each `--build-arg`'s value, NAME=VALUE split at the first `=`. */
function buildArgsOfArgv(argv: string[]): [string, string][] {
  return argv.flatMap((a, i) => {
    if (a !== '--build-arg') return [];
    const v = argv[i + 1]!;
    const eq = v.indexOf('=');
    return [[v.slice(0, eq), v.slice(eq + 1)] as [string, string]];
  });
}

const plan = (config: Config, ref: string) =>
  planBuild(config, {
    catalog: bundledCatalog(),
    git: { sha: 'c'.repeat(40), ref, isDefaultBranch: ref === 'refs/heads/main' },
    now: new Date('2026-11-30T00:00:00Z'),
  });
/** The refs a run may be of: a branch name is any text git takes, a tag a version or not. */
const REFS = [
  'refs/heads/main',
  'refs/heads/feat/Ünïcode-$(id)',
  'refs/heads/-x',
  'refs/heads/a..b',
  'refs/tags/v1.4.0',
  'refs/tags/v1.4.0+build.5',
  'refs/tags/release-`id`',
  'refs/pull/12/merge',
];

/** The config the loader makes of DATA, or undefined where it refuses it (a ConfigError, exit 2). */
function accepted(data: unknown): Config | undefined {
  try {
    return validateConfigData(data, 'ml-image.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return undefined;
  }
}

const NASTY = [
  '',
  '-',
  '--pull',
  '-x=y',
  'a=b',
  'a\nb',
  'a\rb',
  'a\\',
  'a\u2028b',
  'a\u0085b',
  '${APP_UID}',
  '$(id)',
  '`id`',
  '<<EOF',
  '"; id; "',
  "'; id; '",
  '# syntax=evil/frontend',
  'docker/dockerfile:1',
  '1000',
  '0',
  '4294967295',
  '1e3',
  ' 1000',
  '1000 ',
  '+1000',
  '１０００',
];
const value = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 }));
const argName = fc.oneof(
  fc.constantFrom(
    'APP_UID',
    'BUILDKIT_SYNTAX',
    'BUILDKIT_INLINE_CACHE',
    'BUILDKIT_MULTI_PLATFORM',
    'MODEL',
    'HTTP_PROXY',
  ),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
  fc.string({ maxLength: 6 }),
);

/** A user ID useradd takes with --uid: decimal, 0 to 2^32-2. */
const UID = (v: string) => /^(?:0|[1-9]\d{0,9})$/.test(v) && Number(v) <= 4294967294;

describe('build.args: what the loader accepts reaches buildx as written, one argv entry each', () => {
  it('each accepted arg is one --build-arg NAME=VALUE, APP_UID a UID', () => {
    let took = 0;
    fc.assert(
      fc.property(fc.dictionary(argName, value, { maxKeys: 4 }), (args) => {
        const config = accepted({ image: { name: 'o/m' }, build: { args } });
        if (config === undefined) return;
        took++;
        const given = config.build.args;
        expect(given).toEqual(args);
        if (given.APP_UID !== undefined) expect(UID(given.APP_UID), given.APP_UID).toBe(true);
        const all = { ...given, BASE_IMAGE: 'python:3.12-slim' };
        const argv = buildxBuildArgs(request(all), container).args;
        expect(buildArgsOfArgv(argv)).toEqual(Object.entries(all));
        const before = buildxBuildArgs(request({}), container).args;
        expect(argv.length).toBe(before.length + 2 * Object.keys(all).length);
      }),
      { seed: 20261207, numRuns: 600 },
    );
    expect(took).toBeGreaterThan(100);
  });
});

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
/** Mostly values the loader takes (so the plan runs), now and then one it must refuse. */
const mostly = (good: string[], bad: fc.Arbitrary<string>) =>
  maybe(fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 6 }, { arbitrary: bad, weight: 1 }));
const variant = fc.record(
  {
    name: mostly(['gpu', 'a-b', 'x.1'], fc.oneof(fc.constantFrom('-x', 'a b', 'a\nb', '${A}'), fc.string())),
    cuda: mostly(
      ['12.8', '12.4', '12.6'],
      fc.oneof(fc.constantFrom('12.8\n', "12.8'", '12.8)'), fc.string()),
    ),
    base: mostly(
      ['python:3.12-slim', 'nvcr.io/nvidia/pytorch:25.03-py3', `ghcr.io/o/m@sha256:${'a'.repeat(64)}`],
      fc.constantFrom('python:3.12-slim AS x', 'python:3.12-slim\nRUN id', '-x', '${A}', 'a b'),
    ),
    python: mostly(['3.12', '3.11', '3.10'], fc.constantFrom('3.12\n', '3.1$(id)', '3.12 ')),
    torch: mostly(['2.7.1', '2.7', '2.6.0'], fc.constantFrom('2.7.1\n', "2.7'", '2.7.1;id')),
  },
  { requiredKeys: [] },
);

describe("the plan's build args: the values a template's FROM, ENV and RUN read", () => {
  it('are values of their grammar, never an instruction or shell/python text of their own', () => {
    // How many configs the plan took: the property says little if most are refused.
    let took = 0;
    fc.assert(
      fc.property(
        fc.array(variant, { minLength: 1, maxLength: 2 }),
        fc.constantFrom(...REFS),
        mostly(
          ['mirror.corp/python', 'localhost:5000/py'],
          fc.constantFrom('a b', 'Mirror/x', '-x', 'm.corp/p\nRUN id', 'm.corp/p@sha256:1'),
        ),
        (variants, ref, mirror) => {
          const mirrors = mirror === undefined ? {} : { 'docker.io/library/python': mirror };
          const build = { mirrors };
          const config = accepted({ image: { name: 'o/m' }, platforms: ['linux/amd64'], variants, build });
          if (config === undefined) return;
          let planned;
          try {
            planned = plan(config, ref);
          } catch (e) {
            expect(e).toBeInstanceOf(ConfigError);
            return;
          }
          took++;
          for (const v of planned.variants) {
            const a = v.buildArgs;
            // A registry host may be written in capitals (docker reads Mirror/x as host Mirror).
            expect(a.BASE_IMAGE).toMatch(/^[A-Za-z0-9[][A-Za-z0-9._/:@[\]-]*$/);
            expect(a.PYTHON_VERSION).toMatch(/^3\.\d{1,2}$/);
            expect(a.ML_IMAGE_VARIANT).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
            if (a.ML_IMAGE_CUDA !== undefined) expect(a.ML_IMAGE_CUDA).toMatch(/^\d{1,2}\.\d{1,2}$/);
            if (a.TORCH_VERSION !== undefined) expect(a.TORCH_VERSION).toMatch(/^\d+\.\d+(?:\.\d+)?$/);
            const pub = publicPlanArgs(a);
            const req = { ...request(pub), labels: v.labels, push: false, loadTags: v.tags };
            const argv = buildxBuildArgs(req, container).args;
            expect(buildArgsOfArgv(argv)).toEqual(Object.entries(pub));
            // A label's key holds no "=" (buildx splits at the first), a tag is a reference of its own.
            const labels = argv.flatMap((x, i) => (x === '--label' ? [argv[i + 1]!] : []));
            expect(labels).toEqual(Object.entries(v.labels).map(([k, l]) => `${k}=${l}`));
            for (const k of Object.keys(v.labels)) expect(k).toMatch(/^[a-z0-9][a-z0-9._/-]*$/);
            // The cache and output specs buildx reads as CSV: no field a variant name could add.
            for (const kind of ['gha', 'registry'] as const) {
              const cache = cacheFor(kind, planned.repository, v.name, 'amd64');
              const pushed = buildxBuildArgs(
                { ...request(pub), cache, repository: planned.repository },
                container,
              ).args;
              for (const flag of ['--cache-from', '--cache-to', '--output'])
                for (const spec of pushed.flatMap((x, i) => (x === flag ? [pushed[i + 1]!] : [])))
                  for (const field of spec.split(','))
                    expect(field, spec).toMatch(
                      /^(?:type|scope|ref|mode|name|image-manifest|oci-mediatypes|push-by-digest|name-canonical|push)=[^",\s]+$/,
                    );
            }
            const tags = argv.flatMap((x, i) => (x === '--tag' ? [argv[i + 1]!] : []));
            expect(tags.length).toBeGreaterThan(0);
            for (const t of tags)
              expect(t).toMatch(/^[a-z0-9][a-z0-9._/:-]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
          }
        },
      ),
      { seed: 7, numRuns: 300 },
    );
    expect(took).toBeGreaterThan(100);
  });
});

/**
 * `export NAME='...'` lines read back as sh reads them: '...' literal, `'\''` one quote, `"<LF>"`
 * its line breaks.
 */
function sourced(script: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /export ([A-Za-z_][A-Za-z0-9_]*)=((?:'[^']*'|\\'|"[\r\n]+")+)\n/gy;
  let m;
  while ((m = re.exec(script)) !== null) {
    out[m[1]!] = m[2]!.replace(
      /'([^']*)'|\\'|"([\r\n]+)"/g,
      (_, s: string | undefined, breaks: string | undefined) => s ?? breaks ?? "'",
    );
  }
  expect(re.lastIndex === 0 ? script : script.slice(re.lastIndex), 'lines sh would not read back').toBe(
    script.length && re.lastIndex === 0 ? script : '',
  );
  return out;
}

/**
 * The names the templates' install step reads from ml_image_env for its check of direct_url.json:
 * the template's own pattern (re.findall with re.M: "^" at the start and after each \n only), in
 * the text Python's read_text gives (each \r\n or \r a \n).
 */
function checkedNames(script: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, 'images/cpu/Dockerfile'), 'utf8');
  const pattern = /re\.findall\("(\^[^"]+)", env, re\.M\)/.exec(text)?.[1];
  expect(pattern, "the install step's pattern of the names").toBeDefined();
  const re = new RegExp(pattern!.replace(/^\^/, '(?<![^\\n])'), 'g');
  return [...script.replace(/\r\n?/g, '\n').matchAll(re)].map((m) => m[1]!);
}

/** Values with a line that reads as another entry of ml_image_env. */
const EXPORT_LINES = ['a\nexport X=1', "\nexport Y='b'", 'a\rexport Z=', 'a\r\nexport W=\n', '\n\nexport V='];

describe("build.secrets in the templates' install step (ml_image_env), never in the argv", () => {
  it.each(EXPORT_LINES)(
    "a value %j adds no name to the install step's check: only the build.secrets names count",
    (v) => {
      const script = secretEnvScript({ HF_TOKEN: v, GH_USER: 'me' });
      expect(checkedNames(script)).toEqual(['HF_TOKEN', 'GH_USER']);
      expect(sourced(script)).toEqual({ HF_TOKEN: v, GH_USER: 'me' });
    },
  );

  it('each value reads back literally; none is a build argument the RUN reads', () => {
    const envName = fc.oneof(
      fc.constantFrom(
        'TORCH_VERSION',
        'ML_IMAGE_CUDA',
        'ti',
        's',
        'c',
        'PATH',
        'IFS',
        'HF_TOKEN',
        'pip-token',
      ),
      fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
    );
    fc.assert(
      fc.property(
        fc.dictionary(envName, fc.oneof(value, fc.constantFrom(...EXPORT_LINES)), { maxKeys: 4 }),
        (env) => {
          const script = secretEnvScript(env);
          const back = sourced(script);
          for (const [name, v] of Object.entries(back)) expect(v).toBe(env[name]);
          // The names the install step's check reads are those exported, none from a value's lines.
          expect(checkedNames(script)).toEqual(Object.keys(back));
          for (const arg of [...CODE_ARGS, 'TORCH_VERSION']) expect(back).not.toHaveProperty(arg);
          const marked = Object.fromEntries(Object.keys(env).map((k) => [k, `SECRET-VALUE-${k}`]));
          const argv = buildxBuildArgs(request({}, Object.keys(marked)), container).args;
          for (const v of Object.values(marked)) expect(argv.join('\n')).not.toContain(v);
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });
});
