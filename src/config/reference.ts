// Render the config reference (key, type, default, description) from the zod schema itself, so the
// docs/configuration.md can never drift from the defaults in schema.ts. A unit test compares the generated block.
import { z } from 'zod';
import { ConfigFileSchema } from './schema.js';

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

interface Unwrapped {
  schema: z.ZodType;
  defaultValue?: unknown;
  optional: boolean;
  description?: string;
}

function unwrap(s: z.ZodType): Unwrapped {
  let cur = s;
  let defaultValue: unknown;
  let optional = false;
  let description = s.description;
  for (;;) {
    description ??= cur.description;
    if (cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault) {
      defaultValue ??= (cur._zod.def as { defaultValue: unknown }).defaultValue;
      cur = cur.unwrap() as z.ZodType;
    } else if (cur instanceof z.ZodOptional) {
      optional = true;
      cur = cur.unwrap() as z.ZodType;
    } else if (cur instanceof z.ZodPipe) {
      cur = cur.out as z.ZodType;
    } else break;
  }
  return { schema: cur, defaultValue, optional, ...(description !== undefined && { description }) };
}

function typeName(s: z.ZodType): string {
  const { schema } = unwrap(s);
  if (schema instanceof z.ZodURL) return 'URL';
  if (schema instanceof z.ZodString) return 'string';
  if (schema instanceof z.ZodNumber) return 'integer';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodEnum) return schema.options.map((o) => `\`${String(o)}\``).join(' \\| ');
  if (schema instanceof z.ZodArray) return `list of ${typeName(schema.element as z.ZodType)}`;
  if (schema instanceof z.ZodRecord) return `map of ${typeName(schema.valueType as z.ZodType)}`;
  if (schema instanceof z.ZodObject) return 'mapping';
  if (schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).map((o) => typeName(o)).join(' or ');
  return 'value';
}

function formatDefault(u: Unwrapped): string {
  if (u.defaultValue === undefined) return u.optional ? '—' : '**required**';
  const v = typeof u.defaultValue === 'function' ? (u.defaultValue as () => unknown)() : u.defaultValue;
  if (u.schema instanceof z.ZodObject) return '—'; // a section: its fields carry the defaults
  return `\`${JSON.stringify(v)}\``;
}

/** A field's own words for its row (`.meta({docType, docDefault})`): a shorthand the schema hides. */
function docOverride(s: z.ZodType): { docType?: string; docDefault?: string } {
  const meta = z.globalRegistry.get(s) as { docType?: unknown; docDefault?: unknown } | undefined;
  return {
    ...(typeof meta?.docType === 'string' && { docType: meta.docType }),
    ...(typeof meta?.docDefault === 'string' && { docDefault: meta.docDefault }),
  };
}

function collect(schema: z.ZodObject, prefix: string, rows: Row[]): void {
  for (const [key, field] of Object.entries(schema.shape)) {
    const u = unwrap(field as z.ZodType);
    const path = prefix ? `${prefix}.${key}` : key;
    const own = docOverride(field as z.ZodType);
    rows.push({
      key: path,
      type: own.docType ?? typeName(field as z.ZodType),
      default: own.docDefault ?? formatDefault(u),
      description: u.description ?? '',
    });
    if (u.schema instanceof z.ZodObject) collect(u.schema, path, rows);
    if (u.schema instanceof z.ZodArray) {
      const el = unwrap(u.schema.element as z.ZodType);
      if (el.schema instanceof z.ZodObject) collect(el.schema, `${path}[]`, rows);
    }
  }
}

function configReferenceRows(): Row[] {
  const rows: Row[] = [];
  collect(ConfigFileSchema, '', rows);
  return rows;
}

export function renderConfigReference(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| key | type | default | description |', '| --- | --- | --- | --- |'];
  for (const r of configReferenceRows()) {
    lines.push(`| \`${r.key}\` | ${r.type} | ${r.default} | ${esc(r.description)} |`);
  }
  return `${lines.join('\n')}\n`;
}
