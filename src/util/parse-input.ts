// A schema's parse of what a user or another tool handed in: a file so broken that zod's list of
// its problems overflows the stack (a record of 200,000 packages each missing a field: zod gathers
// the issues of each level with push(...issues)) is bad input naming the file, not an internal error.
import type { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * boundedSafeParse's answer where zod's issue gathering overflowed the stack: DATA does not match,
 * with too many problems to list. It has no `success`, so a caller must tell it apart first.
 */
export interface Overflowed {
  readonly overflow: RangeError;
}

/**
 * SCHEMA.safeParse(DATA), or Overflowed where zod ran out of stack listing DATA's problems (a list
 * of 600,000 wrong entries, anyone's who hands one in): the caller says what DATA is not, as it
 * does for any other mismatch. Any other throw (a bug in a transform) is passed on.
 */
export function boundedSafeParse<S extends z.ZodType>(
  schema: S,
  data: unknown,
): z.ZodSafeParseResult<z.output<S>> | Overflowed {
  try {
    return schema.safeParse(data);
  } catch (e) {
    if (e instanceof RangeError) return { overflow: e };
    throw e;
  }
}

/** SCHEMA.safeParse(DATA); a RangeError from zod's issue gathering is exit 2 naming SOURCE. */
export function safeParseInput<T>(
  schema: z.ZodType<T>,
  data: unknown,
  source: string,
  fix = 'check the path: it must name a file that ml-image wrote',
): z.ZodSafeParseResult<T> {
  const r = boundedSafeParse(schema, data);
  if (!('overflow' in r)) return r;
  throw new InputError(
    `${source}: too many problems to list (zod ran out of stack): not a file ml-image wrote`,
    fix,
    { cause: r.overflow },
  );
}

/**
 * SCHEMA's reading of DATA, or undefined where DATA does not match it, also where it is so far off
 * (a list of 600,000 wrong entries, another party's answer) that zod's issue gathering overflowed
 * the stack: the caller says what DATA is not.
 */
export function parsedOrNone<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const r = boundedSafeParse(schema, data);
  return 'overflow' in r ? undefined : r.data;
}
