// README sections that are generated from code must match the code. UPDATE_DOCS=1 rewrites them
// (npm run docs).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderConfigReference } from '../../src/config/reference.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const README = path.join(REPO_ROOT, 'README.md');

function renderInputsTable(): string {
  const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'));
  const cell = (s: unknown) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ')
      .trim();
  const inputs = Object.entries<{ description: string; default?: string }>(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.default !== undefined ? `\`${cell(i.default)}\`` : '—'} | ${cell(i.description)} |`,
  );
  const outputs = Object.entries<{ description: string }>(action.outputs).map(
    ([name, o]) => `| \`${name}\` | ${cell(o.description)} |`,
  );
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
    '',
  ].join('\n');
}

const BLOCKS: Record<string, () => string> = {
  'config-reference': renderConfigReference,
  'action-io': renderInputsTable,
};

function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md lacks the markers ${start} ... ${end}`);
  return `${text.slice(0, i + start.length)}\n${body}${text.slice(j)}`;
}

describe('README generated sections', () => {
  it.each(Object.keys(BLOCKS))('%s matches the code (fix: npm run docs)', (name) => {
    const text = readFileSync(README, 'utf8');
    const expected = replaceBlock(text, name, BLOCKS[name]!());
    if (process.env.UPDATE_DOCS === '1' && expected !== text) writeFileSync(README, expected);
    else expect(text).toBe(expected);
  });
});

describe('README examples', () => {
  it('the example ml-image.yml validates', async () => {
    const { validateConfigData } = await import('../../src/config/load.js');
    const text = readFileSync(README, 'utf8');
    const section = text.slice(text.indexOf('## Configuration'));
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yamlBlock).toBeDefined();
    const config = validateConfigData(parse(yamlBlock!), 'README example');
    expect(config.variants.map((v) => v.name)).toEqual(['cpu', 'cuda12.8', 'ngc']);
  });

  it('the broken-config example shows exactly what validate prints', async () => {
    const { validateConfigData } = await import('../../src/config/load.js');
    const { ConfigError } = await import('../../src/errors.js');
    const text = readFileSync(README, 'utf8');
    const shown = /```text\n\$ ml-image validate[^\n]*\n([\s\S]*?)```/.exec(text)?.[1];
    expect(shown).toBeDefined();
    const data = {
      image: { name: 'a/b', registy: 'x' },
      variants: ['cpu', { cuda: 'cu128' }],
      platforms: ['linux/amd64', 'linux/ppc64le'],
    };
    let message = '';
    try {
      validateConfigData(data, 'ml-image.yml');
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      message = `error: ${e.message}\n`;
    }
    expect(shown).toBe(message);
  });
});
