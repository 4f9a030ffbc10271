// Resolve on real pip (the test bed's python:3.11 image, pip 23): what pip says, read right when it
// names no line, or names the requirement with its pin. An index that refuses pip's login is exit 3
// whatever the line pins; a local path missing inside the base image is exit 2 at its file:line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { captureIo } from '../helpers/fakes.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)("resolve: pip's words for a refused index and a missing path", () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  /** An index answering 401 to every request. */
  let refusing: Server;
  let port = 0;

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-resolve-words-'));
    refusing = createServer((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="idx"' }).end();
    });
    await new Promise<void>((ok) => refusing.listen(0, '127.0.0.1', ok));
    port = (refusing.address() as { port: number }).port;
  });
  afterAll(async () => {
    refusing?.closeAllConnections();
    await new Promise<void>((ok) => (refusing ? refusing.close(() => ok()) : ok()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function resolve(requirements: string) {
    const run = mkdtempSync(path.join(dir, 'run-'));
    const req = path.join(run, 'ra.txt');
    writeFileSync(req, requirements);
    const io = captureIo(run, docker, {
      ML_IMAGE_CACHE_DIR: path.join(run, 'cache'),
      PIP_INDEX_URL: `http://user:x12345678abc@127.0.0.1:${port}/simple`,
    });
    const code = await runCli(
      [
        'resolve',
        '--image',
        images.pythonAmd64,
        '--platform',
        'linux/amd64',
        '--requirements',
        req,
        '--out',
        path.join(run, 'out'),
      ],
      io,
    );
    return { code, stderr: io.err(), stdout: io.out() };
  }

  // The login reaches pip through its netrc file: the URL pip names has none.
  it('a pinned requirement on an index that answers 401: exit 3 with the credentials fix, not "no release" exit 2', async () => {
    const r = await resolve('notthere==1.0\n');
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(
        `ra\\.txt:1: no release of "notthere==1\\.0" found: the package index refused pip \\(http://127\\.0\\.0\\.1:${port}/simple/notthere/ answered 401 Unauthorized\\)`,
      ),
    );
    expect(r.stderr).toContain("check the index's credentials");
    expect(r.stderr + r.stdout).not.toContain('x12345678abc');
  });

  it('a local wheel missing inside the base image: exit 2 at its file:line', async () => {
    const r = await resolve('foo==1.0.0\n/opt/wheels/bar-2.0.0-py3-none-any.whl\n');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/ra\.txt:2: a local path in the requirements is not there inside /);
    expect(r.stderr).toContain("No such file or directory: '/opt/wheels/bar-2.0.0-py3-none-any.whl'");
  });
});
