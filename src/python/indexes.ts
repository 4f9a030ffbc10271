// Where pip looks for packages, for the resolver and the build alike: the config's python.indexUrl
// and python.extraIndexUrls, else the environment's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (as pip
// itself would read them). These URLs often carry credentials (https://user:TOKEN@host/simple), so
// they reach pip only through its environment or a pip.conf file (a BuildKit secret mount in the
// build), never a command line or a build argument, and their logins through a netrc file
// (netrcIndexes): pip itself copies the URLs onto the command line of the pip it starts to build a
// source distribution. Anything shown goes through redactUrls.
import { InputError } from '../errors.js';
import { indexUrlProblem } from '../util/pip-index-url.js';
import { redactUrls, shownUrl, urlSecret, valueMasks } from '../util/redact.js';
import { type NetrcSplit, splitNetrc } from './netrc.js';
import { decoded, urlTokens } from '../util/url-secrets.js';

export interface PipIndexes {
  indexUrl?: string;
  extraIndexUrls: string[];
}

/** pip's default index. */
const PYPI_SIMPLE = 'https://pypi.org/simple';

/** Throws an InputError (exit 2) naming WHERE the URL came from, shown as shownUrl shows it. */
function check(url: string, where: string): void {
  const problem = indexUrlProblem(url);
  if (problem !== undefined)
    throw new InputError(
      `${where}: ${problem} (got ${JSON.stringify(shownUrl(url))})`,
      'give a simple index URL, e.g. https://pypi.org/simple',
    );
}

/**
 * The indexes pip is given, unchecked: the given ones, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL
 * (for masking their credentials wherever they might be printed; pipIndexes to use them).
 */
export function givenPipIndexes(
  python: { indexUrl?: string | undefined; extraIndexUrls?: readonly string[] | undefined },
  env: Readonly<Record<string, string | undefined>> = {},
): PipIndexes {
  const indexUrl = python.indexUrl ?? (env.PIP_INDEX_URL?.trim() || undefined);
  const extra =
    python.extraIndexUrls && python.extraIndexUrls.length > 0
      ? [...python.extraIndexUrls]
      : (env.PIP_EXTRA_INDEX_URL ?? '').split(/\s+/).filter(Boolean);
  return { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: extra };
}

/**
 * The indexes pip uses (givenPipIndexes), each checked (indexUrlProblem): a bad one is an
 * InputError naming its source, NAMES for the given ones (the config's fields, or a command's
 * flags), the variable for the environment's.
 */
export function pipIndexes(
  python: { indexUrl?: string | undefined; extraIndexUrls?: readonly string[] | undefined },
  env: Readonly<Record<string, string | undefined>> = {},
  names: { indexUrl: string; extraIndexUrls: string } = {
    indexUrl: 'python.indexUrl',
    extraIndexUrls: 'python.extraIndexUrls',
  },
): PipIndexes {
  const ix = givenPipIndexes(python, env);
  if (ix.indexUrl !== undefined)
    check(ix.indexUrl, python.indexUrl !== undefined ? names.indexUrl : 'PIP_INDEX_URL (environment)');
  const extraGiven = (python.extraIndexUrls?.length ?? 0) > 0;
  for (const u of ix.extraIndexUrls)
    check(u, extraGiven ? names.extraIndexUrls : 'PIP_EXTRA_INDEX_URL (environment)');
  return ix;
}

/** The environment that points pip at the indexes (for `docker exec` env, never argv). */
export function pipIndexEnv(ix: PipIndexes): Record<string, string> {
  return {
    ...(ix.indexUrl !== undefined && { PIP_INDEX_URL: ix.indexUrl }),
    ...(ix.extraIndexUrls.length > 0 && { PIP_EXTRA_INDEX_URL: ix.extraIndexUrls.join(' ') }),
  };
}

/** A pip configuration file with the indexes (pip reads it from PIP_CONFIG_FILE). */
export function pipConf(ix: PipIndexes): string {
  const lines = ['[global]'];
  if (ix.indexUrl !== undefined) lines.push(`index-url = ${ix.indexUrl}`);
  if (ix.extraIndexUrls.length > 0) {
    lines.push('extra-index-url =', ...ix.extraIndexUrls.map((u) => `    ${u}`));
  }
  return `${lines.join('\n')}\n`;
}

/** The indexes and the torch index with their logins in a netrc file (netrc.ts splitNetrc). */
export interface NetrcIndexes extends Pick<NetrcSplit, 'netrc' | 'kept'> {
  indexes: PipIndexes;
  torchIndexUrl?: string;
}

/**
 * IX and the torch index (TORCH, when given) without the logins a netrc file carries, and that
 * file's text: what pip is given in the resolver and the build alike. Pure.
 */
