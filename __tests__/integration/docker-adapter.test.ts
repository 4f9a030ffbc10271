// Proof the environment is real: buildx builds for amd64 and arm64 (QEMU), pushes to the local
// registry, the digests merge into one manifest list; dockerode runs containers and leaves none.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { DEFAULT_PIDS_LIMIT, LOOPBACK_HOSTNAME } from '../../src/docker/containers-spec.js';
import { MAX_STREAM_CHARS } from '../../src/docker/streams.js';
import { SESSION_SCRIPT } from '../../src/docker/deadline.js';

const env = inject('dockerEnv');
const runId = `${process.pid}-${Date.now()}`;

describe.skipIf(!env.available)('real Docker through the adapter', () => {
  let docker: DockerAdapter;
  let ctx: string;
  const images = env.images!;

  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    ctx = mkdtempSync(path.join(tmpdir(), 'ml-image-it-'));
  });
  afterAll(() => rmSync(ctx, { recursive: true, force: true }));

  it('reports engine, buildx and both platforms', async () => {
    const info = await docker.ping();
    expect(info.apiVersion).toMatch(/^1\.\d+$/);
    expect(await docker.buildxVersion()).toMatch(/^\d+\.\d+\.\d+/);
    const builder = await docker.buildxInspect();
    expect(builder.driver).toMatch(/^(docker|docker-container|remote|kubernetes)$/);
    expect(builder.platforms).toEqual(expect.arrayContaining(['linux/amd64', 'linux/arm64']));
    expect(await docker.imageDigest(images.busybox)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('builds per platform, pushes each, and merges the digests into one multi-arch tag', async () => {
    writeFileSync(
      path.join(ctx, 'Dockerfile'),
      `FROM ${images.busybox}\nRUN uname -m > /arch\nLABEL org.opencontainers.image.title=ml-image-it\n`,
    );
    const repo = `${images.registry}/ml-image-it/tiny`;
    const digests: Record<string, string> = {};
    for (const arch of ['amd64', 'arm64']) {
      const meta = path.join(ctx, `meta-${arch}.json`);
      // The docker driver cannot push by digest alone; a per-platform tag carries the push and
      // the metadata file gives the manifest digest that the merge uses.
      const r = await docker.buildx([
        'build',
        '--platform',
        `linux/${arch}`,
        '--provenance=false',
        '--output',
        `type=image,name=${repo}:it-${runId}-${arch},push=true`,
        '--metadata-file',
        meta,
        ctx,
      ]);
      expect(r.exitCode, r.stderr).toBe(0);
      const digest = JSON.parse(readFileSync(meta, 'utf8'))['containerimage.digest'] as string;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      digests[arch] = digest;
    }
    expect(digests.amd64).not.toBe(digests.arm64);

    const tag = `${repo}:it-${runId}`;
    await docker.imagetoolsCreate([tag], [`${repo}@${digests.amd64}`, `${repo}@${digests.arm64}`]);
    const index = await docker.imagetoolsInspect(tag);
    expect(index.mediaType).toMatch(/manifest\.list|image\.index/);
    expect(index.platforms.map((p) => `${p.os}/${p.architecture}`).sort()).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(index.platforms.find((p) => p.architecture === 'arm64')?.digest).toBe(digests.arm64);

    // Each platform's image really is that architecture: RUN executed under QEMU for arm64.
    for (const [arch, uname] of [
      ['amd64', 'x86_64'],
      ['arm64', 'aarch64'],
    ] as const) {
      const run = await docker.runContainer({
        image: `${repo}@${digests[arch]}`,
        platform: `linux/${arch}`,
        cmd: ['sh', '-c', 'cat /arch; uname -m'],
        labels: { 'ml-image-it': runId },
      });
      expect(run.exitCode).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual([uname, uname]);
    }
  });

  it('runs a container with dockerode: stdout, stderr and exit code, and removes it', async () => {
    const labels = { 'ml-image-it': runId, case: 'exit' };
    const chunks: string[] = [];
    const r = await docker.runContainer({
      image: images.busyboxAmd64,
      cmd: ['sh', '-c', 'echo out-$GREETING; echo err-line >&2; exit 7'],
      env: { GREETING: 'hello' },
      labels,
      onOutput: (c) => chunks.push(c),
    });
    expect(r.exitCode).toBe(7);
    expect(r.timedOut).toBe(false);
    expect(r.stdout).toBe('out-hello\n');
    expect(r.stderr).toBe('err-line\n');
    expect(chunks.join('')).toContain('out-hello');
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('every run is hardened: no capabilities, no-new-privileges, a pids limit, no network but loopback', async () => {
    const labels = { 'ml-image-it': runId, case: 'hardened' };
    const script = [
      'grep -E "^(CapEff|CapBnd|NoNewPrivs):" /proc/self/status',
      // cgroup v1 or v2
      'echo "pids.max: $(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max)"',
      'echo "interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d " " | sort | tr "\\n" " ")"',
      'echo "hostname: $(hostname) $(grep -w "$(hostname)" /etc/hosts | cut -f1)"',
      // busybox's ping opens a raw socket: CAP_NET_RAW, in Docker's default set, dropped here.
      'ping -c 1 -W 1 127.0.0.1 >/dev/null 2>&1 && echo "ping: yes" || echo "ping: no"',
      // No GPU asked: an engine whose default runtime is nvidia must give none (containers-spec.ts).
      'echo "gpus: ${NVIDIA_VISIBLE_DEVICES-unset}"',
    ].join('; ');
    const r = await docker.runContainer({ image: images.busyboxAmd64, cmd: ['sh', '-c', script], labels });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^CapEff:\s+0{16}$/m);
    expect(r.stdout).toMatch(/^CapBnd:\s+0{16}$/m);
    expect(r.stdout).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(r.stdout).toContain(`pids.max: ${DEFAULT_PIDS_LIMIT}\n`);
    expect(r.stdout).toContain('interfaces: lo \n');
    expect(r.stdout).toContain(`hostname: ${LOOPBACK_HOSTNAME} 127.0.0.1\n`);
    expect(r.stdout).toContain('ping: no\n');
    expect(r.stdout).toContain('gpus: void\n');
    // A network only when asked for (smoke.network: bridge): then there is an interface besides lo.
    const bridged = await docker.runContainer({
      image: images.busyboxAmd64,
      cmd: ['sh', '-c', script],
      network: 'bridge',
      labels,
    });
    expect(bridged.stdout).toMatch(/^interfaces: eth0 lo \n/m);
    expect(bridged.stdout).toMatch(/^CapEff:\s+0{16}$/m);
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('inspectLocalImage: what the engine holds, never pulled (a tag only the registry has is undefined)', async () => {
    const local = await docker.inspectLocalImage(images.busyboxAmd64);
    expect(local?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    // A tag in the registry that the engine never held: inspectImage would pull it.
    const remoteOnly = `${images.registry}/ml-image-it/remote-only:${runId}`;
    await docker.imagetoolsCreate([remoteOnly], [images.busybox]);
    expect(await docker.inspectLocalImage(remoteOnly)).toBeUndefined();
    expect(await docker.inspectLocalImage(remoteOnly)).toBeUndefined();
  });

  it('kills and removes a container that outlives its timeout', async () => {
    const labels = { 'ml-image-it': runId, case: 'timeout' };
    const r = await docker.runContainer({
      image: images.busyboxAmd64,
      cmd: ['sh', '-c', 'echo started; sleep 60'],
      labels,
      timeoutMs: 1500,
    });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.stdout).toContain('started');
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('stops a container that prints without end at the output cap, and says so (no crash, nothing left)', async () => {
    const labels = { 'ml-image-it': runId, case: 'flood' };
    const r = await docker.runContainer({
      image: images.busyboxAmd64,
      cmd: ['sh', '-c', 'yes'],
      labels,
      timeoutMs: 120_000,
      // The default is 32 MiB (MAX_STREAM_CHARS); 1 MiB tells the same, sooner.
      maxOutputChars: 1024 * 1024,
    });
    expect(MAX_STREAM_CHARS).toBe(32 * 1024 * 1024);
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).not.toBe(0);
    expect(r.stdout.length).toBe(1024 * 1024);
    expect(r.stderr).toContain('ml-image: the stdout passed 1 MiB: stopped');
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('keeps a session container for several execs, with exit codes and a timeout, then removes it', async () => {
    const labels = { 'ml-image-it': runId, case: 'session' };
    const session = await docker.startSession({ image: images.busyboxAmd64, labels });
    try {
      const a = await session.exec(['sh', '-c', 'echo one > /tmp/state; echo made'], { env: { X: '1' } });
      expect(a).toMatchObject({ exitCode: 0, stdout: 'made\n', timedOut: false });
      const b = await session.exec(['sh', '-c', 'cat /tmp/state; echo oops >&2; exit 4']);
      expect(b).toMatchObject({ exitCode: 4, stdout: 'one\n', stderr: 'oops\n' });
      const c = await session.exec(['sleep', '30'], { timeoutMs: 1000 });
      expect(c.timedOut).toBe(true);
      // The run label is applied: a leak check scoped by it sees this live container.
      expect(await docker.listManagedContainers({ ...labels, [RUN_LABEL]: RUN_ID })).toHaveLength(1);
    } finally {
      await session.close();
    }
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it("putFiles into a session whose image's USER is a name the host does not have: owned by it, writable", async () => {
    // The engine's copyUIDGID looks a named user up in the host's passwd (moby/moby#34142): a USER
    // "app" that only the image has failed with a 500 there ("getent unable to find entry").
    const tag = `ml-image-it/named-user:${process.pid}`;
    execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
      // The test bed's busybox has no adduser: the user is written into /etc/passwd and /etc/group.
      input: `FROM ${images.busyboxAmd64}\nRUN echo 'mlimageitapp:x:4242:4242::/tmp:/bin/sh' >> /etc/passwd && echo 'mlimageitapp:x:4242:' >> /etc/group\nUSER mlimageitapp\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    const labels = { 'ml-image-it': runId, case: 'named-user' };
    const session = await docker.startSession({ image: tag, labels });
    try {
      await session.putFiles('/tmp/ws', { 'req.txt': 'numpy<2\n' });
      const r = await session.exec([
        'sh',
        '-c',
        'id; ls -lnd /tmp/ws; ls -ln /tmp/ws; cat /tmp/ws/req.txt; echo out > /tmp/ws/report.json && echo wrote',
      ]);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n');
      expect(lines[0]).toMatch(/^uid=4242\(mlimageitapp\) gid=4242/);
      expect(lines[1]).toMatch(/^drwx------ +\d+ 4242 +4242 .* \/tmp\/ws$/);
      expect(lines.find((l) => l.endsWith(' req.txt'))).toMatch(/^-rw------- +1 4242 +4242 /);
      expect(lines.slice(-3)).toEqual(['numpy<2', 'wrote', '']);
    } finally {
      await session.close();
      execFileSync('docker', ['image', 'rm', '-f', tag], { stdio: 'pipe' });
    }
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('a container ends by its own deadline even when nothing on this side kills it', async () => {
    const labels = { 'ml-image-it': runId, case: 'deadline' };
    // The host-side timeout is far away: only the deadline inside the container can end it.
    const r = await docker.runContainer({
      image: images.busyboxAmd64,
      cmd: ['sh', '-c', 'echo started; sleep 100000'],
      labels,
      timeoutMs: 600_000,
      deadlineMs: 2000,
    });
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(143); // the command got SIGTERM from the watchdog
    expect(r.stdout).toBe('started\n');
    expect(r.stderr).toContain('ml-image: deadline of 2s passed');
    expect(r.inContainerDeadline).toBe(true);
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('under the deadline wrapper: exit codes, argv with spaces, and a missing command as docker run says it', async () => {
    const labels = { 'ml-image-it': runId, case: 'wrapper' };
    const quoted = await docker.runContainer({
      image: images.busyboxAmd64,
      entrypoint: ['printf'],
      cmd: ['[%s]', 'a b', '', '$HOME;x'],
      labels,
      timeoutMs: 60_000,
    });
    expect(quoted).toMatchObject({ exitCode: 0, stdout: '[a b][][$HOME;x]', stderr: '' });
    const missing = await docker.runContainer({
      image: images.busyboxAmd64,
      entrypoint: ['no-such-command'],
      cmd: ['x'],
      labels,
      timeoutMs: 60_000,
    });
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).toContain('exec: "no-such-command": executable file not found in $PATH');
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  it('an image without /bin/sh runs without the in-container deadline, and says so', async () => {
    const tag = `ml-image-it/no-shell:${runId}`;
    writeFileSync(
      path.join(ctx, 'Dockerfile.nosh'),
      `FROM ${images.busyboxAmd64} AS bb\nFROM scratch\nCOPY --from=bb /bin/busybox /busybox\n`,
    );
    const b = await docker.buildx([
      'build',
      '--platform',
      'linux/amd64',
      '--load',
      '-t',
      tag,
      '-f',
      path.join(ctx, 'Dockerfile.nosh'),
      ctx,
    ]);
    expect(b.exitCode, b.stderr).toBe(0);
    const labels = { 'ml-image-it': runId, case: 'no-shell' };
    try {
      const r = await docker.runContainer({
        image: tag,
        entrypoint: ['/busybox'],
        cmd: ['echo', 'no shell here'],
        labels,
        timeoutMs: 60_000,
      });
      expect(r).toMatchObject({ exitCode: 0, stdout: 'no shell here\n', inContainerDeadline: false });
      expect(await docker.listManagedContainers(labels)).toEqual([]);
    } finally {
      const Dockerode = (await import('dockerode')).default;
      await new Dockerode()
        .getImage(tag)
        .remove({ force: true })
        .catch(() => undefined);
    }
  });

  it('a session container stops by itself at its deadline, and the engine removes it', async () => {
    const labels = { 'ml-image-it': runId, case: 'session-deadline' };
    const session = await docker.startSession({ image: images.busyboxAmd64, labels, deadlineMs: 1000 });
    try {
      const Dockerode = (await import('dockerode')).default;
      const c = new Dockerode().getContainer(session.containerId);
      // Running (or just ended), then gone: AutoRemove, so a killed CLI leaves nothing either.
      let state: 'running' | 'stopped' | 'gone' = 'running';
      for (let i = 0; i < 100 && state !== 'gone'; i++) {
        state = await c.inspect().then(
          (x) => (x.State.Running ? 'running' : 'stopped'),
          (e: { statusCode?: number }) => {
            if (e.statusCode === 404) return 'gone' as const;
            throw e;
          },
        );
        if (state !== 'gone') await new Promise((r) => setTimeout(r, 200));
      }
      expect(state).toBe('gone');
    } finally {
      await session.close();
    }
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  // A CLI killed by SIGKILL (no cleanup) left its resolve session idling for its whole deadline,
  // hours for a long requirements file, with the files copied into it. It now ends once no command
  // has run in it for idleMs; a command running (a `docker exec`) keeps it.
  it('a session container ends once no command has run in it for idleMs, not before', async () => {
    const labels = { 'ml-image-it': runId, case: 'session-idle' };
    const session = await docker.startSession({
      image: images.busyboxAmd64,
      labels,
      deadlineMs: 600_000,
      idleMs: 3000,
    });
    const Dockerode = (await import('dockerode')).default;
    const c = new Dockerode().getContainer(session.containerId);
    const state = () =>
      c.inspect().then(
        (x) => (x.State.Running ? 'running' : 'stopped'),
        (e: { statusCode?: number }) => {
          if (e.statusCode === 404) return 'gone' as const;
          throw e;
        },
      );
    try {
      // Busy for 8 s: more than twice idleMs, and it lives on.
      const r = await session.exec(['sh', '-c', 'sleep 8; echo done']);
      expect(r.stdout).toBe('done\n');
      expect(await state()).toBe('running');
      let now: string = 'running';
      for (let i = 0; i < 100 && now !== 'gone'; i++) {
        now = await state();
        if (now !== 'gone') await new Promise((r) => setTimeout(r, 200));
      }
      expect(now).toBe('gone');
    } finally {
      await session.close();
    }
    expect(await docker.listManagedContainers(labels)).toEqual([]);
  });

  // A review's finding: under an init the daemon adds (dockerd --init, daemon.json "init": true)
  // the loop is not PID 1, so counting every process but PID 1 saw itself as a command and never
  // ended before its deadline (600 s here: the call would fail at its 120 s guard).
  it('the idle loop ends under an init as PID 1 too', () => {
    const out = execFileSync(
      'docker',
      [
        'run',
        '--rm',
        '--init',
        '--entrypoint',
        'sh',
        images.busyboxAmd64,
        '-c',
        SESSION_SCRIPT,
        'x',
        '600',
        '2',
        '1',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(out).toBe('');
  });

  it('leaves no container of this run behind', async () => {
    expect(await docker.listManagedContainers({ 'ml-image-it': runId })).toEqual([]);
  });
});
