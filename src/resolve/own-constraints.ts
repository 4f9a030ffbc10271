// The requirements' own -c lines in a conflict pip reports. pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound) and drops a clause that repeats another, so what takes part is judged against
// the pins the resolver itself adds (PINS: the base image's packages, the variant's torch): a line
// of the user's is named when it excludes the version pinned for its project (or, a `name @ URL`
// line, names a pinned project), or when nothing but the user's own lines constrains that project.
// A line pip left out (its marker does not hold for this interpreter: pip merges only the
// constraints whose markers hold) is never named: each of its clauses must be among the merged
// constraint's. Pure.
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

/**
 * A clause as pip's set of them holds it once: `>=2.0` and `>=2` are one clause there (packaging
 * compares release versions as numbers, without trailing zeros, except under `~=` and `===`), so
 * both sides are compared so.
 */
function canonicalClause(clause: string): string {
  const c = clause.replace(/\s+/g, '').toLowerCase();
  const m = /^(~=|===|==|!=|<=|>=|<|>)(\d+(?:\.\d+)*)$/.exec(c);
  if (!m || m[1] === '~=' || m[1] === '===') return c;
  const release = m[2]!.split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
  while (release.length > 1 && release.at(-1) === '0') release.pop();
  return `${m[1]}${release.join('.')}`;
}

/** A specifier's clauses, each as canonicalClause has it: `>= 2.0 , <3` is `>=2` and `<3`. */
const clausesOf = (spec: string) =>
  spec
    .split(',')
    .map(canonicalClause)
    .filter((c) => c !== '');

/**
 * The projects a conflict's causes name as merged constraints (canonical names), each with the
 * clauses pip merged for it (`(constraint) numpy==1.26.4,>=2`: its SpecifierSet, clauses sorted and
 * each printed once; none for a constraint by URL only).
 */
function constrainedIn(causes: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of causes)
    for (const m of c.matchAll(/\(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)(\S*)/g)) {
      const name = canonicalName(m[1]!);
      const clauses = out.get(name) ?? new Set<string>();
      for (const clause of clausesOf(m[2]!)) clauses.add(clause);
      out.set(name, clauses);
    }
  return out;
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
    const merged = l && constrained.get(l.name);
    if (!l || !merged) return [];
    // Left out by pip (its marker does not hold here): a clause of it that pip did not merge.
    if (l.spec !== undefined && clausesOf(l.spec).some((c) => !merged.has(c))) return [];
    const pinned = pins.get(l.name);
    const takesPart = pinned === undefined || l.spec === undefined || specAdmits(l.spec, pinned) === false;
    if (!takesPart) return [];
    return [
      `loosen or drop your constraint "${redactUrls(text)}" (${own.origins[i] ?? 'a -c file'}): the requirements' own -c files are held as firmly as the base image's packages`,
    ];
  });
}
