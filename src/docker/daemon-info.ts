// What the engine says of itself, parsed (not cast): its version (the adapter's ping, over a
// connection of its own) and its features (runtimes and CDI devices: whether it has GPUs). The
// local engine's info comes over its socket without dockerode where it can (engine-info.ts).
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type Dockerode from 'dockerode';
import { z } from 'zod';
import type { DaemonFeatures, EngineInfo } from './adapter.js';
import { readCdiDevices } from './cdi.js';
import type { EngineClient } from './client.js';
import { parseAnswer } from './failures.js';
import { storeOfInfo } from './size-kind.js';

/**
 * The client over a connection of its own: a daemon that shuts down closes its listener first but
 * still serves pooled keep-alive connections, so only a new connection tells that it has gone.
 */
function freshConnection(docker: Dockerode): Dockerode {
  const https = Reflect.get(docker.modem, 'protocol') === 'https';
  // A Docker context that skips TLS verification gave the client an agent that does (engine.ts).
  const given: unknown = Reflect.get(docker.modem, 'agent');
  const verify = !(given instanceof HttpsAgent && given.options.rejectUnauthorized === false);
  const agent = https
    ? new HttpsAgent({ keepAlive: false, ...(verify ? {} : { rejectUnauthorized: false }) })
    : new HttpAgent({ keepAlive: false });
  const modem: unknown = Object.assign(Object.create(docker.modem) as object, { agent });
  return Object.create(docker, { modem: { value: modem } }) as Dockerode;
}

const VersionSchema = z.object({
  Version: z.string(),
  ApiVersion: z.string(),
  Os: z.string(),
  Arch: z.string(),
});
const InfoSchema = z.object({
  Runtimes: z.record(z.string(), z.unknown()).nullable().optional(),
  CDISpecDirs: z.array(z.string()).nullable().optional(),
  /** API 1.50+ (Docker 28.2+): the devices of the engine's device drivers (CDI: "nvidia.com/gpu=0"). */
  DiscoveredDevices: z
    .array(z.object({ Source: z.string().optional(), ID: z.string().optional() }))
    .nullable()
    .optional(),
});

/** The engine's version (DockerAdapter.ping), asked over a fresh connection. */
export async function pingEngine(client: EngineClient): Promise<EngineInfo> {
  const raw = await client.call((docker) => freshConnection(docker).version());
  const v = parseAnswer(VersionSchema, raw, "the engine's version");
  return { version: v.Version, apiVersion: v.ApiVersion, os: v.Os, arch: v.Arch };
}

/**
 * The engine listens on a unix socket of this machine, so its CDI spec directories are ours to read:
 * a socket path, or (docker-modem 5, no DOCKER_HOST) the function that picks the default socket.
 */
function isLocalEngine(docker: Dockerode): boolean {
  const modem: unknown = Reflect.get(docker, 'modem');
  const socketPath: unknown =
    typeof modem === 'object' && modem !== null ? Reflect.get(modem, 'socketPath') : undefined;
  if (typeof socketPath === 'function') return process.platform !== 'win32';
  return typeof socketPath === 'string' && socketPath.startsWith('/') && !socketPath.startsWith('//');
}

/**
 * The engine's info: its runtimes and CDI devices (the engine's list, else the local spec files),
 * and its image store (size-kind.ts storeOfInfo).
 * LOCAL_INFO answers from the local engine's socket without loading dockerode (engine-info.ts);
 * undefined from it (another engine, or a failure) asks dockerode.
 */
export async function daemonFeatures(
  client: EngineClient,
  localInfo?: () => Promise<unknown>,
): Promise<DaemonFeatures> {
  const local = await localInfo?.();
  const raw = local ?? (await client.call((docker) => docker.info()));
  const info = parseAnswer(InfoSchema, raw, "the engine's info");
  const cdiSpecDirs = info.CDISpecDirs ?? [];
  const discovered = info.DiscoveredDevices;
  const cdiDevices = discovered
    ? discovered.flatMap((d) => (d.ID ? [d.ID] : []))
    : local !== undefined || isLocalEngine(await client.docker())
      ? readCdiDevices(cdiSpecDirs)
      : [];
  const imageStore = storeOfInfo(raw);
  return {
    runtimes: Object.keys(info.Runtimes ?? {}),
    cdiSpecDirs,
    cdiDevices,
    ...(imageStore !== undefined && { imageStore }),
  };
}
