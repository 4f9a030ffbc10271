// The engine's platform as the config writes platforms (linux/amd64, linux/arm64), from what the
// engine says of itself (GET /version: Os, Arch). Pure.
import type { EngineInfo } from './adapter.js';

/** Go's architecture names (the engine's), also for the names other tools use for the same CPUs. */
const ARCH_ALIASES: Readonly<Record<string, string>> = {
  x64: 'amd64',
  x86_64: 'amd64',
  aarch64: 'arm64',
};

/** The engine's platform as the config writes platforms: linux/amd64, linux/arm64. */
export function enginePlatform(info: Pick<EngineInfo, 'os' | 'arch'>): string {
  const arch = info.arch.toLowerCase();
  return `${info.os.toLowerCase()}/${ARCH_ALIASES[arch] ?? arch}`;
}
