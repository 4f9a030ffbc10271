// Checks for GitHub workflow files: GitHub's own parser (@actions/workflow-parser), the hardening
// rules of this repository as pure functions (each returns its violations, so a test can show that
// it bites), and an evaluator for `if:` expressions (@actions/expressions) to test fork gating.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Job {
  name?: string;
  'runs-on'?: unknown;
  if?: string | boolean;
  needs?: string | string[];
  permissions?: unknown;
  environment?: unknown;
  'timeout-minutes'?: number | string;
  env?: Record<string, unknown>;
  strategy?: unknown;
  outputs?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: unknown;
}

export interface Workflow {
  name?: string;
  on: unknown;
  permissions?: unknown;
  env?: Record<string, unknown>;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

export interface WorkflowFile {
  /** Path relative to the repository root, e.g. `.github/workflows/ml-image.yml`. */
  rel: string;
  text: string;
  wf: Workflow;
}

export function loadWorkflow(rel: string, text: string): WorkflowFile {
  return { rel, text, wf: parse(text) as Workflow };
}

// --- GitHub's parser ---------------------------------------------------------------------------

type WorkflowParser = typeof import('@actions/workflow-parser');
let parserModule: Promise<WorkflowParser> | undefined;

// @actions/workflow-parser imports its schema (a .json file) without `with { type: 'json' }`, which
// Node 20 and later refuse. A load hook serves those .json files as ES modules instead: no change
// to node_modules, the same on every Node version with module.register (20.6+).
const JSON_AS_MODULE_HOOK = `
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.includes('/@actions/workflow-parser/') && url.endsWith('.json')) {
    const { readFile } = await import('node:fs/promises');
    const source = 'export default ' + (await readFile(new URL(url), 'utf8')) + ';';
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}`;

function workflowParser(): Promise<WorkflowParser> {
  if (!parserModule) {
    register(`data:text/javascript,${encodeURIComponent(JSON_AS_MODULE_HOOK)}`);
    parserModule = import('@actions/workflow-parser');
  }
  return parserModule;
}

/** Every error GitHub's parser reports for a workflow file: YAML, schema, expressions, jobs graph. */
export async function githubParserErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await workflowParser();
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const messages: string[] = [];
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    messages.push(...(template.errors ?? []).map((e) => e.Message));
  }
  messages.push(...parsed.context.errors.getErrors().map((e) => e.message));
  return [...new Set(messages)];
}

// --- hardening rules ---------------------------------------------------------------------------

const FIRST_PARTY = 'ml-image-action/ml-image-action';
/** The sub-actions (actions/<name>/action.yml, used as owner/repo/actions/<name>@ref) that share dist/. */
export const SUB_ACTIONS = ['plan', 'build', 'smoke', 'attest', 'report', 'verify'] as const;
const SHA = /^[0-9a-f]{40}$/;
/** How a condition tells a fork pull request apart (inline or through the workflow's env flag). */
const FORK_CHECK = /head\.repo\.full_name|env\.(ML_IMAGE_)?FORK\b/;
const PR_HEAD_REF =
  /pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch)|\bhead_sha\b|\bhead\.ref\b|refs\/pull\//;

/**
 * Where a reusable workflow checks out its own repository (job.workflow_repository at
 * job.workflow_sha) to run its actions at its own commit: `uses: ./.ml-image-action[/actions/<x>]`.
 */
export const OWN_CHECKOUT = '.ml-image-action';
export const OWN_REPOSITORY =
  "${{ job.workflow_repository || 'job.workflow_repository is empty (a GitHub or runner too old for this workflow, which checks out no other code)' }}";
export const OWN_SHA = "${{ job.workflow_sha || 'job.workflow_sha-is-empty' }}";
/**
 * The token of that checkout: the caller's GITHUB_TOKEN reads the caller's repository only, so a
 * private copy of this one is read with the actions-token secret. The one secret a fork's run may
 * use (where GitHub gives that run secrets at all), and only there.
 */
