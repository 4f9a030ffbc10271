// A registry's read redirected to another origin (blob storage) that answers 401 with a Bearer
// challenge: the token service it names is not the registry's, and the registry's login must not
// go there (the registry named none; the redirect's target did). The read fails, exit 3, naming
// the redirect; the registry's own challenge is still answered. In-process servers on 127.0.0.1
// stand for the registry, the storage it redirects to and the token services.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../src/docker/http-fetch.js';
import { createOciClient, type OciFetch } from '../../src/docker/oci-client.js';
import { EnvironmentError } from '../../src/errors.js';

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});
async function serve(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const DIGEST = `sha256:${'a'.repeat(64)}`;
const client = (host: string) =>
  createOciClient(host, {
    fetch: nodeHttpFetch,
    credential: () => ({
      kind: 'login',
      describe: 'a stored login',
      get: async () => ({ username: 'user', secret: 'SECRET' }),
    }),
  });

it("a redirect target's login challenge gets none of the registry's credentials", async () => {
  const seen: string[] = [];
  const realm = await serve((req, res) => {
    seen.push(`realm ${req.headers.authorization ?? 'none'}`);
    res.end('{"token":"t"}');
  });
  const storage = await serve((req, res) => {
    seen.push(`storage ${req.headers.authorization ?? 'none'}`);
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${realm}/token"` }).end();
  });
  const registry = await serve((_req, res) => {
    res.writeHead(307, { location: `http://${storage}/blob` }).end();
  });
  const e = await client(registry)
    .blob('repo', DIGEST)
    .catch((err: unknown) => err);
  expect(e).toBeInstanceOf(EnvironmentError);
  expect((e as Error).message).toBe(
    `registry ${registry} redirected GET /v2/repo/blobs/${DIGEST} to another login (http://${storage})`,
  );
  // No login of the user's would help: the fix is not "docker login" (the registry's own refusal's).
  expect((e as EnvironmentError).fix).toMatch(/^check the registry and any proxy in between/);
  expect((e as EnvironmentError).fix).not.toMatch(/docker login/);
  // The token service the storage named was never asked, with or without the login.
  expect(seen).toEqual(['storage none']);
});

it("the registry's own challenge is still answered, and its redirect followed", async () => {
  const seen: string[] = [];
  const blob = Buffer.from('{}');
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  const storage = await serve((req, res) => {
    seen.push(`storage ${req.headers.authorization ?? 'none'}`);
    res.end(blob);
  });
  const registry = await serve((req, res) => {
    if (req.url?.startsWith('/token')) {
      seen.push(`token ${req.headers.authorization ?? 'none'}`);
      return res.end('{"token":"t"}');
    }
    if (req.headers.authorization !== 'Bearer t')
      return res
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token"` })
        .end();
    res.writeHead(307, { location: `http://${storage}/blob` }).end();
  });
  expect((await client(registry).blob('repo', digest)).equals(blob)).toBe(true);
  expect(seen).toEqual([`token Basic ${Buffer.from('user:SECRET').toString('base64')}`, 'storage none']);
});

it('an answer that names no final URL (a fetch Response\'s url "") is the registry\'s own', async () => {
  const blob = Buffer.from('{}');
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  const asked: string[] = [];
  const fetch: OciFetch = async (url, init) => {
    const auth = init.headers?.Authorization ?? init.headers?.authorization;
    asked.push(`${init.method} ${new URL(url).pathname} ${auth ?? 'none'}`);
    const body = auth === undefined ? Buffer.alloc(0) : blob;
    return {
      url: '',
      status: auth === undefined ? 401 : 200,
      headers: {
        get: (n) => (n.toLowerCase() === 'www-authenticate' && auth === undefined ? 'Basic realm="r"' : null),
      },
      arrayBuffer: async () =>
        body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer,
    };
  };
  const c = createOciClient('registry.example', {
    fetch,
    credential: () => ({
      kind: 'login',
      describe: 'a stored login',
      get: async () => ({ username: 'user', secret: 'SECRET' }),
    }),
  });
  expect((await c.blob('repo', digest)).equals(blob)).toBe(true);
  expect(asked).toEqual([
    `GET /v2/repo/blobs/${digest} none`,
    `GET /v2/repo/blobs/${digest} Basic ${Buffer.from('user:SECRET').toString('base64')}`,
  ]);
});
