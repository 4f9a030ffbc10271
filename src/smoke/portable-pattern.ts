// A floors row's `match` is checked here (JavaScript, new RegExp(s, 'i')) and used by the smoke
// script (Python, re.search(s, name, re.I)). The two engines read much alike but not all of it:
// JavaScript takes `(?<!NVL.*)H200` (Python only fixed-width lookbehind), `[^]` (any character;
// Python: a class that starts with "]") or `\cA` (Python: an error), and the script would then
// fail compute-gpu after its benchmark. So a pattern must keep to a subset both read the same way,
// and a construct outside it is named (exit 2 at validation, before anything runs). Pure.

/** Escapes both engines read alike, outside and inside a class (\b in a class: a backspace in both). */
const SHARED_ESCAPES = new Set('dDwWsSbtnrfv');
/** The escapes that stand for a class of characters (no end of a range in Python). */
const CLASS_ESCAPES = new Set('dDwWsS');
/** Python's quantifier limit is larger; a count past this is no GPU name's. */
const MAX_REPEAT = 65535;

/** Escapes of a letter or digit that JavaScript (without the u flag) and Python read differently. */
const ESCAPE_PROBLEMS: Record<string, string> = {
  c: 'the control escape "\\c" (JavaScript only: an error in Python)',
  p: 'the property escape "\\p{...}" (a letter p in JavaScript without the u flag, an error in Python)',
  P: 'the property escape "\\P{...}" (a letter P in JavaScript without the u flag, an error in Python)',
  B: 'the non-boundary "\\B" (Python never matches it in an empty text; in a class an error)',
  A: 'the escape "\\A" (a letter A in JavaScript, an anchor in Python)',
  Z: 'the escape "\\Z" (a letter Z in JavaScript, an anchor in Python)',
};

/** N hex digits at S[FROM]. */
const hexDigits = (s: string, from: number, n: number) =>
  new RegExp(`^[0-9A-Fa-f]{${n}}`).test(s.slice(from));

/** Why the escape at S[I] is not read alike, or undefined; `len`: the characters it takes. */
function escapeProblem(s: string, i: number): { problem?: string; len: number } {
  const n = s[i + 1] ?? '';
  if (SHARED_ESCAPES.has(n)) return { len: 2 };
  if (n === 'x')
    return hexDigits(s, i + 2, 2)
      ? { len: 4 }
      : { problem: '"\\x" without two hex digits (a letter x in JavaScript, an error in Python)', len: 2 };
  if (n === 'u')
    return hexDigits(s, i + 2, 4)
      ? { len: 6 }
      : {
          problem: '"\\u" without four hex digits (JavaScript and Python read "\\u{...}" differently)',
          len: 2,
        };
  if (/[0-9]/.test(n))
    return {
      problem: `the backreference or octal escape "\\${n}" (read differently by JavaScript and Python)`,
      len: 2,
    };
  if (/[A-Za-z]/.test(n))
    return {
      problem: ESCAPE_PROBLEMS[n] ?? `the escape "\\${n}" (a letter ${n} in JavaScript, an error in Python)`,
      len: 2,
    };
  return { len: 2 }; // an escaped punctuation character or space: itself in both
}

