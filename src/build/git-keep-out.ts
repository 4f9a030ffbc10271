// What of the context's git directory the build keeps out of the image. Git writes credentials into
// its config files: a remote URL's login (`https://x-access-token:TOKEN@github.com/o/r.git`, a clone
// with a personal token) and the token actions/checkout persists by default
// (`http.https://github.com/.extraheader AUTHORIZATION: basic ...`), for each submodule too
// (`.git/modules/NAME/config`). A `COPY . /app` would push them with the image, readable by whoever
// can pull it. The built-in templates copy the context as the app: the whole `.git` stays out (its
// history, which may hold a secret removed since, and Git LFS's copies of large files). A user's
// Dockerfile may read the repository (`git describe`, setuptools-scm): only the config files stay
// out, and git reads a repository without them. A clone nested deeper in the context (a vendored
// repository, a second actions/checkout into a subfolder, which persists its token there as well)
// is kept out the same way by ignore-file patterns (keepOutPatterns), without walking a context that
// may hold a dataset.
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** How deep submodules nest under `.git/modules` (a name may hold "/"; a module may have its own). */
const MAX_DEPTH = 16;

/** P's lstat; undefined when it is absent or cannot be looked at (the build then says why). */
function lstat(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}
const isDir = (p: string) => lstat(p)?.isDirectory() === true;
const exists = (p: string) => lstat(p) !== undefined;

/** Subdirectories of DIR (no links); none when it cannot be read. */
function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * The config files of the git directories under DIR (`.git/modules`): a directory with a HEAD is a
 * submodule's git directory (its config, then its own `modules`); any other is part of a name.
 */
function moduleConfigs(dir: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  return subdirs(dir).flatMap((d) => {
    if (!exists(path.join(d, 'HEAD'))) return moduleConfigs(d, depth + 1);
    const config = path.join(d, 'config');
    return [...(exists(config) ? [config] : []), ...moduleConfigs(path.join(d, 'modules'), depth + 1)];
  });
}

/**
 * The absolute paths of CONTEXT's git directory to keep out of the build: the whole `.git` for a
 * built-in TEMPLATE, else its config files (its own and its submodules'). None when the context has
 * no git directory of its own (a subdirectory of a checkout, a worktree's `.git` file).
 */
export function gitKeepOut(context: string, template: boolean): string[] {
  const git = path.join(context, '.git');
  if (!isDir(git)) return [];
  if (template) return [git];
  const config = path.join(git, 'config');
  return [...(exists(config) ? [config] : []), ...moduleConfigs(path.join(git, 'modules'), 0)];
}

/**
 * Files that hold secrets in plain text by convention: dotenv files (`.env`, `.env.production`,
 * `.env.local`; also a virtualenv named `.env`), direnv's `.envrc`, netrc (pip's and curl's
 * logins), `.pypirc` (upload tokens) and git's credential store.
 */
const SECRET_FILES = ['.env', '.env.*', '.envrc', '.netrc', '.pypirc', '.git-credentials'];
const SECRET_FILE_PATTERNS = SECRET_FILES.map((f) => `**/${f}`);

/** Whether NAME is one of SECRET_FILES (`.env.*`: `.env.` and at least one character more). */
const isSecretFile = (name: string) =>
  SECRET_FILES.some((f) =>
    f.endsWith('.*') ? name.startsWith(f.slice(0, -1)) && name.length > f.length - 1 : name === f,
  );

/**
 * The files at CONTEXT's root that SECRET_FILE_PATTERNS keeps out (they are kept out at any depth):
 * named in the build's note, so that a `COPY .env` that fails says why.
 */
function secretFilesAt(context: string): string[] {
  try {
    return readdirSync(context)
      .filter(isSecretFile)
      .sort()
      .map((n) => path.join(context, n));
  } catch {
    return [];
  }
}

/** What buildVariant keeps out of CONTEXT by path: its git directory's (gitKeepOut), its root's secret files. */
export const contextKeepOut = (context: string, template: boolean): string[] => [
  ...gitKeepOut(context, template),
  ...secretFilesAt(context),
];

/**
 * Ignore-file patterns for what gitKeepOut does not walk to: the git directories of clones nested
 * below CONTEXT's root, bare and mirror clones (`vendor/r.git`, a mirror keeps its remote's login)
 * and worktrees' `config.worktree`. A built-in TEMPLATE's build keeps every such directory out, a
 * user's Dockerfile their config files and nested submodules' (`*` first: at least one directory
 * deep, so the root's own modules stay as gitKeepOut chose them). A `.git` file (a submodule's
 * checkout) holds no credential. With them, the gha-creds-*.json that google-github-actions/auth
 * writes into the workspace also when it exports no variable naming it (its README asks for the
 * same line in `.dockerignore`). And, at any depth, the files that by convention hold secrets in
 * plain text (SECRET_FILE_PATTERNS): a workflow step often writes `HF_TOKEN=...` into a `.env`
 * for the app, and a `COPY . /app` would push it with the image.
 */
export function keepOutPatterns(template: boolean): string[] {
  const git = template
    ? ['**/*.git']
    : [
        '**/*.git/config',
        '**/*.git/config.worktree',
        '**/*.git/worktrees/*/config.worktree',
        '*/**/*.git/modules/**/config',
      ];
  return [...git, '**/gha-creds-*.json', ...SECRET_FILE_PATTERNS];
}
