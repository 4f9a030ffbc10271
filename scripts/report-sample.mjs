#!/usr/bin/env node
// Re-takes docs/report-sample.png: the sample run's comment (the golden file
// __tests__/fixtures/report/run-sample.md, kept current by __tests__/unit/report-run.test.ts)
// rendered as GitHub renders it: GFM (tables, raw <details>, entities) with marked, the Mermaid
// blocks drawn by the mermaid package's browser bundle from node_modules, a small GitHub-like
// stylesheet, and a screenshot by headless Chromium (Debian's `chromium`; a maintainer's tool,
// not needed by the tests). Two passes: the first measures the page once the charts are drawn,
// the second takes the picture at that height.
//
//   node scripts/report-sample.mjs [--in FILE.md] [--out FILE.png] [--width PX] [--open outer|all]
//                                  [--keep DIR]
//
// --open outer (the default) opens the variant sections, as a reviewer sees the comment after one
// click: verdicts, overview, charts, the tables' summaries; --open all opens every table too.
// --keep DIR leaves the HTML page there. Exit 2 on bad usage, 3 when Chromium is
// missing (apt-get install -y chromium fonts-noto-color-emoji).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { marked } from 'marked';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// GitHub's comment look, kept to what the report uses (system font, tables, details, code).
const CSS = `
body { margin: 0; padding: 16px; background: #fff; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif,
  "Apple Color Emoji", "Noto Color Emoji"; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
  border-radius: 6px 6px 0 0; color: #59636e; }
.comment-header b { color: #1f2328; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 16px; }
h4 { font-size: 1em; font-weight: 600; margin: 24px 0 16px; }
p, ul, table, details, pre { margin: 0 0 16px; }
ul { padding-left: 2em; }
a { color: #0969da; text-decoration: none; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
th { font-weight: 600; background: #fff; }
tr:nth-child(2n) td { background: #f6f8fa; }
summary { cursor: pointer; font-weight: 600; margin-bottom: 16px; }
details details { margin-left: 0; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre.mermaid { background: none; padding: 0; text-align: center; }
`;

function usage(message) {
  process.stderr.write(`report-sample: ${message}\n`);
  process.exit(2);
}

function chromium() {
  for (const bin of ['chromium', 'chromium-browser']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next name
    }
  }
  process.stderr.write(
    'report-sample: no chromium on PATH: install it (Debian: apt-get install -y chromium fonts-noto-color-emoji)\n',
  );
  process.exit(3);
}

/** Opens the <details> sections: every one, or only the outermost (a run's variant sections). */
function openDetails(html, which) {
  let depth = 0;
  return html.replace(/<(\/?)details>/g, (tag, close) => {
    if (close) {
      depth--;
      return tag;
    }
    return depth++ === 0 || which === 'all' ? '<details open>' : tag;
  });
}

/** GFM -> HTML as GitHub shows a comment; <details> opened; Mermaid blocks left for mermaid.run(). */
export function toHtml(markdown, open = 'outer') {
  const body = openDetails(marked.parse(markdown, { gfm: true, async: false }), open).replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid">$1</pre>',
  );
  const bundle = pathToFileURL(path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js')).href;
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>report</title><style>${CSS}</style></head>
<body><div class="comment"><div class="comment-header"><b>github-actions</b> bot commented</div>
<div class="markdown-body">
${body}
</div></div>
<script src="${bundle}"></script>
<script>
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  mermaid.run().then(
    () => { document.title = 'height=' + document.documentElement.scrollHeight; },
    (e) => { document.title = 'error=' + e.message; },
  );
</script>
</body></html>
`;
}

function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        in: { type: 'string', default: path.join(ROOT, '__tests__/fixtures/report/run-sample.md') },
        out: { type: 'string', default: path.join(ROOT, 'docs/report-sample.png') },
        width: { type: 'string', default: '940' },
        keep: { type: 'string' },
        open: { type: 'string', default: 'outer' },
      },
    }));
  } catch (e) {
    usage(e.message);
  }
  const width = Number(values.width);
  if (values.open !== 'outer' && values.open !== 'all')
    usage(`--open: want outer or all, got ${values.open}`);
  if (!Number.isInteger(width) || width < 320)
    usage(`--width: want a whole number of pixels >= 320, got ${values.width}`);
  let markdown;
  try {
    markdown = readFileSync(values.in, 'utf8');
  } catch (e) {
    usage(`--in ${values.in}: ${e.message}`);
  }
  const bin = chromium();
  const dir = values.keep ?? mkdtempSync(path.join(tmpdir(), 'report-sample-'));
  try {
    const page = path.join(dir, 'report.html');
    writeFileSync(page, toHtml(markdown, values.open));
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--allow-file-access-from-files',
      '--virtual-time-budget=30000',
    ];
    const url = pathToFileURL(page).href;
    // Pass 1: the page's height once Mermaid has drawn (the title says it, or the error).
    const dom = execFileSync(bin, [...flags, `--window-size=${width},800`, '--dump-dom', url], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    });
    const title = /<title>([^<]*)<\/title>/.exec(dom)?.[1] ?? '';
    const height = Number(/^height=(\d+)$/.exec(title)?.[1]);
    if (!height) throw new Error(`the charts were not drawn (page title: ${title || 'none'})`);
    const errors = (dom.match(/Syntax error in text|class="error-icon"/g) ?? []).length;
    if (errors) throw new Error(`Mermaid could not draw ${errors} chart(s)`);
    // Pass 2: the picture.
    execFileSync(bin, [...flags, `--window-size=${width},${height}`, `--screenshot=${values.out}`, url], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    process.stdout.write(`${path.relative(process.cwd(), values.out)}: ${width}x${height}\n`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main();
