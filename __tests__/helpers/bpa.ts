// What the build-push-action input tests share: two builders, one target's request, reading a flag's
// values out of an argv, and inputs from a map (as the action's getInput reads them).
import type { BuilderInfo, BuildRequest } from '../../src/build/buildx-args.js';

export const container: BuilderInfo = { buildxVersion: '0.21.2', driver: 'docker-container' };
export const dockerDriver: BuilderInfo = { buildxVersion: '0.13.1', driver: 'docker' };

/** One target's request (cpu, linux/amd64, pushed to ghcr.io/o/r) with the given cache. */
export const targetRequest = (cache: BuildRequest['cache']): BuildRequest => ({
  context: '/src',
  dockerfile: '/src/Dockerfile',
  platform: 'linux/amd64',
  repository: 'ghcr.io/o/r',
  pushTag: 'ml-image-build-cpu-amd64',
  push: true,
  labels: {},
  buildArgs: {},
  cache,
  metadataFile: '/tmp/m.json',
  provenance: 'min',
  secrets: [],
});

/** The values of every FLAG VALUE pair of an argv, in order. */
export const values = (args: string[], flag: string): string[] =>
  args.flatMap((a, i) => (a === flag ? [args[i + 1]!] : []));

/** getInput over a map: an input not given reads as ''. */
export const inputs =
  (map: Record<string, string>) =>
  (n: string): string =>
    map[n] ?? '';
