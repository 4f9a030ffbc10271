// The repository's own contracts: package.json, action.yml, the bundle in dist/. What needs a
// process (the bundled CLI run, dist/ rebuilt and compared, scripts/test-env.sh) is in
// __tests__/integration/repo-tools.test.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_INPUTS, OTHER_INPUTS } from '../../src/config/inputs.js';
import { VERSION } from '../../src/version.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { SUB_ACTIONS } from '../helpers/workflow-lint.js';

const read = (p: string) => readFileSync(path.join(REPO_ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const action = parse(read('action.yml'));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

describe('package.json', () => {
  it('is an ESM package for Node >= 20 with the ml-image bin', () => {
    expect(pkg.type).toBe('module');
    expect(pkg.engines.node).toBe('>=20.3');
    expect(pkg.bin['ml-image']).toBe('dist/cli/index.js');
    expect(pkg.version).toBe(VERSION);
  });
});

describe('action.yml', () => {
  it('runs the bundled action on node24, with a post step that runs even after a cancel', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
      'post-if': 'always()',
    });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('declares exactly the inputs the code reads, each described', () => {
    const declared = Object.keys(action.inputs).sort();
    const read = [...CONFIG_INPUTS.map((i) => i.input), ...OTHER_INPUTS].sort();
    expect(declared).toEqual(read);
    for (const [name, spec] of Object.entries<{ description?: string }>(action.inputs)) {
      expect(spec.description, `input ${name}`).toMatch(/\w{3,}/);
    }
  });

  it('describes every output', () => {
    for (const [name, spec] of Object.entries<{ description?: string }>(action.outputs)) {
      expect(spec.description, `output ${name}`).toMatch(/\w{3,}/);
    }
    const src = read('src/action/run.ts');
    for (const name of Object.keys(action.outputs))
      expect(src).toMatch(new RegExp(`setOutput\\(\\s*'${name}'`));
  });
});

describe('sub-actions (actions/<stage>/action.yml, used as owner/repo/actions/<stage>@ref)', () => {
  it.each(SUB_ACTIONS)('actions/%s/action.yml exists and runs the shared dist/index.js', (name) => {
    const file = path.join('actions', name, 'action.yml');
    expect(existsSync(path.join(REPO_ROOT, file)), file).toBe(true);
    const runs = parse(read(file)).runs;
    expect(runs.using).toBe(action.runs.using);
    expect(path.resolve(REPO_ROOT, 'actions', name, runs.main)).toBe(path.join(REPO_ROOT, action.runs.main));
  });

  it('none is left at the top level (build/ is a name many tools ignore as output)', () => {
    const left = SUB_ACTIONS.filter((name) => existsSync(path.join(REPO_ROOT, name, 'action.yml')));
    expect(left).toEqual([]);
  });

  it('actions/ holds exactly the sub-actions', () => {
    expect(readdirSync(path.join(REPO_ROOT, 'actions')).sort()).toEqual([...SUB_ACTIONS].sort());
  });
});

describe('dist/', () => {
  const dist = path.join(REPO_ROOT, 'dist');

  it('is pure JavaScript: no native .node files (runners are amd64 and arm64)', () => {
    const native = walk(dist).filter((f) => f.endsWith('.node'));
    expect(native).toEqual([]);
  });

  it("requires nothing but Node's own modules: a package would be looked for outside dist/ (a pull request's node_modules)", () => {
    const required = new Set<string>();
    for (const f of walk(dist).filter((x) => x.endsWith('.js'))) {
      const code = readFileSync(f, 'utf8');
      for (const m of code.matchAll(/createRequire\(import\.meta\.url\)\(([^)]*)\)/g)) required.add(m[1]!);
      for (const m of code.matchAll(/^import\b[^;]*?\bfrom\s*("[^"]*")/gm)) required.add(m[1]!);
    }
    const foreign = [...required].filter((r) => {
      const name = /^"([^"]+)"$/.exec(r)?.[1];
      return name === undefined || !(name.startsWith('node:') || builtinModules.includes(name));
    });
    expect(foreign).toEqual([]);
    // ssh2's optional native helpers are there, as modules that are not found.
    const cli = readFileSync(path.join(dist, 'cli/index.js'), 'utf8');
    expect(cli).toContain("Cannot find module 'cpu-features' (not bundled");
  });

  it('holds the ESM marker ncc writes, and an executable CLI with a shebang', () => {
    expect(JSON.parse(read('dist/package.json'))).toEqual({ type: 'module' });
    const cli = path.join(dist, 'cli/index.js');
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).not.toBe(0);
  });
});
