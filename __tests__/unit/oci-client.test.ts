// The OCI distribution client over a scripted fetch (no sockets): the anonymous path, the Bearer
// token flow (scope per read/write, service, the credential sent to the realm only, the token
// reused), Basic challenges, refusals and unreachable registries as EnvironmentError (exit 3)
// naming the host and never the secret, blob digests checked, uploads and docker.io's address.
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../src/docker/registry-auth.js';
import {
  ANSWER_TOO_LARGE,
  createOciClient,
  type OciClient,
  ociRetryWaitMs,
  type OciFetch,
  type OciResponse,
  RegistryAnswerError,
  sha256Digest,
} from '../../src/docker/oci-client.js';
import { EnvironmentError, ExitCode } from '../../src/errors.js';

interface Req {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
}
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

function response(a: Answer): OciResponse {
  const headers = Object.fromEntries(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const body = Buffer.from(a.body ?? '');
  return {
    status: a.status,
    headers: { get: (n) => headers[n.toLowerCase()] ?? null },
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer,
  };
}

/** A fetch answering each request from SCRIPT (or failing it); every request is recorded. */
function scripted(script: (r: Req, n: number) => Answer | Error) {
  const requests: Req[] = [];
  const fetch: OciFetch = async (url, init) => {
    const req: Req = {
      url,
      method: init.method,
      headers: { ...init.headers },
      ...(init.body !== undefined && { body: Buffer.from(init.body) }),
    };
    requests.push(req);
    const a = script(req, requests.length - 1);
    if (a instanceof Error) throw a;
    return response(a);
  };
  return { fetch, requests };
}

/** A blob pushed the way the built-in signer pushes one: POST, then the PUT; its digest. */
const upload = async (client: OciClient, repository: string, data: Buffer) =>
  client.finishUpload(repository, (await client.startUpload(repository))!, data);

const SECRET = 'hunter2-very-secret';
const login = (username = 'alice'): Credential => ({
  kind: 'login',
  describe: 'a login for reg.example.com in /home/u/.docker/config.json',
  get: async () => ({ username, secret: SECRET }),
});
const none: Credential = { kind: 'none', describe: 'none for reg.example.com' };
const basicOf = (u: string, s: string) => `Basic ${Buffer.from(`${u}:${s}`).toString('base64')}`;

const MANIFEST = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
});
const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

async function rejection(p: Promise<unknown>): Promise<EnvironmentError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(EnvironmentError);
  expect((e as EnvironmentError).exitCode).toBe(ExitCode.Environment);
  return e as EnvironmentError;
}

