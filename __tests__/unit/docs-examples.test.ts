// Every example a user can copy from README.md, docs/*.md and images/README.md is one the code takes:
//   - a ```yaml block that is an ml-image.yml (or a fragment of one: its top-level keys are the
//     config's) validates and plans as `ml-image validate` checks it (a fragment merged into the
//     smallest config);
//   - a workflow block (jobs:, steps:, uses:) that uses this project's action, sub-actions or
//     reusable workflows gives each only the inputs and secrets it declares, every input it
//     requires, and names only outputs it declares; so do the copy-ready workflows/*.yml; a whole
//     workflow passes GitHub's own parser;
//   - an `ml-image COMMAND ...` line of a shell block (or a code span) names a command, and flags
//     that command takes;
//   - a smoke.baseline file (docs/gpu-floors.md, a row of your own) is one the smoke stage reads.
// A block meant to be wrong says so in the page, on the line before it: <!-- example: invalid -->
// (and it must then be refused). Unit: no process is started; the commands are asked in-process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/main.js';
import type { Command } from '../../src/cli/commands/types.js';
import { parseYamlDocument, validateConfigData } from '../../src/config/load.js';
import type { Path } from '../../src/config/issues.js';
import { ConfigFileSchema } from '../../src/config/schema.js';
import { ConfigError, describeError } from '../../src/errors.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { BaselineSchema } from '../../src/smoke/baselines.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { captureIo } from '../helpers/fakes.js';
import { githubParserErrors, ownActionDir } from '../helpers/workflow-lint.js';

const read = (rel: string) => readFileSync(path.join(REPO_ROOT, rel), 'utf8');
const PAGES = [
  'README.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
  'images/README.md', // the templates' build args, the devcontainer: a page users read too
];
const INVALID_MARKER = '<!-- example: invalid -->';

interface Block {
  /** page:line of the opening fence. */
  where: string;
  lang: string;
  text: string;
  /** The page marks it as meant to be wrong (INVALID_MARKER on the line before the fence). */
  invalid: boolean;
}

