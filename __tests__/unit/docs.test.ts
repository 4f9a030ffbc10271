// Documentation sections that are generated from code must match the code (UPDATE_DOCS=1 rewrites
// them: npm run docs); every relative link of README.md and docs/*.md resolves, anchors included;
// the README is a first screen: a copy-ready workflow near the top, at most 300 lines.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { inputsForStages } from '../../src/action/inputs.js';
import { COMMAND_INPUT, VERIFY_INPUTS, VERIFY_OUTPUTS } from '../../src/action/verify.js';
import { parseStages } from '../../src/pipeline/pipeline.js';
import { loadConfig } from '../../src/config/load.js';
import { planOfConfig } from '../../src/cli/commands/shared.js';
import { renderConfigReference } from '../../src/config/reference.js';
import { ConfigError, describeError } from '../../src/errors.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderRun } from '../../src/report/render/run.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { numpyUpgrade } from '../helpers/report-scenarios.js';
import { githubParserErrors } from '../helpers/workflow-lint.js';

const README = path.join(REPO_ROOT, 'README.md');
const doc = (name: string) => path.join(REPO_ROOT, 'docs', name);

function renderInputsTable(): string {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
  const cell = (s: unknown) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
      .trim();
  const inputs = Object.entries<{ description: string; default?: string }>(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.default !== undefined ? `\`${cell(i.default)}\`` : '—'} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries<{ description: string }>(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`,
  );
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
    '',
  ].join('\n');
}

function renderTroubleshooting(): string {
  const table = JSON.parse(readFileSync(path.join(REPO_ROOT, 'src', 'smoke', 'failures.json'), 'utf8')) as {
    rules: { id: string; pattern: string; cause: string; fix: string; source: string }[];
  };
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  // The pattern is a regular expression; shown as the message it matches, unescaped for reading.
  const message = (p: string) => p.replace(/\\(.)/g, '$1').replace(/`/g, "'");
  return [
    '| message (pattern) | cause | fix |',
    '| --- | --- | --- |',
    ...table.rules.map(
      (r) =>
        `| \`${cell(message(r.pattern))}\` | ${cell(r.cause)} | ${cell(r.fix)} ([source](${r.source})) |`,
    ),
    '',
  ].join('\n');
}

/**
 * What `ml-image plan` prints for a combination the catalog knows cannot work (docs/configuration.md
 * "Plan"): the config read from a file, as the command reads it (its name and the line of the
 * variant in the problem), and planned as the command plans it.
 */
function renderImpossiblePlan(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-docs-plan-'));
  let shown = '';
  try {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: my-org/model}\nvariants: [{cuda: "12.8", torch: "2.5"}]\nplatforms: [linux/amd64]\n',
    );
    planOfConfig(loadConfig({ cwd: dir, env: {} }), {
      sha: 'abc1234',
      ref: 'refs/heads/main',
      isDefaultBranch: true,
      repositoryUrl: 'https://github.com/o/r',
    });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    shown = `${describeError(e, false)}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!shown) throw new Error('the README example plan is no longer refused');
  return [
    '```text',
    '$ ml-image plan   # variants: [{cuda: "12.8", torch: "2.5"}], platforms: [linux/amd64]',
    `${shown}$ echo $?`,
    '2',
    '```',
    '',
  ].join('\n');
}

/** The table of sub-actions (docs/action.md). */
function renderSubActionTable(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| sub-action | stages | use it for |',
    '| --- | --- | --- |',
    ...Object.entries(SUB_ACTIONS).map(
      ([name, sub]) =>
        `| \`ml-image-action/ml-image-action/actions/${name}@v0\` | ${sub.stages ? sub.stages.split(',').join(', ') : '— (`ml-image verify`)'} | ${cell(sub.useFor)} |`,
    ),
    '',
  ].join('\n');
}

