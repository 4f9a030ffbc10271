// What a platform string ("linux/amd64") is made of, and when two name the same platform
// (normalizePlatform: linux/arm64/v8 is linux/arm64). PLATFORMS, the ones a config may name, is in
// schema.ts; this file stays free of the schema so any module can use it.
import type { Platform } from './schema.js';

/** The architecture of a platform: "linux/amd64" -> "amd64" (undefined when there is no '/'). */
export function archOf(platform: Platform): string;
export function archOf(platform: string): string | undefined;
export function archOf(platform: string): string | undefined {
  return platform.split('/')[1];
}

/**
 * An architecture and variant as containerd's platforms.Normalize spells them (its database.go):
 * x86_64 and x86-64 are amd64 (v1 its default), aarch64 is arm64 (8, v8 and v8.0 its default; 9
 * and 9.0 are v9), armhf is arm/v7 and armel arm/v6, arm without a variant is arm/v7 (5, 6, 7, 8
 * are v5...v8), i386 is 386.
 */
function normalizeArch(arch: string, variant: string): [string, string] {
  switch (arch) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', variant === 'v1' ? '' : variant];
    case 'aarch64':
    case 'arm64':
      if (['8', 'v8', 'v8.0'].includes(variant)) return ['arm64', ''];
      return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (variant === '' || variant === '7') return ['arm', 'v7'];
      return ['arm', ['5', '6', '8'].includes(variant) ? `v${variant}` : variant];
    default:
      return [arch, variant];
  }
}

/**
 * A platform as containerd compares them (platforms.Normalize): lower case, macos is darwin, and
 * the architecture and variant as normalizeArch has them (linux/arm64/v8 and linux/aarch64 are
 * linux/arm64). An empty OS stays empty: containerd takes it for the host's, so it matches any.
 */
export function normalizePlatform(platform: string): string {
  const [rawOs = '', rawArch = '', rawVariant = ''] = platform.toLowerCase().split('/');
  const os = rawOs === 'macos' ? 'darwin' : rawOs;
  const [arch, variant] = normalizeArch(rawArch, rawVariant);
  return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}

/**
 * The OS and architecture names an image index may hold (Go's GOOS and GOARCH, as the OCI image
 * spec has them), with the spellings normalizePlatform reads (macos, x86_64, aarch64, armhf ...).
 */
const KNOWN_OS = [
  'linux',
  'windows',
  'darwin',
  'macos',
  'freebsd',
  'netbsd',
  'openbsd',
  'dragonfly',
  'illumos',
  'solaris',
  'aix',
  'android',
  'ios',
  'plan9',
  'js',
  'wasip1',
  'zos',
  'hurd',
  'nacl',
  // BuildKit's attestation manifests in an index (unknown/unknown).
  'unknown',
];
const KNOWN_ARCH = [
  'amd64',
  'arm64',
  'arm',
  '386',
  'ppc64le',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'wasm',
  'sparc64',
  'sparc',
  'ppc',
  'riscv',
  's390',
  'mips64p32',
  'mips64p32le',
  'arm64be',
  'armbe',
  'amd64p32',
  'unknown',
  'x86_64',
  'x86-64',
  'aarch64',
  'armhf',
  'armel',
  'i386',
];

/**
 * What is wrong with PLATFORM as a platform an image may be built for: its OS or architecture is
 * none an index names (linux/arm46: "unknown architecture \"arm46\""); undefined when both are known.
 */
export function unknownPlatformPart(platform: string): string | undefined {
  const [os = '', arch = ''] = platform.toLowerCase().split('/');
  if (!KNOWN_OS.includes(os)) return `unknown OS ${JSON.stringify(os)}`;
  if (!KNOWN_ARCH.includes(arch)) return `unknown architecture ${JSON.stringify(arch)}`;
  return undefined;
}

/**
 * Whether A and B are the same machine: the same OS and architecture once normalized, whatever the
 * variant (linux/arm64/v8 and linux/aarch64 are linux/arm64; linux/amd64/v3 runs on linux/amd64).
 * The smoke stage asks it of a target and the engine's platform: another machine runs emulated.
 */
export function sameMachine(a: string, b: string): boolean {
  const osArch = (p: string): string => normalizePlatform(p).split('/').slice(0, 2).join('/');
  return osArch(a) === osArch(b);
}
