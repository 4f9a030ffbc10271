// DockerAdapter over the real engine, composed of its three concerns: buildx through the docker
// CLI (buildx.ts), containers through dockerode (containers.ts; the engine's info over its local
// socket, engine-info.ts) and exec sessions (sessions.ts).
import { Agent as HttpsAgent } from 'node:https';
import type Dockerode from 'dockerode';
import { isInterrupted, registerCleanup } from '../util/cleanup.js';
import { RUN_ID } from '../util/run-id.js';
import { type CommandRunner, type DockerAdapter, RUN_LABEL } from './adapter.js';
import { createBuildxCli } from './buildx.js';
import { engineClient } from './client.js';
import { type ContextEndpoint, currentContext, engineEnv, modemOptions } from './context.js';
import { createContainerOps, creationsSettled, type LocalEngine } from './containers.js';
import { localEngineInfo, localImageInspect } from './engine-info.js';
import { ActionsExecRunner } from './exec-runner.js';
import { engineContexts } from './failures.js';
import { startSession } from './sessions.js';

interface EngineDeps {
  /** The engine client, or a loader for it: dockerode is only loaded when a container is needed. */
  docker: Dockerode | (() => Promise<Dockerode>);
  exec: CommandRunner;
  /** The docker CLI (default "docker"). */
  dockerCli?: string;
  /** The engine's info and image inspects read without dockerode (engine-info.ts). */
  local?: LocalEngine;
}

export function createDockerAdapter(deps: EngineDeps): DockerAdapter {
  const client = engineClient(deps.docker);
  return {
    ...createBuildxCli(deps.exec, deps.dockerCli ?? 'docker'),
    ...createContainerOps(client, deps.local),
    startSession: (spec) => startSession(client, spec),
  };
}

/** How long an interrupted process waits at least before its sweep (the engine registering a container). */
const SWEEP_SETTLE_MS = 500;
/** The longest it waits for the container creations it sent to be answered (a slow engine). */
const SWEEP_CREATIONS_MAX_MS = 15_000;

/**
 * On an interrupt, after the per-container cleanups: remove every container that carries this
 * process's run label, including one whose creation was still in flight when the signal came
 * (so it was never registered, and never started, so its in-container deadline cannot end it).
 * At a normal end (the CLI and the action run what is still registered) it does nothing: each
 * container's owner has removed it, and the settle wait would only delay the exit.
 */
export function sweepRunOnInterrupt(
  docker: DockerAdapter,
  settleMs = SWEEP_SETTLE_MS,
  creations: () => Promise<void> = creationsSettled,
): () => void {
  return registerCleanup(async () => {
    if (!isInterrupted()) return;
    // The creations still in flight are waited for (a container the engine makes after the sweep
    // would be left behind, never started), at most SWEEP_CREATIONS_MAX_MS.
    let timer: NodeJS.Timeout | undefined;
    const sleep = (ms: number) => new Promise<void>((r) => (timer = setTimeout(r, ms)));
    await Promise.race([
      Promise.all([creations(), new Promise((r) => setTimeout(r, settleMs))]),
      sleep(Math.max(settleMs, SWEEP_CREATIONS_MAX_MS)),
    ]);
    clearTimeout(timer);
    const ids = await docker.listManagedContainers({ [RUN_LABEL]: RUN_ID }).catch(() => []);
    if (ids.length > 0) await docker.removeContainers(ids).catch(() => undefined);
  });
}

/**
 * dockerode connected to the engine the docker CLI uses: DOCKER_HOST, else the current Docker
 * context's engine (context.ts), else the default socket.
 */
async function loadDockerode(context: ContextEndpoint | undefined): Promise<Dockerode> {
  const Docker = (await import('dockerode')).default;
  if (context === undefined) return new Docker();
  const { rejectUnauthorized, ...options } = modemOptions(context, process.env);
  const docker = new Docker({
    ...options,
    ...(rejectUnauthorized === false ? { agent: new HttpsAgent({ rejectUnauthorized: false }) } : {}),
  });
  engineContexts.set(docker, context);
  return docker;
}

/** The adapter over the engine the docker CLI uses (DOCKER_HOST, the Docker context, or the default socket). Connects lazily. */
export function createDefaultDockerAdapter(): DockerAdapter {
  // Read once, when the engine is first needed: a context that does not exist is exit 3 then.
  let context: { value: ContextEndpoint | undefined } | undefined;
  const contextNow = () => (context ??= { value: currentContext(process.env) }).value;
  const env = () => engineEnv(process.env, contextNow());
  const docker = createDockerAdapter({
    docker: async () => loadDockerode(contextNow()),
    exec: new ActionsExecRunner(),
    local: { info: () => localEngineInfo(env()), image: (ref) => localImageInspect(ref, env()) },
  });
  sweepRunOnInterrupt(docker);
  return docker;
}
