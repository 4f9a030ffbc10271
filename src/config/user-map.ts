// A mapping whose keys the user writes (build.args, build.mirrors, a custom test's env and labels).
// zod's record skips a `__proto__` key without a word (copying it would replace the result's
// prototype), so the entry would vanish from the config: refused here instead, by name and line.
import { z } from 'zod';

/** The key a JavaScript object cannot hold as an entry of its own once copied. */
export const RESERVED_MAP_KEY = '__proto__';

/** What a refused `__proto__` key is told. */
export const RESERVED_MAP_KEY_PROBLEM = `"${RESERVED_MAP_KEY}" cannot be a key here (JavaScript reserves the name: the entry would be dropped without a word); rename it`;

/** z.record(key, value), refusing a `__proto__` key (named at its path) before the record drops it. */
export function userMap<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V) {
  return z.preprocess(
    (input, ctx) => {
      if (input !== null && typeof input === 'object' && Object.hasOwn(input, RESERVED_MAP_KEY))
        ctx.issues.push({
          code: 'custom',
          path: [RESERVED_MAP_KEY],
          input: RESERVED_MAP_KEY,
          message: RESERVED_MAP_KEY_PROBLEM,
        });
      return input;
    },
    z.record(key, value),
  );
}