/** The fenced blocks of a Markdown text, indented ones (in a list) dedented. */
function fencedBlocks(page: string, markdown: string): Block[] {
  const lines = markdown.split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
    if (end < 0) throw new Error(`${page}:${i + 1}: a fence that is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    out.push({
      where: `${page}:${i + 1}`,
      lang: open[2]!,
      text: lines
        .slice(i + 1, end)
        .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
        .join('\n'),
      invalid: before >= 0 && lines[before]!.trim() === INVALID_MARKER,
    });
    i = end;
  }
  return out;
}

const BLOCKS = PAGES.flatMap((p) => fencedBlocks(p, read(p)));
const YAML_BLOCKS = BLOCKS.filter((b) => b.lang === 'yaml' || b.lang === 'yml');

// --- ml-image.yml ---------------------------------------------------------------------------------

const CONFIG_KEYS = Object.keys(ConfigFileSchema.shape);
/** The smallest config (examples/hello-ml/ml-image.yml without what it chooses): a fragment goes in it. */
const MINIMAL_CONFIG = { image: { name: 'my-org/my-model' } };

const isWorkflow = (text: string) => /^\s*(?:-\s+)?(?:jobs|steps|uses):/m.test(text);
const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
/** A config or a fragment of one: a mapping with a top-level key of the config (any other key is its problem). */
const isConfig = (text: string) => {
  const data: unknown = parse(text);
  return !isWorkflow(text) && isMapping(data) && Object.keys(data).some((k) => CONFIG_KEYS.includes(k));
};

/** What `ml-image validate` refuses in a config text (its shape, then its plan): [] when valid. */
function configProblems(text: string, label: string, fence = 0): string[] {
  try {
    const parsed = parseYamlDocument(text, label);
    const { data } = parsed;
    // The page's line: the block's, after its fence.
    const lineOf = (p: Path) => {
      const line = parsed.lineOf(p);
      return line === undefined ? undefined : line + fence;
    };
    const merged = isMapping(data) ? { ...MINIMAL_CONFIG, ...data } : data;
    const config = validateConfigData(merged, label, [], lineOf);
    planBuild(config, {
      catalog: bundledCatalog(),
      git: {
        sha: 'abc1234',
        ref: 'refs/heads/main',
        isDefaultBranch: true,
        repositoryUrl: 'https://github.com/o/r',
      },
      now: new Date(0),
      configFile: label,
      lineOf,
    });
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return [describeError(e, false)];
  }
}

describe('ml-image.yml examples of README.md and docs/*.md', () => {
  const configs = YAML_BLOCKS.filter((b) => isConfig(b.text));

  it('finds them: whole configs and fragments (the reader is real)', () => {
    expect(configs.map((b) => b.where)).toEqual(
      expect.arrayContaining([
        'README.md:48',
        'docs/configuration.md:10',
        expect.stringMatching(/^docs\/report\.md:\d+$/),
      ]),
    );
  });

  it('every yaml block is a config, a fragment of one, or a workflow (none is left unchecked)', () => {
    expect(YAML_BLOCKS.filter((b) => !isConfig(b.text) && !isWorkflow(b.text)).map((b) => b.where)).toEqual(
      [],
    );
  });

  it.each(configs.map((b) => [b.where, b] as const))('%s validates and plans', (where, b) => {
    const [page, fence] = where.split(':');
    const problems = configProblems(b.text, page!, Number(fence));
    if (b.invalid) expect(problems, `${where} is marked invalid but validates`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });

  it('a wrong key, a fragment with a wrong value, a plan that cannot be made: each refused (the check is real)', () => {
    expect(configProblems('image:\n  name: a/b\n  registy: x\n', 'x').join()).toMatch(/registy: unknown key/);
    expect(configProblems('size:\n  budget: 8 bananas\n', 'x')).not.toEqual([]);
    expect(configProblems('variants: [{cuda: "12.8", torch: "2.5"}]\n', 'x').join()).toMatch(
      /no CUDA 12.8 wheels/,
    );
    expect(configProblems('smoke:\n  requireGpu: false\n', 'x')).toEqual([]);
  });

  it(`the marker ${INVALID_MARKER} is read on the line before the fence only`, () => {
    const md = `${INVALID_MARKER}\n\n\`\`\`yaml\na: 1\n\`\`\`\n\n\`\`\`yaml\nb: 2\n\`\`\`\n  \`\`\`yaml\n  c: 3\n  \`\`\`\n`;
    expect(fencedBlocks('p', md)).toEqual([
      { where: 'p:3', lang: 'yaml', text: 'a: 1', invalid: true },
      { where: 'p:7', lang: 'yaml', text: 'b: 2', invalid: false },
      { where: 'p:10', lang: 'yaml', text: 'c: 3', invalid: false },
    ]);
  });
});

