// Exec sessions: one container kept idling so that several commands reuse it (and pip's cache in
// it). It ends by itself at its deadline, and is removed on close and on interrupt. It runs
// hardened (sessionHostConfig): no capabilities, no new privileges, a process limit; and with no
// GPU: a session never asks for one (SessionSpec has no way to), so createManaged's environment
// says NVIDIA_VISIBLE_DEVICES=void, over the spec's and the image's (containers-spec.ts
// containerEnv). On a host whose dockerd runs the NVIDIA runtime by default, that runtime would
// otherwise give every GPU to a CUDA base image (its ENV says NVIDIA_VISIBLE_DEVICES=all).
import path from 'node:path';
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { removeWithin, setupWithin } from './container-removal.js';
import { interruptedFailure, registerCleanup } from '../util/cleanup.js';
import type { ContainerSession, ExecResult, SessionSpec } from './adapter.js';
import type { EngineClient } from './client.js';
import { createManaged } from './containers.js';
import { sessionCommand, sessionIdle, sessionSeconds, timerMs } from './deadline.js';
import { engineMessage, parseAnswer } from './failures.js';
import { ensureImage } from './images.js';
import { collectOutput, overflowNote } from './streams.js';
import { type TarEntry, tarArchive } from './tar.js';

const ExecInspectSchema = z.object({ ExitCode: z.number().nullable().optional() });

type ExecOptions = Parameters<ContainerSession['exec']>[1];

/** Run one command in the session's container; on timeout its stream is dropped (exit -1). */
async function execIn(
  client: EngineClient,
  container: Dockerode.Container,
  cmd: readonly string[],
  options: NonNullable<ExecOptions>,
): Promise<ExecResult & { timedOut: boolean }> {
  const ex = await client.call(() =>
    container.exec({
      Cmd: [...cmd],
      AttachStdout: true,
      AttachStderr: true,
      Env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
    }),
  );
  const stream = await client.call(() => ex.start({ hijack: true, stdin: false }));
  const output = { stdout: '', stderr: '' };
  const ended = collectOutput(
    await client.docker(),
    stream,
    (s, which) => {
      output[which] += s;
    },
    {
      // Stop reading: the exec's process goes with the session (removed when it closes).
      onOverflow: (which) => {
        output.stderr += overflowNote(which);
        stream.destroy();
      },
    },
  ).then(() => 'ended' as const);
  let timer: NodeJS.Timeout | undefined;
  const limitMs = options.timeoutMs;
  const outcome = await (limitMs === undefined
    ? ended
    : Promise.race([
        ended,
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timerMs(limitMs));
        }),
      ]));
  if (timer) clearTimeout(timer);
  if (outcome === 'timeout') {
    stream.destroy();
    return { exitCode: -1, ...output, timedOut: true };
  }
  const info = parseAnswer(
    ExecInspectSchema,
    await ex.inspect(),
    `the engine's inspect of an exec in ${container.id}`,
  );
  return { exitCode: info.ExitCode ?? -1, ...output, timedOut: false };
}

/**
 * The archive putFiles sends: `dir`'s last component (mode 0700) holding the files (mode 0600),
 * to be extracted in `dir`'s parent.
 */
export function sessionArchive(
  dir: string,
  files: Readonly<Record<string, string>>,
  owner: SessionUser = { uid: 0, gid: 0 },
): { parent: string; entries: TarEntry[] } {
  const base = path.posix.basename(dir);
  return {
    parent: path.posix.dirname(dir),
    entries: [
      { name: `${base}/`, mode: 0o700, ...owner },
      ...Object.entries(files).map(([name, content]) => ({
        name: `${base}/${name}`,
        content,
        mode: 0o600,
        ...owner,
      })),
    ],
  };
}

/** The numeric user and group a session's execs run as. */
interface SessionUser {
  uid: number;
  gid: number;
}

/**
 * The ids in `id`'s answer ("uid=1000(app) gid=1000(app) groups=...", GNU coreutils and busybox
 * alike); undefined for anything else. Pure.
 */
