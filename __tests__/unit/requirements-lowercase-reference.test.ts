// A `${name}` that is not all upper-case letters, digits and _ is no reference pip fills in (its
// rule is `\$\{[A-Z0-9_]+\}`): pip sends it as written, so in a line it is refused at the door as
// a reference pip does not fill in (exit 2 naming file:line, write ${NAME}), never taken for a
// filled one. Finding: `--extra-index-url http://user:${pip_token}@127.0.0.1:5078/simple` passed
// `ml-image validate` and pip sent the literal `${pip_token}` as the password.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { REFERENCE_FIX } from '../../src/requirements/credential-problems.js';
import { userKind, valueKind } from '../../src/requirements/credential-values.js';
import { readRequirements } from '../../src/requirements/read.js';
import { isNameReference, urlSecrets, urlTokens } from '../../src/util/url-secrets.js';
import { inputErrorOf } from '../helpers/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-req-lower-ref-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = () => readRequirements(['requirements.txt'], dir, {}, { expandable: ['PIP_TOKEN'] });

describe('a ${name} pip does not fill in', () => {
  it.each(['${pip_token}', '${Pip_Token}', '${PIP-TOKEN}', '${}'])('%s: no filled reference', (v) => {
    expect(isNameReference(v)).toBe(false);
    expect(valueKind(v, true)).toBe('reference');
    expect(valueKind(encodeURIComponent(v), true)).toBe('reference');
    expect(valueKind(v, false)).toBe(undefined);
    expect(userKind(v, true)).toBe('reference');
  });

  it('${PIP_TOKEN} (upper-case letters, digits and _) stays one pip fills in', () => {
    expect(isNameReference('${PIP_TOKEN_2}')).toBe(true);
    expect(valueKind('${PIP_TOKEN_2}', true)).toBe(undefined);
  });

  it('a query value ?sig=${sas} is a token to judge (and to mask); ?sig=${SAS} is not', () => {
    expect(urlTokens('https://h.example/x.whl?sig=${sas}').map((t) => t.value)).toEqual(['${sas}']);
    expect(urlTokens('https://h.example/x.whl?sig=${SAS}')).toEqual([]);
    expect(urlSecrets('https://user:${pip_token}@h.example/simple', 6)).toContain('${pip_token}');
  });
});

describe('in a requirements file: exit 2 naming file:line, write ${NAME}', () => {
  it.each([
    ['--extra-index-url http://user:${pip_token}@127.0.0.1:5078/simple', 'a login'],
    ['pkg @ git+https://${gh_token}@github.com/org/repo.git', 'a login'],
    ['pkg @ https://h.example/pkg-1.0-py3-none-any.whl?sig=${sas}', 'the query parameter sig'],
    ['--index-url https://conda.anaconda.org/t/${conda_token}/org/simple', '/t/<token>/'],
  ])('%s', (line, where) => {
    writeFileSync(path.join(dir, 'requirements.txt'), `numpy\n${line}\n`);
    const e = inputErrorOf(read);
    expect(e.exitCode).toBe(2);
    const problems = (e as ConfigError).problems;
    expect(problems).toEqual([expect.stringContaining(`${path.join(dir, 'requirements.txt')}:2: "`)]);
    expect(problems[0]).toContain(
      `in ${where}: pip fills in only \${NAME}, NAME of upper-case letters, digits and _`,
    );
    expect(problems[0]).not.toContain('revoke');
    expect(e.fix).toBe(REFERENCE_FIX);
  });

  it('the same line with ${PIP_TOKEN} is read', () => {
    writeFileSync(
      path.join(dir, 'requirements.txt'),
      'numpy\n--extra-index-url http://user:${PIP_TOKEN}@127.0.0.1:5078/simple\n',
    );
    expect(read().text).toContain('${PIP_TOKEN}');
  });
});
