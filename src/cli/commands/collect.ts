// `ml-image collect`: a cluster job's smoke results (what `ml-image export` wrote ran) into the
// result directory of the build it tested, as that target's smoke result: `ml-image report` shows
// them, and `ml-image run --stages attest` signs them, as it does the smoke stage's.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordImage } from '../../attest/of-image.js';
import { defaultClient } from '../../docker/registry-client.js';
import { captureImage } from '../../capture/capture.js';
import type { EnvRecord } from '../../capture/record.js';
import { enginePlatform } from '../../docker/engine-platform.js';
import { platformImage } from '../../docker/platform-image.js';
import { registryImageEnv } from '../../docker/image-env.js';
import { EnvironmentError, ExitCode, InputError } from '../../errors.js';
import { refDigest } from '../../oci/ref.js';
import { STEP_IDS } from '../../export/job-meta-shell.js';
import { JOB_META_FILE } from '../../smoke/job-schema.js';
import { BUILD_FILE, openResultDir, recordFile } from '../../results/results.js';
import { ownEnv } from '../../report/own-records.js';
import { type CollectTarget, collectedSmokeResult, collectTarget } from '../../smoke/collect.js';
import { type CollectedJob, k8sJob, slurmJob } from '../../smoke/collect-parse.js';
import { imageEnvMask } from '../../smoke/output.js';
import {
  readRegularTail,
  readRegularText,
  statErrorText,
  statOrAbsent,
  statPath,
  UnreadableFileError,
} from '../../util/read-regular.js';
import { isInterrupted } from '../../util/cleanup.js';
import { findImagesDir } from '../../util/images-dir.js';
import { printable } from '../../util/text.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import type { Command } from './types.js';

/** A suite's record is one line; a pod log of a few suites is small. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;
const MAX_LOG_BYTES = 64 * 1024 * 1024;
/** Of a failing suite's stderr, the end is kept (tail() keeps 64 KiB of it): its last MiB is read. */
const ERR_TAIL_BYTES = 1024 * 1024;

const refusedAs = (file: string, what: string) => (e: UnreadableFileError) =>
  new InputError(
    `collect: ${file}: the ${what} ${e.code === 'ENOENT' ? 'is not there' : e.code !== undefined ? `cannot be read: ${statErrorText(e)}` : e.reason}`,
  );

/**
 * FILE of a job's results, refused when it is a symbolic link: the job writes its results as files,
 * and a link planted in a results directory others can write to would have collect read a file of
 * this machine (a failing suite's .err: ~/.aws/credentials) into the report and the signed smoke
 * attestation. One that cannot be looked at is left to the read, which says why.
 */
function refuseLink(file: string, what: string): void {
  let link: boolean | undefined;
  try {
    link = statOrAbsent(file, true)?.isSymbolicLink();
  } catch {
    return;
  }
  if (link)
    throw new InputError(
      `collect: ${file}: the ${what} is a symbolic link, not a file the job wrote: collect reads no file it leads to`,
      'collect the directory the job wrote its results to (its files themselves, not links to them)',
    );
}

/**
 * The end of FILE, a regular file (its last ERR_TAIL_BYTES, from a line's start): a suite's stderr
 * may grow past any limit (NCCL_DEBUG=INFO for hours), and only its end is kept.
 */
function errTail(file: string): string {
  refuseLink(file, "suite's stderr");
  let tail: ReturnType<typeof readRegularTail>;
  try {
    tail = readRegularTail(file, ERR_TAIL_BYTES);
  } catch (e) {
    if (!(e instanceof UnreadableFileError)) throw e;
    throw refusedAs(file, "suite's stderr")(e);
  }
  const text = tail.bytes.toString('utf8');
  // A line cut at the start lost its beginning (a secret's name): dropped.
  return tail.from === 0 ? text : text.slice(text.indexOf('\n') + 1);
}

/** The names in DIR (given as GIVEN); one that cannot be listed is bad input naming it. */
function listDir(dir: string, given: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InputError(
      `collect: --slurm ${given}: ${dir} cannot be listed (${code})`,
      'give a directory this user can read',
    );
  }
}

