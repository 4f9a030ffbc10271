// A local stand-in for api.github.com that answers the issue-comment routes the report stage
// uses and checks EVERY request (and its own answers) against GitHub's OpenAPI description
// (@octokit/openapi). A call GitHub would not accept gets a 400 and lands in state.violations,
// so a test that asserts `violations` is empty proves the client speaks GitHub's API.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ---------------------------------------------------------------------------------------------
// The OpenAPI description, loaded once per process, and an Ajv that validates against it.

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: unknown;
}

interface Operation {
  method: string;
  template: string;
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
  methods: Map<string, Operation>;
}

interface Spec {
  routes: Route[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

const SPEC_ID = 'https://api.github.com/openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

let specOnce: Spec | undefined;

function specFile(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('@octokit/openapi/generated/api.github.com.json');
}

/** JSON pointer segment, for a $defs key used in a URI fragment. */
const pointer = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

function refTo(ref: string): string {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref in a schema: ${ref}`);
  return `${SPEC_ID}#/$defs/${pointer(m[1]!)}`;
}

/**
 * OpenAPI 3.0 schema object -> JSON Schema Ajv understands: `nullable` becomes a null type,
 * component $refs point into one $defs document, annotations Ajv does not know are dropped.
 * Schema-aware so that a property named "example" or "nullable" is kept.
 */
export function openApiToJsonSchema(node: unknown): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const src = node as Json;
  // In OpenAPI 3.0 the siblings of $ref are ignored.
  if (typeof src.$ref === 'string') return { $ref: refTo(src.$ref) };
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'properties' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, openApiToJsonSchema(s)]));
    } else if (k === 'items' || k === 'additionalProperties' || k === 'not') {
      out[k] = openApiToJsonSchema(v);
    } else if (k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
      out[k] = (v as unknown[]).map(openApiToJsonSchema);
    } else if (
      k === 'nullable' ||
      k === 'example' ||
      k === 'examples' ||
      k === 'discriminator' ||
      k === 'xml' ||
      k === 'externalDocs' ||
      k.startsWith('x-')
    ) {
      continue;
    } else {
      out[k] = v;
    }
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [{ type: 'null' }, out] };
    }
  }
  return out;
}

