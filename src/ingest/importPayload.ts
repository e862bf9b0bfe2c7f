import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import type { AppContext } from '../appContext.js';
import { JianduError } from '../core/errors.js';
import { unfinishedJobs } from '../jobs/jobsRepository.js';
import { payloadOf } from '../jobs/payloadOf.js';
import { uploadsDirectory } from './uploadFiles.js';

export const importJobKind = 'import';

/** What an import job keeps: the upload (by its name in the uploads folder) and who sent it. */
export const importPayload = Type.Object({
  dataset: Type.String(),
  /** The name the clerk gave the file. */
  fileName: Type.String(),
  upload: Type.String(),
  source: Type.Optional(Type.String()),
  fixes: Type.Optional(Type.Integer()),
  actor: Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), name: Type.String() }),
  jurisdiction: Type.String(),
});

export type ImportPayload = Static<typeof importPayload>;

export function parseImportPayload(payload: unknown): ImportPayload {
  return payloadOf(importPayload, importJobKind, payload);
}

/** The upload's path; a name that would leave the uploads folder is refused. */
export function uploadPathOf(ctx: AppContext, payload: ImportPayload): string {
  if (path.basename(payload.upload) !== payload.upload) {
    throw new JianduError('INTERNAL', { ref: 'job-upload-name' });
  }
  return path.join(uploadsDirectory(ctx), payload.upload);
}

/** Names of the uploads that queued or running imports still need. */
export async function uploadsInUse(ctx: AppContext): Promise<Set<string>> {
  const names = new Set<string>();
  for (const row of await unfinishedJobs(ctx.handle.db, importJobKind)) {
    try {
      names.add(parseImportPayload(JSON.parse(row.payload)).upload);
    } catch {
      // Not an import this version can read: it will fail when taken, and keeps no file.
    }
  }
  return names;
}
