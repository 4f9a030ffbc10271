// Which credential a push to a registry would use (Docker's config: credHelpers, credsStore, auths),
// and whether it may push: the distribution API's token flow (Bearer realm/service/scope, or Basic),
// then an upload is started and cancelled (POST /v2/<name>/blobs/uploads/, DELETE its Location),
// which writes nothing. No secret is ever part of a message; side effects come in as functions.
import path from 'node:path';
import { EnvironmentError, InputError } from '../errors.js';
import { registryLoginFix } from './failures.js';
import {
  INTERRUPTED_CANCEL_MS,
  interruptedFailure,
  isInterrupted,
  registerCleanup,
  throwIfInterrupted,
  untilInterrupted,
} from '../util/cleanup.js';
import { isJsonObject } from '../util/json-file.js';
import { within } from '../util/within.js';
import type { Credential } from './oci-types.js';
import { DOCKER_HUB } from '../oci/ref.js';
import {
  parseChallenge,
  registryApiBase,
  registryUnreachable,
  requestTarget,
  tokenOf,
  tokenServiceAllowed,
  tokenRequestUrl,
} from './registry.js';

interface RegistryHttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type RegistryFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<RegistryHttpResponse>;

export interface RegistryAuthDeps {
  fetch: RegistryFetch;
  /** Docker's config.json (DOCKER_CONFIG/config.json, else ~/.docker/config.json); undefined when absent. */
  dockerConfig: () => { file: string; text: string } | undefined;
  /**
   * `docker-credential-NAME get` with the server on stdin: its Username and Secret; undefined when
   * the helper has no login for the server (it says "credentials not found": docker then goes on
   * anonymously, as everything here does). Stopped when SIGNAL (a verify's deadline) aborts: the
   * call then rejects with its reason.
   */
  helper: (
    name: string,
    server: string,
    signal?: AbortSignal,
  ) => Promise<{ username: string; secret: string } | undefined>;
  timeoutMs?: number;
}

export type { Credential } from './oci-types.js';

/** HOST or HOST/REPOSITORY (e.g. ghcr.io, localhost:5000/team/model). */
export function parseRegistryTarget(raw: string): { host: string; repository?: string } {
  const value = raw.trim().replace(/^https?:\/\//, '');
  const [host, ...rest] = value.split('/');
  const repository = rest.join('/');
  const port = host === undefined ? undefined : /:(\d+)$/.exec(host)?.[1];
  if (
    !host ||
    !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host) ||
    (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
  )
    throw new InputError(
      `doctor: --registry: expected HOST[:PORT] or HOST/REPOSITORY (e.g. ghcr.io/acme/model, localhost:5000), got ${JSON.stringify(raw.slice(0, 200))}`,
    );
  if (
    rest.length > 0 &&
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)
  )
    throw new InputError(
      `doctor: --registry: ${JSON.stringify(repository.slice(0, 200))} is not a repository name (lower case, e.g. acme/model)`,
    );
  return { host, ...(repository !== '' && { repository }) };
}

/** The keys Docker's config may use for a host ("ghcr.io", "https://ghcr.io", Hub's v1 URL). */
function configKeys(host: string): string[] {
  if (DOCKER_HUB.has(host))
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [host, `https://${host}`, `http://${host}`];
}

interface DockerConfig {
  auths?: Record<string, { auth?: string | null; identitytoken?: string | null } | null> | null;
  credHelpers?: Record<string, string | null> | null;
  credsStore?: string | null;
}

/**
 * What in a parsed config.json is not of the shape Docker writes (the field, not its value); else
 * undefined. A null field is an absent one, as Go's decoder reads it: Docker Desktop writes
 * `"auths": null` beside its credsStore.
 */
function dockerConfigProblem(config: unknown): string | undefined {
  if (!isJsonObject(config)) return 'holds no JSON object';
  const { auths, credHelpers, credsStore } = config;
  if (auths != null) {
    if (!isJsonObject(auths)) return '"auths" is no object';
    for (const [host, entry] of Object.entries(auths)) {
      if (entry === null) continue;
      if (!isJsonObject(entry)) return `auths[${JSON.stringify(host)}] is no object`;
      for (const key of ['auth', 'identitytoken'] as const)
        if (entry[key] != null && typeof entry[key] !== 'string')
          return `auths[${JSON.stringify(host)}].${key} is no string`;
    }
  }
  if (credHelpers != null) {
    if (!isJsonObject(credHelpers)) return '"credHelpers" is no object';
    for (const [host, name] of Object.entries(credHelpers))
      if (name !== null && typeof name !== 'string')
        return `credHelpers[${JSON.stringify(host)}] is no string`;
  }
  if (credsStore != null && typeof credsStore !== 'string') return '"credsStore" is no string';
  return undefined;
}

