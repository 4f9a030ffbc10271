// What a platform string ("linux/amd64") is made of. PLATFORMS, the ones a config may name, is in
// schema.ts; this file stays free of the schema so any module can use it.
import type { Platform } from './schema.js';

/** The architecture of a platform: "linux/amd64" -> "amd64" (undefined when there is no '/'). */
export function archOf(platform: Platform): string;
export function archOf(platform: string): string | undefined;
export function archOf(platform: string): string | undefined {
  return platform.split('/')[1];
}
