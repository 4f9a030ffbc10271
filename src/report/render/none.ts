// A run with no report at all: not one of its variants has an environment record of this run's
// image (every capture failed, or the build before it). On a pull request its comment still takes
// the place of the earlier one, whose results are of an older commit: a reviewer never reads an old
// verdict beside a failed run. Layout: marker, heading, what happened, a verdict line per planned
// variant (UNREPORTED_VERDICT), the links. Under maxChars the variant lines go first (the last
// first, counted in one line), then the links. Every value is escaped.
import { md, mdCode, safeUrl } from '../escape.js';
import { fmtInt, plural } from '../format.js';
import { checkedMaxChars, markerFor } from '../render.js';
import { VERSION } from '../../version.js';
import { renderRun, type RunRenderResult, UNREPORTED_VERDICT } from './run.js';

export interface NoneRenderOptions {
  markerKey: string;
  maxChars?: number;
  /** The image repository; unknown to the fork-safe poster (an artifact with no report names none). */
  image?: string;
  /** The commit the run is of (the pull request's head). */
  headSha?: string;
  /** The workflow run, whose log says why each capture failed. */
  runUrl?: string;
}

const SEP = '\n\n';

/** The run's report when it has none of UNREPORTED (the run's planned variants, in plan order). */
export function renderNoneReported(unreported: readonly string[], opts: NoneRenderOptions): RunRenderResult {
  const maxChars = checkedMaxChars(opts.maxChars);
  if (unreported.length === 0) throw new Error('renderNoneReported: no variant');
  const marker = markerFor(opts.markerKey);
  const variants = unreported.map((variant) => ({ variant, verdict: UNREPORTED_VERDICT }));
  const verdict = variants.map((v) => `${v.variant}: ${v.verdict}`).join('; ');
  const n = unreported.length;
  const image = opts.image ? `: ${md(opts.image, 200)}` : '';
  const heading = `### 🐳 ml-image report${image} (${plural(n, 'variant')})`;
  const commit = opts.headSha ? ` (${mdCode(opts.headSha.slice(0, 12), 40)})` : '';
  const which = n === 1 ? 'its variant' : `any of its ${fmtInt(n)} variants`;
  const what = [
    `**⚠️ No variant of this run was reported**: there is no environment record of this run's image${commit} for ${which} (its capture or its build failed: see the job log).`,
    'It takes the place of any earlier report on this pull request, whose results are of an older commit.',
  ].join('\n');
  const lines = unreported.map((u) => `- **${md(u, 40)}**: ${md(UNREPORTED_VERDICT)}`);
  const run = opts.runUrl ? safeUrl(opts.runUrl) : null;
  const links = [...(run ? [`[Workflow run](${run})`] : []), `ml-image-action ${md(VERSION, 30)}`].join(
    ' · ',
  );
  const compose = (shown: number, withLinks: boolean): string => {
    const listed = lines.slice(0, shown);
    if (shown < n) listed.push(`- … and ${plural(n - shown, 'more variant')} not reported`);
    const parts = [heading, what, listed.join('\n'), withLinks ? links : ''];
    return `${marker}\n${parts.filter(Boolean).join(SEP)}\n`;
  };
  const done = (markdown: string, omitted: string[]): RunRenderResult => ({
    markdown,
    marker,
    verdict,
    omitted,
    variants,
  });
  for (let shown = n; shown >= 0; shown--) {
    const markdown = compose(shown, true);
    if (markdown.length <= maxChars) return done(markdown, shown < n ? ['variant lines'] : []);
  }
  const bare = compose(0, false);
  if (bare.length <= maxChars) return done(bare, ['variant lines', 'links']);
  return done(`${marker}\n**⚠️ No variant of this run was reported (${plural(n, 'variant')})**\n`, [
    'everything but the verdict',
  ]);
}

/**
 * The run's report, wherever it is rendered (the report stage, the fork-safe poster): every
 * variant's (renderRun, UNREPORTED named in it), or, when none has a report, each of UNREPORTED
 * named as not reported (renderNoneReported).
 */
export function renderRunOrNone(
  models: Parameters<typeof renderRun>[0],
  unreported: readonly string[],
  opts: NoneRenderOptions,
): RunRenderResult {
  if (models.length === 0) return renderNoneReported(unreported, opts);
  const { markerKey, maxChars } = opts;
  return renderRun(models, { markerKey, unreported, ...(maxChars !== undefined && { maxChars }) });
}
