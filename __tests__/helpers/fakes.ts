// Plain-object stand-ins for the side-effect interfaces (unit tests only).
import type { CliIo } from '../../src/cli/io.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';

export function fakeDocker(overrides: Partial<DockerAdapter> = {}): DockerAdapter {
  const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call: docker.${name}`));
  return {
    ping: unexpected('ping'),
    daemonFeatures: unexpected('daemonFeatures'),
    buildxVersion: unexpected('buildxVersion'),
    buildxInspect: unexpected('buildxInspect'),
    imageDigest: unexpected('imageDigest'),
    buildx: unexpected('buildx'),
    imagetoolsCreate: unexpected('imagetoolsCreate'),
    imagetoolsInspect: unexpected('imagetoolsInspect'),
    runContainer: unexpected('runContainer'),
    inspectImage: unexpected('inspectImage'),
    startSession: unexpected('startSession'),
    listManagedContainers: unexpected('listManagedContainers'),
    ...overrides,
  };
}

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

export function captureIo(
  cwd: string,
  docker: DockerAdapter = fakeDocker(),
  env: Record<string, string> = { ML_IMAGE_CACHE_DIR: `${cwd}/.ml-image-cache` },
): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    cwd,
    env,
    docker: () => docker,
    out: () => out,
    err: () => err,
  };
}