function deref<T>(doc: Json, node: unknown): T {
  let cur = node as Json;
  for (let i = 0; i < 10 && typeof cur?.$ref === 'string'; i++) {
    const parts = (cur.$ref as string).replace(/^#\//, '').split('/');
    let at: unknown = doc;
    for (const p of parts) at = (at as Json)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    cur = at as Json;
  }
  return cur as T;
}

export function loadSpec(): Spec {
  if (specOnce) return specOnce;
  const doc = JSON.parse(readFileSync(specFile(), 'utf8')) as Json;
  const components = doc.components as Json;
  const schemas = components.schemas as Json;

  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS with `exports.default`: NodeNext types the default import as the module.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    a: Ajv,
  ) => Ajv;
  addFormats(ajv);
  // GitHub's own formats ("repo.nwo", "timestamp" ...): accepted, like any unknown annotation.
  const formats = new Set<string>();
  JSON.stringify(schemas, (k, v: unknown) => {
    if (k === 'format' && typeof v === 'string') formats.add(v);
    return v;
  });
  for (const f of formats) if (!(f in ajv.formats)) ajv.addFormat(f, true);
  ajv.addSchema({
    $id: SPEC_ID,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, openApiToJsonSchema(s)])),
  });

  const routes: Route[] = [];
  for (const [template, item] of Object.entries(doc.paths as Json)) {
    const pathItem = item as Json;
    const shared = ((pathItem.parameters as unknown[]) ?? []).map((p) => deref<Parameter>(doc, p));
    const names: string[] = [];
    const source = template
      .split('/')
      .map((seg) => {
        const m = /^\{(.+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    const methods = new Map<string, Operation>();
    for (const method of HTTP_METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      const own = ((op.parameters as unknown[]) ?? []).map((p) => deref<Parameter>(doc, p));
      const byKey = new Map([...shared, ...own].map((p) => [`${p.in}:${p.name}`, p]));
      const responses: Operation['responses'] = {};
      for (const [status, r] of Object.entries((op.responses as Json) ?? {}))
        responses[status] = deref(doc, r);
      methods.set(method.toUpperCase(), {
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId),
        parameters: [...byKey.values()],
        ...(op.requestBody ? { requestBody: deref(doc, op.requestBody) } : {}),
        responses,
      });
    }
    routes.push({
      template,
      regex: new RegExp(`^${source}$`),
      names,
      literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
      methods,
    });
  }
  // A literal segment beats a parameter: /issues/comments is not /issues/{issue_number}.
  routes.sort((a, b) => b.literalSegments - a.literalSegments);
  specOnce = { routes, ajv, validators: new Map() };
  return specOnce;
}

function validator(spec: Spec, key: string, schema: unknown): ValidateFunction {
  let v = spec.validators.get(key);
  if (!v) {
    v = spec.ajv.compile(openApiToJsonSchema(schema) as object);
    spec.validators.set(key, v);
  }
  return v;
}

function errorsText(v: ValidateFunction): string {
  return (v.errors ?? [])
    .slice(0, 10)
    .map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
    )
    .join('; ');
}

/** A path or query value (always a string on the wire) as the type its schema declares. */
function coerce(value: string, schema: unknown): unknown {
  const type = (schema as { type?: unknown } | undefined)?.type;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

export interface MatchedRequest {
  operation?: Operation;
  params: Record<string, string>;
  problems: string[];
}

/** Check one request against the description: route, method, parameters, headers, body. */
export function checkRequest(
  method: string,
  url: URL,
  headers: IncomingMessage['headers'],
  rawBody: string,
): MatchedRequest {
  const spec = loadSpec();
  const problems: string[] = [];
  const where = `${method} ${url.pathname}`;
  const routes = spec.routes.filter((r) => r.regex.test(url.pathname));
  if (routes.length === 0) return { params: {}, problems: [`${where}: no such route in GitHub's REST API`] };
  const route = routes.find((r) => r.methods.has(method));
  if (!route) {
    return { params: {}, problems: [`${where}: ${routes[0]!.template} has no ${method} operation`] };
  }
  const op = route.methods.get(method)!;
  const match = route.regex.exec(url.pathname)!;
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));

  for (const p of op.parameters) {
    if (p.in === 'path') {
      const v = validator(spec, `${op.operationId}:path:${p.name}`, p.schema ?? {});
      if (!v(coerce(params[p.name] ?? '', p.schema))) {
        problems.push(
          `${where}: path parameter ${p.name}=${JSON.stringify(params[p.name])}: ${errorsText(v)}`,
        );
      }
    }
    if (p.in === 'query' && p.required && !url.searchParams.has(p.name)) {
      problems.push(`${where}: missing required query parameter ${p.name}`);
    }
  }
  for (const [name, value] of url.searchParams) {
    const p = op.parameters.find((x) => x.in === 'query' && x.name === name);
    if (!p) {
      problems.push(`${where}: query parameter ${name} is not declared for ${op.operationId}`);
      continue;
    }
    const v = validator(spec, `${op.operationId}:query:${name}`, p.schema ?? {});
    if (!v(coerce(value, p.schema)))
      problems.push(`${where}: query parameter ${name}=${JSON.stringify(value)}: ${errorsText(v)}`);
  }

  if (!/^(token|bearer) \S+$/i.test(headers.authorization ?? '')) {
    problems.push(`${where}: authorization header missing or not "token <t>" / "Bearer <t>"`);
  }
  if (!/application\/(vnd\.github[^,]*\+)?json|application\/vnd\.github/i.test(headers.accept ?? '')) {
    problems.push(
      `${where}: accept header ${JSON.stringify(headers.accept ?? '')} is not a GitHub JSON media type`,
    );
  }
  // GitHub refuses requests without a User-Agent.
  if (!headers['user-agent']) problems.push(`${where}: user-agent header missing`);

  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (op.requestBody) {
    if (rawBody === '') {
      if (op.requestBody.required) problems.push(`${where}: request body required`);
    } else if (!/application\/json/i.test(headers['content-type'] ?? '')) {
      problems.push(
        `${where}: content-type ${JSON.stringify(headers['content-type'] ?? '')} is not application/json`,
      );
    } else {
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        problems.push(`${where}: request body is not JSON`);
      }
      if (body !== undefined && schema) {
        const v = validator(spec, `${op.operationId}:body`, schema);
        if (!v(body)) problems.push(`${where}: request body: ${errorsText(v)}`);
      }
    }
  } else if (rawBody !== '') {
    problems.push(`${where}: ${op.operationId} takes no request body`);
  }
  return { operation: op, params, problems };
}