export function parseIdOutput(out: string): SessionUser | undefined {
  const m = /^uid=(\d+)(?:\([^)]*\))? gid=(\d+)/.exec(out.trim());
  return m ? { uid: Number(m[1]), gid: Number(m[2]) } : undefined;
}

/**
 * The most processes (threads included) a session's container may run. Enough for pip building an
 * sdist with meson-python (numpy, scipy: a dry run for a platform with no matching wheel, arm64
 * above all): ninja starts about one job per core, each job some three processes, and QEMU adds
 * threads of its own; on a 256-core host that is well past a few hundred, and a limit hit there
 * reads as a pip failure (EAGAIN from fork), not as a limit. 8192, the limit of the smoke stage's
 * containers, leaves room for that and still stops a fork bomb in a setup.py long before the host's
 * pid_max.
 */
export const SESSION_PIDS_LIMIT = 8192;

/**
 * HostConfig of a session's container. Its image and the code run in it (an sdist's setup.py
 * while pip builds its metadata) may come from a pull request, so it runs with no capabilities
 * (root in it is an ordinary user that owns /tmp, its home and the volumes it created: pip needs no
 * more), may not gain any (setuid binaries, file capabilities) and has a bounded process count.
 * Removed by the engine once it ends (at its deadline, after a killed CLI) as well as on close.
 */
export function sessionHostConfig(spec: SessionSpec): Record<string, unknown> {
  return {
    AutoRemove: true,
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    PidsLimit: SESSION_PIDS_LIMIT,
    ...(spec.network !== undefined && { NetworkMode: spec.network }),
    ...(spec.volumes?.length && {
      Mounts: spec.volumes.map((v) => ({
        Type: 'volume',
        Source: v.name,
        Target: v.target,
        VolumeOptions: { Labels: { ...v.labels } },
      })),
    }),
  };
}

export async function startSession(client: EngineClient, spec: SessionSpec): Promise<ContainerSession> {
  await ensureImage(client, spec.image, spec.platform);
  const container = await createManaged(client, spec, {
    // Idle until closed, until its deadline, or until no command has run in it for idleMs (so a
    // killed CLI leaves nothing running for long); the image's entrypoint is bypassed so any image
    // with a shell works.
    ...sessionCommand(sessionSeconds(spec), sessionIdle(spec)),
    HostConfig: sessionHostConfig(spec),
  });
  let removed = false;
  let user: Promise<SessionUser | undefined> | undefined;
  // Bounded; one that did not happen stays registered, to be tried again (container-removal.ts).
  const close = async () => (removed ||= await removeWithin(container));
  const unregister = registerCleanup(async () => void (await close()));
  try {
    await setupWithin(
      client.call(() => container.start()),
      `the start of container ${container.id.slice(0, 12)}`,
    );
  } catch (e) {
    if (await close()) unregister();
    // A signal's cleanup removed it while it was being started (409 "marked for removal").
    throw interruptedFailure(`starting a container of ${spec.image}`, engineMessage(e), e) ?? e;
  }
  return {
    containerId: container.id,
    exec: (cmd, options = {}) => execIn(client, container, cmd, options),
    async putFiles(dir, files) {
      // The files belong to the container's user (the one exec runs as), not root: its numeric ids,
      // asked of the container once, go in the archive. Not copyUIDGID: the engine looks a named
      // USER ("app") up in the host's passwd, not the image's (moby/moby#34142), and fails with a 500
      // ("getent unable to find entry") for a user the host does not have. An image without `id`
      // keeps copyUIDGID (a numeric USER, or root).
      user ??= execIn(client, container, ['id'], { timeoutMs: 30_000 }).then(
        (r) => (r.exitCode === 0 ? parseIdOutput(r.stdout) : undefined),
        () => undefined,
      );
      const owner = await user;
      const { parent, entries } = sessionArchive(dir, files, owner);
      const options = owner ? { path: parent } : { path: parent, copyUIDGID: '1' };
      await client.call(() => container.putArchive(tarArchive(entries), options));
    },
    async close() {
      if (await close()) unregister();
    },
  };
}
