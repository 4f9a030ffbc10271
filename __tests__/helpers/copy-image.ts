// Test setup: copy an image under a new tag with `imagetools create`, tried again as the merge step
// is (src/build/merge.ts) when the registry answers a passing 500: the test bed's registry can,
// while another test file writes the same manifest bytes elsewhere in it.
import { mergeVariant } from '../../src/build/merge.js';
import type { DockerAdapter } from '../../src/docker/adapter.js';

/** The digest now under TAG (a copy of SOURCE). */
export function copyImage(docker: DockerAdapter, tag: string, source: string): Promise<string> {
  return mergeVariant({ docker, progress: () => {} }, 'test setup', [tag], [source]);
}
