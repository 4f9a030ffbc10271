import { loadConfig } from '../../config/load.js';
import type { Plan } from '../../plan/plan.js';
import { LABEL_PREFIX } from '../../plan/schema.js';
import { checkRequirementLines } from '../../pipeline/door-checks.js';
import { openOutDir } from '../../results/out-dir.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { configOverrideFlags, gitContextFor, overridesFromFlags, planOfConfig } from './shared.js';
import type { Command } from './types.js';

/** The label prefixes a plan's labels are grouped under, one line each. */
const LABEL_GROUPS = ['org.opencontainers.image.', `${LABEL_PREFIX}.`];

/** A variant's labels, compactly: `prefix{key=value, ...}` per group, any other label on its own. */
function labelLines(labels: Readonly<Record<string, string>>): string[] {
  const entries = Object.entries(labels);
  const grouped = LABEL_GROUPS.map((prefix) => {
    const own = entries.filter(([k]) => k.startsWith(prefix));
    return own.length === 0
      ? undefined
      : `${prefix}{${own.map(([k, v]) => `${k.slice(prefix.length)}=${v}`).join(', ')}}`;
  });
  const others = entries
    .filter(([k]) => !LABEL_GROUPS.some((p) => k.startsWith(p)))
    .map(([k, v]) => `${k}=${v}`);
  return [...grouped.filter((l): l is string => l !== undefined), ...others];
}

function renderPlan(plan: Plan): string {
  const lines = [`${plan.repository}${plan.version ? ` (version ${plan.version})` : ''}`];
  for (const v of plan.variants) {
    lines.push('', `variant ${v.name} (${v.kind}) for ${v.platforms.join(', ')}`);
    lines.push(`  base:     ${v.base.ref}`, `            ${v.base.reason}`);
    lines.push(
      `  build:    ${v.template ? `template images/${v.template}` : 'your Dockerfile'}, Python ${v.python}`,
    );
    if (v.torch)
      lines.push(
        `  torch:    ${v.torch.version}${v.torch.indexUrl !== undefined ? ` from ${v.torch.indexUrl}` : ' (from the base image)'}`,
      );
    if (v.cuda)
      lines.push(
        `  driver:   CUDA ${v.cuda.version} needs NVIDIA driver >= ${v.cuda.toolkitDriverMin} (>= ${v.cuda.minorCompatDriverMin} with minor-version compatibility)`,
      );
    lines.push(`  tags:     ${v.tags.join('\n            ')}`);
    lines.push(`  labels:   ${labelLines(v.labels).join('\n            ')}`);
  }
  lines.push('', `targets:  ${plan.targets.map((t) => `${t.id} -> ${t.runner}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

const PLAN_OPTIONS = {
  config: { type: 'string' },
  platforms: { type: 'string' },
  variants: { type: 'string' },
  'skip-file-checks': { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export const planCommand: Command = {
  name: 'plan',
  options: PLAN_OPTIONS,
  summary: 'Expand variants x platforms into build targets; choose base images, torch index, driver floor.',
  usage:
    'ml-image plan [--config FILE] [--platforms LIST] [--variants LIST] [--skip-file-checks] [--json] [--out DIR]',
  help: `Reads the config and the bundled base-image catalog and prints, per variant, the base image
and why it was chosen, the torch wheel index, the NVIDIA driver floor, tags and labels. Refuses
combinations that cannot work (e.g. an amd64-only base image for linux/arm64) and warns about
ones the catalog does not know, naming the nearest valid ones. The requirements files are read as
the build reads them (each line, every -r/-c include; pip is not run): a bad line is refused here.
--skip-file-checks plans without them, for a workflow whose build job makes a file (or an include)
that the plan job's checkout lacks: the build refuses what is wrong in it then.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here)
${configOverrideFlags}
  --skip-file-checks do not look for (or read) the files the config names
  --json             print the plan as JSON; its "matrix" is a GitHub Actions matrix
  --out DIR          write DIR/plan.json and DIR/matrix.json

Exit codes: 0 planned (warnings allowed); 2 bad config, a bad requirements line or an impossible
combination.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('plan', argv, PLAN_OPTIONS);
    const checkFiles = !values['skip-file-checks'];
    const loaded = loadConfig({
      cwd: io.cwd,
      env: io.env,
      ...(values.config !== undefined && { file: values.config }),
      overrides: overridesFromFlags(values),
      checkFiles,
    });
    // The requirements lines, as the jobs after a plan job read them: bad input is stopped here.
    if (checkFiles) checkRequirementLines(loaded, io.env);
    const git = await gitContextFor(io);
    const plan = planOfConfig(loaded, git);
    if (values.out !== undefined) {
      openOutDir(io.cwd, values.out).writePlan(plan);
    }
    if (values.json) io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    else {
      io.stdout(renderPlan(plan));
      for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
    }
    return 0;
  },
};
