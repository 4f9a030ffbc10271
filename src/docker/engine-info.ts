// The engine's info (GET /info) and an image's inspect over its local socket with node:http,
// without loading dockerode. Asking whether the engine has GPUs, and which image a base's tag names
// here, is all a warm run needs of it (its resolution and smoke results are reused), and dockerode
// with its dependencies is the bundle's largest chunk: loading it cost a warm `ml-image run` about
// 80 ms and a major garbage collection. The socket is the one
// docker-modem (dockerode's connection) would use: DOCKER_HOST=unix://PATH, or without DOCKER_HOST
// $HOME/.docker/run/docker.sock when it exists, else /var/run/docker.sock. Any other engine
// (tcp://, ssh://, a named pipe) is left to dockerode, and so is any failure here: the caller
// asks dockerode, which says what is wrong in the usual words.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { homedir } from 'node:os';
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The engine's local socket as docker-modem picks it; undefined for any other DOCKER_HOST. */
export function localEngineSocket(
  env: Env,
  platform: string = process.platform,
  exists: (file: string) => boolean = existsSync,
  home: string = homedir(),
): string | undefined {
  if (platform === 'win32') return undefined;
  const host = env.DOCKER_HOST;
  if (host) {
    if (!host.startsWith('unix://')) return undefined;
    const given = host.slice('unix://'.length);
    if (given) return given;
  }
  const user = path.join(home, '.docker', 'run', 'docker.sock');
  return exists(user) ? user : '/var/run/docker.sock';
}

/** An engine's answer over its socket: the status and the parsed JSON body. */
interface SocketAnswer {
  status: number;
  body: unknown;
}

/**
 * GET PATH on SOCKET: the status and the parsed JSON, or undefined on any failure (no engine, a
 * body that is not JSON, the timeout): the caller then asks dockerode.
 */
export function getOverSocket(
  socket: string,
  apiPath: string,
  timeoutMs = 10_000,
): Promise<SocketAnswer | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath: socket, path: apiPath, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => resolve(undefined));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    // Whatever else ends the request without an answer (resolving again after one does nothing).
    req.on('close', () => resolve(undefined));
  });
}

/** GET /info on SOCKET: the parsed JSON, or undefined on any failure (the caller asks dockerode). */
export async function infoOverSocket(socket: string, timeoutMs = 10_000): Promise<unknown> {
  const answer = await getOverSocket(socket, '/info', timeoutMs);
  return answer?.status === 200 ? answer.body : undefined;
}

/** The local engine's info when DOCKER_HOST names a local socket (or none); else undefined. */
export async function localEngineInfo(env: Env = process.env): Promise<unknown> {
  const socket = localEngineSocket(env);
  return socket === undefined ? undefined : infoOverSocket(socket);
}

/** What an image reference may hold (a name, tag, digest or id): nothing a URL path must escape. */
const PLAIN_REF = /^[A-Za-z0-9][\w.:@/-]*$/;

/**
 * The local engine's inspect of image REF (GET /images/REF/json), never pulled: its JSON, null
 * when the engine holds no such image (404), undefined when this cannot tell (another engine, a
 * failure, a reference outside the plain form): the caller then asks dockerode.
 */
export async function localImageInspect(ref: string, env: Env = process.env): Promise<unknown> {
  const socket = localEngineSocket(env);
  if (socket === undefined || !PLAIN_REF.test(ref) || ref.includes('..')) return undefined;
  const answer = await getOverSocket(socket, `/images/${ref}/json`);
  if (answer?.status === 200) return answer.body;
  return answer?.status === 404 ? null : undefined;
}
