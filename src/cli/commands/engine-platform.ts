// "This machine's platform" for the commands that name or choose one without a --platform: the
// Docker engine's (GET /version: Os, Arch), which is what runs the containers. Node's process.arch
// is not it: an x64 Node under Rosetta on an Apple silicon Mac says x64 while the engine is arm64.
import { enginePlatform } from '../../docker/engine-platform.js';
import type { CliIo } from '../io.js';

/** How long a command that only words a hint (or picks a tag) waits for the engine's answer. */
const ASK_MS = 5000;

/**
 * The engine's platform (linux/amd64, linux/arm64), or undefined when the engine does not answer
 * (no daemon, a refused connection, nothing within `ms`): for wording and choices only, never
 * where a command needs the engine anyway (that one pings and fails with the daemon's fix, exit 3).
 */
export async function askEnginePlatform(io: Pick<CliIo, 'docker'>, ms = ASK_MS): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
    timer.unref();
  });
  try {
    const asked = Promise.resolve().then(async () => enginePlatform(await io.docker().ping()));
    return await Promise.race([asked, late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** The fix of --load with several platforms: the engine's own platform when it answers. */
export async function loadOnePlatformFix(io: Pick<CliIo, 'docker'>): Promise<string> {
  const platform = await askEnginePlatform(io);
  return platform !== undefined
    ? `add --platforms ${platform} (this engine's platform; another one runs under QEMU), or push to a registry`
    : "add --platforms with one platform, this machine's (linux/arm64 on Apple silicon, linux/amd64 on most PCs and runners), or push to a registry";
}
