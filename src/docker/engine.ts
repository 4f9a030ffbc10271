// DockerAdapter over the real engine, composed of its three concerns: buildx through the docker
// CLI (buildx.ts), containers through dockerode (containers.ts) and exec sessions (sessions.ts).
import type Dockerode from 'dockerode';
import type { CommandRunner, DockerAdapter } from './adapter.js';
import { createBuildxCli } from './buildx.js';
import { engineClient } from './client.js';
import { createContainerOps } from './containers.js';
import { ActionsExecRunner } from './exec-runner.js';
import { startSession } from './sessions.js';

// Callers outside docker/ that import the CLI failure classifier from here.
export { cliFailure } from './failures.js';

export interface EngineDeps {
  /** The engine client, or a loader for it: dockerode is only loaded when a container is needed. */
  docker: Dockerode | (() => Promise<Dockerode>);
  exec: CommandRunner;
  /** The docker CLI (default "docker"). */
  dockerCli?: string;
}

export function createDockerAdapter(deps: EngineDeps): DockerAdapter {
  const client = engineClient(deps.docker);
  return {
    ...createBuildxCli(deps.exec, deps.dockerCli ?? 'docker'),
    ...createContainerOps(client),
    startSession: (spec) => startSession(client, spec),
  };
}

/** The adapter over the engine DOCKER_HOST (or the default socket) points at. Connects lazily. */
export function createDefaultDockerAdapter(): DockerAdapter {
  return createDockerAdapter({
    docker: async () => new (await import('dockerode')).default(),
    exec: new ActionsExecRunner(),
  });
}
