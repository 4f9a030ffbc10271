// Step 5, explain: when there is no plan that holds the base (or the mode only checks), say what
// conflicts, the chain from the user's requirement to the base package it would replace, and the
// options, with the version that would fit where pip can find one.
import { redactUrls } from '../../util/redact.js';
import type { Analysis } from '../helper-output.js';
import { conflictBlock, userRequestedInConflict } from '../pip-output.js';
import { DIR } from '../workdir.js';
import type { PipRun, Workspace } from '../workspace.js';
import { analyze, type Diagnosis } from './diagnose.js';
import { canonicalName, parseRequirementsText } from '../../requirements/parse.js';
import type { Answer, ResolutionBase } from './hold.js';
import { chainOf } from './chain.js';

export { chainOf } from './chain.js';

/**
 * Mode "check", or a plain dry run that failed: clean when nothing would change, else the
 * conflict as the plain run shows it (no plan is searched for). `preinstalled`: what every dry run
 * asks for besides the requirements (input.ts preinstalled, the variant's `torch==V`). Pure.
 */
export function checkedResolution(
  draft: ResolutionBase,
  { naive, analysis }: Diagnosis,
  preinstalled: readonly string[] = [],
  /** Each project's requirement lines (requirementLines), for the chain. */
  asked: ReadonlyMap<string, readonly string[]> = new Map(),
): Answer['resolution'] {
  if (!naive.ok) {
    const causes = conflictBlock(naive.out).map((c) => redactUrls(c));
    return {
      ...draft,
      status: 'conflict',
      hazards: [],
      conflict: { causes, ...plainConflict(causes, preinstalled) },
      durationMs: 0,
    };
  }
  return {
    ...draft,
    status: analysis.replaced.length === 0 ? 'clean' : 'conflict',
    hazards: [],
    ...(analysis.replaced.length > 0 && {
      conflict: {
        causes: [],
        chain: chainOf(analysis.replaced, [], asked),
        options: ['resolve mode "auto" looks for versions that keep the base image intact'],
      },
    }),
    durationMs: 0,
  };
}

const CHANGE_TORCH =
  "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support";

/** The chain and options of a plain dry run that failed: among the requirements, or with the variant's torch. */
function plainConflict(
  causes: readonly string[],
  preinstalled: readonly string[],
): { chain: string[]; options: string[] } {
  const torch = variantTorchIn(causes, preinstalled);
  if (torch !== undefined)
    return {
      chain: [
        `your requirements need another torch than the variant's torch ${torch} (the build installs torch==${torch} from the torch index before them: the "(constraint) torch==${torch}" above)`,
      ],
      options: [
        `ask for releases made for torch ${torch} (e.g. the torchvision or torchaudio release paired with it), or none at all`,
        CHANGE_TORCH,
      ],
    };
  const deps = variantTorchDependencyIn(causes, preinstalled);
  if (deps !== undefined)
    return {
      chain: [
        `your requirements conflict with what the variant's torch ${deps.torch} depends on (the build installs torch==${deps.torch} from the torch index before them: the "${deps.cause}" above)`,
      ],
      options: [
        `ask for versions that accept what torch ${deps.torch} depends on (above), or leave those requirements out`,
        CHANGE_TORCH,
      ],
    };
  return {
    chain: ['your requirements conflict among themselves (before the base image is considered)'],
    options: ['change the requirements pip names above'],
  };
}

/** The variant's torch version: what the build installs first (input.ts preinstalled `torch==V`). */
const variantTorch = (preinstalled: readonly string[]) =>
  preinstalled.map((p) => /^torch==(.+)$/.exec(p)?.[1]).find((v) => v !== undefined);

/**
 * The variant's torch when pip names it among the causes: the constraint every dry run takes for
 * the build's torch step (input.ts preinstalled: "The user requested (constraint) torch==V"), also
 * merged with a constraint on torch from the requirements' own -c files ("torch<2.5,==V"). A -c
 * line's own pin names another version, or the same one (then it asks for what the variant
 * installs anyway). Pure.
 */
