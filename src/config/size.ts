// size: the image size budget (config size.budget). Parsed for the report by src/report/size.ts.
import { z } from 'zod';

/** size.budget: "8GB", "750 MB", "1.5GiB" (absolute) or "+5%" (growth over the base branch). */
export const SIZE_BUDGET_PATTERN = /^(?:\d+(?:\.\d+)?\s*(?:B|[kKMGT]B|[KMGT]iB)|\+\d+(?:\.\d+)?%)$/;

export const SizeConfigSchema = z
  .strictObject({
    budget: z
      .string()
      // The report carries it (its model takes at most 40 characters): a longer one is refused here.
      .max(40, { error: 'expected at most 40 characters, such as "8GB" or "+5%"' })
      .regex(SIZE_BUDGET_PATTERN, {
        error: 'expected a size such as "8GB" or "750MB", or a growth such as "+5%"',
      })
      // A size of 0 fails every image: a mistake, not a budget ("+0%", no growth, is one).
      .refine((s) => !SIZE_BUDGET_PATTERN.test(s) || s.startsWith('+') || Number.parseFloat(s) > 0, {
        error:
          'a size budget of 0 fails every image: expected a size above 0 such as "8GB", or a growth such as "+0%" (none at all)',
      })
      .optional()
      .describe(
        "Image size budget: an absolute size (`8GB`, `750MB`, `1.5GiB`) or a growth over the base branch (`+5%`). A breach fails the report stage, naming what grew most. The size is the engine's: unpacked on the classic image store, compressed on the containerd store (about a third); a growth is not judged where the two differ.",
      ),
  })
  .prefault({})
  .describe('Image size.');
