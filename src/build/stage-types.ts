// What the build stage is given: its input (the plan, the config, what to build and push) and its
// side effects (the engine, git, the clock, the progress and log lines), passed in.
import type { Config } from '../config/schema.js';
import type { CommandRunner, DockerAdapter } from '../docker/adapter.js';
import type { GitHubEvent } from '../github/event.js';
import type { Plan } from '../plan/schema.js';
import type { BuildInputOptions } from './action-inputs.js';
import type { VariantBuild } from './result.js';

export interface BuildStageInput {
  plan: Plan;
  config: Config;
  /** Directory of the config file: build.context and requirements are relative to it. */
  baseDir: string;
  /** The config file (none: the config came from inputs or flags), named by digest in build.json. */
  configFile?: string;
  /** images/ of this tool (the templates). */
  imagesDir: string;
  push: boolean;
  /** Per "variant/platform" (resolve stage): constraints, and requirements (relaxed where needed). */
  resolved?: Readonly<Record<string, { constraints: string; requirements: string }>>;
  /** Merge each variant's platforms into its multi-arch tags (default true; false in matrix jobs). */
  merge?: boolean;
  /** Build only these variants / platforms (a matrix job); default all. */
  only?: { variants?: readonly string[]; platforms?: readonly string[] };
  /** docker/build-push-action's inputs (tags and labels are in the plan already). */
  options?: BuildInputOptions;
  /** Where the builder's facts are kept between runs (src/build/builder-facts.ts); none: per process. */
  cacheDir?: string;
  /**
   * Paths never sent to the builder though inside the context (the result directory, the config,
   * the signing key and secret files).
   */
  keepOut?: readonly string[];
}

export interface BuildStageDeps {
  docker: DockerAdapter;
  env: Readonly<Record<string, string | undefined>>;
  /** The runner's event payload, which the caller read (src/github/event.ts); absent: an empty one. */
  event?: GitHubEvent;
  /** One progress line (stage, platform, elapsed). */
  progress: (line: string) => void;
  /** What was asked for and left out (the builder cannot): the action's annotation. */
  warning?: (message: string) => void;
  /** Every line of buildx output, with the target it belongs to. */
  output?: (line: string, target: string) => void;
  /** Wraps each target's build (the action opens a log group; builds side by side: log-groups.ts). */
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Runs git for the context's commit time (the created label). */
  exec: CommandRunner;
  /** Where each step's time goes ("timing: ..." lines, --verbose); none: not measured aloud. */
  timing?: (line: string) => void;
  /**
   * Each target as soon as it is built (its image pushed or loaded), before the variant's other
   * platforms and the other variants: a build that fails or is cancelled later writes no
   * build.json, and the action's post step removes these images from what it was told here.
   */
  builtTarget?: (target: VariantBuild) => void;
}
