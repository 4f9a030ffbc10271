// buildx's cache backends, the `type=` of a `cache-from` / `cache-to` spec (bpa-lists.ts
// cacheSpecType): another type is refused by BuildKit's import or export, in the build.
import { InputError } from '../errors.js';
import { didYouMean } from '../util/text.js';

const CACHE_TYPES = ['registry', 'inline', 'local', 'gha', 's3', 'azblob'];

/**
 * The refusal of a spec of INPUT whose TYPE is no cache backend (exit 2, naming the nearest one and
 * how buildx spells them: in lower case), undefined for a backend's type. A type that is no word is
 * not quoted: the rest of a password a ',' split off (`ref=user:pa,type=ss@host/o/c`), or a
 * control character, is never shown.
 */
export function unknownCacheType(input: 'cache-from' | 'cache-to', type: string): InputError | undefined {
  if (CACHE_TYPES.includes(type)) return undefined;
  const shown = /^[A-Za-z0-9_.-]{1,40}$/.test(type)
    ? `type=${type}${didYouMean(type, CACHE_TYPES)}`
    : 'its type= (not quoted: no word)';
  return new InputError(
    `input "${input}": ${shown} is no cache backend (${CACHE_TYPES.join(', ')})`,
    'write the type as buildx names it, in lower case, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE',
  );
}
