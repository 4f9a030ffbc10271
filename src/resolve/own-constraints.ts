// The requirements' own -c lines in a conflict pip reports: pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound), so a line of the user's is named only where it takes part: it excludes the
// version another constraint pins (the base image's package, the variant's torch), or the merged
// constraint is the user's alone. Pure.
import { canonicalName } from '../requirements/parse.js';
import { redactUrls } from '../util/redact.js';
import { compareVersions } from '../util/versions.js';

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;
const clauses = (spec: string) =>
  spec
    .split(',')
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => c !== '');

/** A constraint line's project (canonical) and version clauses; undefined for a URL or no name. */
function ownLine(line: string): { name: string; clauses: string[] } | undefined {
  const m = NAME.exec(line);
  if (!m) return undefined;
  // The specifier: up to a marker (;) or the line's own options (--hash ...).
  const spec = line.slice(m[1]!.length).split(/;|\s--?[a-z]/)[0]!;
  if (spec.includes('@') || spec.includes('[')) return undefined;
  return { name: canonicalName(m[1]!), clauses: clauses(spec) };
}

/** Whether CLAUSE (">=2", "==1.*", "~=1.4") admits VERSION; undefined where it cannot tell. */
export function clauseAdmits(clause: string, version: string): boolean | undefined {
  const m = /^(===|==|!=|~=|<=|>=|<|>)(.+)$/.exec(clause);
  if (!m) return undefined;
  const [, op, v] = m as unknown as [string, string, string];
  if (op === '===') return v === version;
  if (op === '==' || op === '!=') {
    const same = v.endsWith('.*')
      ? compareVersions(
          version
            .split('.')
            .slice(0, v.split('.').length - 1)
            .join('.'),
          v.slice(0, -2),
        ) === 0
      : compareVersions(version, v) === 0;
    return op === '==' ? same : !same;
  }
  const c = compareVersions(version, v);
  if (op === '<') return c < 0;
  if (op === '<=') return c <= 0;
  if (op === '>') return c > 0;
  if (op === '>=') return c >= 0;
  // ~=X.Y.Z: >=X.Y.Z and ==X.Y.*
  const prefix = v.split('.').slice(0, -1);
  return (
    c >= 0 && compareVersions(version.split('.').slice(0, prefix.length).join('.'), prefix.join('.')) === 0
  );
}

/** The merged constraints pip names among CAUSES: project (canonical) -> its clauses. */
function mergedConstraints(causes: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of causes)
    for (const m of c.matchAll(/\(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)(\S*)/g))
      out.set(canonicalName(m[1]!), clauses(m[2]!));
  return out;
}

/**
 * The options that name the requirements' own -c lines (OWN: their text and file:line origins)
 * taking part in a conflict whose causes are CAUSES, each with its file and line: a constraint of
 * the user's is held as firmly as the base image's packages.
 */
export function ownConstraintOptions(
  causes: readonly string[],
  own: { text: string; origins: readonly string[] } | undefined,
): string[] {
  if (own === undefined || own.text === '') return [];
  const merged = mergedConstraints(causes);
  const lines = own.text.split('\n').map(ownLine);
  return lines.flatMap((l, i) => {
    const all = l && merged.get(l.name);
    if (!l || !all) return [];
    const mine = new Set(lines.flatMap((x) => (x?.name === l.name ? x.clauses : [])));
    const others = all.filter((c) => !mine.has(c));
    const pins = others.flatMap((c) => /^===?([^*]+)$/.exec(c)?.[1] ?? []);
    const takesPart =
      pins.length > 0
        ? pins.some((p) => l.clauses.some((c) => clauseAdmits(c, p) === false))
        : others.length === 0;
    if (!takesPart) return [];
    return [
      `loosen or drop your constraint "${redactUrls(own.text.split('\n')[i]!)}" (${own.origins[i] ?? 'a -c file'}): the requirements' own -c files are held as firmly as the base image's packages`,
    ];
  });
}