/** Each generated block: the page it lives in, and what it is generated from. */
const BLOCKS: Record<string, { file: string; render: () => string }> = {
  'sub-actions': { file: doc('action.md'), render: renderSubActionTable },
  'config-reference': { file: doc('configuration.md'), render: renderConfigReference },
  'impossible-plan': { file: doc('configuration.md'), render: renderImpossiblePlan },
  'action-io': { file: doc('action.md'), render: renderInputsTable },
  troubleshooting: { file: doc('troubleshooting.md'), render: renderTroubleshooting },
  // The comment a one-variant run posts for the golden case numpy-1-to-2.md: keyed by the image
  // repository (src/report/stage.ts runMarkerKey), not the variant's report key; quoted so it
  // renders as GitHub shows it.
  'sample-comment': {
    file: doc('report.md'),
    render: () => {
      const model = buildReportModel(numpyUpgrade());
      const { markdown } = renderRun([model], { markerKey: model.image });
      const golden = readFileSync(path.join(REPO_ROOT, '__tests__/fixtures/report/numpy-1-to-2.md'), 'utf8');
      // Below the marker, the golden file itself.
      expect(markdown.split('\n').slice(1).join('\n').trim()).toBe(
        golden.split('\n').slice(1).join('\n').trim(),
      );
      return `<blockquote>\n\n${markdown.trim()}\n\n</blockquote>\n`;
    },
  },
};

