// Which of the user's requirement lines pip's words name ("numpy==8.0" in "No matching
// distribution found for numpy==8.0"): the line of that project, and where several lines name it
// (one per platform, `numpy==8.0 ; platform_machine == "x86_64"` and `numpy==9.0 ; ... "aarch64"`),
// the one whose version specifiers pip printed. Pure.
import { breakArgsOptions, canonicalName } from '../requirements/parse.js';
import type { RequirementOrigin } from '../requirements/read.js';

const PROJECT = /^[A-Za-z0-9][A-Za-z0-9._-]*/;

/**
 * The specifier clauses of a requirement (pip's words, or a line's requirement part), as a set
 * packaging prints in order: `foo (>=1, <2) ; marker` and `foo<2,>=1` are both "<2,>=1".
 */
export function specifierClauses(requirement: string): string {
  const rest = requirement.replace(PROJECT, '').replace(/^\s*\[[^\]]*\]/, '');
  if (/^\s*@/.test(rest)) return '';
  return rest
    .split(';')[0]!
    .replace(/[\s()]/g, '')
    .split(',')
    .filter((c) => c !== '')
    .sort()
    .join(',');
}

/**
 * The requirement line of the project REQUIREMENT names, if any: of several, the one whose
 * specifiers are REQUIREMENT's (LINES: the requirements text's lines, ORIGINS their "file:line"),
 * else the first.
 */
export function lineNaming(
  ctx: {
    requirements: readonly RequirementOrigin[];
    origins: readonly string[];
    lines?: readonly string[];
  },
  requirement: string | undefined,
): RequirementOrigin | undefined {
  const project = requirement && PROJECT.exec(requirement)?.[0];
  if (!project) return undefined;
  const named = ctx.requirements.filter((r) => r.name === canonicalName(project));
  if (named.length < 2 || ctx.lines === undefined) return named[0];
  const want = specifierClauses(requirement);
  const spec = (r: RequirementOrigin) => {
    const text = ctx.lines?.[ctx.origins.indexOf(r.origin)];
    return text === undefined ? undefined : specifierClauses(breakArgsOptions(text).args);
  };
  return named.find((r) => spec(r) === want) ?? named[0];
}
