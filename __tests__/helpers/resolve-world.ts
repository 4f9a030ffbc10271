// What a resolve test hands the stage for the world outside it: an environment of its own (never the
// developer's shell: ML_IMAGE_RESOLVE_TIMEOUT_SECONDS=abc there must not fail a test) and a resolver
// of host names that knows none (no unit test looks a name up for real).
import type { HostLookup } from '../../src/resolve/network-lookup.js';

/** A HostLookup that resolves no name: every index host stays off this machine's loopback. */
export const noLookup: HostLookup = () => Promise.resolve([]);

/** env and lookupHost of ResolveDeps / runResolveStage's deps: nothing of this machine's. */
export const NO_WORLD: { env: Readonly<Record<string, string | undefined>>; lookupHost: HostLookup } = {
  env: {},
  lookupHost: noLookup,
};
