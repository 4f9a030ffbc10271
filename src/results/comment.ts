// Writing the fork-safe comment artifact (comment/ml-image-comment.json): its schema, size limit
// and reader are the report stage's (src/report/artifact.ts); the file is written here, as every
// other file of a result directory is.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import {
  type CommentArtifact,
  CommentArtifactSchema,
  MAX_COMMENT_ARTIFACT_BYTES,
} from '../report/artifact.js';
import { writeFileAtomic } from '../util/json-file.js';
import { redactUrls } from '../util/redact.js';
import { COMMENT_ARTIFACT_FILE } from './names.js';

/**
 * Write `dir/ml-image-comment.json`; returns the file. Validates first: the poster would reject it
 * anyway. The report stage fits the reports under the size limit first (fitCommentArtifact).
 */
export function writeCommentArtifact(dir: string, payload: CommentArtifact): string {
  const file = path.join(dir, COMMENT_ARTIFACT_FILE);
  const parsed = CommentArtifactSchema.safeParse(payload);
  if (!parsed.success) {
    throw new InputError(
      `${file}: cannot write the comment artifact: ${formatIssues(parsed.error, payload, CommentArtifactSchema).join('; ')}`,
    );
  }
  const text = `${JSON.stringify(parsed.data)}\n`;
  if (Buffer.byteLength(text) > MAX_COMMENT_ARTIFACT_BYTES) {
    throw new InputError(
      `${file}: the reports are ${Buffer.byteLength(text)} bytes, over the ${MAX_COMMENT_ARTIFACT_BYTES}-byte limit the poster accepts`,
      'report fewer variants per job',
    );
  }
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(file, redactUrls(text), file);
  return file;
}
