// How Docker failures read to the user: the daemon or a registry out of reach is an environment
// problem (exit 3, with the fix); anything else the docker CLI reports is a failed check (exit 1).
// Answers of the engine and the CLI are parsed through a schema, and an unexpected one is exit 3.
import type Dockerode from 'dockerode';
import type { z } from 'zod';
import { formatIssues } from '../config/issues.js';
import { EnvironmentError, MlImageError } from '../errors.js';
import { DOCKER_HUB, parseImageRef } from '../oci/ref.js';
import { isInterrupted } from '../util/cleanup.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { redactUrls } from '../util/redact.js';
import type { ExecResult } from './adapter.js';
import { type ContextEndpoint, contextDaemonFix, contextLabel } from './context.js';

export const DAEMON_FIX =
  'start the Docker engine (e.g. "sudo systemctl start docker"), or point DOCKER_HOST at a running one (in a clone of ml-image-action itself, "sudo scripts/test-env.sh" starts its test bed)';
/** The socket is there but this user may not open it (EACCES; the CLI's "permission denied"). */
export const DAEMON_PERMISSION_FIX =
  'this user may not use the Docker engine\'s socket: add it to the docker group ("sudo usermod -aG docker $USER", then log in again), or run as a user that may; with rootless Docker, point DOCKER_HOST at your own engine\'s socket (unix://$XDG_RUNTIME_DIR/docker.sock)';
export const BUILDX_FIX =
  'install the buildx CLI plugin: "apt-get install docker-buildx" (Debian 13+/Ubuntu) or "docker-buildx-plugin" from Docker\'s repository; on GitHub Actions docker/setup-buildx-action (in a clone of ml-image-action itself, "sudo scripts/test-env.sh" installs it)';
export const REGISTRY_FIX =
  'check that the registry is running and reachable from this machine, and that you are logged in to it';
const ANSWER_FIX =
  'update the Docker engine and the buildx plugin; if they are current, please report the answer quoted';

const CONNECT_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'EACCES',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

const DAEMON_UNREACHABLE =
  /Cannot connect to the Docker daemon|docker daemon is not running|dial unix [^ ]*\.sock|error during connect/i;

/** What a pull or push says when the registry cannot be reached. */
export const REGISTRY_UNREACHABLE =
  /connection refused|no such host|dial tcp|i\/o timeout|TLS handshake timeout|server gave HTTP response to HTTPS client|network is unreachable/i;

/**
 * What buildx says when a registry refuses to let an image be read: a 401 it has no login for
 * ("pull access denied, ... may require authorization: authorization failed: no basic auth
 * credentials"), or a 403 ("unexpected status from HEAD request to ...: 403 Forbidden"); the
 * docker driver's push says the registry's error code alone ("denied").
 */
const REGISTRY_DENIED =
  /may require authorization|authorization failed|no basic auth credentials|insufficient_scope|\b40[13] (Unauthorized|Forbidden)\b|(?:^|: )(?:unauthorized|denied)(?:: |$)/m;

/**
 * What buildx or the engine says when a registry answers a read with 429 or a 5xx ("unexpected
 * status from GET request to ...: 503 Service Unavailable", "received unexpected HTTP status: 502
 * Bad Gateway", "error parsing HTTP 503 response body", "toomanyrequests: ...").
 */
export const REGISTRY_FAILING =
  /unexpected (?:HTTP )?status[^\n]*: (?:429|5\d\d) [A-Z]|error parsing HTTP (?:429|5\d\d) response|toomanyrequests/;

export const REGISTRY_FAILING_FIX =
  'the registry is failing for now (too many requests, or a server error): check its status, then run again';

/** What a pull says when the registry's connection broke or stalled partway. */
export const REGISTRY_INTERRUPTED =
  /connection reset by peer|unexpected EOF|broken pipe|context deadline exceeded|net\/http: request canceled/i;

/**
 * The fix for a registry that refuses HOST's image (WHAT: the image, or its repository): log in
 * with a credential that may read it (a read refused: the repository may also not exist), or read
 * and write it (a push, a signature), in GitHub Actions with the job's packages permission.
 */
export function registryLoginFix(
  host: string,
  access: 'read' | 'write' = 'read',
  what = 'the image',
): string {
  const may = access === 'read' ? `read ${what}` : `read and write ${what}`;
  const exists = access === 'read' ? ', and check that the repository exists' : '';
  return `log in with a credential that may ${may}: "docker login ${host}" (in GitHub Actions: docker/login-action, and packages: ${access} for ghcr.io)${exists}`;
}

