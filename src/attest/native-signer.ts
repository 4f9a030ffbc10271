// The built-in key-mode signer: cosign's classic scheme (`sha256-<hex>.sig` / `.att` tags of
// simple-signing and DSSE layers) written and checked in process over one registry connection,
// instead of a cosign process per signature and attestation (each decrypting the key again with
// scrypt). Keyless signing, KMS keys, other key types and the transparency log stay with cosign
// (src/attest/signers.ts picks). The real cosign verifies what this writes and the other way round.
//
// Like cosign: signing an image again with the same key adds nothing (the same payload signed by
// the same key is already there); an attestation replaces the one of its predicate type (--replace);
// every other layer (other keys, other types) is kept.
import type { KeyObject } from 'node:crypto';
import { type OciClient, sha256Digest } from '../docker/oci-client.js';
import { EnvironmentError, InputError } from '../errors.js';
import {
  type CosignArgOptions,
  type SignIdentity,
  type Statement,
  type VerifiedSignature,
} from './cosign-args.js';
import {
  inTotoStatement,
  isEnvelopeOf,
  isP256,
  openEnvelope,
  parseP256PublicKey,
  publicKeyOf,
  signBytes,
  signEnvelope,
  simpleSigningPayload,
  strictBase64,
  verifyBytes,
} from './cosign-key.js';
import type { PredicateSpec, Signer, Verification, VerifyIdentity } from './cosign.js';
import { Ahead, pushCosignImage } from './cosign-push.js';
import {
  cosignTag,
  DSSE_MEDIA_TYPE,
  envelopePredicateType,
  hasSignature,
  keptAttestations,
  type Layer,
  parseSimpleSigning,
  parseStatement,
  splitRef,
  predicateTypeUri,
  unnamedAttestations,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING_MEDIA_TYPE,
} from './cosign-image.js';
import { queueByKey } from '../util/map-limit.js';
import { blobOf, leftOut, readableLayers, readTagLayers, type TagLayers } from './read-limits.js';
import { MAX_JSON_INPUT_BYTES, openErrorText, readRegularFile } from '../util/read-regular.js';

interface NativeSignerDeps {
  /** The registry client of a host (one per host, reused). */
  client: (host: string) => OciClient;
  /** The decrypted signing key (started early by the caller, awaited at the first signature). */
  signingKey: () => Promise<KeyObject>;
  /** A file's text (the predicate files and public keys). */
  readText?: (file: string) => string;
  /**
   * A public key file's text as its owner read it (createSigner reads each once, for every
   * check); undefined: readText reads it, saying why it cannot.
   */
  keyText?: (file: string) => string | undefined;
}

const layer = (mediaType: string, data: Buffer, annotations: Record<string, string>): Layer => ({
  mediaType,
  size: data.length,
  digest: sha256Digest(data),
  annotations,
});

const describeKey = (id: VerifyIdentity) =>
  id.kind === 'key' ? `the public key ${id.publicKey}` : 'a keyless identity';

/** A registry problem while doing WHAT says so first ("attest REF: registry ... is unreachable"). */
async function doing<T>(what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof EnvironmentError)
      throw new EnvironmentError(`${what}: ${e.message}`, e.fix ?? '', { cause: e });
    throw e;
  }
}

function failure(
  ref: string,
  what: 'signature' | 'attestation',
  type: string | undefined,
  reason: 'missing' | 'invalid',
  message: string,
): Verification<never> {
  return { ok: false, failure: { ref, what, ...(type !== undefined && { type }), reason, message } };
}

const NOT_KEY = 'the built-in signer signs with a key and without the transparency log only';

/** The built-in signer; createNativeSigner makes one. */
class NativeSigner implements Signer {
  private readonly readText: (file: string) => string;
  private readonly publicKeys = new Map<string, KeyObject>();
  /** The layers of an image's .sig/.att tag with their blobs, read once (attesting drops them). */
  private readonly read = new Map<string, Promise<TagLayers>>();
  /** One cosign image per tag is read and written at a time: a second write waits for the first. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /**
   * The statement of an envelope blob that a key verified (null: it does not), per blob and key:
   * each attestation type's check reads the same envelopes, which are opened once.
   */
  private readonly opened = new WeakMap<Buffer, Map<KeyObject, Statement | null>>();
  private readonly publics = new WeakMap<KeyObject, KeyObject>();
  /** What prefetch started: tags being read, uploads being opened. */
  private readonly ahead = new Ahead();
  /** Hosts that refused a manifest with embedded blobs: their manifests go without. */
  private readonly plainHosts = new Set<string>();

