// A real PEP 503 index for pip, on 127.0.0.1: small generated wheels whose METADATA carries the
// Requires-Dist lines we choose (copied from the real packages where a test reproduces a conflict).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './docker-env.js';

export interface WheelSpec {
  name: string;
  version: string;
  requires?: string[];
  /** Import package name (default: name with - -> _). */
  module?: string;
  /** Extra files inside the module, path -> content (e.g. torch's version.py). */
  files?: Record<string, string>;
  /** Index sub-path the wheel is listed under (default "simple"), e.g. "whl/cu128". */
  index?: string;
  requiresPython?: string;
}

export interface WheelIndex {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/simple */
  url: string;
  root: string;
  close(): Promise<void>;
}

const normalize = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

const MAKE_WHEEL = path.join(REPO_ROOT, 'scripts', 'make-wheel.py');

export function wheelFileName(spec: WheelSpec): string {
  return `${spec.name.replace(/-/g, '_')}-${spec.version}-py3-none-any.whl`;
}

export function writeWheels(root: string, specs: readonly WheelSpec[]): void {
  for (const spec of specs) {
    const dir = path.join(root, spec.index ?? 'simple', normalize(spec.name));
    mkdirSync(dir, { recursive: true });
    const r = spawnSync('python3', [MAKE_WHEEL, JSON.stringify(spec), path.join(dir, wheelFileName(spec))], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`making the wheel ${spec.name} ${spec.version} failed: ${r.stderr}`);
  }
}

function listing(dir: string, urlPath: string): string {
  const links = readdirSync(dir)
    .sort()
    .map((n) => {
      const href = statSync(path.join(dir, n)).isDirectory() ? `${n}/` : n;
      return `<a href="${encodeURI(href)}">${n}</a><br/>`;
    });
  return `<!DOCTYPE html><html><head><title>Links for ${urlPath}</title></head><body>\n${links.join('\n')}\n</body></html>\n`;
}

export async function startWheelIndex(specs: readonly WheelSpec[]): Promise<WheelIndex> {
  const root = mkdtempSync(path.join(tmpdir(), 'ml-image-index-'));
  writeWheels(root, specs);
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const parts = urlPath.split('/').filter(Boolean);
    // PEP 503: project names are normalized; pip asks for /simple/<normalized>/ (a file: as it is)
    if (parts.length >= 2 && !/\.(whl|tar\.gz|zip)$/.test(parts.at(-1)!))
      parts[parts.length - 1] = normalize(parts.at(-1)!);
    const file = path.join(root, ...parts);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    if (statSync(file).isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { Location: `${urlPath}/` }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(listing(file, urlPath));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/simple`,
    root,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
