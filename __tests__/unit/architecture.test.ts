// The shape of src/ (docs/architecture.md): no import cycle, stages import only downward (never
// pipeline/, action/ or cli/), no file over 400 lines, and the function-length lint rule. The
// import graph is read with TypeScript's own pre-processor (import, import type, export ... from,
// import()), so no tool like madge is needed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/docker-env.js';

const SRC = path.join(REPO_ROOT, 'src');
/** The top of the graph: they wire the stages together and may import anything below them. */
const ENTRY_POINTS = ['pipeline', 'action', 'cli', 'main.ts'];
/** What no stage may import. */
const FORBIDDEN_FOR_STAGES = ['pipeline', 'action', 'cli'];
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

type Graph = Map<string, string[]>;

/** Every module specifier a file names: static, type-only and dynamic imports, and re-exports. */
function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a relative specifier names (`./x.js` is `./x.ts` in the sources), or undefined for a
 * package or a file that does not exist.
 */
function resolveImport(from: string, spec: string, exists: (file: string) => boolean): string | undefined {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
  const base = path.posix.join(path.posix.dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, path.posix.join(base, 'index.ts')];
  return candidates.find(exists);
}

/** One cycle per back edge the depth-first search meets, each as the files around the loop. */
function findCycles(graph: Graph): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** The first folder of a path relative to src/ (or the file name for a file directly in src/). */
const topLevel = (rel: string) => rel.split('/')[0]!;

/**
 * The specifiers a module loads as it is loaded: its static imports and re-exports, except
 * `import type` / `export type` (erased; under verbatimModuleSyntax every other import stays), and
 * without dynamic import() (loaded when the code reaches it).
 */
function loadedSpecifiers(text: string): string[] {
  const file = ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest);
  return file.statements.flatMap((s) => {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly && ts.isStringLiteral(s.moduleSpecifier))
      return [s.moduleSpecifier.text];
    if (
      ts.isExportDeclaration(s) &&
      !s.isTypeOnly &&
      s.moduleSpecifier &&
      ts.isStringLiteral(s.moduleSpecifier)
    )
      return [s.moduleSpecifier.text];
    return [];
  });
}

/** Every module of GRAPH that loading FROM loads (FROM included). */
function loadedFrom(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (m: string) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (const next of graph.get(m) ?? []) visit(next);
  };
  visit(from);
  return seen;
}

/** Edges from a stage (anything but the entry points) into pipeline/, action/ or cli/. */
function dependencyViolations(graph: Graph): string[] {
  return [...graph].flatMap(([file, imports]) =>
    ENTRY_POINTS.includes(topLevel(file))
      ? []
      : imports.filter((to) => FORBIDDEN_FOR_STAGES.includes(topLevel(to))).map((to) => `${file} -> ${to}`),
  );
}

/** Lines as `wc -l` counts them. */
function countLines(text: string): number {
  return text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function oversized(files: Record<string, string>, max: number): string[] {
  return Object.entries(files)
    .map(([file, text]) => ({ file, lines: countLines(text) }))
    .filter(({ lines }) => lines > max)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
}

// --- the sources ---------------------------------------------------------------------------------

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** src/**\/*.ts keyed by their path relative to src/ (posix separators). */
function sources(): Record<string, string> {
  return Object.fromEntries(
    walk(SRC)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [path.relative(SRC, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]),
  );
}

function importGraph(files: Record<string, string>, specifiers = importSpecifiers): Graph {
  const exists = (rel: string) => rel in files || existsSync(path.join(SRC, rel));
  return new Map(
    Object.entries(files).map(([file, text]) => [
      file,
      specifiers(text)
        .map((spec) => resolveImport(file, spec, exists))
        .filter((to): to is string => to !== undefined && to.endsWith('.ts')),
    ]),
  );
}

// --- the helpers, as tables ----------------------------------------------------------------------

describe('importSpecifiers', () => {
  it.each([
    ["import { a } from './a.js';", ['./a.js']],
    ["import type { A } from '../x/a.js';", ['../x/a.js']],
    ["export { a } from './a.js';\nexport * from './b.js';", ['./a.js', './b.js']],
    ["const m = await import('./lazy.js');", ['./lazy.js']],
    ["import './side-effect.js';", ['./side-effect.js']],
    ["import data from './table.json' with { type: 'json' };", ['./table.json']],
    ["import { z } from 'zod';", ['zod']],
    ["// import { a } from './commented.js';\nconst s = \"import x from './string.js'\";", []],
  ])('%j -> %j', (text, expected) => {
    expect(importSpecifiers(text)).toEqual(expected);
  });
});

describe('loadedSpecifiers', () => {
  it.each([
    ["import { a } from './a.js';", ['./a.js']],
    ["import type { A } from './a.js';", []],
    ["import { type A } from './a.js';", ['./a.js']],
    [
      "export { a } from './a.js';\nexport type { B } from './b.js';\nexport * from './c.js';",
      ['./a.js', './c.js'],
    ],
    ["const m = await import('./lazy.js');\nif (x) { const { y } = await import('./y.js'); }", []],
    ["import './side-effect.js';", ['./side-effect.js']],
  ])('%j -> %j', (text, expected) => {
    expect(loadedSpecifiers(text)).toEqual(expected);
  });
});

describe('loadedFrom', () => {
  it('follows the edges from the module, and only from it', () => {
    const graph: Graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'a.ts']],
      ['c.ts', []],
      ['d.ts', ['a.ts']],
    ]);
    expect([...loadedFrom(graph, 'a.ts')].sort()).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });
});

