// The requirements' own -c lines in a conflict pip reports. pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound) and drops a clause that repeats another, so what takes part is judged against
// the pins the resolver itself adds (PINS: the base image's packages, the variant's torch): a line
// of the user's is named when it excludes the version pinned for its project (or, a `name @ URL`
// line, names a pinned project), or when nothing but the user's own lines constrains that project.
// A line pip left out (its marker does not hold for this interpreter: pip merges only the
// constraints whose markers hold) is never named: each of its clauses must be among the merged
// constraint's. pip names a project a constraint holds in another way too, when a version of it is
// one side of the conflict ("bar 2.0.0 depends on foo>=1.0"; the user's `bar==2.0.0` is not
// printed): a line of the user's on such a project the resolver does not pin is named when it
// admits a version pip names so (another version of it may fit); one with a marker only where the
// marker holds in the image's marker environment (pip's own, from the base snapshot), as pip took
// it then, never where that cannot be told. Pure.
import { compare, explain, satisfies, valid, validRange } from '@renovatebot/pep440';
import { evaluateMarker, type MarkerEnvironment } from '../requirements/markers.js';
import { canonicalName, lineMarker } from '../requirements/parse.js';
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
  const each = spec
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => clauseAdmits(c, version));
  return each.includes(false) ? false : each.includes(undefined) ? undefined : true;
}

/** `==V.*` or `!=V.*`: the operator, V's epoch (if any) and release. */
const WILDCARD = /^(==|!=)\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)\.\*$/i;

/**
 * `==V+LABEL` or `!=V+LABEL`: with a local label, packaging compares it too (2.1.0+cu121 is not
 * ==2.1.0+cpu); the library's satisfies leaves it out.
 */
const LOCAL_EQUAL = /^(==|!=)\s*(\S+\+\S+)$/;

/**
 * Whether VERSION has the prefix EPOCH!RELEASE (EQUAL) or not (!EQUAL), as packaging judges it: the
 * version's release padded with zeros (2 is in ==2.0.*, 2.1rc1 in ==2.1.0.*), pre-, post-, dev-
 * releases and a local label left out. The library pads none.
 */
function wildcardAdmits(
  equal: boolean,
  epoch: number,
  release: string,
  version: string,
): boolean | undefined {
  const v = explain(version);
  if (!v) return undefined;
  const match = v.epoch === epoch && release.split('.').every((p, i) => (v.release[i] ?? 0) === Number(p));
  return match === equal;
}

/**
 * One clause, as packaging's Specifier.contains(prereleases=True) judges it. Here, not by the
 * library: `==V.*` and `!=V.*` (wildcardAdmits), `==V+LABEL` and `!=V+LABEL` (LOCAL_EQUAL), and
 * `<V`, `>V` and `===V`: the library excludes every version of V's release from `<V` and `>V` (so
 * 1.0 is not `>1.0.dev0`, nor 1.0rc1 `<1.0.post1`) and compares `===` as versions (1.0+cpu is not
 * `===1.0`).
 */
function clauseAdmits(clause: string, version: string): boolean | undefined {
  const w = WILDCARD.exec(clause);
  if (w) return wildcardAdmits(w[1] === '==', Number(w[2] ?? 0), w[3]!, version);
  const local = LOCAL_EQUAL.exec(clause);
  if (local) {
    if (!explain(version) || !explain(local[2]!)) return undefined;
    return (compare(version, local[2]!) === 0) === (local[1] === '==');
  }
  const m = /^(===|<(?!=)|>(?!=))\s*(\S+)$/.exec(clause);
  if (!m) return satisfies(version, clause, { prereleases: true });
  const [, op, bound] = m as unknown as [string, string, string];
  if (op === '===') return version.toLowerCase() === bound.toLowerCase();
  const v = explain(version);
  const b = explain(bound);
  if (!v || !b) return undefined;
  const sameBase = compare(v.base_version, b.base_version) === 0;
  // <V: no pre-release of V's own release unless V is one; >V: no post-release of it unless V is
  // one, and no local label of it.
  if (op === '<') return compare(version, bound) < 0 && !(sameBase && v.is_prerelease && !b.is_prerelease);
  return (
    compare(version, bound) > 0 &&
    !(sameBase && v.is_postrelease && !b.is_postrelease) &&
    !(sameBase && v.local !== null)
  );
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

/**
 * The projects a conflict's causes name as depending on another (`bar 2.0.0 depends on foo>=1.0`,
 * `bar[fast] 2.0.0 depends on ...`; canonical names), each with the versions named and, per
 * version, what pip says it depends on.
 */
function dependentsIn(causes: readonly string[]): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const c of causes) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? (\S+) depends on (.+)$/.exec(c.trim());
    if (!m) continue;
    const versions = out.get(canonicalName(m[1]!)) ?? new Map<string, string[]>();
    versions.set(m[2]!, [...(versions.get(m[2]!) ?? []), m[3]!]);
    out.set(canonicalName(m[1]!), versions);
  }
  return out;
}

