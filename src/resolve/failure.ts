// A pip run that failed for another reason than a conflict, as the error the user sees: pip's own
// words (redacted, with the user's "file:line" in place of the container's file), blamed on the
// requirement line or the index, with the exit class that fits (2 input, 3 environment, 1 other).
// One function per kind of failure. Pure.
import { redactUrls, shownUrl } from '../util/redact.js';
import { CheckFailedError, EnvironmentError, InputError, locationOf, type MlImageError } from '../errors.js';
import { describeIndexes, type PipIndexes } from '../python/indexes.js';
import type { RequirementOrigin } from '../requirements/read.js';
import { classifyPipFailure, indexesSearched, type PipFailure, pipMessage } from './pip-output.js';
import { DIR, proxyHint } from './workdir.js';
import { withConstraintOrigins } from './constraint-origins.js';
import { localPathOrigin } from './local-path.js';
import { lineNaming } from './blamed-line.js';
import { pythonSkipped, untrustedHosts } from './no-match.js';

export interface FailureContext {
  image: string;
  origins: readonly string[];
  requirements: readonly RequirementOrigin[];
  /** The requirements text's lines, as origins names them: which of several lines pip names. */
  lines?: readonly string[];
  /** The user's "file:line" of line N of the -c files' lines (input.ts userConstraintsText). */
  constraintOrigins?: readonly string[];
  indexes: PipIndexes;
  /** The network the resolver's container ran on (the fix of an unreachable index names it). */
  network?: 'host' | 'bridge';
  /** Set when the engine runs in a VM (network-lookup.ts engineVm): the loopback host pip had to reach. */
  engineVm?: { loopback?: string };
}

/**
 * What an unreachable index or URL adds to its fix when the container ran on Docker's bridge: an
 * index the build machine reaches may be out of the container's reach, and how to switch.
 */
export function bridgeHint(ctx: Pick<FailureContext, 'network'>): string {
  if (ctx.network !== 'bridge') return '';
  return "; the resolver's container ran on Docker's bridge network: for an index or URL reachable only from this machine (on its loopback, or through a name in its /etc/hosts) set build.network: host in the config, or pass --network host to ml-image resolve";
}

/**
 * The same on the host network of an engine in a VM: it is the VM's, not this machine's loopback.
 * host.docker.internal names this machine there (docs.docker.com desktop/features/networking;
 * colima, OrbStack too); Docker Desktop's host networking is an opt-in of 4.34 and later
 * (docs.docker.com engine/network/drivers/host: Settings > Resources > Network).
 */
export function vmHint({ network, engineVm }: Pick<FailureContext, 'network' | 'engineVm'>): string {
  if (network !== 'host' || engineVm === undefined) return '';
  const at = engineVm.loopback;
  const port = at === undefined ? ':PORT' : (/(:\d+)$/.exec(at.replace(/^\[.*\]/, ''))?.[1] ?? '');
  const to = `host.docker.internal${port}`;
  return `; the Docker engine runs in a VM (Docker Desktop, colima, OrbStack), so the host network the resolver's container ran on is the VM's, and ${at ?? "this machine's loopback"} is not there: name the index by ${to} instead of ${at ?? 'localhost or 127.0.0.1'} (for a plain-http index add --trusted-host ${to} to the requirements), or turn on Docker Desktop's host networking (4.34 or later: Settings > Resources > Network > Enable host networking)`;
}

const sameUrl = (a: string, b: string) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');