/** Problems with a response body we are about to send, for the statuses the description declares. */
export function checkResponse(op: Operation, status: number, body: unknown): string[] {
  const schema = op.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [];
  const v = validator(loadSpec(), `${op.operationId}:response:${status}`, schema);
  return v(body) ? [] : [`response to ${op.method} ${op.template} (${status}): ${errorsText(v)}`];
}

// ---------------------------------------------------------------------------------------------
// The fake server.

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: FakeUser;
  createdAt: string;
  updatedAt: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Parsed JSON body, when one was sent. */
  body?: unknown;
}

export interface GitHubApiSwitches {
  /** Writes answer 403 "Resource not accessible by integration" (a fork's read-only token). */
  forbidWrites?: boolean;
  /** Every request answers 401 "Bad credentials" (a token expired, revoked or mistyped). */
  badCredentials?: boolean;
  /** Bodies longer than this answer 422 "Body is too long" (GitHub: 65536). */
  maxBodyLength?: number;
  /** The next n requests answer fail5xxStatus. */
  fail5xx?: number;
  /** The status fail5xx answers (default 502). */
  fail5xxStatus?: number;
  /** The next n requests answer 403 with retry-after: 1 and GitHub's secondary-rate-limit message. */
  secondaryRateLimit?: number;
  /** The same as a 429, the other status GitHub uses for a secondary rate limit. */
  secondaryRateLimit429?: number;
  /** The next n requests answer 403 with GitHub's older "abuse detection" message and no retry-after. */
  abuseDetection?: number;
  /** The next n requests answer 403 "API rate limit exceeded" with x-ratelimit-remaining: 0. */
  primaryRateLimit?: number;
  /** Seconds until the primary limit's x-ratelimit-reset (default 1). */
  primaryResetS?: number;
  /** Delay before each request is handled, so that concurrent writers interleave. */
  latencyMs?: number;
  /** The token's user: GET /user answers it and comments are by it. Unset: like GITHUB_TOKEN (403, github-actions[bot]). */
  login?: string;
  /** A GitHub App's installation token: GET /user refused (403), comments by this bot (e.g. my-app[bot]). */
  appBot?: string;
}

export interface GitHubApiState {
  comments: FakeComment[];
  requests: RecordedRequest[];
  violations: string[];
  switches: Required<
    Pick<
      GitHubApiSwitches,
      | 'forbidWrites'
      | 'badCredentials'
      | 'maxBodyLength'
      | 'fail5xx'
      | 'fail5xxStatus'
      | 'secondaryRateLimit'
      | 'secondaryRateLimit429'
      | 'abuseDetection'
      | 'primaryRateLimit'
      | 'primaryResetS'
      | 'latencyMs'
    >
  > &
    Pick<GitHubApiSwitches, 'login' | 'appBot'>;
}

export interface FakePull {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** owner/repo of the head branch; null: the fork was deleted. */
  headRepo: string | null;
}

let rawSpec: Json | undefined;
/**
 * The smallest value of a component schema that validates: required properties only, the first
 * enum value / anyOf branch, null where nullable. Responses the fake builds this way are checked
 * against the same schema afterwards, like every other response.
 */
