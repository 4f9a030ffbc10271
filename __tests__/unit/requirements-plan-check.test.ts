// The requirements against the plan's variants, before any container runs (plan-check.ts): pip's
// hash-checking mode with a variant the resolver dry-runs with its torch (its torch==V carries no
// hash) is exit 2; where none runs (resolve off, the cuda template: resolve/stage.ts) a template's
// torch step installs torch unchecked, a warning naming the variant (exit 2 before, though such a
// build installed and checked the rest). Lines naming files of the repository (a relative
// --find-links, a requirement by a relative path) when a template builds are exit 2 naming each
// line; with only the user's own Dockerfile a relative --find-links is a warning. An absolute
// --find-links (/opt/wheels, file:///opt/wheels: the base image's, maybe) is left to pip, as an
// absolute requirement path is (exit 2 before). pip 26 (the reviewer's harness):
// `pip install --dry-run torch==2.0.0 -r hashed.txt` fails "Hashes are required in
// --require-hashes mode", a hashed -c line turns the mode on too, an installed torch with a wrong
// --hash is "already satisfied", and `--find-links ./wheels` missing is only "Location './wheels'
// is ignored". Unhashed constraints in that mode install (pip 22.0 to 26.2): the way out the fix
// names (no torch on the variant, torch hashed in the requirements) resolves and builds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { validateConfigData } from '../../src/config/load.js';
import { ConfigError, ExitCode } from '../../src/errors.js';
import { runPipeline } from '../../src/pipeline/pipeline.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { checkPlanRequirements, type PlannedVariant } from '../../src/requirements/plan-check.js';
import { loadConfig } from '../../src/config/load.js';
import { openResultDir } from '../../src/results/results.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-plan-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const H = `--hash=sha256:${'a'.repeat(64)}`;
const put = (name: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
};
const req = (n = 1) => `${path.join(dir, 'requirements.txt')}:${n}`;

const CPU: PlannedVariant = {
  name: 'cpu',
  template: 'cpu',
  torch: { version: '2.7.1', indexUrl: 'https://download.pytorch.org/whl/cpu' },
};
const CUDA: PlannedVariant = {
  name: 'cuda12.8',
  template: 'cuda',
  torch: { version: '2.11.0', indexUrl: 'https://u:s3cr3tpass@mirror.example/whl/cu128' },
};
const NO_TORCH: PlannedVariant = { name: 'plain', template: 'cpu' };
const NGC: PlannedVariant = { name: 'ngc', template: 'ngc', torch: { version: '2.7.0a0' } };
const OWN: PlannedVariant = { name: 'own', torch: CPU.torch! };

/** checkPlanRequirements over requirements.txt: the error, if any, and the warnings. */
function check(
  variants: PlannedVariant[],
  text: string,
  mode = 'auto',
  env: Record<string, string> = {},
  secrets = Object.keys(env),
) {
  put('requirements.txt', text);
  const warnings: string[] = [];
  const loaded = {
    config: {
      python: { requirements: ['requirements.txt'] },
      build: { secrets },
      resolve: { mode },
    },
    baseDir: dir,
  };
  try {
    checkPlanRequirements(variants, loaded, env, (w) => warnings.push(w));
    return { warnings };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { error: e, warnings };
  }
}

