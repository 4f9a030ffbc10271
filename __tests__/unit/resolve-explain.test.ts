// explanation.md (src/resolve/explain.ts) holds text from the image, the requirements and pip: read
// back with a Markdown lexer (marked), pip's lines stay one code block whatever they hold, and
// every other value is plain text on one line (read in a terminal first: no entities, no escapes).
import { type Token, type Tokens, lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderExplanation } from '../../src/resolve/explain.js';
import { RESOLUTION_SCHEMA_VERSION, type Resolution } from '../../src/resolve/result.js';
import { codeFence } from '../../src/util/markdown.js';

function resolution(over: Partial<Resolution> = {}): Resolution {
  return {
    schemaVersion: RESOLUTION_SCHEMA_VERSION,
    image: 'base:1',
    platform: 'linux/amd64',
    mode: 'auto',
    status: 'conflict',
    python: '3.11.2',
    naive: { install: [], replaces: [] },
    hazards: [],
    constraints: { pinned: 4, skipped: [] },
    durationMs: 1,
    ...over,
  };
}

const conflict = (causes: string[]) => resolution({ conflict: { causes, chain: ['x'], options: ['y'] } });

/** Every token of the document, nested ones included. */
function tokens(markdown: string): Token[] {
  const all: Token[] = [];
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      all.push(t);
      const kids = [...(('tokens' in t && t.tokens) || []), ...(('items' in t && t.items) || [])];
      walk(kids as Token[]);
    }
  };
  walk(lexer(markdown));
  return all;
}

describe("pip's lines in explanation.md", () => {
  it.each([
    ['no backticks', ['ERROR: Cannot install numpy==2.1 because these package versions conflict']],
    ['a line that is a fence', ['```', '# not a heading', '```']],
    ['a longer fence', ['````', '<img src=x onerror=alert(1)>']],
    ['backticks mid-line', ['use `pip install` or ``` here', '`````']],
    ['an indented fence', ['   ```', '[x](https://evil.example)']],
  ])('%s: one code block holding exactly those lines', (_name, causes) => {
    const md = renderExplanation(conflict(causes));
    const code = tokens(md).filter((t): t is Tokens.Code => t.type === 'code');
    expect(code.map((t) => t.text)).toEqual([causes.join('\n')]);
    // Nothing of theirs became markup after the block.
    expect(tokens(md).filter((t) => t.type === 'html' || t.type === 'link')).toEqual([]);
    expect(md).toContain('\nOptions:\n');
  });

  it.each([
    [['a'], '```'],
    [['``` x'], '````'],
    [['x', '``````'], '```````'],
  ])('codeFence(%j) opens and closes with %s', (lines, fence) => {
    expect(codeFence(lines)).toBe(`${fence}\n${lines.join('\n')}\n${fence}`);
  });

  it('drops control characters (a terminal escape in pip output)', () => {
    expect(codeFence(['\x1b[31mERROR\x1b[0m'])).toBe('```\n[31mERROR[0m\n```');
  });
});

describe('prose in explanation.md: plain text, one line each', () => {
  const moved = (m: Partial<{ naive: string; resolved: string; reason: string }>) =>
    resolution({
      status: 'fixed',
      resolved: {
        install: [],
        moved: [{ name: 'pkg', naive: '1.0', resolved: '0.9', reason: 'fits', ...m }],
        relaxed: [],
      },
    });
  it.each([
    // Read in a terminal first: specifiers as pip writes them, not HTML entities.
    [
      'reason',
      moved({ reason: 'needs numpy<2 (opencv>=4.10 wants numpy>=2)' }),
      ': needs numpy<2 (opencv>=4.10 wants numpy>=2)\n',
    ],
    // A terminal escape is dropped; a line break cannot start a heading or a block of its own.
    ['reason', moved({ reason: '\x1b[2J\x1b[31mred\x1b[0m' }), ': [2J[31mred[0m\n'],
    ['naive', moved({ naive: '1.0\n\n# heading' }), 'pkg` 1.0 # heading -> 0.9'],
    [
      'chain',
      resolution({ conflict: { causes: [], chain: ['a\r\n---\n```'], options: ['y'] } }),
      '- a --- ```\n',
    ],
    ['platform', resolution({ platform: 'linux/amd64\n# x' }), '### Dependency resolution (linux/amd64 # x)'],
    ['python', resolution({ python: '3.11\u202e2' }), 'Python 3.11\ufffd2;'],
  ])('%s: %#', (_field, r, want) => {
    const md = renderExplanation(r);
    expect(md).toContain(want);
    expect(md).not.toContain('\x1b');
    // The only heading is our own.
    const headings = tokens(md).filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings).toHaveLength(1);
    expect(headings[0]!.raw.startsWith('### Dependency resolution (')).toBe(true);
  });

  it('a value in a code span cannot end it or the paragraph', () => {
    const md = renderExplanation(resolution({ image: 'base`x\n\n# heading' }));
    expect(md).toContain("Base image `base'x # heading`: Python");
    const headings = tokens(md).filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.map((t) => t.text)).toEqual(['Dependency resolution (linux/amd64)']);
  });
});
