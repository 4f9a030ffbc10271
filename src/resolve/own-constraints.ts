// The requirements' own -c lines in a conflict pip reports. pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound) and drops a clause that repeats another, so what takes part is judged against
// the pins the resolver itself adds (PINS: the base image's packages, the variant's torch): a line
// of the user's is named when it excludes the version pinned for its project (or, a `name @ URL`
// line, names a pinned project), or when nothing but the user's own lines constrains that project.
// Pure.
import { satisfies, valid, validRange } from '@renovatebot/pep440';
import { canonicalName } from '../requirements/parse.js';
import { redactUrls } from '../util/redact.js';

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;

/** A constraint line's project (canonical), and its specifier (absent for a `name @ URL` line). */
function ownLine(line: string): { name: string; spec?: string } | undefined {
  const m = NAME.exec(line);
  if (!m) return undefined;
  // The specifier: up to a marker (;) or the line's own options (--hash ...).
  const spec = line
    .slice(m[1]!.length)
    .split(/;|\s--?[a-z]/)[0]!
    .trim();
  if (spec.startsWith('@')) return { name: canonicalName(m[1]!) };
  return { name: canonicalName(m[1]!), spec: spec.replace(/^\((.*)\)$/, '$1') };
}

/** Whether the specifier SPEC (">=2,<3") admits VERSION (PEP 440); undefined where it cannot tell. */
export function specAdmits(spec: string, version: string): boolean | undefined {
  if (spec === '') return true;
  if (!valid(version) || !validRange(spec)) return undefined;
  return satisfies(version, spec, { prereleases: true });
}

/** The projects a conflict's causes name as merged constraints (canonical names). */
function constrainedIn(causes: readonly string[]): Set<string> {
  return new Set(
    causes.flatMap((c) =>
      [...c.matchAll(/\(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)/g)].map((m) => canonicalName(m[1]!)),
    ),
  );
}

/** `name==version` lines (the base's pins, the variant's `torch==V`) as project -> version. */
export function pinsOf(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;,#]+)\s*$/.exec(l.trim());
    if (m) out.set(canonicalName(m[1]!), m[2]!);
  }
  return out;
}

/**
 * The options that name the requirements' own -c lines (OWN: their text and file:line origins)
 * taking part in a conflict whose causes are CAUSES, each with its file and line: a constraint of
 * the user's is held as firmly as the base image's packages. PINS: what the resolver pins itself.
 */
export function ownConstraintOptions(
  causes: readonly string[],
  own: { text: string; origins: readonly string[] } | undefined,
  pins: ReadonlyMap<string, string>,
): string[] {
  if (own === undefined || own.text === '') return [];
  const constrained = constrainedIn(causes);
  const texts = own.text.split('\n');
  return texts.flatMap((text, i) => {
    const l = ownLine(text);
    if (!l || !constrained.has(l.name)) return [];
    const pinned = pins.get(l.name);
    const takesPart = pinned === undefined || l.spec === undefined || specAdmits(l.spec, pinned) === false;
    if (!takesPart) return [];
    return [
      `loosen or drop your constraint "${redactUrls(text)}" (${own.origins[i] ?? 'a -c file'}): the requirements' own -c files are held as firmly as the base image's packages`,
    ];
  });
}
