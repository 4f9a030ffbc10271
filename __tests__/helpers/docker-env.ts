// Where the integration tests find the real Docker environment that scripts/test-env.sh provisions.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TestImages {
  registry: string;
  busybox: string;
  busyboxAmd64: string;
  busyboxArm64: string;
  python: string;
  pythonAmd64: string;
  pythonArm64: string;
  torch: string;
}

/** The test bed's cosign signing key pair (scripts/test-env.sh generates it once). */
export interface CosignTestFacts {
  /** Private key file (encrypted with the password in passwordFile). */
  key: string;
  /** Public key file. */
  pub: string;
  /** A 0600 file holding the key's password: pass it to cosign as COSIGN_PASSWORD, never in argv. */
  passwordFile: string;
}

export interface DockerTestEnv {
  available: boolean;
  /** Why the environment is not usable (when available is false). */
  reason?: string;
  images?: TestImages;
  /** cosign on PATH and the test key pair; undefined when not provisioned (see cosignReason). */
  cosign?: CosignTestFacts;
  cosignReason?: string;
}

export function envFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ML_IMAGE_TEST_ENV ?? path.join(REPO_ROOT, '.test-env', 'images.env');
}

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

const KEYS: Record<keyof TestImages, string> = {
  registry: 'ML_IMAGE_TEST_REGISTRY',
  busybox: 'ML_IMAGE_TEST_BUSYBOX_IMAGE',
  busyboxAmd64: 'ML_IMAGE_TEST_BUSYBOX_AMD64',
  busyboxArm64: 'ML_IMAGE_TEST_BUSYBOX_ARM64',
  python: 'ML_IMAGE_TEST_PYTHON_IMAGE',
  pythonAmd64: 'ML_IMAGE_TEST_PYTHON_AMD64',
  pythonArm64: 'ML_IMAGE_TEST_PYTHON_ARM64',
  torch: 'ML_IMAGE_TEST_TORCH_IMAGE',
};

/** Image references: environment variables win over the env file (so a public CI can use real images). */
export function readTestImages(env: NodeJS.ProcessEnv = process.env): TestImages | { missing: string[] } {
  const file = envFilePath(env);
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const images: Partial<TestImages> = {};
  const missing: string[] = [];
  for (const [k, name] of Object.entries(KEYS) as [keyof TestImages, string][]) {
    const v = env[name] ?? fromFile[name];
    if (v) images[k] = v;
    else missing.push(name);
  }
  return missing.length > 0 ? { missing } : (images as TestImages);
}

const COSIGN_KEYS: Record<keyof CosignTestFacts, string> = {
  key: 'ML_IMAGE_TEST_COSIGN_KEY',
  pub: 'ML_IMAGE_TEST_COSIGN_PUB',
  passwordFile: 'ML_IMAGE_TEST_COSIGN_PASSWORD_FILE',
};

/** The cosign key pair's paths (environment over env file), checked to exist. */
export function readCosignFacts(env: NodeJS.ProcessEnv = process.env): CosignTestFacts | { missing: string } {
  const file = envFilePath(env);
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const facts: Partial<CosignTestFacts> = {};
  for (const [k, name] of Object.entries(COSIGN_KEYS) as [keyof CosignTestFacts, string][]) {
    const v = env[name] ?? fromFile[name];
    if (!v) return { missing: `${name} is not set (env file ${file})` };
    if (!existsSync(v)) return { missing: `${name}=${v} does not exist` };
    facts[k] = v;
  }
  return facts as CosignTestFacts;
}

/** The test bed's Node 24 (the runners' node24; scripts/test-env.sh fetches it), checked to exist. */
export function readNode24(env: NodeJS.ProcessEnv = process.env): { node: string } | { missing: string } {
  const file = envFilePath(env);
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const node = env.ML_IMAGE_TEST_NODE24 ?? fromFile.ML_IMAGE_TEST_NODE24;
  if (!node) return { missing: `ML_IMAGE_TEST_NODE24 is not set (env file ${file})` };
  if (!existsSync(node)) return { missing: `ML_IMAGE_TEST_NODE24=${node} does not exist` };
  return { node };
}

/**
 * The second engine scripts/test-env.sh starts: dockerd 26 on the containerd image store, with its
 * own socket (ML_IMAGE_TEST_CONTAINERD_ENGINE, a DOCKER_HOST value). Only a test that names it
 * reaches it: `docker` and the default adapter stay on the main dockerd.
 */
export function readContainerdEngine(
  env: NodeJS.ProcessEnv = process.env,
): { host: string } | { missing: string } {
  const file = envFilePath(env);
  const fromFile = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const host = env.ML_IMAGE_TEST_CONTAINERD_ENGINE ?? fromFile.ML_IMAGE_TEST_CONTAINERD_ENGINE;
  if (!host) return { missing: `ML_IMAGE_TEST_CONTAINERD_ENGINE is not set (env file ${file})` };
  return { host };
}

export type Decision = 'run' | 'skip' | 'fail';

/** In CI a missing Docker environment fails the run; locally the integration tests skip. */
export function decide(ci: boolean, available: boolean): Decision {
  if (available) return 'run';
  return ci ? 'fail' : 'skip';
}

export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}
