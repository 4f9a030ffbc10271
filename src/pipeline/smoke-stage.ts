// The smoke stage of the pipeline: for each built variant and platform, capture the environment
// record and run the smoke suites in the image, write env/smoke/junit files, and annotate failures.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readRequirements } from '../build/requirements.js';
import type { BuildResult } from '../build/result.js';
import { captureImage } from '../capture/capture.js';
import type { EnvRecord } from '../capture/record.js';
import type { LoadedConfig } from '../config/load.js';
import type { Plan } from '../plan/plan.js';
import { requirementNames } from '../resolve/pip-output.js';
import { loadBaseline } from '../smoke/baselines.js';
import { type SmokeResult, toJUnit } from '../smoke/result.js';
import { resolveGpus, runSmoke, SmokeInterruptedError } from '../smoke/run.js';
import { readEnvRecord, readSmokeResult } from '../diff/read.js';
import { describeError, EnvironmentError } from '../errors.js';
import { readJsonFile, writeFileAtomic } from '../util/json-file.js';
import { VERSION } from '../version.js';
import type { PipelineIo } from './pipeline.js';

export type SmokeStatus = 'pass' | 'fail' | 'skip' | 'none';

export interface SmokeEntry {
  variant: string;
  platform: string;
  image: string;
  record: EnvRecord;
  result: SmokeResult;
}

/** File names the report stage reads back: env-<variant>-<arch>.json, smoke-..., junit-..., and the
 * key of what was tested (smoke-key-...: image digest + every smoke input), for reuse. */
export const resultFile = (
  kind: 'env' | 'smoke' | 'junit' | 'smoke-key',
  variant: string,
  platform: string,
) =>
  `${kind}-${variant}-${platform.split('/')[1]}.${kind === 'junit' ? 'xml' : kind === 'smoke-key' ? 'txt' : 'json'}`;

/**
 * What decides a smoke result: the image (by digest) and every input of the suites. Equal keys
 * mean the same tests of the same bits on the same kind of runner, so a result may be reused.
 */
export function smokeKey(digest: string, inputs: unknown): string {
  return `${digest} ${createHash('sha256').update(JSON.stringify(inputs)).digest('hex')}`;
}

/** Where earlier results may be reused from: a directory of env/smoke/smoke-key files, per variant. */
export type ReuseLookup = (variant: string) => Promise<string | undefined>;

/** The reference smoke and capture run: the local tag, else the platform's own manifest by digest. */
export function imageUnderTest(
  v: BuildResult['variants'][number],
  p: BuildResult['variants'][number]['platforms'][number],
): string {
  return p.localRef ?? `${v.repository}@${p.digest}`;
}

