// The image's created label from the source's time, so that two builds of an unchanged commit push
// the same manifest: the SOURCE_DATE_EPOCH variable when set, else the commit time of the build
// context's git repository (`git log -1 --format=%ct`), written as plan.json's commit time is
// (`Date.toISOString()`, UTC, milliseconds). SOURCE_DATE_EPOCH itself is never added as a build
// argument: on BuildKit >= 0.11 a changing value invalidates the cache from WORKDIR on, so every
// commit would rebuild the requirements' layers. A value set in the environment reaches the build
// anyway (buildx passes it on itself); it is only checked here.
import type { CommandRunner } from '../docker/adapter.js';
import { InputError } from '../errors.js';

export const CREATED_LABEL = 'org.opencontainers.image.created';

export interface SourceDate {
  /** Seconds since 1970, as a string (the created label's time); undefined: none known. */
  epoch?: string;
  /** Where it came from, or why it is unset (shown with --verbose). */
  why: string;
}

export async function sourceDateEpoch(
  env: Readonly<Record<string, string | undefined>>,
  context: string,
  exec: CommandRunner,
): Promise<SourceDate> {
  const given = env.SOURCE_DATE_EPOCH;
  if (given !== undefined && given !== '') {
    if (!/^\d{1,12}$/.test(given))
      throw new InputError(
        `environment variable SOURCE_DATE_EPOCH: expected seconds since 1970-01-01 (an integer), got "${given.slice(0, 40)}"`,
        'set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it',
      );
    return {
      epoch: given,
      why: `created label ${isoTime(given)}: SOURCE_DATE_EPOCH from the environment (buildx passes it on)`,
    };
  }
  try {
    const r = await exec.run('git', ['-C', context, 'log', '-1', '--format=%ct']);
    const ct = r.stdout.trim();
    if (r.exitCode === 0 && /^\d+$/.test(ct))
      return {
        epoch: ct,
        why: `created label ${isoTime(ct)}: commit time of the context's git repository (no SOURCE_DATE_EPOCH build argument)`,
      };
  } catch {
    // no git on PATH: the same as not a repository
  }
  return {
    why: `created label as planned: the build context ${context} is not in a git repository with a commit (or git is missing)`,
  };
}

/** The created label as the commit time, unless the user gave it (the labels input). */
export function withSourceDate(
  labels: Readonly<Record<string, string>>,
  source: SourceDate,
  givenLabels: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  if (source.epoch === undefined || labels[CREATED_LABEL] === undefined || givenLabels?.[CREATED_LABEL])
    return { ...labels };
  return { ...labels, [CREATED_LABEL]: isoTime(source.epoch) };
}

/** Seconds since 1970 as plan.json writes a commit time (src/plan/git-context.ts): ISO 8601, UTC. */
function isoTime(epoch: string): string {
  return new Date(Number(epoch) * 1000).toISOString();
}