export function sampleOf(schemaName: string): unknown {
  rawSpec ??= JSON.parse(readFileSync(specFile(), 'utf8')) as Json;
  const schemas = (rawSpec.components as Json).schemas as Json;
  const sample = (node: unknown, depth: number): unknown => {
    let s = node as Json;
    if (typeof s.$ref === 'string') s = schemas[(s.$ref as string).split('/').pop()!] as Json;
    if (s.nullable === true && depth > 0) return null;
    if (Array.isArray(s.enum)) return s.enum[0];
    for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[k])) {
        if (k !== 'allOf') return sample(s[k][0], depth + 1);
        return Object.assign({}, ...(s[k] as unknown[]).map((x) => sample(x, depth + 1) as Json));
      }
    }
    switch (s.type) {
      case 'object': {
        const props = (s.properties ?? {}) as Json;
        const req = (s.required ?? []) as string[];
        return Object.fromEntries(req.map((r) => [r, sample(props[r] ?? {}, depth + 1)]));
      }
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return false;
      case 'string':
        return s.format === 'date-time' ? iso(0) : s.format === 'uri' ? 'https://example.com/x' : 'x';
      default:
        return {};
    }
  };
  return sample({ $ref: `#/components/schemas/${schemaName}` }, 0);
}

export interface GitHubApi {
  url: string;
  state: GitHubApiState;
  set(switches: GitHubApiSwitches): void;
  /** Put comments in place without going through the API (other people's comments, history). */
  seed(
    comments: Array<{ owner: string; repo: string; issueNumber: number; body: string; login?: string }>,
  ): FakeComment[];
  /** A pull request GET /repos/{owner}/{repo}/pulls/{n} answers with. */
  seedPull(p: FakePull): void;
  /** Comments of one issue, oldest first. */
  commentsOn(owner: string, repo: string, issueNumber: number): FakeComment[];
  close(): Promise<void>;
}

export const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
const DOCS = 'https://docs.github.com/rest';
export const MESSAGES = {
  forbidden: 'Resource not accessible by integration',
  primaryRateLimit: 'API rate limit exceeded for installation ID 1.',
  secondaryRateLimit:
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:44444444.',
  abuseDetection:
    'You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.',
};

