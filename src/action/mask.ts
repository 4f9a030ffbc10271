// What the action masks in the job's log (core.setSecret through ActionIo): the `secrets` input
// before it is parsed, and the values the parsed inputs and the config name. One threshold for all.
import { secretFileText } from '../build/input-secrets.js';
import type { BuildInputOptions } from '../build/bpa-lists.js';
import type { ActionIo } from './io.js';

/**
 * The shortest value masked. A runner replaces a masked value wherever it appears in later log
 * lines: "1" or "on" would mangle every line and show where the value is. One threshold for every
 * value the action masks (the secrets input, the variables build.secrets and secret-envs name).
 */
export const MIN_MASKED_CHARS = 4;

/** Quotes and "=" (a CSV quote, the padding of base64) do not count toward the length. */
const maskable = (v: string) => v.replace(/["=]/g, '').trim().length >= MIN_MASKED_CHARS;

/** Mask V for the rest of the job; one too short to mask is left unmasked, with a warning naming WHAT. */
function maskValue(io: ActionIo, v: string | undefined, what: string): void {
  if (v === undefined || v.replace(/["=]/g, '').trim() === '') return;
  if (maskable(v)) io.setSecret?.(v);
  else
    io.warning(
      `${what} is shorter than ${MIN_MASKED_CHARS} characters: too short to mask in the log (a mask that short would replace that text in every line), so it is not masked; use a real secret there`,
      { title: 'ml-image secrets' },
    );
}

/**
 * The `secrets` input, line by line, masked before it is parsed: each line and the value of each
 * ID=VALUE line, a CSV quote around it left out. A line of a multi-line value is then masked even when
 * the value was not quoted (and the input is refused), and wherever a runner prints it line by line.
 * A part shorter than MIN_MASKED_CHARS is not (the whole ID=VALUE line still is); the parsed value
 * is warned about later (parseActionInputs).
 */
export function maskSecretsInput(io: ActionIo, raw: string): void {
  const masks = new Set<string>();
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    const unquoted = trimmed.replace(/^"/, '').replace(/"$/, '').trim();
    const at = unquoted.indexOf('=');
    for (const m of [trimmed, unquoted, at > 0 ? unquoted.slice(at + 1).trim() : ''])
      // A lone quote (the end of a quoted value) or "=" (of `AbCd12==`, the end of a base64 text)
      // is no secret: masking it would mangle every log line.
      if (maskable(m)) masks.add(m);
  }
  for (const m of masks) io.setSecret?.(m);
}

/**
 * The build's secret values, masked in every later log line (a runner masks only values from its
 * secrets context): each `secrets` input value; the values build.secrets (NAMES) and secret-envs
 * name, from the environment (often a step's own export; pip prints a URL's ?sig=${SAS}); and each
 * secret-files file's text, read as the build stage reads it for its own mask (a file too big,
 * binary or unreadable is left unread).
 */
export function maskBuildSecrets(io: ActionIo, names: readonly string[], options: BuildInputOptions): void {
  for (const [id, v] of Object.entries(options.secrets ?? {}))
    maskValue(io, v, `input "secrets": the value of ${id}`);
  for (const name of names) maskValue(io, io.env[name], `build.secrets: ${name}'s value`);
  for (const [id, name] of Object.entries(options.secretEnvs ?? {}))
    maskValue(io, io.env[name], `input "secret-envs": ${id}=${name}: ${name}'s value`);
  for (const [id, file] of Object.entries(options.secretFiles ?? {}))
    maskFileText(io, secretFileText(file), `input "secret-files": ${id}'s text`);
}

/**
 * A file's TEXT masked line by line, each trimmed line of MIN_MASKED_CHARS or more (as the build
 * stage's own mask, valueMasks): a runner registers each line of a masked value as a secret of its
 * own, with no minimum, so the `{` and `}` lines of a JSON key would mask every brace in the job's
 * log. A text with no such line is warned about as too short (maskValue).
 */
function maskFileText(io: ActionIo, text: string | undefined, what: string): void {
  if (text === undefined) return;
  const lines = new Set(
    text
      .split(/\r\n|[\r\n]/)
      .map((l) => l.trim())
      .filter(maskable),
  );
  if (lines.size === 0) return maskValue(io, text, what);
  for (const line of lines) io.setSecret?.(line);
}
