// The shape of src/ (docs/architecture.md): no import cycle, stages import only downward (never
// pipeline/, action/ or cli/), shared modules import no stage, a stage reaches another only through
// its contract (schema/result modules), results/ only through the stages' schema modules, packages
// with side effects only where the allow-list says, no file over 400 lines, the function-length lint
// rule and no inline disabling of it; no result file name spelled outside src/results/names.ts, no
// schemaVersion as a number, no stage reading process.env; and docs/architecture.md naming what the
// tree has (the result files, the sub-actions, the stage exceptions). The import graph is read with
// TypeScript's own pre-processor (import, import type, export ... from, import()), so no tool like
// madge is needed.
//
// Every allow-list below is derived from the tree and names why each entry is there: a new edge
// fails here until it is a deliberate change (the entry, with its reason, and docs/architecture.md),
// and an entry that is no longer needed fails too, so the lists only shrink by being kept honest.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ATTEST_FILE,
  attestationFile,
  BUILD_FILE,
  commentArtifactFile,
  devcontainerFile,
  digestFile,
  envelopeFile,
  PLAN_FILE,
  recordFile,
  reportFile,
  resolutionFile,
  RUN_REPORT_FILE,
} from '../../src/results/names.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const SRC = path.join(REPO_ROOT, 'src');
/** The top of the graph: they wire the stages together and may import anything below them. */
const ENTRY_POINTS = ['pipeline', 'action', 'cli', 'main.ts'];
/** What no stage may import. */
const FORBIDDEN_FOR_STAGES = ['pipeline', 'action', 'cli'];
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

// --- the rules' tables ---------------------------------------------------------------------------

/** The stages: the folders the data flows through (docs/architecture.md, "Data flow"). */
const STAGES = [
  'plan',
  'resolve',
  'build',
  'capture',
  'smoke',
  'report',
  'attest',
  'diff',
  'export',
  'devcontainer',
];

/**
 * Each stage's entry files: what the pipeline, a CLI command or another stage calls to run it. Besides
 * these, any `<folder>/stage.ts` is one.
 */
const STAGE_ENTRIES = [
  'plan/plan.ts',
  'resolve/stage.ts',
  'build/stage.ts',
  'capture/capture.ts',
  'smoke/stage.ts',
  'attest/stage.ts',
  'report/stage.ts',
  'diff/diff.ts',
  'export/k8s.ts',
  'export/slurm.ts',
  'devcontainer/devcontainer.ts',
];

/** The base every module may import: the error classes and the tool's version. */
const BASE = ['errors.ts', 'version.ts'];

/**
 * The shared modules below the stages, and the other shared folders each may import (besides itself
 * and BASE). They import no stage, so every stage (and config, which is upstream of all of them) can
 * use them. Derived from the tree: util, oci and python import only BASE, config util, oci and
 * requirements (the credential rule build.args share with a requirements file's URLs),
 * requirements util, docker util, oci and config, github util and config.
 */
const SHARED: Record<string, readonly string[]> = {
  'errors.ts': [],
  'version.ts': [],
  util: [],
  oci: [],
  config: ['util', 'oci', 'requirements'],
  requirements: ['util'],
  python: ['util'],
  docker: ['util', 'oci', 'config'],
  github: ['util', 'config'],
};

/** What a stage may import of another stage: its contract, the modules of its schemas and types. */
const STAGE_CONTRACT = /^(?:result|schema|record|types|[a-z0-9-]+-schema)\.ts$/;

/**
 * Imports of another stage's internals that exist today, `from -> to`, each with its reason. Each
 * is a violation of the rule to fix (and then remove from here), unless the reason says why not.
 */
const STAGE_EXCEPTIONS: Record<string, string> = {
  // The stages that run another stage as a part of their own work.
  'smoke/stage.ts -> capture/capture.ts':
    'the smoke stage captures the EnvRecord of the image it tests (capture has no stage.ts; docs)',
  'report/model.ts -> diff/diff.ts':
    "the report computes the diff against the base branch's records (diff is run by the report)",
  'report/model.ts -> diff/smoke.ts': 'the report computes the smoke diff too (diff is run by the report)',
  'report/component-findings.ts -> diff/diff.ts':
    "the report model's component findings (split from model.ts) name a lost CUDA build as the diff does (cudaLossOf)",
  'export/common.ts -> smoke/baselines.ts':
    "the cluster jobs run the smoke suites with the smoke stage's GPU floors (bundledBaseline, floorsArg)",
};

/**
 * What results/ (the result-directory contract) may import of a stage: the modules that hold the
 * schemas of the files it reads and writes. The report model's schema is `report/model-schema.ts`,
 * not `report/model.ts` (the model's logic): that one is on purpose never an exception below.
 */
