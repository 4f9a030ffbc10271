// The record's capture time as the SBOM's timestamp (sbom.ts): read as UTC where it names no
// offset, whatever the zone of the machine that makes the SBOM, and only as RFC 3339 writes it. Pure.

/** An ISO 8601 date, or date and time (a space for the T as Python prints it), maybe with an offset. */
const CAPTURE_TIME = /^(\d{4}-\d\d-\d\d)(?:[Tt ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)([Zz]|[+-]\d\d:\d\d)?)?$/;

/**
 * The record's capture time with an offset, or undefined when it is no ISO 8601 date and time.
 * Capture writes UTC ("...Z"); a date and time without an offset (a record made by hand or by
 * another tool, "2026-01-05 10:05:00" as Python prints one) is read as UTC too, not in the zone
 * of the machine that makes the SBOM: the same record, the same bytes anywhere. Other text Date
 * would read ("5 Jan 2026") it reads in that zone: none.
 */
export function utcCaptureTime(text: string): string | undefined {
  const m = CAPTURE_TIME.exec(text);
  if (!m) return undefined;
  const [, date, time, offset] = m;
  return time === undefined ? date : `${date}T${time}${offset?.toUpperCase() ?? 'Z'}`;
}

/** The record's capture time as the SBOM's timestamp: RFC 3339's date-time, a four-digit year. */
export function captureTimestamp(text: string): Date | undefined {
  const iso = utcCaptureTime(text);
  const time = iso === undefined ? undefined : new Date(iso);
  // An offset can carry 9999-12-31 into a year CycloneDX's date-time cannot write (+010000).
  return time && !Number.isNaN(time.getTime()) && /^\d{4}-/.test(time.toISOString()) ? time : undefined;
}