function replaceBlock(text: string, name: string, body: string, file = 'README.md'): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file} lacks the markers ${start} ... ${end}`);
  return `${text.slice(0, i + start.length)}\n${body}${text.slice(j)}`;
}

// Sub-actions (actions/<stage>/action.yml, used as owner/repo/actions/<stage>@ref) share dist/ (as
// actions/cache/restore does); each declares the root action's inputs that its stages read
// (INPUT_STAGES, src/action/inputs.ts) and sets the default of `stages`. Generated from action.yml
// so they cannot drift; __tests__/unit/sub-action-inputs.test.ts checks that the parsing reads
// exactly those. verify/ is no stage: its inputs are the verify flags (src/action/verify.ts), and
// its `command` input selects that entry of the bundle.
const SUB_ACTIONS: Record<
  string,
  { stages: string; description: string; outputs: string[]; useFor: string }
> = {
  plan: {
    stages: 'plan',
    description:
      'ml-image plan: validate ml-image.yml and expand it into variants x platforms with base images, tags, labels and a GitHub Actions build matrix.',
    outputs: ['config', 'variants', 'platforms', 'plan', 'matrix', 'result-dir'],
    useFor: 'the build matrix (`outputs.matrix`)',
  },
  build: {
    stages: 'resolve,build',
    description:
      'ml-image build: resolve Python dependency conflicts against the base image, build with buildx, push by digest and merge (or, with merge false, leave digests for a merge job; with merge-from, merge them).',
    outputs: [
      'plan',
      'result-dir',
      'digests',
      'tags',
      'digest',
      'imageid',
      'metadata',
      'platform-digests',
      'devcontainer',
    ],
    useFor: 'a matrix build job (`merge: false`), or the merge job (`merge-from: DIR`)',
  },
  smoke: {
    stages: 'smoke',
    description:
      'ml-image smoke: capture the environment record and run the smoke suites inside the built images (reads result-dir/build.json when the image was built in another job).',
    outputs: ['result-dir', 'smoke-status'],
    useFor: 'capture + suites on a CPU or GPU runner (reads `build.json`)',
  },
  attest: {
    stages: 'attest',
    description:
      'ml-image attest: attach a signed CycloneDX SBOM, SLSA provenance and the smoke results to each pushed platform digest in the cosign format (reads build.json and the env/smoke records from result-dir; keyless with id-token: write and cosign on PATH, else COSIGN_KEY, signed in process).',
    outputs: ['result-dir'],
    useFor:
      'sign each platform digest and attach its SBOM, provenance and smoke attestations (a cosign key in process; keyless: cosign on `PATH` and `id-token: write`)',
  },
  report: {
    stages: 'report',
    description:
      'ml-image report: diff the records against the base branch and post one sticky pull-request comment and the job summary; with from-artifact, the fork-safe poster.',
    outputs: ['result-dir', 'report-path', 'verdict'],
    useFor: 'the comment; with `from-artifact`, the fork poster',
  },
  verify: {
    stages: '',
    description:
      'ml-image verify: gate a deploy on an image digest - its cosign signature, the SBOM, provenance and smoke attestations of every platform image, and a policy on the smoke results (no failure, GPU smoke, TFLOP/s floors). A P-256 key is checked in process; certificate identities need cosign on PATH.',
    outputs: Object.keys(VERIFY_OUTPUTS),
    useFor:
      'a deploy gate: `ml-image verify` on `image` (by digest) with `key` or `certificate-identity-regexp` and the policy inputs (cosign on `PATH` for a certificate identity)',
  },
};

/** actions/verify/action.yml: the verify flags as inputs, the `command` that selects the entry. */
function verifyActionDoc(root: Record<string, unknown>): Record<string, unknown> {
  const runs = root.runs as { using: string; main: string };
  return {
    inputs: {
      ...Object.fromEntries(
        Object.entries(VERIFY_INPUTS).map(([name, i]) => [
          name,
          {
            description: i.description,
            required: name === 'image',
            ...(i.default !== undefined && { default: i.default }),
          },
        ]),
      ),
      [COMMAND_INPUT]: {
        description: 'Selects the verify entry of the shared bundle; leave it as it is.',
        required: false,
        default: 'verify',
      },
    },
    outputs: VERIFY_OUTPUTS,
    // No post step: verify starts no container and leaves nothing to clean up.
    runs: { using: runs.using, main: `../../${runs.main}` },
  };
}

function renderSubAction(name: string): string {
  const root = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
  const sub = SUB_ACTIONS[name]!;
  // Only the inputs its stages read (src/action/inputs.ts, the table the action's parsing uses);
  // verify runs no stage (its inputs are its own, below).
  const stages = sub.stages === '' ? new Set<never>() : parseStages(sub.stages, `SUB_ACTIONS.${name}`);
  const reads = new Set(inputsForStages(stages));
  const inputs = Object.fromEntries(
    Object.entries(structuredClone(root.inputs) as Record<string, { default?: string }>).filter(([n]) =>
      reads.has(n),
    ),
  );
  inputs.stages!.default = sub.stages;
  const head = {
    name: `ml-image-action/${name}`,
    description: sub.description,
    author: root.author,
    branding: root.branding,
  };
  if (name === 'verify')
    return `# Generated from src/action/verify.ts by "npm run docs"; edit that file, not this one.\n${stringify({ ...head, ...verifyActionDoc(root) }, { lineWidth: 0 })}`;
  const doc = {
    ...head,
    inputs,
    outputs: Object.fromEntries(sub.outputs.map((o) => [o, root.outputs[o]])),
    runs: {
      using: root.runs.using,
      main: `../../${root.runs.main}`,
      // The post step cleans up after a cancelled or failed job, in every sub-action too.
      ...(root.runs.post !== undefined && {
        post: `../../${root.runs.post}`,
        'post-if': root.runs['post-if'],
      }),
    },
  };
  return `# Generated from ../../action.yml by "npm run docs"; edit that file, not this one.\n${stringify(doc, { lineWidth: 0 })}`;
}

describe('sub-actions', () => {
  it.each(Object.keys(SUB_ACTIONS))(
    'actions/%s/action.yml matches the root action (fix: npm run docs)',
    (name) => {
      const file = path.join(REPO_ROOT, 'actions', name, 'action.yml');
      const expected = renderSubAction(name);
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // written below when updating
      }
      if (process.env.UPDATE_DOCS === '1' && expected !== text) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, expected);
      } else expect(text).toBe(expected);
    },
  );
});

describe('generated sections of the docs', () => {
  it.each(Object.keys(BLOCKS))('%s matches the code (fix: npm run docs)', (name) => {
    const { file, render } = BLOCKS[name]!;
    const text = readFileSync(file, 'utf8');
    const expected = replaceBlock(text, name, render(), path.relative(REPO_ROOT, file));
    if (process.env.UPDATE_DOCS === '1' && expected !== text) writeFileSync(file, expected);
    else expect(text).toBe(expected);
  });
});