export const OWN_TOKEN = '${{ secrets.actions-token || github.token }}';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The action a `uses:` of this repository's actions names: '' (root), 'actions/<x>', or undefined. */
export function ownActionDir(uses: string): string | undefined {
  const local = /^\.\/\.ml-image-action(?:\/(.*))?$/.exec(uses);
  if (local) return local[1] ?? '';
  const remote = /^ml-image-action\/ml-image-action(?:\/(actions\/[\w.-]+))?@/.exec(uses);
  return remote ? (remote[1] ?? '') : undefined;
}

/** The inputs an action of this repository declares (its action.yml), or undefined when none. */
function declaredInputs(dir: string): Set<string> | undefined {
  const file = path.join(REPO_ROOT, dir, 'action.yml');
  if (!existsSync(file)) return undefined;
  const doc = parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, unknown> };
  return new Set(Object.keys(doc.inputs ?? {}));
}

const isOwnCheckout = (s: Step) =>
  !!s.uses?.startsWith('actions/checkout@') &&
  s.with?.repository === OWN_REPOSITORY &&
  s.with?.ref === OWN_SHA &&
  s.with?.path === OWN_CHECKOUT;

/** A step's `with:`, less the own checkout's OWN_TOKEN. */
const withoutOwnToken = (s: Step) => {
  if (!isOwnCheckout(s) || s.with?.token !== OWN_TOKEN) return s.with;
  const { token: _, ...rest } = s.with;
  return rest;
};

const jobsOf = (f: WorkflowFile) => Object.entries(f.wf.jobs ?? {});
const stepsOf = (job: Job) => job.steps ?? [];
const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));

/** Event names of `on:` (string, list or mapping). */
export function triggers(wf: Workflow): string[] {
  const on = wf.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

function everyUses(f: WorkflowFile): { where: string; uses: string }[] {
  return jobsOf(f).flatMap(([id, job]) => [
    ...(job.uses ? [{ where: `jobs.${id}`, uses: job.uses }] : []),
    ...stepsOf(job)
      .map((s, i) => ({ where: `jobs.${id}.steps[${i}]`, uses: s.uses }))
      .filter((u): u is { where: string; uses: string } => typeof u.uses === 'string'),
  ]);
}

/** The comment on the source line of `uses: <value>` (YAML parsers drop comments). */
function usesComments(text: string, uses: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.replace(/^\s*-?\s*/, '').startsWith(`uses: ${uses}`))
    .map((l) => l.slice(l.indexOf(uses) + uses.length).trim());
}

function hasWrite(perms: unknown): boolean {
  if (typeof perms === 'string') return perms === 'write-all';
  return !!perms && typeof perms === 'object' && Object.values(perms).some((v) => v === 'write');
}

export type Rule = (f: WorkflowFile) => string[];

