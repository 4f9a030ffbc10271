// Docker's credential helpers for real (small scripts on PATH): a helper without a login for the
// host prints "credentials not found" on stdout and exits 1: no login, so the registry client goes
// on anonymously (as docker does); a helper that exits without reading its stdin must not crash the
// process (EPIPE); a helper's JSON answer is the login. Spawns processes: integration.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOciClient, type OciFetch } from '../../src/docker/oci-client.js';
import { findCredential } from '../../src/docker/registry-auth.js';
import { registryDeps } from '../../src/docker/registry-io.js';
import { EnvironmentError } from '../../src/errors.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';

describe('registry credentials from docker-credential-* helpers', () => {
  let dir = '';
  let savedPath: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-helpers-'));
    const helper = (name: string, body: string) => {
      const file = path.join(dir, `docker-credential-${name}`);
      writeFileSync(file, `#!/bin/sh\n${body}\n`);
      chmodSync(file, 0o755);
    };
    helper('nologin', 'read host; echo "credentials not found in native keychain"; exit 1');
    helper('quick', 'exit 1');
    helper('ok', 'read host; echo "{\\"Username\\":\\"alice\\",\\"Secret\\":\\"s3cret-$host\\"}"');
    helper('chatty', 'read host; echo "token=s3cret-leak something else went wrong"; exit 1');
    helper('hang', 'read host; exec sleep 60');
    savedPath = process.env.PATH;
    process.env.PATH = `${dir}:${savedPath ?? '/usr/bin:/bin'}`;
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = () => registryDeps({ HOME: dir });
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => new Error('resolved'),
      (e: unknown) => e as Error,
    );

  it('a JSON answer is the login', async () => {
    expect(await deps().helper('ok', 'reg.example.com')).toEqual({
      username: 'alice',
      secret: 's3cret-reg.example.com',
    });
  });

  it('no login for the host ("credentials not found", exit 1): no login, not an error (the client goes anonymous)', async () => {
    expect(await deps().helper('nologin', 'reg.example.com')).toBeUndefined();
  });

  it('a helper that exits without reading stdin: an error, not a crash', async () => {
    const e = await rejection(deps().helper('quick', 'reg.example.com'));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toMatch(/docker-credential-quick failed for reg\.example\.com/);
  });

  it('a signal stops a helper that hangs (a locked keychain), and none starts afterwards', async () => {
    const asking = deps().helper('hang', 'reg.example.com');
    await new Promise((r) => setTimeout(r, 200));
    markInterrupted('SIGINT');
    try {
      await runPendingCleanups();
      // Killed: it fails now, not after its 60 s (or the 30 s timeout).
      const e = await rejection(asking);
      expect(e).toBeInstanceOf(EnvironmentError);
      expect(e.message).toMatch(/docker-credential-hang failed for reg\.example\.com/);
      expect(await rejection(deps().helper('ok', 'reg.example.com'))).toBeInstanceOf(InterruptedError);
    } finally {
      clearInterruptedForTests();
    }
  });

  it('anything else a helper prints stays out of the message', async () => {
    const e = await rejection(deps().helper('chatty', 'reg.example.com'));
    // It failed, with the message a failed helper gets (a resolved call would pass the check below).
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.message).toMatch(/docker-credential-chatty failed for reg\.example\.com/);
    expect(e.message).not.toContain('s3cret');
  });

  it('through the client: credsStore without a login for the host means anonymous, as docker does', async () => {
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ credsStore: 'nologin' }));
    const seen: { url: string; auth?: string }[] = [];
    const fetch: OciFetch = async (url, init) => {
      seen.push({
        url,
        ...(init.headers.Authorization !== undefined && { auth: init.headers.Authorization }),
      });
      const token = url.startsWith('https://auth.example.com/');
      const body = Buffer.from(
        token ? '{"token":"t"}' : '{"mediaType":"application/vnd.oci.image.manifest.v1+json"}',
      );
      const status = token || seen.length > 1 ? 200 : 401;
      const headers: Record<string, string> =
        status === 401
          ? { 'www-authenticate': 'Bearer realm="https://auth.example.com/token",service="reg"' }
          : {};
      return {
        status,
        headers: { get: (n) => headers[n.toLowerCase()] ?? null },
        arrayBuffer: async () =>
          body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer,
      };
    };
    const env = { DOCKER_CONFIG: dir };
    const client = createOciClient('reg.example.com', {
      fetch,
      credential: () => findCredential('reg.example.com', registryDeps(env)),
    });
    expect(await client.manifest('r', 'v1', ['application/vnd.oci.image.manifest.v1+json'])).toBeDefined();
    const tokenRequest = seen.find((s) => s.url.startsWith('https://auth.example.com/'));
    expect(tokenRequest).toBeDefined();
    expect(tokenRequest!.auth).toBeUndefined();
    expect(seen.at(-1)!.auth).toBe('Bearer t');
  });
});