describe("hash-checking mode with a variant's torch: exit 2 before anything runs", () => {
  it.each<[string, PlannedVariant[], string, string, RegExp]>([
    ['a --hash, the cpu template', [CPU], `numpy==2.1.3 \\\n    ${H}\n`, 'auto', /^--hash puts pip/],
    [
      '--require-hashes, the cpu template, next to a variant without torch',
      [NO_TORCH, CPU],
      `numpy\n--require-hashes\n`,
      'auto',
      /^--require-hashes/,
    ],
    ['a --hash after unhashed lines', [CPU], `tqdm\nnumpy==2.1.3 ${H}\n`, 'check', /^--hash/],
    ['own Dockerfile, resolver on (it asks for torch==V)', [OWN], `numpy==2.1.3 ${H}\n`, 'check', /^--hash/],
  ])('%s', (_what, variants, text, mode, option) => {
    const { error } = check(variants, text, mode);
    expect(error?.exitCode).toBe(ExitCode.BadInput);
    const line = text.startsWith('tqdm') || text.startsWith('numpy\n') ? 2 : 1;
    const torch = variants.find((v) => v.torch?.indexUrl)!;
    expect(error!.problems).toHaveLength(1);
    const p = error!.problems[0]!;
    expect(p.startsWith(`${req(line)}: `)).toBe(true);
    expect(p.slice(req(line).length + 2)).toMatch(option);
    expect(p).toContain(`${torch.name} torch ${torch.torch!.version} from `);
    expect(p).toMatch(/install.? torch before the requirements, without a hash: the resolver's dry runs ask/);
    // The way out: no torch on the variant and torch hashed in the requirements, or no hashes.
    expect(error!.fix).toContain(`give ${torch.name} no torch`);
    expect(error!.fix).toMatch(
      /pin torch with its --hash in the requirements, its wheel index in the file \(--extra-index-url https:\/\//,
    );
    expect(error!.fix).toMatch(/drop the --hash options/);
    // A login in the torch index is never shown.
    expect(`${error!.message}${error!.fix}`).not.toContain('s3cr3tpass');
  });

  it('a --hash in a -c file turns the mode on too: named by its own file and line', () => {
    put('pins.txt', `scipy<2\nnumpy==2.1.3 ${H}\n`);
    const { error } = check([CPU], 'numpy\n-c pins.txt\n');
    expect(error!.problems[0]).toMatch(new RegExp(`^${path.join(dir, 'pins.txt')}:2: --hash puts pip`));
  });

  it.each<[string, PlannedVariant[], string, string]>([
    [
      'no variant installs torch',
      [NO_TORCH],
      `torch==2.7.1+cpu ${H}\n--extra-index-url https://download.pytorch.org/whl/cpu\n`,
      'auto',
    ],
    ["NGC: torch is the base image's, not installed", [NGC], `numpy==2.1.3 ${H}\n`, 'auto'],
    ['own Dockerfile, resolve off', [OWN], `numpy==2.1.3 ${H}\n`, 'off'],
    ['resolve off, no variant installs torch', [NO_TORCH, NGC], `numpy==2.1.3 ${H}\n`, 'off'],
    ['no hashes', [CPU, CUDA], 'numpy==2.1.3\n', 'auto'],
  ])('passes: %s', (_what, variants, text, mode) => {
    expect(check(variants, text, mode)).toEqual({ warnings: [] });
  });

  // No dry run asks for torch (resolve off, the cuda template): the build installs the rest checked.
  it.each<[string, PlannedVariant[], string, string, PlannedVariant[]]>([
    ['the cuda template, resolve on', [CUDA], `numpy==2.1.3 ${H}\n`, 'auto', [CUDA]],
    ['the cpu template, resolve off', [CPU], `numpy\n--require-hashes\n`, 'off', [CPU]],
    ['both, resolve off; own Dockerfile', [OWN, CPU, CUDA], `numpy==2.1.3 ${H}\n`, 'off', [CPU, CUDA]],
  ])('a warning naming the variants: %s', (_what, variants, text, mode, named) => {
    const { error, warnings } = check(variants, text, mode);
    expect(error).toBeUndefined();
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    const line = text.startsWith('numpy\n') ? 2 : 1;
    expect(
      w.startsWith(
        `${req(line)}: ${line === 2 ? '--require-hashes' : '--hash'} puts pip in hash-checking mode`,
      ),
    ).toBe(true);
    expect(w).toContain(`, but variant${named.length === 1 ? '' : 's'} ${named[0]!.name} torch `);
    for (const v of variants)
      expect(w.includes(`${v.name} torch ${v.torch!.version} from `)).toBe(named.includes(v));
    expect(w).toMatch(/torch and its dependencies go in unchecked .*, the rest is checked/);
    expect(w).toContain(`To check torch too, give ${named.map((v) => v.name).join(', ')} no torch`);
    expect(w).not.toContain('s3cr3tpass');
  });

  it('a variant dry-run with its torch is refused, one only built with it is not named', () => {
    const { error, warnings } = check([CPU, CUDA], `numpy==2.1.3 ${H}\n`);
    expect(error!.problems).toHaveLength(1);
    expect(error!.problems[0]).toContain('variant cpu torch 2.7.1 from ');
    expect(error!.problems[0]).not.toContain('cuda12.8');
    expect(warnings).toEqual([]);
  });

  it('the way out as planned: a CPU variant without torch, a base: nvidia/cuda variant without torch', () => {
    const config = validateConfigData(
      {
        image: { name: 'acme/demo' },
        variants: [
          'cpu',
          { name: 'gpu', base: 'nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04', cuda: '12.8' },
          'cuda12.8',
        ],
        platforms: ['linux/amd64'],
        python: { requirements: ['requirements.txt'] },
      },
      'ml-image.yml',
    );
    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: {},
      now: new Date(),
      configFile: 'ml-image.yml',
    });
    const [cpu, gpu, cuda] = plan.variants;
    expect([cpu!.template, cpu!.torch, gpu!.template, gpu!.torch]).toEqual([
      'cpu',
      undefined,
      'cuda',
      undefined,
    ]);
    const text = `--extra-index-url https://download.pytorch.org/whl/cu128\ntorch==2.7.1+cu128 ${H}\n`;
    expect(check([cpu!, gpu!], text)).toEqual({ warnings: [] });
    // A variant given by cuda: always gets a torch (the newest of its CUDA), installed unchecked:
    // the cuda template is not dry-run, so a warning.
    const r = check([cpu!, gpu!, cuda!], text);
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([expect.stringContaining(`cuda12.8 torch ${cuda!.torch!.version}`)]);
  });
});