export function netrcIndexes(ix: PipIndexes, torch?: string): NetrcIndexes {
  const head = ix.indexUrl !== undefined ? [ix.indexUrl] : [];
  const s = splitNetrc([...head, ...ix.extraIndexUrls, ...(torch !== undefined ? [torch] : [])]);
  const urls = [...s.urls];
  const indexUrl = head.length > 0 ? urls.shift() : undefined;
  const torchIndexUrl = torch !== undefined ? urls.pop() : undefined;
  return {
    indexes: { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: urls },
    ...(torchIndexUrl !== undefined && { torchIndexUrl }),
    netrc: s.netrc,
    kept: s.kept,
  };
}

/** Hosts warned of (warnKeptLogins): once per process, for the resolver and the build together. */
const warnedHosts = new Set<string>();

/**
 * A warning for each host whose logins stay in the index URLs (netrcIndexes' kept), through SAY,
 * once per host and process.
 */
export function warnKeptLogins(kept: NetrcSplit['kept'], say: (line: string) => void): void {
  for (const k of kept) {
    if (warnedHosts.has(k.host)) continue;
    warnedHosts.add(k.host);
    say(
      `warning: index host ${k.host}: ${k.why}: its login stays in the index URL, which pip puts on the command line of the pip it starts to build a source distribution (readable by local users)`,
    );
  }
}

/** The indexes with URL as one more extra index, unless pip already lists it (or URL is undefined). */
export function withExtraIndex(ix: PipIndexes, url: string | undefined): PipIndexes {
  if (url === undefined || ix.indexUrl === url || ix.extraIndexUrls.includes(url)) return ix;
  return { ...ix, extraIndexUrls: [...ix.extraIndexUrls, url] };
}

/** The indexes as shown to people: userinfo masked. */
export function describeIndexes(ix: PipIndexes): string {
  return [ix.indexUrl ?? PYPI_SIMPLE, ...ix.extraIndexUrls].map((u) => redactUrls(u)).join(', ');
}

/**
 * What each percent-encoder that may write a secret into a URL keeps as it is, beside letters and
 * digits: encodeURIComponent; Python's quote (its default safe "/"); encodeURI; requests'
 * requote_uri, which pip's errors print URLs through ("File not found for url: ...").
 */
const URL_ENCODERS_SAFE = ["-_.!~*'()", '-_.~/', "-_.!~*'();/?:@&=+$,#", "-_.~!#$%&'()*+,/:;=?@[]"];

/** VALUE percent-encoded as an encoder keeping SAFE writes it (UTF-8 bytes), hex in CASE. */
function percentEncoded(value: string, safe: string, hexCase: 'upper' | 'lower'): string {
  let out = '';
  for (const ch of value) {
    if (/^[A-Za-z0-9]$/.test(ch) || safe.includes(ch)) out += ch;
    else
      for (const b of Buffer.from(ch, 'utf8')) {
        const hex = b.toString(16).padStart(2, '0');
        out += `%${hexCase === 'upper' ? hex.toUpperCase() : hex}`;
      }
  }
  return out;
}

/**
 * VALUE as each encoder may write it into a URL's path or query (upper- and lower-case hex), the
 * forms that differ from it: a build.secrets value in a direct URL's path comes back encoded in
 * pip's and requests' errors (`{x}|` as `%7Bx%7D%7C`, `é` as `%C3%A9`).
 */
function percentEncodedForms(value: string): string[] {
  const forms = new Set<string>();
  for (const safe of URL_ENCODERS_SAFE)
    for (const hexCase of ['upper', 'lower'] as const) forms.add(percentEncoded(value, safe, hexCase));
  forms.delete(value);
  return [...forms];
}

/**
 * Masks a line of pip's or the build's output: URL userinfo masked and any build.secrets value
 * (also percent-encoded) or index credential (of the pip indexes and the torch index, decoded and as
 * written in the URL) replaced, as a runner masks registered secrets. pip prints the URLs it fetched, a token in a query
 * string included: redactUrls knows the usual names (`?sig=`, `?token=`), the values catch the rest
 * (a token in a path quoted without its host).
 */
export function outputMasker(
  secretEnv: Readonly<Record<string, string>>,
  indexes: PipIndexes,
  torchIndexUrls: readonly string[] = [],
): (text: string) => string {
  const urls = [indexes.indexUrl ?? '', ...indexes.extraIndexUrls, ...torchIndexUrls];
  const values = Object.values(secretEnv);
  const masks = valueMasks([
    ...values,
    ...urls.flatMap((u) => [urlSecret(u), urlSecret(u, 'raw')]),
    // Its tokens (?token=, /t/<token>/, dl.cloudsmith.io/<token>/) by value too: urllib3's retry
    // warning names the path alone, where no URL rule sees them.
    ...urls.flatMap((u) => urlTokens(u).flatMap((t) => [t.value, decoded(t.value) ?? t.value])),
  ]);
  // Each holds a '%': tried only on a line that has one (most lines have none).
  const encoded = valueMasks(values.flatMap(percentEncodedForms));
  const mask = (t: string, m: string) => t.split(m).join('***');
  // The values first: a declared secret is masked whole (`?${SAS}` -> `?***`), then the URL rules.
  return (text: string) =>
    redactUrls(masks.reduce(mask, text.includes('%') ? encoded.reduce(mask, text) : text));
}