/** The credential Docker (and buildx) would use for HOST, and where it comes from. */
export function findCredential(
  host: string,
  deps: Pick<RegistryAuthDeps, 'dockerConfig' | 'helper'>,
): Credential {
  const found = deps.dockerConfig();
  if (!found)
    return { kind: 'none', describe: 'none (no Docker config.json): pulls and pushes are anonymous' };
  let config: DockerConfig;
  try {
    config = JSON.parse(found.text) as DockerConfig;
  } catch (e) {
    // Not the parser's message: V8 quotes the text around the fault, which may be a credential.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new EnvironmentError(
      `${found.file} is not JSON${at === undefined ? '' : ` (at byte ${at})`}: docker and buildx cannot read their credentials`,
      `fix or remove ${found.file}, then log in again (docker login)`,
    );
  }
  // Its shape, named by field, never by value (a value may be a credential).
  const odd = dockerConfigProblem(config);
  if (odd !== undefined)
    throw new EnvironmentError(
      `${found.file}: ${odd}: docker and buildx cannot read their credentials from it`,
      `fix or remove ${found.file}, then log in again (docker login)`,
    );
  const keys = configKeys(host);
  const server = keys[0]!;
  const helperName = keys.map((k) => config.credHelpers?.[k]).find((h) => h != null);
  if (helperName)
    return {
      kind: 'helper',
      describe: `credential helper docker-credential-${helperName} (credHelpers in ${found.file})`,
      get: (signal) => deps.helper(helperName, server, signal),
    };
  const entry = keys.map((k) => config.auths?.[k]).find((a) => a != null);
  if (entry?.identitytoken)
    return {
      kind: 'token',
      describe: `an identity token (auths in ${found.file}): used by docker, not checked here`,
    };
  if (entry?.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    return {
      kind: 'login',
      describe: `a stored login (docker login; auths in ${found.file})`,
      get: async () => ({ username: decoded.slice(0, i), secret: decoded.slice(i + 1) }),
    };
  }
  if (config.credsStore)
    return {
      kind: 'store',
      describe: `credential store docker-credential-${config.credsStore} (credsStore in ${found.file})`,
      get: (signal) => deps.helper(config.credsStore!, server, signal),
    };
  return { kind: 'none', describe: `none for ${host} in ${found.file}: pulls and pushes are anonymous` };
}

/** The registry's own words from an error body ({"errors":[{"code","message"}]}), else the status. */
export function registryErrorText(status: number, body: string): string {
  try {
    const e = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors?.[0];
    if (e) return `HTTP ${status} ${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`.trim();
  } catch {
    // not JSON: the status says enough
  }
  return `HTTP ${status}`;
}

const registryError = async (r: RegistryHttpResponse): Promise<string> =>
  registryErrorText(r.status, await r.text().catch(() => ''));

/** The Authorization value of a basic-auth pair. */
export const basicAuth = (c: { username: string; secret: string }) =>
  `Basic ${Buffer.from(`${c.username}:${c.secret}`).toString('base64')}`;

interface PushCheck {
  ok: boolean;
  detail: string;
  fix?: string;
}

/**
 * The DELETE that cancels an upload at LOCATION: the credentials go to the registry's own origin
 * only, and an HTTPS registry's upload moved to plain HTTP is left to expire (undefined).
 */
function cancelRequest(base: string, location: string | null, headers: Record<string, string> | undefined) {
  if (!location) return undefined;
  const url = new URL(location, `${base}/`);
  const target = requestTarget(url, base);
  if (target === 'refused') return undefined;
  return { url: url.toString(), init: { method: 'DELETE', ...(target === 'own' && headers && { headers }) } };
}

/**
 * May CREDENTIAL push to HOST/REPOSITORY? Authenticates as docker does (token for pull,push
 * scope), starts a blob upload and cancels it, on SIGINT/SIGTERM too. Unreachable registry:
 * EnvironmentError.
 */