/** The results directory of one Slurm job: DIR itself (it has job.json), else DIR/results/<its only job>. */
function slurmDir(given: string, cwd: string): string {
  const dir = path.resolve(cwd, given);
  if (existsSync(path.join(dir, JOB_META_FILE))) return dir;
  const runs = path.join(dir, 'results');
  const jobs = existsSync(runs)
    ? listDir(runs, given).filter((j) => existsSync(path.join(runs, j, JOB_META_FILE)))
    : [];
  if (jobs.length === 1) return path.join(runs, jobs[0]!);
  if (jobs.length > 1)
    throw new InputError(
      `collect: --slurm ${given}: the results of ${jobs.length} jobs are there (${jobs.sort().join(', ')})`,
      `name one: --slurm ${path.join(given, 'results', '<job id>')}`,
    );
  // job.json itself, given for the directory that holds it: "no job.json in .../job.json" was no help.
  const st = statPath(dir);
  if (typeof st === 'object' && st.isFile())
    throw new InputError(
      `collect: --slurm ${given}: ${dir} is a file, not the job's results directory`,
      `name the directory that holds ${JOB_META_FILE} (${path.dirname(dir)}), not the file`,
    );
  throw new InputError(
    `collect: --slurm ${given}: no ${JOB_META_FILE} in ${dir}${existsSync(runs) ? ` or in a job's directory under ${runs}` : ''}`,
    `give the job's results directory (the export's DIR/results/<job id>, which the job prints); a job of an export older than "ml-image collect" wrote none: export it again`,
  );
}

/** A Slurm job's files: job.json, each <id>.json, and a failing suite's <id>.err. */
function readSlurm(given: string, cwd: string): { job: CollectedJob; from: string } {
  const dir = slurmDir(given, cwd);
  const metaFile = path.join(dir, JOB_META_FILE);
  // The records of the tests an exported job runs (<id>.json); any other file there (a person's
  // notes.json in ML_IMAGE_RESULTS_DIR) is none of its results.
  const ids = listDir(dir, given)
    .filter((f) => f.endsWith('.json') && STEP_IDS.includes(f.slice(0, -'.json'.length)))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
  const records = ids.map((id) => {
    const file = path.join(dir, `${id}.json`);
    refuseLink(file, "suite's result");
    const text = readRegularText(file, MAX_RECORD_BYTES, refusedAs(file, "suite's result"));
    const errFile = path.join(dir, `${id}.err`);
    // Only a failing suite's output is kept (its end, redacted), as the smoke stage keeps it.
    const failing = /"status": ?"fail"/.test(text) && existsSync(errFile);
    const err = failing ? errTail(errFile) : undefined;
    return { file, text, ...(err !== undefined && { err }) };
  });
  refuseLink(metaFile, "job's description");
  const meta = {
    file: metaFile,
    text: readRegularText(metaFile, MAX_RECORD_BYTES, refusedAs(metaFile, "job's description")),
  };
  return { job: slurmJob(dir, meta, records), from: dir };
}

function readK8s(given: string, cwd: string): { job: CollectedJob; from: string } {
  const file = path.resolve(cwd, given);
  const text = readRegularText(file, MAX_LOG_BYTES, refusedAs(file, 'pod log'));
  return { job: k8sJob(text, given), from: file };
}

const COLLECT_OPTIONS = {
  slurm: { type: 'string' },
  k8s: { type: 'string' },
  variant: { type: 'string' },
  'no-image-mask': { type: 'boolean', default: false },
  capture: { type: 'boolean', default: false },
} as const;

/**
 * TARGET's environment record, captured on this machine's engine (--capture): the probe in the
 * platform's image, pulled by digest, as `ml-image capture` runs it (no GPU: the cluster job's gpu
 * suite says which GPUs the tests ran on): the target's record, which the report needs.
 */
async function captureTarget(target: CollectTarget, io: CliIo): Promise<EnvRecord> {
  const docker = io.docker();
  const own = await platformImage(docker, target.image, target.platform, async () =>
    enginePlatform(await docker.ping()),
  );
  io.stderr(
    `collect: capturing the environment record of ${own.image} (${target.platform}) on this machine's engine\n`,
  );
  return captureImage(
    {
      image: own.image,
      name: target.image,
      platform: target.platform,
      variant: target.variant,
      imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
    },
    { docker },
  );
}

/** Whether RECORD is of TARGET's image: the digest it was captured by (recordImage) is the job's. */
const ofTarget = (record: EnvRecord, target: CollectTarget): boolean =>
  recordImage(record).digest === refDigest(target.image);

/**
 * Whether RESULTS holds an environment record of TARGET's image, read as `ml-image report` reads it
 * (ownEnv). One that does not read (damaged, of a later ml-image's schema, another target's) is
 * none, and WARN says it will be replaced.
 */
