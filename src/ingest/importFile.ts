import path from 'node:path';
import type { AppContext } from '../appContext.js';
import type { Actor } from '../audit/actor.js';
import { scopeOf, type Scope } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import { findBatch } from './batchesRepository.js';
import { datasets } from './datasets/index.js';
import { datasetKeys, isDatasetKey } from './datasetDefinition.js';
import type { ImportSummary } from './finaliseBatch.js';
import { findHeaderMapping, mappingUse } from './headerMappingsRepository.js';
import { importTable, type ImportProgress } from './importTable.js';

export interface ImportFileInput {
  dataset: string;
  filePath: string;
  /** The name the clerk gave the file (an upload is stored under another name). */
  fileName?: string;
  /** The supplying department; the dataset's usual department by default. */
  source?: string;
  actor: Actor;
  scope: Scope;
  /** The batch whose quarantined rows this file fixes. */
  fixes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Read the file in a worker thread (default: when it is larger than 8 MB). */
  useWorker?: boolean;
}

export function datasetOrFail(key: string) {
  if (!isDatasetKey(key))
    throw new JianduError('UNKNOWN_DATASET', { dataset: key, known: datasetKeys.join(', ') });
  return datasets[key];
}

/** Imports one template file (CSV or XLSX) into a new pending batch. */
export async function importFile(ctx: AppContext, input: ImportFileInput): Promise<ImportSummary> {
  const definition = datasetOrFail(input.dataset);
  const source = input.source?.trim() || definition.department;
  const fixes =
    input.fixes === undefined
      ? undefined
      : await findBatch(ctx.handle.db, input.scope, input.fixes);
  if (input.fixes !== undefined && (!fixes || fixes.dataset !== definition.key)) {
    throw new JianduError('BATCH_NOT_FOUND', { batch: input.fixes });
  }
  // Fixed rows join (or sit beside) the batch they fix: they are held to its jurisdiction.
  const scope = fixes ? scopeOf(fixes.jurisdiction_code) : input.scope;
  const saved = await findHeaderMapping(ctx.handle.db, definition.key, source, scope);
  return importTable(ctx, {
    definition,
    source,
    channel: fixes ? 'fix' : 'file',
    fileName: input.fileName ?? path.basename(input.filePath),
    table: {
      kind: 'file',
      path: input.filePath,
      // Errors about the file name it as its owner knows it (an upload's own path means nothing).
      label: input.fileName ?? input.filePath,
      ...(input.useWorker === undefined ? {} : { useWorker: input.useWorker }),
    },
    actor: input.actor,
    scope,
    ...(saved ? { headerMapping: saved.mapping, headerMappingUse: mappingUse(saved) } : {}),
    ...(fixes ? { fixes } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
}
