// The engine the docker CLI talks to, picked as the CLI picks it: DOCKER_HOST, else the context
// DOCKER_CONTEXT names, else the config's currentContext ("docker context use"), else the default
// socket. dockerode (docker-modem) reads DOCKER_HOST only: without this, a context (rootless
// Docker, colima, OrbStack, Docker Desktop on Linux, docker/setup-docker-action's) would have
// buildx build on the context's engine while the resolve, capture and smoke containers ran on
// another one, or on none. buildx and the docker CLI follow the context themselves; only the
// in-process clients (dockerode, engine-info.ts's socket reads) are pointed at it from here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A Docker context's engine endpoint, as its meta.json and TLS store give it. */
export interface ContextEndpoint {
  name: string;
  /** Where the name came from: DOCKER_CONTEXT, or the config file's currentContext. */
  from: string;
  /** The engine's address (the DOCKER_HOST form: unix://, tcp://, ssh://, npipe://). */
  host: string;
  /** The context's TLS directory (ca.pem, cert.pem, key.pem), when it has one. */
  tlsDir?: string;
  skipTlsVerify: boolean;
}

export interface ContextFs {
  /** A file's text, undefined when it cannot be read. */
  read(file: string): string | undefined;
  exists(file: string): boolean;
}

const realFs: ContextFs = {
  read: (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: existsSync,
};

const contextFix = (from: string) =>
  `"docker context ls" lists the contexts: choose one with "docker context use NAME"${from === 'DOCKER_CONTEXT' ? ', or unset DOCKER_CONTEXT' : ''} ("default" is the engine's own socket), or set DOCKER_HOST`;

/** The context's name and where it came from; undefined for the default (or DOCKER_HOST). */
function contextName(env: Env, configDir: string, fs: ContextFs): { name: string; from: string } | undefined {
  // The docker CLI: DOCKER_HOST wins over any context (it means the default one).
  if ((env.DOCKER_HOST ?? '') !== '') return undefined;
  const named = env.DOCKER_CONTEXT?.trim() ?? '';
  if (named !== '') return named === 'default' ? undefined : { name: named, from: 'DOCKER_CONTEXT' };
  const configFile = path.join(configDir, 'config.json');
  const text = fs.read(configFile);
  if (text === undefined) return undefined;
  let current: unknown;
  try {
    current = (JSON.parse(text) as { currentContext?: unknown } | null)?.currentContext;
  } catch {
    // The docker CLI warns of a config file it cannot parse and goes on with the defaults.
    return undefined;
  }
  if (typeof current !== 'string' || current === '' || current === 'default') return undefined;
  return { name: current, from: `currentContext in ${configFile}` };
}

/**
 * The context the docker CLI would use, with its endpoint; undefined when it would use DOCKER_HOST
 * or the default socket (docker-modem picks those itself). A named context that does not exist or
 * has no docker endpoint is an environment problem (exit 3), as it is for the docker CLI.
 */
export function currentContext(env: Env, fs: ContextFs = realFs, home?: string): ContextEndpoint | undefined {
  // As the docker CLI: DOCKER_CONFIG, else ~/.docker ($HOME's, as Go's os.UserHomeDir).
  const configDir =
    (env.DOCKER_CONFIG ?? '') !== ''
      ? env.DOCKER_CONFIG!
      : path.join(home ?? ((env.HOME ?? '') !== '' ? env.HOME! : homedir()), '.docker');
  const named = contextName(env, configDir, fs);
  if (named === undefined) return undefined;
  const id = createHash('sha256').update(named.name).digest('hex');
  const metaFile = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
  const text = fs.read(metaFile);
  if (text === undefined)
    throw new EnvironmentError(
      `the Docker context "${named.name}" (${named.from}) does not exist: no ${metaFile}`,
      contextFix(named.from),
    );
  let docker: { Host?: unknown; SkipTLSVerify?: unknown } | undefined;
  try {
    docker = (JSON.parse(text) as { Endpoints?: { docker?: typeof docker } } | null)?.Endpoints?.docker;
  } catch {
    docker = undefined;
  }
  if (typeof docker?.Host !== 'string' || docker.Host.trim() === '')
    throw new EnvironmentError(
      `the Docker context "${named.name}" (${named.from}) names no engine: ${metaFile} has no Endpoints.docker.Host`,
      contextFix(named.from),
    );
  const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
  return {
    ...named,
    host: docker.Host.trim(),
    ...(fs.exists(tlsDir) ? { tlsDir } : {}),
    skipTlsVerify: docker.SkipTLSVerify === true,
  };
}

/**
 * The current context where only a hint or a choice depends on it: undefined also for one that does
 * not exist (the engine's own connection says that, with its fix).
 */
export function contextIfAny(env: Env): ContextEndpoint | undefined {
  try {
    return currentContext(env);
  } catch {
    return undefined;
  }
}

/**
 * ENV as the engine's in-process clients should read it: DOCKER_HOST set to the current
 * context's engine when a context is in use (and ENV itself otherwise).
 */
export function engineEnv(env: Env, context = currentContext(env)): Env {
  return context === undefined ? env : { ...env, DOCKER_HOST: context.host };
}

/** docker-modem's connection options (dockerode's constructor) for a context's endpoint. */
interface ModemOptions {
  socketPath?: string;
  protocol?: 'http' | 'https' | 'ssh';
  host?: string;
  port?: string;
  username?: string;
  ca?: string;
  cert?: string;
  key?: string;
  sshOptions?: { agent?: string };
  /** Set only for a context that skips TLS verification. */
  rejectUnauthorized?: false;
}

/**
 * The options that connect dockerode to CONTEXT's engine, as docker-modem would read the same
 * address from DOCKER_HOST (with the context's TLS files in place of DOCKER_CERT_PATH).
 */
export function modemOptions(context: ContextEndpoint, env: Env, fs: ContextFs = realFs): ModemOptions {
  const { host } = context;
  if (host.startsWith('unix://')) {
    const socket = host.slice('unix://'.length);
    return socket === '' ? {} : { socketPath: socket };
  }
  if (host.startsWith('npipe://'))
    return { socketPath: host.slice('npipe://'.length) || '//./pipe/docker_engine' };
  let url: URL;
  try {
    url = new URL(host.includes('//') ? host : `tcp://${host}`);
  } catch {
    throw new EnvironmentError(
      `the Docker context "${context.name}" (${context.from}) names an engine address that is not a URL`,
      contextFix(context.from),
    );
  }
  const port = url.port === '' ? {} : { port: url.port };
  if (url.protocol === 'ssh:')
    return {
      protocol: 'ssh',
      host: url.hostname,
      ...port,
      ...(url.username !== '' ? { username: decodeURIComponent(url.username) } : {}),
      sshOptions: env.SSH_AUTH_SOCK !== undefined ? { agent: env.SSH_AUTH_SOCK } : {},
    };
  const tls = context.tlsDir !== undefined || context.skipTlsVerify || url.port === '2376';
  const files: Partial<Record<'ca' | 'cert' | 'key', string>> = {};
  if (context.tlsDir !== undefined)
    for (const k of ['ca', 'cert', 'key'] as const) {
      const text = fs.read(path.join(context.tlsDir, `${k}.pem`));
      if (text !== undefined) files[k] = text;
    }
  return {
    protocol: tls ? 'https' : 'http',
    host: url.hostname,
    ...port,
    ...files,
    ...(context.skipTlsVerify ? { rejectUnauthorized: false as const } : {}),
  };
}

/** How an error names the engine of CONTEXT: its name and where that came from. */
export const contextLabel = (context: ContextEndpoint): string =>
  `the Docker context "${context.name}" (${context.from})`;

/** The fix for an engine of CONTEXT that does not answer. */
export const contextDaemonFix = (context: ContextEndpoint): string =>
  `start the engine of ${contextLabel(context)}, or use another: ${contextFix(context.from)}`;

/**
 * The engine docker.ping asks, as the build stage names it: { dockerHost, dockerContext } of the
 * current context, or DOCKER_HOST's address, or nothing (the default socket).
 */
export function engineOf(
  env: Env,
  context = currentContext(env),
): { dockerHost?: string; dockerContext?: string } {
  if (context !== undefined) return { dockerHost: context.host, dockerContext: context.name };
  return (env.DOCKER_HOST ?? '') !== '' ? { dockerHost: env.DOCKER_HOST! } : {};
}