function urlMatches(url: string, at: { host: string; port: string; path: string }): boolean {
  try {
    const u = new URL(url.replace(/^[a-z]+\+/, ''));
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return u.hostname === at.host && port === at.port && u.pathname === at.path.replace(/[?#].*$/, '');
  } catch {
    return false;
  }
}

/**
 * The indexes to name for a failed run, shown (logins masked): those pip says it searched (its
 * "Looking in indexes:" line names the base image's own PIP_INDEX_URL or pip.conf too, which the
 * context cannot know), else the context's.
 */
function searchedIndexes(out: string, ctx: FailureContext): string {
  const searched = indexesSearched(out);
  return searched !== undefined
    ? searched.map((u) => redactUrls(u)).join(', ')
    : describeIndexes(ctx.indexes);
}

/** What every handler needs: the context, pip's whole output, and the two ways of quoting it. */
interface Blame {
  ctx: FailureContext;
  out: string;
  /** The user's "file:line" of line N of the requirements text (undefined for 0). */
  at: (line: number) => string | undefined;
  /** "pip said:" and pip's words, indented, with the user's file names. */
  said: (message: string) => string;
}

function blame(out: string, ctx: FailureContext): Blame {
  const at = (line: number) => (line > 0 ? (ctx.origins[line - 1] ?? `line ${line}`) : undefined);
  // pip names lines of the file in the container: show the user's file and line instead.
  const said = (m: string) =>
    `\npip said:\n${redactUrls(
      m
        .replace(
          /(?:-r )?\/tmp\/ml-image-resolve\/requirements\.txt \(line (\d+)\)/g,
          (x, n: string) => at(Number(n)) ?? x,
        )
        .replace(
          /from line (\d+) of \/tmp\/ml-image-resolve\/requirements\.txt/g,
          (x, n: string) => `from ${at(Number(n)) ?? x}`,
        )
        .replaceAll(`${DIR}/`, ''),
    ).replace(/^/gm, '  ')}`;
  return { ctx, out, at, said };
}

const prefix = (origin: string | undefined) => (origin ? `${origin}: ` : '');
/** An error's options that place it on ORIGIN's file and line ("FILE:LINE"), for the action's annotation. */
const placed = (origin: string | undefined) => ({ location: locationOf(origin) });

function directUrl(f: Extract<PipFailure, { kind: 'direct-url' }>, { ctx, said }: Blame): MlImageError {
  const line =
    ctx.requirements.find((r) => r.url !== undefined && sameUrl(r.url, f.url)) ??
    (f.line > 0 ? ctx.requirements.find((r) => r.origin === ctx.origins[f.line - 1]) : undefined) ??
    ctx.requirements.find((r) => r.url !== undefined && r.url.endsWith(`/${f.url}`));
  const url = redactUrls(f.url);
  const msg = `${prefix(line?.origin)}the direct URL ${url} failed: ${redactUrls(f.reason)}${said(f.message)}`;
  return f.notFound
    ? new InputError(
        msg,
        'fix the URL on that requirement line (pip fetches it from that URL as written)',
        placed(line?.origin),
      )
    : new EnvironmentError(
        msg,
        `check that ${url} is reachable from inside ${ctx.image} (the resolver runs pip there)`,
        placed(line?.origin),
      );
}

function unreachable(
  f: Extract<PipFailure, { kind: 'unreachable' }>,
  { ctx, out, said }: Blame,
): MlImageError {
  // A direct URL that cannot be fetched is that line's fault, not the index's.
  const u = f.url;
  const line = u && ctx.requirements.find((r) => r.url !== undefined && urlMatches(r.url, u));
  if (line)
    return new EnvironmentError(
      `${line.origin}: the direct URL ${redactUrls(line.url!)} is unreachable from ${ctx.image}: ${redactUrls(f.message)}${said(pipMessage(out))}`,
      `check that URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${proxyHint(ctx)}`,
      placed(line.origin),
    );
  return new EnvironmentError(
    `the package index ${searchedIndexes(out, ctx)} is unreachable from ${ctx.image}: ${redactUrls(f.message)}`,
    `check python.indexUrl / PIP_INDEX_URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${proxyHint(ctx)}`,
  );
}

function noMatch(f: Extract<PipFailure, { kind: 'no-match' }>, { ctx, out, said }: Blame): MlImageError {
  // A dependency's requirement (pip's "(from X)"): the line of the project that depends on it, and
  // said so, even where the requirements name the dependency too (its bound is X's).
  const line = (f.from !== undefined ? lineNaming(ctx, f.from) : undefined) ?? lineNaming(ctx, f.requirement);
  // pip shows an index page it may not read (401, 403: a wrong, expired or read-less token) as
  // one that lists no version, and says so only at -vv: a login-bearing index is worth checking.
  const none = /\(from versions: none\)/.test(f.message);
  const login =
    [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls].some((u) => redactUrls(u) !== u) ||
    (indexesSearched(out) ?? []).some((u) => /:\/\/[^/@\s]*@/.test(u));
  const otherPython = pythonSkipped(out);
  const ignored = none ? untrustedHosts(out).join(', ') : '';
  return new InputError(
    `${prefix(line?.origin)}${f.from !== undefined ? `${f.from} depends on "${redactUrls(f.requirement)}", and no release of it is` : `no release of "${redactUrls(f.requirement)}"`} found on ${searchedIndexes(out, ctx)}${ignored ? `: pip ignored the plain-http index on ${ignored}, a host it does not trust` : ''}${said(f.message)}`,
    ignored
      ? `serve the index over https, or add "--trusted-host ${ignored.split(', ')[0]}" to the requirements file (a line of its own: the resolver's and the build's pip both read it); pip trusts plain http on localhost alone`
      : `${f.from !== undefined ? `choose a release of ${f.from} whose dependencies the index has, or add the missing release to the index` : 'check the package name and version in your requirements, and that the index has it'}${
          otherPython
            ? `; pip skipped releases that need another Python than the base image's (${otherPython}): if the one you asked for is among them, choose an older release, or a variant whose python: fits`
            : ''
        }${none && login ? "; pip lists no versions for an index that refuses its credentials too (401, 403): check that the index's token is current and may read the project" : ''}`,
    placed(line?.origin),
  );
}

/**
 * pip found no release because an index refused it (401, 403: the -vv retry shows it): the index's
 * credentials, not the requirement, are what to fix (exit 3).
 */
function refused(f: Extract<PipFailure, { kind: 'refused' }>, { ctx, said }: Blame): MlImageError {
  const line = lineNaming(ctx, f.requirement);
  const by = [...new Set(f.refusals.map((r) => `${redactUrls(r.url)} answered ${r.status}`))].join('; ');
  return new EnvironmentError(
    `${prefix(line?.origin)}no release of "${redactUrls(f.requirement)}" found: the package index refused pip (${by})${said(f.message)}`,
    "check the index's credentials (python.indexUrl / python.extraIndexUrls, PIP_INDEX_URL / PIP_EXTRA_INDEX_URL, or a --index-url line with a ${NAME} listed in build.secrets): the token may be wrong, expired, or not allowed to read that project",
    placed(line?.origin),
  );
}

function invalidRequirement(
  f: Extract<PipFailure, { kind: 'invalid-requirement' }>,
  { at, said }: Blame,
): MlImageError {
  return new InputError(
    `${prefix(at(f.line))}invalid requirement "${redactUrls(f.requirement)}"${said(f.message)}`,
    'fix that line (PEP 508 syntax, e.g. "numpy>=1.26,<2"; a local path must exist inside the base image)',
    placed(at(f.line)),
  );
}

const HASH_MODE =
  "pip's hash-checking mode is on (a --hash on any requirement or constraint line turns it on for every requirement, as --require-hashes does)";
const LEAVE_MODE = 'or drop every --hash and --require-hashes to leave that mode';
const listedAll = (reqs: readonly string[]) => reqs.map((r) => redactUrls(r)).join(', ');

/**
 * Requirements not pinned with ==: a line's own (blamed on the first line that names one), or a
 * dependency no line lists, which pip asks for as its dependent's metadata does, unpinned, and
 * writes with its dependent's "(line N)" (hash-failure.ts requiredBy): blamed on that line as what
 * needs it, never as unpinned itself. Exit 2.
 */
function unpinned(f: Extract<PipFailure, { kind: 'hash' }>, { ctx, at, said }: Blame): MlImageError {
  const by = f.requiredBy;
  const deps = f.requirements.filter((r) => by[r] !== undefined && lineNaming(ctx, r) === undefined);
  const own = f.requirements.filter((r) => !deps.includes(r));
  const ownToo = own.length > 0 || deps.length === 0;
  const dependency = (r: string) => {
    const { chain, line } = by[r]!;
    return `${redactUrls(r)} is not pinned with ==: it is a dependency of ${chain.map((c) => redactUrls(c)).join(', required by ')}${line > 0 ? ` (${at(line)})` : ''} that no line lists, so pip takes it as ${redactUrls(chain[0]!)} asks for it, with no == pin`;
  };
  const problems = [
    ...(ownToo
      ? [`${listedAll(own) || 'some requirements'} ${own.length === 1 ? 'is' : 'are'} not pinned with ==`]
      : []),
    ...deps.map(dependency),
  ];
  const named = own.flatMap((r) => lineNaming(ctx, r) ?? []);
  const origin = named[0]?.origin ?? at(deps.length > 0 ? by[deps[0]!]!.line : f.line);
  const add = deps.map((r) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(r)?.[0] ?? r).join(', ');
  const fixes = [
    ...(deps.length > 0
      ? [
          `add ${add} to the requirements, pinned with == and with ${deps.length === 1 ? 'its' : 'their'} hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export list every dependency so)`,
        ]
      : []),
    ...(ownToo ? ['pin each to one version (name==1.2.3) with its --hash'] : []),
  ];
  return new InputError(
    `${prefix(origin)}${HASH_MODE}, and ${problems.join('; and ')}${said(f.message)}`,
    `${fixes.join(', and ')}, ${LEAVE_MODE}`,
    placed(origin),
  );
}

/**
 * A hash-checking failure: a file that does not match its --hash; requirements without a --hash in
 * that mode (blamed on the first line that names one of them: else they are dependencies the files
 * do not list); requirements not pinned with == (unpinned). Exit 2.
 */
function hashFailure(f: Extract<PipFailure, { kind: 'hash' }>, b: Blame): MlImageError {
  const { ctx, at, said } = b;
  if (f.problem === 'mismatch')
    return new InputError(
      `${prefix(at(f.line))}a downloaded file does not match the --hash given in the requirements${said(f.message)}`,
      'update the --hash values (pip hash FILE), or find out why the file changed',
      placed(at(f.line)),
    );
  if (f.problem === 'unpinned') return unpinned(f, b);
  const listed = listedAll(f.requirements) || 'some requirements';
  const named = f.requirements.flatMap((r) => lineNaming(ctx, r) ?? []);
  const unnamed = f.requirements.filter((r) => lineNaming(ctx, r) === undefined);
  return new InputError(
    `${prefix(named[0]?.origin)}${HASH_MODE}, and ${listed} ${f.requirements.length === 1 ? 'has' : 'have'} no --hash${named.length > 0 ? ` (${named.map((r) => r.origin).join(', ')}: a line without one)` : ''}${unnamed.length > 0 ? ` (${unnamed.map((r) => redactUrls(r)).join(', ')}: a dependency no line names)` : ''}${said(f.message)}`,
    `give each line its --hash, and list each dependency too, pinned with == and its hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export write every dependency so; pip's message above shows the hashes of the files it downloaded: check them before you copy them), ${LEAVE_MODE}`,
    placed(named[0]?.origin),
  );
}

