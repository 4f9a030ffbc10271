// The resolver's `helper.py run` (snapshot, pip's dry run and its analysis, the held run, in ONE
// python process) played from a scripted session's answers to the separate commands it stands for:
// `sh -c ... snapshot` (the snapshot), `python3 -m pip install --dry-run ...` (each pip run) and
// `python3 helper.py analyze SNAPSHOT REPORT` (each analysis). The commands it stood for are logged,
// so tests can still say which pip runs happened, in which order, with which environment.
import type { ExecResult } from '../../src/docker/adapter.js';
import type { Analysis } from '../../src/resolve/helper-output.js';
import { fakeSession } from './fakes.js';

const D = '/tmp/ml-image-resolve';

/** A snapshot of a base image with nothing installed: what `sh -c ... snapshot` prints. */
export const EMPTY_SNAPSHOT = JSON.stringify({
  format: 2,
  python: { version: '3.11.2' },
  pipVersion: '23.0.1',
  environment: {},
  env: {},
  installed: [],
  constraintFile: null,
});

type Answer = (cmd: readonly string[], env: Readonly<Record<string, string>>) => Partial<ExecResult>;

export interface VirtualCall {
  cmd: readonly string[];
  env: Readonly<Record<string, string>>;
}

/** An answer for fakeSession that plays `helper.py run` from `answer`; `calls` logs what it stood for. */
export function viaHelperRun(
  answer: Answer,
  files: () => Readonly<Record<string, string>>,
): { answer: Answer; calls: VirtualCall[] } {
  const calls: VirtualCall[] = [];
  const ask = (cmd: readonly string[], env: Readonly<Record<string, string>>) => {
    calls.push({ cmd, env });
    return answer(cmd, env);
  };
  const play: Answer = (cmd, env) => {
    if (cmd[1] !== `${D}/helper.py` || cmd[2] !== 'run') {
      calls.push({ cmd, env });
      return answer(cmd, env);
    }
    const sep = cmd.indexOf('--');
    const report = cmd[3]!;
    const flags = cmd.slice(4, sep);
    const args = cmd.slice(sep + 1);
    const out: Record<string, unknown> = {};
    let snapshotText = files()[`${D}/snapshot.json`];
    if (flags.includes('--snapshot')) {
      const s = ask(['sh', '-c', `python3 ${D}/helper.py snapshot > ${D}/snapshot.json`], {});
      if ((s.exitCode ?? 0) !== 0) return s;
      const snap = JSON.parse(s.stdout ?? '') as Record<string, unknown>;
      out.snapshot = snap;
      snapshotText = s.stdout;
      if ('error' in snap) return { stdout: JSON.stringify(out) };
    }
    const dry = (rep: string, a: readonly string[]) => {
      const r = ask(['python3', '-m', 'pip', 'install', '--dry-run', '--report', rep, ...a], env);
      const rc = r.exitCode ?? 0;
      const run: Record<string, unknown> = { pip: { rc, stdout: r.stdout ?? '', stderr: r.stderr ?? '' } };
      if (rc === 0)
        run.analysis = JSON.parse(
          ask(['python3', `${D}/helper.py`, 'analyze', `${D}/snapshot.json`, rep], {}).stdout ?? '',
        );
      return run as { pip: { rc: number }; analysis?: { replaced: unknown[] } };
    };
    const naive = dry(report, args);
    Object.assign(out, naive);
    const snap = JSON.parse(snapshotText ?? '{}') as { constraintFile?: unknown };
    const mustHold = (naive.analysis?.replaced.length ?? 0) > 0 || (snap.constraintFile ?? null) !== null;
    if (flags.includes('--held') && naive.pip.rc === 0 && files()[`${D}/base-constraints.txt`] && mustHold) {
      const { PIP_CONSTRAINT: _off, ...heldEnv } = env;
      const r = ask(
        [
          'python3',
          '-m',
          'pip',
          'install',
          '--dry-run',
          '--report',
          `${D}/held.json`,
          ...args,
          '-c',
          `${D}/base-constraints.txt`,
        ],
        heldEnv,
      );
      const rc = r.exitCode ?? 0;
      out.held = {
        pip: { rc, stdout: r.stdout ?? '', stderr: r.stderr ?? '' },
        ...(rc === 0 && {
          analysis: JSON.parse(
            ask(['python3', `${D}/helper.py`, 'analyze', `${D}/snapshot.json`, `${D}/held.json`], {})
              .stdout ?? '',
          ),
        }),
      };
    }
    return { stdout: JSON.stringify(out) };
  };
  return { answer: play, calls };
}

/**
 * A resolver session over an empty base, played by a fake: PIP answers each `pip install` (its
 * command), INSTALL says what each analysis finds installed. `virtual` logs the commands
 * `helper.py run` stood for.
 */
export function playedPipSession(
  pip: (cmd: readonly string[]) => Partial<ExecResult>,
  install: () => Analysis['install'],
) {
  const answer = (cmd: readonly string[]) => {
    const c = cmd.join(' ');
    if (cmd[0] === 'sh' || c === `python3 ${D}/helper.py snapshot`) return { stdout: EMPTY_SNAPSHOT };
    if (c.includes('pip install')) return pip(cmd);
    if (c.includes(`${D}/helper.py analyze`)) {
      const analysis: Analysis = { install: install(), replaced: [], environment: {} };
      return { stdout: JSON.stringify({ ...analysis, holders: {} }) };
    }
    return { exitCode: 2, stderr: `unexpected ${c}` };
  };
  const played = viaHelperRun(answer, () => session.files);
  const session = Object.assign(fakeSession(played.answer), { virtual: played.calls });
  return session;
}

/** A resolver session over an empty base whose every analysis finds nothing to install or replace. */
export function cleanSession() {
  const played = viaHelperRun(
    (cmd) => {
      if (cmd[0] === 'sh' || cmd.join(' ') === `python3 ${D}/helper.py snapshot`)
        return { stdout: EMPTY_SNAPSHOT };
      if (cmd.includes('analyze'))
        return { stdout: JSON.stringify({ install: [], replaced: [], holders: {}, environment: {} }) };
      return {};
    },
    () => session.files,
  );
  const session = fakeSession(played.answer);
  return session;
}