describe('resolveImport', () => {
  const files = new Set(['plan/plan.ts', 'plan/catalog.json', 'results/index.ts', 'errors.ts']);
  const exists = (f: string) => files.has(f);
  it.each([
    ['plan/stage.ts', './plan.js', 'plan/plan.ts'],
    ['plan/stage.ts', './catalog.json', 'plan/catalog.json'],
    ['plan/stage.ts', '../errors.js', 'errors.ts'],
    ['plan/stage.ts', '../results/index.js', 'results/index.ts'],
    ['plan/stage.ts', '../results', 'results/index.ts'],
    ['plan/stage.ts', 'zod', undefined],
    ['plan/stage.ts', './missing.js', undefined],
  ])('%s imports %s -> %s', (from, spec, expected) => {
    expect(resolveImport(from, spec, exists)).toBe(expected);
  });
});

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));
  it.each([
    [{ a: ['b'], b: ['c'], c: [] }, []],
    [{ a: ['b', 'c'], b: ['c'], c: [] }, []], // a diamond is no cycle
    [{ a: ['a'] }, [['a', 'a']]],
    [{ a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    [{ r: ['p'], p: ['s'], s: ['r'], x: ['r'] }, [['p', 's', 'r', 'p']]],
  ])('%j -> %j', (edges, expected) => {
    expect(findCycles(graph(edges))).toEqual(expected);
  });
});

describe('dependencyViolations', () => {
  it('flags a stage importing pipeline/, action/ or cli/, and nothing else', () => {
    const graph: Graph = new Map([
      ['report/stage.ts', ['pipeline/smoke-stage.ts', 'results/files.ts', 'errors.ts']],
      ['capture/capture.ts', ['cli/io.ts']],
      ['errors.ts', ['action/run.ts']],
      ['pipeline/pipeline.ts', ['report/stage.ts', 'cli/io.ts']],
      ['cli/main.ts', ['pipeline/pipeline.ts', 'action/run.ts']],
      ['main.ts', ['action/run.ts']],
    ]);
    expect(dependencyViolations(graph)).toEqual([
      'report/stage.ts -> pipeline/smoke-stage.ts',
      'capture/capture.ts -> cli/io.ts',
      'errors.ts -> action/run.ts',
    ]);
  });
});

describe('countLines and oversized', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\nb', 2],
    ['a\n\nb\n', 3],
  ])('%j has %i lines', (text, expected) => {
    expect(countLines(text)).toBe(expected);
  });

  it('lists the files over the limit with their length', () => {
    expect(oversized({ 'a.ts': 'x\n'.repeat(3), 'b.ts': 'x\n'.repeat(4), 'c.ts': '' }, 3)).toEqual([
      'b.ts: 4 lines',
    ]);
  });
});

// --- the rules, on src/ --------------------------------------------------------------------------

describe('src/', () => {
  const files = sources();
  const graph = importGraph(files);

  it('reads the import graph (sanity: the entry points import the stages)', () => {
    expect(graph.get('main.ts')?.length).toBeGreaterThan(0);
    expect([...graph.values()].flat().length).toBeGreaterThan(50);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('stages import only downward: none imports src/pipeline, src/action or src/cli', () => {
    expect(dependencyViolations(graph)).toEqual([]);
  });

  it(`has no oversized file (over ${MAX_FILE_LINES} lines)`, () => {
    expect(oversized(files, MAX_FILE_LINES)).toEqual([]);
  });
});

describe('eslint.config.js', () => {
  it(`limits functions in src/ to ${MAX_FUNCTION_LINES} lines (blank lines and comments not counted)`, async () => {
    const config = await new ESLint({ cwd: REPO_ROOT }).calculateConfigForFile(path.join(SRC, 'main.ts'));
    const [severity, options] = config.rules['max-lines-per-function'];
    expect([2, 'error']).toContain(severity);
    expect(options).toEqual({ max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true });
  });
});

describe('entry points', () => {
  const files = sources();
  // zod reads its jitless setting when a schema is built: the setting must be evaluated before any
  // module that builds one, so it is the entries' first import after cjs-globals.
  it.each(['main.ts', 'cli/index.ts'])(
    '%s imports cjs-globals, then zod-jitless, before anything else',
    (entry) => {
      const imports = importSpecifiers(files[entry]!).map((s) => s.split('/').at(-1));
      expect(imports.slice(0, 2)).toEqual(['cjs-globals.js', 'zod-jitless.js']);
    },
  );

  // What a step loads before it runs is its start-up time: the post step (every job's cleanup)
  // loads no stage, and the verify sub-action (a deploy job's gate) loads the checks, not the
  // pipeline. main.ts imports run.ts or verify.ts when the step turns out to be one or the other.
  const loaded = importGraph(files, loadedSpecifiers);
  const pipelineOrStage = (m: string) => topLevel(m) === 'pipeline' || m.endsWith('/stage.ts');
  it('main.ts loads no pipeline, no stage and neither entry of a main step', () => {
    const mods = [...loadedFrom(loaded, 'main.ts')];
    expect(mods).toContain('action/post.ts');
    expect(mods.filter(pipelineOrStage)).toEqual([]);
    expect(mods).not.toContain('action/run.ts');
    expect(mods).not.toContain('action/verify.ts');
  });

  it('the verify sub-action (action/verify.ts) loads the checks, and no pipeline or stage', () => {
    const mods = [...loadedFrom(loaded, 'action/verify.ts')];
    expect(mods).toContain('attest/verify.ts');
    expect(mods.filter(pipelineOrStage)).toEqual([]);
    expect(mods).not.toContain('action/run.ts');
  });
});