function hasOwnEnv(
  results: ReturnType<typeof openResultDir>,
  target: CollectTarget,
  warn: (line: string) => void,
): boolean {
  try {
    const record = ownEnv(results, target.variant, target.platform);
    return record !== null && ofTarget(record, target);
  } catch (e) {
    warn(
      `the environment record there does not read (${(e as Error).message.split('\n')[0]}): the captured one replaces it`,
    );
    return false;
  }
}

/**
 * The warning that OUT (RESULTS, as given) holds no environment record of TARGET's image that
 * `ml-image report` can use, which it needs; undefined when it holds one. The record there is read as
 * the report reads it (ownEnv): one that does not read (not JSON, a later ml-image's schema) or is of
 * another image (an earlier build's, left in a reused directory) would only be found unusable there.
 * Collect still writes the smoke result, its own job: the record is only warned of.
 */
function envWarning(
  results: ReturnType<typeof openResultDir>,
  target: CollectTarget,
  out: string,
): string | undefined {
  const name = recordFile('env', target.variant, target.platform);
  const fix = `collect again with --capture (the probe runs in the image on this machine's engine), or run the smoke stage first ("ml-image run --stages smoke --out ${out}"), then collect again (it replaces the smoke result)`;
  let record: EnvRecord | null;
  try {
    record = ownEnv(results, target.variant, target.platform);
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    // The reader's message names the file (its path) and why it does not read.
    return `warning: ${out} has no readable environment record of ${target.variant} on ${target.platform} (${why}), which "ml-image report" needs: ${fix}`;
  }
  if (record === null)
    return `warning: ${out} has no environment record of ${target.variant} on ${target.platform} (${name}), which "ml-image report" needs: ${fix}`;
  if (ofTarget(record, target)) return undefined;
  const { ref, digest } = recordImage(record);
  return `warning: ${out}'s environment record of ${target.variant} on ${target.platform} (${name}) is of another image (${digest ?? `${printable(ref)}, no digest`}), not of the job's ${refDigest(target.image)}: "ml-image report" leaves it out, and needs one of the job's image: ${fix}`;
}

/**
 * The mask of TARGET's image's own secret values (imageEnvMask of its config's environment, read
 * from the registry as docker would log in), as the smoke stage masks the image it runs: a value
 * under a secret's name that a test printed alone is masked by value. When the config cannot be
 * read, collect stops (exit 3) unless --no-image-mask says to mask by name and shape only.
 */
async function imageMask(target: CollectTarget, io: CliIo, skip: boolean): Promise<(text: string) => string> {
  if (skip) return (text) => text;
  try {
    const client = defaultClient(io.env, io.registryFetch);
    return imageEnvMask(await registryImageEnv(client, target.image, target.platform));
  } catch (e) {
    // A stop by a signal ends the command as it is (its own exit code and words).
    if (!(e instanceof EnvironmentError) || e.exitCode !== ExitCode.Environment || isInterrupted()) throw e;
    throw new EnvironmentError(
      `collect: the config of ${target.image} could not be read, to mask the image's own secret values in the job's output: ${e.message}`,
      `${e.fix ? `${e.fix}; ` : ''}--no-image-mask collects without it (values are then masked by their names and shapes only)`,
      { cause: e },
    );
  }
}

