// A list whose entries must each be given once (platforms, smoke suites, attestation types): one
// more of them would build, run or attach it twice. Pure: it imports nothing but zod's types.
import type { z } from 'zod';

/**
 * A superRefine for such a list: an issue at each entry that repeats an earlier one, "duplicate
 * WHAT "x"" (so `platforms[1]: duplicate platform "linux/amd64"`).
 */
export function eachOnce(what: string) {
  return (list: readonly string[], ctx: z.RefinementCtx): void => {
    list.forEach((x, i) => {
      if (list.indexOf(x) !== i)
        ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} "${x}"` });
    });
  };
}
