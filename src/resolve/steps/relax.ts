// Step 4, relax: when holding the base fails, loosen the user's specifiers that pip blames (their
// upper bounds dropped: the highest lower bound the user wrote, else the major version pip chose,
// and every != exclusion kept) and hold the base again.
import { canonicalName, type Pep508, parsePep508 } from '../../requirements/parse.js';
import { redactText } from '../../util/redact.js';
import { type RelaxChange, RelaxedSchema } from '../helper-output.js';
import { conflictBlock, userRequestedInConflict } from '../pip-output.js';
import { DIR } from '../workdir.js';
import type { Workspace } from '../workspace.js';
import type { Diagnosis } from './diagnose.js';
import type { Held } from './hold.js';

interface Relaxed {
  /** The held run after relaxing when it succeeded; else the first held run, unchanged. */
  held: Held;
  /** The specifiers loosened (only when the relaxed run succeeded). */
  relaxed: RelaxChange[];
  /** The relaxed requirements text, when the relaxed run succeeded. */
  requirements?: string;
}

/** One specifier a loosened requirement keeps: a lower bound (>=V or >V) or an exclusion (!=V, !=V.*). */
const KEPT = String.raw`(?:>=?|!=)[A-Za-z0-9.!+_-]+(?:\.\*)?`;
/**
 * A loosened requirement as the helper may write one: NAME[EXTRAS], then its lower bound and its
 * != exclusions (comma-separated; none when nothing bounded it from below), then a marker.
 */
const LOOSENED = new RegExp(
  String.raw`^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]*\])?(?:${KEPT}(?:,${KEPT})*)?(\s*;[^\n\r]*)?$`,
);
/** A direct reference (NAME @ URL) or any URL: never loosened to a name an index may serve. */
const DIRECT = /(^|\s)@|:\/\//;

/** A PEP 508 requirement line parsed; undefined for any other line. */
function requirement(line: string): Pep508 | undefined {
  try {
    return parsePep508(line);
  } catch {
    return undefined;
  }
}

/** A requirement's extras as a set, canonicalized (PEP 685), sorted: "dev, docs", or "none". */
function extrasOf(r: Pep508): string {
  return [...new Set(r.extras.map(canonicalName))].sort().join(', ') || 'none';
}

/**
 * Why this step does not make change C, whatever the requirements hold; undefined when it may.
 * The new line must loosen the line it replaces and change nothing else: a requirement of the
 * same project (its canonical name), with the same extras (as a set, canonicalized) and the same
 * marker (as packaging reads it: spacing and quotes aside). A helper's bug or a crafted answer
 * never swaps the project, adds an extra, or drops the requirement behind a marker never true.
 */
export function refusal(c: RelaxChange): string | undefined {
  if (DIRECT.test(c.from)) return 'the line is a direct reference';
  if (!LOOSENED.test(c.to)) return 'the new line is not a loosened requirement';
  const from = requirement(c.from);
  if (from === undefined) return 'the line is not a requirement';
  const to = requirement(c.to);
  if (to === undefined) return 'the new line does not parse as a requirement';
  const name = canonicalName(from.name);
  if (canonicalName(to.name) !== name) return `the new line names ${canonicalName(to.name)}, not ${name}`;
  if (extrasOf(to) !== extrasOf(from))
    return `the new line's extras (${extrasOf(to)}) are not the line's (${extrasOf(from)})`;
  if (to.marker !== from.marker)
    return `the new line's marker (${to.marker ?? 'none'}) is not the line's (${from.marker ?? 'none'})`;
  return undefined;
}

/**
 * The user's requirements with the helper's changes applied, each to the user's own line it
 * names: what the container says is checked, never taken as the text the build installs (a base
 * image's python could add lines). Undefined when a change is not one this step makes (refusal).
 */
export function applyRelaxed(text: string, changes: readonly RelaxChange[]): string | undefined {
  const lines = text.split('\n');
  for (const c of changes) {
    if (refusal(c) !== undefined) return undefined;
    const i = lines.findIndex((l) => l.trim() === c.from);
    if (i < 0) return undefined;
    lines[i] = c.to;
  }
  return lines.join('\n');
}

/** The changes as the log shows a refused set: each quoted, with why (credentials masked). */
function refusedChanges(text: string, changes: readonly RelaxChange[]): string {
  const lines = new Set(text.split('\n').map((l) => l.trim()));
  return changes
    .map((c) => {
      const why = refusal(c) ?? (lines.has(c.from) ? undefined : 'the requirements hold no such line');
      return redactText(
        `${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}${why === undefined ? '' : ` (${why})`}`,
      );
    })
    .join(', ');
}

/**
 * CHANGES without those on a project the user's own -c lines pin to one version (PINS): the
 * loosened line would install the same version, so a dry run on it only fails again. Each left out
 * is said once, with the constraint that holds it.
 */
function withoutOwnPinned(
  changes: readonly RelaxChange[],
  pins: ReadonlyMap<string, string>,
  say: (line: string) => void,
): RelaxChange[] {
  const held = (c: RelaxChange) => {
    const name = requirement(c.from)?.name;
    return name === undefined ? undefined : pins.get(canonicalName(name));
  };
  for (const c of changes) {
    const by = held(c);
    if (by !== undefined)
      say(
        redactText(`not relaxing ${JSON.stringify(c.from)}: your constraint ${by} holds it at that version`),
      );
  }
  return changes.filter((c) => held(c) === undefined);
}

export async function relax(
  ws: Workspace,
  held: Held,
  o: {
    diagnosis: Diagnosis;
    requested: readonly string[];
    /** What every dry run asks for besides the user's requirements (input.ts preinstalled). */
    preinstalled?: readonly string[];
    /** The user's requirements text (what requirements.txt in the container holds). */
    text: string;
    /** The projects the user's own -c lines pin to one version, each with that line (ownExactPins). */
    ownPins?: ReadonlyMap<string, string>;
    say: (line: string) => void;
  },
): Promise<Relaxed> {
  const unchanged: Relaxed = { held, relaxed: [] };
  const names = userRequestedInConflict(conflictBlock(held.run.out), o.requested, o.preinstalled);
  if (names.length === 0) return unchanged;
  const chosen = names.map(
    (n) => `${n}=${o.diagnosis.analysis.install.find((i) => i.name === n)?.version ?? ''}`,
  );
  const r = await ws.helper(RelaxedSchema, ['relax', `${DIR}/requirements.txt`, ...chosen]);
  const changes = withoutOwnPinned(r.changes, o.ownPins ?? new Map(), o.say);
  if (changes.length === 0) return unchanged;
  const requirements = applyRelaxed(o.text, changes);
  if (requirements === undefined) {
    o.say(
      `not relaxing: the helper proposed a change this step does not make: ${refusedChanges(o.text, changes)}`,
    );
    return unchanged;
  }
  o.say(`relaxing ${changes.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
  await ws.put({ 'relaxed.txt': `${requirements}\n` });
  // The same container, and pip and the analysis in one process, as the held run.
  const again = await ws.analyzedRun('relaxed.json', [
    '-r',
    `${DIR}/relaxed.txt`,
    '-c',
    `${DIR}/base-constraints.txt`,
  ]);
  if (!again.run.ok) return unchanged;
  return {
    held: { run: again.run, report: 'relaxed.json', analysis: again.analysis },
    relaxed: changes,
    requirements: requirements.trimEnd(),
  };
}
