#!/usr/bin/env node
// Bundle the action and the CLI into dist/ with ncc, or (--check) rebuild in memory and fail on
// any difference from the committed dist/.
//
//   node scripts/build-dist.mjs          write dist/
//   node scripts/build-dist.mjs --check  exit 1 when dist/ is out of date (CI, and a unit test)
//   node scripts/build-dist.mjs --out DIR  write the bundle to DIR instead (benchmarks of a work in
//                                          progress: ML_IMAGE_DIST=DIR node bench/<name>.mjs)
//
// dist/ must be pure JavaScript: runners are amd64 AND arm64, so a native .node file built on one
// would break the other. ssh2 (under dockerode) carries optional native speed-ups that it loads in
// a try/catch; we mark them external so ncc never copies them, whether or not npm built them here.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
const dist = outAt >= 0 ? path.resolve(process.argv[outAt + 1]) : path.join(root, 'dist');

const ENTRIES = [
  { src: 'src/main.ts', out: '.' }, // the action: action.yml runs dist/index.js
  { src: 'src/cli/index.ts', out: 'cli', executable: true }, // the `ml-image` bin
];
const EXTERNALS = ['cpu-features', './crypto/build/Release/sshcrypto.node'];
// An external stays a require at run time, resolved from dist/'s folder up through every parent's
// node_modules: on a runner that is the checked-out repository's, a pull request's files. Each one
// is replaced by a module that is not found (ssh2 goes without it, as where npm built none), so no
// file outside dist/ ever loads into the action's process. A test (__tests__/unit/repo.test.ts)
// fails on any other require of a package that is not Node's own.
const externalRequire = (name) =>
  `module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)(${JSON.stringify(name)});`;
const NOT_LOADED = (name) =>
  `module.exports = (() => { throw Object.assign(new Error(${JSON.stringify(`Cannot find module '${name}' (not bundled: dist/ loads nothing from outside it)`)}), { code: 'MODULE_NOT_FOUND' }); })();`;

/** CODE with every external's require replaced by NOT_LOADED; the count replaced per external. */
function stubExternals(code, counts) {
  let out = code;
  for (const name of EXTERNALS) {
    const parts = out.split(externalRequire(name));
    counts.set(name, (counts.get(name) ?? 0) + parts.length - 1);
    out = parts.join(NOT_LOADED(name));
  }
  return out;
}
const POST_ENTRY = `// The action's post step (action.yml post:), written by scripts/build-dist.mjs: the process is
// marked as the post step before the bundle loads (src/action/post.ts POST_ENTRY_FLAG).
globalThis.__mlImagePostStep = true;
await import('./index.js');
`;
// Assets ncc finds that a Linux runner never uses: ssh2's Windows Pageant helper binary.
const DROP_ASSETS = new Set(['pagent.exe']);

async function bundle() {
  /** @type {Map<string, {data: Buffer, executable: boolean}>} */
  const files = new Map();
  /** @type {Map<string, number>} */
  const stubbed = new Map();
  for (const entry of ENTRIES) {
    const { code, assets } = await ncc(path.join(root, entry.src), {
      // No webpack cache: ncc's default keeps one per working directory under ~/.cache/ncc,
      // which outlives the tree it was built from. A fresh clone's check once failed on one
      // chunk that a rebuild in the same clone then matched; without the cache every build
      // starts from the sources alone, and it is no slower here (63 s against 66 s).
      cache: false,
      externals: EXTERNALS,
      license: 'licenses.txt',
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2022',
    });
    files.set(path.posix.join(entry.out, 'index.js'), {
      data: Buffer.from(stubExternals(code, stubbed)),
      executable: !!entry.executable,
    });
    for (const [name, asset] of Object.entries(assets)) {
      if (DROP_ASSETS.has(path.basename(name))) continue;
      const source = name.endsWith('.js') ? stubExternals(String(asset.source), stubbed) : asset.source;
      files.set(path.posix.join(entry.out, name), { data: Buffer.from(source), executable: false });
    }
  }
  // action.yml's post entry: marks the process as the post step before the bundle loads, so that
  // a post step whose main step was cancelled before it saved any state is still one (src/action/post.ts).
  files.set('post.js', { data: Buffer.from(POST_ENTRY), executable: false });
  // ncc wrote an external's require in another shape: it would load from outside dist/.
  const missed = EXTERNALS.filter((name) => !stubbed.get(name));
  if (missed.length > 0) {
    throw new Error(`no require of ${missed.join(', ')} found to replace: update stubExternals`);
  }
  const native = [...files.keys()].filter((f) => f.endsWith('.node'));
  if (native.length > 0) {
    throw new Error(`native modules would be bundled (dist/ must be pure JS): ${native.join(', ')}`);
  }
  return files;
}

function listFiles(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? listFiles(full, rel) : [rel];
  });
}

// Where a committed file and its rebuild first part, so a failed check can be read from its log.
function firstDifference(committed, rebuilt) {
  const a = committed.toString('utf8').split('\n');
  const b = rebuilt.toString('utf8').split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const i = at < 0 ? a.length : at;
  const cut = (line) => JSON.stringify(line === undefined ? '(end of file)' : line.slice(0, 160));
  return `\n      line ${i + 1}: committed ${cut(a[i])}\n      line ${i + 1}: rebuilt   ${cut(b[i])}`;
}

const check = process.argv.includes('--check');
const started = Date.now();
const files = await bundle();

if (check) {
  const problems = [];
  for (const [rel, { data }] of files) {
    const onDisk = path.join(dist, rel);
    if (!existsSync(onDisk)) {
      problems.push(`missing: dist/${rel}`);
      continue;
    }
    const committed = readFileSync(onDisk);
    if (!committed.equals(data)) problems.push(`differs: dist/${rel}${firstDifference(committed, data)}`);
  }
  for (const rel of listFiles(dist)) if (!files.has(rel)) problems.push(`extra: dist/${rel}`);
  if (problems.length > 0) {
    console.error(
      `dist/ is out of date (${problems.length} file(s)):\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
    console.error('fix: run "npm run build" and commit dist/');
    process.exit(1);
  }
  console.log(`dist/ is in sync (${files.size} files, checked in ${Date.now() - started} ms)`);
} else {
  rmSync(dist, { recursive: true, force: true });
  for (const [rel, { data, executable }] of files) {
    const target = path.join(dist, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
    if (executable) chmodSync(target, 0o755);
  }
  console.log(
    `wrote ${path.relative(root, dist) || dist}/ (${files.size} files) in ${Date.now() - started} ms`,
  );
}
