import { checkRegistry } from '../../docker/registry.js';
import { contextLabel, currentContext } from '../../docker/context.js';
import { checkPush, findCredential, parseRegistryTarget } from '../../docker/registry-auth.js';
import { registryDeps } from '../../docker/registry-io.js';
import { PLATFORMS } from '../../config/schema.js';
import { EnvironmentError, InputError, type JsonError } from '../../errors.js';
import { InterruptedError, interruptedFailure } from '../../util/cleanup.js';
import { redactMessage as shown } from '../../util/redact.js';
import { type OptionSpec, parseCommandArgs, platformFlag } from '../args.js';
import type { CliIo } from '../io.js';
import { writeOutFile } from '../output.js';
import type { Command } from './types.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

const BINFMT = '"docker run --privileged --rm tonistiigi/binfmt --install all"';

/**
 * The fix for a platform the builder cannot build. On macOS and Windows the engine runs in a VM
 * (Docker Desktop, colima, ...), where apt-get on this machine does nothing: the binfmt image
 * registers QEMU in that VM; Docker Desktop on Apple silicon can also run amd64 under Rosetta.
 */
export function binfmtFix(os: NodeJS.Platform = process.platform): string {
  if (os === 'darwin')
    return `register QEMU binfmt handlers in the engine's VM: ${BINFMT} (Docker Desktop: or turn on "Use Rosetta for x86_64/amd64 emulation on Apple Silicon" in Settings > General)`;
  if (os === 'win32') return `register QEMU binfmt handlers in the engine's VM: ${BINFMT}`;
  return `register QEMU binfmt handlers: "apt-get install qemu-user-static binfmt-support" or ${BINFMT}`;
}

/** What doctor prints with --json and writes to doctor.json. */
type DoctorReport = { ok: boolean; checks: Check[] } & Partial<JsonError>;

/**
 * The checks as --json prints them: `ok` and `checks`, and, when a check failed (exit 3), the
 * `error` object every other command prints on failure (jsonError's shape, logins masked as there),
 * so that a script reads `.error.exitCode` and `.error.fix` of any command alike.
 */
export function doctorReport(checks: Check[]): DoctorReport {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0) return { ok: true, checks };
  // Each fix once, after the names of the checks it fixes, in the order the checks ran; the fix
  // of a lone failed check as written.
  const fixes = new Map<string, string[]>();
  for (const c of failed) if (c.fix !== undefined) fixes.set(c.fix, [...(fixes.get(c.fix) ?? []), c.name]);
  const fix =
    failed.length === 1
      ? failed[0]!.fix
      : [...fixes].map(([f, names]) => `${names.join(', ')}: ${f}`).join('; ') || undefined;
  const names = failed.map((c) => c.name).join(', ');
  return {
    ok: false,
    checks,
    error: {
      exitCode: 3,
      message: shown(`${failed.length} of ${checks.length} checks failed: ${names}`),
      problems: failed.map((c) => shown(`${c.name}: ${c.detail}`)),
      ...(fix !== undefined && { fix: shown(fix) }),
    },
  };
}

const DOCTOR_OPTIONS = {
  registry: { type: 'string' },
  platforms: { type: 'string', default: 'linux/amd64,linux/arm64' },
} as const satisfies OptionSpec;