export const RULES: Record<string, Rule> = {
  /** Third-party actions by full commit SHA with the version in a comment; ours by major tag + pin note. */
  'pinned-actions': (f) =>
    everyUses(f).flatMap(({ where, uses }) => {
      if (uses.startsWith('./')) return [];
      const comments = usesComments(f.text, uses);
      if (uses.startsWith(`${FIRST_PARTY}/`) || uses.startsWith(`${FIRST_PARTY}@`)) {
        return comments.every((c) => /^#.*\bSHA\b/i.test(c))
          ? []
          : [`${where}: ${uses} needs a comment telling users to pin a release commit SHA`];
      }
      if (uses.startsWith('docker://'))
        return /@sha256:[0-9a-f]{64}$/.test(uses) ? [] : [`${where}: ${uses} is not pinned by digest`];
      const at = uses.lastIndexOf('@');
      if (at < 0 || !SHA.test(uses.slice(at + 1)) || !/^[\w.-]+\/[\w./-]+$/.test(uses.slice(0, at)))
        return [`${where}: ${uses} is not pinned by a full commit SHA`];
      return comments.every((c) => /^#\s*v\d/.test(c))
        ? []
        : [`${where}: ${uses} needs its version in a comment (# vX.Y.Z)`];
    }),

  /** Least privilege: read-only (or nothing) at the top, an explicit block on every job. */
  permissions: (f) => {
    const top = f.wf.permissions;
    const out: string[] = [];
    const topOk =
      top !== undefined &&
      top !== null &&
      typeof top === 'object' &&
      (Object.keys(top).length === 0 || JSON.stringify(top) === JSON.stringify({ contents: 'read' }));
    if (!topOk) out.push(`top-level permissions must be {} or {contents: read}, got ${str(top)}`);
    for (const [id, job] of jobsOf(f)) {
      if (job.permissions === undefined) out.push(`jobs.${id}: no permissions block`);
      else if (typeof job.permissions === 'string')
        out.push(`jobs.${id}: permissions ${job.permissions}; list the scopes`);
    }
    return out;
  },

  /** pull_request_target runs with a write token and secrets beside untrusted code. */
  'no-pull-request-target': (f) =>
    triggers(f.wf).includes('pull_request_target') ? ['on: pull_request_target is never used'] : [],

  /** A privileged job (workflow_run, pull_request_target, any write scope) never checks out PR code. */
  'no-pr-checkout-when-privileged': (f) => {
    const privilegedEvent = triggers(f.wf).some((t) => t === 'workflow_run' || t === 'pull_request_target');
    return jobsOf(f).flatMap(([id, job]) => {
      const privileged = privilegedEvent || hasWrite(job.permissions ?? f.wf.permissions);
      if (!privileged) return [];
      return stepsOf(job)
        .filter((s) => s.uses?.startsWith('actions/checkout@'))
        .filter((s) => PR_HEAD_REF.test(str(s.with?.ref)) || PR_HEAD_REF.test(str(s.with?.repository)))
        .map(() => `jobs.${id}: checks out the pull request's code with a privileged token`);
    });
  },

  /** workflow_run workflows (the comment poster) check out nothing at all. */
  'workflow-run-checks-out-nothing': (f) =>
    triggers(f.wf).includes('workflow_run')
      ? jobsOf(f).flatMap(([id, job]) =>
          stepsOf(job).some((s) => s.uses?.startsWith('actions/checkout@'))
            ? [`jobs.${id}: a workflow_run job must not check out code`]
            : [],
        )
      : [],

  /** Checkout leaves no token in .git/config for later steps (or PR code) to read. */
  'checkout-without-credentials': (f) =>
    jobsOf(f).flatMap(([id, job]) =>
      stepsOf(job)
        .filter((s) => s.uses?.startsWith('actions/checkout@'))
        .filter((s) => s.with?.['persist-credentials'] !== false)
        .map(() => `jobs.${id}: actions/checkout without persist-credentials: false`),
    ),

  /** A job on the self-hosted GPU runner is gated for forks: fork check + label input, or an environment. */
  'gpu-jobs-gated': (f) =>
    jobsOf(f).flatMap(([id, job]) => {
      const runsOn = str(job['runs-on']);
      if (!/gpu|self-hosted/i.test(runsOn)) return [];
      const cond = str(job.if);
      const byLabel = FORK_CHECK.test(cond) && /inputs\.fork-gpu-label|github\.event\.label\.name/.test(cond);
      const byEnvironment = typeof job.environment === 'string' && job.environment.trim() !== '';
      return byLabel || byEnvironment
        ? []
        : [`jobs.${id}: runs on ${runsOn} without a fork gate (label condition or environment)`];
    }),

  /** Expressions reach scripts through env:, so no value can inject shell. */
  'no-expressions-in-run': (f) =>
    jobsOf(f).flatMap(([id, job]) =>
      stepsOf(job)
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => typeof s.run === 'string' && s.run.includes('${{'))
        .map(({ i }) => `jobs.${id}.steps[${i}]: \${{ }} inside run: (pass it through env:)`),
    ),

  /** Secrets go by name to a reusable workflow, never all of them. */
  'no-secrets-inherit': (f) =>
    jobsOf(f)
      .filter(([, job]) => job.secrets === 'inherit')
      .map(([id]) => `jobs.${id}: secrets: inherit`),

  /** A secret is read only by a step that is skipped for fork pull requests, never by a whole job. */
  'secrets-not-for-forks': (f) =>
    jobsOf(f).flatMap(([id, job]) => [
      ...(str(job.env).includes('secrets.') ? [`jobs.${id}: job-level env reads a secret`] : []),
      ...stepsOf(job)
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => str(withoutOwnToken(s)).includes('secrets.') || str(s.env).includes('secrets.'))
        .filter(({ s }) => !FORK_CHECK.test(str(s.if)))
        .map(({ i }) => `jobs.${id}.steps[${i}]: reads a secret without skipping fork pull requests`),
    ]),

  /** Our own actions: the root, a sub-action the repository ships, or a reusable workflow file; by major tag. */
  'first-party-paths': (f) =>
    everyUses(f)
      .filter(({ uses }) => uses.startsWith(`${FIRST_PARTY}/`) || uses.startsWith(`${FIRST_PARTY}@`))
      .flatMap(({ where, uses }) => {
        const [target = '', ref = ''] = uses.slice(FIRST_PARTY.length).split('@');
        const sub = target.replace(/^\//, '');
        const out: string[] = [];
        if (!/^v\d+$/.test(ref))
          out.push(`${where}: ${uses} should use the major tag (@v0) with a pin comment`);
        const known =
          sub === '' ||
          SUB_ACTIONS.some((name) => sub === `actions/${name}`) ||
          /^\.github\/workflows\/[\w.-]+\.ya?ml$/.test(sub);
        if (!known)
          out.push(
            `${where}: ${uses} names no sub-action (${SUB_ACTIONS.map((n) => `actions/${n}`).join(', ')})`,
          );
        return out;
      }),

  /**
   * A reusable workflow runs its own actions at its own commit: a checkout of job.workflow_repository
   * at job.workflow_sha into .ml-image-action, then `uses: ./.ml-image-action/actions/<x>`; never
   * `ml-image-action/ml-image-action/actions/<x>@<tag>`, whose code moves under a pinned workflow.
   * Whatever lands in .ml-image-action is that checkout, never other (pull-request) code.
   */
  'own-actions-at-workflow-sha': (f) => {
    const reusable = triggers(f.wf).includes('workflow_call');
    return jobsOf(f).flatMap(([id, job]) =>
      stepsOf(job).flatMap((s, i) => {
        const where = `jobs.${id}.steps[${i}]`;
        const out: string[] = [];
        const uses = s.uses ?? '';
        const intoOwn = str(s.with?.path).replace(/^\.\//, '').replace(/\/$/, '') === OWN_CHECKOUT;
        if (uses.startsWith('actions/checkout@') && intoOwn && !isOwnCheckout(s))
          out.push(
            `${where}: ${OWN_CHECKOUT} must be this repository at the workflow's commit (repository: ${OWN_REPOSITORY}, ref: ${OWN_SHA})`,
          );
        const dir = ownActionDir(uses);
        if (dir === undefined) return out;
        if (uses.startsWith('./')) {
          if (!stepsOf(job).slice(0, i).some(isOwnCheckout))
            out.push(
              `${where}: ${uses} without an earlier checkout of ${OWN_REPOSITORY} at ${OWN_SHA} into ${OWN_CHECKOUT}`,
            );
          if (dir !== '' && !SUB_ACTIONS.some((n) => dir === `actions/${n}`))
            out.push(`${where}: ${uses} names no sub-action`);
        } else if (reusable)
          out.push(
            `${where}: ${uses}: a reusable workflow runs its own actions at its own commit (./${OWN_CHECKOUT}${dir ? `/${dir}` : ''} after checking out ${OWN_REPOSITORY} at ${OWN_SHA}), not by a tag`,
          );
        return out;
      }),
    );
  },

  /** Every `with:` key given to one of this repository's actions is an input its action.yml declares. */
  'own-action-inputs-declared': (f) =>
    jobsOf(f).flatMap(([id, job]) =>
      stepsOf(job).flatMap((s, i) => {
        const dir = s.uses ? ownActionDir(s.uses) : undefined;
        const declared = dir === undefined ? undefined : declaredInputs(dir);
        if (!declared) return [];
        return Object.keys(s.with ?? {})
          .filter((k) => !declared.has(k))
          .map(
            (k) =>
              `jobs.${id}.steps[${i}]: ${s.uses} declares no input "${k}" (${dir || 'the root action'} declares: ${[...declared].join(', ')})`,
          );
      }),
    ),
};

/** The reusable workflows a file calls from this repository (`.github/workflows/<file>`). */
export function calledReusableWorkflows(f: WorkflowFile): string[] {
  return everyUses(f)
    .map(({ uses }) => uses.match(/^ml-image-action\/ml-image-action\/(\.github\/workflows\/[^@]+)@/)?.[1])
    .filter((p): p is string => p !== undefined);
}

export function reusableWorkflowExists(repoRoot: string, rel: string): boolean {
  return existsSync(path.join(repoRoot, rel));
}

// --- expression evaluation -----------------------------------------------------------------------

type Expressions = typeof import('@actions/expressions');
type Data = ReturnType<InstanceType<Expressions['Evaluator']>['evaluate']>;

/** What the status functions answer: success() and failure() look at the job's needs. */
export interface Status {
  success: boolean;
  failure: boolean;
  cancelled: boolean;
}

/** The status functions for a job whose needs ended with these results (run not cancelled unless said). */
export function statusOf(needResults: string[], cancelled = false): Status {
  return {
    success: !cancelled && needResults.every((r) => r === 'success'),
    failure: needResults.some((r) => r === 'failure'),
    cancelled,
  };
}

/**
 * Evaluates a workflow expression against plain-object contexts, as the runner does: an `if:` value
 * (`condition: true`; with or without `${{ }}`; without a status function it gets the implicit
 * `success() &&`), a whole `${{ }}` value (its data), or a string with `${{ }}` parts (a string).
 */
export async function evaluate(
  expression: string | boolean,
  contexts: Record<string, unknown>,
  opts: { status?: Status; condition?: boolean } = {},
): Promise<unknown> {
  if (typeof expression === 'boolean') return expression;
  const { Lexer, Parser, Evaluator, data } = (await import('@actions/expressions')) as Expressions;
  const status = opts.status ?? statusOf([]);
  const statusFunctions = new Map(
    (
      [
        ['success', status.success],
        ['failure', status.failure],
        ['cancelled', status.cancelled],
        ['always', true],
      ] as const
    ).map(([name, value]) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) },
    ]),
  );
  const ctx = JSON.parse(JSON.stringify(contexts), data.reviver) as InstanceType<typeof data.Dictionary>;
  const run = (src: string): Data => {
    const expr = new Parser(new Lexer(src).lex().tokens, Object.keys(contexts), [
      ...statusFunctions.values(),
    ]).parse();
    return new Evaluator(expr, ctx, statusFunctions).evaluate();
  };
  const whole = expression.trim().match(/^\$\{\{([\s\S]*)\}\}$/);
  const single = whole !== null && !whole[1]!.includes('}}');
  if (opts.condition) {
    const src = single ? whole[1]! : expression;
    const hasStatus = /\b(success|failure|cancelled|always)\(\)/.test(src);
    return truthy(run(hasStatus ? src : `success() && (${src})`));
  }
  if (single) return plain(run(whole[1]!));
  return expression.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, src: string) => run(src).coerceString());

  function plain(d: Data): unknown {
    if (d.kind === data.Kind.Null) return null;
    if (d instanceof data.BooleanData || d instanceof data.StringData || d instanceof data.NumberData)
      return d.value;
    return d; // arrays and objects: truthy, compared by reference only
  }
  function truthy(d: Data): boolean {
    const v = plain(d);
    if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
    return v !== null && v !== false && v !== '';
  }
}