  constructor(private readonly deps: NativeSignerDeps) {
    this.readText = deps.readText ?? ((f) => readRegularFile(f, MAX_JSON_INPUT_BYTES).toString('utf8'));
  }

  private publicKey(id: VerifyIdentity): KeyObject {
    if (id.kind !== 'key') throw new InputError('the built-in verifier checks key signatures only');
    let key = this.publicKeys.get(id.publicKey);
    if (key) return key;
    let text: string;
    try {
      text = this.deps.keyText?.(id.publicKey) ?? this.readText(id.publicKey);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code !== undefined ? openErrorText(code) : `(${(e as Error).message})`;
      throw new InputError(`public key ${id.publicKey}: cannot read it: ${why}`);
    }
    key = parseP256PublicKey(text);
    if (!key) throw new InputError(`public key ${id.publicKey}: not an ECDSA P-256 public key in PEM`);
    this.publicKeys.set(id.publicKey, key);
    return key;
  }

  private serial<T>(tag: string, work: () => Promise<T>): Promise<T> {
    return queueByKey(this.queues, tag, work);
  }

  /**
   * The layers of MEDIA_TYPE in an image's .sig or .att tag, with their blobs (none: no tag), and
   * why any that cannot be read as declared was left out; the KNOWN blob is not downloaded.
   */
  private tagContent(
    host: string,
    repository: string,
    digest: string,
    suffix: 'sig' | 'att',
    mediaType: string,
    known?: { digest: string; bytes: Buffer },
  ) {
    const id = `${host}/${repository}@${digest}.${suffix}`;
    let content = this.read.get(id);
    if (!content) {
      const kind = suffix === 'sig' ? 'signature' : 'attestation';
      const tag = cosignTag(digest, suffix);
      content = readTagLayers(this.deps.client(host), repository, tag, mediaType, kind, known);
      this.read.set(id, content);
      content.catch(() => this.read.delete(id));
    }
    return content;
  }

  /** The public half of a signing key (the .sig dedup and the envelope check), made once. */
  private publicOf(key: KeyObject): KeyObject {
    let pub = this.publics.get(key);
    if (!pub) this.publics.set(key, (pub = publicKeyOf(key)));
    return pub;
  }

  /** The statement in ENVELOPE (an earlier run's) when the signing key signed it; null otherwise. */
  async signedBefore(envelope: Buffer): Promise<Statement | null> {
    return this.statementOf(this.publicOf(await this.key()), envelope);
  }

  /** The signing key: ECDSA P-256 only (what cosign generate-key-pair makes). */
  private async key(): Promise<KeyObject> {
    const key = await this.deps.signingKey();
    if (!isP256(key))
      throw new InputError(
        `the signing key is ${key.asymmetricKeyType ?? 'of an unknown type'}; the built-in signer takes ECDSA P-256 keys`,
        'sign with the cosign binary (ML_IMAGE_SIGNER=cosign)',
      );
    return key;
  }

  /**
   * Start reading REF's `.sig` and `.att` tags for its next sign and attestAll, and opening
   * UPLOADS uploads to its repository, which the next pushes there take (see Ahead).
   */
  prefetch(ref: string, uploads = 0): void {
    const { host, repository, digest } = splitRef(ref);
    const tags = (['sig', 'att'] as const).map((suffix) => cosignTag(digest, suffix));
    this.ahead.start(this.deps.client(host), repository, tags, uploads);
  }

  /** Cancel the uploads opened ahead that no push took (the registry would keep them for days). */
  release(): Promise<void> {
    return this.ahead.release();
  }

  async version() {
    return { gitVersion: 'built-in' };
  }

