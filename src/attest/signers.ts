// Which signer does each call: the built-in one (native-signer.ts) for what it can do exactly as
// cosign does (an encrypted cosign P-256 key from a file or COSIGN_KEY, a P-256 public key file,
// no transparency log), the cosign binary for everything else (keyless, KMS URIs, other keys, the
// log). ML_IMAGE_SIGNER=cosign sends every call to cosign. The signing key is decrypted once per
// process, and can be started early (the pipeline starts it with the build), off the main thread.
import { createHash, type KeyObject } from 'node:crypto';
import { type OciClient, type OciFetch } from '../docker/oci-client.js';
import { proxyApplies } from '../docker/plain-http.js';
import { isPlainHttpRegistry, splitImageRef } from '../docker/registry.js';
import { forcedCosign } from './signer-env.js';
import { findCredential } from '../docker/registry-auth.js';
import { defaultClient } from '../docker/registry-client.js';
import { registryDeps } from '../docker/registry-io.js';
import { readRegularFile } from '../util/read-regular.js';
import { parseDigestRef } from '../oci/ref.js';
import {
  type CosignArgOptions,
  type PredicateSpec,
  type SignIdentity,
  type Statement,
  type VerifyIdentity,
} from './cosign-args.js';
import { createCosignSigner, defaultCosignExec, type Signer } from './cosign.js';
import { decryptCosignKey, isEncryptedCosignKey, isP256, parseP256PublicKey } from './cosign-key.js';
import { createNativeSigner } from './native-signer.js';
import { checkPublicKeyFile, MAX_KEY_FILE_BYTES } from './verify-inputs.js';
import { registryInspector } from './registry-reader.js';
import type { ImageReader } from './verify-targets.js';

export { registryInspector } from './registry-reader.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A signer that can also write several attestations of one image in one update. */
export interface BatchSigner extends Signer {
  /**
   * ON_ATTACHED(i, envelope) once predicate i is on the registry (all at once, or one by one with
   * cosign); the built-in signer gives the signed envelope it attached, cosign none.
   */
  attestAll(
    ref: string,
    predicates: readonly PredicateSpec[],
    identity: SignIdentity,
    opts?: CosignArgOptions,
    onAttached?: (index: number, envelope?: Buffer) => void,
  ): Promise<void>;
  /**
   * Start reading what signing and attesting each target's ref will update (its `.sig` and `.att`
   * tags) and opening its number of uploads, so that the registry answers while the predicates are
   * made; a no-op where cosign signs. `release` cancels the uploads no push took.
   */
  prefetch(
    targets: readonly { ref: string; uploads: number }[],
    identity: SignIdentity,
    opts?: CosignArgOptions,
  ): Promise<void>;
  release(): Promise<void>;
  /**
   * The statement in ENVELOPE, an earlier run's (the result directory keeps them), when the key
   * that will sign REF signed it: a predicate that may be attached again without being made anew.
   * Null otherwise, and where cosign signs (it attaches nothing again).
   */
  signedBefore(
    ref: string,
    envelope: Buffer,
    identity: SignIdentity,
    opts?: CosignArgOptions,
  ): Promise<Statement | null>;
}

const ENV_KEY = /^env:\/\/([A-Za-z_][A-Za-z0-9_]*)$/;

/** The key text of IDENTITY when the built-in signer can sign with it; undefined for cosign. */
export function nativeKeyText(
  identity: SignIdentity,
  env: Env,
  tlog: boolean,
  readText: (file: string) => string | undefined = readIfThere,
): { text: string; source: string } | undefined {
  if (identity.kind !== 'key' || tlog || forcedCosign(env)) return undefined;
  const fromEnv = ENV_KEY.exec(identity.key);
  if (fromEnv) {
    const text = env[fromEnv[1]!];
    return text !== undefined && isEncryptedCosignKey(text) ? { text, source: fromEnv[1]! } : undefined;
  }
  if (identity.key.includes('://')) return undefined; // a KMS or other URI: cosign's
  const text = readText(identity.key);
  return text !== undefined && isEncryptedCosignKey(text) ? { text, source: identity.key } : undefined;
}