function userFor(login: string): FakeUser {
  if (login === GITHUB_ACTIONS_BOT.login) return GITHUB_ACTIONS_BOT;
  let id = 0;
  for (const ch of login) id = (id * 31 + ch.charCodeAt(0)) % 100_000_000;
  return { login, id: id + 1000, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function simpleUser(u: FakeUser) {
  const api = `https://api.github.com/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: Buffer.from(`04:User${u.id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      u.type === 'Bot'
        ? `https://github.com/apps/${u.login.replace(/\[bot\]$/, '')}`
        : `https://github.com/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function publicUser(u: FakeUser) {
  return {
    ...simpleUser(u),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function startGitHubApi(opts: { switches?: GitHubApiSwitches } = {}): Promise<GitHubApi> {
  loadSpec();
  const state: GitHubApiState = {
    comments: [],
    requests: [],
    violations: [],
    switches: {
      forbidWrites: false,
      badCredentials: false,
      maxBodyLength: 65_536,
      fail5xx: 0,
      fail5xxStatus: 502,
      secondaryRateLimit: 0,
      secondaryRateLimit429: 0,
      abuseDetection: 0,
      primaryRateLimit: 0,
      primaryResetS: 1,
      latencyMs: 0,
    },
  };
  const set = (s: GitHubApiSwitches) => Object.assign(state.switches, s);
  const pulls: FakePull[] = [];
  // A full pull-request object that satisfies GitHub's response schema, with our values on top.
  const pullJson = (p: FakePull): Json => {
    const s = sampleOf('pull-request') as Json;
    const head = s.head as Json;
    const repoJson = sampleOf('repository') as Json;
    return {
      ...s,
      number: p.number,
      state: 'open',
      head: {
        ...head,
        sha: p.headSha,
        repo:
          p.headRepo === null
            ? null
            : { ...repoJson, full_name: p.headRepo, fork: p.headRepo !== `${p.owner}/${p.repo}` },
      },
    };
  };
  set(opts.switches ?? {});
  let nextId = 1_000_001;
  // A clock that ticks one second per comment: created_at orders like ids, as on GitHub.
  let clock = Date.parse('2025-01-01T00:00:00Z');
  let base = '';

  const newComment = (owner: string, repo: string, issueNumber: number, body: string, user: FakeUser) => {
    clock += 1000;
    const c: FakeComment = {
      id: nextId++,
      owner,
      repo,
      issueNumber,
      body,
      user,
      createdAt: iso(clock),
      updatedAt: iso(clock),
    };
    state.comments.push(c);
    return c;
  };
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
    url: `${base}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${base}/repos/${c.owner}/${c.repo}/issues/${c.issueNumber}`,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
    reactions: {
      url: `${base}/repos/${c.owner}/${c.repo}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  });
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const commentsOn = (owner: string, repo: string, issueNumber: number) =>
    state.comments
      .filter((c) => same(c.owner, owner) && same(c.repo, repo) && c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  const tokenUser = () =>
    state.switches.login
      ? userFor(state.switches.login)
      : state.switches.appBot
        ? userFor(state.switches.appBot)
        : GITHUB_ACTIONS_BOT;
  const error = (status: number, message: string, doc: string, extra: Json = {}): Answer => ({
    status,
    body: { message, documentation_url: doc ? `${DOCS}/${doc}` : DOCS, status: String(status), ...extra },
  });
  const tooLong = (doc: string): Answer =>
    error(422, 'Validation Failed', doc, {
      errors: [
        {
          resource: 'IssueComment',
          code: 'unprocessable',
          field: 'data',
          message: `Body is too long (maximum is ${state.switches.maxBodyLength} characters)`,
        },
      ],
    });

  function handle(op: Operation, params: Record<string, string>, url: URL, body: Json): Answer {
    const sw = state.switches;
    const { owner = '', repo = '' } = params;
    switch (op.operationId) {
      case 'users/get-authenticated':
        if (!sw.login) return error(403, MESSAGES.forbidden, 'users/users#get-the-authenticated-user');
        return { status: 200, body: publicUser(userFor(sw.login)) };
      case 'issues/list-comments': {
        const all = commentsOn(owner, repo, Number(params.issue_number));
        const since = url.searchParams.get('since');
        const list = since ? all.filter((c) => c.updatedAt >= since) : all;
        const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30), 1), 100);
        const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
        const last = Math.max(Math.ceil(list.length / perPage), 1);
        const link = (p: number, rel: string) => {
          const u = new URL(`${base}/repos/${owner}/${repo}/issues/${params.issue_number}/comments`);
          u.searchParams.set('per_page', String(perPage));
          u.searchParams.set('page', String(p));
          if (since) u.searchParams.set('since', since);
          return `<${u.href}>; rel="${rel}"`;
        };
        // GitHub's order: prev, next, last, first; only the ones that apply.
        const rels = [
          ...(page > 1 ? [link(page - 1, 'prev')] : []),
          ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
          ...(page > 1 ? [link(1, 'first')] : []),
        ];
        return {
          status: 200,
          body: list.slice((page - 1) * perPage, page * perPage).map(commentJson),
          headers: rels.length ? { link: rels.join(', ') } : {},
        };
      }
      case 'issues/create-comment': {
        const doc = 'issues/comments#create-an-issue-comment';
        if (sw.forbidWrites) return error(403, MESSAGES.forbidden, doc);
        const text = String(body.body);
        if (text.length > sw.maxBodyLength) return tooLong(doc);
        const c = newComment(owner, repo, Number(params.issue_number), text, tokenUser());
        return {
          status: 201,
          body: commentJson(c),
          headers: { location: `${base}/repos/${owner}/${repo}/issues/comments/${c.id}` },
        };
      }
      case 'issues/update-comment':
      case 'issues/delete-comment': {
        const update = op.operationId === 'issues/update-comment';
        const doc = `issues/comments#${update ? 'update' : 'delete'}-an-issue-comment`;
        const c = state.comments.find(
          (x) => x.id === Number(params.comment_id) && same(x.owner, owner) && same(x.repo, repo),
        );
        if (!c) return error(404, 'Not Found', doc);
        if (sw.forbidWrites) return error(403, MESSAGES.forbidden, doc);
        if (!update) {
          state.comments.splice(state.comments.indexOf(c), 1);
          return { status: 204 };
        }
        const text = String(body.body);
        if (text.length > sw.maxBodyLength) return tooLong(doc);
        clock += 1000;
        c.body = text;
        c.updatedAt = iso(clock);
        return { status: 200, body: commentJson(c) };
      }
      case 'pulls/get': {
        const pr = pulls.find(
          (p) => same(p.owner, owner) && same(p.repo, repo) && p.number === Number(params.pull_number),
        );
        if (!pr) return error(404, 'Not Found', 'pulls/pulls#get-a-pull-request');
        return { status: 200, body: pullJson(pr) };
      }
      default:
        // In GitHub's description, but not a route the report stage uses.
        return error(501, `the fake GitHub API does not implement ${op.operationId}`, '');
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', base);
    let parsed: unknown;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = raw;
    }
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      ...(parsed !== undefined ? { body: parsed } : {}),
    };
    state.requests.push(record);
    if (state.switches.latencyMs > 0) await sleep(state.switches.latencyMs);

    const check = checkRequest(method, url, req.headers, raw);
    let answer: Answer;
    if (check.problems.length > 0 || !check.operation) {
      state.violations.push(...check.problems);
      answer = {
        status: 400,
        body: { message: `Request does not match GitHub's API: ${check.problems.join('; ')}` },
      };
    } else if (state.switches.badCredentials) {
      // GitHub's answer to a token it does not know, whatever the route.
      answer = error(401, 'Bad credentials', '');
    } else if (state.switches.fail5xx > 0) {
      state.switches.fail5xx--;
      answer = { status: state.switches.fail5xxStatus, body: { message: 'Server Error' } };
    } else if (state.switches.secondaryRateLimit > 0 || state.switches.secondaryRateLimit429 > 0) {
      const status = state.switches.secondaryRateLimit > 0 ? 403 : 429;
      if (status === 403) state.switches.secondaryRateLimit--;
      else state.switches.secondaryRateLimit429--;
      answer = {
        ...error(
          status,
          MESSAGES.secondaryRateLimit,
          'using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        ),
        headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4990' },
      };
    } else if (state.switches.abuseDetection > 0) {
      state.switches.abuseDetection--;
      answer = error(403, MESSAGES.abuseDetection, 'overview/resources-in-the-rest-api#abuse-rate-limits');
    } else if (state.switches.primaryRateLimit > 0) {
      state.switches.primaryRateLimit--;
      const reset = Math.floor(Date.now() / 1000) + state.switches.primaryResetS;
      answer = {
        ...error(
          403,
          MESSAGES.primaryRateLimit,
          'using-the-rest-api/rate-limits-for-the-rest-api#about-primary-rate-limits',
        ),
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      };
    } else {
      answer = handle(check.operation, check.params, url, (parsed ?? {}) as Json);
      state.violations.push(...checkResponse(check.operation, answer.status, answer.body));
    }
    record.status = answer.status;
    const headers: Record<string, string> = {
      'x-github-request-id': `FAKE:${state.requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-github-api-version-selected': '2022-11-28',
      ...answer.headers,
    };
    if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      state.violations.push(`fake server error: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    state,
    set,
    seedPull: (p) => {
      pulls.push(p);
    },
    seed: (items) =>
      items.map((i) =>
        newComment(i.owner, i.repo, i.issueNumber, i.body, i.login ? userFor(i.login) : GITHUB_ACTIONS_BOT),
      ),
    commentsOn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Octokit's fetch keeps connections alive; close them or close() waits for their timeout.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