  async sign(ref: string, identity: SignIdentity, opts?: CosignArgOptions) {
    if (identity.kind !== 'key' || opts?.tlog === true) throw new InputError(NOT_KEY);
    const { host, repository, name, digest } = splitRef(ref);
    const key = await this.key();
    const payload = simpleSigningPayload(name, digest);
    const payloadDigest = sha256Digest(payload);
    const client = this.deps.client(host);
    const tag = cosignTag(digest, 'sig');
    this.read.delete(`${host}/${repository}@${digest}.sig`);
    const work = this.serial(`${host}/${repository}:${tag}`, async () => {
      const layers = await this.ahead.layers(client, repository, tag);
      if (hasSignature(layers, payloadDigest, this.publicOf(key), payload)) return;
      const signature = signBytes(key, payload).toString('base64');
      const added = layer(SIMPLE_SIGNING_MEDIA_TYPE, payload, { [SIGNATURE_ANNOTATION]: signature });
      // The tag was just read (in this tag's queue): push does not read it again.
      const blobs = [{ data: payload, maybeThere: true }]; // the same bytes for any key
      await pushCosignImage(client, repository, tag, blobs, async (there) => [...there, added], {
        read: layers,
        plainHosts: this.plainHosts,
      });
    });
    await doing(`sign ${ref}`, work);
  }

  async attest(ref: string, predicate: PredicateSpec, identity: SignIdentity, opts?: CosignArgOptions) {
    await this.attestAll(ref, [predicate], identity, opts);
  }

  /** Every predicate in one update of the `.att` image: each replaces the one of its type. */
  async attestAll(
    ref: string,
    predicates: readonly PredicateSpec[],
    identity: SignIdentity,
    opts?: CosignArgOptions,
    onAttached?: (index: number, envelope?: Buffer) => void,
  ) {
    if (identity.kind !== 'key' || opts?.tlog === true) throw new InputError(NOT_KEY);
    const { host, repository, name, digest } = splitRef(ref);
    if (predicates.length === 0) return;
    const key = await this.key();
    const made = predicates.map((p) => {
      const type = predicateTypeUri(p.type);
      let predicate: unknown;
      try {
        predicate = JSON.parse(p.text ?? this.readText(p.predicatePath));
      } catch (e) {
        throw new InputError(`predicate file ${p.predicatePath}: ${(e as Error).message}`);
      }
      const statement = inTotoStatement(name, digest, type, predicate);
      // An earlier run's envelope of this very statement, signed by this key, is as good as a new
      // one, and the registry may have it: the same bytes need no upload.
      // signedBefore opened it already when the stage asked whether it could be attached again.
      const pub = this.publicOf(key);
      const earlier =
        p.earlier !== undefined &&
        isEnvelopeOf(pub, p.earlier, statement, (this.opened.get(p.earlier)?.get(pub) ?? null) !== null);
      return { type, again: earlier, envelope: earlier ? p.earlier! : signEnvelope(key, statement) };
    });
    const client = this.deps.client(host);
    const tag = cosignTag(digest, 'att');
    const added = made.map((m) =>
      layer(DSSE_MEDIA_TYPE, m.envelope, { [SIGNATURE_ANNOTATION]: '', predicateType: m.type }),
    );
    const types = new Set(made.map((m) => m.type));
    const typeOf = async (l: Layer) => envelopePredicateType(await blobOf(client, repository, tag, l));
    this.read.delete(`${host}/${repository}@${digest}.att`);
    const work = this.serial(`${host}/${repository}:${tag}`, () =>
      pushCosignImage(
        client,
        repository,
        tag,
        // A new signature makes new bytes: only an envelope attached again may be there already.
        made.map((m) => ({ data: m.envelope, maybeThere: m.again })),
        async (there) => {
          // The envelopes read for their type (an older writer's): as many as verify would read.
          readableLayers(unnamedAttestations(there), host, `${repository}:${tag}`, 'attestation');
          return [...(await keptAttestations(there, types, typeOf)), ...added];
        },
        {
          read: this.ahead.layers(client, repository, tag),
          open: () => this.ahead.upload(client, repository),
          plainHosts: this.plainHosts,
        },
      ),
    );
    await doing(`attest ${ref}`, work);
    made.forEach((m, i) => onAttached?.(i, m.envelope));
  }

