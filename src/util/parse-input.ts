// A schema's parse of what a user or another tool handed in: a file so broken that zod's list of
// its problems overflows the stack (a record of 200,000 packages each missing a field: zod gathers
// the issues of each level with push(...issues)) is bad input naming the file, not an internal error.
import type { z } from 'zod';
import { InputError } from '../errors.js';

/** SCHEMA.safeParse(DATA); a RangeError from zod's issue gathering is exit 2 naming SOURCE. */
export function safeParseInput<T>(
  schema: z.ZodType<T>,
  data: unknown,
  source: string,
  fix = 'check the path: it must name a file that ml-image wrote',
): z.ZodSafeParseResult<T> {
  try {
    return schema.safeParse(data);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new InputError(
      `${source}: too many problems to list (zod ran out of stack): not a file ml-image wrote`,
      fix,
      {
        cause: e,
      },
    );
  }
}

/**
 * SCHEMA's reading of DATA, or undefined where DATA does not match it, also where it is so far off
 * (a list of 600,000 wrong entries, another party's answer) that zod's issue gathering overflowed
 * the stack: the caller says what DATA is not.
 */
export function parsedOrNone<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  try {
    return schema.safeParse(data).data;
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}