describe('lines naming local files', () => {
  it.each<[string, string, 'find-links' | 'path']>([
    ['--find-links ./wheels', '--find-links ./wheels', 'find-links'],
    ['-f wheels', '-f wheels', 'find-links'],
    ['a relative file: URL', '--find-links file:wheels', 'find-links'],
    ['a relative file: URL, ./', '-f file:./wheels', 'find-links'],
    ['a ${NAME} set to a path', '--find-links ${WHEELS}', 'find-links'],
    ['./x.whl', './dist/pkg-1.0-py3-none-any.whl', 'path'],
    ['-e .', '-e .', 'path'],
    ['.[extra]', '.[gpu]', 'path'],
    ['a bare archive name', 'pkg-1.0.tar.gz', 'path'],
    // "C:" is no scheme pip knows (is_url): pip reads a Windows path as a relative one.
    ['a Windows path', 'C:/wheels/pkg-1.0-py3-none-any.whl', 'path'],
    ['-e a Windows path', '-e C:/src/pkg', 'path'],
  ])('%s: exit 2 naming its line when a template builds', (_what, line, kind) => {
    const { error } = check([NO_TORCH, OWN], `numpy\n${line}\n`, 'auto', { WHEELS: './wheels' });
    expect(error?.exitCode).toBe(ExitCode.BadInput);
    expect(error!.problems).toEqual([expect.stringContaining(`${req(2)}: "${line}": `)]);
    expect(error!.problems[0]).toMatch(
      kind === 'find-links'
        ? /a relative --find-links \(a path, a file: URL\) names a directory of your repository.*ignores a missing --find-links location with a warning and takes the project from the index instead/
        : /a requirement by a relative path names a file of your repository/,
    );
    expect(error!.problems[0]).toMatch(
      /variant plain is built from a template, whose pip step runs before the build context is copied in/,
    );
    expect(error!.fix).toMatch(
      /serve the wheels from an index or a URL .* or build from your own Dockerfile/,
    );
  });

  it.each([
    ['--find-links https://host.example/wheels/'],
    ['-f http://host.example/wheels.html'],
    ['--find-links ${WHEELS_URL}'], // not set here: pip fills it in
    ['pkg @ https://host.example/pkg-1.0-py3-none-any.whl'],
    ['/opt/base/pkg-1.0-py3-none-any.whl'], // may be the base image's: pip fails loudly without it
    // May be the base image's (a base that ships wheels), where both pips run: left to pip.
    ['--find-links=/opt/wheels'],
    ['-f /opt/wheels'],
    ['--find-links file:///opt/wheels'],
    ['--find-links file:/opt/wheels'],
    ['--find-links file://localhost/opt/wheels'],
    ['--find-links ${WHEELS}'], // set to an absolute path
    ['pkg @ file:///opt/base/pkg-1.0-py3-none-any.whl'],
    ['-e git+https://github.com/acme/pkg.git#egg=pkg'],
    // Every VCS scheme of pip's is_url is a URL, not a relative path (`bzr+lp:` has no `//`).
    ['hg+static-http://hg.example/repo#egg=pkg'],
    ['bzr+sftp://host/repo#egg=pkg'],
    ['pkg @ hg+static-http://hg.example/repo'],
    ['pkg @ bzr+lp:pkg'],
    ['-e SVN+SSH://host/repo#egg=pkg'],
  ])('%s: kept', (line) => {
    // WHEELS_URL listed in build.secrets, not set where this runs (validate, say).
    const env = { WHEELS: '/opt/wheels' };
    for (const variants of [[NO_TORCH], [OWN]])
      expect(check(variants, `--no-index\n${line}\nnumpy\n`, 'auto', env, ['WHEELS', 'WHEELS_URL'])).toEqual({
        warnings: [],
      });
  });

  it("only the user's own Dockerfile: a relative --find-links is a warning (the resolver still lacks it), a path nothing", () => {
    const r = check([OWN], 'numpy\n--find-links ./wheels\n-e .\n', 'off');
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${req(2)}: "--find-links ./wheels": a relative --find-links names a directory of your repository: the resolver's container does not have it`,
        ),
      ),
    ]);
  });

  // The resolver's pip works in a directory of the tool's own files (resolve/workdir.ts): a
  // relative path fails there, after the base image's pull (exit 3 first with the registry down).
  it.each([
    ['auto', ['-e .']],
    ['check', ['./dist/pkg-1.0-py3-none-any.whl', '.[gpu]']],
  ])(
    "only the user's own Dockerfile, resolve.mode %s: a requirement by a relative path is exit 2",
    (mode, lines) => {
      const r = check([OWN], `numpy\n--find-links ./wheels\n${lines.join('\n')}\n`, mode);
      expect(r.error?.exitCode).toBe(ExitCode.BadInput);
      expect(r.error!.problems).toEqual(
        lines.map((l, i) =>
          expect.stringMatching(
            new RegExp(
              `^${req(3 + i)}: "${l.replace(/[.[\]]/g, '\\$&')}": a requirement by a relative path names a file of your repository, which the resolver's container does not have \\(pip there fails on it\\): variant own is resolved against its base image first \\(resolve\\.mode: ${mode}\\)$`,
            ),
          ),
        ),
      );
      expect(r.error!.fix).toMatch(
        /install the project in your Dockerfile after copying it in.*or set resolve\.mode: off/,
      );
      // Not the --find-links line: pip ignores that one.
      expect(r.error!.problems.join('\n')).not.toContain('--find-links');
    },
  );

  it('every problem at once, hashes and local files, each fix', () => {
    const { error } = check([CPU], `numpy==2.1.3 ${H}\n-f ./wheels\n`);
    expect(error!.problems.map((p) => p.slice(0, req(1).length + 1))).toEqual([`${req(1)}:`, `${req(2)}:`]);
    expect(error!.fix).toMatch(/drop the --hash options.*; and serve the wheels/);
  });
});