  async verify(ref: string, identity: VerifyIdentity): Promise<Verification<VerifiedSignature>> {
    const key = this.publicKey(identity);
    const { host, repository, name, digest } = splitRef(ref);
    // The payload cosign signs for this image is known: its layer is not downloaded.
    const expected = simpleSigningPayload(name, digest);
    const known = { digest: sha256Digest(expected), bytes: expected };
    const { read: layers, unread } = await doing(
      `verify ${ref}`,
      this.tagContent(host, repository, digest, 'sig', SIMPLE_SIGNING_MEDIA_TYPE, known),
    );
    const note = leftOut(unread);
    if (layers.length === 0)
      return failure(
        ref,
        'signature',
        undefined,
        'missing',
        `no signature on ${ref} (no signatures found${note})`,
      );
    const checked = layers.map(({ layer: l, blob: payload }) => {
      // As cosign: the signature text must be base64 as Go reads it.
      const sig = strictBase64(l.annotations?.[SIGNATURE_ANNOTATION] ?? '');
      return sig && verifyBytes(key, payload, sig) ? parseSimpleSigning(payload) : undefined;
    });
    const valid = checked.filter((s): s is VerifiedSignature => s !== undefined);
    const items = valid.filter((s) => s.digest === digest);
    if (items.length > 0) return { ok: true, items };
    const message =
      valid.length > 0
        ? `the verified signature on ${ref} names another image (${valid[0]!.digest})`
        : `the signature on ${ref} is not signed by ${describeKey(identity)} (none of ${layers.length} verifies${note})`;
    return failure(ref, 'signature', undefined, 'invalid', message);
  }

  /** The statement in an envelope BLOB when KEY verifies it; null otherwise. */
  private statementOf(key: KeyObject, blob: Buffer): Statement | null {
    let byKey = this.opened.get(blob);
    if (!byKey) this.opened.set(blob, (byKey = new Map()));
    let statement = byKey.get(key);
    if (statement === undefined) {
      const payload = openEnvelope(key, blob);
      const parsed = (payload && parseStatement(payload)) ?? null;
      // Shared by every check of this blob: the statement and its subjects (what the checks
      // compare) are frozen, so that no caller changes what the next check sees.
      if (parsed) {
        parsed.subject.forEach((s) => Object.freeze(s));
        Object.freeze(parsed.subject);
        Object.freeze(parsed);
      }
      statement = parsed;
      byKey.set(key, statement);
    }
    return statement;
  }

  async verifyAttestations(
    ref: string,
    type: string,
    identity: VerifyIdentity,
  ): Promise<Verification<Statement>> {
    const key = this.publicKey(identity);
    const uri = predicateTypeUri(type);
    const { host, repository, digest } = splitRef(ref);
    const { read: layers, unread } = await doing(
      `verify-attestation ${ref}`,
      this.tagContent(host, repository, digest, 'att', DSSE_MEDIA_TYPE),
    );
    const note = leftOut(unread);
    const fail = (reason: 'missing' | 'invalid', message: string) =>
      failure(ref, 'attestation', type, reason, message);
    if (layers.length === 0)
      return fail('missing', `no ${type} attestation on ${ref} (no attestations found${note})`);
    const verified = layers
      .map(({ blob }) => this.statementOf(key, blob))
      .filter((s): s is Statement => s !== null);
    // As cosign: an envelope counts when its signature verifies and its subject is this digest;
    // then the predicate type is looked for among those.
    const hex = digest.slice('sha256:'.length);
    const about = verified.filter((s) => s.subject.some((x) => x.digest.sha256 === hex));
    if (about.length === 0) {
      const other = verified.find((s) => s.predicateType === uri) ?? verified[0];
      const elsewhere = `names another image (${other?.subject.map((x) => x.digest.sha256).join(',')})`;
      return fail(
        'invalid',
        !other
          ? `the ${type} attestation on ${ref} is not signed by ${describeKey(identity)} (none of ${layers.length} verifies${note})`
          : other.predicateType === uri
            ? `the verified ${type} attestation on ${ref} ${elsewhere}`
            : `no ${type} attestation on ${ref} is about it: a verified ${other.predicateType} one ${elsewhere}`,
      );
    }
    const items = about.filter((s) => s.predicateType === uri);
    if (items.length > 0) return { ok: true, items };
    const found = [...new Set(about.map((s) => s.predicateType))].join(', ');
    return fail('missing', `no ${type} attestation on ${ref} (verified: ${found}${note})`);
  }
}

export function createNativeSigner(deps: NativeSignerDeps): NativeSigner {
  return new NativeSigner(deps);
}
