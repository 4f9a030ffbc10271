// A minimal ustar writer: enough to hand a few small files to a container through the engine's
// archive API (`putArchive`), so file contents never travel on a command line (E2BIG, and secrets
// visible in `ps`/exec inspect). Pure.

export interface TarEntry {
  /** Relative path inside the archive ("dir/" for a directory). At most 100 bytes. */
  name: string;
  /** File content; omit for a directory. */
  content?: string | Buffer;
  mode: number;
  /** The owner's numeric ids the engine gives the entry (default 0: root). */
  uid?: number;
  gid?: number;
}

function octal(value: number, width: number): string {
  // width includes the terminating NUL
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(
  name: string,
  size: number,
  mode: number,
  type: '0' | '5',
  owner: { uid?: number | undefined; gid?: number | undefined } = {},
): Buffer {
  const h = Buffer.alloc(512, 0);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar: name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(mode & 0o7777, 8), 100, 'ascii');
  h.write(octal(owner.uid ?? 0, 8), 108, 'ascii'); // uid
  h.write(octal(owner.gid ?? 0, 8), 116, 'ascii'); // gid
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii'); // mtime
  h.write('        ', 148, 'ascii'); // checksum placeholder
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** A ustar archive of the entries, in order (put a directory before its files). */
export function tarArchive(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    if (e.content === undefined) {
      parts.push(header(e.name.endsWith('/') ? e.name : `${e.name}/`, 0, e.mode, '5', e));
      continue;
    }
    const data = typeof e.content === 'string' ? Buffer.from(e.content, 'utf8') : e.content;
    parts.push(header(e.name, data.length, e.mode, '0', e), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}