describe('smoke.baseline files of docs/*.md (a row of your own)', () => {
  const files = BLOCKS.filter((b) => b.lang === 'json' && /"floorFraction"/.test(b.text));

  it.each(files.map((b) => [b.where, b] as const))('%s is a baseline the smoke stage reads', (_, b) => {
    const r = BaselineSchema.safeParse(JSON.parse(b.text));
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('finds them (the reader is real)', () => {
    expect(files.map((b) => b.where)).toEqual(['docs/gpu-floors.md:83']);
  });
});

// --- workflows using this project's action, sub-actions and reusable workflows ---------------------

interface Declared {
  /** action.yml, actions/<name>/action.yml or .github/workflows/<file>.yml */
  file: string;
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  /** A reusable workflow's secrets; undefined for an action (a step takes none). */
  secrets?: Record<string, { required?: boolean } | null>;
  outputs: Set<string>;
}

/** What this project's action, sub-action or reusable workflow named by a `uses:` declares; undefined: not ours. */
function declaredBy(uses: string): Declared | string | undefined {
  const workflow = /^ml-image-action\/ml-image-action\/(\.github\/workflows\/[^@]+)@/.exec(uses)?.[1];
  const dir = workflow === undefined ? ownActionDir(uses) : undefined;
  const file = workflow ?? (dir === undefined ? undefined : path.join(dir, 'action.yml'));
  if (file === undefined) return undefined;
  if (!existsSync(path.join(REPO_ROOT, file))) return `${uses}: there is no ${file}`;
  const doc = parse(read(file)) as {
    inputs?: Declared['inputs'];
    outputs?: Record<string, unknown>;
    on?: { workflow_call?: Omit<Declared, 'file' | 'outputs'> & { outputs?: Record<string, unknown> } };
  };
  if (workflow === undefined)
    return { file, inputs: doc.inputs ?? {}, outputs: new Set(Object.keys(doc.outputs ?? {})) };
  const call = doc.on?.workflow_call;
  if (!call) return `${uses}: ${file} is no reusable workflow (on: workflow_call)`;
  return {
    file,
    inputs: call.inputs ?? {},
    secrets: call.secrets ?? {},
    outputs: new Set(Object.keys(call.outputs ?? {})),
  };
}

/** Every mapping in a YAML tree, with the key it sits under (a job's id). */
function mappings(node: unknown, key = ''): { key: string; map: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((n) => mappings(n));
  if (!isMapping(node)) return [];
  return [{ key, map: node }, ...Object.entries(node).flatMap(([k, v]) => mappings(v, k))];
}

/** Every string in a YAML tree. */
const strings = (node: unknown): string[] =>
  typeof node === 'string'
    ? [node]
    : Array.isArray(node) || isMapping(node)
      ? Object.values(node).flatMap(strings)
      : [];

/**
 * What a workflow (or a fragment of one: jobs, steps, a step) gets wrong about this project's
 * actions and reusable workflows: inputs and secrets they do not declare, required inputs not
 * given, outputs they do not declare (`steps.<id>.outputs.<name>` of a step using one,
 * `needs.<job>.outputs.<name>` of a job calling one, or of a job the fragment does not show).
 * `calls` counts the uses checked.
 */
function workflowProblems(doc: unknown): { problems: string[]; calls: number } {
  const problems: string[] = [];
  const byStep = new Map<string, Declared>();
  const jobs = isMapping(doc) && isMapping(doc.jobs) ? (doc.jobs as Record<string, unknown>) : undefined;
  const byJob = new Map<string, Set<string>>();
  let calls = 0;
  for (const { key, map } of mappings(doc)) {
    // An elided `uses:` (a job "like the one above") leaves its `with:` unchecked: show it.
    if (map.with !== undefined && map.uses === undefined)
      problems.push(`${key || 'a step'}: with: but no uses:`);
    if (typeof map.uses !== 'string') continue;
    const declared = declaredBy(map.uses);
    if (declared === undefined) continue;
    calls++;
    if (typeof declared === 'string') {
      problems.push(declared);
      continue;
    }
    const given = isMapping(map.with) ? Object.keys(map.with) : [];
    for (const k of given)
      if (!(k in declared.inputs)) problems.push(`${map.uses}: with: "${k}" is no input of ${declared.file}`);
    for (const [k, input] of Object.entries(declared.inputs))
      if (input.required === true && input.default === undefined && !given.includes(k))
        problems.push(`${map.uses}: the input "${k}" that ${declared.file} requires is not given`);
    const secrets = isMapping(map.secrets) ? Object.keys(map.secrets) : [];
    for (const k of secrets)
      if (!(k in (declared.secrets ?? {})))
        problems.push(`${map.uses}: secrets: "${k}" is no secret of ${declared.file}`);
    for (const [k, secret] of Object.entries(declared.secrets ?? {}))
      if (secret?.required === true && map.secrets !== 'inherit' && !secrets.includes(k))
        problems.push(`${map.uses}: the secret "${k}" that ${declared.file} requires is not given`);
    if (typeof map.id === 'string') byStep.set(map.id, declared);
    if (jobs?.[key] === map) byJob.set(key, declared.outputs);
  }
  // A job of steps has the outputs its outputs: maps (none without one); another's reusable
  // workflow, whatever that declares.
  for (const [id, job] of Object.entries(jobs ?? {}))
    if (!byJob.has(id) && isMapping(job) && job.uses === undefined)
      byJob.set(id, new Set(isMapping(job.outputs) ? Object.keys(job.outputs) : []));
  const anyOutput = new Set([...ALL_DECLARED].flatMap((d) => [...d.outputs]));
  for (const s of strings(doc)) {
    for (const [ref, id, name] of s.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const declared = byStep.get(id!);
      if (declared && !declared.outputs.has(name!))
        problems.push(`${ref}: no output "${name}" of ${declared.file}`);
    }
    for (const [ref, id, name] of s.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const outputs = byJob.get(id!) ?? (jobs?.[id!] === undefined ? anyOutput : undefined);
      if (outputs && !outputs.has(name!)) problems.push(`${ref}: no output "${name}" of the job ${id}`);
    }
  }
  return { problems, calls };
}

/** Every action, sub-action and reusable workflow of this project. */
const ALL_DECLARED: Declared[] = [
  'ml-image-action/ml-image-action@v0',
  ...readdirSync(path.join(REPO_ROOT, 'actions')).map(
    (a) => `ml-image-action/ml-image-action/actions/${a}@v0`,
  ),
  ...readdirSync(path.join(REPO_ROOT, '.github/workflows'))
    .filter((f) => parse(read(`.github/workflows/${f}`))?.on?.workflow_call !== undefined)
    .map((f) => `ml-image-action/ml-image-action/.github/workflows/${f}@v0`),
].map((uses) => declaredBy(uses) as Declared);

describe('workflows of README.md, docs/*.md and workflows/*.yml that use this project', () => {
  const examples = [
    ...YAML_BLOCKS.filter((b) => isWorkflow(b.text)).map((b) => ({
      where: b.where,
      text: b.text,
      invalid: b.invalid,
    })),
    ...readdirSync(path.join(REPO_ROOT, 'workflows'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => ({ where: `workflows/${f}`, text: read(`workflows/${f}`), invalid: false })),
  ];

  it.each(examples.map((e) => [e.where, e] as const))('%s', (where, e) => {
    const { problems } = workflowProblems(parse(e.text));
    if (e.invalid) expect(problems, `${where} is marked invalid but is right`).not.toEqual([]);
    else expect(problems).toEqual([]);
  });

  // A whole workflow (on: and jobs:) is also one GitHub runs: its own parser finds nothing in it.
  const whole = YAML_BLOCKS.filter((b) => /^on:/m.test(b.text) && /^jobs:/m.test(b.text));
  it.each(whole.map((b) => [b.where, b] as const))("%s passes GitHub's workflow parser", async (where, b) => {
    expect(await githubParserErrors(where, b.text)).toEqual([]);
  });

  it('finds the uses of this project: its action, sub-actions and reusable workflows (the reader is real)', () => {
    expect(whole.map((b) => b.where)).toEqual(
      expect.arrayContaining(['README.md:14', 'docs/workflows.md:13']),
    );
    const calls = examples.reduce((n, e) => n + workflowProblems(parse(e.text)).calls, 0);
    expect(calls).toBeGreaterThanOrEqual(15);
    expect(ALL_DECLARED.map((d) => d.file)).toEqual(
      expect.arrayContaining(['action.yml', 'actions/verify/action.yml', '.github/workflows/ml-image.yml']),
    );
  });

  it('an undeclared input or secret, a missing required input, an undeclared output: each found (the check is real)', () => {
    const problems = (yaml: string) => workflowProblems(parse(yaml)).problems;
    const root = 'ml-image-action/ml-image-action@v0';
    expect(
      problems(
        `- id: ml\n  uses: ${root}\n  with: { config: x }\n- run: echo \${{ steps.ml.outputs.digests }}\n`,
      ),
    ).toEqual([]);
    expect(problems(`- uses: ${root}\n  with: { confg: x }\n`).join()).toMatch(
      /"confg" is no input of action\.yml/,
    );
    expect(
      problems(`- id: ml\n  uses: ${root}\n- run: echo \${{ steps.ml.outputs.digest-map }}\n`).join(),
    ).toMatch(/no output "digest-map"/);
    expect(problems('- uses: ml-image-action/ml-image-action/actions/verify@v0\n').join()).toMatch(
      /"image" that actions\/verify\/action.yml requires/,
    );
    expect(problems('- uses: ml-image-action/ml-image-action/actions/nope@v0\n').join()).toMatch(
      /there is no/,
    );
    const wf = 'ml-image-action/ml-image-action/.github/workflows/ml-image.yml@v0';
    expect(
      problems(
        `jobs:\n  ml:\n    uses: ${wf}\n    secrets: { cosign-pasword: x }\n  d:\n    needs: ml\n    steps:\n      - run: \${{ needs.ml.outputs.digest }}\n`,
      ),
    ).toEqual([
      `${wf}: secrets: "cosign-pasword" is no secret of .github/workflows/ml-image.yml`,
      'needs.ml.outputs.digest: no output "digest" of the job ml',
    ]);
    expect(problems('jobs:\n  gpu:\n    # the same as above, and:\n    with: { platform: x }\n')).toEqual([
      'gpu: with: but no uses:',
    ]);
    expect(problems(`- run: \${{ fromJSON(needs.other.outputs.digests).cpu }}\n`)).toEqual([]);
    expect(problems(`- run: \${{ needs.other.outputs.digestz }}\n`)).not.toEqual([]);
    const jobOfSteps = (outputs: string) =>
      problems(
        `jobs:\n  a:\n${outputs}    steps:\n      - id: ml\n        uses: ${root}\n  b:\n    needs: a\n    steps:\n      - run: \${{ needs.a.outputs.d }}\n`,
      );
    expect(jobOfSteps('    outputs:\n      d: ${{ steps.ml.outputs.digests }}\n')).toEqual([]);
    expect(jobOfSteps('    outputs:\n      d: ${{ steps.ml.outputs.digestz }}\n')).toEqual([
      'steps.ml.outputs.digestz: no output "digestz" of action.yml',
    ]);
    expect(jobOfSteps('')).toEqual(['needs.a.outputs.d: no output "d" of the job a']);
  });
});

// --- ml-image command lines ------------------------------------------------------------------------

/** Blocks whose lines are commands; in console and text ones only the lines after a `$ ` prompt. */
const SHELL = ['sh', 'bash', 'shell', '', 'console', 'text'];
const PROMPTED = ['console', 'text'];
/** The CLI as a command line names it (installed, or run from the checkout): first, or after `&&`, `;`, a pipe. */
const CLI =
  /(?<=^\s*|(?:&&|\|\||;|\||\$\()\s*)(?:ml-image|node dist\/cli\/index\.js)((?:\s+(?:--json|--verbose|-v))*)\s+([a-z][\w-]*)/g;

interface CommandLine {
  where: string;
  command: string;
  flags: string[];
}

/**
 * The `ml-image COMMAND ...` lines of a shell block: a line continued with `\` or by an indented
 * line (a synopsis) is one; a `#` comment, and what follows a pipe, `&&`, `||` or `;`, is not the
 * command's.
 */
function commandLines(where: string, lang: string, text: string): CommandLine[] {
  const logical: string[] = [];
  let continued = false;
  for (const raw of text.split('\n')) {
    let line = raw;
    if (PROMPTED.includes(lang)) {
      const prompt = /^\s*\$ (.*)$/.exec(line);
      if (!prompt && !continued) continue;
      line = prompt ? prompt[1]! : line;
    }
    if (continued || (/^\s+\S/.test(line) && logical.length > 0 && CLI.test(logical.at(-1)!)))
      logical[logical.length - 1] += ` ${line.trim()}`;
    else logical.push(line);
    CLI.lastIndex = 0;
    continued = /\\$/.test(line);
    if (continued) logical[logical.length - 1] = logical.at(-1)!.replace(/\\$/, '');
  }
  const out: CommandLine[] = [];
  for (const line of logical) {
    const code = line.replace(/(^|\s)#.*$/, '');
    const starts = [...code.matchAll(CLI)];
    starts.forEach((m, i) => {
      const rest = code.slice(m.index + m[0].length, starts[i + 1]?.index ?? code.length);
      const own = rest.split(/\s(?:&&|\|\||;)\s|\s\|\s+(?!-)/)[0]!;
      const flags = [...`${m[1]} ${own}`.matchAll(/(?<![\w-])--([a-z][a-z0-9-]*)/g)].map((f) => f[1]!);
      out.push({ where, command: m[2]!, flags: [...new Set(flags)] });
    });
  }
  return out;
}

let commands: Command[];
beforeAll(async () => {
  commands = await Promise.all(COMMANDS.map((c) => c.load()));
});

/**
 * Whether COMMAND takes --NAME, asked of the command itself (as cli-help-flags.test.ts does): a
 * value it may not take, then an unknown flag; its argument parsing refuses before any work, and
 * names --NAME first when it does not know it.
 */
async function takes(command: Command, name: string): Promise<boolean> {
  const err = await command.run([`--${name}=probe`, '--no-such-flag-probe'], captureIo(REPO_ROOT)).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!(err instanceof Error)) throw new Error(`${command.name} --${name}=probe --no-such-flag-probe ran`);
  return !err.message.includes(`Unknown option '--${name}'`);
}

/** What is wrong in command lines: a command that does not exist, a flag its command does not take. */
async function commandProblems(lines: CommandLine[]): Promise<string[]> {
  const problems: string[] = [];
  for (const { where, command, flags } of lines) {
    const c = commands.find((x) => x.name === command);
    if (c === undefined) {
      if (!['help', 'version'].includes(command)) problems.push(`${where}: no command "ml-image ${command}"`);
      continue;
    }
    for (const f of flags)
      if (!(await takes(c, f))) problems.push(`${where}: ml-image ${command} takes no --${f}`);
  }
  return problems;
}

/** The `ml-image COMMAND ...` code spans of a page's text, outside its fenced blocks. */
function inlineCommands(page: string, markdown: string): CommandLine[] {
  let fence = false;
  return markdown.split('\n').flatMap((line, i) => {
    if (/^\s*```/.test(line)) fence = !fence;
    if (fence) return [];
    return [...line.matchAll(/`([^`]+)`/g)].flatMap((m) => commandLines(`${page}:${i + 1}`, 'sh', m[1]!));
  });
}

describe('ml-image command lines of README.md and docs/*.md', () => {
  const lines = [
    ...BLOCKS.filter((b) => SHELL.includes(b.lang)).flatMap((b) => commandLines(b.where, b.lang, b.text)),
    ...PAGES.flatMap((p) => inlineCommands(p, read(p))),
  ];

  it('finds them (the reader is real)', () => {
    expect(new Set(lines.map((l) => l.command))).toEqual(
      new Set([...COMMANDS.map((c) => c.name), 'help', 'version']),
    );
    expect(lines.length).toBeGreaterThanOrEqual(80);
  });

  it('each names a command, and flags that command takes', async () => {
    expect(await commandProblems(lines)).toEqual([]);
  });

  it('reads continued lines, synopses, prompts and pipes (the reader is right)', () => {
    const text = [
      'ml-image export --slurm --from out \\',
      '  --partition gpu   # --nodes 2 in a comment',
      'ml-image export (--slurm | --k8s) --from DIR',
      '                [--config FILE]',
      'ml-image diff a b --format md | tee --append x && node dist/cli/index.js build --load',
      'src/cli/    the ml-image command (bundled)',
    ].join('\n');
    expect(commandLines('p', 'sh', text).map((l) => `${l.command} ${l.flags.join(',')}`)).toEqual([
      'export slurm,from,partition',
      'export slurm,k8s,from,config',
      'diff format',
      'build load',
    ]);
    expect(
      inlineCommands('p', 'runs `ml-image run --stages attest`, not `ml-image`\n```\n`ml-image x`\n```\n'),
    ).toEqual([{ where: 'p:1', command: 'run', flags: ['stages'] }]);
    expect(commandLines('p', 'text', '$ ml-image plan --json\nml-image plan --nope: output\n')).toEqual([
      { where: 'p', command: 'plan', flags: ['json'] },
    ]);
  });

  it('a command that does not exist, a flag the command does not take: each found (the check is real)', async () => {
    expect(
      await commandProblems(
        commandLines('p', 'sh', 'ml-image plan --json\nml-image validat\nml-image smoke --suite x\n'),
      ),
    ).toEqual(['p: no command "ml-image validat"', 'p: ml-image smoke takes no --suite']);
  });
});
