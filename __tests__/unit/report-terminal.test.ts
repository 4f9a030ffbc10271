// The report as the CLI prints it on a terminal: the comment's Markdown read back into plain text.
// Golden files for two real renderings (one variant, a two-variant run); no HTML entity or tag in
// any rendering of the report fixtures; tables aligned by display width; colour only when asked.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { md } from '../../src/report/escape.js';
import { displayWidth, toTerminal, wantsColor } from '../../src/report/render/terminal.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderReport } from '../../src/report/render.js';
import { numpyUpgrade } from '../helpers/report-scenarios.js';
import { isCi, REPO_ROOT } from '../helpers/docker-env.js';

const FIXTURES = path.join(REPO_ROOT, '__tests__/fixtures/report');
const reports = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));

function golden(name: string, actual: string) {
  const file = path.join(FIXTURES, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    // In CI a missing golden file is a failure, never a new file that the run then agrees with.
    if (isCi() && !existsSync(file)) throw new Error(`missing golden file ${file}`);
    writeFileSync(file, actual);
  }
  expect(actual, `${name} (regenerate with UPDATE_GOLDEN=1)`).toBe(readFileSync(file, 'utf8'));
}

describe('the terminal rendering of the report', () => {
  it.each(['numpy-1-to-2', 'run-two-variants', 'run-sample'])('%s matches its golden file', (name) => {
    golden(
      `${name}.term.txt`,
      toTerminal(readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8'), { color: false }),
    );
  });

  it.each(reports)('%s: no HTML entity, tag, comment or Markdown escape is left', (file) => {
    const text = toTerminal(readFileSync(path.join(FIXTURES, file), 'utf8'), { color: false });
    expect(text).not.toMatch(/&#\d+;|&[a-z]+;|<\/?(details|summary|br|blockquote)\b|<!--|\\[|*_$]/);
    expect(text).not.toContain('\u2060');
    expect(text).not.toContain('\x1b');
  });

  it('reads entities and escapes back: the text the renderer escaped', () => {
    expect(toTerminal('Debian GNU/Linux 12 &#40;bookworm&#41; \\*x\\* a&#124;b', { color: false })).toBe(
      'Debian GNU/Linux 12 (bookworm) *x* a|b\n',
    );
  });

  it.each([
    ['$$x^{2}$$', '$$x^{2}$$\n'],
    ['$ORIGIN/lib:$ORIGIN', '$ORIGIN/lib:$ORIGIN\n'],
    ['a\\$b', 'a\\$b\n'],
  ])('reads md(%j) back as it was', (raw, want) => {
    expect(toTerminal(md(raw), { color: false })).toBe(want);
  });

  it('aligns table columns by display width (emoji take two columns)', () => {
    const md = '|  | main | Change |\n|---|---|---|\n| NumPy | 1.26.4 | ⬆️ major |\n| ✅ ok | 2 | ±0 |\n';
    expect(toTerminal(md, { color: false })).toBe(
      [
        '       main    Change',
        '─────  ──────  ────────',
        'NumPy  1.26.4  ⬆️ major',
        '✅ ok  2       ±0',
        '',
      ].join('\n'),
    );
  });

  it('sections, headings, links and lists as text', () => {
    const md =
      '### 🐳 report\n<details><summary>pip: 1 upgraded</summary>\n\n- **cpu**: [run](https://x.example/1)\n\n</details>\n';
    expect(toTerminal(md, { color: false })).toBe(
      '🐳 report\n' +
        '═'.repeat(displayWidth('🐳 report')) +
        '\n▸ pip: 1 upgraded\n\n• cpu: run <https://x.example/1>\n',
    );
  });

  it('prints a keyless verify command of the supply chain verbatim (an indented fence is code)', () => {
    const ref = `ghcr.io/acme/model@sha256:${'1'.repeat(64)}`;
    const cmd =
      "cosign verify-attestation --type cyclonedx --certificate-identity-regexp '^https://github\\.com/acme/model/\\.github/workflows/' " +
      `--certificate-oidc-issuer https://token.actions.githubusercontent.com ${ref}`;
    const { markdown } = renderReport(
      buildReportModel({
        ...numpyUpgrade(),
        supplyChain: {
          signing: 'keyless',
          targets: [
            {
              platform: 'linux/amd64',
              ref,
              signed: true,
              attestations: [{ kind: 'sbom', attached: true, verify: cmd }],
              notes: [],
            },
          ],
        },
      }),
      { maxChars: 65_536 },
    );
    expect(markdown).toContain(`  \`\`\`sh\n  ${cmd}\n  \`\`\``);
    const text = toTerminal(markdown, { color: false });
    expect(text).toContain(`\n    ${cmd}\n`);
    expect(text).toContain('github\\.com');
    expect(text).not.toMatch(/^\s*`*sh$|^\s*`+$/m);
  });

  it.each([
    ['no indent', '```sh\na\\.b `x` **y**\n```\n', '    a\\.b `x` **y**\n'],
    ['three spaces', '   ```\n   a\\.b\n     c\n   ```\n', '    a\\.b\n      c\n'],
    ['a list item', '- item\n  ```sh\n  a\\.b\n  ```\n', '• item\n    a\\.b\n'],
    ['tildes, a longer closing fence', '~~~\n```\na\\.b\n~~~~\n', '    ```\n    a\\.b\n'],
  ])('a fenced code block (%s) keeps its text', (_name, markdown, want) => {
    expect(toTerminal(markdown, { color: false })).toBe(want);
  });

  it('bold only with colour', () => {
    expect(toTerminal('**x**', { color: true })).toBe('\x1b[1mx\x1b[22m\n');
    expect(toTerminal('**x**', { color: false })).toBe('x\n');
  });

  it.each([
    ['abc', 3],
    ['✅', 2],
    ['⚠️', 2],
    ['⬆️ major', 8],
    ['±0', 2],
    ['日本', 4],
    ['e\u0301', 1],
    ['\x1b[1mab\x1b[22m', 2],
  ])('displayWidth(%j) = %d', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });

  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
  ])('colour on a TTY %s with %j: %s', (tty, env, expected) => {
    expect(wantsColor(tty, env)).toBe(expected);
  });
});
