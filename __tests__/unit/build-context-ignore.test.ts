// The result directory inside the build context is kept out of the image: the build uses a copy of
// its Dockerfile beside a Dockerfile-specific ignore file (the one BuildKit would have read, plus
// the result directory), and never writes to the user's files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dockerfileKeepingOut,
  ignoreLine,
  insideContext,
  keepOutLines,
} from '../../src/build/context-ignore.js';

let dir: string;
let ctx: string;
let work: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-ignore-'));
  ctx = path.join(dir, 'repo');
  work = path.join(dir, 'work');
  mkdirSync(path.join(ctx, 'ml-image-results'), { recursive: true });
  mkdirSync(work);
  writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY . /app\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('insideContext', () => {
  it.each([
    ['ml-image-results', 'ml-image-results'],
    ['out/run 1', 'out/run 1'],
    ['.', undefined],
    ['../elsewhere', undefined],
    ['..results', '..results'],
    ['bad\nname', undefined],
  ])('%j -> %j', (rel, want) => {
    expect(insideContext(ctx, path.resolve(ctx, rel))).toBe(want);
  });

  it('a name with a line break, when the caller can write it (an ignore line)', () => {
    expect(insideContext(ctx, path.join(ctx, 'bad\nname'), true)).toBe('bad\nname');
  });

  it('judged by where the paths really are (a linked result directory)', () => {
    symlinkSync(path.join(ctx, 'ml-image-results'), path.join(dir, 'results-link'));
    expect(insideContext(ctx, path.join(dir, 'results-link'))).toBe('ml-image-results');
  });

  it('a path not made yet under a linked workspace: its deepest existing folder resolved', () => {
    symlinkSync(ctx, path.join(dir, 'ws-link'));
    // Both named by the link (the context is resolved, as BuildKit reads it), or only the path.
    const link = path.join(dir, 'ws-link');
    expect(insideContext(link, path.join(link, 'out', 'cpu-amd64'))).toBe('out/cpu-amd64');
    expect(insideContext(ctx, path.join(dir, 'ws-link', 'out', 'cpu-amd64'))).toBe('out/cpu-amd64');
    expect(insideContext(ctx, path.join(dir, 'nowhere', 'out'))).toBeUndefined();
  });
});

describe('ignoreLine', () => {
  it.each([
    ['ml-image-results', '/ml-image-results'],
    ['out/#1', '/out/#1'],
    ['!keep', '/\\!keep'],
    ['a/!b', '/a/!b'],
    ['out ', '/out[ ]'],
    ['out \t', '/out[ ][\t]'],
    ['a*b?[c]\\d', '/a\\*b\\?\\[c\\]\\\\d'],
    // Blanks Go's TrimSpace drops at either end, and names with line breaks (one line each).
    [' lead.json', '/[ ]lead.json'],
    [' !inv.json', '/[ ]!inv.json'],
    ['nel.json\u0085', '/nel.json[\u0085]'],
    ['\u3000ideo.json', '/[\u3000]ideo.json'],
    ['nl\nx.json', '/nl?x.json'],
    ['cr.json\r', '/cr.json?'],
    ['a b', '/a b'],
    // A "^" was copied into patternmatcher's regexp as an anchor: the path was never kept out.
    ['a^b*', '/a\\^b\\*'],
    ['x^y', '/x\\^y'],
  ])('%j -> %j', (rel, line) => {
    expect(ignoreLine(rel)).toBe(line);
  });
});

