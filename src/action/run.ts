// The root action. Inputs are parsed once, here at the edge; stages receive a typed Config.
// What runs today: load + validate the config and publish it as outputs. Later stages
// (plan, resolve, build, smoke, report) plug in after validation.
import * as core from '@actions/core';
import { overridesFromInputs } from '../config/inputs.js';
import { loadConfig } from '../config/load.js';
import { ConfigError, describeError, MlImageError } from '../errors.js';

export interface ActionIo {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  error: (message: string, props?: { title?: string; file?: string }) => void;
  info: (message: string) => void;
  cwd: string;
}

export function coreIo(): ActionIo {
  return {
    getInput: (n) => core.getInput(n),
    setOutput: (n, v) => core.setOutput(n, v),
    setFailed: (m) => core.setFailed(m),
    error: (m, p) => core.error(m, p),
    info: (m) => core.info(m),
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  };
}

export async function run(io: ActionIo = coreIo()): Promise<void> {
  try {
    const configInput = io.getInput('config').trim();
    const loaded = loadConfig({
      cwd: io.cwd,
      // The default "ml-image.yml" may be absent when inputs carry the whole config.
      ...(configInput !== '' && configInput !== 'ml-image.yml' && { file: configInput }),
      overrides: overridesFromInputs(io.getInput),
    });
    const { config } = loaded;
    io.info(
      `config ${loaded.file ?? '(from inputs)'}: ${config.variants.map((v) => v.name).join(', ')} x ${config.platforms.join(', ')}`,
    );
    io.setOutput('config', JSON.stringify(config));
    io.setOutput('variants', JSON.stringify(config.variants.map((v) => v.name)));
    io.setOutput('platforms', JSON.stringify(config.platforms));
  } catch (err) {
    if (err instanceof ConfigError) {
      // One annotation per problem, on the config file when there is one.
      for (const p of err.problems)
        io.error(p, { title: 'ml-image config', ...(err.source !== 'inputs' && { file: err.source }) });
    }
    io.setFailed(
      err instanceof MlImageError
        ? describeError(err, false).replace(/^error: /, '')
        : describeError(err, true),
    );
  }
}
