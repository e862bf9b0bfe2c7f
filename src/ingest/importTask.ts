import fs from 'node:fs';
import { scopeOf } from '../auth/scope.js';
import { defineTask } from '../jobs/jobTask.js';
import { importFile } from './importFile.js';
import { importJobKind, parseImportPayload, uploadPathOf } from './importPayload.js';
import { asImportJob, functionImportsRunning } from './localImports.js';

/**
 * An upload's import, run by a worker. An error of the import (an unreadable file, another
 * template) is the clerk's to see, not worth another attempt; a process that died holding
 * the job is another matter: the job is taken up again when its lease runs out, and the dead
 * attempt's half batch is discarded before the new one starts (importTable's clean-up).
 */
export const importTask = defineTask({
  kind: importJobKind,
  maxAttempts: 3,
  parse: parseImportPayload,
  retryable: () => false,
  limit: (app) => Math.max(0, app.config.maxImports - functionImportsRunning()),
  perform: (job, context) =>
    asImportJob(async () => {
      const { payload } = job;
      const file = uploadPathOf(context.app, payload);
      const summary = await importFile(context.app, {
        dataset: payload.dataset,
        filePath: file,
        fileName: payload.fileName,
        actor: payload.actor,
        scope: scopeOf(payload.jurisdiction),
        onProgress: (progress) => context.progress(progress),
        ...(payload.source === undefined ? {} : { source: payload.source }),
        ...(payload.fixes === undefined ? {} : { fixes: payload.fixes }),
      });
      fs.rmSync(file, { force: true });
      return summary;
    }),
  onFailed: (job, _error, context) => {
    fs.rmSync(uploadPathOf(context.app, job.payload), { force: true });
    return Promise.resolve();
  },
});
