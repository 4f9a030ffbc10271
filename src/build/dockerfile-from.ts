// Which image a Dockerfile of the user's starts from: the FROM its built stage (the target, else the
// last) roots in, followed through the stages it names. The plan's base is what the resolver checks
// pip against and what the labels, the SBOM and the provenance name; a Dockerfile that ignores
// BASE_IMAGE (`FROM busybox` where the plan says python:3.12-slim) builds from another image, and
// that evidence would be wrong without a word (baseMismatch). Pure over the Dockerfile's text.
import { applyMirrors, parseImageRef, repositoryOf } from '../oci/ref.js';

/** A literal FROM: the reference as written, and its 1-based line. */
interface FromLine {
  ref: string;
  line: number;
}

/** FROM [--flag=...]... IMAGE [AS NAME] */
const FROM = /^\s*from\s+((?:--\S+\s+)*)(\S+)(?:\s+as\s+(\S+))?\s*$/i;
/** A heredoc's opening in a RUN, COPY or ADD (RUN <<EOF, COPY <<-"EOF" ...): its word. */
const HEREDOC = /<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const HEREDOC_INSTRUCTION = /^\s*(run|copy|add)\s/i;

/** The instructions of TEXT, continuation lines joined, comments and heredoc bodies left out. */
function instructions(text: string): { text: string; line: number }[] | undefined {
  const lines = text.split(/\r?\n/);
  // A parser directive for another escape character: read no further (the lines join otherwise).
  if (lines.some((l, i) => i < 10 && /^#\s*escape\s*=\s*`/i.test(l))) return undefined;
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    if (/^\s*(#|$)/.test(lines[i]!)) continue;
    let joined = lines[i]!;
    while (joined.endsWith('\\') && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i]!)) continue;
      joined = `${joined.slice(0, -1)} ${lines[i]!}`;
    }
    out.push({ text: joined, line: start + 1 });
    if (!HEREDOC_INSTRUCTION.test(joined)) continue;
    for (const [, , word] of joined.matchAll(HEREDOC))
      while (i + 1 < lines.length && lines[++i]!.replace(/^\t+/, '') !== word);
  }
  return out;
}

/**
 * The literal image the stage TARGET (else the last) roots in, through the stages it names; undefined
 * where it cannot be told from the text: a variable in the FROM (`${BASE_IMAGE}`: the plan's base),
 * no FROM, an unknown target, another escape character.
 */
export function rootFrom(text: string, target?: string): FromLine | undefined {
  const stages: { name?: string; ref: string; line: number }[] = [];
  for (const ins of instructions(text) ?? []) {
    const m = FROM.exec(ins.text);
    if (m) stages.push({ ref: m[2]!, line: ins.line, ...(m[3] && { name: m[3].toLowerCase() }) });
  }
  let i = target === undefined ? stages.length - 1 : stages.findIndex((s) => s.name === target.toLowerCase());
  for (let hops = 0; i >= 0 && hops < stages.length; hops++) {
    const s = stages[i]!;
    if (s.ref.includes('$')) return undefined;
    const named = stages.findIndex((t, j) => j < i && t.name === s.ref.toLowerCase());
    if (named < 0) return { ref: s.ref, line: s.line };
    i = named;
  }
  return undefined;
}

/** Whether REF and PLANNED name one image: the repository, and the tag or digest. */
function sameImage(ref: string, planned: string): boolean {
  const a = parseImageRef(ref);
  const b = parseImageRef(planned);
  if (repositoryOf(a) !== repositoryOf(b)) return false;
  if (a.digest !== undefined && a.digest === b.digest) return true;
  return (a.tag ?? (a.digest ? undefined : 'latest')) === (b.tag ?? (b.digest ? undefined : 'latest'));
}

/**
 * The FROM of DOCKERFILE's built stage where it is a literal image other than PLANNED (the variant's
 * base, after MIRRORS): the build does not start from the planned base. Undefined where it does, or
 * where the text cannot tell.
 */
export function baseMismatch(
  dockerfile: string,
  planned: string,
  mirrors: Readonly<Record<string, string>>,
  target?: string,
): FromLine | undefined {
  const from = rootFrom(dockerfile, target);
  if (from === undefined || from.ref.toLowerCase() === 'scratch') return from;
  try {
    return sameImage(from.ref, planned) || sameImage(applyMirrors(from.ref, mirrors), planned)
      ? undefined
      : from;
  } catch {
    return undefined;
  }
}