export const doctorCommand: Command = {
  name: 'doctor',
  options: DOCTOR_OPTIONS,
  summary: 'Check the build environment: Docker daemon, buildx, arm64 emulation, registry.',
  usage: 'ml-image doctor [--registry HOST[/REPOSITORY]] [--platforms LIST] [--json] [--out DIR]',
  help: `Checks what the build needs and prints one line per check with the fix for each failure.

Options:
  --registry HOST[/REPOSITORY]
                     also check that this registry answers (e.g. localhost:5000, ghcr.io), say
                     which credential docker and buildx would use for it (a credential helper,
                     the credential store, a stored login, or none: never the secret), and with a
                     REPOSITORY (ghcr.io/acme/model) whether that credential may push there: an
                     upload is started and cancelled, nothing is written
  --platforms LIST   platforms the builder must support (default: linux/amd64,linux/arm64)
  --json             print the checks as JSON: {"ok", "checks"}, and when a check failed also
                     "error" as every command prints on failure ({"exitCode": 3, "message",
                     "problems": one per failed check, "fix"})
  --out DIR          also write DIR/doctor.json

Exit codes: 0 everything works; 2 bad input (an unknown flag); 3 something is missing (the message
says how to fix it).`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('doctor', argv, DOCTOR_OPTIONS);
    // Bad input first, before any check runs (exit 2 naming the flag).
    const target = values.registry === undefined ? undefined : parseRegistryTarget(values.registry);
    const want = values.platforms
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    if (want.length === 0)
      throw new InputError(`doctor: --platforms: expected a list like ${PLATFORMS.join(',')}, got none`);
    for (const p of want) platformFlag('doctor', p, '--platforms');
    // As build's --platforms and smoke's --suites: a platform named twice is refused, not checked twice.
    const twice = [...new Set(want.filter((p, i) => want.indexOf(p) !== i))];
    if (twice.length)
      throw new InputError(
        `doctor: --platforms: duplicate platform(s) ${twice.map((p) => JSON.stringify(p)).join(', ')}: give each once`,
      );
    const checks: Check[] = [];
    const attempt = async (name: string, fn: () => Promise<string>) => {
      try {
        checks.push({ name, ok: true, detail: await fn() });
      } catch (e) {
        if (!(e instanceof EnvironmentError) || e instanceof InterruptedError) throw e;
        // After SIGINT/SIGTERM/SIGHUP the cleanup killed the check's docker CLI: the interrupt's
        // error (exit 130/143/129), not a failed check with a fix that does not apply.
        const stopped = interruptedFailure(`the ${name} check`, undefined, e);
        if (stopped !== undefined) throw stopped;
        // As main masks any other command's error: a login quoted without a scheme (user:pw@host).
        const fix = e.fix !== undefined ? { fix: shown(e.fix) } : {};
        checks.push({ name, ok: false, detail: shown(e.message), ...fix });
      }
    };
    const docker = io.docker();
    await attempt('daemon', async () => {
      // A Docker context in use is named: it is the engine every later check and stage uses.
      const context = currentContext(io.env);
      const info = await docker.ping();
      const via = context ? `; ${contextLabel(context)}: ${context.host}` : '';
      return `Docker Engine ${info.version} (API ${info.apiVersion}, ${info.os}/${info.arch})${via}`;
    });
    await attempt('buildx', async () => `buildx ${await docker.buildxVersion()}`);
    if (checks.every((c) => c.ok)) {
      await attempt('platforms', async () => {
        const have = (await docker.buildxInspect()).platforms;
        const missing = want.filter((p) => !have.includes(p));
        if (missing.length > 0) {
          throw new EnvironmentError(
            `the builder cannot build for ${missing.join(', ')} (it supports: ${have.join(', ') || 'nothing'})`,
            binfmtFix(),
          );
        }
        return want.join(', ');
      });
    }
    if (target !== undefined) {
      const { host, repository } = target;
      const deps = registryDeps(io.env);
      await attempt('registry', async () => `${host} answered HTTP ${await checkRegistry(host)}`);
      let credential: ReturnType<typeof findCredential> | undefined;
      await attempt('credential', async () => {
        credential = findCredential(host, deps);
        return credential.describe;
      });
      if (repository !== undefined && credential && checks.every((c) => c.ok))
        await attempt('push', async () => {
          const r = await checkPush(host, repository, credential!, deps);
          if (!r.ok)
            throw new EnvironmentError(r.detail, r.fix ?? 'check the registry host name (e.g. ghcr.io)');
          return r.detail;
        });
    }
    const report = doctorReport(checks);
    if (values.out !== undefined)
      writeOutFile(io.cwd, values.out, 'doctor.json', `${JSON.stringify(report, null, 2)}\n`);
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const c of checks) {
        io.stdout(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
        if (c.fix) io.stdout(`     fix: ${c.fix}\n`);
      }
    }
    // As every command's failure: its error line (and fix) on stderr, --json or not.
    if (report.error)
      io.stderr(`error: ${report.error.message}\n${report.error.fix ? `fix: ${report.error.fix}\n` : ''}`);
    return report.ok ? 0 : 3;
  },
};
