// Planted credentials through a REAL build and push: index URLs with tokens (python.indexUrl,
// python.extraIndexUrls, a requirements file's own --extra-index-url, PIP_INDEX_URL from the
// environment) and build.secrets reach pip only through BuildKit secret mounts, and a build.secrets
// value in a direct URL's query (`?sig=${SAS}`), which pip writes into the installed distribution's
// direct_url.json, is scrubbed from it by the template's install step. Afterwards no token
// is in `docker history --no-trunc`, `docker image inspect`, any layer or config blob read back from
// the registry, the build log, or the result JSON. The base carries Debian's PEP 668 marker
// (EXTERNALLY-MANAGED), so the same builds prove that the cpu template installs into a
// distribution-managed Python the way the resolver does (PIP_BREAK_SYSTEM_PACKAGES=1).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build/result.js';
import { runBuildStage } from '../../src/build/stage.js';
import { findImagesDir } from '../../src/util/images-dir.js';
import { validateConfigData } from '../../src/config/load.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { ActionsExecRunner } from '../../src/docker/exec-runner.js';
import { bundledCatalog } from '../../src/plan/catalog.js';
import { planBuild } from '../../src/plan/plan.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { startWheelIndex, type WheelIndex, wheelFileName } from '../helpers/wheel-index.js';
import { buildTestImage } from '../helpers/images.js';
import { MANIFEST_ACCEPT } from '../helpers/net.js';

const env = inject('dockerEnv');
const tok = (n: number) => `plantedTok${n}x${randomBytes(6).toString('hex')}`;

function docker_(args: string[], input?: string) {
  const r = spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, input });
  return { code: r.status ?? -1, out: r.stdout ?? '', err: r.stderr ?? '' };
}