const RESULTS_CONTRACT = /^(?:result|schema|record|artifact|[a-z0-9-]+-schema)\.ts$/;

/** results/'s imports of a stage's other modules, `from -> to`, each with its reason. */
const RESULTS_EXCEPTIONS: Record<string, string> = {
  'results/read.ts -> diff/read.ts':
    "records are read through diff's migrations (readEnvRecord, readSmokeResult), so that a record " +
    'of an older schemaVersion reads the same everywhere',
};

/**
 * The packages that reach the world, and where each may be imported: a folder (`docker/`) or a file.
 * `@scope/*` stands for the scope's other packages. A new direct side effect is a change here.
 */
const SIDE_EFFECTS: Record<string, Record<string, string>> = {
  'node:child_process': {
    'docker/': 'the docker CLI (exec-runner.ts, the CommandRunner) and credential helpers (registry-io.ts)',
    'attest/cosign.ts': 'the cosign binary (its argv built by pure functions in cosign-args.ts)',
  },
  dockerode: { 'docker/': 'the engine API: containers, exec sessions, images (DockerAdapter)' },
  '@actions/core': { 'action/io.ts': 'ActionIo: inputs, outputs, annotations, summary, state' },
  '@actions/cache': { 'report/baseline.ts': "BaselineStore on GitHub: the base branch's records" },
  '@actions/github': { 'github/': 'GitHubClient over Octokit' },
  '@actions/*': {},
  '@octokit/*': { 'github/': "Octokit's retry and throttling plugins, under GitHubClient" },
  // The network: a stage takes what it needs of it as a dependency (the registry's OciClient, the
  // resolver's HostLookup), which the composition roots (pipeline/, cli/, action/) supply.
  'node:dns': {},
  'node:dns/promises': {
    'docker/host-lookup.ts': "this machine's resolver, the resolve stage's HostLookup (index host names)",
  },
  'node:http': {
    'docker/': "the registry over HTTP (http-fetch.ts), the engine's socket (engine-info.ts, daemon-info.ts)",
  },
  'node:https': {
    'docker/': 'the registry over HTTPS (http-fetch.ts), the engine over TLS (daemon-info.ts)',
  },
  'node:net': {
    'docker/http-fetch.ts':
      "the socket of a proxy's CONNECT tunnel (its type: the registry through HTTPS_PROXY)",
  },
  'node:tls': {
    'docker/': "TLS to the registry over a proxy's CONNECT tunnel (http-fetch.ts, HTTPS_PROXY)",
  },
};

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

/** Whether `to` is in another stage than `file`. */
const otherStage = (file: string, to: string) =>
  STAGES.includes(topLevel(to)) && topLevel(to) !== topLevel(file);

/** Edges from a shared module (SHARED) to anything but itself, BASE and the folders it may import. */
function sharedViolations(graph: Graph, shared: Record<string, readonly string[]> = SHARED): string[] {
  return [...graph].flatMap(([file, imports]) => {
    const own = topLevel(file);
    const allowed = shared[own];
    if (allowed === undefined) return [];
    return imports
      .filter((to) => {
        const t = topLevel(to);
        return t !== own && !BASE.includes(t) && !allowed.includes(t);
      })
      .map((to) => `${file} -> ${to}`);
  });
}

/**
 * Edges from a module of the folders `from` into another stage's module whose file name is not
 * `contract`, except the listed ones: `from -> to` each.
 */
function contractViolations(
  graph: Graph,
  from: readonly string[],
  contract: RegExp,
  exceptions: Record<string, string>,
): string[] {
  return [...graph].flatMap(([file, imports]) =>
    from.includes(topLevel(file))
      ? imports
          .filter((to) => otherStage(file, to) && !contract.test(path.posix.basename(to)))
          .map((to) => `${file} -> ${to}`)
          .filter((edge) => !(edge in exceptions))
      : [],
  );
}

/** The exceptions no edge of the graph needs any more. */
function staleExceptions(graph: Graph, exceptions: Record<string, string>): string[] {
  const edges = new Set([...graph].flatMap(([file, imports]) => imports.map((to) => `${file} -> ${to}`)));
  return Object.keys(exceptions).filter((e) => !edges.has(e));
}

/**
 * The SIDE_EFFECTS key of a module specifier (`child_process` is `node:child_process`), if any: a
 * built-in's subpath by itself when the table names it (`dns/promises`), else its package.
 */
function sideEffectKey(spec: string, table: Record<string, unknown> = SIDE_EFFECTS): string | undefined {
  const builtin = (name: string) => (!name.startsWith('node:') && isBuiltin(name) ? `node:${name}` : name);
  if (builtin(spec) in table) return builtin(spec);
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const normal = builtin(name);
  if (normal in table) return normal;
  const scope = spec.startsWith('@') ? `${parts[0]}/*` : undefined;
  return scope !== undefined && scope in table ? scope : undefined;
}