/**
 * Whether LINE's marker (after ";", up to the line's own options) holds in ENV, pip's marker
 * environment of the image (`extra` "" as for a requirements file): true without a marker, false
 * where it does not hold, cannot be told (a value ENV lacks, no ENV) or does not parse.
 */
function markerHolds(line: string, env: MarkerEnvironment | undefined): boolean {
  const tree = lineMarker(line);
  // None: no marker, or one that does not parse (the line still has its ";").
  if (tree === undefined) return !line.includes(';');
  return env !== undefined && evaluateMarker(tree, { ...env, extra: '' }) === true;
}

/**
 * Why the user's line LINE (its project NAME, its specifier SPEC, absent for a `name @ URL` line)
 * on a project the resolver does not pin takes part, where pip names versions of it as depending
 * on another (VERSIONS): "it pins bar 2.0.0, which depends on foo>=1.0"; undefined where it admits
 * none of them, names the project alone (no bound) or has a marker.
 */
function dependentReason(
  line: string,
  name: string,
  spec: string | undefined,
  versions: ReadonlyMap<string, readonly string[]> | undefined,
  env: MarkerEnvironment | undefined,
): string | undefined {
  if (!versions || spec === '' || !markerHolds(line, env)) return undefined;
  const admitted = [...versions].filter(([v]) => spec === undefined || specAdmits(spec, v) === true);
  if (admitted.length === 0) return undefined;
  const exact = spec !== undefined && /^===?[^,*]+$/.test(spec.replace(/\s+/g, ''));
  const each = admitted.map(([v, needs]) => `${name} ${v}, which depends on ${needs.join(' and ')}`);
  return `it ${exact ? 'pins' : 'admits'} ${each.join('; and ')}`;
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
 * the user's is held as firmly as the base image's packages. PINS: what the resolver pins itself;
 * ENV: the image's marker environment (pip's), by which a line with a marker is judged.
 */
export function ownConstraintOptions(
  causes: readonly string[],
  own: { text: string; origins: readonly string[] } | undefined,
  pins: ReadonlyMap<string, string>,
  env?: MarkerEnvironment,
): string[] {
  if (own === undefined || own.text === '') return [];
  const constrained = constrainedIn(causes);
  const dependents = dependentsIn(causes);
  return own.text.split('\n').flatMap((text, i) => {
    const l = ownLine(text);
    if (!l) return [];
    const why = mergedTakesPart(l, constrained.get(l.name), pins.get(l.name))
      ? ''
      : pins.has(l.name)
        ? undefined
        : dependentReason(text, l.name, l.spec, dependents.get(l.name), env);
    if (why === undefined) return [];
    const origin = own.origins[i] ?? 'a -c file';
    return [
      redactUrls(
        `loosen or drop your constraint "${text}" (${origin}): ${why === '' ? '' : `${why}; `}the requirements' own -c files are held as firmly as the base image's packages`,
      ),
    ];
  });
}

/**
 * Whether the user's line L takes part in the constraint pip merged for its project (MERGED: its
 * clauses; undefined where pip printed none), judged against the version the resolver pins for it
 * (PINNED).
 */
function mergedTakesPart(
  l: { spec?: string },
  merged: ReadonlySet<string> | undefined,
  pinned: string | undefined,
): boolean {
  if (!merged) return false;
  // Left out by pip (its marker does not hold here): a clause of it that pip did not merge.
  if (l.spec !== undefined && clausesOf(l.spec).some((c) => !merged.has(c))) return false;
  return pinned === undefined || l.spec === undefined || specAdmits(l.spec, pinned) === false;
}

/**
 * The projects the requirements' own -c lines (OWN) pin to one version (`name==V`, no wildcard, no
 * marker), each with the line as the log names it: `"bar==2.0.0" (rc-cons.txt:2)`. Relaxing the
 * user's requirement on such a project cannot move it (the relax step leaves it, saying why).
 */
export function ownExactPins(
  own: { text: string; origins: readonly string[] } | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  if (own === undefined) return out;
  own.text.split('\n').forEach((line, i) => {
    const [name, version] = [...pinsOf([line])][0] ?? [];
    if (name === undefined || version === undefined || version.includes('*') || out.has(name)) return;
    out.set(name, `${JSON.stringify(line.trim())} (${own.origins[i] ?? 'a -c file'})`);
  });
  return out;
}
