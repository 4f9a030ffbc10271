import path from 'node:path';
import { readRequirements, workspaceRoot } from '../../requirements/read.js';
import { enginePlatform } from '../../docker/engine-platform.js';
import { systemLookup } from '../../docker/host-lookup.js';
import { ConfigError, InputError } from '../../errors.js';
import { readGitHubEventFile } from '../../github/event.js';
import { imageRefProblem } from '../../oci/ref.js';
import { pipIndexes } from '../../python/indexes.js';
import { redactUrls } from '../../util/redact.js';
import { didYouMean } from '../../util/text.js';
import { resolveAgainstBase } from '../../resolve/resolve.js';
import { referencedEnv } from '../../resolve/stage.js';
import { resolveTimeoutMs } from '../../resolve/exec-limit.js';
import { resolverPathProblems } from '../../requirements/plan-check.js';
import { holdOutDir, openOutDir, RESOLVE_OUT_FILES } from '../../results/out-dir.js';
import { fileSnapshotCache } from '../../resolve/snapshot-cache.js';
import { defaultCacheDir } from '../../util/cache-dir.js';
import { PIP_CACHE_LABEL, PIP_CACHE_PREFIX } from '../../resolve/pip-cache.js';
import { type OptionSpec, parseCommandArgs, platformFlag } from '../args.js';
import type { CliIo } from '../io.js';
import { refuseInputAsOut } from '../output.js';
import type { Command } from './types.js';

const RESOLVE_OPTIONS = {
  image: { type: 'string', required: true },
  requirements: { type: 'string', multiple: true, required: true },
  'index-url': { type: 'string' },
  'extra-index-url': { type: 'string', multiple: true },
  platform: { type: 'string' },
  mode: { type: 'string', default: 'auto' },
  network: { type: 'string' },
} as const satisfies OptionSpec;