/**
 * A registry read (WHAT: "GET /v2/...") a redirect took to another origin (URL, blob storage) that
 * asks for a login: refused, and no login of the user's would help (the registry's goes to its own
 * origin only, never to a token service the redirect's target names), so the fix is not docker login.
 */
export const redirectLoginRefused = (host: string, what: string, url: string): EnvironmentError =>
  new EnvironmentError(
    `registry ${host} redirected ${what} to another login (${new URL(url).origin})`,
    "check the registry and any proxy in between: a redirect's target (blob storage) must serve the request without a login, as the registry's goes to the registry alone",
  );

/** A RUN step that failed: its own 401 or 403 (curl, wget, pip) is the build's, not a login's. */
export const RUN_STEP_FAILED = /did not complete successfully|executor failed running|exit code: \d+/;

/** The image a refusal names ("failed to push REF: ...", "source metadata for REF: ..."). */
const REFUSED_REF = /(?:failed to push|source metadata for|pull access denied for) ([^\s,]+?)(?=:\s|,|\s|$)/;

/** A registry's API URL in a refusal ("... HEAD request to https://HOST/v2/..."); not a token URL. */
const REFUSED_URL = /https?:\/\/([^/\s]+)\/v2\//;

/** A refusal of a write: a push (an image, a list, a registry cache) rather than a base's pull. */
const WRITE_REFUSED = /\bpush|write_package|\bexport/i;

/**
 * A log's end at a push: the docker-container driver's ("exporting to image", "pushing layers",
 * "pushing manifest", "exporting cache") and the docker driver's ("pushing REF with docker",
 * "pushing layer ID").
 */
const WRITE_STEP =
  /exporting to image|pushing layers?\b|pushing manifest|exporting cache|pushing \S+ with docker/i;

/** The image the docker driver pushes ("#13 pushing HOST/NAME:TAG with docker"). */
const PUSHED_WITH_DOCKER = /pushing (\S+) with docker/;

/**
 * A build's or a merge's failure that is a registry refusing access (REGISTRY_DENIED in REASON,
 * buildx's line that says why; a RUN step's own download refused is the build's, not this): exit
 * 3 with the login fix for the registry named in REASON, else HOSTS' (a push's: the image's
 * registry; a pull's: the base image's). A write (REASON or the end of the log, TAIL, says push or
 * export; always, without a read host: a merge reads and writes one repository) needs a login that
 * may write, a pull one that may read. Undefined: no refusal.
 */
export function registryRefusal(
  what: string,
  reason: string,
  tail: string,
  hosts: { write: string; read?: string },
): EnvironmentError | undefined {
  if (!REGISTRY_DENIED.test(reason) || RUN_STEP_FAILED.test(reason)) return undefined;
  const write =
    hosts.read === undefined ||
    WRITE_REFUSED.test(reason) ||
    (!/source metadata for|pull access denied/.test(reason) && WRITE_STEP.test(tail));
  const access = write ? 'write' : 'read';
  const ref = REFUSED_REF.exec(reason)?.[1] ?? (write ? PUSHED_WITH_DOCKER.exec(tail)?.[1] : undefined);
  const named = ref ? parseImageRef(ref).registry : REFUSED_URL.exec(reason)?.[1];
  const host = named ?? (write ? hosts.write : hosts.read!);
  const shown = DOCKER_HUB.has(host) ? 'docker.io' : host;
  return new EnvironmentError(
    `${what}: the registry ${shown} refused the ${write ? 'push' : 'pull'}: ${reason}\n--- last lines ---\n${tail}`,
    registryLoginFix(shown, access),
  );
}

/**
 * A failed read of an image through the docker CLI (`buildx imagetools inspect`): a registry that
 * refuses the read (the login fix) or fails (429, 5xx) is an environment problem (exit 3), as on
 * the built-in client; otherwise as cliFailure.
 */
export function readFailure(what: string, result: ExecResult, host: string): MlImageError {
  const tail = tailOf(result);
  if (REGISTRY_DENIED.test(tail))
    return new EnvironmentError(`${what}: the registry refused the read\n${tail}`, registryLoginFix(host));
  if (REGISTRY_FAILING.test(tail))
    return new EnvironmentError(`${what}: the registry is failing\n${tail}`, REGISTRY_FAILING_FIX);
  return cliFailure(what, result);
}

