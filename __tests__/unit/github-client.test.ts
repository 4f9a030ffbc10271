// What crosses the process boundary from the GitHub API is parsed, never cast: response bodies
// through schemas of the fields used (another shape is exit 3), error bodies field by field.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvironmentError, ExitCode } from '../../src/errors.js';
import { createGitHubClient, GitHubApiError, parseResponse } from '../../src/github/client.js';
import { toGitHubApiError } from '../../src/github/errors.js';

describe('parseResponse', () => {
  const User = z.object({ login: z.string() });

  it('returns the fields of a body of the expected shape', () => {
    expect(parseResponse(User, { login: 'octocat', id: 1 }, 'get authenticated user')).toEqual({
      login: 'octocat',
    });
  });

  it.each([
    ['a missing field', {}],
    ['a field of another type', { login: 42 }],
    ['not an object', 'Service Unavailable'],
    ['null', null],
  ])('%s: an environment error (exit 3) naming the operation', (_name, body) => {
    let caught: unknown;
    try {
      parseResponse(User, body, 'get authenticated user');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EnvironmentError);
    expect((caught as EnvironmentError).exitCode).toBe(ExitCode.Environment);
    expect((caught as EnvironmentError).message).toMatch(
      /^GitHub API get authenticated user: unexpected response: /,
    );
  });
});

describe('a client against an API that answers another shape', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it('a comment list without ids is exit 3, not a crash later', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ body: 'x', user: null, created_at: '2020-01-01T00:00:00Z' }]));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const client = await createGitHubClient({ token: 't', baseUrl: `http://127.0.0.1:${port}` });
    await expect(client.listIssueComments({ owner: 'o', repo: 'r', issueNumber: 1 })).rejects.toThrow(
      /GitHub API list issue comments: unexpected response: \[0\]\.id: required/,
    );
    await expect(client.listIssueComments({ owner: 'o', repo: 'r', issueNumber: 1 })).rejects.toBeInstanceOf(
      EnvironmentError,
    );
  });
});

describe('toGitHubApiError: the error body', () => {
  const octokitError = (data: unknown) => ({ status: 422, response: { headers: {}, data } });

  it.each<[string, unknown, Partial<Record<'apiMessage' | 'documentationUrl', string>>, unknown]>([
    [
      'strings and objects in errors; other items left out; non-string fields dropped',
      {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/x',
        errors: ['plain', { field: 'body', code: 'too_long', message: 7 }, 3, null],
      },
      { apiMessage: 'Validation Failed', documentationUrl: 'https://docs.github.com/x' },
      [
        { code: 'custom', message: 'plain' },
        { resource: undefined, field: 'body', code: 'too_long', message: undefined },
      ],
    ],
    ['a message of another type is no message', { message: 42, errors: 'x' }, {}, []],
    ['a short text body is the message', 'Bad Gateway', { apiMessage: 'Bad Gateway' }, []],
    ['no body', undefined, {}, []],
  ])('%s', (_name, data, fields, errors) => {
    const err = toGitHubApiError(octokitError(data), 'create issue comment');
    expect(err).toBeInstanceOf(GitHubApiError);
    const e = err as GitHubApiError;
    expect(e.apiMessage).toBe(fields.apiMessage);
    expect(e.details.documentationUrl).toBe(fields.documentationUrl);
    expect(e.errors).toEqual(errors);
  });
});