/** Where `file` may import the key's package: one of the key's folders (ending in /) or files. */
const allowedAt = (where: Record<string, string>, file: string) =>
  Object.keys(where).some((at) => (at.endsWith('/') ? file.startsWith(at) : file === at));

/** `file imports spec` for each side-effect package imported outside its allow-list. */
function sideEffectViolations(
  specifiers: Record<string, string[]>,
  table: Record<string, Record<string, string>> = SIDE_EFFECTS,
): string[] {
  return Object.entries(specifiers).flatMap(([file, specs]) =>
    specs
      .filter((spec) => {
        const key = sideEffectKey(spec, table);
        return key !== undefined && !allowedAt(table[key]!, file);
      })
      .map((spec) => `${file} imports ${spec}`),
  );
}

/** The allow-list places (`key at place`) no file uses any more. */
function staleSideEffects(
  specifiers: Record<string, string[]>,
  table: Record<string, Record<string, string>> = SIDE_EFFECTS,
): string[] {
  const used = new Set(
    Object.entries(specifiers).flatMap(([file, specs]) =>
      specs.flatMap((spec) => {
        const key = sideEffectKey(spec, table);
        if (key === undefined) return [];
        return Object.keys(table[key]!)
          .filter((at) => allowedAt({ [at]: '' }, file))
          .map((at) => `${key} at ${at}`);
      }),
    ),
  );
  return Object.entries(table).flatMap(([key, where]) =>
    Object.keys(where)
      .map((at) => `${key} at ${at}`)
      .filter((e) => !used.has(e)),
  );
}

/**
 * Comments that turn the size rules off: `eslint-disable` (-line, -next-line) naming max-lines or
 * max-lines-per-function, or naming no rule (which turns off every rule), and inline `eslint`
 * configurations of those rules. One line each, `file:line: comment`.
 */
function sizeRuleDisables(files: Record<string, string>): string[] {
  const directive = /\/[/*]\s*(eslint(?:-disable(?:-next-line|-line)?)?)(?=\s|\*\/|$)(.*)/;
  return Object.entries(files).flatMap(([file, text]) =>
    text.split('\n').flatMap((line, i) => {
      const m = directive.exec(line);
      if (!m) return [];
      const rules = m[2]!.split(/\s--\s|\*\//)[0]!.trim();
      const refused = /\bmax-lines\b/.test(rules) || (m[1] !== 'eslint' && rules === '');
      return refused ? [`${file}:${i + 1}: ${line.trim()}`] : [];
    }),
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

/**
 * The result directory's file names are spelled in src/results/names.ts only: a string or template
 * literal elsewhere that is one of them (`report-${variant}.md`, 'ml-image-comment.json') is a name
 * that does not follow a change of the contract. Templates are read with `${}` for their values.
 */
const RESULT_FILE_NAMES = [
  /^(?:plan|build|attest)\.json$/,
  /^report\.md$/,
  /^ml-image-comment\.json$/,
  /^devcontainer\.json$/,
  /^(?:env|smoke|junit|smoke-key|resolution|report)-\$\{\}[.-]/,
];
/** The module that names them. */
const RESULT_NAMES_MODULE = 'results/names.ts';

/**
 * A schemaVersion written or compared as a number (`schemaVersion: 1`, `version !== 1`) rather than
 * through the file's constant (RESOLUTION_SCHEMA_VERSION, ...): a bump of the constant would leave
 * it behind (a reader that drops every fresh file). Each exception names why the number is right.
 */
const NUMBERED_VERSIONS: Record<string, string> = {
  'diff/read.ts': 'the migrations: each step turns a record of version N into one of N + 1, by number',
  'attest/cosign-image.ts': "an OCI image manifest's schemaVersion (2), the OCI spec's, not ours",
};

/** The text of every string and template literal in TEXT (a template's values as `${}`). */
function literals(text: string): string[] {
  const file = ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node))
      found.push(node.head.text + node.templateSpans.map((s) => `\${}${s.literal.text}`).join(''));
    // The specifiers of imports are module names, not file names.
    if (!ts.isImportDeclaration(node) && !ts.isExportDeclaration(node)) ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `file: literal` for each result file name spelled outside RESULT_NAMES_MODULE. */
function spelledResultNames(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    file === RESULT_NAMES_MODULE
      ? []
      : literals(text)
          .filter((l) => RESULT_FILE_NAMES.some((re) => re.test(l)))
          .map((l) => `${file}: ${l}`),
  );
}

/**
 * `file:line: code` for each schemaVersion given as a number: a property `schemaVersion: 1` (or
 * its type `schemaVersion: 1;`), and a comparison of something named *version with a number.
 */
