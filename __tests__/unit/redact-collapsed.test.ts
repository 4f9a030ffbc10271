// A URL given where a path was expected (--config, --record, --from, --results) comes back in the
// error naming the resolved path, its `//` made one: its password was shown (audit).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { maskCollapsedUserinfos } from '../../src/util/redact-collapsed.js';
import { redactMessage, redactText } from '../../src/util/redact.js';
import { captureIo } from '../helpers/fakes.js';

describe('maskCollapsedUserinfos', () => {
  it.each([
    ['/work/https:/user:hunter2pass@host/x.yml', '/work/https:/M@host/x.yml'],
    ['no such file: /a/git+https:/tok3nvalue@h/r', 'no such file: /a/git+https:/M@h/r'],
    ['two: /a/http:/u:p@h /b/https:/v:q@g/', 'two: /a/http:/M@h /b/https:/M@g/'],
    // A password holding '@': to the last one before the path (review: '@2pass' was left).
    ['/a/https:/user:hunter@2pass@host/x.yml', '/a/https:/M@host/x.yml'],
    // A scheme as long as redactUrls reads one (31 characters), no longer.
    [`/a/${'s'.repeat(31)}:/u:p@h/`, `/a/${'s'.repeat(31)}:/M@h/`],
    [`/a/${'s'.repeat(40)}:/u:p@h/`, `/a/${'s'.repeat(40)}:/u:p@h/`],
    // Kept: a URL as written (redactUrls' part), a mask, an image reference, a Windows path.
    ['https://user:pw@host/x', 'https://user:pw@host/x'],
    ['/a/https:/***@host/x', '/a/https:/***@host/x'],
    ['localhost:5000/acme/m@sha256:abc', 'localhost:5000/acme/m@sha256:abc'],
    ['C:/Users/me@corp', 'C:/Users/me@corp'],
    ['user@example.com: done', 'user@example.com: done'],
  ])('%s -> %s', (text, want) => {
    expect(maskCollapsedUserinfos(text, 'M', ['***'])).toBe(want);
  });

  it("error messages (redactMessage) mask it; content (redactText: a record's, an SBOM's) is kept", () => {
    expect(redactMessage('config file not found: /tmp/x/https:/user:hunter2pass@host/x.yml')).toBe(
      'config file not found: /tmp/x/https:/[redacted]@host/x.yml',
    );
    for (const content of ['pkg @ git+file:/src@v1.2#egg=pkg', 'spack:/zlib@1.2.13', 'PATH=/opt/bin:/root@x'])
      expect(redactText(content)).toBe(content);
  });
});

describe('the CLI names such a path without its password', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-collapsed-'));
    writeFileSync(path.join(dir, 'ml-image.yml'), 'image: {name: acme/m}\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['validate', '--config', 'https://user:hunter2pass@host/x.yml']],
    [['sbom', '--record', 'https://user:hunter2pass@host/env.json']],
    [['report', '--results', 'https://user:hunter2pass@host/r', '--json']],
  ])('%j', async (argv) => {
    const io = captureIo(dir);
    const code = await runCli(argv, io);
    expect(code, io.err()).toBe(2);
    expect(io.err()).toMatch(/https:\/\S*@host/);
    expect(`${io.err()}${io.out()}`).not.toContain('hunter2pass');
  });
});