describe('the run and validate refuse it before the engine is asked', () => {
  // A CPU variant with torch: the resolver dry-runs it (a cuda template variant it skips).
  const CONFIG =
    'image:\n  name: o/m\nvariants:\n  - name: cpu\n    torch: "2.5.1"\nplatforms: [linux/amd64]\npython:\n  requirements: [requirements.txt]\n';

  it('runPipeline (resolve, build): exit 2 after the plan, nothing started', async () => {
    put('requirements.txt', `numpy==2.1.3 ${H}\n`);
    put('ml-image.yml', CONFIG);
    const engine = { asked: 0 };
    const err = await runPipeline(
      {
        loaded: loadConfig({ cwd: dir, checkFiles: false }),
        stages: new Set(['plan', 'resolve', 'build'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: false,
        merge: true,
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: () => {
          engine.asked++;
          return fakeDocker();
        },
        env: {},
        progress: () => undefined,
        error: () => undefined,
        warning: () => undefined,
      },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toMatch(
      new RegExp(`^${req(1)}: --hash puts pip in hash-checking mode`),
    );
    expect(engine.asked).toBe(0);
  });

  // A build without the resolve stage makes no dry run: the template's torch step installs torch
  // unchecked, which is a warning, not the dry runs' refusal.
  it('runPipeline (build only): the warning, not the refusal', async () => {
    put('requirements.txt', `numpy==2.1.3 ${H}\n`);
    put('ml-image.yml', CONFIG);
    const warnings: string[] = [];
    const err = await runPipeline(
      {
        loaded: loadConfig({ cwd: dir, checkFiles: false }),
        stages: new Set(['plan', 'build'] as const),
        results: openResultDir(path.join(dir, 'out')),
        push: false,
        merge: true,
        gpus: 'none',
        imagesDir: dir,
        git: {},
        cacheDir: path.join(dir, 'cache'),
        report: { mode: 'off', baseline: null },
      },
      {
        // Past the check, the engine is asked: far enough (the build itself is not this test's).
        docker: () => {
          throw new Error('the engine is asked');
        },
        env: {},
        progress: () => undefined,
        error: () => undefined,
        warning: (m) => warnings.push(m),
      },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).message).toBe('the engine is asked');
    expect(warnings.some((w) => w.startsWith(`${req(1)}: --hash puts pip in hash-checking mode`))).toBe(true);
  });

  it('validate: exit 2 naming the line; --skip-file-checks does not read the files', async () => {
    put('requirements.txt', `numpy==2.1.3 ${H}\n`);
    put('ml-image.yml', CONFIG);
    const run = async (argv: string[]) => {
      const io = captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') });
      return { code: await runCli(argv, io), err: io.err() };
    };
    const r = await run(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${req(1)}: --hash puts pip in hash-checking mode`);
    expect((await run(['validate', '--skip-file-checks'])).code).toBe(0);
    put('requirements.txt', 'numpy\n--find-links ./wheels\n');
    const local = await run(['validate']);
    expect(local.code).toBe(2);
    expect(local.err).toContain(`${req(2)}: "--find-links ./wheels"`);
  });

  it('validate: variants [cuda12.8] with hashed requirements (not dry-run): a warning naming it, exit 0', async () => {
    put('requirements.txt', `numpy==2.1.3 ${H}\n`);
    put(
      'ml-image.yml',
      CONFIG.replace('variants:\n  - name: cpu\n    torch: "2.5.1"\n', 'variants: [cuda12.8]\n'),
    );
    const io = captureIo(dir, fakeDocker(), { ML_IMAGE_CACHE_DIR: path.join(dir, '.cache') });
    expect(await runCli(['validate'], io)).toBe(0);
    expect(io.err()).toMatch(
      new RegExp(
        `warning: ${req(1)}: --hash puts pip in hash-checking mode, but variant cuda12\\.8 torch \\S+ from https://download\\.pytorch\\.org/whl/cu128 installs torch before the requirements, without a hash`,
      ),
    );
  });
});

describe('`ml-image resolve` refuses a requirement by a relative path before the engine is asked', () => {
  // pip in the base image's container works in a directory of the tool's own files: it failed on
  // `-e .` after the pull, so a registry down was exit 3 for what is bad input.
  it.each([['-e .'], ['./dist/pkg-1.0-py3-none-any.whl']])(
    '%s: exit 2 naming the line, also --json',
    async (line) => {
      put('requirements.txt', `numpy\n${line}\n`);
      const engine = { asked: 0 };
      const docker = new Proxy(fakeDocker(), {
        get(target, key, receiver) {
          engine.asked++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const argv = ['resolve', '--image', 'localhost:5999/base:1', '--requirements', 'requirements.txt'];
      const io = captureIo(dir, docker);
      expect(await runCli(argv, io)).toBe(2);
      const problem = `${req(2)}: "${line}": a requirement by a relative path names a file of your repository, which the resolver's container does not have (pip there fails on it): resolve runs pip inside the base image, in a directory of its own`;
      expect(io.err()).toContain(problem);
      expect(io.err()).toMatch(
        /fix: install the project in your Dockerfile .*resolve a copy of the requirements without that line/,
      );
      const json = captureIo(dir, docker);
      expect(await runCli([...argv, '--json'], json)).toBe(2);
      expect((JSON.parse(json.out()) as { error: { problems: string[] } }).error.problems).toEqual([problem]);
      expect(engine.asked).toBe(0);
    },
  );

  it("an absolute path (maybe the base image's own) is left to pip: the engine is asked", async () => {
    put('requirements.txt', 'numpy\n/opt/wheels/pkg-1.0-py3-none-any.whl\n');
    const io = captureIo(dir, {
      ...fakeDocker(),
      ping: () => Promise.reject(new Error('the engine is asked')),
    });
    const argv = ['resolve', '--image', 'b:1', '--requirements', 'requirements.txt'];
    expect(await runCli(argv, io)).not.toBe(2);
    expect(io.err()).toContain('the engine is asked');
  });
});