describe('docs examples', () => {
  it('the example ml-image.yml validates', async () => {
    const { validateConfigData } = await import('../../src/config/load.js');
    const text = readFileSync(doc('configuration.md'), 'utf8');
    const section = text.slice(text.indexOf('## Configuration'));
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yamlBlock).toBeDefined();
    const config = validateConfigData(parse(yamlBlock!), 'docs/configuration.md example');
    expect(config.variants.map((v) => v.name)).toEqual(['cpu', 'cuda12.8', 'ngc']);
  });

  it('the broken-config example shows exactly what validate prints', async () => {
    const { parseYamlDocument, validateConfigData } = await import('../../src/config/load.js');
    const { ConfigError } = await import('../../src/errors.js');
    const text = readFileSync(doc('cli.md'), 'utf8');
    const shown = /```text\n\$ ml-image validate[^\n]*\n([\s\S]*?)```/.exec(text)?.[1];
    expect(shown).toBeDefined();
    const { data, lineOf } = parseYamlDocument(
      'image:\n  name: a/b\n  registy: x\nvariants:\n  - cpu\n  - cuda: cu128\nplatforms: [linux/amd64, linux/ppc64le]\n',
      'ml-image.yml',
    );
    let message = '';
    try {
      validateConfigData(data, 'ml-image.yml', [], lineOf);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      message = `error: ${e.message}\n`;
    }
    expect(shown).toBe(message);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1 for repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = fence ? null : /^#{1,6} (.*)$/.exec(line);
    if (!m) continue;
    const slug = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Relative link targets of a Markdown text, outside code blocks: [text](target) and <img src>. */
export function relativeLinks(markdown: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    if (fence) continue;
    for (const m of line.matchAll(/\]\(([^)\s]+)\)|<img src="([^"]+)"/g)) {
      const target = m[1] ?? m[2]!;
      if (!/^(https?:|mailto:)/.test(target)) out.push(target);
    }
  }
  return out;
}

describe('links of README.md and docs/*.md', () => {
  const pages = [
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('the anchor and link readers are real', () => {
    expect([...headingAnchors('# A\n## Supply chain: `ml-image verify`\n```\n# not\n```\n## A\n')]).toEqual([
      'a',
      'supply-chain-ml-image-verify',
      'a-1',
    ]);
    expect(relativeLinks('[x](a.md#b) [y](https://e.x) <img src="p.png">\n```\n[z](no.md)\n```')).toEqual([
      'a.md#b',
      'p.png',
    ]);
  });

  it.each(pages)('%s: every relative link resolves, anchors included', (page) => {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const target of relativeLinks(text)) {
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const dest =
        file === '' ? path.join(REPO_ROOT, page) : path.resolve(REPO_ROOT, path.dirname(page), file);
      if (!existsSync(dest)) broken.push(`${target}: no such file`);
      else if (
        anchor !== undefined &&
        dest.endsWith('.md') &&
        !headingAnchors(readFileSync(dest, 'utf8')).has(anchor)
      )
        broken.push(`${target}: no heading with that anchor`);
    }
    expect(broken).toEqual([]);
  });
});

/**
 * Table rows of a page that are not part of a table: a `|` line that follows no `|` line and is not
 * followed by a delimiter row (`| --- |`). A blank line inside a table ends it, and GitHub shows the
 * rows after it as plain text. Code blocks are skipped.
 */
function strayTableRows(text: string): string[] {
  const lines = text.split('\n');
  const stray: string[] = [];
  let fence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || !line.startsWith('|') || (lines[i - 1] ?? '').startsWith('|')) return;
    if (!/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[i + 1] ?? ''))
      stray.push(`line ${i + 1}: ${line.slice(0, 60)}`);
  });
  return stray;
}