export function variantTorchIn(
  causes: readonly string[],
  preinstalled: readonly string[],
): string | undefined {
  const torch = variantTorch(preinstalled);
  if (torch === undefined) return undefined;
  // pip merges every constraint on torch into one, its parts sorted: "(constraint) torch<2.5,==2.5.1".
  for (const c of causes) {
    const m = /\(constraint\) torch(?![A-Za-z0-9._-])(\S*)/.exec(c);
    if (m?.[1]!.split(',').includes(`==${torch}`)) return torch;
  }
  return undefined;
}

/**
 * The cause "torch V depends on ..." of the variant's own torch (preinstalled `torch==V`; pip
 * names the wheel's version, which may carry a local label: 2.5.1+cpu, and the extras a
 * requirement asked for: "torch[opt-einsum] 2.5.1 depends on ..."), with that torch. Pure.
 */
export function variantTorchDependencyIn(
  causes: readonly string[],
  preinstalled: readonly string[],
): { torch: string; cause: string } | undefined {
  const torch = variantTorch(preinstalled);
  if (torch === undefined) return undefined;
  for (const c of causes) {
    const m = /^torch(?:\[[^\]]*\])? (\S+) depends on /.exec(c);
    if (m && (m[1] === torch || m[1]!.startsWith(`${torch}+`))) return { torch, cause: c };
  }
  return undefined;
}

/** Holding the base failed, relaxed or not: the conflict pip names, and what would fit. */
export async function conflictResolution(
  ws: Workspace,
  draft: ResolutionBase,
  o: {
    held: PipRun;
    diagnosis: Diagnosis;
    requested: readonly string[];
    /** What every dry run asks for besides the user's requirements (input.ts preinstalled). */
    preinstalled?: readonly string[];
    /** The user's requirements text: its direct references (URL, VCS, path) have no older release. */
    text?: string;
    /** The "file:line" of each line of text: the option names the lines to change. */
    origins?: readonly string[];
  },
): Promise<Answer['resolution']> {
  const causes = conflictBlock(o.held.out).map((c) => redactUrls(c));
  const lines = requirementLines(o.text ?? '', o.origins ?? []);
  return {
    ...draft,
    status: 'conflict',
    conflict: {
      causes,
      chain: chainOf(o.diagnosis.analysis.replaced, causes, lines),
      options: await optionsFor(ws, causes, o.diagnosis.analysis, {
        requested: o.requested,
        preinstalled: o.preinstalled ?? [],
        direct: directReferences(o.text ?? ''),
        extras: requestedExtras(o.text ?? ''),
        options: probeOptionLines(o.text ?? ''),
        lines,
      }),
    },
    hazards: [],
    durationMs: 0,
  };
}

async function optionsFor(
  ws: Workspace,
  causes: readonly string[],
  naive: Analysis,
  o: {
    requested: readonly string[];
    preinstalled: readonly string[];
    direct: ReadonlySet<string>;
    extras: ReadonlyMap<string, readonly string[]>;
    /** The requirements' option lines the probe takes too (probeOptionLines). */
    options: readonly string[];
    /** Each project's requirement lines, as "file:line" (requirementLines). */
    lines: ReadonlyMap<string, readonly string[]>;
  },
): Promise<string[]> {
  const options: string[] = [];
  // What fits if the blamed packages are asked for by name only, with the base held? Not one the
  // user fetches from a URL or path (the index may not list it: pip's "The user requested baz @
  // URL" is still a request, not a release to go back from).
  for (const name of userRequestedInConflict(causes, o.requested, o.preinstalled)) {
    if (o.direct.has(name)) continue;
    const extras = o.extras.get(name) ?? [];
    const v = await newestThatFits(ws, name, extras, o.options);
    // With the extras it was probed with: `torch[opt-einsum]==V`, not a line that drops them.
    const at = o.lines.get(name) ?? [];
    if (v)
      options.push(
        `use an older release: ${withExtras(name, extras)}==${v} is the newest that fits the base image${at.length ? ` (change ${at.join(', ')})` : ''}`,
      );
  }
  const replaced = naive.replaced.map((r) => `${r.name} ${r.to}`).join(', ');
  options.push(`use a newer base image whose packages accept ${replaced || 'what your requirements need'}`);
  options.push(
    `drop the pin at your own risk: resolve mode "off" lets pip replace ${naive.replaced.map((r) => r.name).join(', ') || 'base packages'}${
      naive.replaced.some((r) => r.breaks.length)
        ? `, breaking ${naive.replaced.flatMap((r) => r.breaks.map((b) => b.dist)).join(', ')}`
        : ''
    }`,
  );
  return options;
}

