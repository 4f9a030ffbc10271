// Plain-object stand-ins for the side-effect interfaces (unit tests only).
import Dockerode from 'dockerode';
import type { CliIo } from '../../src/cli/io.js';
import type {
  CommandRunner,
  ContainerRunResult,
  ContainerSession,
  DaemonFeatures,
  DockerAdapter,
  ExecResult,
  ImageDetails,
} from '../../src/docker/adapter.js';
import { engineClient, type EngineClient } from '../../src/docker/client.js';

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
    imagetoolsRaw: unexpected('imagetoolsRaw'),
    imagePlatform: unexpected('imagePlatform'),
    runContainer: unexpected('runContainer'),
    inspectImage: unexpected('inspectImage'),
    inspectLocalImage: unexpected('inspectLocalImage'),
    removeImage: unexpected('removeImage'),
    startSession: unexpected('startSession'),
    listManagedContainers: unexpected('listManagedContainers'),
    removeContainers: unexpected('removeContainers'),
    ...overrides,
  };
}

/** What inspectImage answers for a plain amd64 image with no user, entrypoint or environment. */
export function imageDetails(over: Partial<ImageDetails> = {}): ImageDetails {
  return {
    id: 'sha256:1',
    repoDigests: [],
    os: 'linux',
    architecture: 'amd64',
    sizeBytes: 1,
    layers: 1,
    labels: {},
    user: '',
    entrypoint: null,
    cmd: null,
    env: [],
    ...over,
  };
}

/** What runContainer answers for a container that exited (0 unless OVER says otherwise) in 1 ms. */
export function containerResult(over: Partial<ContainerRunResult> = {}): ContainerRunResult {
  return { containerId: 'c', exitCode: 0, timedOut: false, stdout: '', stderr: '', durationMs: 1, ...over };
}

/** What daemonFeatures answers for an engine with no GPU runtime, CDI or store named. */
export function daemonFeatures(over: Partial<DaemonFeatures> = {}): DaemonFeatures {
  return { runtimes: [], cdiSpecDirs: [], cdiDevices: [], ...over };
}

/** The calls of dockerode a fake engine answers itself (any other is dockerode's own, over no socket). */
export type DockerodeAnswers = { [K in keyof Dockerode]?: (...args: never[]) => unknown };

/** docker-modem's dial: the requests dockerode sends without a method of its own (an inspect with options). */
export type ModemDial = (
  opts: { path: string; options?: Record<string, string | undefined> },
  cb: (err: unknown, data?: unknown) => void,
) => void;

/**
 * A real dockerode (its progress reader, its request building) whose engine calls are ANSWERS and,
 * below them, DIAL: it never reaches a socket. `client` is it as src/docker/client.ts wraps it.
 */
export function fakeDockerode(
  answers: DockerodeAnswers,
  dial?: ModemDial,
): { dockerode: Dockerode; client: EngineClient } {
  const dockerode = new Dockerode({ socketPath: '/nonexistent/docker.sock' });
  Object.assign(dockerode, answers);
  if (dial) Object.assign(dockerode.modem, { dial });
  return { dockerode, client: engineClient(dockerode) };
}

/** An engine's error answer as dockerode (docker-modem) throws it: the status, its JSON body. */
export const engineHttpError = (status: number, message: string): Error =>
  Object.assign(new Error(`(HTTP code ${status}) unexpected - ${message} `), {
    statusCode: status,
    json: { message },
  });

/** git as it answers outside a repository: every git read of the CLI's git context comes back empty. */
export const NOT_A_REPOSITORY: CommandRunner = {
  run: () =>
    Promise.resolve({
      exitCode: 128,
      stdout: '',
      stderr: 'fatal: not a git repository (or any of the parent directories): .git',
    }),
};

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
    // No command a test runs looks a host name up for real (`resolve`'s index hosts).
    lookupHost: () => Promise.resolve([]),
    // Nor runs git (plan's and validate's git context): the directory is no repository.
    git: NOT_A_REPOSITORY,
    out: () => out,
    err: () => err,
  };
}

/** A scripted ContainerSession: `exec` answers from `answer`; putFiles and exec calls are recorded. */
export function fakeSession(
  answer: (cmd: readonly string[], env: Readonly<Record<string, string>>) => Partial<ExecResult>,
): ContainerSession & {
  files: Record<string, string>;
  calls: { cmd: readonly string[]; env: Readonly<Record<string, string>> }[];
  closed: () => boolean;
} {
  const files: Record<string, string> = {};
  const calls: { cmd: readonly string[]; env: Readonly<Record<string, string>> }[] = [];
  let closed = false;
  return {
    containerId: 'fake-session',
    files,
    calls,
    closed: () => closed,
    exec(cmd, options = {}) {
      const env = options.env ?? {};
      calls.push({ cmd, env });
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', timedOut: false, ...answer(cmd, env) });
    },
    putFiles(dir, put) {
      for (const [n, c] of Object.entries(put)) files[`${dir}/${n}`] = c;
      return Promise.resolve();
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
