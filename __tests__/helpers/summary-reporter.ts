// Prints one closing line "Tests: N passed, N failed, N skipped" after the default reporter, so
// that any tool reading the end of the log can count the run. A suite or file that failed outside
// its tests (a beforeAll, an import) counts as failed too: its tests only show as skipped.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const m of testModules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      for (const s of m.children.allSuites())
        if (s.state() === 'failed' && s.errors().length > 0) counts.failed++;
      if (m.errors().length > 0) counts.failed++;
    }
    counts.failed += unhandledErrors.length;
    process.stdout.write(
      `\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
