// Repository tools run for real (unit tests start no processes): the bundled CLI in dist/ and the
// in-memory rebuild that proves dist/ matches src/ (scripts/build-dist.mjs --check), the test bed's
// script (scripts/test-env.sh), the reusable verify workflow's registry step under bash, and a FIFO
// (made with mkfifo) refused as a requirements file. The rest of these contracts are checked without
// a process in __tests__/unit/repo.test.ts, workflows.test.ts and requirements.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readRequirements } from '../../src/requirements/read.js';
import { VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { type Job, loadWorkflow } from '../helpers/workflow-lint.js';
import { missingTools } from '../helpers/tools.js';
import { inputErrorOf } from '../helpers/errors.js';

const SKIP = missingTools('the repository tools (repo-tools.test.ts)', ['bash', 'mkfifo']);

describe.skipIf(SKIP)('dist/', () => {
  it('the bundled CLI runs: --version, and validate exits 2 on a broken config', () => {
    const version = spawnSync(process.execPath, ['dist/cli/index.js', '--version'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    const bad = spawnSync(
      process.execPath,
      ['dist/cli/index.js', 'validate', '--config', '__tests__/fixtures/configs/broken.yml'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('variants[1].cuda: expected a version like "12.8", got "cu128"');
  });

  it('is in sync with src/ (rebuilt in memory and compared byte for byte)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-dist.mjs', '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr + r.stdout).toContain('dist/ is in sync');
    expect(r.status).toBe(0);
    // ncc alone takes about 100 s here; beside the rest of the suite on two busy cores it took over
    // 240 s once (a guard against a hang, not a speed check).
  }, 600_000);
});

describe.skipIf(SKIP)('scripts/test-env.sh', () => {
  const script = path.join(REPO_ROOT, 'scripts/test-env.sh');

  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  it('refuses to run without root: exit 3 and a clear message', () => {
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !existsSync('/usr/bin/setpriv'))
      throw new Error('setpriv (util-linux) is needed to drop root for this test');
    const [cmd, args] = asRoot
      ? ['/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'bash', script]]
      : ['bash', [script]];
    const r = spawnSync(cmd, args, {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ML_IMAGE_TEST_STATE: '/nonexistent' },
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('must run as root');
  });

  it('--print-env without an env file exits 3 and says how to create it', () => {
    const r = spawnSync('bash', [script, '--print-env'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ML_IMAGE_TEST_ENV: '/nonexistent/images.env' },
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no env file at /nonexistent/images.env');
  });
});

describe.skipIf(SKIP)('ml-image-verify.yml and the deploy gate', () => {
  const VERIFY = '.github/workflows/ml-image-verify.yml';
  const verify: Job = loadWorkflow(VERIFY, readFileSync(path.join(REPO_ROOT, VERIFY), 'utf8')).wf.jobs
    .verify!;
  const only = <T>(xs: T[], what: string): T => {
    expect(xs, what).toHaveLength(1);
    return xs[0]!;
  };

  const D = `@sha256:${'0a'.repeat(32)}`;
  /** The ref step under bash: its exit status, what it wrote to GITHUB_OUTPUT, and its stdout. */
  const refStep = (image: string, registryInput: string, untrustedAuthors = '') => {
    const script = only(
      (verify.steps ?? []).filter((st) => st.id === 'ref'),
      'ref step',
    ).run!;
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'ml-image-wf-')), 'out');
    try {
      const r = spawnSync('bash', ['-c', script], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          IMAGE: image,
          REGISTRY_INPUT: registryInput,
          PUBLIC_KEY: '',
          UNTRUSTED_AUTHORS: untrustedAuthors,
          GITHUB_OUTPUT: out,
          RUNNER_TEMP: path.dirname(out),
        },
      });
      return { status: r.status, output: existsSync(out) ? readFileSync(out, 'utf8') : '', stdout: r.stdout };
    } finally {
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  };

  it.each<[string, string, string]>([
    [`ghcr.io/acme/model${D}`, '', 'ghcr.io'],
    [`localhost:5000/m${D}`, '', 'localhost:5000'],
    [`acme/model${D}`, '', 'docker.io'],
    [`model${D}`, '', 'docker.io'],
    [`ghcr.io/acme/model${D}`, 'registry.example.com', 'registry.example.com'],
    [`ghcr.io/acme/model:v1${D}`, 'registry.example.com:5000', 'registry.example.com:5000'],
  ])('the registry of %s (registry input %j) is %s', (image, registryInput, expected) => {
    const r = refStep(image, registryInput);
    expect(r.status).toBe(0);
    expect(r.output).toBe(`registry=${expected}\n`);
  });

  // A line break would add outputs of its own (registry=, key=): nothing is written, exit 1.
  it.each<[string, string, RegExp]>([
    [`ghcr.io/acme/model${D}\nregistry=evil.example`, '', /input image must be REPOSITORY@sha256/],
    ['ghcr.io/acme/model:latest', '', /input image must be REPOSITORY@sha256/],
    [`ghcr.io/acme/model@sha256:${'0A'.repeat(32)}`, '', /input image must be/],
    [`ghcr.io/acme/model${D}`, 'ghcr.io\nkey=/tmp/k', /input registry must be a host/],
    [`ghcr.io/acme/model${D}`, 'https://ghcr.io', /input registry must be a host/],
  ])('refuses image %j with registry input %j', (image, registryInput, message) => {
    const r = refStep(image, registryInput);
    expect(r.status).toBe(1);
    expect(r.output).toBe('');
    expect(r.stdout).toMatch(message);
  });
  // ML_IMAGE_FORK reads it with contains(fromJSON(...)): anything but a list of logins would match
  // nobody, and the run would log in as a trusted one.
  it.each<[string, boolean]>([
    ['', true],
    ['[]', true],
    ['["renovate[bot]"]', true],
    ['[ "some-app[bot]",\n  "Renovate[bot]" ]', true],
    ['{"renovate[bot]": true}', false],
    ['"renovate[bot]"', false],
    ['renovate[bot]', false],
    ['["a login"]', false],
    ['[1]', false],
    ['["x",]', false],
  ])('untrusted-authors %j is taken: %s', (authors, ok) => {
    const r = refStep(`ghcr.io/acme/model${D}`, '', authors);
    expect(r.status).toBe(ok ? 0 : 1);
    expect(r.output).toBe(ok ? 'registry=ghcr.io\n' : '');
    if (!ok) expect(r.stdout).toMatch(/input untrusted-authors must be a JSON list of GitHub logins/);
  });
});

describe.skipIf(SKIP)('readRequirements', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fail = (files: string[]): InputError => inputErrorOf(() => readRequirements(files, dir, {}));

  it.each([
    [
      'a FIFO',
      () => {
        const r = spawnSync('mkfifo', [path.join(dir, 'fifo')]);
        expect(r.status).toBe(0);
        return 'fifo';
      },
      /fifo is a FIFO, not a regular file/,
    ],
  ])('refuses %s (exit 2, naming it)', (_what, make, message) => {
    const e = fail([make()]);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });
});