export async function runSmokeStage(
  input: {
    plan: Plan;
    loaded: LoadedConfig;
    build: BuildResult;
    resultDir: string;
    gpus: 'auto' | 'all' | 'none';
    imagesDir: string;
    /** Reuse the results of an identical earlier run (same digest, same inputs): `ml-image run`. */
    reuse?: ReuseLookup;
  },
  io: PipelineIo,
): Promise<{ entries: SmokeEntry[]; errors: string[] }> {
  const { config, baseDir } = input.loaded;
  const docker = io.docker();
  const gpus = await resolveGpus(input.gpus, docker);
  const distributions = requirementNames(readRequirements(config.python.requirements, baseDir).text);
  const baseline = loadBaseline(
    config.smoke.baseline !== undefined ? path.resolve(baseDir, config.smoke.baseline) : undefined,
  );
  const group = io.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn());
  const entries: SmokeEntry[] = [];
  const errors: string[] = [];
  for (const v of input.build.variants) {
    // A smoke job of a matrix gets the whole build.json; its variants/platforms inputs pick its share.
    const planned = input.plan.variants.find((p) => p.name === v.variant);
    if (!planned) continue;
    for (const p of v.platforms.filter((x) =>
      (planned.platforms as readonly string[]).includes(x.platform),
    )) {
      const image = imageUnderTest(v, p);
      const id = `${v.variant} ${p.platform}`;
      const t0 = Date.now();
      const key = smokeKey(p.digest, {
        platform: p.platform,
        suites: config.smoke.suites,
        requireGpu: config.smoke.requireGpu,
        tests: config.smoke.tests,
        timeoutSeconds: config.smoke.timeoutSeconds,
        distributions,
        baseline,
        gpus,
        driverFloor: planned.cuda?.minorCompatDriverMin ?? null,
        tool: VERSION,
      });
      let reused: SmokeEntry | undefined;
      if (input.reuse) {
        const r = await reusable(await input.reuse(v.variant), v.variant, p.platform, key, image);
        if (typeof r === 'string') io.progress('smoke', `${id}: running the suites (${r})`);
        else {
          reused = r;
          io.progress(
            'smoke',
            `${id}: reused the results of an identical earlier run (same image digest and smoke inputs)`,
          );
        }
      }
      // Each file is written as soon as what it holds is known (the record right after capture,
      // the results when the suites end, also when they end early), atomically, so that a later
      // failure loses nothing already measured and no half-written JSON is left to trust.
      // The reuse key goes last: only a complete set of results is ever reused.
      const write = (kind: 'env' | 'smoke' | 'smoke-key' | 'junit', content: string) =>
        writeFileAtomic(
          path.join(input.resultDir, resultFile(kind, v.variant, p.platform)),
          content,
          `smoke ${id}`,
        );
      const writeResult = (result: SmokeResult) => {
        write('smoke', `${JSON.stringify(result, null, 2)}\n`);
        write('junit', toJUnit(result));
      };
      let entry: SmokeEntry;
      try {
        entry =
          reused ??
          (await group(`smoke ${id}`, async () => {
            io.progress('smoke', `${id}: capture ${image}`);
            const record = await captureImage(
              { image, platform: p.platform, imagesDir: input.imagesDir, variant: v.variant },
              { docker },
            );
            write('env', `${JSON.stringify(record, null, 2)}\n`);
            io.progress(
              'smoke',
              `${id}: recorded ${record.python.packages.length} pip + ${record.apt.length} apt packages; suites ${config.smoke.suites.join(', ')} (gpus: ${gpus})`,
            );
            const result = await runSmoke(
              {
                image,
                platform: p.platform,
                suites: config.smoke.suites,
                gpus,
                requireGpu: config.smoke.requireGpu,
                distributions,
                tests: config.smoke.tests,
                ...(planned.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
                timeoutMs: config.smoke.timeoutSeconds * 1000,
                imagesDir: input.imagesDir,
                baseline,
              },
              {
                docker,
                progress: (l) => io.progress('smoke', `${id}: ${l.replace(/^smoke /, '')}`),
                ...(io.output && { output: (chunk: string) => io.output!(chunk.replace(/\n$/, '')) }),
              },
            ).catch((e: unknown) => {
              // The daemon went away mid-run: keep the tests that finished (no reuse key: the
              // results are incomplete), then end the stage with the environment error.
              if (e instanceof SmokeInterruptedError) {
                writeResult(e.partial);
                const s = e.partial.summary;
                io.progress(
                  'smoke',
                  `${id}: stopped after ${e.partial.tests.length} test(s) (${s.pass} passed, ${s.fail} failed, ${s.skip} skipped); their results are written`,
                );
              }
              throw e;
            });
            return { variant: v.variant, platform: p.platform, image, record, result };
          }));
      } catch (e) {
        // One target that cannot be captured or tested must not cost the others their results
        // or the pull request its report; the stage fails at the end. No daemon: stop now.
        if (e instanceof EnvironmentError) throw e;
        const message = describeError(e, false).replace(/^error: /, '');
        io.error(message, { title: `ml-image smoke ${id}` });
        errors.push(`${id}: ${message.split('\n')[0]}`);
        continue;
      }
      if (reused) write('env', `${JSON.stringify(entry.record, null, 2)}\n`);
      writeResult(entry.result);
      write('smoke-key', `${key}\n`);
      const s = entry.result.summary;
      io.progress(
        'smoke',
        `${id}: ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
      );
      for (const a of failureAnnotations(id, entry.result)) io.error(a.message, { title: a.title });
      const skippedGpu = entry.result.tests.filter((t) => t.status === 'skip' && t.suite === 'gpu');
      if (planned.kind === 'cuda' && skippedGpu.length > 0 && gpus === 'none')
        io.warning(`${id}: GPU suites skipped: ${skippedGpu[0]!.reason ?? 'no GPU'}`, {
          title: `ml-image smoke ${id}`,
        });
      entries.push(entry);
    }
  }
  return { entries, errors };
}

/** One annotation per failing test, with the classified cause and fix when known. */
export function failureAnnotations(id: string, result: SmokeResult): { title: string; message: string }[] {
  return result.tests
    .filter((t) => t.status === 'fail')
    .map((t) => ({
      title: `ml-image smoke ${id}: ${t.id}`,
      message: [t.reason ?? 'failed', t.cause && `Cause: ${t.cause.cause}`, t.cause && `Fix: ${t.cause.fix}`]
        .filter(Boolean)
        .join('\n'),
    }));
}

/** The earlier run's record and result when its key matches this run's exactly; else why not. */
async function reusable(
  dir: string | undefined,
  variant: string,
  platform: string,
  key: string,
  image: string,
): Promise<SmokeEntry | string> {
  if (!dir) return 'no earlier run';
  const file = (k: 'env' | 'smoke' | 'smoke-key') => path.join(dir, resultFile(k, variant, platform));
  if (!existsSync(file('smoke-key'))) return 'no earlier result for this platform';
  const earlier = readFileSync(file('smoke-key'), 'utf8').trim();
  if (earlier.split(' ')[0] !== key.split(' ')[0]) return 'the image changed';
  if (earlier !== key) return 'the smoke inputs changed';
  try {
    const record = readEnvRecord(readJsonFile(file('env')), file('env'));
    const result = readSmokeResult(readJsonFile(file('smoke')), file('smoke'));
    return { variant, platform, image, record, result };
  } catch (e) {
    return `the earlier results are unreadable (${(e as Error).message.split('\n')[0]})`;
  }
}