/** The projects of the requirement lines that name a URL or a path (`baz @ URL`, `-e PATH#egg=`). Pure. */
function directReferences(text: string): Set<string> {
  return new Set(
    parseRequirementsText(text).lines.flatMap((l) =>
      l.kind === 'requirement' && l.url !== undefined && l.name !== undefined ? [l.name] : [],
    ),
  );
}

/**
 * Each project's requirement lines in TEXT (canonical name -> the "file:line" ORIGINS gives each),
 * for the options that name what to change. Pure.
 */
export function requirementLines(text: string, origins: readonly string[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const l of parseRequirementsText(text).lines) {
    const at = origins[l.line - 1];
    if (l.kind === 'requirement' && l.name !== undefined && at !== undefined)
      lines.set(l.name, [...(lines.get(l.name) ?? []), at]);
  }
  return lines;
}

/**
 * The extras each project is asked for with (`torch[opt-einsum]`), every line's together, by
 * canonical name: an older release is only an option when what its extras pull in fits too. Pure.
 */
function requestedExtras(text: string): Map<string, string[]> {
  const extras = new Map<string, string[]>();
  for (const l of parseRequirementsText(text).lines)
    if (l.kind === 'requirement' && l.name !== undefined && l.extras !== undefined) {
      const had = extras.get(l.name) ?? [];
      extras.set(l.name, [...had, ...l.extras.filter((e) => !had.includes(e))]);
    }
  return extras;
}

/** NAME[EXTRAS] (NAME alone without any). */
const withExtras = (name: string, extras: readonly string[]) =>
  `${name}${extras.length ? `[${extras.join(',')}]` : ''}`;

/** Options of a line the probe leaves out: another requirement, or hashes its line cannot have. */
const NOT_PROBED = new Set(['requirement', 'require-hashes']);

/**
 * The requirements' option lines (`--index-url`, `--extra-index-url`, `--find-links`, `--pre` ...)
 * as written, for the "newest that fits" probe: it must look where the requirements look (a
 * project served only by their extra index, or a namesake on the configured one), not only on
 * the configured indexes. Not a `-r` line (more requirements) nor `--require-hashes`. Pure.
 */
export function probeOptionLines(text: string): string[] {
  return parseRequirementsText(text).lines.flatMap((l) =>
    l.kind === 'option' && !l.options.some((x) => NOT_PROBED.has(x.option)) ? [l.text] : [],
  );
}

/**
 * The version pip picks for `name` alone (with the extras it was asked for) with the base held,
 * looking where the requirements' option lines (OPTIONS) look, or undefined when none fits. A
 * probe that fails for another reason (no release on the index, one it cannot build) only means
 * no such option: it comes back as a failed run, never as the run's error.
 */
async function newestThatFits(
  ws: Workspace,
  name: string,
  extras: readonly string[],
  options: readonly string[],
): Promise<string | undefined> {
  const line = withExtras(name, extras);
  await ws.put({ 'probe.txt': `${[...options, line].join('\n')}\n` });
  const probe = await ws.dryRun(
    'probe.json',
    ['-r', `${DIR}/probe.txt`, '-c', `${DIR}/base-constraints.txt`],
    {},
    { failure: 'return' },
  );
  if (!probe.ok) return undefined;
  // The helper's analysis names each one as pip's canonicalize_name does (PEP 503: zope.interface
  // is zope-interface), as `name` is.
  const a = await analyze(ws, 'probe.json');
  return a.install.find((i) => canonicalName(i.name) === canonicalName(name))?.version || undefined;
}
