// One index, one meaning. JSON.parse reads keys exactly; Go's encoding/json (containerd, Docker, the
// registry) also takes a key that differs only in case (and `ſ` for s, the Kelvin sign for k), the
// later one winning. An index holding `"Digest"` beside `"digest"`, `"Manifests"` beside
// `"manifests"` or `"Platform"` beside `"platform"` would name one image to this tool's checks and
// another to a runtime that pulls it. Unknown keys are ignored as the OCI image spec asks; a key that
// a Go reader would take for a known one is refused. So is a key given twice in one object: JSON.parse
// keeps the last value, Go decodes the second into the first (fields the second leaves out keep the
// first's: a "platform" given twice is linux/arm/v6 to a runtime and linux/arm to JSON.parse).
import { CheckFailedError } from '../errors.js';
import { isJsonObject } from '../util/json-file.js';

/** The OCI fields of an index (and manifest), of a descriptor, and of a platform. */
const INDEX_KEYS = [
  'schemaVersion',
  'mediaType',
  'artifactType',
  'manifests',
  'config',
  'layers',
  'subject',
  'annotations',
];
const DESCRIPTOR_KEYS = [
  'mediaType',
  'digest',
  'size',
  'urls',
  'annotations',
  'data',
  'artifactType',
  'platform',
];
const PLATFORM_KEYS = ['architecture', 'os', 'os.version', 'os.features', 'variant', 'features'];

/** Case folded as Go's strings.EqualFold compares ASCII names: `ſ` is s, the Kelvin sign is k. */
const fold = (key: string) => key.toUpperCase().toLowerCase();

const folded = (keys: readonly string[]) => new Map(keys.map((k) => [fold(k), k]));
const INDEX = folded(INDEX_KEYS);
const DESCRIPTOR = folded(DESCRIPTOR_KEYS);
const PLATFORM = folded(PLATFORM_KEYS);

/** The first key of OBJ that is not a field of KNOWN but that a Go reader would take for one. */
function readAsAnother(obj: Record<string, unknown>, known: ReadonlyMap<string, string>): string | undefined {
  for (const key of Object.keys(obj)) {
    const field = known.get(fold(key));
    if (field !== undefined && field !== key) return `"${key}" (read as "${field}")`;
  }
  return undefined;
}

/**
 * Throws CheckFailedError (exit 1) when DOC (a parsed index or manifest) holds a key, in itself, a
 * descriptor (its manifests, config, layers, subject) or a platform, that Go's JSON reading would
 * take for another field than this tool does. WHAT names the document in the message.
 */
export function checkIndexKeys(doc: unknown, what: string): void {
  if (!isJsonObject(doc)) return;
  const descriptors = [
    ...(Array.isArray(doc.manifests) ? doc.manifests : []),
    ...(Array.isArray(doc.layers) ? doc.layers : []),
    doc.config,
    doc.subject,
  ].filter(isJsonObject);
  const found =
    readAsAnother(doc, INDEX) ??
    descriptors.map((d) => readAsAnother(d, DESCRIPTOR)).find((k) => k !== undefined) ??
    descriptors
      .map((d) => (isJsonObject(d.platform) ? readAsAnother(d.platform, PLATFORM) : undefined))
      .find((k) => k !== undefined);
  if (found !== undefined)
    throw new CheckFailedError(
      `${what} holds the key ${found}: a runtime reads keys regardless of case and may pull another image than the one checked`,
      'push the image again with a tool that writes OCI field names as the spec spells them (buildx, crane, cosign do)',
    );
}

/**
 * The first key that TEXT (valid JSON) gives twice in one object, as JSON reads it (escapes decoded);
 * undefined when none is.
 */
export function repeatedKey(text: string): string | undefined {
  // Per open object its keys; null for an array.
  const open: (Set<string> | null)[] = [];
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = open.at(-1);
      if (keyNext && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      keyNext = false;
      i = end;
    } else if (c === '{') {
      open.push(new Set());
      keyNext = true;
    } else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') open.pop();
    else if (c === ',') keyNext = open.at(-1) !== null;
  }
  return undefined;
}

/** Throws CheckFailedError (exit 1) when RAW gives a key twice in one object (repeatedKey). */
export function checkKeysOnce(raw: string, what: string): void {
  const key = repeatedKey(raw);
  if (key !== undefined)
    throw new CheckFailedError(
      `${what} gives the key ${JSON.stringify(key)} twice in one object: a runtime's JSON reading merges the two values, and may pull another image than the one checked`,
      'push the image again with a tool that writes each key once (buildx, crane, cosign do)',
    );
}