export async function checkPush(
  host: string,
  repository: string,
  credential: Credential,
  deps: Pick<RegistryAuthDeps, 'fetch' | 'timeoutMs'>,
): Promise<PushCheck> {
  const base = registryApiBase(host);
  const call = async (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
    // Stopped by SIGINT/SIGTERM, but for the upload's cancel (a DELETE), which runs after it (short).
    const cancel = init.method === 'DELETE';
    const own = AbortSignal.timeout(
      cancel && isInterrupted() ? INTERRUPTED_CANCEL_MS : (deps.timeoutMs ?? 10_000),
    );
    try {
      return await deps.fetch(url, { ...init, signal: cancel ? own : untilInterrupted(own) });
    } catch (e) {
      const what = url.split('?')[0]!;
      throw (
        (!cancel && interruptedFailure(`registry ${host}: ${what}`, 'aborted', e)) ||
        registryUnreachable(host, what, e)
      );
    }
  };
  const fix = registryLoginFix(host, 'write', repository);
  const pair = credential.get ? await credential.get() : undefined;
  // A helper without a login for this host: anonymous, as docker goes on, and the failures say why.
  const none = credential.get && !pair ? `; ${credential.describe} has no login for ${host}` : '';
  let authorization: string | undefined;
  const probe = await call(`${base}/v2/`);
  if (probe.status === 401) {
    const { scheme, params } = parseChallenge(probe.headers.get('www-authenticate') ?? '');
    if (scheme === 'basic') {
      if (!pair) return { ok: false, detail: `${host} asks for a login and there is none${none}`, fix };
      authorization = basicAuth(pair);
    } else if (scheme === 'bearer' && params.realm) {
      const url = tokenRequestUrl(params, `repository:${repository}:pull,push`);
      // The login goes to the token service: never over plain HTTP (as the OCI client refuses).
      if (!tokenServiceAllowed(url, base))
        return {
          ok: false,
          detail: `${host} names a token service over plain HTTP (${url.origin}): refused`,
          fix,
        };
      const token = await call(url.toString(), pair ? { headers: { Authorization: basicAuth(pair) } } : {});
      if (token.status !== 200)
        return {
          ok: false,
          detail: `${host} refused a push token for ${repository} (${await registryError(token)}${none})`,
          fix,
        };
      // Not JSON (a proxy's login page, say) is no token either, not a crash.
      const text = await token.text();
      let value: string | undefined;
      try {
        value = tokenOf(JSON.parse(text));
      } catch {
        value = undefined;
      }
      if (!value) return { ok: false, detail: `${host} answered the token request without a token`, fix };
      authorization = `Bearer ${value}`;
    } else {
      return {
        ok: false,
        detail: `${host} asks for an authentication scheme docker does not use (${scheme || 'none'})`,
      };
    }
  } else if (probe.status !== 200) {
    return {
      ok: false,
      detail: `${host} answered ${await registryError(probe)} at ${base}/v2/: not a registry API`,
    };
  }
  const headers = authorization ? { Authorization: authorization } : undefined;
  return tryUpload(call, `${host}/${repository}`, `${base}/v2/${repository}/blobs/uploads/`, headers, fix);
}

type RegistryCall = (
  url: string,
  init?: { method?: string; headers?: Record<string, string> },
) => ReturnType<RegistryAuthDeps['fetch']>;

/**
 * Start an upload at UPLOADS (of TARGET) as a push does, and cancel it: nothing is written. Best
 * effort (registries also expire unfinished uploads after days), and once: on SIGINT/SIGTERM the
 * POST under way is stopped (an answer already come is cancelled, briefly); after the signal none
 * starts.
 */
async function tryUpload(
  call: RegistryCall,
  target: string,
  uploads: string,
  headers: Record<string, string> | undefined,
  fix: string,
): Promise<PushCheck> {
  throwIfInterrupted('a registry push check');
  const base = new URL(uploads).origin;
  const starting = call(uploads, { method: 'POST', ...(headers && { headers }) });
  let cancelled: Promise<unknown> | undefined;
  const cancelUpload = () =>
    (cancelled ??= starting
      .then((r) => {
        const cancel = r.status === 202 ? cancelRequest(base, r.headers.get('location'), headers) : undefined;
        return cancel && call(cancel.url, cancel.init);
      })
      .catch(() => undefined));
  // A cancel already under way before the signal keeps its own timeout: the cleanup waits for it
  // no longer than a cancel started after the signal may take.
  const unregister = registerCleanup(async () => {
    await within(cancelUpload(), INTERRUPTED_CANCEL_MS, undefined);
  });
  try {
    const upload = await starting;
    if (upload.status !== 202)
      return { ok: false, detail: `cannot push to ${target}: ${await registryError(upload)}`, fix };
    await cancelUpload();
    return {
      ok: true,
      detail: `can push to ${target} (an upload was started and cancelled; nothing written)`,
    };
  } finally {
    unregister();
  }
}

/** Docker's config.json as docker finds it: DOCKER_CONFIG, else HOME/.docker. */
export function dockerConfigPath(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.DOCKER_CONFIG) return path.join(env.DOCKER_CONFIG, 'config.json');
  return env.HOME ? path.join(env.HOME, '.docker', 'config.json') : undefined;
}