function numberedVersions(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) => {
    const src = ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest, true);
    const hits: string[] = [];
    const isNumber = (n: ts.Node | undefined) =>
      n !== undefined &&
      (ts.isNumericLiteral(n) || (ts.isLiteralTypeNode(n) && ts.isNumericLiteral(n.literal)));
    const named = (n: ts.Node) => /version$/i.test(n.getText(src).split('.').at(-1) ?? '');
    const visit = (node: ts.Node): void => {
      const property =
        (ts.isPropertyAssignment(node) && isNumber(node.initializer)) ||
        (ts.isPropertySignature(node) && isNumber(node.type));
      const comparison =
        ts.isBinaryExpression(node) &&
        [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
          node.operatorToken.kind,
        ) &&
        ((named(node.left) && isNumber(node.right)) || (named(node.right) && isNumber(node.left)));
      if ((property && node.name.getText(src) === 'schemaVersion') || comparison) {
        const line = src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1;
        hits.push(`${file}:${line}: ${node.getText(src)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
    return hits;
  });
}

/**
 * A stage reads no `process.env`: the environment is a dependency its caller (a composition root:
 * pipeline/, cli/, action/) hands it, so that a test's stage never reads the developer's shell
 * (ML_IMAGE_RESOLVE_TIMEOUT_SECONDS=abc there failed the resolver's tests). The stage modules that
 * still read it, each with its reason.
 */
const PROCESS_ENV_IN_STAGES: Record<string, string> = {
  'smoke/stage.ts':
    'input.env ?? process.env: a default no caller takes (the pipeline passes io.env); to fix',
  'attest/cosign.ts':
    "the cosign binary's environment (the adapter that runs it), under the caller's additions",
};

/**
 * The stage modules that import the filesystem (`node:fs`, `node:fs/promises`) themselves, each with
 * its reason. The rest of a stage reaches files through src/results/ (the result directory),
 * src/util/ (temp dirs, bounded and regular-file reads, JSON writes) or an interface it is given:
 * a new direct filesystem call in a stage is a deliberate change here. Each entry is one to move
 * behind such an interface when its module is next reworked.
 */
const FILESYSTEM_IN_STAGES: Record<string, string> = {
  'resolve/snapshot-cache.ts': "the base-image snapshot cache's files (SnapshotCache, given to the stage)",
  'build/action-inputs.ts': 'checks that a secret-files input names a regular file',
  'build/builder-facts.ts': "the builder facts' per-run cache files",
  'build/context-ignore.ts':
    "the build context's .dockerignore, copied and extended to keep the run's files out",
  'build/git-keep-out.ts': "walks the context's git directory for the files that hold credentials",
  'build/input-secrets.ts': "reads the secret-files inputs and writes the secrets' 0600 files",
  'build/inputs.ts': "writes pip's inputs (requirements, constraints, indexes) as 0600 secret files",
  'build/stage.ts': "removes the stage's work directory",
  'build/target.ts': "reads buildx's --metadata-file",
  'build/templates.ts': "checks that a variant's Dockerfile template exists",
  'capture/capture.ts': 'reads the in-container probe (images/probe/ml_image_probe.py)',
  'smoke/run.ts': 'reads the in-container smoke script (images/probe/ml_image_smoke.py)',
  'smoke/scripts-key.ts': 'hashes the in-container scripts for the smoke reuse key',
  'report/artifact.ts': 'reads the comment artifact without following a link (O_NOFOLLOW)',
  'report/base-records.ts': 'checks that the restored baseline directory exists',
  'report/baseline-dir.ts': "the directory BaselineStore's files (it is the store)",
  'report/baseline-lock.ts': "the directory BaselineStore's lock file",
  'report/baseline.ts': 'the BaselineStores: the restored cache directory, the saved records',
  'attest/cosign-env.ts': "cosign's TUF_ROOT: a copy made and removed per run",
  'devcontainer/from-results.ts': "checks that a result directory's build.json exists",
};

/** The stage modules (STAGES) that import node:fs or node:fs/promises (or fs, fs/promises). */
function filesystemImporters(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) =>
    STAGES.includes(topLevel(file)) &&
    importSpecifiers(text).some((s) => /^(?:node:)?fs(?:\/promises)?$/.test(s))
      ? [file]
      : [],
  );
}

/** The stage modules (STAGES) that read `process.env` in code (not in a comment or a string). */
function processEnvReaders(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([file, text]) => {
    if (!STAGES.includes(topLevel(file))) return [];
    const src = ts.createSourceFile('m.ts', text, ts.ScriptTarget.Latest, true);
    let found = false;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && node.getText(src) === 'process.env') found = true;
      else ts.forEachChild(node, visit);
    };
    visit(src);
    return found ? [file] : [];
  });
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

describe('sharedViolations', () => {
  it('flags a shared module importing a stage, or a shared folder not in its list', () => {
    const graph: Graph = new Map([
      ['config/inputs.ts', ['build/action-inputs.ts', 'config/load.ts', 'errors.ts', 'util/text.ts']],
      ['util/temp.ts', ['docker/adapter.ts', 'version.ts']],
      ['config/issues.ts', ['util/redact.ts']],
      ['oci/ref.ts', ['config/schema.ts']],
      ['build/stage.ts', ['plan/plan.ts']],
    ]);
    const shared = { 'errors.ts': [], 'version.ts': [], util: [], oci: [], config: ['util', 'oci'] };
    expect(sharedViolations(graph, shared)).toEqual([
      'config/inputs.ts -> build/action-inputs.ts',
      'util/temp.ts -> docker/adapter.ts',
      'oci/ref.ts -> config/schema.ts',
    ]);
  });
});

describe('contractViolations and staleExceptions', () => {
  const graph: Graph = new Map([
    ['report/stage.ts', ['report/model.ts', 'plan/schema.ts', 'resolve/explain.ts', 'results/results.ts']],
    ['report/model.ts', ['diff/diff.ts', 'capture/record.ts', 'util/redact.ts', 'smoke/result.ts']],
    ['smoke/stage.ts', ['capture/capture.ts', 'plan/plan.ts']],
    [
      'results/results.ts',
      ['report/model.ts', 'report/artifact.ts', 'attest/result.ts', 'report/model-schema.ts'],
    ],
    ['pipeline/pipeline.ts', ['smoke/stage.ts']],
  ]);
  const exceptions = { 'smoke/stage.ts -> capture/capture.ts': 'why', 'x/a.ts -> y/b.ts': 'gone' };
  it('flags a stage importing another stage past its contract, except the listed edges', () => {
    expect(contractViolations(graph, STAGES, STAGE_CONTRACT, exceptions)).toEqual([
      'report/stage.ts -> resolve/explain.ts',
      'report/model.ts -> diff/diff.ts',
      'smoke/stage.ts -> plan/plan.ts',
    ]);
  });
  it('flags results/ importing a stage module other than a schema module', () => {
    expect(contractViolations(graph, ['results'], RESULTS_CONTRACT, {})).toEqual([
      'results/results.ts -> report/model.ts',
    ]);
  });
  it('lists the exceptions no edge needs', () => {
    expect(staleExceptions(graph, exceptions)).toEqual(['x/a.ts -> y/b.ts']);
  });
});

describe('sideEffectKey, sideEffectViolations and staleSideEffects', () => {
  it.each([
    ['node:child_process', 'node:child_process'],
    ['child_process', 'node:child_process'],
    ['dockerode', 'dockerode'],
    ['dockerode/lib/x.js', 'dockerode'],
    ['@actions/core', '@actions/core'],
    ['@actions/exec', '@actions/*'],
    ['@octokit/plugin-retry', '@octokit/*'],
    ['node:fs', undefined],
    ['node:dns/promises', 'node:dns/promises'],
    ['dns/promises', 'node:dns/promises'],
    ['dns', 'node:dns'],
    ['node:https', 'node:https'],
    ['net', 'node:net'],
    ['tls', 'node:tls'],
    ['node:tls', 'node:tls'],
    ['node:fs/promises', undefined],
    ['zod', undefined],
    ['@cyclonedx/cyclonedx-library/Models', undefined],
  ])('%s -> %s', (spec, key) => {
    expect(sideEffectKey(spec)).toBe(key);
  });

  const table = {
    'node:child_process': { 'docker/': 'cli', 'attest/cosign.ts': 'cosign', 'old/': 'gone' },
    '@actions/core': { 'action/io.ts': 'io' },
    '@actions/*': {},
  };
  const specifiers = {
    'docker/exec-runner.ts': ['node:child_process'],
    'attest/cosign.ts': ['child_process'],
    'attest/stage.ts': ['node:child_process'],
    'action/io.ts': ['@actions/core'],
    'action/run.ts': ['@actions/core', '@actions/exec', 'zod'],
  };
  it('flags each import outside the allow-list', () => {
    expect(sideEffectViolations(specifiers, table)).toEqual([
      'attest/stage.ts imports node:child_process',
      'action/run.ts imports @actions/core',
      'action/run.ts imports @actions/exec',
    ]);
  });
  it('lists the allowed places no file uses', () => {
    expect(staleSideEffects(specifiers, table)).toEqual(['node:child_process at old/']);
  });
});

describe('sizeRuleDisables', () => {
  it.each([
    ['// eslint-disable-next-line max-lines-per-function', true],
    ['/* eslint-disable max-lines */', true],
    ['  // eslint-disable-line max-lines-per-function -- it is long', true],
    ['/* eslint-disable no-console, max-lines-per-function */', true],
    ['/* eslint max-lines-per-function: off */', true],
    ['/* eslint-disable */', true],
    ['// eslint-disable-next-line -- whatever', true],
    ['// eslint-disable-next-line no-control-regex -- removing them is the point', false],
    ['/* eslint-enable max-lines-per-function */', false],
    ['// eslint reads this file', false],
    ['const maxLines = 3; // max-lines', false],
  ])('%j refused: %s', (line, refused) => {
    expect(sizeRuleDisables({ 'a.ts': `x;\n${line}\n` })).toEqual(refused ? [`a.ts:2: ${line.trim()}`] : []);
  });
});

describe('literals, spelledResultNames and numberedVersions', () => {
  it.each([
    ["const a = 'plan.json';", ['plan.json']],
    ['const a = `report-${v}.md`;', ['report-${}.md']],
    ["import { x } from './plan.json';", []],
    ['// report-${v}.md', []],
  ])('%j -> %j', (text, expected) => {
    expect(literals(text)).toEqual(expected);
  });

  it('flags a result file name spelled outside results/names.ts', () => {
    const files = {
      'results/names.ts': "export const PLAN_FILE = 'plan.json';",
      'report/render/run.ts': 'const file = `report-${model.variant}.md`;',
      'devcontainer/from-results.ts': "path.join(dir, 'devcontainer', variant, 'devcontainer.json');",
      'report/stage.ts': 'say(`no env-${v}-*.json in ${dir}`);',
      'resolve/resolve.ts': 'return `resolution-${hash}`;',
      'devcontainer/devcontainer.ts': "const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';",
    };
    expect(spelledResultNames(files)).toEqual([
      'report/render/run.ts: report-${}.md',
      'devcontainer/from-results.ts: devcontainer.json',
    ]);
  });

  it('flags a schemaVersion written or compared as a number', () => {
    const files = {
      'results/read.ts': "if (typeof version === 'number' && version !== 1) return;",
      'report/stage.ts': 'fit({ schemaVersion: 1, prNumber });',
      'report/artifact.ts': 'interface A {\n  schemaVersion: 1;\n}',
      'plan/plan.ts': 'const p = { schemaVersion: PLAN_SCHEMA_VERSION, count: 1 };',
      'results/ok.ts': 'if (version !== PLAN_SCHEMA_VERSION && n === 1) return;',
    };
    expect(numberedVersions(files)).toEqual([
      'results/read.ts:1: version !== 1',
      'report/stage.ts:1: schemaVersion: 1',
      'report/artifact.ts:2: schemaVersion: 1;',
    ]);
  });
});

describe('filesystemImporters', () => {
  it('lists the stage modules that import the filesystem, under any of its names', () => {
    const files = {
      'build/a.ts': "import { readFileSync } from 'node:fs';",
      'build/b.ts': "import { readFile } from 'fs/promises';",
      'build/c.ts': "const { rm } = await import('node:fs/promises');",
      'build/d.ts': "import { z } from 'zod'; // node:fs",
      'util/e.ts': "import { readFileSync } from 'node:fs';",
      'report/f.ts': "import fs from 'fs';",
    };
    expect(filesystemImporters(files)).toEqual(['build/a.ts', 'build/b.ts', 'build/c.ts', 'report/f.ts']);
  });
});

describe('processEnvReaders', () => {
  it('lists the stage modules that read process.env in code, not those that only name it', () => {
    const files = {
      'resolve/stage.ts': 'const env = deps.env ?? process.env;',
      'build/stage.ts': '// the environment given (never process.env)\nconst s = "process.env";',
      'smoke/stage.ts': 'const { PATH } = process.env;',
      'docker/registry.ts': 'export const f = (env = process.env) => env;',
      'cli/main.ts': 'run(process.env);',
    };
    expect(processEnvReaders(files)).toEqual(['resolve/stage.ts', 'smoke/stage.ts']);
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

  it('shared modules (config, util, oci, requirements, python, docker, github) import no stage', () => {
    expect(Object.keys(SHARED).filter((f) => !(f in files) && !existsSync(path.join(SRC, f)))).toEqual([]);
    expect(sharedViolations(graph)).toEqual([]);
  });

  it('a stage imports another stage only through its contract (result, schema, record, types)', () => {
    expect(contractViolations(graph, STAGES, STAGE_CONTRACT, STAGE_EXCEPTIONS)).toEqual([]);
    expect(staleExceptions(graph, STAGE_EXCEPTIONS)).toEqual([]);
  });

  // What must hold: results/ reads and writes every file through the stage's schema module, e.g.
  // report-<variant>.json through report/model-schema.ts (ReportModelSchema), never report/model.ts.
  it('results/ imports a stage only through its schema modules (result, schema, record, artifact, *-schema)', () => {
    expect(contractViolations(graph, ['results'], RESULTS_CONTRACT, RESULTS_EXCEPTIONS)).toEqual([]);
    expect(staleExceptions(graph, RESULTS_EXCEPTIONS)).toEqual([]);
  });

  const specifiers = Object.fromEntries(Object.entries(files).map(([f, t]) => [f, importSpecifiers(t)]));
  it('imports node:child_process, the network (node:dns, http, https, net, tls), dockerode, @actions/* and @octokit/* only where allowed', () => {
    expect(sideEffectViolations(specifiers)).toEqual([]);
    expect(staleSideEffects(specifiers)).toEqual([]);
  });

  it('spells no result file name outside src/results/names.ts', () => {
    expect(spelledResultNames(files)).toEqual([]);
  });

  it('writes and compares no schemaVersion as a number (the file kinds have constants)', () => {
    const hits = numberedVersions(files).filter((h) => !(h.split(':')[0]! in NUMBERED_VERSIONS));
    expect(hits).toEqual([]);
    const used = new Set(numberedVersions(files).map((h) => h.split(':')[0]!));
    expect(Object.keys(NUMBERED_VERSIONS).filter((f) => !used.has(f))).toEqual([]);
  });

  it("a stage reads no process.env (its caller's environment is a dependency), but where listed", () => {
    const readers = processEnvReaders(files);
    expect(readers.filter((f) => !(f in PROCESS_ENV_IN_STAGES))).toEqual([]);
    expect(Object.keys(PROCESS_ENV_IN_STAGES).filter((f) => !readers.includes(f))).toEqual([]);
  });

  it('a stage imports the filesystem (node:fs) only where listed: the rest goes through results/, util/ or an interface', () => {
    const importers = filesystemImporters(files);
    expect(
      importers.filter((f) => !(f in FILESYSTEM_IN_STAGES)),
      'a stage module imports node:fs: reach the file through src/results/, src/util/ or an interface the stage is given, or list the module in FILESYSTEM_IN_STAGES with its reason',
    ).toEqual([]);
    expect(
      Object.keys(FILESYSTEM_IN_STAGES).filter((f) => !importers.includes(f)),
      'these FILESYSTEM_IN_STAGES entries import node:fs no more: remove them',
    ).toEqual([]);
  });

  it('turns no size rule off with an eslint-disable comment (max-lines, max-lines-per-function)', () => {
    expect(sizeRuleDisables(files)).toEqual([]);
  });

  // Node 24's `throwIfNoEntry: false` answers undefined for ENOTDIR too (Node 20 throws): the same
  // path would be "not found" on a runner and "a path component is not a directory" here. statOrAbsent
  // (src/util/read-regular.ts) is the one way to ask.
  it('passes no throwIfNoEntry to a stat (its meaning changed in Node 24): statOrAbsent instead', () => {
    const code = (text: string) => text.split('\n').filter((l) => !/^\s*(\/\/|\/?\*)/.test(l));
    const hits = Object.entries(files).flatMap(([f, t]) =>
      code(t).some((l) => l.includes('throwIfNoEntry')) ? [f] : [],
    );
    expect(hits).toEqual([]);
  });

  // The event payload is read once, at the entries (the action, the CLI, the pipeline), and handed to
  // the stages parsed, as env is: a stage that read GITHUB_EVENT_PATH itself was one more disk read
  // behind no interface.
  it('reads the GitHub event file (readGitHubEventFile) only in the entries: action/, cli/, pipeline/', () => {
    const code = (text: string) => text.split('\n').filter((l) => !/^\s*(\/\/|\/?\*)/.test(l));
    const hits = Object.entries(files).flatMap(([f, t]) =>
      !/^(action|cli|pipeline|github)\//.test(f) && code(t).some((l) => l.includes('readGitHubEventFile'))
        ? [f]
        : [],
    );
    expect(hits).toEqual([]);
  });

  // On Node 20 AbortSignal.any holds its sources weakly: an AbortSignal.timeout source nothing else
  // holds is collected at a GC and never fires (nodejs/node#57736). anySignal (src/util/abort.ts)
  // keeps them.
  it('combines signals with anySignal only (AbortSignal.any loses a timeout source at a GC on Node 20)', () => {
    const code = (text: string) => text.split('\n').filter((l) => !/^\s*(\/\/|\/?\*)/.test(l));
    const hits = Object.entries(files).flatMap(([f, t]) =>
      f !== 'util/abort.ts' && code(t).some((l) => l.includes('AbortSignal.any(')) ? [f] : [],
    );
    expect(hits).toEqual([]);
  });
});

// --- docs/architecture.md ------------------------------------------------------------------------

describe('docs/architecture.md', () => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8');
  /** The text under a `## HEADING` up to the next one. */
  const section = (heading: string) => {
    const start = doc.indexOf(`\n## ${heading}\n`);
    expect(start, heading).toBeGreaterThanOrEqual(0);
    const end = doc.indexOf('\n## ', start + 1);
    return doc.slice(start, end < 0 ? undefined : end);
  };

  it("the results contract's table names every file src/results/names.ts names", () => {
    const table = section('The results contract');
    const [v, p] = ['<variant>', 'linux/<arch>'];
    const names = [
      PLAN_FILE,
      resolutionFile(v, p),
      BUILD_FILE,
      digestFile(v, p),
      ...(['env', 'smoke', 'junit', 'smoke-key'] as const).map((k) => recordFile(k, v, p)),
      reportFile(v, 'md'),
      reportFile(v, 'json'),
      RUN_REPORT_FILE,
      commentArtifactFile(),
      ATTEST_FILE,
      attestationFile(v, p, '<kind>'),
      attestationFile(v, p, 'sbom.spdx'),
      envelopeFile(v, p, '<kind>'),
      devcontainerFile(v),
    ].map((n) => n.split(path.sep).join('/'));
    expect(names.filter((n) => !table.includes(`\`${n}\``))).toEqual([]);
  });

  it('names every sub-action (actions/*)', () => {
    const subActions = readdirSync(path.join(REPO_ROOT, 'actions')).filter((n) =>
      existsSync(path.join(REPO_ROOT, 'actions', n, 'action.yml')),
    );
    const row = doc.split('\n').find((l) => l.startsWith('| `actions/'));
    expect(row).toBeDefined();
    expect(subActions.filter((n) => !new RegExp(`\\b${n}\\b`).test(row!))).toEqual([]);
  });

  it("names the stage exceptions the test holds, and no other stage's internals as one", () => {
    const rule = doc
      .split('\n- **')
      .find((b) => b.startsWith('A stage reaches another only through its contract'));
    expect(rule).toBeDefined();
    const targets = new Set(Object.keys(STAGE_EXCEPTIONS).map((e) => e.split(' -> ')[1]!));
    // Named as `stage/file.ts` (not `src/...`, a module of the stage itself): another stage's.
    const named = [...rule!.matchAll(/`([a-z]+\/[a-z0-9-]+\.ts)`/g)].map((m) => m[1]!);
    expect([...targets].filter((t) => !named.includes(t))).toEqual([]);
    expect(
      named.filter(
        (n) =>
          STAGES.includes(topLevel(n)) && !STAGE_CONTRACT.test(path.posix.basename(n)) && !targets.has(n),
      ),
    ).toEqual([]);
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

  // A signal in the CLI's first moments (its modules loading) exited silently (audit): the handlers
  // go in before the CLI's own modules are imported.
  it('cli/index.ts installs the signal handlers (signals-first) before it imports the CLI', () => {
    const imports = importSpecifiers(files['cli/index.ts']!).map((s) => s.split('/').at(-1));
    expect(imports.indexOf('signals-first.js')).toBe(2);
    expect(imports.indexOf('main.js')).toBeGreaterThan(2);
    expect(files['cli/signals-first.ts']).toMatch(/^installSignalCleanup\(\);$/m);
  });

  // What a step loads before it runs is its start-up time: the post step (every job's cleanup)
  // loads no stage, and the verify sub-action (a deploy job's gate) loads the checks, not the
  // pipeline. main.ts imports run.ts or verify.ts when the step turns out to be one or the other.
  const loaded = importGraph(files, loadedSpecifiers);
  const pipelineOrStage = (m: string) =>
    topLevel(m) === 'pipeline' || m.endsWith('/stage.ts') || STAGE_ENTRIES.includes(m);
  it('the stage entries exist, one or more for each stage', () => {
    expect(STAGE_ENTRIES.filter((e) => !(e in files))).toEqual([]);
    expect(STAGES.filter((st) => !STAGE_ENTRIES.some((e) => topLevel(e) === st))).toEqual([]);
  });
  it('main.ts loads no pipeline, no stage entry and neither entry of a main step', () => {
    const mods = [...loadedFrom(loaded, 'main.ts')];
    expect(mods).toContain('action/post.ts');
    expect(mods.filter(pipelineOrStage)).toEqual([]);
    expect(mods).not.toContain('action/run.ts');
    expect(mods).not.toContain('action/verify.ts');
  });

  it('the verify sub-action (action/verify.ts) loads the checks, and no pipeline or stage entry', () => {
    const mods = [...loadedFrom(loaded, 'action/verify.ts')];
    expect(mods).toContain('attest/verify.ts');
    expect(mods.filter(pipelineOrStage)).toEqual([]);
    expect(mods).not.toContain('action/run.ts');
  });
});