describe('dockerfileKeepingOut', () => {
  const df = () => path.join(ctx, 'Dockerfile');

  it('nothing inside the context: the Dockerfile as it is, nothing written', () => {
    const r = dockerfileKeepingOut(df(), ctx, [path.join(dir, 'elsewhere')], work, 'cpu');
    expect(r).toEqual({ dockerfile: df(), keptOut: [] });
  });

  it("the context's .dockerignore, then the result directory, beside a copy of the Dockerfile", () => {
    writeFileSync(path.join(ctx, '.dockerignore'), '.git\n!ml-image-results');
    const r = dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(r.keptOut).toEqual(['ml-image-results']);
    expect(r.dockerfile).toBe(path.join(work, 'dockerfile-cpu', 'Dockerfile'));
    expect(readFileSync(r.dockerfile, 'utf8')).toBe('FROM scratch\nCOPY . /app\n');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toBe(
      '.git\n!ml-image-results\n# kept out by ml-image (its config, records and secret files)\n/ml-image-results\n',
    );
    // The user's files are as they were.
    expect(readFileSync(path.join(ctx, '.dockerignore'), 'utf8')).toBe('.git\n!ml-image-results');
  });

  it("the Dockerfile's own ignore file wins over the context's (as BuildKit reads them)", () => {
    writeFileSync(path.join(ctx, '.dockerignore'), 'context-one\n');
    writeFileSync(path.join(ctx, 'Dockerfile.dockerignore'), 'dockerfile-one\n');
    const r = dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'gpu');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toMatch(/^dockerfile-one\n# kept out/);
  });

  it('an ignore file that is a link out of its directory is no ignore file (never a host file read)', () => {
    writeFileSync(path.join(dir, 'host-file'), 'secret-host-content\n');
    symlinkSync(path.join(dir, 'host-file'), path.join(ctx, '.dockerignore'));
    const r = dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toBe(
      '# kept out by ml-image (its config, records and secret files)\n/ml-image-results\n',
    );
  });

  it('a link inside the context is read as BuildKit reads it', () => {
    writeFileSync(path.join(ctx, 'ignore.txt'), '.git\n');
    symlinkSync('ignore.txt', path.join(ctx, '.dockerignore'));
    const r = dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toMatch(/^\.git\n# kept out/);
  });

  it('an ignore file that is a link loop is bad input naming it, not an internal error', () => {
    symlinkSync('.dockerignore', path.join(ctx, '.dockerignore'));
    expect(() => dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu')).toThrow(
      `${path.join(ctx, '.dockerignore')}: too many symbolic links (a link loop) (ELOOP)`,
    );
  });

  it('a Dockerfile name too long for its ignore file beside it: the copy is named "Dockerfile"', () => {
    // 245 bytes: a valid file name, but "<name>.dockerignore" would be 258 (NAME_MAX is 255).
    const long = path.join(ctx, `${'g'.repeat(235)}.Dockerfile`);
    writeFileSync(long, 'FROM scratch\n');
    writeFileSync(path.join(ctx, '.dockerignore'), '.git\n');
    const r = dockerfileKeepingOut(long, ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(r.dockerfile).toBe(path.join(work, 'dockerfile-cpu', 'Dockerfile'));
    expect(readFileSync(r.dockerfile, 'utf8')).toBe('FROM scratch\n');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toMatch(/^\.git\n# kept out/);
  });

  it('a name that fits keeps its own name (BuildKit names it in its messages)', () => {
    const named = path.join(ctx, `${'g'.repeat(231)}.Dockerfile`); // 242 + 13 = 255 bytes
    writeFileSync(named, 'FROM scratch\n');
    const r = dockerfileKeepingOut(named, ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(path.basename(r.dockerfile)).toBe(path.basename(named));
  });

  it('no ignore file: only the kept-out lines', () => {
    const r = dockerfileKeepingOut(df(), ctx, [path.join(ctx, 'ml-image-results')], work, 'cpu');
    expect(readFileSync(`${r.dockerfile}.dockerignore`, 'utf8')).toBe(
      '# kept out by ml-image (its config, records and secret files)\n/ml-image-results\n',
    );
  });
});

describe('keepOutLines', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ml-image-named-'));
    mkdirSync(path.join(root, 'ws', '.git'), { recursive: true });
    mkdirSync(path.join(root, 'ws', 'app'), { recursive: true });
    mkdirSync(path.join(root, 'data'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('a note naming what was kept out, and a warning for a named local context that holds a kept-out file or a .git', () => {
    const ws = path.join(root, 'ws');
    const keepOut = [
      path.join(ws, 'ml-image.yml'),
      path.join(ws, 'gha-creds-1.json'),
      path.join(root, 'elsewhere'),
    ];
    const lines = keepOutLines(
      ['ml-image.yml'],
      keepOut,
      {
        // The workspace itself (relative to the working directory), a directory holding none, an
        // image, a URL and another stage: only the first is warned about.
        src: 'ws',
        data: path.join(root, 'data'),
        base: 'docker-image://alpine:3',
        remote: 'https://github.com/o/r.git',
        other: 'target:deps',
        ssh: 'git@github.com:o/r.git',
      },
      root,
    );
    expect(lines).toEqual([
      "note: ml-image.yml kept out of the build context (this tool's config, records and files, the files read as secrets, git's, the credential files the environment names, files that hold secrets by convention such as .env and .netrc, and the outputs' destinations: never copied into the image)",
      "warning: build context src (ws) holds ml-image.yml, gha-creds-1.json, .git: BuildKit reads only that directory's own .dockerignore, so they are not kept out of it (a COPY --from=src copies them into the image); list them in ws/.dockerignore",
    ]);
    expect(keepOutLines([], keepOut, undefined, root)).toEqual([]);
  });
});