/** The end of what a docker CLI call printed (its error is there). */
const tailOf = (result: ExecResult) =>
  (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');

/** The Docker context each dockerode client connects through (engine.ts), for its errors. */
export const engineContexts = new WeakMap<Dockerode, ContextEndpoint>();

function daemonTarget(docker: Dockerode): string {
  // docker-modem keeps its connection settings as fields its types do not declare.
  const field = (name: string): unknown => Reflect.get(docker.modem, name);
  const socketPath = field('socketPath');
  // Without DOCKER_HOST, docker-modem 5 keeps a function that picks the socket when it connects.
  if (typeof socketPath === 'function') return 'unix:///var/run/docker.sock (the default socket)';
  if (socketPath) return `unix://${String(socketPath)}`;
  // ssh:// for an ssh engine (docker-modem's protocol), tcp:// otherwise; the port only when set.
  const port = field('port');
  const scheme = field('protocol') === 'ssh' ? 'ssh' : 'tcp';
  return `${scheme}://${String(field('host'))}${port !== undefined && port !== '' ? `:${String(port)}` : ''}`;
}

/** The `code` of a thrown value (ENOENT, ...), when it has one. */
function errorCode(err: unknown): string | undefined {
  const code: unknown = typeof err === 'object' && err !== null ? Reflect.get(err, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The HTTP status of a dockerode error (404 for a missing image or container), when it has one. */
export function statusCodeOf(err: unknown): number | undefined {
  const status: unknown =
    typeof err === 'object' && err !== null ? Reflect.get(err, 'statusCode') : undefined;
  return typeof status === 'number' ? status : undefined;
}

/**
 * The engine's own message of a refused request: its JSON answer's `message` (dockerode keeps the
 * body), else the error's text without the client's "(HTTP code N) ... - " prefix.
 */
export function engineMessage(err: unknown): string {
  const json: unknown = typeof err === 'object' && err !== null ? Reflect.get(err, 'json') : undefined;
  const fromJson: unknown =
    typeof json === 'object' && json !== null ? Reflect.get(json, 'message') : undefined;
  const text =
    typeof fromJson === 'string' && fromJson.trim() !== ''
      ? fromJson
      : err instanceof Error
        ? err.message
        : String(err);
  return text.replace(/^\(HTTP code \d+\) [^\n]*? - /, '').trim();
}

/**
 * An engine's refusal of a container's GPU request, by its message: no GPU runtime ("could not
 * select device driver"), the NVIDIA hook's checks ("nvidia-container-cli: requirement error:
 * unsatisfied condition: cuda>=12.8"), a CDI device it cannot inject, an unknown nvidia runtime.
 * Not a missing image (404) or a full disk (500), even of an nvidia/... image.
 */
export const GPU_REQUEST_REFUSED =
  /could not select device driver|nvidia-container-(?:cli|runtime|toolkit)|requirement error|\bCDI\b|invalid runtime name: nvidia/i;

/** Map a dockerode error to EnvironmentError when it is a connection problem; else undefined. */
export function connectionError(err: unknown, docker: Dockerode): EnvironmentError | undefined {
  const code = errorCode(err);
  if (code && CONNECT_CODES.has(code)) {
    const context = engineContexts.get(docker);
    // A context's own address as it names it (a password in it masked), else the client's.
    const target = context ? redactUrls(context.host) : daemonTarget(docker);
    return new EnvironmentError(
      `cannot reach the Docker daemon at ${target}${context ? `, ${contextLabel(context)}` : ''} (${code})`,
      code === 'EACCES' ? DAEMON_PERMISSION_FIX : context ? contextDaemonFix(context) : DAEMON_FIX,
      { cause: err },
    );
  }
  return undefined;
}

/** What buildx says of a builder name it does not know (`docker buildx inspect NAME`, BUILDX_BUILDER). */
const NO_BUILDER = /no builder "([^"\n]*)" found/;

/** A buildx builder that does not exist (exit 3): nothing can build until it does. */
export class BuilderMissingError extends EnvironmentError {}

/**
 * A failed `docker buildx inspect [NAME]` whose builder does not exist, as exit 3 naming it and
 * where the name came from (NAME: the `builder` input; none given: BUILDX_BUILDER), with the fix;
 * undefined for any other failure.
 */
export function builderMissing(
  name: string | undefined,
  result: ExecResult,
): BuilderMissingError | undefined {
  const missing = NO_BUILDER.exec(tailOf(result))?.[1];
  if (missing === undefined) return undefined;
  const from = name ? 'the builder input' : 'BUILDX_BUILDER';
  return new BuilderMissingError(
    `docker buildx inspect${name ? ` ${name}` : ''}: there is no buildx builder "${missing}" (${from} names it)\n${tailOf(result)}`,
    `create it first ("docker buildx create --name ${missing} --driver docker-container"; in GitHub Actions docker/setup-buildx-action, whose "name" output is the builder to pass), or name one that exists ("docker buildx ls"); to build with the current builder, ${name ? 'drop the builder input' : 'unset BUILDX_BUILDER'}`,
  );
}

/**
 * The registry a connection failure names, last in TAIL (its final error): the host of its API URL
 * ("Head \"http://HOST/v2/..."), else the name it could not look up, else the address it dialed.
 */
function unreachableHost(tail: string): string | undefined {
  const last = (re: RegExp) => [...tail.matchAll(re)].at(-1)?.[1];
  return last(/https?:\/\/([^/\s"]+)\/v2\//g) ?? last(/lookup ([^\s:]+)/g) ?? last(/dial tcp ([^\s:]+:\d+)/g);
}

/** Classify a failed docker CLI call: registry/daemon connectivity -> exit 3, else exit 1. */
export function cliFailure(what: string, result: ExecResult): MlImageError {
  const killed = killedBySignal(what, 'docker', result);
  if (killed) return killed;
  const tail = tailOf(result);
  if (DAEMON_UNREACHABLE.test(tail)) {
    // The socket's own refusal, not another "permission denied" (the CLI's config file unreadable).
    const denied =
      /permission denied while trying to connect|dial unix \S+: connect: permission denied/i.test(tail);
    return new EnvironmentError(
      `${what}: the Docker daemon is not reachable${denied ? ': permission denied on its socket' : ''}\n${tail}`,
      denied ? DAEMON_PERMISSION_FIX : DAEMON_FIX,
    );
  }
  if (REGISTRY_UNREACHABLE.test(tail)) {
    const host = unreachableHost(tail);
    return new EnvironmentError(
      `${what}: registry unreachable${host ? ` (${host})` : ''}\n${tail}`,
      REGISTRY_FIX,
    );
  }
  const gone = NO_BUILDER.exec(tail)?.[1];
  if (gone !== undefined) {
    // The builder the run named (--builder: the one current at its start, or the builder input)
    // went away during the run: nothing can build or merge on it, and no Dockerfile fix helps.
    return new BuilderMissingError(
      `${what}: the buildx builder "${gone}" this run uses is gone (removed while the run went on: a docker/setup-buildx-action job's post step on the same runner removes its builder)\n${tail}`,
      'run again; on a runner shared by several jobs, give this job a builder of its own (the builder input, e.g. docker/setup-buildx-action\'s "name" output in this job) so that another job cannot remove it',
    );
  }
  return new MlImageError(`${what} failed (exit ${result.exitCode})\n${tail}`, 1);
}

const KILLED_FIX =
  'the out-of-memory killer is the usual cause (see "dmesg | grep -i oom", "journalctl -k", or the runner\'s memory: give the job more, or build fewer targets at once); a kill by a person or another tool ends it too: run again';

/**
 * PROGRAM (what ran WHAT) killed by a signal this run did not send (the out-of-memory killer,
 * `kill -9`): exit 3 naming the signal, not its log's last words ("context canceled") read as the
 * build's or the registry's failure; undefined when it was not killed, or this run's own signal
 * handling stopped it (the interrupt is reported instead).
 */
export function killedBySignal(
  what: string,
  program: string,
  result: ExecResult,
): EnvironmentError | undefined {
  if (result.signal === undefined || isInterrupted()) return undefined;
  return new EnvironmentError(
    `${what}: ${program} was killed by ${result.signal} (exit ${result.exitCode}), not by this run`,
    KILLED_FIX,
  );
}

/**
 * An answer of the engine (dockerode) or of the docker CLI, checked against what this tool reads
 * of it. `what` names the answer ("the engine's image inspect of busybox").
 */
export function parseAnswer<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const parsed = boundedSafeParse(schema, data);
  // zod gathers a list's problems with push(...issues): an index of 600,000 bad entries (a
  // registry's answer, anyone's who may push) overflowed the stack, an internal error.
  if ('overflow' in parsed)
    throw new EnvironmentError(`unexpected answer: ${what}: too many problems to list`, ANSWER_FIX);
  if (parsed.success) return parsed.data;
  const problems = formatIssues(parsed.error, data, schema).join('; ');
  throw new EnvironmentError(`unexpected answer: ${what}: ${problems}`, ANSWER_FIX);
}

/** A JSON text printed by the docker CLI, parsed through `schema`. */
export function parseJsonAnswer<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new EnvironmentError(`unexpected answer: ${what}: not JSON (${(e as Error).message})`, ANSWER_FIX);
  }
  return parseAnswer(schema, data, what);
}
