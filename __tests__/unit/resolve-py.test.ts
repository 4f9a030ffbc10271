// Python that ships inside the bundle: each .py file is the source, a generated TypeScript module
// carries it as text (dist/ reads no files at run time), and both must agree. UPDATE_DOCS=1
// rewrites the generated modules. Ruff (its WebAssembly build, in-process) lints every .py file
// the project runs in containers. Compiling them (python3 -m py_compile) is an integration test:
// __tests__/integration/python-helpers.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Each bundled Python file, its generated module and the constant that module exports. */
const BUNDLED = [
  {
    py: 'src/resolve/py/ml_image_resolve.py',
    ts: 'src/resolve/py/helper.generated.ts',
    constant: 'HELPER_PY',
    what: "The resolver's Python helper",
  },
  {
    py: 'src/python/py/ml_image_pip.py',
    ts: 'src/python/py/pip.generated.ts',
    constant: 'PIP_PY',
    what: 'pip with its index URLs kept off command lines (the resolver and the build)',
  },
] as const;

const FIX = 'UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts';

/** A template literal's body that reads back as exactly `text`. */
const templateBody = (text: string) => text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');

function generatedModule(b: (typeof BUNDLED)[number], py: string): string {
  return [
    `// GENERATED from ${path.basename(b.py)}: edit that file, then run ${FIX}`,
    `// ${b.what} as text, so that the bundle (dist/) carries it without reading files at run time.`,
    `export const ${b.constant} = \`${templateBody(py)}\`;`,
    '',
  ].join('\n');
}

describe('bundled Python files', () => {
  it.each([
    ['plain', 'plain'],
    ['a `tick` and ${x}', 'a \\`tick\\` and \\${x}'],
    ['"\\n".join(out)', '"\\\\n".join(out)'],
    ['$ {} and $x stay', '$ {} and $x stay'],
  ])('templateBody(%j) is %j', (text, body) => {
    expect(templateBody(text)).toBe(body);
    // The body, put back between backticks, reads as the text again.
    expect(new Function(`return \`${body}\`;`)()).toBe(text);
  });

  it.each(BUNDLED.map((b) => [b.ts, b] as const))(
    '%s matches its .py file (fix: see the header)',
    async (ts, b) => {
      const py = readFileSync(path.join(REPO_ROOT, b.py), 'utf8');
      const file = path.join(REPO_ROOT, ts);
      const expected = generatedModule(b, py);
      let text = '';
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // written below when updating
      }
      if (process.env.UPDATE_DOCS === '1' && expected !== text) writeFileSync(file, expected);
      else expect(text, `fix: ${FIX}`).toBe(expected);
      const mod = z.record(z.string(), z.unknown()).parse(await import(file));
      expect(mod[b.constant]).toBe(py);
    },
  );
});

// Ruff's defaults (pyflakes F, pycodestyle E4/E7/E9) plus warnings (W) and bugbear (B). The
// helpers run with whatever python3 a base image ships, so the "pyupgrade" rules (UP: f-strings,
// text= for subprocess) are left out on purpose, and the target is Ruff's oldest, py37.
const RUFF_SETTINGS = {
  'line-length': 120,
  'target-version': 'py37',
  lint: { select: ['E4', 'E7', 'E9', 'F', 'W', 'B', 'E501'] },
};

const Diagnostic = z.object({
  code: z.string().nullable(),
  message: z.string(),
  start_location: z.object({ row: z.number(), column: z.number() }),
});

const PYTHON_FILES = [
  ...BUNDLED.map((b) => b.py),
  ...readdirSync(path.join(REPO_ROOT, 'images/probe'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => `images/probe/${f}`),
];

describe('ruff', () => {
  const ruff = new Workspace(RUFF_SETTINGS, PositionEncoding.Utf16);

  it('finds what it should (the linter runs)', () => {
    const found = z.array(Diagnostic).parse(ruff.check('import os\nx = 1; y = 2\n'));
    expect(found.map((d) => d.code).sort()).toEqual(['E702', 'F401']);
  });

  it.each(PYTHON_FILES)('%s is clean', (file) => {
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const found = z
      .array(Diagnostic)
      .parse(ruff.check(text))
      // The probes predate the lint and keep lines up to 170 characters; the helpers do not.
      .filter((d) => !(file.startsWith('images/probe/') && d.code === 'E501'));
    expect(found.map((d) => `${file}:${d.start_location.row}: ${d.code} ${d.message}`)).toEqual([]);
  });
});