describe('createOciClient', () => {
  it('reads a manifest anonymously: one GET with Accept, no Authorization; the digest of its bytes', async () => {
    const { fetch, requests } = scripted(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      body: MANIFEST,
    }));
    let asked = 0;
    const client = createOciClient('localhost:5000', {
      fetch,
      credential: () => {
        asked++;
        return none;
      },
    });
    const m = await client.manifest('team/model', 'v1', ACCEPT);
    expect(m).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256Digest(MANIFEST),
      bytes: Buffer.from(MANIFEST),
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://localhost:5000/v2/team/model/manifests/v1');
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.headers.Accept).toBe(ACCEPT.join(', '));
    expect(requests[0]!.headers.Authorization).toBeUndefined();
    expect(asked).toBe(0); // no challenge: the credential is not even looked up
  });

  it('a manifest the registry does not have (404) is undefined', async () => {
    const { fetch } = scripted(() => ({ status: 404, body: '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}' }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    expect(await client.manifest('r', 'sha256-abc.sig', ACCEPT)).toBeUndefined();
  });

  // Finding: verify of a repository that does not exist said "check the digest". registry:2
  // answers a manifest of an unknown repository MANIFEST_UNKNOWN; its tag list says NAME_UNKNOWN.
  it.each<[number, string, boolean | undefined]>([
    [200, '{"name":"acme/nothere","tags":["v1"]}', true],
    [200, '{"name":"acme/nothere","tags":null}', true],
    [404, '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}', false],
    [404, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}', undefined],
    [404, '<html>404 Not Found</html>', undefined],
    [404, '{"errors":[]}', undefined],
    [404, 'null', undefined],
  ])('hasRepository: HTTP %i %s -> %s', async (status, body, known) => {
    const { fetch, requests } = scripted(() => ({ status, body }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    expect(await client.hasRepository!('acme/nothere')).toBe(known);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET http://localhost:5000/v2/acme/nothere/tags/list?n=1',
    ]);
  });

  it('401 Bearer: a token for repository:<repo>:pull (reads) with the service, the login sent to the realm, reused for the scope', async () => {
    const tokens: string[] = [];
    const { fetch, requests } = scripted((r) => {
      if (r.url.startsWith('https://auth.example.com/token')) {
        const scope = new URL(r.url).searchParams.get('scope')!;
        const token = `tok-${scope}`;
        tokens.push(token);
        return { status: 200, body: JSON.stringify({ token }) };
      }
      if (r.headers.Authorization?.startsWith('Bearer ')) {
        return r.method === 'GET' && r.url.includes('/manifests/')
          ? { status: 200, body: MANIFEST }
          : r.method === 'PUT'
            ? { status: 201 }
            : { status: 404 };
      }
      return {
        status: 401,
        headers: {
          'WWW-Authenticate': 'Bearer realm="https://auth.example.com/token",service="reg.example.com"',
        },
      };
    });
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    expect(await client.manifest('team/model', 'v1', ACCEPT)).toBeDefined();
    // Over https (not a loopback host); the 401, the token, the retry.
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'GET https://reg.example.com/v2/team/model/manifests/v1',
      'GET https://auth.example.com/token',
      'GET https://reg.example.com/v2/team/model/manifests/v1',
    ]);
    const token = new URL(requests[1]!.url);
    expect(token.searchParams.get('scope')).toBe('repository:team/model:pull');
    expect(token.searchParams.get('service')).toBe('reg.example.com');
    expect(requests[1]!.headers.Authorization).toBe(basicOf('alice', SECRET));
    expect(requests[2]!.headers.Authorization).toBe('Bearer tok-repository:team/model:pull');
    // The basic login goes to the realm only, never to the registry itself.
    expect(requests.filter((r) => r.headers.Authorization?.startsWith('Basic'))).toHaveLength(1);

    // The same scope again: the token is sent straight away, no 401, no new token.
    requests.length = 0;
    expect(await client.manifest('team/model', 'v2', ACCEPT)).toBeDefined();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.Authorization).toBe('Bearer tok-repository:team/model:pull');

    // A write is another scope: pull,push, its own token.
    requests.length = 0;
    await client.putManifest(
      'team/model',
      'sha256-abc.sig',
      'application/vnd.oci.image.manifest.v1+json',
      Buffer.from(MANIFEST),
    );
    expect(requests).toHaveLength(3);
    expect(new URL(requests[1]!.url).searchParams.get('scope')).toBe('repository:team/model:pull,push');
    expect(requests[2]!.headers.Authorization).toBe('Bearer tok-repository:team/model:pull,push');
    expect(requests[2]!.headers['Content-Type']).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(requests[2]!.body?.toString()).toBe(MANIFEST);
    expect(tokens).toEqual(['tok-repository:team/model:pull', 'tok-repository:team/model:pull,push']);
  });

  it('401 Bearer without a credential asks the realm anonymously', async () => {
    const { fetch, requests } = scripted((r) =>
      r.url.startsWith('https://auth.example.com/')
        ? { status: 200, body: JSON.stringify({ access_token: 'anon' }) }
        : r.headers.Authorization === 'Bearer anon'
          ? { status: 200, body: MANIFEST }
          : { status: 401, headers: { 'www-authenticate': 'Bearer realm="https://auth.example.com/t"' } },
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    expect(await client.manifest('r', 'v1', ACCEPT)).toBeDefined();
    expect(requests[1]!.headers.Authorization).toBeUndefined();
    expect(new URL(requests[1]!.url).searchParams.has('service')).toBe(false);
  });

  it('401 Basic: answered with the login; without one, exit 3 saying there is none', async () => {
    const script = (r: Req): Answer =>
      r.headers.Authorization === basicOf('alice', SECRET)
        ? { status: 200, body: 'blob' }
        : { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Registry"' } };
    const withLogin = scripted(script);
    const client = createOciClient('reg.example.com', { fetch: withLogin.fetch, credential: () => login() });
    expect((await client.blob('r', sha256Digest('blob'))).toString()).toBe('blob');
    expect(withLogin.requests.map((r) => r.headers.Authorization)).toEqual([
      undefined,
      basicOf('alice', SECRET),
    ]);

    const anonymous = scripted(script);
    const bare = createOciClient('reg.example.com', { fetch: anonymous.fetch, credential: () => none });
    const e = await rejection(bare.blob('r', sha256Digest('blob')));
    expect(e.message).toContain('reg.example.com asks for a login and there is none');
    expect(e.fix).toContain('docker login reg.example.com');
  });

  it('credentials refused again (401 after the answer) and 403: exit 3 naming the host, never the secret', async () => {
    for (const last of [401, 403]) {
      const { fetch } = scripted((r) =>
        r.headers.Authorization
          ? {
              status: last,
              body: '{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}',
            }
          : { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="x"' } },
      );
      const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
      const e = await rejection(client.putManifest('team/model', 't', 'application/json', Buffer.from('{}')));
      expect(e.message).toMatch(/^registry reg\.example\.com /);
      expect(e.message).toContain(`HTTP ${last}`);
      for (const text of [e.message, e.fix ?? '']) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(Buffer.from(`alice:${SECRET}`).toString('base64'));
      }
    }
    // 403 straight away (anonymous), too.
    const { fetch } = scripted(() => ({ status: 403 }));
    const e = await rejection(
      createOciClient('reg.example.com', { fetch, credential: () => none }).blob('r', 'sha256:00'),
    );
    expect(e.message).toBe('registry reg.example.com refused GET /v2/r/blobs/sha256:00 (HTTP 403)');
    // A read (verify) needs a login that may read; a write (attaching) one that may write.
    expect(e.fix).toContain('may read the image: "docker login reg.example.com"');
    expect(e.fix).toContain('packages: read');
    const w = await rejection(
      createOciClient('reg.example.com', { fetch, credential: () => none }).putManifest(
        'r',
        't',
        'application/json',
        Buffer.from('{}'),
      ),
    );
    expect(w.fix).toContain('may read and write the image');
    expect(w.fix).toContain('packages: write');
  });

  it('a refused token request is exit 3 naming the scope and the registry error', async () => {
    const { fetch } = scripted((r) =>
      r.url.startsWith('https://auth.example.com/')
        ? { status: 401, body: '{"errors":[{"code":"UNAUTHORIZED","message":"bad login"}]}' }
        : {
            status: 401,
            headers: { 'WWW-Authenticate': 'Bearer realm="https://auth.example.com/t",service="s"' },
          },
    );
    const e = await rejection(
      createOciClient('reg.example.com', { fetch, credential: () => login() }).blob('r', 'sha256:00'),
    );
    expect(e.message).toContain('refused a token for repository:r:pull (HTTP 401 UNAUTHORIZED: bad login;');
    expect(e.message).not.toContain(SECRET);
  });

  it('fetch rejecting (ECONNREFUSED) is exit 3 "is unreachable"; the fix of a loopback registry is to start it or name the right one', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
    const { fetch } = scripted(() => new TypeError('fetch failed', { cause: refused }));
    const local = createOciClient('127.0.0.1:5999', { fetch, credential: () => none });
    const e = await rejection(local.manifest('r', 'v1', ACCEPT));
    expect(e.message).toBe(
      'registry 127.0.0.1:5999 is unreachable (GET http://127.0.0.1:5999/v2/r/manifests/v1: ECONNREFUSED)',
    );
    expect(e.fix).toMatch(
      /^start the registry at 127\.0\.0\.1:5999, or, if that host or port is wrong, name the right one/,
    );
    expect(e.fix).not.toContain('test-env');
    expect(e.cause).toBeInstanceOf(TypeError);

    const remote = createOciClient('reg.example.com', { fetch, credential: () => none });
    const r = await rejection(remote.manifest('r', 'v1', ACCEPT));
    expect(r.message).toContain('registry reg.example.com is unreachable');
    expect(r.fix).toContain('network');
  });

  it('a timeout is exit 3 saying no answer came', async () => {
    const { fetch } = scripted(
      () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    );
    const client = createOciClient('localhost:5000', { fetch, credential: () => none, timeoutMs: 2000 });
    const e = await rejection(client.blob('r', 'sha256:00'));
    expect(e.message).toContain(
      'is unreachable (GET http://localhost:5000/v2/r/blobs/sha256:00: no answer within 2s)',
    );
  });

  it('a blob whose bytes do not match its digest is exit 3', async () => {
    const { fetch } = scripted(() => ({ status: 200, body: 'tampered' }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    const digest = sha256Digest('original');
    const e = await rejection(client.blob('r', digest));
    expect(e.message).toBe(`registry localhost:5000: the blob r@${digest} came back with other content`);
  });

  it('a failed read or write names what failed with the registry words', async () => {
    const { fetch } = scripted(() => ({
      status: 500,
      body: '{"errors":[{"code":"UNKNOWN","message":"disk full"}]}',
    }));
    const client = createOciClient('localhost:5000', {
      fetch,
      credential: () => none,
      sleep: async () => {},
    });
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(e.message).toBe(
      'registry localhost:5000: reading the manifest r:v1 failed (HTTP 500 UNKNOWN: disk full)',
    );
    const p = await rejection(client.putManifest('r', 'v1', 'application/json', Buffer.from('{}')));
    expect(p.message).toContain('pushing the manifest r:v1 failed (HTTP 500');
  });

  // A read's refusal gets a read's fix (verify reads only): never the push's advice.
  it.each<[string, (c: OciClient) => Promise<unknown>, number, RegExp]>([
    [
      'a blob the manifest lists, 404',
      (c) => c.blob('r', sha256Digest('x')),
      404,
      /^the registry lists a blob it cannot serve: check the registry/,
    ],
    [
      'a blob, 400',
      (c) => c.blob('r', sha256Digest('x')),
      400,
      /^the registry lists a blob it cannot serve: check the registry/,
    ],
    [
      'a manifest, 400',
      (c) => c.manifest('r', 'v1', ACCEPT),
      400,
      /^the registry refused to read a manifest: check the registry host name/,
    ],
    [
      'a manifest push, 400',
      (c) => c.putManifest('r', 'v1', 'application/json', Buffer.from('{}')),
      400,
      /^check that the registry accepts OCI image manifests/,
    ],
  ])('%s: the fix is for what was asked', async (_n, act, status, fix) => {
    const { fetch } = scripted(() => ({ status, body: '{"errors":[{"code":"BLOB_UNKNOWN"}]}' }));
    const e = await rejection(act(createOciClient('localhost:5000', { fetch, credential: () => none })));
    expect(e.fix).toMatch(fix);
    if (!fix.source.includes('accepts')) expect(e.fix).not.toMatch(/may be created/);
  });

  it('startUpload/finishUpload: a POST, then a monolithic PUT with digest= on the Location (relative)', async () => {
    const data = Buffer.from('layer bytes');
    const { fetch, requests } = scripted((r) =>
      r.method === 'POST'
        ? { status: 202, headers: { Location: '/v2/r/blobs/uploads/u-1?_state=abc' } }
        : { status: 201 },
    );
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    expect(await client.finishUpload('r', (await client.startUpload('r'))!, data)).toBe(sha256Digest(data));
    expect(requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(requests[0]!.url).toBe('http://localhost:5000/v2/r/blobs/uploads/');
    const put = new URL(requests[1]!.url);
    expect(`${put.origin}${put.pathname}`).toBe('http://localhost:5000/v2/r/blobs/uploads/u-1');
    expect(put.searchParams.get('_state')).toBe('abc');
    expect(put.searchParams.get('digest')).toBe(sha256Digest(data));
    expect(requests[1]!.body).toEqual(data);
    expect(requests[1]!.headers['Content-Length']).toBe(String(data.length));
    expect(requests[1]!.headers['Content-Type']).toBe('application/octet-stream');
  });

  it('startUpload/finishUpload: an absolute Location is used as given, with digest= added', async () => {
    const data = Buffer.from('{"config":1}');
    const { fetch, requests } = scripted((r) =>
      r.method === 'POST'
        ? { status: 202, headers: { Location: 'http://storage.local:9000/upload/xyz?sig=q' } }
        : { status: 201 },
    );
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    const upload = await client.startUpload('r');
    expect(upload).toBe('http://storage.local:9000/upload/xyz?sig=q');
    expect(await client.finishUpload('r', upload!, data)).toBe(sha256Digest(data));
    const put = new URL(requests[1]!.url);
    expect(put.host).toBe('storage.local:9000');
    expect(put.searchParams.get('sig')).toBe('q');
    expect(put.searchParams.get('digest')).toBe(sha256Digest(data));
  });

  const D = sha256Digest(Buffer.from('envelope'));
  it.each<[string, (r: Req) => Answer, string[], boolean]>([
    [
      'the repository has the blob: linked by the POST, nothing to upload',
      () => ({ status: 201, headers: { Location: `/v2/team/m/blobs/${D}` } }),
      [`POST http://localhost:5000/v2/team/m/blobs/uploads/?mount=${encodeURIComponent(D)}&from=team%2Fm`],
      false,
    ],
    [
      'it has not: the same POST started an upload',
      () => ({ status: 202, headers: { Location: '/v2/team/m/blobs/uploads/u-1?_state=s' } }),
      [`POST http://localhost:5000/v2/team/m/blobs/uploads/?mount=${encodeURIComponent(D)}&from=team%2Fm`],
      true,
    ],
    [
      'a 201 naming another digest is not believed: a plain upload after it',
      (r): Answer =>
        r.url.includes('mount=')
          ? { status: 201, headers: { 'Docker-Content-Digest': sha256Digest(Buffer.from('other')) } }
          : { status: 202, headers: { Location: '/v2/team/m/blobs/uploads/u-3' } },
      [
        `POST http://localhost:5000/v2/team/m/blobs/uploads/?mount=${encodeURIComponent(D)}&from=team%2Fm`,
        'POST http://localhost:5000/v2/team/m/blobs/uploads/',
      ],
      true,
    ],
    [
      'a registry that refuses the query itself: a plain upload after it',
      (r) =>
        r.url.includes('mount=')
          ? { status: 405, body: '{"errors":[{"code":"UNSUPPORTED"}]}' }
          : { status: 202, headers: { Location: '/v2/team/m/blobs/uploads/u-2' } },
      [
        `POST http://localhost:5000/v2/team/m/blobs/uploads/?mount=${encodeURIComponent(D)}&from=team%2Fm`,
        'POST http://localhost:5000/v2/team/m/blobs/uploads/',
      ],
      true,
    ],
  ])('startUpload with a mount: %s', async (_what, answer, sent, upload) => {
    const { fetch, requests } = scripted(answer);
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    const started = await client.startUpload('team/m', D);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(sent);
    if (upload) expect(started).toMatch(/^http:\/\/localhost:5000\/v2\/team\/m\/blobs\/uploads\/u-/);
    else expect(started).toBeUndefined();
  });

  it('an upload the registry does not start (no 202 / no Location) or finish (no 201) is exit 3', async () => {
    const noLocation = scripted(() => ({ status: 202 }));
    const a = createOciClient('localhost:5000', { fetch: noLocation.fetch, credential: () => none });
    expect((await rejection(a.startUpload('r'))).message).toContain('starting an upload to r failed');
    const badPut = scripted(() => ({ status: 400, body: '{"errors":[{"code":"DIGEST_INVALID"}]}' }));
    const b = createOciClient('localhost:5000', { fetch: badPut.fetch, credential: () => none });
    const e = await rejection(
      b.finishUpload('r', 'http://localhost:5000/v2/r/blobs/uploads/u', Buffer.from('x')),
    );
    expect(e.message).toContain(`uploading ${sha256Digest('x')} to r failed (HTTP 400 DIGEST_INVALID)`);
  });

  it('docker.io is registry-1.docker.io over https', async () => {
    for (const host of ['docker.io', 'index.docker.io']) {
      const { fetch, requests } = scripted(() => ({ status: 200, body: MANIFEST }));
      const client = createOciClient(host, { fetch, credential: () => none });
      expect(client.host).toBe(host);
      await client.manifest('library/busybox', 'latest', ACCEPT);
      expect(requests[0]!.url).toBe('https://registry-1.docker.io/v2/library/busybox/manifests/latest');
    }
  });
});

describe('createOciClient: what the review fixed', () => {
  const bearer = (realm: string): Answer => ({
    status: 401,
    headers: { 'WWW-Authenticate': `Bearer realm="${realm}",service="reg.example.com"` },
  });

  it('a manifest by digest whose bytes hash to another digest is exit 3 "came back with other content"; by tag no such check', async () => {
    const { fetch } = scripted(() => ({ status: 200, body: MANIFEST }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    const asked = sha256Digest('another manifest');
    const e = await rejection(client.manifest('r', asked, ACCEPT));
    expect(e.message).toBe(
      `registry localhost:5000: the manifest r@${asked} came back with other content (${sha256Digest(MANIFEST)})`,
    );
    // The right digest is accepted, and a tag names whatever the registry holds.
    expect((await client.manifest('r', sha256Digest(MANIFEST), ACCEPT))?.digest).toBe(sha256Digest(MANIFEST));
    expect((await client.manifest('r', 'v1', ACCEPT))?.digest).toBe(sha256Digest(MANIFEST));
  });

  it('a 200 manifest that is not JSON (an HTML page) is exit 3 "is not JSON", never a SyntaxError', async () => {
    const html = '<html><body>Sign in to the proxy</body></html>';
    const { fetch } = scripted(() => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body: html }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    for (const reference of ['v1', sha256Digest(html)]) {
      const e = await rejection(client.manifest('r', reference, ACCEPT));
      expect(e).not.toBeInstanceOf(SyntaxError);
      expect(e.message).toBe(`registry localhost:5000: the manifest r:${reference} is not JSON (text/html)`);
    }
  });

  it('a token service answering 200 with something other than JSON is exit 3', async () => {
    const { fetch } = scripted((r) =>
      r.url.startsWith('https://auth.example.com/')
        ? { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>captive portal</html>' }
        : bearer('https://auth.example.com/token'),
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(e).not.toBeInstanceOf(SyntaxError);
    expect(e.message).toContain("reg.example.com's token service answered without JSON");
    expect(e.message).not.toContain(SECRET);
  });

  it('an upload Location on another host gets the PUT without Authorization, even once the scope is authorized', async () => {
    const data = Buffer.from('layer bytes');
    const { fetch, requests } = scripted((r) => {
      if (r.url.startsWith('https://auth.example.com/')) return { status: 200, body: '{"token":"tok"}' };
      if (r.url.startsWith('https://storage.example.net/')) return { status: 201 };
      if (r.headers.Authorization !== 'Bearer tok') return bearer('https://auth.example.com/token');
      return r.method === 'POST'
        ? { status: 202, headers: { Location: 'https://storage.example.net/upload/xyz?sig=q' } }
        : { status: 201 };
    });
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    expect(await upload(client, 'team/model', data)).toBe(sha256Digest(data));
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'POST https://reg.example.com/v2/team/model/blobs/uploads/',
      'GET https://auth.example.com/token',
      'POST https://reg.example.com/v2/team/model/blobs/uploads/',
      'PUT https://storage.example.net/upload/xyz',
    ]);
    expect(requests[2]!.headers.Authorization).toBe('Bearer tok');
    expect(requests[3]!.headers.Authorization).toBeUndefined();
    expect(requests[3]!.body).toEqual(data);
    expect(new URL(requests[3]!.url).searchParams.get('digest')).toBe(sha256Digest(data));

    // A Location on the registry's own origin still gets the scope's token.
    requests.length = 0;
    await client.finishUpload('team/model', 'https://reg.example.com/v2/team/model/blobs/uploads/u-2', data);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.Authorization).toBe('Bearer tok');
  });

  it('an http:// upload Location of an https registry is refused (exit 3 "plain HTTP") and nothing is sent there', async () => {
    const { fetch, requests } = scripted((r) =>
      r.method === 'POST'
        ? { status: 202, headers: { Location: 'http://storage.example.net/upload/xyz' } }
        : { status: 201 },
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    const e = await rejection(upload(client, 'r', Buffer.from('x')));
    expect(e.message).toBe(
      'registry reg.example.com sent PUT to plain HTTP (http://storage.example.net): refused',
    );
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://reg.example.com/v2/r/blobs/uploads/',
    ]);
    expect(requests.some((r) => r.url.startsWith('http:'))).toBe(false);
  });

  it('a credential helper without a login (no pair) goes on anonymously; a failing helper propagates', async () => {
    const helper = (failure?: string): Credential => ({
      kind: 'helper',
      describe: 'docker-credential-desktop for reg.example.com',
      get: () => (failure === undefined ? Promise.resolve(undefined) : Promise.reject(new Error(failure))),
    });
    const script = (r: Req): Answer =>
      r.url.startsWith('https://auth.example.com/')
        ? { status: 200, body: '{"token":"anon"}' }
        : r.headers.Authorization === 'Bearer anon'
          ? { status: 200, body: MANIFEST }
          : bearer('https://auth.example.com/token');

    const missing = scripted(script);
    const anonymous = createOciClient('reg.example.com', {
      fetch: missing.fetch,
      credential: () => helper(),
    });
    expect(await anonymous.manifest('r', 'v1', ACCEPT)).toBeDefined();
    expect(missing.requests).toHaveLength(3);
    expect(missing.requests[1]!.url.startsWith('https://auth.example.com/token')).toBe(true);
    expect(missing.requests[1]!.headers.Authorization).toBeUndefined();

    const broken = scripted(script);
    const failing = createOciClient('reg.example.com', {
      fetch: broken.fetch,
      credential: () => helper('docker-credential-desktop: exec format error'),
    });
    await expect(failing.manifest('r', 'v1', ACCEPT)).rejects.toThrow('exec format error');
    // The token service was never asked.
    expect(broken.requests.map((r) => r.url.split('?')[0])).toEqual([
      'https://reg.example.com/v2/r/manifests/v1',
    ]);
  });

  it('a Bearer realm over http:// of an https registry is exit 3, and no Basic login is sent to it', async () => {
    const { fetch, requests } = scripted((r) =>
      r.url.startsWith('http://auth.example.com/')
        ? { status: 200, body: '{"token":"t"}' }
        : bearer('http://auth.example.com/token'),
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(e.message).toContain('names a token service over plain HTTP (http://auth.example.com): refused');
    expect(requests.map((r) => r.url.split('?')[0])).toEqual(['https://reg.example.com/v2/r/manifests/v1']);
    expect(requests.some((r) => r.headers.Authorization?.startsWith('Basic'))).toBe(false);
  });

  it('a loopback registry naming an http:// realm on another host: refused, no login sent', async () => {
    const { fetch, requests } = scripted((r) =>
      r.url.startsWith('http://auth.example.com/')
        ? { status: 200, body: '{"token":"t"}' }
        : bearer('http://auth.example.com/token'),
    );
    const client = createOciClient('localhost:5000', { fetch, credential: () => login() });
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(e.message).toContain('names a token service over plain HTTP (http://auth.example.com): refused');
    expect(requests.some((r) => r.url.startsWith('http://auth.example.com/'))).toBe(false);
  });

  it('a loopback registry (localhost:5000) may name an http:// realm', async () => {
    const { fetch, requests } = scripted((r) =>
      r.url.startsWith('http://localhost:5001/')
        ? { status: 200, body: '{"token":"t"}' }
        : r.headers.Authorization === 'Bearer t'
          ? { status: 200, body: MANIFEST }
          : {
              status: 401,
              headers: { 'WWW-Authenticate': 'Bearer realm="http://localhost:5001/auth",service="local"' },
            },
    );
    const client = createOciClient('localhost:5000', { fetch, credential: () => login() });
    expect(await client.manifest('r', 'v1', ACCEPT)).toBeDefined();
    expect(requests.map((r) => r.url.split('?')[0])).toEqual([
      'http://localhost:5000/v2/r/manifests/v1',
      'http://localhost:5001/auth',
      'http://localhost:5000/v2/r/manifests/v1',
    ]);
    expect(requests[1]!.headers.Authorization).toBe(basicOf('alice', SECRET));
  });

  it('an untrusted certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE) of a remote registry: the fix names NODE_EXTRA_CA_CERTS', async () => {
    const tls = Object.assign(new Error('unable to verify the first certificate'), {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    const { fetch } = scripted(() => new TypeError('fetch failed', { cause: tls }));
    const e = await rejection(
      createOciClient('reg.example.com', { fetch, credential: () => none }).manifest('r', 'v1', ACCEPT),
    );
    expect(e.message).toBe(
      'registry reg.example.com is unreachable (GET https://reg.example.com/v2/r/manifests/v1: UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    );
    expect(e.fix).toContain('NODE_EXTRA_CA_CERTS');
    // Another failure of a remote registry does not blame certificates.
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const other = scripted(() => new TypeError('fetch failed', { cause: refused }));
    const r = await rejection(
      createOciClient('reg.example.com', { fetch: other.fetch, credential: () => none }).manifest(
        'r',
        'v1',
        ACCEPT,
      ),
    );
    expect(r.fix).not.toContain('NODE_EXTRA_CA_CERTS');
  });
});

describe('createOciClient: the second review', () => {
  const bearer: Answer = {
    status: 401,
    headers: {
      'WWW-Authenticate': 'Bearer realm="https://auth.example.com/token",service="reg.example.com"',
    },
  };

  it('a helper that answers with an identity token (Username "<token>") is exit 3 pointing at cosign; no Basic is sent', async () => {
    const { fetch, requests } = scripted(() => bearer);
    const client = createOciClient('reg.example.com', { fetch, credential: () => login('<token>') });
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(e.message).toContain('the login is an identity token');
    expect((e as EnvironmentError).fix).toContain('ML_IMAGE_SIGNER=cosign');
    expect(e.message).not.toContain(SECRET);
    expect(requests.filter((r) => r.headers.Authorization !== undefined)).toEqual([]);
  });

  it('a second 401 says whether there was a login: anonymous access refused, or the credentials', async () => {
    const script = (r: Req): Answer =>
      r.url.startsWith('https://auth.example.com/') ? { status: 200, body: '{"token":"t"}' } : bearer;
    const anonymous = createOciClient('reg.example.com', {
      fetch: scripted(script).fetch,
      credential: () => none,
    });
    const a = await rejection(anonymous.manifest('r', 'v1', ACCEPT));
    expect(a.message).toMatch(
      /^registry reg\.example\.com refused anonymous access for repository:r:pull \(HTTP 401; none for/,
    );
    const withLogin = createOciClient('reg.example.com', {
      fetch: scripted(script).fetch,
      credential: () => login(),
    });
    const b = await rejection(withLogin.manifest('r', 'v1', ACCEPT));
    expect(b.message).toMatch(
      /refused the credentials for repository:r:pull \(HTTP 401; a login for reg\.example\.com/,
    );
    expect(b.message).not.toContain(SECRET);
  });

  it('an answer over the size cap is exit 3 saying so, not "unreachable"', async () => {
    const { fetch } = scripted(
      () =>
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('the answer is over 64 MiB'), { code: ANSWER_TOO_LARGE }),
        }),
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    const e = await rejection(client.blob('r', sha256Digest('x')));
    expect((e as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    expect(e.message).toContain("answered more than cosign's images ever hold (the answer is over 64 MiB)");
    expect(e.message).not.toContain('unreachable');
  });
});

describe('createOciClient: a registry briefly unwell', () => {
  const pushing = (fail: (r: Req) => boolean) => {
    const sleeps: number[] = [];
    const { fetch, requests } = scripted((r) => {
      if (fail(r)) return { status: 500, body: '{"errors":[{"code":"UNKNOWN"}]}' };
      if (r.method === 'POST') return { status: 202, headers: { Location: `${new URL(r.url).pathname}u1` } };
      if (r.method === 'HEAD') return { status: 404 };
      if (r.method === 'PUT') return { status: 201 };
      return { status: 200, body: MANIFEST };
    });
    const client = createOciClient('localhost:5000', {
      fetch,
      credential: () => none,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    return { client, requests, sleeps };
  };

  it.each([
    ['GET manifest', (c: ReturnType<typeof createOciClient>) => c.manifest('r', 'v1', ACCEPT), 'GET'],
    ['GET blob', (c: ReturnType<typeof createOciClient>) => c.blob('r', sha256Digest(MANIFEST)), 'GET'],
    [
      'PUT manifest',
      (c: ReturnType<typeof createOciClient>) => c.putManifest('r', 't', 'm', Buffer.from('{}')),
      'PUT',
    ],
  ])('%s: a 500 once is tried again after 0.25 s and succeeds', async (_name, act, method) => {
    let failed = 0;
    const { client, requests, sleeps } = pushing((r) => r.method === method && failed++ === 0);
    await act(client);
    expect(sleeps).toEqual([250]);
    expect(requests.filter((r) => r.method === method)).toHaveLength(2);
  });

  it('a 500 that stays: three attempts (0.25 s, 0.5 s), then exit 3 naming the request and the status', async () => {
    const { client, requests, sleeps } = pushing((r) => r.method === 'GET');
    const e = await rejection(client.manifest('r', 'v1', ACCEPT));
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([250, 500]);
    expect(e.message).toMatch(/^registry localhost:5000: reading the manifest r:v1 failed \(.*500/);
    expect((e as EnvironmentError).fix).toMatch(/failing for now .*check its status, then run again/);
  });

  it('an upload PUT is not repeated even where the repository has a "manifests" part', async () => {
    const { client, requests, sleeps } = pushing((r) => r.method === 'PUT');
    await rejection(upload(client, 'org/manifests/app', Buffer.from('x')));
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(sleeps).toEqual([]);
    await rejection(client.putManifest('org/manifests/app', 't', 'm', Buffer.from('{}')));
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(4);
  });

  it('an upload (POST, blob PUT) is not repeated: the upload session is spent', async () => {
    const post = pushing((r) => r.method === 'POST');
    await rejection(upload(post.client, 'r', Buffer.from('x')));
    expect(post.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    const put = pushing((r) => r.method === 'PUT');
    await rejection(upload(put.client, 'r', Buffer.from('x')));
    expect(put.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect([...post.sleeps, ...put.sleeps]).toEqual([]);
  });

  it.each([
    [1, null, 250],
    [2, null, 500],
    [1, '2', 2000],
    [1, '60', 5000],
    [2, 'Wed, 21 Oct 2026 07:28:00 GMT', 500],
  ])('the wait after attempt %i with Retry-After %s is %i ms', (attempt, retryAfter, ms) => {
    expect(ociRetryWaitMs(attempt, retryAfter)).toBe(ms);
  });
});

describe('createOciClient: ahead of use', () => {
  it('warm(n): n GETs of /v2/ at once, no Authorization, whatever they answer; never rejects', async () => {
    const { fetch, requests } = scripted((_r, n) =>
      n === 0 ? new Error('connect ECONNREFUSED') : { status: n === 1 ? 401 : 200 },
    );
    const client = createOciClient('reg.example.com', { fetch, credential: () => login() });
    await expect(client.warm!(3)).resolves.toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill('GET https://reg.example.com/v2/'),
    );
    expect(requests.every((r) => r.headers.Authorization === undefined)).toBe(true);
  });

  it('cancelUpload: DELETE of the upload URL; 204 and 404 (already dropped) are done, anything else is exit 3', async () => {
    const statuses = [204, 404, 500, 500, 500];
    const { fetch, requests } = scripted((_r, n) => ({ status: statuses[n] ?? 500 }));
    const client = createOciClient('localhost:5000', {
      fetch,
      credential: () => none,
      sleep: async () => {},
    });
    const url = 'http://localhost:5000/v2/r/blobs/uploads/u-1?_state=abc';
    await client.cancelUpload('r', url);
    await client.cancelUpload('r', url);
    const e = await rejection(client.cancelUpload('r', url));
    expect(e.message).toMatch(/cancelling an upload to r failed/);
    // A DELETE of an upload is not repeated.
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill(`DELETE ${url}`));
  });

  it('a refused manifest PUT carries its HTTP status (RegistryAnswerError), still exit 3', async () => {
    const { fetch } = scripted(() => ({
      status: 400,
      body: '{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid"}]}',
    }));
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    const e = await rejection(
      client.putManifest('r', 't', 'application/vnd.oci.image.manifest.v1+json', Buffer.from('{}')),
    );
    expect(e).toBeInstanceOf(RegistryAnswerError);
    expect((e as RegistryAnswerError).status).toBe(400);
    expect(e.message).toMatch(/MANIFEST_INVALID|manifest invalid/);
  });
});

describe('createOciClient: requests at once', () => {
  it('requests that meet the same 401 at once share one token request for their scope', async () => {
    const token = JSON.stringify({ token: 'tok-1' });
    const { fetch, requests } = scripted((r): Answer => {
      if (r.url.startsWith('https://auth.example.com/')) return { status: 200, body: token };
      if (r.headers.Authorization !== 'Bearer tok-1')
        return {
          status: 401,
          headers: {
            'WWW-Authenticate': 'Bearer realm="https://auth.example.com/token",service="reg.example.com"',
          },
        };
      return {
        status: 200,
        body: MANIFEST,
        headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      };
    });
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    const got = await Promise.all(['a', 'b', 'c', 'd'].map((t) => client.manifest('r', t, ACCEPT)));
    expect(got.every((m) => m !== undefined)).toBe(true);
    expect(requests.filter((r) => r.url.startsWith('https://auth.example.com/'))).toHaveLength(1);
  });

  it('marks what may be sent again on a new connection: reads, manifests, opening and cancelling uploads; not an upload PUT', async () => {
    const seen: [string, boolean][] = [];
    const fetch: OciFetch = async (url, init) => {
      seen.push([`${init.method} ${new URL(url).pathname}`, init.resendable === true]);
      if (init.method === 'POST')
        return response({ status: 202, headers: { Location: '/v2/r/blobs/uploads/u-1' } });
      if (init.method === 'DELETE') return response({ status: 204 });
      if (init.method === 'GET') return response({ status: 404 });
      return response({ status: 201 });
    };
    const client = createOciClient('localhost:5000', { fetch, credential: () => none });
    await client.manifest('r', 't', ACCEPT);
    const u = (await client.startUpload('r'))!;
    await client.finishUpload('r', u, Buffer.from('x'));
    await client.cancelUpload('r', u);
    await client.putManifest('r', 't', 'application/vnd.oci.image.manifest.v1+json', Buffer.from('{}'));
    expect(seen).toEqual([
      ['GET /v2/r/manifests/t', true],
      ['POST /v2/r/blobs/uploads/', true],
      ['PUT /v2/r/blobs/uploads/u-1', false],
      ['DELETE /v2/r/blobs/uploads/u-1', true],
      ['PUT /v2/r/manifests/t', true],
    ]);
  });

  it('the token request may be sent again too (a GET), and a token refused later is asked for anew', async () => {
    let current = 'tok-1';
    let issued = 0;
    const marks: boolean[] = [];
    const { fetch, requests } = scripted((r): Answer => {
      if (r.url.startsWith('https://auth.example.com/')) {
        issued++;
        return { status: 200, body: JSON.stringify({ token: `tok-${issued}` }) };
      }
      if (r.headers.Authorization !== `Bearer ${current}`)
        return {
          status: 401,
          headers: {
            'WWW-Authenticate': 'Bearer realm="https://auth.example.com/token",service="reg.example.com"',
          },
        };
      return {
        status: 200,
        body: MANIFEST,
        headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      };
    });
    const recording: OciFetch = (url, init) => {
      if (url.startsWith('https://auth.example.com/')) marks.push(init.resendable === true);
      return fetch(url, init);
    };
    const client = createOciClient('reg.example.com', { fetch: recording, credential: () => none });
    await client.manifest('r', 'a', ACCEPT);
    expect(marks).toEqual([true]);
    // The registry now refuses tok-1 (expired): the client asks for a new token, not the old one.
    current = 'tok-2';
    expect(await client.manifest('r', 'b', ACCEPT)).toBeDefined();
    expect(issued).toBe(2);
    expect(requests.at(-1)!.headers.Authorization).toBe('Bearer tok-2');
  });
});
