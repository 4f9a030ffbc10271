#!/usr/bin/env node
// Benchmark: wall time of `ml-image build` (the whole build stage: plan, registry check, base digest,
// buildx build + push, imagetools merge) against a bare `docker buildx build --push` of the same
// context, Dockerfile and build args, both fully cached. Median of 5 pairs, printed as a ratio.
// Aim: at most 1.05. Needs the test environment (sudo scripts/test-env.sh) and a built dist/.
//
//   node bench/build.mjs [--pairs 5] [--platform linux/amd64]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { arg, cli, median, root, testEnv, time } from './lib.mjs';

const pairs = Number(arg('pairs', '5'));
const platform = arg('platform', 'linux/amd64');
const vars = testEnv();
const registry = vars.ML_IMAGE_TEST_REGISTRY;
const example = path.join(root, 'examples', 'hello-ml');
const work = mkdtempSync(path.join(tmpdir(), 'ml-image-bench-'));
const config = path.join(work, 'ml-image.yml');
writeFileSync(
  config,
  [
    'image: {name: ml-image-bench/hello-ml, registry: ' + registry + ', version: bench}',
    'variants: [{python: "3.11"}]',
    `platforms: [${platform}]`,
    `build: {context: ${example}, cache: none, provenance: "false", mirrors: {docker.io/library/python: ${registry}/ml-image-test/python}}`,
  ].join('\n'),
);

function mlImageBuild() {
  const r = spawnSync(process.execPath, [cli, 'build', '--config', config, '--quiet', '--json'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`ml-image build failed:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

try {
  const result = mlImageBuild(); // warm the cache once
  const base = `${registry}/ml-image-test/python:3.11-slim`;
  const bareArgs = [
    'buildx',
    'build',
    '--platform',
    platform,
    '--file',
    path.join(root, 'images/cpu/Dockerfile'),
    '--provenance=false',
    '--build-arg',
    `BASE_IMAGE=${base}`,
    '--build-arg',
    'PYTHON_VERSION=3.11',
    '--build-arg',
    'ML_IMAGE_VARIANT=cpu',
    '--build-arg',
    'REQUIREMENTS_TXT=',
    '--build-arg',
    'CONSTRAINTS_TXT=',
    '--output',
    `type=image,name=${registry}/ml-image-bench/bare:bench,push=true`,
    example,
  ];
  execFileSync('docker', bareArgs, { stdio: 'ignore' }); // warm
  const ours = [];
  const bare = [];
  for (let i = 0; i < pairs; i++) {
    ours.push(time(mlImageBuild));
    bare.push(time(() => execFileSync('docker', bareArgs, { stdio: 'ignore' })));
  }
  const m1 = median(ours);
  const m2 = median(bare);
  console.log(`build stage (${platform}, cached), ${pairs} pairs`);
  console.log(
    `  ml-image build:         median ${m1.toFixed(2)}s  [${ours.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(
    `  bare buildx build:      median ${m2.toFixed(2)}s  [${bare.map((x) => x.toFixed(2)).join(', ')}]`,
  );
  console.log(`  ratio ml-image / bare:  ${(m1 / m2).toFixed(3)}  (aim: <= 1.05)`);
  console.log(`  digest ${result.variants[0].digest}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
