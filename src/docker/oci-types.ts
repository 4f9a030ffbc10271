// The OCI distribution client's interface and its HTTP seam (src/docker/oci-client.ts makes the
// client): what a registry answers, the fetch it is given, the calls the signer makes.
import { createHash } from 'node:crypto';
import { EnvironmentError } from '../errors.js';

export interface OciResponse {
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Where the answer came from, after any redirects (fetch's Response.url). */
  url?: string;
}

export type OciFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: Uint8Array;
    signal: AbortSignal;
    /**
     * The request may be sent again on a new connection when a kept-alive one turns out closed
     * before any answer: a read, a manifest PUT, opening or cancelling an upload; never an
     * upload's PUT (the registry may have taken it: the upload is then spent).
     */
    resendable?: boolean;
    /**
     * The answer is refused (ANSWER_TOO_LARGE) past this many bytes, before more is read: a blob
     * its descriptor says is that size. The transport's own limit (64 MiB) holds whatever it is.
     */
    maxBytes?: number;
  },
) => Promise<OciResponse>;

export interface OciClientDeps {
  fetch: OciFetch;
  /** The credential for the host (findCredential in registry-auth.ts); read once, lazily. */
  credential: () => Credential;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /**
   * A caller's deadline (a verify's): every request, every wait before one is tried again and
   * the credential helper's run end when it aborts; each request's own timeout is cut short by it.
   */
  signal?: AbortSignal;
  /** Waits before a request is tried again (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Manifest {
  mediaType: string;
  digest: string;
  bytes: Buffer;
}

/** JSON of a response body, undefined when it is none (an HTML page from a proxy, a truncated body). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The code of a registry's error body ({"errors":[{"code"}]}, the distribution spec's), if any. */
export function registryErrorCode(body: Buffer): string | undefined {
  const errors = (parseJson(body) as { errors?: { code?: unknown }[] } | undefined)?.errors;
  const code = Array.isArray(errors) ? (errors[0] as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined;
}

export interface OciClient {
  readonly host: string;
  /** The manifest a tag or digest names; undefined when the registry has none (404). */
  manifest(repository: string, reference: string, accept: readonly string[]): Promise<Manifest | undefined>;
  /**
   * Whether the registry has REPOSITORY: true when its tag list answers, false on a 404
   * NAME_UNKNOWN (a manifest of an unknown repository is MANIFEST_UNKNOWN to some registries, as to
   * registry:2), undefined when it does not say (a refusal, another answer).
   */
  hasRepository?(repository: string): Promise<boolean | undefined>;
  /**
   * A blob, whose bytes must hash to DIGEST; with MAX_BYTES (the size its descriptor declares) an
   * answer of more is refused as it streams in (an EnvironmentError of code ANSWER_TOO_LARGE's
   * cause), not read whole first.
   */
  blob(repository: string, digest: string, maxBytes?: number): Promise<Buffer>;
  /**
   * Start a blob upload (POST): its URL, for `finishUpload`. With MOUNT (the blob's digest) the
   * registry is first asked to link the blob from this very repository (`?mount=&from=`, the
   * spec's cross-repository mount): undefined when it has the blob already (201: nothing to
   * upload). A registry without it, or without mounting, starts an upload (202).
   */
  startUpload(repository: string, mount?: string): Promise<string | undefined>;
  /** Finish an upload started by `startUpload` with the whole blob (monolithic PUT); its digest. */
  finishUpload(repository: string, upload: string, data: Buffer): Promise<string>;
  /** Cancel an upload started by `startUpload` and never finished (DELETE). */
  cancelUpload(repository: string, upload: string): Promise<void>;
  /** Put a manifest under a tag; its digest. */
  putManifest(repository: string, tag: string, mediaType: string, bytes: Buffer): Promise<string>;
  /**
   * Open up to SOCKETS connections to the registry ahead of use (a `/v2/` request each, all at
   * once, whatever the answer): later requests of this process find them open. Never fails.
   */
  warm?(sockets: number): Promise<void>;
}

/** The wait before attempt ATTEMPT + 1: 0.25 s, 0.5 s; a Retry-After in seconds, at most 5 s. */
export function ociRetryWaitMs(attempt: number, retryAfter: string | null): number {
  const asked = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
  return Math.min(Math.max(250 * 2 ** (attempt - 1), asked), 5000);
}

export const sha256Digest = (data: Buffer | string) =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** The `code` of the error an OciFetch fails with when an answer is over its size limit. */
export const ANSWER_TOO_LARGE = 'ML_IMAGE_ANSWER_TOO_LARGE';

/** A registry's answer that is not what the request needed: its HTTP status with the message. */
export class RegistryAnswerError extends EnvironmentError {
  constructor(
    readonly status: number,
    message: string,
    fix: string,
  ) {
    super(message, fix);
    this.name = 'EnvironmentError';
  }
}

/** Where a registry login comes from (findCredential in registry-auth.ts), and how to read it. */
export interface Credential {
  kind: 'helper' | 'store' | 'login' | 'token' | 'none';
  /** Said to the user: where the credential comes from (never the credential). */
  describe: string;
  /**
   * The basic-auth pair, when there is one (read lazily: a helper runs only when needed);
   * undefined when a helper has no login for the host (anonymous). A helper run is stopped when
   * SIGNAL (the caller's deadline) aborts.
   */
  get?: (signal?: AbortSignal) => Promise<{ username: string; secret: string } | undefined>;
}

/**
 * An image index entry for BuildKit's attestations (unknown OS and unknown architecture), which no
 * runtime pulls. Only both: Enroot (Slurm's Pyxis) picks an entry by its architecture alone.
 */
export const isAttestationEntry = (p: { os: string; architecture: string }): boolean =>
  p.os === 'unknown' && p.architecture === 'unknown';
