// Read env.json / smoke.json written by this or an OLDER version of the tool: the base branch's
// records predate this PR. Migrations are a table (version -> step to the next version), so a new
// schema version is one more entry; a record newer than this tool knows is refused (exit 2).
import type { z } from 'zod';
import {
  CREATED_LABEL,
  ENV_RECORD_SCHEMA_VERSION,
  type EnvRecord,
  EnvRecordSchema,
  VARIANT_LABEL,
} from '../capture/record.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { safeParseInput } from '../util/parse-input.js';
import { SMOKE_RESULT_SCHEMA_VERSION, type SmokeResult, SmokeResultSchema } from '../smoke/result.js';
import { redactDeep, redactEnvMap, redactLabels } from '../util/redact.js';
import { redactInstruction } from '../util/redact-instruction.js';

type Json = Record<string, unknown>;
/** Turns a record of version N into one of version N + 1 (the input is a parsed, unchecked object). */
type Migration = (record: Json) => Json;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const ENV_RECORD_MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v1 -> v2: image.variant and image.created, from the labels the build sets (src/plan/tags.ts).
  1: (r) => {
    if (!isObject(r.image)) return { ...r, schemaVersion: 2 };
    const labels = isObject(r.image.labels) ? r.image.labels : {};
    const label = (k: string) => (typeof labels[k] === 'string' ? labels[k] : null);
    return {
      ...r,
      schemaVersion: 2,
      image: { ...r.image, variant: label(VARIANT_LABEL), created: label(CREATED_LABEL) },
    };
  },
};

const SMOKE_RESULT_MIGRATIONS: Readonly<Record<number, Migration>> = {};

interface Kind<T> {
  what: string;
  current: number;
  migrations: Readonly<Record<number, Migration>>;
  schema: z.ZodType<T>;
  /** Top-level keys every version of this kind has (the other kinds lack some of them). */
  keys: readonly string[];
  /** Other kinds of file, by their keys: given in its place, one is named as what it is. */
  others: readonly { what: string; keys: readonly string[] }[];
}

const ENV_RECORD = 'environment record (env.json)';
const SMOKE_RESULT = 'smoke result (smoke.json)';
const ENV_KEYS = ['image', 'python', 'apt', 'capture'];
const SMOKE_KEYS = ['tests', 'summary'];
/**
 * The other JSON files a run, resolve and sbom write beside the records (plan.json,
 * resolution.json, the SBOM in either format): easily given for a record, and named as what they
 * are rather than as a record of twelve problems.
 */
const WRITTEN_BESIDE = [
  { what: 'plan (plan.json)', keys: ['repository', 'variants', 'targets'] },
  { what: 'resolution (resolution.json)', keys: ['naive', 'constraints', 'resolved'] },
  { what: 'CycloneDX SBOM', keys: ['bomFormat'] },
  { what: 'SPDX SBOM', keys: ['spdxVersion'] },
];
// An acronym spoken letter by letter takes "an" where its first letter's name starts with a vowel.
const aOrAn = (what: string) => `${/^(?:[aeiou]|[FHLMNRSX][A-Z])/.test(what) ? 'an' : 'a'} ${what}`;
const hasKeys = (json: Json, keys: readonly string[]) => keys.every((k) => k in json);

const MAX_ISSUES = 8;

function read<T>(json: unknown, source: string, kind: Kind<T>): T {
  if (!isObject(json)) {
    throw new InputError(
      `${source}: not ${aOrAn(kind.what)} (expected a JSON object, got ${describe(json)})`,
    );
  }
  // Before the version: another kind of file (each has its own versions, or none) is named as what
  // it is, not as one of a version newer than this tool reads.
  const other = hasKeys(json, kind.keys) ? undefined : kind.others.find((o) => hasKeys(json, o.keys));
  if (other !== undefined)
    throw new InputError(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(other.what)}`);
  const version = json.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InputError(
      `${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${aOrAn(kind.what)}?)`,
    );
  }
  if (version > kind.current) {
    throw new InputError(
      `${source}: schemaVersion ${version} is newer than this version of ml-image reads (up to ${kind.current})`,
      'update ml-image-action (the record was written by a newer release)',
    );
  }
  let record: Json = json;
  for (let v = version; v < kind.current; v++) {
    const step = kind.migrations[v];
    if (!step)
      throw new InputError(`${source}: schemaVersion ${v} is no longer readable (no migration to ${v + 1})`);
    record = step(record);
  }
  const parsed = safeParseInput(kind.schema, record, source);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const lines = formatIssues(parsed.error, record, kind.schema)
    .slice(0, MAX_ISSUES)
    .map((line) => `  - ${line}`);
  if (issues.length > MAX_ISSUES) lines.push(`  - ... and ${issues.length - MAX_ISSUES} more`);
  throw new InputError(
    `${source}: not a valid ${kind.what} (schemaVersion ${version}): ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`,
  );
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

/**
 * Every record is read through this: the report's diff, the SBOM, smoke reuse, attest. Its base
 * branch's copy may have been written before a redaction rule was widened (PASS, PAT and CREDS as
 * secret names came later), so the fields masked by name are masked again with today's rules
 * (maskedAgain).
 */
export function readEnvRecord(json: unknown, source: string): EnvRecord {
  return maskedAgain(readRecordAsIs(json, source));
}

/**
 * A record with its name-keyed fields masked by today's rules, as capture masks them now: the
 * image's and the probe's environment (redactEnvValue), the labels (by key, then by shape) and the
 * history's instructions (redactInstruction). Idempotent: a value masked by an older rule or by
 * this one comes back as [redacted], so two records that hold the same value compare equal.
 */
function maskedAgain(r: EnvRecord): EnvRecord {
  const { history } = r.image;
  return {
    ...r,
    image: {
      ...r.image,
      env: redactEnvMap(r.image.env),
      labels: redactDeep(redactLabels(r.image.labels)),
      ...(history && { history: history.map((l) => ({ ...l, createdBy: redactInstruction(l.createdBy) })) }),
    },
    env: redactEnvMap(r.env),
  };
}

function readRecordAsIs(json: unknown, source: string): EnvRecord {
  return read(json, source, {
    what: ENV_RECORD,
    current: ENV_RECORD_SCHEMA_VERSION,
    migrations: ENV_RECORD_MIGRATIONS,
    schema: EnvRecordSchema,
    keys: ENV_KEYS,
    others: [{ what: SMOKE_RESULT, keys: SMOKE_KEYS }, ...WRITTEN_BESIDE],
  });
}

export function readSmokeResult(json: unknown, source: string): SmokeResult {
  return read(json, source, {
    what: SMOKE_RESULT,
    current: SMOKE_RESULT_SCHEMA_VERSION,
    migrations: SMOKE_RESULT_MIGRATIONS,
    schema: SmokeResultSchema,
    keys: SMOKE_KEYS,
    others: [{ what: ENV_RECORD, keys: ENV_KEYS }, ...WRITTEN_BESIDE],
  });
}

/** JSON text to a value; the error names the file. */
export { parseJsonText } from '../util/json-file.js';