/** Can the built-in verifier check against IDENTITY (a P-256 public key file, no log)? */
export function nativeVerifies(
  identity: VerifyIdentity,
  env: Env,
  tlog: boolean,
  readText: (file: string) => string | undefined = readIfThere,
): boolean {
  if (identity.kind !== 'key' || tlog || forcedCosign(env) || identity.publicKey.includes('://'))
    return false;
  const text = readText(identity.publicKey);
  return text !== undefined && parseP256PublicKey(text) !== undefined;
}

/** A key file's text; undefined when there is none to read (cosign then says what is wrong). */
function readIfThere(file: string): string | undefined {
  try {
    // A regular file only: a FIFO at the path would block this (the main) thread for good.
    return readRegularFile(file, MAX_KEY_FILE_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Decrypted keys of this process, by a hash of the key text and password (never the key itself). */
const keys = new Map<string, Promise<KeyObject>>();

/**
 * The decrypted signing key of IDENTITY, started now and kept for the process; undefined when the
 * built-in signer does not sign with it. The pipeline calls it before the build so that scrypt runs
 * meanwhile; a wrong password surfaces when the key is first used.
 */
export function signingKey(identity: SignIdentity, env: Env, tlog: boolean): Promise<KeyObject> | undefined {
  const found = nativeKeyText(identity, env, tlog);
  if (!found) return undefined;
  const password = env.COSIGN_PASSWORD ?? '';
  const id = createHash('sha256').update(found.text).update('\0').update(password).digest('hex');
  let key = keys.get(id);
  if (!key) {
    key = decryptCosignKey(found.text, password, found.source, password !== '');
    // A failure is kept too: the same text and password fail the same way, and scrypt is not run
    // again for each call that asks (the caller that awaits it reports it).
    key.catch(() => undefined);
    keys.set(id, key);
  }
  return key;
}

interface SignerOptions {
  env: Env;
  /** Key-signed entries go to (and are checked against) the transparency log. */
  tlog: boolean;
  /** The cosign binary's signer (default: the real cosign with the key password from env). */
  cosign?: () => Signer;
  /** The registry client per host (default: fetch with Docker's credentials). */
  client?: (host: string) => OciClient;
  /** The default client's HTTP (default: node:http(s)); tests record what would go out. */
  fetch?: OciFetch;
  /** A verify's deadline: the default client's requests and cosign's runs end when it aborts. */
  signal?: AbortSignal;
  /** Can the built-in client reach REF's registry (default: nativeReaches)? */
  reaches?: (ref: string) => boolean;
  /** The public key files the checks use, each read and judged once (default: read from disk). */
  publicKeys?: PublicKeyFiles;
}

/** What a verify's registry reads go over (default node:http(s)), and its deadline's signal. */
export type VerifyTransport = { fetch?: OciFetch | undefined; signal?: AbortSignal | undefined };

/** The real cosign, with the key (COSIGN_KEY) and its password by environment only; killed at SIGNAL. */
function cosignFromEnv(env: Env, tlog: boolean, signal?: AbortSignal): Signer {
  return createCosignSigner(defaultCosignExec(), {
    tlog,
    ...(signal && { signal }),
    ...(env.COSIGN_PASSWORD !== undefined && { password: env.COSIGN_PASSWORD }),
    ...(env.COSIGN_KEY !== undefined && { env: { COSIGN_KEY: env.COSIGN_KEY } }),
  });
}

/**
 * Can the built-in client reach REF's registry as docker would? Not through a proxy (cosign and
 * docker honour HTTPS_PROXY, the built-in client does not; a host NO_PROXY names is reached
 * directly, by Go's rules as docker and cosign apply them), and not with an identity-token login
 * (docker's refresh-token grant): those go to cosign. Loopback registries always.
 */
export function nativeReaches(ref: string, env: Env): boolean {
  let registry: string;
  try {
    registry = parseDigestRef(ref).registry;
  } catch {
    return false; // not a digest reference: the caller says so, naming its own flag
  }
  return nativeReachesHost(registry, env);
}

/** nativeReaches for a registry host. */
function nativeReachesHost(registry: string, env: Env): boolean {
  if (isPlainHttpRegistry(registry)) return true;
  if (proxyApplies(registry, env)) return false;
  try {
    return findCredential(registry, registryDeps(env)).kind !== 'token';
  } catch {
    return false; // an unreadable Docker config: cosign says what is wrong with it
  }
}

/**
 * Open SOCKETS connections to REPOSITORY's registry now, when the built-in signer will sign there
 * with IDENTITY (the pipeline calls it as the build starts, so that the attest stage finds them
 * open: node's first request to a host costs several milliseconds, a TLS handshake more).
 */
export function preconnect(
  repository: string,
  identity: SignIdentity,
  env: Env,
  tlog: boolean,
  sockets: number,
  client: (host: string) => OciClient = defaultClient(env),
): void {
  const { host } = splitImageRef(repository);
  if (nativeKeyText(identity, env, tlog) === undefined || !nativeReachesHost(host, env)) return;
  void client(host).warm?.(sockets);
}

/**
 * The public key files of a signer's checks, each read and judged once: every check of a
 * verification names the same key, so each uses the same key (not a file changed in between), and
 * none reads and parses it again.
 */
export function publicKeyFiles(env: Env, read: (file: string) => string | undefined = readIfThere) {
  const texts = new Map<string, string | undefined>();
  const judged = new Map<string, boolean>();
  const text = (file: string) => {
    if (!texts.has(file)) texts.set(file, read(file));
    return texts.get(file);
  };
  return {
    text,
    verifiesNatively(identity: VerifyIdentity, tlog: boolean): boolean {
      if (identity.kind !== 'key') return nativeVerifies(identity, env, tlog);
      const id = `${tlog}\0${identity.publicKey}`;
      let ok = judged.get(id);
      if (ok === undefined) judged.set(id, (ok = nativeVerifies(identity, env, tlog, text)));
      return ok;
    },
  };
}

type PublicKeyFiles = ReturnType<typeof publicKeyFiles>;

/** One signer for every call: built-in where it can, cosign otherwise (see the file comment). */
export function createSigner(opts: SignerOptions): BatchSigner {
  const { env } = opts;
  let cosign: Signer | undefined;
  const viaCosign = () => (cosign ??= opts.cosign?.() ?? cosignFromEnv(env, opts.tlog, opts.signal));
  let client: ((host: string) => OciClient) | undefined;
  const keys = opts.publicKeys ?? publicKeyFiles(env);
  // One built-in signer per key: it serializes the writes of each .sig/.att tag.
  const natives = new Map<Promise<KeyObject> | undefined, ReturnType<typeof createNativeSigner>>();
  const nativeFor = (key: Promise<KeyObject> | undefined) => {
    let n = natives.get(key);
    if (!n) {
      n = createNativeSigner({
        client: (host) => (client ??= opts.client ?? defaultClient(env, opts.fetch, opts.signal))(host),
        signingKey: () => key ?? Promise.reject(new Error('no signing key')),
        keyText: keys.text,
      });
      natives.set(key, n);
    }
    return n;
  };
  const tlogOf = (o?: CosignArgOptions) => o?.tlog ?? opts.tlog;
  // Asked by every call: Docker's config is read once per image, not per signature and check.
  const reached = new Map<string, boolean>();
  const reaches =
    opts.reaches ??
    ((ref: string) => {
      let r = reached.get(ref);
      if (r === undefined) reached.set(ref, (r = nativeReaches(ref, env)));
      return r;
    });
  /** The key the built-in signer would sign REF with (decrypting from now on), if any. */
  const keyFor = (ref: string, identity: SignIdentity, o?: CosignArgOptions) =>
    reaches(ref) ? signingKey(identity, env, tlogOf(o)) : undefined;
  /** The built-in signer for a P-256 key; cosign for anything else (a wrong password throws). */
  const signerFor = async (ref: string, identity: SignIdentity, o?: CosignArgOptions) => {
    const key = keyFor(ref, identity, o);
    return key && isP256(await key) ? nativeFor(key) : undefined;
  };
  const verifierFor = (ref: string, identity: VerifyIdentity, o?: CosignArgOptions) =>
    reaches(ref) && keys.verifiesNatively(identity, tlogOf(o)) ? nativeFor(undefined) : viaCosign();
  return {
    async prefetch(targets, identity, o) {
      // Only a head start: a key that does not decrypt fails the calls that sign, as before.
      for (const { ref, uploads } of targets)
        (await signerFor(ref, identity, o).catch(() => undefined))?.prefetch(ref, uploads);
    },
    async signedBefore(ref, envelope, identity, o) {
      // Only the built-in signer attaches an envelope again; a key that does not decrypt: none.
      const native = await signerFor(ref, identity, o).catch(() => undefined);
      return native ? native.signedBefore(envelope) : null;
    },
    release: async () => {
      await Promise.all([...natives.values()].map((n) => n.release()));
    },
    version: () => viaCosign().version(),
    sign: async (ref, identity, o) =>
      ((await signerFor(ref, identity, o)) ?? viaCosign()).sign(ref, identity, o),
    attest: async (ref, p, identity, o) =>
      ((await signerFor(ref, identity, o)) ?? viaCosign()).attest(ref, p, identity, o),
    async attestAll(ref, predicates, identity, o, onAttached) {
      const native = await signerFor(ref, identity, o);
      if (native) return native.attestAll(ref, predicates, identity, o, onAttached);
      // cosign reads, extends and pushes the one .att tag per call: one after the other.
      for (const [i, p] of predicates.entries()) {
        await viaCosign().attest(ref, p, identity, o);
        onAttached?.(i);
      }
    },
    verify: (ref, identity, o) => verifierFor(ref, identity, o).verify(ref, identity, o),
    verifyAttestations: (ref, type, identity, o) =>
      verifierFor(ref, identity, o).verifyAttestations(ref, type, identity, o),
  };
}

/**
 * What `ml-image verify` (and its sub-action, and `export --verify`) checks with: the signer and
 * image reader given (tests), else createSigner's, reading the index over HTTP when the built-in
 * verifier does the checks (no buildx process), through docker otherwise. The registry client's
 * requests (over FETCH, default node:http) and cosign's runs end at SIGNAL, the verify's deadline.
 * KEY_LABEL names where the key came from in its errors (`verify: --key`, `input "key":`).
 */
export function verifyDeps(
  env: Env,
  ref: string,
  identity: VerifyIdentity,
  tlog: boolean,
  given: { signer?: (() => Signer) | undefined; docker: () => ImageReader },
  transport: VerifyTransport = {},
  keyLabel = 'public key',
): { signer: Signer; docker: ImageReader } {
  if (given.signer) return { signer: given.signer(), docker: given.docker() };
  // The key file is read and parsed before any registry is asked: a missing or garbled one is
  // bad input naming it, whichever signer would have read it (and whether the registry is up).
  // The built-in checks use the text read here: one read, one key for every check.
  const text = checkPublicKeyFile(identity, keyLabel);
  const file = identity.kind === 'key' ? identity.publicKey : undefined;
  // Only that file: one not read there (a FIFO, which may be read once, cosign's) is not opened.
  const keys = publicKeyFiles(env, (f) => (f === file ? text : readIfThere(f)));
  const { fetch, signal } = transport;
  const client = defaultClient(env, fetch, signal);
  // One judgment of the key for the choice of index reader and every check the signer makes.
  const native = nativeReaches(ref, env) && keys.verifiesNatively(identity, tlog);
  return {
    signer: createSigner({ env, tlog, client, publicKeys: keys, ...(signal && { signal }) }),
    docker: native ? registryInspector(client) : given.docker(),
  };
}