describe('tables of README.md and docs/*.md', () => {
  const pages = [
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];

  it('the reader finds a row cut off from its table by a blank line (it is real)', () => {
    const table = '| a | b |\n| --- | --- |\n| `x` | 1 |\n';
    expect(strayTableRows(`${table}\n\`\`\`\n| not | a table |\n\`\`\`\n`)).toEqual([]);
    expect(strayTableRows(`${table}\n| \`y\` | 2 |\n`)).toEqual(['line 5: | `y` | 2 |']);
  });

  it.each(pages)('%s: every table row belongs to a table (no blank line inside a table)', (page) => {
    expect(strayTableRows(readFileSync(path.join(REPO_ROOT, page), 'utf8'))).toEqual([]);
  });
});

describe('commands of README.md and docs/*.md', () => {
  const pages = [
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const scripts = Object.keys(
    (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
  );

  it.each(pages)('%s: each `npm run X` is a script of package.json, each scripts/ file exists', (page) => {
    const text = readFileSync(path.join(REPO_ROOT, page), 'utf8');
    const missing = [
      ...[...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!).filter((n) => !scripts.includes(n)),
      ...[...text.matchAll(/(?<![\w/.-])(?:\.ci\/run|scripts\/[\w./-]*\w)/g)]
        .map((m) => m[0])
        .filter((f) => !existsSync(path.join(REPO_ROOT, f))),
    ];
    expect(missing).toEqual([]);
  });
});

describe('the README is a first screen', () => {
  const text = readFileSync(README, 'utf8');
  const lines = text.split('\n');

  it('is at most 300 lines, the reference is in docs/', () => {
    expect(lines.length).toBeLessThanOrEqual(300);
  });

  it('starts with a copy-ready workflow: checkout, registry login, then this action, within 40 lines', async () => {
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const checkout = at(/uses: actions\/checkout@[0-9a-f]{40}/);
    const login = at(/uses: docker\/login-action@[0-9a-f]{40}/);
    const action = at(/uses: ml-image-action\/ml-image-action@/);
    expect(checkout).toBeGreaterThan(0);
    expect(checkout).toBeLessThan(login);
    expect(login).toBeLessThan(action);
    expect(action).toBeLessThan(40);
    // The workflow parses and grants what the action needs (push, comment).
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(text)![1]!;
    const workflow = parse(yamlBlock) as { permissions: Record<string, string> };
    expect(workflow.permissions).toMatchObject({ packages: 'write', 'pull-requests': 'write' });
    expect(await githubParserErrors('README quick start', yamlBlock)).toEqual([]);
  });

  it('shows the sample comment and no npx line (the package is not published)', () => {
    expect(text).toContain('](docs/report-sample.png)');
    expect(text).not.toMatch(/npx ml-image/);
  });
});

describe('pinned third-party actions (docs/pinned-actions.md)', () => {
  const files = [
    ...['.github/workflows', 'workflows'].flatMap((d) =>
      readdirSync(path.join(REPO_ROOT, d))
        .filter((f) => f.endsWith('.yml'))
        .map((f) => `${d}/${f}`),
    ),
    'README.md',
    ...readdirSync(path.join(REPO_ROOT, 'docs'))
      .filter((f) => f.endsWith('.md') && f !== 'pinned-actions.md')
      .map((f) => `docs/${f}`),
  ];
  const pins = files.flatMap((f) =>
    [
      ...readFileSync(path.join(REPO_ROOT, f), 'utf8').matchAll(
        /uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v[\d.]+)/g,
      ),
    ].map((m) => ({ file: f, action: m[1]!, sha: m[2]!, tag: m[3]! })),
  );
  const table = readFileSync(doc('pinned-actions.md'), 'utf8');

  it('finds the pins (the reader is real)', () => {
    expect(pins.length).toBeGreaterThan(20);
  });

  it('every pin is a row of the table: the action, its tag and that tag’s commit', () => {
    const missing = pins.filter((p) => !table.includes(`| ${p.action} | ${p.tag} | \`${p.sha}\` |`));
    expect(missing).toEqual([]);
  });

  it('one action, one pin, everywhere', () => {
    const shas = new Map<string, Set<string>>();
    for (const p of pins) shas.set(p.action, (shas.get(p.action) ?? new Set()).add(p.sha));
    expect([...shas].filter(([, s]) => s.size > 1).map(([a]) => a)).toEqual([]);
  });
});
