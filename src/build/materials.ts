// What provenance names the build's inputs by, recorded when the build reads them (build.json's
// `materials`, each platform's `constraintsSha256`): the attest stage may run later, in another
// job or after a checkout of another commit, when the files on disk are no longer those built.
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { readListedRequirements } from '../requirements/references.js';
import { fileDigest, sha256 } from '../util/file-digest.js';
import type { FileDigest, Materials, VariantBuild } from './result.js';

type Env = Readonly<Record<string, string | undefined>>;

/** How provenance names a file: its path from the config's directory (its name when it is that). */
export const materialPath = (baseDir: string, file: string): string =>
  path.relative(baseDir, file) || path.basename(file);

/** The config file by the digest of its bytes now; undefined without one (or gone since loaded). */
function configDigest(file: string | undefined, baseDir: string): FileDigest | undefined {
  return file === undefined ? undefined : fileDigest(file, materialPath(baseDir, file));
}

/**
 * The config's requirements as pip's text, and their -c files' lines (the build's constraints where
 * the resolver left none), with the files read by digest (of the bytes read). Checked with the
 * stage's environment, as the resolve stage checks them (never process.env), and with only
 * build.secrets filled in (the others are refused here): no message quotes another variable's value.
 */
export function configRequirements(
  config: Config,
  baseDir: string,
  env: Env,
): { requirements: string; constraints: string; files: FileDigest[] } {
  // A ${NAME} pip would expand but no secret mount gives it: refused now, not a failed install later.
  const read = readListedRequirements(config.python.requirements, config.build.secrets, baseDir, env);
  const files = read.files.flatMap((f) => {
    const digest = read.sha256?.[f];
    return digest !== undefined ? [{ path: materialPath(baseDir, f), sha256: digest }] : [];
  });
  return { requirements: read.text, constraints: read.constraints.text, files };
}

/** build.json's `materials`: the config file and the requirements files, as the build read them. */
export const buildMaterials = (
  configFile: string | undefined,
  baseDir: string,
  requirements: readonly FileDigest[],
): Materials => {
  const config = configDigest(configFile, baseDir);
  return { ...(config && { config }), requirements: [...requirements] };
};

/** V with each platform's `constraintsSha256`: the digest of the resolver's constraints it got. */
export function withConstraintsDigests(
  v: VariantBuild,
  resolved: Readonly<Record<string, { constraints: string }>> | undefined,
): VariantBuild {
  return {
    ...v,
    platforms: v.platforms.map((p) => {
      const constraints = resolved?.[`${v.variant}/${p.platform}`]?.constraints;
      return constraints !== undefined ? { ...p, constraintsSha256: sha256(constraints) } : p;
    }),
  };
}
