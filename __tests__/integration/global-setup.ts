// Runs once before the integration project: is the real Docker environment there?
// CI=true and missing -> the run fails loudly. Locally -> one line, and the tests skip.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { checkRegistry } from '../../src/docker/registry.js';
import {
  type CosignTestFacts,
  type DockerTestEnv,
  decide,
  envFilePath,
  isCi,
  readCosignFacts,
  readTestImages,
} from '../helpers/docker-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dockerEnv: DockerTestEnv;
  }
}

async function probe(): Promise<DockerTestEnv> {
  const images = readTestImages();
  if ('missing' in images) {
    return {
      available: false,
      reason: `no image references (${images.missing[0]} ...; env file ${envFilePath()} missing?)`,
    };
  }
  try {
    const docker = createDefaultDockerAdapter();
    await docker.ping();
    await docker.buildxVersion();
    await checkRegistry(images.registry);
    return { available: true, images, ...probeCosign() };
  } catch (e) {
    return { available: false, reason: (e as Error).message.split('\n')[0] };
  }
}

/** cosign on PATH and the test bed's key pair: the signing tests need both. */
function probeCosign(): { cosign: CosignTestFacts } | { cosignReason: string } {
  const facts = readCosignFacts();
  if ('missing' in facts) return { cosignReason: facts.missing };
  try {
    execFileSync('cosign', ['version'], { stdio: 'ignore', timeout: 30_000 });
  } catch (e) {
    return { cosignReason: `"cosign version" failed: ${(e as Error).message.split('\n')[0]}` };
  }
  return { cosign: facts };
}

export default async function setup(project: TestProject): Promise<void> {
  const env = await probe();
  const decision = decide(isCi(), env.available);
  if (decision === 'fail') {
    throw new Error(
      `CI=true but the Docker test environment is not usable: ${env.reason}. ` +
        'Integration tests never skip in CI: .ci/run must run "scripts/test-env.sh" successfully first.',
    );
  }
  if (env.available && env.cosign === undefined) {
    // scripts/test-env.sh installs cosign and the key pair, so CI must have them too.
    if (isCi())
      throw new Error(
        `CI=true but cosign is not provisioned: ${env.cosignReason}. .ci/run must run "scripts/test-env.sh" successfully first.`,
      );
    console.warn(`[integration] signing tests skipped: ${env.cosignReason} — run "sudo scripts/test-env.sh"`);
  }
  if (decision === 'skip') {
    console.warn(
      `[integration] skipped: ${env.reason} — run "sudo scripts/test-env.sh" to provision Docker, buildx, QEMU and the registry`,
    );
  }
  project.provide('dockerEnv', env);
}
