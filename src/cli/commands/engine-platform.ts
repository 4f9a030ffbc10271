// "This machine's platform" for the commands that name or choose one without a --platform and do
// not otherwise need the engine: the Docker engine's (GET /version: Os, Arch), which is what runs
// the containers. Node's process.arch is not it: an x64 Node under Rosetta on an Apple silicon Mac
// says x64 while the engine is arm64. Asked only of a local engine (the socket of DOCKER_HOST or
// the current Docker context: context.ts), with a request that is destroyed at its timeout, so an
// engine that accepts and never answers cannot hold the command open; a remote engine is not asked.
import { contextIfAny, engineEnv } from '../../docker/context.js';
import { getOverSocket, localEngineSocket } from '../../docker/engine-info.js';
import { enginePlatform } from '../../docker/engine-platform.js';
import type { CliIo } from '../io.js';

/** How long a command that only words a hint (or picks a tag) waits for the engine's answer. */
const ASK_MS = 3000;

/**
 * The local engine's platform (linux/amd64, linux/arm64), or undefined when there is none to ask
 * (a remote engine, a Docker context that does not exist) or it does not answer within `ms`: for
 * wording and choices only, never where a command needs the engine anyway (that one pings and
 * fails with the daemon's fix, exit 3).
 */
export async function askEnginePlatform(io: Pick<CliIo, 'env'>, ms = ASK_MS): Promise<string | undefined> {
  const socket = localEngineSocket(engineEnv(io.env, contextIfAny(io.env)));
  if (socket === undefined) return undefined;
  const answer = await getOverSocket(socket, '/version', ms);
  const body = answer?.status === 200 ? (answer.body as { Os?: unknown; Arch?: unknown }) : undefined;
  return typeof body?.Os === 'string' && typeof body.Arch === 'string'
    ? enginePlatform({ os: body.Os, arch: body.Arch })
    : undefined;
}

/** The fix of --load with several platforms: the engine's own platform when it answers. */
export async function loadOnePlatformFix(io: Pick<CliIo, 'env'>): Promise<string> {
  const platform = await askEnginePlatform(io);
  return platform !== undefined
    ? `add --platforms ${platform} (this engine's platform; another one runs under QEMU), or push to a registry`
    : "add --platforms with one platform, this machine's (linux/arm64 on Apple silicon, linux/amd64 on most PCs and runners), or push to a registry";
}
