// Environment markers evaluated as pip evaluates them (packaging's Marker.evaluate), over what is
// known of a target image: true, false, or undefined where the answer turns on a value not known
// (platform_release, a Python version the caller does not know). Pure: a marker tree (pep508.ts)
// and an environment in, the answer out.
import type { MarkerNode } from './pep508.js';

/** Marker variable -> its value on the target; a variable left out is not known. */
export type MarkerEnvironment = Readonly<Record<string, string | undefined>>;

/** uname's machine of a platform pip runs on in a Linux image. */
const MACHINES: Record<string, string> = { 'linux/amd64': 'x86_64', 'linux/arm64': 'aarch64' };

/**
 * The marker environment of a CPython Linux image of PLATFORM ("linux/amd64": machine x86_64,
 * "linux/arm64": aarch64; another or none: machine not known) with Python PYTHON when known
 * ("3.12": python_version; "3.12.4": python_full_version too). `extra` is "", as pip has it for a
 * requirements file: a comparison with an extra is false. The kernel's values are never known.
 */
export function linuxMarkerEnvironment(platform?: string, python?: string): MarkerEnvironment {
  const full = python !== undefined && /^\d+\.\d+\.\d+$/.test(python) ? python : undefined;
  const short =
    python !== undefined && /^\d+\.\d+(?:\.\d+)?$/.test(python)
      ? python.split('.').slice(0, 2).join('.')
      : undefined;
  return {
    os_name: 'posix',
    sys_platform: 'linux',
    platform_system: 'Linux',
    platform_python_implementation: 'CPython',
    implementation_name: 'cpython',
    platform_machine: platform === undefined ? undefined : MACHINES[platform],
    python_version: short,
    python_full_version: full,
    implementation_version: full,
    extra: '',
  };
}

/**
 * A marker's value in ENV, as packaging reads it ("and" binds tighter than "or"): true or false,
 * or undefined when it turns on a value ENV does not know (or a comparison packaging would refuse).
 */
export function evaluateMarker(tree: readonly MarkerNode[], env: MarkerEnvironment): boolean | undefined {
  const groups: (boolean | undefined)[][] = [[]];
  for (const node of tree) {
    if (node === 'or') groups.push([]);
    else if (node !== 'and')
      groups.at(-1)!.push(Array.isArray(node) ? evaluateMarker(node, env) : compare(node, env));
  }
  const all = (g: (boolean | undefined)[]) =>
    g.includes(false) ? false : g.includes(undefined) ? undefined : true;
  const values = groups.map(all);
  return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
}

const quoted = (s: string) => s.startsWith('"');

/** One comparison: a variable against a string, either way round (packaging's _evaluate_markers). */
function compare(c: { lhs: string; op: string; rhs: string }, env: MarkerEnvironment): boolean | undefined {
  // Two strings or two variables: packaging looks a string up as a variable, or compares a name.
  if (quoted(c.lhs) === quoted(c.rhs)) return undefined;
  const side = (s: string) => (quoted(s) ? s.slice(1, -1) : env[s]);
  const lhs = side(c.lhs);
  const rhs = side(c.rhs);
  if (lhs === undefined || rhs === undefined) return undefined;
  return evalOp(lhs, c.op, rhs);
}

const RELEASE = /^\d+(?:\.\d+)*$/;
const release = (v: string) => v.split('.').map(Number);
/** A release as str(Version) writes it: "3.012" -> "3.12". */
const withoutLeadingZeros = (v: string) => v.replace(/(^|\.)0+(?=\d)/g, '$1');

/** packaging's _eval_op: a version comparison where OP RHS is a version specifier, else Python's. */
function evalOp(lhs: string, op: string, rhs: string): boolean | undefined {
  if (op === 'in') return rhs.includes(lhs);
  if (op === 'not in') return !rhs.includes(lhs);
  // packaging compares the version LHS, as str(Version) writes it, with RHS; LHS no version (a
  // name, "linux"): packaging raises (InvalidVersion; UndefinedComparison in packaging 26).
  if (op === '===') return RELEASE.test(lhs) ? withoutLeadingZeros(lhs) === rhs.toLowerCase() : undefined;
  const wildcard = (op === '==' || op === '!=') && /^\d+(?:\.\d+)*\.\*$/.test(rhs);
  if (wildcard || RELEASE.test(rhs)) return RELEASE.test(lhs) ? versionOp(release(lhs), op, rhs) : undefined;
  // A version with a pre-, post- or dev-release part, an epoch or a local label: not judged here.
  if (/^v?\d/i.test(rhs)) return undefined;
  switch (op) {
    case '==':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '<':
      return lhs < rhs;
    case '<=':
      return lhs <= rhs;
    case '>':
      return lhs > rhs;
    case '>=':
      return lhs >= rhs;
    default:
      return undefined; // ~= on a string: packaging refuses the comparison
  }
}

/** -1, 0 or 1: A against B, release segments, the shorter padded with zeros (PEP 440). */
function cmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Whether the release V starts with PREFIX (V padded with zeros: "3" matches "3.0.*"). */
const hasPrefix = (v: readonly number[], prefix: readonly number[]) =>
  prefix.every((p, i) => (v[i] ?? 0) === p);

/** A release-only version V against OP SPEC (SPEC a release, or one ending ".*" with == and !=). */
function versionOp(v: readonly number[], op: string, spec: string): boolean | undefined {
  if (spec.endsWith('.*')) {
    const match = hasPrefix(v, release(spec.slice(0, -2)));
    return op === '==' ? match : !match;
  }
  const s = release(spec);
  const d = cmp(v, s);
  switch (op) {
    case '==':
      return d === 0;
    case '!=':
      return d !== 0;
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '~=':
      // Compatible release: >= SPEC and the same release but for SPEC's last segment.
      // One segment ("~=3") is no specifier: packaging refuses the comparison.
      return s.length < 2 ? undefined : d >= 0 && hasPrefix(v, s.slice(0, -1));
    default:
      return undefined;
  }
}