export const collectCommand: Command = {
  name: 'collect',
  options: COLLECT_OPTIONS,
  summary: "Read a cluster job's smoke results (ml-image export) into the build's result directory.",
  usage:
    'ml-image collect (--slurm DIR | --k8s LOGFILE) --out DIR [--variant NAME] [--capture] [--no-image-mask] [--json]',
  help: `Takes the results of a job that "ml-image export" wrote, once it ran, into the result directory
of the build it tested, as the smoke result of the variant and platform it ran: "ml-image report
--results DIR" then shows them (saying where they ran), and "ml-image run --stages attest --out DIR"
signs them as the smoke attestation of that platform's digest.

  --slurm DIR     the job's results directory (the export's DIR/results/<job id>), or the export
                  directory when it holds one job's results
  --k8s FILE      the pods' log: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE
                  (--prefix and --timestamps are read too); pod 0's results are taken
  --out DIR       the build's result directory (DIR/build.json, as "ml-image build --out DIR" and
                  "ml-image export --from DIR" have it): the job's image must be one of its variants
  --variant NAME  the variant, where the image's digest is in more than one
  --capture       also capture the target's environment record (which the report needs) on this
                  machine's engine, unless the directory holds one of the image: the image is
                  pulled by digest and the probe runs in it, as "ml-image capture" does; for a
                  result directory whose smoke stage did not run
  --no-image-mask do not read the image's config from its registry (see below)
  --json          print what was written as JSON

The platform is the one the job's node pulled (its machine: x86_64 is linux/amd64, aarch64
linux/arm64). Each suite's result becomes a test, a failing one with the end of its stderr (redacted)
and, where the failure table knows it, its cause. A job that ended before every suite ran (cancelled,
out of time, the import failed) is collected as stopped: shown, never attested. An earlier smoke
result of the target is replaced.

What the job wrote is masked as the smoke stage masks a test's output: secret names' values, token
shapes, URL logins, and the image's own secret environment values by value (WANDB_API_KEY's value,
printed alone by a test). For those, the image's config is read from its registry (two or
three small reads by digest, no pull), logged in as docker would; --no-image-mask skips that read
where the registry cannot be reached.

Exit codes: 0 collected (whatever the tests say: the report and the job's own exit status tell);
2 bad input (no job results there, a file that does not parse, a results file that is a symbolic
link, a result of a test the job does not run or of another test than its file names, a pod log
holding two runs, an image that build.json does not hold, a node of a platform the variant was not
built for; with --capture, an image this machine
cannot pull, as no login here, or one without python3); 3 the image's config could not be read from
its registry, or (--capture) no Docker engine or registry; 1 (--capture) the probe failed in the
image (an arm64 image on an amd64 machine needs QEMU's binfmt handlers).`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('collect', argv, COLLECT_OPTIONS);
    if ((values.slurm === undefined) === (values.k8s === undefined))
      throw new InputError('collect: pass exactly one of --slurm DIR or --k8s LOGFILE');
    if (values.out === undefined)
      throw new InputError(
        'collect: --out DIR is required: the result directory of the build the job tested (DIR/build.json)',
      );
    const outDir = path.resolve(io.cwd, values.out);
    if (!existsSync(path.join(outDir, BUILD_FILE)))
      throw new InputError(
        `collect: --out ${values.out}: no ${BUILD_FILE} in ${outDir}`,
        'give the result directory of the build the job tested ("ml-image build --out DIR", the --from DIR of "ml-image export")',
      );
    // Held before the job's files are read: another run writing there now is refused at once.
    const results = openResultDir(outDir, `--out ${values.out}`);
    const { job, from } =
      values.slurm !== undefined ? readSlurm(values.slurm, io.cwd) : readK8s(values.k8s!, io.cwd);
    const build = results.readBuild({ what: 'build result (--out)' });
    const target = collectTarget(job.meta, build, path.join(values.out, BUILD_FILE), values.variant);
    const result = collectedSmokeResult(job, target, await imageMask(target, io, values['no-image-mask']));
    // Captured first: a capture that fails leaves the directory as it was. A record of this image
    // there (the smoke stage's, with its runner's GPUs and the run's secrets masked) is kept.
    const own =
      values.capture &&
      hasOwnEnv(results, target, (line) => io.stderr(`warning: collect: --capture: ${line}\n`));
    if (own)
      io.stderr(
        `collect: --capture: ${values.out} already holds the environment record of ${target.image} (${recordFile('env', target.variant, target.platform)}): kept\n`,
      );
    const record = values.capture && !own ? await captureTarget(target, io) : undefined;
    results.writeSmoke(target.variant, target.platform, result);
    results.removeSmokeKey(target.variant, target.platform);
    if (record) results.writeEnv(target.variant, target.platform, record);
    const envFile = record && path.join(outDir, recordFile('env', target.variant, target.platform));
    const warning = envWarning(results, target, values.out);
    if (warning !== undefined) io.stderr(`${warning}\n`);
    const file = path.join(outDir, recordFile('smoke', target.variant, target.platform));
    const { pass, fail, skip } = result.summary;
    const summary = {
      file,
      variant: target.variant,
      platform: target.platform,
      image: target.image,
      ranOn: result.runner?.name ?? '',
      from,
      tests: { pass, fail, skip },
      ...(result.interrupted !== undefined && { stopped: result.interrupted }),
      ...(envFile !== undefined && { envRecord: envFile }),
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : [
            `collected ${result.tests.length} test(s) of ${printable(summary.ranOn)}: ${pass} passed, ${fail} failed, ${skip} skipped`,
            `  ${target.variant} on ${target.platform} (${target.image})`,
            `  written to ${file}`,
            ...(envFile !== undefined ? [`  environment record captured here: ${envFile}`] : []),
            ...(result.interrupted !== undefined
              ? [`  stopped: ${printable(result.interrupted)} (shown in the report, not attested)`]
              : []),
            `  show it: ml-image report --results ${values.out}`,
            '',
          ].join('\n'),
    );
    return 0;
  },
};
