import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir } from '../../util/images-dir.js';
import type { BuildResult } from '../../build/result.js';
import { loadConfig } from '../../config/load.js';
import { checkRegistry } from '../../docker/registry.js';
import { InputError } from '../../errors.js';
import { readGitHubEventFile } from '../../github/event.js';
import { checkStageInputs, runPipeline } from '../../pipeline/pipeline.js';
import type { Stage } from '../../pipeline/stages.js';
import { defaultCacheDir } from '../../util/cache-dir.js';
import { discardResults } from '../../results/discard.js';
import { openResultDir } from '../../results/results.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { configOverrideFlags, gitPlannedBeforeRegistry, overridesFromFlags } from './shared.js';
import { loadOnePlatformFix } from './engine-platform.js';
import type { Command } from './types.js';
import { refusePullRequestTarget } from '../../util/pull-request-code.js';

function renderBuild(result: BuildResult): string {
  return `${result.variants
    .map((v) => {
      // Pushed and merged: the manifest list digest. Loaded (--load): no digest, the local tag(s).
      const locals = v.platforms.flatMap((p) => (p.localRef !== undefined ? [p.localRef] : []));
      const head = v.digest ?? (locals.length > 0 ? `loaded as ${locals.join(', ')}` : 'not merged');
      const platforms = v.platforms.map(
        (p) =>
          `  ${p.platform.padEnd(12)} ${p.localRef ?? p.digest}${p.localRef !== undefined ? ` (${p.digest})` : ''}  ${(p.durationMs / 1000).toFixed(1)}s${p.attempts > 1 ? ` (${p.attempts} attempts)` : ''}`,
      );
      const tags = v.tags.filter((t) => !locals.includes(t)).map((t) => `  tag ${t}`);
      return [`${v.variant}: ${head}`, ...platforms, ...tags].join('\n');
    })
    .join('\n')}\n`;
}

const BUILD_OPTIONS = {
  config: { type: 'string' },
  platforms: { type: 'string' },
  variants: { type: 'string' },
  load: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export const buildCommand: Command = {
  name: 'build',
  options: BUILD_OPTIONS,
  summary: 'Build every variant for every platform with buildx, push by digest, merge into multi-arch tags.',
  usage:
    'ml-image build [--config FILE] [--platforms LIST] [--variants LIST] [--load] [--quiet] [--verbose] [--json] [--out DIR]',
  help: `Plans (see "ml-image plan"), then runs one buildx build per variant and platform (one other
than the engine's under QEMU), pushes each by digest, and merges each variant's digests into one
manifest list under its tags. Transient registry/network failures are retried (3 attempts with
backoff); a Dockerfile or pip failure stops at once with the end of the build log.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here)
${configOverrideFlags}
  --load             build one platform into the local engine instead of pushing (under its tags too):
                     --platforms with the engine's own (linux/arm64 on Apple silicon) runs natively
  --quiet            do not stream buildx output (progress lines only)
  --verbose          also a "timing:" line per step (builder facts, base digest, each build and
                     merge) and stack traces on errors
  --json             print the build result as JSON
  --out DIR          write DIR/plan.json, DIR/resolution-*.json and DIR/build.json; held while
                     the build writes it: another run writing there now is refused (exit 2)

Exit codes: 0 built; 1 a build failed; 2 bad config; 3 no daemon / no buildx / registry unreachable.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('build', argv, BUILD_OPTIONS);
    refusePullRequestTarget(io.env, 'ml-image build');
    const loaded = loadConfig({
      cwd: io.cwd,
      env: io.env,
      ...(values.config !== undefined && { file: values.config }),
      overrides: overridesFromFlags(values),
    });
    const { config } = loaded;
    const stages = new Set<Stage>(['plan', 'resolve', 'build']);
    checkStageInputs(loaded, stages, { mode: 'auto', env: io.env });
    const push = !values.load;
    if (!push && config.platforms.length !== 1) {
      throw new InputError(
        `--load builds one platform into the local engine, but the config has ${config.platforms.length} (${config.platforms.join(', ')})`,
        await loadOnePlatformFix(io),
      );
    }
    // Independent: the git context and the registry check, side by side (the plan's bad input first).
    const event = readGitHubEventFile(io.env.GITHUB_EVENT_PATH); // once: the plan's and the stages'
    const git = await gitPlannedBeforeRegistry(
      io,
      loaded,
      push ? checkRegistry(config.image.registry) : undefined,
      event,
    );
    const t0 = Date.now();
    const progress = (line: string) =>
      io.stderr(`[build ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
    // The pipeline with its first three stages; --out keeps their result files (src/results).
    const { build: result } = await runPipeline(
      {
        loaded,
        stages,
        results:
          values.out !== undefined
            ? openResultDir(path.resolve(io.cwd, values.out), `--out ${values.out}`)
            : discardResults(),
        push,
        merge: true,
        gpus: 'auto',
        imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
        git,
        cacheDir: defaultCacheDir(io.env, io.cwd),
        report: { mode: 'off', baseline: null },
      },
      {
        docker: io.docker,
        ...(io.git && { git: io.git }),
        env: io.env,
        event,
        ...(io.lookupHost && { lookupHost: io.lookupHost }),
        // The plan is in plan.json (and `ml-image plan`): here a line per resolve and build step.
        progress: (stage, line) => {
          if (stage !== 'plan') progress(line);
        },
        // --verbose: where the build stage's time goes, step by step.
        ...(values.verbose && { stepTiming: (_stage: string, line: string) => progress(line) }),
        ...(!values.quiet && {
          output: (line: string, target?: string) => io.stderr(`  [${target}] ${line}\n`),
        }),
        error: (m) => io.stderr(`error: ${m}\n`),
        // The resolve stage's progress lines already name each hazard with its fix.
        warning: (m, p) => {
          if (!p?.title?.startsWith('ml-image resolve')) io.stderr(`warning: ${m}\n`);
        },
      },
    );
    if (!result) throw new Error('the build stage returned no result');
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderBuild(result));
    return 0;
  },
};