export const resolveCommand: Command = {
  name: 'resolve',
  options: RESOLVE_OPTIONS,
  summary: 'Find and fix Python dependency conflicts between your requirements and a base image.',
  usage:
    'ml-image resolve --image REF --requirements FILE [--index-url URL] [--platform P] [--mode auto|check] [--network host|bridge] [--out DIR] [--json]',
  help: `Runs pip inside the base image (one container, for the target platform): records what the image
ships, shows what a plain "pip install -r" would replace there and which base packages that breaks,
then resolves again with every base package held at its version. Where pip blames your own pins, it
relaxes them to their lower bound and tries once more. Hazards pip cannot see (NumPy 1.x builds,
torch CUDA builds, opencv variants, ...) become warnings with the fix.

Options:
  --image REF           the base image: the one this machine holds under that tag for the platform
                        (as dockerd's own builder uses it), pulled when there is none
  --requirements FILE   requirements file (repeatable; -r includes are followed)
  --index-url URL       pip index (default: PIP_INDEX_URL, else PyPI); --extra-index-url URL
                        (repeatable; default PIP_EXTRA_INDEX_URL). Given to pip through its
                        environment, never pip's command line; shown with the password masked.
                        A URL with a login is on this command's own line (ps, shell history):
                        put it in PIP_INDEX_URL / PIP_EXTRA_INDEX_URL instead
  --platform P          linux/amd64 or linux/arm64 (default: the engine's own, linux/arm64 on Apple
                        silicon); a platform other than the engine's runs under QEMU
  --mode auto|check     auto (default): find a plan that holds the base; check: any change to the
                        base is a failure
  --network host|bridge network of the resolver container (default: bridge, or host when pip must
                        reach this machine's loopback: an index or URL on localhost/127.0.0.0/8/::1,
                        or on a host name this machine resolves to one). An index reachable only
                        from this machine through another name in /etc/hosts needs --network host
  --out DIR             writes constraints.txt, requirements.txt, resolution.json, explanation.md
  --json                print resolution.json instead of the explanation

Base-image snapshots are cached by digest (a local image that is not the registry's: by its image
id) in $ML_IMAGE_CACHE_DIR (default ~/.cache/ml-image); pip's HTTP cache is kept in a Docker volume,
${PIP_CACHE_PREFIX}<hash> (one per base image and set of https or --trusted-host index
URLs; none when one carries credentials). The tool never removes these volumes (old ones, those
of past base digests); to remove them all:
  docker volume ls -q --filter label=${PIP_CACHE_LABEL}=pip-http | xargs -r docker volume rm
Every command in the resolver's container is stopped after 15 minutes
(ML_IMAGE_RESOLVE_TIMEOUT_SECONDS): exit 3. --verbose ends with a per-step timing line.

Exit codes: 0 no conflict, or fixed (auto); 1 a conflict that cannot be resolved (check: any
conflict); 2 bad input (a malformed requirement, a wrong --hash, a requirement by a relative path
such as -e . (not in the container; refused before the pull), a local path or direct URL that is
not there, a package the index does not have: named with its file and line; a base image without
python3); 3 no Docker daemon, the index or a direct URL is unreachable (after retries), or the
registry refused the base image's pull (pull it with "docker pull" after "docker login"), or the
engine holds the base's list without the platform's content (pull it with "docker pull --platform").`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('resolve', argv, RESOLVE_OPTIONS);
    if (!values.image) throw new InputError('resolve: --image is required', 'e.g. --image python:3.12-slim');
    const imageProblem = imageRefProblem(values.image);
    if (imageProblem !== undefined)
      throw new InputError(
        `resolve: --image: ${imageProblem} (got ${JSON.stringify(values.image.slice(0, 200))})`,
        'e.g. --image python:3.12-slim',
      );
    if (!values.requirements?.length)
      throw new InputError('resolve: --requirements is required', 'e.g. --requirements requirements.txt');
    const wanted = platformFlag('resolve', values.platform);
    const mode = oneOf('--mode', values.mode, ['auto', 'check']);
    const network =
      values.network !== undefined ? oneOf('--network', values.network, ['host', 'bridge']) : undefined;
    // Flags, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL: they reach pip through its environment.
    const indexes = pipIndexes(
      { indexUrl: values['index-url'], extraIndexUrls: values['extra-index-url'] },
      io.env,
      { indexUrl: 'resolve: --index-url', extraIndexUrls: 'resolve: --extra-index-url' },
    );
    for (const [flag, urls] of [
      ['--index-url', [values['index-url'] ?? '']],
      ['--extra-index-url', values['extra-index-url'] ?? []],
    ] as const)
      if (urls.some((u) => redactUrls(u) !== u))
        io.stderr(
          `warning: resolve: ${flag} holds a login, which is on this command's line (ps, shell history): put the URL in ${flag === '--index-url' ? 'PIP_INDEX_URL' : 'PIP_EXTRA_INDEX_URL'} instead\n`,
        );
    const requirements = readResolveRequirements(values.requirements, io, values.out);
    // The resolver's time limit is an input too: a typo is exit 2 before the engine is asked.
    resolveTimeoutMs(io.env);
    // --out is held before the engine is asked: another run writing there now is refused at once,
    // not after the resolve's minutes.
    if (values.out !== undefined) holdOutDir(io.cwd, values.out);
    // No --platform: the engine's own (as capture and smoke take it), after every input is checked;
    // no daemon is exit 3 with its fix, as the resolve itself would be.
    const platform = wanted ?? enginePlatform(await io.docker().ping());
    if (wanted === undefined)
      io.stderr(`resolve: for ${platform}, the Docker engine's platform (--platform picks another)\n`);
    const out = await resolveAgainstBase(
      {
        image: values.image,
        platform,
        requirements,
        indexes,
        pipEnv: referencedEnv(requirements.envReferences, io.env),
        mode,
        ...(network !== undefined && { network }),
      },
      {
        docker: io.docker(),
        env: io.env,
        event: readGitHubEventFile(io.env.GITHUB_EVENT_PATH),
        lookupHost: io.lookupHost ?? systemLookup,
        progress: (l) => io.stderr(`${l}\n`),
        cache: fileSnapshotCache(defaultCacheDir(io.env, io.cwd)),
        // --verbose: a per-step timing line at the end of the progress.
        verbose: values.verbose === true,
      },
    );
    if (values.out !== undefined) {
      openOutDir(io.cwd, values.out).writeResolve(out);
    }
    for (const h of out.resolution.hazards) io.stderr(`warning: ${h.message}\n  fix: ${h.fix}\n`);
    io.stdout(values.json ? `${JSON.stringify(out.resolution, null, 2)}\n` : out.explanation);
    const failed =
      out.resolution.status === 'conflict' || (mode === 'check' && out.resolution.status !== 'clean');
    return failed ? 1 : 0;
  },
};

/**
 * A flag of a fixed set of values (--mode, --network): another value is exit 2, quoted and with the
 * nearest one named, as every such flag of the CLI refuses it.
 */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    `resolve: ${flag}: expected ${allowed.join(' or ')}, got ${JSON.stringify(value)}${didYouMean(value, allowed)}`,
    `give ${flag} ${allowed.join(' or ')}, or leave it out`,
  );
}

/**
 * The requirements FILES as given (relative to the CLI's directory), with a requirement by a
 * relative path refused: pip in the base image's container fails on it, after the pull (exit 3
 * first with the registry down), so it is bad input said before the engine is asked. So is an
 * --out DIR whose requirements.txt (or another file resolve writes) is one of those read.
 */
function readResolveRequirements(files: string[], io: CliIo, out: string | undefined) {
  const requirements = readRequirements(files, io.cwd, io.env, workspaceRoot(io.env, io.cwd));
  if (out !== undefined)
    refuseInputAsOut(
      io.cwd,
      RESOLVE_OUT_FILES.map((name) => path.join(path.resolve(io.cwd, out), name)),
      `--out ${out}`,
      requirements.files.map((file) => ({ what: 'a requirements file (--requirements, -r or -c)', file })),
      'pass --out DIR naming another directory',
    );
  const paths = resolverPathProblems(
    requirements.facts,
    'resolve runs pip inside the base image, in a directory of its own',
    'resolve a copy of the requirements without that line',
  );
  if (paths !== undefined)
    throw new ConfigError(files.join(', '), paths.problems, { fix: paths.fix, problemsNameFiles: true });
  return requirements;
}
