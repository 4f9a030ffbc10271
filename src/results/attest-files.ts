// The attest stage's files in a result directory: each predicate as attached
// (attest/<variant>-<arch>.<kind>.json), the signed envelopes (….dsse.json), both written in the
// background, and an earlier run's envelopes taken back (results.ts's ResultDir has these).
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomicLater } from '../util/json-file.js';
import { isOwnDir, ownFilePath } from '../util/own-dir.js';
import { MAX_JSON_INPUT_BYTES, readRegularFile } from '../util/read-regular.js';
import { redactUrls } from '../util/redact.js';
import { ATTEST_DIR, ATTEST_FILE, attestationFile, envelopeFile } from './names.js';
import { checked, json } from './write.js';

/** A predicate is a JSON object (its own schema is checked where it is built). */
const PredicateSchema = z.record(z.string(), z.unknown());

/** A file being written in the background: its path, and when it is there (or failed to be). */
export interface Written {
  file: string;
  written: Promise<void>;
}
export type WrittenText = Written & { text: string };

/** What a ResultDir does with the attest stage's files. */
export interface AttestFiles {
  /**
   * attest/<variant>-<arch>.<kind>.json, written in the background: cosign reads the predicate
   * from the file, the built-in signer signs its text as it is.
   */
  writeAttestation(variant: string, platform: string, kind: string, predicate: object): WrittenText;
  /** attest/<variant>-<arch>.<kind>.dsse.json, the envelope attached (undefined: no result dir). */
  writeEnvelope(variant: string, platform: string, kind: string, envelope: Buffer): Written | undefined;
  /**
   * The envelopes an earlier run left (attest/*.dsse.json), by their names relative to the
   * directory (envelopeFile), each removed from it, whatever its target and whether or not it can
   * be read: only what this run attaches is there afterwards.
   */
  takeEnvelopes(): Map<string, Buffer>;
  /** The names takeEnvelopes would take (a directory listing: nothing read, nothing removed). */
  envelopeNames(): Set<string>;
}

/** The attest stage's files in ROOT: predicates and envelopes, written in the background. */
export function attestFiles(root: string, label: string): AttestFiles {
  const at = (name: string) => path.join(root, name);
  // async: a link in the way is the write's rejection, as its other failures are.
  const writeLater = async (name: string, content: string | Buffer) =>
    writeFileAtomicLater(ownFilePath(root, name, label), content, label, false);
  return {
    // Copies of what is attached to the image: no fsync, and off node's thread (the attest stage
    // writes a dozen of them while it signs and the registry answers).
    writeAttestation: (v, p, kind, predicate) => {
      const file = at(attestationFile(v, p, kind));
      const text = redactUrls(json(checked(PredicateSchema, predicate, file)));
      return { file, text, written: writeLater(attestationFile(v, p, kind), text) };
    },
    // Signed bytes: written as they are (the signature covers them; a statement holds no URL
    // credentials, every attestation is scrubbed before it is signed).
    writeEnvelope: (v, p, kind, envelope) => {
      const name = envelopeFile(v, p, kind);
      return { file: at(name), written: writeLater(name, envelope) };
    },
    envelopeNames: () => new Set(envelopeNames(at(ATTEST_DIR))),
    takeEnvelopes: () => {
      // The earlier attest.json names them: it goes too (a stage stopped by a signal leaves none).
      rmSync(path.join(root, ATTEST_FILE), { force: true });
      const taken = new Map<string, Buffer>();
      for (const name of envelopeNames(at(ATTEST_DIR))) {
        const file = at(name);
        try {
          taken.set(name, readRegularFile(file, MAX_JSON_INPUT_BYTES));
        } catch {
          // Unreadable, or not a file (a FIFO would block): nothing to attach again, removed all the same.
        }
        rmSync(file, { force: true, recursive: true });
      }
      return taken;
    },
  };
}

/**
 * The envelope files in DIR (attest/), by their names relative to the result directory; none
 * through a link (never read, nor removed, where it points: the stage's writes refuse it).
 */
function envelopeNames(dir: string): string[] {
  try {
    if (!isOwnDir(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith('.dsse.json'))
      .map((n) => path.join(ATTEST_DIR, n));
  } catch {
    return []; // no attest/ yet
  }
}
