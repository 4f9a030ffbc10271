// How a result file is written: pretty JSON, and checked against its schema first.
import type { z } from 'zod';
import { formatIssues } from '../config/issues.js';

export const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/**
 * A value about to be written is checked against its schema: a mismatch is a bug in this tool, not
 * bad input, and must not reach a file the next job trusts. The value itself is written (not the
 * parsed copy), so that checking changes nothing in the file.
 */
export function checked<T>(schema: z.ZodType, value: T, file: string): T {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new Error(
      `${file}: refusing to write an invalid file: ${formatIssues(r.error, value, schema).join('; ')}`,
    );
  return value;
}
