// The records a report reads by their file names (env-<variant>-<arch>.json, smoke-...json): each is
// the one its name says, by its own variant and platform, as `ml-image diff` checks the two records
// it compares. A record of another variant or platform (a file copied under another's name, an
// edited artifact) would be reported, and saved as the baseline, as that target's: refused, exit 2,
// naming the file and both values. linux/arm64/v8 is linux/arm64 (normalizePlatform); a record
// that names no variant (an older one, `ml-image capture` of an image without the label) is not
// checked on it.
import path from 'node:path';
import type { EnvRecord } from '../capture/record.js';
import { normalizePlatform } from '../config/platform.js';
import { InputError } from '../errors.js';
import { recordFile, type ResultDir } from '../results/results.js';
import type { SmokeResult } from '../smoke/result.js';
import { printable } from '../util/text.js';

/** What of a record says which target it is: its variant (null: none) and platform. */
interface OwnTarget {
  variant?: string | null;
  platform: string;
}

/** RESULTS' record FILE of KIND as read, refused when its own target is not VARIANT and PLATFORM. */
function checked<T>(
  results: ResultDir,
  kind: 'env' | 'smoke',
  [variant, platform]: [string, string],
  read: T | null,
  own: (r: T) => OwnTarget,
): T | null {
  if (read === null) return null;
  const { variant: v, platform: p } = own(read);
  const wrong = [
    ...(v !== undefined && v !== null && v !== variant
      ? [`variant ${printable(v)} (its file name says ${variant})`]
      : []),
    ...(normalizePlatform(p) !== normalizePlatform(platform)
      ? [`platform ${printable(p)} (its file name says ${platform})`]
      : []),
  ];
  if (wrong.length === 0) return read;
  const name = recordFile(kind, variant, platform);
  const file = results.dir === undefined ? name : path.join(results.dir, name);
  throw new InputError(
    `${file}: the ${kind === 'env' ? 'environment record' : 'smoke result'} is of ${wrong.join(' and ')}: another image's, which the report would show as ${variant} on ${platform}`,
    `put each record under its own name (${kind}-<variant>-<arch>.json, as the smoke stage writes it), or run the smoke stage again to write this one`,
  );
}

/** The environment record of VARIANT on PLATFORM in RESULTS, when it is that target's (else exit 2). */
export const ownEnv = (results: ResultDir, variant: string, platform: string): EnvRecord | null =>
  checked(results, 'env', [variant, platform], results.readEnv(variant, platform), (r) => r.image);

/** The smoke result of VARIANT on PLATFORM in RESULTS, when it is that platform's (else exit 2). */
export const ownSmoke = (results: ResultDir, variant: string, platform: string): SmokeResult | null =>
  checked(results, 'smoke', [variant, platform], results.readSmoke(variant, platform), (r) => r);
