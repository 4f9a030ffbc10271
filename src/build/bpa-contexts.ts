// docker/build-push-action's `build-contexts` input: one named context a line (NAME=PATH, NAME=URL
// or NAME=docker-image://REF), each passed to buildx as `--build-context NAME=VALUE`. Pure.
import { parseBpaList } from '../config/bpa-list.js';
import { credentialInValue } from '../config/build-args.js';
import { InputError } from '../errors.js';
import { printable, unicodeName } from '../util/text.js';
import { keyValue } from './bpa-lists.js';

/** `build-contexts`: name -> path, URL or `docker-image://REF`, undefined when none is given. */
export function buildContextOptions(raw: string): Record<string, string> | undefined {
  const contexts = parseBpaList(raw, { input: 'build-contexts', ignoreComma: true });
  if (!contexts.length) return undefined;
  const out: Record<string, string> = {};
  for (const item of contexts) {
    // A quoted item may span lines. No context name, path, URL or image reference holds a line
    // break or other control character: buildx would take it as part of the path or reference and
    // fail only at the build, after the resolve stage, and the build's log would print it as is.
    const c = /\p{Cc}/u.exec(item)?.[0];
    if (c !== undefined)
      throw new InputError(
        `input "build-contexts": ${printable(JSON.stringify(item))} holds ${/[\r\n]/.test(c) ? 'a line break' : `a control character (${unicodeName(c)})`}`,
        'write one context a line: NAME=PATH, NAME=URL or NAME=docker-image://REF',
      );
    const [name, value] = keyValue(
      'build-contexts',
      item,
      'a build context (NAME=PATH or NAME=docker-image://REF)',
    );
    if (!/^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/.test(name))
      throw new InputError(`input "build-contexts": ${JSON.stringify(name)} is not a context name`);
    if (value.includes('{{'))
      throw new InputError(
        `input "build-contexts": ${name}=${value}: {{defaultContext}} is build-push-action's Git context, which this action does not use`,
        'give a path relative to the workspace, a URL or docker-image://REF',
      );
    // buildx's command line, the build's log and BuildKit's provenance show it: no login in it.
    const why = credentialInValue(value);
    if (why !== undefined)
      throw new InputError(
        `input "build-contexts": ${name}: ${why}; a build context is on buildx's command line and in the build's provenance`,
        'give the URL without its login and the token as the secret GIT_AUTH_TOKEN (secrets: GIT_AUTH_TOKEN=${{ secrets.X }}), which BuildKit uses to fetch a Git context',
      );
    out[name] = value.trim();
  }
  return out;
}
