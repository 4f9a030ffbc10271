// The real side effects of talking to a registry as docker does: fetch, Docker's config file, and
// its credential helpers (`docker-credential-NAME get`). Doctor's push check and the native signer
// both use them; the pure parts (which credential, the token flow) are in registry-auth.ts.
import { type ChildProcess, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { EnvironmentError } from '../errors.js';
import { registerCleanup, throwIfInterrupted } from '../util/cleanup.js';
import { MAX_JSON_INPUT_BYTES, openErrorFix, openErrorText, readRegularText } from '../util/read-regular.js';
import { stopChild } from '../util/process-tree.js';
import { RUN_ID } from '../util/run-id.js';
import { RUN_ID_ENV } from './exec-runner.js';
import { simpleFetch } from './http-fetch.js';
import { dockerConfigPath, type RegistryAuthDeps } from './registry-auth.js';

/**
 * How a credential helper is run: node's execFile (tests give one that starts no process). ENV
 * carries the run's id (RUN_ID_ENV), so the action's post step finds a helper a SIGKILL left.
 */
export type HelperExec = (
  file: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv },
  callback: (error: Error | null, stdout: string) => void,
) => Pick<ChildProcess, 'kill' | 'stdin' | 'pid' | 'stdout' | 'stderr' | 'exitCode' | 'signalCode'>;

const nodeExec: HelperExec = (file, args, options, callback) => execFile(file, args, options, callback);

/** How long a helper may take (a keychain may wait on a prompt). */
export const HELPER_TIMEOUT_MS = 30_000;

/**
 * Docker's config.json (dockerConfigPath), undefined when there is none. A regular file only, read
 * without blocking: a directory, a FIFO or an unreadable file there is the environment's problem
 * named with its fix, as a config.json that is not JSON is (a directory was an internal error, a
 * FIFO a hang).
 */
function readDockerConfig(
  env: Readonly<Record<string, string | undefined>>,
): { file: string; text: string } | undefined {
  const file = dockerConfigPath(env);
  if (!file || !existsSync(file)) return undefined;
  const fix = `fix or remove ${file}, then log in again (docker login)`;
  const text = readRegularText(
    file,
    MAX_JSON_INPUT_BYTES,
    (e) =>
      new EnvironmentError(
        `${file} ${e.code !== undefined ? `cannot be read: ${openErrorText(e.code)}` : e.reason}: docker and buildx cannot read their credentials`,
        openErrorFix(e.code ?? '', fix) ?? fix,
      ),
  );
  return { file, text };
}

/**
 * The real side effects of the registry checks: fetch (simpleFetch, through the proxy ENV names for
 * the host, as docker's push goes), Docker's config file, credential helpers.
 */
export function registryDeps(
  env: Readonly<Record<string, string | undefined>>,
  exec: HelperExec = nodeExec,
): RegistryAuthDeps {
  return {
    fetch: (url, init) => simpleFetch(url, init, env),
    dockerConfig: () => readDockerConfig(env),
    helper: (name, server, signal) =>
      new Promise((resolve, reject) => {
        throwIfInterrupted(`docker-credential-${name}`);
        signal?.throwIfAborted();
        // Stopped with the run on a signal (it may wait up to 30 s on a keychain), at its 30 s, and
        // at the caller's deadline (SIGNAL: a verify's; the process would otherwise outlive its
        // error): with what it started, which a kill of the helper alone (execFile's own timeout
        // and signal) leaves to run on under init when the helper is a script.
        let timedOut = false;
        let ended = false;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let unregister = () => undefined as void;
        const stop = () => stopChild(child);
        const done = () => {
          ended = true;
          clearTimeout(timer);
          unregister();
          signal?.removeEventListener('abort', stop);
        };
        const options = { env: { ...process.env, [RUN_ID_ENV]: RUN_ID } };
        const child = exec(`docker-credential-${name}`, ['get'], options, (err, stdout) => {
          done();
          if (signal?.aborted) return reject(signal.reason as Error);
          if (timedOut)
            return reject(
              new EnvironmentError(
                `credential helper docker-credential-${name} gave no answer for ${server} in ${HELPER_TIMEOUT_MS / 1000} s`,
                `check that docker-credential-${name} get answers without a prompt, or log in again (docker login ${server})`,
              ),
            );
          if (err) {
            // Helpers say "credentials not found ..." on stdout when there is no login for the host:
            // no login (the caller goes on anonymously, as docker does). Anything else a helper
            // prints stays out of messages.
            if (/credentials not found/i.test(stdout)) return resolve(undefined);
            reject(
              new EnvironmentError(
                `credential helper docker-credential-${name} failed for ${server}: ${err.message.split('\n')[0]}`,
                `install docker-credential-${name}, or log in again (docker login ${server})`,
              ),
            );
            return;
          }
          try {
            const j = JSON.parse(stdout) as { Username?: string; Secret?: string };
            resolve({ username: j.Username ?? '', secret: j.Secret ?? '' });
          } catch {
            reject(
              new EnvironmentError(
                `credential helper docker-credential-${name} printed no JSON for ${server}`,
                `log in again (docker login ${server})`,
              ),
            );
          }
        });
        if (!ended) {
          timer = setTimeout(() => {
            timedOut = true;
            stop();
          }, HELPER_TIMEOUT_MS);
          unregister = registerCleanup(async () => stop());
          signal?.addEventListener('abort', stop, { once: true });
        }
        // A helper that exits without reading stdin must not crash the process (EPIPE).
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(server);
      }),
  };
}