function localPath(f: Extract<PipFailure, { kind: 'local-path' }>, { ctx, at, said }: Blame): MlImageError {
  const origin = localPathOrigin(f, ctx.requirements, at);
  return new InputError(
    `${prefix(origin)}a local path in the requirements is not there inside ${ctx.image}${said(f.message)}`,
    'resolve runs pip inside the base image, where your checkout is not: install local projects in the Dockerfile, or use resolve mode "off"',
    placed(origin),
  );
}

function buildFailed(f: Extract<PipFailure, { kind: 'build-failed' }>, { ctx, said }: Blame): MlImageError {
  const line = lineNaming(ctx, f.requirement);
  const what = f.requirement ? `"${redactUrls(f.requirement)}"` : 'a requirement';
  return new CheckFailedError(
    `${prefix(line?.origin)}pip could not build ${what} from source inside ${ctx.image} (its build step failed while pip read its metadata; not a dependency conflict)${said(f.message)}`,
    'that release has no wheel for this platform and Python, so pip builds it and its build needs what the base image lacks (a compiler, nvcc, torch): use a release or base image with a wheel, or a base image with its build requirements',
    placed(line?.origin),
  );
}

/** A URL as a line to compare: no VCS prefix, login, revision (`@v1.0` after the path) or fragment. */
const repoOf = (url: string) =>
  url
    .replace(/^[a-z]+\+/, '')
    .replace(/#.*$/, '')
    .replace(/^([a-z]+:\/\/)[^/]*@/, '$1')
    .replace(/(\/[^/@]*)@[^/]*$/, '$1')
    .replace(/\/$/, '');

/**
 * The requirement line of a VCS command pip ran: by the project pip was collecting ("Collecting
 * mypkg@ git+https://..."), else by its URL (as the command got it, without its login), else the
 * one line with a VCS URL.
 */
function vcsLine(ctx: FailureContext, requirement?: string, url?: string): RequirementOrigin | undefined {
  const named =
    requirement !== undefined && !requirement.includes('://') ? lineNaming(ctx, requirement) : undefined;
  if (named) return named;
  const vcs = ctx.requirements.filter((r) => r.url !== undefined && /^(?:git|hg|svn|bzr)\+/.test(r.url));
  const at = url ?? requirement;
  return (
    (at?.includes('://') ? vcs.find((r) => repoOf(r.url!) === repoOf(at)) : undefined) ??
    (vcs.length === 1 ? vcs[0] : undefined)
  );
}

/** The base image has no git (hg, svn, bzr) for a `pkg @ git+https://...` line: exit 2, what to change. */
function vcsMissing(f: Extract<PipFailure, { kind: 'vcs-missing' }>, { ctx, said }: Blame): MlImageError {
  const line = vcsLine(ctx, f.requirement);
  return new InputError(
    `${prefix(line?.origin)}pip needs ${f.command} to install a ${f.command}+ URL requirement, and the base image ${ctx.image} has no ${f.command}${said(f.message)}`,
    `install ${f.command} in the base image (its Dockerfile: apt-get install ${f.command}, say), or ask for the project as a wheel: from an index, or by its wheel's URL (NAME @ https://.../NAME-1.0-py3-none-any.whl)`,
    placed(line?.origin),
  );
}

/**
 * A VCS command pip ran failed (`git clone`: credentials, a host out of reach; `git checkout`: a
 * revision the repository lacks): exit 3 (2 for the revision), the URL without its login.
 */
function vcsFailed(f: Extract<PipFailure, { kind: 'vcs-failed' }>, { ctx, said }: Blame): MlImageError {
  const line = vcsLine(ctx, f.requirement, f.url);
  const url = f.url !== undefined ? ` of ${shownUrl(f.url)}` : '';
  const why = f.said.length > 0 ? `: ${redactUrls(f.said.join('; '))}` : '';
  const msg = `${prefix(line?.origin)}${f.command} ${f.subcommand}${url} failed inside ${ctx.image}${why}${said(f.message)}`;
  if (f.subcommand === 'checkout')
    return new InputError(
      msg,
      "check the revision after the URL's @ on that line: a branch, tag or commit the repository has",
      placed(line?.origin),
    );
  return new EnvironmentError(
    msg,
    `check the URL, and that ${ctx.image} can reach its host; a private repository needs its token in the URL, as a \${NAME} reference in place of the user name, with NAME listed in build.secrets; or ask for the project as a wheel instead${bridgeHint(ctx)}${vmHint(ctx)}`,
    placed(line?.origin),
  );
}

/**
 * The error for a failed pip run that is not a conflict (undefined for a conflict): pip's own
 * message, redacted, with the requirement line's origin. Pure.
 */
export function pipFailureError(pipOut: string, ctx: FailureContext): MlImageError | undefined {
  // A line of the -c files' text is named by its own file and line before anything reads a line
  // number: line N there is not line N of the requirements.
  const out = withConstraintOrigins(pipOut, ctx.constraintOrigins ?? []);
  // The hosts whose login pip has (in the URL or its netrc file: input.ts runIndexes).
  const urls = [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls];
  const loginHosts = new Set(urls.flatMap((u) => /^\w[\w+.-]*:\/\/[^/?#]*@([^/:?#]*)/.exec(u)?.[1] ?? []));
  const f = classifyPipFailure(out, loginHosts);
  const b = blame(out, ctx);
  switch (f.kind) {
    case 'conflict':
      return undefined;
    case 'invalid-requirement':
      return invalidRequirement(f, b);
    case 'direct-url':
      return directUrl(f, b);
    case 'hash':
      return hashFailure(f, b);
    case 'local-path':
      return localPath(f, b);
    case 'build-failed':
      return buildFailed(f, b);
    case 'vcs-missing':
      return vcsMissing(f, b);
    case 'vcs-failed':
      return vcsFailed(f, b);
    case 'unreachable':
      return unreachable(f, b);
    case 'no-match':
      return noMatch(f, b);
    case 'refused':
      return refused(f, b);
    case 'other':
      return new CheckFailedError(
        `pip failed in ${ctx.image} (not a dependency conflict)${b.said(f.message)}`,
        "see pip's message above",
      );
  }
}
