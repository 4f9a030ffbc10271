// The merged build.json's `materials` (the config and requirements files by digest, which
// provenance names): every build job of the matrix recorded its own in its digest files.
import { isDeepStrictEqual } from 'node:util';
import type { Materials } from '../build/result.js';
import { InputError } from '../errors.js';
import type { DigestFile } from '../results/results.js';

/** What differs between two jobs' materials, in words ("requirements.txt", "ml-image.yml"). */
function differences(a: Materials, b: Materials): string[] {
  const out: string[] = [];
  if (!isDeepStrictEqual(a.config, b.config)) out.push(a.config?.path ?? b.config?.path ?? 'the config');
  const digests = (m: Materials) => new Map(m.requirements.map((f) => [f.path, f.sha256]));
  const [da, db] = [digests(a), digests(b)];
  for (const p of new Set([...da.keys(), ...db.keys()])) if (da.get(p) !== db.get(p)) out.push(p);
  // Same files, same digests, another order (an include moved): the requirements differ all the same.
  if (out.length === 0 && !isDeepStrictEqual(a, b)) out.push('the order of the requirements files');
  return out;
}

/**
 * The materials every job recorded, when all are the same. Jobs that read different files (built
 * from different commits: the merged tag would hold images of different requirements) are bad
 * input, naming two such files. A digest file without any (an older version's job): none, said in
 * a note, and the attest stage reads the files as they are then.
 */
export function mergedMaterials(
  files: readonly { file: string; digest: DigestFile }[],
  note: (line: string) => void,
): Materials | undefined {
  const without = files.find((f) => f.digest.materials === undefined);
  if (without !== undefined) {
    if (files.some((f) => f.digest.materials !== undefined))
      note(
        `note: ${without.file} records no digests of the config and requirements files (an older version's build job): build.json records none, and provenance names the files as they are when attested`,
      );
    return undefined;
  }
  const [first, ...rest] = files;
  if (first === undefined) return undefined;
  for (const f of rest) {
    const differ = differences(first.digest.materials!, f.digest.materials!);
    if (differ.length > 0)
      throw new InputError(
        `merge-from: ${first.file} and ${f.file} were built from different files (${differ.join(', ')} differ): the merged tag would hold images of different requirements`,
        'build every platform from one commit: re-run the whole build matrix',
      );
  }
  return first.digest.materials;
}