/** The group opening at S[I] ("("): a problem for any "(?" but (?:, (?= and (?!. */
function groupProblem(s: string, i: number): string | undefined {
  if (s[i + 1] !== '?') return undefined;
  const head = s.slice(i, i + 4);
  if (/^\(\?[:=!]/.test(head)) return undefined;
  if (head === '(?<=' || head === '(?<!')
    return `the lookbehind "${head}" (refused, fixed-width or not: Python takes only a fixed-width one, JavaScript any; use a lookahead, e.g. "H200(?!.*NVL)")`;
  if (/^\(\?(P|<)/.test(head))
    return `the named group "${head}..." (its syntax differs between JavaScript and Python)`;
  return `"${head.slice(0, 3)}" (inline flags and other extensions: only (?:, (?= and (?! are read alike)`;
}

/** The class opening at S[I] ("["): where it ends (after its "]"), or a problem and where it is. */
function classProblem(s: string, i: number): { end: number } | { problem: string; pos: number } {
  let j = i + 1;
  if (s[j] === '^') j++;
  if (s[j] === ']')
    return {
      problem: `"${s.slice(i, j + 1)}" (JavaScript: ${j === i + 1 ? 'a class of nothing' : 'any character'}; Python: a class that starts with "]")`,
      pos: i,
    };
  const first = j;
  const classEscapeAt = (k: number) => s[k] === '\\' && CLASS_ESCAPES.has(s[k + 1] ?? '');
  for (; j < s.length && s[j] !== ']'; j++) {
    const c = s[j]!;
    if (c === '\\') {
      const e = escapeProblem(s, j);
      if (e.problem) return { problem: e.problem, pos: j };
      // JavaScript reads "[\d-z]" as \d, "-" and z; Python refuses the range.
      if (classEscapeAt(j) && s[j + 2] === '-' && s[j + 3] !== ']')
        return { problem: `a range from "\\${s[j + 1]}" (escape the "-" as "\\-")`, pos: j };
      j += e.len - 1;
    } else if (c === '-' && j > first && classEscapeAt(j + 1))
      return { problem: `a range to "\\${s[j + 2]}" (escape the "-" as "\\-")`, pos: j };
    else if (c === '[')
      return { problem: 'a "[" inside a class (Python may read a nested set: escape it as "\\[")', pos: j };
    else if (['&&', '--', '||', '~~'].includes(s.slice(j, j + 2)))
      return {
        problem: `"${s.slice(j, j + 2)}" inside a class (Python may read a set operation: escape one of them)`,
        pos: j,
      };
  }
  return { end: j + 1 };
}

/** The "{" at S[I]: a quantifier {n}, {n,} or {n,m} (its length), else a problem. */
function braceProblem(s: string, i: number): { problem?: string; len: number } {
  const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
  if (!m)
    return {
      problem:
        'a "{" that is no quantifier {n}, {n,} or {n,m} ("{,3}" is a quantifier in Python, text in JavaScript: escape a literal one as "\\{")',
      len: 1,
    };
  if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT))
    return { problem: `the quantifier "${m[0]}" (at most ${MAX_REPEAT})`, len: m[0].length };
  return { len: m[0].length };
}

/**
 * Why S is not a regular expression JavaScript and Python read the same way (case-insensitively),
 * naming the construct and where it starts; undefined when it is one. The subset: characters,
 * escaped punctuation, \d \D \w \W \s \S \b \t \n \r \f \v \xHH \uHHHH, classes (no "[]", "[^]",
 * nested "[" or "&&"-style pairs, no range to or from a class escape), groups ( ), (?: ), lookaheads
 * (?= ) and (?! ), alternation, anchors ^ $, and the quantifiers * + ? {n} {n,} {n,m} (lazy too).
 * Those match alike on one line of ASCII text, as device names are (on other text \w, \d and \b
 * are Unicode-aware in Python only, "." takes "\r" in Python only, and "$" in Python also matches
 * before a last "\n").
 */
export function portablePatternProblem(s: string): string | undefined {
  try {
    new RegExp(s, 'i');
  } catch (e) {
    return `not a regular expression (${(e as Error).message})`;
  }
  const at = (problem: string, i: number) => `${problem} at character ${i + 1}`;
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c === '\\') {
      const e = escapeProblem(s, i);
      if (e.problem) return at(e.problem, i);
      i += e.len;
    } else if (c === '[') {
      const k = classProblem(s, i);
      if ('problem' in k) return at(k.problem, k.pos);
      i = k.end;
    } else if (c === '(') {
      const g = groupProblem(s, i);
      if (g) return at(g, i);
      i += 1;
    } else if (c === '{') {
      const b = braceProblem(s, i);
      if (b.problem) return at(b.problem, i);
      i += b.len;
    } else i += 1;
  }
  return undefined;
}
