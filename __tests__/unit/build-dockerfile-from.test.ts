// Which image a user's Dockerfile starts from (rootFrom), and whether it is the variant's planned
// base (baseMismatch): a Dockerfile that ignores BASE_IMAGE builds from another image than the one
// the resolver checked and the labels, SBOM and provenance name.
import { describe, expect, it } from 'vitest';
import { baseMismatch, rootFrom } from '../../src/build/dockerfile-from.js';

describe('rootFrom', () => {
  it.each([
    ['one literal FROM', 'FROM busybox:1.36\nRUN true\n', undefined, { ref: 'busybox:1.36', line: 1 }],
    ['the planned base', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n', undefined, undefined],
    ['$VAR without braces', 'ARG B\nFROM $B AS app\n', undefined, undefined],
    ['no FROM', 'RUN true\n', undefined, undefined],
    [
      'the last stage, through the stages it names',
      'FROM python:3.12-slim AS build\nRUN pip wheel .\nFROM build AS test\nFROM Test\nCOPY . /app\n',
      undefined,
      { ref: 'python:3.12-slim', line: 1 },
    ],
    [
      'a target stage, not the last',
      'FROM ${BASE_IMAGE} AS app\nFROM alpine:3.20 AS tools\n',
      'APP',
      undefined,
    ],
    ['a target that is no stage', 'FROM alpine:3.20 AS tools\n', 'app', undefined],
    [
      'flags, case, comments and continuations',
      '# syntax=docker/dockerfile:1\n# FROM commented:out\nfrom \\\n  --platform=$BUILDPLATFORM \\\n  # a comment inside\n  nvidia/cuda:12.8.1-runtime-ubuntu24.04 as base\n',
      undefined,
      { ref: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04', line: 3 },
    ],
    [
      "a heredoc's body is no instruction",
      'FROM ${BASE_IMAGE}\nRUN <<EOF\nFROM evil:latest\nEOF\nCOPY <<-"END" /x\n\tFROM other\n\tEND\n',
      undefined,
      undefined,
    ],
    ['another escape character: not read', '# escape=`\nFROM busybox\n', undefined, undefined],
    ['a stage that names itself is no loop', 'FROM a AS a\n', undefined, { ref: 'a', line: 1 }],
  ])('%s', (_n, text, target, want) => expect(rootFrom(text, target)).toEqual(want));
});

describe('baseMismatch', () => {
  const none = {};
  it.each([
    ['another image', 'FROM busybox:1.36\n', 'python:3.12-slim', none, { ref: 'busybox:1.36', line: 1 }],
    ['the same, spelt out', 'FROM docker.io/library/python:3.12-slim\n', 'python:3.12-slim', none, undefined],
    [
      'the same, pinned too',
      `FROM python:3.12-slim@sha256:${'a'.repeat(64)}\n`,
      'python:3.12-slim',
      none,
      undefined,
    ],
    ['no tag is latest', 'FROM python\n', 'python:latest', none, undefined],
    [
      'another tag',
      'FROM python:3.11-slim\n',
      'python:3.12-slim',
      none,
      { ref: 'python:3.11-slim', line: 1 },
    ],
    [
      'the planned base is the mirror of the one written',
      'FROM python:3.12-slim\n',
      'mirror.corp/python:3.12-slim',
      { 'docker.io/library/python': 'mirror.corp/python' },
      undefined,
    ],
    ['scratch', 'FROM scratch\nCOPY app /\n', 'python:3.12-slim', none, { ref: 'scratch', line: 1 }],
    ['${BASE_IMAGE}', 'FROM ${BASE_IMAGE}\n', 'python:3.12-slim', none, undefined],
  ])('%s', (_n, text, planned, mirrors, want) => expect(baseMismatch(text, planned, mirrors)).toEqual(want));
});
