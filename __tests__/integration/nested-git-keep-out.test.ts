// A clone nested in the build context (a vendored repository, a second actions/checkout into a
// subfolder, which persists its token in that clone's .git/config) keeps its credentials out of the
// image too; nor do mirror clones, a worktree's config, or google-github-actions/auth's
// gha-creds-*.json named by no variable, nor the files that hold secrets by convention (a `.env` a
// workflow step wrote, netrc, pypirc, git's credential store); nor a kept-out file whose name BuildKit's reader would
// trim or split. The ignore file the build writes (dockerfileKeepingOut with gitKeepOut's paths and
// keepOutPatterns) is read by the REAL BuildKit: a `COPY . /ctx` from scratch, exported to a local
// directory, shows what a build of that context would copy into an image.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dockerfileKeepingOut } from '../../src/build/context-ignore.js';
import { gitKeepOut, keepOutPatterns } from '../../src/build/git-keep-out.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';

const env = inject('dockerEnv');

/** Every file under DIR, relative to it, "/" separated, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe.skipIf(!env.available)("nested clones' git credentials stay out of the build context", () => {
  const docker = createDefaultDockerAdapter();
  const token = `plantedNestedTok${randomBytes(6).toString('hex')}`;
  let dir: string;
  let ctx: string;

  /** A git directory at GITDIR (HEAD, a ref) whose config holds the planted token. */
  function gitDir(gitdir: string) {
    mkdirSync(path.join(gitdir, 'refs', 'heads'), { recursive: true });
    writeFileSync(path.join(gitdir, 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(gitdir, 'refs', 'heads', 'main'), `${'a'.repeat(40)}\n`);
    writeFileSync(
      path.join(gitdir, 'config'),
      `[remote "origin"]\n\turl = https://x-access-token:${token}@github.com/o/r.git\n` +
        `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${token}\n`,
    );
  }

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-nested-git-'));
    ctx = path.join(dir, 'ctx');
    mkdirSync(path.join(ctx, 'app'), { recursive: true });
    writeFileSync(path.join(ctx, 'app', 'main.py'), 'print("hi")\n');
    gitDir(path.join(ctx, '.git'));
    // A second checkout into a subfolder, with a submodule of its own.
    gitDir(path.join(ctx, 'vendor', 'lib', '.git'));
    gitDir(path.join(ctx, 'vendor', 'lib', '.git', 'modules', 'sub'));
    mkdirSync(path.join(ctx, 'vendor', 'lib', 'sub'), { recursive: true });
    writeFileSync(path.join(ctx, 'vendor', 'lib', 'sub', '.git'), 'gitdir: ../.git/modules/sub\n');
    writeFileSync(path.join(ctx, 'vendor', 'lib', 'lib.py'), 'X = 1\n');
    // A clone three levels down, a mirror clone (bare: `r.git`, its remote's login in its config),
    // and a worktree's own config.
    gitDir(path.join(ctx, 'third_party', 'a', 'b', '.git'));
    gitDir(path.join(ctx, 'mirrors', 'r.git'));
    writeFileSync(path.join(ctx, '.git', 'config.worktree'), `[http]\n\textraheader = ${token}\n`);
    // google-github-actions/auth's file, named by no variable (export_environment_variables: false).
    writeFileSync(path.join(ctx, 'gha-creds-0123abcd.json'), JSON.stringify({ private_key: token }));
    // Files that hold secrets by convention: a .env a workflow step wrote for the app (at the root
    // and in a subfolder), a dotenv variant, direnv's, netrc, pypirc, git's credential store.
    writeFileSync(path.join(ctx, '.env'), `HF_TOKEN=${token}\n`);
    writeFileSync(path.join(ctx, 'app', '.env'), `API_KEY=${token}\n`);
    writeFileSync(path.join(ctx, '.env.production'), `DB_PASSWORD=${token}\n`);
    writeFileSync(path.join(ctx, '.envrc'), `export WANDB_API_KEY=${token}\n`);
    writeFileSync(path.join(ctx, 'app', '.netrc'), `machine pypi.corp login u password ${token}\n`);
    writeFileSync(path.join(ctx, '.pypirc'), `[pypi]\npassword = ${token}\n`);
    writeFileSync(path.join(ctx, '.git-credentials'), `https://u:${token}@github.com\n`);
    writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * The files a real build of CONTEXT with DOCKERFILE (its copy beside the ignore file) copies,
   * exported to a local directory; none of them holds the planted token.
   */
  async function exported(dockerfile: string, context: string, name: string): Promise<string[]> {
    const out = path.join(dir, `out-${name}`);
    const r = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--provenance=false',
      '--output',
      `type=local,dest=${out}`,
      '--file',
      dockerfile,
      context,
    ]);
    expect(r.exitCode, r.stderr).toBe(0);
    const all = files(path.join(out, 'ctx'));
    for (const f of all) expect(readFileSync(path.join(out, 'ctx', f), 'utf8'), f).not.toContain(token);
    return all;
  }

  /** What a build of the context copies, with the ignore file a TEMPLATE's (or a user's) build gets. */
  async function copied(template: boolean, name: string): Promise<string[]> {
    const work = path.join(dir, `work-${name}`);
    const { dockerfile } = dockerfileKeepingOut(
      path.join(ctx, 'Dockerfile'),
      ctx,
      gitKeepOut(ctx, template),
      work,
      name,
      keepOutPatterns(template),
    );
    return exported(dockerfile, ctx, name);
  }

  it("a template's build: no .git at any depth, the nested clones' files kept", async () => {
    expect(await copied(true, 'template')).toEqual(['Dockerfile', 'app/main.py', 'vendor/lib/lib.py'].sort());
  }, 300_000);

  it("a user's Dockerfile: every git directory without its config files, the rest of them kept", async () => {
    expect(await copied(false, 'own')).toEqual(
      [
        '.git/HEAD',
        '.git/refs/heads/main',
        'Dockerfile',
        'app/main.py',
        'mirrors/r.git/HEAD',
        'mirrors/r.git/refs/heads/main',
        'third_party/a/b/.git/HEAD',
        'third_party/a/b/.git/refs/heads/main',
        'vendor/lib/.git/HEAD',
        'vendor/lib/.git/modules/sub/HEAD',
        'vendor/lib/.git/modules/sub/refs/heads/main',
        'vendor/lib/.git/refs/heads/main',
        'vendor/lib/lib.py',
        'vendor/lib/sub/.git',
      ].sort(),
    );
  }, 300_000);

  it('kept-out files with blanks at either end, a leading "!" after a blank or a line break in their name', async () => {
    const odd = path.join(dir, 'odd');
    const names = [' lead.json', ' !inv.json', 'nel.json\u0085', '\u3000ideo.json', 'nl\nx.json'];
    mkdirSync(odd);
    for (const n of names) writeFileSync(path.join(odd, n), token);
    // Their look-alikes are the app's.
    for (const n of ['lead.json', 'inv.json', 'nel.json', 'ideo.json']) writeFileSync(path.join(odd, n), 'x');
    writeFileSync(path.join(odd, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx\n');
    const { dockerfile } = dockerfileKeepingOut(
      path.join(odd, 'Dockerfile'),
      odd,
      names.map((n) => path.join(odd, n)),
      path.join(dir, 'work-odd'),
      'odd',
    );
    expect(await exported(dockerfile, odd, 'odd')).toEqual([
      'Dockerfile',
      'ideo.json',
      'inv.json',
      'lead.json',
      'nel.json',
    ]);
  }, 300_000);
});