/** Every byte the registry holds for REF@DIGEST: manifests, config blobs, layers (gunzipped). */
async function registryBytes(registry: string, name: string, digest: string): Promise<Buffer[]> {
  const base = `http://${registry.replace(/^localhost/, '127.0.0.1')}/v2/${name}`;
  const out: Buffer[] = [];
  const get = async (url: string, accept?: string) => {
    const res = await fetch(url, accept ? { headers: { Accept: accept } } : {});
    expect(res.status, url).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const visit = async (d: string) => {
    const raw = await get(`${base}/manifests/${d}`, MANIFEST_ACCEPT);
    out.push(raw);
    const m = JSON.parse(raw.toString('utf8')) as {
      manifests?: { digest: string }[];
      config?: { digest: string };
      layers?: { digest: string; mediaType: string }[];
    };
    for (const child of m.manifests ?? []) await visit(child.digest);
    if (m.config) out.push(await get(`${base}/blobs/${m.config.digest}`));
    for (const l of m.layers ?? []) {
      const blob = await get(`${base}/blobs/${l.digest}`);
      out.push(/gzip/.test(l.mediaType) ? gunzipSync(blob) : blob);
    }
  };
  await visit(digest);
  return out;
}

describe.skipIf(!env.available)('secrets never reach the image, the log or the result (real build)', () => {
  const images = env.images!;
  const registry = images.registry;
  const standIn = `${registry}/ml-image-it/pep668-python:3.11`;
  const tokens = {
    indexUrl: tok(1),
    extraIndexUrl: tok(2),
    requirementsLine: tok(3),
    pipIndexUrlEnv: tok(4),
    // build.secrets: one with shell syntax in it (the install step sources it), one that pip expands
    // in a requirement line (${ML_IT_INDEX_PATH}) as a git+https token would be.
    quoted: `it's "$HOME" $(touch /tmp/pwned) \`id\` ${tok(5)}`,
    indexPath: tok(6),
    // a signed query in a direct URL (`?sig=${SAS}`): pip keeps the query in direct_url.json, which
    // the templates' install step scrubs
    sas: tok(7),
  };
  const planted = [
    tokens.indexUrl,
    tokens.extraIndexUrl,
    tokens.requirementsLine,
    tokens.pipIndexUrlEnv,
    tokens.quoted.split(' ').at(-1)!,
    tokens.indexPath,
    tokens.sas,
  ];
  let docker: DockerAdapter;
  let index: WheelIndex;
  let dir: string;
  const pulled: string[] = [];

  beforeAll(async () => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-secrets-it-'));
    index = await startWheelIndex([
      { name: 'mlimg-tiny', version: '1.0.0' },
      { name: 'mlimg-private', version: '2.0.0', index: `${tokens.indexPath}/simple` },
      { name: 'mlimg-second', version: '3.0.0' },
      { name: 'mlimg-direct', version: '4.0.0' },
    ]);
    // The stand-in base: the local Debian python image with Debian's own PEP 668 marker back in place.
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}
RUN printf '[externally-managed]\\nError=To install Python packages system-wide, try apt install python3-xyz.\\n' \\
      > "$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')/EXTERNALLY-MANAGED"
`,
      standIn,
      '--push',
    );
  }, 300_000);

  afterAll(async () => {
    await index?.close();
    for (const ref of pulled) docker_(['image', 'rm', '-f', ref]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the stand-in base really is externally managed: plain pip install refuses (PEP 668)', () => {
    const r = docker_([
      'run',
      '--rm',
      '--network',
      'host',
      standIn,
      'python3',
      '-m',
      'pip',
      'install',
      '--index-url',
      index.url,
      'mlimg-tiny',
    ]);
    expect(r.code).not.toBe(0);
    expect(r.out + r.err).toContain('externally-managed-environment');
  });

  async function build(
    variant: string,
    python: Record<string, unknown>,
    requirements: string,
    extraEnv: Record<string, string>,
  ) {
    // The requirements file sits next to the config, outside the build context: a file inside the
    // context is copied into the image by the templates' `COPY . /app` (see docs/build.md, Security).
    const cfgDir = mkdtempSync(path.join(dir, `cfg-${variant}-`));
    const ctx = path.join(cfgDir, 'app');
    mkdirSync(ctx);
    writeFileSync(path.join(ctx, 'app.py'), 'print("hi")\n');
    writeFileSync(path.join(cfgDir, 'requirements.txt'), requirements);
    const config = validateConfigData(
      {
        image: { name: 'ml-image-it/secrets', registry, version: '0.1.0' },
        variants: [{ name: variant, base: standIn }],
        platforms: ['linux/amd64'],
        python: { requirements: ['requirements.txt'], ...python },
        build: {
          context: 'app',
          network: 'host',
          secrets: ['ML_IT_QUOTED', 'ML_IT_INDEX_PATH', 'ML_IT_SAS', 'ML_IT_REQ_TOKEN'],
        },
      },
      path.join(cfgDir, 'ml-image.yml'),
    );
    const plan = planBuild(config, {
      catalog: bundledCatalog(),
      git: { sha: 'abcdef1234' },
      now: new Date(),
    });
    const log: string[] = [];
    const result = await runBuildStage(
      { plan, config, baseDir: cfgDir, imagesDir: findImagesDir(REPO_ROOT), push: true },
      {
        docker,
        exec: new ActionsExecRunner(),
        env: {
          ML_IT_QUOTED: tokens.quoted,
          ML_IT_INDEX_PATH: tokens.indexPath,
          ML_IT_SAS: tokens.sas,
          ML_IT_REQ_TOKEN: tokens.requirementsLine,
          ...extraEnv,
        },
        progress: (l) => log.push(l),
        output: (l) => log.push(l),
      },
    );
    return { result, log, plan };
  }

  /** Every place a token could leak to, as text/bytes; the image is pulled for history/inspect. */
  async function everyTrace(
    result: BuildResult,
    log: string[],
    plan: unknown,
  ): Promise<Record<string, Buffer[]>> {
    const v = result.variants[0]!;
    const ref = `${v.repository}@${v.platforms[0]!.digest}`;
    expect(docker_(['pull', '--platform', 'linux/amd64', ref]).code).toBe(0);
    pulled.push(ref);
    const history = docker_(['history', '--no-trunc', '--format', '{{json .}}', ref]);
    expect(history.code, history.err).toBe(0);
    const inspect = docker_(['image', 'inspect', ref]);
    expect(inspect.code, inspect.err).toBe(0);
    const name = v.repository.slice(registry.length + 1);
    return {
      'docker history --no-trunc': [Buffer.from(history.out)],
      'docker image inspect': [Buffer.from(inspect.out)],
      'registry blobs (merged tag)': await registryBytes(registry, name, v.digest!),
      'build log': [Buffer.from(log.join('\n'))],
      'build.json and plan.json': [Buffer.from(JSON.stringify(result)), Buffer.from(JSON.stringify(plan))],
    };
  }

  it('index URLs, a requirements line, build.secrets and a direct URL query with tokens: none of them anywhere', async () => {
    const direct = `${index.origin}/simple/mlimg-direct/${wheelFileName({ name: 'mlimg-direct', version: '4.0.0' })}`;
    const auth = (t: string) => `http://mlimg:${t}@${index.origin.slice('http://'.length)}`;
    const { result, log, plan } = await build(
      'deb12',
      {
        indexUrl: `${auth(tokens.indexUrl)}/simple`,
        extraIndexUrls: [`${auth(tokens.extraIndexUrl)}/simple`],
      },
      [
        'mlimg-tiny==1.0.0',
        // a login written literally is refused (exit 2): the token comes from build.secrets
        `--extra-index-url http://x:\${ML_IT_REQ_TOKEN}@${index.origin.slice(7)}/simple`,
        // pip expands ${VAR} from its environment: the build.secret is there, so this index exists
        `--extra-index-url ${index.origin}/\${ML_IT_INDEX_PATH}/simple`,
        'mlimg-private==2.0.0',
        // the server ignores the query; pip writes the URL, query and all, into direct_url.json
        `mlimg-direct @ ${direct}?sv=2024&sig=\${ML_IT_SAS}`,
        '',
      ].join('\n'),
      {},
    );
    const v = result.variants[0]!;
    expect(v.digest).toMatch(/^sha256:/);

    const traces = await everyTrace(result, log, plan);
    expect(traces['registry blobs (merged tag)']!.length).toBeGreaterThan(4);
    for (const [where, buffers] of Object.entries(traces)) {
      for (const t of planted) {
        expect(
          buffers.some((b) => b.includes(t)),
          `token ${t.slice(0, 14)}... found in ${where}`,
        ).toBe(false);
      }
    }
    // the history shows the install step without any URL or requirement text, only the inputs digest
    const history = traces['docker history --no-trunc']![0]!.toString();
    expect(history).toContain('ML_IMAGE_INPUTS_SHA256=');
    expect(history).not.toMatch(/INDEX_URL=http|REQUIREMENTS_TXT|CONSTRAINTS_TXT|mlimg-tiny/);

    // the packages are there (pip reached every index), the PEP 668 marker is kept, and the
    // image's own environment does not carry PIP_BREAK_SYSTEM_PACKAGES (only the install step did)
    const run = await docker.runContainer({
      image: `${v.repository}@${v.platforms[0]!.digest}`,
      platform: 'linux/amd64',
      cmd: [
        'sh',
        '-c',
        'python3 -c "import mlimg_tiny, mlimg_private; print(\'ok\')" && ls /usr/lib/python3.11/EXTERNALLY-MANAGED && echo "bsp=${PIP_BREAK_SYSTEM_PACKAGES:-unset}" && ls /run/secrets 2>&1 | head -1; ls /tmp/pwned 2>&1 | head -1',
      ],
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('ok\n/usr/lib/python3.11/EXTERNALLY-MANAGED\nbsp=unset\n');
    // nothing of the secret mounts stays in the image, and the quoted secret was not executed
    expect(run.stdout).not.toMatch(/ml_image_/);
    expect(run.stdout).toMatch(/\/tmp\/pwned'?: No such file/);

    // the direct URL's distribution is installed, its direct_url.json as pip writes it but for the
    // query, and its RECORD line matches the rewritten file
    const record = await docker.runContainer({
      image: `${v.repository}@${v.platforms[0]!.digest}`,
      platform: 'linux/amd64',
      cmd: [
        'python3',
        '-c',
        [
          'import base64, hashlib, importlib.metadata as m, mlimg_direct',
          'd = m.distribution("mlimg-direct")',
          'b = d.read_text("direct_url.json").encode()',
          'h = base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b"=").decode()',
          'print(d.version, b.decode())',
          'print([f.hash.value == h and f.size == len(b) for f in d.files if f.name == "direct_url.json"])',
        ].join('\n'),
      ],
    });
    expect(record.exitCode, record.stderr).toBe(0);
    const [first, second] = record.stdout.trim().split('\n');
    expect(first).toMatch(/^4\.0\.0 \{"archive_info": \{/);
    expect(JSON.parse(first!.slice('4.0.0 '.length)).url).toBe(direct);
    expect(second).toBe('[True]');
  }, 600_000);

  it('PIP_INDEX_URL from the environment (no python.indexUrl) reaches pip, and nowhere else', async () => {
    const url = `http://mlimg:${tokens.pipIndexUrlEnv}@${index.origin.slice(7)}/simple`;
    const { result, log, plan } = await build('deb12env', {}, 'mlimg-second==3.0.0\n', {
      PIP_INDEX_URL: url,
    });
    const traces = await everyTrace(result, log, plan);
    for (const [where, buffers] of Object.entries(traces)) {
      expect(
        buffers.some((b) => b.includes(tokens.pipIndexUrlEnv)),
        `PIP_INDEX_URL token in ${where}`,
      ).toBe(false);
    }
    const v = result.variants[0]!;
    const run = await docker.runContainer({
      image: `${v.repository}@${v.platforms[0]!.digest}`,
      platform: 'linux/amd64',
      cmd: ['python3', '-c', 'import mlimg_second; print("ok")'],
    });
    expect(run.stdout.trim(), run.stderr).toBe('ok');
  }, 600_000);

  it('an index that requires the login: pip in the build logs in through the netrc secret, the URL it is given has none', async () => {
    const token = tok(8);
    const expected = `Basic ${Buffer.from(`mlimg:${token}`).toString('base64')}`;
    const seen: (string | undefined)[] = [];
    // In front of the wheel index: 401 without the login, the index's answer with it.
    const front: Server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="idx"' }).end();
        return;
      }
      void fetch(`${index.origin}${req.url ?? '/'}`, { redirect: 'manual' }).then(async (r) => {
        const headers: Record<string, string> = {};
        r.headers.forEach((v, k) => void (headers[k] = v));
        res.writeHead(r.status, headers).end(Buffer.from(await r.arrayBuffer()));
      });
    });
    await new Promise<void>((ok) => front.listen(0, '127.0.0.1', ok));
    try {
      const { port } = front.address() as { port: number };
      const { result, log, plan } = await build(
        'deb12auth',
        { indexUrl: `http://mlimg:${token}@127.0.0.1:${port}/simple` },
        'mlimg-second==3.0.0\n',
        {},
      );
      const v = result.variants[0]!;
      expect(v.digest).toMatch(/^sha256:/);
      // Every request pip made carried the login, none went without it. The pip.conf secret holds the
      // URL without it (build-run.test.ts): the login came from the netrc secret.
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((a) => a !== expected)).toEqual([]);
      const traces = await everyTrace(result, log, plan);
      for (const [where, buffers] of Object.entries(traces))
        expect(
          buffers.some((b) => b.includes(token)),
          `the index login in ${where}`,
        ).toBe(false);
      expect(log.join('\n')).not.toContain('its login stays in the index URL');
    } finally {
      front.closeAllConnections();
      await new Promise<void>((ok) => front.close(() => ok()));
    }
  }, 600_000);
});
